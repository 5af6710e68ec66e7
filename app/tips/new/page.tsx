import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TipForm } from "@/components/tips/TipForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { ChainUnavailable } from "@/components/verdict/ChainUnavailable";
import { sellers, type SellerEntry } from "@/lib/queries/field";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tips.report");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Today in China time (the demo's and the record's day), as a date input takes it. */
const chinaToday = () => new Date(Date.now() + 8 * 60 * 60_000).toISOString().slice(0, 10);

/**
 * Reporting a suspected fake, reached from a Suspect or Not-on-the-record verdict with the code as it
 * was scanned or typed. No account and no secret from inside the box: the report is a tip for the
 * inspectors' queue.
 */
export default async function NewTipPage({ searchParams }: Props) {
  const { code } = await searchParams;
  const t = await getTranslations("tips.report");
  let shops: SellerEntry[];
  try {
    shops = await sellers();
  } catch {
    return <ChainUnavailable />;
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <ClientMessages namespaces={["tips"]}>
        <TipForm code={typeof code === "string" ? code : ""} sellers={shops} today={chinaToday()} />
      </ClientMessages>
    </div>
  );
}
