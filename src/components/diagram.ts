// Diagrammen på webbplatsen. Varje funktion tar färdigfiltrerade rader och
// returnerar ett Plot-diagram: (rader, {width, alt, ...}) => element.
// Alla tal på axlar och i verktygstips formateras med format.js.
import * as Plot from "@observablehq/plot";
import { max, min, tickStep, ticks as d3ticks } from "d3";
import { DELAR, ERSATTNINGSFARGER, KON, KONSFARGER, ersattningNamn, ersattningTabellnamn, konNamn, regionNyckel, type HalvarRad, type HeRad } from "./data.js";
import { el, tabell, unikId, visaSomTabell } from "./dom.js";
import {
  formatAxelManad,
  formatDifferens,
  formatHeltal,
  formatManad,
  formatPeriod,
  formatProcent,
  formatTal,
  periodStart
} from "./format.js";

const DELNAMN = DELAR.map((d) => d.namn);
const REFERENSFARG = "#3f4450";

/** Bredden och textalternativet som varje diagram får. */
export interface Diagramval {
  width: number;
  alt: string;
}

/** Ett diagram från Plot (en svg, eller en figur med förklaring). */
type Diagram = SVGSVGElement | HTMLElement;

/**
 * Ett diagram med rubrik, kort beskrivning (textalternativ) och tabellvy.
 */
export function diagramkort({ titel, beskrivning, diagram, tabell: tabellvy, rubrikniva = "h3", fotnot = null }: {
  titel: string;
  beskrivning: string;
  diagram: Node;
  tabell?: HTMLElement | null;
  rubrikniva?: "h2" | "h3";
  fotnot?: string | null;
}): HTMLElement {
  const titelId = unikId("diagramtitel");
  const beskrivningId = unikId("diagrambeskrivning");
  return el(
    "figure",
    { class: "diagramkort card", "aria-labelledby": titelId, "aria-describedby": beskrivningId },
    el(rubrikniva, { id: titelId, class: "diagramtitel" }, titel),
    el("p", { id: beskrivningId, class: "diagrambeskrivning" }, beskrivning),
    el("div", { class: "diagramyta" }, diagram),
    fotnot ? el("p", { class: "fotnot" }, fotnot) : null,
    tabellvy ? visaSomTabell(tabellvy) : null
  );
}

/**
 * Markerar diagrammets svg som en bild med textalternativ. Plot sätter aria-label på
 * varje grupp av markeringar; inuti en bild (role="img") är det inte tillåtet, så
 * etiketten flyttas till data-markering. Förklaringens små rutor döljs för skärmläsare.
 */
export function somBild<T extends Element>(plot: T, alt: string): T {
  const svgs: SVGSVGElement[] = plot instanceof SVGSVGElement ? [plot] : Array.from(plot.querySelectorAll("svg"));
  let huvud: SVGSVGElement | null = null;
  for (const s of svgs) {
    if (s.parentElement?.closest("[class$='-swatches'], [class*='-swatches ']")) s.setAttribute("aria-hidden", "true");
    else huvud ??= s;
  }
  if (huvud) {
    huvud.setAttribute("role", "img");
    huvud.setAttribute("aria-label", alt);
    for (const g of Array.from(huvud.querySelectorAll("g[aria-label]"))) {
      g.setAttribute("data-markering", g.getAttribute("aria-label") ?? "");
      g.removeAttribute("aria-label");
    }
  }
  return plot;
}

/** Tidsaxel med svenska månadsnamn; långa serier får bara årtal. */
function tidsaxel(datum: readonly (Date | null)[], width: number): Plot.ScaleOptions {
  const forsta = min(datum, (d) => d ?? undefined);
  const sista = max(datum, (d) => d ?? undefined);
  if (!forsta || !sista) return { type: "utc", label: null };
  const ar = (sista.getTime() - forsta.getTime()) / (365.25 * 864e5);
  if (ar > 4 || (ar > 2 && width < 560)) {
    const steg = ar > 10 ? 2 : 1;
    return { type: "utc", label: null, ticks: `${steg} years`, tickFormat: (d: Date) => String(d.getUTCFullYear()) };
  }
  const manader = ar > 2 || width < 560 ? 6 : 3;
  return { type: "utc", label: null, ticks: `${manader} months`, tickFormat: formatAxelManad };
}

