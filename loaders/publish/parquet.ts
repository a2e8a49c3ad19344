/**
 * One Parquet file per output table, for analysts in R (arrow), Python (pandas, polars) and
 * DuckDB: the same rows and columns as the CSV, typed by the schema (text as UTF-8 strings,
 * `tal` as DOUBLE, `heltal` as INT32; missing values null), numbers unrounded. Written with
 * hyparquet-writer (Snappy, dictionary-encoded text), one row group at a time, flushed to the file
 * about a megabyte at a time.
 */
import * as aq from "arquero";
import { Worker } from "node:worker_threads";
import { skrivParquetjobb, type Kolumndata, type Parquetjobb } from "./parquetfil.js";
import { tabellFranArquero, type Schema, type Utdatatabell } from "./schema.ts";

/**
 * The table as a Parquet job (`parquetfil.js`): the cube's columns as they are (a Float64Array, a
 * dictionary column's keys and values), other columns' values in the published order. Typed
 * arrays on a SharedArrayBuffer (the cube's long tables) reach a worker without a copy.
 */
export function parquetjobb(t: Utdatatabell, fil: string): Parquetjobb {
  const tabell = t.tabell;
  const identitet = !tabell.isFiltered() && !tabell.isOrdered();
  let index: Uint32Array | undefined;
  const ordning = (): Uint32Array => (index ??= tabell.indices());
  const data = t.schema.kolumner.map((k): Kolumndata => {
    const kolumn = tabell.column(k.namn)! as unknown as { at(i: number): unknown; ordbok?: readonly string[]; rader?: Int32Array; nyckel?: Int32Array } & ArrayLike<unknown>;
    if (kolumn instanceof Float64Array) return { slag: "tal", tal: kolumn };
    if (Array.isArray(kolumn.ordbok) && kolumn.rader instanceof Int32Array) return { slag: "ordbok", rader: kolumn.rader, nyckel: kolumn.nyckel, ordbok: kolumn.ordbok };
    const ix = ordning();
    const varden = new Array<unknown>(ix.length);
    for (let i = 0; i < ix.length; i++) varden[i] = kolumn.at(ix[i]!);
    return { slag: "varden", varden };
  });
  return { fil, namn: t.schema.namn, kolumner: t.schema.kolumner, data, antal: tabell.numRows(), index: identitet ? undefined : ordning() };
}

/** Writes the table as Parquet, in this thread (small tables, tests). */
export async function skrivParquet(t: Utdatatabell, fil: string): Promise<void> {
  await skrivParquetjobb(parquetjobb(t, fil));
}

/**
 * A worker thread that writes Parquet files while this thread writes the CSV files (on two cores
 * the formats then take one core each). `skriv` queues a table and resolves when its file is
 * written; the worker takes the queue's tables one at a time, first in first out. When this
 * thread has written its CSV files it helps: `skrivKvarvarande` writes the tables the worker has
 * not yet taken, from the back of the queue, here (the same function, so the same bytes), and
 * resolves when every file is written. `stang` ends the thread. An error in the worker rejects
 * that file's promise and every later one.
 */
export class Parquettrad {
  // A small young generation: the worker's garbage is one row group's arrays at a time, so
  // collecting it often costs little, and a national run then peaks about 80 MB lower
  // (measured with docs/prestanda.md's file: 365-373 MiB instead of 438-469 MiB, same time).
  private readonly worker = new Worker(new URL("./parquetarbetare.js", import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 6 } });
  private readonly ko: { jobb: Parquetjobb; ok: () => void; fel: (e: Error) => void }[] = [];
  private pagaende: { fil: string; ok: () => void; fel: (e: Error) => void } | undefined;
  private tom: (() => void) | undefined;
  private stoppad: Error | undefined;

  constructor() {
    this.worker.on("message", (m: { fil: string; fel?: string }) => {
      const v = this.pagaende;
      this.pagaende = undefined;
      if (m.fel === undefined) v?.ok();
      else v?.fel(new Error(`Parquet ${m.fil}: ${m.fel}`));
      this.nasta();
    });
    const avbryt = (e: Error): void => {
      this.stoppad = e;
      this.pagaende?.fel(e);
      this.pagaende = undefined;
      for (const v of this.ko.splice(0)) v.fel(e);
      this.nasta();
    };
    this.worker.on("error", avbryt);
    this.worker.on("exit", (kod) => avbryt(new Error(`Parquet-tråden avslutades (exit ${kod})`)));
  }

  /** Gives the worker the queue's first table when it is free; tells `skrivKvarvarande` when all is done. */
  private nasta(): void {
    if (this.pagaende === undefined && this.stoppad === undefined) {
      const forsta = this.ko.shift();
      if (forsta) {
        this.pagaende = { fil: forsta.jobb.fil, ok: forsta.ok, fel: forsta.fel };
        this.worker.postMessage(forsta.jobb);
      }
    }
    if (this.pagaende === undefined && this.ko.length === 0) this.tom?.();
  }

  skriv(t: Utdatatabell, fil: string): Promise<void> {
    if (this.stoppad) return Promise.reject(this.stoppad);
    const jobb = parquetjobb(t, fil);
    return new Promise<void>((ok, fel) => {
      this.ko.push({ jobb, ok, fel });
      this.nasta();
    });
  }

  /**
   * Writes the queued tables the worker has not taken in this thread, last first, one at a time
   * (between them the worker may take the next from the front); resolves, with how many tables
   * this thread wrote, when the worker's table is written too.
   */
  async skrivKvarvarande(): Promise<number> {
    let har = 0;
    for (;;) {
      // Let the worker's answer arrive, so that it takes the next table if it is free.
      await new Promise<void>((klar) => setImmediate(klar));
      const sista = this.stoppad === undefined ? this.ko.pop() : undefined;
      if (!sista) break;
      try {
        await skrivParquetjobb(sista.jobb);
        har++;
        sista.ok();
      } catch (e) {
        sista.fel(e instanceof Error ? e : new Error(String(e)));
      }
    }
    if (this.pagaende !== undefined || this.ko.length > 0) await new Promise<void>((klar) => (this.tom = klar));
    this.tom = undefined;
    return har;
  }

  async stang(): Promise<void> {
    this.stoppad ??= new Error("Parquet-tråden är stängd");
    await this.worker.terminate();
  }
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
