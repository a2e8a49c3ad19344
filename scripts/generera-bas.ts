/**
 * Skriver exempeldata för SCB:s BAS (Befolkningens arbetsmarknadsstatus) i data/exempel/:
 * påhittade men realistiska uttag för Dalarnas 15 kommuner och riket, i exakt det format
 * Statistikdatabasen levererar (ISO-8859-1, CRLF, semikolon, titelrad, en kolumn per månad).
 *
 * - TAB6260_20260410-081500.csv: ArbStatusM, arbetsmarknadsstatus 20-64 år, födelseregion
 *   totalt, per kön, varje månad 2021M01-2025M06 (antal per status, totalt och två andelar i
 *   procent, som läses men inte används).
 * - TAB6260_20260410-082000.csv: ArbStatusM, 2024M03, åldersgrupperna 20-24 ... 55-64 år och
 *   födelseregion (totalt, inrikes född, utrikes född).
 * - TAB1784_20260410-083000.csv: ArbStatFoT1, huvudsaklig inkomstkälla 20-64 år, per kön,
 *   varje månad 2023M01-2025M06.
 * - TAB1784_20260410-083500.csv: ArbStatFoT1, 2020M03, 2021M03 och 2022M03 i åldersgrupperna 20-24,
 *   25-34, 35-44, 45-54 och 55-64 år (utan 20-64: målgruppen byggs av grupperna).
 * - ArbStatHuv_20260410-084000.csv: inkomstkälla x arbetsrelaterad inkomstnivå 2024M03, 20-64
 *   år, per kön; varje inkomstkällas totalt är samma tal som i TAB1784 den månaden.
 *
 * Befolkningen 20-64 år är densamma som folkmängden i TAB1386_20260315-101500.csv (samma
 * formel och samma nivåer som scripts/generera-exempel.ts). Mars 2024 ger målgruppen som
 * Falun-Borlänges analysgrupp redovisade: utanför arbetsmarknaden Falun 7 000 (21,8 %),
 * Borlänge 8 020 (27,8 %), utan inkomst Falun 1 290 + Borlänge 1 593 = 2 883.
 *
 * Körs med `npx tsx scripts/generera-bas.ts`; filerna blir byte för byte desamma varje gång
 * (seedad PRNG, bara + - * / och Math.round/floor).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { avrundaTillSumma, fnv1a, hamta, mulberry32, normalbrus } from "./slump.ts";

export const FILER = {
  status: "TAB6260_20260410-081500.csv",
  statusAlder: "TAB6260_20260410-082000.csv",
  kalla: "TAB1784_20260410-083000.csv",
  kallaAlder: "TAB1784_20260410-083500.csv",
  niva: "ArbStatHuv_20260410-084000.csv",
} as const;

/** Månadsindex från 2019M01, som i generera-exempel.ts. */
const REFERENSMANAD = 54; // 2023M07
const MALMANAD = "2024M03";

function manader(fran: string, till: string): string[] {
  const ut: string[] = [];
  for (let ar = Number(fran.slice(0, 4)), m = Number(fran.slice(5)); ; ) {
    const kod = `${ar}M${m < 10 ? "0" : ""}${m}`;
    ut.push(kod);
    if (kod === till) return ut;
    m++;
    if (m > 12) { m = 1; ar++; }
  }
}
const index = (manad: string) => (Number(manad.slice(0, 4)) - 2019) * 12 + Number(manad.slice(5)) - 1;

interface Region {
  readonly kod: string;
  readonly namn: string;
  /** Som i generera-exempel.ts: folkmängd 20-64 år 2023M07, förändring per år, andel män. */
  readonly folkmangd: number;
  readonly forandringPerAr: number;
  readonly mansandel: number;
  /** Andel 20-64 år vars huvudsakliga inkomstkälla inte är arbete, mars 2024. */
  readonly utanfor: number;
  /** Andel av de utanför som saknar ersättningar. */
  readonly saknar: number;
  /** Andel utrikes födda 20-64 år. */
  readonly utrikes: number;
}

