// Money for the field desk's sentences, which carry the unit themselves ("{amount} yuan", "{amount} 元").

/** Fen → "3,500.00". */
export const yuanAmount = (fen: number): string =>
  (fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Fen per piece → "1.40". */
export const yuanPerPiece = (fen: number): string => (fen / 100).toFixed(2);
