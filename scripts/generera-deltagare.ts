/**
 * Skriver data/exempel/deltagare_sodra_dalarna.csv: påhittade deltagaruppgifter för Södra
 * Dalarnas samordningsförbunds tre samverkansteam (Avesta, Kraften Hedemora, Säter) 2014 till
 * 2025-08-31, sparade som ett team sparar dem från svenska Excel (Windows-1252, semikolon, CRLF,
 * datum ÅÅÅÅ-MM-DD, decimalkomma).
 *
 * Verkliga är bara teamens nyckeltal i delårsbokslutet 2025 (Tabell 2-4, fyra tolvmånaders-
 * perioder): filen är byggd så att `beraknaUnderlag(readDeltagare(...))` ger exakt de siffrorna
 * efter rapportens avrundning. Allt annat (personer, datum, kön, födelseår, avslut före 2023 och
 * efter juni 2025) är genererat. En enda rad har ett personnummer: Skatteverkets välkända
 * testnummer 19121212-1212 ("Testa Testsson"), ett kort deltagande i Säter 2019 som ligger utanför
 * rapportens perioder. Se data/exempel/README.md.
 *
 * Så byggs filen:
 * 1. Antalen per halvår (avslut, avslut till mål, tidiga avhopp) 2023H1-2025H1 står i PLAN; varje
 *    tolvmånadersperiod är två halvår, så halvårssiffrorna summeras till rapportens perioder
 *    (kontrolleras i `kontrolleraPlan`).
 * 2. Genomströmningstid (i dagar) och tid före start (i tiondels år) för målgruppen fördelas på
 *    halvår så att varje periods summa ger rapportens medelvärde (`losKedja`).
 * 3. Varje avslut 2023-2025 får ett slutdatum i sitt halvår och en längd, alltså ett startdatum.
 *    Antalet deltagare per period bestämmer hur många deltaganden som ska ha startat före varje
 *    halvår; de som fattas blir deltaganden som fortfarande pågår i juni 2025.
 * 4. Historiken före 2023 (deltaganden som också slutade före 2023) fyller upp intaget till en
 *    jämn nivå; den påverkar inte rapportens perioder. Några personer deltar två gånger, några
 *    flyttas över mellan teamen (före 2023 och i juli-augusti 2025, utanför perioderna).
 * 5. Filen läses tillbaka med `readDeltagare` och räknas med `beraknaUnderlag`; stämmer inte en
 *    enda siffra kastas ett fel.
 *
 * Filen blir byte för byte densamma vid varje körning: seedad PRNG, bara heltalsaritmetik,
 * + - * / och Math.round/floor; datum räknas som dagnummer (UTC), inga locale-format.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { readDeltagare } from "../loaders/normalise/deltagare.ts";
import { beraknaUnderlag, type Underlag } from "../loaders/compute/nyckeltal.ts";
import { Findings } from "../loaders/validate/findings.ts";
import type { Nyckel } from "../loaders/reference/nyckel.ts";
import type { Datum } from "../loaders/normalise/datum.ts";

export const FILNAMN = "deltagare_sodra_dalarna.csv";
export const FORBUND = "sodra-dalarna";
export const RUBRIK = [
  "Löpnummer", "Personnummer", "Förbund", "Insats", "Kön", "Födelseår", "Startdatum", "Slutdatum",
  "Avslutsorsak", "År utan arbete före start", "Kommentar",
] as const;

/** Skatteverkets testpersonnummer (giltig kontrollsiffra, man); se README. */
export const TESTPERSONNUMMER = "19121212-1212";
export const TESTNAMN = "Testa Testsson";

/** Rapportens fyra perioder, i tabellernas ordning. */
export const PERIODER = [
  { fran: "2023-01", till: "2023-12" },
  { fran: "2023-07", till: "2024-06" },
  { fran: "2024-01", till: "2024-12" },
  { fran: "2024-07", till: "2025-06" },
] as const;

const SISTA_DAG = "2025-08-31";

type Orsak =
  | "Arbete" | "Studier" | "Arbetslivsinriktad rehabilitering" | "Medicinsk rehabilitering"
  | "Sjukersättning" | "Annat" | "Tidigt avhopp" | "Överflyttad";

interface Teamrapport {
  readonly deltagare: readonly number[];
  readonly avslut: readonly number[];
  /** Resultat mot mål i hela procent. */
  readonly malProcent: readonly number[];
  /** Genomströmningstid i snitt, månader med en decimal. */
  readonly tidManader: readonly number[];
  /** Tid i bidrag/arbets- eller studielöshet före start, år med en decimal. */
  readonly foreAr: readonly number[];
}

