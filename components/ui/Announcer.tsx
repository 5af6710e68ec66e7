"use client";

import { useEffect, useState } from "react";
import { useHydrated } from "./use-hydrated";

const REGION_ID = "page-announcer";

/**
 * A polite live region that lives as long as the document (it is in the root layout), so that text put
 * in it is spoken even when the page around it was replaced by a client-side navigation. A live region
 * that arrives with its page, such as the verdict banner, is not reliably read out by screen readers.
 */
export function LiveRegion() {
  return <div id={REGION_ID} role="status" aria-live="polite" aria-atomic="true" className="sr-only" />;
}

/**
 * Speaks `message` through the layout's live region when this component arrives without a page load
 * (after a scan, a link followed in the app, or content rendered in the browser). On a page load
 * screen readers read the title and the page anyway, so it stays quiet rather than say it twice.
 */
export function Announce({ message }: { message: string }) {
  // Already hydrated when it first renders: it came without a page load.
  const hydrated = useHydrated();
  const [arrivedWithoutPageLoad] = useState(hydrated);

  useEffect(() => {
    const region = document.getElementById(REGION_ID);
    if (!arrivedWithoutPageLoad || region === null) return;
    region.textContent = message;
    return () => {
      region.textContent = "";
    };
  }, [arrivedWithoutPageLoad, message]);
  return null;
}
