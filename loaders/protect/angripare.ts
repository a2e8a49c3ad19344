/**
 * The attacker check: for every hidden count, the smallest and largest integer value
 * consistent with everything shown, every relation, non-negativity and integrality. A hidden
 * count passes when that range is at least k wide (max - min >= k), or when it lies wholly at
 * k or above (min >= k: then nothing below k can be learnt, and the value could have been
 * shown). The rule depends on the published ranges only, never on the true value, so knowing
 * the rule teaches an outsider nothing (docs/definitioner/skydd.md).
 */
import { Polyeder, heltalsMax, uppfyller, type Villkor } from "./lp.ts";
import {
  MotsagelseFel,
  jamfor,
  kanoniska,
  kontrolleraK,
  kontrolleraPublicering,
  type Overtradelse,
  type Publicering,
  type Relation,
  type Skyddsparametrar,
} from "./model.ts";

export interface Intervall {
  readonly min: number;
  readonly max: number;
}

interface Rad {
  readonly vars: number[]; // global indices of hidden keys
  readonly koef: number[]; // same length
  readonly op: "=" | ">=" | "<=";
  readonly rhs: number;
}

/**
 * The ranges of hidden keys, from the shown values and the relations only. With
 * `fullstandig` every hidden key gets its exact range; otherwise only the keys whose range is
 * narrower than k and not wholly at k or above are returned (with their exact range), and the
 * others are proven safe as cheaply as possible. `kand` (optional) is a known feasible point,
 * e.g. the true values; `bara` (optional) restricts the check to one key.
 */
export function doldaIntervall(
  visade: ReadonlyMap<string, number>,
  dolda: readonly string[],
  relationer: readonly Relation[],
  k: number,
  opts: { readonly kand?: ReadonlyMap<string, number>; readonly fullstandig?: boolean; readonly bara?: string; readonly harledda?: ReadonlySet<string> } = {},
): Map<string, Intervall> {
  const fullstandig = opts.fullstandig ?? false;
  const namn = [...new Set(dolda)].sort(jamfor);
  const index = new Map(namn.map((n, i) => [n, i]));
  for (const n of namn) if (visade.has(n)) throw new RangeError(`${n} är både visad och dold`);
  const rader: Rad[] = [];
  for (const r of kanoniska(relationer)) {
    const vars: number[] = [];
    const koef: number[] = [];
    let konstant = 0; // shown total - shown parts
    const term = (n: string, tecken: 1 | -1) => {
      const i = index.get(n);
      if (i !== undefined) { vars.push(i); koef.push(tecken); return; }
      const v = visade.get(n);
      if (v === undefined) throw new RangeError(`en relation nämner ${n}, som varken är visad eller dold`);
      konstant += tecken * v;
    };
    term(r.total, 1);
    for (const d of r.delar) term(d, -1);
    const op = r.typ === "lika" ? "=" : r.typ === "minst" ? ">=" : "<=";
    if (vars.length === 0) {
      if (op === "=" ? konstant !== 0 : op === ">=" ? konstant < 0 : konstant > 0) throw new MotsagelseFel(`de visade värdena motsäger relationen för ${r.total}`);
      continue;
    }
    rader.push({ vars, koef, op, rhs: -konstant });
  }

  // Connected components of hidden keys through the rows: solved separately.
  const foralder = namn.map((_, i) => i);
  const rot = (i: number): number => { while (foralder[i] !== i) i = foralder[i] = foralder[foralder[i]!]!; return i; };
  for (const r of rader) for (const v of r.vars) { const a = rot(r.vars[0]!); const b = rot(v); if (a !== b) foralder[Math.max(a, b)] = Math.min(a, b); }
  const komponenter = new Map<number, number[]>();
  namn.forEach((_, i) => { const r = rot(i); komponenter.set(r, [...(komponenter.get(r) ?? []), i]); });
  const raderPer = new Map<number, Rad[]>();
  for (const r of rader) { const c = rot(r.vars[0]!); raderPer.set(c, [...(raderPer.get(c) ?? []), r]); }

  const ut = new Map<string, Intervall>();
  const baraIndex = opts.bara === undefined ? undefined : index.get(opts.bara);
  if (opts.bara !== undefined && baraIndex === undefined) return ut; // a shown key: nothing to check
  for (const [c, medlemmar] of [...komponenter].sort((a, b) => a[0] - b[0])) {
    if (baraIndex !== undefined && rot(baraIndex) !== c) continue;
    const kr = raderPer.get(c) ?? [];
    if (kr.length === 0) {
      if (fullstandig) for (const i of medlemmar) ut.set(namn[i]!, { min: 0, max: Infinity });
      continue; // a hidden key in no relation can be anything >= 0
    }
    const lokal = new Map(medlemmar.map((g, l) => [g, l]));
    const n = medlemmar.length;
    const villkor: Villkor[] = kr.map((r) => {
      const koef = new Array<number>(n).fill(0);
      r.vars.forEach((v, i) => { koef[lokal.get(v)!]! += r.koef[i]!; });
      return { koef, op: r.op, rhs: r.rhs };
    });
    const poly = Polyeder.bygg(n, villkor);
    if (!poly) throw new MotsagelseFel(`de visade värdena motsäger relationerna (gäller bl.a. ${namn[medlemmar[0]!]})`);
    // Observed range of each variable over the integer points seen so far.
    const lo = new Array<number>(n).fill(Infinity);
    const hi = new Array<number>(n).fill(-Infinity);
    const sett = (x: readonly number[]) => x.forEach((v, j) => { if (v < lo[j]!) lo[j] = v; if (v > hi[j]!) hi[j] = v; });
    if (opts.kand) {
      const x = medlemmar.map((g) => opts.kand!.get(namn[g]!));
      if (x.every((v) => v !== undefined)) {
        if (!uppfyller(villkor, x as number[])) throw new MotsagelseFel(`de sanna värdena uppfyller inte relationerna (gäller bl.a. ${namn[medlemmar[0]!]})`);
        sett(x as number[]);
      }
    }
    for (let j = 0; j < n; j++) {
      if (baraIndex !== undefined && medlemmar[j] !== baraIndex) continue;
      const namnJ = namn[medlemmar[j]!]!;
      if (!fullstandig && hi[j]! - lo[j]! >= k) continue;
      // Exact minimum (or early: a point at least k below the largest value seen).
      const ned = heltalsMax(n, villkor, poly, j, -1, fullstandig ? Infinity : -(hi[j]! - k));
      if (!ned) throw new MotsagelseFel(`relationerna saknar heltalslösning (gäller bl.a. ${namnJ})`);
      if (ned.x) sett(ned.x);
      if (!fullstandig && (hi[j]! - lo[j]! >= k || lo[j]! >= k)) continue; // wide, or certainly >= k
      const upp = heltalsMax(n, villkor, poly, j, 1, fullstandig ? Infinity : lo[j]! + k);
      if (!upp) throw new MotsagelseFel(`relationerna saknar heltalslösning (gäller bl.a. ${namnJ})`);
      if (upp.x) sett(upp.x);
      else hi[j] = Infinity;
      const publiceradNolla = opts.harledda?.has(namnJ) === true && lo[j] === 0 && hi[j] === 0;
      if (fullstandig || (hi[j]! - lo[j]! < k && !publiceradNolla)) ut.set(namnJ, { min: lo[j]!, max: hi[j]! });
    }
  }
  return new Map([...ut].sort((a, b) => jamfor(a[0], b[0])));
}

