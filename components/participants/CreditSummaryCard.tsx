import {
  CREDIT_MAX,
  CREDIT_MIN,
  CREDIT_START,
  type CreditGrade,
  type CreditSummary,
} from "@/lib/domain/credit";
import { StatusIcon, type Tone } from "@/components/ui/StatusIcon";

const GRADES: Record<CreditGrade, { words: string; tone: Tone }> = {
  good: { words: "Good standing", tone: "pass" },
  fair: { words: "Fair: some marks on the record", tone: "warn" },
  poor: { words: "Poor: serious marks on the record", tone: "fail" },
  bad: { words: "Bad: do not rely on this party", tone: "fail" },
};

const signed = (points: number) => (points > 0 ? `+${points}` : String(points));

/** The score, and beside it the rule that made it, line by line, so anyone can redo the sum. */
export function CreditSummaryCard({ credit }: { credit: CreditSummary }) {
  const grade = GRADES[credit.grade];
  return (
    <section
      aria-labelledby="credit-heading"
      data-credit-score={credit.score}
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4"
    >
      <h2 id="credit-heading" className="text-xl font-semibold">
        Credit summary
      </h2>
      <p className="flex items-center gap-3">
        <StatusIcon tone={grade.tone} />
        <span>
          <span className="text-3xl font-bold">{credit.score}</span>
          <span className="text-slate-600"> / {CREDIT_MAX}</span>
          <span className="block font-semibold">{grade.words}</span>
        </span>
      </p>
      <p className="text-sm text-slate-700" id="credit-explained">
        How it is computed: every participant starts at {CREDIT_START}; each fact on its record below adds or
        takes away the points in this table, and the result is kept between {CREDIT_MIN} and {CREDIT_MAX}.
        Only the public record counts: nothing else goes into it.
      </p>
      <table className="w-full text-left text-sm" aria-describedby="credit-explained">
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-1 font-semibold">
              Rule
            </th>
            <th scope="col" className="py-1 text-right font-semibold">
              On record
            </th>
            <th scope="col" className="py-1 text-right font-semibold">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-slate-100">
            <td className="py-1">Start</td>
            <td />
            <td className="py-1 text-right">{CREDIT_START}</td>
          </tr>
          {credit.lines.map(({ rule, count, points }) => (
            <tr key={rule.fact} className="border-b border-slate-100">
              <td className="py-1">
                {signed(rule.points)} {rule.label}
                {rule.limit !== null && <> (at most {signed(Math.sign(rule.points) * rule.limit)})</>}
              </td>
              <td className="py-1 text-right">
                {rule.fact === "suspended" ? (count ? "yes" : "no") : count}
              </td>
              <td className="py-1 text-right">{signed(points)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" className="py-1 font-semibold">
              Score
            </th>
            <td />
            <td className="py-1 text-right font-semibold">{credit.score}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
