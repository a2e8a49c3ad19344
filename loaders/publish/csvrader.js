// @ts-check
/**
 * The rows of an output table as CSV bytes (`publish/csv.ts` describes the format): UTF-8,
 * comma, `.` decimal, LF, numbers in JavaScript's shortest exact form, an empty field for a
 * missing value, d3-dsv's quoting.
 *
 * Plain JavaScript with JSDoc types, free of the rest of the pipeline, because it runs in two
 * places: in the main thread (`publish/csv.ts`) and in the worker thread that writes files beside
 * it (`publish/skrivarbetare.js`), which takes part of a large table's rows. Both give the same
 * bytes, and a table written in parts is the same file as written whole.
 */

import { skrivKortaste } from "./kortastetal.js";

/** @typedef {import("./tabelldata.js").Tabelldata} Tabelldata */
/** @typedef {import("./tabelldata.js").Skrivkolumn} Skrivkolumn */

/**
 * A number as the CSV writes it: JavaScript's shortest exact form, -0 as 0; a non-finite number
 * is a bug upstream, never written.
 * @param {number} v
 * @returns {string}
 */
export function formatNumber(v) {
  if (!Number.isFinite(v)) throw new Error(`icke-ändligt tal i utdata: ${v}`);
  return Object.is(v, -0) ? "0" : String(v);
}

