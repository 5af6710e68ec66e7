// Back-office actions, each one transaction by the accountable party: register a meltblown lot, attest
// a workshop, register a batch, record sterilisation, post test results, release, the regulator's acts
// (licences, roles, suspensions, recall, price caps), and the purchase-order steps (place, fulfil, answer the delivery, settle, cancel, withdraw). Used
// by the CLI (and the back-office pages). Reverts come back as plain errors via errors.ts.
import {
  AbiCoder,
  Wallet,
  keccak256,
  id,
  isHexString,
  type Provider,
  type Signer,
  Contract,
  ZeroHash,
  type Log,
} from "ethers";
import {
  bindContracts,
  contractCall,
  contractInterface,
  type ContractCall,
  type ContractName,
} from "./contracts";
import type { FunctionArgs, FunctionName } from "./abi-types";

export type { ContractCall };
import type { Deployment } from "./deployment";
import { describeError, type PlainError } from "./errors";
import { DAY, isoDateToSeconds } from "../domain/time";
import type { Locale } from "../domain/locale";
import type { PriceChannel } from "../domain/record";
import type { CategoryId } from "../domain/standards";
import type { WorkshopReadings } from "../domain/backoffice";
import { LICENCE_KINDS, roleId, type LicenceKind, type Role } from "./field";
import { confirmation } from "./receipts";
import { env } from "../env";

export class ActionError extends Error {
  override name = "ActionError";
  /** `reverted`: the chain's own error, kept so the refusal can be worded again in another language. */
  constructor(
    readonly plain: PlainError,
    private readonly reverted?: unknown,
  ) {
    super(plain.message);
  }

  plainIn(locale: Locale): PlainError {
    return this.reverted === undefined ? this.plain : describeError(this.reverted, locale);
  }
}

export interface Actor {
  signer: Signer;
  address: string;
}

/** The operator's private key (the CLI's MEDPROOF_PRIVATE_KEY); a demo party acts through scripts/demo. */
export function actorFrom(provider: Provider, privateKey: string | undefined): Actor {
  if (!privateKey)
    throw new ActionError({
      code: "no_key",
      message: "Say who acts: a private key (MEDPROOF_PRIVATE_KEY) or, on the local chain, --as <party>.",
    });
  if (!isHexString(privateKey, 32))
    throw new ActionError({
      code: "bad_key",
      message: "The private key must be 0x followed by 64 hex digits.",
    });
  const wallet = new Wallet(privateKey, provider);
  return { signer: wallet, address: wallet.address };
}

export interface TxResult {
  txHash: string;
  blockNumber: number;
  gasUsed: number;
  /** Ids the transaction created (lotId, batchId, attestationId, …), from its events. */
  created: Record<string, string>;
}

/** Ids a transaction to `contract` created, from its events in `logs`. */
export function createdIds(contract: ContractName, logs: readonly Log[]): Record<string, string> {
  const iface = contractInterface(contract);
  const created: Record<string, string> = {};
  for (const log of logs) {
    const parsed = iface.parseLog(log);
    const key = parsed ? CREATED_IDS[parsed.name] : undefined;
    if (parsed && key) created[key] = String(parsed.args.getValue(key));
  }
  return created;
}

const CREATED_IDS: Record<string, string> = {
  ComplaintRuled: "complaintId",
  LotRegistered: "lotId",
  BatchRegistered: "batchId",
  WorkshopAttested: "attestationId",
  TestReportPosted: "reportIndex",
  PriceCapSet: "capId",
  LicenceGranted: "licenceId",
  Shipped: "shipmentId",
  OrderPlaced: "orderId",
  PriceRecorded: "recordId",
  CounterfeitFindingRecorded: "findingId",
};

const send = <N extends ContractName, F extends FunctionName<N>>(
  deployment: Deployment,
  actor: Actor,
  contract: N,
  method: F,
  args: FunctionArgs<N, F>,
) => sendCall(deployment, actor, contractCall(contract, method, args));

