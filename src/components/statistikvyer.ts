// Diagram och tabeller för sidorna Arbetsmarknadsstatus och Befolkning och försörjning och
// för de nya måtten på Jämförelse mellan förbund. Logiken (tolkning, urval, texter) finns i
// statistik.ts; här byggs bara element. Alla tal formateras med format.ts.
import * as Plot from "@observablehq/plot";
import { max, min, tickStep, ticks as d3ticks } from "d3";
import { ERSATTNINGSFARGER, KON, KONSFARGER } from "./data.js";
import { somBild, type Diagramval } from "./diagram.js";
import { tabell } from "./dom.js";
import { formatAxelManad, formatHeltal, formatManad, formatPeriod, formatProcent, formatTal } from "./format.js";
import {
  FORSORJNINGSGRUPPER, alderNamn, formatKronor, formatKvot, gruppNamn,
  type ForsorjningsmattRad, type Grupp, type KonPost, type MalgruppRad, type PyramidGrupp
} from "./statistik.js";
import type { Kategori } from "./data.js";

/** Ett diagram från Plot (en svg, eller en figur med förklaring). */
type Diagram = SVGSVGElement | HTMLElement;
/** Ett värde per år i en serie (regionen eller en referens). */
export interface Arsvarde {
  serie: string;
  ar: number;
  varde: number | null;
  referens?: boolean;
}

/** Mörkgrå för referenslinjer och totalen (samma som på övriga sidor). */
export const REFERENSFARG = "#3f4450";
/**
 * Sex färger för kategorier (samma som ersättningarna på sidan Helårsekvivalenter): går att
 * skilja åt vid vanlig färgblindhet och i gråskala tillsammans med etiketterna.
 */
export const KATEGORIFARGER = ERSATTNINGSFARGER;
/**
 * Förbundens färger (samma lista på sidan Jämförelse mellan förbund): åtta färger som skiljer
 * sig i både kulör och ljushet (inga två röda eller orange), minst 3:1 mot vit bakgrund, och
 * utan orange och blågrönt, som betyder kvinnor och män (docs/webbplatsen.md, Färger).
 */
export const FORBUNDSPALETT: readonly string[] = ["#2f5fb3", "#7b3fb0", "#2e7d32", "#c0397a", "#8d7a00", "#5d4037", "#0d1b4c", "#4f8fd6"];
/** Ett förbund har samma färg i alla diagram: färg efter namnets plats i bokstavsordning. */
export function forbundsfarger(namn: Iterable<string>): Map<string, string> {
  const sorterade = [...new Set(namn)].sort((a, b) => a.localeCompare(b, "sv"));
  return new Map(sorterade.map((n, i) => [n, FORBUNDSPALETT[i % FORBUNDSPALETT.length]!]));
}
/** Färger för regionen och referenserna i årsserier: vald region blå, länet mörkgrått, riket grått. */
export const SERIEFARG = { region: "#4269d0", lan: "#3f4450", riket: "#767676" };
const KONFARG = new Map(KON.map((k, i) => [k.kod, KONSFARGER[i]!]));
const KONSYMBOL = new Map([
  ["alla", "square"],
  ["kvinnor", "circle"],
  ["man", "diamond"]
]);
const konNamn = (kod: string): string => KON.find((k) => k.kod === kod)?.namn ?? kod;

/** Tidsaxel för månader: svenska månadsnamn, bara år för långa serier. */
function manadsaxel(datum: readonly (Date | null)[], width: number): Plot.ScaleOptions {
  const forsta = min(datum, (d) => d ?? undefined);
  const sista = max(datum, (d) => d ?? undefined);
  if (!forsta || !sista) return { type: "utc", label: null };
  const ar = (sista.getTime() - forsta.getTime()) / (365.25 * 864e5);
  if (ar > 3 || (ar > 1.5 && width < 560)) return { type: "utc", label: null, ticks: "1 year", tickFormat: (d: Date) => String(d.getUTCFullYear()) };
  return { type: "utc", label: null, ticks: ar > 1.5 || width < 560 ? "6 months" : "3 months", tickFormat: formatAxelManad };
}