const REGIONER: readonly Region[] = [
  { kod: "2021", namn: "Vansbro", folkmangd: 3400, forandringPerAr: -0.008, mansandel: 0.53, utanfor: 0.255, saknar: 0.2, utrikes: 0.14 },
  { kod: "2023", namn: "Malung-Sälen", folkmangd: 5400, forandringPerAr: -0.004, mansandel: 0.535, utanfor: 0.215, saknar: 0.21, utrikes: 0.1 },
  { kod: "2026", namn: "Gagnef", folkmangd: 5300, forandringPerAr: 0.002, mansandel: 0.515, utanfor: 0.19, saknar: 0.19, utrikes: 0.06 },
  { kod: "2029", namn: "Leksand", folkmangd: 7900, forandringPerAr: 0.001, mansandel: 0.51, utanfor: 0.195, saknar: 0.19, utrikes: 0.08 },
  { kod: "2031", namn: "Rättvik", folkmangd: 5500, forandringPerAr: -0.003, mansandel: 0.515, utanfor: 0.22, saknar: 0.2, utrikes: 0.09 },
  { kod: "2034", namn: "Orsa", folkmangd: 3500, forandringPerAr: -0.005, mansandel: 0.52, utanfor: 0.24, saknar: 0.2, utrikes: 0.12 },
  { kod: "2039", namn: "Älvdalen", folkmangd: 3500, forandringPerAr: -0.009, mansandel: 0.535, utanfor: 0.235, saknar: 0.21, utrikes: 0.1 },
  { kod: "2061", namn: "Smedjebacken", folkmangd: 5600, forandringPerAr: -0.004, mansandel: 0.52, utanfor: 0.235, saknar: 0.19, utrikes: 0.1 },
  { kod: "2062", namn: "Mora", folkmangd: 10800, forandringPerAr: 0.001, mansandel: 0.515, utanfor: 0.21, saknar: 0.2, utrikes: 0.1 },
  { kod: "2080", namn: "Falun", folkmangd: 32000, forandringPerAr: 0.004, mansandel: 0.505, utanfor: 7000 / 32085, saknar: 1290 / 7000, utrikes: 0.11 },
  { kod: "2081", namn: "Borlänge", folkmangd: 28800, forandringPerAr: 0.003, mansandel: 0.515, utanfor: 8020 / 28858, saknar: 1593 / 8020, utrikes: 0.19 },
  { kod: "2082", namn: "Säter", folkmangd: 5900, forandringPerAr: 0.0, mansandel: 0.515, utanfor: 0.21, saknar: 0.19, utrikes: 0.07 },
  { kod: "2083", namn: "Hedemora", folkmangd: 7900, forandringPerAr: -0.002, mansandel: 0.515, utanfor: 0.245, saknar: 0.2, utrikes: 0.12 },
  { kod: "2084", namn: "Avesta", folkmangd: 12400, forandringPerAr: -0.001, mansandel: 0.52, utanfor: 0.265, saknar: 0.21, utrikes: 0.17 },
  { kod: "2085", namn: "Ludvika", folkmangd: 13800, forandringPerAr: -0.002, mansandel: 0.525, utanfor: 0.25, saknar: 0.2, utrikes: 0.16 },
  { kod: "00", namn: "Riket", folkmangd: 5800000, forandringPerAr: 0.005, mansandel: 0.512, utanfor: 0.225, saknar: 0.21, utrikes: 0.24 },
];

/** Målgruppen mars 2024, män och kvinnor totalt: exakt dessa tal. */
const MAL: Readonly<Record<string, { utanfor: number; saknar: number }>> = {
  "2080": { utanfor: 7000, saknar: 1290 },
  "2081": { utanfor: 8020, saknar: 1593 },
};

/** Den enda saknade uppgiften i statusfilen (SCB skriver `..`). */
const SAKNAS = { kod: "2039", kon: "kvinnor", status: "sjuka", manad: "2021M07" } as const;

