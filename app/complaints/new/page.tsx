import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { gs1ErrorMessage } from "@/lib/domain/gs1-messages";
import { ComplaintForm } from "@/components/complaints/ComplaintForm";
import { OtherBoxesComplaints, ThisBoxComplaint } from "@/components/complaints/ExistingComplaints";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { complaintSubject, type SubjectResult } from "@/lib/queries/complaint-subject";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complaints");
  return { title: t("newTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Why there is no form for this code, as a heading and a sentence. */
async function problemWords(result: Exclude<SubjectResult, { ok: true }>) {
  const [t, locale] = await Promise.all([getTranslations("complaints.subject"), getLocale()]);
  if (result.problem === "unreadable")
    return { title: t("cantReadTitle"), message: gs1ErrorMessage(result.error, locale) };
  return { title: t(`${result.problem}.title`), message: t(`${result.problem}.message`) };
}

export default async function NewComplaintPage({ searchParams }: Props) {
  const { code } = await searchParams;
  const text = typeof code === "string" ? code : "";
  const [result, t] = await Promise.all([complaintSubject(text), getTranslations("complaints")]);
  const problem = result.ok ? null : await problemWords(result);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("newHeading")}</h1>
      {result.ok ? (
        result.subject.existing ? (
          <ThisBoxComplaint existing={result.subject.existing} />
        ) : (
          <>
            {result.subject.otherOpen > 0 && <OtherBoxesComplaints count={result.subject.otherOpen} />}
            <ClientMessages namespaces={["complaints"]}>
              <ComplaintForm subject={result.subject} />
            </ClientMessages>
          </>
        )
      ) : (
        <div role="alert" className="space-y-1 rounded-xl border border-red-300 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">{problem?.title}</p>
          <p>{problem?.message}</p>
        </div>
      )}
    </div>
  );
}
