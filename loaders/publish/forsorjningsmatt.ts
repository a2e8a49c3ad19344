/** forsorjningsmatt (always written; only the header when there is no försörjningsmått input). */
import { computeForsorjningsmatt } from "../compute/forsorjningsmatt.ts";
import type { ForsorjningsmattData } from "../normalise/forsorjningsmatt.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import { AR, REGION } from "./kolumner.ts";
import { schema, tabellFranArquero, tabellFranRader, type Utdatatabell } from "./schema.ts";

export const FORSORJNINGSMATT = schema({
  namn: "forsorjningsmatt",
  beskrivning: "försörjningsmått: kostnad, befolkning och kronor per invånare per region, år och grupp",
  kolumner: [
    ...REGION, AR,
    { namn: "grupp", typ: "text", beskrivning: "`ohalsa`, `arbetsmarknadsstod`, `ekonomiskt_bistand`, `total`" },
    { namn: "kostnad_kr", typ: "tal", saknas: true, beskrivning: "kostnad i kronor (SCB:s tkr × 1 000)" },
    { namn: "befolkning", typ: "tal", saknas: true, beskrivning: "befolkningen i åldersgruppen `aldersgrupp`" },
    { namn: "aldersgrupp", typ: "text", beskrivning: "`16-64` eller `16-65`, som utgåvan anger" },
    { namn: "per_invanare", typ: "tal", saknas: true, beskrivning: "`kostnad_kr / befolkning`, kronor per invånare" },
  ],
});

export function forsorjningsmattTabeller(data: readonly ForsorjningsmattData[], indelning: Indelning, findings: Findings): Utdatatabell[] {
  const t = computeForsorjningsmatt(data, indelning, findings);
  return [t ? tabellFranArquero(FORSORJNINGSMATT, t) : tabellFranRader(FORSORJNINGSMATT, [])];
}
