/**
 * Writes the output tables (CSV and Parquet, one of each per table) and text files so that a
 * failure changes nothing: everything is written to a temporary sibling folder first, then
 * moved into place (a rename on the same file system). Tables are written in chunks, never as
 * one string. A worker thread writes beside this one (`Skrivtrad`): the Parquet files, and when
 * those are done the last parts of the large CSV files; this thread writes the CSV files and,
 * at the end, the Parquet files the worker has not begun.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { aterlamnaBit, csvBitar } from "./csvrader.js";
import { tabelldata, type Utdatatabell } from "./schema.ts";
import { Skrivtrad, type CsvDel } from "./skrivtrad.ts";
import type { Tabelldata } from "./tabelldata.js";

export interface Utdata {
  readonly tabeller: ReadonlyMap<string, Utdatatabell> | Iterable<Utdatatabell>;
  readonly texter?: ReadonlyMap<string, string>;
}

/** The files a table becomes. */
export function utdatafiler(t: Utdatatabell): string[] {
  return [`${t.schema.namn}.csv`, `${t.schema.namn}.parquet`];
}

/**
 * Writes a table as CSV with the worker's help (`Skrivtrad.delaCsv`) and resolves when the file
 * is whole (`borjaDeladCsv`, then its `fogat`). Returns the parts (who wrote each).
 */
export async function skrivDeladCsv(trad: Skrivtrad, data: Tabelldata, fil: string, delRader?: number): Promise<CsvDel[]> {
  const { delar, fogat } = await borjaDeladCsv(trad, data, fil, delRader);
  await fogat;
  return delar;
}

/**
 * Writes a table as CSV with the worker's help (`Skrivtrad.delaCsv`). This thread takes the
 * parts from the front and writes them, in order, a chunk at a time with a synchronous write
 * (each chunk given back once written, `aterlamnaBit`), and lets the event loop run between
 * chunks, so that the worker's answers arrive and it is given its next job. (Through a file
 * stream, each write went to libuv's thread pool: a third thread for the two cores, which made
 * a national run 1-3 % slower.) The worker takes the parts from the back, so
 * its parts are the file's end. Once this thread's parts are written it knows where the
 * worker's begin: it hands them to the worker to put there (`Skrivtrad.foga`, positional writes
 * from the parts' files, which it then removes) and resolves, so that it can go on with the next
 * table while the worker does that; `fogat` resolves when the file is whole (rejects when a
 * part could not be written or put in place).
 */
export async function borjaDeladCsv(
  trad: Skrivtrad, data: Tabelldata, fil: string, delRader?: number,
): Promise<{ delar: CsvDel[]; fogat: Promise<void> }> {
  const delar = trad.delaCsv(data, fil, delRader);
  const fd = openSync(fil, "w");
  let skrivet = 0;
  const arbetarens: CsvDel[] = [];
  try {
    for (const del of delar) {
      if (arbetarens.length === 0 && trad.taForHar(del)) {
        for (const b of csvBitar(data, del.fran, del.till, del.fran === 0)) {
          for (let gjort = 0; gjort < b.length; ) gjort += writeSync(fd, b, gjort, b.length - gjort);
          skrivet += b.length;
          aterlamnaBit(b);
          // The worker's answers (and its next job) between chunks.
          await new Promise<void>((klar) => setImmediate(klar));
        }
      } else {
        arbetarens.push(del);
      }
    }
  } finally {
    closeSync(fd);
  }
  if (arbetarens.length === 0) return { delar, fogat: Promise.resolve() };
  // Posted now, before the worker is given anything else: it runs after the parts (the worker
  // answers in order), and a part that failed rejects first, with its own name.
  const fogat = Promise.all([...arbetarens.map((del) => del.klar), trad.foga(fil, skrivet, arbetarens.map((del) => del.fil))]).then(() => {});
  // Awaited by whoever waits for the file; settled here so that a failure is not "unhandled" meanwhile.
  fogat.catch(() => {});
  return { delar, fogat };
}

/** The outputs' folder and the temporary folder beside it that they are written to first. */
interface Mappar {
  readonly target: string;
  readonly tmp: string;
}