/**
 * En procentaxel med lagom många decimaler för stegen. Med noll: false börjar axeln
 * nära det minsta värdet (för linjediagram där förändringen är det intressanta).
 */
function procentaxel(varden: readonly (number | null)[], etikett: string, { noll = true, antal = 5 }: { noll?: boolean; antal?: number } = {}): Plot.ScaleOptions {
  const hogsta = max(varden, (d) => d ?? undefined) ?? 0;
  let lo = noll ? 0 : (min(varden, (d) => d ?? undefined) ?? 0);
  let hi = hogsta > lo ? hogsta : lo + 0.01;
  if (noll) hi *= 1.05;
  else {
    const marginal = (hi - lo) * 0.1;
    lo = Math.max(0, lo - marginal);
    hi += marginal;
  }
  const steg = tickStep(lo, hi, antal);
  const decimaler = Math.max(0, -Math.floor(Math.log10(steg * 100) + 1e-9));
  return {
    label: etikett,
    domain: [lo, hi],
    ticks: d3ticks(lo, hi, antal),
    tickFormat: (d: number) => formatProcent(d, decimaler),
    grid: true
  };
}

/**
 * Helårsekvivalenter per månad och ersättning, staplat ytdiagram.
 */
export function trendPerErsattning(rader: readonly HeRad[], { width, alt }: Diagramval): Diagram {
  // Staplas här i stället för med Plots stackY: en månad där någon ersättning saknas
  // blir då ett hål i hela ytan, inte en svacka ned mot noll.
  const ofullstandiga = new Set(rader.filter((d) => d.ersattning !== "summa" && d.varde == null).map((d) => d.period));
  const delar: { datum: Date | null; period: string; ersattningNamn: string; varde: number | null; y1?: number | null; y2?: number | null }[] = [];
  for (const e of DELAR) {
    for (const d of rader) {
      if (d.ersattning !== e.kod) continue;
      delar.push({ datum: d.datum, period: d.period, ersattningNamn: e.namn, varde: ofullstandiga.has(d.period) ? null : d.varde });
    }
  }
  const toppar = new Map<string, number>();
  for (const d of delar) {
    const under = toppar.get(d.period) ?? 0;
    d.y1 = d.varde == null ? null : under;
    d.y2 = d.varde == null ? null : under + d.varde;
    if (d.varde != null) toppar.set(d.period, d.y2!);
  }
  const perManad = new Map<string, { datum: Date | null; period: string; varden: Map<string, number | null> }>();
  for (const d of rader) {
    let m = perManad.get(d.period);
    if (!m) perManad.set(d.period, (m = { datum: d.datum, period: d.period, varden: new Map() }));
    m.varden.set(d.ersattning, d.varde);
  }
  const tips = [...perManad.values()].map((m) => ({
    datum: m.datum,
    summa: m.varden.get("summa") ?? null,
    text: [
      formatManad(m.datum!),
      ...DELAR.map((e) => `${e.namn}: ${formatHeltal(m.varden.get(e.kod))}`),
      `Summa: ${formatHeltal(m.varden.get("summa"))}`
    ].join("\n")
  }));
  return somBild(
    Plot.plot({
      width,
      height: 380,
      marginLeft: 60,
      marginBottom: 40,
      ariaLabel: alt,
      x: tidsaxel(delar.map((d) => d.datum), width),
      y: { label: "Helårsekvivalenter", grid: true, tickFormat: formatHeltal },
      color: { domain: DELNAMN, range: ERSATTNINGSFARGER, legend: true },
      marks: [
        Plot.areaY(delar, { x: "datum", y1: "y1", y2: "y2", z: "ersattningNamn", fill: "ersattningNamn", fillOpacity: 0.9 }),
        Plot.ruleY([0]),
        Plot.ruleX(tips, Plot.pointerX({ x: "datum", stroke: REFERENSFARG })),
        Plot.tip(tips, Plot.pointerX({ x: "datum", y: "summa", title: "text", lineHeight: 1.3 }))
      ]
    }),
    alt
  );
}

