/**
 * How the lines under a box's QR code read when typed: the GS1 line, then its check code (as printed,
 * with or without the word CHECK; lib/domain/check-code.ts). The example the code fields show.
 */
export const EXAMPLE_CODE = "(01)09521234500018(10)240315A(21)100321 7Q2M-K9XD-4HRT";
