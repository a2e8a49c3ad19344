// Utdrag: en mindre fil ur en av pipelinens utdatatabeller, för en sida som annars skulle läsa
// hela tabellen när den öppnas (docs/webbplatsen.md, "Anteckningarnas utdrag"). Utdraget har
// tabellens rubrikrad och kolumner oförändrade; bara raderna är färre. Modulen är ren JavaScript
// (dataladdarna körs med node utan tsx) och används också av testerna och publiceringsgrinden.
import { csvFormatRows, csvParseRows } from "d3-dsv";

/**
 * Utdragen, per filnamn: tabellen de tas ur och kolumnen vars senaste värde de behåller.
 * `malgrupp_senaste_manaden.csv`: raderna i malgrupp.csv för tabellens senaste månad (en
 * nationell malgrupp.csv är 7,5 MB, 1,2 MB gzip; en månad av den ungefär en trettiosjättedel).
 */
export const UTDRAG = {
  "malgrupp_senaste_manaden.csv": { tabell: "malgrupp.csv", kolumn: "manad" }
};

/**
 * Raderna i CSV-texten `csv` (med rubrikrad) vars värde i kolumnen `kolumn` är det största
 * (perioderna skrivs ÅÅÅÅ-MM, ÅÅÅÅ eller ÅÅÅÅ-H1, så den största i textordning är den senaste);
 * tomma värden räknas inte. Rubrikraden behålls alltid, också när tabellen inte har några rader.
 */
export function senastePerioden(csv, kolumn) {
  const rader = csvParseRows(csv);
  const rubrik = rader[0];
  if (rubrik === undefined) return "";
  const i = rubrik.indexOf(kolumn);
  if (i < 0) throw new Error(`tabellen har ingen kolumn ${kolumn} (rubrikraden: ${rubrik.join(",")})`);
  let senaste = "";
  for (let r = 1; r < rader.length; r++) {
    const v = rader[r][i] ?? "";
    if (v > senaste) senaste = v;
  }
  const behallna = [rubrik];
  if (senaste !== "") for (let r = 1; r < rader.length; r++) if (rader[r][i] === senaste) behallna.push(rader[r]);
  return `${csvFormatRows(behallna)}\n`;
}

/**
 * Tabellen som utdraget `namn` tas ur (`malgrupp_senaste_manaden.csv` -> `malgrupp.csv`), eller
 * undefined när `namn` inte är ett utdrag.
 * @param {string} namn
 * @returns {string | undefined}
 */
export function utdragetsTabell(namn) {
  return Object.hasOwn(UTDRAG, namn) ? UTDRAG[/** @type {keyof typeof UTDRAG} */ (namn)].tabell : undefined;
}

/** Utdraget `namn` (en nyckel i UTDRAG) ur texten i tabellen det tas ur. */
export function utdrag(namn, tabellensText) {
  const u = UTDRAG[namn];
  if (u === undefined) throw new Error(`${namn} är inget utdrag`);
  return senastePerioden(tabellensText, u.kolumn);
}
