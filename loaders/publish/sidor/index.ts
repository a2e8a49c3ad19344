/**
 * What each page of the site shows, from the output tables: the site never loads a tidy table
 * whole (docs/webbplatsen.md, "Sidornas data"). Every page has one file under `data/sida/`;
 * the pages with a region choice (Helårsekvivalenter, Arbetsmarknadsstatus, Befolkning och
 * försörjning) also have one file per region, fetched when the region is chosen.
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
  he: Sidtabell;
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
export interface Jamforelse {
  he: Sidtabell;
  malgrupp: Sidtabell;
  kvot: Sidtabell;
  matt: Sidtabell;
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
  befolkning: Sidtabell;
  kvot: Sidtabell;
  matt: Sidtabell;
  alderTider: Tid[];
  delar: Record<string, Del>;
}
export interface BefolkningDel {
  alder: Sidtabell;
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

/** The folders of the pages whose regions are files of their own. */
export const REGIONSIDOR = ["helarsekvivalenter", "arbetsmarknadsstatus", "befolkning"] as const;

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

  // Översikt: the förbund's sums (alla; kvinnor and män for the half-years and the newest
  // month, which "Förbunden just nu" shows beside the total) and the regions' months, nothing else.
  const senasteManad = heRegioner.reduce<string | null>((a, r) => (r.sista !== null && (a === null || r.sista > a) ? r.sista : a), null);
  const summaKon = (r: Record<string, unknown>) =>
    r.niva === "forbund" && r.ersattning === "summa" &&
    (r.kon === "alla" || ((r.kon === "kvinnor" || r.kon === "man") && (HALVAR.test(r.period as string) || r.period === senasteManad)));
  const summaAllaKon = (r: Record<string, unknown>) => r.niva === "forbund" && r.ersattning === "summa";
  skriv("oversikt.json", {
    regioner: heRegioner, he: sidtabell(he, urval(he, summaKon)), halvar: sidtabell(halvar, urval(halvar, summaAllaKon)), indelning,
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

  // Jämförelse mellan förbund: förbund, län and riket, by month and half-year.
  const jamforbar = (r: Record<string, unknown>) => JAMFORELSENIVAER.has(r.niva as string);
  const malgrupp = hamta(MALGRUPP);
  const kvot = hamta(FORSORJNINGSKVOT);
  const matt = hamta(FORSORJNINGSMATT);
  skriv("jamforelse.json", {
    he: sidtabell(he, urval(he, (r) => jamforbar(r) && (MANAD.test(r.period as string) || HALVAR.test(r.period as string)))),
    malgrupp: sidtabell(malgrupp, urval(malgrupp, jamforbar)),
    kvot: sidtabell(kvot, urval(kvot, jamforbar)),
    matt: sidtabell(matt, urval(matt, jamforbar)),
  } satisfies Jamforelse);

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

  // Befolkning och försörjning: the small yearly tables whole; the age pyramid per region.
  const alder = hamta(BEFOLKNING_ALDER);
  const befDelar: Record<string, Del> = {};
  for (const [region, rader] of perRegion(alder)) {
    befDelar[region] = skriv(`befolkning/${region}.json`, { alder: sidtabell(alder, rader) } satisfies BefolkningDel);
  }
  skriv("befolkning/index.json", {
    befolkning: sidtabell(hamta(BEFOLKNING)), kvot: sidtabell(kvot), matt: sidtabell(matt), alderTider: tider([[alder, "ar"]]), delar: befDelar,
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
  // Styrelserapport: the tables `finsam rapport` reads (src/components/styrelserapport.js,
  // RAPPORTTABELLER), by table name; the SCB tables only for the förbund (the report shows no
  // other level), so the file stays small on a national input.
  const forbundsniva = (t: Utdatatabell) => sidtabell(t, urval(t, (r) => r.niva === "forbund"));
  skriv("styrelserapport.json", {
    indelning: sidtabell(hamta(INDELNING)), insatser_nyckeltal: nyckeltal, insatser_jamstalldhet: sidtabell(hamta(INSATSER_JAMSTALLDHET)),
    helarsekvivalenter_halvar: forbundsniva(hamta(HELARSEKVIVALENTER_HALVAR)), malgrupp: forbundsniva(hamta(MALGRUPP)),
    ekonomi_resultatrakning: sidtabell(hamta(EKONOMI_RESULTATRAKNING)), ekonomi_drift: sidtabell(hamta(EKONOMI_DRIFT)), ekonomi_id: sidtabell(hamta(EKONOMI_ID)),
    ekonomi_balansrakning: sidtabell(hamta(EKONOMI_BALANSRAKNING)), ekonomi_kassaflode: sidtabell(hamta(EKONOMI_KASSAFLODE)), ekonomi_noter: sidtabell(hamta(EKONOMI_NOTER)),
    ekonomi_medelstilldelning: sidtabell(hamta(EKONOMI_MEDELSTILLDELNING)), ekonomi_langsiktig: sidtabell(hamta(EKONOMI_LANGSIKTIG)),
    ekonomi_eget_kapital: sidtabell(hamta(EKONOMI_EGET_KAPITAL)), personalinriktade_ar: sidtabell(hamta(PERSONALINRIKTADE_AR)),
    personalinriktade_aktiviteter: sidtabell(hamta(PERSONALINRIKTADE_AKTIVITETER)), mal: sidtabell(hamta(MAL)), mal_bedomning: sidtabell(hamta(MAL_BEDOMNING)),
    datakvalitet: sidtabell(hamta(DATAKVALITET)),
  } satisfies Record<string, Sidtabell>);
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

/** The distinct values of a text column, in order of appearance. */
function distinkta(t: Utdatatabell, kolumn: string): string[] {
  const c = t.tabell.column(kolumn)!;
  return [...new Set(Array.from(t.tabell.indices(), (i) => c.at(i) as string))];
}
