/**
 * Skriver exempeldatans ekonomi i data/exempel/: huvudböcker, budgetar, medelstilldelning och
 * inställningar för Södra Dalarnas samordningsförbund och Finsam Falun-Borlänge. Bokningarna är
 * påhittade men valda så att tabellerna som räknas från dem ger, efter rapporternas avrundning
 * till tkr, de tabeller som seed-rapporterna trycker (../shared/design/ekonomi-tabeller.md):
 *
 * - Södra Dalarna, delårsbokslut 2025-08-31: Tabell 6 (resultaträkning) och Tabell 7
 *   (driftsredovisning), med rapportens inkonsekventa tal rättade efter räkningen;
 * - Södra Dalarna, årsredovisning 2018: driftsredovisning, resultaträkning (med 2017),
 *   balansräkning och kassaflödesanalys;
 * - Södra Dalarna, verksamhetsplan 2025: medelstilldelningen per medlem och budgeten per ID och konto;
 * - Finsam Falun-Borlänge, årsredovisning 2024: resultaträkning, balansräkning och
 *   kassaflödesanalys 2024 (med 2023) exakt i kr, och fördelningen 87 % insatser / 13 % administration.
 *
 * Talen per ID, konto och period står nedan (i kr) med sina summor; varje månads bokningar och
 * dagar kommer från en seedad PRNG, så filerna blir byte för byte desamma vid varje körning.
 * Filerna har olika format, som de som förbunden får från sina ekonomisystem: CSV i
 * Windows-1252 med periodsummor, en Excel-arbetsbok med verifikationer, CSV i UTF-8 med tabb,
 * debet och kredit.
 *
 *   npx tsx scripts/generera-ekonomi.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { skrivXlsx, type Xlsxcell } from "./generera-forsorjningsmatt.ts";
import { fnv1a, mulberry32 } from "./slump.ts";

// ---------------------------------------------------------------------------------------------
// Kontoplanen (Kommun-Bas-lik, fyrsiffriga konton)

export const KONTON: Readonly<Record<string, string>> = {
  "1510": "Kundfordringar",
  "1610": "Fordran mervärdesskatt",
  "1630": "Fordran skattekonto",
  "1690": "Diverse kortfristiga fordringar",
  "1710": "Förutbetalda kostnader",
  "1930": "Bank",
  "2010": "Eget kapital",
  "2090": "Eget kapital från Finsam Borlänge",
  "2210": "Avsättning pensioner",
  "2220": "Avsättning löneskatt",
  "2510": "Leverantörsskulder",
  "2610": "Redovisning mervärdesskatt",
  "2710": "Källskatt, personal",
  "2720": "Upplupna arbetsgivaravgifter",
  "2810": "Semesterlöneskuld",
  "2820": "Upplupen särskild löneskatt",
  "2830": "Upplupen pension individuell del",
  "2890": "Övriga kortfristiga skulder",
  "2910": "Interimsskulder",
  "2920": "Upplupna kostnader",
  "3010": "Försålda publikationer",
  "3510": "Bidrag från medlemmarna",
  "3511": "Driftbidrag från staten/Försäkringskassan",
  "3512": "Driftbidrag från Falu kommun",
  "3513": "Driftbidrag från Borlänge kommun",
  "3514": "Driftbidrag från Region Dalarna",
  "3520": "Bidrag från ESF-projekt",
  "3610": "Externa uppdrag",
  "3620": "Kursintäkter",
  "3690": "Övriga intäkter",
  "4510": "Lämnade bidrag",
  "4710": "Konsulttjänster (revision)",
  "4720": "Konsulttjänster (administrativa tjänster)",
  "5010": "Löner arbetad tid",
  "5510": "Kostnadsersättningar",
  "5610": "Sociala avgifter enligt lag och avtal",
  "5710": "Pensionskostnader",
  "5720": "Förändring avsättning pensioner",
  "5730": "Förändring avsättning löneskatt",
  "5810": "Personalsociala kostnader",
  "6410": "Förbrukningsinventarier och förbrukningsmaterial",
  "6510": "Kontorsmateriel och trycksaker",
  "6810": "Tele-, datakommunikation och postbefordran",
  "7010": "Transporter och resor",
  "7210": "Annonser, reklam och information",
  "7410": "Övriga främmande tjänster",
  "7610": "Diverse kostnader",
  "8410": "Ränteintäkter",
  "8510": "Räntekostnader",
  "8990": "Årets resultat",
};

// ---------------------------------------------------------------------------------------------
// Planerna: belopp i kr per ID, konto och period

type Monster = "manad" | "kvartal" | "engang" | "slut";

interface Plan {
  readonly id?: string;
  readonly konto: string;
  /** kr, Kommun-Bas tecken: kostnader plus, intäkter minus. */
  readonly kr: number;
  readonly monster: Monster;
  /** Månad för engång (annars periodens sista). */
  readonly manad?: number;
  /** Motkonto (annars banken 1930). */
  readonly mot?: string;
  readonly text?: string;
}

interface Period {
  readonly ar: number;
  readonly fran: number;
  readonly till: number;
  readonly plan: readonly Plan[];
  /** Balanskontonas saldo (kr, Kommun-Bas tecken) vid periodens slut. */
  readonly mal: Readonly<Record<string, number>>;
}

const p = (id: string, konto: string, kr: number, monster: Monster, extra: Partial<Plan> = {}): Plan => ({ id, konto, kr, monster, ...extra });

