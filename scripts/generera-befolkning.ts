/**
 * Skriver data/exempel/BE0101N1_20260220-090000.csv: ett påhittat men realistiskt uttag ur SCB:s
 * tabell BE0101N1 (BefolkningNy, folkmängden den 31 december efter region, ålder, kön och år) för
 * Dalarnas 15 kommuner och riket 2019-2025, i det format Statistikdatabasen levererar
 * (ISO-8859-1, CRLF, semikolon, titelrad, en kolumn per år).
 *
 * - Ettårsåldrar 0-99 år och 100+ år, män och kvinnor (ingen kön-total, som SCB:s tabell utan
 *   val av totalt), och "totalt ålder" per region och kön.
 * - Befolkningen 20-64 år är för varje kommun, kön och år densamma (inom avrundningen av de
 *   enskilda åldrarna) som "Folkmängd" i december i exemplets helårsekvivalenter
 *   (TAB1386_20260315-101500.csv), som skriptet läser.
 * - 0-19 och 65+ år ges av en försörjningskvot per kommun (Dalarnas kommuner är äldre än riket:
 *   ungefär 0,82-1,02; riket ungefär 0,76) med en svag trend över åren.
 * - 2025: SCB:s slumpmässiga störning (brus) läggs på varje cell för sig, så "totalt ålder" är
 *   inte exakt summan av åldrarna (som i SCB:s tabeller från 2025).
 *
 * Filen blir byte för byte densamma vid varje körning: seedad PRNG, bara + - * / och Math.round.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { fnv1a, mulberry32, normalbrus } from "./slump.ts";

export const FILNAMN = "BE0101N1_20260220-090000.csv";
const TITEL = "Folkmängden efter region, ålder, kön och år";
const AR = ["2019", "2020", "2021", "2022", "2023", "2024", "2025"] as const;
const KON = [["män", "man"], ["kvinnor", "kvinnor"]] as const;
const HE_FIL = "TAB1386_20260315-101500.csv";
const BRUS_FRAN = "2025";

/** Kommun (eller riket): namn, unga 0-19 och äldre 65+ per person 20-64 år (2019), och hur de äldre ökar per år. */
interface Profil { readonly namn: string; readonly unga: number; readonly aldre: number; readonly okning: number }

const PROFILER: ReadonlyMap<string, Profil> = new Map([
  ["2021", { namn: "Vansbro", unga: 0.44, aldre: 0.55, okning: 0.006 }],
  ["2023", { namn: "Malung-Sälen", unga: 0.40, aldre: 0.52, okning: 0.006 }],
  ["2026", { namn: "Gagnef", unga: 0.47, aldre: 0.45, okning: 0.005 }],
  ["2029", { namn: "Leksand", unga: 0.45, aldre: 0.54, okning: 0.005 }],
  ["2031", { namn: "Rättvik", unga: 0.40, aldre: 0.56, okning: 0.005 }],
  ["2034", { namn: "Orsa", unga: 0.42, aldre: 0.56, okning: 0.006 }],
  ["2039", { namn: "Älvdalen", unga: 0.40, aldre: 0.59, okning: 0.006 }],
  ["2061", { namn: "Smedjebacken", unga: 0.43, aldre: 0.50, okning: 0.004 }],
  ["2062", { namn: "Mora", unga: 0.45, aldre: 0.47, okning: 0.004 }],
  ["2080", { namn: "Falun", unga: 0.44, aldre: 0.38, okning: 0.003 }],
  ["2081", { namn: "Borlänge", unga: 0.44, aldre: 0.37, okning: 0.003 }],
  ["2082", { namn: "Säter", unga: 0.46, aldre: 0.47, okning: 0.004 }],
  ["2083", { namn: "Hedemora", unga: 0.42, aldre: 0.51, okning: 0.004 }],
  ["2084", { namn: "Avesta", unga: 0.45, aldre: 0.45, okning: 0.004 }],
  ["2085", { namn: "Ludvika", unga: 0.43, aldre: 0.45, okning: 0.004 }],
  ["00", { namn: "Riket", unga: 0.415, aldre: 0.345, okning: 0.002 }],
]);

/** Relativ storlek per ettårsålder 65, 70, ..., 100 (interpoleras linjärt); 100+ är en egen vikt. */
const ALDRE_STOD = [1.0, 0.96, 0.9, 0.72, 0.46, 0.22, 0.065, 0.012];
const VIKT_100_PLUS = 0.015;

function vikt(alder: number, profil: Profil): number {
  if (alder <= 19) return 1 + (profil.aldre - 0.4) * 0.05 * (alder - 10);
  if (alder <= 64) {
    // Landsbygdskommuner tappar unga vuxna: en svacka 20-29 år.
    const svacka = alder <= 29 ? (profil.aldre - 0.35) * 1.2 * (1 - ((alder - 24.5) / 5.5) * ((alder - 24.5) / 5.5)) : 0;
    return 1 - svacka + 0.002 * (alder - 42);
  }
  if (alder >= 100) return VIKT_100_PLUS;
  const i = Math.floor((alder - 65) / 5);
  const t = (alder - 65 - 5 * i) / 5;
  return ALDRE_STOD[i]! * (1 - t) + ALDRE_STOD[i + 1]! * t;
}

/** Kvinnornas andel vid en ålder (fler kvinnor bland de äldsta). */
function kvinnoandel(alder: number): number {
  if (alder < 70) return 0.487;
  if (alder >= 100) return 0.85;
  return 0.487 + (alder - 70) * (alder - 70) * 0.0003;
}

