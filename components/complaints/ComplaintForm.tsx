"use client";

import { useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FieldBlock, INPUT, SendButton, useFieldErrors } from "@/components/forms/consumer";
import { DescriptionField, PhotoField } from "@/components/forms/evidence";
import { formPhoto } from "@/components/forms/photo";
import { formatYuan } from "@/lib/domain/format";
import type { BoxCap } from "@/lib/domain/price-caps";
import { SecretHint } from "./SecretHint";

interface Subject {
  code: string;
  lot: string;
  serial: string;
  productName: string;
  makerName: string;
  sellers: { account: string; name: string }[];
  cap: BoxCap | null;
}

type Kind = "spec-failure" | "counterfeit" | "price-above-cap";

const KINDS: readonly Kind[] = ["spec-failure", "counterfeit", "price-above-cap"];

/** The shape of the code inside the box (26 characters in groups of four), the same in every language. */
const SECRET_SHAPE = "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XX";
/** Where the claim key of a complaint filed from this browser is kept, so its page can show it. */
export const claimKeyStorage = (id: number | string) => `medproof.claim.${id}`;

/** The "Report a problem" form: posts JSON to /api/complaints, then opens the complaint's page. */
export function ComplaintForm({ subject }: { subject: Subject }) {
  const t = useTranslations("complaints.form");
  const locale = useLocale();
  const [kind, setKind] = useState<Kind>("spec-failure");
  const fields = useFieldErrors();
  const { setErrors, fieldError, described } = fields;
  const [sending, setSending] = useState(false);
  const needsSeller = kind !== "spec-failure";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { evidence, error: photoError } = await formPhoto(form.get("photo"));
    const found: Record<string, string> = photoError ? { evidence: t(photoError) } : {};
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const price = String(form.get("pricePaid") ?? "").trim();
    const seller = String(form.get("seller") ?? "");
    setSending(true);
    try {
      const response = await fetch("/api/complaints", {
        method: "POST",
        // The API answers its errors in the page's language (it reads the same cookie and header).
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
      const message = body.error?.message ?? body.message ?? t("failed");
      setErrors({ [body.error?.field ?? "form"]: message });
    } catch {
      setErrors({ form: t("offline") });
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      <p className="text-sm text-slate-600">
        {t("subject", {
          product: subject.productName,
          maker: subject.makerName,
          lot: subject.lot,
          serial: subject.serial,
        })}
      </p>

      <fieldset className="space-y-2">
        <legend className="font-medium">{t("whatIsWrong")}</legend>
        {KINDS.map((value) => (
          <label key={value} className="flex gap-2 rounded-xl border border-slate-200 bg-white p-3">
            <input
              type="radio"
              name="kind"
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            <span>
              <span className="block font-medium">{t(`kinds.${value}.label`)}</span>
              <span className="block text-sm text-slate-600">{t(`kinds.${value}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <DescriptionField label={t("description")} fields={fields} />

      {needsSeller && (
        <FieldBlock id="seller" label={t("seller")}>
          <select id="seller" name="seller" required {...described("seller")} className={INPUT}>
            <option value="">{t("chooseSeller")}</option>
            {subject.sellers.map((s) => (
              <option key={s.account} value={s.account}>
                {s.name}
              </option>
            ))}
          </select>
          {fieldError("seller")}
        </FieldBlock>
      )}

      <FieldBlock id="pricePaid" label={needsSeller ? t("price") : t("priceOptional")}>
        <input
          id="pricePaid"
          name="pricePaid"
          inputMode="decimal"
          placeholder={t("pricePlaceholder")}
          {...described("pricePaid", subject.cap ? "pricePaid-cap pricePaid-hint" : "pricePaid-hint")}
          className={INPUT}
        />
        {subject.cap && (
          <p id="pricePaid-cap" data-cap-per-box={subject.cap.fenPerBox} className="text-sm text-slate-700">
            {t("capPerBox", {
              piece: formatYuan(subject.cap.fenPerPiece, locale),
              box: formatYuan(subject.cap.fenPerBox, locale),
              masks: subject.cap.masksPerBox,
            })}
          </p>
        )}
        <p id="pricePaid-hint" className="text-sm text-slate-600">
          {t("priceHint")}
        </p>
        {fieldError("pricePaid")}
      </FieldBlock>

      <PhotoField label={t("photo")} fields={fields} />

      <FieldBlock id="secret" label={t("secret")} className="space-y-2">
        <SecretHint />
        <input
          id="secret"
          name="secret"
          required
          autoComplete="off"
          spellCheck={false}
          placeholder={SECRET_SHAPE}
          {...described("secret", "secret-hint")}
          className={`${INPUT} font-mono uppercase`}
        />
        {fieldError("secret")}
      </FieldBlock>

      {fieldError("form")}
      {fieldError("code")}
      <SendButton sending={sending} tone="emerald">
        {sending ? t("sending") : t("submit")}
      </SendButton>
    </form>
  );
}