type KonNamn = "män" | "kvinnor";
const KON_I_FIL = ["män", "kvinnor", "män och kvinnor totalt"] as const;

function folkmangd(region: Region, t: number): number {
  return Math.round(region.folkmangd * (1 + (region.forandringPerAr * (t - REFERENSMANAD)) / 12));
}

function folkmangdKon(region: Region, t: number, kon: KonNamn): number {
  const total = folkmangd(region, t);
  const man = Math.round(total * region.mansandel);
  return kon === "män" ? man : total - man;
}


/** Säsong per kalendermånad för andelen utanför (sommarjobb sänker den). */
const SASONG = [1.0, 1.0, 1.0, 0.995, 0.985, 0.965, 0.94, 0.955, 1.0, 1.0, 1.0, 1.005];
/** Pandemin: extra faktor för andelen utanför från 2020M04 (index 15). */
const PANDEMI = [1.03, 1.05, 1.055, 1.05, 1.045, 1.04, 1.035, 1.03, 1.03, 1.03, 1.025, 1.02, 1.015, 1.01, 1.005];

/** Andel utanför som jämn kurva med autokorrelerat brus (relativt 2024M03). */
function utanforSerie(region: Region, kon: KonNamn, nyckel: string, tider: readonly number[]): number[] {
  const slump = mulberry32(fnv1a(`${region.kod}|${kon}|${nyckel}`));
  const konFaktor = kon === "kvinnor" ? 1.03 : 0.97;
  let brus = 0;
  const mal = index(MALMANAD);
  return tider.map((t) => {
    brus = 0.7 * brus + 0.3 * normalbrus(slump);
    const trend = 1 - (0.012 * (t - mal)) / 12; // långsamt sjunkande
    const pandemi = PANDEMI[t - 15] ?? 1;
    return region.utanfor * konFaktor * trend * hamta(SASONG, t % 12) * pandemi * (1 + 0.008 * brus);
  });
}

// ---------------------------------------------------------------------------------------------
// Huvudsaklig inkomstkälla

const KALLOR = [
  ["arbete", "ersättning för arbete"],
  ["arbetsloshet", "ersättning vid arbetslöshet"],
  ["studier", "ersättning för studier"],
  ["pension", "pension"],
  ["nedsatt", "ersättning vid långvarigt nedsatt arbetsförmåga"],
  ["sjukdom", "ersättning vid sjukdom"],
  ["foraldraledighet", "ersättning vid föräldraledighet/närståendeomvårdnad"],
  ["ekonomiskt", "ekonomiskt stöd"],
  ["saknar", "saknar ersättningar"],
] as const;
type Kalla = (typeof KALLOR)[number][0];
const KALLA_ID: readonly Kalla[] = KALLOR.map(([id]) => id);

/** Hur de utanför fördelas (saknar ersättningar: regionens egen andel). */
const FORDELNING: Readonly<Record<Exclude<Kalla, "arbete" | "saknar">, number>> = {
  arbetsloshet: 0.12, studier: 0.2, pension: 0.05, nedsatt: 0.17, sjukdom: 0.1, foraldraledighet: 0.08, ekonomiskt: 0.08,
};
const KON_FAKTOR: Readonly<Record<KonNamn, Partial<Record<Kalla, number>>>> = {
  kvinnor: { foraldraledighet: 1.6, sjukdom: 1.3, nedsatt: 1.1, arbetsloshet: 0.85, saknar: 0.9 },
  män: { foraldraledighet: 0.4, sjukdom: 0.7, nedsatt: 0.9, arbetsloshet: 1.15, saknar: 1.1 },
};
const ALDRAR = ["20-24 år", "25-34 år", "35-44 år", "45-54 år", "55-64 år"] as const;
const ALDERSANDEL = [0.105, 0.23, 0.22, 0.23, 0.215];
/** Per åldersgrupp: faktor för andelen utanför, och för vissa källor/statusar. */
const ALDER_UTANFOR = [1.7, 0.95, 0.8, 0.8, 1.15];
const ALDER_KALLA: readonly Partial<Record<Kalla, number>>[] = [
  { studier: 4, pension: 0.05, nedsatt: 0.3, foraldraledighet: 0.8 },
  { studier: 1.2, pension: 0.1, nedsatt: 0.6, foraldraledighet: 2.2 },
  { studier: 0.4, pension: 0.2, nedsatt: 0.9, foraldraledighet: 1.3 },
  { studier: 0.15, pension: 0.5, nedsatt: 1.3, foraldraledighet: 0.1 },
  { studier: 0.05, pension: 5, nedsatt: 1.8, foraldraledighet: 0.02 },
];

