// A participant's credit on its profile: a one-line badge under its name, and the card with the published
// rule (lib/domain/credit.ts) line by line, so anyone can redo the sum from the record below it.
import {
  CREDIT_GRADES,
  CREDIT_MAX,
  CREDIT_MIN,
  CREDIT_START,
  type CreditGrade,
  type CreditSummary,
} from "@/lib/domain/credit";
import { getTranslations } from "next-intl/server";
import { StatusIcon, type Tone } from "@/components/ui/StatusIcon";

const GRADE_TONES: Record<CreditGrade, Tone> = { good: "pass", fair: "warn", poor: "fail", bad: "fail" };

const signed = (points: number) => (points > 0 ? `+${points}` : String(points));

/**
 * The score and grade in one line under the party's name, linked to the rule: the first thing a person
 * deciding whether to deal with this party reads, above the fold on a phone.
 */
export async function CreditBadge({ credit }: { credit: CreditSummary }) {
  const t = await getTranslations("participants.credit");
  return (
    <p data-credit-badge={credit.grade} className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <StatusIcon tone={GRADE_TONES[credit.grade]} size={20} />
      <span className="font-semibold">{t("badge", { score: credit.score, max: CREDIT_MAX })}</span>
      <span>{t(`grades.${credit.grade}`)}</span>
      <a href="#credit-heading" className="text-sm text-emerald-800 underline">
        {t("howComputed")}
      </a>
    </p>
  );
}

/** The score, and beside it the rule that made it, line by line, so anyone can redo the sum. */
export async function CreditSummaryCard({ credit }: { credit: CreditSummary }) {
  const t = await getTranslations("participants.credit");
  return (
    <section
      aria-labelledby="credit-heading"
      data-credit-score={credit.score}
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4"
    >
      <h2 id="credit-heading" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      <p className="flex items-center gap-3">
        <StatusIcon tone={GRADE_TONES[credit.grade]} />
        <span>
          <span className="text-3xl font-bold">{credit.score}</span>
          <span className="text-slate-600"> {t("outOf", { max: CREDIT_MAX })}</span>
          <span className="block font-semibold">{t(`grades.${credit.grade}`)}</span>
        </span>
      </p>
      <p className="text-sm text-slate-700" id="credit-explained">
        {t("explained", { start: CREDIT_START, min: CREDIT_MIN, max: CREDIT_MAX })}
      </p>
      <p className="text-sm text-slate-700">
        {t("bands", Object.fromEntries(CREDIT_GRADES.map(({ grade, from }) => [grade, from])))}
      </p>
      <table className="w-full text-left text-sm" aria-describedby="credit-explained">
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-1 font-semibold">
              {t("rule")}
            </th>
            <th scope="col" className="py-1 pl-2 text-right font-semibold whitespace-nowrap">
              {t("onRecord")}
            </th>
            <th scope="col" className="py-1 pl-2 text-right font-semibold whitespace-nowrap">
              {t("points")}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-slate-100">
            <td className="py-1">{t("start")}</td>
            <td />
            <td className="py-1 text-right">{CREDIT_START}</td>
          </tr>
          {credit.lines.map(({ rule, count, points }) => (
            <tr key={rule.fact} className="border-b border-slate-100">
              <td className="py-1">
                {signed(rule.points)} {t(`rules.${rule.fact}`)}
                {rule.limit !== null && t("atMost", { limit: signed(Math.sign(rule.points) * rule.limit) })}
              </td>
              <td className="py-1 text-right">
                {rule.fact === "suspended" ? (count ? t("yes") : t("no")) : count}
              </td>
              <td className="py-1 text-right">{signed(points)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" className="py-1 font-semibold">
              {t("score")}
            </th>
            <td />
            <td className="py-1 text-right font-semibold">{credit.score}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
