/**
 * One Parquet file per output table, for analysts in R (arrow), Python (pandas, polars) and
 * DuckDB: the same rows and columns as the CSV, typed by the schema (text as UTF-8 strings,
 * `tal` as DOUBLE, `heltal` as INT32; missing values null), numbers unrounded. Written with
 * hyparquet-writer (Snappy, dictionary-encoded text), one row group at a time, flushed to the file
 * about a megabyte at a time.
 */
import * as aq from "arquero";
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from "hyparquet";
import { fileWriter, ParquetWriter, schemaFromColumnData } from "hyparquet-writer";
import type { ColumnSource } from "hyparquet-writer";
import { tabellFranArquero, type Kolumntyp, type Schema, type Utdatatabell } from "./schema.ts";

const PARQUETTYP: Readonly<Record<Kolumntyp, "STRING" | "DOUBLE" | "INT32">> = { text: "STRING", tal: "DOUBLE", heltal: "INT32" };

/**
 * The table's columns for the rows `fran` to `till` of `index` (the table's order: a filtered or
 * ordered table is taken as it stands).
 */
function kolumndata(t: Utdatatabell, index: ArrayLike<number>, fran: number, till: number): ColumnSource[] {
  const n = till - fran;
  return t.schema.kolumner.map((k) => {
    const kolumn = t.tabell.column(k.namn)! as unknown as { at(i: number): unknown; ordbok?: readonly string[]; kod?: (i: number) => number } & ArrayLike<unknown>;
    const data = new Array<unknown>(n);
    if (kolumn instanceof Float64Array) {
      // The cube's number columns: NaN is a missing value, null in Parquet.
      for (let i = 0; i < n; i++) {
        const v = kolumn[index[fran + i]!]!;
        data[i] = Number.isNaN(v) ? null : v;
      }
    } else if (Array.isArray(kolumn.ordbok) && typeof kolumn.kod === "function") {
      // A dictionary column (the cube's Ordbokskolumn): the value by its code.
      const ordbok = kolumn.ordbok;
      for (let i = 0; i < n; i++) data[i] = ordbok[kolumn.kod(index[fran + i]!)] ?? null;
    } else {
      for (let i = 0; i < n; i++) {
        const v = kolumn.at(index[fran + i]!);
        // A missing number is NaN in the cube's Float64Array columns, null in Parquet.
        data[i] = v === undefined || (typeof v === "number" && Number.isNaN(v)) ? null : v;
      }
    }
    return { name: k.namn, data: data as ColumnSource["data"], type: PARQUETTYP[k.typ], nullable: k.saknas === true };
  });
}

/** Rows per row group: hyparquet-writer's own default (1 000 rows, then 100 000 at a time). */
const radgrupp = (g: number): number => (g === 0 ? 1000 : 100_000);

/**
 * Writes the table one row group at a time: only one group's values are held as JS arrays (a
 * national table has over a million rows), and the file is the same as one call of
 * `parquetWrite` with its default row groups would give.
 */
export function skrivParquet(t: Utdatatabell, fil: string): void {
  const index = t.tabell.indices();
  const schema = schemaFromColumnData({
    columnData: t.schema.kolumner.map((k) => ({ name: k.namn, data: [], type: PARQUETTYP[k.typ], nullable: k.saknas === true })),
  });
  const pq = new ParquetWriter({
    writer: fileWriter(fil),
    schema,
    createdBy: "finsam-analys",
    // Min/max statistics would double the time of a national table; the files are read whole.
    statistics: false,
    kvMetadata: [{ key: "finsam.schema", value: t.schema.namn }],
  });
  for (let g = 0, fran = 0; fran < index.length; g++) {
    const till = Math.min(index.length, fran + radgrupp(g));
    // fileWriter flushes synchronously: write() returns no promise.
    void pq.write({ columnData: kolumndata(t, index, fran, till), rowGroupSize: till - fran });
    fran = till;
  }
  pq.finish();
}

/**
 * Reads an output table back from its Parquet file, checked against its schema (the site's data
 * loaders read the pipeline's outputs this way; a test compares every file with its CSV).
 */
export async function lasParquet<S extends Schema>(schema: S, fil: string): Promise<Utdatatabell<S>> {
  const file = await asyncBufferFromFile(fil);
  const metadata = await parquetMetadataAsync(file);
  const n = Number(metadata.num_rows);
  const kolumner: Record<string, unknown[]> = {};
  for (const k of schema.kolumner) kolumner[k.namn] = new Array<unknown>(n).fill(null);
  await parquetRead({
    file, metadata, columns: schema.kolumner.map((k) => k.namn),
    onChunk: (chunk) => {
      const ut = kolumner[chunk.columnName];
      if (!ut) return;
      for (let i = chunk.rowStart; i < chunk.rowEnd; i++) ut[i] = chunk.columnData[i - chunk.rowStart] ?? null;
    },
  });
  return tabellFranArquero(schema, aq.table(kolumner));
}
