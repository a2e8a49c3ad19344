/**
 * A small dense simplex (two phases, Bland's rule) and a branch-and-bound on top of it, for the
 * attacker check: the smallest and largest integer value a hidden count can take given
 * everything published. The problems are small (tens of variables and rows) with
 * coefficients 0/±1 and integer right-hand sides, so a dense tableau in floating point with a
 * tolerance is exact enough; every integer point the search reports is verified exactly.
 */

export type Op = "=" | ">=" | "<=";

export interface Villkor {
  /** Dense coefficients over the problem's variables (length n). */
  readonly koef: readonly number[];
  readonly op: Op;
  readonly rhs: number;
}

const EPS = 1e-9;
const HELTAL_EPS = 1e-6;

type Tableau = Float64Array[];

/**
 * The feasible region {x >= 0 : rows}, kept as a feasible basic tableau after phase I, so
 * that several objectives can be optimised from the same start.
 */
export class Polyeder {
  private constructor(
    readonly n: number,
    private readonly t: Tableau,
    private readonly bas: Int32Array,
    private readonly kolumner: number,
  ) {}

  /** Phase I. Returns null when the rows have no non-negative solution. */
  static bygg(n: number, villkor: readonly Villkor[]): Polyeder | null {
    const rader = villkor.map((v) => (v.rhs < 0 ? { koef: v.koef.map((a) => -a), op: vand(v.op), rhs: -v.rhs } : v));
    const m = rader.length;
    const slackar = rader.filter((r) => r.op !== "=").length;
    const artificiella = rader.filter((r) => r.op !== "<=").length;
    const artStart = n + slackar;
    const kol = artStart + artificiella; // rhs at index kol
    const t: Tableau = [];
    const bas = new Int32Array(m);
    let s = n;
    let a = artStart;
    for (let i = 0; i < m; i++) {
      const r = rader[i]!;
      const rad = new Float64Array(kol + 1);
      for (let j = 0; j < n; j++) rad[j] = r.koef[j] ?? 0;
      rad[kol] = r.rhs;
      if (r.op === "<=") { rad[s] = 1; bas[i] = s++; }
      else if (r.op === ">=") { rad[s++] = -1; rad[a] = 1; bas[i] = a++; }
      else { rad[a] = 1; bas[i] = a++; }
      t.push(rad);
    }
    // Phase I: maximise -sum(artificial). Reduced costs r = c - c_B B^-1 A.
    const red = new Float64Array(kol + 1);
    for (let j = artStart; j < kol; j++) red[j] = -1;
    for (let i = 0; i < m; i++) if (bas[i]! >= artStart) adderaRad(red, t[i]!, 1);
    const status = simplex(t, red, bas, kol, kol);
    if (status === "obegransad") throw new Error("lp: fas I kan inte vara obegränsad");
    if (-red[kol]! < -1e-7) return null; // the artificial sum cannot reach 0
    // Drive the artificial variables (all at level 0) out of the basis; drop redundant rows.
    const behall: number[] = [];
    for (let i = 0; i < m; i++) {
      if (bas[i]! < artStart) { behall.push(i); continue; }
      let j = 0;
      while (j < artStart && Math.abs(t[i]![j]!) <= EPS) j++;
      if (j < artStart) { pivot(t, null, bas, i, j, kol); behall.push(i); }
    }
    const t2: Tableau = [];
    const bas2 = new Int32Array(behall.length);
    behall.forEach((i, r) => {
      const rad = new Float64Array(artStart + 1);
      rad.set(t[i]!.subarray(0, artStart));
      rad[artStart] = t[i]![kol]!;
      t2.push(rad);
      bas2[r] = bas[i]!;
    });
    return new Polyeder(n, t2, bas2, artStart);
  }

  /** Phase II: maximise c·x (c over the n variables). */
  maximera(c: readonly number[]): { status: "optimal"; varde: number; x: number[] } | { status: "obegransad" } {
    const kol = this.kolumner;
    const t = this.t.map((r) => r.slice());
    const bas = this.bas.slice();
    const red = new Float64Array(kol + 1);
    for (let j = 0; j < this.n; j++) red[j] = c[j] ?? 0;
    for (let i = 0; i < t.length; i++) {
      const cb = bas[i]! < this.n ? (c[bas[i]!] ?? 0) : 0;
      if (cb !== 0) adderaRad(red, t[i]!, -cb);
    }
    if (simplex(t, red, bas, kol, kol) === "obegransad") return { status: "obegransad" };
    const x = new Array<number>(this.n).fill(0);
    for (let i = 0; i < t.length; i++) if (bas[i]! < this.n) x[bas[i]!] = t[i]![kol]!;
    return { status: "optimal", varde: -red[kol]!, x };
  }
}

function vand(op: Op): Op {
  return op === "<=" ? ">=" : op === ">=" ? "<=" : "=";
}

