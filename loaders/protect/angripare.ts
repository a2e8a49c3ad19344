/**
 * The attacker check of the suppression method (docs/definitioner/skydd.md): for every
 * hidden count, the smallest and largest integer value an outsider can prove from
 * everything that is published, solved exactly with HiGHS (highs.ts). The outsider knows
 *   - every shown count, and every relation between counts (sums, inequalities);
 *   - that counts are whole numbers and never negative;
 *   - structural zeros: they are never hidden, so they are among the shown counts;
 *   - the rules: a count is hidden because it is 1..k-1 or because it protects one. So each
 *     connected group of hidden counts (linked by relations) holds at least one count of
 *     1..k-1 (`regelkunskap`), unless the group is only counts that are never published (or a
 *     single count in no relation: that it is small is all the marker says, and nothing
 *     hidden beside it could change it).
 * A hidden count is safe when its range [min, max]
 *   - holds at least k values (max − min + 1 >= k), or
 *   - lies wholly at k or above (min >= k: nothing below k can be learnt), or
 *   - is exactly 0 (nothing about anybody).
 * The rule depends on the range only, never on the hidden value, so anybody can check it
 * from the published tables (publicerat.ts does).
 */
import { Heltalsmodell, laddaLosare, type Villkor } from "./highs.ts";
import { MotsagelseFel, jamfor, kanoniska, kontrolleraK, kontrolleraPublicering, type Overtradelse, type Publicering, type Relation, type Skyddsparametrar } from "./model.ts";

export { laddaLosare };

export interface Intervall {
  readonly min: number;
  /** Infinity when nothing bounds it from above. */
  readonly max: number;
  /**
   * The relations that hold the range where it is not safe, when they are known (the range
   * came from linear programs with whole-number optima): hiding a count in one of them is the
   * only way to widen it. Undefined when the check cannot tell (monster.ts then looks wider).
   */
  readonly orsaker?: readonly Relation[];
}

/**
 * Whether the outsider's range of a hidden count is wide enough: at least k possible values
 * (0–4, 1–5 and 3–9 with k = 5), or wholly at k or above (nothing below k can be learnt), or
 * exactly 0 (nothing about anybody). 1–2, 1–3, 1–4 and 3–6 are not.
 */
export function sakertIntervall(iv: Intervall, k: number): boolean {
  return iv.min >= k || iv.max - iv.min + 1 >= k || iv.max === 0;
}

export interface Angriparfraga {
  /** The counts an outsider sees, with their values. */
  readonly visade: ReadonlyMap<string, number>;
  /** The hidden counts (variables). */
  readonly dolda: Iterable<string>;
  readonly relationer: readonly Relation[];
  readonly k: number;
  /** The true values (the protection knows them; a check from the published tables does not). */
  readonly sanna?: ReadonlyMap<string, number> | undefined;
  /** Hidden counts that are never published as such (tidiga avhopp, persons without kön ...). */
  readonly harledda?: ReadonlySet<string> | undefined;
  /** Use the outsider's knowledge of the rules (default true). */
  readonly regelkunskap?: boolean;
  /** Only these hidden keys are checked (default: all). */
  readonly bara?: ReadonlySet<string> | undefined;
  /** Exact ranges of every checked key, safe or not (default: only the unsafe ones). */
  readonly fullstandig?: boolean;
}


/**
 * The ranges of the checked hidden counts: with `fullstandig` every one, otherwise only those
 * that are not safe. Throws MotsagelseFel when the shown values contradict the relations.
 */
export function doldaIntervall(f: Angriparfraga): Map<string, Intervall> {
  const nycklar = new Set<string>([...f.visade.keys(), ...f.dolda]);
  for (const r of f.relationer) for (const n of [r.total, ...r.delar]) if (!nycklar.has(n)) throw new RangeError(`en relation nämner ${n}, som varken är visad eller dold`);
  const modell = new Angriparmodell(nycklar, f.relationer);
  try {
    return modell.intervall(f);
  } finally {
    modell.stang();
  }
}

/**
 * One table as the outsider sees it, kept between checks: every count is a variable, shown
 * counts are fixed by their bounds and hidden ones free (0 and up), so a new pattern of hidden
 * counts is only new bounds. Optima are found with HiGHS's linear programs and, where those
 * are not whole numbers, a small branch and bound on top of them.
 */
export class Angriparmodell {
  private readonly namn: string[];
  private readonly index: Map<string, number>;
  private readonly rader: readonly Relation[];
  private readonly villkor: Villkor[];
  private readonly modell: Heltalsmodell;
  /** Each variable's bounds as the current check sets them. */
  private readonly lag: number[];
  private readonly hog: number[];
  /** Integer points found by earlier checks: still the outsider's where they fit the new bounds. */
  private readonly punkter: (readonly number[])[] = [];