/**
 * Signs and sends a call made by `contractCall` (whose name and arguments tsc checked against the ABI):
 * the one place a contract is called by a name held as data.
 */
export async function sendCall(deployment: Deployment, actor: Actor, call: ContractCall): Promise<TxResult> {
  const contract = new Contract(
    deployment.addresses[call.contract],
    contractInterface(call.contract),
    actor.signer,
  );
  try {
    const tx = await contract.getFunction(call.method)(...call.args);
    const receipt = await confirmation(tx, undefined, env().confirmations);
    return {
      txHash: tx.hash,
      blockNumber: receipt?.blockNumber ?? 0,
      gasUsed: Number(receipt?.gasUsed ?? 0),
      created: createdIds(call.contract, receipt?.logs ?? []),
    };
  } catch (error) {
    throw new ActionError(describeError(error), error);
  }
}

const hashOf = (text: string) => (isHexString(text, 32) ? text : id(text));
const CHANNELS: Record<PriceChannel, number> = { "ex-factory": 0, wholesale: 1, retail: 2 };

/** The field desk's calls (inspectors and pharmacies), signed by a key here or by the user's wallet. */
export const fieldCalls = {
  acceptShipment: (p: { shipmentId: number }): ContractCall =>
    contractCall("CustodyRegistry", "acceptShipment", [p.shipmentId]),
  rejectShipment: (p: { shipmentId: number; reason: string }): ContractCall =>
    contractCall("CustodyRegistry", "rejectShipment", [p.shipmentId, p.reason]),
  decommission: (p: { batchId: string; serial: number }): ContractCall =>
    contractCall("CustodyRegistry", "decommission", [p.batchId, p.serial]),
  recordPrice: (p: {
    seller: string;
    batchId: string;
    region: number;
    channel: PriceChannel;
    fen: number;
    evidence: string;
  }): ContractCall => ({
    contract: "PriceRegistry",
    method: "recordPrice",
    args: [p.seller, p.batchId, p.region, CHANNELS[p.channel], p.fen, hashOf(p.evidence)],
  }),
  ruleOnComplaint: (p: { complaintId: number; upheld: boolean; reason: string }): ContractCall =>
    contractCall("ComplaintRegistry", "rule", [p.complaintId, p.upheld, hashOf(p.reason)]),
  /** A confirmed tip: `evidenceHash` is the tip's evidence row, `batchId` zero when the code names none. */
  recordCounterfeitFinding: (p: {
    seller: string;
    batchId: string | null;
    evidenceHash: string;
  }): ContractCall =>
    contractCall("ComplaintRegistry", "recordCounterfeitFinding", [
      p.seller,
      p.batchId ?? ZeroHash,
      p.evidenceHash,
    ]),
};
const CHANNEL_NAMES: PriceChannel[] = ["ex-factory", "wholesale", "retail"];

export function workshopIdOf(manufacturer: string, name: string): string {
  return keccak256(AbiCoder.defaultAbiCoder().encode(["address", "string"], [manufacturer, name]));
}

export async function batchIdOf(
  deployment: Deployment,
  provider: Provider,
  gtin: string,
  lot: string,
): Promise<string> {
  const contracts = bindContracts(deployment.addresses, provider);
  return await contracts.BatchRegistry.getFunction("batchIdOf")(BigInt(gtin), lot);
}

/**
 * The back-office and regulator desks' calls, as data: sent here with a key (the CLI, the demo) or
 * prepared for the account's own wallet (lib/queries/desk-action.ts). `auditor` is the sender.
 */
