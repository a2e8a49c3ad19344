/**
 * Helårsekvivalenter per kommun, förbund, län and riket; per month, half-year and year.
 *
 * Definitions (docs/definitioner/helarsekvivalenter.md):
 * - förbund, län and riket values are sums of their kommuner; a förbund uses the membership
 *   valid in each month; a sum exists only when every member kommun has a value that month;
 * - a half-year or year value is the mean of its monthly values, and exists only when every
 *   month of the period has a value for that region;
 * - `andel` = varde / folkmangd, recomputed at every level (never summed or averaged).
 */
import { ERSATTNINGAR, KON, heKey, type Ersattning, type HeData, type Kon } from "../normalise/helarsekvivalenter.ts";
import { giltig, type Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";

export const NIVAER = ["kommun", "forbund", "lan", "riket"] as const;
export type Niva = (typeof NIVAER)[number];

export interface HeRad {
  readonly niva: Niva;
  readonly kod: string;
  readonly namn: string;
  readonly period: string;
  readonly kon: Kon;
  readonly ersattning: Ersattning;
  readonly varde: number | null;
  readonly folkmangd: number | null;
  readonly andel: number | null;
}

interface Manadsrad {
  niva: Niva;
  kod: string;
  namn: string;
  manad: string;
  kon: Kon;
  ersattning: Ersattning;
  varde: number | null;
  folkmangd: number | null;
}

/** A group of kommuner summed to one region, month by month. */
interface Aggregat {
  readonly niva: Niva;
  readonly kod: string;
  readonly namn: string;
  /** Member kommun codes valid in `manad`; empty when the region does not exist that month. */
  readonly medlemmar: (manad: string) => readonly string[];
}

export function computeHelarsekvivalenter(data: HeData, indelning: Indelning, findings: Findings): HeRad[] {
  const kommunRader = kommunManader(data, indelning);
  const aggregat = regionsToSum(data, indelning, findings);
  const manadsrader = [...kommunRader, ...sumRegions(kommunRader, aggregat, data.manader), ...riketFromFile(data)];
  const rader: HeRad[] = manadsrader.map((r) => ({
    niva: r.niva, kod: r.kod, namn: r.namn, period: r.manad, kon: r.kon, ersattning: r.ersattning,
    varde: r.varde, folkmangd: r.folkmangd, andel: andel(r.varde, r.folkmangd),
  }));
  for (const r of periodMeans(manadsrader)) rader.push(r);
  return rader.sort(compareRader);
}

function andel(varde: number | null, folkmangd: number | null): number | null {
  return varde !== null && folkmangd !== null && folkmangd > 0 ? varde / folkmangd : null;
}

/** Every (kommun, kön, ersättning) in the file gets a row for every month of the file. */
function kommunManader(data: HeData, indelning: Indelning): Manadsrad[] {
  return manadsraderFor(data, "kommun", [...data.kommuner].sort(), (kod) => indelning.kommuner.get(kod)!.namn);
}

function riketFromFile(data: HeData): Manadsrad[] {
  return data.harRiket ? manadsraderFor(data, "riket", ["00"], () => "Riket") : [];
}

function manadsraderFor(data: HeData, niva: Niva, koder: string[], namn: (kod: string) => string): Manadsrad[] {
  const present = new Set<string>();
  for (const v of data.varden.values()) present.add(`${v.kod}|${v.kon}|${v.matt}`);
  const out: Manadsrad[] = [];
  for (const kod of koder) {
    for (const kon of KON) {
      for (const ersattning of ERSATTNINGAR) {
        if (!present.has(`${kod}|${kon}|${ersattning}`)) continue;
        for (const manad of data.manader) {
          out.push({
            niva, kod, namn: namn(kod), manad, kon, ersattning,
            varde: data.varden.get(heKey(kod, manad, kon, ersattning))?.varde ?? null,
            folkmangd: data.varden.get(heKey(kod, manad, kon, "folkmangd"))?.varde ?? null,
          });
        }
      }
    }
  }
  return out;
}

/**
 * Förbund, län and (when the file has no riket but has every kommun) riket. A region whose
 * member kommuner are not all in the file is left out, with a note in the report.
 */
function regionsToSum(data: HeData, indelning: Indelning, findings: Findings): Aggregat[] {
  const out: Aggregat[] = [];
  const inFile = data.kommuner;
  const forbund = new Map<string, string>();
  for (const m of indelning.medlemskap) forbund.set(m.forbund, m.forbundNamn);
  for (const [id, namn] of [...forbund].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const medlemskap = indelning.medlemskap.filter((m) => m.forbund === id);
    const anyInFile = medlemskap.some((m) => inFile.has(m.kommunkod));
    if (!anyInFile) continue;
    const saknas = medlemskap.filter((m) => !inFile.has(m.kommunkod) && data.manader.some((manad) => giltig(m, manad)));
    if (saknas.length > 0) {
      findings.varning({
        fil: data.fil, regel: "he.forbund_ofullstandigt",
        meddelande: `${namn} beräknas inte: medlemskommun ${[...new Set(saknas.map((m) => m.kommunkod))].join(", ")} finns inte i filen`,
        message: `förbund ${id} not computed: member kommun(er) missing from the file`,
      });
      continue;
    }
    out.push({ niva: "forbund", kod: id, namn, medlemmar: (manad) => medlemskap.filter((m) => giltig(m, manad)).map((m) => m.kommunkod) });
  }
  const lanKoder = new Set([...inFile].map((k) => indelning.kommuner.get(k)!.lan));
  for (const lan of [...lanKoder].sort()) {
    const medlemmar = [...indelning.kommuner.values()].filter((k) => k.lan === lan).map((k) => k.kod);
    const saknas = medlemmar.filter((k) => !inFile.has(k));
    if (saknas.length > 0) {
      findings.info({
        fil: data.fil, regel: "he.lan_ofullstandigt",
        meddelande: `${indelning.lan.get(lan)} beräknas inte: ${saknas.length} av länets ${medlemmar.length} kommuner finns inte i filen`,
        message: `county ${lan} not computed: kommuner missing from the file`,
      });
      continue;
    }
    out.push({ niva: "lan", kod: lan, namn: indelning.lan.get(lan)!, medlemmar: () => medlemmar });
  }
  if (!data.harRiket) {
    if (inFile.size === indelning.kommuner.size) {
      const alla = [...indelning.kommuner.keys()];
      out.push({ niva: "riket", kod: "00", namn: "Riket", medlemmar: () => alla });
    } else {
      findings.info({
        fil: data.fil, regel: "he.riket_saknas",
        meddelande: "riket finns inte i filen och beräknas inte (alla 290 kommuner behövs)",
        message: "riket is not in the file and is not computed (all 290 kommuner needed)",
      });
    }
  }
  return out;
}

/** Sums kommun months into regions: a value only when every member has one. */
function sumRegions(kommunRader: readonly Manadsrad[], aggregat: readonly Aggregat[], manader: readonly string[]): Manadsrad[] {
  const index = new Map<string, Manadsrad>();
  const combos = new Map<string, [Kon, Ersattning]>();
  for (const r of kommunRader) {
    index.set(`${r.kod}|${r.manad}|${r.kon}|${r.ersattning}`, r);
    combos.set(`${r.kon}|${r.ersattning}`, [r.kon, r.ersattning]);
  }
  const out: Manadsrad[] = [];
  for (const a of aggregat) {
    for (const manad of manader) {
      const medlemmar = a.medlemmar(manad);
      if (medlemmar.length === 0) continue;
      for (const [kon, ersattning] of combos.values()) {
        let varde = 0;
        let folkmangd = 0;
        let nVarde = 0;
        let nFolk = 0;
        let finns = false;
        for (const kod of medlemmar) {
          const r = index.get(`${kod}|${manad}|${kon}|${ersattning}`);
          if (!r) continue;
          finns = true;
          if (r.varde !== null) { varde += r.varde; nVarde++; }
          if (r.folkmangd !== null) { folkmangd += r.folkmangd; nFolk++; }
        }
        if (!finns) continue;
        out.push({
          niva: a.niva, kod: a.kod, namn: a.namn, manad, kon, ersattning,
          varde: nVarde === medlemmar.length ? varde : null,
          folkmangd: nFolk === medlemmar.length ? folkmangd : null,
        });
      }
    }
  }
  return out;
}

/** Half-year and year means, present only when every month of the period has a value. */
function periodMeans(manadsrader: readonly Manadsrad[]): HeRad[] {
  interface Summa { rad: Manadsrad; period: string; n: number; nVarde: number; sVarde: number; nFolk: number; sFolk: number }
  const sums = new Map<string, Summa>();
  const add = (r: Manadsrad, period: string) => {
    const key = `${r.niva}|${r.kod}|${r.kon}|${r.ersattning}|${period}`;
    let s = sums.get(key);
    if (!s) sums.set(key, (s = { rad: r, period, n: 0, nVarde: 0, sVarde: 0, nFolk: 0, sFolk: 0 }));
    s.n++;
    if (r.varde !== null) { s.nVarde++; s.sVarde += r.varde; }
    if (r.folkmangd !== null) { s.nFolk++; s.sFolk += r.folkmangd; }
  };
  for (const r of manadsrader) {
    const ar = r.manad.slice(0, 4);
    add(r, `${ar}-${Number(r.manad.slice(5, 7)) <= 6 ? "H1" : "H2"}`);
    add(r, ar);
  }
  const out: HeRad[] = [];
  for (const s of sums.values()) {
    const months = s.period.length === 4 ? 12 : 6;
    if (s.nVarde !== months) continue;
    const varde = s.sVarde / months;
    const folkmangd = s.nFolk === months ? s.sFolk / months : null;
    const r = s.rad;
    out.push({ niva: r.niva, kod: r.kod, namn: r.namn, period: s.period, kon: r.kon, ersattning: r.ersattning, varde, folkmangd, andel: andel(varde, folkmangd) });
  }
  return out;
}

const NIVA_ORDER = new Map(NIVAER.map((n, i) => [n, i]));
const KON_ORDER = new Map(KON.map((k, i) => [k, i]));
const ERSATTNING_ORDER = new Map(ERSATTNINGAR.map((e, i) => [e, i]));

export function compareRader(a: HeRad, b: HeRad): number {
  return (
    NIVA_ORDER.get(a.niva)! - NIVA_ORDER.get(b.niva)! ||
    cmp(a.kod, b.kod) ||
    cmp(a.period, b.period) ||
    KON_ORDER.get(a.kon)! - KON_ORDER.get(b.kon)! ||
    ERSATTNING_ORDER.get(a.ersattning)! - ERSATTNING_ORDER.get(b.ersattning)!
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