/** Andelar för de nio källorna, summa 1. */
function kallandelar(region: Region, kon: KonNamn, utanfor: number, manadIKalender: number, alder?: number, pandemi = 1): number[] {
  const vikter = KALLA_ID.map((id): number => {
    if (id === "arbete") return 0;
    const bas = id === "saknar" ? region.saknar : FORDELNING[id] * (1 - region.saknar) / 0.8;
    const sasong = id === "studier" && manadIKalender >= 5 && manadIKalender <= 7 ? 0.6 : 1;
    const pand = id === "arbetsloshet" ? 1 + (pandemi - 1) * 8 : 1;
    return bas * (KON_FAKTOR[kon][id] ?? 1) * (alder === undefined ? 1 : hamta(ALDER_KALLA, alder)[id] ?? 1) * sasong * pand;
  });
  const summa = vikter.reduce((a, b) => a + b, 0);
  return KALLA_ID.map((id, i) => (id === "arbete" ? 1 - utanfor : (utanfor * hamta(vikter, i)) / summa));
}

type Tabell = Map<string, number | null>;

/** Källa-värden 20-64 år per region, kön och månad: `kod|kön|månad|källa`. */
function inkomstkallor(tider: readonly string[]): Tabell {
  const ut: Tabell = new Map();
  for (const region of REGIONER) {
    const perKon = new Map<KonNamn, number[][]>();
    for (const kon of ["kvinnor", "män"] as const) {
      const t = tider.map(index);
      const u = utanforSerie(region, kon, "kalla", t);
      perKon.set(kon, t.map((ti, j) => avrundaTillSumma(kallandelar(region, kon, hamta(u, j), ti % 12, undefined, PANDEMI[ti - 15] ?? 1), folkmangdKon(region, ti, kon))));
    }
    const mal = MAL[region.kod];
    const j = tider.indexOf(MALMANAD);
    if (mal && j >= 0) tvinga(perKon.get("kvinnor")![j]!, perKon.get("män")![j]!, mal);
    tider.forEach((manad, j2) => {
      for (const kon of ["kvinnor", "män"] as const) {
        KALLA_ID.forEach((id, i) => ut.set(`${region.kod}|${kon}|${manad}|${id}`, perKon.get(kon)![j2]![i]!));
      }
    });
  }
  return ut;
}

/** Målmånaden: utanför och saknar ersättningar (båda könen) blir exakt de givna talen. */
function tvinga(kvinnor: number[], man: number[], mal: { utanfor: number; saknar: number }): void {
  const iArbete = KALLA_ID.indexOf("arbete");
  const iSaknar = KALLA_ID.indexOf("saknar");
  const utanfor = (v: number[]) => v.reduce((a, b) => a + b, 0) - v[iArbete]!;
  const uK = Math.round((mal.utanfor * utanfor(kvinnor)) / (utanfor(kvinnor) + utanfor(man)));
  const sK = Math.round((mal.saknar * kvinnor[iSaknar]!) / (kvinnor[iSaknar]! + man[iSaknar]!));
  for (const [v, u, s] of [[kvinnor, uK, sK], [man, mal.utanfor - uK, mal.saknar - sK]] as const) {
    const befolkning = v.reduce((a, b) => a + b, 0);
    const ovriga = KALLA_ID.map((_, i) => i).filter((i) => i !== iArbete && i !== iSaknar);
    const nya = avrundaTillSumma(ovriga.map((i) => v[i]!), u - s);
    ovriga.forEach((i, k) => { v[i] = nya[k]!; });
    v[iSaknar] = s;
    v[iArbete] = befolkning - u;
  }
}

