/**
 * Tidy CSV for analysts: UTF-8 without BOM, comma, `.` decimal, header row, LF, no rounding
 * (numbers in JavaScript's shortest exact form), empty field for a missing value.
 *
 * An output table (an arquero table plus its schema) is written in chunks (`csvBitar`), so a
 * table of a million rows never becomes one string; the rows are written by `csvrader.js`, shared
 * with the thread that writes files beside the main thread (`utkatalog.ts` writes the files).
 * Quoting is d3-dsv's: a field with `"`, `,`, CR or LF is quoted, its quotes doubled.
 */
import { csvFormatRows, csvParseRows } from "d3-dsv";
import { csvBitar as bitar, formatNumber } from "./csvrader.js";
import { tabelldata, tabellFranRader, type Schema, type Utdatatabell } from "./schema.ts";

export type CsvValue = string | number | null | undefined;

export { formatNumber };

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

/**
 * The CSV file in chunks of about a megabyte: the header, then the rows in the table's order
 * (`csvrader.js`, which the writer thread runs too).
 */
export function* csvBitar(t: Utdatatabell): Generator<Uint8Array> {
  yield* bitar(tabelldata(t));
}

/** The whole CSV file as one string (small tables and tests). */
export function csvText(t: Utdatatabell): string {
  return Buffer.concat([...csvBitar(t)]).toString("utf8");
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
