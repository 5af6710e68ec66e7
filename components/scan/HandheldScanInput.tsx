"use client";

import { useEffect, useState, type KeyboardEvent, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/forms/fields";
import { MAX_SCAN_LENGTH } from "@/lib/domain/gs1";
import { EXAMPLE_CODE } from "./example-code";
import { useCodeProblemText, verdictPathOf, type CodeProblem } from "./read-code";

/** What the field shows for the GS1 group separator (ASCII 29), which has no glyph of its own. */
const GS_SHOWN = "\u241d";
const GROUP_SEPARATOR = "\u001d";

/**
 * Scanners in keyboard mode "type" ASCII 29 as Ctrl+] (the key right of P on a US layout; `code` names
 * that key on any layout). Browsers insert no character for it, so the field inserts the separator.
 */
function isGroupSeparatorKey(event: KeyboardEvent<HTMLInputElement>): boolean {
  return (
    event.ctrlKey && !event.altKey && !event.metaKey && (event.code === "BracketRight" || event.key === "]")
  );
}

/** Keys that start typing: a scan arriving while nothing has focus lands in the field anyway. */
function startsTyping(event: globalThis.KeyboardEvent): boolean {
  return (
    (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) ||
    event.code === "BracketRight"
  );
}

/**
 * The keyboard-wedge scanner and typing field. A scan is a burst of keys ending in Enter; the group
 * separators of a GS1 element string arrive as Ctrl+], as the character itself, or as a substitute
 * such as <GS> (the parser accepts all of them). A plain GET form to /check, so it works without JavaScript.
 * Its words are the "scan" messages (components/ui/ClientMessages around the island).
 */
export function HandheldScanInput({
  onFound,
  inputRef,
  heading,
  submitLabel,
  keepScanning = false,
}: {
  onFound: (path: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Defaults to the scan page's heading and button. */
  heading?: string;
  submitLabel?: string;
  /** Box after box at a desk: the field empties after each read and keeps the focus for the next. */
  keepScanning?: boolean;
}) {
  const t = useTranslations("scan.handheld");
  const problemText = useCodeProblemText();
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<CodeProblem | null>(null);

  useEffect(() => {
    // A desk with a mouse and a scanner: the field is ready. On touch screens focusing it would pop
    // up the on-screen keyboard over the camera.
    if (window.matchMedia("(pointer: fine)").matches) inputRef.current?.focus();
    const captureStrayKeys = (event: globalThis.KeyboardEvent) => {
      const focused = document.activeElement;
      if ((focused === null || focused === document.body) && startsTyping(event)) inputRef.current?.focus();
    };
    document.addEventListener("keydown", captureStrayKeys, true);
    return () => document.removeEventListener("keydown", captureStrayKeys, true);
  }, [inputRef]);

  const insertGroupSeparator = (input: HTMLInputElement) => {
    input.setRangeText(
      GS_SHOWN,
      input.selectionStart ?? input.value.length,
      input.selectionEnd ?? input.value.length,
      "end",
    );
    setValue(input.value);
  };

  return (
    <section aria-labelledby="handheld-heading" className="space-y-2">
      <h2 id="handheld-heading" className="font-semibold">
        {heading ?? t("heading")}
      </h2>
      <form
        action="/check"
        method="get"
        className="flex flex-col gap-2 sm:flex-row"
        onSubmit={(event) => {
          event.preventDefault();
          const outcome = verdictPathOf(value);
          if (outcome.ok) {
            setProblem(null);
            if (keepScanning) setValue("");
            onFound(outcome.path);
          } else {
            setProblem(outcome.problem);
            // The next scan replaces the bad one instead of being appended to it.
            inputRef.current?.select();
          }
        }}
      >
        <label htmlFor="handheld-code" className="sr-only">
          {t("label")}
        </label>
        <input
          id="handheld-code"
          ref={inputRef}
          name="code"
          value={value}
          onChange={(event) => setValue(event.target.value.replaceAll(GROUP_SEPARATOR, GS_SHOWN))}
          onKeyDown={(event) => {
            if (!isGroupSeparatorKey(event)) return;
            event.preventDefault();
            insertGroupSeparator(event.currentTarget);
          }}
          required
          maxLength={MAX_SCAN_LENGTH}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          placeholder={t("placeholder")}
          aria-describedby="handheld-help"
          aria-invalid={problem !== null}
          className="min-w-0 flex-1 rounded-xl border border-slate-500 bg-white px-3 py-2.5 font-mono text-base shadow-sm focus:border-emerald-700 focus:ring-2 focus:ring-emerald-700 focus:outline-none"
        />
        <button
          type="submit"
          className="rounded-xl bg-slate-900 px-4 py-2.5 font-medium text-white hover:bg-slate-700"
        >
          {submitLabel ?? t("submit")}
        </button>
      </form>
      <p id="handheld-help" className="text-sm text-slate-600">
        {t("help")} <code className="break-all">{EXAMPLE_CODE}</code>
      </p>
      <ErrorAlert message={problem === null ? null : problemText(problem)} />
    </section>
  );
}
