/**
 * Medelstilldelning per year and member, and the long-term table: per year the medelstilldelning,
 * the budget (net costs of every ID but the intäkter) and eget kapital at the year's end, from
 * the books where the year is closed, else forecast:
 *
 *   the report's year:  eget kapital without the year's result at the report date (the opening
 *                       plus any booking directly on it) + the prognos' result (else the budget's)
 *   later years:        EK(t) = EK(t−1) + medelstilldelning(t) − budget(t)
 *                       (Södra Dalarna's plan for 2025: 700 + 6 184 − 6 500 = 384 tkr)
 */
import { labelKey } from "../../normalise/labels.ts";
import { balansrakning } from "./balansrakning.ts";
import { arslage, budgetradFor, budgetrader, egetKapitalIngaende, postAv, prognosposter, type Rakenskap } from "./rakenskap.ts";
import { helAr } from "./rapportdatum.ts";
import type { Beloppsstatus, Medelsrad } from "./typer.ts";

export interface Medelsar {
  readonly ar: number;
  readonly medlemmar: readonly Medelsrad[];
  /** The stated total (a "Totalt" row), else the sum of the members' amounts. */
  readonly totaltOre: number | undefined;
  readonly angivetTotalt: Medelsrad | undefined;
  readonly status: Beloppsstatus;
}

const STATUSORDNING: readonly Beloppsstatus[] = ["beslutad", "prognos", "askad"];

export function medelPerAr(medel: readonly Medelsrad[]): Medelsar[] {
  const ar = [...new Set(medel.map((m) => m.ar))].sort((a, b) => a - b);
  return ar.map((y) => {
    const rader = medel.filter((m) => m.ar === y);
    const medlemmar = rader.filter((m) => !m.totalt);
    const angivet = rader.find((m) => m.totalt);
    const belopp = medlemmar.filter((m) => m.beloppOre !== undefined);
    const summa = belopp.length > 0 ? belopp.reduce((s, m) => s + m.beloppOre!, 0) : undefined;
    const status = angivet?.status ?? rader.map((m) => m.status).sort((a, b) => STATUSORDNING.indexOf(b) - STATUSORDNING.indexOf(a))[0]!;
    return { ar: y, medlemmar, totaltOre: angivet?.beloppOre ?? summa, angivetTotalt: angivet, status };
  });
}

/** A member's amount: as given, else its share of the year's total. */
export function medlemsbelopp(m: Medelsrad, ar: Medelsar): number | undefined {
  if (m.beloppOre !== undefined) return m.beloppOre;
  return m.andel !== undefined && ar.angivetTotalt?.beloppOre !== undefined ? m.andel * ar.angivetTotalt.beloppOre : undefined;
}

export type EkUnderlag = "bokslut" | "prognos" | "budget";

export interface LangsiktigRad {
  readonly ar: number;
  readonly medelstilldelningOre: number | undefined;
  readonly medelstilldelningStatus: Beloppsstatus | undefined;
  /** Net costs of every ID but the intäkter (Kommun-Bas sign: costs positive). */
  readonly budgetOre: number | undefined;
  /** The budget's result (statement sign), with the medelstilldelning as income when the budget has none. */
  readonly budgetResultatOre: number | undefined;
  readonly egetKapitalOre: number | undefined;
  readonly underlag: EkUnderlag | undefined;
}

interface Budgetar {
  readonly netto: number | undefined;
  readonly intakter: number | undefined;
}

/** The year's budget: net costs without the intäkter IDs, and the intäkter IDs' income (positive). */
function budgetAr(r: Rakenskap, ar: number): Budgetar {
  const rader = budgetrader(r, ar).filter((b) => b.budgetOre !== undefined);
  const totalt = r.fe.budget.find((b) => b.ar === ar && b.id === "totalt" && b.budgetOre !== undefined);
  if (rader.length === 0) return { netto: totalt?.budgetOre, intakter: undefined };
  let netto = 0;
  let intakter: number | undefined;
  for (const b of rader) {
    if (postAv(r, b.id) === "intakter") intakter = (intakter ?? 0) - b.budgetOre!;
    else netto += b.budgetOre!;
  }
  return { netto, intakter };
}

