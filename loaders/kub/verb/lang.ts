/**
 * Going long, at the edge: the cube's series × periods as a tidy arquero table, one row per
 * region, period and group, for the writers (CSV, Parquet, page data). This is the only place
 * a cube becomes long; everything before it works on the wide series.
 *
 * Rows come in the published order: region level (kommun, förbund, län, riket), region code,
 * period, then the groups in the order given. A cell is a row when `rad(serie, period)` says so
 * (a kommun's month the file lacks is an empty row in helårsekvivalenter, no row in BAS).
 * Number columns are `Float64Array` with NaN for an empty field; text columns are
 * dictionary-encoded (`Ordbokskolumn`: a code per series or period, one string per value).
 * The per-row arrays are on SharedArrayBuffers (read by the Parquet thread without a copy).
 */
import { table, type ColumnTable } from "arquero";
import { NIVA, NIVAER, koder, varden, type Kub } from "../kub.ts";
import { syskonserier } from "./andel.ts";
import { Ordbokskolumn } from "../ordbokskolumn.ts";
import type { Indelning } from "../../reference/indelning.ts";

export type LangKolumn =
  | { readonly namn: string; readonly slag: "niva" }
  | { readonly namn: string; readonly slag: "kod" }
  | { readonly namn: string; readonly slag: "namn" }
  | { readonly namn: string; readonly slag: "period" }
  /** A dimension's value, optionally renamed (`matt` -> the output's `ersattning`). */
  | { readonly namn: string; readonly slag: "dim"; readonly dimension: string; readonly text?: (varde: string) => string }
  /** Values from a cube with the same series and periods (NaN when not a number). */
  | { readonly namn: string; readonly slag: "varde"; readonly kub: Kub }
  /**
   * Each row's sibling's value: the series that is the same but for `dimension` = `varde` (HE's
   * population beside each ersättning), NaN when there is none or it is not a number. The same
   * values as the verb `syskon` (kub/verb/andel.ts) gives, gathered for the rows only.
   */
  | { readonly namn: string; readonly slag: "syskon"; readonly dimension: string; readonly varde: string }
  /**
   * Two earlier columns' quotient row by row (a share: HE's andel = varde / folkmangd): missing
   * when either is missing or the denominator is 0, as the verb `kvot` (kub/verb/andel.ts) gives
   * it, computed for the rows only.
   */
  | { readonly namn: string; readonly slag: "kvot"; readonly taljare: string; readonly namnare: string }
  /** Values per series and period from a function (e.g. the same half-year a year earlier). */
  | { readonly namn: string; readonly slag: "berakna"; readonly varde: (serie: number, period: number) => number }
  /** Text per series and period from a function (e.g. försörjningsmått's age band). */
  | { readonly namn: string; readonly slag: "text"; readonly text: (serie: number, period: number) => string };

export interface Langform {
  readonly kolumner: readonly LangKolumn[];
  /** Which series are rows, and in which order within a region (a comparator on series). */
  readonly serier: (serie: number) => boolean;
  readonly jamfor: (a: number, b: number) => number;
  /** Whether the cell of `serie` and `period` is a row. */
  readonly rad: (serie: number, period: number) => boolean;
  /** Only these periods (by index), when given. */
  readonly perioder?: readonly number[];
  /** The period as it is written (default: the period column's name). */
  readonly periodText?: (period: string) => string;
}

/** Region names: kommun and län from the reference, förbund from the membership, riket. */
export function regionnamn(ind: Indelning): (niva: number, kod: string) => string {
  const forbund = new Map<string, string>();
  for (const m of ind.medlemskap) if (!forbund.has(m.forbund)) forbund.set(m.forbund, m.forbundNamn);
  return (niva, kod) =>
    niva === NIVA.kommun ? ind.kommuner.get(kod)?.namn ?? kod
      : niva === NIVA.forbund ? forbund.get(kod) ?? kod
        : niva === NIVA.lan ? ind.lan.get(kod) ?? kod
          : "Riket";
}

// The per-row arrays live on SharedArrayBuffers: the Parquet writer's worker thread reads them
// without a copy (publish/parquet.ts), while this thread writes the CSV from the same memory.
const delatI32 = (n: number): Int32Array => new Int32Array(new SharedArrayBuffer(n * 4));
const delatF64 = (n: number): Float64Array => new Float64Array(new SharedArrayBuffer(n * 8));

