import type { Metadata } from "next";
import { ComplaintForm } from "@/components/complaints/ComplaintForm";
import { complaintSubject } from "@/lib/queries/complaint-subject";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Report a problem" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewComplaintPage({ searchParams }: Props) {
  const { code } = await searchParams;
  const text = typeof code === "string" ? code : "";
  const result = await complaintSubject(text);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Report a problem with this box</h1>
      {result.ok ? (
        <ComplaintForm subject={result.subject} />
      ) : (
        <div role="alert" className="space-y-1 rounded-xl border border-red-300 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">{result.title}</p>
          <p>{result.message}</p>
        </div>
      )}
    </div>
  );
}
