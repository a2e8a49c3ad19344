/**
 * BAS outputs (public SCB statistics: published as computed, no protection):
 * arbetsmarknadsstatus.csv, inkomstkalla.csv, inkomstniva.csv and malgrupp.csv. Every file is
 * written; with only its header when its input is absent. Contracts: docs/definitioner/bas.md.
 */
import {
  computeInkomstkalla, computeInkomstniva, computeMalgrupp, computeStatus, inkomstkallaFranNiva, slaSamman,
  INKOMSTKALLA_KOLUMNER, INKOMSTNIVA_KOLUMNER, MALGRUPP_KOLUMNER, STATUS_KOLUMNER,
} from "../compute/bas.ts";
import type { BasData } from "../normalise/bas.ts";
import type { Indelning } from "../reference/indelning.ts";
import { Findings } from "../validate/findings.ts";
import { toCsv } from "./csv.ts";
import { tabellUtdata as tabellCsv, type Utdata } from "./tabellcsv.ts";

export { INKOMSTKALLA_KOLUMNER, INKOMSTNIVA_KOLUMNER, MALGRUPP_KOLUMNER, STATUS_KOLUMNER };

export function basFiler(data: readonly BasData[], indelning: Indelning, findings: Findings): [string, Utdata][] {
  const status = slaSamman(data, "bas_status", findings);
  const kalla = slaSamman(data, "bas_inkomstkalla", findings);
  const niva = slaSamman(data, "bas_inkomstniva", findings);
  // ArbStatFoT1 when there is one; otherwise the inkomstkälla totals of ArbStatHuv.
  const kallaData = kalla ?? (niva ? inkomstkallaFranNiva(niva) : undefined);
  const tom = (k: readonly string[]) => toCsv([], [...k]);
  return [
    ["arbetsmarknadsstatus.csv", status ? tabellCsv(computeStatus(status, indelning, findings), STATUS_KOLUMNER) : tom(STATUS_KOLUMNER)],
    ["inkomstkalla.csv", kallaData ? tabellCsv(computeInkomstkalla(kallaData, indelning, findings), INKOMSTKALLA_KOLUMNER) : tom(INKOMSTKALLA_KOLUMNER)],
    ["inkomstniva.csv", niva ? tabellCsv(computeInkomstniva(niva, indelning, findings), INKOMSTNIVA_KOLUMNER) : tom(INKOMSTNIVA_KOLUMNER)],
    // Region findings for these values were already given by computeInkomstkalla.
    ["malgrupp.csv", kallaData ? tabellCsv(computeMalgrupp(kallaData, indelning, new Findings()), MALGRUPP_KOLUMNER) : tom(MALGRUPP_KOLUMNER)],
  ];
}