/** Tabell 2-4 i delårsbokslutet 2025 (de enda verkliga siffrorna i filen). */
export const RAPPORT: Readonly<Record<string, Teamrapport>> = {
  "Samverkansteam Avesta": {
    deltagare: [76, 74, 76, 71], avslut: [21, 23, 24, 18], malProcent: [67, 48, 46, 67],
    tidManader: [18.4, 20.3, 23.5, 23.3], foreAr: [3.4, 4.7, 6.9, 5.6],
  },
  "Samverkansteam Kraften Hedemora": {
    deltagare: [57, 53, 54, 55], avslut: [21, 18, 13, 22], malProcent: [52, 50, 54, 45],
    tidManader: [19.3, 17.7, 17.0, 26.6], foreAr: [5.1, 6.1, 4.2, 5.1],
  },
  "Samverkansteam Säter": {
    deltagare: [35, 34, 36, 37], avslut: [4, 8, 13, 10], malProcent: [50, 38, 46, 70],
    tidManader: [26.5, 29.0, 30.6, 40.0], foreAr: [5.5, 7.0, 5.1, 6.2],
  },
};

/**
 * Tabell 1 (förbundet totalt) så som rapporten trycker den, och vad teamtabellerna ger. Två celler
 * stämmer inte med teamen: deltagare 2023 ("16", summan är 168) och avslut juli 2024-juni 2025
 * ("40", summan är 18 + 22 + 10 = 50). Övriga celler stämmer med de sammanslagna teamen.
 */
export const TABELL1 = {
  deltagare: [16, 161, 166, 163], avslut: [46, 49, 50, 40], malProcent: [59, 47, 48, 58],
  tidManader: [19.4, 20.4, 23.4, 28.5], foreAr: [4.2, 5.6, 5.7, 5.6],
} as const;
export const TABELL1_ENLIGT_TEAMEN = { ...TABELL1, deltagare: [168, 161, 166, 163], avslut: [46, 49, 50, 50] } as const;

interface Team {
  readonly insats: string;
  /** Löpnumrets prefix. */
  readonly prefix: string;
  /** Första möjliga startdatum. */
  readonly borjar: string;
  /** Ungefärligt antal nya deltagande per halvår. */
  readonly intag: number;
  /**
   * Antal per halvår 2023H1, 2023H2, 2024H1, 2024H2, 2025H1: avslut (utom överflyttade), varav
   * till mål (arbete, studier, arbetslivsinriktad rehabilitering) och tidiga avhopp.
   */
  readonly plan: { readonly avslut: readonly number[]; readonly mal: readonly number[]; readonly avhopp: readonly number[] };
  /** Periodsummor för tid före start i tiondels år, där de avviker från rapportvärde × antal (se PLAN). */
  readonly foreJustering?: Readonly<Record<number, number>>;
  /** Juli-augusti 2025 (efter sista hela perioden): nya deltagare och avslut bland dem som pågår. */
  readonly sommar: { readonly nya: number; readonly avslut: readonly Orsak[] };
}

/**
 * Halvårsplanen. Tidiga avhopp finns i perioderna bara i Kraften Hedemora 2025H1: det är det enda
 * läget där alla fyra andelar i Tabell 1 (59, 47, 48, 58 %) och dess medelvärden också går ihop
 * med de sammanslagna teamen (räknat med `test/exempeldeltagare.test.ts`; se README). Säter
 * juli 2023-juni 2024, 38 %, kan bara vara 3/8 = 37,5 %: rapporten har avrundat halvan uppåt.
 *
 * Tid före start: Avestas periodsummor 2023 och juli 2023-juni 2024 är 473 och 518 tiondels år
 * (3,38 och 4,71 år i snitt, avrundat 3,4 och 4,7) i stället för 14 × 3,4 och 11 × 4,7, så att
 * förbundets snitt blir Tabell 1:s 4,2 och 5,6 år (i stället för 4,248 och 5,548 år).
 */
