/**
 * Genererar nationella SCB-filer för prestandamätningen och den nationella datakatalogen, i samma format som exemplen i
 * data/exempel/ (ISO-8859-1, CRLF, semikolon, titelrad inom citattecken, alla etiketter inom
 * citattecken, tal utan):
 *
 * - BAS arbetsmarknadsstatus (ArbStatusM, TAB6260): alla 290 kommuner och `00 Riket`, 3 kön,
 *   ålder 20-64 år och de fem grupperna 20-24, 25-34, 35-44, 45-54 och 55-64 år, födelseregion
 *   totalt, de 7 statusarna (sex statusar och antal totalt) som tabellinnehåll, 60 månader
 *   (2021M01-2025M12): en stor men realistisk nedladdning ur Statistikdatabasen.
 * - BAS huvudsaklig inkomstkälla (ArbStatFoT1, TAB1784): samma kommuner, 3 kön, 20-64 år, de nio
 *   inkomstkällorna och totalt, 36 månader (2023M01-2025M12): underlaget för målgruppen.
 * - Folkmängd (BefolkningNy, BE0101N1): alla 290 kommuner, ettårsåldrar 0-99 år och 100+ år,
 *   män och kvinnor, 30 år (1996-2025).
 *
 * Värdena är påhittade men konsistenta, så att pipelinen inte ska ge fel eller summavarningar:
 * totalt = summan av de sex statusarna, kön totalt = män + kvinnor, 20-64 år = summan av de fem
 * grupperna, riket = summan av kommunerna. Seedad PRNG (mulberry32, bara + - * / och
 * Math.round/exp/sqrt): samma byte varje gång. Skrivs bara till temporära kataloger.
 *
 *   npx tsx bench/scb-filer.ts     # skriver båda filerna och skriver ut sökvägarna
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { avrundaTillSumma, fnv1a, mulberry32, normalbrus } from "../scripts/slump.ts";
import { lasKommuner, type Kommunrad } from "./nationell-fil.ts";

export interface ScbFil {
  readonly bytes: Buffer;
  /** Datarader (utan titel- och rubrikrad). */
  readonly dataRader: number;
  /** Tidskolumner per rad. */
  readonly perioder: number;
  /** Stubkolumner (region, kön, ...) per rad. */
  readonly stubbar: number;
  readonly regioner: number;
  /** Kort beskrivning av innehållet, för rapporten. */
  readonly beskrivning: string;
}

function kontrolleraLatin1(kommuner: readonly Kommunrad[]): void {
  for (const k of kommuner) {
    if (/[^\u0000-\u00ff]/.test(k.namn)) throw new Error(`kommunnamnet ${k.namn} går inte att skriva i ISO-8859-1`);
  }
}

const kodordning = (kommuner: readonly Kommunrad[]) =>
  [...kommuner].sort((a, b) => (a.kod < b.kod ? -1 : a.kod > b.kod ? 1 : 0));

const citera = (s: string) => `"${s}"`;

/** Lognormal storlek per kommun (median ca 12 000 invånare), deterministisk per kod. */
function storlek(kod: string, fro: string): { storlek: number; slump: () => number } {
  const slump = mulberry32(fnv1a(`${fro}|${kod}`));
  return { storlek: 12_000 * Math.exp(0.95 * normalbrus(slump)), slump };
}

// ---------------------------------------------------------------- BAS arbetsmarknadsstatus

export const BAS_FILNAMN = "TAB6260_20260501-120000.csv";
const BAS_TITEL = "Befolkningen 15-74 år (BAS) efter region, kön, ålder, födelseregion, tabellinnehåll och månad";
const BAS_KON = ["män", "kvinnor", "män och kvinnor totalt"] as const;
/** 20-64 år först (summan av grupperna), sedan grupperna; [etikett, antal ettårsklasser]. */
const BAS_GRUPPER = [["20-24 år", 5], ["25-34 år", 10], ["35-44 år", 10], ["45-54 år", 10], ["55-64 år", 10]] as const;
const BAS_ALDRAR = ["20-64 år", ...BAS_GRUPPER.map(([a]) => a)];
const BAS_STATUS = ["antal sysselsatta", "antal arbetslösa", "antal studerande", "antal pensionärer", "antal sjuka", "antal övriga", "antal totalt"] as const;
export const BAS_MANADER: readonly string[] = Array.from({ length: 60 }, (_, t) => {
  const m = (t % 12) + 1;
  return `${2021 + Math.floor(t / 12)}M${m < 10 ? "0" : ""}${m}`;
});

