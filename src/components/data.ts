// Helårsekvivalenterna på sidorna: koder och namn, tolkning av sidornas data (sidtabeller med
// utdatatabellernas scheman, docs/utdata.md; se sidodata.ts) och urval av regioner och perioder.
import type { HELARSEKVIVALENTER, HELARSEKVIVALENTER_HALVAR } from "../../loaders/publish/helarsekvivalenter.ts";
import type { INDELNING } from "../../loaders/publish/indelning.ts";
import type { Rad } from "../../loaders/publish/schema.ts";
import { periodStart, periodtyp } from "./format.js";
import { avkoda, type Sidtabell } from "./sidodata.js";

/** Ersättningarna i utdatans ordning, med namn för diagram och för halvårstabellen. */
export const ERSATTNINGAR = [
  { kod: "sjukpenning", namn: "Sjukpenning", tabellnamn: "Sjukpenning" },
  { kod: "sjuk_aktivitetsersattning", namn: "Sjuk- och aktivitetsersättning", tabellnamn: "Sjuk- och aktivitetsersättning" },
  { kod: "arbetsloshet", namn: "Arbetslöshetsersättning", tabellnamn: "Arbetslöshetsersättning" },
  { kod: "arbetsmarknadsatgarder", namn: "Arbetsmarknadsåtgärder", tabellnamn: "Arbetsmarknadsåtgärder" },
  { kod: "etableringsersattning", namn: "Etableringsersättning", tabellnamn: "Etableringsersättning" },
  { kod: "ekonomiskt_bistand", namn: "Ekonomiskt bistånd", tabellnamn: "Ekonomiskt bistånd" },
  { kod: "summa", namn: "Summa", tabellnamn: "Summa helårsekvivalenter" }
];
/** De sex ersättningarna utan summan. */
export const DELAR = ERSATTNINGAR.filter((e) => e.kod !== "summa");

export const KON = [
  { kod: "alla", namn: "Alla" },
  { kod: "kvinnor", namn: "Kvinnor" },
  { kod: "man", namn: "Män" }
];

export const NIVAER = [
  { kod: "kommun", namn: "Kommun" },
  { kod: "forbund", namn: "Förbund" },
  { kod: "lan", namn: "Län" },
  { kod: "riket", namn: "Riket" }
];

/**
 * Färger per ersättning (samma i alla diagram), ur Observable 10 men utan laxrosa och ljust
 * blågrönt, som liknar könets orange och blågröna (docs/webbplatsen.md, Färger): rosa och grönt i stället.
 */
export const ERSATTNINGSFARGER = ["#4269d0", "#efb118", "#ff8ab7", "#3ca951", "#a463f2", "#97bbf5"];
/** Färger per kön: Alla, Kvinnor, Män. Alla har kontrast minst 4,5:1 mot vit bakgrund. */
export const KONSFARGER = ["#3f4450", "#b4410a", "#0b6e69"];

export interface Kategori {
  kod: string;
  namn: string;
}

const namnPa = (lista: readonly Kategori[]) => new Map(lista.map((d) => [d.kod, d.namn]));
const ersattningsnamn = namnPa(ERSATTNINGAR);
const tabellnamn = new Map(ERSATTNINGAR.map((d) => [d.kod, d.tabellnamn]));
const konsnamn = namnPa(KON);
const nivanamn = namnPa(NIVAER);

export const ersattningNamn = (kod: string): string => ersattningsnamn.get(kod) ?? kod;
export const ersattningTabellnamn = (kod: string): string => tabellnamn.get(kod) ?? kod;
export const konNamn = (kod: string): string => konsnamn.get(kod) ?? kod;
export const nivaNamn = (kod: string): string => nivanamn.get(kod) ?? kod;

const ersattningsordning = new Map(ERSATTNINGAR.map((d, i) => [d.kod, i]));
const nivaordning = new Map(NIVAER.map((d, i) => [d.kod, i]));
export const ersattningIndex = (kod: string): number => ersattningsordning.get(kod) ?? 99;
export const nivaIndex = (kod: string): number => nivaordning.get(kod) ?? 99;

