/**
 * The national edition's page data (docs/nationell.md): the förbund index, one comparison file
 * per measure (all förbund, län and riket) and one file per förbund with its own slice: its,
 * its län's and riket's value for every measure, period and kön, its place among all förbund,
 * its kommuners' helårsekvivalenter, the half-year table, population and its insatser.
 *
 * Every table is read once and split by region (perRegion); no förbund file reads a whole
 * table. The measures, the ranking and the formats are shared with the site
 * (src/components/nationell.ts).
 */
import type { Sidtabell } from "../../../src/components/sidodata.ts";
import {
  MATT, forbundUnderPerioden, rangordna,
  type Forbundet, type Forbundsindex, type Forbundssida, type Giltighet, type Mattabell, type Medlem, type Placeringstabell,
} from "../../../src/components/nationell.ts";
import { HELARSEKVIVALENTER, HELARSEKVIVALENTER_HALVAR } from "../helarsekvivalenter.ts";
import { ARBETSMARKNADSSTATUS, MALGRUPP } from "../bas.ts";
import { BEFOLKNING, FORSORJNINGSKVOT } from "../befolkning.ts";
import { FORSORJNINGSMATT } from "../forsorjningsmatt.ts";
import { INDELNING } from "../indelning.ts";
import { INSATSER_NYCKELTAL } from "../insatsscheman.ts";
import type { Utdatatabell } from "../schema.ts";
import { readDefaultKommuner } from "../../reference/indelning.ts";
import { Findings } from "../../validate/findings.ts";
import { perRegion, regionfil, sidtabell } from "./sidtabell.ts";
import type { Hamta } from "./index.ts";

export interface Kommuninfo {
  readonly namn: string;
  readonly lan: string;
  readonly lanNamn: string;
}

export interface NationellaVal {
  /** Only this förbund's file (FINSAM_FORBUND); all förbund when left out. */
  readonly forbund?: string | undefined;
  /** All kommuner (code -> name and län), for the kommuner outside every förbund and the län names. */
  readonly kommuner: ReadonlyMap<string, Kommuninfo>;
}

const NIVAER = new Set(["forbund", "lan", "riket"]);
const AR_HALVAR = /^\d{4}(-H[12])?$/;

/** Where each measure's values are in the output tables. */
interface Kalla {
  schema: { namn: string };
  amne: (typeof MATT)[number]["amne"];
  /** Column whose value picks the measure (`he-<ersattning>`); none = one measure. */
  nyckel?: string;
  tid: string;
  varde: string;
  /** Other columns that must have a value (e.g. alder 20-64). */
  fast?: Record<string, string>;
  period?: RegExp;
}

const KALLOR: Kalla[] = [
  { schema: HELARSEKVIVALENTER, amne: "he", nyckel: "ersattning", tid: "period", varde: "andel", period: AR_HALVAR },
  { schema: ARBETSMARKNADSSTATUS, amne: "bas", nyckel: "status", tid: "manad", varde: "andel", fast: { alder: "20-64", fodelseregion: "totalt" } },
  { schema: MALGRUPP, amne: "malgrupp", nyckel: "matt", tid: "manad", varde: "andel" },
  { schema: FORSORJNINGSKVOT, amne: "kvot", tid: "ar", varde: "varde" },
  { schema: FORSORJNINGSMATT, amne: "fm", nyckel: "grupp", tid: "ar", varde: "per_invanare" },
];

/** Collects one measure's rows as a Mattabell. */
class Mattbyggare {
  private readonly regioner = new Map<string, number>();
  private readonly perioder = new Map<string, number>();
  private readonly kon = new Map<string, number>();
  readonly t: Mattabell;
  constructor(matt: string) {
    this.t = { matt, regioner: [], perioder: [], kon: [], r: [], p: [], k: [], v: [] };
  }
  lagg(niva: string, kod: string, namn: string, period: string, kon: string, varde: number | null): void {
    const rk = regionfil(niva, kod);
    let r = this.regioner.get(rk);
    if (r === undefined) {
      this.regioner.set(rk, (r = this.t.regioner.length));
      this.t.regioner.push([niva, kod, namn]);
    }
    let p = this.perioder.get(period);
    if (p === undefined) {
      this.perioder.set(period, (p = this.t.perioder.length));
      this.t.perioder.push(period);
    }
    let k = this.kon.get(kon);
    if (k === undefined) {
      this.kon.set(kon, (k = this.t.kon.length));
      this.t.kon.push(kon);
    }
    this.t.r.push(r);
    this.t.p.push(p);
    this.t.k.push(k);
    this.t.v.push(varde === null || varde === undefined || !Number.isFinite(varde) ? null : varde);
  }
}