/** Andel per status (sysselsatta ... övriga) per åldersgrupp; normaliseras per månad. */
const STATUSPROFIL: readonly (readonly number[])[] = [
  [0.58, 0.07, 0.27, 0.0, 0.01, 0.07],
  [0.8, 0.06, 0.06, 0.0, 0.02, 0.06],
  [0.86, 0.05, 0.02, 0.0, 0.03, 0.04],
  [0.86, 0.04, 0.01, 0.0, 0.05, 0.04],
  [0.74, 0.04, 0.005, 0.1, 0.07, 0.045],
];
/** Säsong per kalendermånad för sysselsatta (sommarjobb) och studerande. */
const SASONG_SYSS = [0.99, 0.99, 0.995, 1.0, 1.005, 1.02, 1.035, 1.025, 1.0, 1.0, 0.995, 0.99];
const SASONG_STUD = [1.0, 1.0, 1.0, 1.0, 0.98, 0.7, 0.68, 0.7, 1.0, 1.0, 1.0, 1.0];

/**
 * En regions värden: v[kön][ålder][status][månad] som Float64Array med 60 månader (kön 0 män,
 * 1 kvinnor, 2 totalt; ålder 0 = 20-64, 1-5 grupperna; status 0-5, 6 = totalt).
 */
type BasSerier = Float64Array[][][];

function tommaBas(): BasSerier {
  return BAS_KON.map(() => BAS_ALDRAR.map(() => BAS_STATUS.map(() => new Float64Array(BAS_MANADER.length))));
}

function basKommun(kod: string): BasSerier {
  const { storlek: invanare, slump } = storlek(kod, "bench-bas");
  const s = tommaBas();
  const T = BAS_MANADER.length;
  const folk2064 = invanare * 0.56;
  const trend = -0.01 + 0.02 * slump();
  const arbetsloshet = Math.exp(0.35 * normalbrus(slump));
  for (let k = 0; k < 2; k++) {
    const konsandel = k === 0 ? 0.505 + 0.02 * slump() : 0.495 - 0.02 * slump();
    for (let g = 0; g < BAS_GRUPPER.length; g++) {
      const grupp = folk2064 * konsandel * (BAS_GRUPPER[g]![1] / 45) * (0.9 + 0.2 * slump());
      const profil = STATUSPROFIL[g]!;
      const serier = s[k]![g + 1]!;
      let brus = 0;
      for (let t = 0; t < T; t++) {
        const antal = Math.max(5, Math.round(grupp * (1 + (trend * (t - 30)) / 12)));
        brus = 0.7 * brus + 0.3 * normalbrus(slump);
        const vikter = profil.map((p, st) => {
          let v = p;
          if (st === 0) v *= SASONG_SYSS[t % 12]!;
          if (st === 1) v *= arbetsloshet * (1 + 0.1 * brus);
          if (st === 2) v *= SASONG_STUD[t % 12]!;
          return v * (1 + 0.03 * (slump() - 0.5));
        });
        const summa = vikter.reduce((a, b) => a + b, 0);
        let kvar = antal;
        for (let st = 0; st < 5; st++) {
          const x = Math.min(kvar, Math.round((antal * vikter[st]!) / summa));
          serier[st]![t] = x;
          kvar -= x;
        }
        serier[5]![t] = kvar;
        serier[6]![t] = antal;
      }
    }
  }
  summeraBas(s);
  return s;
}

/** Ålder 20-64 = summan av grupperna, kön totalt = män + kvinnor (för alla åldrar). */
function summeraBas(s: BasSerier): void {
  const T = BAS_MANADER.length;
  for (let k = 0; k < 2; k++) {
    for (let st = 0; st < BAS_STATUS.length; st++) {
      const total = s[k]![0]![st]!;
      total.fill(0);
      for (let g = 1; g < BAS_ALDRAR.length; g++) {
        const del = s[k]![g]![st]!;
        for (let t = 0; t < T; t++) total[t] = total[t]! + del[t]!;
      }
    }
  }
  for (let a = 0; a < BAS_ALDRAR.length; a++) {
    for (let st = 0; st < BAS_STATUS.length; st++) {
      const tot = s[2]![a]![st]!;
      const m = s[0]![a]![st]!;
      const kv = s[1]![a]![st]!;
      for (let t = 0; t < T; t++) tot[t] = m[t]! + kv[t]!;
    }
  }
}

