"use client";

import { useState } from "react";
import { verdictPathOf } from "./read-code";

const TEXT = {
  heading: "Or take a photo of the code",
  help: "Take the photo close and square on, so the code fills most of the picture and is sharp.",
  choose: "Take or choose a photo",
  reading: "Reading the photo…",
  found: "Code found — opening the verdict…",
  noCode: "No code found in this photo. Take it closer and in focus, so the code fills most of the picture.",
  unreadable: "This file could not be opened as a picture. Choose a photo (JPEG, PNG or HEIC).",
  notAProductCode: (reason: string) => `The code in this photo is not a product code. ${reason}`,
};

type PhotoState =
  { kind: "idle" } | { kind: "reading" } | { kind: "found" } | { kind: "failed"; message: string };

/** The photo fallback: pick or take a picture of the code and read it from the image. */
export function PhotoScanner({ onFound }: { onFound: (path: string) => void }) {
  const [state, setState] = useState<PhotoState>({ kind: "idle" });

  const read = async (file: File) => {
    setState({ kind: "reading" });
    let image: ImageBitmap;
    try {
      image = await createImageBitmap(file);
    } catch {
      return setState({ kind: "failed", message: TEXT.unreadable });
    }
    const { decodeStill } = await import("./decoder");
    const text = decodeStill(image);
    image.close();
    if (text === null) return setState({ kind: "failed", message: TEXT.noCode });
    const outcome = verdictPathOf(text);
    if (!outcome.ok) return setState({ kind: "failed", message: TEXT.notAProductCode(outcome.message) });
    setState({ kind: "found" });
    onFound(outcome.path);
  };

  return (
    <section aria-labelledby="photo-heading" className="space-y-2">
      <h2 id="photo-heading" className="font-semibold">
        {TEXT.heading}
      </h2>
      <p className="text-sm text-slate-700">{TEXT.help}</p>
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
        {TEXT.choose}
      </label>
      <div aria-live="polite">
        {state.kind === "reading" && <p className="text-sm">{TEXT.reading}</p>}
        {state.kind === "found" && <p className="text-sm">{TEXT.found}</p>}
        {state.kind === "failed" && (
          <p className="rounded-xl border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {state.message}
          </p>
        )}
      </div>
    </section>
  );
}
