/** Population outputs: befolkning.csv, forsorjningskvot.csv. PLACEHOLDER for issue 4. */
import type { BefolkningData } from "../normalise/befolkning.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";

export function befolkningFiler(_data: readonly BefolkningData[], _indelning: Indelning, _findings: Findings): [string, string][] {
  return [];
}
