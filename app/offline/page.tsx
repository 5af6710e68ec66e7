import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { OfflineFallback } from "@/components/offline/OfflineFallback";

export const metadata: Metadata = { title: "Offline" };

/**
 * Kept by the service worker (public/sw.js) and shown, at the address that was asked for, when a page
 * cannot be fetched: it finds what this browser kept for that address in the browser itself.
 */
export default async function OfflinePage() {
  // The saved verdict is drawn in the browser with the verdict page's components: they need its words.
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={{ verdict: messages.verdict }}>
      <OfflineFallback />
    </NextIntlClientProvider>
  );
}
