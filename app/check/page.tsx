import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { gs1ErrorMessage } from "@/lib/domain/gs1-messages";
import { MAX_SCAN_LENGTH, parseScannedCode, toDigitalLink } from "@/lib/domain/gs1";
import { CodeEntryForm } from "@/components/scan/CodeEntryForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scan");
  return { title: t("checkTitle") };
}

/** Any typed or scanned text → the canonical Digital Link verdict page, or a plain reason it can't be read. */
export default async function CheckPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).code;
  const text = typeof raw === "string" ? raw : "";
  const parsed = parseScannedCode(text);
  if (parsed.ok) redirect(toDigitalLink(parsed.code, ""));
  const [t, locale] = await Promise.all([getTranslations("scan"), getLocale()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("cantRead")}</h1>
      <p role="alert" className="rounded-xl border border-red-300 bg-red-50 p-4 text-red-900">
        {gs1ErrorMessage(parsed.error, locale)}
      </p>
      <CodeEntryForm defaultValue={text.slice(0, MAX_SCAN_LENGTH)} autoFocus />
    </div>
  );
}