/** Södra Dalarna 2017 (helår). Resultat 1 384 000: eget kapital 376 997 -> 1 760 997. */
const SD_2017: Period = {
  ar: 2017, fran: 1, till: 12,
  plan: [
    p("50000", "3510", -6_000_000, "kvartal", { text: "Medlemsbidrag" }),
    p("50000", "3510", -1_000_000, "engang", { manad: 9, text: "Extra medelstilldelning" }),
    p("10000", "5010", 120_000, "manad"), p("10000", "5610", 37_700, "manad"), p("10000", "4710", 45_000, "engang", { manad: 4 }),
    p("10000", "7610", 38_000, "engang", { manad: 2 }), p("10000", "7010", 4_300, "manad"),
    p("20000", "5010", 560_000, "manad"), p("20000", "5610", 176_000, "manad"), p("20000", "5710", 80_000, "manad"),
    p("20000", "5720", 13_198, "slut", { mot: "2210" }), p("20000", "5730", 3_202, "slut", { mot: "2220" }),
    p("20000", "4720", 150_000, "manad"), p("20000", "6410", 15_000, "kvartal"), p("20000", "6510", 12_000, "kvartal"),
    p("20000", "6810", 24_000, "manad"), p("20000", "7010", 30_000, "manad"), p("20000", "7210", 60_000, "kvartal"),
    p("20000", "7410", 100_600, "kvartal"), p("20000", "7610", 30_000, "engang", { manad: 3 }),
    p("20000", "3610", -300_000, "kvartal"), p("20000", "3620", -223_000, "kvartal"), p("20000", "8510", 2_000, "engang", { manad: 12 }),
    p("21000", "7410", 200_000, "kvartal"), p("21000", "7210", 56_000, "kvartal"), p("21000", "7010", 100_000, "manad"),
    p("35000", "4510", 2_108_000, "kvartal"), p("36000", "4510", 2_174_000, "kvartal"),
  ],
  mal: {
    "1510": 180_600, "1610": 31_600, "1690": 19_200,
    "2210": -247_000, "2220": -59_922,
    "2510": -1_278_000, "2610": -35_000, "2710": -26_000, "2720": -21_000, "2810": -22_000, "2820": -13_000, "2830": -27_000, "2910": -17_550,
  },
};

/** Södra Dalarna 2018 (helår). Resultat 254 535: eget kapital 2 015 532. */
const SD_2018: Period = {
  ar: 2018, fran: 1, till: 12,
  plan: [
    p("50000", "3510", -6_734_000, "kvartal", { text: "Medlemsbidrag" }),
    p("10000", "5010", 125_000, "manad"), p("10000", "5610", 39_300, "manad"), p("10000", "4710", 48_000, "engang", { manad: 4 }),
    p("10000", "7610", 40_000, "engang", { manad: 2 }), p("10000", "7010", 6_600, "manad"),
    p("20000", "5010", 540_000, "manad"), p("20000", "5610", 170_000, "manad"), p("20000", "5710", 75_000, "manad"),
    p("20000", "5720", 117_000, "slut", { mot: "2210" }), p("20000", "5730", 28_384, "slut", { mot: "2220" }),
    p("20000", "4720", 140_000, "manad"), p("20000", "6410", 10_000, "kvartal"), p("20000", "6510", 9_000, "kvartal"),
    p("20000", "6810", 22_000, "manad"), p("20000", "7010", 28_000, "manad"), p("20000", "7210", 40_000, "kvartal"),
    p("20000", "7410", 26_216, "kvartal"), p("20000", "7610", 17_000, "engang", { manad: 3 }),
    p("20000", "3610", -200_000, "kvartal"), p("20000", "3620", -173_700, "kvartal"), p("20000", "8510", 2_000, "engang", { manad: 12 }),
    p("21000", "7410", 400_000, "kvartal"), p("21000", "7210", 150_000, "kvartal"), p("21000", "7010", 132_900, "manad"),
    p("29000", "7210", 80_000, "engang", { manad: 6, text: "Tryckning Ni inspirerar mig" }), p("29000", "6510", 8_500, "engang", { manad: 9 }),
    p("29000", "3010", -34_400, "manad"),
    p("35000", "4510", 2_212_900, "kvartal"), p("36000", "4510", 1_993_800, "kvartal"), p("37000", "4510", 425_965, "kvartal"),
  ],
  mal: {
    "1510": 66_600, "1610": 62_000, "1690": 11_000,
    "2210": -364_000, "2220": -88_306,
    "2510": -1_855_000, "2610": -14_000, "2710": -27_000, "2720": -23_000, "2810": -37_000, "2820": -13_000, "2830": -28_000, "2910": -1_000,
  },
};

/** Ingående balans 2017 (2016-12-31): eget kapital 376 997. */
const SD_IB_2017: Readonly<Record<string, number>> = {
  "1510": 120_000, "1610": 30_000, "1690": 26_800, "1930": 2_103_069,
  "2010": -376_997, "2210": -233_802, "2220": -56_720,
  "2510": -1_450_000, "2610": -40_000, "2710": -25_000, "2720": -20_000, "2810": -20_000, "2820": -12_000, "2830": -25_400, "2910": -19_950,
};

/** Ingående balans 2024 (2023-12-31): eget kapital 1 657 200. */
const SD_IB_2024: Readonly<Record<string, number>> = {
  "1610": 20_000, "1690": 40_000, "1930": 3_089_067,
  "2010": -1_657_200, "2210": -862_600, "2220": -209_267,
  "2510": -300_000, "2710": -25_000, "2720": -25_000, "2810": -30_000, "2820": -15_000, "2830": -25_000,
};

/** Södra Dalarna januari–augusti 2024. Resultat 1 816 233. */
const SD_2024A: Period = {
  ar: 2024, fran: 1, till: 8,
  plan: [
    p("50000", "3510", -3_154_000, "engang", { manad: 2, text: "Medlemsbidrag Region Dalarna och kommunerna" }),
    p("50000", "3510", -2_365_500, "kvartal", { text: "Medlemsbidrag Försäkringskassan" }),
    p("10000", "5010", 70_000, "manad"), p("10000", "5610", 22_000, "manad"), p("10000", "4710", 40_000, "engang", { manad: 3 }),
    p("10000", "7610", 20_000, "engang", { manad: 2 }), p("10000", "7010", 3_000, "manad"),
    p("20000", "5010", 465_000, "manad"), p("20000", "5610", 197_400, "manad"), p("20000", "5810", 10_000, "kvartal"),
    p("20000", "5710", 72_400, "manad"), p("20000", "4720", 60_000, "kvartal"), p("20000", "7410", 12_400, "kvartal"),
    p("20000", "6410", 5_000, "engang", { manad: 5 }), p("20000", "6510", 6_400, "kvartal"), p("20000", "6810", 14_000, "manad"),
    p("20000", "7010", 12_400, "manad"), p("20000", "7210", 34_000, "kvartal"),
    p("20000", "3520", -190_800, "kvartal"), p("20000", "3610", -2_800, "engang", { manad: 4 }), p("20000", "3620", -6_800, "engang", { manad: 5 }),
    p("20000", "8410", -105_833, "kvartal"),
    p("21000", "7210", 80_000, "kvartal"),
    p("29000", "7210", 6_000, "engang", { manad: 3 }), p("29000", "3010", -1_900, "manad"),
    p("35000", "4510", 1_150_000, "kvartal"), p("36000", "4510", 900_000, "kvartal"), p("37000", "4510", 831_400, "kvartal"),
  ],
  mal: { "1610": 5_600, "1690": 46_400, "2510": -80_000, "2710": -24_000, "2720": -24_000, "2810": -10_000, "2820": -5_000, "2830": -7_900 },
};