function adderaBas(mal: BasSerier, kalla: BasSerier): void {
  for (let k = 0; k < mal.length; k++) {
    for (let a = 0; a < mal[k]!.length; a++) {
      for (let st = 0; st < mal[k]![a]!.length; st++) {
        const x = mal[k]![a]![st]!;
        const y = kalla[k]![a]![st]!;
        for (let t = 0; t < x.length; t++) x[t] = x[t]! + y[t]!;
      }
    }
  }
}

function basRader(etikett: string, s: BasSerier, ut: string[]): void {
  const region = citera(etikett);
  const fodelseregion = citera("totalt");
  const cell = new Array<string>(5 + BAS_MANADER.length);
  BAS_KON.forEach((kon, k) => {
    BAS_ALDRAR.forEach((alder, a) => {
      BAS_STATUS.forEach((status, st) => {
        cell[0] = region;
        cell[1] = citera(kon);
        cell[2] = citera(alder);
        cell[3] = fodelseregion;
        cell[4] = citera(status);
        const serie = s[k]![a]![st]!;
        for (let t = 0; t < serie.length; t++) cell[5 + t] = String(serie[t]);
        ut.push(cell.join(";"));
      });
    });
  });
}

export function genereraBasFil(kommuner: readonly Kommunrad[] = lasKommuner()): ScbFil {
  kontrolleraLatin1(kommuner);
  const ordning = kodordning(kommuner);
  const serier = ordning.map((k) => basKommun(k.kod));
  const riket = tommaBas();
  for (const s of serier) adderaBas(riket, s);
  const rader = [
    citera(BAS_TITEL),
    ["region", "kön", "ålder", "födelseregion", "tabellinnehåll", ...BAS_MANADER].map(citera).join(";"),
  ];
  basRader("00 Riket", riket, rader);
  ordning.forEach((k, i) => basRader(`${k.kod} ${k.namn}`, serier[i]!, rader));
  rader.push("");
  return {
    bytes: Buffer.from(rader.join("\r\n"), "latin1"),
    dataRader: rader.length - 3,
    perioder: BAS_MANADER.length,
    stubbar: 5,
    regioner: kommuner.length + 1,
    beskrivning: `${kommuner.length + 1} regioner x 3 kön x ${BAS_ALDRAR.length} åldrar x 1 födelseregion x ${BAS_STATUS.length} statusar`,
  };
}

// ---------------------------------------------------------------- BAS huvudsaklig inkomstkälla

export const INKOMSTKALLA_FILNAMN = "TAB1784_20260501-120500.csv";
const KALLA_TITEL = "Befolkningen 20-64 år (BAS) efter region, huvudsaklig inkomstkälla, kön, ålder och månad";
/** SCB:s nio inkomstkällor (ArbStatFoT1); arbete först, saknar ersättningar sist, sedan totalt. */
const KALLOR = [
  "ersättning för arbete", "ersättning vid arbetslöshet", "ersättning för studier", "pension",
  "ersättning vid långvarigt nedsatt arbetsförmåga", "ersättning vid sjukdom",
  "ersättning vid föräldraledighet/närståendeomvårdnad", "ekonomiskt stöd", "saknar ersättningar",
] as const;
/** Hur de utanför arbetsmarknaden (utom de som saknar ersättningar) fördelas på källorna 1-7, per kön (män, kvinnor). */
const KALLA_FORDELNING: readonly (readonly number[])[] = [
  [0.16, 0.22, 0.06, 0.17, 0.08, 0.04, 0.09],
  [0.12, 0.21, 0.05, 0.19, 0.12, 0.13, 0.08],
];
/** Månaderna i filen: de tre sista åren av BAS_MANADER (2023M01-2025M12), som exemplets uttag. */
export const INKOMSTKALLA_MANADER: readonly string[] = BAS_MANADER.slice(-36);

