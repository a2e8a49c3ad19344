/**
 * Economy nyckeltal for the year to the report date:
 *
 *   soliditet            = eget kapital / summa tillgångar at the report date
 *                          (Falun-Borlänge 2024: 4 224 101 / 5 980 436 = 70,6 %)
 *   andel_administration = verksamhetens kostnader on styrelse and administration IDs / all verksamhetens kostnader
 *   andel_insatser       = verksamhetens kostnader on every other ID / all verksamhetens kostnader
 *                          (Falun-Borlänge 2024: 6 421 915 / 7 385 665 = 87 %, administration 963 750 = 13 %)
 *
 * Costs are gross (income on the same ID is not netted). Costs booked without an ID are in the
 * denominator only, so the two shares then sum to less than 1.
 */
import { balansrakning } from "./balansrakning.ts";
import { arslage, postAv, radFor, type Rakenskap } from "./rakenskap.ts";

export const NYCKELTAL = ["soliditet", "andel_insatser", "andel_administration"] as const;
export type Nyckeltal = (typeof NYCKELTAL)[number];

export interface NyckeltalRad {
  readonly matt: Nyckeltal;
  readonly taljareOre: number;
  readonly namnareOre: number;
}

export function nyckeltal(r: Rakenskap, ar: number, till: string): NyckeltalRad[] {
  const ut: NyckeltalRad[] = [];
  const br = balansrakning(r, till);
  if (br && br.summa_tillgangar !== 0) ut.push({ matt: "soliditet", taljareOre: br.summa_eget_kapital, namnareOre: br.summa_tillgangar });
  let totalt = 0;
  let administration = 0;
  let insatser = 0;
  for (const b of arslage(r, ar)?.bokningar ?? []) {
    if (b.datum > till) break;
    if (radFor(r, b) !== "verksamhetens_kostnader") continue;
    totalt += b.ore;
    const post = postAv(r, b.id);
    if (post === "styrelse" || post === "administration") administration += b.ore;
    else if (post !== undefined) insatser += b.ore;
  }
  if (totalt !== 0) {
    ut.push({ matt: "andel_insatser", taljareOre: insatser, namnareOre: totalt });
    ut.push({ matt: "andel_administration", taljareOre: administration, namnareOre: totalt });
  }
  return ut;
}