/** Tabell för trendPerErsattning: en rad per månad, en kolumn per ersättning. */
export function trendTabell(rader: readonly HeRad[], bildtext: string): HTMLTableElement {
  const perManad = new Map<string, { period: string; varden: Map<string, number | null> }>();
  for (const d of rader) {
    let m = perManad.get(d.period);
    if (!m) perManad.set(d.period, (m = { period: d.period, varden: new Map() }));
    m.varden.set(d.ersattning, d.varde);
  }
  const manader = [...perManad.values()].sort((a, b) => b.period.localeCompare(a.period));
  return tabell({
    bildtext,
    rader: manader,
    kolumner: [
      { rubrik: "Månad", radrubrik: true, varde: (m) => formatPeriod(m.period) },
      ...DELAR.map((e) => ({ rubrik: e.namn, tal: true, varde: (m: { varden: Map<string, number | null> }) => formatHeltal(m.varden.get(e.kod)) })),
      { rubrik: "Summa", tal: true, varde: (m) => formatHeltal(m.varden.get("summa")), klass: () => "summa" }
    ]
  });
}

/**
 * Kvinnor och män sida vid sida per ersättning för ett halvår.
 */
export function konPerErsattning(rader: readonly HeRad[], { width, alt }: Diagramval): Diagram {
  const data = rader
    .filter((d) => d.ersattning !== "summa" && (d.kon === "kvinnor" || d.kon === "man") && d.varde != null)
    .map((d) => ({ ...d, ersattningNamn: ersattningNamn(d.ersattning), konNamn: konNamn(d.kon) }));
  const kon = ["Kvinnor", "Män"];
  // Ersättningens namn står ovanför sina två staplar, så att långa namn får plats även på smala skärmar.
  return somBild(
    Plot.plot({
      width,
      height: DELNAMN.length * 78 + 40,
      marginLeft: 4,
      marginRight: 56,
      marginTop: 24,
      ariaLabel: alt,
      x: { label: "Helårsekvivalenter, snitt per månad", grid: true, tickFormat: formatHeltal, insetRight: 10 },
      y: { domain: kon, axis: null, padding: 0.12 },
      fy: { domain: DELNAMN, label: null, padding: 0.38, axis: null },
      color: { domain: kon, range: [KONSFARGER[1], KONSFARGER[2]], legend: true },
      marks: [
        Plot.text(DELNAMN, { fy: (d) => d, text: (d) => d, frameAnchor: "top-left", dy: -17, fontSize: 12, fontWeight: 600 }),
        Plot.barX(data, {
          x: "varde",
          y: "konNamn",
          fy: "ersattningNamn",
          fill: "konNamn",
          title: (d) =>
            `${d.ersattningNamn}, ${d.konNamn.toLowerCase()}\n${formatHeltal(d.varde)} helårsekvivalenter\n${formatProcent(d.andel, 1)} av befolkningen 20–64 år`,
          tip: true
        }),
        Plot.text(data, {
          x: "varde",
          y: "konNamn",
          fy: "ersattningNamn",
          text: (d) => formatHeltal(d.varde),
          textAnchor: "start",
          dx: 4,
          fill: "currentColor",
          fontSize: 11
        }),
        Plot.ruleX([0])
      ]
    }),
    alt
  );
}