export const TEAM: readonly Team[] = [
  {
    insats: "Samverkansteam Avesta", prefix: "AV", borjar: "2014-02-03", intag: 12,
    // perioder: avslut 11+10, 10+13, 13+11, 11+7 = 21, 23, 24, 18; mål 8+6 = 14/21, 6+5 = 11/23, 5+6 = 11/24, 6+6 = 12/18
    plan: { avslut: [11, 10, 13, 11, 7], mal: [8, 6, 5, 6, 6], avhopp: [0, 0, 0, 0, 0] },
    foreJustering: { 0: 473, 1: 518 },
    sommar: { nya: 3, avslut: ["Arbete", "Överflyttad", "Annat"] },
  },
  {
    insats: "Samverkansteam Kraften Hedemora", prefix: "KH", borjar: "2014-03-10", intag: 10,
    // avslut 10+11, 11+7, 7+6, 6+16 = 21, 18, 13, 22; mål 6+5 = 11/21, 5+4 = 9/18, 4+3 = 7/13, 3+6 = 9/(22-2)
    plan: { avslut: [10, 11, 7, 6, 16], mal: [6, 5, 4, 3, 6], avhopp: [0, 0, 0, 0, 2] },
    sommar: { nya: 2, avslut: ["Studier", "Tidigt avhopp"] },
  },
  {
    insats: "Samverkansteam Säter", prefix: "SA", borjar: "2018-08-20", intag: 5,
    // avslut 3+1, 1+7, 7+6, 6+4 = 4, 8, 13, 10; mål 2+0 = 2/4, 0+3 = 3/8, 3+3 = 6/13, 3+4 = 7/10
    plan: { avslut: [3, 1, 7, 6, 4], mal: [2, 0, 3, 3, 4], avhopp: [0, 0, 0, 0, 0] },
    sommar: { nya: 1, avslut: ["Arbetslivsinriktad rehabilitering"] },
  },
];

/** Den som flyttas över i augusti 2025 börjar i detta team. */
const OVERFLYTTAD_TILL: Readonly<Record<string, string>> = { "Samverkansteam Avesta": "Samverkansteam Kraften Hedemora" };

const DAGAR_PER_MANAD = 30.4375;
const SEED = 20250903;

// ---------------------------------------------------------------------------------------------
// Slump och datum

