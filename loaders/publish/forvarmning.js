// @ts-check
/**
 * Warming the writers' type feedback before V8 optimises them. V8 optimises a hot function for
 * the paths it has taken so far; a path first taken later (a negative number, a whole number of
 * ten digits, the next chunk, a row group of another size) throws the optimised code away, and
 * it is compiled again. On the national helårsekvivalenter file the CSV row writer was compiled
 * 15 times and the shortest-number writer 10 times, some 0.2 s of compiling in all, most of it
 * while both cores were writing (docs/prestanda.md, "Kompileringen").
 *
 * So each thread that writes runs the writers once over a small made-up table that takes every
 * path (a few hundred rows, in memory, nothing written to disk): the main thread before the
 * pipeline, the writer thread (`skrivarbetare.js`) while the pipeline computes. The table has the
 * shapes of the cube's long tables (typed arrays on SharedArrayBuffers, dictionary and number
 * columns), so the later optimised code fits them too. Only those: the small tables of plain
 * values (`varden`) are written after them (`utkatalog.ts`), so the CSV row writer is optimised
 * for the cube's tables alone, a smaller compile (17-19 ms instead of 28-42 ms per compile in the
 * writer thread, measured with `--trace-opt`), and the small tables at the end run unoptimised.
 */

import { aterlamnaBit, bitar } from "./csvrader.js";
import { parquetIMinnet } from "./parquetfil.js";

/** @typedef {import("./tabelldata.js").Tabelldata} Tabelldata */

const delI32 = (/** @type {number} */ n) => new Int32Array(new SharedArrayBuffer(4 * n));
const delF64 = (/** @type {number} */ n) => new Float64Array(new SharedArrayBuffer(8 * n));

/**
 * Numbers of every kind the writers meet: whole numbers of every length (and past 2^31 and
 * 1e15), negative ones and -0, shares and means (16-17 digits), small ones written as 0.000…,
 * ones left to `String(v)` (outside [1e-6, 1e15), twice in a row), missing ones (NaN), and ones
 * that take the shortest-number writer's rare steps.
 */
const TAL = [
  0, -0, 7, 42, 512, 1234, 54321, 654321, 7654321, 87654321, 987654321, 2147483647, 2147483648, 98765432101234,
  -5, -1234567, 0.02819772760367855, 629.3333333333334, 22318.583333333332, -1.5, -0.0625, 0.000001234, 0.00012,
  5e-7, 5e-7, 1.5e15, 1e21, Number.NaN, 12.5, 3.141592653589793,
  // Rare steps of `skrivKortaste`: the scaled number's lower half borrowing from the upper
  // (13.264), and the chosen decimal carrying into it (0.00975390625).
  13.264, 0.00975390625,
];

/**
 * A table like the cube's long tables: leading dictionary columns (level and code through a key
 * array, name and period without), rows sharing more or fewer of them (short and long), then
 * number columns.
 * @param {number} n
 * @returns {Tabelldata}
 */
export function forvarmningstabell(n) {
  const serie = delI32(n);
  const period = delI32(n);
  const a = delF64(n);
  const b = delF64(n);
  const c = delF64(n);
  for (let i = 0; i < n; i++) {
    serie[i] = Math.floor(i / 3) % 12;
    period[i] = Math.floor(i / 36) % 5;
    a[i] = /** @type {number} */ (TAL[i % TAL.length]);
    b[i] = /** @type {number} */ (TAL[(i * 7 + 3) % TAL.length]);
    c[i] = i % 11 === 0 ? Number.NaN : /** @type {number} */ (a[i]) / 3;
  }
  const nivaKod = Int32Array.from({ length: 12 }, (_, s) => (s < 8 ? 0 : s < 11 ? 1 : 3));
  const kodKod = Int32Array.from({ length: 12 }, (_, s) => s);
  return {
    namn: "forvarmning",
    kolumner: [
      { namn: "niva", typ: "text" }, { namn: "kod", typ: "text" }, { namn: "namn", typ: "text" }, { namn: "period", typ: "text" },
      { namn: "varde", typ: "tal", saknas: true }, { namn: "folkmangd", typ: "tal", saknas: true }, { namn: "andel", typ: "tal", saknas: true },
    ],
    data: [
      { slag: "ordbok", rader: serie, nyckel: nivaKod, ordbok: ["kommun", "forbund", "lan", "riket"] },
      { slag: "ordbok", rader: serie, nyckel: kodKod, ordbok: Array.from({ length: 12 }, (_, s) => String(2080 + s)) },
      { slag: "ordbok", rader: serie, nyckel: undefined, ordbok: Array.from({ length: 12 }, (_, s) => (s % 2 ? `Kommun ${s}` : `Samordningsförbundet i en mycket lång kommun nummer ${s}, "citat"`)) },
      { slag: "ordbok", rader: period, nyckel: undefined, ordbok: ["2024-01", "2024-02", "2024", "2024-H1", "2023"] },
      { slag: "tal", tal: a }, { slag: "tal", tal: b }, { slag: "tal", tal: c },
    ],
    antal: n,
    index: undefined,
  };
}

/**
 * A table as the writer thread receives one: through the structured clone of `postMessage`,
 * whose arrays have shapes of their own (optimised code that has seen only the original shapes
 * is thrown away at the first real table).
 * @param {Tabelldata} t
 * @param {boolean} somMeddelande
 * @returns {Tabelldata}
 */
const mottagen = (t, somMeddelande) => (somMeddelande ? structuredClone(t) : t);

/**
 * The CSV writer over the cube-like table, from a small first chunk (so that the next chunk is
 * taken too); every chunk it gives is given back. `somMeddelande`: the table as the writer thread
 * receives it.
 */
export function forvarmCsv(somMeddelande = false) {
  const t = mottagen(forvarmningstabell(120), somMeddelande);
  for (const b of bitar(t, 0, t.antal, true, Buffer.allocUnsafe(2048))) aterlamnaBit(b);
  // A part of the table without its header, as the writer thread writes its parts.
  for (const b of bitar(t, 10, t.antal, false, Buffer.allocUnsafe(2048))) aterlamnaBit(b);
}

/**
 * The Parquet writer over the cube-like table in two row groups (1 000 rows, then the rest), in
 * memory; returns the file's bytes (for the test). `somMeddelande`: the table as the writer
 * thread receives it.
 * @returns {Promise<Uint8Array>}
 */
export function forvarmParquet(somMeddelande = false) {
  return parquetIMinnet(mottagen(forvarmningstabell(1100), somMeddelande));
}
