"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { yuanPerPiece as yuan } from "./money";
import { inFlight, postAction, type ActionState } from "./post-action";
import { TxProgress } from "./TxProgress";

interface Recorded {
  txHash: string;
  blockNumber: number;
  fenPerPiece: number;
  violation: boolean;
  capFenPerPiece: number | null;
}

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

/**
 * The photo is hashed here (SHA-256) and only its hash goes on the record, as the evidence's fingerprint.
 * Null where the browser cannot hash (crypto.subtle needs https or localhost).
 */
async function photoHash(file: File): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  return `0x${hex(await crypto.subtle.digest("SHA-256", await file.arrayBuffer()))}`;
}

/** Record the price a seller asks per piece, against the batch of a box on its shelf, with a photo. */
export function PriceForm({
  sellers,
  seller,
}: {
  sellers: { address: string; name: string }[];
  seller: string | null;
}) {
  const [state, setState] = useState<ActionState<Recorded>>({ kind: "idle" });
  const t = useTranslations("fieldDesk.price");

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const photo = form.get("photo");
    if (!(photo instanceof File) || photo.size === 0) {
      setState({ kind: "failed", code: "photo_required", message: t("photoRequired") });
      return;
    }
    setState({ kind: "sending" });
    const hash = await photoHash(photo);
    if (hash === null) {
      setState({ kind: "failed", code: "photo_unreadable", message: t("photoHttps") });
      return;
    }
    setState(
      await postAction<Recorded>(
        "/api/field/prices",
        {
          seller: form.get("seller"),
          code: form.get("code"),
          yuanPerPiece: form.get("price"),
          photoHash: hash,
        },
        setState,
      ),
    );
  }

  const outcome =
    state.kind === "confirmed"
      ? state.result.violation
        ? t("violation", {
            price: yuan(state.result.fenPerPiece),
            cap: yuan(state.result.capFenPerPiece ?? 0),
          })
        : state.result.capFenPerPiece === null
          ? t("noCap", { price: yuan(state.result.fenPerPiece) })
          : t("withinCap", { price: yuan(state.result.fenPerPiece), cap: yuan(state.result.capFenPerPiece) })
      : undefined;

  return (
    <form
      onSubmit={submit}
      className="space-y-3"
      data-violation={state.kind === "confirmed" ? String(state.result.violation) : ""}
    >
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("seller")}
        <select
          name="seller"
          defaultValue={seller ?? ""}
          required
          className="rounded-lg border border-slate-300 bg-white px-2 py-2 text-base"
        >
          <option value="" disabled>
            {t("chooseSeller")}
          </option>
          {sellers.map((s) => (
            <option key={s.address} value={s.address}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("code")}
        <input
          name="code"
          required
          autoComplete="off"
          spellCheck={false}
          className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-base"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("price")}
        <input
          name="price"
          required
          inputMode="decimal"
          pattern="\d{1,4}(\.\d{1,2})?"
          placeholder={t("pricePlaceholder")}
          className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("photo")}
        <input name="photo" type="file" accept="image/*" capture="environment" className="text-sm" />
      </label>
      <button
        type="submit"
        disabled={inFlight(state)}
        className="w-full rounded-xl bg-slate-900 px-4 py-2.5 font-medium text-white disabled:opacity-50"
      >
        {t("submit")}
      </button>
      <TxProgress state={state} confirmedText={outcome} />
    </form>
  );
}
