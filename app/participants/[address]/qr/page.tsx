import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/ui/PrintButton";
import { ChainUnavailable } from "@/components/verdict/ChainUnavailable";
import { isLocalOnlyUrl } from "@/lib/domain/loopback";
import { participantProfile, qrDataUrl } from "@/lib/queries/participants";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("participants");
  return { title: t("qrTitle") };
}

/**
 * A sheet to print and show at the counter: the QR leads to the seller's public profile. On paper it is
 * the sheet alone (the site's header and the button are hidden). A QR leading to localhost or a loopback
 * address would open nothing on a shopper's phone, so such a sheet shows why and prints only that.
 */
export default async function ParticipantQrPage({ params }: { params: Promise<{ address: string }> }) {
  const { address } = await params;
  const [outcome, t] = await Promise.all([participantProfile(address), getTranslations("participants")]);
  if (outcome.status === 404) notFound();
  if (outcome.status === 503) return <ChainUnavailable />;
  const { record, url } = outcome.body;
  const localOnly = isLocalOnlyUrl(url);
  return (
    <section className="mx-auto max-w-md space-y-4 text-center print:max-w-none print:space-y-8 print:pt-8">
      {localOnly ? (
        <p
          role="alert"
          data-print-refused="local_only_base_url"
          className="rounded-xl border border-red-300 bg-red-50 p-4 text-left text-red-900"
        >
          {t.rich("printRefused", {
            url,
            // A URL has no spaces to wrap at: on a phone it would run off the screen.
            mono: (chunks) => <span className="font-mono break-all">{chunks}</span>,
          })}
        </p>
      ) : (
        <p>
          <PrintButton label={t("print")} />
        </p>
      )}
      <div className={`space-y-4 ${localOnly ? "print:hidden" : ""}`}>
        <h1 className="text-2xl font-bold print:text-4xl">{record.name}</h1>
        <p className="text-lg print:text-2xl">{t("qrScan")}</p>
        <img
          src={await qrDataUrl(url)}
          alt={t("qrAlt", { url })}
          width={320}
          height={320}
          className="mx-auto print:h-[11cm] print:w-[11cm]"
        />
        <p className="font-mono text-xs break-all print:text-sm">
          <a href={url} className="underline print:no-underline">
            {url}
          </a>
        </p>
        <p className="text-sm text-slate-700 print:text-base print:text-black">{t("qrFooter")}</p>
      </div>
    </section>
  );
}
