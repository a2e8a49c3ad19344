/** SCB population (BE0101) by region, kön and ålder. PLACEHOLDER for issue 4. */
import type { PxTable } from "../read/pxweb.ts";
import type { Kommun } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import type { ScbData } from "./scbtabell.ts";

export type BefolkningData = ScbData;

export function isBefolkning(_t: PxTable): boolean {
  return false;
}

export function normaliseBefolkning(
  _t: PxTable, _kommuner: ReadonlyMap<string, Kommun>, _lanKoder: ReadonlySet<string>, _findings: Findings,
): BefolkningData | undefined {
  return undefined;
}
