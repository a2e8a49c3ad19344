/**
 * One Parquet file per output table, for analysts in R (arrow), Python (pandas, polars) and
 * DuckDB: the same rows and columns as the CSV, typed by the schema (text as UTF-8 strings,
 * `tal` as DOUBLE, `heltal` as INT32; missing values null), numbers unrounded. Written with
 * hyparquet-writer (Snappy, dictionary-encoded text), one row group at a time (`parquetfil.js`;
 * `finsam run` writes them in the writer thread, `skrivtrad.ts`).
 */
import * as aq from "arquero";
import { skrivParquetjobb } from "./parquetfil.js";
import { tabelldata, tabellFranArquero, type Schema, type Utdatatabell } from "./schema.ts";

/** Writes the table as Parquet, in this thread (small tables, tests). */
export async function skrivParquet(t: Utdatatabell, fil: string): Promise<void> {
  await skrivParquetjobb({ ...tabelldata(t), fil });
}

/**
 * Reads an output table back from its Parquet file, checked against its schema (the site's data
 * loaders read the pipeline's outputs this way; a test compares every file with its CSV).
 */
export async function lasParquet<S extends Schema>(schema: S, fil: string): Promise<Utdatatabell<S>> {
  // Imported here: `finsam run` never reads Parquet, and every module loaded costs time at start.
  const { asyncBufferFromFile, parquetMetadataAsync, parquetRead } = await import("hyparquet");
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
