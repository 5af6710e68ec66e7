// The label sheet's drawing: A4 sheets of 2 × 8 labels, each the box's signed Digital Link as a QR code
// (error correction M, 0.5 mm modules, 4-module quiet zone: lib/domain/label.ts) with its product, the
// human-readable GS1 line (01)…(17)…(10)…(21)… over three lines, the expiry in words and the check code
// that makes a typed line checkable (lib/domain/check-code.ts), and beside it, behind a cut line, the slip with the secret that goes inside that
// box. Apart from the route's checks because it runs in a worker thread (label-sheet.worker.ts): a sheet
// of hundreds of labels is seconds of work that must not hold up the event loop verifications run on.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import { printedGroups, type BoxLabel } from "../domain/label-signing";
import { darkRuns, QR_LABEL } from "../domain/label";

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

/**
 * A QR code as PDF content: every run of dark modules one rectangle of a single filled path, in module
 * units (whole numbers, so neighbouring runs meet without hairline gaps). Written as raw content, not
 * with pdf-lib's drawRectangle: a 480-label sheet is ~295,000 runs, and drawRectangle (a graphics state
 * and a dozen operator objects each) spent ~10 s of the sheet's ~12 s on them.
 */
function qrContent(text: string, x: number, top: number): { content: string; width: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: QR_LABEL.errorCorrectionLevel });
  const size = qr.modules.size;
  const quiet = QR_LABEL.quietZoneModules * MODULE;
  const runs = darkRuns(qr.modules).map(({ row, col, length }) => `${col} ${size - 1 - row} ${length} 1 re`);
  const origin = `${(x + quiet).toFixed(3)} ${(top - quiet - size * MODULE).toFixed(3)}`;
  return {
    content: `q 0 0 0 rg ${MODULE.toFixed(5)} 0 0 ${MODULE.toFixed(5)} ${origin} cm\n${runs.join("\n")}\nf Q\n`,
    width: size * MODULE + 2 * quiet,
  };
}

/** The product on two lines: the category's name, then its standard. */
export interface LabelProduct {
  name: string;
  standard: string;
}

/** Draws a label's text and slip on `page`; returns its QR code's content, which the page adds raw. */
function drawLabel(
  page: PDFPage,
  label: BoxLabel,
  product: LabelProduct,
  fonts: { regular: PDFFont; bold: PDFFont; mono: PDFFont },
  x: number,
  top: number,
): string {
  const qr = qrContent(label.code, x, top - 1 * MM);
  const textX = x + qr.width + 1 * MM;
  const slipX = x + CELL.width - SLIP_WIDTH;
  const textWidth = slipX - 3 * MM - textX;
  const [gtinGroup, datesGroup, serialGroup] = printedGroups(label.printed);
  const lines: [string, PDFFont, number, typeof INK][] = [
    [product.name, fonts.bold, 7, INK],
    [product.standard, fonts.regular, 6.5, GREY],
    [gtinGroup, fonts.regular, 7, INK],
    [datesGroup, fonts.regular, 7, INK],
    [serialGroup, fonts.bold, 8, INK],
    [`EXP ${label.expiry}`, fonts.regular, 6.5, GREY],
    [`CHECK ${label.checkCode}`, fonts.mono, 7.5, INK],
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
    return qr.content;
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
  return qr.content;
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
  for (let first = 0; first < labels.length; first += LABELS_PER_PAGE) {
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    const codes = labels
      .slice(first, first + LABELS_PER_PAGE)
      .map((label, slot) =>
        drawLabel(
          page,
          label,
          product,
          fonts,
          MARGIN + (slot % COLUMNS) * CELL.width,
          PAGE.height - MARGIN - Math.floor(slot / COLUMNS) * CELL.height,
        ),
      );
    page.node.addContentStream(pdf.context.register(pdf.context.flateStream(codes.join(""))));
  }
  return pdf.save();
}
