// Complaints on chain, for people without a wallet: each complaint gets a fresh key of its own (the
// complainant's identity on chain), which signs the relayed filing and, later, the withdrawal of the
// compensation. The server never keeps that key: it is handed to the complainant once, as a claim key.
// The box's secret stays here too: the filing carries the box's possession signature for that new key
// (possession.ts), which a copier watching the mempool cannot re-sign for itself.
import {
  Wallet,
  ZeroAddress,
  hexlify,
  randomBytes,
  toBeHex,
  zeroPadValue,
  type JsonRpcProvider,
} from "ethers";
import { bindContracts, contractInterface, findEvent } from "./contracts";
import type { Deployment } from "./deployment";
import { readEvents, readLogs } from "./logs";
import { signPossession } from "./possession";
import { RelayError, type Relayer } from "./relay";
import type { ComplaintKind, ComplaintStatus } from "../domain/record";

const KIND_INDEX: Record<ComplaintKind, number> = { "spec-failure": 0, counterfeit: 1, "price-above-cap": 2 };
const KINDS: ComplaintKind[] = ["spec-failure", "counterfeit", "price-above-cap"];
const STATUSES: ComplaintStatus[] = ["open", "answered", "upheld", "dismissed"];

export interface ComplaintFiling {
  gtin: string;
  lot: string;
  /** keccak256(abi.encode(gtin, lot)), as the batch registry names the batch. */
  batchId: string;
  serial: number;
  kind: ComplaintKind;
  /** The secret from inside the box: it signs for the complainant and is never sent. */
  secret: Uint8Array;
  proof: string[];
  pricePaidFen: number;
  /** The seller the box was bought from, or null (required for counterfeit and price complaints). */
  seller: string | null;
  evidenceHash: string;
}

export interface FiledComplaint {
  id: number;
  txHash: string;
  /** The complainant's private key: shown to the complainant once, never stored by the server. */
  claimKey: string;
  complainant: string;
}

/** The fileComplaint call by `complainant`, with the box's possession signature for it. */
export function fileComplaintData(
  deployment: Deployment,
  filing: ComplaintFiling,
  complainant: string,
): string {
  const possessionSignature = signPossession(filing.secret, {
    complainant,
    batchId: filing.batchId,
    serial: filing.serial,
    chainId: deployment.chainId,
    registry: deployment.addresses.ComplaintRegistry,
  });
  return contractInterface("ComplaintRegistry").encodeFunctionData("fileComplaint", [
    BigInt(filing.gtin),
    filing.lot,
    filing.serial,
    KIND_INDEX[filing.kind],
    possessionSignature,
    filing.proof,
    filing.pricePaidFen,
    filing.seller ?? ZeroAddress,
    filing.evidenceHash,
  ]);
}

/**
 * Files through the relayer under a new complainant key; RelayError when refused or not confirmed.
 * `beforeSend` runs once the contract is known to accept the filing (e.g. to store the evidence, which
 * must not be kept for a filing that is refused).
 */
export async function fileComplaintRelayed(
  relayer: Relayer,
  deployment: Deployment,
  filing: ComplaintFiling,
  beforeSend: () => void | Promise<void> = () => undefined,
): Promise<FiledComplaint> {
  const complainant = new Wallet(hexlify(randomBytes(32)));
  const relayed = await relayer.relay(
    complainant,
    "ComplaintRegistry",
    fileComplaintData(deployment, filing, complainant.address),
    beforeSend,
  );
  const filed = findEvent("ComplaintRegistry", "ComplaintFiled", relayed.logs);
  if (filed === null) {
    throw new RelayError(
      "refused",
      { code: "failed", message: "The filing left no complaint on the record." },
      null,
      { zh: "提交后记录中没有出现这件投诉。" },
    );
  }
  return {
    id: Number(filed.complaintId),
    txHash: relayed.txHash,
    claimKey: complainant.privateKey,
    complainant: complainant.address,
  };
}

export interface WithdrawnPayout {
  txHash: string;
  amountFen: number;
  recipient: string;
}

/** Sends everything credited to the claim key's account to `recipient` (itself when null). */
export async function withdrawRelayed(
  relayer: Relayer,
  claimKey: string,
  recipient: string | null,
): Promise<WithdrawnPayout> {
  const complainant = new Wallet(claimKey);
  const to = recipient ?? complainant.address;
  const data = contractInterface("ComplaintRegistry").encodeFunctionData("withdrawTo", [to]);
  const relayed = await relayer.relay(complainant, "ComplaintRegistry", data);
  const paid = findEvent("ComplaintRegistry", "PayoutWithdrawn", relayed.logs);
  return { txHash: relayed.txHash, amountFen: Number(paid?.amount ?? 0), recipient: to };
}

/** The address a claim key speaks for, or null when the text is not a private key. */
export function claimKeyAddress(claimKey: string): string | null {
  try {
    return new Wallet(claimKey).address;
  } catch {
    return null;
  }
}

