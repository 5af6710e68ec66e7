import { useTranslations } from "next-intl";
import { parseScannedCode, toDigitalLink, type Gs1ErrorCode } from "@/lib/domain/gs1";

/** Why a scanned text is not a product code: the parser's error code, and the data field it is about. */
export interface CodeProblem {
  code: Gs1ErrorCode;
  ai: string | null;
}

export type ReadOutcome = { ok: true; path: string } | { ok: false; problem: CodeProblem };

/**
 * Scanned text → the path of its verdict page on this site. Parsed in the browser (the parser is pure)
 * so a scan goes straight to the verdict without a round trip through /check.
 */
export function verdictPathOf(text: string): ReadOutcome {
  const parsed = parseScannedCode(text);
  return parsed.ok
    ? { ok: true, path: toDigitalLink(parsed.code, "") }
    : { ok: false, problem: { code: parsed.error.code, ai: parsed.error.ai } };
}

/** The reader's sentence for a code problem (the "codeErrors" messages, given by ClientMessages). */
export function useCodeProblemText(): (problem: CodeProblem) => string {
  const t = useTranslations("codeErrors");
  return ({ code, ai }) => t(code, { ai: ai ?? "" });
}