/** Södra Dalarna september–december 2024. Helårsresultat −735 900: eget kapital 921 300. */
const SD_2024B: Period = {
  ar: 2024, fran: 9, till: 12,
  plan: [
    p("50000", "3510", -788_500, "engang", { manad: 10, text: "Medlemsbidrag Försäkringskassan" }),
    p("10000", "5010", 30_000, "manad"), p("10000", "5610", 9_500, "manad"), p("10000", "4710", 10_000, "engang", { manad: 11 }),
    p("10000", "7610", 10_500, "engang", { manad: 9 }),
    p("20000", "5010", 250_000, "manad"), p("20000", "5610", 110_000, "manad"), p("20000", "5710", 40_000, "manad"),
    p("20000", "4720", 30_000, "engang", { manad: 10 }), p("20000", "6810", 7_000, "manad"), p("20000", "7010", 8_000, "manad"),
    p("20000", "7210", 20_000, "engang", { manad: 11 }), p("20000", "7410", 10_000, "engang", { manad: 12 }),
    p("20000", "5720", 455_600, "slut", { mot: "2210" }), p("20000", "5730", 110_528, "slut", { mot: "2220" }),
    p("20000", "3520", -104_000, "engang", { manad: 12 }), p("20000", "8410", -50_000, "engang", { manad: 12 }),
    p("21000", "7210", 28_000, "engang", { manad: 11 }),
    p("29000", "7210", 2_000, "engang", { manad: 10 }), p("29000", "3010", -1_000, "manad"),
    p("35000", "4510", 950_000, "kvartal"), p("36000", "4510", 740_905, "kvartal"), p("37000", "4510", 673_600, "kvartal"),
  ],
  mal: {
    "1610": 8_000, "1690": 40_000, "2210": -1_318_200, "2220": -319_795,
    "2510": -400_000, "2710": -25_000, "2720": -26_000, "2810": -95_000, "2820": -20_000, "2830": -34_000,
  },
};

/** Södra Dalarna januari–augusti 2025. Resultat 2 060 445 (Tabell 6 och 7). */
const SD_2025: Period = {
  ar: 2025, fran: 1, till: 8,
  plan: [
    p("50000", "3510", -3_092_000, "engang", { manad: 2, text: "Medlemsbidrag Region Dalarna och kommunerna" }),
    p("50000", "3510", -2_319_000, "kvartal", { text: "Medlemsbidrag Försäkringskassan" }),
    p("10000", "5010", 75_000, "manad"), p("10000", "5610", 23_565, "manad"), p("10000", "4710", 45_000, "engang", { manad: 3 }),
    p("10000", "7610", 37_275, "engang", { manad: 2 }), p("10000", "7010", 2_000, "engang", { manad: 5 }),
    p("20000", "5010", 500_000, "manad"), p("20000", "5510", 8_000, "kvartal"), p("20000", "5610", 205_135, "manad"),
    p("20000", "5810", 10_000, "kvartal"), p("20000", "5710", 74_700, "manad"), p("20000", "4720", 85_000, "kvartal"),
    p("20000", "7610", 10_000, "engang", { manad: 3 }), p("20000", "7410", 48_425, "kvartal"), p("20000", "6410", 3_200, "engang", { manad: 6 }),
    p("20000", "6510", 4_500, "kvartal"), p("20000", "6810", 12_000, "manad"), p("20000", "7010", 6_280, "manad"), p("20000", "7210", 9_000, "kvartal"),
    p("20000", "3520", -249_000, "kvartal", { text: "Intäkter ESF-projektet LUFS" }), p("20000", "8410", -60_745, "kvartal"),
    p("21000", "7010", 240, "engang", { manad: 6 }),
    p("29000", "7210", 1_445, "engang", { manad: 4 }), p("29000", "3010", -11_950, "manad"),
    p("35000", "4510", 1_127_495, "kvartal"), p("36000", "4510", 688_495, "kvartal"), p("37000", "4510", 695_495, "kvartal"),
  ],
  mal: {
    "1610": 900, "1690": 41_000,
    "2510": -535_200, "2710": -25_100, "2720": -26_100, "2810": -29_100, "2820": -14_100, "2830": -55_100, "2910": -23_100,
  },
};

/** Bokningar efter rapportdatumet (exporten gjordes 2025-09-12): de räknas inte. */
const SD_EFTER: readonly { id: string; konto: string; kr: number; datum: string; text: string }[] = [
  { id: "35000", konto: "4510", kr: 150_000, datum: "2025-09-05", text: "Bidrag Samverkansteam Avesta" },
  { id: "10000", konto: "5010", kr: 8_000, datum: "2025-09-10", text: "Arvoden styrelsen" },
  { id: "20000", konto: "7410", kr: 3_500, datum: "2025-09-12", text: "Lokalhyra konferens" },
];

/** Saldolistans ingående balanser: eget kapital vid årsskiftena enligt årsredovisning 2018 och verksamhetsplan 2025. */
const SD_SALDON: readonly { ar: number; ek: number }[] = [
  { ar: 2014, ek: 1_061_000 }, { ar: 2015, ek: 806_000 }, { ar: 2016, ek: 415_000 }, { ar: 2023, ek: 1_496_000 },
];

const FB_MEDLEMMAR: readonly Plan[] = [
  p("900", "3511", -4_281_000, "kvartal", { text: "Driftbidrag Försäkringskassan" }),
  p("900", "3514", -2_140_500, "kvartal", { text: "Driftbidrag Region Dalarna" }),
  p("900", "3512", -1_113_060, "kvartal", { text: "Driftbidrag Falu kommun" }),
  p("900", "3513", -1_027_440, "kvartal", { text: "Driftbidrag Borlänge kommun" }),
];

