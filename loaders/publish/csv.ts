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

/** About this many bytes make one chunk. */
const BIT = 1 << 20;

/** A field of the widest number: sign, 17 digits, `.`, `e-324` and margin. */
const TALBREDD = 32;

/**
 * How a column is written. The writer is one loop over rows and columns that switches on the
 * column's kind (never a closure per field: a national table has ten million fields):
 * - `ORDBOK`: a dictionary-encoded text column (the cube's `Ordbokskolumn`): a code per row,
 *   each dictionary value encoded once;
 * - `TAL`: a `Float64Array` (the cube's number columns, NaN for missing);
 * - `ANNAN`: any other column (arrays of row values from small tables), read with `at`.
 */
const ORDBOK = 0;
const TAL = 1;
const ANNAN = 2;

interface Faltkolumn {
  readonly slag: typeof ORDBOK | typeof TAL | typeof ANNAN;
  /** ORDBOK: per row its key; per key its code (undefined: the key is the code); per code the bytes. */
  readonly rader: Int32Array;
  readonly nyckel: Int32Array | undefined;
  readonly bytes: readonly Uint8Array[];
  /** TAL: the values. */
  readonly tal: Float64Array;
  /** ANNAN: the column and whether it holds text. */
  readonly annan: { at(i: number): unknown } | undefined;
  readonly text: boolean;
  /** The most bytes one field of the column can take (ANNAN: unknown, -1). */
  readonly bredd: number;
}

const TOM_I32 = new Int32Array(0);
const TOM_F64 = new Float64Array(0);

/** A dictionary-encoded column (the cube's `Ordbokskolumn`): a key per row, a code per key, the values. */
interface Ordbok {
  readonly ordbok: readonly string[];
  readonly rader: Int32Array;
  readonly nyckel: Int32Array | undefined;
}

function arOrdbok(k: unknown): k is Ordbok {
  return typeof k === "object" && k !== null && Array.isArray((k as Ordbok).ordbok) && (k as Ordbok).rader instanceof Int32Array;
}

function faltkolumn(k: Kolumn, kolumn: unknown): Faltkolumn {
  const tom = { rader: TOM_I32, nyckel: undefined, bytes: [], tal: TOM_F64, annan: undefined, text: false };
  if (k.typ !== "text" && kolumn instanceof Float64Array) return { ...tom, slag: TAL, tal: kolumn, bredd: TALBREDD };
  if (k.typ === "text" && arOrdbok(kolumn)) {
    const bytes = kolumn.ordbok.map((v) => Buffer.from(textfalt(v), "utf8"));
    return { ...tom, slag: ORDBOK, rader: kolumn.rader, nyckel: kolumn.nyckel, bytes, bredd: Math.max(0, ...bytes.map((b) => b.length)) };
  }
  const at = Array.isArray(kolumn) ? { at: (i: number) => (kolumn as unknown[])[i] } : (kolumn as { at(i: number): unknown });
  return { ...tom, slag: ANNAN, annan: at, text: k.typ === "text", bredd: -1 };
}

/** Writes the bytes `b` at `pos`; returns the position after them. */
function skrivBytes(buf: Buffer, pos: number, b: Uint8Array): number {
  const m = b.length;
  if (m < 24) {
    for (let x = 0; x < m; x++) buf[pos + x] = b[x]!;
  } else buf.set(b, pos);
  return pos + m;
}

/**
 * Writes the number `v` at `pos` (never NaN): a whole number digit by digit, another with
 * `formatNumber`, its text kept in `forraText[j]` for the next row of column `j` with the same
 * value. Returns the position after it.
 */
