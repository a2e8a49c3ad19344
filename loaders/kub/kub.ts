/**
 * The cube: every SCB table as series by time, in SCB's own wide shape.
 *
 * A series is one combination of dimension values (region level, region code, kön, ålder,
 * ersättning, status …); its values over time are one row. The dimension values are
 * dictionary-encoded (an `Int32Array` of codes per dimension, and the list of values per
 * dimension in `ordbok`); each period is a `Float64Array` column with one value per series.
 * Both live in an arquero table (`aq.table` over typed arrays copies nothing), so the verbs in
 * `verb/` work on thousands of series, not on a million long rows.
 *
 * A value that is not a number keeps why per cell (`saknas`): `TAL` (a number), `UTAN_CELL`
 * (the file has no cell for it, or a sum lacked a part), or the code of SCB's symbol (`..`,
 * `-` …, see `read/tal.ts`). Its number is NaN. Nothing is ever 0 because it was missing.
 */
import { table, type ColumnTable } from "arquero";
import { TAL, UTAN_CELL } from "../read/tal.ts";

export { TAL, UTAN_CELL };

/** Region levels, in output order. */
export const NIVAER = ["kommun", "forbund", "lan", "riket"] as const;
export type Niva = (typeof NIVAER)[number];
export const NIVA = { kommun: 0, forbund: 1, lan: 2, riket: 3 } as const satisfies Record<Niva, number>;

export interface Kub {
  /** One row per series: the dimension columns, then one column per period. */
  readonly tabell: ColumnTable;
  /** Dimension column names; the first two are always `niva` and `kod`. */
  readonly dimensioner: readonly string[];
  /** Per dimension (same order): its values; a series' code indexes this list. `ordbok[0]` is `NIVAER`. */
  readonly ordbok: readonly (readonly string[])[];
  /** Period column names, sorted (`2024-03`, `2024-H1`, `2024`). */
  readonly perioder: readonly string[];
  /** Per period (same order): per series, `TAL`, `UTAN_CELL` or a symbol code. */
  readonly saknas: readonly Uint8Array[];
  readonly antal: number;
}

/** The codes of dimension `d` (by index or name), one per series. */
export function koder(kub: Kub, d: number | string): Int32Array {
  const namn = typeof d === "number" ? kub.dimensioner[d]! : d;
  return kub.tabell.column(namn) as unknown as Int32Array;
}

/** The values of period `p` (by index or name), one per series. */
export function varden(kub: Kub, p: number | string): Float64Array {
  const namn = typeof p === "number" ? kub.perioder[p]! : p;
  return kub.tabell.column(namn) as unknown as Float64Array;
}

export function dimIndex(kub: Kub, namn: string): number {
  const i = kub.dimensioner.indexOf(namn);
  if (i < 0) throw new Error(`kuben saknar dimensionen ${namn}`);
  return i;
}

/** A cube from its columns (the arrays are used as they are, not copied). */
export function kubAv(
  dimensioner: readonly string[], ordbok: readonly (readonly string[])[], dimkoder: readonly Int32Array[],
  perioder: readonly string[], kolumner: readonly Float64Array[], saknas: readonly Uint8Array[],
): Kub {
  const cols: Record<string, Int32Array | Float64Array> = {};
  dimensioner.forEach((d, i) => { cols[d] = dimkoder[i]!; });
  perioder.forEach((p, i) => { cols[p] = kolumner[i]!; });
  const antal = dimkoder[0]?.length ?? 0;
  return { tabell: table(cols), dimensioner, ordbok, perioder, saknas, antal };
}

/**
 * Builds a cube cell by cell (the reader) or series by series (the verbs): dictionaries grow as
 * values come, series are found by their codes, periods can come in any order.
 */
