/**
 * The report as one self-contained HTML document for printing: the report's HTML and CSS from
 * src/components/styrelserapport.ts (the same as the site's page) plus the print rules. No
 * scripts, no links, nothing fetched: the fonts are the system's (Liberation Sans).
 */
import { esc, rapportHtml, RAPPORT_CSS, utskriftCss, type Rapport } from "../../src/components/styrelserapport.js";

export function rapportdokument(rapport: Rapport, alternativ: { sidor?: Record<string, number>; kalla?: string } = {}): string {
  const titel = `${rapport.typ} ${rapport.ar}: ${rapport.forbundsnamn}`;
  return (
    `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${esc(titel)}</title>` +
    `<meta name="description" content="${esc(`Statistik och ekonomi för ${rapport.forbundsnamn}, ${rapport.period}`)}">` +
    `<style>${RAPPORT_CSS}${utskriftCss(rapport)}</style></head><body>` +
    rapportHtml(rapport, alternativ) +
    `</body></html>`
  );
}
