"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

const REGION_ID = "page-announcer";
const noSubscription = () => () => undefined;

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
  // The server's answer while hydrating the page the browser loaded, the browser's otherwise.
  const hydrating = useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );
  const [arrivedWithoutPageLoad] = useState(!hydrating);

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