export class KubBygge {
  readonly ordbok: string[][];
  private readonly kodFor: Map<string, number>[];
  private kap = 64;
  private n = 0;
  private readonly dimkoder: Int32Array[];
  readonly perioder: string[] = [];
  private readonly periodFor = new Map<string, number>();
  private kolumner: Float64Array[] = [];
  private saknadeKolumner: Uint8Array[] = [];
  /** Series by their codes: nested maps, one level per dimension (no composite keys). */
  private readonly trie = new Map<number, unknown>();
  /** Where each cell came from (line and column in the file; 0 = nowhere), when kept. */
  private rader: Int32Array[] = [];
  private platsKolumner: Int32Array[] = [];

  constructor(readonly dimensioner: readonly string[], ordbok?: readonly (readonly string[])[], private readonly medPlats = false, kapacitet = 64) {
    this.kap = Math.max(16, kapacitet);
    this.ordbok = dimensioner.map((_, i) => [...(ordbok?.[i] ?? (i === 0 ? NIVAER : []))]);
    this.kodFor = this.ordbok.map((o) => new Map(o.map((v, i) => [v, i])));
    this.dimkoder = dimensioner.map(() => new Int32Array(this.kap));
  }

  get antal(): number {
    return this.n;
  }

  /** The code of `varde` in dimension `d` (added to the dictionary when new). */
  kod(d: number, varde: string): number {
    const m = this.kodFor[d]!;
    let k = m.get(varde);
    if (k === undefined) {
      k = this.ordbok[d]!.length;
      this.ordbok[d]!.push(varde);
      m.set(varde, k);
    }
    return k;
  }

  /** The series with these codes, created (with every period `UTAN_CELL`) when new. */
  serie(koder: ArrayLike<number>): number {
    let node = this.trie;
    const last = koder.length - 1;
    for (let d = 0; d < last; d++) {
      let next = node.get(koder[d]!) as Map<number, unknown> | undefined;
      if (!next) node.set(koder[d]!, (next = new Map()));
      node = next;
    }
    let s = node.get(koder[last]!) as number | undefined;
    if (s === undefined) {
      s = this.n++;
      if (s >= this.kap) this.vaxa();
      for (let d = 0; d <= last; d++) this.dimkoder[d]![s] = koder[d]!;
      node.set(koder[last]!, s);
    }
    return s;
  }

  /** The code of dimension `d` of series `serie`. */
  kodAv(serie: number, d: number): number {
    return this.dimkoder[d]![serie]!;
  }

  /** The series with these codes, or -1. */
  hitta(koder: ArrayLike<number>): number {
    let node: Map<number, unknown> | undefined = this.trie;
    for (let d = 0; d < koder.length - 1 && node; d++) node = node.get(koder[d]!) as Map<number, unknown> | undefined;
    const s = node?.get(koder[koder.length - 1]!) as number | undefined;
    return s ?? -1;
  }

  /** The column index of period `p` (added when new). */
  period(p: string): number {
    let i = this.periodFor.get(p);
    if (i === undefined) {
      i = this.perioder.length;
      this.perioder.push(p);
      this.periodFor.set(p, i);
      this.kolumner.push(new Float64Array(this.kap).fill(Number.NaN));
      this.saknadeKolumner.push(new Uint8Array(this.kap).fill(UTAN_CELL));
      if (this.medPlats) {
        this.rader.push(new Int32Array(this.kap));
        this.platsKolumner.push(new Int32Array(this.kap));
      }
    }
    return i;
  }

  harPeriod(p: string): boolean {
    return this.periodFor.has(p);
  }

  kolumn(period: number): Float64Array {
    return this.kolumner[period]!;
  }

  saknasKolumn(period: number): Uint8Array {
    return this.saknadeKolumner[period]!;
  }

  /** Sets one cell: a number (`symbol` `TAL`) or a missing value (NaN and its symbol). */
  satt(serie: number, period: number, varde: number, symbol: number): void {
    this.kolumner[period]![serie] = varde;
    this.saknadeKolumner[period]![serie] = symbol;
  }