/** Every measure's rows at the levels förbund, län and riket (one pass per table). */
export function mattabeller(hamta: Hamta): Map<string, Mattabell> {
  const byggare = new Map(MATT.map((m) => [m.id, new Mattbyggare(m.id)]));
  for (const k of KALLOR) {
    const t = hamta(k.schema as never) as Utdatatabell;
    const c = (n: string) => t.tabell.column(n)!;
    const [niva, kod, namn, tid] = [c("niva"), c("kod"), c("namn"), c(k.tid)];
    const kon = t.tabell.column("kon");
    const varde = c(k.varde);
    const nyckel = k.nyckel ? c(k.nyckel) : undefined;
    const fasta = Object.entries(k.fast ?? {}).map(([n, v]) => [c(n), v] as const);
    const ensam = MATT.find((m) => m.amne === k.amne)!.id;
    for (const i of t.tabell.indices()) {
      const n = niva.at(i) as string;
      if (!NIVAER.has(n)) continue;
      if (fasta.some(([kol, v]) => kol.at(i) !== v)) continue;
      const period = tid.at(i) as string;
      if (k.period && !k.period.test(period)) continue;
      const b = byggare.get(nyckel ? `${k.amne}-${nyckel.at(i) as string}` : ensam);
      if (!b) continue;
      b.lagg(n, kod.at(i) as string, namn.at(i) as string, period, kon ? (kon.at(i) as string) : "alla", varde.at(i) as number | null);
    }
  }
  return new Map([...byggare].map(([id, b]) => [id, b.t]));
}

/** The förbund from the membership table, with their kommuner and län, in id order. */
export function forbundslista(indelning: Utdatatabell, kommuner: ReadonlyMap<string, Kommuninfo>): Forbundet[] {
  const c = (n: string) => indelning.tabell.column(n)!;
  const [id, namn, kod, kommun, lan, fran, till] = ["forbund", "forbund_namn", "kommunkod", "kommun", "lan", "giltig_fran", "giltig_till"].map(c);
  const ut = new Map<string, Forbundet>();
  for (const i of indelning.tabell.indices()) {
    const f = id!.at(i) as string;
    let post = ut.get(f);
    if (!post) ut.set(f, (post = { id: f, namn: namn!.at(i) as string, kommuner: [], lan: [], fran: null, till: null }));
    const l = lan!.at(i) as string;
    const m: Medlem = {
      kod: kod!.at(i) as string, namn: kommun!.at(i) as string, lan: l, lanNamn: kommuner.get(kod!.at(i) as string)?.lanNamn ?? lanNamn(kommuner, l),
      fran: (fran!.at(i) as string | null) ?? null, till: (till!.at(i) as string | null) ?? null,
    };
    post.kommuner.push(m);
  }
  for (const f of ut.values()) {
    f.kommuner.sort((a, b) => jamfor(a.kod, b.kod) || jamfor(a.fran ?? "", b.fran ?? ""));
    const lan = new Map(f.kommuner.map((k) => [k.lan, k.lanNamn]));
    f.lan = [...lan].sort(([a], [b]) => jamfor(a, b)).map(([kod, namn]) => ({ kod, namn }));
    f.fran = f.kommuner.some((k) => k.fran === null) ? null : f.kommuner.map((k) => k.fran!).reduce((a, b) => (b < a ? b : a));
    f.till = f.kommuner.some((k) => k.till === null) ? null : f.kommuner.map((k) => k.till!).reduce((a, b) => (b > a ? b : a));
  }
  return [...ut.values()].sort((a, b) => jamfor(a.id, b.id));
}

