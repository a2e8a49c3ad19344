/**
 * En PÅHITTAD nationell förbundsindelning för tester, prestandamätningen och den nationella
 * utgåvan av webbplatsen: ungefär 80 förbund över Sveriges 290 kommuner, i samma format som
 * data/referens/forbund.csv (`forbund,forbund_namn,kommunkod,giltig_fran,giltig_till`).
 *
 * Det finns ingen maskinläsbar nationell lista över förbunden och deras kommuner, så den här
 * indelningen är uppdiktad och får aldrig visas som verklig: varje förbund heter
 * "Fiktivt samordningsförbund …" och har ett id som börjar med `fiktivt-`. Kommunerna är de
 * verkliga (data/referens/kommuner.csv), förbunden inte.
 *
 * Så byggs den (seedad PRNG, samma fil varje gång):
 * - Län för län i kodordning; ungefär var tolfte kommun hör inte till något förbund (Gotland,
 *   länets enda kommun, är alltid med).
 * - Länets övriga kommuner delas i kodordning i förbund med i genomsnitt drygt tre kommuner
 *   (minst ett förbund per län).
 * - Ett förbund spänner över två län: det sista förbundet i Örebro län (18) tar också den
 *   första kommunen i Västmanlands län (19).
 * - En sammanslagning: det första förbundet i Västra Götalands län (14) med minst fyra kommuner
 *   bildades 2023-01 av två förbund (`…a` och `…b`) som fanns till och med 2022-12.
 *
 *   npx tsx scripts/generera-nationell-indelning.ts <fil.csv>   # skriver filen
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fnv1a, mulberry32 } from "./slump.ts";

export const RUBRIK = "forbund,forbund_namn,kommunkod,giltig_fran,giltig_till";
/** Filnamnet som den nationella datakatalogen använder (vilket namn som helst fungerar: rubriken känns igen). */
export const FILNAMN = "forbund_fiktiv_nationell.csv";
/** Månaden då sammanslagningen gäller, och den sista månaden för de två gamla förbunden. */
export const SAMMANSLAGNING = { fran: "2023-01", till: "2022-12" } as const;
/** Länen för förbundet som spänner över två län. */
export const TVA_LAN = ["18", "19"] as const;
const SAMMANSLAGNINGSLAN = "14";
/** Ungefär så många kommuner per förbund. */
const KOMMUNER_PER_FORBUND = 3.3;
const ANDEL_UTANFOR = 0.08;

export interface Kommunrad {
  readonly kod: string;
  readonly namn: string;
  readonly lan: string;
  readonly lanNamn: string;
}

export interface Indelningsrad {
  readonly forbund: string;
  readonly forbundNamn: string;
  readonly kommunkod: string;
  readonly giltigFran: string;
  readonly giltigTill: string;
}

/** data/referens/kommuner.csv (UTF-8, komma, inga citattecken). */
export function lasKommunerMedLan(fil = fileURLToPath(new URL("../data/referens/kommuner.csv", import.meta.url))): Kommunrad[] {
  const rader = readFileSync(fil, "utf8").split(/\r?\n/).filter((r) => r.trim() !== "");
  const rubrik = rader[0]?.split(",") ?? [];
  const [iKod, iNamn, iLan, iLanNamn] = ["kommunkod", "kommun", "lanskod", "lan"].map((k) => rubrik.indexOf(k));
  if ([iKod, iNamn, iLan, iLanNamn].some((i) => i === undefined || i < 0)) throw new Error(`${fil}: kolumnerna kommunkod, kommun, lanskod och lan väntades`);
  return rader.slice(1).map((rad) => {
    const f = rad.split(",");
    return { kod: f[iKod!] ?? "", namn: f[iNamn!] ?? "", lan: f[iLan!] ?? "", lanNamn: f[iLanNamn!] ?? "" };
  });
}

interface Forbund {
  id: string;
  namn: string;
  kommuner: string[];
}

