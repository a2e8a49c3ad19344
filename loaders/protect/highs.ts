/**
 * HiGHS (the `highs` package: the HiGHS solver compiled to WebAssembly) for the exact
 * integer programs of the suppression method: the attacker's smallest and largest value of a
 * hidden count, and the pattern of least information loss. The solver is loaded once
 * (`laddaLosare`, asynchronous); every solve after that is synchronous.
 */
import type { Highs } from "highs";

/**
 * The package's loader, imported when the solver is first needed (only tables of participants
 * are protected with it). The package is CommonJS with ESM beside it: at run time the default
 * export is the loader, while TypeScript (NodeNext) sees the CommonJS module object.
 */
async function loadHighs(): Promise<Highs> {
  const modul = (await import("highs")).default as unknown as (typeof import("highs"))["default"];
  return modul();
}

let instans: Highs | undefined;
let laddning: Promise<Highs> | undefined;

/** Loads the solver (once per process). */
export async function laddaLosare(): Promise<void> {
  laddning ??= loadHighs();
  instans = await laddning;
}

function losare(): Highs {
  if (!instans) throw new Error("HiGHS är inte laddad: anropa laddaLosare() först");
  return instans;
}

export interface Villkor {
  /** Variable indices and coefficients. */
  readonly index: readonly number[];
  readonly koef: readonly number[];
  readonly lag: number;
  readonly hog: number;
}

export interface Heltalsproblem {
  readonly antal: number;
  readonly lag: readonly number[];
  readonly hog: readonly number[];
  /** Integer variables (all, by default). */
  readonly heltal?: readonly boolean[];
  readonly villkor: readonly Villkor[];
}

export type Losning =
  | {
      readonly status: "optimal";
      readonly varde: number;
      readonly x: Float64Array;
      /** Row duals (continuous problems only): which rows hold the optimum. */
      readonly dual?: Float64Array;
      /** Column duals (reduced costs; continuous problems only): the gain per unit of each bound. */
      readonly kolumndual?: Float64Array;
    }
  | { readonly status: "obegransad" }
  | { readonly status: "omojlig" };

/**
 * One problem in HiGHS, kept so that several objectives can be optimised in turn. Call
 * `stang` when done (the WebAssembly memory is not garbage collected).
 */
export class Modell {
  private readonly m: ReturnType<Highs["createModel"]>;
  private readonly antal: number;
  private readonly kontinuerlig: boolean;
  private mal = new Map<number, number>();

  constructor(p: Heltalsproblem) {
    const h = losare();
    this.antal = p.antal;
    this.kontinuerlig = p.heltal !== undefined && p.heltal.every((b) => !b);
    const starts = [0];
    const index: number[] = [];
    const values: number[] = [];
    for (const v of p.villkor) {
      // Coefficients summed per variable: a row must not name a variable twice.
      const rad = new Map<number, number>();
      v.index.forEach((i, n) => rad.set(i, (rad.get(i) ?? 0) + v.koef[n]!));
      for (const [i, a] of [...rad].sort((x, y) => x[0] - y[0])) if (a !== 0) { index.push(i); values.push(a); }
      starts.push(index.length);
    }
    const inf = (x: number) => (x === Infinity ? h.infinity : x === -Infinity ? -h.infinity : x);
    this.m = h.createModel({
      numCols: p.antal,
      numRows: p.villkor.length,
      colCost: new Array<number>(p.antal).fill(0),
      colLower: p.lag.map(inf),
      colUpper: p.hog.map(inf),
      rowLower: p.villkor.map((v) => inf(v.lag)),
      rowUpper: p.villkor.map((v) => inf(v.hog)),
      matrix: { format: "csr", numRows: p.villkor.length, numCols: p.antal, starts, indices: index, values },
      integrality: (p.heltal ?? new Array<boolean>(p.antal).fill(true)).map((b) => (b ? h.constants.variableType.integer : h.constants.variableType.continuous)),
    });
    // Exact optima; the problems are tiny, so HiGHS's heuristics and symmetry search only cost time.
    this.m.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0, mip_heuristic_effort: 0, mip_detect_symmetry: false, mip_allow_restart: false });
    // Linear programs are solved again and again with new bounds: without presolve HiGHS starts
    // from the previous basis.
    if (this.kontinuerlig) this.m.options.set({ presolve: "off" });
  }

  /** Adds a row. */
  laggTill(v: Villkor): void {
    const h = losare();
    const inf = (x: number) => (x === Infinity ? h.infinity : x === -Infinity ? -h.infinity : x);
    this.m.addRow(inf(v.lag), inf(v.hog), { indices: [...v.index], values: [...v.koef] });
  }

  /** Changes a variable's bounds. */
  granser(i: number, lag: number, hog: number): void {
    const h = losare();
    this.m.changeColBounds(i, lag === -Infinity ? -h.infinity : lag, hog === Infinity ? h.infinity : hog);
  }

  /** Minimises (riktning 1) or maximises (−1) the linear objective. */
  optimera(mal: ReadonlyMap<number, number>, riktning: 1 | -1): Losning {
    const h = losare();
    for (const i of this.mal.keys()) if (!mal.has(i)) this.m.changeColCost(i, 0);
    for (const [i, c] of mal) this.m.changeColCost(i, c);
    this.mal = new Map(mal);
    this.m.changeObjectiveSense(riktning === 1 ? h.constants.objectiveSense.minimize : h.constants.objectiveSense.maximize);
    this.m.run();
    const status = this.m.getModelStatus();
    const S = h.constants.modelStatus;
    if (status === S.optimal) {
      const losning = this.m.getSolution();
      const x = Float64Array.from(losning.colValue.slice(0, this.antal));
      return {
        status: "optimal", varde: this.m.getObjectiveValue(), x,
        ...(this.kontinuerlig ? { dual: Float64Array.from(losning.rowDual), kolumndual: Float64Array.from(losning.colDual.slice(0, this.antal)) } : {}),
      };
    }
    if (status === S.infeasible) return { status: "omojlig" };
    if (status === S.unbounded || status === S.unboundedOrInfeasible) return { status: "obegransad" };
    throw new Error(`HiGHS avslutade med status ${status}`);
  }

  stang(): void {
    this.m.dispose();
  }
}