/** Ingående balans 2023 (Finsam Faluns 2022-12-31): eget kapital 1 827 913. */
const FB_IB_2023: Readonly<Record<string, number>> = {
  "1630": 2_000, "1610": 80_000, "1710": 36_323, "1930": 2_657_425,
  "2010": -1_827_913, "2510": -600_000, "2920": -340_000, "2890": -7_835,
};

/** Finsam Falun-Borlänge 2023. Resultat 311 776. */
const FB_2023: Period = {
  ar: 2023, fran: 1, till: 12,
  plan: [
    ...FB_MEDLEMMAR,
    p("900", "3690", -67_008, "engang", { manad: 11 }), p("900", "8410", -5_633, "engang", { manad: 12 }), p("900", "8510", 252, "engang", { manad: 12 }),
    p("202", "4720", 600_000, "manad", { text: "Tjänsteköp förbundschef" }), p("202", "7410", 195_882, "manad", { text: "Redovisningstjänster" }),
    p("203", "6810", 30_000, "manad"), p("203", "7010", 22_300, "manad"), p("203", "6510", 40_000, "kvartal"),
    p("209", "7610", 60_195, "engang", { manad: 6 }),
    p("101", "4510", 4_390_694, "kvartal"),
    p("401", "4510", 2_483_542, "kvartal"), p("401", "4720", 500_000, "manad", { text: "Tjänsteköp processtöd" }),
  ],
  mal: { "1630": 3_187, "1610": 103_491, "1710": 45_532, "2510": -1_998_885, "2920": -1_120_672, "2890": -6_343 },
};

/** Finsam Falun-Borlänge 2024. Resultat 1 313 353. */
const FB_2024: Period = {
  ar: 2024, fran: 1, till: 12,
  plan: [
    ...FB_MEDLEMMAR,
    p("900", "3520", -132_000, "engang", { manad: 11, text: "Intäkter ESF-projektet LUFS" }), p("900", "3690", -5_158, "engang", { manad: 12 }),
    p("900", "8410", -44, "engang", { manad: 12 }), p("900", "8510", 184, "engang", { manad: 12 }),
    p("202", "4720", 600_000, "manad", { text: "Tjänsteköp förbundschef" }), p("202", "7410", 197_178, "manad", { text: "Redovisningstjänster" }),
    p("203", "6810", 30_000, "manad"), p("203", "7010", 22_800, "manad"), p("203", "6510", 40_000, "kvartal"),
    p("209", "7610", 73_772, "engang", { manad: 6 }),
    p("101", "4510", 3_590_170, "kvartal"),
    p("401", "4510", 2_331_745, "kvartal"), p("401", "4720", 500_000, "manad", { text: "Tjänsteköp processtöd" }),
  ],
  mal: { "1630": 1_669, "1610": 171_572, "1710": 40_516, "2510": -1_289_321, "2920": -460_881, "2890": -6_133 },
};

// ---------------------------------------------------------------------------------------------
// ID-namn per förbund och år

const SD_NAMN_2017: Record<string, string> = {
  "10000": "Styrelse", "20000": "Administration", "21000": "Övergripande samordning", "29000": "Publikationer",
  "35000": "Samverkansteam Avesta", "36000": "Samverkansteam Kraften Hedemora/Säter", "37000": "Samverkansteam Säter", "50000": "Intäkter",
};
const SD_NAMN_2018: Record<string, string> = { ...SD_NAMN_2017, "36000": "Samverkansteam Hedemora" };
const SD_NAMN_2024: Record<string, string> = {
  "10000": "Styrelse", "20000": "Administration", "21000": "Personalinriktade insatser", "29000": "Publikationer",
  "35000": "Samverkansteam Avesta", "36000": "Samverkansteam Kraften Hedemora", "37000": "Samverkansteam Säter", "50000": "Intäkter (medlemsbidrag)",
};
const FB_NAMN: Record<string, string> = {
  "101": "Individinriktade insatskostnader", "401": "Strukturövergripande insatskostnader", "202": "Administrativa kostnader",
  "203": "Kringkostnader", "209": "Övriga kostnader", "900": "Intäkter",
};

export const SD = "Södra Dalarnas Samordningsförbund";
export const FB = "Finsam Falun-Borlänge";

// ---------------------------------------------------------------------------------------------
// Bokföringen

interface Rad {
  readonly id: string | undefined;
  readonly konto: string;
  /** öre */
  readonly ore: number;
  readonly datum: string;
  readonly ib: boolean;
  readonly typ: string;
  readonly text: string;
}

const ore = (kr: number) => Math.round(kr * 100);
const tvaSiffror = (n: number) => String(n).padStart(2, "0");
const sistaDagen = (ar: number, m: number) => new Date(Date.UTC(ar, m, 0)).getUTCDate();

/** Heltal öre fördelat lika på n delar, resten på den sista. */
function dela(belopp: number, n: number): number[] {
  const del = Math.trunc(belopp / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? belopp - del * (n - 1) : del));
}

class Bok {
  readonly rader: Rad[] = [];
  readonly saldo = new Map<string, number>();

  constructor(private readonly slump: () => number) {}

  private lagg(r: Rad): void {
    this.rader.push(r);
    this.saldo.set(r.konto, (this.saldo.get(r.konto) ?? 0) + r.ore);
  }

  /** En verifikation: beloppet på kontot och motbeloppet (banken om inget annat sägs). */
  verifikation(id: string | undefined, konto: string, belopp: number, datum: string, typ: string, text: string, mot = "1930"): void {
    this.lagg({ id, konto, ore: belopp, datum, ib: false, typ, text });
    this.lagg({ id: undefined, konto: mot, ore: -belopp, datum, ib: false, typ, text });
  }

  ib(ar: number, saldon: Readonly<Record<string, number>>): void {
    const summa = Object.values(saldon).reduce((s, v) => s + ore(v), 0);
    if (summa !== 0) throw new Error(`ingående balans ${ar} balanserar inte (${summa} öre)`);
    for (const [konto, kr] of Object.entries(saldon)) {
      this.lagg({ id: undefined, konto, ore: ore(kr), datum: `${ar}-01-01`, ib: true, typ: "IB", text: "Ingående balans" });
    }
  }

