// The dark-module runs a label draws: each row's runs, left to right, ending at a light module or the edge.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import QRCode from "qrcode";
import { darkRuns, QR_LABEL } from "./label";

/** A matrix from rows of "#" (dark) and "." (light). */
function matrix(rows: string[]) {
  return { size: rows.length, get: (row: number, col: number) => (rows[row]?.[col] === "#" ? 1 : 0) };
}

describe("darkRuns", () => {
  it("finds each row's runs, including one that reaches the edge", () => {
    assert.deepEqual(darkRuns(matrix(["##.#", "....", ".###", "#..#"])), [
      { row: 0, col: 0, length: 2 },
      { row: 0, col: 3, length: 1 },
      { row: 2, col: 1, length: 3 },
      { row: 3, col: 0, length: 1 },
      { row: 3, col: 3, length: 1 },
    ]);
  });

  it("covers exactly the dark modules of a real QR code", () => {
    const qr = QRCode.create("https://id.example/01/09521234500018/10/A1/21/7", {
      errorCorrectionLevel: QR_LABEL.errorCorrectionLevel,
    });
    const size = qr.modules.size;
    const drawn = new Set<number>();
    for (const { row, col, length } of darkRuns(qr.modules))
      for (let c = col; c < col + length; c++) drawn.add(row * size + c);
    for (let row = 0; row < size; row++)
      for (let col = 0; col < size; col++)
        assert.equal(drawn.has(row * size + col), qr.modules.get(row, col) === 1, `module ${row},${col}`);
  });
});
