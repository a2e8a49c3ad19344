// Tabeller och diagram för sidan Ekonomi. Tabellernas innehåll (rubriker och celler som
// text) kommer från modellerna i ekonomi.ts; här byggs bara element.
import * as Plot from "@observablehq/plot";
import { max } from "d3";
import { diagramkort, somBild } from "./diagram.js";
import { el, tabell } from "./dom.js";
import type { Modellrad, SeriePunkt, Tabellmodell } from "./ekonomi.js";
import { formatHeltal } from "./format.js";

/** En tabellmodell som tillgänglig tabell: första kolumnen är radrubrik, summarader i fetstil. */
export function modellTabell(modell: Tabellmodell): HTMLTableElement {
  const [forsta, ...ovriga] = modell.kolumner;
  return tabell<Modellrad>({
    bildtext: modell.bildtext,
    rader: modell.rader,
    radklass: (r) => (r.klass ? `ekonomirad-${r.klass}` : null),
    kolumner: [
      { rubrik: forsta?.rubrik ?? "", radrubrik: true, varde: (r) => r.rubrik },
      ...ovriga.map((k, i) => ({ rubrik: k.rubrik, tal: k.tal ?? false, varde: (r: Modellrad) => r.celler[i] ?? "" }))
    ]
  });
}

/** Färger: bokslut mörkblå, prognos och budget ljusblå, högsta nivån orange, golvet mörkgrått. */
export const EK_FARGER: Record<"bokslut" | "prognos" | "hogst" | "lagst", string> = { bokslut: "#4269d0", prognos: "#97bbf5", hogst: "#7b3fb0", lagst: "#3f4450" };
const UNDERLAGSNAMN: Record<string, string> = { bokslut: "Bokslut", prognos: "Prognos", budget: "Enligt budget" };

/**
 * Eget kapital per år som staplar (bokslut mörka, prognos och budget ljusa) mot den högsta
 * nivån (andelen av årets bas, streckad linje) och förbundets golv (prickad linje).
 */
export function egetKapitalDiagram(serie: readonly SeriePunkt[], { width, alt, hogstText }: { width: number; alt: string; hogstText: string }): Element {
  const forsta = serie[0]?.ar ?? 0;
  const sista = serie.at(-1)?.ar ?? 0;
  const ar = Array.from({ length: sista - forsta + 1 }, (_, i) => String(forsta + i));
  const staplar = serie.filter((d) => d.egetKapital != null).map((d) => ({ ...d, x: String(d.ar), typ: d.underlag === "bokslut" ? "Bokslut" : "Prognos eller budget" }));
  // Ett år utan värde bryter linjen (åren utan uppgift, som 2019–2021 för Södra Dalarna).
  const perAr = new Map(serie.map((d) => [String(d.ar), d.hogst]));
  const hogst = ar.map((x) => ({ x, y: perAr.get(x) ?? null }));
  const hogstPunkter = hogst.filter((d) => d.y != null);
  const lagst = serie.find((d) => d.lagst != null)?.lagst ?? null;
  const topp = max([...staplar.map((d) => d.egetKapital ?? 0), ...hogstPunkter.map((d) => d.y ?? 0), lagst ?? 0]) ?? 0;
  const smal = width < 560;
  // Etiketterna till höger om den sista stapeln (ett halvt band åt höger från dess mitt).
  const halvtBand = (width - 64 - (smal ? 16 : 110)) / Math.max(1, ar.length) / 2;
  return somBild(
    Plot.plot({
      width,
      height: 340,
      marginLeft: 64,
      marginRight: smal ? 16 : 110,
      marginBottom: 36,
      ariaLabel: alt,
      x: { domain: ar, label: null, tickFormat: (d, i) => (smal && ar.length > 10 && i % 2 ? "" : d), padding: 0.25 },
      y: { label: "tkr", domain: [0, topp * 1.1], grid: true, tickFormat: (d) => formatHeltal(d) },
      color: { domain: ["Bokslut", "Prognos eller budget"], range: [EK_FARGER.bokslut, EK_FARGER.prognos], legend: true },
      marks: [
        Plot.barY(staplar, {
          x: "x",
          y: "egetKapital",
          fill: "typ",
          title: (d) => `${d.ar}: eget kapital ${formatHeltal(d.egetKapital)} tkr (${(UNDERLAGSNAMN[d.underlag] ?? d.underlag).toLowerCase()})`
        }),
        Plot.lineY(hogst, { x: "x", y: "y", stroke: EK_FARGER.hogst, strokeWidth: 2, strokeDasharray: "6,4", curve: "step" }),
        Plot.dot(hogstPunkter, { x: "x", y: "y", fill: EK_FARGER.hogst, r: 2.5, title: (d) => `${d.x}: ${hogstText} ${formatHeltal(d.y)} tkr` }),
        lagst != null ? Plot.ruleY([lagst], { stroke: EK_FARGER.lagst, strokeWidth: 1.5, strokeDasharray: "2,3" }) : null,
        smal
          ? null
          : Plot.text(hogstPunkter.slice(-1), { x: "x", y: "y", text: () => hogstText, dx: halvtBand + 4, textAnchor: "start", fill: EK_FARGER.hogst, fontWeight: 600 }),
        lagst != null && !smal ? Plot.text([lagst], { x: () => ar.at(-1), y: (d) => d, text: () => "Lägsta nivå", dx: halvtBand + 4, dy: 10, textAnchor: "start", fill: EK_FARGER.lagst }) : null,
        Plot.ruleY([0])
      ]
    }),
    alt
  );
}

/**
 * Kortet med diagrammet (ritat av egetKapitalDiagram, gärna i Frameworks resize), dess
 * beskrivning och tabellen med samma data.
 */
export function egetKapitalKort({ titel, beskrivning, serie, hogstText, diagram }: {
  titel: string;
  beskrivning: string;
  serie: readonly SeriePunkt[];
  hogstText: string;
  diagram: Node;
}): HTMLElement {
  const tabellvy = tabell<SeriePunkt>({
    bildtext: `${titel} (tkr)`,
    rader: serie,
    kolumner: [
      { rubrik: "År", radrubrik: true, varde: (d) => String(d.ar) },
      { rubrik: "Eget kapital 31/12 (tkr)", tal: true, varde: (d) => formatHeltal(d.egetKapital) },
      { rubrik: `${hogstText} (tkr)`, tal: true, varde: (d) => formatHeltal(d.hogst) },
      ...(serie.some((d) => d.lagst != null) ? [{ rubrik: "Lägsta nivå (tkr)", tal: true, varde: (d: SeriePunkt) => formatHeltal(d.lagst) }] : []),
      { rubrik: "Underlag", varde: (d) => UNDERLAGSNAMN[d.underlag] ?? d.underlag }
    ]
  });
  return diagramkort({ titel, beskrivning, diagram, tabell: tabellvy });
}

/** En rad med regelns utfall: en markering (✓ eller ✗, med text för skärmläsare) och meningen. */
export function regelrad({ uppfyllt, text }: { uppfyllt: boolean; text: string }): HTMLElement {
  return el(
    "li",
    { class: uppfyllt ? "regel-uppfylld" : "regel-ej-uppfylld" },
    el("span", { class: "regelmarkering", "aria-hidden": "true" }, uppfyllt ? "✓" : "✗"),
    el("span", { class: "visuellt-dold" }, uppfyllt ? "Uppfyllt: " : "Inte uppfyllt: "),
    text
  );
}
