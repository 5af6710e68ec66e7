"use client";

import { useEffect } from "react";

/** Installs the service worker (public/sw.js): the app shell and the verdicts opened before, offline. */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    // Browsers give service workers to https pages and localhost only. In development every edit
    // changes the pages, which a kept copy would hide.
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js").catch((error: unknown) => {
      console.warn("The offline copy of MedProof could not be set up:", error);
    });
  }, []);
  return null;
}
