/**
 * Number cells in SCB files: bare numbers with `.` as decimal sign, or one of SCB's symbols
 * for a value that is missing (`..`, `.` to `.......`) or has nothing to report (`-`).
 * A symbol is kept as "saknas": never read as 0, never NaN.
 */

export type Cell =
  | { readonly kind: "tal"; readonly value: number }
  | { readonly kind: "saknas"; readonly symbol: string }
  | { readonly kind: "ogiltig"; readonly reason: "decimalkomma" | "tusentalsavgransare" | "inte_tal" };

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const SYMBOL = /^(?:\.{1,7}|-|–)$/;

export function parseCell(raw: string): Cell {
  const s = raw.trim();
  if (NUMBER.test(s)) return { kind: "tal", value: Number(s) };
  if (SYMBOL.test(s)) return { kind: "saknas", symbol: s };
  if (s === "") return { kind: "saknas", symbol: "" };
  if (/^-?\d+,\d+$/.test(s)) return { kind: "ogiltig", reason: "decimalkomma" };
  if (/^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/.test(s)) return { kind: "ogiltig", reason: "tusentalsavgransare" };
  return { kind: "ogiltig", reason: "inte_tal" };
}

export const CELL_PROBLEM: Record<"decimalkomma" | "tusentalsavgransare" | "inte_tal", { sv: string; en: string }> = {
  decimalkomma: {
    sv: "talet har decimalkomma; förväntat punkt som decimaltecken som i SCB:s nedladdning (t.ex. 10.5)",
    en: "decimal comma; expected '.' as decimal separator",
  },
  tusentalsavgransare: {
    sv: "talet har mellanslag som tusentalsavgränsare; förväntat ett tal utan avgränsare (t.ex. 1234)",
    en: "thousands separator; expected a bare number",
  },
  inte_tal: {
    sv: "förväntat ett tal (t.ex. 1234 eller 10.5) eller SCB:s tecken för saknat värde (.. eller -)",
    en: "expected a number or SCB's missing-value symbol (.. or -)",
  },
};
