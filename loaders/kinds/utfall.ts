/**
 * Kind: the teams' own reported outcome tables (per insats and period), recognised by columns
 * such as insats, avslut and nyinskrivna. Published, protected, by the participant computation
 * (kinds/deltagare.ts). Format: docs/indata.md.
 */
import { isUtfallHeader, readUtfall, type RapporteratUtfall } from "../normalise/utfall.ts";
import type { Kind } from "./kind.ts";

export const utfall: Kind<readonly RapporteratUtfall[], readonly RapporteratUtfall[], void> = {
  id: "utfall",
  namn: "rapporterade utfall",
  roll: "data",
  skyddas: true,
  igenkanning: [
    {
      steg: "rubrik",
      kanner: (rubrik, tabell, fil, ctx) => isUtfallHeader(rubrik) ? {
        typ: "rapporterade utfall",
        las: () => readUtfall(tabell, fil.fil, ctx.findings),
        beskriv: (rader) => (rader ? `${rader.length} rader` : "fel"),
      } : undefined,
    },
  ],
  slaSamman: (data) => data.flat(),
  utdata: [],
  dokumentation: [
    {
      indata: "Rapporterade utfallstabeller",
      kannsIgenPa: "kolumnerna insats, avslut och nyinskrivna eller aktiva vid periodens slut",
      definition: "[Rapporterade utfallstabeller](#rapporterade-utfallstabeller) nedan",
    },
  ],
};
