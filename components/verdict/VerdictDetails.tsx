import { useTranslations } from "next-intl";
import type { VerifyResponse } from "@/lib/queries/verify";
import { BoxFacts } from "@/components/verdict/BoxFacts";
import { CheckList } from "@/components/verdict/CheckList";
import { PricePanel } from "@/components/verdict/PricePanel";
import { Timeline } from "@/components/timeline/Timeline";

/** What the verdict rests on, under its banner: the box's facts, the checks, the history, the price. */
export function VerdictDetails({ result }: { result: VerifyResponse }) {
  const t = useTranslations("verdict");
  return (
    <>
      <BoxFacts result={result} />
      <section aria-labelledby="checks-heading" className="space-y-2">
        <h2 id="checks-heading" className="text-lg font-semibold">
          {t("checksHeading")}
        </h2>
        <CheckList checks={result.checks} />
      </section>
      {result.batch && (
        <section aria-labelledby="history-heading" className="space-y-3">
          <h2 id="history-heading" className="text-lg font-semibold">
            {t("historyHeading")}
          </h2>
          <Timeline events={result.batch.timeline} />
        </section>
      )}
      <PricePanel price={result.price} />
    </>
  );
}
