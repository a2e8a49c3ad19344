/** SCB's försörjningsmått for Finsam (xlsx workbook, or CSV saved from it). PLACEHOLDER for issue 4. */
import type { DelimitedText } from "../read/delimited.ts";
import type { Kommun } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";

export interface ForsorjningsmattData {
  readonly fil: string;
}

/** Is this CSV (already split into lines and fields) a försörjningsmått table saved from the workbook? */
export function kannerIgenForsorjningsmatt(_parsed: DelimitedText): boolean {
  return false;
}

export function lasForsorjningsmattCsv(
  _bytes: Uint8Array, _fil: string, _kommuner: ReadonlyMap<string, Kommun>, _findings: Findings,
): ForsorjningsmattData | undefined {
  return undefined;
}

/** An xlsx workbook: its data, "okand" when it is not a försörjningsmått workbook, undefined on error (with findings). */
export async function lasForsorjningsmattArbetsbok(
  _bytes: Uint8Array, _fil: string, _kommuner: ReadonlyMap<string, Kommun>, _findings: Findings,
): Promise<ForsorjningsmattData | "okand" | undefined> {
  return "okand";
}
