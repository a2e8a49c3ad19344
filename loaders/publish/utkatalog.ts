/**
 * Writes the output tables (CSV and Parquet, one of each per table) and text files so that a
 * failure changes nothing: everything is written to a temporary sibling folder first, then
 * moved into place (a rename on the same file system). Tables are written in chunks, never as
 * one string; the Parquet files in a worker thread beside the CSV files (`Parquettrad`), and
 * those it has not begun when the CSV files are written in this thread as well.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync, readdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { once } from "node:events";
import { skrivCsv } from "./csv.ts";
import { Parquettrad } from "./parquet.ts";
import type { Utdatatabell } from "./schema.ts";

export interface Utdata {
  readonly tabeller: ReadonlyMap<string, Utdatatabell> | Iterable<Utdatatabell>;
  readonly texter?: ReadonlyMap<string, string>;
}

/** The files a table becomes. */
export function utdatafiler(t: Utdatatabell): string[] {
  return [`${t.schema.namn}.csv`, `${t.schema.namn}.parquet`];
}

/** Writes one table as CSV, chunk by chunk, respecting the stream's back-pressure. */
export async function skrivCsvFil(t: Utdatatabell, fil: string): Promise<void> {
  const ut = createWriteStream(fil, { encoding: "utf8" });
  const klar = new Promise<void>((ok, fel) => {
    ut.on("finish", ok);
    ut.on("error", fel);
  });
  try {
    await skrivCsv(t, async (bit) => {
      if (!ut.write(bit)) await once(ut, "drain");
    });
  } finally {
    ut.end();
  }
  await klar;
}

export async function writeOutputs(outdir: string, utdata: Utdata): Promise<string[]> {
  const target = resolve(outdir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new OutputError(`${outdir} finns redan och är ingen katalog`);
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(target)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  const skrivna: string[] = [];
  // Parquet in a worker thread, CSV here: on two cores each format takes one.
  const parquet = new Parquettrad();
  try {
    const tabeller = utdata.tabeller instanceof Map ? [...utdata.tabeller.values()] : [...(utdata.tabeller as Iterable<Utdatatabell>)];
    // Every Parquet file is queued at once, the largest table first: the worker takes them from
    // the front without waiting for the CSV files, and what this thread takes at the end, from
    // the back, is the smallest.
    const storst = [...tabeller].sort((a, b) => b.tabell.numRows() - a.tabell.numRows());
    const parquetKlara = storst.map((t) => {
      const klar = parquet.skriv(t, join(tmp, utdatafiler(t)[1]!));
      // Settled here so that a failure is not "unhandled" while the CSV files are written.
      klar.catch(() => {});
      return klar;
    });
    for (const t of tabeller) {
      const [csvfil, parquetfil] = utdatafiler(t) as [string, string];
      await skrivCsvFil(t, join(tmp, csvfil));
      skrivna.push(csvfil, parquetfil);
    }
    // The CSV files are written: this thread writes the Parquet files the worker has not begun.
    await parquet.skrivKvarvarande();
    await Promise.all(parquetKlara);
    for (const [name, content] of utdata.texter ?? []) {
      writeFileSync(join(tmp, name), content, "utf8");
      skrivna.push(name);
    }
    if (!existsSync(target)) {
      renameSync(tmp, target);
    } else {
      for (const name of readdirSync(tmp)) renameSync(join(tmp, name), join(target, name));
    }
  } finally {
    await parquet.stang();
    rmSync(tmp, { recursive: true, force: true });
  }
  return skrivna;
}

export class OutputError extends Error {
  override name = "OutputError";
}