/** Årsaxel (år som tal). */
function arsaxel(ar: readonly number[], width: number): Plot.ScaleOptions {
  const lista = [...new Set(ar)].sort((a, b) => a - b);
  const steg = lista.length > 8 && width < 560 ? 2 : 1;
  return { label: null, ticks: lista.filter((_, i) => i % steg === 0), tickFormat: (d: number) => String(d), inset: 12 };
}

/** En procentaxel med lagom många decimaler. */
function procentaxel(
  varden: readonly (number | null)[],
  etikett: string,
  { noll = true, antal = 5, tak = null }: { noll?: boolean; antal?: number; tak?: number | null } = {}
): Plot.ScaleOptions {
  let lo = noll ? 0 : (min(varden, (d) => d ?? undefined) ?? 0);
  let hi = tak ?? max(varden, (d) => d ?? undefined) ?? 0;
  if (!(hi > lo)) hi = lo + 0.01;
  if (!noll) {
    // Minst en procentenhet mellan axelns ändar, så att brus inte ser ut som förändring.
    if (hi - lo < 0.01) {
      const mitt = (hi + lo) / 2;
      lo = mitt - 0.005;
      hi = mitt + 0.005;
    }
    const m = (hi - lo) * 0.15;
    lo = Math.max(0, lo - m);
    hi += m;
  } else if (tak == null) hi *= 1.05;
  const steg = tickStep(lo, hi, antal);
  const decimaler = Math.max(0, -Math.floor(Math.log10(steg * 100) + 1e-9));
  return { label: etikett, domain: [lo, hi], ticks: d3ticks(lo, hi, antal), tickFormat: (d: number) => formatProcent(d, decimaler), grid: true };
}

// ---- Statusfördelning ---------------------------------------------------------------

/**
 * Staplade andelar över tid (ytdiagram), en yta per kategori. Månader där någon kategori
 * saknas blir ett hål, inte en svacka.
 */
export function andelarOverTid(
  grupper: readonly Grupp[],
  { width, alt, kategorier, utan = null, kanon = kategorier }: Diagramval & { kategorier: readonly Kategori[]; utan?: string | null; kanon?: readonly Kategori[] }
): Diagram {
  const visade = kategorier.filter((k) => k.kod !== utan);
  const namn = visade.map((k) => k.namn);
  const manadsdatum = (g: Grupp) => new Date(Date.UTC(Number(g.grupp.slice(0, 4)), Number(g.grupp.slice(5, 7)) - 1, 1));
  const ytor: { datum: Date; namn: string; y1: number | null; y2: number | null }[] = [];
  for (const g of grupper) {
    const datum = manadsdatum(g);
    for (const d of g.delar) if (d.kod !== utan) ytor.push({ datum, namn: d.namn, y1: d.x1, y2: d.x2 });
  }
  const toppar = ytor.map((d) => d.y2).filter((y) => y != null);
  const tips = grupper.map((g) => ({
    datum: manadsdatum(g),
    topp: max(g.delar.filter((d) => d.kod !== utan), (d) => d.x2) ?? null,
    text: [formatPeriod(g.grupp), ...g.delar.slice().reverse().map((d) => `${d.namn}: ${formatProcent(d.andel, 1)}`)].join("\n")
  }));
  return somBild(
    Plot.plot({
      width,
      height: 360,
      marginLeft: 56,
      marginBottom: 40,
      ariaLabel: alt,
      x: manadsaxel(tips.map((d) => d.datum), width),
      y: procentaxel(toppar, utan ? "Andel av invånarna i åldersgruppen" : "Andel"),
      // Varje kategori har samma färg som i staplarna (efter sin plats i kanon).
      color: { domain: namn, range: visade.map((k) => KATEGORIFARGER[kanon.findIndex((c) => c.kod === k.kod)] ?? REFERENSFARG), legend: true },
      marks: [
        Plot.areaY(ytor, { x: "datum", y1: "y1", y2: "y2", z: "namn", fill: "namn", fillOpacity: 0.92 }),
        Plot.ruleY([0]),
        Plot.ruleX(tips, Plot.pointerX({ x: "datum", stroke: REFERENSFARG })),
        Plot.tip(tips, Plot.pointerX({ x: "datum", y: "topp", title: "text", lineHeight: 1.3 }))
      ]
    }),
    alt
  );
}

