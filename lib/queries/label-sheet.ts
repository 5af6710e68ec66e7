// A batch's labels as a print-ready PDF: A4 sheets of 2 × 8 labels, each the box's signed Digital Link
// as a QR code (error correction M, 0.5 mm modules, 4-module quiet zone: lib/domain/label.ts) with its
// product, GTIN, lot, serial and expiry, and beside it, behind a cut line, the slip with the secret that
// goes inside that box. Only the batch's manufacturer, acting on the local chain, gets it: the codes are
// signed with its serial-signing key, which never leaves the server.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import type { PartyKey } from "../chain/demo/world";
import { PARTIES } from "../chain/demo/world";
import { demoWallet } from "../chain/demo/accounts";
import { boxLabels, demoLabelKey, secretSourceOf, type BoxLabel } from "../chain/labels";
import { QR_LABEL } from "../domain/label";
import { CATEGORIES, isCategoryId } from "../domain/standards";
import { env } from "../env";
import type { Locale } from "../domain/locale";
import { backofficeWords, batchById } from "./backoffice";
import { possessionStoreIn } from "./possession-store";
import { runtime } from "./runtime";
import { chainUnavailableReply, fieldError, readSession, type ErrorReply } from "./session";

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGIN = 10 * MM;
const COLUMNS = 2;
const ROWS = 8;
export const LABELS_PER_PAGE = COLUMNS * ROWS;
const CELL = { width: (PAGE.width - 2 * MARGIN) / COLUMNS, height: (PAGE.height - 2 * MARGIN) / ROWS };
/** Larger than the 0.4 mm minimum, as the label guidance suggests where the box allows. */
const MODULE = 0.5 * MM;
const SLIP_WIDTH = 33 * MM;
/** At most this many labels in one sheet (30 pages); a larger batch is printed in ranges. */
export const MAX_LABELS = 30 * LABELS_PER_PAGE;
const INK = rgb(0, 0, 0);
const GREY = rgb(0.45, 0.45, 0.45);

/** Draws a QR code as filled runs of dark modules (vector: sharp at any printer resolution). */
function drawQr(page: PDFPage, text: string, x: number, top: number): number {
  const qr = QRCode.create(text, { errorCorrectionLevel: QR_LABEL.errorCorrectionLevel });
  const size = qr.modules.size;
  const quiet = QR_LABEL.quietZoneModules * MODULE;
  for (let row = 0; row < size; row++) {
    let run = -1;
    for (let col = 0; col <= size; col++) {
      const dark = col < size && qr.modules.get(row, col) === 1;
      if (dark && run < 0) run = col;
      if (!dark && run >= 0) {
        page.drawRectangle({
          x: x + quiet + run * MODULE,
          y: top - quiet - (row + 1) * MODULE,
          width: (col - run) * MODULE,
          height: MODULE,
          color: INK,
        });
        run = -1;
      }
    }
  }
  return size * MODULE + 2 * quiet;
}

/** The product on two lines: the category's name, then its standard. */
export interface LabelProduct {
  name: string;
  standard: string;
}

function drawLabel(
  page: PDFPage,
  label: BoxLabel,
  product: LabelProduct,
  fonts: { regular: PDFFont; bold: PDFFont; mono: PDFFont },
  x: number,
  top: number,
): void {
  const qrWidth = drawQr(page, label.code, x, top - 1 * MM);
  const textX = x + qrWidth + 1 * MM;
  const slipX = x + CELL.width - SLIP_WIDTH;
  const textWidth = slipX - 3 * MM - textX;
  const lines: [string, PDFFont, number, typeof INK][] = [
    [product.name, fonts.bold, 7, INK],
    [product.standard, fonts.regular, 6.5, GREY],
    [`GTIN ${label.gtin}`, fonts.regular, 7, INK],
    [`LOT ${label.lot}`, fonts.regular, 7, INK],
    [`SN ${label.serial}`, fonts.bold, 8, INK],
    [`EXP ${label.expiry}`, fonts.regular, 7, INK],
  ];
  let y = top - 5 * MM;
  for (const [text, font, size, color] of lines) {
    // A long name shrinks to its column rather than running into the slip.
    const fitted = Math.min(size, (size * textWidth) / Math.max(1, font.widthOfTextAtSize(text, size)));
    page.drawText(text, { x: textX, y, size: fitted, font, color });
    y -= size * 1.45;
  }
  // The slip for inside the box, behind a cut line.
  page.drawLine({
    start: { x: slipX - 1.5 * MM, y: top - 1 * MM },
    end: { x: slipX - 1.5 * MM, y: top - CELL.height + 1 * MM },
    thickness: 0.5,
    color: GREY,
    dashArray: [2, 2],
  });
  page.drawText("INSIDE THE BOX", { x: slipX, y: top - 5 * MM, size: 6.5, font: fonts.bold, color: INK });
  page.drawText(`SN ${label.serial}`, {
    x: slipX,
    y: top - 9 * MM,
    size: 7,
    font: fonts.regular,
    color: INK,
  });
  if (label.secret === null) {
    page.drawText("no secret committed", {
      x: slipX,
      y: top - 14 * MM,
      size: 6.5,
      font: fonts.regular,
      color: GREY,
    });
    return;
  }
  const groups = label.secret.split("-");
  const half = Math.ceil(groups.length / 2);
  [groups.slice(0, half).join("-"), groups.slice(half).join("-")].forEach((line, i) =>
    page.drawText(i === 0 ? `${line}-` : line, {
      x: slipX,
      y: top - (14 + i * 4) * MM,
      size: 7,
      font: fonts.mono,
      color: INK,
    }),
  );
  page.drawText("Keep: proof you hold this box", {
    x: slipX,
    y: top - 26 * MM,
    size: 5.5,
    font: fonts.regular,
    color: GREY,
  });
}

