/**
 * What each page of the site shows, from the output tables: the site never loads a tidy table
 * whole (docs/webbplatsen.md, "Sidornas data"). Every page has one file under `data/sida/`;
 * the pages with a choice that would otherwise load data for every region or förbund
 * (Helårsekvivalenter, Arbetsmarknadsstatus, Befolkning och försörjning: the region;
 * Jämförelse mellan förbund: the ersättning, kön and period; Styrelserapport: the förbund)
 * also have one file per choice ("del"), fetched when it is chosen, so that no page's data
 * grows with the number of förbund beyond a short list (docs/nationell.md, "Sidornas data").
 *
 * Tables are Sidtabell (sidtabell.ts: the output table's columns and types, unrounded); the
 * site turns them back into rows with src/components/sidodata.ts.
 */
import { createHash } from "node:crypto";
import type { Del, Sidtabell } from "../../../src/components/sidodata.ts";
import { HELARSEKVIVALENTER, HELARSEKVIVALENTER_HALVAR } from "../helarsekvivalenter.ts";
import { ARBETSMARKNADSSTATUS, INKOMSTKALLA_SCHEMA, INKOMSTNIVA, MALGRUPP } from "../bas.ts";
import { BEFOLKNING, BEFOLKNING_ALDER, FORSORJNINGSKVOT } from "../befolkning.ts";
import { FORSORJNINGSMATT } from "../forsorjningsmatt.ts";
import { INDELNING } from "../indelning.ts";
import { INSATSER_JAMSTALLDHET, INSATSER_NYCKELTAL, INSATSER_RAPPORTERAT } from "../insatsscheman.ts";
import { DATAKVALITET, INDATAFILER } from "../datakvalitet.ts";
import {
  EKONOMI_BALANSRAKNING, EKONOMI_DRIFT, EKONOMI_EGET_KAPITAL, EKONOMI_ID, EKONOMI_KASSAFLODE, EKONOMI_LANGSIKTIG,
  EKONOMI_MEDELSTILLDELNING, EKONOMI_NOTER, EKONOMI_NYCKELTAL, EKONOMI_RESULTATRAKNING,
} from "../../kinds/ekonomi/utdata.ts";
import { MAL, MAL_BEDOMNING } from "../../kinds/styrelseindata/mal/utdata.ts";
import { PERSONALINRIKTADE_AKTIVITETER, PERSONALINRIKTADE_AR } from "../../kinds/styrelseindata/personalinriktade/utdata.ts";
import type { Schema, Utdatatabell } from "../schema.ts";
import { perRegion, regionfil, sidtabell, urval } from "./sidtabell.ts";
import { nationellaFiler, standardkommuner, type NationellaVal } from "./nationell.ts";
import { helaHalvar } from "../../../src/components/data.ts";
import { periodtyp } from "../../../src/components/format.ts";
import { FORBUNDSTABELLER, RAPPORTTABELLER } from "../../../src/components/styrelserapport.js";

/** The output tables the pages are made from. */
export const SIDORNAS_TABELLER = [
  HELARSEKVIVALENTER, HELARSEKVIVALENTER_HALVAR, INDELNING, ARBETSMARKNADSSTATUS, INKOMSTKALLA_SCHEMA, INKOMSTNIVA, MALGRUPP,
  BEFOLKNING, BEFOLKNING_ALDER, FORSORJNINGSKVOT, FORSORJNINGSMATT, INSATSER_NYCKELTAL, INSATSER_RAPPORTERAT,
  INSATSER_JAMSTALLDHET, DATAKVALITET, INDATAFILER,
  EKONOMI_DRIFT, EKONOMI_ID, EKONOMI_RESULTATRAKNING, EKONOMI_BALANSRAKNING, EKONOMI_KASSAFLODE, EKONOMI_NOTER,
  EKONOMI_NYCKELTAL, EKONOMI_MEDELSTILLDELNING, EKONOMI_LANGSIKTIG, EKONOMI_EGET_KAPITAL,
  PERSONALINRIKTADE_AR, PERSONALINRIKTADE_AKTIVITETER, MAL, MAL_BEDOMNING,
] as const;

