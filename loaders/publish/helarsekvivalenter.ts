/** The helårsekvivalenter outputs (public SCB statistics: published as computed). */
import { HALVAR_KOLUMNER, HE_KOLUMNER, type HeResultat } from "../compute/helarsekvivalenter.ts";
import { toCsv } from "./csv.ts";
import { tabellUtdata, type Utdata } from "./tabellcsv.ts";

export function helarsekvivalenterFiler(res: HeResultat | undefined): [string, Utdata][] {
  if (!res) return [["helarsekvivalenter.csv", toCsv([], [...HE_KOLUMNER])], ["helarsekvivalenter_halvar.csv", toCsv([], [...HALVAR_KOLUMNER])]];
  return [
    ["helarsekvivalenter.csv", tabellUtdata(res.tabell, HE_KOLUMNER)],
    ["helarsekvivalenter_halvar.csv", tabellUtdata(res.halvar, HALVAR_KOLUMNER)],
  ];
}