function skrivTal(buf: Buffer, pos: number, v: number, j: number, forraTal: Float64Array, forraText: string[]): number {
  if (Number.isInteger(v) && v < 1e15 && v > -1e15) {
    let x = v;
    if (x < 0) {
      buf[pos++] = 45;
      x = -x;
    }
    const start = pos;
    do {
      const q = Math.floor(x / 10);
      buf[pos++] = 48 + (x - q * 10);
      x = q;
    } while (x > 0);
    for (let a = start, b = pos - 1; a < b; a++, b--) {
      const c = buf[a]!;
      buf[a] = buf[b]!;
      buf[b] = c;
    }
    return pos;
  }
  let text: string;
  if (v === forraTal[j]) text = forraText[j]!;
  else {
    text = formatNumber(v);
    forraTal[j] = v;
    forraText[j] = text;
  }
  for (let x = 0; x < text.length; x++) buf[pos++] = text.charCodeAt(x);
  return pos;
}

/** The writer's state between chunks: the chunk being filled, the finished ones, the previous row. */
interface Skrivlage {
  buf: Buffer;
  pos: number;
  readonly klara: Uint8Array[];
  /** Where the previous row starts in `buf`; -1 when it is not there (first row, new chunk). */
  forraRad: number;
}

/** `buf` when `m` more bytes fit, else a new chunk (the full one to `klara`). */
function medPlats(l: Skrivlage, buf: Buffer, pos: number, m: number): Buffer {
  if (pos + m <= buf.length) return buf;
  l.klara.push(buf.subarray(0, pos));
  l.forraRad = -1;
  return Buffer.allocUnsafe(Math.max(BIT, m));
}

/**
 * The CSV file in chunks of about a megabyte: the header, then the rows in the table's order.
 * The bytes are written straight into the chunk, never a string per row (a national table has
 * a million rows). Text is encoded once per distinct value; the leading dictionary fields a row
 * shares with the previous row are copied from it in one go; whole numbers are written digit by
 * digit, other numbers with `String(v)` (`formatNumber`), the same text as before; a missing
 * value (null, or NaN in a number column) is an empty field.
 *
 * The rows are written by `skrivRader`, a plain function whose chunk and position are local
 * variables (a generator or closures would keep them in memory, read and written at every byte).
 */
export function* csvBitar(t: Utdatatabell): Generator<Uint8Array> {
  const kolumner = t.schema.kolumner;
  const falt = kolumner.map((k) => faltkolumn(k, t.tabell.column(k.namn)));
  const index = t.tabell.indices();
  const rader = new Radskrivare(falt);
  const l: Skrivlage = { buf: Buffer.allocUnsafe(BIT), pos: 0, klara: [], forraRad: -1 };
  l.pos = skrivBytes(l.buf, 0, Buffer.from(kolumner.map((k) => textfalt(k.namn)).join(",") + "\n", "utf8"));
  for (let i = 0; i < index.length; ) {
    i = rader.skrivRader(l, index, i);
    yield* l.klara;
    l.klara.length = 0;
  }
  if (l.pos > 0) yield l.buf.subarray(0, l.pos);
}

/** Writes a table's rows, a chunk at a time (`csvBitar`). */
class Radskrivare {
  private readonly n: number;
  /** The widest row when every column's width is known: then the room is checked once per row. */
  private readonly radbredd: number;
  private readonly sedda = new Map<unknown, Uint8Array>();
  /** Neighbouring rows often share a value (a region's population beside each ersättning). */
  private readonly forraTal: Float64Array;
  private readonly forraText: string[];
  /**
   * The leading dictionary columns (niva, kod, namn, period, ...): a table sorted by them repeats
   * them row after row, so a row whose first `q` of them have the previous row's codes copies
   * those fields' bytes from the previous row in one go. Per such column: the previous row's
   * code, and where in the previous row the field after it starts. The last column is never one
   * of them, so a copied field is always followed by a comma.
   */
  private readonly ledande: number;
  private readonly ledbredd: number;
  private readonly forraKod: Int32Array;
  private readonly forraSlut: Int32Array;