export type Hamta = <S extends Schema>(schema: S) => Utdatatabell<S>;

/** A region with the first and last period it has (months for helårsekvivalenter). */
export interface Regionspann {
  niva: string;
  kod: string;
  namn: string;
  forsta: string | null;
  sista: string | null;
}

/** `niva, kod, namn, tid`: every period a region has in some table (the page lists regions and periods from it). */
export type Tid = [niva: string, kod: string, namn: string, tid: string];

export interface Oversikt {
  regioner: Regionspann[];
  /** Each förbund's latest whole half-year (all six months there), the one "Förbunden just nu" shows; null when it has none. */
  helaHalvar: Record<string, string | null>;
  /** The förbund's sums (all three kön) for that half-year and for the newest month. */
  he: Sidtabell;
  /** The förbund's half-year table (sums, all three kön) for that half-year. */
  halvar: Sidtabell;
  indelning: Sidtabell;
}
export interface HelarsekvivalenterIndex {
  regioner: Regionspann[];
  indelning: Sidtabell;
  delar: Record<string, Del>;
}
export interface HelarsekvivalenterDel {
  he: Sidtabell;
  halvar: Sidtabell;
}
export interface JamforelseIndex {
  /** The förbund that have helårsekvivalenter (names, in the table's order). */
  forbund: string[];
  /** Whether län or riket have helårsekvivalenter (the reference lines). */
  referens: boolean;
  /** The latest half-year with all six months for some förbund. */
  senasteHalvar: string | null;
  /** Förbund, län and riket in that half-year: every ersättning and kön. */
  halvar: Sidtabell;
  /** BAS target group, försörjningskvot and försörjningsmått of förbund, län and riket, in each one's latest period (statistik.ts, jamforelseRader). */
  malgrupp: Sidtabell;
  kvot: Sidtabell;
  matt: Sidtabell;
  /** One file per ersättning, kön and period type (`summa-alla-halvar`): förbund, län and riket over time (the share, andel, and the columns that say whose and when). */
  delar: Record<string, Del>;
}
export interface JamforelseDel {
  he: Sidtabell;
}
export interface ArbetsmarknadsstatusIndex {
  tider: Tid[];
  aldrar: string[];
  delar: Record<string, Del>;
}
export interface ArbetsmarknadsstatusDel {
  status: Sidtabell;
  kallor: Sidtabell;
  malgrupp: Sidtabell;
  nivaer: Sidtabell;
}
export interface BefolkningIndex {
  /** Every region once, with its latest year in any of the four tables (the region list). */
  regioner: Tid[];
  /** The years with population (in total or by age), for the year list. */
  ar: string[];
  /** Whether some region has a försörjningskvot (the kön choice). */
  harKvot: boolean;
  /** Län and riket, every year: the reference lines. */
  kvot: Sidtabell;
  /** Län and riket every year, and the förbund in the latest year any förbund has a total ("Förbunden"). */
  matt: Sidtabell;
  /** The förbund in försörjningsmåttet (any year), for their colours. */
  forbund: string[];
  delar: Record<string, Del>;
}
export interface BefolkningDel {
  befolkning: Sidtabell;
  kvot: Sidtabell;
  matt: Sidtabell;
  alder: Sidtabell;
}
export interface StyrelserapportIndex {
  /** The tables the report reads whole: the membership and the validation findings. */
  tabeller: Record<string, Sidtabell>;
  /** The förbund with data of their own (styrelserapport.ts, FORBUNDSTABELLER), sorted. */
  forbund: string[];
  /** One file per förbund of `forbund`: every other table of RAPPORTTABELLER, that förbund's rows. */
  delar: Record<string, Del>;
}
export interface Insatser {
  nyckeltal: Sidtabell;
  rapporterat: Sidtabell;
  indelning: Sidtabell;
}
export interface Jamstalldhet {
  nyckeltal: Sidtabell;
  jamstalldhet: Sidtabell;
  indelning: Sidtabell;
}
export interface Ekonomi {
  drift: Sidtabell;
  id: Sidtabell;
  resultatrakning: Sidtabell;
  balansrakning: Sidtabell;
  kassaflode: Sidtabell;
  noter: Sidtabell;
  nyckeltal: Sidtabell;
  medelstilldelning: Sidtabell;
  langsiktig: Sidtabell;
  egetKapital: Sidtabell;
  indelning: Sidtabell;
}
export interface Datakvalitet {
  datakvalitet: Sidtabell;
  indatafiler: Sidtabell;
}

