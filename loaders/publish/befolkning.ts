/**
 * Population outputs (public SCB statistics, published as computed): befolkning.csv,
 * befolkning_alder.csv (the population pyramid) and forsorjningskvot.csv. Every file is always
 * written, with only its header when there is no population input.
 */
import { computeBefolkning } from "../compute/befolkning.ts";
import { sammanfoga } from "../kub/sammanfoga.ts";
import type { BefolkningData } from "../normalise/befolkning.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import { toCsv } from "./csv.ts";
import { tabellUtdata as tabellCsv, type Utdata } from "./tabellcsv.ts";

const BEFOLKNING = ["niva", "kod", "namn", "ar", "kon", "varde"] as const;
const ALDER = ["niva", "kod", "namn", "ar", "kon", "alder", "varde"] as const;

export function befolkningFiler(data: readonly BefolkningData[], indelning: Indelning, findings: Findings): [string, Utdata][] {
  const merged = sammanfoga(data, "befolkning", findings);
  const r = merged ? computeBefolkning(merged, indelning, findings) : undefined;
  return [
    ["befolkning.csv", r ? tabellCsv(r.befolkning, BEFOLKNING) : toCsv([], [...BEFOLKNING])],
    ["befolkning_alder.csv", r ? tabellCsv(r.alder, ALDER) : toCsv([], [...ALDER])],
    ["forsorjningskvot.csv", r ? tabellCsv(r.forsorjningskvot, BEFOLKNING) : toCsv([], [...BEFOLKNING])],
  ];
}
