/**
 * One Parquet file per output table, for analysts in R (arrow), Python (pandas, polars) and
 * DuckDB: the same rows and columns as the CSV, typed by the schema (text as UTF-8 strings,
 * `tal` as DOUBLE, `heltal` as INT32; missing values null), numbers unrounded. Written with
 * hyparquet-writer (Snappy, dictionary-encoded text), in row groups, flushed to the file about
 * a megabyte at a time.
 */
import * as aq from "arquero";
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from "hyparquet";
import { fileWriter, parquetWrite } from "hyparquet-writer";
import type { ColumnSource } from "hyparquet-writer";
import { tabellFranArquero, type Kolumntyp, type Schema, type Utdatatabell } from "./schema.ts";

const PARQUETTYP: Readonly<Record<Kolumntyp, "STRING" | "DOUBLE" | "INT32">> = { text: "STRING", tal: "DOUBLE", heltal: "INT32" };

/** The table's columns, rows in the table's order (a filtered or ordered table is taken as it stands). */
function kolumndata(t: Utdatatabell): ColumnSource[] {
  const index = t.tabell.indices();
  return t.schema.kolumner.map((k) => {
    const kolumn = t.tabell.column(k.namn)! as unknown as { at(i: number): unknown; ordbok?: readonly string[]; kod?: (i: number) => number } & ArrayLike<unknown>;
    const data = new Array<unknown>(index.length);
    if (kolumn instanceof Float64Array) {
      // The cube's number columns: NaN is a missing value, null in Parquet.
      for (let i = 0; i < index.length; i++) {
        const v = kolumn[index[i]!]!;
        data[i] = Number.isNaN(v) ? null : v;
      }
    } else if (Array.isArray(kolumn.ordbok) && typeof kolumn.kod === "function") {
      // A dictionary column (the cube's Ordbokskolumn): the value by its code.
      const ordbok = kolumn.ordbok;
      for (let i = 0; i < index.length; i++) data[i] = ordbok[kolumn.kod(index[i]!)] ?? null;
    } else {
      for (let i = 0; i < index.length; i++) {
        const v = kolumn.at(index[i]!);
        // A missing number is NaN in the cube's Float64Array columns, null in Parquet.
        data[i] = v === undefined || (typeof v === "number" && Number.isNaN(v)) ? null : v;
      }
    }
    return { name: k.namn, data: data as ColumnSource["data"], type: PARQUETTYP[k.typ], nullable: k.saknas === true };
  });
}

export function skrivParquet(t: Utdatatabell, fil: string): void {
  const writer = fileWriter(fil);
  parquetWrite({
    writer,
    columnData: kolumndata(t),
    createdBy: "finsam-analys",
    // Min/max statistics would double the time of a national table; the files are read whole.
    statistics: false,
    kvMetadata: [{ key: "finsam.schema", value: t.schema.namn }],
  });
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