/** Tabell för konPerErsattning. */
export function konTabell(rader: readonly HeRad[], bildtext: string): HTMLTableElement {
  const varde = (e: string, kon: string) => rader.find((d) => d.ersattning === e && d.kon === kon);
  return tabell({
    bildtext,
    rader: [...DELAR, { kod: "summa", namn: "Summa" }],
    radklass: (e) => (e.kod === "summa" ? "summa" : null),
    kolumner: [
      { rubrik: "Ersättning", radrubrik: true, varde: (e) => e.namn },
      { rubrik: "Kvinnor", tal: true, varde: (e) => formatHeltal(varde(e.kod, "kvinnor")?.varde) },
      { rubrik: "Män", tal: true, varde: (e) => formatHeltal(varde(e.kod, "man")?.varde) },
      { rubrik: "Andel kvinnor", tal: true, varde: (e) => formatProcent(varde(e.kod, "kvinnor")?.andel, 1) },
      { rubrik: "Andel män", tal: true, varde: (e) => formatProcent(varde(e.kod, "man")?.andel, 1) }
    ]
  });
}

/**
 * Andel av befolkningen 20–64 år per månad, en linje per kön.
 */
export function andelPerKon(rader: readonly HeRad[], { width, alt }: Diagramval): Diagram {
  const data = rader.filter((d) => d.andel != null).map((d) => ({ ...d, konNamn: konNamn(d.kon) }));
  const konsnamn = KON.map((k) => k.namn);
  return somBild(
    Plot.plot({
      width,
      height: 340,
      marginLeft: 60,
      marginBottom: 40,
      ariaLabel: alt,
      x: tidsaxel(data.map((d) => d.datum), width),
      y: procentaxel(data.map((d) => d.andel), "Andel av befolkningen 20–64 år", { noll: false }),
      color: { domain: konsnamn, range: KONSFARGER, legend: true },
      marks: [
        Plot.lineY(data, {
          x: "datum",
          y: "andel",
          stroke: "konNamn",
          strokeWidth: (d) => (d.kon === "alla" ? 2.5 : 1.75)
        }),
        Plot.tip(
          data,
          Plot.pointer({
            x: "datum",
            y: "andel",
            stroke: "konNamn",
            title: (d) => `${d.konNamn}, ${formatManad(d.datum)}\n${formatProcent(d.andel, 1)} (${formatHeltal(d.varde)} av ${formatHeltal(d.folkmangd)})`
          })
        )
      ]
    }),
    alt
  );
}

/** Tabell för andelPerKon. */
export function andelPerKonTabell(rader: readonly HeRad[], bildtext: string): HTMLTableElement {
  const perManad = new Map<string, { period: string; andel: Map<string, number | null>; varde: Map<string, number | null> }>();
  for (const d of rader) {
    let m = perManad.get(d.period);
    if (!m) perManad.set(d.period, (m = { period: d.period, andel: new Map(), varde: new Map() }));
    m.andel.set(d.kon, d.andel);
    m.varde.set(d.kon, d.varde);
  }
  return tabell({
    bildtext,
    rader: [...perManad.values()].sort((a, b) => b.period.localeCompare(a.period)),
    kolumner: [
      { rubrik: "Månad", radrubrik: true, varde: (m) => formatPeriod(m.period) },
      ...KON.map((k) => ({ rubrik: `${k.namn}, andel`, tal: true, varde: (m: { andel: Map<string, number | null> }) => formatProcent(m.andel.get(k.kod), 1) })),
      ...KON.map((k) => ({ rubrik: `${k.namn}, antal`, tal: true, varde: (m: { varde: Map<string, number | null> }) => formatHeltal(m.varde.get(k.kod)) }))
    ]
  });
}

/**
 * Halvårstabellen som i Finsam Falun-Borlänges årsredovisning (ersättning, samma halvår året
 * före, halvåret, skillnaden) för alla, och bredvid halvårets värde för kvinnor och för män
 * (styrelsens regel: all statistik efter kön). `rader` är regionens rader för halvåret, alla
 * tre kön; saknas ett kön blir dess celler "–".
 */
