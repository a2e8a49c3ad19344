/**
 * The header names (by `labelKey`) of the SCB tables' stub variables, in one place: the specs
 * use them to find their dimensions, and the table reader (`read/pxweb.ts`) to know that a
 * column of codes (`2080`, `1`, `TotSa`) is a variable, not a column of values.
 */
import { REGION_RUBRIKER } from "./region.ts";

export const RUBRIKER = {
  kon: ["kon", "sex"],
  alder: ["alder", "age", "aldersgrupp", "alder (bas)"],
  fodelseregion: ["fodelseregion", "fodelseland", "fodelselandgrupp", "fodelseregion (bas)"],
  status: ["arbetsmarknadsstatus", "status", "arbetsmarknadsstatus (bas)"],
  inkomstkalla: ["huvudsaklig inkomstkalla", "inkomstkalla", "huvudsaklig inkomstkalla (bas)"],
  inkomstniva: ["arbetsrelaterad inkomstniva", "inkomstniva", "arbetsrelaterad inkomstniva (bas)"],
  civilstand: ["civilstand"],
} as const;

/** Every stub variable's header, the region's included. */
export const DIMENSIONSRUBRIKER: ReadonlySet<string> = new Set([...REGION_RUBRIKER, ...Object.values(RUBRIKER).flat()]);
