/**
 * Helårsekvivalenter per kommun, förbund, län and riket; per month, half-year and year. On the
 * cube, with the shared verbs (docs/definitioner/helarsekvivalenter.md):
 * - `summeraRegioner`: förbund (membership by month), län and riket are sums of their kommuner,
 *   a sum only when every member has a value; SCB's own riket (and län) rows are kept
 *   (docs/definitioner/regioner.md);
 * - `medelPerPeriod`: a half-year or year value is the mean of its months, only when every
 *   month of the period has a value;
 * - `andel` = varde / folkmangd, recomputed at every level: folkmängd is each row's sibling series
 *   (`matt` = `folkmangd`) and the share the two columns' quotient, both made as the long table
 *   is (`lang`'s `syskon` and `kvot` columns: the same values as the verbs `syskon` and `kvot` on
 *   the cube, for the published rows only, without two more cubes of every cell).
 * The outputs are tidy tables (one row per region, period, kön and ersättning), built last.
 */
import type { ColumnTable } from "arquero";
import { ERSATTNINGAR, KON, type Ersattning, type Kon } from "../normalise/helarsekvivalenter.ts";
import type { ScbLasning } from "../normalise/scbtabell.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import { NIVA, NIVAER, Serieindex, TAL, UTAN_CELL, koder, medPerioder, varden, type Kub } from "../kub/kub.ts";
import { summeraRegioner } from "../kub/verb/summeraRegioner.ts";
import { medelPerPeriod } from "../kub/verb/medelPerPeriod.ts";
import { lang, regionnamn, type LangKolumn } from "../kub/verb/lang.ts";

export { NIVAER };
export type Niva = (typeof NIVAER)[number];

/** One row of helarsekvivalenter.csv (for tests and the few readers that want objects). */
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

export const HE_KOLUMNER = ["niva", "kod", "namn", "period", "kon", "ersattning", "varde", "folkmangd", "andel"] as const;
export const HALVAR_KOLUMNER = ["niva", "kod", "namn", "halvar", "kon", "ersattning", "varde", "varde_foregaende_ar", "differens"] as const;

export interface HeResultat {
  /** Months, half-years and years per region level: the cube the tables are made from. */
  readonly kub: Kub;
  /** helarsekvivalenter.csv */
  readonly tabell: ColumnTable;
  /** helarsekvivalenter_halvar.csv */
  readonly halvar: ColumnTable;
}

/**
 * `tabellKlar`, when given, gets the month, half-year and year table as soon as it is made,
 * before the half-year table (`Berakningskontext.tidigUtdata`).
 */