/** The PDF of `labels`, 16 to an A4 page. Text is Latin only (the standard PDF fonts). */
export async function labelSheetPdf(
  labels: BoxLabel[],
  product: LabelProduct,
  title: string,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator("MedProof");
  const fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    mono: await pdf.embedFont(StandardFonts.CourierBold),
  };
  let page: PDFPage | null = null;
  labels.forEach((label, index) => {
    const slot = index % LABELS_PER_PAGE;
    if (slot === 0) page = pdf.addPage([PAGE.width, PAGE.height]);
    const column = slot % COLUMNS;
    const row = Math.floor(slot / COLUMNS);
    if (page !== null)
      drawLabel(
        page,
        label,
        product,
        fonts,
        MARGIN + column * CELL.width,
        PAGE.height - MARGIN - row * CELL.height,
      );
  });
  return pdf.save();
}

export type LabelSheet = { status: 200; pdf: Uint8Array; filename: string } | ErrorReply;

const WHOLE = /^\d{1,12}$/;

/** The label sheet of a batch for its manufacturer: serials [from, from + count), all of them by default. */
export async function labelSheet(
  party: PartyKey | null,
  batchId: string,
  query: URLSearchParams,
  locale: Locale,
): Promise<LabelSheet> {
  const t = backofficeWords(locale);
  if (party === null) return fieldError(401, "not_signed_in", t("notSignedIn"));
  const fromText = query.get("from");
  const countText = query.get("count");
  if ((fromText !== null && !WHOLE.test(fromText)) || (countText !== null && !WHOLE.test(countText)))
    return fieldError(400, "invalid_range", t("labels.rangeFormat"));
  try {
    const [session, batch] = await Promise.all([readSession(party), batchById(batchId)]);
    if (session === null) return fieldError(403, "demo_keys_refused", t("labels.demoKeysRefused"));
    if (batch === null) return fieldError(404, "batch_not_found", t("labels.batchNotFound"));
    if (batch.manufacturer.toLowerCase() !== demoWallet(PARTIES[party].account).address.toLowerCase())
      return fieldError(403, "not_batch_manufacturer", t("labels.notBatchManufacturer"));
    const key = demoLabelKey(batch.signer);
    if (key === null) return fieldError(409, "signing_key_not_held", t("labels.signingKeyNotHeld"));
    const last = batch.serialStart + batch.boxes - 1;
    const from = fromText === null ? batch.serialStart : Number(fromText);
    const count = countText === null ? Math.min(batch.boxes, MAX_LABELS) : Number(countText);
    if (from < batch.serialStart || from > last || count < 1 || count > MAX_LABELS || from + count - 1 > last)
      return fieldError(
        400,
        "invalid_range",
        t("labels.range", { first: String(batch.serialStart), last: String(last), max: MAX_LABELS }),
      );
    const published = possessionStoreIn(env().dataDir).read(batchId);
    const secrets = secretSourceOf(key, batch.gtin, batch.lot, published);
    const labels = boxLabels(batch, key, secrets, runtime().digitalLinkBase, from, count);
    const category = isCategoryId(batch.category) ? CATEGORIES[batch.category] : null;
    const product =
      category === null
        ? { name: `GTIN ${batch.gtin}`, standard: "" }
        : { name: category.name, standard: category.standard };
    const filename = `labels-${batch.gtin}-${batch.lot}-${from}.pdf`.replace(/[^A-Za-z0-9.-]/g, "_");
    return {
      status: 200,
      pdf: await labelSheetPdf(labels, product, `Labels ${batch.gtin} lot ${batch.lot}`),
      filename,
    };
  } catch {
    return chainUnavailableReply(locale);
  }
}