function kallaFil(tider: readonly string[], varden: Tabell): Buffer {
  const rubrik = ["region", "huvudsaklig inkomstkälla", "kön", "ålder", ...tider];
  const rader: string[][] = [];
  for (const region of REGIONER) {
    for (const [id, etikett] of [...KALLOR, ["totalt", "totalt"] as const]) {
      for (const kon of KON_I_FIL) {
        const celler = tider.map((m) => {
          const v = (k: KonNamn) => id === "totalt" ? KALLA_ID.reduce((s, x) => s + (varden.get(`${region.kod}|${k}|${m}|${x}`) as number), 0) : varden.get(`${region.kod}|${k}|${m}|${id}`) as number;
          return String(kon === "män och kvinnor totalt" ? v("kvinnor") + v("män") : v(kon));
        });
        rader.push([q(`${region.kod} ${region.namn}`), q(etikett), q(kon), q("20-64 år"), ...celler]);
      }
    }
  }
  return fil("Befolkningen 20-64 år (BAS) efter region, huvudsaklig inkomstkälla, kön, ålder och månad", rubrik, rader);
}

/** Inkomstkälla per åldersgrupp (utan 20-64): de fem grupperna täcker 20-64 exakt. */
function kallaAlderFil(tider: readonly string[]): Buffer {
  const rubrik = ["region", "huvudsaklig inkomstkälla", "kön", "ålder", ...tider];
  const varden = new Map<string, number>();
  for (const region of REGIONER) {
    for (const kon of ["kvinnor", "män"] as const) {
      for (const manad of tider) {
        const t = index(manad);
        const u = hamta(utanforSerie(region, kon, "kalla", [t]), 0);
        const pers = avrundaTillSumma(ALDERSANDEL, folkmangdKon(region, t, kon));
        ALDRAR.forEach((_, a) => {
          const ua = Math.min(0.9, u * hamta(ALDER_UTANFOR, a));
          const v = avrundaTillSumma(kallandelar(region, kon, ua, t % 12, a, PANDEMI[t - 15] ?? 1), hamta(pers, a));
          KALLA_ID.forEach((id, i) => varden.set(`${region.kod}|${kon}|${manad}|${a}|${id}`, hamta(v, i)));
        });
      }
    }
  }
  const rader: string[][] = [];
  for (const region of REGIONER) {
    for (const [id, etikett] of [...KALLOR, ["totalt", "totalt"] as const]) {
      for (const kon of KON_I_FIL) {
        ALDRAR.forEach((alder, a) => {
          const celler = tider.map((m) => {
            const v = (k: KonNamn) => (id === "totalt" ? KALLA_ID : [id]).reduce((s, x) => s + varden.get(`${region.kod}|${k}|${m}|${a}|${x}`)!, 0);
            return String(kon === "män och kvinnor totalt" ? v("kvinnor") + v("män") : v(kon));
          });
          rader.push([q(`${region.kod} ${region.namn}`), q(etikett), q(kon), q(alder), ...celler]);
        });
      }
    }
  }
  return fil("Befolkningen 20-64 år (BAS) efter region, huvudsaklig inkomstkälla, kön, ålder och månad", rubrik, rader);
}

// ---------------------------------------------------------------------------------------------
// Arbetsrelaterad inkomstnivå (ArbStatHuv)