export function computeHelarsekvivalenter(
  l: Pick<ScbLasning, "kub" | "fil">, ind: Indelning, findings: Findings, tabellKlar?: (tabell: ColumnTable) => void,
): HeResultat {
  const manader = summeraRegioner(l.kub, ind, { fil: l.fil, regel: "he" }, findings);
  const kub = medPerioder(manader, medelPerPeriod(manader));
  const manadNr = new Set(manader.perioder);
  const isManad = kub.perioder.map((p) => manadNr.has(p));

  const niva = koder(kub, 0);
  const kon = koder(kub, "kon");
  const matt = koder(kub, "matt");
  const konOrdning = kub.ordbok[kub.dimensioner.indexOf("kon")]!.map((k) => KON.indexOf(k as Kon));
  const mattOrdning = kub.ordbok[kub.dimensioner.indexOf("matt")]!.map((m) => ERSATTNINGAR.indexOf(m as Ersattning));
  const serier = (s: number) => mattOrdning[matt[s]!]! >= 0 && konOrdning[kon[s]!]! >= 0;
  const jamfor = (a: number, b: number) => konOrdning[kon[a]!]! - konOrdning[kon[b]!]! || mattOrdning[matt[a]!]! - mattOrdning[matt[b]!]!;
  // A kommun's month is a row even when the file lacks it (empty value); other cells when they exist.
  const rad = (s: number, p: number) => (isManad[p] ? niva[s] === NIVA.kommun || kub.saknas[p]![s] !== UTAN_CELL : kub.saknas[p]![s] === TAL);
  const namn = regionnamn(ind);
  const dims: LangKolumn[] = [
    { namn: "niva", slag: "niva" }, { namn: "kod", slag: "kod" }, { namn: "namn", slag: "namn" },
  ];
  const tabell = lang(kub, {
    kolumner: [
      ...dims, { namn: "period", slag: "period" }, { namn: "kon", slag: "dim", dimension: "kon" }, { namn: "ersattning", slag: "dim", dimension: "matt" },
      { namn: "varde", slag: "varde", kub }, { namn: "folkmangd", slag: "syskon", dimension: "matt", varde: "folkmangd" },
      { namn: "andel", slag: "kvot", taljare: "varde", namnare: "folkmangd" },
    ],
    serier, jamfor, rad,
  }, namn);
  tabellKlar?.(tabell);

  // The half-year table: the half-year's mean, the same half-year a year earlier, the difference.
  const periodNr = new Map(kub.perioder.map((p, i) => [p, i]));
  const foregaende = kub.perioder.map((p) => {
    const m = /^(\d{4})-(H[12])$/.exec(p);
    return m ? periodNr.get(`${Number(m[1]) - 1}-${m[2]}`) ?? -1 : -1;
  });
  const halvarPerioder = kub.perioder.map((p, i) => (/^\d{4}-H[12]$/.test(p) ? i : -1)).filter((i) => i >= 0);
  const kolumner = kub.perioder.map((_, p) => varden(kub, p));
  const vardeFg = (s: number, p: number) => {
    const f = foregaende[p]!;
    return f >= 0 && kub.saknas[f]![s] === TAL ? kolumner[f]![s]! : Number.NaN;
  };
  const halvar = lang(kub, {
    kolumner: [
      ...dims, { namn: "halvar", slag: "period" }, { namn: "kon", slag: "dim", dimension: "kon" }, { namn: "ersattning", slag: "dim", dimension: "matt" },
      { namn: "varde", slag: "varde", kub },
      { namn: "varde_foregaende_ar", slag: "berakna", varde: vardeFg },
      { namn: "differens", slag: "berakna", varde: (s, p) => kolumner[p]![s]! - vardeFg(s, p) },
    ],
    serier, jamfor, rad: (s, p) => kub.saknas[p]![s] === TAL, perioder: halvarPerioder,
  }, namn);
  return { kub, tabell, halvar };
}

/**
 * The förbund rows of `summa` per month as objects: what the participant pages need of
 * helårsekvivalenter (women's share of the population 20-64), without going long for it.
 */
export function forbundSumma(res: HeResultat): HeRad[] {
  const { kub } = res;
  const niva = koder(kub, 0);
  const kod = koder(kub, 1);
  const kon = koder(kub, "kon");
  const matt = koder(kub, "matt");
  const summa = kub.ordbok[kub.dimensioner.indexOf("matt")]!.indexOf("summa");
  const folk = new Serieindex(kub);
  const dMatt = kub.dimensioner.indexOf("matt");
  const folkKod = kub.ordbok[dMatt]!.indexOf("folkmangd");
  const ut: HeRad[] = [];
  for (let s = 0; s < kub.antal; s++) {
    if (niva[s] !== NIVA.forbund || matt[s] !== summa) continue;
    const f = folkKod >= 0 ? folk.syskon(s, dMatt, folkKod) : -1;
    kub.perioder.forEach((period, p) => {
      if (!/^\d{4}-\d{2}$/.test(period) || kub.saknas[p]![s] === UTAN_CELL) return;
      const v = kub.saknas[p]![s] === TAL ? varden(kub, p)[s]! : null;
      const fm = f >= 0 && kub.saknas[p]![f] === TAL ? varden(kub, p)[f]! : null;
      ut.push({
        niva: "forbund", kod: kub.ordbok[1]![kod[s]!]!, namn: "", period, kon: kub.ordbok[kub.dimensioner.indexOf("kon")]![kon[s]!] as Kon,
        ersattning: "summa", varde: v, folkmangd: fm, andel: v !== null && fm !== null && fm > 0 ? v / fm : null,
      });
    });
  }
  return ut;
}

/** The table's rows as objects (tests, and readers of a few rows such as the förbund's population). */
export function heRader(t: ColumnTable): HeRad[] {
  return t.objects().map((o) => {
    const r = o as Record<string, unknown>;
    const tal = (v: unknown) => (typeof v === "number" && !Number.isNaN(v) ? v : null);
    return { ...(r as unknown as HeRad), varde: tal(r.varde), folkmangd: tal(r.folkmangd), andel: tal(r.andel) };
  });
}
