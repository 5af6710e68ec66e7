import type { Metadata } from "next";
import { OfflineFallback } from "@/components/offline/OfflineFallback";

export const metadata: Metadata = { title: "Offline" };

/**
 * Kept by the service worker (public/sw.js) and shown, at the address that was asked for, when a page
 * cannot be fetched: it finds what this browser kept for that address in the browser itself.
 */
export default function OfflinePage() {
  return <OfflineFallback />;
}
