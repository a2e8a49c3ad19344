// @ts-check
/**
 * The worker thread that writes Parquet files (`publish/parquetfil.js`) while the main thread
 * writes the CSV files (`publish/utkatalog.ts`). It takes jobs in order, one message each, and
 * answers each with `{ fil }` when the file is written or `{ fil, fel }` with the error's message.
 */
import { parentPort } from "node:worker_threads";
import { skrivParquetjobb } from "./parquetfil.js";

if (!parentPort) throw new Error("parquetarbetare.js körs bara som worker-tråd (runs only as a worker thread)");
const port = parentPort;
port.on("message", (/** @type {import("./parquetfil.js").Parquetjobb} */ jobb) => {
  skrivParquetjobb(jobb).then(
    () => port.postMessage({ fil: jobb.fil }),
    (e) => port.postMessage({ fil: jobb.fil, fel: e instanceof Error ? e.message : String(e) }),
  );
});