/**
 * Liggande 100 %-staplar, en stapel per grupp (åldersgrupp, födelseregion, kön).
 */
export function andelsstaplar(
  grupper: readonly Grupp[],
  { width, alt, kategorier, etikett }: Diagramval & { kategorier: readonly Kategori[]; etikett: (g: string) => string }
): Diagram {
  const namn = kategorier.map((k) => k.namn);
  const kompletta = grupper.filter((g) => g.komplett);
  const data = kompletta.flatMap((g) => g.delar.map((d) => ({ ...d, grupp: etikett(g.grupp) })));
  const smal = width < 560;
  const ordning = kompletta.map((g) => etikett(g.grupp));
  return somBild(
    Plot.plot({
      width,
      height: ordning.length * (smal ? 62 : 42) + 70,
      marginLeft: smal ? 8 : 170,
      marginRight: 16,
      marginTop: smal ? 24 : 10,
      ariaLabel: alt,
      x: procentaxel([], "Andel", { tak: 1, antal: smal ? 4 : 10 }),
      y: { domain: ordning, label: null, tickSize: 0, padding: smal ? 0.45 : 0.2, axis: smal ? null : "left" },
      color: { domain: namn, range: KATEGORIFARGER, legend: true },
      marks: [
        smal ? Plot.text(ordning, { y: (d) => d, text: (d) => d, frameAnchor: "left", dy: -21, fontWeight: 600, fontSize: 12 }) : null,
        Plot.rectX(data, {
          x1: "x1",
          x2: "x2",
          y: "grupp",
          fill: "namn",
          title: (d) => `${d.grupp}, ${d.namn.toLowerCase()}\n${formatProcent(d.andel, 1)} (${formatHeltal(d.antal)} personer)`,
          tip: true
        }),
        // Andelen skrivs i stapeln när den får plats.
        Plot.text(data.filter((d) => d.andel != null && d.andel >= (smal ? 0.1 : 0.05)), {
          x: (d) => (d.x1 + d.x2) / 2,
          y: "grupp",
          text: (d) => formatProcent(d.andel, 0),
          fill: (d) => (d.kod === kategorier[0]?.kod ? "#fff" : "#1b1e23"),
          fontSize: 11
        })
      ]
    }),
    alt
  );
}

/** Tabell för andelsstaplar och andelarOverTid: en rad per grupp, andel och antal per kategori. */
export function andelsTabell(
  grupper: readonly Grupp[],
  { bildtext, rubrik, etikett, kategorier, medAntal = true }: { bildtext: string; rubrik: string; etikett: (g: string) => string; kategorier: readonly Kategori[]; medAntal?: boolean }
): HTMLTableElement {
  return tabell({
    bildtext,
    rader: grupper,
    kolumner: [
      { rubrik, radrubrik: true, varde: (g: Grupp) => etikett(g.grupp) },
      ...kategorier.map((k) => ({ rubrik: k.namn, tal: true, varde: (g: Grupp) => formatProcent(g.delar.find((d) => d.kod === k.kod)?.andel, 1) })),
      ...(medAntal ? [{ rubrik: "Antal personer", tal: true, varde: (g: Grupp) => formatHeltal(g.totalt) }] : [])
    ]
  });
}