/** En rad ur helarsekvivalenter med periodens typ och första dag. */
export interface HeRad extends Rad<typeof HELARSEKVIVALENTER> {
  periodtyp: ReturnType<typeof periodtyp>;
  datum: Date | null;
}

/** Raderna i helarsekvivalenter (en sidtabell ur sidornas data). */
export function tolkaHelarsekvivalenter(t: Sidtabell): HeRad[] {
  return avkoda<typeof HELARSEKVIVALENTER>(t, "helarsekvivalenter").map((d) => ({ ...d, periodtyp: periodtyp(d.period), datum: periodStart(d.period) }));
}

export interface HalvarRad {
  niva: string;
  kod: string;
  namn: string;
  kon: string;
  ersattning: string;
  halvar: string;
  varde: number;
  vardeForegaendeAr: number | null;
  differens: number | null;
}

/** Raderna i helarsekvivalenter_halvar. */
export function tolkaHalvar(t: Sidtabell): HalvarRad[] {
  return avkoda<typeof HELARSEKVIVALENTER_HALVAR>(t, "helarsekvivalenter_halvar").map((d) => ({
    niva: d.niva,
    kod: d.kod,
    namn: d.namn,
    kon: d.kon,
    ersattning: d.ersattning,
    halvar: d.halvar,
    varde: d.varde,
    vardeForegaendeAr: d.varde_foregaende_ar,
    differens: d.differens
  }));
}

export interface Medlem {
  forbund: string;
  forbundNamn: string;
  kommunkod: string;
  kommun: string;
  lan: string;
  giltigFran: string | null;
  giltigTill: string | null;
}

/** Raderna i indelning. */
export function tolkaIndelning(t: Sidtabell): Medlem[] {
  return avkoda<typeof INDELNING>(t, "indelning").map((d) => ({
    forbund: d.forbund,
    forbundNamn: d.forbund_namn,
    kommunkod: d.kommunkod,
    kommun: d.kommun,
    lan: d.lan,
    giltigFran: d.giltig_fran,
    giltigTill: d.giltig_till
  }));
}

/** Nyckel för en region. */
export const regionNyckel = (d: { niva: string; kod: string }): string => `${d.niva}:${d.kod}`;

/** En region med sin första och sista månad (ur sidornas data, loaders/publish/sidor/). */
export interface Regionspann {
  niva: string;
  kod: string;
  namn: string;
  forsta: string | null;
  sista: string | null;
}

export interface Region extends Regionspann {
  nyckel: string;
}

/** Regionerna med första och sista månad, sorterade: förbund, kommuner, län, riket. */
export function regioner(spann: readonly Regionspann[]): Region[] {
  const ordning = ["forbund", "kommun", "lan", "riket"];
  return spann
    .map((r) => ({ ...r, nyckel: regionNyckel(r) }))
    .sort(
      (a, b) =>
        ordning.indexOf(a.niva) - ordning.indexOf(b.niva) ||
        // förbund som finns i senaste månaden först
        (b.sista ?? "").localeCompare(a.sista ?? "") * (a.niva === "forbund" ? 1 : 0) ||
        a.namn.localeCompare(b.namn, "sv")
    );
}

/** Senaste månaden ("YYYY-MM") bland raderna, eller null. */
export function senasteManad(rader: readonly { period: string; periodtyp: string | null }[]): string | null {
  let senaste: string | null = null;
  for (const d of rader) if (d.periodtyp === "manad" && (senaste === null || d.period > senaste)) senaste = d.period;
  return senaste;
}

/** Halvår där alla sex månader finns för regionen, sorterade (raderna är en regions). */
export function helaHalvar(rader: readonly { period: string; periodtyp: string | null }[]): string[] {
  const manader = new Map<string, Set<string>>();
  const halvar = new Set<string>();
  for (const d of rader) {
    if (d.periodtyp === "halvar") halvar.add(d.period);
    else if (d.periodtyp === "manad") {
      const h = `${d.period.slice(0, 4)}-H${Number(d.period.slice(5)) <= 6 ? 1 : 2}`;
      let m = manader.get(h);
      if (!m) manader.set(h, (m = new Set()));
      m.add(d.period);
    }
  }
  return [...halvar].filter((h) => (manader.get(h)?.size ?? 0) === 6).sort();
}
