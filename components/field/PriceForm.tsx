"use client";

import { useState } from "react";
import { formatYuanPerPiece } from "@/lib/domain/format";
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

/** The photo is hashed here (SHA-256) and only its hash goes on the record, as the evidence's fingerprint. */
async function photoHash(file: File): Promise<string> {
  if (!globalThis.crypto?.subtle) throw new Error("The photo can only be hashed on an https page.");
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

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const photo = form.get("photo");
    if (!(photo instanceof File) || photo.size === 0) {
      setState({ kind: "failed", code: "photo_required", message: "Take a photo of the price tag first." });
      return;
    }
    setState({ kind: "sending" });
    let hash: string;
    try {
      hash = await photoHash(photo);
    } catch (error) {
      setState({ kind: "failed", code: "photo_unreadable", message: (error as Error).message });
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
        ? `A violation: ${formatYuanPerPiece(state.result.fenPerPiece)} is above the cap of ${formatYuanPerPiece(state.result.capFenPerPiece ?? 0)}.`
        : state.result.capFenPerPiece === null
          ? `Recorded ${formatYuanPerPiece(state.result.fenPerPiece)}; no cap is in force here.`
          : `Within the cap of ${formatYuanPerPiece(state.result.capFenPerPiece)}: recorded ${formatYuanPerPiece(state.result.fenPerPiece)}.`
      : undefined;

  return (
    <form
      onSubmit={submit}
      className="space-y-3"
      data-violation={state.kind === "confirmed" ? String(state.result.violation) : ""}
    >
      <label className="flex flex-col gap-1 text-sm font-medium">
        Seller
        <select
          name="seller"
          defaultValue={seller ?? ""}
          required
          className="rounded-lg border border-slate-300 bg-white px-2 py-2 text-base"
        >
          <option value="" disabled>
            Choose the seller
          </option>
          {sellers.map((s) => (
            <option key={s.address} value={s.address}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Code of a box on the shelf (gives the batch)
        <input
          name="code"
          required
          autoComplete="off"
          spellCheck={false}
          className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-base"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Price asked, yuan per piece
        <input
          name="price"
          required
          inputMode="decimal"
          pattern="\d{1,4}(\.\d{1,2})?"
          placeholder="e.g. 2.50"
          className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Photo of the price tag
        <input name="photo" type="file" accept="image/*" capture="environment" className="text-sm" />
      </label>
      <button
        type="submit"
        disabled={inFlight(state)}
        className="w-full rounded-xl bg-slate-900 px-4 py-2.5 font-medium text-white disabled:opacity-50"
      >
        Record the price
      </button>
      <TxProgress state={state} confirmedText={outcome} />
    </form>
  );
}
