// Vyerna i den nationella utgåvan: förbundslistan (Alla förbund), jämförelsetabellen och
// diagrammet (Nationell jämförelse) och förbundssidans tabeller. Logiken utan DOM finns i
// nationell.ts; tal formateras med format.ts.
import * as Plot from "@observablehq/plot";
import { el, rullbar, tabell, unikId } from "./dom.js";
import { diagramkort, somBild } from "./diagram.js";
import { formatPeriod, formatProcent, formatTal, SAKNAS } from "./format.js";
import {
  formatPlacering, rangordna, forbundUnderPerioden,
  type Forbundet, type Giltighet, type Matt, type Mattrad, type Placering,
} from "./nationell.js";

/** Ett värde i måttets format: procent, kvot med två decimaler eller kronor per invånare. */
export function formatMatt(m: Matt, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return SAKNAS;
  if (m.format === "procent") return formatProcent(v, 2);
  if (m.format === "kvot") return formatTal(v, 2);
  return `${formatTal(v, 0)}\u00a0kr`;
}

/**
 * Länk till ett förbunds sida från en sida i webbplatsens rot (`bas` = "./"); bara namnet när
 * förbundet inte har någon sida i bygget (`sidor`, t.ex. med FINSAM_FORBUND).
 */
export function forbundslank(f: { id: string; namn: string }, sidor?: ReadonlySet<string>, bas = "./"): HTMLElement {
  if (sidor && !sidor.has(f.id)) return el("span", null, f.namn);
  return el("a", { href: `${bas}forbund/${f.id}.html` }, f.namn);
}

export function giltighetstext(f: Pick<Forbundet, "fran" | "till">): string {
  if (f.fran && f.till) return `${formatPeriod(f.fran)}–${formatPeriod(f.till)}`;
  if (f.fran) return `från ${formatPeriod(f.fran)}`;
  if (f.till) return `till och med ${formatPeriod(f.till)}`;
  return "";
}

/** Förbundsindexets tabell: förbund, län, kommuner, och när det fanns (om det inte finns i dag). */
export function forbundstabell(forbund: readonly Forbundet[], bildtext: string, sidor?: ReadonlySet<string>): HTMLElement {
  return rullbar(tabell({
    bildtext,
    rader: forbund,
    kolumner: [
      { rubrik: "Förbund", radrubrik: true, varde: (f) => forbundslank(f, sidor) },
      { rubrik: "Län", varde: (f) => f.lan.map((l) => l.namn).join(", ") },
      {
        rubrik: "Medlemskommuner",
        varde: (f) => [...new Map(f.kommuner.map((k) => [k.kod, k.namn]))].map(([, n]) => n).join(", "),
      },
      { rubrik: "Giltig", varde: (f) => giltighetstext(f) || "i dag" },
    ],
  }));
}

/** En rad i den nationella jämförelsen. */
export interface Jamforelserad {
  id: string;
  namn: string;
  lan: string;
  varde: number | null;
  placering: Placering;
}

/** Förbundens rader för en period och ett kön, med plats bland alla förbund (inte bara de filtrerade). */
export function jamforelserader(rader: readonly Mattrad[], forbund: readonly Forbundet[], giltighet: readonly Giltighet[], period: string, kon: string): Jamforelserad[] {
  const valda = rader.filter((r) => r.niva === "forbund" && r.period === period && r.kon === kon);
  const varden = new Map(valda.map((r) => [r.kod, r.varde]));
  const platser = rangordna(varden, forbundUnderPerioden(giltighet, period));
  const info = new Map(forbund.map((f) => [f.id, f]));
  return [...platser].map(([id, p]) => ({
    id, namn: info.get(id)?.namn ?? id, lan: info.get(id)?.lan.map((l) => l.namn).join(", ") ?? "", varde: varden.get(id) ?? null, placering: p,
  }));
}

type Sortering = { kolumn: "plats" | "namn" | "lan" | "varde"; stigande: boolean };

/**
 * Den sorterbara jämförelsetabellen: klick på en kolumnrubrik sorterar (aria-sort säger hur);
 * det framhävda förbundet markeras. Förbund utan värde står sist.
 */
