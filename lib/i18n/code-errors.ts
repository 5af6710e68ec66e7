// Why a scanned or typed text is not a product code, in the reader's language. The GS1 parser's own
// sentences (lib/domain/gs1.ts) are English and the most precise (they name the digit or character at
// fault): English readers get those; other languages get the catalogue's sentence for the error's code
// (messages/<lang>/codeErrors.json). The error code is the same either way.
import type { Gs1ErrorCode } from "@/lib/domain/gs1";
import type { Locale } from "@/lib/domain/locale";

export interface CodeProblem {
  code: Gs1ErrorCode;
  /** The GS1 Application Identifier at fault, when there is one. */
  ai: string | null;
  /** The parser's English sentence. */
  message: string;
}

export function codeProblemText(
  problem: CodeProblem,
  locale: Locale,
  sentenceOf: (code: Gs1ErrorCode, values: { ai: string }) => string,
): string {
  return locale === "en" ? problem.message : sentenceOf(problem.code, { ai: problem.ai ?? "" });
}
