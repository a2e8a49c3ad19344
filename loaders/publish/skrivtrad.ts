/**
 * A worker thread that writes files while this thread writes others (`skrivarbetare.js`), so
 * that on two cores writing the outputs takes both:
 * - **Parquet.** `parquet` queues a table's Parquet file; the worker takes the queue's tables
 *   first in first out, two of some size at a time (the small tables' files at once). When this thread has written its CSV files it helps: `skrivKvarvarande`
 *   writes the tables the worker has not taken, from the back of the queue, here (the same
 *   function, so the same bytes).
 * - **Parts of large CSV files.** `delaCsv` cuts a large table's rows into parts. This thread
 *   writes the parts from the front (`taForHar`); the worker, when its Parquet queue is empty,
 *   takes the last part nobody has taken yet and writes it to a file of its own. The worker's
 *   parts are thus the CSV file's end: when this thread has written its own, it knows where they
 *   go and the worker puts them there (`foga`) while this thread goes on. Each part is written by the
 *   same row writer (`csvrader.js`) and a row's bytes never depend on the rows before it in
 *   another part, so the file is the same as written whole.
 * `stang` ends the thread. An error in the worker rejects that job's promise and every later one.
 */
import { Worker } from "node:worker_threads";
import { skrivParquetjobb } from "./parquetfil.js";
import type { Tabelldata } from "./tabelldata.js";

/** Rows per part of a large CSV file (about 2 MB of the national helårsekvivalenter table; smaller parts leave less for one thread to wait for at the end). */
export const DEL_RADER = 25_000;

/** One part of a large CSV file: rows `fran` to `till` in the published order. */
export interface CsvDel {
  readonly data: Tabelldata;
  readonly fran: number;
  readonly till: number;
  /** Where the worker writes the part (beside the CSV file, in the same temporary folder, until `foga`). */
  readonly fil: string;
  /** Who writes it: this thread, the worker, or nobody yet. */
  av: "har" | "arbetaren" | undefined;
  /** The worker's part: resolves when its file is written. */
  klar: Promise<void> | undefined;
}

interface Vantar {
  readonly fil: string;
  readonly ok: () => void;
  readonly fel: (e: Error) => void;
  /** A job of some size (not a small table's Parquet file). */
  readonly tung: boolean;
}

/** A table of fewer rows is a small Parquet job: it never waits for a place in the worker's queue. */
const LITEN = 10_000;

/**
 * How many jobs of some size the worker has at a time: two, so that it starts the next as soon as
 * one is done instead of waiting for this thread to hear of it (this thread answers between its
 * own chunks, so a round trip can take a chunk's time).
 */
const I_FLYGNING = 2;

/** The writer thread bundled into one CommonJS file, and the module that loads a bundle (bin/finsam.js). */
export interface Skrivarbetarbunt {
  readonly bunt: string;
  /** A CommonJS module whose `ladda(bunt)` compiles and runs a bundle with V8's code cache beside it. */
  readonly laddare: string;
}

/** The worker's start from its bundle: bin/finsam.js's `ladda`, the same as the CLI's. */
const BUNTSTART = `const { workerData } = require("node:worker_threads"); require(workerData.laddare).ladda(workerData.bunt);`;

export class Skrivtrad {
  private readonly worker: Worker;
  private readonly ko: { readonly data: Tabelldata; readonly fil: string; readonly ok: () => void; readonly fel: (e: Error) => void }[] = [];
  /** Every part of every large CSV file, in file order: this thread takes from the front, the worker from the back. */
  private readonly delar: CsvDel[] = [];
  /** The jobs posted to the worker and not yet answered, in order (it answers in order). */
  private readonly flygande: Vantar[] = [];
  private tom: (() => void) | undefined;
  private stoppad: Error | undefined;

  /**
   * `skrivarbetarbunt`: the worker bundled into one CommonJS file, started with the loader the CLI
   * is started with (bin/finsam.js passes both to the CLI): Node's ESM loader otherwise resolved,
   * read and linked the worker's dozen modules at every start, on the core the pipeline's
   * compilation needs. Without it the worker runs from its source file.
   */
  constructor(skrivarbetarbunt?: Skrivarbetarbunt) {
    // A small young generation: the worker's garbage is one row group's arrays at a time, so
    // collecting it often costs little, and a national run then peaks about 80 MB lower
    // (measured with docs/prestanda.md's file: 365-373 MiB instead of 438-469 MiB, same time).
    const resourceLimits = { maxYoungGenerationSizeMb: 6 };
    this.worker = skrivarbetarbunt === undefined
      ? new Worker(new URL("./skrivarbetare.js", import.meta.url), { resourceLimits })
      : new Worker(BUNTSTART, { eval: true, workerData: skrivarbetarbunt, resourceLimits });
    this.worker.on("message", (m: { fil: string; fel?: string }) => {
      const v = this.flygande.shift();
      if (m.fel === undefined) v?.ok();
      else v?.fel(new Error(`${m.fil}: ${m.fel}`));
      this.nasta();
    });
    const avbryt = (e: Error): void => {
      this.stoppad = e;
      for (const v of this.flygande.splice(0)) v.fel(e);
      for (const v of this.ko.splice(0)) v.fel(e);
      this.nasta();
    };
    this.worker.on("error", avbryt);
    this.worker.on("exit", (kod) => avbryt(new Error(`skrivtråden avslutades (exit ${kod})`)));
  }

