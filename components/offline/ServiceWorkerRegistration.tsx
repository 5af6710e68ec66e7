"use client";

import { useEffect } from "react";

/** Installs the service worker (public/sw.js): the app shell and the verdicts opened before, offline. */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    // Browsers give service workers to https pages and localhost only.
    if (!("serviceWorker" in navigator)) return;
    if (process.env.NODE_ENV !== "production") {
      // The development server's build files keep their names as their code changes: a worker left by
      // a production run on this origin would serve stale ones from its cache.
      void navigator.serviceWorker
        .getRegistrations()
        .then((registrations) => registrations.forEach((registration) => void registration.unregister()));
      return;
    }
    navigator.serviceWorker.register("/sw.js").catch((error: unknown) => {
      console.warn("The offline copy of MedProof could not be set up:", error);
    });
  }, []);
  return null;
}
