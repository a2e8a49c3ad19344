/**
 * The activity log's tidy outputs (docs/utdata.md): the year's activities with their
 * participants (the 2018 report's Tabell 18) and activities and participants per year and type
 * (Tabell 16). Counts of staff: published as counted, with no small-cell protection, and never
 * a name of a person (the log's reader refuses them).
 */
import { toCsv } from "../../publish/csv.ts";
import type { Personalinriktade } from "./berakna.ts";

export const AKTIVITETER_FIL = "personalinriktade_aktiviteter.csv";
export const AR_FIL = "personalinriktade_ar.csv";

export const AKTIVITETER_KOLUMNER = [
  "forbund", "ar", "aktivitet", "omgang", "typ", "malgrupp", "forsta_datum", "sista_datum", "tillfallen", "deltagare", "unika",
] as const;
export const AR_KOLUMNER = ["forbund", "ar", "typ", "aktiviteter", "tillfallen", "deltagare"] as const;

/** Both files; with no activity log, each has only its header. */
export function personalinriktadeFiler(data: Personalinriktade | undefined): Map<string, string> {
  const aktiviteter = (data?.aktiviteter ?? []).map((a) => ({
    forbund: a.forbund, ar: a.ar, aktivitet: a.aktivitet, omgang: a.omgang, typ: a.typ, malgrupp: a.malgrupp,
    forsta_datum: a.forstaDatum, sista_datum: a.sistaDatum, tillfallen: a.tillfallen, deltagare: a.deltagare, unika: a.unika,
  }));
  return new Map([
    [AKTIVITETER_FIL, toCsv(aktiviteter, [...AKTIVITETER_KOLUMNER])],
    [AR_FIL, toCsv([...(data?.ar ?? [])], [...AR_KOLUMNER])],
  ]);
}