  constructor(nycklar: Iterable<string>, relationer: readonly Relation[]) {
    this.namn = [...new Set(nycklar)].sort(jamfor);
    this.index = new Map(this.namn.map((n, i) => [n, i]));
    this.rader = kanoniska(relationer);
    this.villkor = this.rader.map((r) => {
      const index = [this.index.get(r.total)!, ...r.delar.map((d) => this.index.get(d)!)];
      return { index, koef: [1, ...r.delar.map(() => -1)], lag: r.typ === "hogst" ? -Infinity : 0, hog: r.typ === "minst" ? Infinity : 0 };
    });
    const n = this.namn.length;
    this.lag = new Array<number>(n).fill(0);
    this.hog = new Array<number>(n).fill(Infinity);
    this.modell = new Heltalsmodell({ antal: n, lag: this.lag, hog: this.hog, villkor: this.villkor });
  }

  stang(): void {
    this.modell.stang();
  }

  private satt(i: number, lag: number, hog: number): void {
    this.lag[i] = lag;
    this.hog[i] = hog;
    this.modell.granser(i, lag, hog);
  }

  /** The ranges of the checked hidden counts (see doldaIntervall). */
  intervall(f: Angriparfraga): Map<string, Intervall> {
    kontrolleraK(f.k);
    const k = f.k;
    const dolda = [...new Set(f.dolda)].sort(jamfor);
    for (const n of dolda) {
      if (f.visade.has(n)) throw new RangeError(`${n} är både visad och dold`);
      if (!this.index.has(n)) throw new RangeError(`${n} finns inte i tabellen`);
    }
    const doldIndex = new Set(dolda.map((n) => this.index.get(n)!));
    for (let i = 0; i < this.namn.length; i++) {
      if (doldIndex.has(i)) this.satt(i, 0, Infinity);
      else {
        const v = f.visade.get(this.namn[i]!);
        if (v === undefined) throw new RangeError(`${this.namn[i]} är varken visad eller dold`);
        this.satt(i, v, v);
      }
    }
    // The shown values alone must fit the relations (a relation of shown counts only).
    for (const [r, rel] of this.villkor.entries()) {
      if (!rel.index.every((i) => !doldIndex.has(i))) continue;
      const s = rel.index.reduce((a, i, x) => a + rel.koef[x]! * this.lag[i]!, 0);
      if (s < rel.lag - 1e-9 || s > rel.hog + 1e-9) throw new MotsagelseFel(`de visade värdena motsäger relationen för ${this.rader[r]!.total}`);
    }

    // Connected groups of hidden counts (linked through relations with two or more of them).
    const foralder = new Map(dolda.map((n) => [this.index.get(n)!, this.index.get(n)!]));
    const rot = (i: number): number => { let r = i; while (foralder.get(r) !== r) r = foralder.get(r)!; foralder.set(i, r); return r; };
    for (const rel of this.villkor) {
      const h = rel.index.filter((i) => doldIndex.has(i));
      for (const i of h.slice(1)) { const a = rot(h[0]!); const b = rot(i); if (a !== b) foralder.set(Math.max(a, b), Math.min(a, b)); }
    }
    const grupper = new Map<number, number[]>();
    for (const i of [...doldIndex].sort((a, b) => a - b)) { const r = rot(i); grupper.set(r, [...(grupper.get(r) ?? []), i]); }

    const harledda = f.harledda ?? new Set<string>();
    const kant = f.sanna ? this.namn.map((n, i) => (doldIndex.has(i) ? f.sanna!.get(n) : this.lag[i])) : undefined;
    const sannPunkt = kant && kant.every((v) => v !== undefined) ? (kant as number[]) : undefined;
    if (sannPunkt && !uppfyller(this.villkor, sannPunkt)) throw new MotsagelseFel("de sanna värdena uppfyller inte relationerna");
    const liten = (v: number) => v >= 1 && v <= k - 1;

    const ut = new Map<string, Intervall>();
    for (const medlemmar of grupper.values()) {
      if (f.bara !== undefined && !medlemmar.some((i) => f.bara!.has(this.namn[i]!))) continue;
      // The rules: some hidden count in the group is 1..k-1, unless every one is never
      // published, or (as the protection knows) that is not so here. A count in no relation
      // at all is the exception: the rule tells that it is small (the marker says no more),
      // and nothing hidden beside it could change that.
      const iRelation = medlemmar.some((i) => this.villkor.some((v) => v.index.includes(i)));
      let regel = (f.regelkunskap ?? true) && iRelation && medlemmar.some((i) => !harledda.has(this.namn[i]!));
      if (regel && sannPunkt && !medlemmar.some((i) => liten(sannPunkt[i]!))) regel = false;
      const lo = new Map<number, number>();
      const hi = new Map<number, number>();
      const sett = (x: readonly number[]) => {
        for (const i of medlemmar) { const v = x[i]!; if (!(v >= lo.get(i)!)) lo.set(i, v); if (!(v <= hi.get(i)!)) hi.set(i, v); }
      };
      // Parts of the rule: "count j is 1..k-1", the true point's small counts first.
      const delar = [...medlemmar];
      if (sannPunkt) delar.sort((a, b) => Number(!liten(sannPunkt[a]!)) - Number(!liten(sannPunkt[b]!)) || a - b);
      const del = (j: number, los: () => Optimum | undefined): Optimum | undefined => {
        if (j < 0) return los();
        this.satt(j, 1, k - 1);
        try {
          return los();
        } finally {
          this.satt(j, 0, Infinity);
        }
      };
      const opt = (i: number, riktning: 1 | -1, j: number) => del(j, () => this.heltalsoptimum(i, riktning, j < 0));
      // Points from earlier checks that still fit: the shown counts, and the rule.
      for (const x of this.punkter) {
        if (!x.every((v, i) => v >= this.lag[i]! && v <= this.hog[i]!)) continue;
        if (regel && !medlemmar.some((m) => liten(x[m]!))) continue;
        sett(x);
      }
      if (sannPunkt) sett(sannPunkt);
      else {
        const p = opt(medlemmar[0]!, 1, -1);
        if (!p) throw new MotsagelseFel(`de visade värdena motsäger relationerna (gäller bl.a. ${this.namn[medlemmar[0]!]})`);
        let iRegeln = false;
        for (const j of regel ? delar : []) {
          const q = opt(medlemmar[0]!, 1, j);
          if (q?.x) { sett(q.x); iRegeln = true; break; }
        }
        if (!iRegeln) {
          regel = false; // the figures do not fit the rule: the outsider would not use it
          if (p.x) sett(p.x);
        }
      }
      /** The optimum over the outsider's set: the whole program, or the union of the parts. */
      const iMangden = (x: readonly number[]) => !regel || medlemmar.some((m) => liten(x[m]!));
      const optimum = (i: number, riktning: 1 | -1, racker: (v: number) => boolean): Optimum | undefined => {
        const hela = opt(i, riktning, -1);
        if (!hela) return undefined;
        if (hela.x && iMangden(hela.x)) {
          sett(hela.x);
          return hela;
        }
        if (!regel) return hela; // unbounded
        // The optimum of the whole program is not the outsider's (no small count, or unbounded
        // there): the union of the parts instead.
        let basta: number | undefined;
        for (const j of delar) {
          const d = opt(i, riktning, j);
          if (!d) continue;
          if (d.x) sett(d.x);
          if (basta === undefined || (riktning === -1 ? d.varde > basta : d.varde < basta)) basta = d.varde;
          if (racker(basta)) break;
        }
        return basta === undefined ? undefined : { varde: basta };
      };
      for (const i of medlemmar) {
        const nyckel = this.namn[i]!;
        if (f.bara !== undefined && !f.bara.has(nyckel)) continue;
        const bred = () => hi.get(i)! - lo.get(i)! + 1 >= k;
        if (!f.fullstandig && bred()) continue;
        const max = optimum(i, -1, (v) => !f.fullstandig && v - lo.get(i)! + 1 >= k);
        if (!max) throw new MotsagelseFel(`relationerna saknar heltalslösning (gäller bl.a. ${nyckel})`);
        if (max.varde === Infinity) hi.set(i, Infinity);
        if (!f.fullstandig && bred()) continue;
        // A point at 0 is already the least there is.
        const min = lo.get(i) === 0 ? { varde: 0, rader: [] } : optimum(i, 1, (v) => v === 0 || (!f.fullstandig && hi.get(i)! - v + 1 >= k));
        if (!min) throw new MotsagelseFel(`relationerna saknar heltalslösning (gäller bl.a. ${nyckel})`);
        if (!f.fullstandig && bred()) continue;
        const iv = { min: min.varde, max: max.varde };
        if (f.fullstandig || !sakertIntervall(iv, k)) {
          const orsaker = max.rader && min.rader ? [...new Set([...max.rader, ...min.rader])].sort((a, b) => a - b).map((r) => this.rader[r]!) : undefined;
          ut.set(nyckel, orsaker ? { ...iv, orsaker } : iv);
        }
      }
    }
    return new Map([...ut].sort((a, b) => jamfor(a[0], b[0])));
  }

