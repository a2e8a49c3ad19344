/**
 * The seed reports' economy tables as printed (../shared/design/ekonomi-tabeller.md), and the
 * cells where a report contradicts its own arithmetic, with the value the arithmetic gives. The
 * example data (scripts/generera-ekonomi.ts) must reproduce every other cell after the reports'
 * rounding to tkr.
 */

/** Södra Dalarna, delårsbokslut 2025, Tabell 6: budget | utfall | avvikelse | prognos (tkr). */
export const SD_2025_TABELL_6: Record<string, readonly number[]> = {
  verksamhetens_intakter: [6569, 5672, -897, 6569],
  verksamhetens_kostnader: [-6885, -3672, 3213, -6630],
  verksamhetens_resultat: [-316, 2000, 2316, -61],
  finansiella_intakter: [0, 61, 61, 61],
  finansiella_kostnader: [0, 0, 0, 0],
  arets_resultat: [-316, 2060, 2376, 0],
};
/** Tabell 6's prognos follows Tabell 7's total (0), not Tabell 7's rows, which sum to −10 (a result of +10). */
export const SD_2025_TABELL_6_RATTAT: Record<string, Record<number, number>> = {
  verksamhetens_kostnader: { 3: -6620 },
  verksamhetens_resultat: { 3: -51 },
  arets_resultat: { 3: 10 },
};

/** Tabell 7: ack utfall | årsbudget | återstår | förbrukad (%) | prognos, per ID (tkr). */
export const SD_2025_TABELL_7: Record<string, readonly (number | null)[]> = {
  "10000": [183, 230, 47, 79, 270],
  "20000": [666, 1340, 684, 49, 1024],
  "21000": [0, 50, 50, 0, 90],
  "29000": [-11, 5, 16, -210, 5],
  "35000": [1127, 1840, 713, 61, 1840],
  "36000": [688, 1615, 927, 43, 1535],
  "37000": [695, 1410, 715, 49, 1410],
  "50000": [-5411, -6184, -773, 8, -6184],
  totalt: [-2060, 316, 2376, null, 0],
};
/**
 * Administration's budget is 1 350 (återstår 684 and the total 316 need it; the verksamhetsplan
 * says 1 350); the income row's förbrukad is 5 411 / 6 184 = 87,5 % (88 % rounded half away
 * from zero), not 8 %; the prognos rows sum to −10, not 0.
 */
export const SD_2025_TABELL_7_RATTAT: Record<string, Record<number, number>> = {
  "20000": { 1: 1350 },
  "50000": { 3: 88 },
  totalt: { 4: -10 },
};

/** Södra Dalarna, årsredovisning 2018, driftsredovisning (printed with costs negative): ack utfall | årsbudget | återstår | förbrukad. */
export const SD_2018_DRIFT: Record<string, readonly (number | null)[]> = {
  "10000": [-259, -260, 1, 100],
  "20000": [-851, -1046, 195, 81],
  "21000": [-683, -258, -425, 265],
  "29000": [-54, 0, -54, null],
  "35000": [-2213, -2700, 487, 82],
  "36000": [-1994, -2600, 606, 77],
  "37000": [-426, -600, 174, 71],
  "50000": [6734, 6734, 0, 100],
  totalt: [255, -730, 985, null],
};

/** Resultaträkning 2018: budget | utfall | avvikelse | utfall 2017 (tkr). */
export const SD_2018_RR: Record<string, readonly number[]> = {
  medlemsbidrag: [6734, 6734, 0, 7000],
  ovriga_intakter: [100, 408, 308, 523],
  verksamhetens_kostnader: [-7564, -6886, 678, -6137],
  verksamhetens_resultat: [-730, 257, 987, 1386],
  finansiella_intakter: [0, 0, 0, 0],
  finansiella_kostnader: [0, -2, -2, -2],
  arets_resultat: [-730, 255, 985, 1384],
};

/** Balansräkning 2018-12-31 | 2017-12-31 (tkr). */
export const SD_2018_BR: Record<string, readonly number[]> = {
  fordringar: [140, 231],
  kassa_och_bank: [4326, 3276],
  summa_omsattningstillgangar: [4466, 3507],
  summa_tillgangar: [4466, 3507],
  eget_kapital: [1761, 377],
  arets_resultat: [255, 1384],
  summa_eget_kapital: [2016, 1761],
  avsattningar: [452, 307],
  kortfristiga_skulder: [1998, 1440],
  summa_eget_kapital_och_skulder: [4466, 3507],
};

