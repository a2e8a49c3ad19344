// Hjälpfunktioner för analysanteckningarna i src/analyser/ (docs/analyser.md): läsa en
// publicerad utdatatabell till en arquero-tabell, svenska namn och talformat, och meningar
// byggda av talen. Allt här är rena beräkningar utan DOM, så att testerna kan köra samma
// anteckningar i Node (test/analyser.test.ts). Diagram och tabeller: analysvyer.ts.
import aq from "arquero/dist/arquero.js";
import type { ColumnTable } from "arquero";

export { aq };
/** arqueros funktioner för uttryck (op.sum, op.mean …), som i anteckningarnas kod. */
export const op = aq.op;
export type Tabell = ColumnTable;
// Webbplatsens svenska talformat (format.js): formatTal, formatHeltal, formatProcent,
// formatDifferens, formatProcentenheter, formatPeriod, formatHalvarRubrik, formatFonster …
export * from "./format.js";

/**
 * Kolumner som alltid är text i utdatafilerna (docs/utdata.md), även när de ser ut som tal:
 * kommunkoden `0180`, riket `00`, år `2024`, månader och perioder.
 */
export const TEXTKOLUMNER = [
  "niva", "kod", "namn", "manad", "period", "halvar", "ar", "kon", "alder", "fodelseregion", "status",
  "inkomstkalla", "inkomstniva", "matt", "ersattning", "grupp", "aldersgrupp", "forbund", "forbund_namn",
  "kommunkod", "kommun", "lan", "giltig_fran", "giltig_till", "insats", "fran", "till", "slutsats"
];

const somText = (s: string): string | null => (s === "" ? null : s);

/**
 * En utdatafil (CSV-text, docs/utdata.md) som arquero-tabell. Textkolumnerna (TEXTKOLUMNER)
 * förblir text; övriga kolumner blir tal, och ett tomt fält blir null (saknat, aldrig 0).
 */
export function tolkaUtdata(csv: string): ColumnTable {
  const rubriker = (csv.split("\n", 1)[0] ?? "").split(",");
  const parse = Object.fromEntries(rubriker.filter((k) => TEXTKOLUMNER.includes(k)).map((k) => [k, somText]));
  return aq.fromCSV(csv, { parse });
}

/**
 * Läser en publicerad utdatatabell (docs/utdata.md):
 * `const malgrupp = lasTabell(await FileAttachment("../data/malgrupp.csv").text())`.
 * Bara de skyddade utdatafilerna i src/data/ finns att läsa (docs/analyser.md). Skriv alltid
 * `.text()` direkt efter FileAttachment: annars tror Framework att sidan behöver d3-dsv från
 * ett CDN, och bygget misslyckas.
 */
export function lasTabell(csv: string): ColumnTable {
  return tolkaUtdata(csv);
}

/**
 * Kolumnerna i `namn` som tabellen saknar läggs till, tomma (null). Efter `pivot` finns bara
 * kolumner för de värden som finns i underlaget: utan män i underlaget finns ingen kolumn
 * `man`, och en tom tabell får inga kolumner alls. `medKolumner(t.pivot("kon", "andel"),
 * ["alla", "kvinnor", "man"])` ger alltid alla tre.
 */
export function medKolumner(t: ColumnTable, namn: readonly string[]): ColumnTable {
  const finns = new Set(t.columnNames());
  const saknas = namn.filter((n) => !finns.has(n));
  return saknas.length === 0 ? t : t.derive(Object.fromEntries(saknas.map((n) => [n, () => null])));
}

/**
 * Förbundet en anteckning gäller: `foredraget` om underlaget har det, annars det första (i
 * id-ordning) av `kandidater` (förbunden som har det analysen behöver), annars null.
 */
export function valjForbund(kandidater: Iterable<string | null>, foredraget: string): string | null {
  const finns = [...new Set(kandidater)].filter((k): k is string => typeof k === "string" && k !== "").sort();
  return finns.includes(foredraget) ? foredraget : (finns[0] ?? null);
}