// ---- Målgruppen över tid -----------------------------------------------------------

/**
 * Andel per månad, en linje per kön (alla, kvinnor, män), med namnet vid linjens slut.
 */
export function andelPerKonOverTid(rader: readonly MalgruppRad[], { width, alt, etikett }: Diagramval & { etikett: string }): Diagram {
  const data = rader.filter((d) => d.andel != null && KONFARG.has(d.kon)).map((d) => ({ ...d, konNamn: konNamn(d.kon) }));
  const konsnamn = KON.map((k) => k.namn);
  const smal = width < 560;
  return somBild(
    Plot.plot({
      width,
      height: 320,
      marginLeft: 56,
      marginRight: smal ? 16 : 70,
      marginBottom: 40,
      ariaLabel: alt,
      x: manadsaxel(data.map((d) => d.datum), width),
      y: procentaxel(data.map((d) => d.andel), etikett, { noll: false }),
      color: { domain: konsnamn, range: KONSFARGER, legend: true },
      symbol: { domain: konsnamn, range: ["square", "circle", "diamond"] },
      marks: [
        Plot.lineY(data, { x: "datum", y: "andel", z: "konNamn", stroke: "konNamn", strokeWidth: (d) => (d.kon === "alla" ? 2.5 : 1.75) }),
        Plot.dot(data, Plot.selectLast({ x: "datum", y: "andel", z: "konNamn", fill: "konNamn", symbol: "konNamn", r: 4 })),
        smal
          ? null
          : Plot.text(data, Plot.selectLast({ x: "datum", y: "andel", z: "konNamn", text: "konNamn", fill: "konNamn", textAnchor: "start", dx: 8, fontSize: 11 })),
        Plot.tip(
          data,
          Plot.pointer({
            x: "datum",
            y: "andel",
            stroke: "konNamn",
            title: (d) => `${d.konNamn}, ${formatManad(d.datum)}\n${formatProcent(d.andel, 1)} (${formatHeltal(d.antal)} personer)`
          })
        )
      ]
    }),
    alt
  );
}

/** Tabell för andelPerKonOverTid: en rad per månad, andel och antal per kön. */
export function andelPerKonTabell(rader: readonly MalgruppRad[], bildtext: string): HTMLTableElement {
  const per = new Map<string, { tid: string; v: Map<string, MalgruppRad> }>();
  for (const d of rader) {
    let m = per.get(d.tid);
    if (!m) per.set(d.tid, (m = { tid: d.tid, v: new Map() }));
    m.v.set(d.kon, d);
  }
  return tabell({
    bildtext,
    rader: [...per.values()].sort((a, b) => b.tid.localeCompare(a.tid)),
    kolumner: [
      { rubrik: "Månad", radrubrik: true, varde: (m: { tid: string }) => formatPeriod(m.tid) },
      ...KON.map((k) => ({ rubrik: `${k.namn}, andel`, tal: true, varde: (m: { v: Map<string, MalgruppRad> }) => formatProcent(m.v.get(k.kod)?.andel, 1) })),
      ...KON.map((k) => ({ rubrik: `${k.namn}, antal`, tal: true, varde: (m: { v: Map<string, MalgruppRad> }) => formatHeltal(m.v.get(k.kod)?.antal) }))
    ]
  });
}

// ---- Inkomstkälla: kvinnor och män ---------------------------------------------------

/**
 * Kvinnor och män sida vid sida per kategori (andel av kvinnorna respektive männen).
 */