  /**
   * Fischetti and Salazar's capacity cut for a hidden count `n` whose largest value is below
   * `k` (the caller passes k − 1: a small count needs at least that much room) under the bounds of the last check: from the linear program's reduced costs, how much
   * hiding each count could raise n's largest value (without bound, for a count whose rise
   * helps; its value, for one whose fall helps), and how much is needed (k − the largest
   * value). Any pattern where n can reach k has Σ raise·hidden >= need, so the cut removes no
   * pattern that could pass. Undefined when the linear program already reaches k.
   */
  kapacitet(n: string, k: number): { readonly koef: ReadonlyMap<string, number>; readonly krav: number } | undefined {
    const i = this.index.get(n);
    if (i === undefined) throw new RangeError(`${n} finns inte i tabellen`);
    const l = this.modell.lp.optimera(new Map([[i, 1]]), -1);
    if (l.status !== "optimal" || !l.kolumndual) return undefined;
    if (l.varde >= k - 1e-9) return undefined;
    const krav = k - l.varde;
    const koef = new Map<string, number>();
    for (let j = 0; j < this.namn.length; j++) {
      if (j === i) continue;
      const d = l.kolumndual[j]!;
      // A count that is fixed (shown) can be freed to 0..∞ by hiding it.
      const upp = d > 1e-9 ? krav : d < -1e-9 ? Math.min(krav, -d * this.lag[j]!) : 0;
      if (upp > 1e-9) koef.set(this.namn[j]!, upp);
    }
    return { koef, krav };
  }

