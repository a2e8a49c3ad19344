/**
 * BAS outputs (public SCB statistics: published as computed, no protection):
 * arbetsmarknadsstatus, inkomstkalla, inkomstniva and malgrupp. Every table is written; with
 * only its header when its input is absent. Contracts: docs/definitioner/bas.md.
 */
import type { ColumnTable } from "arquero";
import { computeInkomstkalla, computeInkomstniva, computeMalgrupp, computeStatus, inkomstkallaFranNiva, slaSamman } from "../compute/bas.ts";
import type { BasData } from "../normalise/bas.ts";
import type { Kubfil } from "../kub/sammanfoga.ts";
import type { Indelning } from "../reference/indelning.ts";
import { Findings } from "../validate/findings.ts";
import { ALDER, KON, MANAD, REGION } from "./kolumner.ts";
import { csvFiler } from "./csv.ts";
import { schema, tabellFranArquero, tabellFranRader, type Schema, type Utdatatabell } from "./schema.ts";

const ANTAL = { namn: "antal", typ: "tal", saknas: true, beskrivning: "antal personer (tomt när SCB inte redovisar värdet)" } as const;
const INKOMSTKALLA = {
  namn: "inkomstkalla", typ: "text",
  beskrivning: "`arbete`, `arbetsloshet`, `studier`, `pension`, `nedsatt_arbetsformaga`, `sjukdom`, `foraldraledighet`, `ekonomiskt_stod`, `saknar_ersattning`, `totalt`",
} as const;

export const ARBETSMARKNADSSTATUS = schema({
  namn: "arbetsmarknadsstatus",
  beskrivning: "antal och andel per arbetsmarknadsstatus, region, månad, kön, ålder och födelseregion",
  kolumner: [
    ...REGION, MANAD, KON, ALDER,
    { namn: "fodelseregion", typ: "text", beskrivning: "`totalt`, `sverige` (inrikes född), `utrikes` och SCB:s övriga födelseregioner" },
    { namn: "status", typ: "text", beskrivning: "`sysselsatta`, `arbetslosa`, `studerande`, `pensionarer`, `sjuka`, `ovriga`, `totalt`" },
    ANTAL,
    { namn: "andel", typ: "tal", saknas: true, beskrivning: "antal / antal med status `totalt` i samma grupp (0–1)" },
  ],
});

export const INKOMSTKALLA_SCHEMA = schema({
  namn: "inkomstkalla",
  beskrivning: "antal och andel per huvudsaklig inkomstkälla",
  kolumner: [
    ...REGION, MANAD, KON, ALDER, INKOMSTKALLA, ANTAL,
    { namn: "andel", typ: "tal", saknas: true, beskrivning: "antal / antal med inkomstkälla `totalt` i samma grupp (0–1)" },
  ],
});

export const INKOMSTNIVA = schema({
  namn: "inkomstniva",
  beskrivning: "antal och andel per arbetsrelaterad inkomstnivå (bara från ArbStatHuv)",
  kolumner: [
    ...REGION, MANAD, KON, ALDER, INKOMSTKALLA,
    { namn: "inkomstniva", typ: "text", beskrivning: "arbetsrelaterad inkomstnivå som i SCB:s fil, t.ex. `0`, `1-99`, `totalt`" },
    ANTAL,
    { namn: "andel", typ: "tal", saknas: true, beskrivning: "antal / antal med inkomstnivå `totalt` i samma grupp (0–1)" },
  ],
});

export const MALGRUPP = schema({
  namn: "malgrupp",
  beskrivning: "utanför arbetsmarknaden och saknar inkomst, 20–64 år",
  kolumner: [
    ...REGION, MANAD, KON,
    {
      namn: "matt", typ: "text",
      beskrivning: "`utanfor_arbetsmarknaden` (20–64 år vars huvudsakliga inkomstkälla inte är ersättning för arbete) eller `saknar_inkomst` (20–64 år som saknar ersättningar)",
    },
    ANTAL,
    { namn: "andel", typ: "tal", saknas: true, beskrivning: "andel av alla 20–64 år (0–1)" },
  ],
});

/** The three BAS tables, each merged from its files (kub/sammanfoga.ts). */
export interface BasIndata {
  readonly status: Kubfil | undefined;
  readonly kalla: Kubfil | undefined;
  readonly niva: Kubfil | undefined;
}

/** Merges the files of each BAS table; a value in two files is an error naming both. */
export function slaSammanBas(data: readonly BasData[], findings: Findings): BasIndata {
  return {
    status: slaSamman(data, "bas_status", findings),
    kalla: slaSamman(data, "bas_inkomstkalla", findings),
    niva: slaSamman(data, "bas_inkomstniva", findings),
  };
}

export function basTabeller(indata: BasIndata, indelning: Indelning, findings: Findings): Utdatatabell[] {
  const { status, kalla, niva } = indata;
  // ArbStatFoT1 when there is one; otherwise the inkomstkälla totals of ArbStatHuv.
  const kallaData = kalla ?? (niva ? inkomstkallaFranNiva(niva) : undefined);
  const tabell = <S extends Schema>(schema: S, t: ColumnTable | undefined) => (t ? tabellFranArquero(schema, t) : tabellFranRader(schema, []));
  return [
    tabell(ARBETSMARKNADSSTATUS, status ? computeStatus(status, indelning, findings) : undefined),
    tabell(INKOMSTKALLA_SCHEMA, kallaData ? computeInkomstkalla(kallaData, indelning, findings) : undefined),
    tabell(INKOMSTNIVA, niva ? computeInkomstniva(niva, indelning, findings) : undefined),
    // Region findings for these values were already given by computeInkomstkalla.
    tabell(MALGRUPP, kallaData ? computeMalgrupp(kallaData, indelning, new Findings()) : undefined),
  ];
}

/** The BAS tables as CSV text, file name first (tests). */
export function basFiler(data: readonly BasData[], indelning: Indelning, findings: Findings): [string, string][] {
  return [...csvFiler(basTabeller(slaSammanBas(data, findings), indelning, findings))];
}