  /** Notes where a cell came from (kept only when the builder was made `medPlats`). */
  plats(serie: number, period: number, rad: number, kolumn: number): void {
    this.rader[period]![serie] = rad;
    this.platsKolumner[period]![serie] = kolumn;
  }

  /** The line a cell came from (0 when none). */
  radFor(serie: number, period: number): number {
    return this.rader[period]?.[serie] ?? 0;
  }

  kolumnFor(serie: number, period: number): number {
    return this.platsKolumner[period]?.[serie] ?? 0;
  }

  /**
   * Room for at least `antal` series, made now: a reader that knows how many series a file can
   * hold at most (a wide table: its rows times the column groups) saves the doublings, each of
   * which copies every period's arrays.
   */
  reservera(antal: number): void {
    if (antal > this.kap) this.vaxa(antal);
  }

  private vaxa(kap = this.kap * 2): void {
    for (let d = 0; d < this.dimkoder.length; d++) {
      const a = new Int32Array(kap);
      a.set(this.dimkoder[d]!);
      this.dimkoder[d] = a;
    }
    this.kolumner = this.kolumner.map((c) => {
      const a = new Float64Array(kap).fill(Number.NaN);
      a.set(c);
      return a;
    });
    this.saknadeKolumner = this.saknadeKolumner.map((c) => {
      const a = new Uint8Array(kap).fill(UTAN_CELL);
      a.set(c);
      return a;
    });
    const storre = (c: Int32Array) => {
      const a = new Int32Array(kap);
      a.set(c);
      return a;
    };
    this.rader = this.rader.map(storre);
    this.platsKolumner = this.platsKolumner.map(storre);
    this.kap = kap;
  }

  /**
   * The finished cube: periods sorted, arrays cut to the number of series. The cube takes the
   * builder's arrays as they are (views of their first `antal` places) when they are at least
   * three quarters full, and copies them otherwise (so that a cube never keeps much unused
   * memory). The builder is done after this: nothing is set in it afterwards.
   */
  bygg(): Kub {
    const ordning = this.ordning();
    return kubAv(
      this.dimensioner, this.ordbok, this.dimkoder.map((a) => this.skuren(a)),
      ordning.map(([p]) => p), ordning.map(([, i]) => this.skuren(this.kolumner[i]!)), ordning.map(([, i]) => this.skuren(this.saknadeKolumner[i]!)),
    );
  }

  /** The finished cube (`bygg`) and, per period in the cube's order, where each cell came from. */
  byggMedPlats(): { kub: Kub; rad: Int32Array[]; kolumn: Int32Array[] } {
    const n = this.n;
    const ordning = this.ordning();
    const rad = ordning.map(([, i]) => this.skuren(this.rader[i] ?? new Int32Array(n)));
    const kolumn = ordning.map(([, i]) => this.skuren(this.platsKolumner[i] ?? new Int32Array(n)));
    return { kub: this.bygg(), rad, kolumn };
  }

  /** The array's first `antal` places: a view when it is at least three quarters full, else a copy. */
  private skuren<A extends Int32Array | Float64Array | Uint8Array>(a: A): A {
    return (4 * this.n >= 3 * a.length ? a.subarray(0, this.n) : a.slice(0, this.n)) as A;
  }

