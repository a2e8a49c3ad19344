/** forsorjningsmatt.csv (always written; only the header when there is no försörjningsmått input). */
import { computeForsorjningsmatt, FORSORJNINGSMATT_KOLUMNER } from "../compute/forsorjningsmatt.ts";
import type { ForsorjningsmattData } from "../normalise/forsorjningsmatt.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import { toCsv } from "./csv.ts";
import { tabellUtdata as tabellCsv, type Utdata } from "./tabellcsv.ts";

export { FORSORJNINGSMATT_KOLUMNER };

export function forsorjningsmattFiler(data: readonly ForsorjningsmattData[], indelning: Indelning, findings: Findings): [string, Utdata][] {
  const t = computeForsorjningsmatt(data, indelning, findings);
  return [["forsorjningsmatt.csv", t ? tabellCsv(t, FORSORJNINGSMATT_KOLUMNER) : toCsv([], [...FORSORJNINGSMATT_KOLUMNER])]];
}
