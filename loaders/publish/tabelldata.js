// @ts-check
/**
 * An output table's columns as the file writers take them (`csvrader.js`, `parquetfil.js`):
 * plain data that can be posted to the worker thread that writes files beside the main thread
 * (`skrivtrad.js`). Typed arrays on a SharedArrayBuffer (the cube's long tables and their order)
 * reach the worker without a copy. Built from an output table by `tabelldata` in
 * `publish/skrivtrad.ts`.
 */

/** @typedef {"text" | "tal" | "heltal"} Kolumntyp */

/**
 * @typedef {object} Skrivkolumn
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
 * @typedef {object} Tabelldata
 * @property {string} namn the table's name (the files' names; kept in Parquet's metadata as `finsam.schema`)
 * @property {readonly Skrivkolumn[]} kolumner
 * @property {readonly Kolumndata[]} data one per column
 * @property {number} antal the number of rows
 * @property {ArrayLike<number> | undefined} index the published order of the rows of `tal` and
 *   `ordbok` columns (undefined: 0, 1, 2, ...)
 */

export {};
