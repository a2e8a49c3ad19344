// Dataladdarnas snabba väg: varje `src/data/<tabell>.csv.js` körs av Framework med node (utan
// tsx, som tar ungefär en sekund att starta per dataladdare) och skriver pipelinens fil ur
// FINSAM_UTDATA oförändrad till stdout. `npm run build` och `npm run dev` sätter alltid
// FINSAM_UTDATA (pipelinen körs en gång). Saknas den, när Framework körs direkt, tar
// src/data/utdata.ts över: den kör pipelinen en gång för alla dataladdare.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Skriver utdatafilen `namn` (t.ex. helarsekvivalenter.csv) oförändrad till stdout. */
export async function skrivUtdatafil(namn) {
  const katalog = process.env.FINSAM_UTDATA;
  if (!katalog) {
    const { register } = await import("tsx/esm/api");
    register();
    const { skrivUtdatafil: viaPipelinen } = await import("./utdata.ts");
    return viaPipelinen(namn);
  }
  const fil = join(katalog, namn);
  if (!existsSync(fil)) {
    process.stderr.write(`Dataladdaren för ${namn} misslyckades: filen ${fil} finns inte\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(readFileSync(fil));
}
