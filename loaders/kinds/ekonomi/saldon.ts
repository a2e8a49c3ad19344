/**
 * A förbund's ledger year by year: each year's opening balances and its bookings, so that any
 * line of the resultaträkning or balansräkning can be summed for a period or at a date.
 *
 * Opening balances of year Y: the ledger's opening balance rows (IB) for Y when the ledger has
 * no bookings in Y−1 (the ledger starts there, or has a gap); else the closing balances of Y−1
 * computed from the ledger (an IB given as well is then compared with them, and used). Results
 * of earlier years that were never moved to eget kapital by a closing booking (konto 89) are
 * carried in eget kapital (`ackResultat`).
 *
 * Sums are whole öre in the Kommun-Bas sign convention.
 */
import type { Kontorad } from "./installningar.ts";
import { arBalansrad } from "./kontoplan.ts";
import type { Bokning } from "./typer.ts";

/** A booking with the line its konto belongs to. */
export interface Bokf extends Bokning {
  readonly rad: Kontorad;
  readonly not: string;
}

export interface Arslage {
  readonly ar: number;
  /** Whether the year's opening balances are known (from an IB, or carried from a known year). */
  readonly kand: boolean;
  /** The opening came from the ledger's IB rows for this year. */
  readonly franIb: boolean;
  /** Opening balance per balance konto. */
  readonly oppning: ReadonlyMap<string, number>;
  /** Results of earlier years not yet booked to eget kapital (Kommun-Bas sign: a profit is negative). */
  readonly ackResultat: number;
  /** The year's bookings (not IB), sorted by date. */
  readonly bokningar: readonly Bokf[];
  /** The IB rows given for this year (also when not used as the opening). */
  readonly ib: readonly Bokf[];
}

export interface Avvikelse {
  readonly ar: number;
  /** Per line: IB given and computed closing of the year before. */
  readonly rader: readonly { readonly rad: Kontorad; readonly ib: number; readonly beraknat: number }[];
  readonly forsta: Bokf;
}

export interface Huvudbok {
  readonly ar: ReadonlyMap<number, Arslage>;
  /** Whether the ledger has any balance konto at all (else no balansräkning is made). */
  readonly harBalanskonton: boolean;
  /** IBs that differ from the closing computed from the year before. */
  readonly ibAvvikelser: readonly Avvikelse[];
  /** Years with bookings whose opening is not known (no IB and no year before). */
  readonly utanOppning: readonly number[];
  /** Years missing between two years of the ledger (balances carried over them). */
  readonly luckor: readonly number[];
}

export function byggHuvudbok(bokningar: readonly Bokf[]): Huvudbok {
  const radAv = new Map<string, Kontorad>();
  const perAr = new Map<number, { bok: Bokf[]; ib: Bokf[] }>();
  for (const b of bokningar) {
    radAv.set(b.konto, b.rad);
    const a = perAr.get(b.ar) ?? { bok: [], ib: [] };
    (b.ib ? a.ib : a.bok).push(b);
    perAr.set(b.ar, a);
  }
  const ar = [...perAr.keys()].sort((a, b) => a - b);
  const ut = new Map<number, Arslage>();
  const ibAvvikelser: Avvikelse[] = [];
  const utanOppning: number[] = [];
  const luckor: number[] = [];
  let foregaende: Arslage | undefined;
  for (const y of ar) {
    const { bok, ib } = perAr.get(y)!;
    bok.sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0));
    const ibSaldo = new Map<string, number>();
    for (const b of ib) ibSaldo.set(b.konto, (ibSaldo.get(b.konto) ?? 0) + b.ore);
    const direktForeAr = foregaende !== undefined && foregaende.ar === y - 1 && foregaende.bokningar.length > 0;
    let lage: Arslage;
    if (ib.length > 0 && !direktForeAr) {
      lage = { ar: y, kand: true, franIb: true, oppning: ibSaldo, ackResultat: 0, bokningar: bok, ib };
    } else if (foregaende !== undefined) {
      const { saldo, ack } = utgaende(foregaende);
      if (ib.length > 0) {
        const rader = jamforIb(ibSaldo, saldo, ack, radAv);
        if (rader.length > 0) ibAvvikelser.push({ ar: y, rader, forsta: ib[0]! });
        lage = { ar: y, kand: true, franIb: true, oppning: ibSaldo, ackResultat: 0, bokningar: bok, ib };
      } else {
        for (let g = foregaende.ar + 1; g < y; g++) luckor.push(g);
        lage = { ar: y, kand: foregaende.kand, franIb: false, oppning: saldo, ackResultat: ack, bokningar: bok, ib };
      }
    } else {
      if (bok.length > 0) utanOppning.push(y);
      lage = { ar: y, kand: false, franIb: false, oppning: new Map(), ackResultat: 0, bokningar: bok, ib };
    }
    ut.set(y, lage);
    foregaende = lage;
  }
  return { ar: ut, harBalanskonton: bokningar.some((b) => arBalansrad(b.rad)), ibAvvikelser, utanOppning, luckor };
}

/** Closing balances and carried result at the end of a year (all its bookings). */
function utgaende(a: Arslage): { saldo: Map<string, number>; ack: number } {
  const saldo = new Map(a.oppning);
  let ack = a.ackResultat;
  for (const b of a.bokningar) {
    if (arBalansrad(b.rad)) saldo.set(b.konto, (saldo.get(b.konto) ?? 0) + b.ore);
    else ack += b.ore;
  }
  return { saldo, ack };
}

/** Lines where a given IB differs from the computed closing (eget kapital with the carried result). */
function jamforIb(ib: ReadonlyMap<string, number>, saldo: ReadonlyMap<string, number>, ack: number, radAv: ReadonlyMap<string, Kontorad>) {
  const perRad = (s: ReadonlyMap<string, number>) => {
    const m = new Map<Kontorad, number>();
    for (const [k, v] of s) m.set(radAv.get(k)!, (m.get(radAv.get(k)!) ?? 0) + v);
    return m;
  };
  const a = perRad(ib);
  const b = perRad(saldo);
  b.set("eget_kapital", (b.get("eget_kapital") ?? 0) + ack);
  const rader = [...new Set([...a.keys(), ...b.keys()])].sort();
  return rader.flatMap((rad) => ((a.get(rad) ?? 0) !== (b.get(rad) ?? 0) ? [{ rad, ib: a.get(rad) ?? 0, beraknat: b.get(rad) ?? 0 }] : []));
}

/** Opening of year `y` plus its bookings up to and including `till` that `med` keeps. */
export function saldo(a: Arslage, till: string, med: (b: Bokf) => boolean, oppningMed: (konto: string) => boolean): number {
  let s = 0;
  for (const [k, v] of a.oppning) if (oppningMed(k)) s += v;
  for (const b of a.bokningar) {
    if (b.datum > till) break;
    if (med(b)) s += b.ore;
  }
  return s;
}

/** The year's bookings from its start up to and including `till` that `med` keeps. */
export function summa(a: Arslage, till: string, med: (b: Bokf) => boolean): number {
  let s = 0;
  for (const b of a.bokningar) {
    if (b.datum > till) break;
    if (med(b)) s += b.ore;
  }
  return s;
}
