// What the record already holds about a box before its complaint form is filled: the box's own complaint
// (open, answered or upheld), which the chain would refuse a second one beside, shown with a link to it in
// place of the form; or, above the form, how many complaints about other boxes of the batch are open.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ComplaintSubject } from "@/lib/queries/complaint-subject";
import { secondsToIsoDate } from "@/lib/domain/time";

/** The box's own complaint, in place of the form. */
export async function ThisBoxComplaint({
  existing,
}: {
  existing: NonNullable<ComplaintSubject["existing"]>;
}) {
  const t = await getTranslations("complaints.existing");
  const values = { id: existing.id, filed: secondsToIsoDate(existing.filedAt) };
  return (
    <section
      aria-labelledby="existing-heading"
      data-existing-complaint={existing.id}
      className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="existing-heading" className="font-semibold">
        {t("title")}
      </h2>
      <p>{t(existing.status, values)}</p>
      <Link
        className="inline-block font-medium text-emerald-800 underline"
        href={`/complaints/${existing.id}`}
      >
        {t("follow", { id: existing.id })}
      </Link>
    </section>
  );
}

/** Open complaints about other boxes of the batch, above the form. */
export async function OtherBoxesComplaints({ count }: { count: number }) {
  const t = await getTranslations("complaints.existing");
  return (
    <p data-other-open-complaints={count} className="rounded-xl border border-slate-200 bg-white p-3 text-sm">
      {t("others", { count })}
    </p>
  );
}
