// Public participant profiles (/participants/<address>): the record, the credit summary computed from it,
// and the shop QR that leads a consumer to it.
import QRCode from "qrcode";
import {
  isRegisteredParticipant,
  participantAddress,
  readParticipantRecord,
  type ParticipantRecord,
} from "../chain/participants";
import { describeError } from "../chain/errors";
import { licencesValidAt } from "../chain/field";
import { batchingProvider, rpcProvider } from "../chain/provider";
import { creditSummary, isGrossPriceViolation, type CreditSummary } from "../domain/credit";
import { env } from "../env";
import { runtime } from "./runtime";
import type { BlockView } from "./view-cache";

export type { ParticipantRecord };

export interface ParticipantProfile {
  record: ParticipantRecord;
  credit: CreditSummary;
  /** The profile's absolute URL, as the shop QR carries it. */
  url: string;
  /** Everything shown is as of this block or later. */
  block: number;
}

export type ProfileOutcome = { status: 200; body: ParticipantProfile } | { status: 404 } | { status: 503 };

const provider = () => rpcProvider(env().rpcUrl, runtime().deployment.chainId);
const now = () => Math.floor(Date.now() / 1000);
const PROFILE_PATH = /^\/participants\/([^/]+)(?:\/qr)?\/?$/;

/**
 * True for a profile (or shop QR) path whose address is bad or not registered. The pages stream behind
 * the root loading.tsx, so once they render the status is already 200: the server asks this first and
 * hands such a request to Next's own 404. A chain that is down is left to the page (ChainUnavailable).
 */
export async function isUnknownParticipantPath(path: string): Promise<boolean> {
  const match = PROFILE_PATH.exec(path);
  if (!match) return false;
  const address = participantAddress(decodeURIComponent(match[1] ?? ""));
  if (address === null) return true;
  const kept = runtime().views.profiles.peek(address);
  if (kept !== undefined) return kept.value === null;
  try {
    return !(await isRegisteredParticipant(runtime().deployment, provider(), address));
  } catch {
    return false;
  }
}

export function profileUrl(address: string): string {
  return new URL(`/participants/${address}`, runtime().digitalLinkBase).toString();
}

/** Reads a participant's record (null when not registered), naming the block it starts at. */
async function readProfile(address: string): Promise<BlockView<ParticipantRecord | null>> {
  const chain = batchingProvider(env().rpcUrl, runtime().deployment.chainId);
  const block = await chain.getBlockNumber();
  return { block, value: await readParticipantRecord(runtime().deployment, chain, address, now()) };
}

/** The profile of a registered participant; 404 for a bad or unknown address, 503 when the chain is down. */
export async function participantProfile(addressText: string): Promise<ProfileOutcome> {
  const address = participantAddress(addressText);
  if (address === null) return { status: 404 };
  let view: BlockView<ParticipantRecord | null>;
  try {
    view = await runtime().views.profiles.get(address, () => readProfile(address));
  } catch (error) {
    if (describeError(error).code === "chain_unavailable") return { status: 503 };
    throw error;
  }
  if (view.value === null) return { status: 404 };
  // A record kept in memory is as of its block; the licences' validity is as of now.
  const record = licencesValidAt(view.value, now());
  const revoked = record.licences.filter((licence) => licence.revokedAt !== null);
  const gross = record.violations.filter((v) => isGrossPriceViolation(v.fenPerPiece, v.capFenPerPiece));
  const credit = creditSummary({
    revokedProductionLicences: revoked.filter((licence) => licence.kind === "production-licence").length,
    counterfeitFindings: record.counterfeitFindings.length,
    revokedOtherLicences: revoked.filter((licence) => licence.kind !== "production-licence").length,
    recalls: record.recalls.length,
    upheldComplaints: record.upheldComplaints.length,
    grossPriceViolations: gross.length,
    priceViolations: record.violations.length - gross.length,
    suspended: record.suspension !== null || record.bondSuspendedAt !== null,
    settledOrders: record.settledOrders.filter((order) => order.accepted).length,
  });
  return {
    status: 200,
    body: {
      record,
      credit,
      url: profileUrl(address),
      block: view.block,
    },
  };
}

/** The profile URL as a QR code, an SVG data URL (the CSP allows data: images, not inline scripts). */
export async function qrDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
