// Gemensam kod för dataladdarna i src/data/. En dataladdare skriver en av
// pipelinens utdatafiler (docs/utdata.md) till stdout, oförändrad:
// - med FINSAM_UTDATA satt (så kör `npm run build`) kopieras filen därifrån;
// - annars (t.ex. `npm run dev`) körs pipelinen på FINSAM_DATA (standard data/exempel)
//   till en tillfällig katalog.
// Misslyckas något skrivs ett svenskt felmeddelande på stderr och processen avslutas med 1.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const projektrot = fileURLToPath(new URL("../../", import.meta.url));

function lasFil(sokvag: string): Buffer {
  if (!existsSync(sokvag)) throw new Error(`filen ${sokvag} finns inte`);
  return readFileSync(sokvag);
}

function lasFranPipelinen(namn: string): Buffer {
  const datakatalog = resolve(projektrot, process.env.FINSAM_DATA ?? "data/exempel");
  const tmp = mkdtempSync(join(tmpdir(), "finsam-laddare-"));
  try {
    const ut = join(tmp, "utdata");
    const korning = spawnSync(process.execPath, [join(projektrot, "bin/finsam.js"), "run", datakatalog, "--out", ut], {
      cwd: projektrot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"]
    });
    if (korning.error) throw new Error(`kunde inte starta pipelinen: ${korning.error.message}`);
    if (korning.status !== 0) {
      throw new Error(`pipelinen avslutades med kod ${korning.status}: ${korning.stderr.trim()}`);
    }
    return lasFil(join(ut, namn));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function skrivUtdatafil(namn: string): void {
  try {
    const katalog = process.env.FINSAM_UTDATA;
    const innehall = katalog ? lasFil(join(katalog, namn)) : lasFranPipelinen(namn);
    process.stdout.write(innehall);
  } catch (fel) {
    const orsak = fel instanceof Error ? fel.message : String(fel);
    process.stderr.write(`Dataladdaren för ${namn} misslyckades: ${orsak}\n`);
    process.exitCode = 1;
  }
}
