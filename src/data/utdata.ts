// Gemensam kod för dataladdarna i src/data/. Pipelinen körs en gång per bygge och en gång per
// `npm run dev`, aldrig en gång per dataladdare:
// - `npm run build` (scripts/bygg.ts) och `npm run dev` (scripts/utveckla.ts) kör pipelinen och
//   sätter FINSAM_UTDATA till dess utkatalog; dataladdarna läser därifrån.
// - Körs Framework på annat sätt (t.ex. `observable preview` direkt) körs pipelinen på
//   FINSAM_DATA (standard data/exempel) en gång till en katalog under .finsam-build/, som
//   återanvänds så länge datakatalogen och koden är desamma (ett lås hindrar två körningar
//   samtidigt).
// Misslyckas något skrivs ett svenskt felmeddelande på stderr och processen avslutas med 1.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const projektrot = fileURLToPath(new URL("../../", import.meta.url));

/** Väntar `ms` millisekunder. */
const vanta = (ms: number) => new Promise((klar) => setTimeout(klar, ms));

/** Alla filer under `katalog` (utan punktfiler) med storlek och ändringstid, sorterade. */
function filinfo(katalog: string): string[] {
  const ut: string[] = [];
  const ga = (k: string) => {
    for (const post of readdirSync(k, { withFileTypes: true })) {
      if (post.name.startsWith(".")) continue;
      const sokvag = join(k, post.name);
      if (post.isDirectory()) ga(sokvag);
      else if (post.isFile()) {
        const s = statSync(sokvag);
        ut.push(`${sokvag}\t${s.size}\t${s.mtimeMs}`);
      }
    }
  };
  ga(katalog);
  return ut.sort();
}

function lever(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pipelinens utkatalog för dataladdarna: FINSAM_UTDATA, annars en körning som återanvänds. */
export async function utdatakatalog(): Promise<string> {
  if (process.env.FINSAM_UTDATA) return process.env.FINSAM_UTDATA;
  const datakatalog = resolve(projektrot, process.env.FINSAM_DATA ?? "data/exempel");
  if (!existsSync(datakatalog)) throw new Error(`datakatalogen ${datakatalog} finns inte (FINSAM_DATA)`);
  const nyckel = createHash("sha256")
    .update([...filinfo(datakatalog), ...filinfo(join(projektrot, "loaders"))].join("\n"))
    .digest("hex")
    .slice(0, 16);
  const bas = join(projektrot, ".finsam-build", "forhandsgranskning");
  const ut = join(bas, nyckel);
  const klar = join(ut, ".klar");
  const las = join(bas, `${nyckel}.las`);
  mkdirSync(bas, { recursive: true });
  for (let forsok = 0; !existsSync(klar); forsok++) {
    try {
      mkdirSync(las);
    } catch {
      // En annan dataladdare kör pipelinen: vänta på den (eller ta över om den har dött).
      const pid = Number(existsSync(join(las, "pid")) ? readFileSync(join(las, "pid"), "utf8") : 0);
      if (pid && !lever(pid)) rmSync(las, { recursive: true, force: true });
      if (forsok > 6000) throw new Error(`väntade för länge på pipelinen (låset ${las})`);
      await vanta(100);
      continue;
    }
    try {
      writeFileSync(join(las, "pid"), String(process.pid));
      if (existsSync(klar)) break;
      const { runPipeline } = await import("../../loaders/pipeline.ts");
      const { writeOutputs } = await import("../../loaders/publish/utkatalog.ts");
      const { formatFinding } = await import("../../loaders/validate/findings.ts");
      const resultat = await runPipeline(datakatalog);
      if (!resultat.outputs) {
        throw new Error(`pipelinen avvisade indata i ${datakatalog}:\n${resultat.findings.errors.map(formatFinding).join("\n")}`);
      }
      rmSync(ut, { recursive: true, force: true });
      await writeOutputs(ut, { tabeller: resultat.outputs, texter: resultat.texter });
      writeFileSync(klar, "");
    } finally {
      rmSync(las, { recursive: true, force: true });
    }
  }
  return ut;
}

/** Skriver utdatafilen `namn` (t.ex. helarsekvivalenter.csv) oförändrad till stdout. */
export async function skrivUtdatafil(namn: string): Promise<void> {
  try {
    const fil = join(await utdatakatalog(), namn);
    if (!existsSync(fil)) throw new Error(`filen ${fil} finns inte`);
    process.stdout.write(readFileSync(fil));
  } catch (fel) {
    const orsak = fel instanceof Error ? fel.message : String(fel);
    process.stderr.write(`Dataladdaren för ${namn} misslyckades: ${orsak}\n`);
    process.exitCode = 1;
  }
}