/** Indata som varje tabell räknas ur, och var i projektets dokumentation det står hur de läggs till. */
const INDATA: Record<string, { vad: string; hur: string }> = {
  helarsekvivalenter: {
    vad: "SCB:s helårsekvivalenter per månad (HE0000T02N2, PxWeb-tabellen TAB1386)",
    hur: "docs/scb-nedladdning.md (Helårsekvivalenter)"
  },
  helarsekvivalenter_halvar: {
    vad: "SCB:s helårsekvivalenter per månad (HE0000T02N2, PxWeb-tabellen TAB1386) för minst ett helt halvår och samma halvår året före",
    hur: "docs/scb-nedladdning.md (Helårsekvivalenter)"
  },
  malgrupp: {
    vad: "SCB:s BAS-tabell över huvudsaklig inkomstkälla för 20–64 år (ArbStatFoT1, PxWeb-tabellen TAB1784, eller ArbStatHuv)",
    hur: "docs/scb-nedladdning.md (BAS, Befolkningens arbetsmarknadsstatus)"
  },
  arbetsmarknadsstatus: {
    vad: "SCB:s BAS-tabell över arbetsmarknadsstatus per månad (ArbStatusM, PxWeb-tabellen TAB6260)",
    hur: "docs/scb-nedladdning.md (BAS, Befolkningens arbetsmarknadsstatus)"
  },
  forsorjningsmatt: { vad: "SCB:s arbetsbok med försörjningsmått (.xlsx)", hur: "docs/scb-nedladdning.md (Försörjningsmått)" },
  insatser_nyckeltal: {
    vad: "förbundets deltagaruppgifter (en fil per insats eller team med deltagarnas start, avslut och utfall)",
    hur: "docs/indata.md (Deltagaruppgifter)"
  },
  insatser_jamstalldhet: {
    vad: "förbundets deltagaruppgifter (en fil per insats eller team med deltagarnas start, avslut och utfall)",
    hur: "docs/indata.md (Deltagaruppgifter)"
  }
};

/**
 * Vad som saknas när en publicerad tabell är tom, och hur det läggs till:
 * `indataSaknas("malgrupp")` -> "malgrupp.csv är tom: underlaget saknar SCB:s BAS-tabell …".
 */
export function indataSaknas(tabell: string): string {
  const i = INDATA[tabell];
  const vad = i ? `underlaget saknar ${i.vad}` : "underlaget saknar den indata tabellen räknas ur";
  const hur = i ? `hur filen hämtas står i ${i.hur}` : "vilka filer som läses står i docs/indata.md";
  return `${tabell}.csv är tom: ${vad}. Lägg filen i datakatalogen och bygg webbplatsen igen (FINSAM_DATA=<datakatalogen> npm run build); ${hur} i projektet.`;
}

/**
 * Större utdatafiler än så (byte, okomprimerat) läses först när läsaren ber om det: en sida får
 * hämta högst 300 kB (gzip) när den öppnas, och en nationell datakatalog gör halvårstabellen
 * omkring 20 MB (docs/analyser.md, Vilka data finns).
 */
export const STOR_FIL = 5_000_000;

/** Rubrikraden i de utdatafiler som kan vara för stora att läsa in direkt (docs/utdata.md). */
const RUBRIKER: Record<string, string> = {
  helarsekvivalenter_halvar: "niva,kod,namn,halvar,kon,ersattning,varde,varde_foregaende_ar,differens"
};

/** En tabell utan rader med utdatafilens kolumner, för en fil som inte har lästs in än. */
export function tomTabell(namn: string): ColumnTable {
  const rubrik = RUBRIKER[namn];
  if (rubrik === undefined) throw new Error(`ingen rubrikrad för ${namn}`);
  return tolkaUtdata(`${rubrik}\n`);
}

const KONSNAMN: Record<string, string> = { alla: "Alla", kvinnor: "Kvinnor", man: "Män" };
/** "kvinnor" -> "Kvinnor", "man" -> "Män", "alla" -> "Alla". */
export const konNamn = (kon: string): string => KONSNAMN[kon] ?? kon;

const ERSATTNINGSNAMN: Record<string, string> = {
  sjukpenning: "Sjukpenning",
  sjuk_aktivitetsersattning: "Sjuk- och aktivitetsersättning",
  arbetsloshet: "Arbetslöshetsersättning",
  arbetsmarknadsatgarder: "Arbetsmarknadsåtgärder",
  etableringsersattning: "Etableringsersättning",
  ekonomiskt_bistand: "Ekonomiskt bistånd",
  summa: "Summa"
};
/** Ersättningens namn: "sjukpenning" -> "Sjukpenning". */
export const ersattningNamn = (kod: string): string => ERSATTNINGSNAMN[kod] ?? kod;

