/** The helårsekvivalenter outputs (public SCB statistics: published as computed). */
import type { HeResultat } from "../compute/helarsekvivalenter.ts";
import { KON, REGION } from "./kolumner.ts";
import { schema, tabellFranArquero, tabellFranRader, type Utdatatabell } from "./schema.ts";

const ERSATTNING = {
  namn: "ersattning", typ: "text",
  beskrivning: "`sjukpenning`, `sjuk_aktivitetsersattning`, `arbetsloshet`, `arbetsmarknadsatgarder`, `etableringsersattning`, `ekonomiskt_bistand`, `summa`",
} as const;

export const HELARSEKVIVALENTER = schema({
  namn: "helarsekvivalenter",
  beskrivning: "helårsekvivalenter, folkmängd 20–64 år och andel per region, period (månad, halvår, år), kön och ersättning",
  kolumner: [
    ...REGION,
    { namn: "period", typ: "text", beskrivning: "`YYYY-MM` (månad), `YYYY-H1`/`YYYY-H2` (halvår) eller `YYYY` (år)" },
    KON,
    ERSATTNING,
    { namn: "varde", typ: "tal", saknas: true, beskrivning: "helårsekvivalenter; för halvår och år medelvärdet per månad" },
    { namn: "folkmangd", typ: "tal", saknas: true, beskrivning: "folkmängd 20–64 år för samma region, kön och period (medelvärde för halvår och år)" },
    { namn: "andel", typ: "tal", saknas: true, beskrivning: "`varde / folkmangd` (andel 0–1, inte procent)" },
  ],
});

export const HELARSEKVIVALENTER_HALVAR = schema({
  namn: "helarsekvivalenter_halvar",
  beskrivning: "halvårstabellen: snitt per månad för varje halvår, samma halvår året före och skillnaden",
  kolumner: [
    ...REGION,
    { namn: "halvar", typ: "text", beskrivning: "`YYYY-H1` eller `YYYY-H2`" },
    KON,
    ERSATTNING,
    { namn: "varde", typ: "tal", beskrivning: "medelvärde per månad under halvåret" },
    { namn: "varde_foregaende_ar", typ: "tal", saknas: true, beskrivning: "medelvärde per månad under samma halvår året före (tomt om det saknas)" },
    { namn: "differens", typ: "tal", saknas: true, beskrivning: "`varde - varde_foregaende_ar` (tomt om något av dem saknas)" },
  ],
});

/**
 * The cube's long tables (compute/helarsekvivalenter.ts) as output tables; only headers without
 * input. `huvudtabell`: helarsekvivalenter.csv's output table when it was made already (handed
 * over early, `Berakningskontext.tidigUtdata`), used as it is.
 */
export function helarsekvivalenterTabeller(res: HeResultat | undefined, huvudtabell?: Utdatatabell): Utdatatabell[] {
  if (!res) return [tabellFranRader(HELARSEKVIVALENTER, []), tabellFranRader(HELARSEKVIVALENTER_HALVAR, [])];
  return [huvudtabell ?? tabellFranArquero(HELARSEKVIVALENTER, res.tabell), tabellFranArquero(HELARSEKVIVALENTER_HALVAR, res.halvar)];
}
