import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OfflineFallback } from "@/components/offline/OfflineFallback";
import { ClientMessages } from "@/components/ui/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("offline");
  return { title: t("pageTitle") };
}

/**
 * Kept by the service worker (public/sw.js) and shown, at the address that was asked for, when a page
 * cannot be fetched: it finds what this browser kept for that address in the browser itself. The saved
 * verdict is drawn there with the verdict page's components, so they get the verdict's words too.
 */
export default function OfflinePage() {
  return (
    <ClientMessages namespaces={["offline", "verdict"]}>
      <OfflineFallback />
    </ClientMessages>
  );
}