export function sorterbarTabell(rader: readonly Jamforelserad[], m: Matt, { bildtext, framhav, sidor }: { bildtext: string; framhav: string | null; sidor?: ReadonlySet<string> }): HTMLElement {
  let sortering: Sortering = { kolumn: "plats", stigande: true };
  const kolumner: { nyckel: Sortering["kolumn"]; rubrik: string; tal: boolean }[] = [
    { nyckel: "plats", rubrik: "Plats", tal: true },
    { nyckel: "namn", rubrik: "Förbund", tal: false },
    { nyckel: "lan", rubrik: "Län", tal: false },
    { nyckel: "varde", rubrik: m.namn, tal: true },
  ];
  const tbody = el("tbody");
  const rubriker = kolumner.map((k) => {
    const knapp = el("button", { type: "button", class: "sorteringsknapp" }, k.rubrik);
    const th = el("th", { scope: "col", class: k.tal ? "tal" : null }, knapp);
    knapp.addEventListener("click", () => {
      sortering = { kolumn: k.nyckel, stigande: sortering.kolumn === k.nyckel ? !sortering.stigande : k.nyckel !== "varde" };
      rita();
    });
    return { k, th };
  });
  const jamfor = (a: Jamforelserad, b: Jamforelserad): number => {
    const s = sortering.stigande ? 1 : -1;
    if (sortering.kolumn === "namn") return s * a.namn.localeCompare(b.namn, "sv");
    if (sortering.kolumn === "lan") return s * a.lan.localeCompare(b.lan, "sv") || a.namn.localeCompare(b.namn, "sv");
    const x = sortering.kolumn === "plats" ? a.placering.plats : a.varde;
    const y = sortering.kolumn === "plats" ? b.placering.plats : b.varde;
    if (x === null && y === null) return a.namn.localeCompare(b.namn, "sv");
    if (x === null) return 1;
    if (y === null) return -1;
    return s * (x - y) || a.namn.localeCompare(b.namn, "sv");
  };
  const rita = () => {
    for (const { k, th } of rubriker) {
      if (k.nyckel === sortering.kolumn) th.setAttribute("aria-sort", sortering.stigande ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    }
    tbody.replaceChildren(...[...rader].sort(jamfor).map((r) => el("tr", { class: r.id === framhav ? "framhavd" : null },
      el("td", { class: "tal" }, r.placering.plats === null ? SAKNAS : r.placering.delad > 1 ? `${r.placering.plats}*` : String(r.placering.plats)),
      el("th", { scope: "row" }, forbundslank(r, sidor), r.id === framhav ? el("span", { class: "visuellt-dold" }, " (framhävt)") : null),
      el("td", null, r.lan),
      el("td", { class: "tal" }, formatMatt(m, r.varde)),
    )));
  };
  rita();
  const t = el("table", { class: "finsam-tabell sorterbar" }, el("caption", null, bildtext), el("thead", null, el("tr", null, rubriker.map((r) => r.th))), tbody) as HTMLTableElement;
  return rullbar(t);
}

/** Staplar för förbunden, högst först, med det framhävda förbundet i egen färg och riket som linje. */
export function jamforelsediagram(rader: readonly Jamforelserad[], m: Matt, { width, framhav, riket, alt }: { width: number; framhav: string | null; riket: number | null; alt: string }): Element {
  const med = rader.filter((r) => r.varde !== null).sort((a, b) => b.varde! - a.varde!);
  const hojd = Math.max(120, 14 * med.length + 40);
  // Framework's resize() gives 0 while the container is not laid out (hidden, or before the
  // first layout): the plot then gets a sensible least width instead of negative bars.
  const bredd = Math.max(width, 320);
  const plot = Plot.plot({
    width: bredd,
    height: hojd,
    marginLeft: Math.min(260, Math.max(120, bredd * 0.4)),
    x: { label: m.namn, grid: true, tickFormat: (d: number) => formatMatt(m, d), ticks: bredd < 500 ? 3 : 6 },
    y: { label: null, domain: med.map((r) => r.namn), tickFormat: (n: string) => (n.length > 38 ? `${n.slice(0, 36)}…` : n) },
    marks: [
      Plot.barX(med, { x: "varde", y: "namn", fill: (r: Jamforelserad) => (r.id === framhav ? "#b4410a" : "#4269d0") }),
      ...(riket !== null ? [Plot.ruleX([riket], { stroke: "#3f4450", strokeDasharray: "4 3" })] : []),
      Plot.ruleX([0]),
    ],
  });
  return somBild(plot, alt);
}

/** Diagrammets data som tabell (Visa som tabell): förbunden med värde, högst först. */
export function diagramtabell(rader: readonly Jamforelserad[], m: Matt, bildtext: string): HTMLTableElement {
  return tabell({
    bildtext,
    rader: rader.filter((r) => r.varde !== null).sort((a, b) => b.varde! - a.varde!),
    kolumner: [
      { rubrik: "Förbund", radrubrik: true, varde: (r) => r.namn },
      { rubrik: m.namn, tal: true, varde: (r) => formatMatt(m, r.varde) },
      { rubrik: "Plats", varde: (r) => formatPlacering(r.placering) },
    ],
  });
}

/** Förbundssidans tabell: varje mått med förbundets, länens och rikets värde och förbundets plats. */
export interface Nyckeltalsrad {
  matt: Matt;
  period: string;
  forbund: number | null;
  lan: (number | null)[];
  riket: number | null;
  placering: Placering | undefined;
}

export function nyckeltalstabell(rader: readonly Nyckeltalsrad[], lan: readonly { namn: string }[], bildtext: string): HTMLElement {
  return rullbar(tabell({
    bildtext,
    rader,
    kolumner: [
      { rubrik: "Mått", radrubrik: true, varde: (r) => r.matt.namn },
      { rubrik: "Period", varde: (r) => formatPeriod(r.period) },
      { rubrik: "Förbundet", tal: true, varde: (r) => formatMatt(r.matt, r.forbund) },
      ...lan.map((l, i) => ({ rubrik: l.namn, tal: true, varde: (r: Nyckeltalsrad) => formatMatt(r.matt, r.lan[i]) })),
      { rubrik: "Riket", tal: true, varde: (r) => formatMatt(r.matt, r.riket) },
      { rubrik: "Plats bland förbunden", varde: (r) => formatPlacering(r.placering) },
    ],
  }));
}

/** Ett mått över tid: förbundet, dess län och riket som linjer, med tabellvy. */
export function tidsseriekort(rader: readonly Mattrad[], m: Matt, { width, namn }: { width: number; namn: string }): HTMLElement {
  const punkter = rader
    .filter((r) => r.varde !== null)
    .map((r) => ({ ...r, datum: periodDatum(r.period), serie: r.niva === "forbund" ? namn : r.namn }))
    .filter((r) => r.datum !== null)
    .sort((a, b) => a.datum!.getTime() - b.datum!.getTime());
  // förbundet först (egen färg), sedan länen och riket
  const ordning = (n: string) => (n === "forbund" ? 0 : n === "lan" ? 1 : 2);
  const serier = [...new Map([...punkter].sort((a, b) => ordning(a.niva) - ordning(b.niva)).map((p) => [p.serie, p])).keys()];
  const alt = `${m.namn} över tid för ${serier.join(", ")}.`;
  const diagram = punkter.length === 0 ? el("p", null, "Inga värden.") : somBild(Plot.plot({
    width, height: 260,
    x: { type: "utc", label: null },
    y: { label: m.namn, grid: true, tickFormat: (d: number) => formatMatt(m, d) },
    color: { legend: true, domain: serier, range: ["#b4410a", "#4269d0", "#0b6e69", "#3f4450"] },
    marks: [Plot.line(punkter, { x: "datum", y: "varde", stroke: "serie", strokeWidth: 2 })],
  }), alt);
  const perioder = [...new Set(punkter.map((p) => p.period))];
  const varde = new Map(punkter.map((p) => [`${p.serie}|${p.period}`, p.varde]));
  const tab = tabell({
    bildtext: `${m.namn} per period`,
    rader: perioder,
    kolumner: [
      { rubrik: "Period", radrubrik: true, varde: (p) => formatPeriod(p) },
      ...serier.map((s) => ({ rubrik: s, tal: true, varde: (p: string) => formatMatt(m, varde.get(`${s}|${p}`)) })),
    ],
  });
  return diagramkort({ titel: `${m.namn} över tid`, beskrivning: `${capitalize(m.beskrivning)}: förbundet jämfört med länet och riket.`, diagram, tabell: tab });
}

function periodDatum(p: string): Date | null {
  let x = /^(\d{4})$/.exec(p);
  if (x) return new Date(Date.UTC(Number(x[1]), 6, 1));
  x = /^(\d{4})-H([12])$/.exec(p);
  if (x) return new Date(Date.UTC(Number(x[1]), x[2] === "1" ? 3 : 9, 1));
  x = /^(\d{4})-(\d{2})$/.exec(p);
  if (x) return new Date(Date.UTC(Number(x[1]), Number(x[2]) - 1, 15));
  return null;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Ett sökfält med etikett som filtrerar förbundslistan (etiketten säger vad som går att söka på). */
export function sokfalt(etikett: string): HTMLInputElement & { value: string } {
  const id = unikId("sok");
  const input = el("input", { id, type: "search", autocomplete: "off", class: "forbundssok" }) as HTMLInputElement;
  const wrap = el("div", { class: "sokruta" }, el("label", { for: id }, etikett), input);
  // Framework läser value och input-händelsen från elementet som visas.
  Object.defineProperty(wrap, "value", { get: () => input.value });
  input.addEventListener("input", () => wrap.dispatchEvent(new Event("input", { bubbles: false })));
  return wrap as unknown as HTMLInputElement & { value: string };
}
