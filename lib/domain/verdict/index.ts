// One scan, one verdict: a pure function of (scanned code, chain record, scan history, now, region).
// Each check (checks/, listed in registry.ts) reads one part of the record and says pass, warn, fail or
// unknown with a plain sentence and the facts behind it; the overall verdict follows from the checks
// alone, so what the page shows and why can never disagree. See docs/architecture.md, "One scan, one verdict".
//
// The record comes from the chain and the code from a stranger's camera: nothing here throws, and a
// check that cannot be completed says so (unknown) instead of guessing.
import type { ScannedCode } from "../gs1";
import type { BoxRecord, ProductInfo, ScanHistory } from "../record";
import { shortAddress } from "../format";
import { partyDirectory } from "../parties";
import type { Locale } from "../locale";
import type { CheckContext, CheckDefinition, CheckStatus, CodeEntry } from "./check";
import { commonMessages, type CommonMessages } from "./common.messages";
import { AUTHENTICITY_CHECKS, CHECKS, ESSENTIAL_CHECKS, HEADLINE_PRIORITY, type CheckId } from "./registry";

export type { CheckStatus, CodeEntry, TypedCheckCode } from "./check";
export {
  AUTHENTICITY_CHECKS,
  CHECKS,
  CHECK_IDS,
  ESSENTIAL_CHECKS,
  HEADLINE_PRIORITY,
  type CheckId,
} from "./registry";

export interface Check {
  id: CheckId;
  status: CheckStatus;
  title: string;
  detail: string;
}

export type VerdictLevel = "genuine" | "caution" | "suspect" | "not_found";

export interface Verdict {
  verdict: VerdictLevel;
  headline: string;
  /** Always every registered check, in registry order. */
  checks: Check[];
}

export interface VerdictInput {
  code: ScannedCode;
  /** Scanned (the default) or typed from the printed line, with what its check code showed. */
  entry?: CodeEntry;
  record: BoxRecord;
  /** Address recovered from the code's signature (AI 8030) over (GTIN, lot, serial) by lib/chain; null when there is no signature or it is malformed. */
  recoveredSigner: string | null;
  /** Earlier verifications of this serial from the scan log; null when the log is unavailable. */
  scans: ScanHistory | null;
  /** Unix seconds. */
  now: number;
  /** Administrative division code of the scan, e.g. 320500 (苏州); picks the price cap. */
  region: number;
}

function runCheck(check: CheckDefinition<CheckId>, context: CheckContext): Check {
  try {
    return { id: check.id, ...check.run(context) };
  } catch {
    // A record shaped in a way no rule foresaw must not take the whole verdict down with it.
    return { id: check.id, status: "unknown", ...context.common.couldNotCheck() };
  }
}

function overallLevel(product: ProductInfo | null, checks: readonly Check[]): VerdictLevel {
  if (product === null) return "not_found";
  if (checks.some((c) => c.status === "fail")) return "suspect";
  if (checks.some((c) => c.status === "warn")) return "caution";
  if (checks.some((c) => c.status === "unknown" && ESSENTIAL_CHECKS.includes(c.id))) return "caution";
  return "genuine";
}

function mostImportant(checks: readonly Check[], status: CheckStatus): Check | undefined {
  return HEADLINE_PRIORITY.map((id) => checks.find((c) => c.id === id)).find((c) => c?.status === status);
}

/**
 * A typed code whose only gap is the signature it cannot carry: everything the record says matches, and
 * the QR (or the check code) is what would confirm it is the maker's.
 */
function onlySignatureUnknown(checks: readonly Check[], entry: CodeEntry): boolean {
  const unknownEssentials = checks.filter((c) => c.status === "unknown" && ESSENTIAL_CHECKS.includes(c.id));
  return (
    entry.method === "typed" && unknownEssentials.length === 1 && unknownEssentials[0]?.id === "signature"
  );
}

/** The reason behind the level, in one sentence (the level itself is shown beside it). */
function headlineFor(
  level: VerdictLevel,
  checks: readonly Check[],
  entry: CodeEntry,
  text: CommonMessages,
): string {
  switch (level) {
    case "not_found":
      return text.headline.not_found();
    case "suspect":
      return mostImportant(checks, "fail")?.title ?? text.headline.incomplete();
    case "caution":
      return (
        mostImportant(checks, "warn")?.title ??
        (onlySignatureUnknown(checks, entry) ? text.headline.typedUnconfirmed() : text.headline.incomplete())
      );
    case "genuine":
      return text.headline.genuine();
  }
}

/**
 * The verdict for one scan, its sentences in `locale`. Never throws: what cannot be read becomes an
 * `unknown` check. Levels, check ids and statuses are the same codes in every language.
 */
export function evaluateVerdict(input: VerdictInput, locale: Locale = "en"): Verdict {
  const record = input.record;
  const context: CheckContext = {
    code: input.code,
    entry: input.entry ?? { method: "scanned" },
    record,
    product: record?.product ?? null,
    batch: record?.batch ?? null,
    recoveredSigner: input.recoveredSigner ?? null,
    scans: input.scans ?? null,
    now: input.now,
    region: input.region,
    nameOf: (address) => shortAddress(address, locale),
    locale,
    common: commonMessages[locale],
  };
  try {
    context.nameOf = partyDirectory(record, locale);
  } catch {
    // Names are a courtesy; shortened addresses still identify the parties.
  }
  const checks = CHECKS.map((check) => runCheck(check, context));
  const verdict = overallLevel(context.product, checks);
  return { verdict, headline: headlineFor(verdict, checks, context.entry, context.common), checks };
}

/**
 * Whether a verdict doubts that the box is the maker's own: nothing on the record, or a failing check that
 * speaks to authenticity. Only then is the shopper offered the report of a suspected fake; a recalled,
 * expired or unreleased box is the maker's own, withdrawn or unfit, and is not called a fake.
 */
export function doubtsAuthenticity({ verdict, checks }: Pick<Verdict, "verdict" | "checks">): boolean {
  return (
    verdict === "not_found" ||
    checks.some((check) => check.status === "fail" && AUTHENTICITY_CHECKS.includes(check.id))
  );
}
