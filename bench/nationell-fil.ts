/**
 * Genererar en nationell helårsekvivalentfil för prestandamätningen: alla 290 kommuner och
 * riket, 3 kön, ålder 20-64 år, SCB:s 9 tabellinnehåll och 144 månader (2014M01-2025M12),
 * i exakt samma format som SCB:s nedladdning och som data/exempel/ (ISO-8859-1, CRLF,
 * semikolon, titelrad inom citattecken, alla etiketter inom citattecken, tal utan).
 *
 * Värdena är påhittade men rimliga och internt konsistenta, så att pipelinen inte ska ge
 * några fel eller summavarningar:
 * - "män och kvinnor totalt" = män + kvinnor, exakt, för varje innehåll;
 * - "Summa helårsekvivalenter" = summan av de sex ersättningarna, exakt;
 * - "Andel av befolkningen" = 100 * summa / folkmängd med en decimal;
 * - riket = summan av kommunerna;
 * - ekonomiskt bistånd är aldrig 0 (pipelinen varnar för 0, se SCB:s beskrivning).
 *
 * Seedad PRNG (mulberry32): samma fil vid varje körning med samma Node-version. Filen skrivs
 * bara till en temporär katalog (os.tmpdir()), aldrig i repot.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fnv1a, mulberry32, normalbrus, trendfaktor } from "../scripts/slump.ts";

export const FILNAMN = "TAB1386_20260315-101500.csv";
const TITEL = "Helårsekvivalenter 20-64 år efter region, kön, ålder, tabellinnehåll och månad";
const ALDER = "20-64 år";
const KON = ["män", "kvinnor", "män och kvinnor totalt"] as const;
const FORSTA_AR = 2014;
const ANTAL_AR = 12;
export const ANTAL_MANADER = ANTAL_AR * 12;

export const MANADER: readonly string[] = Array.from({ length: ANTAL_MANADER }, (_, t) => {
  const ar = FORSTA_AR + Math.floor(t / 12);
  const manad = (t % 12) + 1;
  return `${ar}M${manad < 10 ? "0" : ""}${manad}`;
});

/** Månadsindex för 2023M07: folkmängd och andelar avser ungefär den tiden. */
const REFERENSMANAD = (2023 - FORSTA_AR) * 12 + 6;

interface Ersattningsmodell {
  /** Etiketten exakt som SCB skriver den (med SCB:s stavfel i sjuk- och aktivitetsersättning). */
  readonly etikett: string;
  /** Helårsekvivalenter i procent av folkmängden 20-64 år i riket 2023. */
  readonly procent: number;
  readonly kvinnoandel: number;
  /** Faktor per kalendermånad, jan-dec. */
  readonly sasong: readonly number[];
  /** Faktor per år 2014-2025 (2023 = 1), interpoleras linjärt mellan årens mitt. */
  readonly trend: readonly number[];
}

/** De sex ersättningarna i SCB:s ordning. */
const ERSATTNINGAR: readonly Ersattningsmodell[] = [
  {
    etikett: "Sjukpenning", procent: 2.7, kvinnoandel: 0.64,
    sasong: [1.05, 1.08, 1.06, 1.02, 0.99, 0.97, 0.88, 0.92, 1.0, 1.02, 1.02, 0.99],
    trend: [0.98, 1.05, 1.1, 1.08, 1.0, 0.95, 1.0, 0.98, 0.97, 1.0, 1.05, 1.07],
  },
  {
    etikett: "Sjuk- och aktivitetsersersättning", procent: 3.4, kvinnoandel: 0.56,
    sasong: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    trend: [1.45, 1.38, 1.3, 1.22, 1.16, 1.12, 1.09, 1.06, 1.03, 1.0, 0.98, 0.96],
  },
  {
    etikett: "Arbetslöshetsersättning", procent: 1.2, kvinnoandel: 0.45,
    sasong: [1.14, 1.12, 1.06, 0.99, 0.93, 0.9, 1.02, 0.98, 0.9, 0.92, 0.97, 1.07],
    trend: [1.25, 1.15, 1.05, 1.0, 0.98, 1.0, 1.4, 1.1, 0.9, 1.0, 1.22, 1.28],
  },
  {
    etikett: "Arbetsmarknadsåtgärder", procent: 1.9, kvinnoandel: 0.42,
    sasong: [0.97, 1.03, 1.05, 1.05, 1.03, 0.98, 0.86, 0.9, 1.02, 1.05, 1.05, 1.01],
    trend: [1.3, 1.3, 1.28, 1.25, 1.2, 1.15, 1.1, 1.2, 1.12, 1.0, 0.88, 0.86],
  },
  {
    etikett: "Ekonomiskt bistånd", procent: 1.3, kvinnoandel: 0.47,
    sasong: [1.02, 1.0, 1.01, 1.0, 0.99, 0.99, 1.01, 1.01, 0.99, 0.99, 0.99, 1.0],
    trend: [1.3, 1.28, 1.25, 1.2, 1.15, 1.12, 1.1, 1.04, 0.99, 1.0, 0.96, 0.94],
  },
  {
    etikett: "Etableringsersättning", procent: 0.25, kvinnoandel: 0.5,
    sasong: [1.0, 1.0, 1.01, 1.01, 1.0, 0.99, 0.98, 0.99, 1.0, 1.01, 1.01, 1.0],
    trend: [2.5, 3.5, 5.0, 5.5, 4.2, 2.4, 1.7, 1.3, 1.05, 1.0, 0.9, 0.75],
  },
];
const EKONOMISKT_BISTAND = 4;

