/**
 * Skriver data/exempel/TAB1386_20260315-101500.csv: ett påhittat men realistiskt uttag ur SCB:s
 * tabell HE0000T02N2 (PxWeb v2 TAB1386, helårsekvivalenter 20-64 år) för Dalarnas 15 kommuner
 * och riket, i exakt det format Statistikdatabasen levererar (ISO-8859-1, CRLF, semikolon,
 * titelrad, en kolumn per månad).
 *
 * Verkliga är bara sexmånaderssummorna för Falun och Borlänge jan-jun 2023 och 2024
 * (HALVARSSUMMOR nedan); allt annat är genererat. Se data/exempel/README.md.
 *
 * Filen blir byte för byte densamma vid varje körning och på varje maskin: seedad PRNG,
 * bara + - * / Math.sqrt och Math.round (IEEE-exakta), tal formateras med String/toFixed.
 */
import {mkdirSync, writeFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import iconv from "iconv-lite";
import { avrundaTillSumma, fnv1a, hamta, mulberry32, normalbrus, trendfaktor } from "./slump.ts";

export const FILNAMN = "TAB1386_20260315-101500.csv";
const TITEL = "Helårsekvivalenter 20-64 år efter region, kön, ålder, tabellinnehåll och månad";
const ALDER = "20-64 år";
const KON = ["män", "kvinnor", "män och kvinnor totalt"] as const;
const FORSTA_AR = 2019;
const ANTAL_AR = 7;

export const MANADER: readonly string[] = Array.from({length: ANTAL_AR * 12}, (_, t) => {
  const ar = FORSTA_AR + Math.floor(t / 12);
  const manad = (t % 12) + 1;
  return `${ar}M${manad < 10 ? "0" : ""}${manad}`;
});

/** Månadsindex för 2023M07: kommunernas nivåer (andelar, folkmängd) avser ungefär den tiden. */
const REFERENSMANAD = 54;

type Ersattning = "sjukpenning" | "sjukAktivitet" | "arbetsloshet" | "atgarder" | "ekonomisktBistand" | "etablering";

interface Ersattningsmodell {
  readonly id: Ersattning;
  /** Etiketten exakt som SCB skriver den (med SCB:s stavfel i sjuk- och aktivitetsersättning). */
  readonly etikett: string;
  /** Kvinnornas andel av helårsekvivalenterna. */
  readonly kvinnoandel: number;
  /** Faktor per kalendermånad, jan-dec. */
  readonly sasong: readonly number[];
  /** Faktor per år 2019-2025 (2023 = 1), interpoleras linjärt mellan årens mitt. */
  readonly trend: readonly number[];
}

/** I SCB:s ordning. */
const ERSATTNINGAR: readonly Ersattningsmodell[] = [
  {
    id: "sjukpenning",
    etikett: "Sjukpenning",
    kvinnoandel: 0.64,
    sasong: [1.05, 1.08, 1.06, 1.02, 0.99, 0.97, 0.88, 0.92, 1.0, 1.02, 1.02, 0.99],
    trend: [0.95, 1.0, 0.98, 0.97, 1.0, 1.05, 1.07],
  },
  {
    id: "sjukAktivitet",
    etikett: "Sjuk- och aktivitetsersersättning",
    kvinnoandel: 0.56,
    sasong: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    trend: [1.12, 1.09, 1.06, 1.03, 1.0, 0.98, 0.96],
  },
  {
    id: "arbetsloshet",
    etikett: "Arbetslöshetsersättning",
    kvinnoandel: 0.45,
    sasong: [1.14, 1.12, 1.06, 0.99, 0.93, 0.9, 1.02, 0.98, 0.9, 0.92, 0.97, 1.07],
    trend: [1.0, 1.0, 1.0, 0.9, 1.0, 1.22, 1.28],
  },
  {
    id: "atgarder",
    etikett: "Arbetsmarknadsåtgärder",
    kvinnoandel: 0.42,
    sasong: [0.97, 1.03, 1.05, 1.05, 1.03, 0.98, 0.86, 0.9, 1.02, 1.05, 1.05, 1.01],
    trend: [1.15, 1.1, 1.2, 1.12, 1.0, 0.88, 0.86],
  },
  {
    id: "ekonomisktBistand",
    etikett: "Ekonomiskt bistånd",
    kvinnoandel: 0.47,
    sasong: [1.02, 1.0, 1.01, 1.0, 0.99, 0.99, 1.01, 1.01, 0.99, 0.99, 0.99, 1.0],
    trend: [1.12, 1.1, 1.04, 0.99, 1.0, 0.96, 0.94],
  },
  {
    id: "etablering",
    etikett: "Etableringsersättning",
    kvinnoandel: 0.5,
    sasong: [1.0, 1.0, 1.01, 1.01, 1.0, 0.99, 0.98, 0.99, 1.0, 1.01, 1.01, 1.0],
    trend: [2.4, 1.7, 1.3, 1.05, 1.0, 0.9, 0.75],
  },
];

/** Extra faktor från 2020M03 (index 14) och framåt: pandemins toppar. */
const PANDEMI: Partial<Record<Ersattning, readonly number[]>> = {
  arbetsloshet: [1.15, 1.45, 1.55, 1.5, 1.45, 1.4, 1.32, 1.25, 1.2, 1.17, 1.15, 1.12, 1.1, 1.08, 1.06, 1.05, 1.03, 1.02],
  sjukpenning: [1.12, 1.15, 1.06, 1.02],
};
const PANDEMINS_START = 14;

interface Region {
  readonly kod: string;
  readonly namn: string;
  /** Folkmängd 20-64 år, båda könen, 2023M07. */
  readonly folkmangd: number;
  /** Relativ förändring av folkmängden per år. */
  readonly forandringPerAr: number;
  readonly mansandel: number;
  /** Helårsekvivalenter i procent av folkmängden 2023, i ERSATTNINGAR:s ordning. */
  readonly procent: readonly [number, number, number, number, number, number];
}

const REGIONER: readonly Region[] = [
  {kod: "2021", namn: "Vansbro", folkmangd: 3400, forandringPerAr: -0.008, mansandel: 0.53, procent: [3.0, 4.5, 1.3, 2.4, 1.6, 0.5]},
  {kod: "2023", namn: "Malung-Sälen", folkmangd: 5400, forandringPerAr: -0.004, mansandel: 0.535, procent: [2.6, 3.6, 1.0, 1.5, 1.0, 0.2]},
  {kod: "2026", namn: "Gagnef", folkmangd: 5300, forandringPerAr: 0.002, mansandel: 0.515, procent: [3.0, 3.4, 0.8, 1.4, 0.8, 0.1]},
  {kod: "2029", namn: "Leksand", folkmangd: 7900, forandringPerAr: 0.001, mansandel: 0.51, procent: [2.9, 3.3, 0.8, 1.4, 0.9, 0.2]},
  {kod: "2031", namn: "Rättvik", folkmangd: 5500, forandringPerAr: -0.003, mansandel: 0.515, procent: [3.1, 3.9, 1.0, 1.8, 1.2, 0.3]},
  {kod: "2034", namn: "Orsa", folkmangd: 3500, forandringPerAr: -0.005, mansandel: 0.52, procent: [3.2, 4.4, 1.2, 2.2, 1.5, 0.5]},
  {kod: "2039", namn: "Älvdalen", folkmangd: 3500, forandringPerAr: -0.009, mansandel: 0.535, procent: [3.0, 4.2, 1.2, 2.0, 1.2, 0.4]},
  {kod: "2061", namn: "Smedjebacken", folkmangd: 5600, forandringPerAr: -0.004, mansandel: 0.52, procent: [3.2, 4.5, 1.1, 2.5, 1.4, 0.3]},
  {kod: "2062", namn: "Mora", folkmangd: 10800, forandringPerAr: 0.001, mansandel: 0.515, procent: [2.9, 3.6, 0.9, 1.8, 1.3, 0.3]},
  {kod: "2080", namn: "Falun", folkmangd: 32000, forandringPerAr: 0.004, mansandel: 0.505, procent: [2.8, 3.4, 0.7, 2.0, 1.4, 0.2]},
  {kod: "2081", namn: "Borlänge", folkmangd: 28800, forandringPerAr: 0.003, mansandel: 0.515, procent: [3.25, 3.9, 1.45, 3.9, 2.5, 0.16]},
  {kod: "2082", namn: "Säter", folkmangd: 5900, forandringPerAr: 0.0, mansandel: 0.515, procent: [3.1, 4.0, 0.9, 2.0, 1.1, 0.2]},
  {kod: "2083", namn: "Hedemora", folkmangd: 7900, forandringPerAr: -0.002, mansandel: 0.515, procent: [3.3, 4.6, 1.3, 2.8, 1.8, 0.4]},
  {kod: "2084", namn: "Avesta", folkmangd: 12400, forandringPerAr: -0.001, mansandel: 0.52, procent: [3.3, 4.6, 1.5, 3.2, 2.4, 0.5]},
  {kod: "2085", namn: "Ludvika", folkmangd: 13800, forandringPerAr: -0.002, mansandel: 0.525, procent: [3.2, 4.4, 1.4, 3.0, 2.0, 0.4]},
  {kod: "00", namn: "Riket", folkmangd: 5800000, forandringPerAr: 0.005, mansandel: 0.512, procent: [2.7, 3.4, 1.2, 1.9, 1.3, 0.25]},
];

/**
 * Verkliga summor över jan-jun av "män och kvinnor totalt" (Finsam Falun-Borlänges
 * årsredovisning 2024 redovisar dem som medelvärde per månad, t.ex. 5393 / 6 = 899).
 */
const HALVARSSUMMOR: Readonly<Record<string, Readonly<Record<number, Readonly<Record<Ersattning, number>>>>>> = {
  "2080": {
    2023: {sjukpenning: 5393, sjukAktivitet: 6575, arbetsloshet: 1360, atgarder: 3779, etablering: 415, ekonomisktBistand: 2640},
    2024: {sjukpenning: 5740, sjukAktivitet: 6466, arbetsloshet: 1824, atgarder: 3286, etablering: 419, ekonomisktBistand: 2375},
  },
  "2081": {
    2023: {sjukpenning: 5614, sjukAktivitet: 6713, arbetsloshet: 2514, atgarder: 6764, etablering: 269, ekonomisktBistand: 4366},
    2024: {sjukpenning: 5802, sjukAktivitet: 6622, arbetsloshet: 2731, atgarder: 6172, etablering: 196, ekonomisktBistand: 4332},
  },
};

/** Den enda saknade uppgiften (SCB skriver `..`); summor och andelar som beror på den saknas också. */
const SAKNAS = {kod: "2021", kon: "kvinnor", ersattning: "ekonomisktBistand", manad: "2021M07"} as const;

type Cell = number | null;



function pandemifaktor(id: Ersattning, t: number): number {
  return PANDEMI[id]?.[t - PANDEMINS_START] ?? 1;
}

function folkmangdTotalt(region: Region, t: number): number {
  return Math.round(region.folkmangd * (1 + (region.forandringPerAr * (t - REFERENSMANAD)) / 12));
}

/** Förväntad nivå (män och kvinnor totalt) med autokorrelerat brus, som flyttal. */
function nivaer(region: Region, index: number): number[] {
  const modell = hamta(ERSATTNINGAR, index);
  const slump = mulberry32(fnv1a(`${region.kod}|${modell.id}`));
  let brus = 0;
  return MANADER.map((_, t) => {
    const forvantat =
      ((folkmangdTotalt(region, t) * hamta(region.procent, index)) / 100) *
      trendfaktor(modell.trend, t) *
      hamta(modell.sasong, t % 12) *
      pandemifaktor(modell.id, t);
    brus = 0.6 * brus + 0.8 * normalbrus(slump);
    const relativSpridning = 0.01 + 0.3 / Math.sqrt(forvantat + 1);
    return Math.max(0, forvantat * (1 + relativSpridning * brus));
  });
}


/**
 * Heltal för män och kvinnor totalt. För kommuner med verkliga halvårssummor skalas serien
 * mjukt (konstant före jan-jun 2023, linjärt fram till jan-jun 2024, konstant efter) så att
 * nivån stämmer, och de tolv målmånaderna avrundas till exakt rätt summa.
 */
function totaler(region: Region, index: number): number[] {
  const niva = nivaer(region, index);
  const mal = HALVARSSUMMOR[region.kod];
  if (mal === undefined) return niva.map(Math.round);
  const id = hamta(ERSATTNINGAR, index).id;
  const start = (ar: number) => (ar - FORSTA_AR) * 12;
  const halvar = (ar: number) => niva.slice(start(ar), start(ar) + 6);
  const malsumma = (ar: number) => {
    const summa = mal[ar]?.[id];
    if (summa === undefined) throw new Error(`halvårssumma saknas för ${region.kod} ${ar}`);
    return summa;
  };
  const faktor = (ar: number) => malsumma(ar) / halvar(ar).reduce((a, b) => a + b, 0);
  const [f2023, f2024] = [faktor(2023), faktor(2024)];
  const [mitt2023, mitt2024] = [start(2023) + 2.5, start(2024) + 2.5];
  const skalad = niva.map((v, t) => {
    const vikt = Math.min(1, Math.max(0, (t - mitt2023) / (mitt2024 - mitt2023)));
    return v * (f2023 * (1 - vikt) + f2024 * vikt);
  });
  const heltal = skalad.map(Math.round);
  for (const ar of [2023, 2024]) {
    avrundaTillSumma(skalad.slice(start(ar), start(ar) + 6), malsumma(ar)).forEach((v, i) => {
      heltal[start(ar) + i] = v;
    });
  }
  return heltal;
}

/** Delar varje månads total i kvinnor och män. */
function kvinnor(region: Region, index: number, total: readonly number[]): number[] {
  const modell = hamta(ERSATTNINGAR, index);
  const slump = mulberry32(fnv1a(`${region.kod}|${modell.id}|kön`));
  const regionensAndel = modell.kvinnoandel + (slump() - 0.5) * 0.06;
  return total.map((v) => Math.round(v * (regionensAndel + (slump() - 0.5) * 0.02)));
}

function plus(a: Cell, b: Cell): Cell {
  return a === null || b === null ? null : a + b;
}

function summaAv(serier: readonly (readonly Cell[])[]): Cell[] {
  return MANADER.map((_, t) => serier.reduce<Cell>((s, serie) => plus(s, hamta(serie, t)), 0));
}

function andel(summa: readonly Cell[], folkmangd: readonly Cell[]): string[] {
  return MANADER.map((_, t) => {
    const s = hamta(summa, t);
    const f = hamta(folkmangd, t);
    return s === null || f === null ? ".." : ((100 * s) / f).toFixed(1);
  });
}

function text(cell: Cell): string {
  return cell === null ? ".." : String(cell);
}

/** Raderna för en region: per kön de nio tabellinnehållen i SCB:s ordning. */
function regionensRader(region: Region): string[] {
  const perKon: Record<(typeof KON)[number], Cell[][]> = {"män": [], "kvinnor": [], "män och kvinnor totalt": []};
  ERSATTNINGAR.forEach((modell, index) => {
    const total = totaler(region, index);
    const kvinnorna = kvinnor(region, index, total);
    const m: Cell[] = total.map((v, t) => v - hamta(kvinnorna, t));
    const k: Cell[] = [...kvinnorna];
    if (region.kod === SAKNAS.kod && modell.id === SAKNAS.ersattning) k[MANADER.indexOf(SAKNAS.manad)] = null;
    perKon["män"].push(m);
    perKon["kvinnor"].push(k);
    perKon["män och kvinnor totalt"].push(MANADER.map((_, t) => plus(hamta(m, t), hamta(k, t))));
  });
  const folkTotalt = MANADER.map((_, t) => folkmangdTotalt(region, t));
  const folkMan = folkTotalt.map((f) => Math.round(f * region.mansandel));
  const folk: Record<(typeof KON)[number], Cell[]> = {
    "män": folkMan,
    "kvinnor": folkTotalt.map((f, t) => f - hamta(folkMan, t)),
    "män och kvinnor totalt": folkTotalt,
  };
  const etikett = `"${region.kod} ${region.namn}"`;
  return KON.flatMap((kon) => {
    const delar = perKon[kon];
    const summa = summaAv(delar);
    const innehall: [string, string[]][] = [
      ...ERSATTNINGAR.map((modell, i): [string, string[]] => [modell.etikett, hamta(delar, i).map(text)]),
      ["Summa helårsekvivalenter", summa.map(text)],
      ["Folkmängd", folk[kon].map(text)],
      ["Andel av befolkningen", andel(summa, folk[kon])],
    ];
    return innehall.map(([namn, varden]) => [etikett, `"${kon}"`, `"${ALDER}"`, `"${namn}"`, ...varden].join(";"));
  });
}

/** Filens innehåll som byte (ISO-8859-1, CRLF), precis som en nedladdning från Statistikdatabasen. */
export function genereraHelarsekvivalenter(): Buffer {
  const rubrik = ["region", "kön", "ålder", "tabellinnehåll", ...MANADER].map((v) => `"${v}"`).join(";");
  const rader = [`"${TITEL}"`, rubrik, ...REGIONER.flatMap(regionensRader)];
  return iconv.encode(rader.map((rad) => `${rad}\r\n`).join(""), "latin1");
}

function korsDirekt(): boolean {
  const skript = process.argv[1];
  return skript !== undefined && resolve(skript) === fileURLToPath(import.meta.url);
}

if (korsDirekt()) {
  const fil = resolve(dirname(fileURLToPath(import.meta.url)), "../data/exempel", FILNAMN);
  mkdirSync(dirname(fil), {recursive: true});
  writeFileSync(fil, genereraHelarsekvivalenter());
  console.log(`Skrev ${fil}`);
}
