import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChainUnavailable } from "@/components/verdict/ChainUnavailable";
import { CreditBadge, CreditSummaryCard } from "@/components/participants/CreditSummaryCard";
import { ParticipantRecordSections } from "@/components/participants/ParticipantRecordSections";
import { regionName } from "@/lib/domain/regions";
import { participantProfile } from "@/lib/queries/participants";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("participants");
  return { title: t("pageTitle") };
}

/** A participant's public record and the credit summary computed from it. */
export default async function ParticipantPage({ params }: { params: Promise<{ address: string }> }) {
  const { address } = await params;
  const [outcome, t] = await Promise.all([participantProfile(address), getTranslations("participants")]);
  if (outcome.status === 404) notFound();
  if (outcome.status === 503) return <ChainUnavailable />;
  const { record, credit } = outcome.body;
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{record.name}</h1>
        <CreditBadge credit={credit} />
        <p className="text-slate-700">
          {record.roles.map((role) => t(`roles.${role}`)).join(t("listSeparator"))}
          {" · "}
          {regionName(record.region) ?? t("region", { code: String(record.region) })}
        </p>
        <p className="text-sm text-slate-700">
          {t.rich("creditCode", {
            code: record.creditCode,
            // The code itself in a fixed-width face: a misread character means a wrong lookup.
            mono: (chunks) => <span className="font-mono">{chunks}</span>,
          })}
        </p>
        <p className="font-mono text-xs break-all text-slate-600">{record.address}</p>
        <p data-read-at-block={outcome.body.block} className="text-xs text-slate-600">
          {t("readAtBlock", { block: String(outcome.body.block) })}
        </p>
      </header>
      <CreditSummaryCard credit={credit} />
      <ParticipantRecordSections record={record} />
      <p>
        <Link className="text-emerald-800 underline" href={`/participants/${record.address}/qr`}>
          {t("printQr")}
        </Link>
      </p>
    </div>
  );
}
