/**
 * Which line of the resultaträkning or balansräkning a konto belongs to, and its line in the
 * noter. The settings' `konton` (by konto or the start of one; the longest match wins) come
 * first; then the Kommun-Bas classes:
 *
 *   10-13 anläggningstillgångar · 14-17 fordringar · 18 kortfristiga placeringar · 19 kassa och bank
 *   20-21 eget kapital · 22 avsättningar · 23 långfristiga skulder · 24-29 kortfristiga skulder
 *   3 verksamhetens intäkter · 4-7 verksamhetens kostnader
 *   84 finansiella intäkter · 85 finansiella kostnader · 87-88 extraordinära poster · 89 årets resultat (bokslut)
 *
 * Anything else (class 0 and 9, skatteintäkter 80-83) is not mapped: a booking there is an
 * error until the settings say where it belongs.
 */
import type { Balansrad, EkonomiInstallningar, Kontorad, Resultatrad } from "./installningar.ts";

/** Kommun-Bas kontogrupper (two digits), for the noter's lines by default. */
export const KONTOGRUPPER: Readonly<Record<string, string>> = {
  "10": "Immateriella anläggningstillgångar",
  "11": "Mark, byggnader och tekniska anläggningar",
  "12": "Maskiner och inventarier",
  "13": "Finansiella anläggningstillgångar",
  "14": "Förråd och lager",
  "15": "Kundfordringar",
  "16": "Övriga kortfristiga fordringar",
  "17": "Förutbetalda kostnader och upplupna intäkter",
  "18": "Kortfristiga placeringar",
  "19": "Kassa och bank",
  "20": "Eget kapital",
  "22": "Avsättningar",
  "23": "Långfristiga skulder",
  "24": "Kortfristiga skulder till kreditinstitut",
  "25": "Leverantörsskulder",
  "26": "Mervärdesskatt",
  "27": "Personalens skatter och avgifter",
  "28": "Övriga kortfristiga skulder",
  "29": "Upplupna kostnader och förutbetalda intäkter",
  "30": "Försäljningsintäkter",
  "31": "Taxor och avgifter",
  "34": "Hyror och arrenden",
  "35": "Bidrag",
  "36": "Försäljning av verksamhet och konsulttjänster",
  "39": "Övriga intäkter",
  "40": "Inköp av anläggnings- och omsättningstillgångar",
  "41": "Inköp av material",
  "45": "Lämnade bidrag",
  "46": "Köp av huvudverksamhet",
  "50": "Löner arbetad tid",
  "51": "Löner ej arbetad tid",
  "53": "Andra ersättningar",
  "54": "Naturaförmåner",
  "55": "Kostnadsersättningar",
  "56": "Sociala avgifter enligt lagar och avtal",
  "57": "Pensionskostnader",
  "60": "Lokal- och markhyror",
  "61": "Fastighetskostnader",
  "62": "Bränsle och energi",
  "63": "Hyra och leasing av anläggningstillgångar",
  "64": "Förbrukningsinventarier och förbrukningsmaterial",
  "65": "Kontorsmaterial och trycksaker",
  "66": "Reparationer och underhåll",
  "68": "Tele-, IT-kommunikation och postbefordran",
  "69": "Kostnader för transportmedel",
  "70": "Transporter och resor",
  "71": "Representation",
  "72": "Annonser, reklam och information",
  "73": "Försäkringspremier och riskkostnader",
  "74": "Övriga främmande tjänster",
  "75": "Tillfälligt inhyrd personal",
  "76": "Diverse kostnader",
  "78": "Realisationsförluster",
  "79": "Avskrivningar",
  "84": "Finansiella intäkter",
  "85": "Finansiella kostnader",
  "87": "Extraordinära intäkter",
  "88": "Extraordinära kostnader",
  "89": "Årets resultat",
};

export interface Kontoklass {
  readonly rad: Kontorad;
  /** The note line: from the settings, else the Kommun-Bas group (or "Kontogrupp NN"). */
  readonly not: string;
  /** Whether the note line was named in the settings. */
  readonly egenNot: boolean;
}

const RESULTAT = new Set<string>(["medlemsbidrag", "ovriga_intakter", "verksamhetens_kostnader", "finansiella_intakter", "finansiella_kostnader", "extraordinara_poster", "resultatdisposition"]);

export function arResultatrad(rad: Kontorad): rad is Resultatrad {
  return RESULTAT.has(rad);
}

export function arBalansrad(rad: Kontorad): rad is Balansrad {
  return !RESULTAT.has(rad);
}

/** The Kommun-Bas line of a konto, or undefined when its class is not mapped by default. */
export function kommunBasRad(konto: string): Kontorad | undefined {
  const k = Number(konto.slice(0, 2));
  if (konto.length < 2 || !/^\d+$/.test(konto)) return undefined;
  if (k >= 10 && k <= 13) return "anlaggningstillgangar";
  if (k >= 14 && k <= 17) return "fordringar";
  if (k === 18) return "kortfristiga_placeringar";
  if (k === 19) return "kassa_och_bank";
  if (k === 20 || k === 21) return "eget_kapital";
  if (k === 22) return "avsattningar";
  if (k === 23) return "langfristiga_skulder";
  if (k >= 24 && k <= 29) return "kortfristiga_skulder";
  if (k >= 30 && k <= 39) return "ovriga_intakter";
  if (k >= 40 && k <= 79) return "verksamhetens_kostnader";
  if (k === 84) return "finansiella_intakter";
  if (k === 85) return "finansiella_kostnader";
  if (k === 87 || k === 88) return "extraordinara_poster";
  if (k === 89) return "resultatdisposition";
  return undefined;
}

/** The settings' entry for the longest prefix of `konto`, if any. */
function installning(konto: string, inst: EkonomiInstallningar): { rad?: Kontorad; not?: string } | undefined {
  for (let n = konto.length; n >= 1; n--) {
    const v = inst.konton.get(konto.slice(0, n));
    if (v) return v;
  }
  return undefined;
}

/**
 * The line and note line of `konto`, or undefined when neither the settings nor Kommun-Bas map
 * it. `kontonamn` names a group the built-in list does not know.
 */
export function klassificera(konto: string, inst: EkonomiInstallningar, kontonamn?: string): Kontoklass | undefined {
  const egen = installning(konto, inst);
  const rad = egen?.rad ?? kommunBasRad(konto);
  if (rad === undefined) return undefined;
  if (egen?.not) return { rad, not: egen.not, egenNot: true };
  const grupp = konto.slice(0, 2);
  return { rad, not: KONTOGRUPPER[grupp] ?? (kontonamn?.trim() || `Kontogrupp ${grupp}`), egenNot: false };
}

/** A konto as written in a file: digits only (`5010`, `5010.0` from Excel). */
export function normaliseraKonto(v: string | number): string | undefined {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? String(v) : undefined;
  const s = v.trim().replace(/[ \u00a0]/g, "");
  return /^\d{1,10}$/.test(s) ? s : undefined;
}