const NIVAER = ["0 kr", "1 kr -  < 1 inkomstbasbelopp", "1 - < 2 inkomstbasbelopp", "2 - < 3 inkomstbasbelopp", "3 inkomstbasbelopp eller mer"] as const;
const NIVAFORDELNING: Readonly<Record<Kalla, readonly number[]>> = {
  arbete: [0, 0.03, 0.12, 0.3, 0.55],
  arbetsloshet: [0.25, 0.5, 0.2, 0.04, 0.01],
  studier: [0.3, 0.6, 0.08, 0.015, 0.005],
  pension: [0.6, 0.3, 0.07, 0.02, 0.01],
  nedsatt: [0.75, 0.2, 0.04, 0.008, 0.002],
  sjukdom: [0.2, 0.4, 0.25, 0.1, 0.05],
  foraldraledighet: [0.1, 0.35, 0.3, 0.15, 0.1],
  ekonomiskt: [0.6, 0.35, 0.04, 0.008, 0.002],
  saknar: [0.7, 0.28, 0.015, 0.004, 0.001],
};

function nivaFil(manad: string, kallor: Tabell): Buffer {
  const rubrik = ["region", "huvudsaklig inkomstkälla", "arbetsrelaterad inkomstnivå", "kön", "ålder", manad];
  const varden = new Map<string, number>();
  for (const region of REGIONER) {
    for (const kon of ["kvinnor", "män"] as const) {
      const slump = mulberry32(fnv1a(`${region.kod}|${kon}|niva`));
      for (const id of KALLA_ID) {
        const fordelning = NIVAFORDELNING[id].map((p) => p * (1 + 0.1 * (slump() - 0.5)));
        const v = avrundaTillSumma(fordelning, kallor.get(`${region.kod}|${kon}|${manad}|${id}`) as number);
        NIVAER.forEach((_, n) => varden.set(`${region.kod}|${kon}|${id}|${n}`, hamta(v, n)));
      }
    }
  }
  const rader: string[][] = [];
  for (const region of REGIONER) {
    for (const [id, etikett] of [...KALLOR, ["totalt", "totalt"] as const]) {
      for (const [n, niva] of [...NIVAER.map((x, i) => [i, x] as const), [-1, "totalt"] as const]) {
        for (const kon of KON_I_FIL) {
          const v = (k: KonNamn) => (id === "totalt" ? KALLA_ID : [id]).reduce(
            (s, x) => s + (n < 0 ? NIVAER.reduce((t, _, i) => t + varden.get(`${region.kod}|${k}|${x}|${i}`)!, 0) : varden.get(`${region.kod}|${k}|${x}|${n}`)!), 0);
          const cell = kon === "män och kvinnor totalt" ? v("kvinnor") + v("män") : v(kon);
          rader.push([q(`${region.kod} ${region.namn}`), q(etikett), q(niva), q(kon), q("20-64 år"), String(cell)]);
        }
      }
    }
  }
  return fil("Befolkningen 20-64 år (BAS) efter region, huvudsaklig inkomstkälla, arbetsrelaterad inkomstnivå, kön, ålder och månad", rubrik, rader);
}

// ---------------------------------------------------------------------------------------------
// Arbetsmarknadsstatus (ArbStatusM)

const STATUS = [
  ["sysselsatta", "antal sysselsatta"],
  ["arbetslosa", "antal arbetslösa"],
  ["studerande", "antal studerande"],
  ["pensionarer", "antal pensionärer"],
  ["sjuka", "antal sjuka"],
  ["ovriga", "antal övriga"],
] as const;
type StatusId = (typeof STATUS)[number][0];
const STATUS_ID: readonly StatusId[] = STATUS.map(([id]) => id);
const STATUSFORDELNING: Readonly<Record<Exclude<StatusId, "sysselsatta">, number>> = {
  arbetslosa: 0.2, studerande: 0.22, pensionarer: 0.05, sjuka: 0.2, ovriga: 0.33,
};
const STATUS_KON: Readonly<Record<KonNamn, Partial<Record<StatusId, number>>>> = {
  kvinnor: { sjuka: 1.35, arbetslosa: 0.85, ovriga: 0.95 },
  män: { sjuka: 0.7, arbetslosa: 1.15, ovriga: 1.05 },
};
const STATUS_ALDER: readonly Partial<Record<StatusId, number>>[] = [
  { studerande: 4, pensionarer: 0.02, sjuka: 0.4 },
  { studerande: 1.1, pensionarer: 0.05, sjuka: 0.7 },
  { studerande: 0.35, pensionarer: 0.1, sjuka: 1 },
  { studerande: 0.15, pensionarer: 0.3, sjuka: 1.3 },
  { studerande: 0.05, pensionarer: 6, sjuka: 1.7 },
];

