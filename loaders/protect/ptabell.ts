/**
 * The perturbation table of the cell-key method (docs/definitioner/skydd.md), built as
 * sdcTools' R package `ptable` builds a table for counts (`create_cnt_ptable`): for every
 * true count i, the probabilities of the published count j, chosen to have
 *   - no bias: the noise j − i has mean 0,
 *   - a fixed variance V (or less where the row cannot reach it),
 *   - a maximum noise D: |j − i| <= D,
 *   - no small values: j is never 1..js (they become 0 or js + 1),
 *   - probabilities that fall away from no noise on the negative side (ptable's `mono`),
 *   - and otherwise as much spread as possible (maximum entropy).
 * Rows i >= js + D + 1 are all alike (noise −D..D); the last row stands for every larger count.
 *
 * Where `ptable` gives up ("the variance parameter you set is too small"), this table goes
 * on, in two documented ways (skydd.md); everywhere else it is the same table (checked
 * against `ptable` 1.0 in test/protect/ptabell.test.ts):
 *   - a small count i in 1..js whose row cannot have variance V without bias gets the least
 *     spread there is: 0 or js + 1 only, js + 1 with probability i / (js + 1);
 *   - the row js + 1 may also go to 0 when D alone would not reach it (with D <= js the row
 *     would otherwise have no noise at all: a true js + 1 would always be published as is).
 *
 * A table is looked up with a cell key in [0, 1): the first target j whose cumulative
 * probability exceeds the key (ptable's `p_int_ub`, cellKey's lookup).
 */

export interface Brusparametrar {
  /** Largest noise for counts above the small ones (D). */
  readonly maxbrus: number;
  /** Variance of the noise (V). */
  readonly varians: number;
  /** Counts 1..js are never published (js); 0 means every count may be. */
  readonly sma: number;
}

export interface PtabellRad {
  /** True count (the last row also stands for every larger count). */
  readonly i: number;
  /** Published counts, ascending. */
  readonly j: readonly number[];
  /** Probabilities, same order; rounded to 8 decimals and summing to exactly 1 by the bounds. */
  readonly p: readonly number[];
  /** Upper bounds of the cumulative probability: target n is chosen when ub[n-1] <= key < ub[n]. */
  readonly ub: readonly number[];
}

export interface Ptabell {
  readonly parametrar: Brusparametrar;
  /** Rows for i = 0, 1, ..., sista. */
  readonly rader: readonly PtabellRad[];
}

export class PtabellFel extends Error {
  override readonly name = "PtabellFel";
}

const DECIMALER = 1e8;

/** Builds (and checks) the table; throws PtabellFel for parameters that cannot work. */
export function byggPtabell(parametrar: Brusparametrar): Ptabell {
  const { maxbrus: D, varians: V, sma: js } = parametrar;
  if (!Number.isInteger(D) || D < 1 || D > 10) throw new PtabellFel(`maxbrus måste vara ett heltal 1–10, fick ${D}`);
  if (!Number.isInteger(js) || js < 0 || js > 10) throw new PtabellFel(`små tal (js) måste vara ett heltal 0–10, fick ${js}`);
  if (!(V > 0) || V > D * D) throw new PtabellFel(`variansen måste vara större än 0 och högst maxbrus² = ${D * D}, fick ${V}`);
  const sista = js + D + 1;
  const rader: PtabellRad[] = [avrundad(0, [0], [1])];
  for (let i = 1; i <= sista; i++) {
    let j: number[] = [];
    for (let t = Math.max(i - D, 0); t <= i + D; t++) if (t === 0 || t > js) j.push(t);
    if (i === js + 1 && !j.includes(0)) j = [0, ...j];
    if (i <= js && V <= i * (js + 1 - i) + 1e-9) {
      // 1..js with a variance below what any unbiased noise avoiding 1..js has: the least
      // spread there is, to 0 or js + 1 only (i → js + 1 with probability i / (js + 1)).
      const upp = i / (js + 1);
      rader.push(avrundad(i, [0, js + 1], [1 - upp, upp]));
      continue;
    }
    const p = maxEntropi(j.map((t) => t - i), V);
    rader.push(avrundad(i, j, p));
  }
  return { parametrar, rader };
}

/** The published count for true count n and cell key `nyckel` in [0, 1). Zero stays zero. */
export function slaUpp(tabell: Ptabell, n: number, nyckel: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`antal måste vara ett icke-negativt heltal, fick ${n}`);
  if (!(nyckel >= 0 && nyckel < 1)) throw new RangeError(`cellnyckeln måste ligga i [0, 1), fick ${nyckel}`);
  if (n === 0) return 0;
  const rad = tabell.rader[Math.min(n, tabell.rader.length - 1)]!;
  const skift = n - rad.i; // the last row stands for every larger count
  for (let x = 0; x < rad.ub.length; x++) if (nyckel < rad.ub[x]!) return rad.j[x]! + skift;
  return rad.j[rad.j.length - 1]! + skift;
}

/** The noise distribution of true count n: published value -> probability. */
export function fordelning(tabell: Ptabell, n: number): Map<number, number> {
  if (n === 0) return new Map([[0, 1]]);
  const rad = tabell.rader[Math.min(n, tabell.rader.length - 1)]!;
  const skift = n - rad.i;
  return new Map(rad.j.map((j, x) => [j + skift, rad.p[x]!]));
}

