/**
 * Kind: SCB's Befolkningens arbetsmarknadsstatus (BAS), three tables recognised by their
 * dimensions: status (ArbStatusM), huvudsaklig inkomstkälla (ArbStatFoT1) and inkomstkälla
 * with inkomstnivå (ArbStatHuv). Definitions: docs/definitioner/bas.md.
 */
import { describeTable } from "../read/pxweb.ts";
import { basKalla, normaliseBas, type BasData, type BasKalla } from "../normalise/bas.ts";
import { ARBETSMARKNADSSTATUS, INKOMSTKALLA_SCHEMA, INKOMSTNIVA, MALGRUPP, basTabeller, slaSammanBas, type BasIndata } from "../publish/bas.ts";
import { regionreferensFor } from "../normalise/region.ts";
import type { Kind } from "./kind.ts";

const TYP: Readonly<Record<BasKalla, string>> = {
  bas_status: "BAS arbetsmarknadsstatus",
  bas_inkomstkalla: "BAS huvudsaklig inkomstkälla",
  bas_inkomstniva: "BAS inkomstkälla och inkomstnivå",
};

export const bas: Kind<BasData, BasIndata, void> = {
  id: "bas",
  namn: "BAS (ArbStatusM, ArbStatFoT1, ArbStatHuv)",
  roll: "data",
  igenkanning: [
    {
      steg: "scb",
      kanner(tabell, _fil, ctx) {
        const kalla = basKalla(tabell);
        if (!kalla) return undefined;
        return {
          typ: TYP[kalla],
          las: () => normaliseBas(kalla, tabell, regionreferensFor(ctx.kommuner), ctx.findings),
          beskriv: () => describeTable(tabell),
        };
      },
    },
  ],
  slaSamman: (data, ctx) => slaSammanBas(data, ctx.findings),
  utdata: [ARBETSMARKNADSSTATUS, INKOMSTKALLA_SCHEMA, INKOMSTNIVA, MALGRUPP],
  berakna(data, ctx) {
    ctx.progress("Beräknar arbetsmarknadsstatus");
    return { tabeller: basTabeller(data, ctx.indelning, ctx.findings), resultat: undefined };
  },
  dokumentation: [
    {
      indata: "BAS status, `ArbStatusM` (`TAB6260`)",
      kannsIgenPa: "tabellinnehåll `antal sysselsatta` … eller en kolumn `arbetsmarknadsstatus`",
      definition: "[definitioner/bas.md](definitioner/bas.md)",
    },
    {
      indata: "BAS huvudsaklig inkomstkälla, `ArbStatFoT1` (`TAB1784`)",
      kannsIgenPa: "kolumnen `huvudsaklig inkomstkälla`",
      definition: "[definitioner/bas.md](definitioner/bas.md)",
    },
    {
      indata: "BAS inkomstkälla och inkomstnivå, `ArbStatHuv`",
      kannsIgenPa: "kolumnerna `huvudsaklig inkomstkälla` och `arbetsrelaterad inkomstnivå`",
      definition: "[definitioner/bas.md](definitioner/bas.md)",
    },
  ],
};
