// Seeds the demo scenarios (README.md, "Demo scenarios") on the local chain, as a history: each action is a transaction
// by the party accountable for it, at the time it happened (anvil's next-block timestamp), so the record
// reads like years of real use. Dates that matter for expiry and release are relative to the seed day.
// The off-anvil test writes the same history on Hardhat's node, signed by that node's own accounts
// (SeedChain): the demo keys stay refused off the local chain.
import {
  AbiCoder,
  keccak256,
  type ContractTransactionResponse,
  type JsonRpcProvider,
  type Signer,
  type Log,
  ZeroHash,
  id,
} from "ethers";
import { bindContracts, findEvent, type ContractName, type Contracts } from "../../lib/chain/contracts";
import type { EventArgs, EventName, FunctionName } from "../../lib/chain/abi-types";
import type { Deployment } from "../../lib/chain/deployment";
import { assertLocalChain, demoBoxSecret, demoSerialSigner, demoWallet } from "./accounts";
import { signSerial } from "../../lib/chain/serials";
import { checkCodeDigest, checkCodeOf, type PublishedCheckCode } from "../../lib/chain/check-codes";
import {
  possessionList,
  possessionProof,
  possessionRoot,
  signPossession,
  type PossessionList,
} from "../../lib/chain/possession";
import {
  CERTIFICATES,
  FILINGS,
  BONDS,
  DEMO_ORDER,
  DEMO_PENDING_DELIVERY,
  DEMO_SHOPPER_ACCOUNT,
  PARTIES,
  PRICE_CAPS,
  PRICE_CAP_BASIS,
  PRICE_CAP_REGION,
  PRICE_CAPS_FROM,
  PRICE_SURVEY,
  PRODUCTION_LICENCES,
  PRODUCTS,
  STERILIZER,
  UNREGISTERED_GTIN,
  WORKSHOPS,
  WORKING_CAPITAL,
  type PartyKey,
  type ProductKey,
} from "./world";
import { DAY, isoDateToSeconds, secondsToIsoDate, startOfDay } from "../../lib/domain/time";
import { toBracketed, toDigitalLink } from "../../lib/domain/gs1";
import { formatBoxSecret } from "../../lib/domain/box-secret";
import { confirmation } from "../../lib/chain/receipts";

export const SCENARIO_IDS = [
  "genuine",
  "recalled",
  "unreleased",
  "high-yield",
  "licence-revoked",
  "unknown-serial",
  "cloned",
  "price-gouging",
  "expired",
  "complaint-upheld",
  "complaint-open",
  "unregistered",
] as const;

export type ScenarioId = (typeof SCENARIO_IDS)[number];
export type ExpectedVerdict = "genuine" | "caution" | "suspect" | "not_found";

export interface Scenario {
  id: ScenarioId;
  title: string;
  /** What a person scanning this box should see. */
  expect: string;
  verdict: ExpectedVerdict;
  gtin: string;
  lot: string;
  serial: string;
  expiry: string;
  /** The GS1 Digital Link printed on the box, with the manufacturer's signature (AI 8030). */
  code: string;
  /** The human-readable line printed under the QR (no signature: a person types it). */
  printed: string;
  /** The check code printed after that line (lib/chain/check-codes.ts); null on a box no one signed. */
  checkCode: string | null;
  /** The secret printed inside the box (proof of possession for a complaint); absent for a box that
   * was never made (an unregistered product, a serial outside its batch). */
  secret?: string;
}

/** The box of the complaint-open batch that its open complaint is about (the scenario's box is 100032). */
export const OPEN_COMPLAINT_SERIAL = 100031;

/** The earliest moment of the demo history: before the oldest licence-relevant event. */
export const DEMO_GENESIS = isoDateToSeconds("2024-01-02");

const LICENCE_KIND = { ProductionLicence: 0, RegistrationCertificate: 1, DistributionFiling: 2 } as const;
const CHANNEL = { ExFactory: 0, Wholesale: 1, Retail: 2 } as const;
const HOUR = 3600;

interface Step {
  at: number;
  label: string;
  run: () => Promise<ContractTransactionResponse>;
  after?: (logs: readonly Log[]) => void;
}

interface BatchPlan {
  scenario: ScenarioId | null;
  product: ProductKey;
  lot: string;
  produced: number;
  masks: number;
  masksPerBox: number;
  grams: number;
  materialLot: string;
  sterilised?: { start: number; end: number };
  tests?: { at: number; values: Record<number, number> };
  releasedAt?: number;
  expiry: number;
}

const BATCH_SERIAL_START = 100001;