  /**
   * The integer optimum of variable i under the current bounds. `medRader`: report the rows
   * that hold the optimum when the linear program's own optimum is whole (its duals).
   */
  private heltalsoptimum(i: number, riktning: 1 | -1, medRader: boolean): Optimum | undefined {
    const l = this.modell.optimera(new Map([[i, 1]]), riktning);
    if (!l) return undefined;
    if (l.status === "obegransad") return riktning === -1 ? { varde: Infinity } : undefined;
    if (!uppfyller(this.villkor, l.x)) throw new Error(`HiGHS gav en punkt som inte uppfyller relationerna (${this.namn[i]})`);
    const rader = medRader && l.rot && l.dual ? [...l.dual.keys()].filter((r) => Math.abs(l.dual![r]!) > 1e-9) : undefined;
    if (this.punkter.length < 500) this.punkter.push(l.x);
    return { varde: l.x[i]!, rader, x: l.x };
  }
}

interface Optimum {
  readonly varde: number;
  /** Rows holding the optimum (from the linear program's duals); undefined when unknown. */
  readonly rader?: readonly number[] | undefined;
  readonly x?: readonly number[];
}

function uppfyller(villkor: readonly Villkor[], x: readonly number[]): boolean {
  if (x.some((v) => v < 0 || !Number.isInteger(v))) return false;
  return villkor.every((v) => {
    const s = v.index.reduce((a, i, n) => a + v.koef[n]! * x[i]!, 0);
    return s >= v.lag - 1e-9 && s <= v.hog + 1e-9;
  });
}

function delaUpp(p: Publicering, dolda: ReadonlySet<string>): { visade: Map<string, number>; doldaLista: string[] } {
  for (const n of dolda) if (!p.varden.has(n)) throw new RangeError(`den dolda nyckeln ${n} saknar värde`);
  const visade = new Map([...p.varden].filter(([n]) => !dolda.has(n)));
  return { visade, doldaLista: [...dolda].sort(jamfor) };
}

/**
 * The attacker check of one publication. Returns one Overtradelse per hidden key whose range
 * is not safe; an empty list means the publication is safe.
 */
export function angriparkontroll(p: Publicering, dolda: ReadonlySet<string>, opts: Skyddsparametrar): Overtradelse[] {
  kontrolleraK(opts.k);
  kontrolleraPublicering(p);
  const { visade, doldaLista } = delaUpp(p, dolda);
  const smala = doldaIntervall({ visade, dolda: doldaLista, relationer: p.relationer, k: opts.k, sanna: p.varden, harledda: p.harledda });
  return [...smala].map(([nyckel, { min, max }]) => ({ nyckel, min, max, varde: p.varden.get(nyckel)!, typ: "intervall" as const }));
}

/** The exact range of every hidden key (for reports and tests), with the outsider's knowledge of the rules. */
export function mojligaIntervall(p: Publicering, dolda: ReadonlySet<string>, opts: { k: number; regelkunskap?: boolean } = { k: 1 }): Map<string, Intervall> {
  kontrolleraPublicering(p);
  const { visade, doldaLista } = delaUpp(p, dolda);
  return doldaIntervall({ visade, dolda: doldaLista, relationer: p.relationer, k: opts.k, sanna: p.varden, harledda: p.harledda, regelkunskap: opts.regelkunskap ?? opts.k > 1, fullstandig: true });
}
