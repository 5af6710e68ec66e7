import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChainUnavailable } from "@/components/verdict/ChainUnavailable";
import { participantProfile, qrDataUrl } from "@/lib/queries/participants";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("participants");
  return { title: t("qrTitle") };
}

/** A sheet to print and show at the counter: the QR leads to the seller's public profile. */
export default async function ParticipantQrPage({ params }: { params: Promise<{ address: string }> }) {
  const { address } = await params;
  const [outcome, t] = await Promise.all([participantProfile(address), getTranslations("participants")]);
  if (outcome.status === 404) notFound();
  if (outcome.status === 503) return <ChainUnavailable />;
  const { record, url } = outcome.body;
  return (
    <section className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-bold">{record.name}</h1>
      <p className="text-lg">{t("qrScan")}</p>
      <img
        src={await qrDataUrl(url)}
        alt={t("qrAlt", { url })}
        width={320}
        height={320}
        className="mx-auto"
      />
      <p className="font-mono text-xs break-all">
        <a href={url} className="underline">
          {url}
        </a>
      </p>
      <p className="text-sm text-slate-700">{t("qrFooter")}</p>
    </section>
  );
}
