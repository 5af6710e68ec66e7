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
import { rpcProvider } from "../chain/provider";
import { creditSummary, type CreditSummary } from "../domain/credit";
import { env } from "../env";
import { runtime } from "./runtime";

export type { ParticipantRecord };

export interface ParticipantProfile {
  record: ParticipantRecord;
  credit: CreditSummary;
  /** The profile's absolute URL, as the shop QR carries it. */
  url: string;
}

export type ProfileOutcome = { status: 200; body: ParticipantProfile } | { status: 404 } | { status: 503 };

const provider = () => rpcProvider(env().rpcUrl, runtime().deployment.chainId);
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
  try {
    return !(await isRegisteredParticipant(runtime().deployment, provider(), address));
  } catch {
    return false;
  }
}

export function profileUrl(address: string): string {
  return new URL(`/participants/${address}`, runtime().digitalLinkBase).toString();
}

/** The profile of a registered participant; 404 for a bad or unknown address, 503 when the chain is down. */
export async function participantProfile(addressText: string): Promise<ProfileOutcome> {
  const address = participantAddress(addressText);
  if (address === null) return { status: 404 };
  const { deployment } = runtime();
  try {
    const record = await readParticipantRecord(
      deployment,
      provider(),
      address,
      Math.floor(Date.now() / 1000),
    );
    if (record === null) return { status: 404 };
    const credit = creditSummary({
      revokedLicences: record.licences.filter((licence) => licence.revokedAt !== null).length,
      upheldComplaints: record.upheldComplaints.length,
      priceViolations: record.violations.length,
      recalls: record.recalls.length,
      suspended: record.suspension !== null || record.bondSuspendedAt !== null,
      settledOrders: record.settledOrders.filter((order) => order.accepted).length,
    });
    return { status: 200, body: { record, credit, url: profileUrl(address) } };
  } catch (error) {
    if (describeError(error).code === "chain_unavailable") return { status: 503 };
    throw error;
  }
}

/** The profile URL as a QR code, an SVG data URL (the CSP allows data: images, not inline scripts). */
export async function qrDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
