"use client";

import { useCallback, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { parseScannedCode } from "@/lib/domain/gs1";
import { CHECK_CODE_PARAM, TYPED_PARAM } from "@/lib/domain/check-code";
import { boxKey, type ScannedBox } from "@/lib/domain/field-scans";
import type { VerdictLevel } from "@/lib/domain/verdict";

export interface CheckedBox extends ScannedBox {
  /** The code as sent for verification: a full Digital Link. */
  text: string;
  serial: string | null;
  headline: string;
  /** Times this box was scanned. */
  scans: number;
  /** Why no verdict came back (the chain unreachable), or null. */
  error: string | null;
}

interface VerifyAnswer {
  verdict?: VerdictLevel;
  headline?: string;
  error?: { message: string };
}

/** One box's verdict and its reason in words, or why none came back. */
export type BoxVerdict = { verdict: VerdictLevel; headline: string } | { verdict: null; error: string };

/**
 * Verifies one code through /api/verify (the consumer's verifier, in the page's language): the receiving
 * desk, the shelf check and the sale counter all ask this before they count or send anything.
 */
export async function verifyBox(
  text: string,
  words: { noVerdict: string; unreachable: string },
): Promise<BoxVerdict> {
  // A typed code's marks (lib/domain/check-code.ts) go along, so it is judged as typed there too.
  const query = new URLSearchParams({ code: text });
  if (URL.canParse(text))
    for (const mark of [TYPED_PARAM, CHECK_CODE_PARAM]) {
      const value = new URL(text).searchParams.get(mark);
      if (value !== null) query.set(mark, value);
    }
  try {
    const response = await fetch(`/api/verify?${query.toString()}`);
    const answer = (await response.json()) as VerifyAnswer;
    return answer.verdict === undefined
      ? { verdict: null, error: answer.error?.message ?? words.noVerdict }
      : { verdict: answer.verdict, headline: answer.headline ?? "" };
  } catch {
    return { verdict: null, error: words.unreachable };
  }
}

/**
 * Boxes scanned one after another, each verified once through /api/verify (the same verifier as the
 * consumer's page); a box scanned again is counted, not verified again. Newest first.
 */
export function useBoxChecks() {
  const [boxes, setBoxes] = useState<CheckedBox[]>([]);
  const [duplicates, setDuplicates] = useState(0);
  const seenKeys = useRef(new Set<string>());
  const t = useTranslations("fieldDesk.boxes");

  const scan = useCallback(
    (verdictPath: string) => {
      const text = new URL(verdictPath, window.location.origin).href;
      const parsed = parseScannedCode(text);
      if (!parsed.ok) return;
      const key = boxKey(parsed.code);
      // Kept apart from the state: a scanner sends the next code before React renders the last one.
      if (seenKeys.current.has(key)) {
        setDuplicates((n) => n + 1);
        setBoxes((current) =>
          current.map((box) => (box.key === key ? { ...box, scans: box.scans + 1 } : box)),
        );
        return;
      }
      seenKeys.current.add(key);
      const scanned: CheckedBox = {
        key,
        text,
        gtin: parsed.code.gtin,
        lot: parsed.code.lot,
        serial: parsed.code.serial,
        verdict: null,
        headline: "",
        scans: 1,
        error: null,
      };
      setBoxes((current) => [scanned, ...current]);
      const settle = (change: Partial<CheckedBox>) =>
        setBoxes((current) => current.map((box) => (box.key === key ? { ...box, ...change } : box)));
      void verifyBox(text, { noVerdict: t("noVerdict"), unreachable: t("unreachable") }).then((answer) =>
        settle(
          answer.verdict === null
            ? { error: answer.error }
            : { verdict: answer.verdict, headline: answer.headline },
        ),
      );
    },
    [t],
  );

  return { boxes, duplicates, scan };
}
