/**
 * En hel nationell datakatalog för den nationella utgåvan (prestandamätningen och provbyggen):
 * benchens SCB-filer för alla 290 kommuner (helårsekvivalenter, BAS arbetsmarknadsstatus, BAS
 * huvudsaklig inkomstkälla för målgruppen, och folkmängd: nationell-fil.ts, scb-filer.ts), en påhittad försörjningsmåttsarbetsbok för alla
 * kommuner och riket, och den PÅHITTADE nationella förbundsindelningen
 * (scripts/generera-nationell-indelning.ts), som ersätter data/referens/forbund.csv.
 *
 * Alla värden och alla förbund är påhittade; katalogen skrivs bara till en temporär katalog
 * eller dit den anropande säger, aldrig i data/.
 *
 *   npx tsx bench/nationell-datakatalog.ts [katalog]   # skriver katalogen och skriver ut sökvägen
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { FILNAMN as HE_FILNAMN, genereraNationellFil } from "./nationell-fil.ts";
import {
  BAS_FILNAMN, BEFOLKNING_FILNAMN, INKOMSTKALLA_FILNAMN, genereraBasFil, genereraBefolkningsfil, genereraInkomstkallaFil,
} from "./scb-filer.ts";
import {
  FILNAMN as INDELNING_FILNAMN, genereraNationellIndelning, indelningSomCsv, lasKommunerMedLan, type Kommunrad,
} from "../scripts/generera-nationell-indelning.ts";
import { skrivXlsx, type Xlsxblad, type Xlsxcell } from "../scripts/generera-forsorjningsmatt.ts";
import { fnv1a, mulberry32, normalbrus } from "../scripts/slump.ts";

export const FORSORJNINGSMATT_FILNAMN = "Forsorjningsmatt_riket_2020-2025.xlsx";
const FM_AR = [2020, 2021, 2022, 2023, 2024, 2025] as const;
const FM_ETIKETTER = [
  "Sjukpenning inkl. rehabiliteringspenning, tkr", "Sjuk- och aktivitetsersättning, tkr", "Arbetslöshetsersättning (a-kassa), tkr",
  "Aktivitetsstöd och utvecklingsersättning, tkr", "Etableringsersättning, tkr", "Ekonomiskt bistånd (försörjningsstöd), tkr",
] as const;
const FM_VIKT = [0.3, 0.2, 0.17, 0.13, 0.06, 0.14] as const;

/** Påhittad försörjningsmåttsarbetsbok för alla kommuner och riket (riket = summan), layout som exemplets. */
export function genereraNationellaForsorjningsmatt(kommuner: readonly Kommunrad[] = lasKommunerMedLan()): Uint8Array {
  const ordning = [...kommuner].sort((a, b) => (a.kod < b.kod ? -1 : 1));
  const blad: Xlsxblad[] = [{ namn: "Om tabellerna", rader: [["Försörjningsmått för alla kommuner och riket 2020–2025 (PÅHITTADE siffror för prestandamätningen)"]] }];
  for (const ar of FM_AR) {
    const band = ar >= 2023 ? "16–65" : "16–64";
    const rader: Xlsxcell[][] = [
      [`Försörjningsmått ${ar}: offentliga kostnader för ersättningar vid ohälsa och arbetslöshet`],
      [`Belopp i tkr. Befolkning ${band} år den 31 december ${ar}.`],
      ["Källa: påhittade siffror (finsam-analys bench)"],
      [],
      ["Regionkod", "Region", ...FM_ETIKETTER, "Summa, tkr", `Befolkning ${band} år`, `Försörjningsmått, kr per invånare ${band} år`],
    ];
    const riket = { tkr: FM_ETIKETTER.map(() => 0), bef: 0 };
    const kommunrader: Xlsxcell[][] = [];
    const befolkning: number[] = [];
    const belopp: number[][] = [];
    for (const k of ordning) {
      const slump = mulberry32(fnv1a(`bench-fm|${k.kod}|${ar}`));
      const fast = mulberry32(fnv1a(`bench-fm|${k.kod}`));
      const bef = Math.max(800, Math.round(9000 * Math.exp(0.95 * normalbrus(fast)) * (1 + 0.004 * (ar - 2023))));
      const niva = 31000 * Math.exp(0.18 * normalbrus(fast)) * Math.pow(1.02, ar - 2023);
      befolkning.push(bef);
      belopp.push(FM_VIKT.map((v) => Math.round((niva * bef * v * (1 + 0.05 * normalbrus(slump))) / 1000)));
    }
    ordning.forEach((k, i) => {
      const tkr = belopp[i]!;
      const bef = befolkning[i]!;
      const summa = tkr.reduce((a, b) => a + b, 0);
      tkr.forEach((x, j) => (riket.tkr[j]! += x));
      riket.bef += bef;
      kommunrader.push([k.kod, k.namn, ...tkr, summa, bef, Math.round((summa * 1000) / bef)]);
    });
    const rs = riket.tkr.reduce((a, b) => a + b, 0);
    rader.push(["00", "Riket", ...riket.tkr, rs, riket.bef, Math.round((rs * 1000) / riket.bef)], ...kommunrader);
    blad.push({ namn: String(ar), rader, fet: [5] });
  }
  return skrivXlsx(blad);
}

export interface NationellDatakatalog {
  readonly katalog: string;
  readonly filer: Record<string, number>;
}

/** Skriver katalogen (ny temporär katalog om ingen anges): sex filer. */
export function skrivNationellDatakatalog(katalog = mkdtempSync(join(tmpdir(), "finsam-nationell-"))): NationellDatakatalog {
  mkdirSync(katalog, { recursive: true });
  const kommuner = lasKommunerMedLan();
  const indelning = genereraNationellIndelning(kommuner);
  const filer: [string, Uint8Array][] = [
    [HE_FILNAMN, genereraNationellFil().bytes],
    [BAS_FILNAMN, genereraBasFil().bytes],
    [INKOMSTKALLA_FILNAMN, genereraInkomstkallaFil().bytes],
    [BEFOLKNING_FILNAMN, genereraBefolkningsfil().bytes],
    [FORSORJNINGSMATT_FILNAMN, genereraNationellaForsorjningsmatt(kommuner)],
    [INDELNING_FILNAMN, Buffer.from(indelningSomCsv(indelning))],
  ];
  for (const [namn, bytes] of filer) writeFileSync(join(katalog, namn), bytes);
  return { katalog, filer: Object.fromEntries(filer.map(([n, b]) => [n, b.length])) };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const d = skrivNationellDatakatalog(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`Skrev en påhittad nationell datakatalog i ${d.katalog}:`);
  for (const [n, b] of Object.entries(d.filer)) console.log(`  ${n} (${(b / 2 ** 20).toFixed(1)} MiB)`);
}
