// Diagram och tabeller för analysanteckningarna (src/analyser/, docs/analyser.md). Samma
// byggstenar som webbplatsens övriga sidor: ett diagram har alltid rubrik, textalternativ och
// tabellvy ("Visa som tabell"), och varje tabell har knapparna för nedladdning.
// Indata är arquero-tabeller (analys.ts).
import type { ColumnTable } from "arquero";
import { diagramkort, somBild } from "./diagram.js";
import { el, rullbar, tabell as domtabell } from "./dom.js";
import { doltMarkering } from "./insatsvyer.js";

/** En rad i en arquero-tabell (`t.objects()`): kolumnens namn → värdet. */
export type Tabellrad = Record<string, unknown>;

/** En kolumn i en tabell (`visaTabell`) eller i ett diagrams tabellvy (`diagramMedTabell`). */
export interface Kolumn {
  /** Kolumnens namn i tabellen. */
  kolumn: string;
  /** Kolumnrubriken som visas. */
  rubrik: string;
  /**
   * Text för värdet, t.ex. `formatHeltal` eller `(v) => formatProcent(v)`; `d` är hela raden.
   * Värdet är `any` eftersom formatet väljs efter kolumnen (formatHeltal tar ett tal).
   */
  format?: (v: any, d: Tabellrad) => string;
  /** Cellen är radens rubrik. */
  radrubrik?: boolean;
  /** Värdet är skyddat och visas som "•". */
  dold?: (d: Tabellrad) => boolean;
}

/** Tabellens bildtext och kolumner (`visaTabell`). */
export interface Tabellalternativ {
  bildtext: string;
  kolumner: Kolumn[];
}

/** En HTML-tabell av en arquero-tabell, utan knappar (för diagrammets tabellvy). */
function htmlTabell(t: ColumnTable, { bildtext, kolumner }: Tabellalternativ): HTMLTableElement {
  const kolumnerna = kolumner.map((k) => ({
    rubrik: k.rubrik,
    radrubrik: k.radrubrik ?? false,
    tal: !k.radrubrik && k.format !== undefined,
    varde: (d: Tabellrad) => (k.dold?.(d) ? doltMarkering() : k.format ? k.format(d[k.kolumn], d) : String(d[k.kolumn] ?? "–"))
  }));
  return domtabell({ bildtext, kolumner: kolumnerna, rader: t.objects() as Tabellrad[] });
}

/** En tabell med bildtext och knapparna för nedladdning (Excel och vanlig CSV). */
export function visaTabell(t: ColumnTable, alternativ: Tabellalternativ): HTMLElement {
  return rullbar(htmlTabell(t, alternativ));
}

/**
 * Ritar diagrammet i den bredd som finns (kortets bredd, också på en mobil) och ritar om det
 * när bredden ändras. Inget ritas förrän bredden är känd (annars får Plot negativa mått).
 */
function anpassadBredd(rita: (bredd: number) => Element, alt: string): HTMLElement {
  const yta = el("div", { class: "analysdiagram" });
  let senast = -1;
  const ritaOm = (bredd: number): void => {
    const b = Math.floor(bredd);
    if (b <= 0 || b === senast) return;
    senast = b;
    yta.replaceChildren(somBild(rita(b), alt));
  };
  new ResizeObserver((poster) => ritaOm(poster[0]?.contentRect.width ?? 0)).observe(yta);
  return yta;
}

/** Diagrammet och dess tabellvy (`diagramMedTabell`). */
export interface Diagramalternativ {
  titel: string;
  /** Textalternativet: läses upp av skärmläsare och står under rubriken. */
  beskrivning: string;
  /** Diagrammet som en funktion av bredden: `(width) => Plot.plot({width, …})`. */
  diagram: (bredd: number) => Element;
  /** Datan i tabellvyn. */
  tabell: ColumnTable;
  kolumner: Kolumn[];
  /** Tabellvyns bildtext (standard: titeln). */
  bildtext?: string;
  fotnot?: string | null;
}

/**
 * Ett diagram med rubrik, textalternativ (läses upp av skärmläsare och står under rubriken)
 * och tabellvyn med samma data. `diagram` är en funktion av bredden:
 * `(width) => Plot.plot({width, …})`.
 */
export function diagramMedTabell({ titel, beskrivning, diagram, tabell, kolumner, bildtext = titel, fotnot = null }: Diagramalternativ): HTMLElement {
  // Utan rader (t.ex. en webbplats byggd bara från SCB:s filer) ritas inget tomt diagram.
  // Anteckningarna är JavaScript: en tom lista i stället för en tabell är också utan rader.
  const antal = typeof tabell?.numRows === "function" ? tabell.numRows() : (tabell as unknown as unknown[] | undefined)?.length;
  if (antal === 0) {
    return el("section", { class: "card ingen-data", role: "status" }, el("h3", null, titel), el("p", null, "Det finns inga uppgifter för det här i underlaget, så det finns inget diagram."));
  }
  return diagramkort({
    titel,
    beskrivning,
    diagram: anpassadBredd(diagram, beskrivning),
    tabell: htmlTabell(tabell, { bildtext, kolumner }),
    rubrikniva: "h3",
    fotnot
  });
}

/** Text byggd av talen, som ett stycke per mening. */
export function textAvTalen(meningar: readonly string[]): HTMLElement {
  return el("div", { class: "analystext" }, meningar.map((m) => el("p", null, m)));
}

/**
 * Rutan som säger att en anteckning saknar sin indata (texten från indataSaknas i analys.ts),
 * i stället för ett fel eller ett tomt diagram.
 */
export function saknadIndata(text: string): HTMLElement {
  return el("section", { class: "card ingen-data", role: "status" }, el("h3", null, "Indata saknas"), el("p", null, text));
}