export function halvarstabell(
  rader: readonly HalvarRad[],
  { regionnamn, halvar, foregaende, bildtext, rubrik }: { regionnamn: string; halvar: string; foregaende: string; bildtext: string; rubrik: (h: string) => string }
): HTMLTableElement {
  const per = (kon: string) => new Map(rader.filter((d) => d.kon === kon).map((d) => [d.ersattning, d]));
  const [alla, kvinnor, man] = [per("alla"), per("kvinnor"), per("man")];
  const ordning = [...DELAR.map((d) => d.kod), "summa"];
  return tabell({
    bildtext,
    rader: ordning.map((kod) => ({ kod, rad: alla.get(kod), kvinnor: kvinnor.get(kod), man: man.get(kod) })),
    radklass: (d) => (d.kod === "summa" ? "summa" : null),
    kolumner: [
      { rubrik: regionnamn, radrubrik: true, varde: (d) => ersattningTabellnamn(d.kod) },
      { rubrik: rubrik(foregaende), tal: true, varde: (d) => formatHeltal(d.rad?.vardeForegaendeAr) },
      { rubrik: rubrik(halvar), tal: true, varde: (d) => formatHeltal(d.rad?.varde) },
      {
        rubrik: "diff.",
        tal: true,
        varde: (d) => formatDifferens(d.rad?.differens),
        klass: (d) => (d.rad?.differens == null ? null : d.rad.differens >= 0.5 ? "okning" : d.rad.differens <= -0.5 ? "minskning" : null)
      },
      { rubrik: `Kvinnor ${rubrik(halvar)}`, tal: true, varde: (d) => formatHeltal(d.kvinnor?.varde), klass: () => "konkolumn" },
      { rubrik: `Män ${rubrik(halvar)}`, tal: true, varde: (d) => formatHeltal(d.man?.varde) }
    ]
  });
}

/**
 * Lägger in en rad utan värde för varje period som saknas mellan en regions första och
 * sista period, så att linjen får ett hål där i stället för att dras rakt över.
 */
function medLuckor(rader: readonly HeRad[], perioder: readonly string[]): HeRad[] {
  const index = new Map(perioder.map((p, i) => [p, i]));
  const perRegion = new Map<string, Map<string, HeRad>>();
  for (const d of rader) {
    const nyckel = regionNyckel(d);
    let r = perRegion.get(nyckel);
    if (!r) perRegion.set(nyckel, (r = new Map()));
    r.set(d.period, d);
  }
  const ut: HeRad[] = [];
  for (const r of perRegion.values()) {
    const egna = [...r.keys()].map((p) => index.get(p) ?? 0);
    const [forsta, sista] = [Math.min(...egna), Math.max(...egna)];
    const exempel = r.values().next().value!;
    for (let i = forsta; i <= sista; i++) {
      const period = perioder[i]!;
      ut.push(r.get(period) ?? { ...exempel, period, datum: periodStart(period), varde: null, folkmangd: null, andel: null });
    }
  }
  return ut;
}

/**
 * Andel per förbund över tid, med län och riket som streckade referenslinjer.
 * `markerat`: namnet på ett förbund som framhävs (övriga tonas ned).
 */