function delaUpp(p: Publicering, dolda: ReadonlySet<string>): { visade: Map<string, number>; doldaLista: string[] } {
  for (const n of dolda) if (!p.varden.has(n)) throw new RangeError(`den dolda nyckeln ${n} saknar värde`);
  const visade = new Map([...p.varden].filter(([n]) => !dolda.has(n)));
  return { visade, doldaLista: [...dolda].sort(jamfor) };
}

/**
 * The attacker check. Returns one Overtradelse per hidden key whose range (given everything
 * shown) is narrower than k and reaches below k; an empty list means the publication is safe.
 */
export function angriparkontroll(p: Publicering, dolda: ReadonlySet<string>, opts: Skyddsparametrar): Overtradelse[] {
  kontrolleraK(opts.k);
  kontrolleraPublicering(p);
  const { visade, doldaLista } = delaUpp(p, dolda);
  const smala = doldaIntervall(visade, doldaLista, p.relationer, opts.k, { kand: p.varden, ...(p.harledda ? { harledda: p.harledda } : {}) });
  return [...smala].map(([nyckel, { min, max }]) => ({ nyckel, min, max, varde: p.varden.get(nyckel)!, typ: "intervall" as const }));
}

/** The exact range of every hidden key (for reports and tests). */
export function mojligaIntervall(p: Publicering, dolda: ReadonlySet<string>): Map<string, Intervall> {
  kontrolleraPublicering(p);
  const { visade, doldaLista } = delaUpp(p, dolda);
  return doldaIntervall(visade, doldaLista, p.relationer, 1, { kand: p.varden, fullstandig: true });
}