/** Folkmängd 20-64 år i december per region, kön ("man" | "kvinnor") och år, ur exemplets HE-fil. */
export function heFolkmangd(katalog: string): Map<string, number> {
  const text = iconv.decode(readFileSync(resolve(katalog, HE_FIL)), "latin1");
  const rader = text.split("\r\n").filter((r) => r !== "");
  const rubrik = rader[1]!.split(";").map((c) => c.replace(/"/g, ""));
  const ut = new Map<string, number>();
  for (const rad of rader.slice(2)) {
    const f = rad.split(";").map((c) => c.replace(/"/g, ""));
    if (f[3] !== "Folkmängd") continue;
    const kon = f[1] === "män" ? "man" : f[1] === "kvinnor" ? "kvinnor" : undefined;
    if (!kon) continue;
    const kod = f[0]!.split(" ")[0]!;
    for (const ar of AR) {
      const i = rubrik.indexOf(`${ar}M12`);
      ut.set(`${kod}|${kon}|${ar}`, Number(f[i]));
    }
  }
  return ut;
}

const ALDRAR = Array.from({ length: 101 }, (_, a) => a);
const etikett = (a: number) => (a === 100 ? "100+ år" : `${a} år`);

export function generera(katalog: string): string {
  const he = heFolkmangd(katalog);
  const rader: string[] = [`"${TITEL}"`, ["region", "ålder", "kön", ...AR].map((c) => `"${c}"`).join(";")];
  const koder = [...PROFILER.keys()].sort((a, b) => (a === "00" ? 1 : b === "00" ? -1 : a < b ? -1 : 1));
  for (const kod of koder) {
    const profil = PROFILER.get(kod)!;
    const region = `"${kod} ${profil.namn}"`;
    const slump = mulberry32(fnv1a(`befolkning|${kod}`));
    // varden[ar][kon][alder]; totalt[ar][kon]
    const varden = new Map<string, number[]>();
    const totalt = new Map<string, number>();
    for (const [j, ar] of AR.entries()) {
      for (const [, kon] of KON) {
        const arbetsfor = he.get(`${kod}|${kon}|${ar}`);
        if (arbetsfor === undefined) throw new Error(`HE-filen saknar folkmängd för ${kod} ${kon} ${ar}`);
        // Könens egna andelar per ålder: vikt * andel, skalat så att 20-64 blir HE:s folkmängd.
        const andel = (a: number) => (kon === "kvinnor" ? kvinnoandel(a) : 1 - kvinnoandel(a));
        const v = ALDRAR.map((a) => vikt(a, profil) * andel(a));
        const band = (fran: number, till: number) => v.slice(fran, till + 1).reduce((s, x) => s + x, 0);
        // Fler kvinnor än män bland de äldre, något fler pojkar än flickor bland de unga.
        const unga = arbetsfor * (profil.unga - 0.002 * j) * (kon === "kvinnor" ? 0.98 : 1.02);
        const aldre = arbetsfor * (profil.aldre + profil.okning * j) * (kon === "kvinnor" ? 1.1 : 0.9);
        const ut = ALDRAR.map((a) => {
          const skala = a <= 19 ? unga / band(0, 19) : a <= 64 ? arbetsfor / band(20, 64) : aldre / band(65, 100);
          return v[a]! * skala * (1 + 0.015 * normalbrus(slump));
        });
        // Avrunda så att 20-64 träffar HE:s folkmängd exakt (största resten).
        const heltal = avrunda(ut, 20, 64, arbetsfor);
        const rent = heltal.reduce((s, x) => s + x, 0);
        const brus = ar >= BRUS_FRAN;
        varden.set(`${ar}|${kon}`, brus ? heltal.map((x) => Math.max(0, x + Math.round(0.7 * normalbrus(slump)))) : heltal);
        totalt.set(`${ar}|${kon}`, brus ? rent + Math.round(4 * normalbrus(slump)) : rent);
      }
    }
    for (const a of [-1, ...ALDRAR]) {
      for (const [etik, kon] of KON) {
        const celler = AR.map((ar) => (a < 0 ? totalt.get(`${ar}|${kon}`)! : varden.get(`${ar}|${kon}`)![a]!));
        rader.push([region, `"${a < 0 ? "totalt ålder" : etikett(a)}"`, `"${etik}"`, ...celler.map(String)].join(";"));
      }
    }
  }
  return rader.join("\r\n") + "\r\n";
}

/** Avrundar till heltal; åldrarna fran-till avrundas med största resten så att deras summa blir `summa`. */
function avrunda(varden: readonly number[], fran: number, till: number, summa: number): number[] {
  // Först skalas åldrarna fran-till så att de summerar till `summa` (bruset får inte flytta summan).
  const skala = summa / varden.slice(fran, till + 1).reduce((s, v) => s + v, 0);
  const x = varden.map((v, i) => (i >= fran && i <= till ? v * skala : v));
  const ut = x.map((v) => Math.round(v));
  const golv = x.slice(fran, till + 1).map((v) => Math.floor(v));
  let kvar = summa - golv.reduce((s, v) => s + v, 0);
  const ordning = golv.map((_, i) => i).sort((a, b) => (x[fran + b]! - Math.floor(x[fran + b]!)) - (x[fran + a]! - Math.floor(x[fran + a]!)) || a - b);
  for (let i = 0; i < golv.length; i++) ut[fran + i] = golv[i]!;
  for (const i of ordning) {
    if (kvar <= 0) break;
    ut[fran + i]!++;
    kvar--;
  }
  if (ut.slice(fran, till + 1).reduce((s, v) => s + v, 0) !== summa) throw new Error("avrundningen träffar inte summan");
  return ut;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const katalog = fileURLToPath(new URL("../data/exempel/", import.meta.url));
  writeFileSync(resolve(katalog, FILNAMN), iconv.encode(generera(katalog), "latin1"));
  console.log(`skrev ${resolve(katalog, FILNAMN)}`);
}