export const deskCalls = {
  registerLot: (p: { code: string; grade: string; kg: number; report: string }): ContractCall =>
    contractCall("MaterialRegistry", "registerLot", [
      p.code,
      p.grade,
      BigInt(Math.round(p.kg * 1000)),
      hashOf(p.report),
    ]),

  transferLot: (p: { lotId: number; to: string }): ContractCall =>
    contractCall("MaterialRegistry", "transferLot", [p.lotId, p.to]),

  attestWorkshop: (
    p: WorkshopReadings & {
      auditor: string;
      manufacturer: string;
      workshop: string;
      from: string;
      until: string;
      staffHealthChecked: boolean;
      staffTrained: boolean;
      report: string;
    },
  ): ContractCall =>
    contractCall("MaterialRegistry", "attestWorkshop", [
      {
        auditor: p.auditor,
        manufacturer: p.manufacturer,
        workshopId: workshopIdOf(p.manufacturer, p.workshop),
        workshopName: p.workshop,
        cleanClass: 100000,
        particles05PerM3: p.particles05,
        particles5PerM3: p.particles5,
        airborneCfuPerM3: p.airborneCfu,
        settlingCfuPerPlate: p.settlingCfu,
        temperatureDeciC: Math.round(p.temperatureC * 10),
        humidityDeciPct: Math.round(p.humidityPct * 10),
        pressureDeciPa: Math.round(p.pressurePa * 10),
        staffHealthChecked: p.staffHealthChecked,
        staffTrained: p.staffTrained,
        validFrom: isoDateToSeconds(p.from),
        validUntil: isoDateToSeconds(p.until) + 86_399,
        reportHash: hashOf(p.report),
        attestedAt: 0,
      },
    ]),

  recordSterilisation: (p: {
    batchId: string;
    sterilizer: string;
    method: string;
    startedAt: number;
    endedAt: number;
    report: string;
  }): ContractCall =>
    contractCall("BatchRegistry", "recordSterilisation", [
      p.batchId,
      {
        sterilizer: p.sterilizer,
        method: p.method,
        startedAt: p.startedAt,
        endedAt: p.endedAt,
        reportHash: hashOf(p.report),
      },
    ]),

  postTestReport: (p: {
    batchId: string;
    results: { metric: number; value: number }[];
    report: string;
    retest: boolean;
  }): ContractCall =>
    contractCall("TestRegistry", "postTestReport", [p.batchId, p.results, hashOf(p.report), p.retest]),

  registerBatch: (p: {
    /** The sender: its workshop names the batch's. */
    manufacturer: string;
    gtin: string;
    lot: string;
    produced: string;
    expiry: string;
    masks: number;
    masksPerBox: number;
    serialStart: number;
    workshop: string;
    materials: { lotId: number; kg: number }[];
    signer: string;
    /** The root of the boxes' possession tree (see possession.ts); none without printed secrets. */
    possessionRoot?: string;
  }): ContractCall =>
    contractCall("BatchRegistry", "registerBatch", [
      {
        gtin: BigInt(p.gtin),
        lot: p.lot,
        productionDate: isoDateToSeconds(p.produced),
        expiryDate: isoDateToSeconds(p.expiry),
        masks: p.masks,
        masksPerBox: p.masksPerBox,
        serialStart: p.serialStart,
        workshopId: workshopIdOf(p.manufacturer, p.workshop),
        materials: p.materials.map((m) => ({ lotId: m.lotId, grams: BigInt(Math.round(m.kg * 1000)) })),
        signer: p.signer,
        possessionRoot: p.possessionRoot ?? "0x" + "00".repeat(32),
      },
    ]),

  release: (p: { batchId: string }): ContractCall => contractCall("BatchRegistry", "release", [p.batchId]),

  ruleByRetest: (p: { complaintId: number; reportIndex: number; tracesToLot: boolean }): ContractCall =>
    contractCall("ComplaintRegistry", "ruleByRetest", [p.complaintId, p.reportIndex, p.tracesToLot]),

  recall: (p: { batchId: string; reason: string }): ContractCall =>
    contractCall("BatchRegistry", "recall", [p.batchId, p.reason]),

  /** A licence valid from the start of `from` to the end of `until` (China time), for the categories. */
  grantLicence: (p: {
    kind: LicenceKind;
    holder: string;
    number: string;
    categories: CategoryId[];
    from: string;
    until: string;
  }): ContractCall =>
    contractCall("AccessRegistry", "grantLicence", [
      LICENCE_KINDS.indexOf(p.kind),
      p.holder,
      p.number,
      p.categories.reduce((mask, category) => mask | (1 << category), 0),
      isoDateToSeconds(p.from),
      isoDateToSeconds(p.until) + DAY - 1,
    ]),

  /** Revoked from the start of `on` (China time): valid before, not from then on; history is kept. */
  revokeLicence: (p: { licenceId: number; on: string; reason: string }): ContractCall =>
    contractCall("AccessRegistry", "revokeLicence", [p.licenceId, isoDateToSeconds(p.on), p.reason]),

  /** Another role for a registered participant (the registry's addRole). */
  grantRole: (p: { account: string; role: Role }): ContractCall =>
    contractCall("AccessRegistry", "addRole", [p.account, roleId(p.role)]),

  /** OpenZeppelin's revokeRole, which the regulator administers for every role. */
  revokeRole: (p: { account: string; role: Role }): ContractCall =>
    contractCall("AccessRegistry", "revokeRole", [roleId(p.role), p.account]),

  suspend: (p: { account: string; reason: string }): ContractCall =>
    contractCall("AccessRegistry", "suspend", [p.account, p.reason]),

  reinstate: (p: { account: string }): ContractCall =>
    contractCall("AccessRegistry", "reinstate", [p.account]),

  setPriceCap: (p: {
    category: number;
    region: number;
    channel: PriceChannel;
    fen: number;
    from: string;
    basis: string;
  }): ContractCall =>
    contractCall("PriceRegistry", "setPriceCap", [
      p.category,
      p.region,
      CHANNELS[p.channel],
      p.fen,
      isoDateToSeconds(p.from),
      p.basis,
    ]),
};