/** The folders of the pages whose choices (region, förbund, …) are files of their own, fetched when chosen. */
export const REGIONSIDOR = ["helarsekvivalenter", "arbetsmarknadsstatus", "befolkning", "jamforelse", "styrelserapport"] as const;

const MANAD = /^\d{4}-\d{2}$/;
const HALVAR = /^\d{4}-H[12]$/;
const JAMFORELSENIVAER = new Set(["forbund", "lan", "riket"]);

/**
 * Every file of the pages' data: path under `data/sida/` -> its JSON text. The national
 * edition's files (`nationell/`, `forbund/<id>.json`) come from nationell.ts; `nationellt.forbund`
 * (FINSAM_FORBUND) keeps one förbund's file only.
 */
export function sidodata(hamta: Hamta, nationellt: NationellaVal = { kommuner: standardkommuner() }): Map<string, string> {
  const filer = new Map<string, string>();
  const skriv = (sokvag: string, varde: unknown): Del => {
    const text = JSON.stringify(varde);
    filer.set(sokvag, text);
    return { fil: sokvag.slice(sokvag.lastIndexOf("/") + 1), version: createHash("sha256").update(text).digest("hex").slice(0, 12) };
  };
  const he = hamta(HELARSEKVIVALENTER);
  const halvar = hamta(HELARSEKVIVALENTER_HALVAR);
  const indelning = sidtabell(hamta(INDELNING));
  const heRegioner = regionspann(he);

  // Översikt: for each förbund its latest whole half-year (found here, as the page did from all
  // its months) and its sums (alla, kvinnor, män) for that half-year and the newest month, which
  // "Förbunden just nu" shows; the regions' months; nothing else.
  const senasteManad = heRegioner.reduce<string | null>((a, r) => (r.sista !== null && (a === null || r.sista > a) ? r.sista : a), null);
  const forbundensHalvar = helaHalvarPerForbund(he);
  const oversiktHe = (r: Record<string, unknown>) =>
    r.niva === "forbund" && r.ersattning === "summa" && (r.period === senasteManad || r.period === forbundensHalvar[r.kod as string]);
  const oversiktHalvar = (r: Record<string, unknown>) => r.niva === "forbund" && r.ersattning === "summa" && r.halvar === forbundensHalvar[r.kod as string];
  skriv("oversikt.json", {
    regioner: heRegioner, helaHalvar: forbundensHalvar, he: sidtabell(he, urval(he, oversiktHe)), halvar: sidtabell(halvar, urval(halvar, oversiktHalvar)), indelning,
  } satisfies Oversikt);

  // Helårsekvivalenter: the region list; each region's rows (a förbund's with its member kommuners' half-year tables).
  const heDelar: Record<string, Del> = {};
  const hePerRegion = perRegion(he);
  const halvarPerRegion = perRegion(halvar);
  const medlemmar = new Map<string, Set<string>>();
  const ind = hamta(INDELNING);
  for (const i of ind.tabell.indices()) {
    const f = ind.tabell.column("forbund")!.at(i) as string;
    const k = ind.tabell.column("kommunkod")!.at(i) as string;
    if (!medlemmar.has(f)) medlemmar.set(f, new Set());
    medlemmar.get(f)!.add(k);
  }
  for (const [region, rader] of hePerRegion) {
    const r = heRegioner.find((x) => regionfil(x.niva, x.kod) === region)!;
    const kommuner = r.niva === "forbund" ? [...(medlemmar.get(r.kod) ?? [])].sort().map((k) => regionfil("kommun", k)) : [];
    const halvarRader = [region, ...kommuner].flatMap((x) => halvarPerRegion.get(x) ?? []).sort((a, b) => a - b);
    heDelar[region] = skriv(`helarsekvivalenter/${region}.json`, { he: sidtabell(he, rader), halvar: sidtabell(halvar, halvarRader) } satisfies HelarsekvivalenterDel);
  }
  skriv("helarsekvivalenter/index.json", { regioner: heRegioner, indelning, delar: heDelar } satisfies HelarsekvivalenterIndex);

  // Jämförelse mellan förbund: förbund, län and riket over time, one file per ersättning, kön
  // and period type (the page's choices); the latest whole half-year of all of them, and the
  // latest period of the other four measures, in the index.
  const jamforbar = (r: Record<string, unknown>) => JAMFORELSENIVAER.has(r.niva as string);
  const malgrupp = hamta(MALGRUPP);
  const kvot = hamta(FORSORJNINGSKVOT);
  const matt = hamta(FORSORJNINGSMATT);
  const jamforelseDelar: Record<string, Del> = {};
  const perVal = new Map<string, number[]>();
  let referens = false;
  for (const i of urval(he, (r) => jamforbar(r) && (MANAD.test(r.period as string) || HALVAR.test(r.period as string)))) {
    const c = (n: string) => he.tabell.column(n)!.at(i) as string;
    if (c("niva") !== "forbund") referens = true;
    const nyckel = `${c("ersattning")}-${c("kon")}-${MANAD.test(c("period")) ? "manad" : "halvar"}`;
    let lista = perVal.get(nyckel);
    if (!lista) perVal.set(nyckel, (lista = []));
    lista.push(i);
  }
  // The lines over time show the share only (andel; the whole rows are in the downloads).
  const overTid = ["niva", "kod", "namn", "period", "kon", "ersattning", "andel"];
  for (const [nyckel, rader] of perVal) jamforelseDelar[nyckel] = skriv(`jamforelse/${nyckel}.json`, { he: sidtabell(he, rader, overTid) } satisfies JamforelseDel);
  const senasteHalvar = Object.values(forbundensHalvar).reduce<string | null>((a, h) => (h !== null && (a === null || h > a) ? h : a), null);
  const senast = (t: Utdatatabell, tid: string, villkor: (r: Record<string, unknown>) => boolean = () => true) =>
    urval(t, (r) => r.niva === "forbund" && villkor(r)).reduce<string | null>((a, i) => {
      const v = t.tabell.column(tid)!.at(i) as string;
      return a === null || v > a ? v : a;
    }, null);
  const [malgruppManad, kvotAr, mattAr] = [senast(malgrupp, "manad"), senast(kvot, "ar", (r) => r.kon === "alla"), senast(matt, "ar", (r) => r.grupp === "total")];
  skriv("jamforelse/index.json", {
    forbund: distinkta(he, "namn", (i) => he.tabell.column("niva")!.at(i) === "forbund"),
    referens,
    senasteHalvar,
    halvar: sidtabell(he, urval(he, (r) => jamforbar(r) && r.period === senasteHalvar)),
    malgrupp: sidtabell(malgrupp, urval(malgrupp, (r) => jamforbar(r) && r.manad === malgruppManad)),
    kvot: sidtabell(kvot, urval(kvot, (r) => jamforbar(r) && r.ar === kvotAr)),
    matt: sidtabell(matt, urval(matt, (r) => jamforbar(r) && r.ar === mattAr)),
    delar: jamforelseDelar,
  } satisfies JamforelseIndex);

  // Arbetsmarknadsstatus: regions, months and ages; each region's four tables.
  const status = hamta(ARBETSMARKNADSSTATUS);
  const kallor = hamta(INKOMSTKALLA_SCHEMA);
  const nivaer = hamta(INKOMSTNIVA);
  const amsDelar: Record<string, Del> = {};
  const per = [perRegion(status), perRegion(kallor), perRegion(malgrupp), perRegion(nivaer)];
  const amsRegioner = [...new Set(per.flatMap((p) => [...p.keys()]))].sort();
  for (const region of amsRegioner) {
    amsDelar[region] = skriv(`arbetsmarknadsstatus/${region}.json`, {
      status: sidtabell(status, per[0]!.get(region) ?? []),
      kallor: sidtabell(kallor, per[1]!.get(region) ?? []),
      malgrupp: sidtabell(malgrupp, per[2]!.get(region) ?? []),
      nivaer: sidtabell(nivaer, per[3]!.get(region) ?? []),
    } satisfies ArbetsmarknadsstatusDel);
  }
  skriv("arbetsmarknadsstatus/index.json", {
    // malgrupp, status, kallor: the tables the page lists its regions and months from
    tider: tider([[malgrupp, "manad"], [status, "manad"], [kallor, "manad"]]),
    aldrar: distinkta(status, "alder"),
    delar: amsDelar,
  } satisfies ArbetsmarknadsstatusIndex);

  // Befolkning och försörjning: each region's four tables in its own file; in the index the
  // region list, the years, län and riket (the reference lines) and the förbund's latest
  // försörjningsmått (the comparison of the förbund).
  const alder = hamta(BEFOLKNING_ALDER);
  const befolkning = hamta(BEFOLKNING);
  const befDelar: Record<string, Del> = {};
  const befTabeller = [befolkning, kvot, matt, alder] as const;
  const befPer = befTabeller.map((t) => perRegion(t));
  const befRegioner = tider(befTabeller.map((t): [Utdatatabell, string] => [t, "ar"]));
  const senasteTid = new Map<string, Tid>();
  for (const t of befRegioner) {
    const r = regionfil(t[0], t[1]);
    if (!senasteTid.has(r) || t[3] > senasteTid.get(r)![3]) senasteTid.set(r, t);
  }
  for (const region of senasteTid.keys()) {
    const [b, k, m, a] = befTabeller.map((t, j) => sidtabell(t, befPer[j]!.get(region) ?? [])) as [Sidtabell, Sidtabell, Sidtabell, Sidtabell];
    befDelar[region] = skriv(`befolkning/${region}.json`, { befolkning: b, kvot: k, matt: m, alder: a } satisfies BefolkningDel);
  }
  const referensniva = (r: Record<string, unknown>) => r.niva === "lan" || r.niva === "riket";
  const mattJamforAr = senast(matt, "ar", (r) => r.grupp === "total" && r.per_invanare !== null && r.per_invanare !== undefined);
  skriv("befolkning/index.json", {
    regioner: [...senasteTid.values()],
    ar: [...new Set([...distinkta(alder, "ar"), ...distinkta(befolkning, "ar")])].sort(),
    harKvot: kvot.tabell.numRows() > 0,
    kvot: sidtabell(kvot, urval(kvot, referensniva)),
    matt: sidtabell(matt, urval(matt, (r) => referensniva(r) || (r.niva === "forbund" && r.ar === mattJamforAr))),
    forbund: distinkta(matt, "namn", (i) => matt.tabell.column("niva")!.at(i) === "forbund"),
    delar: befDelar,
  } satisfies BefolkningIndex);

  // Insatser and Jämställdhet: the protected participant tables (small) as published.
  const nyckeltal = sidtabell(hamta(INSATSER_NYCKELTAL));
  skriv("insatser.json", { nyckeltal, rapporterat: sidtabell(hamta(INSATSER_RAPPORTERAT)), indelning } satisfies Insatser);
  skriv("jamstalldhet.json", { nyckeltal, jamstalldhet: sidtabell(hamta(INSATSER_JAMSTALLDHET)), indelning } satisfies Jamstalldhet);
  // Ekonomi: the förbund's economy tables (one row per förbund, year, report date and line: small).
  skriv("ekonomi.json", {
    drift: sidtabell(hamta(EKONOMI_DRIFT)), id: sidtabell(hamta(EKONOMI_ID)), resultatrakning: sidtabell(hamta(EKONOMI_RESULTATRAKNING)),
    balansrakning: sidtabell(hamta(EKONOMI_BALANSRAKNING)), kassaflode: sidtabell(hamta(EKONOMI_KASSAFLODE)), noter: sidtabell(hamta(EKONOMI_NOTER)),
    nyckeltal: sidtabell(hamta(EKONOMI_NYCKELTAL)), medelstilldelning: sidtabell(hamta(EKONOMI_MEDELSTILLDELNING)),
    langsiktig: sidtabell(hamta(EKONOMI_LANGSIKTIG)), egetKapital: sidtabell(hamta(EKONOMI_EGET_KAPITAL)), indelning,
  } satisfies Ekonomi);
  skriv("datakvalitet.json", { datakvalitet: sidtabell(hamta(DATAKVALITET)), indatafiler: sidtabell(hamta(INDATAFILER)) } satisfies Datakvalitet);
  // Styrelserapport: the tables `finsam rapport` reads (src/components/styrelserapport.ts,
  // RAPPORTTABELLER). The membership and the findings whole in the index; every other table in
  // one file per förbund with data of its own (the page's list), that förbund's rows only (the
  // SCB tables its förbund level), fetched when the förbund is chosen.
  const rapporttabeller: Record<string, Utdatatabell> = {
    indelning: ind, insatser_nyckeltal: hamta(INSATSER_NYCKELTAL), insatser_jamstalldhet: hamta(INSATSER_JAMSTALLDHET),
    helarsekvivalenter_halvar: halvar, malgrupp, ekonomi_resultatrakning: hamta(EKONOMI_RESULTATRAKNING), ekonomi_drift: hamta(EKONOMI_DRIFT),
    ekonomi_id: hamta(EKONOMI_ID), ekonomi_balansrakning: hamta(EKONOMI_BALANSRAKNING), ekonomi_kassaflode: hamta(EKONOMI_KASSAFLODE),
    ekonomi_noter: hamta(EKONOMI_NOTER), ekonomi_medelstilldelning: hamta(EKONOMI_MEDELSTILLDELNING), ekonomi_langsiktig: hamta(EKONOMI_LANGSIKTIG),
    ekonomi_eget_kapital: hamta(EKONOMI_EGET_KAPITAL), personalinriktade_ar: hamta(PERSONALINRIKTADE_AR),
    personalinriktade_aktiviteter: hamta(PERSONALINRIKTADE_AKTIVITETER), mal: hamta(MAL), mal_bedomning: hamta(MAL_BEDOMNING), datakvalitet: hamta(DATAKVALITET),
  };
  const helaRapporttabeller = new Set(["indelning", "datakvalitet"]);
  const rapportforbund = [...new Set(FORBUNDSTABELLER.flatMap((n) => distinkta(rapporttabeller[n]!, "forbund")))].filter(Boolean).sort();
  const rapportDelar: Record<string, Del> = {};
  for (const id of rapportforbund) {
    const del: Record<string, Sidtabell> = {};
    for (const namn of RAPPORTTABELLER.filter((n) => !helaRapporttabeller.has(n))) {
      const t = rapporttabeller[namn]!;
      del[namn] = sidtabell(t, urval(t, t.schema.kolumner.some((k) => k.namn === "forbund") ? (r) => r.forbund === id : (r) => r.niva === "forbund" && r.kod === id));
    }
    rapportDelar[id] = skriv(`styrelserapport/${id}.json`, del);
  }
  skriv("styrelserapport/index.json", {
    tabeller: Object.fromEntries([...helaRapporttabeller].map((n) => [n, sidtabell(rapporttabeller[n]!)])),
    forbund: rapportforbund,
    delar: rapportDelar,
  } satisfies StyrelserapportIndex);
  // The national edition: the förbund index, one comparison file per measure, one file per förbund.
  for (const [sokvag, varde] of nationellaFiler(hamta, nationellt)) skriv(sokvag, varde);
  return filer;
}