export function andelPerForbund(
  forbundsrader: readonly HeRad[],
  referensrader: readonly HeRad[],
  { width, alt, periodtyp, farger, markerat = null }: Diagramval & { periodtyp: "manad" | "halvar"; farger: Map<string, string>; markerat?: string | null }
): Diagram {
  const perioder = [...new Set([...forbundsrader, ...referensrader].map((d) => d.period))].sort();
  const forbund = medLuckor(forbundsrader, perioder);
  const referenser = medLuckor(referensrader, perioder);
  const alla = [...forbund, ...referenser].filter((d) => d.andel != null);
  const halvar = periodtyp === "halvar";
  const smal = width < 560;
  const marginRight = referenser.length && !smal ? 110 : 16;
  // Halvårsaxeln: "jan–jun\n2024" när det finns plats, annars bara året vid första halvåret.
  const platsPerPeriod = (width - 60 - marginRight) / Math.max(1, perioder.length);
  const baraAr = platsPerPeriod < 34;
  const kandidater = baraAr ? perioder.filter((p) => p.endsWith("H1")) : perioder;
  const steg = Math.max(1, Math.ceil(kandidater.length / Math.max(2, Math.floor((width - 60 - marginRight) / (baraAr ? 44 : 70)))));
  const x: Plot.ScaleOptions = halvar
    ? {
        type: "point",
        domain: perioder,
        label: null,
        ticks: kandidater.filter((_, i) => (kandidater.length - 1 - i) % steg === 0),
        tickFormat: baraAr ? (p: string) => p.slice(0, 4) : (p: string) => formatPeriod(p).replace(" ", "\n"),
        inset: 10
      }
    : tidsaxel(alla.map((d) => d.datum), width);
  const xKanal = halvar ? "period" : "datum";
  const namn = [...farger.keys()];
  const periodtext = (d: HeRad) => formatPeriod(d.period);
  return somBild(
    Plot.plot({
      width,
      height: 380,
      marginLeft: 60,
      marginRight,
      marginBottom: 40,
      ariaLabel: alt,
      x,
      y: procentaxel(alla.map((d) => d.andel), "Andel av befolkningen 20–64 år", { noll: false }),
      color: { domain: namn, range: namn.map((n) => farger.get(n)!), legend: true },
      marks: [
        Plot.lineY(referenser, { x: xKanal, y: "andel", z: "namn", stroke: REFERENSFARG, strokeDasharray: "5,4", strokeWidth: 1.5 }),
        // Referensernas namn står efter linjens slut, eller ovanför slutet på smala skärmar.
        Plot.text(
          referenser,
          Plot.selectLast({
            x: xKanal,
            y: "andel",
            z: "namn",
            text: "namn",
            textAnchor: smal ? "end" : "start",
            dx: smal ? 0 : 6,
            dy: smal ? -9 : 0,
            fill: REFERENSFARG,
            stroke: "var(--theme-background-alt)",
            strokeWidth: 3,
            fontSize: 11
          })
        ),
        Plot.lineY(forbund, {
          x: xKanal,
          y: "andel",
          z: "kod",
          stroke: "namn",
          strokeWidth: (d: HeRad) => (markerat && d.namn === markerat ? 3.5 : 2.25),
          strokeOpacity: (d: HeRad) => (markerat && d.namn !== markerat ? 0.25 : 1),
          marker: halvar && platsPerPeriod >= 24 ? "circle-stroke" : null,
          sort: markerat ? (d: HeRad) => (d.namn === markerat ? 1 : 0) : null
        }),
        Plot.tip(
          alla,
          Plot.pointer({
            x: xKanal,
            y: "andel",
            title: (d: HeRad) => `${d.namn}, ${periodtext(d)}\n${formatProcent(d.andel, 1)} (${formatHeltal(d.varde)} av ${formatHeltal(d.folkmangd)})`
          })
        )
      ]
    }),
    alt
  );
}

/** Tabell för andelPerForbund: en rad per period, en kolumn per region. */
export function andelPerForbundTabell(rader: readonly HeRad[], bildtext: string): HTMLTableElement {
  const regioner: { nyckel: string; namn: string }[] = [];
  const set = new Set<string>();
  for (const d of rader) {
    const k = regionNyckel(d);
    if (!set.has(k)) set.add(k), regioner.push({ nyckel: k, namn: d.namn });
  }
  const perPeriod = new Map<string, { period: string; andel: Map<string, number | null> }>();
  for (const d of rader) {
    let p = perPeriod.get(d.period);
    if (!p) perPeriod.set(d.period, (p = { period: d.period, andel: new Map() }));
    p.andel.set(regionNyckel(d), d.andel);
  }
  return tabell({
    bildtext,
    rader: [...perPeriod.values()].sort((a, b) => b.period.localeCompare(a.period)),
    kolumner: [
      { rubrik: "Period", radrubrik: true, varde: (p) => formatPeriod(p.period) },
      ...regioner.map((r) => ({ rubrik: r.namn, tal: true, varde: (p: { andel: Map<string, number | null> }) => formatProcent(p.andel.get(r.nyckel), 1) }))
    ]
  });
}

/**
 * Förbundsnamnen på y-axeln: till vänster på breda skärmar, ovanför varje rad på smala
 * (så att diagrammet behåller sin bredd). Ger marginal, radhöjd, y-skalans utfyllnad och markeringar.
 */