export function konStaplar(poster: readonly KonPost[], { width, alt, etikett }: Diagramval & { etikett: string }): Diagram {
  const kon = ["Kvinnor", "Män"];
  const data = poster.flatMap((p) =>
    ([["kvinnor", "Kvinnor", p.kvinnor, p.kvinnorAntal], ["man", "Män", p.man, p.manAntal]] as const)
      .filter(([, , andel]) => andel != null)
      .map(([, n, andel, antal]) => ({ namn: p.namn, kon: n, andel, antal: antal ?? null }))
  );
  const namn = poster.map((p) => p.namn);
  return somBild(
    Plot.plot({
      width,
      height: namn.length * 72 + 50,
      marginLeft: 4,
      marginRight: 60,
      marginTop: 24,
      ariaLabel: alt,
      x: { ...procentaxel(data.map((d) => d.andel), etikett, { antal: width < 560 ? 4 : 8 }), insetRight: 10 },
      y: { domain: kon, axis: null, padding: 0.12 },
      fy: { domain: namn, label: null, padding: 0.38, axis: null },
      color: { domain: kon, range: [KONSFARGER[1], KONSFARGER[2]], legend: true },
      marks: [
        Plot.text(namn, { fy: (d) => d, text: (d) => d, frameAnchor: "top-left", dy: -17, fontSize: 12, fontWeight: 600 }),
        Plot.barX(data, {
          x: "andel",
          y: "kon",
          fy: "namn",
          fill: "kon",
          title: (d) => `${d.namn}, ${d.kon.toLowerCase()}\n${formatProcent(d.andel, 1)} (${formatHeltal(d.antal)} personer)`,
          tip: true
        }),
        Plot.text(data, { x: "andel", y: "kon", fy: "namn", text: (d) => formatProcent(d.andel, 1), textAnchor: "start", dx: 4, fill: "currentColor", fontSize: 11 }),
        Plot.ruleX([0])
      ]
    }),
    alt
  );
}

/** Tabell för konStaplar. */
export function konStaplarTabell(poster: readonly KonPost[], { bildtext, rubrik }: { bildtext: string; rubrik: string }): HTMLTableElement {
  return tabell({
    bildtext,
    rader: poster,
    kolumner: [
      { rubrik, radrubrik: true, varde: (p) => p.namn },
      { rubrik: "Kvinnor, andel", tal: true, varde: (p) => formatProcent(p.kvinnor, 1) },
      { rubrik: "Män, andel", tal: true, varde: (p) => formatProcent(p.man, 1) },
      { rubrik: "Kvinnor, antal", tal: true, varde: (p) => formatHeltal(p.kvinnorAntal) },
      { rubrik: "Män, antal", tal: true, varde: (p) => formatHeltal(p.manAntal) }
    ]
  });
}

// ---- Befolkning ---------------------------------------------------------------------

/**
 * Befolkningspyramid: kvinnor till vänster, män till höger, yngst längst ned.
 */
export function befolkningspyramid(grupper: readonly PyramidGrupp[], { width, alt }: Diagramval): Diagram {
  const data = grupper.flatMap((g) => [
    ...(g.kvinnor != null ? [{ alder: g.alder, kon: "Kvinnor", varde: -g.kvinnor, antal: g.kvinnor, andel: g.andelKvinnor }] : []),
    ...(g.man != null ? [{ alder: g.alder, kon: "Män", varde: g.man, antal: g.man, andel: g.andelMan }] : [])
  ]);
  const storst = max(data, (d) => Math.abs(d.varde)) ?? 1;
  const aldrar = grupper.map((g) => g.alder).reverse();
  const smal = width < 560;
  return somBild(
    Plot.plot({
      width,
      height: Math.max(300, aldrar.length * 20 + 60),
      marginLeft: 50,
      marginRight: 10,
      ariaLabel: alt,
      x: {
        domain: [-storst * 1.05, storst * 1.05],
        label: "Antal personer (kvinnor till vänster, män till höger)",
        labelAnchor: "center",
        tickFormat: (d: number) => formatHeltal(Math.abs(d)),
        ticks: smal ? 4 : 8,
        grid: true
      },
      y: { domain: aldrar, label: "Ålder", tickSize: 0, padding: 0.1 },
      color: { domain: ["Kvinnor", "Män"], range: [KONSFARGER[1], KONSFARGER[2]], legend: true },
      marks: [
        Plot.barX(data, {
          x: "varde",
          y: "alder",
          fill: "kon",
          title: (d) => `${alderNamn(d.alder)}, ${d.kon.toLowerCase()}\n${formatHeltal(d.antal)} personer (${formatProcent(d.andel, 1)} av befolkningen)`,
          tip: true
        }),
        Plot.ruleX([0], { stroke: REFERENSFARG }),
        Plot.text(["Kvinnor", "Män"], { x: (d) => (d === "Kvinnor" ? -storst : storst), frameAnchor: "top", text: (d) => d, // Plot sätter text-anchor med d3, som tar en funktion per etikett (typerna säger bara en konstant).
          textAnchor: ((d: string) => (d === "Kvinnor" ? "start" : "end")) as unknown as "start", dy: 4, fontWeight: 600, fill: (d) => (d === "Kvinnor" ? KONSFARGER[1] : KONSFARGER[2]) })
      ]
    }),
    alt
  );
}