export function lang(kub: Kub, form: Langform, namn: (niva: number, kod: string) => string): ColumnTable {
  const niva = koder(kub, 0);
  const kod = koder(kub, 1);
  const kodText = kub.ordbok[1]!;
  // Series grouped by region, regions in order (level, code), groups in the given order.
  const serier: number[] = [];
  for (let s = 0; s < kub.antal; s++) if (form.serier(s)) serier.push(s);
  serier.sort((a, b) => niva[a]! - niva[b]! || cmp(kodText[kod[a]!]!, kodText[kod[b]!]!) || form.jamfor(a, b));
  const perioder = form.perioder ?? kub.perioder.map((_, i) => i);
  const block: number[] = [0];
  for (let i = 1; i < serier.length; i++) {
    if (niva[serier[i]!] !== niva[serier[i - 1]!] || kod[serier[i]!] !== kod[serier[i - 1]!]) block.push(i);
  }
  block.push(serier.length);

  // First count the rows (noting which cells are rows, so that `rad` is asked once per cell),
  // then fill the columns, visiting the cells in the same order.
  const serieNr = Int32Array.from(serier);
  const blockNr = Int32Array.from(block);
  const periodNr = Int32Array.from(perioder);
  const arRad = new Uint8Array(serier.length * perioder.length);
  const n = raknaRader(arRad, serieNr, blockNr, periodNr, form.rad);
  const radSerie = delatI32(n);
  const radPeriod = delatI32(n);
  // The number columns taken from the cube's cells (`varde`, `syskon`) are filled in the same
  // pass as the rows' series and periods: per column its values per period and, per series, the
  // series whose value it takes (the series itself, or its sibling; -1: none).
  const samlade = new Map<LangKolumn, Float64Array>();
  const mal: Float64Array[] = [];
  const kallor: (readonly Float64Array[])[] = [];
  const fran: Int32Array[] = [];
  for (const k of form.kolumner) {
    if (k.slag !== "varde" && k.slag !== "syskon") continue;
    const a = delatF64(n);
    samlade.set(k, a);
    mal.push(a);
    const kalla = k.slag === "varde" ? k.kub : kub;
    kallor.push(kalla.perioder.map((_, p) => varden(kalla, p)));
    fran.push(k.slag === "varde" ? sjalva(kub.antal) : syskonserier(kub, k.dimension, k.varde));
  }
  fyll(radSerie, radPeriod, arRad, serieNr, blockNr, periodNr, mal, kallor, fran);

  const kolumner: Record<string, unknown> = {};
  const periodText = kub.perioder.map((p) => form.periodText?.(p) ?? p);
  for (const k of form.kolumner) {
    switch (k.slag) {
      case "niva": kolumner[k.namn] = new Ordbokskolumn(radSerie, niva, NIVAER); break;
      case "kod": kolumner[k.namn] = new Ordbokskolumn(radSerie, kod, kodText); break;
      case "namn": {
        // One name per region: the region's code (level and code) -> its name.
        const namnNr = new Int32Array(kub.antal);
        const ordbok: string[] = [];
        const nr = new Map<number, number>();
        for (let s = 0; s < kub.antal; s++) {
          const nyckel = niva[s]! * kodText.length + kod[s]!;
          let x = nr.get(nyckel);
          if (x === undefined) {
            x = ordbok.push(namn(niva[s]!, kodText[kod[s]!]!)) - 1;
            nr.set(nyckel, x);
          }
          namnNr[s] = x;
        }
        kolumner[k.namn] = new Ordbokskolumn(radSerie, namnNr, ordbok);
        break;
      }
      case "period": kolumner[k.namn] = new Ordbokskolumn(radPeriod, undefined, periodText); break;
      case "dim": {
        const d = kub.dimensioner.indexOf(k.dimension);
        kolumner[k.namn] = new Ordbokskolumn(radSerie, koder(kub, d), kub.ordbok[d]!.map((v) => k.text?.(v) ?? v));
        break;
      }
      case "text": {
        const ordbok: string[] = [];
        const a = delatI32(n);
        textRader(a, ordbok, radSerie, radPeriod, k.text);
        kolumner[k.namn] = new Ordbokskolumn(a, undefined, ordbok);
        break;
      }
      case "varde":
      case "syskon":
        kolumner[k.namn] = samlade.get(k);
        break;
      case "kvot": {
        const t = kolumner[k.taljare];
        const nm = kolumner[k.namnare];
        if (!(t instanceof Float64Array) || !(nm instanceof Float64Array)) throw new Error(`lang: kolumnen ${k.namn} behöver talkolumnerna ${k.taljare} och ${k.namnare} före sig`);
        const a = delatF64(n);
        kvotRader(a, t, nm);
        kolumner[k.namn] = a;
        break;
      }
      case "berakna": {
        const a = delatF64(n);
        beraknaRader(a, radSerie, radPeriod, k.varde);
        kolumner[k.namn] = a;
        break;
      }
    }
  }
  return table(kolumner);
}

