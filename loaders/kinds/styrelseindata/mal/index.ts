/**
 * Kind: verksamhetsplanens mål with the board's grading (one row per goal or per indicator),
 * recognised by a goal column and a grading column; CSV or the sheets of an xlsx workbook.
 * Published as mal, mal_matningar and mal_bedomning. The indicators the product can measure are
 * measured on the activity log and on every other published table, so this kind computes last
 * of all (ctx.tabeller()). Definitions: docs/definitioner/styrelseindata.md.
 */
import type { Kind } from "../../kind.ts";
import { forbundsindelning } from "../../forbundsindelning.ts";
import { installningar } from "../../installningar.ts";
import { forbundstolkare } from "../forbund.ts";
import { tabellFranText } from "../tabellfil.ts";
import { arbetsbokensTabeller } from "../arbetsbok.ts";
import { personalinriktade } from "../personalinriktade/index.ts";
import { arMalrubrik, lasMal, type Malfil } from "./las.ts";
import { beraknaMal, slaIhopMal, type Malmedforbund } from "./berakna.ts";
import { MAL, MAL_BEDOMNING, MAL_MATNINGAR, malTabeller } from "./utdata.ts";

const TYP = "verksamhetsplanens mål";
const beskriv = (f: Malfil | undefined, bok = false) => (f ? `${bok ? "Excel-arbetsbok, " : ""}${f.rader.filter((r) => !r.fortsattning).length} mål` : "fel");

export const mal: Kind<Malfil, readonly Malmedforbund[], void> = {
  id: "mal",
  namn: "verksamhetsplanens mål (med styrelsens bedömning)",
  roll: "data",
  igenkanning: [
    {
      steg: "arbetsbok",
      async kanner(fil, ctx) {
        const bok = await arbetsbokensTabeller(fil, ctx.findings, "mal");
        if (bok === undefined) return undefined;
        return { typ: TYP, las: () => (bok === "fel" ? undefined : lasMal(bok.tabeller, ctx.findings)), beskriv: (f) => beskriv(f, true) };
      },
    },
    {
      steg: "rubrik",
      kanner: (rubrik, tabell, fil, ctx) => arMalrubrik(rubrik) ? {
        typ: TYP,
        las: () => lasMal([tabellFranText(tabell, fil.fil)], ctx.findings),
        beskriv: (f) => beskriv(f),
      } : undefined,
    },
  ],
  /** Every goal row with its förbund and number; the same goal number twice is an error. */
  slaSamman(filer, ctx) {
    if (filer.length === 0) return [];
    const indelning = ctx.indata(forbundsindelning);
    const inst = ctx.indata(installningar);
    if (!indelning || !inst) return undefined;
    return slaIhopMal(filer, forbundstolkare(indelning, inst), ctx.findings);
  },
  utdata: [MAL, MAL_MATNINGAR, MAL_BEDOMNING],
  berakna(rader, ctx) {
    if (rader.length === 0) return { tabeller: malTabeller(undefined), resultat: undefined };
    const loggar = (ctx.indata(personalinriktade)?.length ?? 0) > 0;
    const aktiviteter = ctx.resultat(personalinriktade)?.aktiviteter;
    const rapport = beraknaMal(rader, { aktiviteter: loggar ? aktiviteter ?? [] : undefined, publicerade: ctx.tabeller() }, ctx.findings);
    return { tabeller: malTabeller(rapport), resultat: undefined };
  },
  dokumentation: [
    {
      indata: "Verksamhetsplanens mål med styrelsens bedömning (CSV eller Excel-arbetsbok)",
      kannsIgenPa: "en kolumn för målet och en för bedömningen (måluppfyllelse)",
      definition: "[Verksamhetsplanens mål](#verksamhetsplanens-mål) nedan; definitionerna i [definitioner/styrelseindata.md](definitioner/styrelseindata.md)",
    },
  ],
};
