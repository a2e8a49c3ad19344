/** BAS outputs: arbetsmarknadsstatus.csv, inkomstkalla.csv, malgrupp.csv. PLACEHOLDER for issue 4. */
import type { BasData } from "../normalise/bas.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";

export function basFiler(_data: readonly BasData[], _indelning: Indelning, _findings: Findings): [string, string][] {
  return [];
}
