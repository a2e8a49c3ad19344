/**
 * BAS outputs (public SCB statistics: published as computed, no protection):
 * arbetsmarknadsstatus.csv, inkomstkalla.csv, inkomstniva.csv and malgrupp.csv. Every file is
 * written; with only its header when its input is absent. Contracts: docs/definitioner/bas.md.
 */
import {
  computeInkomstkalla, computeInkomstniva, computeMalgrupp, computeStatus, inkomstkallaFranNiva, slaSamman,
  type InkomstkallaRad, type InkomstnivaRad, type MalgruppRad, type StatusRad,
} from "../compute/bas.ts";
import type { BasData } from "../normalise/bas.ts";
import type { Indelning } from "../reference/indelning.ts";
import { Findings } from "../validate/findings.ts";
import { toCsv } from "./csv.ts";

export const STATUS_KOLUMNER = ["niva", "kod", "namn", "manad", "kon", "alder", "fodelseregion", "status", "antal", "andel"] as const;
export const INKOMSTKALLA_KOLUMNER = ["niva", "kod", "namn", "manad", "kon", "alder", "inkomstkalla", "antal", "andel"] as const;
export const INKOMSTNIVA_KOLUMNER = ["niva", "kod", "namn", "manad", "kon", "alder", "inkomstkalla", "inkomstniva", "antal", "andel"] as const;
export const MALGRUPP_KOLUMNER = ["niva", "kod", "namn", "manad", "kon", "matt", "antal", "andel"] as const;

export function basFiler(data: readonly BasData[], indelning: Indelning, findings: Findings): [string, string][] {
  const status = slaSamman(data, "bas_status", findings);
  const kalla = slaSamman(data, "bas_inkomstkalla", findings);
  const niva = slaSamman(data, "bas_inkomstniva", findings);
  // ArbStatFoT1 when there is one; otherwise the inkomstkälla totals of ArbStatHuv.
  const kallaData = kalla ?? (niva ? inkomstkallaFranNiva(niva) : undefined);
  const statusRader: StatusRad[] = status ? computeStatus(status, indelning, findings) : [];
  const kallaRader: InkomstkallaRad[] = kallaData ? computeInkomstkalla(kallaData, indelning, findings) : [];
  const nivaRader: InkomstnivaRad[] = niva ? computeInkomstniva(niva, indelning, findings) : [];
  // Region findings for these values were already given by computeInkomstkalla.
  const malgrupp: MalgruppRad[] = kallaData ? computeMalgrupp(kallaData, indelning, new Findings()) : [];
  return [
    ["arbetsmarknadsstatus.csv", toCsv(statusRader, [...STATUS_KOLUMNER])],
    ["inkomstkalla.csv", toCsv(kallaRader, [...INKOMSTKALLA_KOLUMNER])],
    ["inkomstniva.csv", toCsv(nivaRader, [...INKOMSTNIVA_KOLUMNER])],
    ["malgrupp.csv", toCsv(malgrupp, [...MALGRUPP_KOLUMNER])],
  ];
}