/**
 * Huvudsaklig inkomstkälla 20-64 år (ArbStatFoT1, TAB1784), underlaget för målgruppen
 * (utanför arbetsmarknaden, saknar inkomst): alla 290 kommuner och `00 Riket`, 3 kön, 9 källor
 * och totalt, 36 månader. Befolkningen 20-64 år per kommun, kön och månad är densamma som i
 * BAS-filen (genereraBasFil: antal totalt, 20-64 år); totalt = summan av källorna, kön totalt
 * = män + kvinnor, riket = summan av kommunerna. Påhittade värden, seedade per kommun.
 */
export function genereraInkomstkallaFil(kommuner: readonly Kommunrad[] = lasKommuner()): ScbFil {
  kontrolleraLatin1(kommuner);
  const ordning = kodordning(kommuner);
  const T = INKOMSTKALLA_MANADER.length;
  const forsta = BAS_MANADER.length - T;
  /** v[kön 0 män, 1 kvinnor][källa][månad] */
  const kommun = (kod: string): Float64Array[][] => {
    const folk = basKommun(kod);
    const slump = mulberry32(fnv1a(`bench-kalla|${kod}`));
    const utanfor = 0.2 * Math.exp(0.25 * normalbrus(slump));
    const saknar = 0.035 * Math.exp(0.3 * normalbrus(slump));
    return [0, 1].map((k) => {
      const serier = KALLOR.map(() => new Float64Array(T));
      let brus = 0;
      for (let t = 0; t < T; t++) {
        const antal = folk[k]![0]![6]![forsta + t]!;
        brus = 0.8 * brus + 0.2 * normalbrus(slump);
        const u = Math.min(0.6, utanfor * (k === 0 ? 0.95 : 1.05) * (1 + 0.05 * brus));
        const s = saknar * (k === 0 ? 1.1 : 0.9) * (1 + 0.05 * brus);
        const andelar = [1 - u, ...KALLA_FORDELNING[k]!.map((f) => (u - s) * f), s];
        const heltal = avrundaTillSumma(andelar, antal);
        heltal.forEach((x, c) => (serier[c]![t] = x));
      }
      return serier;
    });
  };
  const serier = ordning.map((k) => kommun(k.kod));
  const riket = [0, 1].map(() => KALLOR.map(() => new Float64Array(T)));
  for (const s of serier) for (let k = 0; k < 2; k++) for (let c = 0; c < KALLOR.length; c++) for (let t = 0; t < T; t++) riket[k]![c]![t]! += s[k]![c]![t]!;
  const rader = [citera(KALLA_TITEL), ["region", "huvudsaklig inkomstkälla", "kön", "ålder", ...INKOMSTKALLA_MANADER].map(citera).join(";")];
  const skriv = (etikett: string, s: Float64Array[][]) => {
    const region = citera(etikett);
    const varde = (k: number, c: number, t: number): number =>
      c === KALLOR.length ? KALLOR.reduce((a, _, i) => a + varde(k, i, t), 0) : k === 2 ? s[0]![c]![t]! + s[1]![c]![t]! : s[k]![c]![t]!;
    [...KALLOR, "totalt"].forEach((kalla, c) => {
      BAS_KON.forEach((kon, k) => {
        const celler = Array.from({ length: T }, (_, t) => String(varde(k, c, t)));
        rader.push([region, citera(kalla), citera(kon), citera("20-64 år"), ...celler].join(";"));
      });
    });
  };
  skriv("00 Riket", riket);
  ordning.forEach((k, i) => skriv(`${k.kod} ${k.namn}`, serier[i]!));
  rader.push("");
  return {
    bytes: Buffer.from(rader.join("\r\n"), "latin1"),
    dataRader: rader.length - 3,
    perioder: T,
    stubbar: 4,
    regioner: kommuner.length + 1,
    beskrivning: `${kommuner.length + 1} regioner x ${KALLOR.length + 1} inkomstkällor x 3 kön, 20-64 år`,
  };
}

// ---------------------------------------------------------------- folkmängd

