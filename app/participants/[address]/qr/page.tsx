import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChainUnavailable } from "@/components/verdict/ChainUnavailable";
import { participantProfile, qrDataUrl } from "@/lib/queries/participants";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Shop QR code" };

/** A sheet to print and show at the counter: the QR leads to the seller's public profile. */
export default async function ParticipantQrPage({ params }: { params: Promise<{ address: string }> }) {
  const { address } = await params;
  const outcome = await participantProfile(address);
  if (outcome.status === 404) notFound();
  if (outcome.status === 503) return <ChainUnavailable />;
  const { record, url } = outcome.body;
  return (
    <section className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-bold">{record.name}</h1>
      <p className="text-lg">Scan to see this shop&apos;s licences and record before you buy.</p>
      <img
        src={await qrDataUrl(url)}
        alt={`QR code of ${url}`}
        width={320}
        height={320}
        className="mx-auto"
      />
      <p className="font-mono text-xs break-all">
        <a href={url} className="underline">
          {url}
        </a>
      </p>
      <p className="text-sm text-slate-700">MedProof: the public record of mask makers and sellers.</p>
    </section>
  );
}
