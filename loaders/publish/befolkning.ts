/**
 * Population outputs (public SCB statistics, published as computed): befolkning,
 * befolkning_alder (the population pyramid) and forsorjningskvot. Every table is always
 * written, with only its header when there is no population input.
 */
import { computeBefolkning } from "../compute/befolkning.ts";
import type { BefolkningData } from "../normalise/befolkning.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import { csvFiler } from "./csv.ts";
import { AR, KON, REGION } from "./kolumner.ts";
import { schema, tabellFranArquero, tabellFranRader, type Utdatatabell } from "./schema.ts";
import { sammanfoga, type Kubfil } from "../kub/sammanfoga.ts";

export const BEFOLKNING = schema({
  namn: "befolkning",
  beskrivning: "folkmängd per region, år (den 31 december) och kön",
  kolumner: [...REGION, AR, KON, { namn: "varde", typ: "tal", saknas: true, beskrivning: "folkmängd, alla åldrar" }],
});

export const BEFOLKNING_ALDER = schema({
  namn: "befolkning_alder",
  beskrivning: "folkmängd per region, år, kön och femårsgrupp",
  kolumner: [
    ...REGION, AR, KON,
    { namn: "alder", typ: "text", beskrivning: "femårsgrupp `0-4` … `95-99`, `100+`" },
    { namn: "varde", typ: "tal", saknas: true, beskrivning: "folkmängd i åldersgruppen" },
  ],
});

export const FORSORJNINGSKVOT = schema({
  namn: "forsorjningskvot",
  beskrivning: "demografisk försörjningskvot per region, år och kön",
  kolumner: [
    ...REGION, AR, KON,
    { namn: "varde", typ: "tal", saknas: true, beskrivning: "(0–19 år + 65 år och äldre) / 20–64 år, en kvot (t.ex. 0,85), inte procent" },
  ],
});

/** The files as one cube (kub/sammanfoga.ts: a value in two files is an error naming both); null without input. */
export function slaSammanBefolkning(data: readonly BefolkningData[], findings: Findings): Kubfil | null | undefined {
  return data.length === 0 ? null : sammanfoga(data, "befolkning", findings);
}

export function befolkningTabeller(data: Kubfil | null, indelning: Indelning, findings: Findings): Utdatatabell[] {
  if (!data) return [tabellFranRader(BEFOLKNING, []), tabellFranRader(BEFOLKNING_ALDER, []), tabellFranRader(FORSORJNINGSKVOT, [])];
  const r = computeBefolkning(data, indelning, findings);
  return [
    tabellFranArquero(BEFOLKNING, r.befolkning),
    tabellFranArquero(BEFOLKNING_ALDER, r.alder),
    tabellFranArquero(FORSORJNINGSKVOT, r.forsorjningskvot),
  ];
}

/** The population tables as CSV text, file name first (tests). */
export function befolkningFiler(data: readonly BefolkningData[], indelning: Indelning, findings: Findings): [string, string][] {
  const merged = slaSammanBefolkning(data, findings);
  return merged === undefined ? [] : [...csvFiler(befolkningTabeller(merged, indelning, findings))];
}
