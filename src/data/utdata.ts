// Gemensam kod för dataladdarna i src/data/. Pipelinen körs en gång per bygge och en gång per
// `npm run dev`, aldrig en gång per dataladdare:
// - `npm run build` (scripts/bygg.ts) och `npm run dev` (scripts/utveckla.ts) kör pipelinen och
//   sätter FINSAM_UTDATA till dess utkatalog; dataladdarna läser därifrån.
// - Körs Framework på annat sätt (t.ex. `observable preview` direkt) körs pipelinen på
//   FINSAM_DATA (standard data/exempel) en gång till en katalog under .finsam-build/, som
//   återanvänds så länge datakatalogens och kodens filer har samma innehåll (ett lås hindrar
//   två körningar samtidigt; loaders/publish/engangskorning.ts).
// Dataladdarna själva är src/data/utdata.js (node, utan tsx): misslyckas något skriver den ett
// svenskt felmeddelande på stderr och avslutar med 1.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { indatanyckel, korEnGang } from "../../loaders/publish/engangskorning.ts";

const projektrot = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Pipelinens utkatalog för dataladdarna: FINSAM_UTDATA, annars en körning som delas av alla
 * dataladdare och återanvänds så länge datakatalogens och pipelinens filer har samma innehåll
 * (loaders/publish/engangskorning.ts).
 */
export async function utdatakatalog(): Promise<string> {
  if (process.env.FINSAM_UTDATA) return process.env.FINSAM_UTDATA;
  const datakatalog = resolve(projektrot, process.env.FINSAM_DATA ?? "data/exempel");
  if (!existsSync(datakatalog)) throw new Error(`datakatalogen ${datakatalog} finns inte (FINSAM_DATA)`);
  return korEnGang({
    bas: join(projektrot, ".finsam-build", "forhandsgranskning"),
    nyckel: indatanyckel([datakatalog, join(projektrot, "loaders")]),
    kor: async (ut) => {
      const { runPipeline } = await import("../../loaders/pipeline.ts");
      const { writeOutputs } = await import("../../loaders/publish/utkatalog.ts");
      const { formatFinding } = await import("../../loaders/validate/findings.ts");
      const resultat = await runPipeline(datakatalog);
      if (!resultat.outputs) {
        throw new Error(`pipelinen avvisade indata i ${datakatalog}:\n${resultat.findings.errors.map(formatFinding).join("\n")}`);
      }
      await writeOutputs(ut, { tabeller: resultat.outputs, texter: resultat.texter });
    },
  });
}
