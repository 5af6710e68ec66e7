import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Scanner } from "@/components/scan/Scanner";
import { ClientMessages } from "@/components/ui/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scan");
  return { title: t("title") };
}

/** The scanner: camera, photo and handheld scanner, each going straight to the verdict page. */
export default async function ScanPage() {
  const t = await getTranslations("scan");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <ClientMessages namespaces={["scan"]}>
        <Scanner />
      </ClientMessages>
    </div>
  );
}
