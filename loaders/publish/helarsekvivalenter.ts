/** The helårsekvivalenter outputs (public SCB statistics: published as computed). */
import { HALVAR_KOLUMNER, HE_KOLUMNER, type HeResultat } from "../compute/helarsekvivalenter.ts";
import { toCsv } from "./csv.ts";
import { tabellCsv } from "./tabellcsv.ts";

export function helarsekvivalenterFiler(res: HeResultat | undefined): [string, string][] {
  if (!res) return [["helarsekvivalenter.csv", toCsv([], [...HE_KOLUMNER])], ["helarsekvivalenter_halvar.csv", toCsv([], [...HALVAR_KOLUMNER])]];
  return [
    ["helarsekvivalenter.csv", tabellCsv(res.tabell, HE_KOLUMNER)],
    ["helarsekvivalenter_halvar.csv", tabellCsv(res.halvar, HALVAR_KOLUMNER)],
  ];
}
