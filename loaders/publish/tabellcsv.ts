/**
 * Tidy CSV from a columnar (arquero) table, byte for byte as `toCsv` writes rows of objects
 * (csv.ts: UTF-8, comma, `.` decimal, header row, LF, numbers in JavaScript's shortest exact
 * form, an empty field for a missing value), without an object or a string per row: bytes are
 * written straight into buffers of about a megabyte. Text columns are encoded (and quoted when
 * they hold a comma, a quote or a line break) once per distinct value; number columns
 * (`Float64Array`, NaN = empty) write whole numbers digit by digit and use `String(v)` for
 * the rest, the form `formatNumber` gives.
 *
 * `tabellCsvDelar` yields the file as buffers, so a writer can stream a national table instead
 * of holding a string of a hundred megabytes; `tabellCsv` joins them into one string.
 */
import type { ColumnTable } from "arquero";
import { formatNumber } from "./csv.ts";
import { Ordbokskolumn } from "../kub/ordbokskolumn.ts";

const CITERA = /["\n\r,]/;
const STORLEK = 1 << 20;

function falt(v: string): string {
  return CITERA.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

class Skrivare {
  buf = Buffer.allocUnsafe(STORLEK);
  pos = 0;
  readonly klara: Buffer[] = [];

  plats(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.klara.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(STORLEK, n));
    this.pos = 0;
  }

  bytes(b: Uint8Array): void {
    this.plats(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** An ASCII string (digits, signs, `.`, `e`). */
  ascii(s: string): void {
    this.plats(s.length);
    this.pos += this.buf.write(s, this.pos, "latin1");
  }

  byte(b: number): void {
    this.plats(1);
    this.buf[this.pos++] = b;
  }

  /** A whole number of at most 15 digits, digit by digit. */
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
    // reverse the digits
    for (let i = start, j = this.pos - 1; i < j; i++, j--) {
      const t = this.buf[i]!;
      this.buf[i] = this.buf[j]!;
      this.buf[j] = t;
    }
  }

  tomma(): Buffer[] {
    const ut = [...this.klara];
    this.klara.length = 0;
    return ut;
  }
}

type Faltskrivare = (i: number, s: Skrivare) => void;

function faltskrivare(kolumn: unknown): Faltskrivare {
  if (kolumn instanceof Float64Array || kolumn instanceof Int32Array) {
    let forra = Number.NaN;
    let forraText = "";
    return (i, s) => {
      const v = kolumn[i]!;
      if (Number.isNaN(v)) return;
      if (Number.isInteger(v) && Math.abs(v) < 1e15) {
        s.heltal(Object.is(v, -0) ? 0 : v);
        return;
      }
      if (v !== forra) {
        forra = v;
        forraText = formatNumber(v);
      }
      s.ascii(forraText);
    };
  }
  if (kolumn instanceof Ordbokskolumn) {
    const bytes = kolumn.ordbok.map((v) => Buffer.from(falt(v), "utf8"));
    return (i, s) => s.bytes(bytes[kolumn.kod(i)]!);
  }
  const a = kolumn as { at(i: number): unknown };
  const cache = new Map<unknown, Uint8Array>();
  return (i, s) => {
    const v = a.at(i);
    let b = cache.get(v);
    if (b === undefined) {
      const text = v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)) ? "" : typeof v === "number" ? formatNumber(v) : falt(String(v));
      b = Buffer.from(text, "utf8");
      if (cache.size < 100_000) cache.set(v, b);
    }
    s.bytes(b);
  };
}

export function* tabellCsvDelar(t: ColumnTable, kolumner: readonly string[]): Generator<Buffer> {
  const f = kolumner.map((k) => faltskrivare(t.column(k)));
  const n = t.numRows();
  const k = f.length;
  const s = new Skrivare();
  s.bytes(Buffer.from(`${kolumner.map(falt).join(",")}\n`, "utf8"));
  for (let i = 0; i < n; i++) {
    f[0]!(i, s);
    for (let j = 1; j < k; j++) {
      s.byte(44);
      f[j]!(i, s);
    }
    s.byte(10);
    if (s.klara.length > 0) yield* s.tomma();
  }
  yield* s.tomma();
  if (s.pos > 0) yield s.buf.subarray(0, s.pos);
}

export function tabellCsv(t: ColumnTable, kolumner: readonly string[]): string {
  const delar = [...tabellCsvDelar(t, kolumner)];
  return delar.length === 1 ? delar[0]!.toString("utf8") : Buffer.concat(delar).toString("utf8");
}

/**
 * An output file that is written as it is formatted (a national table is a hundred megabytes
 * of CSV): the writer asks for its pieces; `text()` gives the whole file as a string for the
 * callers that want one (tests, the site's data loaders).
 */
export class Utdatastrom {
  constructor(private readonly skapa: () => Iterable<Uint8Array>) {}

  delar(): Iterable<Uint8Array> {
    return this.skapa();
  }

  text(): string {
    const delar = [...this.skapa()];
    return delar.length === 1 ? Buffer.from(delar[0]!).toString("utf8") : Buffer.concat(delar).toString("utf8");
  }
}

/** An output file's content: a string, or a stream of its bytes. */
export type Utdata = string | Utdatastrom;

export function tabellUtdata(t: ColumnTable, kolumner: readonly string[]): Utdatastrom {
  return new Utdatastrom(() => tabellCsvDelar(t, kolumner));
}

export function utdataText(u: Utdata): string {
  return typeof u === "string" ? u : u.text();
}