  /**
   * Gives the worker jobs while it has fewer than `I_FLYGNING` of some size: the Parquet queue's
   * first table (a small table's at once), else the last CSV part nobody has taken. Tells
   * `skrivKvarvarande` when the worker is done with everything.
   */
  private nasta(): void {
    while (this.stoppad === undefined) {
      const tunga = this.flygande.filter((v) => v.tung).length;
      const forsta = this.ko[0];
      if (forsta) {
        const tung = forsta.data.antal >= LITEN;
        if (tung && tunga >= I_FLYGNING) break;
        this.ko.shift();
        this.flygande.push({ fil: forsta.fil, ok: forsta.ok, fel: forsta.fel, tung });
        this.worker.postMessage({ slag: "parquet", data: forsta.data, fil: forsta.fil });
        continue;
      }
      if (tunga >= I_FLYGNING) break;
      let i = this.delar.length - 1;
      while (i >= 0 && this.delar[i]!.av !== undefined) i--;
      const del = this.delar[i];
      if (!del) break;
      del.av = "arbetaren";
      del.klar = new Promise<void>((ok, fel) => this.flygande.push({ fil: del.fil, ok, fel, tung: true }));
      // Awaited by the thread that writes the file; settled here so that a failure is not
      // "unhandled" when that thread has already stopped.
      del.klar.catch(() => {});
      this.worker.postMessage({ slag: "csv", data: del.data, fran: del.fran, till: del.till, fil: del.fil });
    }
    if (this.flygande.length === 0 && this.ko.length === 0) this.tom?.();
  }

  /** Queues the table's Parquet file; resolves when it is written (by the worker or by `skrivKvarvarande`). */
  parquet(data: Tabelldata, fil: string): Promise<void> {
    if (this.stoppad) return Promise.reject(this.stoppad);
    return new Promise<void>((ok, fel) => {
      this.ko.push({ data, fil, ok, fel });
      this.nasta();
    });
  }

  /**
   * The table's rows in parts of `delRader` rows, which the worker may take from the back; the
   * parts' files are named after `fil`. A table of at most two parts is one part (this thread's).
   */
  delaCsv(data: Tabelldata, fil: string, delRader = DEL_RADER): CsvDel[] {
    const delar: CsvDel[] = [];
    const n = data.antal <= 2 * delRader ? 1 : Math.ceil(data.antal / delRader);
    for (let k = 0; k < n; k++) {
      const fran = k * delRader;
      const till = k === n - 1 ? data.antal : fran + delRader;
      delar.push({ data, fran, till, fil: `${fil}.del${k}`, av: undefined, klar: undefined });
    }
    if (n > 1) {
      this.delar.push(...delar.slice(1));
      this.nasta();
    }
    return delar;
  }

  /**
   * Puts the worker's parts (their files, in order, all of them written or queued before this)
   * into the CSV file `fil` from byte `position` on, with positional writes, and removes the
   * parts' files; resolves when done. A job of the worker's like the others (answered in order),
   * so this thread goes on meanwhile.
   */
  foga(fil: string, position: number, delar: readonly string[]): Promise<void> {
    if (this.stoppad) return Promise.reject(this.stoppad);
    return new Promise<void>((ok, fel) => {
      this.flygande.push({ fil, ok, fel, tung: true });
      this.worker.postMessage({ slag: "foga", fil, position, delar });
    });
  }

  /** Whether this thread writes the part: true when nobody has taken it (it is then this thread's). */
  taForHar(del: CsvDel): boolean {
    if (del.av !== undefined) return false;
    del.av = "har";
    return true;
  }

  /**
   * Writes the queued Parquet tables the worker has not taken in this thread, last first, one at
   * a time (between them the worker may take the next from the front); resolves, with how many
   * tables this thread wrote, when the worker's job is done too.
   */
  async skrivKvarvarande(): Promise<number> {
    let har = 0;
    for (;;) {
      // Let the worker's answer arrive, so that it takes the next table if it is free.
      await new Promise<void>((klar) => setImmediate(klar));
      const sista = this.stoppad === undefined ? this.ko.pop() : undefined;
      if (!sista) break;
      try {
        await skrivParquetjobb({ ...sista.data, fil: sista.fil });
        har++;
        sista.ok();
      } catch (e) {
        sista.fel(e instanceof Error ? e : new Error(String(e)));
      }
    }
    if (this.flygande.length > 0 || this.ko.length > 0) await new Promise<void>((klar) => (this.tom = klar));
    this.tom = undefined;
    return har;
  }

  async stang(): Promise<void> {
    this.stoppad ??= new Error("skrivtråden är stängd");
    await this.worker.terminate();
  }
}
