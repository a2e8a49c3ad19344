/**
 * Population outputs (public SCB statistics, published as computed): befolkning.csv,
 * befolkning_alder.csv (the population pyramid) and forsorjningskvot.csv. Every file is always
 * written, with only its header when there is no population input.
 */
import { computeBefolkning } from "../compute/befolkning.ts";
import type { BefolkningData } from "../normalise/befolkning.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import { toCsv } from "./csv.ts";

export function befolkningFiler(data: readonly BefolkningData[], indelning: Indelning, findings: Findings): [string, string][] {
  const r = computeBefolkning(data, indelning, findings) ?? { befolkning: [], alder: [], forsorjningskvot: [] };
  return [
    ["befolkning.csv", toCsv(r.befolkning, ["niva", "kod", "namn", "ar", "kon", "varde"])],
    ["befolkning_alder.csv", toCsv(r.alder, ["niva", "kod", "namn", "ar", "kon", "alder", "varde"])],
    ["forsorjningskvot.csv", toCsv(r.forsorjningskvot, ["niva", "kod", "namn", "ar", "kon", "varde"])],
  ];
}
