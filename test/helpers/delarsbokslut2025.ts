/**
 * Södra Dalarnas samordningsförbund, delårsbokslut 2025-09-03 (shared/seeds): Tabell 1-4 as the
 * report prints them. The example participant data must reproduce Tabell 2-4.
 */

export const PERIODER = [
  ["2023-01", "2023-12"], // Jan 2023- dec 2023
  ["2023-07", "2024-06"], // Juli 2023- juni 2024
  ["2024-01", "2024-12"], // Jan 2024- dec 2024
  ["2024-07", "2025-06"], // Juli 2024- juni 2025
] as const;

export type Rad = "Deltagare totalt" | "Antal avslut" | "Resultat mot mål" | "Genomströmningstid i snitt" | "Tid i bidrag/arbets- eller studielöshet före start";

// Södra Dalarnas samordningsförbund, delårsbokslut 2025-09-03, Tabell 2-4, så som rapporten trycker dem.
export const TABELLER: Record<string, Record<Rad, readonly string[]>> = {
  "Samverkansteam Avesta": {
    "Deltagare totalt": ["76", "74", "76", "71"],
    "Antal avslut": ["21", "23", "24", "18"],
    "Resultat mot mål": ["67 %", "48 %", "46 %", "67 %"],
    "Genomströmningstid i snitt": ["18,4 mån", "20,3 mån", "23,5 mån", "23,3 mån"],
    "Tid i bidrag/arbets- eller studielöshet före start": ["3,4 år", "4,7 år", "6,9 år", "5,6 år"],
  },
  "Samverkansteam Kraften Hedemora": {
    "Deltagare totalt": ["57", "53", "54", "55"],
    "Antal avslut": ["21", "18", "13", "22"],
    "Resultat mot mål": ["52 %", "50 %", "54 %", "45 %"],
    "Genomströmningstid i snitt": ["19,3 mån", "17,7 mån", "17 mån", "26,6 mån"],
    "Tid i bidrag/arbets- eller studielöshet före start": ["5,1 år", "6,1 år", "4,2 år", "5,1 år"],
  },
  "Samverkansteam Säter": {
    "Deltagare totalt": ["35", "34", "36", "37"],
    "Antal avslut": ["4", "8", "13", "10"],
    "Resultat mot mål": ["50 %", "38 %", "46 %", "70 %"],
    "Genomströmningstid i snitt": ["26,5 mån", "29 mån", "30,6 mån", "40 mån"],
    "Tid i bidrag/arbets- eller studielöshet före start": ["5,5 år", "7,0 år", "5,1 år", "6,2 år"],
  },
};

// Tabell 1 (förbundet totalt), så som rapporten trycker den.
export const TABELL1: Record<Rad, readonly string[]> = {
  "Deltagare totalt": ["16", "161", "166", "163"],
  "Antal avslut": ["46", "49", "50", "40"],
  "Resultat mot mål": ["59 %", "47 %", "48 %", "58 %"],
  "Genomströmningstid i snitt": ["19,4 mån", "20,4 mån", "23,4 mån", "28,5 mån"],
  "Tid i bidrag/arbets- eller studielöshet före start": ["4,2 år", "5,6 år", "5,7 år", "5,6 år"],
};
/** Tabell 1:s två celler som inte stämmer med teamtabellerna, och teamens summa (se README). */
export const TABELL1_FEL: Partial<Record<Rad, Record<number, number>>> = {
  "Deltagare totalt": { 0: 76 + 57 + 35 },
  "Antal avslut": { 3: 18 + 22 + 10 },
};

/** `"18,4 mån"` -> 18.4, `"67 %"` -> 67. */
export function tal(tryckt: string): number {
  return Number(tryckt.replace(/\s*(%|mån|år)$/, "").replace(",", "."));
}