function resultatAv(netto: number | undefined, intakter: number | undefined, medel: number | undefined): number | undefined {
  if (netto === undefined) return undefined;
  const inkomst = intakter ?? medel;
  return inkomst === undefined ? undefined : inkomst - netto;
}

export function langsiktig(r: Rakenskap): LangsiktigRad[] {
  const medel = new Map(medelPerAr(r.fe.medel).map((m) => [m.ar, m]));
  const tillAr = r.till === undefined ? undefined : Number(r.till.slice(0, 4));
  const ledgerAr = [...r.huvudbok.ar.keys()];
  const budgetAren = r.fe.budget.map((b) => b.ar);
  const ar = [...new Set([...medel.keys(), ...budgetAren, ...ledgerAr.filter((y) => r.huvudbok.ar.get(y)!.bokningar.length > 0), ...ledgerAr.filter((y) => r.huvudbok.ar.get(y)!.kand).map((y) => y - 1)])]
    .filter((y) => tillAr === undefined || y <= tillAr || medel.has(y) || budgetAren.includes(y))
    .sort((a, b) => a - b);
  const ut: LangsiktigRad[] = [];
  const ekSlut = new Map<number, number>();
  for (const y of ar) {
    const m = medel.get(y);
    const b = budgetAr(r, y);
    const resultat = resultatAv(b.netto, b.intakter, m?.totaltOre);
    let ek: number | undefined;
    let underlag: EkUnderlag | undefined;
    if (tillAr !== undefined && (y < tillAr || (y === tillAr && helAr(r.till!)))) {
      ek = balansrakning(r, `${y}-12-31`)?.summa_eget_kapital;
      if (ek !== undefined) underlag = "bokslut";
    } else if (tillAr !== undefined && y === tillAr) {
      // Eget kapital without the year's result at the report date: the opening plus any booking made
      // directly on eget kapital so far.
      const start = arslage(r, y)?.kand ? (balansrakning(r, r.till!)?.eget_kapital ?? egetKapitalIngaende(r, y)) : ekSlut.get(y - 1);
      const prognos = prognosposter(r, y);
      if (start !== undefined && prognos !== undefined) {
        ek = start - prognos.reduce((s, p) => s + p.ore, 0);
        underlag = "prognos";
      } else if (start !== undefined && resultat !== undefined) {
        ek = start + resultat;
        underlag = "budget";
      }
    } else if (tillAr !== undefined && y > tillAr) {
      const fore = ekSlut.get(y - 1);
      if (fore !== undefined && resultat !== undefined) {
        ek = fore + resultat;
        underlag = "budget";
      }
    }
    if (ek !== undefined) ekSlut.set(y, ek);
    ut.push({
      ar: y,
      medelstilldelningOre: m?.totaltOre,
      medelstilldelningStatus: m?.status,
      budgetOre: b.netto,
      budgetResultatOre: resultat,
      egetKapitalOre: ek,
      underlag,
    });
  }
  return ut;
}

/** Budget income per year (gross, statement sign), for the eget kapital base "intakter" in forecast years. */
export function budgetIntakter(r: Rakenskap, ar: number): number | undefined {
  const rader = budgetrader(r, ar).filter((b) => b.budgetOre !== undefined);
  if (rader.length === 0) return undefined;
  let s = 0;
  for (const b of rader) {
    const rad = budgetradFor(r, b);
    if (rad === "medlemsbidrag" || rad === "ovriga_intakter") s -= b.budgetOre!;
  }
  return s;
}

/** Member names compared by label key (for findings about shares). */
export function medlemsnyckel(m: Medelsrad): string {
  return labelKey(m.medlem);
}
