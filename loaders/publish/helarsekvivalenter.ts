/** The helårsekvivalenter outputs (public SCB statistics: published as computed). */
import type { HeRad } from "../compute/helarsekvivalenter.ts";
import { halvarstabell } from "../compute/halvarstabell.ts";
import { toCsv } from "./csv.ts";

export function helarsekvivalenterFiler(rader: readonly HeRad[]): [string, string][] {
  return [
    ["helarsekvivalenter.csv", toCsv(rader, ["niva", "kod", "namn", "period", "kon", "ersattning", "varde", "folkmangd", "andel"])],
    [
      "helarsekvivalenter_halvar.csv",
      toCsv(halvarstabell(rader), ["niva", "kod", "namn", "halvar", "kon", "ersattning", "varde", "varde_foregaende_ar", "differens"]),
    ],
  ];
}
