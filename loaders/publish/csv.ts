/**
 * Tidy CSV for analysts: UTF-8 without BOM, comma, `.` decimal, header row, LF, no rounding
 * (numbers in JavaScript's shortest exact form), empty field for a missing value.
 *
 * `skrivCsv` writes an output table (an arquero table plus its schema) in chunks, so a table of
 * a million rows never becomes one string. Quoting is d3-dsv's: a field with `"`, `,`, CR or LF
 * is quoted, its quotes doubled.
 */
import { csvFormatRows, csvParseRows } from "d3-dsv";
import { tabellFranRader, type Kolumn, type Schema, type Utdatatabell } from "./schema.ts";

export type CsvValue = string | number | null | undefined;

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`icke-ändligt tal i utdata: ${v}`);
  return Object.is(v, -0) ? "0" : String(v);
}

/** Rows to CSV text in one go (small tables built outside the registry). */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  const body = rows.map((r) =>
    columns.map((c) => {
      const v = r[c] as CsvValue;
      return v === null || v === undefined ? "" : typeof v === "number" ? formatNumber(v) : v;
    }),
  );
  return csvFormatRows([[...columns], ...body]) + "\n";
}

const BEHOVER_CITAT = /["\n\r,]/;

function textfalt(s: string): string {
  return BEHOVER_CITAT.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A column's values by row index: arrays are read directly, other arquero columns with `at`. */
function lasare(kolumn: { at(i: number): unknown } & ArrayLike<unknown>): (i: number) => unknown {
  return Array.isArray(kolumn) || ArrayBuffer.isView(kolumn) ? (i) => kolumn[i] : (i) => kolumn.at(i);
}

/**
 * How a column's values are written. Text repeats (codes, names, periods): each distinct value
 * is quoted once and remembered.
 */
function formaterare(k: Kolumn): (v: unknown) => string {
  if (k.typ !== "text") return (v) => (v === null || v === undefined ? "" : formatNumber(v as number));
  const sedda = new Map<string, string>();
  return (v) => {
    if (v === null || v === undefined) return "";
    let f = sedda.get(v as string);
    if (f === undefined) {
      f = textfalt(v as string);
      if (sedda.size < 100_000) sedda.set(v as string, f);
    }
    return f;
  };
}

/** About this many characters make one chunk. */
const BIT = 1 << 20;

/** The CSV file in chunks of about a megabyte: the header, then the rows in the table's order. */
export function* csvBitar(t: Utdatatabell): Generator<string> {
  const kolumner = t.schema.kolumner;
  const n = kolumner.length;
  const las = kolumner.map((k) => lasare(t.tabell.column(k.namn)! as never));
  const format = kolumner.map(formaterare);
  const index = t.tabell.indices();
  let bit = kolumner.map((k) => textfalt(k.namn)).join(",") + "\n";
  for (let i = 0; i < index.length; i++) {
    const r = index[i]!;
    let rad = format[0]!(las[0]!(r));
    for (let j = 1; j < n; j++) rad += "," + format[j]!(las[j]!(r));
    bit += rad + "\n";
    if (bit.length >= BIT) {
      yield bit;
      bit = "";
    }
  }
  if (bit.length > 0) yield bit;
}

/**
 * Writes `t` as CSV through `skriv`; when `skriv` returns a promise the next chunk waits for it,
 * so a file stream's back-pressure is respected.
 */
export async function skrivCsv(t: Utdatatabell, skriv: (bit: string) => void | Promise<void>): Promise<void> {
  for (const bit of csvBitar(t)) await skriv(bit);
}

/** The whole CSV file as one string (small tables and tests). */
export function csvText(t: Utdatatabell): string {
  return [...csvBitar(t)].join("");
}

/** Output tables as CSV files: file name -> the whole text (small tables and tests). */
export function csvFiler(tabeller: readonly Utdatatabell[]): Map<string, string> {
  return new Map(tabeller.map((t) => [`${t.schema.namn}.csv`, csvText(t)]));
}

/**
 * A tidy CSV file read back by its schema (the columns must be the schema's, in order): text
 * stays text (codes keep their zeros), numbers become numbers, an empty field is missing.
 */
export function tabellFranCsv<S extends Schema>(schema: S, text: string): Utdatatabell<S> {
  const [rubrik, ...rader] = csvParseRows(text.replace(/\n$/, ""));
  const namn = schema.kolumner.map((k) => k.namn);
  if (!rubrik || rubrik.join(",") !== namn.join(",")) {
    throw new Error(`${schema.namn}.csv: rubrikraden är "${rubrik?.join(",") ?? ""}", väntade "${namn.join(",")}"`);
  }
  const objekt = rader.map((r, i) =>
    Object.fromEntries(schema.kolumner.map((k, j) => {
      const v = r[j] ?? "";
      if (v === "") return [k.namn, k.typ === "text" && !k.saknas ? "" : null];
      if (k.typ === "text") return [k.namn, v];
      const x = Number(v);
      if (!Number.isFinite(x)) throw new Error(`${schema.namn}.csv rad ${i + 2}, kolumn ${k.namn}: "${v}" är inget tal`);
      return [k.namn, x];
    })),
  );
  return tabellFranRader(schema, objekt);
}
