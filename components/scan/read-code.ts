import { parseScannedCode, toDigitalLink } from "@/lib/domain/gs1";

export type ReadOutcome = { ok: true; path: string } | { ok: false; message: string };

/**
 * Scanned text → the path of its verdict page on this site. Parsed in the browser (the parser is pure)
 * so a scan goes straight to the verdict without a round trip through /check.
 */
export function verdictPathOf(text: string): ReadOutcome {
  const parsed = parseScannedCode(text);
  return parsed.ok
    ? { ok: true, path: toDigitalLink(parsed.code, "") }
    : { ok: false, message: parsed.error.message };
}
