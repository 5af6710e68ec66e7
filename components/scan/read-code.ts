import { useLocale } from "next-intl";
import { entryPath, readEntry } from "@/lib/domain/check-code";
import { gs1ErrorMessage } from "@/lib/domain/gs1-messages";
import type { Gs1Error } from "@/lib/domain/gs1";

export type CodeProblem = Pick<Gs1Error, "code" | "ai" | "message">;

export type ReadOutcome = { ok: true; path: string } | { ok: false; problem: CodeProblem };

/**
 * Scanned or typed text → the path of its verdict page on this site, marked as typed when it was (the
 * bracketed line, or a check code after the code). Parsed in the browser (the parser is pure) so a scan
 * goes straight to the verdict without a round trip through /check.
 */
export function verdictPathOf(text: string): ReadOutcome {
  const entry = readEntry(text);
  return entry.parsed.ok
    ? { ok: true, path: entryPath(entry.parsed.code, entry) }
    : { ok: false, problem: entry.parsed.error };
}

/** The reader's sentence for a code problem, in the page's language. */
export function useCodeProblemText(): (problem: CodeProblem) => string {
  const locale = useLocale();
  return (problem) => gs1ErrorMessage(problem, locale);
}
