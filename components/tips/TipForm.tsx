"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { FieldBlock, INPUT, SendButton, useFieldErrors } from "@/components/forms/consumer";
import { DescriptionField, PhotoField } from "@/components/forms/evidence";
import { formPhoto } from "@/components/forms/photo";

/**
 * The report of a suspected fake: where and when the box was bought (a shop on the record picked by name
 * or by its shop QR's link, or any shop by name), the price, what is wrong and a photo. Posts JSON to
 * /api/tips; the server names any bad field, in the page's language, and the form shows it beside it.
 */
export function TipForm({
  code,
  sellers,
  today,
}: {
  code: string;
  sellers: { address: string; name: string }[];
  /** YYYY-MM-DD in China time: the latest purchase date the picker offers. */
  today: string;
}) {
  const t = useTranslations("tips.report");
  const fields = useFieldErrors();
  const { setErrors, fieldError, described } = fields;
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<number | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { evidence, error: photoError } = await formPhoto(form.get("photo"));
    if (photoError) {
      setErrors({ evidence: t(photoError) });
      return;
    }
    const text = (name: string) => String(form.get(name) ?? "").trim();
    // The shop QR's link names the seller more surely than the list: it wins when both are given.
    const seller = text("sellerQr") || text("seller");
    setErrors({});
    setSending(true);
    try {
      const response = await fetch("/api/tips", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          code: text("code"),
          ...(seller ? { seller } : {}),
          ...(text("sellerName") ? { sellerName: text("sellerName") } : {}),
          boughtOn: text("boughtOn"),
          ...(text("place") ? { place: text("place") } : {}),
          ...(text("pricePaid") ? { pricePaid: text("pricePaid") } : {}),
          description: text("description"),
          ...(evidence ? { evidence } : {}),
        }),
      });
      const body = (await response.json()) as { id?: number; error?: { message: string; field?: string } };
      if (response.status === 201 && body.id !== undefined) {
        setSent(body.id);
        return;
      }
      const field = body.error?.field === "sellerName" ? "seller" : body.error?.field;
      setErrors({ [field ?? "form"]: body.error?.message ?? t("failed") });
    } catch {
      setErrors({ form: t("offline") });
    } finally {
      setSending(false);
    }
  }

  if (sent !== null)
    return (
      <p role="status" data-tip={sent} className="rounded-xl border border-emerald-300 bg-emerald-50 p-4">
        {t("sent", { id: sent })}
      </p>
    );

  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      <FieldBlock id="code" label={t("code")}>
        <input
          id="code"
          name="code"
          defaultValue={code}
          {...described("code")}
          className={`${INPUT} font-mono`}
        />
        {fieldError("code")}
      </FieldBlock>

      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-3">
        <legend className="px-1 font-medium">{t("where")}</legend>
        <FieldBlock id="seller" label={t("registered")} labelClassName="text-sm font-medium">
          <select id="seller" name="seller" defaultValue="" {...described("seller")} className={INPUT}>
            <option value="">{t("chooseSeller")}</option>
            {sellers.map((s) => (
              <option key={s.address} value={s.address}>
                {s.name}
              </option>
            ))}
          </select>
        </FieldBlock>
        <FieldBlock id="sellerQr" label={t("qr")} labelClassName="text-sm font-medium">
          <input
            id="sellerQr"
            name="sellerQr"
            inputMode="url"
            autoComplete="off"
            placeholder={t("qrPlaceholder")}
            className={INPUT}
          />
        </FieldBlock>
        <FieldBlock id="sellerName" label={t("unregistered")} labelClassName="text-sm font-medium">
          <input
            id="sellerName"
            name="sellerName"
            maxLength={200}
            placeholder={t("unregisteredPlaceholder")}
            className={INPUT}
          />
        </FieldBlock>
        {fieldError("seller")}
        <FieldBlock id="place" label={t("place")} labelClassName="text-sm font-medium">
          <input id="place" name="place" maxLength={200} {...described("place")} className={INPUT} />
          {fieldError("place")}
        </FieldBlock>
      </fieldset>

      <div className="grid grid-cols-2 gap-3">
        <FieldBlock id="boughtOn" label={t("boughtOn")}>
          <input
            id="boughtOn"
            name="boughtOn"
            type="date"
            max={today}
            defaultValue={today}
            {...described("boughtOn")}
            className={INPUT}
          />
          {fieldError("boughtOn")}
        </FieldBlock>
        <FieldBlock id="pricePaid" label={t("price")}>
          <input
            id="pricePaid"
            name="pricePaid"
            inputMode="decimal"
            placeholder={t("pricePlaceholder")}
            {...described("pricePaid")}
            className={INPUT}
          />
          {fieldError("pricePaid")}
        </FieldBlock>
      </div>

      <DescriptionField label={t("description")} fields={fields} />

      <PhotoField label={t("photo")} fields={fields} />

      {fieldError("form")}
      <SendButton sending={sending} tone="red">
        {sending ? t("sending") : t("submit")}
      </SendButton>
    </form>
  );
}