function statusandelar(kon: KonNamn, utanfor: number, manadIKalender: number, pandemi: number, alder?: number, utrikes = false): number[] {
  const vikter = STATUS_ID.map((id): number => {
    if (id === "sysselsatta") return 0;
    const sasong = id === "studerande" && manadIKalender >= 5 && manadIKalender <= 7 ? 0.65 : 1;
    const pand = id === "arbetslosa" ? 1 + (pandemi - 1) * 8 : 1;
    const utr = utrikes && (id === "arbetslosa" || id === "ovriga") ? 1.8 : 1;
    return STATUSFORDELNING[id] * (STATUS_KON[kon][id] ?? 1) * (alder === undefined ? 1 : hamta(STATUS_ALDER, alder)[id] ?? 1) * sasong * pand * utr;
  });
  const summa = vikter.reduce((a, b) => a + b, 0);
  const ej = utanfor * 0.95;
  return STATUS_ID.map((id, i) => (id === "sysselsatta" ? 1 - ej : (ej * hamta(vikter, i)) / summa));
}

function statusFil(tider: readonly string[]): Buffer {
  const rubrik = ["region", "kön", "ålder", "födelseregion", "tabellinnehåll", ...tider];
  const rader: string[][] = [];
  for (const region of REGIONER) {
    const perKon = new Map<KonNamn, (number | null)[][]>();
    for (const kon of ["kvinnor", "män"] as const) {
      const t = tider.map(index);
      const u = utanforSerie(region, kon, "status", t);
      perKon.set(kon, t.map((ti, j) => avrundaTillSumma(statusandelar(kon, hamta(u, j), ti % 12, PANDEMI[ti - 15] ?? 1), folkmangdKon(region, ti, kon))));
    }
    for (const kon of KON_I_FIL) {
      const varde = (j: number, i: number): number | null =>
        kon === "män och kvinnor totalt" ? perKon.get("kvinnor")![j]![i]! + perKon.get("män")![j]![i]! : perKon.get(kon)![j]![i]!;
      const total = (j: number) => STATUS_ID.reduce((s, _, i) => s + varde(j, i)!, 0);
      STATUS.forEach(([id, etikett], i) => {
        const celler = tider.map((m, j) => {
          const saknas = region.kod === SAKNAS.kod && kon === SAKNAS.kon && id === SAKNAS.status && m === SAKNAS.manad;
          return saknas ? ".." : String(varde(j, i));
        });
        rader.push([q(`${region.kod} ${region.namn}`), q(kon), q("20-64 år"), q("totalt"), q(etikett), ...celler]);
      });
      rader.push([q(`${region.kod} ${region.namn}`), q(kon), q("20-64 år"), q("totalt"), q("antal totalt"), ...tider.map((_, j) => String(total(j)))]);
      for (const [i, etikett] of [[0, "andel sysselsatta, procent"], [1, "andel arbetslösa, procent"]] as const) {
        rader.push([q(`${region.kod} ${region.namn}`), q(kon), q("20-64 år"), q("totalt"), q(etikett), ...tider.map((_, j) => ((100 * varde(j, i)!) / total(j)).toFixed(1))]);
      }
    }
  }
  return fil("Befolkningen 15-74 år (BAS) efter region, kön, ålder, födelseregion, tabellinnehåll och månad", rubrik, rader);
}

