import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { gs1ErrorMessage } from "@/lib/domain/gs1-messages";
import { MAX_SCAN_LENGTH } from "@/lib/domain/gs1";
import { entryPath, readEntry } from "@/lib/domain/check-code";
import { CodeEntryForm } from "@/components/scan/CodeEntryForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scan");
  return { title: t("checkTitle") };
}

/**
 * Any typed or scanned text → the canonical Digital Link verdict page (marked as typed when it was the
 * printed line or carried a check code), or a plain reason it can't be read.
 */
export default async function CheckPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).code;
  const text = typeof raw === "string" ? raw : "";
  const entry = readEntry(text);
  const parsed = entry.parsed;
  if (parsed.ok) redirect(entryPath(parsed.code, entry));
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
