/** forsorjningsmatt.csv (always written; only the header when there is no försörjningsmått input). */
import { computeForsorjningsmatt, type ForsorjningsmattUtrad } from "../compute/forsorjningsmatt.ts";
import type { ForsorjningsmattData } from "../normalise/forsorjningsmatt.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import { toCsv } from "./csv.ts";

export const FORSORJNINGSMATT_KOLUMNER = [
  "niva", "kod", "namn", "ar", "grupp", "kostnad_kr", "befolkning", "aldersgrupp", "per_invanare",
] as const satisfies readonly (keyof ForsorjningsmattUtrad)[];

export function forsorjningsmattFiler(data: readonly ForsorjningsmattData[], indelning: Indelning, findings: Findings): [string, string][] {
  const rows = computeForsorjningsmatt(data, indelning, findings);
  return [["forsorjningsmatt.csv", toCsv(rows, [...FORSORJNINGSMATT_KOLUMNER])]];
}