function adderaRad(mal: Float64Array, rad: Float64Array, f: number): void {
  for (let j = 0; j < mal.length; j++) mal[j]! += f * rad[j]!;
}

/** Primal simplex on a feasible tableau, Bland's rule (no cycling). Entering columns < `tillatna`. */
function simplex(t: Tableau, red: Float64Array, bas: Int32Array, tillatna: number, kol: number): "optimal" | "obegransad" {
  for (;;) {
    let j = -1;
    for (let c = 0; c < tillatna; c++) if (red[c]! > EPS) { j = c; break; }
    if (j < 0) return "optimal";
    let p = -1;
    let basta = Infinity;
    for (let i = 0; i < t.length; i++) {
      const a = t[i]![j]!;
      if (a <= EPS) continue;
      const kvot = t[i]![kol]! / a;
      if (kvot < basta - EPS || (kvot <= basta + EPS && p >= 0 && bas[i]! < bas[p]!)) { basta = kvot; p = i; }
    }
    if (p < 0) return "obegransad";
    pivot(t, red, bas, p, j, kol);
  }
}

function pivot(t: Tableau, red: Float64Array | null, bas: Int32Array, p: number, j: number, kol: number): void {
  const rad = t[p]!;
  const piv = rad[j]!;
  for (let c = 0; c <= kol; c++) rad[c]! /= piv;
  rad[j] = 1;
  for (let i = 0; i < t.length; i++) {
    if (i === p) continue;
    const f = t[i]![j]!;
    if (f === 0) continue;
    const r = t[i]!;
    for (let c = 0; c <= kol; c++) r[c]! -= f * rad[c]!;
    r[j] = 0;
  }
  if (red) {
    const f = red[j]!;
    if (f !== 0) { for (let c = 0; c <= kol; c++) red[c]! -= f * rad[c]!; red[j] = 0; }
  }
  bas[p] = j;
}

/** True when the integer point x satisfies every row exactly. */
export function uppfyller(villkor: readonly Villkor[], x: readonly number[]): boolean {
  return villkor.every((v) => {
    let s = 0;
    for (let j = 0; j < x.length; j++) s += (v.koef[j] ?? 0) * x[j]!;
    return v.op === "=" ? s === v.rhs : v.op === ">=" ? s >= v.rhs : s <= v.rhs;
  });
}

/**
 * The largest integer value of `riktning`·x (riktning = ±1 on one variable) over the integer
 * points of the region, by branch and bound. Stops early when `mal` is reached (then the
 * returned value is a feasible value >= mal, not necessarily the maximum). Returns the value
 * and the integer point reaching it, Infinity when unbounded, or null when there is no
 * integer point.
 */
export function heltalsMax(
  n: number,
  villkor: readonly Villkor[],
  rot: Polyeder,
  variabel: number,
  riktning: 1 | -1,
  mal = Infinity,
): { varde: number; x: number[] | null } | null {
  const c = new Array<number>(n).fill(0);
  c[variabel] = riktning;
  let basta: { varde: number; x: number[] | null } | null = null;
  const stack: Villkor[][] = [[]];
  let forsta = true;
  while (stack.length > 0) {
    const extra = stack.pop()!;
    const alla = extra.length === 0 ? villkor : [...villkor, ...extra];
    const poly = forsta ? rot : Polyeder.bygg(n, alla);
    forsta = false;
    if (!poly) continue;
    const res = poly.maximera(c);
    if (res.status === "obegransad") {
      // Rational data: an unbounded relaxation with an integer point is unbounded over the
      // integers too. Only the root can be unbounded here (children are bounded by it).
      return { varde: Infinity, x: null };
    }
    const grans = Math.floor(res.varde + HELTAL_EPS);
    if (basta && grans <= basta.varde) continue;
    let bryt = -1;
    for (let j = 0; j < n; j++) if (Math.abs(res.x[j]! - Math.round(res.x[j]!)) > HELTAL_EPS) { bryt = j; break; }
    if (bryt < 0) {
      const xi = res.x.map((v) => Math.round(v) + 0); // + 0: no -0
      if (uppfyller(alla, xi)) {
        basta = { varde: riktning * xi[variabel]!, x: xi };
        if (basta.varde >= mal) return basta;
      }
      // (A rounded point that breaks a row is numerical noise: the node is dropped.)
      continue;
    }
    const v = res.x[bryt]!;
    const enhet = new Array<number>(n).fill(0);
    enhet[bryt] = 1;
    const ned = Math.floor(v);
    // Depth first; the last pushed branch is explored first: the one towards the objective.
    const nedGren: Villkor = { koef: enhet, op: "<=", rhs: ned };
    const uppGren: Villkor = { koef: enhet, op: ">=", rhs: ned + 1 };
    if (riktning === 1) stack.push([...extra, nedGren], [...extra, uppGren]);
    else stack.push([...extra, uppGren], [...extra, nedGren]);
  }
  return basta;
}
