/**
 * Skriver data/exempel/Forsorjningsmatt_Dalarna_2020-2025.xlsx: en påhittad men realistisk
 * försörjningsmåttsarbetsbok i den layout som docs/definitioner/forsorjningsmatt.md beskriver
 * (modellerad efter hur SCB levererar beställda tabeller till Finsam, inte kopierad från en
 * verklig leverans). Dalarnas 15 kommuner, några valdistrikt i Falun och Borlänge, och riket,
 * 2020-2025: ett blad per år med titelrader ovanför rubrikraden, belopp i tkr.
 *
 * Nivåerna: försörjningsmåttet i Dalarna ligger kring 25 000-45 000 kr per invånare och år,
 * högst i Avesta och Hedemora (som i Södra Dalarnas verksamhetsberättelse); befolkningen
 * 16-64 år är något större än exemplets 20-64 år i TAB1386_20260315-101500.csv. Utgåvorna
 * 2020-2022 avser 16-64 år, 2023-2025 16-65 år.
 *
 * Filen blir byte för byte densamma vid varje körning: seedad PRNG, heltal i tkr och OOXML-delar
 * som skrivs här och packas med fflate med fast tidsstämpel (lokala tidskomponenter, så
 * tidszonen spelar ingen roll).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync, type Zippable } from "fflate";
import { fnv1a, hamta, mulberry32, normalbrus } from "./slump.ts";

export const FILNAMN = "Forsorjningsmatt_Dalarna_2020-2025.xlsx";

// ---------------------------------------------------------------------------------------------
// En minimal xlsx-skrivare (SpreadsheetML): delade strängar, tal, fet rubrik, tusentalsformat.

export type Xlsxcell = string | number | null;

export interface Xlsxblad {
  readonly namn: string;
  readonly rader: readonly (readonly Xlsxcell[])[];
  /** 1-baserade radnummer som skrivs i fetstil (rubrikraden). */
  readonly fet?: readonly number[];
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** 1 -> A, 27 -> AA. */
function kolumnnamn(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Delarna i en xlsx-fil (sökväg -> text), innan de packas. */
export function xlsxDelar(blad: readonly Xlsxblad[]): Map<string, string> {
  const strangar: string[] = [];
  const index = new Map<string, number>();
  const strang = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strangar.length;
      strangar.push(s);
      index.set(s, i);
    }
    return i;
  };
  const delar = new Map<string, string>();
  blad.forEach((b, bi) => {
    const fet = new Set(b.fet ?? []);
    const rader = b.rader.map((rad, ri) => {
      const r = ri + 1;
      const celler = rad.map((v, ci) => {
        if (v === null || v === "") return "";
        const ref = `${kolumnnamn(ci + 1)}${r}`;
        if (typeof v === "number") return `<c r="${ref}"${fet.has(r) ? ' s="1"' : Number.isInteger(v) && Math.abs(v) >= 1000 ? ' s="2"' : ""}><v>${v}</v></c>`;
        return `<c r="${ref}" t="s"${fet.has(r) ? ' s="1"' : ""}><v>${strang(v)}</v></c>`;
      }).join("");
      return celler === "" ? "" : `<row r="${r}">${celler}</row>`;
    }).join("");
    delar.set(`xl/worksheets/sheet${bi + 1}.xml`, `${XML}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><sheetData>${rader}</sheetData></worksheet>`);
  });
  delar.set("[Content_Types].xml", `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + blad.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")
    + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + "</Types>");
  delar.set("_rels/.rels", `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    + "</Relationships>");
  delar.set("xl/workbook.xml", `${XML}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><sheets>`
    + blad.map((b, i) => `<sheet name="${esc(b.namn)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")
    + "</sheets></workbook>");
  delar.set("xl/_rels/workbook.xml.rels", `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
    + blad.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")
    + `<Relationship Id="rId${blad.length + 1}" Type="${NS_R}/sharedStrings" Target="sharedStrings.xml"/>`
    + `<Relationship Id="rId${blad.length + 2}" Type="${NS_R}/styles" Target="styles.xml"/>`
    + "</Relationships>");
  delar.set("xl/sharedStrings.xml", `${XML}<sst xmlns="${NS}" count="${strangar.length}" uniqueCount="${strangar.length}">`
    + strangar.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("") + "</sst>");
  delar.set("xl/styles.xml", `${XML}<styleSheet xmlns="${NS}">`
    + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    + '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>');
  return delar;
}