/** En månad, fem åldersgrupper, inrikes och utrikes födda (och totalt). */
function statusAlderFil(manad: string): Buffer {
  const t = index(manad);
  const rubrik = ["region", "kön", "ålder", "födelseregion", "tabellinnehåll", manad];
  const rader: string[][] = [];
  for (const region of REGIONER) {
    const celler = new Map<string, number>();
    for (const kon of ["kvinnor", "män"] as const) {
      const u = hamta(utanforSerie(region, kon, "status", [t]), 0);
      const pers = avrundaTillSumma(ALDERSANDEL, folkmangdKon(region, t, kon));
      ALDRAR.forEach((_, a) => {
        const utrikes = Math.round(hamta(pers, a) * region.utrikes * (a === 0 ? 0.8 : 1));
        for (const [fr, antal] of [["inrikes född", hamta(pers, a) - utrikes], ["utrikes född", utrikes]] as const) {
          const ua = Math.min(0.9, u * hamta(ALDER_UTANFOR, a) * (fr === "utrikes född" ? 1.7 : 0.93));
          const v = avrundaTillSumma(statusandelar(kon, ua, t % 12, 1, a, fr === "utrikes född"), antal);
          STATUS_ID.forEach((id, i) => celler.set(`${kon}|${a}|${fr}|${id}`, hamta(v, i)));
        }
      });
    }
    const hamtaCell = (kon: string, a: number, fr: string, id: StatusId | "totalt"): number => {
      const konLista: KonNamn[] = kon === "män och kvinnor totalt" ? ["kvinnor", "män"] : [kon as KonNamn];
      const frLista = fr === "totalt" ? ["inrikes född", "utrikes född"] : [fr];
      const idLista = id === "totalt" ? STATUS_ID : [id];
      let s = 0;
      for (const k of konLista) for (const f of frLista) for (const x of idLista) s += celler.get(`${k}|${a}|${f}|${x}`)!;
      return s;
    };
    for (const kon of KON_I_FIL) {
      ALDRAR.forEach((alder, a) => {
        for (const fr of ["totalt", "inrikes född", "utrikes född"]) {
          for (const [id, etikett] of [...STATUS, ["totalt", "antal totalt"] as const]) {
            rader.push([q(`${region.kod} ${region.namn}`), q(kon), q(alder), q(fr), q(etikett), String(hamtaCell(kon, a, fr, id))]);
          }
        }
      });
    }
  }
  return fil("Befolkningen 15-74 år (BAS) efter region, kön, ålder, födelseregion, tabellinnehåll och månad", rubrik, rader);
}

// ---------------------------------------------------------------------------------------------

function q(text: string): string {
  return `"${text}"`;
}

/** Filens innehåll som byte (ISO-8859-1, CRLF), precis som en nedladdning från Statistikdatabasen. */
function fil(titel: string, rubrik: readonly string[], rader: readonly string[][]): Buffer {
  const text = [q(titel), rubrik.map(q).join(";"), ...rader.map((r) => r.join(";"))].map((r) => `${r}\r\n`).join("");
  return iconv.encode(text, "latin1");
}

export function genereraBas(): Map<string, Buffer> {
  const kallTider = manader("2023M01", "2025M06");
  const kallor = inkomstkallor(kallTider);
  return new Map([
    [FILER.status, statusFil(manader("2021M01", "2025M06"))],
    [FILER.statusAlder, statusAlderFil(MALMANAD)],
    [FILER.kalla, kallaFil(kallTider, kallor)],
    [FILER.kallaAlder, kallaAlderFil(["2020M03", "2021M03", "2022M03"])],
    [FILER.niva, nivaFil(MALMANAD, kallor)],
  ]);
}

function korsDirekt(): boolean {
  const skript = process.argv[1];
  return skript !== undefined && resolve(skript) === fileURLToPath(import.meta.url);
}

if (korsDirekt()) {
  const katalog = resolve(dirname(fileURLToPath(import.meta.url)), "../data/exempel");
  mkdirSync(katalog, { recursive: true });
  for (const [namn, innehall] of genereraBas()) {
    writeFileSync(resolve(katalog, namn), innehall);
    console.log(`Skrev ${resolve(katalog, namn)} (${innehall.length} byte)`);
  }
}
