"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import QRCode from "qrcode";
import { BUTTON, InputField } from "@/components/forms/fields";
import { boxLabels, printedGroups, type BoxLabel } from "@/lib/domain/label-signing";
import { darkRuns, QR_LABEL } from "@/lib/domain/label";
import { saveKey, type MadeBatch } from "./made-labels";

/** At most this many labels on the page at once (as the server's PDF sheet: 30 A4 pages). */
const MAX_SHOWN = 480;
/** The printed module: larger than the 0.4 mm minimum where the box allows (lib/domain/label.ts). */
const MODULE_MM = 0.5;

/** A QR code as one SVG path of dark runs, sized in millimetres so it prints at MODULE_MM a module. */
function QrSvg({ text }: { text: string }) {
  const qr = QRCode.create(text, { errorCorrectionLevel: QR_LABEL.errorCorrectionLevel });
  const size = qr.modules.size;
  const quiet = QR_LABEL.quietZoneModules;
  const path = darkRuns(qr.modules)
    .map(({ row, col, length }) => `M${col + quiet} ${row + quiet}h${length}v1h${-length}z`)
    .join("");
  const total = size + 2 * quiet;
  return (
    <svg
      viewBox={`0 0 ${total} ${total}`}
      width={`${total * MODULE_MM}mm`}
      height={`${total * MODULE_MM}mm`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={text}
      data-qr
    >
      <rect width={total} height={total} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

function Label({ label, product }: { label: BoxLabel; product: { name: string; standard: string } }) {
  const t = useTranslations("labelMaker.desk");
  return (
    <li
      className="flex break-inside-avoid items-start gap-2 border border-dashed border-slate-300 p-1 text-[7pt] leading-tight"
      data-label={label.serial}
      data-code={label.code}
    >
      <QrSvg text={label.code} />
      <div className="min-w-0 flex-1 font-sans">
        <p className="font-bold">{product.name}</p>
        <p className="text-slate-600">{product.standard}</p>
        {printedGroups(label.printed).map((group, index) => (
          <p key={index} className={index === 2 ? "text-[8pt] font-bold" : undefined}>
            {group}
          </p>
        ))}
        <p className="text-slate-600">{`EXP ${label.expiry}`}</p>
        <p className="font-mono" data-check-code={label.checkCode}>{`CHECK ${label.checkCode}`}</p>
      </div>
      <div className="w-[33mm] border-l border-dashed border-slate-400 pl-1" data-slip>
        <p className="font-bold uppercase">{t("inside")}</p>
        <p>{`SN ${label.serial}`}</p>
        <p className="font-mono font-bold break-all" data-secret>
          {label.secret}
        </p>
        <p className="text-[5.5pt] text-slate-600">{t("keep")}</p>
      </div>
    </li>
  );
}

/**
 * The labels of a batch whose key this browser made: a range of serials drawn as they print (QR at
 * 0.5 mm a module with its quiet zone, the human-readable line, the slip for inside the box), printed
 * with the browser's own print (only the sheet prints: globals.css), and the key saved encrypted.
 */
export function LabelSheet({
  made,
  base,
  product,
}: {
  made: MadeBatch;
  base: string;
  product: { name: string; standard: string };
}) {
  const t = useTranslations("labelMaker.desk");
  const { batch } = made;
  const last = batch.serialStart + batch.boxes - 1;
  const [from, setFrom] = useState(String(batch.serialStart));
  const [count, setCount] = useState(String(Math.min(batch.boxes, MAX_SHOWN)));
  const [range, setRange] = useState({ from: batch.serialStart, count: Math.min(batch.boxes, MAX_SHOWN) });
  const [password, setPassword] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const labels = useMemo(
    () => boxLabels(made.key, batch, base, range.from, range.count),
    [made.key, batch, base, range],
  );

  function show(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const first = Math.max(batch.serialStart, Math.min(last, Number(from) || batch.serialStart));
    const n = Math.max(1, Math.min(MAX_SHOWN, last - first + 1, Number(count) || 1));
    setRange({ from: first, count: n });
  }

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    try {
      setSaved(await saveKey(made, password));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="space-y-3 rounded-2xl border border-emerald-300 bg-emerald-50 p-4" data-made-labels>
      <h3 className="text-lg font-semibold print:hidden">{t("heading", { lot: batch.lot })}</h3>
      <p className="max-w-3xl text-sm print:hidden">{t("intro")}</p>
      <p className="text-xs break-all text-slate-700 print:hidden" data-signer={made.commitment.signer}>
        {t("signer", { address: made.commitment.signer })}
      </p>
      <div className="flex flex-wrap items-end gap-4 print:hidden">
        <form onSubmit={show} className="flex flex-wrap items-end gap-2">
          <InputField label={t("from")} className="w-36" value={from} onValue={setFrom} inputMode="numeric" />
          <InputField
            label={t("count")}
            className="w-24"
            value={count}
            onValue={setCount}
            inputMode="numeric"
          />
          <button type="submit" className="rounded-lg border border-slate-400 px-4 py-2 font-medium">
            {t("show")}
          </button>
        </form>
        <button type="button" onClick={() => window.print()} className={BUTTON} data-action="print-labels">
          {t("print")}
        </button>
      </div>
      <p className="text-xs text-slate-600 print:hidden">
        {t("range", { first: String(batch.serialStart), last: String(last), max: MAX_SHOWN })}
      </p>
      <form onSubmit={save} className="flex flex-wrap items-end gap-2 print:hidden" data-form="save-key">
        <InputField
          label={t("password")}
          className="w-64"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          value={password}
          onValue={setPassword}
        />
        <button
          type="submit"
          disabled={saving || password.length < 8}
          className="rounded-lg border border-slate-400 px-4 py-2 font-medium disabled:opacity-50"
        >
          {saving ? t("saving") : t("save")}
        </button>
        {password.length > 0 && password.length < 8 && <p className="text-xs">{t("passwordShort")}</p>}
        {saved !== null && (
          <p role="status" className="text-sm" data-saved>
            {t("saved", { file: saved })}
          </p>
        )}
      </form>
      <ul className="grid grid-cols-1 gap-1 bg-white lg:grid-cols-2" data-label-sheet>
        {labels.map((label) => (
          <Label key={label.serial} label={label} product={product} />
        ))}
      </ul>
    </section>
  );
}
