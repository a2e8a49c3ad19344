/**
 * Kind: personalinriktade insatser, the förbund's activity log (one row per activity or
 * occasion), recognised by a participant count, a type and a name or a date column; CSV or the
 * sheets of an xlsx workbook. Published as personalinriktade_aktiviteter and personalinriktade_ar
 * (staff counts: no protection, no names). Definitions: docs/definitioner/styrelseindata.md.
 */
import type { Kind } from "../../kind.ts";
import { forbundsindelning } from "../../forbundsindelning.ts";
import { installningar } from "../../installningar.ts";
import type { Datum } from "../../../normalise/datum.ts";
import { forbundstolkare } from "../forbund.ts";
import { tabellFranText } from "../tabellfil.ts";
import { arbetsbokensTabeller } from "../arbetsbok.ts";
import { arAktivitetsrubrik, lasAktiviteter, type Aktivitetsfil } from "./las.ts";
import { beraknaPersonalinriktade, slaIhopAktiviteter, type Forbundsrad, type Personalinriktade } from "./berakna.ts";
import { PERSONALINRIKTADE_AKTIVITETER, PERSONALINRIKTADE_AR, personalinriktadeTabeller } from "./utdata.ts";

const TYP = "personalinriktade insatser";
const beskriv = (f: Aktivitetsfil | undefined, bok = false) => (f ? `${bok ? "Excel-arbetsbok, " : ""}${f.rader.length} rader` : "fel");

export const personalinriktade: Kind<Aktivitetsfil, readonly Forbundsrad[], Personalinriktade | undefined> = {
  id: "personalinriktade",
  namn: "personalinriktade insatser (aktivitetslogg)",
  roll: "data",
  igenkanning: [
    {
      steg: "arbetsbok",
      async kanner(fil, ctx) {
        const bok = await arbetsbokensTabeller(fil, ctx.findings, "personalinriktade");
        if (bok === undefined) return undefined;
        return {
          typ: TYP,
          las: () => (bok === "fel" ? undefined : lasAktiviteter(bok.tabeller, ctx.findings, ctx.idag as Datum | undefined)),
          beskriv: (f) => beskriv(f, true),
        };
      },
    },
    {
      steg: "rubrik",
      kanner: (rubrik, tabell, fil, ctx) => arAktivitetsrubrik(rubrik) ? {
        typ: TYP,
        las: () => lasAktiviteter([tabellFranText(tabell, fil.fil)], ctx.findings, ctx.idag as Datum | undefined),
        beskriv: (f) => beskriv(f),
      } : undefined,
    },
  ],
  /** Every row with its förbund; the same occasion in two files is an error. */
  slaSamman(filer, ctx) {
    if (filer.length === 0) return [];
    const indelning = ctx.indata(forbundsindelning);
    const inst = ctx.indata(installningar);
    if (!indelning || !inst) return undefined;
    return slaIhopAktiviteter(filer, forbundstolkare(indelning, inst), ctx.findings);
  },
  utdata: [PERSONALINRIKTADE_AKTIVITETER, PERSONALINRIKTADE_AR],
  berakna(rader, ctx) {
    const data = rader.length > 0 ? beraknaPersonalinriktade(rader, ctx.findings) : undefined;
    return { tabeller: personalinriktadeTabeller(data), resultat: data };
  },
  dokumentation: [
    {
      indata: "Personalinriktade insatser (förbundets aktivitetslogg, CSV eller Excel-arbetsbok)",
      kannsIgenPa: "kolumner för antal deltagare och typ, och för aktivitet eller datum",
      definition: "[Personalinriktade insatser](#personalinriktade-insatser-aktivitetslogg) nedan; definitionerna i [definitioner/styrelseindata.md](definitioner/styrelseindata.md)",
    },
  ],
};
