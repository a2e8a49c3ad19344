/**
 * The goal table's tidy outputs (docs/utdata.md): the goals per year with the board's grading and
 * what the product measured, the measurements one per row, and the number of goals per grading.
 */
import { toCsv } from "../../publish/csv.ts";
import type { Malrapport, Matning } from "./berakna.ts";

export const MAL_FIL = "mal.csv";
export const MATNINGAR_FIL = "mal_matningar.csv";
export const BEDOMNING_FIL = "mal_bedomning.csv";

export const MAL_KOLUMNER = [
  "forbund", "ar", "malomrade", "mal_nr", "mal", "indikator", "malvarde", "utfall", "bedomning", "kommentar", "matning", "motsager",
] as const;
export const MATNINGAR_KOLUMNER = [
  "forbund", "ar", "mal_nr", "regel", "indikator", "krav", "varde", "grans", "uppfyllt", "bedomning", "motsager", "underlag",
] as const;
export const BEDOMNING_KOLUMNER = ["forbund", "ar", "bedomning", "antal"] as const;

const flagga = (b: boolean | undefined) => (b === undefined ? undefined : b ? 1 : 0);

/** The three files; with no goal table, each has only its header. */
export function malFiler(rapport: Malrapport | undefined): Map<string, string> {
  const perRad = new Map<unknown, Matning[]>();
  for (const m of rapport?.matningar ?? []) perRad.set(m.rad, [...(perRad.get(m.rad) ?? []), m]);
  const mal = (rapport?.rader ?? []).map((r) => {
    const m = perRad.get(r) ?? [];
    const matta = m.filter((x) => x.motsager !== undefined);
    return {
      forbund: r.forbundId, ar: r.ar, malomrade: r.malomrade, mal_nr: r.malNr, mal: r.mal, indikator: r.indikator, malvarde: r.malvarde,
      utfall: r.utfall, bedomning: r.bedomning, kommentar: r.kommentar,
      matning: m.length > 0 ? m.map((x) => `${x.traff.krav}: ${x.resultat.underlag}`).join("; ") : undefined,
      motsager: matta.length > 0 ? flagga(matta.some((x) => x.motsager)) : undefined,
    };
  });
  const ordning = new Map((rapport?.rader ?? []).map((r, i) => [r, i]));
  const matningar = [...(rapport?.matningar ?? [])]
    .sort((a, b) => ordning.get(a.rad)! - ordning.get(b.rad)!)
    .map((m) => ({
      forbund: m.rad.forbundId, ar: m.rad.ar, mal_nr: m.rad.malNr, regel: m.traff.regel, indikator: m.traff.indikator, krav: m.traff.krav,
      varde: m.resultat.varde, grans: m.resultat.grans, uppfyllt: flagga(m.resultat.uppfyllt), bedomning: m.rad.bedomning,
      motsager: flagga(m.motsager), underlag: m.resultat.underlag,
    }));
  return new Map([
    [MAL_FIL, toCsv(mal, [...MAL_KOLUMNER])],
    [MATNINGAR_FIL, toCsv(matningar, [...MATNINGAR_KOLUMNER])],
    [BEDOMNING_FIL, toCsv([...(rapport?.bedomningar ?? [])], [...BEDOMNING_KOLUMNER])],
  ]);
}