/** A desk call's parameters, as deskCalls takes them. */
type DeskParams<K extends keyof typeof deskCalls> = Parameters<(typeof deskCalls)[K]>[0];

/** A batch as its manufacturer registers it: its label-signing key's address and possession root. */
export type BatchTerms = Omit<DeskParams<"registerBatch">, "manufacturer">;

/** Sends desk call `name` as `a`: the CLI's and the seed's way to the calls the desk pages prepare. */
const sent =
  <K extends keyof typeof deskCalls>(name: K) =>
  (d: Deployment, a: Actor, p: DeskParams<K>): Promise<TxResult> =>
    sendCall(d, a, (deskCalls[name] as (params: DeskParams<K>) => ContractCall)(p));

export const backoffice = {
  registerLot: sent("registerLot"),
  transferLot: sent("transferLot"),

  attestWorkshop: (d: Deployment, a: Actor, p: Omit<DeskParams<"attestWorkshop">, "auditor">) =>
    sendCall(d, a, deskCalls.attestWorkshop({ ...p, auditor: a.address })),

  registerBatch: (d: Deployment, a: Actor, p: BatchTerms) =>
    sendCall(d, a, deskCalls.registerBatch({ ...p, manufacturer: a.address })),

  recordSterilisation: sent("recordSterilisation"),
  postTestReport: sent("postTestReport"),
  release: sent("release"),
  recall: sent("recall"),
  grantLicence: sent("grantLicence"),
  revokeLicence: sent("revokeLicence"),
  grantRole: sent("grantRole"),
  revokeRole: sent("revokeRole"),
  suspend: sent("suspend"),
  reinstate: sent("reinstate"),
  setPriceCap: sent("setPriceCap"),

  ship: (d: Deployment, a: Actor, p: { batchId: string; to: string; boxes: number }) =>
    send(d, a, "CustodyRegistry", "ship", [p.batchId, p.to, p.boxes]),

  acceptShipment: (d: Deployment, a: Actor, p: { shipmentId: number }) =>
    sendCall(d, a, fieldCalls.acceptShipment(p)),

  rejectShipment: (d: Deployment, a: Actor, p: { shipmentId: number; reason: string }) =>
    sendCall(d, a, fieldCalls.rejectShipment(p)),

  decommission: (d: Deployment, a: Actor, p: { batchId: string; serial: number }) =>
    sendCall(d, a, fieldCalls.decommission(p)),

  recordPrice: (d: Deployment, a: Actor, p: Parameters<typeof fieldCalls.recordPrice>[0]) =>
    sendCall(d, a, fieldCalls.recordPrice(p)),

  answerComplaint: (d: Deployment, a: Actor, p: { complaintId: number; response: string }) =>
    send(d, a, "ComplaintRegistry", "answer", [p.complaintId, hashOf(p.response)]),

  ruleOnComplaint: (d: Deployment, a: Actor, p: { complaintId: number; upheld: boolean; reason: string }) =>
    sendCall(d, a, fieldCalls.ruleOnComplaint(p)),

  ruleByRetest: sent("ruleByRetest"),

  /**
   * The buyer places a purchase order and pays it into escrow: approves the order book for the amount
   * (when its allowance is short), then places the order. `deadline` is the ship-by time (unix seconds).
   */
  placeOrder: async (
    d: Deployment,
    a: Actor,
    p: { seller: string; batchId: string; boxes: number; fenPerPiece: number; deadline: number },
  ): Promise<TxResult> => {
    const read = bindContracts(d.addresses, a.signer);
    const args: FunctionArgs<"OrderBook", "placeOrder"> = [
      p.seller,
      p.batchId,
      p.boxes,
      p.fenPerPiece,
      p.deadline,
    ];
    let amount: bigint;
    let allowance: bigint;
    try {
      amount = await read.OrderBook.getFunction("quote")(p.batchId, p.boxes, p.fenPerPiece);
      allowance = await read.SettlementToken.getFunction("allowance")(a.address, d.addresses.OrderBook);
    } catch (error) {
      throw new ActionError(describeError(error), error);
    }
    if (allowance < amount) {
      // Every check but the payment first, so a refused order (a price above the cap…) approves nothing.
      try {
        await read.OrderBook.getFunction("placeOrder").staticCall(...args);
      } catch (error) {
        const plain = describeError(error);
        if (plain.code !== "ERC20InsufficientAllowance") throw new ActionError(plain, error);
      }
      await send(d, a, "SettlementToken", "approve", [d.addresses.OrderBook, amount]);
    }
    return send(d, a, "OrderBook", "placeOrder", args);
  },

  /**
   * The seller fulfils an order: ties `shipmentId` to it, or, without one, first ships the order's boxes
   * of its batch to the buyer in the custody registry (created.shipmentId) and ties that shipment.
   */
  fulfilOrder: async (d: Deployment, a: Actor, p: { orderId: number; shipmentId?: number }) => {
    let shipmentId = p.shipmentId;
    let shipped: TxResult | undefined;
    if (shipmentId === undefined) {
      const order = await readOrder(d, a.signer, p.orderId);
      shipped = await send(d, a, "CustodyRegistry", "ship", [order.batchId, order.buyer, order.boxes]);
      shipmentId = Number(shipped.created.shipmentId);
    }
    const result = await send(d, a, "OrderBook", "fulfil", [p.orderId, shipmentId]);
    return { ...result, created: { ...shipped?.created, shipmentId: String(shipmentId) } };
  },

  /** The buyer accepts or rejects, in the custody registry, the shipment that fulfils the order. */
  answerOrderDelivery: async (
    d: Deployment,
    a: Actor,
    p: { orderId: number; accept: boolean; reason?: string },
  ) => {
    const order = await readOrder(d, a.signer, p.orderId);
    if (order.shipmentId === 0) {
      throw new ActionError({
        code: "OrderNotFulfilled",
        message: `Order ${p.orderId} is not fulfilled yet: there is no delivery to accept or reject.`,
      });
    }
    return p.accept
      ? send(d, a, "CustodyRegistry", "acceptShipment", [order.shipmentId])
      : send(d, a, "CustodyRegistry", "rejectShipment", [order.shipmentId, p.reason ?? ""]);
  },

  settleOrder: (d: Deployment, a: Actor, p: { orderId: number }) =>
    send(d, a, "OrderBook", "settle", [p.orderId]),

  cancelOrder: (d: Deployment, a: Actor, p: { orderId: number }) =>
    send(d, a, "OrderBook", "cancel", [p.orderId]),

  /** Pulls everything the order book has credited to the caller (payments and refunds). */
  withdrawOrderPayout: (d: Deployment, a: Actor) => send(d, a, "OrderBook", "withdraw", []),
};