function avrundad(i: number, j: number[], p: number[]): PtabellRad {
  // As ptable: cumulative bounds rounded to 8 decimals, probabilities from the rounded bounds.
  const ub: number[] = [];
  let s = 0;
  for (let x = 0; x < p.length; x++) {
    s += p[x]!;
    ub.push(x === p.length - 1 ? 1 : Math.round(s * DECIMALER) / DECIMALER);
  }
  const pr = ub.map((u, x) => Math.round((u - (x === 0 ? 0 : ub[x - 1]!)) * DECIMALER) / DECIMALER);
  return { i, j, p: pr, ub };
}

/**
 * Maximum entropy over the noise values v (ascending) with mean 0, variance at most V, and
 * probabilities non-decreasing towards 0 on the negative side. The solution has the form
 * p ∝ exp(a·v + b·v²) over blocks of equal probabilities (pooled where monotony binds);
 * a and b are found by Newton's method on the dual. Throws when V cannot be reached with
 * mean 0 (V is then too small for these values).
 */
export function maxEntropi(v: readonly number[], V: number): number[] {
  if (v.length === 1) {
    if (v[0] !== 0) throw new PtabellFel("en rad med ett enda värde måste vara utan brus");
    return [1];
  }
  if (!(v.some((x) => x < 0) && v.some((x) => x > 0))) {
    // Mean 0 needs noise of both signs; otherwise only "no noise" is unbiased.
    if (!v.includes(0)) throw new PtabellFel(`inget väntevärdesriktigt brus med värdena ${v.join(", ")}`);
    return v.map((x) => (x === 0 ? 1 : 0));
  }
  // Blocks of consecutive values with equal probability; start with every value on its own.
  let block = v.map((_, x) => [x]);
  for (let varv = 0; varv < 100; varv++) {
    const p = losBlock(v, block, V);
    // Monotony on the negative side: p(v) <= p(v') for v < v' <= 0 (as ptable: only in rows
    // where no noise is possible at all).
    let slagen = false;
    const nollIndex = v.indexOf(0);
    const ny: number[][] = [];
    for (const b of block) {
      const forra = ny[ny.length - 1];
      if (forra && nollIndex >= 0 && b[0]! <= nollIndex && p[forra[0]!]! > p[b[0]!]! + 1e-12) {
        forra.push(...b);
        slagen = true;
      } else ny.push([...b]);
    }
    if (!slagen) return p;
    block = ny;
  }
  throw new PtabellFel("maximal entropi: monotonin konvergerade inte");
}

/** Newton's method for p_x ∝ exp(a·mean_v(block) + b·mean_v²(block)) with mean 0 and var <= V. */
function losBlock(v: readonly number[], block: readonly (readonly number[])[], V: number): number[] {
  const f1 = block.map((b) => b.reduce((s, x) => s + v[x]!, 0) / b.length);
  const f2 = block.map((b) => b.reduce((s, x) => s + v[x]! * v[x]!, 0) / b.length);
  const storlek = block.map((b) => b.length);
  const fordela = (a: number, bb: number) => {
    const e = f1.map((x, n) => a * x + bb * f2[n]!);
    const m = Math.max(...e);
    const w = e.map((x, n) => storlek[n]! * Math.exp(x - m));
    const z = w.reduce((s, x) => s + x, 0);
    return w.map((x) => x / z); // block probabilities (sum over the block)
  };
  const moment = (q: number[]) => {
    let m1 = 0;
    let m2 = 0;
    q.forEach((x, n) => { m1 += x * f1[n]!; m2 += x * f2[n]!; });
    return [m1, m2] as const;
  };
  // First with the mean only (b = 0): if that spread is within V it is the answer.
  let a = 0;
  for (let it = 0; it < 200; it++) {
    const q = fordela(a, 0);
    const [m1] = moment(q);
    let varM1 = 0;
    q.forEach((x, n) => { varM1 += x * (f1[n]! - m1) ** 2; });
    if (Math.abs(m1) < 1e-14) break;
    a -= m1 / Math.max(varM1, 1e-12);
  }
  const q0 = fordela(a, 0);
  const [, m20] = moment(q0);
  let q = q0;
  if (m20 > V) {
    // Both constraints bind: solve E[v] = 0, E[v²] = V for (a, b).
    let bb = 0;
    let konv = false;
    for (let it = 0; it < 500; it++) {
      q = fordela(a, bb);
      const [m1, m2] = moment(q);
      const r1 = m1;
      const r2 = m2 - V;
      if (Math.abs(r1) < 1e-13 && Math.abs(r2) < 1e-13) { konv = true; break; }
      // Jacobian: covariances of (f1, f2) under q.
      let c11 = 0, c12 = 0, c22 = 0;
      q.forEach((x, n) => {
        const d1 = f1[n]! - m1;
        const d2 = f2[n]! - m2;
        c11 += x * d1 * d1; c12 += x * d1 * d2; c22 += x * d2 * d2;
      });
      const det = c11 * c22 - c12 * c12;
      if (!(Math.abs(det) > 1e-300)) break;
      let da = (c22 * r1 - c12 * r2) / det;
      let db = (-c12 * r1 + c11 * r2) / det;
      // Damped step: never more than 5 in either coordinate.
      const s = Math.max(1, Math.abs(da) / 5, Math.abs(db) / 5);
      da /= s; db /= s;
      a -= da;
      bb -= db;
    }
    if (!konv) throw new PtabellFel(`variansen ${V} kan inte nås utan bias med brusvärdena ${v.join(", ")}`);
  }
  const p = new Array<number>(v.length).fill(0);
  block.forEach((b, n) => { for (const x of b) p[x] = q[n]! / b.length; });
  return p;
}