/** Each region of the helårsekvivalenter with its first and last month, in the table's order. */
function regionspann(t: Utdatatabell): Regionspann[] {
  const ut = new Map<string, Regionspann>();
  const c = (n: string) => t.tabell.column(n)!;
  const [niva, kod, namn, period] = [c("niva"), c("kod"), c("namn"), c("period")];
  for (const i of t.tabell.indices()) {
    const nyckel = regionfil(niva.at(i) as string, kod.at(i) as string);
    let r = ut.get(nyckel);
    if (!r) ut.set(nyckel, (r = { niva: niva.at(i) as string, kod: kod.at(i) as string, namn: namn.at(i) as string, forsta: null, sista: null }));
    const p = period.at(i) as string;
    if (!MANAD.test(p)) continue;
    if (r.forsta === null || p < r.forsta) r.forsta = p;
    if (r.sista === null || p > r.sista) r.sista = p;
  }
  return [...ut.values()];
}

/** The distinct (niva, kod, namn, time) of some tables, region by region in order of appearance. */
function tider(kallor: [Utdatatabell, string][]): Tid[] {
  const perRegion = new Map<string, { niva: string; kod: string; namn: string; tider: Set<string> }>();
  for (const [t, tidkolumn] of kallor) {
    const c = (n: string) => t.tabell.column(n)!;
    const [niva, kod, namn, tid] = [c("niva"), c("kod"), c("namn"), c(tidkolumn)];
    for (const i of t.tabell.indices()) {
      const region = regionfil(niva.at(i) as string, kod.at(i) as string);
      let r = perRegion.get(region);
      if (!r) perRegion.set(region, (r = { niva: niva.at(i) as string, kod: kod.at(i) as string, namn: namn.at(i) as string, tider: new Set() }));
      r.tider.add(tid.at(i) as string);
    }
  }
  return [...perRegion.values()].flatMap((r) => [...r.tider].map((t): Tid => [r.niva, r.kod, r.namn, t]));
}

