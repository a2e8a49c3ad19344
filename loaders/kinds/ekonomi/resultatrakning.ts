/**
 * Resultaträkning for the year to the report date: budget, utfall, avvikelse (utfall − budget),
 * prognos and the same period the year before. Statement signs: income positive, costs
 * negative (Södra Dalarna 2025: verksamhetens intäkter 6 569 | 5 672 | −897, kostnader
 * −6 885 | −3 672 | 3 213). The budget is gross: a konto's budget goes to its line, and a budget
 * row without konto to intäkter (an intäkter ID) or kostnader.
 */
import type { Kontorad } from "./installningar.ts";
import { arslage, budgetradFor, budgetrader, harBokningar, prognosposter, radFor, type Rakenskap } from "./rakenskap.ts";
import { ettArTidigare } from "./rapportdatum.ts";

export const RR_RADER = [
  "medlemsbidrag",
  "ovriga_intakter",
  "verksamhetens_intakter",
  "verksamhetens_kostnader",
  "verksamhetens_resultat",
  "finansiella_intakter",
  "finansiella_kostnader",
  "resultat_efter_finansiella_poster",
  "extraordinara_poster",
  "arets_resultat",
] as const;
export type RrRadnamn = (typeof RR_RADER)[number];

export const RR_RUBRIK: Record<RrRadnamn, string> = {
  medlemsbidrag: "varav medlemsbidrag",
  ovriga_intakter: "varav övriga intäkter",
  verksamhetens_intakter: "Verksamhetens intäkter",
  verksamhetens_kostnader: "Verksamhetens kostnader",
  verksamhetens_resultat: "Resultat före finansiella poster",
  finansiella_intakter: "Finansiella intäkter",
  finansiella_kostnader: "Finansiella kostnader",
  resultat_efter_finansiella_poster: "Resultat efter finansiella poster",
  extraordinara_poster: "Extraordinära poster",
  arets_resultat: "Årets resultat",
};

export interface RrRad {
  readonly rad: RrRadnamn;
  readonly budgetOre: number | undefined;
  readonly utfallOre: number;
  readonly prognosOre: number | undefined;
  readonly foregaendeOre: number | undefined;
}

/** Sums per konto line (Kommun-Bas sign) into the statement's lines (statement sign). */
export function rrRader(per: ReadonlyMap<Kontorad, number>): Record<RrRadnamn, number> {
  const v = (k: Kontorad) => 0 - (per.get(k) ?? 0);
  const medlemsbidrag = v("medlemsbidrag");
  const ovriga = v("ovriga_intakter");
  const intakter = medlemsbidrag + ovriga;
  const kostnader = v("verksamhetens_kostnader");
  const fi = v("finansiella_intakter");
  const fk = v("finansiella_kostnader");
  const extra = v("extraordinara_poster");
  return {
    medlemsbidrag, ovriga_intakter: ovriga, verksamhetens_intakter: intakter, verksamhetens_kostnader: kostnader,
    verksamhetens_resultat: intakter + kostnader, finansiella_intakter: fi, finansiella_kostnader: fk,
    resultat_efter_finansiella_poster: intakter + kostnader + fi + fk, extraordinara_poster: extra,
    arets_resultat: intakter + kostnader + fi + fk + extra,
  };
}

function utfallPerRad(r: Rakenskap, ar: number, till: string): Map<Kontorad, number> {
  const per = new Map<Kontorad, number>();
  for (const b of arslage(r, ar)?.bokningar ?? []) {
    if (b.datum > till) break;
    const rad = radFor(r, b);
    per.set(rad, (per.get(rad) ?? 0) + b.ore);
  }
  return per;
}

export function resultatrakning(r: Rakenskap, ar: number, till: string): RrRad[] {
  const utfall = rrRader(utfallPerRad(r, ar, till));
  const fg = harBokningar(r, ar - 1) ? rrRader(utfallPerRad(r, ar - 1, ettArTidigare(till))) : undefined;
  const rader = budgetrader(r, ar);
  const budgetPer = new Map<Kontorad, number>();
  const prognosPer = new Map<Kontorad, number>();
  let harBudget = false;
  for (const b of rader) {
    const rad = budgetradFor(r, b);
    if (b.budgetOre !== undefined) {
      harBudget = true;
      budgetPer.set(rad, (budgetPer.get(rad) ?? 0) + b.budgetOre);
    }
  }
  const poster = prognosposter(r, ar);
  for (const { post, ore } of poster ?? []) {
    const rad = budgetradFor(r, post);
    prognosPer.set(rad, (prognosPer.get(rad) ?? 0) + ore);
  }
  const budget = harBudget ? rrRader(budgetPer) : undefined;
  const prognos = poster ? rrRader(prognosPer) : undefined;
  return RR_RADER.map((rad) => ({
    rad,
    budgetOre: budget?.[rad],
    utfallOre: utfall[rad],
    prognosOre: prognos?.[rad],
    foregaendeOre: fg?.[rad],
  }));
}