function lanNamn(kommuner: ReadonlyMap<string, Kommuninfo>, lan: string): string {
  for (const k of kommuner.values()) if (k.lan === lan) return k.lanNamn;
  return lan;
}

/** Each förbund's place per measure, period and kön (only förbund-level values count). */
export function placeringar(tabeller: ReadonlyMap<string, Mattabell>, giltighet: readonly Giltighet[]): Map<string, Map<string, Placeringstabell>> {
  const ut = new Map<string, Map<string, Placeringstabell>>();
  for (const [matt, t] of tabeller) {
    // (period, kön) -> förbund -> värde
    const grupper = new Map<number, Map<string, number | null>>();
    for (let i = 0; i < t.v.length; i++) {
      const [niva, kod] = t.regioner[t.r[i]!]!;
      if (niva !== "forbund") continue;
      const g = t.p[i]! * t.kon.length + t.k[i]!;
      let m = grupper.get(g);
      if (!m) grupper.set(g, (m = new Map()));
      m.set(kod, t.v[i] ?? null);
    }
    const perForbund = new Map<string, Placeringstabell>();
    for (const g of [...grupper.keys()].sort((a, b) => a - b)) {
      const p = Math.floor(g / t.kon.length);
      const k = g % t.kon.length;
      const platser = rangordna(grupper.get(g)!, forbundUnderPerioden(giltighet, t.perioder[p]!));
      for (const [id, pl] of platser) {
        let pt = perForbund.get(id);
        if (!pt) perForbund.set(id, (pt = { perioder: t.perioder, kon: t.kon, p: [], k: [], plats: [], antal: [], delad: [], saknas: [] }));
        pt.p.push(p);
        pt.k.push(k);
        pt.plats.push(pl.plats);
        pt.antal.push(pl.antal);
        pt.delad.push(pl.delad);
        pt.saknas.push(pl.saknas);
      }
    }
    for (const [id, pt] of perForbund) {
      let m = ut.get(id);
      if (!m) ut.set(id, (m = new Map()));
      m.set(matt, pt);
    }
  }
  return ut;
}

/** A Mattabell with only some regions (keys `niva-kod`). */
export function bara(t: Mattabell, regioner: ReadonlySet<string>): Mattabell {
  const nya = new Map<number, number>();
  const ut: Mattabell = { matt: t.matt, regioner: [], perioder: t.perioder, kon: t.kon, r: [], p: [], k: [], v: [] };
  t.regioner.forEach(([niva, kod, namn], i) => {
    if (regioner.has(regionfil(niva, kod))) {
      nya.set(i, ut.regioner.length);
      ut.regioner.push([niva, kod, namn]);
    }
  });
  for (let i = 0; i < t.v.length; i++) {
    const r = nya.get(t.r[i]!);
    if (r === undefined) continue;
    ut.r.push(r);
    ut.p.push(t.p[i]!);
    ut.k.push(t.k[i]!);
    ut.v.push(t.v[i] ?? null);
  }
  return ut;
}

/** What a förbund page shows besides the measures: its kommuner's tables and its insatser. */
export interface ForbundssidaData extends Forbundssida {
  /** Helårsekvivalenter (år och halvår) for the förbund and its kommuner. */
  he: Sidtabell;
  /** The half-year table for the förbund and its kommuner. */
  halvar: Sidtabell;
  /** Population for the förbund, its län, riket and its kommuner. */
  befolkning: Sidtabell;
  /** The förbund's protected insats key figures (empty when it has no participant records). */
  insatser: Sidtabell;
}

/** The 290 kommuner of data/referens/kommuner.csv. */
export function standardkommuner(): Map<string, Kommuninfo> {
  const k = readDefaultKommuner(new Findings());
  if (!k) throw new Error("data/referens/kommuner.csv kunde inte läsas");
  return new Map([...k].map(([kod, x]) => [kod, { namn: x.namn, lan: x.lan, lanNamn: x.lanNamn }]));
}