const BEHOVER_CITAT = /["\n\r,]/;

/**
 * A text field: quoted when it holds `"`, `,`, CR or LF, its quotes doubled (as d3-dsv).
 * @param {string} s
 * @returns {string}
 */
function textfalt(s) {
  return BEHOVER_CITAT.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The header row: the columns' names. */
function rubrikrad(/** @type {readonly Skrivkolumn[]} */ kolumner) {
  return Buffer.from(kolumner.map((k) => textfalt(k.namn)).join(",") + "\n", "utf8");
}

/** About this many bytes make one chunk. */
const BIT = 1 << 20;

/** A field of the widest number: sign, 17 digits, `.`, `e-324` and margin. */
const TALBREDD = 32;

/*
 * How a column is written. The writer is one loop over rows and columns that switches on the
 * column's kind (never a closure per field: a national table has ten million fields):
 * - ORDBOK: a dictionary column (text): a code per row, each dictionary value encoded once;
 * - TAL: a Float64Array (NaN for missing);
 * - ANNAN: the values in the published order (small tables).
 */
const ORDBOK = 0;
const TAL = 1;
const ANNAN = 2;

const TOM_I32 = new Int32Array(0);
const TOM_F64 = new Float64Array(0);
/** An empty array of objects: every column's `bytes` and `varden` start with the same kind of array. */
const tomLista = () => {
  /** @type {any[]} */
  const a = [TOM_I32];
  a.pop();
  return a;
};

/**
 * A column as the row writer reads it. A class, every field set in the constructor with the same
 * kind of value for every column (a key array even when the key is the code), so that the
 * writer's optimised code sees one shape of column: objects spread from a template with
 * `undefined` in a field that later holds an array changed shape under it, and each change threw
 * the writer's optimised code away (docs/prestanda.md, "Kompileringen").
 */
class Faltkolumn {
  /*
   * One object of each class the row writer reads (`Faltkolumn`, `Skrivlage`, `Radskrivare`) is
   * kept for as long as the module is loaded, as a property of its class. V8's type feedback
   * refers to an object's shape weakly, and a shape dies with the last object that has it: a
   * garbage collection between the warming (`forvarmning.js`) and the first table cleared the
   * feedback the warming gave, and the writer's optimised code was thrown away at its first
   * chunk and compiled again. (A module-level constant that no function reads would not do: V8
   * keeps it only while the module's own code runs.)
   */
  static forebild = new Faltkolumn(TAL, TOM_I32, TOM_I32, false, tomLista(), TOM_F64, tomLista(), 0, false, 0);

  /**
   * @param {0 | 1 | 2} slag
   * @param {Int32Array} rader ORDBOK: per row its key
   * @param {Int32Array} nyckel ORDBOK: per key its code (when `harNyckel`)
   * @param {boolean} harNyckel ORDBOK: false when the key is the code
   * @param {readonly Uint8Array[]} bytes ORDBOK: per code the field's bytes
   * @param {Float64Array} tal TAL: the values
   * @param {readonly unknown[]} varden ANNAN: the values of the rows written, in the published order
   * @param {number} forsta ANNAN: the published position of `varden[0]`
   * @param {boolean} text ANNAN: whether the column holds text
   * @param {number} bredd the most bytes one field can take (ANNAN: unknown, -1)
   */
  constructor(slag, rader, nyckel, harNyckel, bytes, tal, varden, forsta, text, bredd) {
    this.slag = slag;
    this.rader = rader;
    this.nyckel = nyckel;
    this.harNyckel = harNyckel;
    this.bytes = bytes;
    this.tal = tal;
    this.varden = varden;
    this.forsta = forsta;
    this.text = text;
    this.bredd = bredd;
  }
}

/**
 * @param {Skrivkolumn} k
 * @param {import("./tabelldata.js").Kolumndata} d
 * @param {number} fran the first row written (published order)
 * @param {number} till the row after the last
 * @returns {Faltkolumn}
 */
function faltkolumn(k, d, fran, till) {
  if (d.slag === "tal") return new Faltkolumn(TAL, TOM_I32, TOM_I32, false, tomLista(), d.tal, tomLista(), 0, false, TALBREDD);
  if (d.slag === "ordbok") {
    const { bytes, bredd } = ordbokensBytes(d.ordbok);
    return new Faltkolumn(ORDBOK, d.rader, d.nyckel ?? TOM_I32, d.nyckel !== undefined, bytes, TOM_F64, tomLista(), 0, false, bredd);
  }
  // The rows written only (a part of a large table copies its own rows, not the whole column).
  const varden = tomLista();
  for (let i = fran; i < till; i++) varden.push(d.varden[i]);
  return new Faltkolumn(ANNAN, TOM_I32, TOM_I32, false, tomLista(), TOM_F64, varden, fran, k.typ === "text", -1);
}

/**
 * Per dictionary (a table's column, the same array for every part of the table written in this
 * thread): each value's field bytes and the widest. Encoded once per dictionary, not once per
 * part (a national table is some fifty parts, its names column some four hundred values).
 * @type {WeakMap<readonly string[], { bytes: Uint8Array[], bredd: number }>}
 */
const kodadeOrdbocker = new WeakMap();

/** @param {readonly string[]} ordbok */
function ordbokensBytes(ordbok) {
  let k = kodadeOrdbocker.get(ordbok);
  if (k === undefined) {
    /** @type {Uint8Array[]} */
    const bytes = tomLista();
    for (const v of ordbok) bytes.push(Buffer.from(textfalt(v), "utf8"));
    k = { bytes, bredd: Math.max(0, ...bytes.map((b) => b.length)) };
    kodadeOrdbocker.set(ordbok, k);
  }
  return k;
}

/**
 * Writes the bytes `b` at `pos`; returns the position after them. Under a dozen bytes one by
 * one, else with `set` (a call costs about what 12 single byte stores cost).
 * @param {Buffer} buf
 * @param {number} pos
 * @param {Uint8Array} b
 */
function skrivBytes(buf, pos, b) {
  const m = b.length;
  if (m < 12) {
    for (let x = 0; x < m; x++) buf[pos + x] = /** @type {number} */ (b[x]);
  } else buf.set(b, pos);
  return pos + m;
}

/**
 * Writes the whole number `x` (0 <= x < 2^31) at `pos`, its digits from the last one backwards
 * into the places its length gives; returns the position after it. In int32, where dividing by
 * 10 is a multiplication, about twice as fast as in doubles.
 * @param {Buffer} buf
 * @param {number} pos
 * @param {number} x
 */
function skrivHeltal(buf, pos, x) {
  const n = x < 100000
    ? (x < 100 ? (x < 10 ? 1 : 2) : x < 1000 ? 3 : x < 10000 ? 4 : 5)
    : x < 10000000 ? (x < 1000000 ? 6 : 7) : x < 100000000 ? 8 : x < 1000000000 ? 9 : 10;
  let y = x;
  let p = pos + n;
  do {
    const q = (y / 10) | 0;
    buf[--p] = 48 + y - q * 10;
    y = q;
  } while (y > 0);
  return pos + n;
}

/** A plain value's number, for `skrivTal` (the small tables' values). */
const ETT_TAL = new Float64Array(1);

/**
 * Writes the number `v = tal[r]` at `pos` (never NaN): a whole number digit by digit
 * (`skrivHeltal` below 2^31), another by `skrivKortaste` (the same bytes as `String(v)`, without
 * a string), and the few it leaves with `formatNumber`, that text kept in `forraText[j]` for the
 * next row of column `j` with the same value. Returns the position after it. The number goes to
 * `skrivKortaste` as its column and row (see there).
 * @param {Buffer} buf
 * @param {number} pos
 * @param {Float64Array} tal
 * @param {number} r
 * @param {number} j
 * @param {Float64Array} forraTal
 * @param {string[]} forraText
 */
function skrivTal(buf, pos, tal, r, j, forraTal, forraText) {
  const v = /** @type {number} */ (tal[r]);
  if (Number.isInteger(v) && v < 1e15 && v > -1e15) {
    let x = v;
    if (x < 0) {
      buf[pos++] = 45;
      x = -x;
    }
    if (x < 2147483648) return skrivHeltal(buf, pos, x | 0);
    const start = pos;
    do {
      const q = Math.floor(x / 10);
      buf[pos++] = 48 + (x - q * 10);
      x = q;
    } while (x > 0);
    for (let a = start, b = pos - 1; a < b; a++, b--) {
      const c = /** @type {number} */ (buf[a]);
      buf[a] = /** @type {number} */ (buf[b]);
      buf[b] = c;
    }
    return pos;
  }
  const slut = skrivKortaste(buf, pos, tal, r);
  if (slut >= 0) return slut;
  /** @type {string} */
  let text;
  if (v === forraTal[j]) text = /** @type {string} */ (forraText[j]);
  else {
    text = formatNumber(v);
    forraTal[j] = v;
    forraText[j] = text;
  }
  for (let x = 0; x < text.length; x++) buf[pos++] = text.charCodeAt(x);
  return pos;
}

/**
 * The writer's state between chunks: the chunk being filled, the finished ones, where the
 * previous row starts in `buf` (-1 when it is not there: first row, new chunk).
 */
class Skrivlage {
  /** Keeps the shape (see `Faltkolumn.forebild`). */
  static forebild = new Skrivlage(Buffer.alloc(0));

  /** @param {Buffer} buf */
  constructor(buf) {
    this.buf = buf;
    this.pos = 0;
    /** @type {Uint8Array[]} */
    this.klara = tomLista();
    this.forraRad = -1;
  }
}

/**
 * `buf` when `m` more bytes fit, else a new chunk (the full one to `klara`).
 * @param {Skrivlage} l
 * @param {Buffer} buf
 * @param {number} pos
 * @param {number} m
 * @returns {Buffer}
 */
function medPlats(l, buf, pos, m) {
  if (pos + m <= buf.length) return buf;
  l.klara.push(buf.subarray(0, pos));
  l.forraRad = -1;
  return nyBit(m);
}

/**
 * Chunks given back by their reader once their bytes are written (`aterlamnaBit`): the next
 * chunks are made in them instead of in new memory. A national table is over a hundred chunks;
 * new ones each cost fresh pages from the system and, being memory outside V8's heap, a full
 * garbage collection every few dozen. Per thread (a worker has its own module).
 * @type {Buffer[]}
 */
const lediga = [];

/** A chunk with room for at least `m` bytes: a given-back one when there is one. */
function nyBit(/** @type {number} */ m) {
  if (m <= BIT) {
    const b = lediga.pop();
    if (b) return b;
  }
  return Buffer.allocUnsafe(Math.max(BIT, m));
}

/**
 * A chunk of this module's size to fill with other bytes (a part file read back), from the
 * given-back ones when there is one; give it back with `aterlamnaBit` once written.
 * @returns {Buffer}
 */
export function lanaBit() {
  return nyBit(BIT);
}

/**
 * Gives a chunk from `csvBitar` (or `lanaBit`) back when its bytes have been written and it is no longer read:
 * a later chunk may be made in its memory. Only for a chunk of this module's own size; a chunk
 * never given back is never reused.
 * @param {Uint8Array} bit
 */
export function aterlamnaBit(bit) {
  const minne = bit.buffer;
  if (bit.byteOffset !== 0 || minne.byteLength !== BIT || lediga.length >= 4) return;
  if (lediga.some((b) => b.buffer === minne)) return;
  lediga.push(Buffer.from(minne, 0, BIT));
}

/**
 * The table's rows `fran` to `till` (in the published order) as CSV, in chunks of about a
 * megabyte, after the header row when `rubrik`. The bytes are written straight into the chunk,
 * never a string per row (a national table has a million rows). Text is encoded once per
 * distinct value; the leading dictionary fields a row shares with the previous row are copied
 * from it in one go; whole numbers are written digit by digit, other numbers as `String(v)`
 * would (`skrivTal`); a missing value (null, or NaN) is an empty field. The rows are written by
 * `Radskrivare.skrivRader`, a plain function whose chunk and position are local variables (a
 * generator or closures would keep them in memory, read and written at every byte).
 * @param {Tabelldata} t
 * @param {number} [fran]
 * @param {number} [till]
 * @param {boolean} [rubrik]
 * @returns {Generator<Uint8Array>}
 */
export function* csvBitar(t, fran = 0, till = t.antal, rubrik = true) {
  yield* bitar(t, fran, till, rubrik, nyBit(BIT));
}

/**
 * `csvBitar` with the first chunk given: `forvarmning.js` gives a small one, so that a small
 * table also takes the path to the next chunk.
 * @param {Tabelldata} t
 * @param {number} fran
 * @param {number} till
 * @param {boolean} rubrik
 * @param {Buffer} forsta
 * @returns {Generator<Uint8Array>}
 */
export function* bitar(t, fran, till, rubrik, forsta) {
  const falt = t.kolumner.map((k, j) => faltkolumn(k, /** @type {import("./tabelldata.js").Kolumndata} */ (t.data[j]), fran, till));
  const rader = new Radskrivare(falt);
  const l = new Skrivlage(forsta);
  if (rubrik) l.pos = skrivBytes(l.buf, 0, rubrikrad(t.kolumner));
  for (let i = fran; i < till; ) {
    i = rader.skrivRader(l, t.index, i, till);
    yield* l.klara;
    l.klara.length = 0;
  }
  if (l.pos > 0) yield l.buf.subarray(0, l.pos);
}

/** Writes a table's rows, a chunk at a time (`csvBitar`). */
class Radskrivare {
  /** Keeps the shape (see `Faltkolumn.forebild`). */
  static forebild = new Radskrivare([]);

  /** @param {readonly Faltkolumn[]} falt */
  constructor(falt) {
    this.falt = falt;
    const n = (this.n = falt.length);
    /** The widest row when every column's width is known: then the room is checked once per row. */
    this.radbredd = falt.some((f) => f.bredd < 0) ? -1 : falt.reduce((s, f) => s + f.bredd + 1, 0);
    /** @type {Map<unknown, Uint8Array>} */
    this.sedda = new Map();
    /** Neighbouring rows often share a value (a region's population beside each ersättning). */
    this.forraTal = new Float64Array(n).fill(Number.NaN);
    /** @type {string[]} */
    this.forraText = new Array(n).fill("");
    // The leading dictionary columns (niva, kod, namn, period, ...): a table sorted by them
    // repeats them row after row, so a row whose first `q` of them have the previous row's codes
    // copies those fields' bytes from the previous row in one go. Per such column: the previous
    // row's code, and where in the previous row the field after it starts. The last column is
    // never one of them, so a copied field is always followed by a comma.
    let ledande = 0;
    while (ledande < n - 1 && /** @type {Faltkolumn} */ (falt[ledande]).slag === ORDBOK) ledande++;
    this.ledande = ledande;
    this.ledbredd = falt.slice(0, ledande).reduce((s, f) => s + f.bredd + 1, 0);
    this.forraKod = new Int32Array(ledande).fill(-1);
    this.forraSlut = new Int32Array(ledande);
  }

  /**
   * Writes the rows from `fran` on into `l.buf` until a chunk is full (it is then in `l.klara`)
   * or row `till` is reached; returns the next row.
   * @param {Skrivlage} l
   * @param {ArrayLike<number> | undefined} index
   * @param {number} fran
   * @param {number} till
   * @returns {number}
   */
  skrivRader(l, index, fran, till) {
    const { falt, n, radbredd, ledande, ledbredd, forraKod, forraSlut, forraTal, forraText, sedda } = this;
    let buf = l.buf;
    let pos = l.pos;
    let i = fran;
    while (i < till && l.klara.length === 0) {
      const plats = i++;
      const r = index ? /** @type {number} */ (index[plats]) : plats;
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
        const f = /** @type {Faltkolumn} */ (falt[j]);
        const nyckel = /** @type {number} */ (f.rader[r]);
        const kod = f.harNyckel ? /** @type {number} */ (f.nyckel[nyckel]) : nyckel;
        if (kod === forraKod[j] && lika === j && l.forraRad >= 0) lika++;
        forraKod[j] = kod;
      }
      if (lika > 0) {
        const m = /** @type {number} */ (forraSlut[lika - 1]);
        const fr = l.forraRad;
        // One by one when short, else `copyWithin` (a call costs about what 13 byte copies cost).
        if (m < 14) for (let x = 0; x < m; x++) buf[pos + x] = /** @type {number} */ (buf[fr + x]);
        else buf.copyWithin(pos, fr, fr + m);
        pos += m;
      }
      for (let j = lika; j < n; j++) {
        const f = /** @type {Faltkolumn} */ (falt[j]);
        if (radbredd < 0 && j >= ledande) {
          const b = buf;
          buf = medPlats(l, buf, pos, f.bredd < 0 ? 1 : f.bredd + 1);
          if (buf !== b) pos = 0;
        }
        if (j > 0 && !(lika > 0 && j === lika)) buf[pos++] = 44;
        if (j < ledande) {
          pos = skrivBytes(buf, pos, /** @type {Uint8Array} */ (f.bytes[/** @type {number} */ (forraKod[j])]));
          forraSlut[j] = pos - radStart + 1;
        } else if (f.slag === ORDBOK) {
          const nyckel = /** @type {number} */ (f.rader[r]);
          pos = skrivBytes(buf, pos, /** @type {Uint8Array} */ (f.bytes[f.harNyckel ? /** @type {number} */ (f.nyckel[nyckel]) : nyckel]));
        } else if (f.slag === TAL) {
          const v = /** @type {number} */ (f.tal[r]);
          if (!Number.isNaN(v)) pos = skrivTal(buf, pos, f.tal, r, j, forraTal, forraText);
        } else {
          const v = f.varden[plats - f.forsta];
          if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) continue;
          /** @type {Uint8Array | undefined} */
          let b;
          if (f.text) {
            b = sedda.get(v);
            if (b === undefined) {
              b = Buffer.from(textfalt(/** @type {string} */ (v)), "utf8");
              if (sedda.size < 100_000) sedda.set(v, b);
            }
          }
          const b1 = buf;
          buf = medPlats(l, buf, pos, b ? b.length : TALBREDD);
          if (buf !== b1) pos = 0;
          if (b) pos = skrivBytes(buf, pos, b);
          else {
            ETT_TAL[0] = /** @type {number} */ (v);
            pos = skrivTal(buf, pos, ETT_TAL, 0, j, forraTal, forraText);
          }
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