/**
 * Kassaflödesanalys 2018 (tkr). The report starts from the result before financial items (257)
 * and takes the interest (−2) on its own line; here the result is the year's (255).
 */
export const SD_2018_KF: Record<string, number> = {
  arets_resultat: 255, justering_avsattningar: 145, medel_fore_rorelsekapital: 400, forandring_fordringar: 92,
  forandring_kortfristiga_skulder: 558, arets_kassaflode: 1050, likvida_medel_borjan: 3276, likvida_medel_slut: 4326,
};

/** Delårsbokslut 2025, Tabell 9 Not 1 and Not 2: 2025 | the same period 2024 (tkr; costs negative). */
export const SD_2025_NOT: Record<string, readonly number[]> = {
  "Bidrag från huvudmännen": [5411, 5520],
  "Bidrag från ESF-projekt": [249, 191],
  "Externa uppdrag": [0, 3],
  "Kursintäkter": [0, 7],
  "Försålda publikationer": [12, 2],
  "Löner och sociala avgifter": [-822, -764],
  "Pensionskostnader inkl löneskatt": [-75, -72],
  "Lämnade bidrag": [-2511, -2881],
  "Övriga tjänster": [-226, -132],
  "Materialkostnader": [-8, -11],
  "Övriga kostnader": [-31, -149],
};

/** Verksamhetsplan 2025, not 1: medelstilldelningen per medlem (kr). */
export const SD_2025_MEDEL: readonly [string, number, number][] = [
  ["Försäkringskassan med Arbetsförmedlingen", 0.5, 3_092_000],
  ["Region Dalarna", 0.25, 1_546_000],
  ["Avesta kommun", 0.11, 680_240],
  ["Hedemora kommun", 0.08, 494_720],
  ["Säters kommun", 0.06, 371_040],
  ["totalt", 1, 6_184_000],
];

/** Finsam Falun-Borlänge, årsredovisning 2024 (kr): resultaträkning 2024 | 2023. */
export const FB_2024_RR: Record<string, readonly number[]> = {
  verksamhetens_intakter: [8_699_158, 8_629_008],
  verksamhetens_kostnader: [-7_385_665, -8_322_613],
  verksamhetens_resultat: [1_313_493, 306_395],
  finansiella_intakter: [44, 5_633],
  finansiella_kostnader: [-184, -252],
  resultat_efter_finansiella_poster: [1_313_353, 311_776],
  extraordinara_poster: [0, 0],
  arets_resultat: [1_313_353, 311_776],
};

/** Balansräkning 2024-12-31 | 2023-12-31 (kr). */
export const FB_2024_BR: Record<string, readonly number[]> = {
  fordringar: [213_757, 152_210],
  kassa_och_bank: [5_766_679, 5_884_438],
  summa_omsattningstillgangar: [5_980_436, 6_036_648],
  summa_tillgangar: [5_980_436, 6_036_648],
  eget_kapital: [2_910_748, 2_598_972],
  arets_resultat: [1_313_353, 311_776],
  kortfristiga_skulder: [1_756_335, 3_125_900],
  summa_eget_kapital_och_skulder: [5_980_436, 6_036_648],
};

/** Kassaflödesanalys 2024 | 2023 (kr); 2023's "Från Finsam Borlänge" is eget kapital tillfört. */
export const FB_2024_KF: Record<string, readonly number[]> = {
  arets_resultat: [1_313_353, 311_776],
  justering_avsattningar: [0, 0],
  medel_fore_rorelsekapital: [1_313_353, 311_776],
  forandring_fordringar: [-61_547, -33_887],
  forandring_kortfristiga_skulder: [-1_369_565, 2_178_065],
  ovrigt_eget_kapital: [0, 771_059],
  kassaflode_lopande_verksamhet: [-117_759, 3_227_013],
  arets_kassaflode: [-117_759, 3_227_013],
  likvida_medel_borjan: [5_884_438, 2_657_425],
  likvida_medel_slut: [5_766_679, 5_884_438],
};

/** Rounded as the reports round: to whole tkr (or percent), halves away from zero. */
export function somTryckt(x: number): number {
  const v = Math.round(Number(Math.abs(x).toPrecision(15)));
  return v === 0 ? 0 : Math.sign(x) * v;
}