/** Tabellinnehållen i SCB:s ordning: de sex ersättningarna, summa, folkmängd, andel. */
export const INNEHALL: readonly string[] = [
  ...ERSATTNINGAR.map((e) => e.etikett),
  "Summa helårsekvivalenter",
  "Folkmängd",
  "Andel av befolkningen",
];

/** Folkmängd 20-64 år i riket 2023M07 som kommunerna skalas till. */
const RIKETS_FOLKMANGD = 5_900_000;

export interface Kommunrad {
  readonly kod: string;
  readonly namn: string;
}

/** Kommunkoder och namn ur data/referens/kommuner.csv (UTF-8, komma, inga citattecken). */
export function lasKommuner(fil = fileURLToPath(new URL("../data/referens/kommuner.csv", import.meta.url))): Kommunrad[] {
  const rader = readFileSync(fil, "utf8").split(/\r?\n/).filter((r) => r.trim() !== "");
  const rubrik = rader[0]?.split(",") ?? [];
  const iKod = rubrik.indexOf("kommunkod");
  const iNamn = rubrik.indexOf("kommun");
  if (iKod < 0 || iNamn < 0) throw new Error(`${fil}: kolumnerna kommunkod och kommun saknas`);
  return rader.slice(1).map((rad) => {
    const f = rad.split(",");
    const kod = f[iKod] ?? "";
    const namn = f[iNamn] ?? "";
    if (!/^\d{4}$/.test(kod) || namn === "") throw new Error(`${fil}: oväntad rad ${JSON.stringify(rad)}`);
    return { kod, namn };
  });
}


/**
 * En regions värden: serie[kön][innehåll] med 144 månader; innehåll 0-5 är ersättningarna,
 * 6 summa, 7 folkmängd (heltal). Andelen räknas fram när raden skrivs.
 */
type Serier = Float64Array[][];

function tommaSerier(): Serier {
  return KON.map(() => Array.from({ length: 8 }, () => new Float64Array(ANTAL_MANADER)));
}

interface Kommunmodell {
  readonly folkmangd: number;
  readonly forandringPerAr: number;
  readonly mansandel: number;
  readonly nivafaktor: number;
  readonly slump: () => number;
}

function kommunmodeller(kommuner: readonly Kommunrad[]): Kommunmodell[] {
  const ra = kommuner.map((k) => {
    const slump = mulberry32(fnv1a(`bench|${k.kod}`));
    // Lognormal storlek (median ca 9 000 i åldern 20-64 år), skalas till rikets folkmängd nedan.
    const storlek = 9000 * Math.exp(0.95 * normalbrus(slump));
    return {
      storlek,
      forandringPerAr: -0.01 + 0.025 * slump(),
      mansandel: 0.495 + 0.05 * slump(),
      nivafaktor: Math.exp(0.25 * normalbrus(slump)),
      slump,
    };
  });
  const skala = RIKETS_FOLKMANGD / ra.reduce((s, r) => s + r.storlek, 0);
  return ra.map((r) => ({
    folkmangd: Math.max(1500, Math.round(r.storlek * skala)),
    forandringPerAr: r.forandringPerAr,
    mansandel: r.mansandel,
    nivafaktor: r.nivafaktor,
    slump: r.slump,
  }));
}

function kommunensSerier(m: Kommunmodell): Serier {
  const s = tommaSerier();
  const [man, kvinnor, totalt] = [s[0]!, s[1]!, s[2]!];
  for (let t = 0; t < ANTAL_MANADER; t++) {
    const folk = Math.round(m.folkmangd * (1 + (m.forandringPerAr * (t - REFERENSMANAD)) / 12));
    const folkMan = Math.round(folk * m.mansandel);
    totalt[7]![t] = folk;
    man[7]![t] = folkMan;
    kvinnor[7]![t] = folk - folkMan;
  }
  ERSATTNINGAR.forEach((modell, e) => {
    const slump = m.slump;
    const ersattningsfaktor = Math.exp(0.2 * normalbrus(slump));
    const kvinnoandel = modell.kvinnoandel + (slump() - 0.5) * 0.06;
    let brus = 0;
    for (let t = 0; t < ANTAL_MANADER; t++) {
      const forvantat =
        ((totalt[7]![t]! * modell.procent) / 100) * m.nivafaktor * ersattningsfaktor *
        trendfaktor(modell.trend, t) * modell.sasong[t % 12]!;
      brus = 0.6 * brus + 0.8 * normalbrus(slump);
      const spridning = 0.01 + 0.3 / Math.sqrt(forvantat + 1);
      let tot = Math.max(0, Math.round(forvantat * (1 + spridning * brus)));
      // Ekonomiskt bistånd 0 tolkas som "inte rapporterat" (varning): minst 1 per kön.
      if (e === EKONOMISKT_BISTAND) tot = Math.max(2, tot);
      let kv = Math.round(tot * (kvinnoandel + (slump() - 0.5) * 0.02));
      if (e === EKONOMISKT_BISTAND) kv = Math.min(tot - 1, Math.max(1, kv));
      kvinnor[e]![t] = kv;
      man[e]![t] = tot - kv;
      totalt[e]![t] = tot;
    }
  });
  for (const serie of s) {
    for (let t = 0; t < ANTAL_MANADER; t++) {
      let summa = 0;
      for (let e = 0; e < 6; e++) summa += serie[e]![t]!;
      serie[6]![t] = summa;
    }
  }
  return s;
}

