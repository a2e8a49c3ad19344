/**
 * One pipeline run shared by every data loader (issue 10: "in `npm run dev` the whole pipeline
 * runs once per data loader"). Framework starts each data loader as a process of its own; when
 * FINSAM_UTDATA is not set (Framework started directly, e.g. `observable preview`), the first
 * loader runs the pipeline into a folder named by a hash of the inputs' content, and the others
 * wait for it (a lock: a folder made with mkdir, which only one process can make) and reuse it.
 *
 * The key is the content of the files, not their times: a file changed back and forth, or
 * copied with its old time, never gives an old result; a file only touched gives the same one.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** A hash (16 hex digits) of the names and content of every file under `kataloger` (dot files left out). */
export function indatanyckel(kataloger: readonly string[]): string {
  const hash = createHash("sha256");
  for (const katalog of kataloger) {
    hash.update(`katalog\0${katalog}\0`);
    for (const fil of filerUnder(katalog)) {
      const innehall = readFileSync(join(katalog, fil));
      hash.update(`fil\0${fil}\0${innehall.length}\0`);
      hash.update(innehall);
    }
  }
  return hash.digest("hex").slice(0, 16);
}

function filerUnder(katalog: string): string[] {
  const ut: string[] = [];
  const ga = (k: string) => {
    for (const post of readdirSync(k, { withFileTypes: true })) {
      if (post.name.startsWith(".")) continue;
      const sokvag = join(k, post.name);
      if (post.isDirectory()) ga(sokvag);
      else if (post.isFile()) ut.push(relative(katalog, sokvag).split(sep).join("/"));
    }
  };
  ga(katalog);
  return ut.sort();
}

function lever(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (fel) {
    // EPERM: the process exists but is someone else's.
    return (fel as NodeJS.ErrnoException).code === "EPERM";
  }
}

const vanta = (ms: number) => new Promise((klar) => setTimeout(klar, ms));

export interface Engangskorning {
  /** The folder under which `<nyckel>/` (the result) and `<nyckel>.las` (the lock) are made. */
  bas: string;
  nyckel: string;
  /** Makes the result in `ut` (not there when called); called by one process at a time per key. */
  kor: (ut: string) => Promise<void>;
  /** How long to wait for another process's run before giving up (ms). */
  maxVantan?: number;
}

/**
 * The folder `<bas>/<nyckel>`, made by `kor` once: by this process when no other has made it or
 * is making it, otherwise by the one holding the lock (waited for). A lock left by a dead
 * process is taken over. When `kor` fails, nothing is marked done and the error is thrown; the
 * next caller tries again.
 */
export async function korEnGang({ bas, nyckel, kor, maxVantan = 600_000 }: Engangskorning): Promise<string> {
  const ut = join(bas, nyckel);
  const klar = join(ut, ".klar");
  const las = join(bas, `${nyckel}.las`);
  mkdirSync(bas, { recursive: true });
  const start = Date.now();
  while (!existsSync(klar)) {
    try {
      mkdirSync(las);
    } catch {
      // Another loader runs the pipeline: wait for it, or take over when it has died.
      const pidfil = join(las, "pid");
      const pid = existsSync(pidfil) ? Number(readFileSync(pidfil, "utf8")) : 0;
      if (pid && !lever(pid)) rmSync(las, { recursive: true, force: true });
      if (Date.now() - start > maxVantan) throw new Error(`väntade för länge på pipelinen (låset ${las})`);
      await vanta(50);
      continue;
    }
    try {
      writeFileSync(join(las, "pid"), String(process.pid));
      if (existsSync(klar)) break;
      rmSync(ut, { recursive: true, force: true });
      await kor(ut);
      mkdirSync(ut, { recursive: true });
      writeFileSync(klar, "");
    } finally {
      rmSync(las, { recursive: true, force: true });
    }
  }
  return ut;
}
