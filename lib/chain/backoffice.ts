// Back-office actions, each one transaction by the accountable party: register a meltblown lot, attest
// a workshop, register a batch, record sterilisation, post test results, release, the regulator's acts
// (licences, roles, suspensions, recall, price caps), and the purchase-order steps (place, fulfil, answer the delivery, settle, cancel, withdraw). Used
// by the CLI (and the back-office pages). Reverts come back as plain errors via errors.ts.
import {
  AbiCoder,
  Wallet,
  keccak256,
  id,
  isAddress,
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
import { assertLocalChain, demoWallet } from "./demo/accounts";
import { PARTIES, type PartyKey } from "./demo/world";
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

/** A private key given by the operator, or on the local chain a demo party by name. */
export async function actorFrom(
  provider: Provider,
  source: { privateKey?: string; demoParty?: string },
): Promise<Actor> {
  if (source.privateKey) {
    if (!isHexString(source.privateKey, 32))
      throw new ActionError({
        code: "bad_key",
        message: "The private key must be 0x followed by 64 hex digits.",
      });
    const wallet = new Wallet(source.privateKey, provider);
    return { signer: wallet, address: wallet.address };
  }
  if (source.demoParty) {
    const party = PARTIES[source.demoParty as PartyKey] as (typeof PARTIES)[PartyKey] | undefined;
    if (!party) {
      throw new ActionError({
        code: "unknown_party",
        message: `No demo party "${source.demoParty}". Choose one of: ${Object.keys(PARTIES).join(", ")}.`,
      });
    }
    await assertLocalChain(provider);
    const wallet = demoWallet(party.account, provider);
    return { signer: wallet, address: wallet.address };
  }
  throw new ActionError({
    code: "no_key",
    message: "Say who acts: a private key (MEDPROOF_PRIVATE_KEY) or, on the local chain, --as <party>.",
  });
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

export const backoffice = {
  registerLot: (d: Deployment, a: Actor, p: { code: string; grade: string; kg: number; report: string }) =>
    send(d, a, "MaterialRegistry", "registerLot", [
      p.code,
      p.grade,
      BigInt(Math.round(p.kg * 1000)),
      hashOf(p.report),
    ]),

  transferLot: (d: Deployment, a: Actor, p: { lotId: number; to: string }) =>
    send(d, a, "MaterialRegistry", "transferLot", [p.lotId, p.to]),

  attestWorkshop: (
    d: Deployment,
    a: Actor,
    p: WorkshopReadings & {
      manufacturer: string;
      workshop: string;
      from: string;
      until: string;
      staffHealthChecked: boolean;
      staffTrained: boolean;
      report: string;
    },
  ) =>
    send(d, a, "MaterialRegistry", "attestWorkshop", [
      {
        auditor: a.address,
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

  registerBatch: (
    d: Deployment,
    a: Actor,
    p: {
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
    },
  ) =>
    send(d, a, "BatchRegistry", "registerBatch", [
      {
        gtin: BigInt(p.gtin),
        lot: p.lot,
        productionDate: isoDateToSeconds(p.produced),
        expiryDate: isoDateToSeconds(p.expiry),
        masks: p.masks,
        masksPerBox: p.masksPerBox,
        serialStart: p.serialStart,
        workshopId: workshopIdOf(a.address, p.workshop),
        materials: p.materials.map((m) => ({ lotId: m.lotId, grams: BigInt(Math.round(m.kg * 1000)) })),
        signer: p.signer,
        possessionRoot: p.possessionRoot ?? "0x" + "00".repeat(32),
      },
    ]),

  recordSterilisation: (
    d: Deployment,
    a: Actor,
    p: {
      batchId: string;
      sterilizer: string;
      method: string;
      startedAt: number;
      endedAt: number;
      report: string;
    },
  ) =>
    send(d, a, "BatchRegistry", "recordSterilisation", [
      p.batchId,
      {
        sterilizer: p.sterilizer,
        method: p.method,
        startedAt: p.startedAt,
        endedAt: p.endedAt,
        reportHash: hashOf(p.report),
      },
    ]),

  postTestReport: (
    d: Deployment,
    a: Actor,
    p: { batchId: string; results: { metric: number; value: number }[]; report: string; retest: boolean },
  ) => send(d, a, "TestRegistry", "postTestReport", [p.batchId, p.results, hashOf(p.report), p.retest]),

  release: (d: Deployment, a: Actor, p: { batchId: string }) =>
    send(d, a, "BatchRegistry", "release", [p.batchId]),

  recall: (d: Deployment, a: Actor, p: { batchId: string; reason: string }) =>
    send(d, a, "BatchRegistry", "recall", [p.batchId, p.reason]),

  /** A licence valid from the start of `from` to the end of `until` (China time), for the categories. */
  grantLicence: (
    d: Deployment,
    a: Actor,
    p: {
      kind: LicenceKind;
      holder: string;
      number: string;
      categories: CategoryId[];
      from: string;
      until: string;
    },
  ) =>
    send(d, a, "AccessRegistry", "grantLicence", [
      LICENCE_KINDS.indexOf(p.kind),
      p.holder,
      p.number,
      p.categories.reduce((mask, category) => mask | (1 << category), 0),
      isoDateToSeconds(p.from),
      isoDateToSeconds(p.until) + DAY - 1,
    ]),

  /** Revoked from the start of `on` (China time): valid before, not from then on; history is kept. */
  revokeLicence: (d: Deployment, a: Actor, p: { licenceId: number; on: string; reason: string }) =>
    send(d, a, "AccessRegistry", "revokeLicence", [p.licenceId, isoDateToSeconds(p.on), p.reason]),

  /** Another role for a registered participant (the registry's addRole). */
  grantRole: (d: Deployment, a: Actor, p: { account: string; role: Role }) =>
    send(d, a, "AccessRegistry", "addRole", [p.account, roleId(p.role)]),

  /** OpenZeppelin's revokeRole, which the regulator administers for every role. */
  revokeRole: (d: Deployment, a: Actor, p: { account: string; role: Role }) =>
    send(d, a, "AccessRegistry", "revokeRole", [roleId(p.role), p.account]),

  suspend: (d: Deployment, a: Actor, p: { account: string; reason: string }) =>
    send(d, a, "AccessRegistry", "suspend", [p.account, p.reason]),

  reinstate: (d: Deployment, a: Actor, p: { account: string }) =>
    send(d, a, "AccessRegistry", "reinstate", [p.account]),

  setPriceCap: (
    d: Deployment,
    a: Actor,
    p: { category: number; region: number; channel: PriceChannel; fen: number; from: string; basis: string },
  ) =>
    send(d, a, "PriceRegistry", "setPriceCap", [
      p.category,
      p.region,
      CHANNELS[p.channel],
      p.fen,
      isoDateToSeconds(p.from),
      p.basis,
    ]),

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

  ruleByRetest: (
    d: Deployment,
    a: Actor,
    p: { complaintId: number; reportIndex: number; tracesToLot: boolean },
  ) => send(d, a, "ComplaintRegistry", "ruleByRetest", [p.complaintId, p.reportIndex, p.tracesToLot]),

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

/** An address, or on the local chain a demo party by name (e.g. "distributor"). */
export async function partyAddress(provider: Provider, value: string): Promise<string> {
  if (isAddress(value)) return value;
  const party = PARTIES[value as PartyKey] as (typeof PARTIES)[PartyKey] | undefined;
  if (!party) {
    throw new ActionError({
      code: "unknown_party",
      message: `"${value}" is neither an address nor a demo party (${Object.keys(PARTIES).join(", ")}).`,
    });
  }
  await assertLocalChain(provider);
  return demoWallet(party.account).address;
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