export const BEFOLKNING_FILNAMN = "BE0101N1_20260501-121000.csv";
const BEFOLKNING_TITEL = "Folkmängden efter region, ålder, kön och år";
export const BEFOLKNING_AR: readonly string[] = Array.from({ length: 30 }, (_, i) => String(1996 + i));
const ALDRAR = [...Array.from({ length: 100 }, (_, a) => `${a} år`), "100+ år"];
const BEFOLKNING_KON = ["män", "kvinnor"] as const;

/** Relativ storlek per ettårsålder: jämn till 60, sedan avtagande. */
function aldersvikt(a: number): number {
  if (a <= 60) return 1 + 0.1 * Math.sin(a / 7);
  if (a < 100) return Math.exp(-Math.pow((a - 60) / 22, 2));
  return 0.004;
}

export function genereraBefolkningsfil(kommuner: readonly Kommunrad[] = lasKommuner()): ScbFil {
  kontrolleraLatin1(kommuner);
  const ar = BEFOLKNING_AR;
  const rader = [citera(BEFOLKNING_TITEL), ["region", "ålder", "kön", ...ar].map(citera).join(";")];
  const cell = new Array<string>(3 + ar.length);
  for (const k of kodordning(kommuner)) {
    const { storlek: invanare, slump } = storlek(k.kod, "bench-befolkning");
    const trend = -0.012 + 0.024 * slump();
    const aldrande = 0.005 * slump();
    const region = citera(`${k.kod} ${k.namn}`);
    const perAlder = invanare / 75;
    ALDRAR.forEach((alder, a) => {
      BEFOLKNING_KON.forEach((kon, ki) => {
        cell[0] = region;
        cell[1] = citera(alder);
        cell[2] = citera(kon);
        const bas = perAlder * aldersvikt(a) * (ki === 0 ? (a < 70 ? 0.51 : 0.45) : a < 70 ? 0.49 : 0.55);
        for (let j = 0; j < ar.length; j++) {
          const faktor = (1 + trend * (j - 25)) * (a >= 65 ? 1 + aldrande * (j - 25) : 1);
          cell[3 + j] = String(Math.max(0, Math.round(bas * faktor * (1 + 0.04 * (slump() - 0.5)))));
        }
        rader.push(cell.join(";"));
      });
    });
  }
  rader.push("");
  return {
    bytes: Buffer.from(rader.join("\r\n"), "latin1"),
    dataRader: rader.length - 3,
    perioder: ar.length,
    stubbar: 3,
    regioner: kommuner.length,
    beskrivning: `${kommuner.length} kommuner x ${ALDRAR.length} åldrar x 2 kön`,
  };
}

// ---------------------------------------------------------------- skriva

export type ScbFall = "bas" | "befolkning";

export const SCB_FALL: Readonly<Record<ScbFall, { filnamn: string; generera: () => ScbFil; rubrik: string }>> = {
  bas: { filnamn: BAS_FILNAMN, generera: () => genereraBasFil(), rubrik: "BAS arbetsmarknadsstatus (ArbStatusM, TAB6260)" },
  befolkning: { filnamn: BEFOLKNING_FILNAMN, generera: () => genereraBefolkningsfil(), rubrik: "Folkmängd (BefolkningNy, BE0101N1)" },
};

/** Skriver fallets fil i en ny temporär katalog (ensam där, så att pipelinen läser bara den). */
export function skrivScbFil(fall: ScbFall, katalog = mkdtempSync(join(tmpdir(), `finsam-bench-${fall}-`))): ScbFil & { katalog: string; fil: string } {
  const f = SCB_FALL[fall];
  const genererad = f.generera();
  const fil = join(katalog, f.filnamn);
  writeFileSync(fil, genererad.bytes);
  return { ...genererad, katalog, fil };
}

function korsDirekt(): boolean {
  const skript = process.argv[1];
  return skript !== undefined && resolve(skript) === fileURLToPath(import.meta.url);
}

if (korsDirekt()) {
  for (const fall of ["bas", "befolkning"] as const) {
    const t0 = performance.now();
    const f = skrivScbFil(fall);
    console.log(`Skrev ${f.fil}: ${(f.bytes.length / 2 ** 20).toFixed(1)} MiB, ${f.dataRader} datarader x ${f.perioder} perioder, ${(performance.now() - t0).toFixed(0)} ms`);
  }
}
