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

/**
 * The CSV file in chunks of about a megabyte: the header, then the rows in the table's order.
 * The bytes are written straight into the chunk, never a string per row (a national table has
 * a million rows). Text is encoded once per distinct value; the leading dictionary fields a row
 * shares with the previous row are copied from it in one go; whole numbers are written digit by
 * digit, other numbers with `String(v)` (`formatNumber`), the same text as before; a missing
 * value (null, or NaN in a number column) is an empty field.
 */
export function* csvBitar(t: Utdatatabell): Generator<Uint8Array> {
  const kolumner = t.schema.kolumner;
  const n = kolumner.length;
  const falt = kolumner.map((k) => faltkolumn(k, t.tabell.column(k.namn)));
  // The widest row when every column's width is known: then the room is checked once per row.
  const radbredd = falt.some((f) => f.bredd < 0) ? -1 : falt.reduce((s, f) => s + f.bredd + 1, 0);
  const index = t.tabell.indices();
  const sedda = new Map<unknown, Uint8Array>();
  // Neighbouring rows often share a value (a region's population beside each ersättning).
  const forraTal = new Float64Array(n).fill(Number.NaN);
  const forraText: string[] = new Array<string>(n).fill("");

  // The leading dictionary columns (niva, kod, namn, period, ...): a table sorted by them repeats
  // them row after row, so a row whose first `q` of them have the previous row's codes copies
  // those fields' bytes from the previous row in one go. Per such column: the previous row's
  // code, and where in the previous row the field after it starts.
  // The last column is never one of them, so a copied field is always followed by a comma.
  let ledande = 0;
  while (ledande < n - 1 && falt[ledande]!.slag === ORDBOK) ledande++;
  const ledbredd = falt.slice(0, ledande).reduce((s, f) => s + f.bredd + 1, 0);
  const forraKod = new Int32Array(ledande).fill(-1);
  const forraSlut = new Int32Array(ledande);
  // Where the previous row starts in `buf`; -1 when it is not there (first row, new chunk).
  let forraRad = -1;
  let bitnr = 0;

  let buf = Buffer.allocUnsafe(BIT);
  let pos = 0;
  const klara: Uint8Array[] = [];
  const plats = (m: number): void => {
    if (pos + m <= buf.length) return;
    klara.push(buf.subarray(0, pos));
    buf = Buffer.allocUnsafe(Math.max(BIT, m));
    pos = 0;
    bitnr++;
    forraRad = -1;
  };
  const skrivBytes = (b: Uint8Array): void => {
    const m = b.length;
    if (m < 24) for (let x = 0; x < m; x++) buf[pos++] = b[x]!;
    else {
      buf.set(b, pos);
      pos += m;
    }
  };
  const skrivTal = (j: number, v: number): void => {
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
      return;
    }
    let text: string;
    if (v === forraTal[j]) text = forraText[j]!;
    else {
      text = formatNumber(v);
      forraTal[j] = v;
      forraText[j] = text;
    }
    for (let x = 0; x < text.length; x++) buf[pos++] = text.charCodeAt(x);
  };

  skrivBytes(Buffer.from(kolumner.map((k) => textfalt(k.namn)).join(",") + "\n", "utf8"));
  for (let i = 0; i < index.length; i++) {
    const r = index[i]!;
    // Room for the whole row, or (a column of unknown width) for its leading fields; then the
    // other fields make room one by one.
    plats(radbredd >= 0 ? radbredd + 1 : ledbredd + 1);
    const radStart = pos;
    const radensBit = bitnr;
    // How many leading fields equal the previous row's (none when it is in an earlier chunk).
    let lika = 0;
    let kopierat = false;
    for (let j = 0; j < ledande; j++) {
      const f = falt[j]!;
      const nyckel = f.rader[r]!;
      const kod = f.nyckel === undefined ? nyckel : f.nyckel[nyckel]!;
      if (kod === forraKod[j] && lika === j && forraRad >= 0) lika++;
      forraKod[j] = kod;
    }
    if (lika > 0) {
      const m = forraSlut[lika - 1]!;
      if (m < 32) for (let x = 0; x < m; x++) buf[pos++] = buf[forraRad + x]!;
      else {
        buf.copyWithin(pos, forraRad, forraRad + m);
        pos += m;
      }
      kopierat = true;
    }
    for (let j = lika; j < n; j++) {
      const f = falt[j]!;
      if (radbredd < 0 && j >= ledande) plats(f.bredd < 0 ? 1 : f.bredd + 1);
      if (j > 0 && !(kopierat && j === lika)) buf[pos++] = 44;
      if (j < ledande) {
        skrivBytes(f.bytes[forraKod[j]!]!);
        forraSlut[j] = pos - radStart + 1;
      } else if (f.slag === ORDBOK) {
        const nyckel = f.rader[r]!;
        skrivBytes(f.bytes[f.nyckel === undefined ? nyckel : f.nyckel[nyckel]!]!);
      } else if (f.slag === TAL) {
        const v = f.tal[r]!;
        if (!Number.isNaN(v)) skrivTal(j, v);
      } else {
        const v = f.annan!.at(r);
        if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) continue;
        if (f.text) {
          let b = sedda.get(v);
          if (b === undefined) {
            b = Buffer.from(textfalt(v as string), "utf8");
            if (sedda.size < 100_000) sedda.set(v, b);
          }
          plats(b.length);
          skrivBytes(b);
        } else {
          plats(TALBREDD);
          skrivTal(j, v as number);
        }
      }
    }
    if (radbredd < 0) plats(1);
    buf[pos++] = 10;
    // The row is whole in this chunk unless a field of unknown width moved it to a new one.
    forraRad = bitnr === radensBit ? radStart : -1;
    if (klara.length > 0) {
      yield* klara;
      klara.length = 0;
    }
  }
  yield* klara;
  if (pos > 0) yield buf.subarray(0, pos);
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