  period(per: Period): void {
    for (const pl of per.plan) {
      const manader = this.manader(per, pl);
      const delar = dela(ore(pl.kr), manader.length);
      manader.forEach((m, i) => {
        const dag = pl.monster === "slut" ? sistaDagen(per.ar, m) : pl.konto.startsWith("50") || pl.konto.startsWith("56") || pl.konto.startsWith("57") ? 25 : 2 + Math.floor(this.slump() * 26);
        const typ = pl.konto.startsWith("3") || pl.konto.startsWith("84") ? "KUND" : /^5[0-7]/.test(pl.konto) ? "LÖN" : pl.mot ? "BOKSLUT" : "LEV";
        this.verifikation(pl.id, pl.konto, delar[i]!, `${per.ar}-${tvaSiffror(m)}-${tvaSiffror(Math.min(dag, sistaDagen(per.ar, m)))}`, typ, pl.text ?? KONTON[pl.konto]!, pl.mot);
      });
    }
    // Balanskontona till sina saldon vid periodens slut, mot banken.
    const slut = `${per.ar}-${tvaSiffror(per.till)}-${tvaSiffror(sistaDagen(per.ar, per.till))}`;
    for (const [konto, kr] of Object.entries(per.mal)) {
      const diff = ore(kr) - (this.saldo.get(konto) ?? 0);
      if (konto === "2210" || konto === "2220") {
        if (diff !== 0) throw new Error(`${konto} ${per.ar}: avsättningen ändras bara genom kostnadsbokningar (${diff} öre kvar)`);
        continue;
      }
      if (diff !== 0) this.verifikation(undefined, konto, diff, slut, "MAN", "Periodisering");
    }
  }

  private manader(per: Period, pl: Plan): number[] {
    const alla = Array.from({ length: per.till - per.fran + 1 }, (_, i) => per.fran + i);
    if (pl.monster === "manad") return alla;
    if (pl.monster === "kvartal") {
      const k = alla.filter((m) => m % 3 === 1);
      return k.length > 0 ? k : [per.till];
    }
    if (pl.monster === "engang") return [pl.manad ?? per.till];
    return [per.till];
  }

  /** Saldot på ett konto (öre). */
  pa(konto: string): number {
    return this.saldo.get(konto) ?? 0;
  }
}

/** Kontrollerar att bokföringen ger de saldon planerna räknat med (annars är något fel i planen). */
function forvanta(bok: Bok, konto: string, kr: number, vad: string): void {
  if (bok.pa(konto) !== ore(kr)) throw new Error(`${vad}: konto ${konto} har ${bok.pa(konto) / 100} kr, väntat ${kr}`);
}

// ---------------------------------------------------------------------------------------------
// Filerna

const svKr = (o: number, tusental = "") => {
  const neg = o < 0;
  const abs = Math.abs(o);
  const hel = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, tusental);
  return `${neg ? "-" : ""}${hel},${tvaSiffror(abs % 100)}`;
};

const TITEL = "Genererad exempeldata (scripts/generera-ekonomi.ts): påhittade bokningar, inte förbundets verkliga huvudbok";

/** Södra Dalarna 2017–2018: periodsummor per ID och konto, som en äldre export (Windows-1252, semikolon, CRLF). */
function sd2017(): Uint8Array {
  const bok = new Bok(mulberry32(fnv1a("sd-2017")));
  bok.ib(2017, SD_IB_2017);
  bok.period(SD_2017);
  forvanta(bok, "1930", 3_276_069, "Södra Dalarna 2017-12-31");
  bok.period(SD_2018);
  forvanta(bok, "1930", 4_326_238, "Södra Dalarna 2018-12-31");
  const summor = new Map<string, { id: string | undefined; konto: string; period: string; ore: number }>();
  for (const r of bok.rader) {
    const period = r.ib ? `${r.datum.slice(0, 4)}00` : r.datum.slice(0, 7).replace("-", "");
    const k = `${period}\u0000${r.id ?? ""}\u0000${r.konto}`;
    const v = summor.get(k) ?? { id: r.id, konto: r.konto, period, ore: 0 };
    v.ore += r.ore;
    summor.set(k, v);
  }
  const rader = [TITEL, "Företag;Ansvar;Ansvarstext;Konto;Kontotext;Period;Belopp"];
  const sorterade = [...summor.values()].filter((v) => v.ore !== 0).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) || ((a.id ?? "") < (b.id ?? "") ? -1 : (a.id ?? "") > (b.id ?? "") ? 1 : 0) || (a.konto < b.konto ? -1 : 1));
  for (const v of sorterade) {
    const ar = Number(v.period.slice(0, 4));
    const namn = v.id ? (ar === 2017 ? SD_NAMN_2017 : SD_NAMN_2018)[v.id]! : "";
    rader.push([SD, v.id ?? "", namn, v.konto, KONTON[v.konto]!, v.period, svKr(v.ore)].join(";"));
  }
  return iconv.encode(rader.map((r) => `${r}\r\n`).join(""), "windows-1252");
}

/** Södra Dalarna 2024–2025: en verifikation per rad i en Excel-arbetsbok, exporterad 2025-09-12. */
function sd2024(): Uint8Array {
  const bok = new Bok(mulberry32(fnv1a("sd-2024")));
  bok.ib(2024, SD_IB_2024);
  bok.period(SD_2024A);
  forvanta(bok, "1930", 4_644_200, "Södra Dalarna 2024-08-31");
  bok.period(SD_2024B);
  forvanta(bok, "1930", 3_111_295, "Södra Dalarna 2024-12-31");
  bok.period(SD_2025);
  forvanta(bok, "1930", 5_285_640, "Södra Dalarna 2025-08-31");
  for (const e of SD_EFTER) bok.verifikation(e.id, e.konto, ore(e.kr), e.datum, "LEV", e.text);
  const ordnade = bok.rader.map((r, i) => ({ r, i })).sort((a, b) => (a.r.datum < b.r.datum ? -1 : a.r.datum > b.r.datum ? 1 : 0) || a.i - b.i).map((x) => x.r);
  const rader: Xlsxcell[][] = [
    ["Huvudbok, verifikationer 2024-01-01–2025-09-12", null, null, null, null, null, null, null, null],
    [TITEL],
    [],
    ["Företag", "ID", "Benämning", "Konto", "Kontonamn", "Verifikationsdatum", "Vertyp", "Verifikationstext", "Belopp"],
  ];
  for (const r of ordnade) {
    rader.push([SD, r.id ?? null, r.id ? SD_NAMN_2024[r.id]! : null, Number(r.konto), KONTON[r.konto]!, r.datum, r.typ, r.text, r.ore / 100]);
  }
  const om: Xlsxcell[][] = [
    ["Om filen"],
    [TITEL],
    ["Bokningarna är valda så att delårsbokslutets tabeller (31 augusti 2025) går att räkna fram; se data/exempel/README.md."],
  ];
  return skrivXlsx([{ namn: "Huvudbok", rader, fet: [4] }, { namn: "Om filen", rader: om }]);
}