function namnaxel(
  namn: readonly string[],
  { smal, radhojd, ovanfor }: { smal: boolean; radhojd: number; ovanfor: (hojd: number) => number }
): { marginLeft: number; radhojd: number; padding: number; marks: Plot.Markish[] } {
  if (!smal) {
    return {
      marginLeft: 180,
      radhojd,
      padding: 0.1,
      marks: [Plot.axisY({ label: null, lineWidth: 13, tickSize: 0, fontSize: 12 })]
    };
  }
  const hojd = radhojd + 24;
  return {
    marginLeft: 4,
    radhojd: hojd,
    padding: 0.45,
    marks: [
      Plot.axisY({ ticks: [], label: null, tickSize: 0 }),
      Plot.text(namn, {
        y: (d) => d,
        text: (d) => d,
        frameAnchor: "left",
        dy: -ovanfor(hojd),
        fontSize: 12,
        fontWeight: 600,
        fill: "currentColor",
        stroke: "var(--theme-background-alt)",
        strokeWidth: 3
      })
    ]
  };
}

/**
 * Liggande staplar: andel per förbund för ett halvår, med län och riket som referenslinjer.
 */
export function andelStaplar(
  forbund: readonly HeRad[],
  referenser: readonly HeRad[],
  { width, alt, farger }: Diagramval & { farger: Map<string, string> }
): Diagram {
  const data = forbund.filter((d) => d.andel != null).sort((a, b) => b.andel! - a.andel!);
  const ref = referenser.filter((d) => d.andel != null);
  const smal = width < 560;
  const axel = namnaxel(data.map((d) => d.namn), { smal, radhojd: 38, ovanfor: (h) => (h * 0.55) / 2 + 11 });
  // Referensetiketterna står överst: den lägsta till vänster om sin linje, övriga till höger.
  const vanster = ref.length > 1 ? ref.reduce((a, d) => (d.andel! < a.andel! ? d : a)) : null;
  const refEtiketter = (grupp: readonly HeRad[], hoger: boolean) =>
    Plot.text(grupp, {
      x: "andel",
      frameAnchor: "top",
      dy: -30,
      dx: hoger ? 4 : -4,
      lineAnchor: "top",
      textAnchor: hoger ? "start" : "end",
      text: (d: HeRad) => `${d.namn}\n${formatProcent(d.andel, 1)}`,
      fill: REFERENSFARG,
      fontSize: 11
    });
  return somBild(
    Plot.plot({
      width,
      height: data.length * axel.radhojd + (ref.length ? 36 : 10) + 40,
      marginLeft: axel.marginLeft,
      marginRight: 60,
      marginTop: ref.length ? 36 : 10,
      ariaLabel: alt,
      x: {
        ...procentaxel([...data, ...ref].map((d) => d.andel), "Andel av befolkningen 20–64 år", { antal: smal ? 3 : 5 }),
        insetRight: 10
      },
      y: { domain: data.map((d) => d.namn), label: null, tickSize: 0, padding: axel.padding },
      color: { domain: [...farger.keys()], range: [...farger.values()] },
      marks: [
        ...axel.marks,
        Plot.barX(data, {
          x: "andel",
          y: "namn",
          fill: "namn",
          title: (d) => `${d.namn}\n${formatProcent(d.andel, 1)} (${formatHeltal(d.varde)} av ${formatHeltal(d.folkmangd)})`,
          tip: true
        }),
        Plot.ruleX(ref, { x: "andel", stroke: REFERENSFARG, strokeDasharray: "5,4", strokeWidth: 1.5 }),
        Plot.text(data, {
          x: "andel",
          y: "namn",
          text: (d) => formatProcent(d.andel, 1),
          textAnchor: "start",
          dx: 4,
          fontSize: 11,
          fill: "currentColor",
          stroke: "var(--theme-background-alt)",
          strokeWidth: 3
        }),
        refEtiketter(ref.filter((d) => d !== vanster), true),
        refEtiketter(vanster ? [vanster] : [], false),
        Plot.ruleX([0])
      ]
    }),
    alt
  );
}

