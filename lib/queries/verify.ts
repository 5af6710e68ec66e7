// One verification: read the box's record (one eth_call) for a code parsed once by the caller, consult
// the scan log, apply the verdict rules. Used by the lean /api/verify handler, the verdict page and the
// CLI alike; readScannedCode is their one way from scanned text to a code or the 400 that refuses it.
// A code a person typed carries no signature: its check code, if typed, is checked against the digests
// the maker published (lib/stores/check-code-store.ts) and the verdict judges it as typed.
import { parseScannedCode, type ScannedCode } from "../domain/gs1";
import { capInForce } from "../domain/price-caps";
import { evaluateVerdict, type Check, type CodeEntry, type VerdictLevel } from "../domain/verdict";
import { buildTimeline, type TimelineEvent } from "../domain/timeline";
import { boxParties, type BoxParties } from "../domain/box-parties";
import type { BoxRecord, PriceCapInfo, PriceRecordInfo } from "../domain/record";
import { regionName } from "../domain/regions";
import { gs1ErrorMessage } from "../domain/gs1-messages";
import { readEntry } from "../domain/check-code";
import type { Locale } from "../domain/locale";
import { BoxReader, ChainUnavailableError } from "../chain/reader";
import { recoverSerialSigner } from "../chain/serials";
import { checkCodeDigest } from "../chain/check-codes";
import { scanWindowStart } from "../domain/scan-window";
import type { ScanStore } from "../stores/scan-store";
import type { CheckCodeStore } from "../stores/check-code-store";
import { chainUnavailable } from "./chain-unavailable";
import { recordVerification } from "../metrics";

export interface VerifyResponse {
  code: { gtin: string; lot: string | null; serial: string | null; expiry: string | null };
  verdict: VerdictLevel;
  headline: string;
  checks: Check[];
  product: { gtin: string; name: string; category: number; manufacturer: string } | null;
  batch: {
    lot: string;
    productionDate: number;
    expiryDate: number;
    releasedAt: number | null;
    masks: number;
    boxes: number;
    timeline: TimelineEvent[];
  } | null;
  price: { region: number; regionName: string | null; cap: PriceCapInfo | null; records: PriceRecordInfo[] };
  /** Who made, supplied, checked, distributed and sold the box; null for an unknown product. */
  parties: BoxParties | null;
  /** When and at which block the record was read. */
  checkedAt: number;
  block: number;
}

/** A refused code: `reason` names what is wrong (a Gs1ErrorCode, or the handler's own such as too_long). */
export type InvalidCode = {
  status: 400;
  body: { error: { code: "invalid_code"; message: string; reason: string } };
};

export type VerifyOutcome =
  | { status: 200; body: VerifyResponse }
  | InvalidCode
  | { status: 503; body: { error: ReturnType<typeof chainUnavailable> }; cause?: unknown };

/** The one place the 400 answer to a code that cannot be read is built. */
export function invalidCode(message: string, reason: string): InvalidCode {
  return { status: 400, body: { error: { code: "invalid_code", message, reason } } };
}

/**
 * Parses scanned text once per request: the code to verify (and to write links from), or the 400 that
 * refuses it with its sentence in `locale`. `now` anchors two-digit years; the clock when absent.
 */
export function readScannedCode(text: string, locale: Locale = "en", now?: Date): ScannedCode | InvalidCode {
  const parsed = parseScannedCode(text, { now });
  return parsed.ok ? parsed.code : invalidCode(gs1ErrorMessage(parsed.error, locale), parsed.error.code);
}

/**
 * Like readScannedCode, for text a person may have typed: the code, and when it was typed (the bracketed
 * line, or a check code after the code: lib/domain/check-code.ts) the check code to judge it by.
 */
export function readCodeEntry(
  text: string,
  locale: Locale = "en",
): { code: ScannedCode; typed: VerifyContext["typed"] } | InvalidCode {
  const entry = readEntry(text);
  if (!entry.parsed.ok)
    return invalidCode(gs1ErrorMessage(entry.parsed.error, locale), entry.parsed.error.code);
  return { code: entry.parsed.code, typed: entry.typed ? { checkCode: entry.checkCode } : undefined };
}

export interface VerifyContext {
  /** Administrative division code of the scan (picks the price cap); the server default when absent. */
  region: number;
  /** An opaque fingerprint of the device, for the scan log. */
  device: string;
  /** Seconds since the epoch; the verdict is a function of it. The clock when absent. */
  now?: number;
  /** The language of the answer's sentences (verdict, checks, timeline, errors); English when absent. */
  locale?: Locale;
  /** Set when a person typed the printed line rather than scanning the QR: the check code typed after it. */
  typed?: { checkCode: string | null };
}

/** A verification's context with its defaults filled in (the typed origin stays optional). */
type Settled = Required<Omit<VerifyContext, "typed">> & Pick<VerifyContext, "typed">;

