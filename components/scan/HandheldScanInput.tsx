"use client";

import { useEffect, useState, type KeyboardEvent, type RefObject } from "react";
import { verdictPathOf } from "./read-code";

const TEXT = {
  heading: "Or scan with a handheld scanner, or type the code",
  label: "Scanned or typed code",
  help: "A handheld scanner types the code here and presses Enter. To type, copy the line printed under the barcode, for example",
  example: "(01)09521234500018(10)240315A(21)100321",
  placeholder: "Scan or type the code",
  submit: "Check",
};

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
 */
export function HandheldScanInput({
  onFound,
  inputRef,
  heading = TEXT.heading,
  submitLabel = TEXT.submit,
  keepScanning = false,
}: {
  onFound: (path: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  heading?: string;
  submitLabel?: string;
  /** Box after box at a desk: the field empties after each read and keeps the focus for the next. */
  keepScanning?: boolean;
}) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);

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
        {heading}
      </h2>
      <form
        action="/check"
        method="get"
        className="flex flex-col gap-2 sm:flex-row"
        onSubmit={(event) => {
          event.preventDefault();
          const outcome = verdictPathOf(value);
          if (outcome.ok) {
            setError(null);
            if (keepScanning) setValue("");
            onFound(outcome.path);
          } else {
            setError(outcome.message);
            // The next scan replaces the bad one instead of being appended to it.
            inputRef.current?.select();
          }
        }}
      >
        <label htmlFor="handheld-code" className="sr-only">
          {TEXT.label}
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
          maxLength={512}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          placeholder={TEXT.placeholder}
          aria-describedby="handheld-help"
          aria-invalid={error !== null}
          className="min-w-0 flex-1 rounded-xl border border-slate-500 bg-white px-3 py-2.5 font-mono text-base shadow-sm focus:border-emerald-700 focus:ring-2 focus:ring-emerald-700 focus:outline-none"
        />
        <button
          type="submit"
          className="rounded-xl bg-slate-900 px-4 py-2.5 font-medium text-white hover:bg-slate-700"
        >
          {submitLabel}
        </button>
      </form>
      <p id="handheld-help" className="text-sm text-slate-600">
        {TEXT.help} <code className="break-all">{TEXT.example}</code>
      </p>
      {error !== null && (
        <p role="alert" className="rounded-xl border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {error}
        </p>
      )}
    </section>
  );
}
