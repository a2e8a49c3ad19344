// Diagram och tabeller för analysanteckningarna (src/analyser/, docs/analyser.md). Samma
// byggstenar som webbplatsens övriga sidor: ett diagram har alltid rubrik, textalternativ och
// tabellvy ("Visa som tabell"), och varje tabell har knapparna för nedladdning.
// Indata är arquero-tabeller (analys.ts).
import { diagramkort, somBild } from "./diagram.js";
import { el, rullbar, tabell as domtabell, visaSomTabell } from "./dom.js";
import { doltMarkering } from "./insatsvyer.js";

/**
 * @typedef {object} Kolumn
 * @property {string} kolumn kolumnens namn i tabellen
 * @property {string} rubrik kolumnrubriken som visas
 * @property {(v: any, d: any) => string} [format] text för värdet (t.ex. formatProcent)
 * @property {boolean} [radrubrik] cellen är radens rubrik
 * @property {(d: any) => boolean} [dold] värdet är skyddat och visas som "•"
 */

/**
 * En HTML-tabell av en arquero-tabell, utan knappar (för diagrammets tabellvy).
 * @param {import("arquero").ColumnTable} t
 * @param {{bildtext: string, kolumner: Kolumn[]}} alternativ
 */
function htmlTabell(t, { bildtext, kolumner }) {
  const kolumnerna = kolumner.map((k) => ({
    rubrik: k.rubrik,
    radrubrik: k.radrubrik ?? false,
    tal: !k.radrubrik && k.format !== undefined,
    varde: (d) => (k.dold?.(d) ? doltMarkering() : k.format ? k.format(d[k.kolumn], d) : String(d[k.kolumn] ?? "–"))
  }));
  return domtabell({ bildtext, kolumner: kolumnerna, rader: t.objects() });
}

/**
 * En tabell med bildtext och knapparna för nedladdning (Excel och vanlig CSV).
 * @param {import("arquero").ColumnTable} t
 * @param {{bildtext: string, kolumner: Kolumn[]}} alternativ
 */
export function visaTabell(t, alternativ) {
  return rullbar(htmlTabell(t, alternativ));
}

/**
 * Ritar diagrammet i den bredd som finns (kortets bredd, också på en mobil) och ritar om det
 * när bredden ändras. Inget ritas förrän bredden är känd (annars får Plot negativa mått).
 * @param {(bredd: number) => Element} rita
 * @param {string} alt
 */
function anpassadBredd(rita, alt) {
  const yta = el("div", { class: "analysdiagram" });
  let senast = -1;
  const ritaOm = (bredd) => {
    const b = Math.floor(bredd);
    if (b <= 0 || b === senast) return;
    senast = b;
    yta.replaceChildren(somBild(rita(b), alt));
  };
  new ResizeObserver((poster) => ritaOm(poster[0]?.contentRect.width ?? 0)).observe(yta);
  return yta;
}

/**
 * Ett diagram med rubrik, textalternativ (läses upp av skärmläsare och står under rubriken)
 * och tabellvyn med samma data. `diagram` är en funktion av bredden:
 * `(width) => Plot.plot({width, …})`.
 * @param {{titel: string, beskrivning: string, diagram: (bredd: number) => Element, tabell: import("arquero").ColumnTable, kolumner: Kolumn[], bildtext?: string, fotnot?: string | null}} alternativ
 */
export function diagramMedTabell({ titel, beskrivning, diagram, tabell, kolumner, bildtext = titel, fotnot = null }) {
  // Utan rader (t.ex. en webbplats byggd bara från SCB:s filer) ritas inget tomt diagram.
  const antal = typeof tabell?.numRows === "function" ? tabell.numRows() : tabell?.length;
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

/**
 * Text byggd av talen, som ett stycke per mening.
 * @param {string[]} meningar
 */
export function textAvTalen(meningar) {
  return el("div", { class: "analystext" }, meningar.map((m) => el("p", null, m)));
}

/**
 * Rutan som säger att en anteckning saknar sin indata (texten från indataSaknas i analys.ts),
 * i stället för ett fel eller ett tomt diagram.
 * @param {string} text
 */
export function saknadIndata(text) {
  return el("section", { class: "card ingen-data", role: "status" }, el("h3", null, "Indata saknas"), el("p", null, text));
}