/** The distinct values of a text column, in order of appearance (of the rows where `villkor` holds). */
function distinkta(t: Utdatatabell, kolumn: string, villkor: (rad: number) => boolean = () => true): string[] {
  const c = t.tabell.column(kolumn)!;
  const ut = new Set<string>();
  for (const i of t.tabell.indices()) if (villkor(i)) ut.add(c.at(i) as string);
  return [...ut];
}

/** Each förbund's latest half-year with all six months (src/components/data.ts, helaHalvar), from its sums for alla. */
export function helaHalvarPerForbund(he: Utdatatabell): Record<string, string | null> {
  const perForbund = new Map<string, { period: string; periodtyp: ReturnType<typeof periodtyp> }[]>();
  const c = (n: string) => he.tabell.column(n)!;
  const [niva, kod, kon, ersattning, period] = [c("niva"), c("kod"), c("kon"), c("ersattning"), c("period")];
  for (const i of he.tabell.indices()) {
    if (niva.at(i) !== "forbund") continue;
    const k = kod.at(i) as string;
    if (!perForbund.has(k)) perForbund.set(k, []);
    if (kon.at(i) !== "alla" || ersattning.at(i) !== "summa") continue;
    const p = period.at(i) as string;
    perForbund.get(k)!.push({ period: p, periodtyp: periodtyp(p) });
  }
  return Object.fromEntries([...perForbund].map(([k, rader]) => [k, helaHalvar(rader).at(-1) ?? null]));
}
