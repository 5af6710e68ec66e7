// What a check is. Each of lib/domain/verdict/checks/ is one rule of the verdict: an id, whether an
// `unknown` from it keeps a box from being called genuine, its rank when the headline picks one problem
// among several, its sentences in every language, and `run`, which reads the record and says pass, warn,
// fail or unknown. registry.ts lists the checks; evaluateVerdict (index.ts) runs them.
import type { ScannedCode } from "../gs1";
import type { BatchInfo, BoxRecord, ProductInfo, ScanHistory } from "../record";
import type { Locale } from "../locale";
import type { CommonMessages } from "./common.messages";

export type CheckStatus = "pass" | "warn" | "fail" | "unknown";

/** A check's sentences for one outcome: the title a shopper reads first, and the facts behind it. */
export interface Outcome {
  title: string;
  detail: string;
}

/** A part of a sentence, joined into an Outcome by the catalogue that made it. */
export type Sentence = string;

export type CheckResult = Outcome & { status: CheckStatus };

/**
 * What a typed check code showed (lib/domain/check-code.ts): none typed, it matches the digest the maker
 * published for this serial, it does not, or the maker published none for it.
 */
export type TypedCheckCode = "none" | "matches" | "differs" | "unpublished";

/**
 * How the code reached us. Scanned: a camera, a handheld scanner, a photo or a Digital Link opened, all
 * of which read the QR with its signature. Typed: a person copied the printed line, which carries none.
 */
export type CodeEntry = { method: "scanned" } | { method: "typed"; checkCode: TypedCheckCode };

/** What every check may read: the scan, the record and its parts, and the sentences all checks share. */
export interface CheckContext {
  code: ScannedCode;
  entry: CodeEntry;
  record: BoxRecord;
  product: ProductInfo | null;
  batch: BatchInfo | null;
  /** Address recovered from the code's signature; null when there is none or it is malformed. */
  recoveredSigner: string | null;
  scans: ScanHistory | null;
  /** Unix seconds. */
  now: number;
  region: number;
  /** A party's name for an address the record mentions (parties.ts), else the address shortened. */
  nameOf: (address: string) => string;
  locale: Locale;
  common: CommonMessages;
}

export const pass = (outcome: Outcome): CheckResult => ({ status: "pass", ...outcome });
export const warn = (outcome: Outcome): CheckResult => ({ status: "warn", ...outcome });
export const fail = (outcome: Outcome): CheckResult => ({ status: "fail", ...outcome });
export const unknown = (outcome: Outcome): CheckResult => ({ status: "unknown", ...outcome });

/** A check as the registry holds it: its catalogue is bound, so checks of different catalogues share a list. */
export interface CheckDefinition<Id extends string = string> {
  readonly id: Id;
  /** An `unknown` from an essential check keeps the box from being called genuine. */
  readonly essential: boolean;
  /**
   * A failure here says the code may not be the maker's own (a forged, copied or never-issued code), so the
   * shopper is offered the report of a suspected fake; other failures are the maker's box withdrawn or unfit.
   */
  readonly authenticity: boolean;
  /** The headline names the failing (or warning) check with the lowest priority; unique per check. */
  readonly priority: number;
  /** The check's catalogue in every language (one type per check: a missing sentence fails tsc). */
  readonly messages: Readonly<Record<Locale, object>>;
  readonly run: (context: CheckContext) => CheckResult;
}

/**
 * Declares a check. `run` receives the check's own catalogue in the scan's language; the id stays a
 * literal type, so the registry can derive the CheckId union from the checks it lists.
 */
export function defineCheck<const Id extends string, Messages extends object>(check: {
  id: Id;
  essential: boolean;
  authenticity: boolean;
  priority: number;
  messages: Record<Locale, Messages>;
  run: (context: CheckContext, text: Messages) => CheckResult;
}): CheckDefinition<Id> {
  return {
    id: check.id,
    essential: check.essential,
    authenticity: check.authenticity,
    priority: check.priority,
    messages: check.messages,
    run: (context) => check.run(context, check.messages[context.locale]),
  };
}
