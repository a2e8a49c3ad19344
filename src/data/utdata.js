// Dataladdarnas snabba väg: varje `src/data/<tabell>.csv.js` körs av Framework med node (utan
// tsx, som tar ungefär en sekund att starta per dataladdare) och skriver pipelinens fil ur
// FINSAM_UTDATA oförändrad till stdout. `npm run build` och `npm run dev` sätter alltid
// FINSAM_UTDATA (pipelinen körs en gång). Saknas den, när Framework körs direkt, ger
// src/data/utdata.ts katalogen: den kör pipelinen en gång för alla dataladdare.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { utdrag, utdragetsTabell } from "./utdrag.js";

/** Pipelinens utkatalog: FINSAM_UTDATA, annars den delade körningen i src/data/utdata.ts. */
async function utdatakatalog() {
  if (process.env.FINSAM_UTDATA) return process.env.FINSAM_UTDATA;
  const { register } = await import("tsx/esm/api");
  register();
  return (await import("./utdata.ts")).utdatakatalog();
}

/** Skriver utdatafilen `namn` (t.ex. helarsekvivalenter.csv) oförändrad till stdout. */
export async function skrivUtdatafil(namn) {
  try {
    const fil = join(await utdatakatalog(), namn);
    if (!existsSync(fil)) throw new Error(`filen ${fil} finns inte`);
    process.stdout.write(readFileSync(fil));
  } catch (fel) {
    process.stderr.write(`Dataladdaren för ${namn} misslyckades: ${fel instanceof Error ? fel.message : String(fel)}\n`);
    process.exitCode = 1;
  }
}

/** Skriver utdraget `namn` (se src/data/utdrag.js) ur pipelinens tabell till stdout. */
export async function skrivUtdrag(namn) {
  try {
    const tabell = utdragetsTabell(namn);
    if (tabell === undefined) throw new Error(`${namn} är inget utdrag`);
    const fil = join(await utdatakatalog(), tabell);
    if (!existsSync(fil)) throw new Error(`filen ${fil} finns inte`);
    process.stdout.write(utdrag(namn, readFileSync(fil, "utf8")));
  } catch (fel) {
    process.stderr.write(`Dataladdaren för ${namn} misslyckades: ${fel instanceof Error ? fel.message : String(fel)}\n`);
    process.exitCode = 1;
  }
}