/** Södra Dalarnas saldolista: eget kapital vid några årsskiften (ingående balanser), mot banken. */
function sdSaldon(): string {
  const rader = [TITEL, "Företag;Konto;Kontonamn;Period;Saldo"];
  for (const s of SD_SALDON) {
    rader.push([SD, "1930", KONTON["1930"], `${s.ar}-00`, svKr(ore(s.ek), " ")].join(";"));
    rader.push([SD, "2010", KONTON["2010"], `${s.ar}-00`, svKr(-ore(s.ek), " ")].join(";"));
  }
  return rader.join("\n") + "\n";
}

/** Finsam Falun-Borlänge 2023–2024: UTF-8 med BOM, tabb, debet och kredit med hårt mellanslag mellan tusental. */
function fb(): Uint8Array {
  const bok = new Bok(mulberry32(fnv1a("fb-2023")));
  bok.ib(2023, FB_IB_2023);
  bok.verifikation(undefined, "1930", ore(771_059), "2023-01-31", "MAN", "Från Finsam Borlänge (sammanslagning)", "2090");
  bok.period(FB_2023);
  bok.verifikation(undefined, "8990", ore(311_776), "2023-12-31", "BOKSLUT", "Årets resultat till eget kapital", "2010");
  forvanta(bok, "1930", 5_884_438, "Finsam Falun-Borlänge 2023-12-31");
  bok.period(FB_2024);
  forvanta(bok, "1930", 5_766_679, "Finsam Falun-Borlänge 2024-12-31");
  const nbsp = "\u00a0";
  const rader = [TITEL, ["Förbund", "Projekt", "Projektnamn", "Konto", "Kontonamn", "Period", "Datum", "Verifikationstext", "Debet", "Kredit"].join("\t")];
  const ordnade = bok.rader.map((r, i) => ({ r, i })).sort((a, b) => (a.r.ib === b.r.ib ? 0 : a.r.ib ? -1 : 1) || (a.r.datum < b.r.datum ? -1 : a.r.datum > b.r.datum ? 1 : 0) || a.i - b.i).map((x) => x.r);
  for (const r of ordnade) {
    rader.push([
      FB, r.id ?? "", r.id ? FB_NAMN[r.id]! : "", r.konto, KONTON[r.konto]!,
      r.ib ? `${r.datum.slice(0, 4)}-00` : r.datum.slice(0, 7), r.ib ? "" : r.datum, r.text,
      r.ore > 0 ? svKr(r.ore, nbsp) : "", r.ore < 0 ? svKr(-r.ore, nbsp) : "",
    ].join("\t"));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rader.map((r) => `${r}\r\n`).join(""), "utf8")]);
}

const tkrText = (tkr: number | undefined) => (tkr === undefined ? "" : String(tkr).replace(".", ",").replace(/\B(?=(\d{3})+(?!\d))/g, " "));

