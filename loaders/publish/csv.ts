/**
 * Tidy CSV for analysts: UTF-8 without BOM, comma, `.` decimal, header row, LF, no rounding
 * (numbers in JavaScript's shortest exact form), empty field for a missing value.
 */
import { csvFormatRows } from "d3-dsv";

export type CsvValue = string | number | null | undefined;

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`icke-ändligt tal i utdata: ${v}`);
  return Object.is(v, -0) ? "0" : String(v);
}

export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  const body = rows.map((r) =>
    columns.map((c) => {
      const v = r[c] as CsvValue;
      return v === null || v === undefined ? "" : typeof v === "number" ? formatNumber(v) : v;
    }),
  );
  return csvFormatRows([[...columns], ...body]) + "\n";
}
