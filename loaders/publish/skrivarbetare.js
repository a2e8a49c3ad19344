// @ts-check
/**
 * The worker thread that writes files beside the main thread (`publish/skrivtrad.ts`): Parquet
 * files (`parquetfil.js`) and parts of large CSV files (`csvrader.js`), one job per message, in
 * order. It answers each with `{ fil }` when the file is written or `{ fil, fel }` with the
 * error's message.
 * - `{ slag: "parquet", data, fil }`: the table as a Parquet file;
 * - `{ slag: "csv", data, fran, till, fil }`: the table's rows `fran` to `till` (in the published
 *   order) as CSV without a header, in a file of their own;
 * - `{ slag: "foga", fil, position, delar }`: those files (`delar`, in order) copied into the
 *   table's CSV file `fil` from byte `position` on, and removed (`Skrivtrad.foga`).
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { aterlamnaBit, csvBitar, lanaBit } from "./csvrader.js";
import { laddaParquet, skrivParquetjobb } from "./parquetfil.js";
import { forvarmCsv, forvarmParquet } from "./forvarmning.js";

/**
 * @typedef {{ slag: "parquet", data: import("./tabelldata.js").Tabelldata, fil: string }
 *   | { slag: "csv", data: import("./tabelldata.js").Tabelldata, fran: number, till: number, fil: string }
 *   | { slag: "foga", fil: string, position: number, delar: string[] }} Skrivjobb
 */

/**
 * The rows `fran` to `till` of the table as CSV without a header, in the file `fil`.
 * @param {import("./tabelldata.js").Tabelldata} data
 * @param {number} fran
 * @param {number} till
 * @param {string} fil
 */
function skrivCsvDel(data, fran, till, fil) {
  const fd = openSync(fil, "w");
  try {
    for (const bit of csvBitar(data, fran, till, false)) {
      for (let gjort = 0; gjort < bit.length; ) gjort += writeSync(fd, bit, gjort, bit.length - gjort);
      aterlamnaBit(bit);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The part files `delar`, in order, into the file `fil` from byte `position` on (positional
 * writes: the main thread has written the bytes before them), a chunk at a time into a reused
 * chunk; each part file is removed once copied.
 * @param {string} fil
 * @param {number} position
 * @param {readonly string[]} delar
 */
function foga(fil, position, delar) {
  const ut = openSync(fil, "r+");
  const bit = lanaBit();
  try {
    let pos = position;
    for (const del of delar) {
      const fd = openSync(del, "r");
      try {
        for (let n = readSync(fd, bit, 0, bit.length, null); n > 0; n = readSync(fd, bit, 0, bit.length, null)) {
          for (let gjort = 0; gjort < n; ) gjort += writeSync(ut, bit, gjort, n - gjort, pos + gjort);
          pos += n;
        }
      } finally {
        closeSync(fd);
      }
      rmSync(del);
    }
  } finally {
    aterlamnaBit(bit);
    closeSync(ut);
  }
}

if (!parentPort) throw new Error("skrivarbetare.js körs bara som worker-tråd (runs only as a worker thread)");
const port = parentPort;
// The thread may be started before the tables are ready (`finsam run` starts it before the
// pipeline): the Parquet writer is loaded meanwhile. A failure shows at the first Parquet job.
// Then both writers are warmed (`forvarmning.js`) while the pipeline computes; a failure there
// only leaves them cold.
laddaParquet().then(() => {
  forvarmCsv(true);
  return forvarmParquet(true);
}).catch(() => {});
port.on("message", (/** @type {Skrivjobb} */ jobb) => {
  const klar = jobb.slag === "parquet"
    ? skrivParquetjobb({ ...jobb.data, fil: jobb.fil })
    : jobb.slag === "foga"
      ? new Promise((ok) => ok(foga(jobb.fil, jobb.position, jobb.delar)))
      : new Promise((ok) => ok(skrivCsvDel(jobb.data, jobb.fran, jobb.till, jobb.fil)));
  klar.then(
    () => port.postMessage({ fil: jobb.fil }),
    (e) => port.postMessage({ fil: jobb.fil, fel: e instanceof Error ? e.message : String(e) }),
  );
});
