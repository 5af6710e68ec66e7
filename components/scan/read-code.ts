import { useLocale } from "next-intl";
import { parseScannedCode, toDigitalLink } from "@/lib/domain/gs1";
import { gs1ErrorMessage } from "@/lib/domain/gs1-messages";
import type { Gs1Error } from "@/lib/domain/gs1";

export type CodeProblem = Pick<Gs1Error, "code" | "ai" | "message">;

export type ReadOutcome = { ok: true; path: string } | { ok: false; problem: CodeProblem };

/**
 * Scanned text → the path of its verdict page on this site. Parsed in the browser (the parser is pure)
 * so a scan goes straight to the verdict without a round trip through /check.
 */
export function verdictPathOf(text: string): ReadOutcome {
  const parsed = parseScannedCode(text);
  return parsed.ok
    ? { ok: true, path: toDigitalLink(parsed.code, "") }
    : { ok: false, problem: parsed.error };
}

/** The reader's sentence for a code problem, in the page's language. */
export function useCodeProblemText(): (problem: CodeProblem) => string {
  const locale = useLocale();
  return (problem) => gs1ErrorMessage(problem, locale);
}
