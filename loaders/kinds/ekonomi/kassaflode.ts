/**
 * Kassaflödesanalys by the indirect method, from the year's start to the report date:
 *
 *   årets resultat + förändring av avsättningar (ej likviditetspåverkande)
 *   − ökning av fordringar + ökning av kortfristiga skulder
 *   + eget kapital tillfört utanför resultatet     = kassaflöde från den löpande verksamheten
 *   − investeringar + förändring av långfristiga skulder
 *   = årets kassaflöde = förändring av likvida medel (kassa och bank)
 *
 * Eget kapital tillfört utanför resultatet is in the löpande verksamhet as Falun-Borlänge reports
 * it (2023: 771 059 kr "Från Finsam Borlänge", in 3 227 013).
 *
 * Falun-Borlänge 2024: 1 313 353 − 61 547 − 1 369 565 = −117 759; 5 884 438 -> 5 766 679.
 */
import { balansrakning, ingaendeBalans } from "./balansrakning.ts";
import type { Rakenskap } from "./rakenskap.ts";

export const KF_RADER = [
  "arets_resultat",
  "justering_avsattningar",
  "medel_fore_rorelsekapital",
  "forandring_fordringar",
  "forandring_kortfristiga_skulder",
  "ovrigt_eget_kapital",
  "kassaflode_lopande_verksamhet",
  "investeringar",
  "forandring_langfristiga_skulder",
  "arets_kassaflode",
  "likvida_medel_borjan",
  "likvida_medel_slut",
] as const;
export type KfRadnamn = (typeof KF_RADER)[number];

export const KF_RUBRIK: Record<KfRadnamn, string> = {
  arets_resultat: "Årets resultat",
  justering_avsattningar: "Justering för ej likviditetspåverkande poster (avsättningar)",
  medel_fore_rorelsekapital: "Medel från verksamheten före förändring av rörelsekapital",
  forandring_fordringar: "Ökning (−)/minskning (+) av kortfristiga fordringar",
  forandring_kortfristiga_skulder: "Ökning (+)/minskning (−) av kortfristiga skulder",
  kassaflode_lopande_verksamhet: "Kassaflöde från den löpande verksamheten",
  investeringar: "Investeringar (anläggningstillgångar och placeringar)",
  forandring_langfristiga_skulder: "Förändring av långfristiga skulder",
  ovrigt_eget_kapital: "Eget kapital tillfört utanför resultatet",
  arets_kassaflode: "Årets kassaflöde",
  likvida_medel_borjan: "Likvida medel vid periodens början",
  likvida_medel_slut: "Likvida medel vid periodens slut",
};

export type Kassaflode = Record<KfRadnamn, number>;

export function kassaflode(r: Rakenskap, ar: number, till: string): Kassaflode | undefined {
  const fore = ingaendeBalans(r, ar);
  const efter = balansrakning(r, till);
  if (!fore || !efter || efter.arets_resultat === undefined) return undefined;
  const resultat = efter.arets_resultat;
  const justering = efter.avsattningar - fore.avsattningar;
  const fordringar = fore.fordringar - efter.fordringar;
  const skulder = efter.kortfristiga_skulder - fore.kortfristiga_skulder;
  const ovrigtEk = efter.eget_kapital - fore.summa_eget_kapital;
  const lopande = resultat + justering + fordringar + skulder + ovrigtEk;
  const investeringar = (fore.anlaggningstillgangar - efter.anlaggningstillgangar) + (fore.kortfristiga_placeringar - efter.kortfristiga_placeringar);
  const langfristiga = efter.langfristiga_skulder - fore.langfristiga_skulder;
  return {
    arets_resultat: resultat,
    justering_avsattningar: justering,
    medel_fore_rorelsekapital: resultat + justering,
    forandring_fordringar: fordringar,
    forandring_kortfristiga_skulder: skulder,
    kassaflode_lopande_verksamhet: lopande,
    investeringar,
    forandring_langfristiga_skulder: langfristiga,
    ovrigt_eget_kapital: ovrigtEk,
    arets_kassaflode: lopande + investeringar + langfristiga,
    likvida_medel_borjan: fore.kassa_och_bank,
    likvida_medel_slut: efter.kassa_och_bank,
  };
}
