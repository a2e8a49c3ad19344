/** forsorjningsmatt.csv. PLACEHOLDER for issue 4. */
import type { ForsorjningsmattData } from "../normalise/forsorjningsmatt.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";

export function forsorjningsmattFiler(_data: readonly ForsorjningsmattData[], _indelning: Indelning, _findings: Findings): [string, string][] {
  return [];
}
