// Sidornas data växer inte med antalet förbund (issue 13): exemplets utdata med varje förbunds
// rader tio gånger (80 förbund, som den nationella utgåvan), och i de årliga tabellerna
// (befolkning, försörjningskvot, försörjningsmått) varje kommuns tjugo gånger (300 kommuner, som
// Befolknings regionlista får nationellt), ger ingen sida mer än 300 kB data (gzip) när den öppnas, och ingen sida med
// delar mer än 300 kB för sin indexfil och sin största del. Översikt, Jämförelse, Befolkning
// och Styrelserapport laddade tidigare allt för alla förbund (nationellt 344 kB, 4,4 MB,
// 572 kB och 355 kB; docs/nationell.md).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { csvFormatRows, csvParseRows } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { tabellFranCsv } from "../loaders/publish/csv.ts";
import type { Schema, Utdatatabell } from "../loaders/publish/schema.ts";
import { REGIONSIDOR, SIDORNAS_TABELLER, sidodata } from "../loaders/publish/sidor/index.ts";

const GOLDEN = new URL("./golden/exempel/", import.meta.url);
const FORBUND = 10;
const KOMMUNER = 20;

/** Tabellerna där också kommunerna mångfaldigas (små: en rad per region, år och kön eller grupp). */
const ARLIGA = new Set(["befolkning", "forsorjningskvot", "forsorjningsmatt"]);

/** En tabells CSV med förbundens (och i ARLIGA kommunernas) rader mångfaldigade (nya koder och namn; förbundsindelningen orörd). */
function mangfaldiga(tabell: string, text: string): string {
  const [rubrik, ...rader] = csvParseRows(text.replace(/\n$/, ""));
  const [niva, kod, namn] = ["niva", "kod", "namn"].map((n) => rubrik!.indexOf(n));
  if (niva! < 0 || kod! < 0 || namn! < 0) return text;
  const ut: string[][] = [];
  for (const rad of rader) {
    ut.push(rad);
    const antal = rad[niva!] === "forbund" ? FORBUND : rad[niva!] === "kommun" && ARLIGA.has(tabell) ? KOMMUNER : 1;
    for (let i = 1; i < antal; i++) {
      const kopia = [...rad];
      kopia[kod!] = rad[niva!] === "kommun" ? `${rad[kod!]}${String(i).padStart(2, "0")}` : `${rad[kod!]}-${i}`;
      kopia[namn!] = `${rad[namn!]} ${i}`;
      ut.push(kopia);
    }
  }
  return `${csvFormatRows([rubrik!, ...ut])}\n`;
}

const tabeller = new Map<string, Utdatatabell>(
  SIDORNAS_TABELLER.map((s) => [s.namn, tabellFranCsv(s, mangfaldiga(s.namn, readFileSync(new URL(`${s.namn}.csv`, GOLDEN), "utf8")))]),
);
const filer = sidodata(<S extends Schema>(s: S) => tabeller.get(s.namn)! as Utdatatabell<S>);
const gz = (f: string) => gzipSync(filer.get(f)!).length;

describe("sidvikten med 80 förbund (och 300 kommuner i de årliga tabellerna)", () => {
  it("underlaget har så många förbund och kommuner", () => {
    const koder = (tabell: string, niva: string) => {
      const t = tabeller.get(tabell)!;
      return new Set(Array.from(t.tabell.indices()).filter((i) => t.tabell.column("niva")!.at(i) === niva).map((i) => t.tabell.column("kod")!.at(i))).size;
    };
    expect(koder("helarsekvivalenter", "forbund")).toBe(8 * FORBUND);
    expect(koder("befolkning", "kommun")).toBe(15 * KOMMUNER);
  });

  it("ingen sida laddar mer än 300 kB (gzip): sin fil, eller sin indexfil och sin största del", () => {
    const sidor: Record<string, number> = {};
    for (const f of ["oversikt.json", "insatser.json", "jamstalldhet.json", "ekonomi.json", "datakvalitet.json"]) sidor[f] = gz(f);
    for (const sida of REGIONSIDOR) {
      const delar = [...filer.keys()].filter((f) => f.startsWith(`${sida}/`) && f !== `${sida}/index.json`);
      sidor[sida] = gz(`${sida}/index.json`) + Math.max(0, ...delar.map(gz));
    }
    for (const [sida, byte] of Object.entries(sidor)) expect(byte, sida).toBeLessThan(300_000);
    // De fyra sidorna som förut laddade allt för alla förbund: långt under gränsen.
    expect(sidor["oversikt.json"]).toBeLessThan(60_000);
    expect(gz("jamforelse/index.json") + gz("jamforelse/summa-alla-halvar.json")).toBeLessThan(150_000);
    expect(gz("befolkning/index.json")).toBeLessThan(100_000);
    expect(gz("styrelserapport/index.json")).toBeLessThan(30_000);
  });
});