/** Each series its own: `a[s] = s`. */
function sjalva(antal: number): Int32Array {
  const a = new Int32Array(antal);
  for (let s = 0; s < antal; s++) a[s] = s;
  return a;
}

/**
 * Marks the cells that are rows (`rad`), in the order they are visited (region block, period,
 * series in the block); returns how many. `fyll` visits the cells in the same order and reads
 * `arRad` by it, so the two loops are alike on purpose: the rows are counted before their
 * columns can be made. Like `fyll`, its own small function.
 */
function raknaRader(arRad: Uint8Array, serier: Int32Array, block: Int32Array, perioder: Int32Array, rad: (serie: number, period: number) => boolean): number {
  let n = 0;
  let x = 0;
  for (let b = 0; b + 1 < block.length; b++) {
    const forst = block[b]!;
    const sist = block[b + 1]!;
    for (let q = 0; q < perioder.length; q++) {
      const p = perioder[q]!;
      for (let i = forst; i < sist; i++, x++) {
        if (rad(serier[i]!, p)) {
          arRad[x] = 1;
          n++;
        }
      }
    }
  }
  return n;
}

/** A computed number column: `a[i]` = `varde(series, period)` of row `i`. Its own small function, like `fyll`. */
function beraknaRader(a: Float64Array, radSerie: Int32Array, radPeriod: Int32Array, varde: (serie: number, period: number) => number): void {
  for (let i = 0; i < a.length; i++) a[i] = varde(radSerie[i]!, radPeriod[i]!);
}

/** A computed text column as a dictionary column: per row its text's number in `ordbok` (in order of first appearance). */
function textRader(a: Int32Array, ordbok: string[], radSerie: Int32Array, radPeriod: Int32Array, text: (serie: number, period: number) => string): void {
  const nr = new Map<string, number>();
  for (let i = 0; i < a.length; i++) {
    const t = text(radSerie[i]!, radPeriod[i]!);
    let x = nr.get(t);
    if (x === undefined) nr.set(t, (x = ordbok.push(t) - 1));
    a[i] = x;
  }
}

/**
 * The rows, in the order the cells are visited (region block, period, series in the block; a
 * cell is a row where `arRad` says so): each row's series and period, and each gathered column's
 * value, `mal[j][r]` = period `p`'s value of series `fran[j][s]` (NaN when that is -1). A
 * period's columns are looked up once per region block. Its own small function, optimised once
 * for every table (a loop inside a function called a few times runs unoptimised for a while at
 * each call).
 */
function fyll(
  radSerie: Int32Array, radPeriod: Int32Array, arRad: Uint8Array, serier: Int32Array, block: Int32Array, perioder: Int32Array,
  mal: readonly Float64Array[], kallor: readonly (readonly Float64Array[])[], fran: readonly Int32Array[],
): void {
  const m = mal.length;
  const aktuella: Float64Array[] = kallor.map((k) => k[0] ?? new Float64Array(0));
  let r = 0;
  let x = 0;
  for (let b = 0; b + 1 < block.length; b++) {
    const forst = block[b]!;
    const sist = block[b + 1]!;
    for (let q = 0; q < perioder.length; q++) {
      const p = perioder[q]!;
      for (let j = 0; j < m; j++) aktuella[j] = kallor[j]![p]!;
      for (let i = forst; i < sist; i++, x++) {
        if (arRad[x] === 0) continue;
        const s = serier[i]!;
        radSerie[r] = s;
        radPeriod[r] = p;
        for (let j = 0; j < m; j++) {
          const s2 = fran[j]![s]!;
          mal[j]![r] = s2 >= 0 ? aktuella[j]![s2]! : Number.NaN;
        }
        r++;
      }
    }
  }
}

/**
 * `a[i]` = `t[i] / n[i]`, NaN when the denominator is 0. A missing value is NaN in both columns
 * (a cube's cell is NaN exactly when it holds no number), and NaN divides to NaN: so the quotient
 * is missing when either is, as `kvot` on the cubes gives it.
 */
function kvotRader(a: Float64Array, t: Float64Array, n: Float64Array): void {
  for (let i = 0; i < a.length; i++) {
    const namnare = n[i]!;
    a[i] = namnare === 0 ? Number.NaN : t[i]! / namnare;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
