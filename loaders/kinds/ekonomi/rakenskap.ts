/**
 * One förbund's accounts as the computations see them: the ledger up to the report date (built
 * into years with opening balances), the budget rows that count, and the line each booking and
 * budget row adds to. Income on an intäkter ID is medlemsbidrag unless the settings name the
 * medlemsbidrag konton themselves.
 */
import type { Kontorad, Post } from "./installningar.ts";
import { arBalansrad } from "./kontoplan.ts";
import { byggHuvudbok, saldo, summa, type Arslage, type Bokf, type Huvudbok } from "./saldon.ts";
import type { Budgetpost, Forbundsekonomi } from "./sammanfoga.ts";

export interface Rakenskap {
  readonly fe: Forbundsekonomi;
  /** The report date; undefined when the förbund has no ledger and none was given. */
  readonly till: string | undefined;
  readonly huvudbok: Huvudbok;
  /** Bookings dated after the report date (not counted). */
  readonly efterTill: readonly Bokf[];
  readonly radAv: ReadonlyMap<string, Kontorad>;
  /** Whether the settings map some konto to medlemsbidrag. */
  readonly egnaMedlemskonton: boolean;
}

export function byggRakenskap(fe: Forbundsekonomi, till: string | undefined): Rakenskap {
  const med = till === undefined ? fe.bokningar : fe.bokningar.filter((b) => b.datum <= till);
  const efterTill = till === undefined ? [] : fe.bokningar.filter((b) => b.datum > till);
  const radAv = new Map<string, Kontorad>();
  for (const b of fe.bokningar) radAv.set(b.konto, b.rad);
  return {
    fe, till, huvudbok: byggHuvudbok(med), efterTill, radAv,
    egnaMedlemskonton: [...fe.inst.konton.values()].some((k) => k.rad === "medlemsbidrag"),
  };
}

export function postAv(r: Rakenskap, id: string | undefined): Post | undefined {
  return id === undefined ? undefined : r.fe.id.get(id)?.post;
}

/** The line a booking adds to (medlemsbidrag for income on an intäkter ID by default). */
export function radFor(r: Rakenskap, b: Bokf): Kontorad {
  if (b.rad === "ovriga_intakter" && !r.egnaMedlemskonton && postAv(r, b.id) === "intakter") return "medlemsbidrag";
  return b.rad;
}

/** The line a budget row adds to: its konto's, or by its ID's post when it has no konto. */
export function budgetradFor(r: Rakenskap, b: Budgetpost): Kontorad {
  if (b.rad === undefined) return postAv(r, b.id) === "intakter" ? "medlemsbidrag" : "verksamhetens_kostnader";
  if (b.rad === "ovriga_intakter" && !r.egnaMedlemskonton && postAv(r, b.id) === "intakter") return "medlemsbidrag";
  return b.rad;
}

/** The year's budget rows that count (not subtotals), and prognoses made by the report date. */
export function budgetrader(r: Rakenskap, ar: number): Budgetpost[] {
  return r.fe.budget.filter((b) => b.ar === ar && !b.delsumma && b.id !== "totalt");
}

export function prognosGaller(r: Rakenskap, b: Budgetpost): boolean {
  return b.prognosOre !== undefined && (r.till === undefined || b.prognosdatum === undefined || b.prognosdatum <= r.till);
}

/**
 * The year's forecast, row by row, when some row has a prognos made by the report date: an ID
 * with prognos rows is forecast by them (its rows without one are taken as covered), an ID
 * without any at its budget. Undefined when the year has no prognos.
 */
export function prognosposter(r: Rakenskap, ar: number): { readonly post: Budgetpost; readonly ore: number }[] | undefined {
  const rader = budgetrader(r, ar);
  const medPrognos = new Set(rader.filter((b) => prognosGaller(r, b)).map((b) => b.id));
  if (medPrognos.size === 0) return undefined;
  return rader.flatMap((b) => {
    if (medPrognos.has(b.id)) return prognosGaller(r, b) ? [{ post: b, ore: b.prognosOre! }] : [];
    return b.budgetOre !== undefined ? [{ post: b, ore: b.budgetOre }] : [];
  });
}

export function arslage(r: Rakenskap, ar: number): Arslage | undefined {
  return r.huvudbok.ar.get(ar);
}

/** Result bookings of year `ar` up to `till` on the given lines (Kommun-Bas sign). */
export function resultatsumma(r: Rakenskap, ar: number, till: string, rader: ReadonlySet<Kontorad>, id?: (id: string | undefined) => boolean): number {
  const a = arslage(r, ar);
  if (!a) return 0;
  return summa(a, till, (b) => rader.has(radFor(r, b)) && (id === undefined || id(b.id)));
}

/** Balance at `datum` of the konton on `rader` (Kommun-Bas sign); `datum` is in year `ar`. */
export function balanssumma(r: Rakenskap, ar: number, datum: string, rader: ReadonlySet<Kontorad>): number {
  const a = arslage(r, ar);
  if (!a) return 0;
  return saldo(a, datum, (b) => rader.has(b.rad), (k) => rader.has(r.radAv.get(k)!));
}

/** Whether year `ar` has bookings (not only opening balances) in the ledger. */
export function harBokningar(r: Rakenskap, ar: number): boolean {
  return (arslage(r, ar)?.bokningar.length ?? 0) > 0;
}

export const RESULTATRADER_ALLA: ReadonlySet<Kontorad> = new Set(["medlemsbidrag", "ovriga_intakter", "verksamhetens_kostnader", "finansiella_intakter", "finansiella_kostnader", "extraordinara_poster"]);

/** Årets resultat of year `ar` up to `till` (statement sign: a profit is positive). */
export function aretsResultat(r: Rakenskap, ar: number, till: string): number {
  return 0 - resultatsumma(r, ar, till, RESULTATRADER_ALLA);
}

/**
 * Eget kapital in total at `datum` (statement sign), with the year's result whether or not it
 * was booked to eget kapital: −(eget kapital konton) − results not yet closed.
 */
export function egetKapitalTotalt(r: Rakenskap, ar: number, datum: string): number {
  const a = arslage(r, ar);
  if (!a) return 0;
  const ek = saldo(a, datum, (b) => b.rad === "eget_kapital", (k) => r.radAv.get(k) === "eget_kapital");
  const resultat = summa(a, datum, (b) => !arBalansrad(b.rad));
  return 0 - ek - a.ackResultat - resultat;
}

/** Eget kapital at the start of year `ar` (statement sign). */
export function egetKapitalIngaende(r: Rakenskap, ar: number): number {
  const a = arslage(r, ar);
  if (!a) return 0;
  let ek = 0;
  for (const [k, v] of a.oppning) if (r.radAv.get(k) === "eget_kapital") ek += v;
  return 0 - ek - a.ackResultat;
}