function adderaTill(mal: Serier, kalla: Serier): void {
  for (let k = 0; k < KON.length; k++) {
    for (let i = 0; i < 8; i++) {
      const a = mal[k]![i]!;
      const b = kalla[k]![i]!;
      for (let t = 0; t < ANTAL_MANADER; t++) a[t] = a[t]! + b[t]!;
    }
  }
}

/** Regionens 27 rader (3 kön x 9 innehåll), utan radslut. */
function regionensRader(etikett: string, s: Serier, ut: string[]): void {
  const cell = new Array<string>(4 + ANTAL_MANADER);
  const region = `"${etikett}"`;
  const alder = `"${ALDER}"`;
  KON.forEach((kon, k) => {
    const serier = s[k]!;
    const konCell = `"${kon}"`;
    for (let i = 0; i < INNEHALL.length; i++) {
      cell[0] = region;
      cell[1] = konCell;
      cell[2] = alder;
      cell[3] = `"${INNEHALL[i]}"`;
      if (i < 8) {
        const serie = serier[i]!;
        for (let t = 0; t < ANTAL_MANADER; t++) cell[4 + t] = String(serie[t]);
      } else {
        const summa = serier[6]!;
        const folk = serier[7]!;
        for (let t = 0; t < ANTAL_MANADER; t++) cell[4 + t] = ((100 * summa[t]!) / folk[t]!).toFixed(1);
      }
      ut.push(cell.join(";"));
    }
  });
}

export interface NationellFil {
  readonly bytes: Buffer;
  /** Datarader (utan titel- och rubrikrad). */
  readonly dataRader: number;
  readonly regioner: number;
}

/** Filens innehåll som byte (ISO-8859-1, CRLF), som en nedladdning från Statistikdatabasen. */
export function genereraNationellFil(kommuner: readonly Kommunrad[] = lasKommuner()): NationellFil {
  for (const k of kommuner) {
    if (/[^\u0000-\u00ff]/.test(k.namn)) throw new Error(`kommunnamnet ${k.namn} går inte att skriva i ISO-8859-1`);
  }
  const modeller = kommunmodeller(kommuner);
  const serier = modeller.map(kommunensSerier);
  const riket = tommaSerier();
  for (const s of serier) adderaTill(riket, s);

  const rader: string[] = [`"${TITEL}"`, ["region", "kön", "ålder", "tabellinnehåll", ...MANADER].map((v) => `"${v}"`).join(";")];
  // SCB:s ordning: riket först, sedan kommunerna i kodordning.
  regionensRader("00 Riket", riket, rader);
  const ordning = kommuner.map((k, i) => ({ k, i })).sort((a, b) => (a.k.kod < b.k.kod ? -1 : a.k.kod > b.k.kod ? 1 : 0));
  for (const { k, i } of ordning) regionensRader(`${k.kod} ${k.namn}`, serier[i]!, rader);
  rader.push("");
  const text = rader.join("\r\n");
  return { bytes: Buffer.from(text, "latin1"), dataRader: rader.length - 3, regioner: kommuner.length + 1 };
}

/** Skriver filen i en ny temporär katalog och returnerar katalogen och filen. */
export function skrivNationellFil(katalog = mkdtempSync(join(tmpdir(), "finsam-bench-"))): NationellFil & { katalog: string; fil: string } {
  const genererad = genereraNationellFil();
  const fil = join(katalog, FILNAMN);
  writeFileSync(fil, genererad.bytes);
  return { ...genererad, katalog, fil };
}

function korsDirekt(): boolean {
  const skript = process.argv[1];
  return skript !== undefined && resolve(skript) === fileURLToPath(import.meta.url);
}

if (korsDirekt()) {
  const t0 = performance.now();
  const f = skrivNationellFil();
  console.log(`Skrev ${f.fil}: ${(f.bytes.length / 2 ** 20).toFixed(1)} MiB, ${f.dataRader} datarader, ${(performance.now() - t0).toFixed(0)} ms`);
}