/** Nodes of one branch and bound at most (the problems here need a handful). */
export const MAX_NODER = 20000;

/**
 * Integer optima over a continuous model: HiGHS's linear program, and where its optimum is not
 * whole, depth-first branch and bound on the first fractional variable (bounds only, so every
 * node starts from the previous basis). Faster than HiGHS's own MIP for these small problems,
 * whose linear programs are nearly always whole already.
 */
export class Heltalsmodell {
  readonly lp: Modell;
  private readonly lag: number[];
  private readonly hog: number[];

  constructor(p: Heltalsproblem) {
    this.lag = [...p.lag];
    this.hog = [...p.hog];
    this.lp = new Modell({ ...p, heltal: new Array<boolean>(p.antal).fill(false) });
  }

  stang(): void {
    this.lp.stang();
  }

  laggTill(v: Villkor): void {
    this.lp.laggTill(v);
  }

  granser(i: number, lag: number, hog: number): void {
    if (this.lag[i] === lag && this.hog[i] === hog) return;
    this.lag[i] = lag;
    this.hog[i] = hog;
    this.lp.granser(i, lag, hog);
  }

  /**
   * The integer optimum of the objective; `dual` of the root when it is whole (the rows that
   * hold it). Undefined when there is no integer point.
   */
  optimera(
    mal: ReadonlyMap<number, number>,
    riktning: 1 | -1,
    /** A known integer point, to prune with from the start. */
    start?: { readonly varde: number; readonly x: readonly number[] },
  ): { status: "optimal"; varde: number; x: number[]; dual?: Float64Array; rot: boolean } | { status: "obegransad" } | undefined {
    const rot = this.lp.optimera(mal, riktning);
    if (rot.status === "omojlig") return undefined;
    if (rot.status === "obegransad") return { status: "obegransad" };
    const bratal = (x: Float64Array) => x.findIndex((v) => Math.abs(v - Math.round(v)) >= 1e-7);
    if (bratal(rot.x) < 0) return { status: "optimal", varde: rot.varde, x: Array.from(rot.x, heltal), ...(rot.dual ? { dual: rot.dual } : {}), rot: true };
    let basta: { varde: number; x: number[] } | undefined = start ? { varde: start.varde, x: [...start.x] } : undefined;
    let noder = 0;
    const heltalsMal = [...mal.values()].every((c) => Number.isInteger(c));
    const gren = (): void => {
      if (++noder > MAX_NODER) throw new Error(`gren och begränsning: fler än ${MAX_NODER} noder`);
      const l = this.lp.optimera(mal, riktning);
      if (l.status !== "optimal") return;
      // With whole coefficients the objective of a whole point is whole: round the bound.
      const grans = heltalsMal ? (riktning === -1 ? Math.floor(l.varde + 1e-7) : Math.ceil(l.varde - 1e-7)) : l.varde;
      if (basta && (riktning === -1 ? grans <= basta.varde + 1e-9 : grans >= basta.varde - 1e-9)) return;
      // Branch on the most fractional variable.
      let j = -1;
      let avst = 1e-7;
      for (let x = 0; x < l.x.length; x++) {
        const f = Math.abs(l.x[x]! - Math.round(l.x[x]!));
        if (f > avst) { avst = f; j = x; }
      }
      if (j < 0) {
        basta = { varde: l.varde, x: Array.from(l.x, heltal) };
        return;
      }
      const v = l.x[j]!;
      const [lag, hog] = [this.lag[j]!, this.hog[j]!];
      for (const sida of v - Math.floor(v) >= 0.5 ? [1, 0] : [0, 1]) {
        if (sida === 0) this.granser(j, lag, Math.floor(v));
        else this.granser(j, Math.ceil(v), hog);
        try {
          gren();
        } finally {
          this.granser(j, lag, hog);
        }
      }
    };
    gren();
    return basta && { status: "optimal", varde: basta.varde, x: basta.x, rot: false };
  }
}

/** The nearest whole number (never −0). */
function heltal(v: number): number {
  return Math.round(v) + 0;
}