const GRUPPNAMN: Record<string, string> = {
  ohalsa: "Ohälsa",
  arbetsmarknadsstod: "Arbetsmarknadsstöd",
  ekonomiskt_bistand: "Ekonomiskt bistånd",
  total: "Totalt"
};
/** Försörjningsmåttets grupp: "ohalsa" -> "Ohälsa". */
export const gruppNamn = (kod: string): string => GRUPPNAMN[kod] ?? kod;

const FODELSEREGIONER: Record<string, string> = { totalt: "Alla", sverige: "Inrikes födda", utrikes: "Utrikes födda" };
/** Födelseregion: "utrikes" -> "Utrikes födda". */
export const fodelseregionNamn = (kod: string): string => FODELSEREGIONER[kod] ?? kod;

/** Texten med stor första bokstav, för en mening som börjar med en period: "juli–dec 2025 …" -> "Juli–dec 2025 …". */
export function versal(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** En uppräkning på svenska: ["a", "b", "c"] -> "a, b och c". */
export function uppraknat(lista: readonly string[]): string {
  if (lista.length <= 1) return lista.join("");
  return `${lista.slice(0, -1).join(", ")} och ${lista.at(-1)}`;
}

/** Raderna i en tabell som objekt (för text och diagram). */
export function rader<T = Record<string, unknown>>(t: ColumnTable): T[] {
  return t.objects() as T[];
}

/** Ett enda värde ur en tabell med en rad: `varde(t, "antal")`; saknas raden är det null. */
export function varde(t: ColumnTable, kolumn: string): number | null {
  if (t.numRows() !== 1) throw new Error(`väntade en rad, tabellen har ${t.numRows()}`);
  const v = t.get(kolumn, 0) as unknown;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * Rangkorrelation (Spearman) mellan två kolumner, med medelrang vid lika värden. Rader där
 * något av värdena saknas tas inte med. Ger null med färre än tre rader.
 */
export function rangkorrelation(t: ColumnTable, x: string, y: string): number | null {
  const par = (t.objects() as Record<string, unknown>[])
    .map((d) => [d[x], d[y]] as const)
    .filter((p): p is readonly [number, number] => typeof p[0] === "number" && typeof p[1] === "number");
  if (par.length < 3) return null;
  const rang = (v: number[]): number[] => {
    const ordning = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < ordning.length; ) {
      let j = i;
      while (j + 1 < ordning.length && ordning[j + 1]![0] === ordning[i]![0]) j++;
      for (let k = i; k <= j; k++) r[ordning[k]![1]] = (i + j) / 2 + 1;
      i = j + 1;
    }
    return r;
  };
  const rx = rang(par.map((p) => p[0]));
  const ry = rang(par.map((p) => p[1]));
  const n = par.length;
  const mx = rx.reduce((s, v) => s + v, 0) / n;
  const my = ry.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Hur starkt ett samband är, i ord (|r| < 0,3 svagt, < 0,6 måttligt, annars starkt). */
export function sambandIOrd(r: number | null): string {
  if (r === null) return "går inte att bedöma";
  const styrka = Math.abs(r) < 0.3 ? "svagt" : Math.abs(r) < 0.6 ? "måttligt" : "starkt";
  return `${styrka} ${r >= 0 ? "positivt" : "negativt"}`;
}

/**
 * 95 % Wilsonintervall för en andel k av n (samma metod som pipelinen använder för
 * andel_mal, docs/definitioner/insatser.md). Ger null när n är 0 eller saknas.
 */
export function wilson(k: number | null, n: number | null, z = 1.959963984540054): { lag: number; hog: number } | null {
  if (k === null || n === null || !(n > 0)) return null;
  const p = k / n;
  const z2 = z * z;
  const mitt = (p + z2 / (2 * n)) / (1 + z2 / n);
  const halv = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lag: Math.max(0, mitt - halv), hog: Math.min(1, mitt + halv) };
}
