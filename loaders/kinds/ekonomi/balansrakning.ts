/**
 * Balansräkning at a date, from the opening balances and the bookings to that date. Statement
 * signs: assets, eget kapital, avsättningar and skulder all positive. Eget kapital is shown as
 * in the reports: eget kapital without the year's result (the opening eget kapital plus any
 * booking made directly on it), the year's result, and their sum.
 *
 *   summa tillgångar = summa eget kapital, avsättningar och skulder   (when the ledger balances)
 */
import type { Kontorad } from "./installningar.ts";
import { aretsResultat, arslage, balanssumma, egetKapitalIngaende, egetKapitalTotalt, type Rakenskap } from "./rakenskap.ts";
import { helAr } from "./rapportdatum.ts";

export const BR_RADER = [
  "anlaggningstillgangar",
  "fordringar",
  "kortfristiga_placeringar",
  "kassa_och_bank",
  "summa_omsattningstillgangar",
  "summa_tillgangar",
  "eget_kapital",
  "arets_resultat",
  "summa_eget_kapital",
  "avsattningar",
  "langfristiga_skulder",
  "kortfristiga_skulder",
  "summa_skulder",
  "summa_eget_kapital_och_skulder",
] as const;
export type BrRadnamn = (typeof BR_RADER)[number];

export const BR_RUBRIK: Record<BrRadnamn, string> = {
  anlaggningstillgangar: "Anläggningstillgångar",
  fordringar: "Fordringar",
  kortfristiga_placeringar: "Kortfristiga placeringar",
  kassa_och_bank: "Kassa och bank",
  summa_omsattningstillgangar: "Summa omsättningstillgångar",
  summa_tillgangar: "Summa tillgångar",
  eget_kapital: "Eget kapital",
  arets_resultat: "Årets resultat",
  summa_eget_kapital: "Summa eget kapital",
  avsattningar: "Avsättningar (pensioner)",
  langfristiga_skulder: "Långfristiga skulder",
  kortfristiga_skulder: "Kortfristiga skulder",
  summa_skulder: "Summa skulder",
  summa_eget_kapital_och_skulder: "Summa eget kapital, avsättningar och skulder",
};

/** Amounts per line (öre); the year's result is unknown (undefined) when only the opening of the next year is. */
export type Balans = Record<Exclude<BrRadnamn, "arets_resultat">, number> & { readonly arets_resultat: number | undefined };

const rad = (...r: Kontorad[]) => new Set<Kontorad>(r);

/**
 * The balansräkning at `datum`, or undefined when it cannot be known (no balance konton, or the
 * year's opening balances are unknown). At a year's end without bookings that year, the next
 * year's opening balances (IB) are the balances.
 */
export function balansrakning(r: Rakenskap, datum: string): Balans | undefined {
  if (!r.huvudbok.harBalanskonton) return undefined;
  const ar = Number(datum.slice(0, 4));
  const a = arslage(r, ar);
  const nasta = arslage(r, ar + 1);
  if (a && a.kand && (a.bokningar.length > 0 || !helAr(datum) || !nasta?.kand)) {
    const s = (...rader: Kontorad[]) => balanssumma(r, ar, datum, rad(...rader));
    const resultat = aretsResultat(r, ar, datum);
    return stall(s, egetKapitalTotalt(r, ar, datum), resultat);
  }
  if (helAr(datum) && nasta?.kand) return ingaendeBalans(r, ar + 1);
  return undefined;
}

/** The balances at the start of year `ar` (its opening), or undefined when unknown. */
export function ingaendeBalans(r: Rakenskap, ar: number): Balans | undefined {
  const a = arslage(r, ar);
  if (!a || !a.kand || !r.huvudbok.harBalanskonton) return undefined;
  const s = (...rader: Kontorad[]) => {
    let v = 0;
    for (const [k, o] of a.oppning) if (rader.includes(r.radAv.get(k)!)) v += o;
    return v;
  };
  return stall(s, egetKapitalIngaende(r, ar), undefined);
}

function stall(s: (...rader: Kontorad[]) => number, ekTotalt: number, resultat: number | undefined): Balans {
  const anl = s("anlaggningstillgangar");
  const ford = s("fordringar");
  const plac = s("kortfristiga_placeringar");
  const kassa = s("kassa_och_bank");
  const avs = 0 - s("avsattningar");
  const lsk = 0 - s("langfristiga_skulder");
  const ksk = 0 - s("kortfristiga_skulder");
  const oms = ford + plac + kassa;
  return {
    anlaggningstillgangar: anl, fordringar: ford, kortfristiga_placeringar: plac, kassa_och_bank: kassa,
    summa_omsattningstillgangar: oms, summa_tillgangar: anl + oms,
    eget_kapital: ekTotalt - (resultat ?? 0), arets_resultat: resultat, summa_eget_kapital: ekTotalt,
    avsattningar: avs, langfristiga_skulder: lsk, kortfristiga_skulder: ksk, summa_skulder: lsk + ksk,
    summa_eget_kapital_och_skulder: ekTotalt + avs + lsk + ksk,
  };
}