export interface ComplaintEvent {
  at: number;
  name: string;
  txHash: string;
  args: Record<string, string>;
}

export interface ComplaintRecord {
  id: number;
  batchId: string;
  gtin: string;
  lot: string;
  serial: number;
  kind: ComplaintKind;
  status: ComplaintStatus;
  complainant: string;
  respondent: string;
  respondentName: string;
  pricePaidFen: number;
  filedAt: number;
  answerDeadline: number;
  ruledAt: number | null;
  compensationFen: number;
  fineFen: number;
  shortfallFen: number;
  byRetest: boolean;
  tracedToLot: boolean;
  /** Still credited to the complainant, not yet withdrawn. */
  withdrawableFen: number;
  /** What happened to the complaint, oldest first (filed, answered, ruled, penalty, payout). */
  history: ComplaintEvent[];
}

const HISTORY_EVENTS = [
  "ComplaintFiled",
  "ComplaintAnswered",
  "ComplaintRuled",
  "ResponsibilityTracedToLot",
  "PenaltyApplied",
  "PenaltyShortfall",
];

function plainArgs(args: { toObject(): Record<string, unknown> }): Record<string, string> {
  return Object.fromEntries(Object.entries(args.toObject()).map(([k, v]) => [k, String(v)]));
}

/** The complaint and its history, or null when there is no complaint with that id. */
export async function readComplaint(
  provider: JsonRpcProvider,
  deployment: Deployment,
  id: number,
): Promise<ComplaintRecord | null> {
  const contracts = bindContracts(deployment.addresses, provider);
  const registry = contracts.ComplaintRegistry;
  const count = Number(await registry.getFunction("complaintCount")());
  if (id < 1 || id > count) return null;
  const c = await registry.getFunction("complaint")(id);
  const batchId = String(c.batchId);
  const iface = contractInterface("ComplaintRegistry");
  const idTopic = zeroPadValue(toBeHex(id), 32);
  // The three log reads end at the same block, so the history and the registration agree.
  const head = { toBlock: await provider.getBlockNumber() };
  const [logs, payouts, registered, withdrawable, respondent] = await Promise.all([
    readLogs(
      deployment,
      provider,
      {
        address: deployment.addresses.ComplaintRegistry,
        topics: [HISTORY_EVENTS.map((name) => iface.getEvent(name)?.topicHash ?? ""), idTopic],
      },
      head,
    ),
    readLogs(
      deployment,
      provider,
      {
        address: deployment.addresses.ComplaintRegistry,
        topics: [iface.getEvent("PayoutWithdrawn")?.topicHash ?? "", zeroPadValue(String(c.complainant), 32)],
      },
      head,
    ),
    readEvents(deployment, provider, "BatchRegistry", "BatchRegistered", [batchId], head),
    registry.getFunction("withdrawable")(c.complainant),
    contracts.AccessRegistry.getFunction("participant")(c.respondent),
  ]);
  const events = [...logs, ...payouts].sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index);
  // One read per block, all at once: a ruling and its penalty share a transaction, hence a block.
  const blockNumbers = [...new Set(events.map((log) => log.blockNumber))];
  const blocks = await Promise.all(blockNumbers.map((n) => provider.getBlock(n)));
  const timeOf = new Map(blockNumbers.map((n, i) => [n, blocks[i]?.timestamp ?? 0]));
  const history: ComplaintEvent[] = [];
  for (const log of events) {
    const parsed = iface.parseLog(log);
    if (parsed === null) continue;
    history.push({
      at: timeOf.get(log.blockNumber) ?? 0,
      name: parsed.name,
      txHash: log.transactionHash,
      args: plainArgs(parsed.args),
    });
  }
  const registeredArgs = registered[0]?.args ?? null;
  return {
    id,
    batchId,
    gtin: String(registeredArgs?.gtin ?? "").padStart(14, "0"),
    lot: String(registeredArgs?.lot ?? ""),
    serial: Number(c.serial),
    kind: KINDS[Number(c.kind)] ?? "spec-failure",
    status: STATUSES[Number(c.status)] ?? "open",
    complainant: String(c.complainant),
    respondent: String(c.respondent),
    respondentName: respondent.name,
    pricePaidFen: Number(c.pricePaidFen),
    filedAt: Number(c.filedAt),
    answerDeadline: Number(c.answerDeadline),
    ruledAt: Number(c.ruledAt) === 0 ? null : Number(c.ruledAt),
    compensationFen: Number(c.compensationFen),
    fineFen: Number(c.fineFen),
    shortfallFen: Number(c.shortfallFen),
    byRetest: Boolean(c.byRetest),
    tracedToLot: Boolean(c.tracedToLot),
    withdrawableFen: Number(withdrawable),
    history,
  };
}