const jamfor = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Den påhittade indelningen, rad för rad, sorterad på förbund, kommunkod och giltig_fran. */
export function genereraNationellIndelning(kommuner: readonly Kommunrad[] = lasKommunerMedLan(), seed = "finsam-fiktiv-indelning"): Indelningsrad[] {
  const perLan = new Map<string, Kommunrad[]>();
  for (const k of [...kommuner].sort((a, b) => jamfor(a.kod, b.kod))) {
    const l = perLan.get(k.lan) ?? [];
    l.push(k);
    perLan.set(k.lan, l);
  }
  const forbundPerLan = new Map<string, Forbund[]>();
  for (const [lan, lista] of [...perLan].sort(([a], [b]) => jamfor(a, b))) {
    const slump = mulberry32(fnv1a(`${seed}|${lan}`));
    const med = lista.filter(() => lista.length === 1 || slump() >= ANDEL_UTANFOR);
    const antal = Math.max(1, Math.round(med.length / KOMMUNER_PER_FORBUND));
    // antal - 1 olika snittpunkter bland 1 .. med.length - 1, dragna utan återläggning
    const mojliga = Array.from({ length: med.length - 1 }, (_, i) => i + 1);
    const snitt: number[] = [];
    for (let i = 0; i < antal - 1; i++) snitt.push(mojliga.splice(Math.floor(slump() * mojliga.length), 1)[0]!);
    snitt.sort((a, b) => a - b);
    const granser = [0, ...snitt, med.length];
    const lanNamn = lista[0]!.lanNamn;
    forbundPerLan.set(lan, granser.slice(1).map((slut, i) => ({
      id: `fiktivt-${lan}-${String(i + 1).padStart(2, "0")}`,
      namn: `Fiktivt samordningsförbund ${lanNamn} ${i + 1}`,
      kommuner: med.slice(granser[i]!, slut).map((k) => k.kod),
    })));
  }
  // Ett förbund i två län: det sista i det första länet tar det andra länets första kommun
  // (från ett förbund med minst två kommuner, så att inget förbund blir tomt).
  const [lanA, lanB] = TVA_LAN;
  const fa = forbundPerLan.get(lanA)?.at(-1);
  const givare = forbundPerLan.get(lanB)?.find((f) => f.kommuner.length >= 2);
  if (fa && givare) {
    fa.kommuner.push(givare.kommuner.shift()!);
    fa.namn = `Fiktivt samordningsförbund ${perLan.get(lanA)![0]!.lanNamn} och ${perLan.get(lanB)![0]!.lanNamn}`;
  }
  const rader: Indelningsrad[] = [];
  const sammanslaget = forbundPerLan.get(SAMMANSLAGNINGSLAN)?.find((f) => f.kommuner.length >= 4);
  for (const lista of forbundPerLan.values()) {
    for (const f of lista) {
      const fran = f === sammanslaget ? SAMMANSLAGNING.fran : "";
      for (const k of f.kommuner) rader.push({ forbund: f.id, forbundNamn: f.namn, kommunkod: k, giltigFran: fran, giltigTill: "" });
      if (f !== sammanslaget) continue;
      const halft = Math.floor(f.kommuner.length / 2);
      for (const [del, kommunerna] of [["a", f.kommuner.slice(0, halft)], ["b", f.kommuner.slice(halft)]] as const) {
        for (const k of kommunerna) {
          rader.push({
            forbund: `${f.id}${del}`, forbundNamn: `${f.namn}${del} (före sammanslagningen 2023)`, kommunkod: k, giltigFran: "", giltigTill: SAMMANSLAGNING.till,
          });
        }
      }
    }
  }
  return rader.sort((a, b) => jamfor(a.forbund, b.forbund) || jamfor(a.kommunkod, b.kommunkod) || jamfor(a.giltigFran, b.giltigFran));
}

/** Raderna som CSV (UTF-8, komma, LF, rubrikrad), som data/referens/forbund.csv. */
export function indelningSomCsv(rader: readonly Indelningsrad[]): string {
  const falt = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [RUBRIK, ...rader.map((r) => [r.forbund, r.forbundNamn, r.kommunkod, r.giltigFran, r.giltigTill].map(falt).join(","))].join("\n") + "\n";
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ut = process.argv[2];
  if (!ut || process.argv.length > 3) {
    console.error("Användning: npx tsx scripts/generera-nationell-indelning.ts <fil.csv>  (skriver en påhittad nationell förbundsindelning)");
    process.exit(2);
  }
  const rader = genereraNationellIndelning();
  const fil = resolve(ut);
  mkdirSync(dirname(fil), { recursive: true });
  writeFileSync(fil, indelningSomCsv(rader));
  const aktuella = new Set(rader.filter((r) => r.giltigTill === "").map((r) => r.forbund));
  const med = new Set(rader.filter((r) => r.giltigTill === "").map((r) => r.kommunkod));
  console.log(`Skrev ${fil}: ${aktuella.size} påhittade förbund i dag (${new Set(rader.map((r) => r.forbund)).size} med de sammanslagna), ${med.size} av ${lasKommunerMedLan().length} kommuner med.`);
}
