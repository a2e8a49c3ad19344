/**
 * Tidy CSV from a columnar (arquero) table, byte for byte as `toCsv` writes rows of objects
 * (csv.ts: UTF-8, comma, `.` decimal, header row, LF, numbers in JavaScript's shortest exact
 * form, an empty field for a missing value), without an object per row: text columns are
 * quoted once per distinct value, number columns (`Float64Array`, NaN = empty) formatted per
 * cell. `tabellCsvDelar` yields the file in pieces of about `storlek` characters, so a writer
 * can stream a national table instead of holding one string of a hundred megabytes.
 */
import type { ColumnTable } from "arquero";
import { formatNumber } from "./csv.ts";

const CITERA = /["\n\r,]/;

function falt(v: string): string {
  return CITERA.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

type Formatterare = (i: number) => string;

function formatterare(kolumn: unknown): Formatterare {
  if (kolumn instanceof Float64Array || kolumn instanceof Int32Array) {
    return (i) => {
      const v = kolumn[i]!;
      return Number.isNaN(v) ? "" : formatNumber(v);
    };
  }
  const a = kolumn as ArrayLike<unknown>;
  const cache = new Map<unknown, string>();
  return (i) => {
    const v = a[i];
    let s = cache.get(v);
    if (s === undefined) {
      s = v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)) ? "" : typeof v === "number" ? formatNumber(v) : falt(String(v));
      if (cache.size < 100_000) cache.set(v, s);
    }
    return s;
  };
}

export function* tabellCsvDelar(t: ColumnTable, kolumner: readonly string[], storlek = 1 << 20): Generator<string> {
  const f = kolumner.map((k) => formatterare(t.column(k)));
  const n = t.numRows();
  const k = f.length;
  let del = `${kolumner.map(falt).join(",")}\n`;
  for (let i = 0; i < n; i++) {
    let rad = f[0]!(i);
    for (let j = 1; j < k; j++) rad += `,${f[j]!(i)}`;
    del += `${rad}\n`;
    if (del.length >= storlek) {
      yield del;
      del = "";
    }
  }
  if (del !== "") yield del;
}

export function tabellCsv(t: ColumnTable, kolumner: readonly string[]): string {
  let s = "";
  for (const d of tabellCsvDelar(t, kolumner)) s += d;
  return s;
}