/** A value an earlier step must have produced; its absence is a bug in the step order. */
function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Seed step order: ${what} is not known yet`);
  return value;
}

/** Event E of contract N among a step's logs, decoded; its absence is a bug in the step. */
function event<N extends ContractName, E extends EventName<N>>(
  logs: readonly Log[],
  contract: N,
  name: E,
): EventArgs<N, E> {
  return need(findEvent(contract, name, logs) ?? undefined, `event ${name}`);
}

/** As MaterialRegistry computes it: keccak256(abi.encode(manufacturer, workshopName)). */
function workshopId(manufacturer: string, name: string): string {
  return keccak256(AbiCoder.defaultAbiCoder().encode(["address", "string"], [manufacturer, name]));
}

/** YYMMDD + suffix in CST, the way the makers name their lots. */
function lotCode(produced: number, suffix: string): string {
  return secondsToIsoDate(produced).slice(2).replaceAll("-", "") + suffix;
}

const SURGICAL_PASS = { 1: 9860, 2: 4100, 3: 380, 4: 120, 5: 0, 6: 20, 7: 32 };

/** A batch's published possession leaves (see ../possession), keyed by its on-chain batch id. */
export interface PossessionCommitment extends PossessionList {
  batchId: string;
}

/** A demo party's signer: its address is known without asking the node. */
export type SeedSigner = Signer & { readonly address: string };

/**
 * How the seed reaches its chain: who signs as the n-th account of the test mnemonic (PARTIES' `account`),
 * and how the chain's clock goes back to wall-clock time after the history. Both anvil and Hardhat's
 * node take evm_setNextBlockTimestamp for the history itself.
 */
export interface SeedChain {
  signer(account: number): Promise<SeedSigner>;
  resumeWallClock(at: number): Promise<void>;
}

/** The embedded chain: anvil, signed with the demo keys, which are refused on any other chain. */
async function localChain(provider: JsonRpcProvider): Promise<SeedChain> {
  await assertLocalChain(provider);
  return {
    signer: async (account) => demoWallet(account, provider),
    resumeWallClock: async (at) => void (await provider.send("evm_setTime", [at])),
  };
}

export interface SeedResult {
  scenarios: Scenario[];
  seededAt: number;
  possession: PossessionCommitment[];
  /** The digests of the check codes printed on the scenarios' boxes, as their makers publish them. */
  checkCodes: PublishedCheckCode[];
}

export async function seedDemo(
  provider: JsonRpcProvider,
  deployment: Deployment,
  base: string,
  seedChain?: SeedChain,
): Promise<SeedResult> {
  const chain = seedChain ?? (await localChain(provider));
  const wallets = Object.fromEntries(
    await Promise.all(
      Object.entries(PARTIES).map(async ([key, party]) => [key, await chain.signer(party.account)]),
    ),
  ) as Record<PartyKey, SeedSigner>;
  const as = (party: PartyKey): Contracts => bindContracts(deployment.addresses, wallets[party]);
  const read = bindContracts(deployment.addresses, provider);

  const now = Math.floor(Date.now() / 1000);
  const today = startOfDay(now);
  const day = (n: number, hour = 10) => today + n * DAY + hour * HOUR;

  const steps: Step[] = [];
  const step = (at: number, label: string, run: Step["run"], after?: Step["after"]) =>
    steps.push({ at, label, run, after });

  const role = (name: FunctionName<"AccessRegistry"> & `${string}_ROLE`) =>
    read.AccessRegistry.getFunction(name)();
  const roles = {
    REGULATOR: await role("REGULATOR_ROLE"),
    SUPPLIER: await role("SUPPLIER_ROLE"),
    MANUFACTURER: await role("MANUFACTURER_ROLE"),
    AUDITOR: await role("AUDITOR_ROLE"),
    LAB: await role("LAB_ROLE"),
    DISTRIBUTOR: await role("DISTRIBUTOR_ROLE"),
    PHARMACY: await role("PHARMACY_ROLE"),
    INSPECTOR: await role("INSPECTOR_ROLE"),
  };

  // ---- participants and licences -------------------------------------------------------------
  for (const [key, party] of Object.entries(PARTIES) as [PartyKey, (typeof PARTIES)[PartyKey]][]) {
    if (key === "regulator") continue;
    step(DEMO_GENESIS + party.account * 60, `register ${party.name}`, () =>
      as("regulator").AccessRegistry.getFunction("registerParticipant")(
        wallets[key].address,
        roles[party.role],
        party.name,
        party.creditCode,
        party.region,
      ),
    );
  }

  const licenceIds = new Map<string, bigint>();
  const grant = (
    at: number,
    key: string,
    kind: keyof typeof LICENCE_KIND,
    holder: PartyKey,
    number: string,
    categories: number,
    validFrom: string,
    validUntil: string,
  ) =>
    step(
      at,
      `grant ${number}`,
      () =>
        as("regulator").AccessRegistry.getFunction("grantLicence")(
          LICENCE_KIND[kind],
          wallets[holder].address,
          number,
          categories,
          isoDateToSeconds(validFrom),
          isoDateToSeconds(validUntil) + DAY - 1,
        ),
      (logs) => licenceIds.set(key, event(logs, "AccessRegistry", "LicenceGranted").licenceId),
    );

  const allCategories = 0b11110;
  PRODUCTION_LICENCES.forEach((licence, i) =>
    grant(
      DEMO_GENESIS + HOUR + i * 60,
      `production:${licence.maker}:${i}`,
      "ProductionLicence",
      licence.maker,
      licence.number,
      allCategories,
      licence.validFrom,
      licence.validUntil,
    ),
  );
  for (const [key, cert] of Object.entries(CERTIFICATES) as [
    ProductKey,
    (typeof CERTIFICATES)[ProductKey],
  ][]) {
    const product = PRODUCTS[key];
    grant(
      Math.max(DEMO_GENESIS, isoDateToSeconds(cert.validFrom)) + 2 * HOUR,
      `certificate:${key}`,
      "RegistrationCertificate",
      product.maker,
      cert.number,
      1 << product.category,
      cert.validFrom,
      cert.validUntil,
    );
    step(Math.max(DEMO_GENESIS, isoDateToSeconds(cert.validFrom)) + 3 * HOUR, `product ${product.gtin}`, () =>
      as(product.maker).AccessRegistry.getFunction("registerProduct")(
        BigInt(product.gtin),
        product.category,
        need(licenceIds.get(`certificate:${key}`), `certificate of ${key}`),
        product.name,
      ),
    );
  }
  for (const [seller, number] of Object.entries(FILINGS) as [PartyKey, string][]) {
    grant(
      DEMO_GENESIS + 4 * HOUR,
      `filing:${seller}`,
      "DistributionFiling",
      seller,
      number,
      allCategories,
      "2023-06-01",
      "2099-12-31",
    );
  }

  // ---- workshops: yearly attestations covering the whole history and the next year ------------
  for (const maker of ["qinghe", "linjiang"] as const) {
    for (let from = isoDateToSeconds("2024-01-05"); from < now + 200 * DAY; from += 365 * DAY) {
      // An audit happens before the period it attests; the next year's is done by yesterday at the latest.
      step(
        Math.min(from + 9 * HOUR, day(-1, 9)),
        `attest ${WORKSHOPS[maker]} ${secondsToIsoDate(from)}`,
        () =>
          as("auditor").MaterialRegistry.getFunction("attestWorkshop")({
            auditor: wallets.auditor.address,
            manufacturer: wallets[maker].address,
            workshopId: ZeroHash,
            workshopName: WORKSHOPS[maker],
            cleanClass: 100000,
            particles05PerM3: 2_180_000,
            particles5PerM3: 9_600,
            airborneCfuPerM3: 120,
            settlingCfuPerPlate: 3,
            temperatureDeciC: 223,
            humidityDeciPct: 536,
            pressureDeciPa: 152,
            staffHealthChecked: true,
            staffTrained: true,
            validFrom: from,
            validUntil: from + 365 * DAY - 1,
            reportHash: id(`attestation ${maker} ${from}`),
            attestedAt: 0,
          }),
      );
    }
  }

  // ---- price caps ------------------------------------------------------------------------------
  for (const cap of PRICE_CAPS) {
    step(isoDateToSeconds(PRICE_CAPS_FROM) - DAY, `cap ${cap.category} ${cap.channel}`, () =>
      as("regulator").PriceRegistry.getFunction("setPriceCap")(
        cap.category,
        PRICE_CAP_REGION,
        CHANNEL[cap.channel],
        cap.fen,
        isoDateToSeconds(PRICE_CAPS_FROM),
        PRICE_CAP_BASIS,
      ),
    );
  }

  // ---- bonds: minted by the regulator (the demo token), approved and posted by each party -----------
  for (const [key, fen] of Object.entries(BONDS) as [PartyKey, number][]) {
    const at = DEMO_GENESIS + 5 * HOUR + PARTIES[key].account * 60;
    step(at, `mint ${fen} fen for ${key}`, () =>
      as("regulator").SettlementToken.getFunction("mint")(wallets[key].address, fen),
    );
    step(at + 10, `approve bond of ${key}`, () =>
      as(key).SettlementToken.getFunction("approve")(deployment.addresses.ComplaintRegistry, fen),
    );
    step(at + 20, `bond of ${key}`, () => as(key).ComplaintRegistry.getFunction("postBond")(fen));
  }

  // ---- working capital for purchase orders, minted by the regulator ------------------------------------
  for (const [key, fen] of Object.entries(WORKING_CAPITAL) as [PartyKey, number][]) {
    step(DEMO_GENESIS + 6 * HOUR + PARTIES[key].account * 60, `working capital of ${key}`, () =>
      as("regulator").SettlementToken.getFunction("mint")(wallets[key].address, fen),
    );
  }

  // ---- material lots and batches -----------------------------------------------------------------
  const lotIds = new Map<string, bigint>();
  const materialLot = (code: string, kg: number, registered: number, maker: "qinghe" | "linjiang") => {
    step(
      registered,
      `lot ${code}`,
      () =>
        as("supplier").MaterialRegistry.getFunction("registerLot")(
          code,
          "BFE99 25 g/m²",
          BigInt(kg * 1000),
          id(`meltblown report ${code}`),
        ),
      (logs) => lotIds.set(code, event(logs, "MaterialRegistry", "LotRegistered").lotId),
    );
    step(registered + 2 * DAY, `transfer ${code}`, () =>
      as("supplier").MaterialRegistry.getFunction("transferLot")(
        need(lotIds.get(code), `lot ${code}`),
        wallets[maker].address,
      ),
    );
  };

  const batchIds = new Map<string, string>();
  const possession = new Map<string, PossessionList>();
  const shipmentIds: bigint[] = [];
  const batchKey = (plan: BatchPlan) => `${PRODUCTS[plan.product].gtin}/${plan.lot}`;

  const batch = (plan: BatchPlan) => {
    const product = PRODUCTS[plan.product];
    const maker = product.maker;
    const key = batchKey(plan);
    const boxes = Math.ceil(plan.masks / plan.masksPerBox);
    const serials = Array.from({ length: boxes }, (_, i) => BATCH_SERIAL_START + i);
    const list = possessionList(
      BATCH_SERIAL_START,
      serials.map((serial) => demoBoxSecret(product.gtin, plan.lot, serial)),
    );
    possession.set(key, list);
    step(
      plan.produced + 8 * HOUR,
      `batch ${key}`,
      () =>
        as(maker).BatchRegistry.getFunction("registerBatch")({
          gtin: BigInt(product.gtin),
          lot: plan.lot,
          productionDate: plan.produced,
          expiryDate: plan.expiry,
          masks: plan.masks,
          masksPerBox: plan.masksPerBox,
          serialStart: BATCH_SERIAL_START,
          workshopId: workshopId(wallets[maker].address, WORKSHOPS[maker]),
          materials: [
            {
              lotId: need(lotIds.get(plan.materialLot), `lot ${plan.materialLot}`),
              grams: BigInt(plan.grams),
            },
          ],
          signer: demoSerialSigner(PARTIES[maker].account).address,
          possessionRoot: possessionRoot(list.leaves),
        }),
      (logs) => batchIds.set(key, event(logs, "BatchRegistry", "BatchRegistered").batchId),
    );
    const batchId = () => need(batchIds.get(key), `batch ${key}`);
    if (plan.sterilised) {
      const { start, end } = plan.sterilised;
      step(end + HOUR, `sterilise ${key}`, () =>
        as(maker).BatchRegistry.getFunction("recordSterilisation")(batchId(), {
          sterilizer: STERILIZER,
          method: "EO",
          startedAt: start,
          endedAt: end,
          reportHash: id(`sterilisation ${key}`),
        }),
      );
    }
    if (plan.tests) {
      const values = plan.tests.values;
      step(plan.tests.at, `tests ${key}`, () =>
        as("lab").TestRegistry.getFunction("postTestReport")(
          batchId(),
          Object.entries(values).map(([metric, value]) => ({ metric: Number(metric), value })),
          id(`test report ${key}`),
          false,
        ),
      );
    }
    if (plan.releasedAt !== undefined) {
      step(plan.releasedAt, `release ${key}`, () =>
        as(maker).BatchRegistry.getFunction("release")(batchId()),
      );
    }
    return { key, batchId, maker, product: plan.product, lot: plan.lot, masksPerBox: plan.masksPerBox };
  };

  /** Ships at `at`, received a day later unless `received` is false; the shipment id once its step has run. */
  const ship = (
    b: ReturnType<typeof batch>,
    from: PartyKey,
    to: PartyKey,
    boxes: number,
    at: number,
    received = true,
  ) => {
    let shipment = 0n;
    step(
      at,
      `ship ${b.key} ${from}→${to}`,
      () => as(from).CustodyRegistry.getFunction("ship")(b.batchId(), wallets[to].address, boxes),
      (logs) => {
        shipment = event(logs, "CustodyRegistry", "Shipped").shipmentId;
        shipmentIds.push(shipment);
      },
    );
    if (received)
      step(at + DAY, `receive ${b.key} at ${to}`, () =>
        as(to).CustodyRegistry.getFunction("acceptShipment")(shipment),
      );
    return () => shipment;
  };

  const recordPrice = (b: ReturnType<typeof batch>, seller: PartyKey, fen: number, at: number) =>
    step(at, `price ${b.key} at ${seller}`, () =>
      as("inspector").PriceRegistry.getFunction("recordPrice")(
        wallets[seller].address,
        b.batchId(),
        PRICE_CAP_REGION,
        CHANNEL.Retail,
        fen,
        id(`price photo ${b.key} ${seller} ${at}`),
      ),
    );

  const standardRun = (produced: number, holdDays: number) => ({
    sterilised: { start: produced + 5 * HOUR, end: produced + DAY },
    tests: { at: produced + 6 * DAY, values: SURGICAL_PASS },
    releasedAt: produced + DAY + holdDays * DAY + 2 * HOUR,
  });
  const twoYears = (produced: number) => produced + 2 * 365 * DAY - DAY;

  // expired: the 2024 batch of README.md, "Demo scenarios" — 500,000 masks from MB-2403-07, released 2024-03-29.
  materialLot("MB-2403-07", 500, isoDateToSeconds("2024-03-05") + 9 * HOUR, "qinghe");
  const expiredProduced = isoDateToSeconds("2024-03-15");
  const expired = batch({
    scenario: "expired",
    product: "surgical",
    lot: "240315A",
    produced: expiredProduced,
    masks: 500_000,
    masksPerBox: 50,
    grams: 460_000,
    materialLot: "MB-2403-07",
    sterilised: { start: expiredProduced + 2 * HOUR, end: expiredProduced + 8 * HOUR },
    tests: { at: isoDateToSeconds("2024-03-22") + 15 * HOUR, values: SURGICAL_PASS },
    releasedAt: isoDateToSeconds("2024-03-29") + 10 * HOUR,
    expiry: isoDateToSeconds("2026-03-14"),
  });
  ship(expired, "qinghe", "distributor", 4000, isoDateToSeconds("2024-04-02") + 10 * HOUR);
  ship(expired, "distributor", "renxin", 200, isoDateToSeconds("2024-04-10") + 10 * HOUR);
  for (const survey of PRICE_SURVEY)
    recordPrice(expired, survey.seller, survey.fen, isoDateToSeconds(survey.on) + 15 * HOUR);

  // Relative batches: each gets its own meltblown lot a fortnight before production.
  const relative = (
    scenario: ScenarioId | null,
    product: ProductKey,
    daysAgo: number,
    masks: number,
    kg: number,
    masksPerBox: number,
    options: { released?: boolean; holdDays?: number } = {},
  ) => {
    const produced = day(-daysAgo, 0);
    const maker = PRODUCTS[product].maker;
    const code = `MB-${secondsToIsoDate(produced - 14 * DAY)
      .slice(2, 7)
      .replace("-", "")}-${String(daysAgo).padStart(2, "0")}`;
    materialLot(code, Math.ceil(kg * 1.1), produced - 14 * DAY, maker);
    const run = standardRun(produced, options.holdDays ?? 16);
    const values =
      PRODUCTS[product].category === 2 ? { 8: 9720, 9: 2650, 4: 80, 6: 35, 7: 41 } : SURGICAL_PASS;
    const protectiveOrDisposable =
      PRODUCTS[product].category === 3 ? { 1: 9710, 3: 410, 6: 40, 7: 38 } : values;
    return batch({
      scenario,
      product,
      lot: lotCode(produced, "A"),
      produced,
      masks,
      masksPerBox,
      grams: kg * 1000,
      materialLot: code,
      sterilised: run.sterilised,
      tests: { at: run.tests.at, values: protectiveOrDisposable },
      releasedAt: options.released === false ? undefined : run.releasedAt,
      expiry: twoYears(produced),
    });
  };

  const genuine = relative("genuine", "surgical", 60, 200_000, 190, 50);
  ship(genuine, "qinghe", "distributor", 3000, day(-40));
  // 仁心 orders the 400 boxes two days before they ship and pays into escrow; the distributor ties its
  // shipment to the order, 仁心's acceptance of the delivery releases the payment, the distributor collects.
  const order = DEMO_ORDER;
  const orderAmount = order.boxes * genuine.masksPerBox * order.fenPerPiece;
  let orderId = 0n;
  step(day(-32, 15), "approve the purchase order's escrow", () =>
    as(order.buyer).SettlementToken.getFunction("approve")(deployment.addresses.OrderBook, orderAmount),
  );
  step(
    day(-32, 15) + 60,
    "place the purchase order",
    () =>
      as(order.buyer).OrderBook.getFunction("placeOrder")(
        wallets[order.seller].address,
        genuine.batchId(),
        order.boxes,
        order.fenPerPiece,
        day(-25, 18),
      ),
    (logs) => (orderId = event(logs, "OrderBook", "OrderPlaced").orderId),
  );
  // The buyer's receipt of this shipment, a day later, settles the order in the same transaction.
  const orderShipment = ship(genuine, order.seller, order.buyer, order.boxes, day(-30));
  step(day(-30, 11), "fulfil the purchase order with the shipment", () =>
    as(order.seller).OrderBook.getFunction("fulfil")(orderId, orderShipment()),
  );
  step(day(-28, 9), "the distributor collects the payment", () =>
    as(order.seller).OrderBook.getFunction("withdraw")(),
  );
  recordPrice(genuine, "renxin", 150, day(-20, 15));
  // A delivery on its way since before the cloned serial's sale (so that sale stays the box's last event):
  // 仁心's receiving desk has it to scan and accept (or reject) in the demo.
  ship(genuine, "distributor", DEMO_PENDING_DELIVERY.to, DEMO_PENDING_DELIVERY.boxes, day(-4, 10), false);
  step(day(-3, 15), "sell the cloned serial", () =>
    as("renxin").CustodyRegistry.getFunction("decommission")(genuine.batchId(), 100200n),
  );

  const recalled = relative("recalled", "surgical", 120, 300_000, 285, 50);
  ship(recalled, "qinghe", "distributor", 5000, day(-98));
  ship(recalled, "distributor", "bianmin", 300, day(-90));
  step(day(-15, 16), "failing retest", () =>
    as("lab").TestRegistry.getFunction("postTestReport")(
      recalled.batchId(),
      Object.entries({ ...SURGICAL_PASS, 1: 9120 }).map(([metric, value]) => ({
        metric: Number(metric),
        value,
      })),
      id("retest report recalled"),
      true,
    ),
  );
  step(day(-12, 9), "recall", () =>
    as("regulator").BatchRegistry.getFunction("recall")(
      recalled.batchId(),
      "监督抽检不合格：细菌过滤效率 91.2%，低于 YY 0469 要求的 95%",
    ),
  );

  const unreleased = relative("unreleased", "protective", 9, 30_000, 95, 10, { released: false });
  recordPrice(unreleased, "baixing", 850, day(-1, 11));

  const highYield = relative("high-yield", "surgical", 80, 240_000, 195, 50);
  ship(highYield, "qinghe", "distributor", 4000, day(-60));

  const revoked = relative("licence-revoked", "linjiangDisposable", 200, 100_000, 95, 50);
  ship(revoked, "linjiang", "distributor", 1500, day(-175));
  step(day(-30, 14), "revoke licence", () =>
    as("regulator").AccessRegistry.getFunction("revokeLicence")(
      need(licenceIds.get("production:linjiang:3"), `licence "production:linjiang:3"`),
      day(-30, 0),
      "飞行检查发现洁净车间环境监测数据不真实，吊销生产许可",
    ),
  );

  const gouging = relative("price-gouging", "surgical", 45, 150_000, 140, 50);
  ship(gouging, "qinghe", "distributor", 2000, day(-26));
  ship(gouging, "distributor", "bianmin", 300, day(-20));
  recordPrice(gouging, "bianmin", 300, day(-5, 14));

  const complained = relative("complaint-upheld", "surgical", 100, 180_000, 170, 50);
  ship(complained, "qinghe", "distributor", 3000, day(-80));
  ship(complained, "distributor", "renxin", 300, day(-70));
  // A shopper bought box 100149 at 仁心 for 75 yuan; its ear loops came off. She files with the box's
  // possession signature for her address (made from the secret inside the box), 青禾 answers, an inspector upholds: 500 yuan to her (the legal minimum beats
  // 4 × 75), a 1,000-yuan fine to the treasury, both from 青禾's bond, and both withdrawn.
  const shopper = await chain.signer(DEMO_SHOPPER_ACCOUNT);
  /** The shopper's spec complaint about box `serial` of `b`, bought at `seller`, with its possession proof. */
  const fileSpecComplaint = (
    b: ReturnType<typeof batch>,
    serial: number,
    pricePaidFen: number,
    seller: PartyKey,
  ) => {
    const list = need(possession.get(b.key), `possession list of ${b.key}`);
    const gtin = PRODUCTS[b.product].gtin;
    const possessionSignature = signPossession(demoBoxSecret(gtin, b.lot, serial), {
      complainant: shopper.address,
      batchId: b.batchId(),
      serial,
      chainId: deployment.chainId,
      registry: deployment.addresses.ComplaintRegistry,
    });
    return bindContracts(deployment.addresses, shopper).ComplaintRegistry.getFunction("fileComplaint")(
      BigInt(gtin),
      b.lot,
      serial,
      0, // SpecFailure
      possessionSignature,
      possessionProof(list.leaves, serial - list.serialStart),
      pricePaidFen,
      wallets[seller].address,
      id(`complaint evidence ${b.key}/${serial}`),
    );
  };
  const complainedSerial = 100149;
  let complaintId = 0n;
  step(
    day(-25, 14),
    "file the upheld complaint",
    () => fileSpecComplaint(complained, complainedSerial, 7500, "renxin"),
    (logs) => (complaintId = event(logs, "ComplaintRegistry", "ComplaintFiled").complaintId),
  );
  step(day(-23, 11), "answer the complaint", () =>
    as("qinghe").ComplaintRegistry.getFunction("answer")(complaintId, id("青禾: retained samples pass")),
  );
  step(day(-15, 10), "uphold the complaint", () =>
    as("inspector").ComplaintRegistry.getFunction("rule")(
      complaintId,
      true,
      id("耳带连接强度不足 10 N（YY 0469），投诉成立"),
    ),
  );
  step(day(-12, 19), "the shopper withdraws her compensation", () =>
    bindContracts(deployment.addresses, shopper).ComplaintRegistry.getFunction("withdraw")(),
  );
  step(day(-10, 9), "the treasury withdraws the fine", () =>
    as("regulator").ComplaintRegistry.getFunction("withdraw")(),
  );

  // complaint-open: the shopper's spec complaint about box 100031, bought at 百姓 two days ago, that no one
  // has answered, retested or ruled on: information on the batch, not a caution (lib/domain/complaint-weight).
  const openComplaint = relative("complaint-open", "disposable", 50, 120_000, 115, 50);
  ship(openComplaint, "qinghe", "distributor", 2000, day(-30));
  ship(openComplaint, "distributor", "baixing", 200, day(-20));
  step(day(-2, 16), "file the open complaint", () =>
    fileSpecComplaint(openComplaint, OPEN_COMPLAINT_SERIAL, 1500, "baixing"),
  );

  await runSteps(provider, steps, now);
  // Back to wall-clock time, so the next transaction after seeding carries today's date.
  await chain.resumeWallClock(
    Math.max(Math.floor(Date.now() / 1000), (steps[steps.length - 1]?.at ?? 0) + 1),
  );

  // ---- scenarios: the codes printed on the boxes ------------------------------------------------
  const signed = (
    product: ProductKey,
    lot: string,
    serial: number,
    expiry: number,
    key = demoSerialSigner(PARTIES[PRODUCTS[product].maker].account),
  ) => {
    const gtin = PRODUCTS[product].gtin;
    const serialText = String(serial);
    const expiryIso = secondsToIsoDate(expiry);
    const signature = signSerial(key.signingKey, gtin, lot, serialText);
    return {
      gtin,
      lot,
      serial: serialText,
      expiry: expiryIso,
      code: toDigitalLink({ gtin, lot, serial: serialText, expiry: expiryIso, signature }, base),
      printed: toBracketed({ gtin, lot, serial: serialText, expiry: expiryIso }),
      checkCode: checkCodeOf(signature),
    };
  };
  // The labels the makers printed, so they publish their check codes (a forger's, below, publishes none).
  const checkCodes: PublishedCheckCode[] = [];
  const box = (b: ReturnType<typeof batch>, serial: number, expiry: number) => {
    const label = signed(b.product, b.lot, serial, expiry);
    const batchId = b.batchId();
    checkCodes.push({
      batchId,
      serial: label.serial,
      digest: checkCodeDigest(batchId, label.serial, label.checkCode),
    });
    return label;
  };
  const expiryOf = (daysAgo: number) => twoYears(day(-daysAgo, 0));

  const counterfeiter = demoSerialSigner(99);
  const scenarios: Scenario[] = [
    {
      id: "genuine",
      title: "A genuine box",
      expect: "Genuine: released after a 16-day hold, tests passed, in stock at 仁心大药房.",
      verdict: "genuine",
      ...box(genuine, 100123, expiryOf(60)),
    },
    {
      id: "recalled",
      title: "A recalled lot",
      expect: "Suspect: recalled by the regulator 12 days ago after a failing BFE retest (91.2 %).",
      verdict: "suspect",
      ...box(recalled, 100456, expiryOf(120)),
    },
    {
      id: "unreleased",
      title: "An unreleased lot found in a shop",
      expect:
        "Suspect: the batch is still in its EO hold and was never released — boxes in a shop were diverted.",
      verdict: "suspect",
      ...box(unreleased, 100077, expiryOf(9)),
    },
    {
      id: "high-yield",
      title: "A lot with yield above typical",
      expect: "Caution: 1,231 masks per kg of meltblown, above the typical 1,110 (ceiling 1,300).",
      verdict: "caution",
      ...box(highYield, 100310, expiryOf(80)),
    },
    {
      id: "licence-revoked",
      title: "A licence revoked after production",
      expect: "Caution: made while 临江卫材 was licensed; its production licence was revoked 30 days ago.",
      verdict: "caution",
      ...box(revoked, 100042, expiryOf(200)),
    },
    {
      id: "unknown-serial",
      title: "An unknown serial on a real lot",
      expect:
        "Suspect: the lot is real but this serial was never issued and the signature is not the maker's.",
      verdict: "suspect",
      ...signed("surgical", genuine.lot, 990001, expiryOf(60), counterfeiter),
    },
    {
      id: "cloned",
      title: "A cloned serial already sold",
      expect: "Suspect: this serial was sold at 仁心大药房 3 days ago; a second box with it is a copy.",
      verdict: "suspect",
      ...box(genuine, 100200, expiryOf(60)),
    },
    {
      id: "price-gouging",
      title: "A seller above the price cap",
      expect: "Caution: recorded at 3.00 yuan/piece at 便民大药房 against a retail cap of 1.80 yuan.",
      verdict: "caution",
      ...box(gouging, 100088, expiryOf(45)),
    },
    {
      id: "expired",
      title: "An expired lot",
      expect: "Suspect: lot 240315A expired on 2026-03-14.",
      verdict: "suspect",
      ...box(expired, 100321, isoDateToSeconds("2026-03-14")),
    },
    {
      id: "complaint-upheld",
      title: "A batch with an upheld complaint",
      expect:
        "Caution: a spec complaint about this batch was upheld 15 days ago; 500 yuan compensation and a 1,000-yuan fine were paid from 青禾医疗's bond.",
      verdict: "caution",
      ...box(complained, 100150, expiryOf(100)),
    },
    {
      id: "complaint-open",
      title: "A batch with an open complaint no one has examined",
      expect:
        "Genuine: a shopper's complaint about another box, filed 2 days ago, is shown for information until an inspector or a lab takes it up.",
      verdict: "genuine",
      ...box(openComplaint, 100032, expiryOf(50)),
    },
    {
      id: "unregistered",
      title: "An unregistered product",
      expect: "Not found: no manufacturer registered this GTIN.",
      verdict: "not_found",
      gtin: UNREGISTERED_GTIN,
      lot: "241101A",
      serial: "100001",
      expiry: "2027-10-31",
      code: toDigitalLink(
        { gtin: UNREGISTERED_GTIN, lot: "241101A", serial: "100001", expiry: "2027-10-31" },
        base,
      ),
      printed: toBracketed({
        gtin: UNREGISTERED_GTIN,
        lot: "241101A",
        serial: "100001",
        expiry: "2027-10-31",
      }),
      checkCode: null,
    },
  ];
  const secrets = scenarios.map((scenario) => {
    const list = possession.get(`${scenario.gtin}/${scenario.lot}`);
    const serial = Number(scenario.serial);
    const inBatch =
      list !== undefined && serial >= list.serialStart && serial < list.serialStart + list.leaves.length;
    // A copied box carries a real code but not the secret inside the original.
    return inBatch && scenario.id !== "cloned"
      ? { ...scenario, secret: formatBoxSecret(demoBoxSecret(scenario.gtin, scenario.lot, serial)) }
      : scenario;
  });
  return {
    scenarios: secrets,
    seededAt: now,
    possession: [...possession].map(([key, list]) => ({ batchId: need(batchIds.get(key), key), ...list })),
    checkCodes,
  };
}

/** Runs the steps in time order, one block each, at their historical timestamps (never in the future). */
async function runSteps(provider: JsonRpcProvider, steps: Step[], now: number): Promise<void> {
  const future = steps.find((s) => s.at > now);
  if (future) throw new Error(`Seed step "${future.label}" is dated in the future`);
  steps.sort((a, b) => a.at - b.at);
  const latest = await provider.getBlock("latest");
  let last = latest?.timestamp ?? 0;
  for (const s of steps) {
    const at = Math.max(s.at, last + 1);
    await provider.send("evm_setNextBlockTimestamp", [at]);
    let receipt;
    try {
      receipt = await confirmation(await s.run());
    } catch (error) {
      throw new Error(`Seeding failed at "${s.label}": ${(error as Error).message}`, { cause: error });
    }
    last = at;
    if (s.after && receipt) s.after(receipt.logs);
  }
}