/** Packar delarna; samma indata ger samma byte (fast tidsstämpel, fast ordning). */
export function packaXlsx(delar: ReadonlyMap<string, string | Uint8Array>): Uint8Array {
  const mtime = new Date(2026, 2, 15, 10, 15, 0);
  const ordning = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"];
  const namn = [...delar.keys()].sort((a, b) => {
    const ia = ordning.indexOf(a);
    const ib = ordning.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const filer: Zippable = {};
  for (const n of namn) {
    const d = delar.get(n)!;
    filer[n] = [typeof d === "string" ? strToU8(d) : d, { mtime, level: 6 }];
  }
  return zipSync(filer);
}

export function skrivXlsx(blad: readonly Xlsxblad[]): Uint8Array {
  return packaXlsx(xlsxDelar(blad));
}

// ---------------------------------------------------------------------------------------------
// Exempeldata

const AR = [2020, 2021, 2022, 2023, 2024, 2025] as const;

/** I arbetsbokens kolumnordning. */
const ERSATTNINGAR = [
  { etikett: "Sjukpenning inkl. rehabiliteringspenning, tkr", vikt: 230, trend: [1.08, 0.99, 0.98, 1.0, 1.04, 1.06] },
  { etikett: "Sjuk- och aktivitetsersättning, tkr", vikt: 156, trend: [1.06, 1.03, 1.01, 1.0, 0.99, 0.98] },
  { etikett: "Arbetslöshetsersättning (a-kassa), tkr", vikt: 200, trend: [1.55, 1.25, 0.9, 1.0, 1.12, 1.15] },
  { etikett: "Aktivitetsstöd och utvecklingsersättning, tkr", vikt: 140, trend: [1.05, 1.1, 1.02, 1.0, 1.04, 1.06] },
  { etikett: "Etableringsersättning, tkr", vikt: 80, trend: [1.6, 1.3, 1.1, 1.0, 0.75, 0.55] },
  { etikett: "Ekonomiskt bistånd (försörjningsstöd), tkr", vikt: 100, trend: [1.02, 1.0, 0.97, 1.0, 1.06, 1.08] },
] as const;

interface Region {
  readonly kod: string;
  readonly namn: string;
  /** Folkmängd 20-64 år 2023 som i exemplets TAB1386 (helårsekvivalenter). */
  readonly folk2064: number;
  readonly forandringPerAr: number;
  /** Kostnad per invånare 16-64 år 2023, kr. */
  readonly nivå: number;
  /** Helårsekvivalenter i procent av 20-64 (som i TAB1386), i ERSATTNINGAR:s ordning. */
  readonly procent: readonly number[];
  readonly valdistrikt?: readonly { readonly nr: string; readonly namn: string; readonly vikt: number; readonly skev: number }[];
}

/** procent: sjukpenning, sjuk-/aktivitetsersättning, a-kassa, aktivitetsstöd, etablering, ekonomiskt bistånd. */
const REGIONER: readonly Region[] = [
  { kod: "00", namn: "Riket", folk2064: 5800000, forandringPerAr: 0.005, nivå: 31000, procent: [2.7, 3.4, 1.2, 1.9, 0.25, 1.3] },
  { kod: "2021", namn: "Vansbro", folk2064: 3400, forandringPerAr: -0.008, nivå: 34500, procent: [3.0, 4.5, 1.3, 2.4, 0.5, 1.6] },
  { kod: "2023", namn: "Malung-Sälen", folk2064: 5400, forandringPerAr: -0.004, nivå: 27500, procent: [2.6, 3.6, 1.0, 1.5, 0.2, 1.0] },
  { kod: "2026", namn: "Gagnef", folk2064: 5300, forandringPerAr: 0.002, nivå: 25500, procent: [3.0, 3.4, 0.8, 1.4, 0.1, 0.8] },
  { kod: "2029", namn: "Leksand", folk2064: 7900, forandringPerAr: 0.001, nivå: 26000, procent: [2.9, 3.3, 0.8, 1.4, 0.2, 0.9] },
  { kod: "2031", namn: "Rättvik", folk2064: 5500, forandringPerAr: -0.003, nivå: 31500, procent: [3.1, 3.9, 1.0, 1.8, 0.3, 1.2] },
  { kod: "2034", namn: "Orsa", folk2064: 3500, forandringPerAr: -0.005, nivå: 35000, procent: [3.2, 4.4, 1.2, 2.2, 0.5, 1.5] },
  { kod: "2039", namn: "Älvdalen", folk2064: 3500, forandringPerAr: -0.009, nivå: 33500, procent: [3.0, 4.2, 1.2, 2.0, 0.4, 1.2] },
  { kod: "2061", namn: "Smedjebacken", folk2064: 5600, forandringPerAr: -0.004, nivå: 36000, procent: [3.2, 4.5, 1.1, 2.5, 0.3, 1.4] },
  { kod: "2062", namn: "Mora", folk2064: 10800, forandringPerAr: 0.001, nivå: 29500, procent: [2.9, 3.6, 0.9, 1.8, 0.3, 1.3] },
  {
    kod: "2080", namn: "Falun", folk2064: 32000, forandringPerAr: 0.004, nivå: 27000, procent: [2.8, 3.4, 0.7, 2.0, 0.2, 1.4],
    valdistrikt: [
      { nr: "0101", namn: "Falun Centrum", vikt: 0.24, skev: 1.1 },
      { nr: "0102", namn: "Falun Norr", vikt: 0.2, skev: 1.2 },
      { nr: "0103", namn: "Falun Söder", vikt: 0.19, skev: 0.9 },
      { nr: "0104", namn: "Svärdsjö", vikt: 0.13, skev: 0.95 },
      { nr: "0105", namn: "Sundborn-Vika", vikt: 0.12, skev: 0.85 },
      { nr: "0106", namn: "Bjursås-Grycksbo", vikt: 0.12, skev: 0.9 },
    ],
  },
  {
    kod: "2081", namn: "Borlänge", folk2064: 28800, forandringPerAr: 0.003, nivå: 38500, procent: [3.25, 3.9, 1.45, 3.9, 0.16, 2.5],
    valdistrikt: [
      { nr: "0101", namn: "Borlänge Centrum", vikt: 0.26, skev: 1.05 },
      { nr: "0102", namn: "Tjärna Ängar", vikt: 0.2, skev: 1.45 },
      { nr: "0103", namn: "Kvarnsveden", vikt: 0.2, skev: 0.95 },
      { nr: "0104", namn: "Domnarvet", vikt: 0.19, skev: 0.9 },
      { nr: "0105", namn: "Ornäs-Torsång", vikt: 0.15, skev: 0.7 },
    ],
  },
  { kod: "2082", namn: "Säter", folk2064: 5900, forandringPerAr: 0.0, nivå: 32000, procent: [3.1, 4.0, 0.9, 2.0, 0.2, 1.1] },
  { kod: "2083", namn: "Hedemora", folk2064: 7900, forandringPerAr: -0.002, nivå: 41500, procent: [3.3, 4.6, 1.3, 2.8, 0.4, 1.8] },
  { kod: "2084", namn: "Avesta", folk2064: 12400, forandringPerAr: -0.001, nivå: 43000, procent: [3.3, 4.6, 1.5, 3.2, 0.5, 2.4] },
  { kod: "2085", namn: "Ludvika", folk2064: 13800, forandringPerAr: -0.002, nivå: 39000, procent: [3.2, 4.4, 1.4, 3.0, 0.4, 2.0] },
];

/** Befolkningen 16-64 år är ungefär 9 % större än 20-64 år; 16-65 ytterligare 2,1 %. */
const FAKTOR_16_64 = 1.09;
const FAKTOR_16_65 = 1.021;
/** Årlig prisutveckling i ersättningarna. */
const PRIS = 0.02;

function band(ar: number): "16-64" | "16-65" {
  return ar >= 2023 ? "16-65" : "16-64";
}

interface Siffror {
  readonly tkr: readonly number[];
  readonly befolkning: number;
}

function regionAr(r: Region, ar: number, ai: number): Siffror {
  const slump = mulberry32(fnv1a(`forsorjningsmatt|${r.kod}|${ar}`));
  const bef1664 = Math.round(r.folk2064 * FAKTOR_16_64 * (1 + r.forandringPerAr * (ar - 2023)));
  const befolkning = band(ar) === "16-65" ? Math.round(bef1664 * FAKTOR_16_65) : bef1664;
  const vikter = ERSATTNINGAR.map((e, i) => hamta(r.procent, i) * e.vikt);
  const summaVikt = vikter.reduce((a, b) => a + b, 0);
  const pris = Math.pow(1 + PRIS, ar - 2023);
  const totalKr = r.nivå * bef1664 * pris;
  const tkr = ERSATTNINGAR.map((e, i) => {
    const brus = 1 + 0.03 * normalbrus(slump);
    return Math.round((totalKr * (hamta(vikter, i) / summaVikt) * hamta(e.trend, ai) * brus) / 1000);
  });
  return { tkr, befolkning };
}

/** Delar heltalet `total` efter `vikter` så att delarna summerar exakt (största rest får resten). */
function fordela(total: number, vikter: readonly number[]): number[] {
  const summa = vikter.reduce((a, b) => a + b, 0);
  const exakt = vikter.map((v) => (total * v) / summa);
  const delar = exakt.map((x) => Math.floor(x));
  let kvar = total - delar.reduce((a, b) => a + b, 0);
  const ordning = exakt.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; kvar > 0; k = (k + 1) % ordning.length, kvar--) delar[hamta(ordning, k).i]! += 1;
  return delar;
}

function rad(kod: string, namn: string, s: Siffror): Xlsxcell[] {
  const summa = s.tkr.reduce((a, b) => a + b, 0);
  return [kod, namn, ...s.tkr, summa, s.befolkning, Math.round((summa * 1000) / s.befolkning)];
}

export function exempelblad(): Xlsxblad[] {
  const om: Xlsxblad = {
    namn: "Om tabellerna",
    rader: [
      ["Försörjningsmått för Finsam, Dalarnas län och riket 2020–2025"],
      [],
      ["Försörjningsmåttet är de samlade offentliga kostnaderna för ersättningar vid ohälsa och arbetslöshet per invånare i arbetsför ålder."],
      ["Ersättningar: sjukpenning inkl. rehabiliteringspenning, sjuk- och aktivitetsersättning, arbetslöshetsersättning, aktivitetsstöd och utvecklingsersättning, etableringsersättning samt ekonomiskt bistånd (försörjningsstöd)."],
      ["Belopp i tusental kronor (tkr). Befolkningen avser den 31 december: 16–64 år till och med 2022, 16–65 år från och med 2023."],
      ["Ett blad per år. Valdistrikten redovisas under sin kommun och ingår i kommunens rad."],
      [],
      ["Exempeldata: påhittade siffror i en layout modellerad efter SCB:s leveranser till Finsam (se docs/definitioner/forsorjningsmatt.md)."],
    ],
  };
  const blad = AR.map((ar, ai): Xlsxblad => {
    const b = band(ar).replace("-", "–");
    const rader: Xlsxcell[][] = [
      [`Försörjningsmått ${ar}: offentliga kostnader för ersättningar vid ohälsa och arbetslöshet`],
      [`Belopp i tkr. Befolkning ${b} år den 31 december ${ar}.`],
      ["Källa: SCB, beställd tabell för Finsam (exempeldata)"],
      [],
      ["Regionkod", "Region", ...ERSATTNINGAR.map((e) => e.etikett), "Summa, tkr", `Befolkning ${b} år`, `Försörjningsmått, kr per invånare ${b} år`],
    ];
    for (const r of REGIONER) {
      const s = regionAr(r, ar, ai);
      rader.push(rad(r.kod, r.namn, s));
      if (!r.valdistrikt) continue;
      const delar = ERSATTNINGAR.map((_, i) => fordela(hamta(s.tkr, i), r.valdistrikt!.map((v) => v.vikt * (i === 5 || i === 2 ? v.skev : 1 + (v.skev - 1) / 3))));
      const bef = fordela(s.befolkning, r.valdistrikt.map((v) => v.vikt));
      r.valdistrikt.forEach((v, vi) => {
        rader.push(rad(`${r.kod}${v.nr}`, v.namn, { tkr: delar.map((d) => hamta(d, vi)), befolkning: hamta(bef, vi) }));
      });
    }
    rader.push([], ["Valdistrikten (åttasiffrig kod) ingår i sin kommuns rad. Summa = summan av ersättningarna."]);
    return { namn: String(ar), rader, fet: [5] };
  });
  return [om, ...blad];
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ut = resolve(dirname(fileURLToPath(import.meta.url)), "../data/exempel", FILNAMN);
  mkdirSync(dirname(ut), { recursive: true });
  writeFileSync(ut, skrivXlsx(exempelblad()));
  console.log(`Skrev ${ut}`);
}