/**
 * Kvinnor och män per förbund för ett halvår: två punkter per förbund förbundna med en linje.
 */
export function konPerForbund(rader: readonly HeRad[], { width, alt }: Diagramval): Diagram {
  const data = rader.filter((d) => d.andel != null).map((d) => ({ ...d, konNamn: konNamn(d.kon) }));
  const perForbund = new Map<string, { namn: string; kvinnor: number | null; man: number | null }>();
  for (const d of data) {
    let f = perForbund.get(d.kod);
    if (!f) perForbund.set(d.kod, (f = { namn: d.namn, kvinnor: null, man: null }));
    if (d.kon === "kvinnor" || d.kon === "man") f[d.kon] = d.andel;
  }
  const par = [...perForbund.values()].filter((f) => f.kvinnor != null && f.man != null);
  const ordning = [...perForbund.values()].sort((a, b) => (b.kvinnor ?? 0) + (b.man ?? 0) - ((a.kvinnor ?? 0) + (a.man ?? 0))).map((f) => f.namn);
  const smal = width < 560;
  const axel = namnaxel(ordning, { smal, radhojd: 40, ovanfor: () => 20 });
  return somBild(
    Plot.plot({
      width,
      height: ordning.length * axel.radhojd + 70,
      marginLeft: axel.marginLeft,
      marginRight: 30,
      ariaLabel: alt,
      x: procentaxel(data.map((d) => d.andel), "Andel av befolkningen 20–64 år", { antal: smal ? 3 : 5 }),
      y: { domain: ordning, label: null, tickSize: 0 },
      color: { domain: ["Kvinnor", "Män"], range: [KONSFARGER[1], KONSFARGER[2]] },
      symbol: { domain: ["Kvinnor", "Män"], range: ["circle", "diamond"], legend: true },
      marks: [
        ...axel.marks,
        Plot.ruleY(par, { y: "namn", x1: "kvinnor", x2: "man", stroke: "#9aa0a6", strokeWidth: 3 }),
        Plot.dot(data, {
          x: "andel",
          y: "namn",
          fill: "konNamn",
          symbol: "konNamn",
          r: 6,
          title: (d) => `${d.namn}, ${d.konNamn.toLowerCase()}\n${formatProcent(d.andel, 1)} (${formatHeltal(d.varde)} av ${formatHeltal(d.folkmangd)})`,
          tip: true
        })
      ]
    }),
    alt
  );
}

/** Tabell för konPerForbund. */
export function konPerForbundTabell(rader: readonly HeRad[], bildtext: string): HTMLTableElement {
  const perForbund = new Map<string, { namn: string; kvinnor: number | null; man: number | null; vk: number | null; vm: number | null }>();
  for (const d of rader) {
    let f = perForbund.get(d.kod);
    if (!f) perForbund.set(d.kod, (f = { namn: d.namn, kvinnor: null, man: null, vk: null, vm: null }));
    if (d.kon === "kvinnor") (f.kvinnor = d.andel), (f.vk = d.varde);
    if (d.kon === "man") (f.man = d.andel), (f.vm = d.varde);
  }
  return tabell({
    bildtext,
    rader: [...perForbund.values()],
    kolumner: [
      { rubrik: "Förbund", radrubrik: true, varde: (f) => f.namn },
      { rubrik: "Kvinnor, andel", tal: true, varde: (f) => formatProcent(f.kvinnor, 1) },
      { rubrik: "Män, andel", tal: true, varde: (f) => formatProcent(f.man, 1) },
      {
        rubrik: "Skillnad (kvinnor − män)",
        tal: true,
        varde: (f) => (f.kvinnor == null || f.man == null ? formatTal(null) : `${formatDifferens((f.kvinnor - f.man) * 100, 1)} procentenheter`)
      },
      { rubrik: "Kvinnor, antal", tal: true, varde: (f) => formatHeltal(f.vk) },
      { rubrik: "Män, antal", tal: true, varde: (f) => formatHeltal(f.vm) }
    ]
  });
}
