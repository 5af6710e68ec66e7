"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useCodeProblemText, verdictPathOf } from "./read-code";

type PhotoState =
  { kind: "idle" } | { kind: "reading" } | { kind: "found" } | { kind: "failed"; message: string };

/** The photo fallback: pick or take a picture of the code and read it from the image. */
export function PhotoScanner({ onFound }: { onFound: (path: string) => void }) {
  const t = useTranslations("scan.photo");
  const problemText = useCodeProblemText();
  const [state, setState] = useState<PhotoState>({ kind: "idle" });

  const read = async (file: File) => {
    setState({ kind: "reading" });
    let image: ImageBitmap;
    try {
      image = await createImageBitmap(file);
    } catch {
      return setState({ kind: "failed", message: t("unreadable") });
    }
    const { decodeStill } = await import("./decoder");
    const text = decodeStill(image);
    image.close();
    if (text === null) return setState({ kind: "failed", message: t("noCode") });
    const outcome = verdictPathOf(text);
    if (!outcome.ok)
      return setState({
        kind: "failed",
        message: t("notAProductCode", { reason: problemText(outcome.problem) }),
      });
    setState({ kind: "found" });
    onFound(outcome.path);
  };

  return (
    <section aria-labelledby="photo-heading" className="space-y-2">
      <h2 id="photo-heading" className="font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-slate-700">{t("help")}</p>
      <input
        id="scan-photo"
        type="file"
        accept="image/*"
        className="peer sr-only"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file !== undefined) void read(file);
        }}
      />
      <label
        htmlFor="scan-photo"
        className="inline-block cursor-pointer rounded-xl border border-slate-300 bg-white px-4 py-2.5 font-medium shadow-sm peer-focus-visible:ring-2 peer-focus-visible:ring-emerald-600 hover:bg-slate-50"
      >
        {t("choose")}
      </label>
      <div aria-live="polite">
        {state.kind === "reading" && <p className="text-sm">{t("reading")}</p>}
        {state.kind === "found" && <p className="text-sm">{t("found")}</p>}
        {state.kind === "failed" && (
          <p className="rounded-xl border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {state.message}
          </p>
        )}
      </div>
    </section>
  );
}