/** Verksamhetsplanens budget 2025 och 2024 per ID och konto, med delårsbokslutets prognos för 2025 (tkr). */
export const VP_BUDGET: readonly { id: string; namn: string; konto: string; kontonamn: string; b2025: number; b2024: number; p2025: number }[] = [
  { id: "10000", namn: "Styrelsen", konto: "4710", kontonamn: "Konsulttjänster (revision)", b2025: 45, b2024: 50, p2025: 45 },
  { id: "10000", namn: "Styrelsen", konto: "5010", kontonamn: "Löner arbetad tid", b2025: 80, b2024: 75, p2025: 90 },
  { id: "10000", namn: "Styrelsen", konto: "5610", kontonamn: "Sociala avgifter enligt lag och avtal", b2025: 35, b2024: 30, p2025: 40 },
  { id: "10000", namn: "Styrelsen", konto: "5810", kontonamn: "Personalsociala kostnader m.m.", b2025: 15, b2024: 15, p2025: 20 },
  { id: "10000", namn: "Styrelsen", konto: "7010", kontonamn: "Transporter och resor", b2025: 5, b2024: 5, p2025: 10 },
  { id: "10000", namn: "Styrelsen", konto: "7610", kontonamn: "Diverse kostnader (medlemskap NNS, Sobona)", b2025: 50, b2024: 45, p2025: 65 },
  { id: "20000", namn: "Administration", konto: "3520", kontonamn: "Intäkter för arbete i ESF-projekt", b2025: -380, b2024: -360, p2025: -380 },
  { id: "20000", namn: "Administration", konto: "4720", kontonamn: "Konsulttjänster (administrativa tjänster, löneservice)", b2025: 85, b2024: 85, p2025: 85 },
  { id: "20000", namn: "Administration", konto: "5010", kontonamn: "Löner arbetad tid", b2025: 763, b2024: 738, p2025: 763 },
  { id: "20000", namn: "Administration", konto: "5510", kontonamn: "Kostnadsersättningar", b2025: 15, b2024: 15, p2025: 15 },
  { id: "20000", namn: "Administration", konto: "5610", kontonamn: "Sociala avgifter enligt lag och avtal", b2025: 343, b2024: 332, p2025: 343 },
  { id: "20000", namn: "Administration", konto: "5710", kontonamn: "Pensionsutbetalning ind del", b2025: 400, b2024: 600, p2025: 150 },
  { id: "20000", namn: "Administration", konto: "5810", kontonamn: "Personalsociala kostnader m.m.", b2025: 15, b2024: 5, p2025: 15 },
  { id: "20000", namn: "Administration", konto: "6410", kontonamn: "Förbrukningsinventarier och förbrukningsmaterial", b2025: 10, b2024: 10, p2025: 10 },
  { id: "20000", namn: "Administration", konto: "6510", kontonamn: "Kontorsmateriel och trycksaker", b2025: 10, b2024: 10, p2025: 10 },
  { id: "20000", namn: "Administration", konto: "6810", kontonamn: "Tele-, datakommunikation och postbefordran", b2025: 20, b2024: 20, p2025: 20 },
  { id: "20000", namn: "Administration", konto: "7010", kontonamn: "Transporter och resor", b2025: 14, b2024: 10, p2025: 14 },
  { id: "20000", namn: "Administration", konto: "7210", kontonamn: "Annonser, reklam och information", b2025: 40, b2024: 35, p2025: 25 },
  { id: "20000", namn: "Administration", konto: "7610", kontonamn: "Diverse kostnader (avtal NNS indikatorer)", b2025: 15, b2024: 15, p2025: 15 },
  { id: "20000", namn: "Administration", konto: "8410", kontonamn: "Ränteintäkter", b2025: 0, b2024: 0, p2025: -61 },
  { id: "21000", namn: "Personalinriktade insatser", konto: "7410", kontonamn: "Kompetensutvecklingsinsatser", b2025: 50, b2024: 150, p2025: 90 },
  { id: "29000", namn: "Publikationer", konto: "3010", kontonamn: "Intäkter (bokförsäljning)", b2025: -5, b2024: -5, p2025: -5 },
  { id: "29000", namn: "Publikationer", konto: "7210", kontonamn: "Annonser, reklam och information", b2025: 10, b2024: 15, p2025: 10 },
  { id: "35000", namn: "Samverkansteam Avesta", konto: "4510", kontonamn: "Bidrag", b2025: 1840, b2024: 2250, p2025: 1840 },
  { id: "36000", namn: "Samverkansteam Kraften Hedemora", konto: "4510", kontonamn: "Bidrag", b2025: 1615, b2024: 1900, p2025: 1535 },
  { id: "37000", namn: "Samverkansteam Säter", konto: "4510", kontonamn: "Bidrag", b2025: 1410, b2024: 1655, p2025: 1410 },
  { id: "50000", namn: "Intäkter (medelstilldelning från medlemmarna)", konto: "3510", kontonamn: "Bidrag (not 1)", b2025: -6184, b2024: -6308, p2025: -6184 },
];

/** Som verksamhetsplanen ställer upp den: ett år per kolumn (UTF-8 med BOM, som Excel sparar). */
function budgetVp(): string {
  const rader = [TITEL, "Företag;ID;Beskrivning;Konto;Kontonamn;Årsbudget 2025 (tkr);Årsbudget 2024 (tkr);Prognos 2025 (tkr);Prognosdatum"];
  for (const b of VP_BUDGET) {
    rader.push([SD, b.id.replace(/(\d{2})(\d{3})/, "$1 $2"), b.namn, b.konto, b.kontonamn, tkrText(b.b2025), tkrText(b.b2024), tkrText(b.p2025), "2025-08-31"].join(";"));
  }
  return `\ufeff${rader.join("\r\n")}\r\n`;
}

/** Budgetar i långt format: Södra Dalarna 2017–2018, helförbundsbudgetar för andra år, prognosen 2024, Falun-Borlänge 2024 (tkr). */
function budgetLang(): string {
  const rader = [TITEL, "Förbund;ID;Beskrivning;Konto;År;Årsbudget (tkr);Prognos (tkr);Prognosdatum"];
  const rad = (f: string, id: string, namn: string, konto: string, ar: number, budget: number | undefined, prognos?: number, datum = "") =>
    rader.push([f, id, namn, konto, String(ar), tkrText(budget), tkrText(prognos), datum].join(";"));
  for (const [ar, tkr] of [[2013, 5040], [2014, 4540], [2015, 5110], [2016, 5768], [2019, 7830], [2022, 7195], [2023, 6908], [2026, 7500], [2027, 7500], [2028, 7500]] as const) {
    rad(SD, "Totalt", "Kostnader totalt", "", ar, tkr);
  }
  for (const [id, tkr] of [["10000", 250], ["20000", 732], ["21000", 303], ["35000", 2115], ["36000", 2600], ["50000", -6000]] as const) rad(SD, id, SD_NAMN_2017[id]!, "", 2017, tkr);
  for (const [id, konto, tkr] of [["10000", "", 260], ["20000", "", 1146], ["20000", "3610", -100], ["21000", "", 258], ["29000", "", 0], ["35000", "", 2700], ["36000", "", 2600], ["37000", "", 600], ["50000", "", -6734]] as const) {
    rad(SD, id, SD_NAMN_2018[id]!, konto, 2018, tkr);
  }
  for (const [id, tkr] of [["10000", 220], ["20000", 1350], ["21000", 100], ["29000", 5], ["35000", 2250], ["36000", 1700], ["37000", 1640.2], ["50000", -6308]] as const) {
    rad(SD, id, SD_NAMN_2024[id]!, "", 2024, undefined, tkr, "2024-10-31");
  }
  for (const [id, tkr] of [["101", 5265], ["401", 3684], ["202", 1005], ["203", 95], ["209", 120]] as const) rad(FB, id, FB_NAMN[id]!, "", 2024, tkr);
  rad(FB, "900", FB_NAMN["900"]!, "3510", 2024, -8562);
  rad(FB, "900", FB_NAMN["900"]!, "3520", 2024, -132);
  return rader.join("\n") + "\n";
}

