"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
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
  const [errors, setErrors] = useState<Record<string, string>>({});
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

  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} role="alert" className="text-sm text-red-700">
        {errors[name]}
      </p>
    ) : null;
  const described = (name: string) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });
  const input =
    "w-full rounded-xl border border-slate-500 bg-white px-3 py-2 text-base shadow-sm focus:border-emerald-700 focus:ring-2 focus:ring-emerald-700 focus:outline-none";
  const label = "font-medium";

  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      <div className="space-y-1">
        <label htmlFor="code" className={label}>
          {t("code")}
        </label>
        <input
          id="code"
          name="code"
          defaultValue={code}
          {...described("code")}
          className={`${input} font-mono`}
        />
        {fieldError("code")}
      </div>

      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-3">
        <legend className="px-1 font-medium">{t("where")}</legend>
        <div className="space-y-1">
          <label htmlFor="seller" className="text-sm font-medium">
            {t("registered")}
          </label>
          <select id="seller" name="seller" defaultValue="" {...described("seller")} className={input}>
            <option value="">{t("chooseSeller")}</option>
            {sellers.map((s) => (
              <option key={s.address} value={s.address}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="sellerQr" className="text-sm font-medium">
            {t("qr")}
          </label>
          <input
            id="sellerQr"
            name="sellerQr"
            inputMode="url"
            autoComplete="off"
            placeholder={t("qrPlaceholder")}
            className={input}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="sellerName" className="text-sm font-medium">
            {t("unregistered")}
          </label>
          <input
            id="sellerName"
            name="sellerName"
            maxLength={200}
            placeholder={t("unregisteredPlaceholder")}
            className={input}
          />
        </div>
        {fieldError("seller")}
        <div className="space-y-1">
          <label htmlFor="place" className="text-sm font-medium">
            {t("place")}
          </label>
          <input id="place" name="place" maxLength={200} {...described("place")} className={input} />
          {fieldError("place")}
        </div>
      </fieldset>

      <div className="grid grid-cols-2 gap-3">
        <div className="space-y-1">
          <label htmlFor="boughtOn" className={label}>
            {t("boughtOn")}
          </label>
          <input
            id="boughtOn"
            name="boughtOn"
            type="date"
            max={today}
            defaultValue={today}
            {...described("boughtOn")}
            className={input}
          />
          {fieldError("boughtOn")}
        </div>
        <div className="space-y-1">
          <label htmlFor="pricePaid" className={label}>
            {t("price")}
          </label>
          <input
            id="pricePaid"
            name="pricePaid"
            inputMode="decimal"
            placeholder={t("pricePlaceholder")}
            {...described("pricePaid")}
            className={input}
          />
          {fieldError("pricePaid")}
        </div>
      </div>

      <div className="space-y-1">
        <label htmlFor="description" className={label}>
          {t("description")}
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

      <div className="space-y-1">
        <label htmlFor="photo" className={label}>
          {t("photo")}
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

      {fieldError("form")}
      <button
        type="submit"
        disabled={sending}
        className="w-full rounded-xl bg-red-700 px-4 py-3 font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        {sending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