/** mulberry32: 32-bitars heltalsoperationer, samma följd på varje maskin. */
class Slump {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** [0, 1) */
  tal(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Heltal i [lo, hi]. */
  heltal(lo: number, hi: number): number {
    return lo + Math.floor(this.tal() * (hi - lo + 1));
  }
  /** Triangelfördelat i [0, 1], toppen vid 0,5. */
  triangel(): number {
    return (this.tal() + this.tal()) / 2;
  }
  valj<T>(alternativ: readonly (readonly [T, number])[]): T {
    let summa = 0;
    for (const [, vikt] of alternativ) summa += vikt;
    let x = this.tal() * summa;
    for (const [v, vikt] of alternativ) {
      if (x < vikt) return v;
      x -= vikt;
    }
    return alternativ[alternativ.length - 1]![0];
  }
  blanda<T>(lista: T[]): T[] {
    for (let i = lista.length - 1; i > 0; i--) {
      const j = this.heltal(0, i);
      [lista[i], lista[j]] = [lista[j]!, lista[i]!];
    }
    return lista;
  }
}

/** Dagnummer (dagar sedan 1970-01-01, UTC). */
function dag(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function iso(dagnr: number): string {
  return new Date(dagnr * 86_400_000).toISOString().slice(0, 10);
}

/** Halvår som index: 0 = 2023H1, 1 = 2023H2, -1 = 2022H2, 5 = 2025H2. */
function halvarAv(dagnr: number): number {
  const s = iso(dagnr);
  return (Number(s.slice(0, 4)) - 2023) * 2 + (Number(s.slice(5, 7)) > 6 ? 1 : 0);
}

function halvar(k: number): { forsta: number; sista: number } {
  const ar = 2023 + Math.floor(k / 2);
  return k - (ar - 2023) * 2 === 0
    ? { forsta: dag(`${ar}-01-01`), sista: dag(`${ar}-06-30`) }
    : { forsta: dag(`${ar}-07-01`), sista: dag(`${ar}-12-31`) };
}

const DAG_2023 = dag("2023-01-01");
const DAG_SISTA = dag(SISTA_DAG);
const DAG_SOMMAR = dag("2025-07-01");

// ---------------------------------------------------------------------------------------------
// Personer och deltaganden

interface Person {
  readonly nr: number;
  readonly kon: "Kvinna" | "Man";
  readonly fodelsear: number;
  lopnummer: string;
  antal: number;
}

interface Deltag {
  person: Person;
  readonly team: Team;
  readonly start: number;
  slut: number | undefined;
  orsak: Orsak | undefined;
  /** År utan arbete före start i tiondelar; undefined = tom cell. */
  readonly fore: number | undefined;
}

class Register {
  readonly deltag: Deltag[] = [];
  private personer = 0;
  constructor(readonly slump: Slump) {}

  nyPerson(startAr: number): Person {
    const s = this.slump;
    const alder = 19 + Math.floor(s.triangel() * 44); // 19-62 år, oftast runt 40
    return { nr: this.personer++, kon: s.tal() < 0.6 ? "Kvinna" : "Man", fodelsear: startAr - alder, lopnummer: "", antal: 0 };
  }

  lagg(d: Omit<Deltag, "person"> & { person?: Person }): Deltag {
    const person = d.person ?? this.nyPerson(Number(iso(d.start).slice(0, 4)));
    person.antal++;
    const ny: Deltag = { ...d, person };
    this.deltag.push(ny);
    return ny;
  }
}

const MALORSAKER: readonly (readonly [Orsak, number])[] = [["Arbete", 45], ["Studier", 20], ["Arbetslivsinriktad rehabilitering", 35]];
const OVRIGA_ORSAKER: readonly (readonly [Orsak, number])[] = [["Medicinsk rehabilitering", 35], ["Sjukersättning", 25], ["Annat", 40]];

/** Tid före start för dem utanför målgruppen: 0,5-15 år i halvår, ibland tom. */
function slumpFore(s: Slump): number | undefined {
  if (s.tal() < 0.05) return undefined;
  const u = s.tal();
  return 5 + Math.round((140 * u * u) / 5) * 5;
}

/** Längd i dagar för avslut som inte nådde målet (utom tidiga avhopp): 3-45 månader. */
function slumpLangd(s: Slump): number {
  return Math.round((3 + 42 * s.triangel()) * DAGAR_PER_MANAD);
}

function slumpDag(s: Slump, forsta: number, sista: number): number {
  return s.heltal(forsta, sista);
}

// ---------------------------------------------------------------------------------------------
// Planens perioder

/** Periodsummor (perioder w = halvår w och w + 1) ur halvårsantal. */
function periodsummor(halvarsvarden: readonly number[]): number[] {
  return [0, 1, 2, 3].map((w) => halvarsvarden[w]! + halvarsvarden[w + 1]!);
}

function kontrolleraPlan(t: Team): void {
  const r = RAPPORT[t.insats]!;
  const { avslut, mal, avhopp } = t.plan;
  const A = periodsummor(avslut);
  const G = periodsummor(mal);
  const H = periodsummor(avhopp);
  for (let w = 0; w < 4; w++) {
    if (A[w] !== r.avslut[w]) throw new Error(`${t.insats}: planen ger ${A[w]} avslut i period ${w + 1}, rapporten ${r.avslut[w]}`);
    if (avrunda((100 * G[w]!) / (A[w]! - H[w]!), 0) !== r.malProcent[w]) throw new Error(`${t.insats}: planen ger fel andel mot mål i period ${w + 1}`);
  }
  for (let k = 0; k < 5; k++) if (mal[k]! + avhopp[k]! > avslut[k]!) throw new Error(`${t.insats}: fler mål och avhopp än avslut i halvår ${k}`);
}

/**
 * Halvårssummor x0..x4 med x[w] + x[w+1] = perioder[w], x[k] = 0 där antal[k] = 0 och varje
 * halvårs snitt inom [min, max]. Den fria variabeln x0 väljs så att halvårens snitt ligger nära
 * rapportens (minsta kvadrat), bland heltal.
 */
function losKedja(perioder: readonly number[], antal: readonly number[], min: number, max: number, mal: readonly number[]): number[] {
  let bast: { x: number[]; fel: number } | undefined;
  for (let x0 = 0; x0 <= perioder[0]!; x0++) {
    const x = [x0];
    for (let w = 0; w < 4; w++) x.push(perioder[w]! - x[w]!);
    let fel = 0;
    let ok = true;
    for (let k = 0; k < 5; k++) {
      const n = antal[k]!;
      if (n === 0) {
        if (x[k] !== 0) ok = false;
        continue;
      }
      const snitt = x[k]! / n;
      if (snitt < min || snitt > max) ok = false;
      const ref = k === 0 ? mal[0]! : k === 4 ? mal[3]! : (mal[k - 1]! + mal[k]!) / 2;
      fel += n * (snitt - ref) * (snitt - ref);
    }
    if (ok && (!bast || fel < bast.fel)) bast = { x, fel };
  }
  if (!bast) throw new Error("ingen halvårsfördelning uppfyller villkoren");
  return bast.x;
}

/**
 * Delar `summa` (heltal) på n heltal med slumpvis spridning kring snittet, avrundade till
 * `steg`; det sista tar resten. undefined när någon del hamnar utanför [min, max].
 */
function dela(s: Slump, summa: number, n: number, steg: number, min: number, max: number, spridning: number): number[] | undefined {
  if (n === 0) return [];
  const vikter = Array.from({ length: n }, () => 1 - spridning + 2 * spridning * s.triangel());
  let viktsumma = 0;
  for (const v of vikter) viktsumma += v;
  const delar = vikter.map((v) => Math.round((summa * v) / viktsumma / steg) * steg);
  let ovriga = 0;
  for (let i = 0; i < n - 1; i++) ovriga += delar[i]!;
  delar[n - 1] = summa - ovriga;
  return delar.every((d) => d >= min && d <= max) ? delar : undefined;
}

// ---------------------------------------------------------------------------------------------
// Ett team 2023-2025

interface Teamutkast {
  readonly avslut: Omit<Deltag, "person">[];
  readonly pagaende: Omit<Deltag, "person">[];
}

function byggTeam(t: Team, s: Slump): Teamutkast {
  kontrolleraPlan(t);
  const r = RAPPORT[t.insats]!;
  const { avslut, mal, avhopp } = t.plan;
  const G = periodsummor(mal);
  const tidPerioder = [0, 1, 2, 3].map((w) => Math.round(r.tidManader[w]! * G[w]! * DAGAR_PER_MANAD));
  const forePerioder = [0, 1, 2, 3].map((w) => t.foreJustering?.[w] ?? Math.round(r.foreAr[w]! * 10) * G[w]!);
  const tidHalvar = losKedja(tidPerioder, mal, 150, 62 * DAGAR_PER_MANAD, r.tidManader.map((m) => m * DAGAR_PER_MANAD));
  const foreHalvar = losKedja(forePerioder, mal, 10, 120, r.foreAr.map((a) => a * 10));
  for (let forsok = 0; forsok < 10_000; forsok++) {
    const utkast = forsokTeam(t, s, tidHalvar, foreHalvar, avslut, mal, avhopp);
    if (utkast) return utkast;
  }
  throw new Error(`${t.insats}: hittade inga datum som uppfyller planen`);
}

function forsokTeam(
  t: Team, s: Slump, tidHalvar: readonly number[], foreHalvar: readonly number[],
  avslut: readonly number[], mal: readonly number[], avhopp: readonly number[],
): Teamutkast | undefined {
  const r = RAPPORT[t.insats]!;
  const borjar = dag(t.borjar);
  const ut: Omit<Deltag, "person">[] = [];
  for (let k = 0; k < 5; k++) {
    const { forsta, sista } = halvar(k);
    const langder = dela(s, tidHalvar[k]!, mal[k]!, 1, 120, 66 * DAGAR_PER_MANAD, 0.45);
    const fore = dela(s, foreHalvar[k]!, mal[k]!, 5, 2, 200, 0.7);
    if (!langder || !fore) return undefined;
    for (let i = 0; i < mal[k]!; i++) {
      const slut = slumpDag(s, forsta, sista);
      const start = slut - langder[i]!;
      if (start < borjar) return undefined;
      ut.push({ team: t, start, slut, orsak: s.valj(MALORSAKER), fore: fore[i]! });
    }
    for (let i = 0; i < avhopp[k]!; i++) {
      const slut = slumpDag(s, forsta, sista);
      ut.push({ team: t, start: slut - s.heltal(10, 100), slut, orsak: "Tidigt avhopp", fore: slumpFore(s) });
    }
    for (let i = 0; i < avslut[k]! - mal[k]! - avhopp[k]!; i++) {
      const slut = slumpDag(s, forsta, sista);
      const start = slut - slumpLangd(s);
      if (start < borjar) return undefined;
      ut.push({ team: t, start, slut, orsak: s.valj(OVRIGA_ORSAKER), fore: slumpFore(s) });
    }
  }
  // Deltagare i period w = deltaganden som startat senast halvår w + 1, minus de som slutat före
  // halvår w. Alltså: startade senast 2023H2 = N0, under 2024H1 = N1 + E0 - N0, osv.
  const N = r.deltagare;
  const E = avslut;
  const behov = new Map<number, number>([
    [1, N[0]!],
    [2, N[1]! + E[0]! - N[0]!],
    [3, N[2]! + E[1]! - N[1]!],
    [4, N[3]! + E[2]! - N[2]!],
  ]);
  const startPerHalvar = new Map<number, number>();
  for (const d of ut) {
    const k = halvarAv(d.start);
    startPerHalvar.set(k, (startPerHalvar.get(k) ?? 0) + 1);
  }
  let tidigaAvslut = 0;
  for (const [k, n] of startPerHalvar) if (k <= 1) tidigaAvslut += n;
  const fyll = new Map<number, number>([
    [1, N[0]! - tidigaAvslut],
    [2, behov.get(2)! - (startPerHalvar.get(2) ?? 0)],
    [3, behov.get(3)! - (startPerHalvar.get(3) ?? 0)],
    [4, behov.get(4)! - (startPerHalvar.get(4) ?? 0)],
  ]);
  if ([...fyll.values()].some((n) => n < 0)) return undefined;

  // Pågående i juni 2025: de som startade 2024-2025H1 ...
  const pagaende: Omit<Deltag, "person">[] = [];
  const nyPagaende = (k: number) => {
    const { forsta, sista } = halvar(k);
    pagaende.push({ team: t, start: slumpDag(s, Math.max(forsta, borjar), sista), slut: undefined, orsak: undefined, fore: slumpFore(s) });
  };
  for (const k of [2, 3, 4]) for (let i = 0; i < fyll.get(k)!; i++) nyPagaende(k);
  // ... och de som startade senast 2023: först upp till det vanliga intaget 2023, resten tidigare
  // (ju tidigare, desto färre: de har pågått länge).
  let kvar = fyll.get(1)!;
  for (const k of [0, 1]) {
    const n = Math.min(kvar, Math.max(0, t.intag - (startPerHalvar.get(k) ?? 0)));
    for (let i = 0; i < n; i++) nyPagaende(k);
    kvar -= n;
  }
  const tidigare: (readonly [number, number])[] = [[-1, 4], [-2, 4], [-3, 3], [-4, 2], [-5, 1], [-6, 1]];
  for (let i = 0; i < kvar; i++) nyPagaende(s.valj(tidigare.filter(([k]) => halvar(k).sista >= borjar)));

  // Juli-augusti 2025: några avslut bland dem som pågår, några nya.
  const kandidater = s.blanda(pagaende.slice());
  for (const orsak of t.sommar.avslut) {
    const d = kandidater.find((x) => x.slut === undefined && (orsak !== "Tidigt avhopp" || x.start >= dag("2025-04-15")));
    if (!d) return undefined;
    d.slut = slumpDag(s, Math.max(DAG_SOMMAR, d.start + 20), DAG_SISTA - 14);
    d.orsak = orsak;
  }
  for (let i = 0; i < t.sommar.nya; i++) {
    pagaende.push({ team: t, start: slumpDag(s, DAG_SOMMAR, DAG_SISTA - 2), slut: undefined, orsak: undefined, fore: slumpFore(s) });
  }
  return { avslut: ut, pagaende };
}

// ---------------------------------------------------------------------------------------------
// Historik före 2023, överflyttningar och återkommande deltagare

/** Ett deltagande som både börjar och slutar före 2023. */
function historiskt(t: Team, s: Slump, start: number): Omit<Deltag, "person"> {
  const senast = DAG_2023 - 1;
  for (let i = 0; i < 20; i++) {
    const typ = s.valj<"avhopp" | "mal" | "ovrigt">([["avhopp", 9], ["mal", 46], ["ovrigt", 45]]);
    const langd = typ === "avhopp" ? s.heltal(10, 100) : typ === "mal" ? Math.round((4 + 36 * s.triangel()) * DAGAR_PER_MANAD) : slumpLangd(s);
    if (start + langd > senast) continue;
    const orsak = typ === "avhopp" ? "Tidigt avhopp" : typ === "mal" ? s.valj(MALORSAKER) : s.valj(OVRIGA_ORSAKER);
    return { team: t, start, slut: start + langd, orsak, fore: typ === "mal" ? 5 + 5 * s.heltal(0, 24) : slumpFore(s) };
  }
  // Startade strax före 2023 och slutade ändå före nyår: kort.
  const slut = s.heltal(Math.min(start + 10, senast), senast);
  return { team: t, start, slut, orsak: slut - start < 100 ? "Tidigt avhopp" : "Annat", fore: slumpFore(s) };
}

function bygg(): Deltag[] {
  const s = new Slump(SEED);
  const reg = new Register(s);
  for (const t of TEAM) {
    const u = byggTeam(t, s);
    for (const d of [...u.avslut, ...u.pagaende]) reg.lagg(d);
  }
  // Överflyttad i augusti 2025: personen börjar i ett annat team en vecka senare.
  for (const d of reg.deltag.slice()) {
    if (d.orsak !== "Överflyttad") continue;
    const till = TEAM.find((t) => t.insats === OVERFLYTTAD_TILL[d.team.insats])!;
    reg.lagg({ person: d.person, team: till, start: Math.min(d.slut! + 7, DAG_SISTA), slut: undefined, orsak: undefined, fore: d.fore });
  }
  // Historiken: fyll upp intaget per halvår till teamets nivå (första halvåret hälften).
  for (const t of TEAM) {
    const borjar = dag(t.borjar);
    const forstaK = halvarAv(borjar);
    for (let k = forstaK; k < 0; k++) {
      const { forsta, sista } = halvar(k);
      let redan = 0;
      for (const d of reg.deltag) if (d.team === t && d.start >= forsta && d.start <= sista) redan++;
      const intag = (k === forstaK ? Math.round(t.intag / 2) : t.intag) + s.heltal(-2, 2);
      for (let i = redan; i < intag; i++) reg.lagg(historiskt(t, s, slumpDag(s, Math.max(forsta, borjar), sista)));
    }
  }
  // Överflyttade före 2023: ett deltagande i ett annat team som slutar några dagar innan.
  const flyttar: readonly (readonly [string, string, string])[] = [
    ["Samverkansteam Kraften Hedemora", "Samverkansteam Avesta", "2016"],
    ["Samverkansteam Avesta", "Samverkansteam Säter", "2020"],
    ["Samverkansteam Säter", "Samverkansteam Kraften Hedemora", "2022"],
  ];
  for (const [fran, till, ar] of flyttar) {
    const kandidater = reg.deltag.filter((d) => d.team.insats === till && iso(d.start).startsWith(ar) && d.person.antal === 1);
    const d = kandidater[s.heltal(0, kandidater.length - 1)]!;
    const slut = d.start - s.heltal(3, 12);
    const teamFran = TEAM.find((t) => t.insats === fran)!;
    const start = Math.max(slut - Math.round((4 + 14 * s.tal()) * DAGAR_PER_MANAD), dag(teamFran.borjar));
    reg.lagg({ person: d.person, team: teamFran, start, slut, orsak: "Överflyttad", fore: d.fore });
  }
  // Återkommande: en person som slutade före 2023 deltar igen minst ett år senare.
  const tidiga = reg.deltag.filter((d) => d.slut !== undefined && d.slut < DAG_2023 && d.orsak !== "Överflyttad" && d.person.antal === 1);
  for (let i = 0; i < 6; i++) {
    const e = tidiga[s.heltal(0, tidiga.length - 1)]!;
    if (e.person.antal !== 1) continue;
    const senare = reg.deltag.filter((d) => d.person.antal === 1 && d.person !== e.person && d.start >= e.slut! + 365 && d.start <= e.slut! + 6 * 365);
    const l = senare[s.heltal(0, senare.length - 1)];
    if (!l) continue;
    l.person.antal--;
    l.person = e.person;
    e.person.antal++;
  }
  // Löpnummer: teamets prefix och år för personens första deltagande, i startordning.
  const forsta = new Map<Person, Deltag>();
  for (const d of reg.deltag) {
    const f = forsta.get(d.person);
    if (!f || d.start < f.start) forsta.set(d.person, d);
  }
  const ordning = [...forsta].sort(([a, da], [b, db]) => da.start - db.start || a.nr - b.nr);
  const lopnr = new Map<string, number>();
  for (const [p, d] of ordning) {
    const nyckel = `${d.team.prefix}-${iso(d.start).slice(0, 4)}`;
    const n = (lopnr.get(nyckel) ?? 0) + 1;
    lopnr.set(nyckel, n);
    p.lopnummer = `${nyckel}-${String(n).padStart(3, "0")}`;
  }
  return reg.deltag;
}

// ---------------------------------------------------------------------------------------------
// Filen

function arText(tiondelar: number | undefined): string {
  if (tiondelar === undefined) return "";
  const hela = Math.floor(tiondelar / 10);
  const rest = tiondelar - hela * 10;
  return rest === 0 ? String(hela) : `${hela},${rest}`;
}

export function genereraDeltagare(): Buffer {
  const deltag = bygg();
  const teamOrdning = new Map(TEAM.map((t, i) => [t.insats, i]));
  const rader = deltag.map((d) => ({
    team: teamOrdning.get(d.team.insats)!,
    start: d.start,
    lopnummer: d.person.lopnummer,
    falt: [
      d.person.lopnummer, "", FORBUND, d.team.insats, d.person.kon, String(d.person.fodelsear), iso(d.start),
      d.slut === undefined ? "" : iso(d.slut), d.orsak ?? "", arText(d.fore), "",
    ],
  }));
  // Testpersonen: ett kort avslutat deltagande i Säter 2019, utanför rapportens perioder.
  rader.push({
    team: teamOrdning.get("Samverkansteam Säter")!, start: dag("2019-03-11"), lopnummer: "",
    falt: ["", TESTPERSONNUMMER, FORBUND, "Samverkansteam Säter", "Man", "1912", "2019-03-11", "2019-05-24", "Annat", "2", TESTNAMN],
  });
  rader.sort((a, b) => a.team - b.team || a.start - b.start || (a.lopnummer < b.lopnummer ? -1 : a.lopnummer > b.lopnummer ? 1 : 0));
  const text = [RUBRIK.join(";"), ...rader.map((r) => r.falt.join(";"))].join("\r\n") + "\r\n";
  const bytes = iconv.encode(text, "windows-1252");
  kontrollera(bytes);
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Kontroll: filen ska ge rapportens siffror

/** Halvor bort från noll, efter 15 gällande siffror (som webbplatsens `avrunda`). */
export function avrunda(x: number, decimaler: number): number {
  const skala = 10 ** decimaler;
  const v = Math.round(Number((Math.abs(x) * skala).toPrecision(15))) / skala;
  return v === 0 ? 0 : Math.sign(x) * v;
}

export interface Nyckeltal {
  readonly deltagare: number;
  readonly avslut: number;
  readonly malProcent: number;
  readonly tidManader: number;
  readonly foreAr: number;
}

/** Rapportens fem nyckeltal avrundade som i rapporten. */
export function avrundadeNyckeltal(u: Underlag): Nyckeltal {
  return {
    deltagare: u.deltagare,
    avslut: u.avslut,
    malProcent: avrunda((100 * u.malTaljare) / u.malNamnare, 0),
    tidManader: avrunda(u.tidSummaManader / u.malGrupp, 1),
    foreAr: avrunda(u.foreSummaAr / u.foreN, 1),
  };
}

function kontrollera(bytes: Buffer): void {
  const findings = new Findings();
  const stubbe: Nyckel = { sokvag: "(ingen)", skapad: false, pseudonym: () => "p-testperson", postnyckel: () => new Uint32Array(8) };
  const deltaganden = readDeltagare(bytes, FILNAMN, () => stubbe, findings);
  // The one info expected: the free-text column Kommentar is not read.
  const fynd = findings.all.filter((f) => f.regel !== "deltagare.kolumn_lases_inte" || f.falt !== "Kommentar");
  if (!deltaganden || fynd.length > 0) {
    throw new Error(`filen läses inte rent: ${fynd.map((f) => f.meddelande).join("; ")}`);
  }
  const underlag = beraknaUnderlag(deltaganden, { exportdatum: SISTA_DAG as Datum });
  const fel: string[] = [];
  const jamfor = (insats: string, mal: Record<keyof Nyckeltal, readonly number[]>) => {
    PERIODER.forEach((p, w) => {
      const u = underlag.find((x) => x.insats === insats && x.kon === "alla" && x.fran === p.fran && x.till === p.till);
      if (!u) return fel.push(`${insats} ${p.fran}: saknas`);
      const v = avrundadeNyckeltal(u);
      for (const matt of Object.keys(v) as (keyof Nyckeltal)[]) {
        if (v[matt] !== mal[matt][w]) fel.push(`${insats} ${p.fran}-${p.till} ${matt}: ${v[matt]}, rapporten ${mal[matt][w]}`);
      }
    });
  };
  for (const [insats, r] of Object.entries(RAPPORT)) jamfor(insats, r);
  jamfor("totalt", TABELL1_ENLIGT_TEAMEN);
  if (fel.length > 0) throw new Error(`filen ger inte rapportens siffror:\n${fel.join("\n")}`);
}

// ---------------------------------------------------------------------------------------------

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ut = fileURLToPath(new URL(`../data/exempel/${FILNAMN}`, import.meta.url));
  const bytes = genereraDeltagare();
  writeFileSync(ut, bytes);
  console.log(`skrev ${ut} (${bytes.length} byte)`);
}