/** All the national files: path under data/sida/ -> value. */
export function nationellaFiler(hamta: Hamta, val: NationellaVal): Map<string, unknown> {
  const filer = new Map<string, unknown>();
  const forbund = forbundslista(hamta(INDELNING), val.kommuner);
  const tabeller = mattabeller(hamta);
  const medVarde = [...tabeller.values()].filter((t) => t.v.some((v, i) => v !== null && t.regioner[t.r[i]!]![0] === "forbund")).map((t) => t.matt);
  const valda = val.forbund === undefined ? forbund : forbund.filter((f) => f.id === val.forbund);
  const idag = new Set(forbund.flatMap((f) => f.kommuner.filter((k) => k.till === null).map((k) => k.kod)));
  const lan = new Map<string, string>();
  for (const k of val.kommuner.values()) lan.set(k.lan, k.lanNamn);
  filer.set("nationell/index.json", {
    forbund,
    utanfor: [...val.kommuner].filter(([kod]) => !idag.has(kod)).sort(([a], [b]) => jamfor(a, b)).map(([kod, k]) => ({ kod, namn: k.namn, lan: k.lan, lanNamn: k.lanNamn })),
    lan: [...lan].sort(([a], [b]) => jamfor(a, b)).map(([kod, namn]) => ({ kod, namn })),
    matt: medVarde,
    sidor: valda.map((f) => f.id),
  } satisfies Forbundsindex);
  for (const [id, t] of tabeller) filer.set(`nationell/${id}.json`, t);

  const giltighet: Giltighet[] = forbund.flatMap((f) => f.kommuner.map((k) => ({ forbund: f.id, fran: k.fran, till: k.till })));
  const platser = placeringar(tabeller, giltighet);
  if (valda.length === 0) return filer;
  const he = hamta(HELARSEKVIVALENTER);
  const halvar = hamta(HELARSEKVIVALENTER_HALVAR);
  const befolkning = hamta(BEFOLKNING);
  const insatser = hamta(INSATSER_NYCKELTAL);
  const [heRegion, halvarRegion, befRegion] = [perRegion(he), perRegion(halvar), perRegion(befolkning)];
  const insatsForbund = new Map<string, number[]>();
  const insatsKolumn = insatser.tabell.column("forbund")!;
  for (const i of insatser.tabell.indices()) {
    const f = insatsKolumn.at(i) as string;
    const lista = insatsForbund.get(f);
    if (lista) lista.push(i);
    else insatsForbund.set(f, [i]);
  }
  const period = he.tabell.column("period")!;
  const rader = (per: Map<string, number[]>, regioner: readonly string[], villkor?: (i: number) => boolean) =>
    regioner.flatMap((r) => per.get(r) ?? []).filter((i) => !villkor || villkor(i)).sort((a, b) => a - b);
  for (const f of valda) {
    const kommuner = [...new Set(f.kommuner.map((k) => regionfil("kommun", k.kod)))];
    const egen = regionfil("forbund", f.id);
    const jamforda = new Set([egen, ...f.lan.map((l) => regionfil("lan", l.kod)), regionfil("riket", "00")]);
    const matt: Record<string, Mattabell> = {};
    for (const id of medVarde) matt[id] = bara(tabeller.get(id)!, jamforda);
    const pl: Record<string, Placeringstabell> = {};
    for (const [id, pt] of platser.get(f.id) ?? []) if (medVarde.includes(id)) pl[id] = pt;
    filer.set(`forbund/${f.id}.json`, {
      forbund: f, matt, placeringar: pl,
      he: sidtabell(he, rader(heRegion, [egen, ...kommuner], (i) => AR_HALVAR.test(period.at(i) as string))),
      halvar: sidtabell(halvar, rader(halvarRegion, [egen, ...kommuner])),
      befolkning: sidtabell(befolkning, rader(befRegion, [...jamforda, ...kommuner])),
      insatser: sidtabell(insatser, insatsForbund.get(f.id) ?? []),
    } satisfies ForbundssidaData);
  }
  return filer;
}

function jamfor(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