  constructor(private readonly falt: readonly Faltkolumn[]) {
    const n = (this.n = falt.length);
    this.radbredd = falt.some((f) => f.bredd < 0) ? -1 : falt.reduce((s, f) => s + f.bredd + 1, 0);
    this.forraTal = new Float64Array(n).fill(Number.NaN);
    this.forraText = new Array<string>(n).fill("");
    let ledande = 0;
    while (ledande < n - 1 && falt[ledande]!.slag === ORDBOK) ledande++;
    this.ledande = ledande;
    this.ledbredd = falt.slice(0, ledande).reduce((s, f) => s + f.bredd + 1, 0);
    this.forraKod = new Int32Array(ledande).fill(-1);
    this.forraSlut = new Int32Array(ledande);
  }

  /**
   * Writes the rows from `fran` on into `l.buf` until a chunk is full (it is then in `l.klara`)
   * or the table ends; returns the next row.
   */
  skrivRader(l: Skrivlage, index: Uint32Array, fran: number): number {
    const { falt, n, radbredd, ledande, ledbredd, forraKod, forraSlut, forraTal, forraText, sedda } = this;
    let buf = l.buf;
    let pos = l.pos;
    let i = fran;
    while (i < index.length && l.klara.length === 0) {
      const r = index[i++]!;
      // Room for the whole row, or (a column of unknown width) for its leading fields; then the
      // other fields make room one by one.
      const b0 = buf;
      buf = medPlats(l, buf, pos, radbredd >= 0 ? radbredd + 1 : ledbredd + 1);
      if (buf !== b0) pos = 0;
      const radStart = pos;
      const radensBuf = buf;
      // How many leading fields equal the previous row's (none when it is in an earlier chunk).
      let lika = 0;
      for (let j = 0; j < ledande; j++) {
        const f = falt[j]!;
        const nyckel = f.rader[r]!;
        const kod = f.nyckel === undefined ? nyckel : f.nyckel[nyckel]!;
        if (kod === forraKod[j] && lika === j && l.forraRad >= 0) lika++;
        forraKod[j] = kod;
      }
      if (lika > 0) {
        const m = forraSlut[lika - 1]!;
        const fr = l.forraRad;
        if (m < 32) for (let x = 0; x < m; x++) buf[pos + x] = buf[fr + x]!;
        else buf.copyWithin(pos, fr, fr + m);
        pos += m;
      }
      for (let j = lika; j < n; j++) {
        const f = falt[j]!;
        if (radbredd < 0 && j >= ledande) {
          const b = buf;
          buf = medPlats(l, buf, pos, f.bredd < 0 ? 1 : f.bredd + 1);
          if (buf !== b) pos = 0;
        }
        if (j > 0 && !(lika > 0 && j === lika)) buf[pos++] = 44;
        if (j < ledande) {
          pos = skrivBytes(buf, pos, f.bytes[forraKod[j]!]!);
          forraSlut[j] = pos - radStart + 1;
        } else if (f.slag === ORDBOK) {
          const nyckel = f.rader[r]!;
          pos = skrivBytes(buf, pos, f.bytes[f.nyckel === undefined ? nyckel : f.nyckel[nyckel]!]!);
        } else if (f.slag === TAL) {
          const v = f.tal[r]!;
          if (!Number.isNaN(v)) pos = skrivTal(buf, pos, v, j, forraTal, forraText);
        } else {
          const v = f.annan!.at(r);
          if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) continue;
          let b: Uint8Array | undefined;
          if (f.text) {
            b = sedda.get(v);
            if (b === undefined) {
              b = Buffer.from(textfalt(v as string), "utf8");
              if (sedda.size < 100_000) sedda.set(v, b);
            }
          }
          const b1 = buf;
          buf = medPlats(l, buf, pos, b ? b.length : TALBREDD);
          if (buf !== b1) pos = 0;
          pos = b ? skrivBytes(buf, pos, b) : skrivTal(buf, pos, v as number, j, forraTal, forraText);
        }
      }
      if (radbredd < 0) {
        const b = buf;
        buf = medPlats(l, buf, pos, 1);
        if (buf !== b) pos = 0;
      }
      buf[pos++] = 10;
      // The row is whole in this chunk unless a field of unknown width moved it to a new one.
      l.forraRad = buf === radensBuf ? radStart : -1;
    }
    l.buf = buf;
    l.pos = pos;
    return i;
  }
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