/** Medelstilldelningen: totaler per år och, där rapporterna anger dem, per medlem (kr). */
function medelstilldelning(): string {
  const rader = ["Förbund;År;Medlem;Andel;Belopp;Status"];
  const kr = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  for (const [ar, belopp] of [[2013, 3_840_000], [2014, 3_840_000], [2015, 5_000_000], [2016, 5_609_000], [2017, 7_000_000], [2018, 6_734_000], [2019, 6_360_000], [2022, 6_322_000], [2023, 6_308_000], [2024, 6_308_000]] as const) {
    rader.push([SD, ar, "Totalt", "", kr(belopp), "beslutad"].join(";"));
  }
  for (const [medlem, andel, belopp] of [
    ["Försäkringskassan med Arbetsförmedlingen", 50, 3_092_000], ["Region Dalarna", 25, 1_546_000], ["Avesta kommun", 11, 680_240],
    ["Hedemora kommun", 8, 494_720], ["Säters kommun", 6, 371_040], ["Totalt", 100, 6_184_000],
  ] as const) rader.push([SD, 2025, medlem, `${andel} %`, kr(belopp), "beslutad"].join(";"));
  for (const ar of [2026, 2027, 2028]) rader.push([SD, ar, "Totalt", "", kr(7_500_000), "äskad"].join(";"));
  for (const ar of [2023, 2024]) {
    for (const [medlem, andel, belopp] of [
      ["Försäkringskassan (staten)", 50, 4_281_000], ["Region Dalarna", 25, 2_140_500], ["Falu kommun", 13, 1_113_060],
      ["Borlänge kommun", 12, 1_027_440], ["Totalt", 100, 8_562_000],
    ] as const) rader.push([FB, ar, medlem, `${andel} %`, kr(belopp), "beslutad"].join(";"));
  }
  return rader.join("\n") + "\n";
}

/** Inställningarna: notrader som rapporterna, posterna för Falun-Borlänge, reglerna för eget kapital. */
export function installningar(): string {
  const sdKonton: Record<string, { rad?: string; not?: string }> = {
    "3510": { rad: "medlemsbidrag", not: "Bidrag från huvudmännen" },
    "3520": { not: "Bidrag från ESF-projekt" },
    "3610": { not: "Externa uppdrag" },
    "3620": { not: "Kursintäkter" },
    "3010": { not: "Försålda publikationer" },
    "45": { not: "Lämnade bidrag" },
    "47": { not: "Övriga tjänster" }, "74": { not: "Övriga tjänster" }, "76": { not: "Övriga tjänster" },
    "50": { not: "Löner och sociala avgifter" }, "55": { not: "Löner och sociala avgifter" }, "56": { not: "Löner och sociala avgifter" }, "58": { not: "Löner och sociala avgifter" },
    "57": { not: "Pensionskostnader inkl löneskatt" },
    "64": { not: "Materialkostnader" }, "65": { not: "Materialkostnader" },
    "68": { not: "Övriga kostnader" }, "70": { not: "Övriga kostnader" }, "72": { not: "Övriga kostnader" },
    "1510": { not: "Kundfordringar" }, "1610": { not: "Fordran moms" }, "1690": { not: "Div korta fordringar" },
    "2210": { not: "Avsättning pension" }, "2220": { not: "Avsättning löneskatt" },
    "2510": { not: "Leverantörsskuld" }, "2610": { not: "Redovisning mervärdesskatt" }, "2710": { not: "Källskatt, personal" },
    "2720": { not: "Upplupna arbetsgivaravgifter" }, "2810": { not: "Semesterlöneskuld" }, "2820": { not: "Upplupen särskild löneskatt" },
    "2830": { not: "Upplupen pension individuell del" }, "2910": { not: "Interimsskulder" },
  };
  const fbKonton: Record<string, { rad?: string; not?: string }> = {
    "351": { rad: "medlemsbidrag" },
    "3511": { rad: "medlemsbidrag", not: "Driftbidrag från staten/Försäkringskassan" },
    "3512": { rad: "medlemsbidrag", not: "Driftbidrag från Falu kommun" },
    "3513": { rad: "medlemsbidrag", not: "Driftbidrag från Borlänge kommun" },
    "3514": { rad: "medlemsbidrag", not: "Driftbidrag från landsting/Region Dalarna" },
    "3520": { not: "Övriga intäkter" }, "3690": { not: "Övriga intäkter" },
    "1630": { not: "Fordran skattekonto" }, "1610": { not: "Momsfordran" }, "1710": { not: "Förutbetalda kostnader" },
    "2510": { not: "Leverantörsskulder" }, "2920": { not: "Upplupna kostnader" }, "2890": { not: "Övrigt" },
  };
  const json = {
    finsam: {
      // The participant records' export date (data/exempel/README.md, "Exportdag"): one settings file per folder.
      exportdatum: "2025-08-31",
      forbund: {
        "sodra-dalarna": { ekonomi: { konton: sdKonton, eget_kapital: { hogst_andel: 0.2, bas: "medelstilldelning", lagst: 400000 } } },
        "falun-borlange": {
          ekonomi: {
            rapportdatum: "2024-12-31",
            poster: { "101": "insats", "401": "insats", "202": "administration", "203": "administration", "209": "administration", "900": "intakter" },
            konton: fbKonton,
            eget_kapital: { hogst_andel: 0.2, bas: "intakter" },
          },
        },
      },
    },
  };
  return JSON.stringify(json, null, 2) + "\n";
}

export const FILER = {
  "huvudbok_sodra_dalarna_2017-2018.csv": sd2017,
  "Huvudbok_Sodra_Dalarna_2024-2025.xlsx": sd2024,
  "saldon_sodra_dalarna.csv": sdSaldon,
  "huvudbok_falun_borlange_2023-2024.csv": fb,
  "budget_sodra_dalarna_2024-2025.csv": budgetVp,
  "budget.csv": budgetLang,
  "medelstilldelning.csv": medelstilldelning,
  "finsam.json": installningar,
} as const;

/** Filnamn -> innehåll, byte för byte. */
export function genereraEkonomi(): Map<string, Uint8Array> {
  return new Map(Object.entries(FILER).map(([namn, f]) => {
    const v = f();
    return [namn, typeof v === "string" ? new Uint8Array(Buffer.from(v, "utf8")) : v];
  }));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const katalog = resolve(dirname(fileURLToPath(import.meta.url)), "../data/exempel");
  mkdirSync(katalog, { recursive: true });
  for (const [namn, bytes] of genereraEkonomi()) {
    writeFileSync(join(katalog, namn), bytes);
    console.log(`Skrev ${join(katalog, namn)}`);
  }
}
