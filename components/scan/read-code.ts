import { useLocale, useTranslations } from "next-intl";
import { parseScannedCode, toDigitalLink } from "@/lib/domain/gs1";
import { codeProblemText, type CodeProblem } from "@/lib/i18n/code-errors";

export type { CodeProblem };

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

/** The reader's sentence for a code problem (the "codeErrors" messages, given by ClientMessages). */
export function useCodeProblemText(): (problem: CodeProblem) => string {
  const [t, locale] = [useTranslations("codeErrors"), useLocale()];
  return (problem) => codeProblemText(problem, locale, t);
}
