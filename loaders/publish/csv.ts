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

/**
 * The bytes of the file are written straight into buffers of about a megabyte, never a string
 * per row (a national table has a million rows; strings per row were most of the writing time,
 * and the garbage of it). Text is encoded once per distinct value (dictionary columns such as
 * the cube's `Ordbokskolumn` once per dictionary entry); whole numbers are written digit by
 * digit, other numbers with `String(v)` (`formatNumber`); a missing value (null, or NaN in a
 * number column) is an empty field.
 */
class Skrivare {
  buf = Buffer.allocUnsafe(BIT);
  pos = 0;
  readonly klara: Buffer[] = [];

  plats(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.klara.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(BIT, n));
    this.pos = 0;
  }

  bytes(b: Uint8Array): void {
    this.plats(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** ASCII text (a number's digits, sign, `.`, `e`). */
  ascii(t: string): void {
    this.plats(t.length);
    this.pos += this.buf.write(t, this.pos, "latin1");
  }

  byte(b: number): void {
    this.plats(1);
    this.buf[this.pos++] = b;
  }

  /** A whole number of at most 15 digits. */
  heltal(v: number): void {
    this.plats(17);
    let x = v;
    if (x < 0) {
      this.buf[this.pos++] = 45;
      x = -x;
    }
    const start = this.pos;
    do {
      this.buf[this.pos++] = 48 + (x % 10);
      x = Math.floor(x / 10);
    } while (x > 0);
    for (let i = start, j = this.pos - 1; i < j; i++, j--) {
      const t = this.buf[i]!;
      this.buf[i] = this.buf[j]!;
      this.buf[j] = t;
    }
  }
}

type Faltskrivare = (rad: number, s: Skrivare) => void;

/** A dictionary-encoded column (the cube's `Ordbokskolumn`): a code per row and the values. */
interface Ordbok {
  readonly ordbok: readonly string[];
  kod(rad: number): number;
}

function arOrdbok(k: unknown): k is Ordbok {
  return typeof k === "object" && k !== null && Array.isArray((k as Ordbok).ordbok) && typeof (k as Ordbok).kod === "function";
}

function faltskrivare(k: Kolumn, kolumn: { at(i: number): unknown } & ArrayLike<unknown>): Faltskrivare {
  if (k.typ !== "text") {
    const las = ArrayBuffer.isView(kolumn) || Array.isArray(kolumn) ? (i: number) => kolumn[i] as number | null | undefined : (i: number) => kolumn.at(i) as number | null | undefined;
    let forra = Number.NaN;
    let forraText = "";
    return (i, s) => {
      const v = las(i);
      if (v === null || v === undefined || Number.isNaN(v)) return;
      if (Number.isInteger(v) && Math.abs(v) < 1e15) {
        s.heltal(Object.is(v, -0) ? 0 : v);
        return;
      }
      // Neighbouring rows often share a value (a region's population beside each ersättning).
      if (v !== forra) {
        forra = v;
        forraText = formatNumber(v);
      }
      s.ascii(forraText);
    };
  }
  if (arOrdbok(kolumn)) {
    const bytes = kolumn.ordbok.map((v) => Buffer.from(textfalt(v), "utf8"));
    return (i, s) => s.bytes(bytes[kolumn.kod(i)]!);
  }
  const las = Array.isArray(kolumn) ? (i: number) => kolumn[i] : (i: number) => kolumn.at(i);
  const sedda = new Map<unknown, Uint8Array>();
  return (i, s) => {
    const v = las(i);
    if (v === null || v === undefined) return;
    let b = sedda.get(v);
    if (b === undefined) {
      b = Buffer.from(textfalt(v as string), "utf8");
      if (sedda.size < 100_000) sedda.set(v, b);
    }
    s.bytes(b);
  };
}

/** About this many bytes make one chunk. */
const BIT = 1 << 20;

/** The CSV file in chunks of about a megabyte: the header, then the rows in the table's order. */
export function* csvBitar(t: Utdatatabell): Generator<Uint8Array> {
  const kolumner = t.schema.kolumner;
  const n = kolumner.length;
  const skriv = kolumner.map((k) => faltskrivare(k, t.tabell.column(k.namn)! as never));
  const index = t.tabell.indices();
  const s = new Skrivare();
  s.bytes(Buffer.from(kolumner.map((k) => textfalt(k.namn)).join(",") + "\n", "utf8"));
  for (let i = 0; i < index.length; i++) {
    const r = index[i]!;
    skriv[0]!(r, s);
    for (let j = 1; j < n; j++) {
      s.byte(44);
      skriv[j]!(r, s);
    }
    s.byte(10);
    if (s.klara.length > 0) {
      yield* s.klara;
      s.klara.length = 0;
    }
  }
  yield* s.klara;
  if (s.pos > 0) yield s.buf.subarray(0, s.pos);
}

/**
 * Writes `t` as CSV through `skriv`; when `skriv` returns a promise the next chunk waits for it,
 * so a file stream's back-pressure is respected.
 */
export async function skrivCsv(t: Utdatatabell, skriv: (bit: Uint8Array) => void | Promise<void>): Promise<void> {
  for (const bit of csvBitar(t)) await skriv(bit);
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