/** Tabell för befolkningspyramid. */
export function pyramidTabell(grupper: readonly PyramidGrupp[], bildtext: string): HTMLTableElement {
  return tabell({
    bildtext,
    rader: grupper.slice().reverse(),
    kolumner: [
      { rubrik: "Ålder", radrubrik: true, varde: (g) => alderNamn(g.alder) },
      { rubrik: "Kvinnor", tal: true, varde: (g) => formatHeltal(g.kvinnor) },
      { rubrik: "Män", tal: true, varde: (g) => formatHeltal(g.man) },
      { rubrik: "Kvinnor, andel av alla", tal: true, varde: (g) => formatProcent(g.andelKvinnor, 1) },
      { rubrik: "Män, andel av alla", tal: true, varde: (g) => formatProcent(g.andelMan, 1) }
    ]
  });
}

// ---- Årsserier: regionen mot länet och riket, grupper över tid -----------------------

/**
 * Y-axelns domän för arslinjer: med `noll` börjar axeln alltid på 0 (antal, som folkmängden:
 * en axel från 55 200 får små skillnader att se stora ut); annars från strax under det minsta
 * värdet (aldrig under 0). `minSpann` är en minsta skala; lite luft ovanför.
 */
export function arsdoman(varden: readonly number[], { noll = false, minSpann = 0 }: { noll?: boolean; minSpann?: number } = {}): [number, number] {
  let lo = noll ? 0 : (min(varden) ?? 0);
  let hi = max(varden) ?? 1;
  // En minsta skala, så att små skillnader inte ser stora ut (och axeln får olika etiketter).
  if (hi - lo < minSpann) {
    const mitt = (hi + lo) / 2;
    lo = noll ? 0 : mitt - minSpann / 2;
    hi = noll ? Math.max(hi, minSpann) : mitt + minSpann / 2;
  }
  const m = (hi - lo) * 0.12 || Math.abs(hi) * 0.1 || 1;
  lo = noll ? 0 : Math.max(0, lo - m);
  hi += m;
  return [lo, hi];
}

/**
 * Ett värde per år, en linje per serie. Den valda regionen heldragen och tjock,
 * referenserna streckade; namnet står vid linjens slut.
 */
