import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ComplaintLive } from "@/components/complaints/ComplaintLive";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { QueryProvider } from "@/components/ui/QueryProvider";
import { ChainUnavailable } from "@/components/verdict/ChainUnavailable";
import { runtime } from "@/lib/queries/runtime";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complaints");
  return { title: t("pageTitle") };
}

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ComplaintPage({ params, searchParams }: Props) {
  const [{ id }, { filed }, t] = await Promise.all([params, searchParams, getTranslations("complaints")]);
  const outcome = await runtime().complaints.complaint(id);
  if (outcome.status === 400 || outcome.status === 404) notFound();
  if (outcome.status !== 200) return <ChainUnavailable />;
  const complaint = outcome.body;
  return (
    <div className="space-y-6">
      {filed === "1" && (
        <p role="status" className="rounded-xl border border-emerald-300 bg-emerald-50 p-4 text-emerald-900">
          {t("filed", { id: complaint.id })}
        </p>
      )}
      <ClientMessages namespaces={["complaints"]}>
        <QueryProvider>
          <ComplaintLive initial={complaint} />
        </QueryProvider>
      </ClientMessages>
    </div>
  );
}
