"use client";

import { useEffect } from "react";
import type { VerifyResponse } from "@/lib/queries/verify";
import { saveVerdict } from "./saved-verdicts";

/**
 * Keeps the verdict on show in this browser, so the offline page can show it again without the
 * network. On the verdict page, however it was reached: a page load or a scan's client-side navigation
 * (which the service worker never sees as a page). `code` is in canonical form (canonicalCode).
 */
export function RememberVerdict({ code, result }: { code: string; result: VerifyResponse }) {
  useEffect(() => {
    // Storage full or blocked: the verdict is simply not kept for offline use.
    saveVerdict(code, result).catch(() => undefined);
  }, [code, result]);
  return null;
}