export function arslinjer(
  rader: readonly Arsvarde[],
  { width, alt, etikett, format, farger, noll = false, minSpann = 0 }: Diagramval & { etikett: string; format: (x: number) => string; farger: Map<string, string>; noll?: boolean; minSpann?: number }
): Diagram {
  const data = rader.filter((d): d is Arsvarde & { varde: number } => d.varde != null);
  const smal = width < 560;
  const [lo, hi] = arsdoman(data.map((d) => d.varde), { noll, minSpann });
  const serier = [...farger.keys()];
  return somBild(
    Plot.plot({
      width,
      height: 320,
      marginLeft: 64,
      marginRight: smal ? 16 : 190,
      marginBottom: 36,
      ariaLabel: alt,
      x: arsaxel(data.map((d) => d.ar), width),
      y: { label: etikett, domain: [lo, hi], grid: true, tickFormat: format, ticks: 5 },
      color: { domain: serier, range: serier.map((s) => farger.get(s)!), legend: true },
      marks: [
        Plot.lineY(data.filter((d) => d.referens), { x: "ar", y: "varde", z: "serie", stroke: "serie", strokeWidth: 1.75, strokeDasharray: "5,4", marker: "circle-stroke" }),
        Plot.lineY(data.filter((d) => !d.referens), { x: "ar", y: "varde", z: "serie", stroke: "serie", strokeWidth: 2.75, marker: "circle" }),
        smal
          ? null
          : // Namnet i textfärg (gul text vore för svag mot bakgrunden); linjens slut visar vilken.
          Plot.text(data, Plot.selectLast({ x: "ar", y: "varde", z: "serie", text: "serie", fill: "currentColor", textAnchor: "start", dx: 8, fontSize: 11 })),
        Plot.tip(data, Plot.pointer({ x: "ar", y: "varde", stroke: "serie", title: (d) => `${d.serie}, ${d.ar}\n${format(d.varde)}` }))
      ]
    }),
    alt
  );
}

/** Tabell för arslinjer: en rad per år, en kolumn per serie. */
export function arsTabell(rader: readonly Arsvarde[], { bildtext, format }: { bildtext: string; format: (x: number | null | undefined) => string }): HTMLTableElement {
  const serier = [...new Set(rader.map((d) => d.serie))];
  const per = new Map<number, { ar: number; v: Map<string, number | null> }>();
  for (const d of rader) {
    let a = per.get(d.ar);
    if (!a) per.set(d.ar, (a = { ar: d.ar, v: new Map() }));
    a.v.set(d.serie, d.varde);
  }
  return tabell({
    bildtext,
    rader: [...per.values()].sort((a, b) => b.ar - a.ar),
    kolumner: [
      { rubrik: "År", radrubrik: true, varde: (a: { ar: number }) => String(a.ar) },
      ...serier.map((s) => ({ rubrik: s, tal: true, varde: (a: { v: Map<string, number | null> }) => format(a.v.get(s)) }))
    ]
  });
}

/** Färger för försörjningsmåttets grupper: tre kategorifärger och totalen mörkgrå. */
export const GRUPPFARGER = new Map(FORSORJNINGSGRUPPER.map((g, i) => [g.namn, g.kod === "total" ? REFERENSFARG : KATEGORIFARGER[i]!]));

/** Tabell för försörjningsmåttet: en rad per år, kostnad per invånare per grupp. */
export function forsorjningsmattTabell(rader: readonly ForsorjningsmattRad[], bildtext: string): HTMLTableElement {
  type Ar = { ar: number; v: Map<string, ForsorjningsmattRad>; befolkning: number | null; aldersgrupp: string };
  const per = new Map<number, Ar>();
  for (const d of rader) {
    let a = per.get(d.ar);
    if (!a) per.set(d.ar, (a = { ar: d.ar, v: new Map(), befolkning: d.befolkning, aldersgrupp: d.aldersgrupp }));
    a.v.set(d.grupp, d);
  }
  return tabell({
    bildtext,
    rader: [...per.values()].sort((a, b) => b.ar - a.ar),
    kolumner: [
      { rubrik: "År", radrubrik: true, varde: (a: Ar) => String(a.ar) },
      ...FORSORJNINGSGRUPPER.map((g) => ({ rubrik: `${g.namn}, kr per invånare`, tal: true, varde: (a: Ar) => formatKronor(a.v.get(g.kod)?.varde) })),
      { rubrik: "Kostnad totalt, mnkr", tal: true, varde: (a: Ar) => formatTal(a.v.get("total")?.kostnad == null ? null : a.v.get("total")!.kostnad! / 1e6, 1) },
      { rubrik: "Invånare", tal: true, varde: (a: Ar) => formatHeltal(a.befolkning) },
      { rubrik: "Ålder", varde: (a: Ar) => (a.aldersgrupp ? alderNamn(a.aldersgrupp) : "–") }
    ]
  });
}

