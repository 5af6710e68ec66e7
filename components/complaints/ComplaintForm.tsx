"use client";

import { useState, type FormEvent } from "react";
import { SecretHint } from "./SecretHint";

interface Subject {
  code: string;
  lot: string;
  serial: string;
  productName: string;
  makerName: string;
  sellers: { account: string; name: string }[];
}

type Kind = "spec-failure" | "counterfeit" | "price-above-cap";

const KINDS: { value: Kind; label: string; hint: string }[] = [
  {
    value: "spec-failure",
    label: "The masks are faulty",
    hint: "e.g. ear loops come off, a smell, torn layers. The maker is answerable.",
  },
  {
    value: "counterfeit",
    label: "The box is a fake",
    hint: "a copy sold under this code. The seller is answerable.",
  },
  {
    value: "price-above-cap",
    label: "I was charged above the price cap",
    hint: "the seller is answerable.",
  },
];

const MAX_PHOTO_BYTES = 4 * 1024 * 1024;
/** Where the claim key of a complaint filed from this browser is kept, so its page can show it. */
export const claimKeyStorage = (id: number | string) => `medproof.claim.${id}`;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error("The photo could not be read."));
    reader.readAsDataURL(file);
  });
}

/** The "Report a problem" form: posts JSON to /api/complaints, then opens the complaint's page. */
export function ComplaintForm({ subject }: { subject: Subject }) {
  const [kind, setKind] = useState<Kind>("spec-failure");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const needsSeller = kind !== "spec-failure";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const photo = form.get("photo");
    const found: Record<string, string> = {};
    let evidence: string | undefined;
    if (photo instanceof File && photo.size > 0) {
      if (photo.size > MAX_PHOTO_BYTES)
        found.evidence = "The photo is larger than 4 MB: choose a smaller one.";
      else evidence = await readAsDataUrl(photo);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const price = String(form.get("pricePaid") ?? "").trim();
    const seller = String(form.get("seller") ?? "");
    setSending(true);
    try {
      const response = await fetch("/api/complaints", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          code: subject.code,
          secret: String(form.get("secret") ?? ""),
          kind,
          description: String(form.get("description") ?? ""),
          ...(price ? { pricePaid: price } : {}),
          ...(seller ? { seller } : {}),
          ...(evidence ? { evidence } : {}),
        }),
      });
      const body = (await response.json()) as {
        id?: number;
        claimKey?: string;
        message?: string;
        error?: { message: string; field?: string };
      };
      if (response.status === 201 && body.id !== undefined && body.claimKey) {
        localStorage.setItem(claimKeyStorage(body.id), body.claimKey);
        window.location.assign(`/complaints/${body.id}?filed=1`);
        return;
      }
      const message = body.error?.message ?? body.message ?? "The complaint could not be filed. Try again.";
      setErrors({ [body.error?.field ?? "form"]: message });
    } catch {
      setErrors({ form: "The complaint could not be sent: check your connection and try again." });
    } finally {
      setSending(false);
    }
  }

  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} role="alert" className="text-sm text-red-700">
        {errors[name]}
      </p>
    ) : null;
  /** A field's state for assistive technology: invalid or not, and which hint and error describe it. */
  const described = (errorKey: string, hintId?: string) => {
    const ids = [hintId, errors[errorKey] ? `${errorKey}-error` : undefined].filter((id) => id !== undefined);
    return {
      "aria-invalid": errors[errorKey] ? true : undefined,
      "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
    };
  };
  const input =
    "w-full rounded-xl border border-slate-500 bg-white px-3 py-2 text-base shadow-sm focus:border-emerald-700 focus:ring-2 focus:ring-emerald-700 focus:outline-none";

  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      <p className="text-sm text-slate-600">
        {subject.productName} by {subject.makerName}, lot {subject.lot}, box {subject.serial}. No account or
        wallet is needed; the complaint is recorded on the public chain.
      </p>

      <fieldset className="space-y-2">
        <legend className="font-medium">What is wrong?</legend>
        {KINDS.map((k) => (
          <label key={k.value} className="flex gap-2 rounded-xl border border-slate-200 bg-white p-3">
            <input
              type="radio"
              name="kind"
              value={k.value}
              checked={kind === k.value}
              onChange={() => setKind(k.value)}
            />
            <span>
              <span className="block font-medium">{k.label}</span>
              <span className="block text-sm text-slate-600">{k.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="space-y-1">
        <label htmlFor="description" className="font-medium">
          Describe it in a few words
        </label>
        <textarea
          id="description"
          name="description"
          required
          maxLength={2000}
          rows={3}
          {...described("description")}
          className={input}
        />
        {fieldError("description")}
      </div>

      {needsSeller && (
        <div className="space-y-1">
          <label htmlFor="seller" className="font-medium">
            Where did you buy it?
          </label>
          <select id="seller" name="seller" required {...described("seller")} className={input}>
            <option value="">Choose the seller</option>
            {subject.sellers.map((s) => (
              <option key={s.account} value={s.account}>
                {s.name}
              </option>
            ))}
          </select>
          {fieldError("seller")}
        </div>
      )}

      <div className="space-y-1">
        <label htmlFor="pricePaid" className="font-medium">
          Price paid for the box (yuan){needsSeller ? "" : ", optional"}
        </label>
        <input
          id="pricePaid"
          name="pricePaid"
          inputMode="decimal"
          placeholder="e.g. 75.00"
          {...described("pricePaid", "pricePaid-hint")}
          className={input}
        />
        <p id="pricePaid-hint" className="text-sm text-slate-600">
          If the complaint is upheld you get the price back plus three times it, at least 500 yuan.
        </p>
        {fieldError("pricePaid")}
      </div>

      <div className="space-y-1">
        <label htmlFor="photo" className="font-medium">
          A photo, optional
        </label>
        <input
          id="photo"
          name="photo"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          {...described("evidence")}
          className="block w-full"
        />
        {fieldError("evidence")}
      </div>

      <div className="space-y-2">
        <label htmlFor="secret" className="font-medium">
          The code printed inside the box
        </label>
        <SecretHint />
        <input
          id="secret"
          name="secret"
          required
          autoComplete="off"
          spellCheck={false}
          placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XX"
          {...described("secret", "secret-hint")}
          className={`${input} font-mono uppercase`}
        />
        {fieldError("secret")}
      </div>

      {fieldError("form")}
      {fieldError("code")}
      <button
        type="submit"
        disabled={sending}
        className="w-full rounded-xl bg-emerald-700 px-4 py-3 font-medium text-white hover:bg-emerald-800 disabled:opacity-60"
      >
        {sending ? "Filing…" : "File the complaint"}
      </button>
    </form>
  );
}
