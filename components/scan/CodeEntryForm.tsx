import { getTranslations } from "next-intl/server";
import { MAX_SCAN_LENGTH } from "@/lib/domain/gs1";
import { EXAMPLE_CODE } from "./example-code";

/**
 * Typing the lines printed under the QR code, or a handheld scanner that types a code and presses Enter.
 * A plain GET form: works without JavaScript, and Enter submits. The help says what a typed code can
 * and cannot prove (/check judges the printed line as typed: lib/domain/check-code.ts).
 */
export async function CodeEntryForm({
  defaultValue = "",
  autoFocus = false,
}: {
  defaultValue?: string;
  autoFocus?: boolean;
}) {
  const t = await getTranslations("scan.codeEntry");
  return (
    <div className="space-y-2">
      <form action="/check" method="get" className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="code" className="sr-only">
          {t("label")}
        </label>
        <input
          id="code"
          name="code"
          defaultValue={defaultValue}
          autoFocus={autoFocus}
          required
          maxLength={MAX_SCAN_LENGTH}
          autoComplete="off"
          spellCheck={false}
          placeholder={t("placeholder", { example: EXAMPLE_CODE })}
          aria-describedby="code-help"
          className="min-w-0 flex-1 rounded-xl border border-slate-500 bg-white px-3 py-2.5 text-base shadow-sm focus:border-emerald-700 focus:ring-2 focus:ring-emerald-700 focus:outline-none"
        />
        <button
          type="submit"
          className="rounded-xl bg-slate-900 px-4 py-2.5 font-medium text-white hover:bg-slate-700"
        >
          {t("submit")}
        </button>
      </form>
      <p id="code-help" className="text-sm text-slate-600">
        {t("help")}
      </p>
    </div>
  );
}