/** Makes the temporary folder (empty) beside `outdir`; an OutputError when `outdir` is a file. */
function tomTemporarMapp(outdir: string): Mappar {
  const target = resolve(outdir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new OutputError(`${outdir} finns redan och är ingen katalog`);
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(target)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  return { target, tmp };
}

/**
 * Output tables handed over before the pipeline is done (`Berakningskontext.tidigUtdata`): the
 * temporary folder is made at the first, and each table's Parquet file queued for the worker at
 * once, into it, while this thread computes the rest. `writeOutputs` then goes on in that folder
 * and waits for those files instead of queuing them. A run that ends without `writeOutputs` (an
 * error found later) removes the folder with `stada`, after the worker is stopped. When the folder
 * cannot be made, nothing is begun early (`writeOutputs` reports why, as without this).
 */
export class Forhandsskrivning {
  private mappar: Mappar | null | undefined;
  private readonly tabeller = new Map<Utdatatabell, { readonly data: Tabelldata; readonly klar: Promise<void> }>();

  constructor(private readonly outdir: string, private readonly trad: Skrivtrad) {}

  tabell(t: Utdatatabell): void {
    if (this.mappar === undefined) {
      try {
        this.mappar = tomTemporarMapp(this.outdir);
      } catch {
        this.mappar = null;
      }
    }
    if (!this.mappar || this.tabeller.has(t)) return;
    const data = tabelldata(t);
    const klar = this.trad.parquet(data, join(this.mappar.tmp, utdatafiler(t)[1]!));
    // Settled here so that a failure is not "unhandled" before writeOutputs waits for it.
    klar.catch(() => {});
    this.tabeller.set(t, { data, klar });
  }

  /** The temporary folder, when it was made. */
  get mapp(): Mappar | undefined {
    return this.mappar ?? undefined;
  }

  /** The table's data and its Parquet file's promise, when it was handed over early. */
  begonnen(t: Utdatatabell): { readonly data: Tabelldata; readonly klar: Promise<void> } | undefined {
    return this.tabeller.get(t);
  }

  /** Removes the temporary folder (nothing when `writeOutputs` has moved it into place). */
  stada(): void {
    if (this.mappar) rmSync(this.mappar.tmp, { recursive: true, force: true });
  }
}

/**
 * Writes the outputs into `outdir` (see the top of this file). `trad`: a writer thread the caller
 * started earlier (`finsam run` starts it before the pipeline, so that the thread's start and
 * its loading of the Parquet writer overlap the computation) and closes itself; without it one
 * is started here and closed at the end. `forhand`: the tables whose Parquet files were begun
 * already, in their temporary folder (`Forhandsskrivning`; its thread is the caller's to close).
 */
export async function writeOutputs(outdir: string, utdata: Utdata, egenTrad?: Skrivtrad, forhand?: Forhandsskrivning): Promise<string[]> {
  const { target, tmp } = forhand?.mapp ?? tomTemporarMapp(outdir);
  const skrivna: string[] = [];
  const trad = egenTrad ?? new Skrivtrad();
  try {
    const tabeller = utdata.tabeller instanceof Map ? [...utdata.tabeller.values()] : [...(utdata.tabeller as Iterable<Utdatatabell>)];
    // Each table's data once, for both formats and both threads.
    const data = new Map(tabeller.map((t) => [t, forhand?.begonnen(t)?.data ?? tabelldata(t)]));
    // Every Parquet file is queued at once, the largest table first: the worker takes them from
    // the front without waiting for the CSV files, and what this thread takes at the end, from
    // the back, is the smallest.
    const storst = [...tabeller].sort((a, b) => b.tabell.numRows() - a.tabell.numRows());
    const parquetKlara = storst.map((t) => {
      const tidig = forhand?.begonnen(t)?.klar;
      if (tidig) return tidig;
      const klar = trad.parquet(data.get(t)!, join(tmp, utdatafiler(t)[1]!));
      // Settled here so that a failure is not "unhandled" while the CSV files are written.
      klar.catch(() => {});
      return klar;
    });
    // The cube's tables first, then the small tables of plain values: the row writer is
    // optimised for the first kind alone (`forvarmning.js`).
    const varden = (t: Utdatatabell) => data.get(t)!.data.some((d) => d.slag === "varden");
    const fogade: Promise<void>[] = [];
    for (const t of [...tabeller.filter((t) => !varden(t)), ...tabeller.filter(varden)]) {
      fogade.push((await borjaDeladCsv(trad, data.get(t)!, join(tmp, utdatafiler(t)[0]!))).fogat);
    }
    for (const t of tabeller) skrivna.push(...utdatafiler(t));
    // The CSV files are written: this thread writes the Parquet files the worker has not begun.
    await trad.skrivKvarvarande();
    await Promise.all([...fogade, ...parquetKlara]);
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
    if (!egenTrad) await trad.stang();
    rmSync(tmp, { recursive: true, force: true });
  }
  return skrivna;
}

export class OutputError extends Error {
  override name = "OutputError";
}