// ---- Jämförelse: ett mått per förbund ------------------------------------------------

/**
 * Liggande staplar: ett värde per förbund (högst överst), länet och riket som streckade linjer.
 */
export function forbundsstaplar(
  forbund: readonly { namn: string; varde: number | null }[],
  referenser: readonly { namn: string; varde: number | null }[],
  { width, alt, etikett, format, farger, andel = false }: Diagramval & { etikett: string; format: (x: number) => string; farger: Map<string, string>; andel?: boolean }
): Diagram {
  type Stapel = { namn: string; varde: number };
  const data = forbund.filter((d): d is Stapel => d.varde != null).sort((a, b) => b.varde - a.varde);
  const ref = referenser.filter((d): d is Stapel => d.varde != null);
  const smal = width < 560;
  const hogst = max([...data, ...ref], (d) => d.varde) ?? 1;
  const xaxel: Plot.ScaleOptions = andel
    ? procentaxel([...data, ...ref].map((d) => d.varde), etikett, { antal: smal ? 3 : 6 })
    : { label: etikett, domain: [0, hogst * 1.08], grid: true, tickFormat: format, ticks: smal ? 3 : 6 };
  const namn = data.map((d) => d.namn);
  // Referensernas etiketter står överst: den lägsta till vänster om sin linje, övriga till höger.
  const vanster = ref.length > 1 ? ref.reduce((a, d) => (d.varde < a.varde ? d : a)) : null;
  return somBild(
    Plot.plot({
      width,
      height: data.length * (smal ? 62 : 38) + (ref.length ? 46 : 10) + 40,
      marginLeft: smal ? 4 : 230,
      marginRight: 70,
      marginTop: ref.length ? 46 : 10,
      ariaLabel: alt,
      x: { ...xaxel, insetRight: 10 },
      y: { domain: namn, label: null, tickSize: 0, padding: smal ? 0.45 : 0.15, axis: smal ? null : "left" },
      color: { domain: [...farger.keys()], range: [...farger.values()] },
      marks: [
        smal ? Plot.text(namn, { y: (d) => d, text: (d) => d, frameAnchor: "left", dy: -20, fontWeight: 600, fontSize: 12 }) : null,
        Plot.barX(data, { x: "varde", y: "namn", fill: "namn", title: (d) => `${d.namn}\n${format(d.varde)}`, tip: true }),
        // Referenslinjerna före värdenas etiketter, och etiketterna med en kant i kortets färg:
        // en streckad linje går aldrig genom en siffra.
        Plot.ruleX(ref, { x: "varde", stroke: REFERENSFARG, strokeDasharray: "5,4", strokeWidth: 1.5 }),
        Plot.text(data, { x: "varde", y: "namn", text: (d) => format(d.varde), textAnchor: "start", dx: 4, fontSize: 11, fill: "currentColor", stroke: "var(--theme-background-alt)", strokeWidth: 3 }),
        ...[false, true].map((hoger) =>
          Plot.text(
            ref.filter((d) => (d === vanster) !== hoger),
            {
              x: "varde",
              frameAnchor: "top",
              dy: -42,
              lineAnchor: "top",
              textAnchor: hoger ? "start" : "end",
              dx: hoger ? 4 : -4,
              text: (d) => `${d.namn}\n${format(d.varde)}`,
              fill: REFERENSFARG,
              fontSize: 11
            }
          )
        ),
        Plot.ruleX([0])
      ]
    }),
    alt
  );
}

/** Åldersgruppens namn för tabellrubriker (exporteras för sidorna). */
export { alderNamn, formatKvot, formatKronor, gruppNamn };