  /** The periods in sorted order, each with its column index. */
  private ordning(): (readonly [string, number])[] {
    return this.perioder.map((p, i) => [p, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

/**
 * Series found by their codes in a finished cube: one number per series (the codes in mixed
 * radix over the dictionary sizes), so finding a sibling (`same series, kön = alla`) is one
 * multiplication and one map lookup, never a string.
 */
export class Serieindex {
  private readonly radix: number[];
  private readonly index = new Map<number, number>();
  private readonly dimkoder: Int32Array[];

  constructor(readonly kub: Kub) {
    this.radix = kub.ordbok.map((o) => Math.max(1, o.length));
    let produkt = 1;
    for (const r of this.radix) produkt *= r;
    if (produkt > Number.MAX_SAFE_INTEGER) throw new Error("kubens dimensioner har för många värden för ett serieindex");
    this.dimkoder = kub.dimensioner.map((_, d) => koder(kub, d));
    for (let s = 0; s < kub.antal; s++) this.index.set(this.nyckel(s), s);
  }

  /** The number of series `s`, with dimension `d` replaced by code `kod` when given. */
  nyckel(s: number, d = -1, kod = 0): number {
    let k = 0;
    for (let i = 0; i < this.radix.length; i++) k = k * this.radix[i]! + (i === d ? kod : this.dimkoder[i]![s]!);
    return k;
  }

  /** The series like `s` but with dimension `d` = code `kod`, or -1. */
  syskon(s: number, d: number, kod: number): number {
    return this.index.get(this.nyckel(s, d, kod)) ?? -1;
  }

  hitta(koder: ArrayLike<number>): number {
    let k = 0;
    for (let i = 0; i < this.radix.length; i++) k = k * this.radix[i]! + koder[i]!;
    return this.index.get(k) ?? -1;
  }
}

/** The cube with its series in the order of `ordning` (indices into the series), copied. */
export function taSerier(kub: Kub, ordning: ArrayLike<number>): Kub {
  const n = ordning.length;
  const dimkoder = kub.dimensioner.map((_, d) => {
    const fran = koder(kub, d);
    const a = new Int32Array(n);
    for (let i = 0; i < n; i++) a[i] = fran[ordning[i]!]!;
    return a;
  });
  const kolumner = kub.perioder.map((_, p) => {
    const fran = varden(kub, p);
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) a[i] = fran[ordning[i]!]!;
    return a;
  });
  const saknas = kub.saknas.map((fran) => {
    const a = new Uint8Array(n);
    for (let i = 0; i < n; i++) a[i] = fran[ordning[i]!]!;
    return a;
  });
  return kubAv(kub.dimensioner, kub.ordbok, dimkoder, kub.perioder, kolumner, saknas);
}

/** Two cubes with the same series (the same rows) side by side: the periods of both, sorted. */
export function medPerioder(a: Kub, b: Kub): Kub {
  if (a.antal !== b.antal) throw new Error("kuberna har inte samma serier");
  const alla = [...a.perioder.map((p, i) => ({ p, v: varden(a, i), s: a.saknas[i]! })), ...b.perioder.map((p, i) => ({ p, v: varden(b, i), s: b.saknas[i]! }))]
    .sort((x, y) => (x.p < y.p ? -1 : x.p > y.p ? 1 : 0));
  return kubAv(a.dimensioner, a.ordbok, a.dimensioner.map((_, d) => koder(a, d)), alla.map((x) => x.p), alla.map((x) => x.v), alla.map((x) => x.s));
}

/** The value of dimension `d` of series `s`, as text. */
export function dimVarde(kub: Kub, d: number, s: number): string {
  return kub.ordbok[d]![koder(kub, d)[s]!]!;
}

/**
 * One cell by its dimension values as text: the number, null when it is missing (a symbol,
 * or a sum that lacked a part), undefined when the cube has no such cell. For tests and
 * messages; the verbs work on codes.
 */
export function cell(kub: Kub, villkor: Readonly<Record<string, string>>, period: string): number | null | undefined {
  const p = kub.perioder.indexOf(period);
  if (p < 0) return undefined;
  const krav = Object.entries(villkor).map(([namn, v]) => {
    const d = dimIndex(kub, namn);
    return [koder(kub, d), kub.ordbok[d]!.indexOf(v)] as const;
  });
  for (let s = 0; s < kub.antal; s++) {
    if (!krav.every(([k, kod]) => k[s] === kod)) continue;
    const sak = kub.saknas[p]![s]!;
    if (sak === UTAN_CELL) continue;
    return sak === TAL ? varden(kub, p)[s]! : null;
  }
  return undefined;
}
