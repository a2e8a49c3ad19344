// @ts-check
/**
 * Writing one output table's columns as a Parquet file (hyparquet-writer: Snappy, dictionary-
 * encoded text, PLAIN numbers, no statistics), one row group at a time.
 *
 * Plain JavaScript with JSDoc types, free of the rest of the pipeline, because it runs in two
 * places: in the pipeline itself (`publish/parquet.ts`, small tables and tests) and in a worker
 * thread (`publish/parquetarbetare.js`), which writes the Parquet files while the main thread
 * writes the CSV files, so that the two formats take one core each. Both give the same bytes.
 */

/** @typedef {"text" | "tal" | "heltal"} Kolumntyp */

/**
 * @typedef {object} Parquetkolumn
 * @property {string} namn
 * @property {Kolumntyp} typ
 * @property {boolean} [saknas]
 */

/**
 * A column's data, in the table's own row numbering:
 * - `tal`: a Float64Array, NaN a missing value (the cube's number columns);
 * - `ordbok`: a key per row, a code per key (none: the key is the code) and the values (the
 *   cube's dictionary columns);
 * - `varden`: the values themselves, already in the published order (small tables).
 * @typedef {{ slag: "tal", tal: Float64Array }
 *   | { slag: "ordbok", rader: Int32Array, nyckel: Int32Array | undefined, ordbok: readonly string[] }
 *   | { slag: "varden", varden: readonly unknown[] }} Kolumndata
 */

/**
 * @typedef {object} Parquetjobb
 * @property {string} fil the file to write
 * @property {string} namn the table's name (kept in the file's metadata as `finsam.schema`)
 * @property {readonly Parquetkolumn[]} kolumner
 * @property {readonly Kolumndata[]} data one per column
 * @property {number} antal the number of rows
 * @property {ArrayLike<number> | undefined} index the published order of the rows of `tal` and
 *   `ordbok` columns (undefined: 0, 1, 2, ...)
 */

/** @type {Readonly<Record<Kolumntyp, "STRING" | "DOUBLE" | "INT32">>} */
const PARQUETTYP = { text: "STRING", tal: "DOUBLE", heltal: "INT32" };

/** Rows per row group: hyparquet-writer's own default (1 000 rows, then 100 000 at a time). */
const radgrupp = (/** @type {number} */ g) => (g === 0 ? 1000 : 100_000);

/**
 * A number column's rows `fran` to `till` (in the published order) as a Float64Array, when none
 * of them is missing (NaN); undefined otherwise. hyparquet-writer takes a typed array as it is,
 * so a row group of a national table's numbers costs no array of a hundred thousand values.
 * @param {Float64Array} tal
 * @param {ArrayLike<number> | undefined} index
 * @param {number} fran
 * @param {number} till
 * @returns {Float64Array | undefined}
 */
function talUtanLuckor(tal, index, fran, till) {
  const ut = index ? new Float64Array(till - fran) : tal.subarray(fran, till);
  if (index) for (let i = fran; i < till; i++) ut[i - fran] = /** @type {number} */ (tal[/** @type {number} */ (index[i])]);
  for (let i = 0; i < ut.length; i++) if (Number.isNaN(ut[i])) return undefined;
  return ut;
}

/**
 * The values of the rows `fran` to `till` (in the published order) of one column: a number
 * column's Float64Array when no value is missing, else the values written into `ut` (one array
 * per column, used again for every row group: hyparquet-writer copies a row group's values
 * before `write` returns, so no array of a hundred thousand values is left behind per group).
 * @param {Kolumndata} d
 * @param {ArrayLike<number> | undefined} index
 * @param {number} fran
 * @param {number} till
 * @param {unknown[]} ut
 * @returns {unknown[] | Float64Array}
 */
function varden(d, index, fran, till, ut) {
  const n = till - fran;
  if (d.slag === "tal") {
    const tal = talUtanLuckor(d.tal, index, fran, till);
    if (tal) return tal;
  }
  ut.length = n;
  if (d.slag === "varden") {
    for (let i = 0; i < n; i++) {
      const v = d.varden[fran + i];
      ut[i] = v === undefined || (typeof v === "number" && Number.isNaN(v)) ? null : v;
    }
  } else if (d.slag === "tal") {
    for (let i = 0; i < n; i++) {
      const v = /** @type {number} */ (d.tal[index ? /** @type {number} */ (index[fran + i]) : fran + i]);
      ut[i] = Number.isNaN(v) ? null : v;
    }
  } else {
    const { rader, nyckel, ordbok } = d;
    for (let i = 0; i < n; i++) {
      const k = /** @type {number} */ (rader[index ? /** @type {number} */ (index[fran + i]) : fran + i]);
      ut[i] = ordbok[nyckel ? /** @type {number} */ (nyckel[k]) : k] ?? null;
    }
  }
  return ut;
}

/**
 * Writes the job's table: only one row group's values are held as JS arrays at a time (a national
 * table has over a million rows), and the file is the same as one call of `parquetWrite` with its
 * default row groups would give.
 * hyparquet-writer is imported at the first file (a `finsam run` process loads it only when it
 * writes Parquet in that thread), so the function is async; it writes synchronously once loaded.
 * @param {Parquetjobb} jobb
 * @returns {Promise<void>}
 */
export async function skrivParquetjobb(jobb) {
  const { fileWriter, ParquetWriter, schemaFromColumnData } = await import("hyparquet-writer");
  // `tal` columns (DOUBLE) are written PLAIN: hyparquet-writer otherwise tries a dictionary for
  // every number column, a Map over every value of every row group, about 0.9 s of the Parquet
  // thread's 2.3 s on the national BAS file, and that thread is the slower of the two writers.
  // The files grow 7 % (BAS), 6 % (helårsekvivalenter) and 35 % (the half-year table), from 14.9 to
  // 16.0 MB for the national BAS table (docs/prestanda.md). Text and `heltal` keep the dictionary.
  const typer = jobb.kolumner.map((k) => ({
    name: k.namn, type: PARQUETTYP[k.typ], nullable: k.saknas === true,
    ...(k.typ === "tal" ? { encoding: /** @type {const} */ ("PLAIN") } : {}),
  }));
  const schema = schemaFromColumnData({ columnData: typer.map((t) => ({ ...t, data: [] })) });
  const pq = new ParquetWriter({
    writer: fileWriter(jobb.fil),
    schema,
    createdBy: "finsam-analys",
    // Min/max statistics would double the time of a national table; the files are read whole.
    statistics: false,
    kvMetadata: [{ key: "finsam.schema", value: jobb.namn }],
  });
  /** @type {unknown[][]} */
  const arrayer = typer.map(() => []);
  for (let g = 0, fran = 0; fran < jobb.antal; g++) {
    const till = Math.min(jobb.antal, fran + radgrupp(g));
    const columnData = typer.map((t, j) => ({ ...t, data: /** @type {any} */ (varden(/** @type {Kolumndata} */ (jobb.data[j]), jobb.index, fran, till, /** @type {unknown[]} */ (arrayer[j]))) }));
    // fileWriter flushes synchronously: write() returns no promise.
    void pq.write({ columnData, rowGroupSize: till - fran });
    fran = till;
  }
  pq.finish();
}