export class Verifier {
  constructor(
    private readonly reader: Pick<BoxReader, "read">,
    private readonly scanLog: ScanStore | null,
    private readonly checkCodes: Pick<CheckCodeStore, "read"> | null = null,
  ) {}

  /**
   * Verifies a code the caller parsed (readScannedCode): the text is never parsed again here. Counted by
   * verdict and timed for GET /metrics.
   */
  async verify(code: ScannedCode, given: VerifyContext): Promise<Exclude<VerifyOutcome, InvalidCode>> {
    const started = performance.now();
    const outcome = await this.evaluate(code, given);
    const label = outcome.status === 200 ? outcome.body.verdict : outcome.body.error.code;
    recordVerification(label, (performance.now() - started) / 1000);
    return outcome;
  }

  private async evaluate(
    code: ScannedCode,
    given: VerifyContext,
  ): Promise<Exclude<VerifyOutcome, InvalidCode>> {
    const context = {
      ...given,
      now: given.now ?? Math.floor(Date.now() / 1000),
      locale: given.locale ?? "en",
    } satisfies Settled;
    let record: BoxRecord;
    try {
      record = await this.reader.read(code);
    } catch (error) {
      if (error instanceof ChainUnavailableError) {
        return {
          status: 503,
          body: { error: chainUnavailable(context.locale) },
          cause: error,
        };
      }
      throw error;
    }
    const scans = await this.logScan(code, record, context);
    const signer = record.batch?.signer;
    const recoveredSigner =
      signer && code.lot !== null && code.serial !== null && code.signature !== null
        ? recoverSerialSigner(signer, code.gtin, code.lot, code.serial, code.signature)
        : null;
    const entry = await this.entryOf(code, record, given.typed);
    const verdict = evaluateVerdict(
      { code, entry, record, recoveredSigner, scans, now: context.now, region: context.region },
      context.locale,
    );
    return { status: 200, body: toResponse(code, record, verdict, context) };
  }

  /** How the code came: scanned, or typed with what its check code shows against the maker's published digest. */
  private async entryOf(
    code: ScannedCode,
    record: BoxRecord,
    typed: VerifyContext["typed"],
  ): Promise<CodeEntry> {
    if (typed === undefined) return { method: "scanned" };
    if (typed.checkCode === null) return { method: "typed", checkCode: "none" };
    const batch = record.batch;
    if (this.checkCodes === null || batch === null || code.serial === null) {
      return { method: "typed", checkCode: "unpublished" };
    }
    let published: string | null;
    try {
      published = await this.checkCodes.read(batch.id, code.serial);
    } catch {
      // The database is the only witness of the published codes: without it the code proves nothing either way.
      published = null;
    }
    if (published === null) return { method: "typed", checkCode: "unpublished" };
    const digest = checkCodeDigest(batch.id, code.serial, typed.checkCode);
    return { method: "typed", checkCode: digest === published ? "matches" : "differs" };
  }

  /**
   * Records the scan (durably) for the next one and returns the history that counts before it, in one
   * statement (lib/stores/scan-store.ts).
   * Only serials the batch issued are logged: any other is no box's, and logging it would let anyone
   * grow the log without bound by typing numbers.
   */
  private async logScan(code: ScannedCode, record: BoxRecord, context: Settled) {
    if (!this.scanLog || code.lot === null || code.serial === null || !record.serial?.inRange) return null;
    const key = `${code.gtin}/${code.lot}/${code.serial}`;
    const entry = { at: context.now, place: regionName(context.region), device: context.device };
    return this.scanLog.record(key, entry, scanWindowStart(record));
  }
}

function toResponse(
  code: ScannedCode,
  record: BoxRecord,
  verdict: ReturnType<typeof evaluateVerdict>,
  context: Settled,
): VerifyResponse {
  const { product, batch } = record;
  return {
    code: { gtin: code.gtin, lot: code.lot, serial: code.serial, expiry: code.expiry },
    verdict: verdict.verdict,
    headline: verdict.headline,
    checks: verdict.checks,
    product: product && {
      gtin: product.gtin,
      name: product.name,
      category: product.category,
      manufacturer: product.manufacturer.name,
    },
    batch: batch && {
      lot: batch.lot,
      productionDate: batch.productionDate,
      expiryDate: batch.expiryDate,
      releasedAt: batch.releasedAt,
      masks: batch.masks,
      boxes: batch.boxes,
      timeline: buildTimeline(record, context.locale),
    },
    price: {
      region: context.region,
      regionName: regionName(context.region),
      cap: product && capInForce(record.caps, product.category, "retail", context.region, context.now),
      records: batch?.prices ?? [],
    },
    parties: boxParties(record),
    checkedAt: context.now,
    block: record.blockNumber,
  };
}
