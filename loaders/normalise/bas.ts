/**
 * SCB BAS (Befolkningens arbetsmarknadsstatus, AM0210): status per month (ArbStatusM,
 * TAB6260), huvudsaklig inkomstkälla (ArbStatFoT1, TAB1784) and inkomstkälla x arbetsrelaterad
 * inkomstnivå (ArbStatHuv). PLACEHOLDER for issue 4: recognises nothing yet.
 */
import type { PxTable } from "../read/pxweb.ts";
import type { Kommun } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import type { ScbData } from "./scbtabell.ts";

export type BasKalla = "bas_status" | "bas_inkomstkalla" | "bas_inkomstniva";

export interface BasData {
  readonly kalla: BasKalla;
  readonly data: ScbData;
}

/** Which BAS table this is, recognised by its dimensions and content labels. */
export function basKalla(_t: PxTable): BasKalla | undefined {
  return undefined;
}

export function normaliseBas(
  _kalla: BasKalla, _t: PxTable, _kommuner: ReadonlyMap<string, Kommun>, _lanKoder: ReadonlySet<string>, _findings: Findings,
): BasData | undefined {
  return undefined;
}
