/**
 * Kind: försörjningsmått, SCB's workbook for Finsam (.xlsx) or a CSV saved from it, recognised
 * by a header with region and at least two benefit columns (tkr). Definitions:
 * docs/definitioner/forsorjningsmatt.md.
 */
import { kannerIgenForsorjningsmatt, lasForsorjningsmattArbetsbok, lasForsorjningsmattCsv, type ForsorjningsmattData } from "../normalise/forsorjningsmatt.ts";
import { FORSORJNINGSMATT, forsorjningsmattTabeller } from "../publish/forsorjningsmatt.ts";
import type { Kind } from "./kind.ts";

const TYP = "försörjningsmått";

export const forsorjningsmatt: Kind<ForsorjningsmattData, readonly ForsorjningsmattData[], void> = {
  id: "forsorjningsmatt",
  namn: "försörjningsmått (SCB:s Excel-arbetsbok eller CSV sparad från den)",
  roll: "data",
  igenkanning: [
    {
      steg: "arbetsbok",
      async kanner(fil, ctx) {
        const data = await lasForsorjningsmattArbetsbok(fil.bytes, fil.fil, ctx.kommuner, ctx.findings);
        if (data === "okand") return undefined;
        return { typ: TYP, las: () => data, beskriv: (d) => (d ? "Excel-arbetsbok" : "fel") };
      },
    },
    {
      steg: "tabell",
      kanner: (tabell, fil, ctx) => kannerIgenForsorjningsmatt(tabell) ? {
        typ: TYP,
        las: () => lasForsorjningsmattCsv(tabell, fil.fil, ctx.kommuner, ctx.findings),
        beskriv: (d) => (d ? "CSV sparad från arbetsboken" : "fel"),
      } : undefined,
    },
  ],
  slaSamman: (data) => data,
  utdata: [FORSORJNINGSMATT],
  berakna(data, ctx) {
    ctx.progress("Beräknar försörjningsmått");
    return { tabeller: forsorjningsmattTabeller(data, ctx.indelning, ctx.findings), resultat: undefined };
  },
  dokumentation: [
    {
      indata: "Försörjningsmått (Excel-arbetsbok från SCB, eller CSV sparad från den)",
      kannsIgenPa: "en rubrikrad med region och minst två ersättningskolumner (tkr)",
      definition: "[definitioner/forsorjningsmatt.md](definitioner/forsorjningsmatt.md)",
    },
  ],
};
