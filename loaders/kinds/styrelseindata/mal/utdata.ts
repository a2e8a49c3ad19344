/**
 * The goal table's output tables (docs/utdata.md): the goals per year with the board's grading
 * and what the product measured, the measurements one per row, and the number of goals per
 * grading.
 */
import { AR } from "../../../publish/kolumner.ts";
import { schema, tabellFranRader, type Utdatatabell } from "../../../publish/schema.ts";
import type { Malrapport, Matning } from "./berakna.ts";

const FORBUND = { namn: "forbund", typ: "text", beskrivning: "förbundets id" } as const;
const AR_PLAN = { ...AR, beskrivning: "verksamhetsplanens år, `YYYY`" } as const;
const MAL_NR = { namn: "mal_nr", typ: "text", beskrivning: "målets nummer: från filen, från målets text (\"1. …\") eller dess plats bland förbundets mål det året" } as const;
const BEDOMNING = { namn: "bedomning", typ: "text", beskrivning: "styrelsens bedömning: `uppfyllt`, `delvis`, `ej_uppfyllt` eller `ej_bedomd`" } as const;
const MOTSAGER = {
  namn: "motsager", typ: "heltal", saknas: true,
  beskrivning: "`1` när bedömningen motsäger ett uppmätt värde, `0` när den inte gör det, tomt när inget mättes",
} as const;

export const MAL = schema({
  namn: "mal",
  beskrivning: "verksamhetsplanens mål per år med styrelsens bedömning och det produkten mätte, en rad per rad i indata (ett mål eller en indikator i ett mål)",
  kolumner: [
    FORBUND, AR_PLAN,
    { namn: "malomrade", typ: "text", saknas: true, beskrivning: "målområdet" },
    MAL_NR,
    { namn: "mal", typ: "text", beskrivning: "målet" },
    { namn: "indikator", typ: "text", saknas: true, beskrivning: "indikatorn" },
    { namn: "malvarde", typ: "text", saknas: true, beskrivning: "målvärdet som i indata" },
    { namn: "utfall", typ: "text", saknas: true, beskrivning: "utfallet som förbundet redovisar det" },
    BEDOMNING,
    { namn: "kommentar", typ: "text", saknas: true, beskrivning: "kommentaren (bedömningens ord borttagna)" },
    {
      namn: "matning", typ: "text", saknas: true,
      beskrivning: "det produkten mätte för radens indikatorer (`föreläsningar ≥ 6: 3 föreläsningar 2024 i aktivitetsloggen …`), flera åtskilda med `; `",
    },
    MOTSAGER,
  ],
});

export const MAL_MATNINGAR = schema({
  namn: "mal_matningar",
  beskrivning: "en rad per mätbar indikator i måltabellen: kravet, det uppmätta värdet och om bedömningen motsäger det",
  kolumner: [
    FORBUND, AR_PLAN, MAL_NR,
    { namn: "regel", typ: "text", beskrivning: "`aktivitetsantal` eller `konsuppdelad`" },
    { namn: "indikator", typ: "text", beskrivning: "indikatorns ord som de hittades (`minst sex föreläsningar`)" },
    { namn: "krav", typ: "text", beskrivning: "kravet i fast form (`föreläsningar ≥ 6`)" },
    { namn: "varde", typ: "tal", saknas: true, beskrivning: "det uppmätta värdet; tomt när det inte gick att mäta" },
    { namn: "grans", typ: "tal", saknas: true, beskrivning: "gränsen (`6`); för `konsuppdelad` antalet tabeller med uppgifter för året" },
    { namn: "uppfyllt", typ: "heltal", saknas: true, beskrivning: "`1` eller `0`; tomt när det inte gick att mäta" },
    BEDOMNING,
    MOTSAGER,
    { namn: "underlag", typ: "text", beskrivning: "hur det mättes, eller varför det inte gick" },
  ],
});

export const MAL_BEDOMNING = schema({
  namn: "mal_bedomning",
  beskrivning: "antal mål per bedömning, förbund och år",
  kolumner: [
    FORBUND, AR_PLAN,
    { namn: "bedomning", typ: "text", beskrivning: "`uppfyllt`, `delvis`, `ej_uppfyllt`, `ej_bedomd`, `totalt` (alltid alla fem)" },
    { namn: "antal", typ: "heltal", beskrivning: "antal mål" },
  ],
});

const flagga = (b: boolean | undefined) => (b === undefined ? undefined : b ? 1 : 0);

/** The three tables; with no goal table, each is empty. */
export function malTabeller(rapport: Malrapport | undefined): Utdatatabell[] {
  const perRad = new Map<unknown, Matning[]>();
  for (const m of rapport?.matningar ?? []) perRad.set(m.rad, [...(perRad.get(m.rad) ?? []), m]);
  const mal = (rapport?.rader ?? []).map((r) => {
    const m = perRad.get(r) ?? [];
    const matta = m.filter((x) => x.motsager !== undefined);
    return {
      forbund: r.forbundId, ar: r.ar, malomrade: r.malomrade, mal_nr: r.malNr, mal: r.mal, indikator: r.indikator, malvarde: r.malvarde,
      utfall: r.utfall, bedomning: r.bedomning, kommentar: r.kommentar,
      matning: m.length > 0 ? m.map((x) => `${x.traff.krav}: ${x.resultat.underlag}`).join("; ") : undefined,
      motsager: matta.length > 0 ? flagga(matta.some((x) => x.motsager)) : undefined,
    };
  });
  const ordning = new Map((rapport?.rader ?? []).map((r, i) => [r, i]));
  const matningar = [...(rapport?.matningar ?? [])]
    .sort((a, b) => ordning.get(a.rad)! - ordning.get(b.rad)!)
    .map((m) => ({
      forbund: m.rad.forbundId, ar: m.rad.ar, mal_nr: m.rad.malNr, regel: m.traff.regel, indikator: m.traff.indikator, krav: m.traff.krav,
      varde: m.resultat.varde, grans: m.resultat.grans, uppfyllt: flagga(m.resultat.uppfyllt), bedomning: m.rad.bedomning,
      motsager: flagga(m.motsager), underlag: m.resultat.underlag,
    }));
  return [tabellFranRader(MAL, mal), tabellFranRader(MAL_MATNINGAR, matningar), tabellFranRader(MAL_BEDOMNING, rapport?.bedomningar ?? [])];
}
