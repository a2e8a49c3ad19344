/**
 * Writes output files so that a failure changes nothing: everything is written to a temporary
 * sibling folder first, then moved into place (a rename on the same file system).
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync, readdirSync } from "node:fs";
import type { Utdata } from "./tabellcsv.ts";
import { basename, dirname, join, resolve } from "node:path";

export function writeOutputs(outdir: string, files: ReadonlyMap<string, Utdata>): void {
  const target = resolve(outdir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new OutputError(`${outdir} finns redan och är ingen katalog`);
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(target)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    for (const [name, content] of files) {
      if (typeof content === "string") {
        writeFileSync(join(tmp, name), content, "utf8");
        continue;
      }
      // A stream: each piece written as it is formatted, never the whole file in memory.
      const fd = openSync(join(tmp, name), "w");
      try {
        for (const del of content.delar()) writeSync(fd, del);
      } finally {
        closeSync(fd);
      }
    }
    if (!existsSync(target)) {
      renameSync(tmp, target);
      return;
    }
    for (const name of readdirSync(tmp)) renameSync(join(tmp, name), join(target, name));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export class OutputError extends Error {
  override name = "OutputError";
}
