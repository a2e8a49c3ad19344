/**
 * Kind: the teams' own reported outcome tables (per insats and period), recognised by columns
 * such as insats, avslut and nyinskrivna (or aktiva under perioden). Every line is checked, and
 * a period that ends after the export date is an error. Their förbund and insats names are
 * settled with the participant records' (kinds/insatser.ts); published, protected, by the
 * participant computation (kinds/deltagare.ts). Format: docs/indata.md.
 */
import { isUtfallHeader, lasUtfall, type RapporteratUtfall, type Utfallsfil } from "../normalise/utfall.ts";
import { kontrolleraUtfallensPerioder } from "../validate/exportdatum.ts";
import { installningar } from "./installningar.ts";
import type { Kind } from "./kind.ts";

export const utfall: Kind<Utfallsfil, readonly RapporteratUtfall[], void> = {
  id: "utfall",
  namn: "rapporterade utfall",
  roll: "data",
  skyddas: true,
  igenkanning: [
    {
      steg: "rubrik",
      kanner: (rubrik, tabell, fil, ctx) => isUtfallHeader(rubrik) ? {
        typ: "rapporterade utfall",
        // The lines without errors go on to the later checks (förbund, export date) even when others have errors.
        las: () => lasUtfall(tabell, fil.fil, ctx.findings),
        beskriv: (f) => (f && f.felrader.size === 0 ? `${f.rader.length} rader` : "fel"),
      } : undefined,
    },
  ],
  slaSamman(data, ctx) {
    const rader = data.flatMap((f) => f.rader);
    const dag = ctx.indata(installningar)?.exportdag;
    if (dag) kontrolleraUtfallensPerioder(rader, dag, ctx.findings);
    return rader;
  },
  utdata: [],
  dokumentation: [
    {
      indata: "Rapporterade utfallstabeller",
      kannsIgenPa: "kolumnerna insats, avslut och nyinskrivna, aktiva vid periodens slut eller aktiva under perioden",
      definition: "[Rapporterade utfallstabeller](#rapporterade-utfallstabeller) nedan",
    },
  ],
};
