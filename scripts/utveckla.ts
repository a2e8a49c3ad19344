// `npm run dev`: förhandsgranskning med Observable Framework, där pipelinen körs en gång för
// hela sessionen (inte en gång per dataladdare).
//
// 1. Tömmer Frameworks cache (src/.observablehq/cache), så att inget gammalt visas.
// 2. Kör pipelinen på datakatalogen (FINSAM_DATA, standard data/exempel) till
//    .finsam-build/utveckling/utdata och sidornas data (loaders/publish/sidor/) dit.
// 3. Startar `observable preview` med FINSAM_UTDATA satt till den katalogen; argument efter
//    `npm run dev --` går vidare till Framework (t.ex. `--port 3001`).
//
// Ändras indata: avsluta och kör `npm run dev` igen.
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runPipeline } from "../loaders/pipeline.ts";
import { writeOutputs } from "../loaders/publish/utkatalog.ts";
import { sidodataI } from "../loaders/publish/sidor/katalog.ts";
import { formatFinding } from "../loaders/validate/findings.ts";

const PROJEKTROT = fileURLToPath(new URL("../", import.meta.url));

async function main(): Promise<number> {
  const datakatalog = resolve(process.cwd(), process.env.FINSAM_DATA || "data/exempel");
  if (!existsSync(datakatalog)) {
    console.error(`Datakatalogen ${datakatalog} finns inte (FINSAM_DATA).`);
    return 2;
  }
  rmSync(join(PROJEKTROT, "src", ".observablehq", "cache"), { recursive: true, force: true });
  const utdata = join(PROJEKTROT, ".finsam-build", "utveckling", "utdata");
  console.log(`Kör pipelinen på ${relative(process.cwd(), datakatalog) || "."} …`);
  const resultat = await runPipeline(datakatalog);
  for (const f of resultat.findings.all) console.log(`  ${formatFinding(f)}`);
  if (!resultat.outputs) {
    console.error("Pipelinen avvisade indata; rätta felen ovan och kör npm run dev igen.");
    return 1;
  }
  rmSync(utdata, { recursive: true, force: true });
  await writeOutputs(utdata, { tabeller: resultat.outputs, texter: resultat.texter });
  await sidodataI(utdata);
  const observable = join(PROJEKTROT, "node_modules", ".bin", "observable");
  const barn = spawn(observable, ["preview", ...process.argv.slice(2)], {
    cwd: PROJEKTROT,
    stdio: "inherit",
    env: { ...process.env, FINSAM_UTDATA: utdata, OBSERVABLE_TELEMETRY_DISABLE: "true" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => barn.kill(signal));
  return new Promise((klar) => barn.on("close", (kod) => klar(kod ?? 0)));
}

main().then(
  (kod) => (process.exitCode = kod),
  (fel: unknown) => {
    console.error(`npm run dev misslyckades: ${fel instanceof Error ? fel.message : String(fel)}`);
    process.exitCode = 1;
  },
);