export const ORDER_STATUSES = ["placed", "fulfilled", "released", "refunded", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A purchase order as the order book records it; amounts in fen, times in unix seconds. */
export interface PurchaseOrder {
  id: number;
  batchId: string;
  buyer: string;
  seller: string;
  boxes: number;
  fenPerPiece: number;
  amountFen: number;
  channel: PriceChannel;
  placedAt: number;
  deadline: number;
  status: OrderStatus;
  /** 0 until fulfilled. */
  shipmentId: number;
  fulfilledAt: number;
  receiptDeadline: number;
}

export async function readOrder(
  deployment: Deployment,
  runner: Provider | Signer,
  orderId: number,
): Promise<PurchaseOrder> {
  const book = bindContracts(deployment.addresses, runner).OrderBook;
  let o: Record<string, unknown>;
  try {
    o = await book.getFunction("order")(orderId);
  } catch (error) {
    throw new ActionError(describeError(error), error);
  }
  return {
    id: Number(o.id),
    batchId: String(o.batchId),
    buyer: String(o.buyer),
    seller: String(o.seller),
    boxes: Number(o.boxes),
    fenPerPiece: Number(o.fenPerPiece),
    amountFen: Number(o.amountFen),
    channel: CHANNEL_NAMES[Number(o.channel)] ?? "wholesale",
    placedAt: Number(o.placedAt),
    deadline: Number(o.deadline),
    status: ORDER_STATUSES[Number(o.status)] ?? "placed",
    shipmentId: Number(o.shipmentId),
    fulfilledAt: Number(o.fulfilledAt),
    receiptDeadline: Number(o.receiptDeadline),
  };
}

/** What a party holds in the settlement token and what the order book owes it, in fen. */
export async function orderBalancesOf(
  deployment: Deployment,
  provider: Provider,
  party: string,
): Promise<{ tokenFen: number; owedFen: number }> {
  const contracts = bindContracts(deployment.addresses, provider);
  const [balance, owed] = await Promise.all([
    contracts.SettlementToken.getFunction("balanceOf")(party),
    contracts.OrderBook.getFunction("withdrawable")(party),
  ]);
  return { tokenFen: Number(balance), owedFen: Number(owed) };
}

/** A party's bond and whether it is suspended for it, in fen. */
export async function bondOf(
  deployment: Deployment,
  provider: Provider,
  party: string,
): Promise<{ bondFen: number; minimumFen: number; suspended: boolean }> {
  const registry = bindContracts(deployment.addresses, provider).ComplaintRegistry;
  const [bond, minimum, suspended] = await Promise.all([
    registry.getFunction("bondOf")(party),
    registry.getFunction("requiredBondOf")(party),
    registry.getFunction("isBondSuspended")(party),
  ]);
  return { bondFen: Number(bond), minimumFen: Number(minimum), suspended };
}
