/**
 * The attack of issue 11, as an outsider who knows the suppression rules works: take a small
 * published table (the deltagare counts of one window: every insats and the förbund total, by
 * kön), enumerate every set of values consistent with what is shown and with the relations
 * between the counts, run the product's own protection on each, and keep those that give exactly
 * the same publication. The kept values of a hidden count are what the rules give away.
 * Used by test/protect/angrepp.test.ts (small tables) and scripts/skyddsmatt.ts (larger ones).
 */
import { beraknaInsatsunderlag, type OkandKon, type Underlag } from "../../loaders/compute/nyckeltal.ts";
import { deltagarpublicering, sakertIntervall, skydda, type Publicering, type Relation } from "../../loaders/protect/index.ts";
import { exportdag, type Rad } from "../protect/deltagarfil.ts";

export const K = 5;

/** The deltagare publication of one window from a map of counts (deltagare|insats|kön -> persons), as the pipeline builds it. */
function publicering(fonster: { forbund: string; fran: string; till: string }, varden: ReadonlyMap<string, number>): Publicering {
  const rader: Underlag[] = [];
  const okand: OkandKon[] = [];
  for (const [n, v] of varden) {
    const [, insats, kon] = n.split("|") as [string, string, string];
    if (kon === "okand") {
      if (v > 0) okand.push({ ...fonster, insats, deltagare: v });
      continue;
    }
    rader.push({ ...fonster, insats, kon: kon as Underlag["kon"], deltagare: v, avslut: 0, malTaljare: 0, malNamnare: 0, malGrupp: 0, tidSummaManader: 0, foreSummaAr: 0, foreN: 0 });
  }
  return deltagarpublicering(rader, okand);
}

/** What an outsider sees: the shown counts (hidden ones are absent). */
function utfall(p: Publicering, dolda: ReadonlySet<string>): string {
  return JSON.stringify([...p.varden].filter(([n]) => n.startsWith("deltagare|") && !n.endsWith("|okand")).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([n, v]) => [n, dolda.has(n) ? null : v]));
}

/** Every integer assignment of the unknown counts (0..tak) consistent with the shown ones and the relations. */
export function uppraknade(okanda: readonly string[], kanda: ReadonlyMap<string, number>, relationer: readonly Relation[], tak: number): Map<string, number>[] {
  const ut: Map<string, number>[] = [];
  const x = new Map(kanda);
  const uppfyllda = () =>
    relationer.every((r) => {
      const t = x.get(r.total);
      const d = r.delar.map((n) => x.get(n));
      if (t === undefined || d.some((v) => v === undefined)) return true;
      const s = d.reduce((a, b) => a! + b!, 0)!;
      return r.typ === "lika" ? t === s : r.typ === "minst" ? t >= s : t <= s;
    });
  // Depth first: a lika relation with one unknown left gives it; otherwise try every value of the next.
  const steg = (): void => {
    if (!uppfyllda()) return;
    const harledd: string[] = [];
    for (let andrad = true; andrad;) {
      andrad = false;
      for (const r of relationer) {
        if (r.typ !== "lika") continue;
        const saknas = [r.total, ...r.delar].filter((n) => !x.has(n));
        if (saknas.length !== 1) continue;
        const n = saknas[0]!;
        const summa = r.delar.filter((d) => d !== n).reduce((a, d) => a + x.get(d)!, 0);
        const v = n === r.total ? summa : x.get(r.total)! - summa;
        if (v < 0 || v > tak) { for (const h of harledd) x.delete(h); return; }
        x.set(n, v);
        harledd.push(n);
        andrad = true;
      }
    }
    if (uppfyllda()) {
      const nasta = okanda.find((n) => !x.has(n));
      if (nasta === undefined) ut.push(new Map(x));
      else {
        for (let v = 0; v <= tak; v++) {
          x.set(nasta, v);
          steg();
        }
        x.delete(nasta);
      }
    }
    for (const h of harledd) x.delete(h);
  };
  steg();
  return ut;
}

/** The attack on one window: the kept values of each hidden count, and whether each passes. */
export interface Angreppsresultat {
  /** Value sets consistent with the shown counts and relations. */
  readonly uppraknade: number;
  /** Of those, how many were re-protected (the others could not widen a range; see `angrip`). */
  readonly provade: number;
  /** Of the re-protected, how many the rules reproduce. */
  readonly behallna: number;
  /** Whether the true values are among the kept (they must be: otherwise the replay is wrong). */
  readonly sanningenBehallen: boolean;
  /** Each hidden published count: the range of its kept values, and its true value. */
  readonly dolda: readonly { dold: string; min: number; max: number; varde: number }[];
}

/**
 * The attack on one window. Values are enumerated up to `tak` (at least 2k − 1, every shown
 * count and every true value): a smaller ceiling can only narrow what is kept, so a range found
 * wide enough under it is wide enough without it.
 *
 * With `tidigtStopp` (the unit test's setting) the value sets are tried nearest the truth
 * first, a set whose every value of a hidden count not yet k wide lies inside the range kept so
 * far is not re-protected (it could not widen anything), and the attack stops once every hidden
 * count's kept range holds k values. The ranges are then at most as wide as the full attack's
 * (never wider), so a pass means the full attack passes too. A set with no hidden count in
 * 1..k−1 is not re-protected either: without a small count nothing is hidden.
 * `skydd` replaces the product's protection (to show that the attack finds what a weaker rule
 * gives away).
 */
export function angrip(fonster: { forbund: string; fran: string; till: string }, sanna: ReadonlyMap<string, number>, opts: { tidigtStopp?: boolean; skydd?: (p: Publicering) => ReadonlySet<string> } = {}): Angreppsresultat {
  const skydd = opts.skydd ?? ((q: Publicering) => skydda(q, { k: K }).dolda);
  const p = publicering(fonster, sanna);
  const dolda = skydd(p);
  const publicerat = utfall(p, dolda);
  // The outsider's unknowns: the hidden published counts and the never published ones.
  const okanda = [...p.varden.keys()].filter((n) => n.startsWith("deltagare|") && (dolda.has(n) || n.endsWith("|okand")));
  const kanda = new Map([...p.varden].filter(([n]) => n.startsWith("deltagare|") && !okanda.includes(n)));
  const team = [...new Set([...p.varden.keys()].filter((n) => n.startsWith("deltagare|")).map((n) => n.split("|")[1]!).filter((i) => i !== "totalt"))];
  // Relations an outsider knows: kön (with those without kön), and the total at most the teams' sum, at least each team.
  const relationer: Relation[] = [];
  for (const i of [...team, "totalt"]) relationer.push({ total: `deltagare|${i}|alla`, delar: ["kvinnor", "man", "okand"].map((k) => `deltagare|${i}|${k}`), typ: "lika" });
  for (const k of ["alla", "kvinnor", "man", "okand"]) {
    relationer.push({ total: `deltagare|totalt|${k}`, delar: team.map((i) => `deltagare|${i}|${k}`), typ: "hogst" });
    for (const i of team) relationer.push({ total: `deltagare|totalt|${k}`, delar: [`deltagare|${i}|${k}`], typ: "minst" });
  }
  const tak = Math.max(2 * K - 1, ...kanda.values(), ...okanda.map((n) => sanna.get(n) ?? 0));
  const alla = uppraknade(okanda, kanda, relationer, tak);
  const doldaLista = [...dolda].filter((n) => !n.endsWith("|okand") && n.startsWith("deltagare|"));
  const avstand = (v: ReadonlyMap<string, number>) => okanda.reduce((s, n) => s + Math.abs(v.get(n)! - (sanna.get(n) ?? 0)), 0);
  const ordning = opts.tidigtStopp ? alla.map((v) => [avstand(v), v] as const).sort((a, b) => a[0] - b[0]).map(([, v]) => v) : alla;
  const lo = new Map(doldaLista.map((n) => [n, Infinity]));
  const hi = new Map(doldaLista.map((n) => [n, -Infinity]));
  const bred = (n: string) => hi.get(n)! - lo.get(n)! + 1 >= K;
  let provade = 0;
  let behallna = 0;
  let sanningenBehallen = false;
  for (const v of ordning) {
    if (opts.tidigtStopp) {
      if (doldaLista.every(bred)) break;
      const sann = avstand(v) === 0;
      if (!sann && doldaLista.every((n) => bred(n) || (v.get(n)! >= lo.get(n)! && v.get(n)! <= hi.get(n)!))) continue;
      if (!sann && !okanda.some((n) => v.get(n)! >= 1 && v.get(n)! <= K - 1)) continue;
    }
    provade++;
    const q = publicering(fonster, v);
    if (utfall(q, skydd(q)) !== publicerat) continue;
    behallna++;
    if ([...sanna].every(([n, x]) => v.get(n) === x)) sanningenBehallen = true;
    for (const n of doldaLista) {
      lo.set(n, Math.min(lo.get(n)!, v.get(n)!));
      hi.set(n, Math.max(hi.get(n)!, v.get(n)!));
    }
  }
  const ut = doldaLista.map((dold) => ({ dold, min: lo.get(dold)!, max: hi.get(dold)!, varde: sanna.get(dold)! }));
  return { uppraknade: alla.length, provade, behallna, sanningenBehallen, dolda: ut };
}

/** The counts of one window of a generated file, as a map deltagare|insats|kön -> persons. */
export function fonstrensVarden(fil: readonly Rad[], fran: string): { fonster: { forbund: string; fran: string; till: string }; varden: Map<string, number> } {
  const { underlag, okandKon } = beraknaInsatsunderlag(fil, { exportdatum: exportdag(fil) });
  const rader = underlag.filter((u) => u.fran === fran);
  const varden = new Map<string, number>();
  for (const u of rader) varden.set(`deltagare|${u.insats}|${u.kon}`, u.deltagare);
  for (const i of new Set(rader.map((u) => u.insats))) varden.set(`deltagare|${i}|okand`, okandKon.find((o) => o.insats === i && o.fran === fran)?.deltagare ?? 0);
  return { fonster: { forbund: rader[0]!.forbund, fran, till: rader[0]!.till }, varden };
}

/** One hidden count after the targeted attack: the values shown possible, and whether the range is exact. */
export interface RiktatDold {
  readonly dold: string;
  readonly varde: number;
  /** The smallest and largest value with a reproducing value set (a witness). */
  readonly min: number;
  readonly max: number;
  /**
   * True when every value outside min..max (up to the ceiling) was refuted: no value set with
   * it reproduces the publication. Without that the range is only a lower bound on what the
   * attacker is left with; it passes only when it already holds k values.
   */
  readonly exakt: boolean;
}

export interface RiktatResultat {
  /** Value sets re-protected (each one run of the product's protection). */
  readonly provade: number;
  /** Value sets looked at (consistent with the shown counts and the relations). */
  readonly sedda: number;
  /** Of those, how many the rules reproduce (the witnesses). */
  readonly behallna: number;
  readonly sanningenBehallen: boolean;
  readonly dolda: readonly RiktatDold[];
}

/**
 * The same attack, aimed (`angrip` enumerates every value set first, which does not finish for
 * three teams): for each hidden count d and each value v, nearest the truth first, look for one
 * value set with d = v that is consistent with the shown counts and the relations and that the
 * rules reproduce (a witness). Value sets are generated in growing distance from the truth
 * (iterative deepening on the sum of |value − true value|), each re-protected at most once, and
 * every witness counts for every hidden count at once.
 *
 * A hidden count is shown safe once its witnesses span k values (a wider true range only helps).
 * Otherwise every other value up to the ceiling must be refuted, by exhausting the value sets
 * with d = v; the range is then exact (`exakt`) and judged by `sakertIntervall` as it stands.
 * `budget` caps the re-protections spent on one value; a value whose search hits the cap is
 * neither shown nor refuted, so the range stays inexact and the attack does not pass it: the
 * test can only fail on an unfinished search, never pass on one.
 */
export function angripRiktat(
  fonster: { forbund: string; fran: string; till: string },
  sanna: ReadonlyMap<string, number>,
  opts: { skydd?: (p: Publicering) => ReadonlySet<string>; budget?: number } = {},
): RiktatResultat {
  const skydd = opts.skydd ?? ((q: Publicering) => skydda(q, { k: K }).dolda);
  const budget = opts.budget ?? 400;
  const p = publicering(fonster, sanna);
  const dolda = skydd(p);
  const publicerat = utfall(p, dolda);
  const okanda = [...p.varden.keys()].filter((n) => n.startsWith("deltagare|") && (dolda.has(n) || n.endsWith("|okand")));
  const kanda = new Map([...p.varden].filter(([n]) => n.startsWith("deltagare|") && !okanda.includes(n)));
  const team = [...new Set([...p.varden.keys()].filter((n) => n.startsWith("deltagare|")).map((n) => n.split("|")[1]!).filter((i) => i !== "totalt"))];
  const relationer: Relation[] = [];
  for (const i of [...team, "totalt"]) relationer.push({ total: `deltagare|${i}|alla`, delar: ["kvinnor", "man", "okand"].map((k) => `deltagare|${i}|${k}`), typ: "lika" });
  for (const k of ["alla", "kvinnor", "man", "okand"]) {
    relationer.push({ total: `deltagare|totalt|${k}`, delar: team.map((i) => `deltagare|${i}|${k}`), typ: "hogst" });
    for (const i of team) relationer.push({ total: `deltagare|totalt|${k}`, delar: [`deltagare|${i}|${k}`], typ: "minst" });
  }
  const tak = Math.max(2 * K - 1, ...kanda.values(), ...okanda.map((n) => sanna.get(n) ?? 0));
  const sann = (n: string) => sanna.get(n) ?? 0;
  const doldaLista = [...dolda].filter((n) => !n.endsWith("|okand") && n.startsWith("deltagare|"));

  // Re-protection, once per value set.
  const provat = new Map<string, boolean>();
  let omskyddade = 0;
  let behallna = 0;
  let sanningenBehallen = false;
  const vittnen = new Map(doldaLista.map((n) => [n, new Set<number>()]));
  const prova = (x: ReadonlyMap<string, number>): boolean => {
    const id = okanda.map((n) => x.get(n)).join(",");
    const tidigare = provat.get(id);
    if (tidigare !== undefined) return tidigare;
    // Without a hidden count in 1..k-1 nothing would be hidden: not reproduced, no need to run.
    let ok = okanda.some((n) => x.get(n)! >= 1 && x.get(n)! <= K - 1);
    if (ok) {
      const q = publicering(fonster, x);
      omskyddade++;
      ok = utfall(q, skydd(q)) === publicerat;
    }
    provat.set(id, ok);
    if (ok) {
      behallna++;
      if (okanda.every((n) => x.get(n) === sann(n))) sanningenBehallen = true;
      for (const n of doldaLista) vittnen.get(n)!.add(x.get(n)!);
    }
    return ok;
  };

  const uppfyllda = (x: ReadonlyMap<string, number>) =>
    relationer.every((r) => {
      const t = x.get(r.total);
      const d = r.delar.map((n) => x.get(n));
      if (t === undefined || d.some((v) => v === undefined)) return true;
      const s = d.reduce((a, b) => a! + b!, 0)!;
      return r.typ === "lika" ? t === s : r.typ === "minst" ? t >= s : t <= s;
    });

  /**
   * Depth first over the value sets with d = v and distance from the truth at most `avstand`
   * (Infinity: all), values nearest the truth first; `besok` returns true to stop. Returns
   * whether it was stopped.
   */
  const sok = (d: string, v: number, avstand: number, besok: (x: ReadonlyMap<string, number>) => boolean): boolean => {
    const x = new Map(kanda);
    x.set(d, v);
    const steg = (kvar: number): boolean => {
      if (kvar < 0 || !uppfyllda(x)) return false;
      const harledd: string[] = [];
      const aterstall = () => { for (const h of harledd) x.delete(h); };
      for (let andrad = true; andrad;) {
        andrad = false;
        for (const r of relationer) {
          if (r.typ !== "lika") continue;
          const saknas = [r.total, ...r.delar].filter((n) => !x.has(n));
          if (saknas.length !== 1) continue;
          const n = saknas[0]!;
          const summa = r.delar.filter((e) => e !== n).reduce((a, e) => a + x.get(e)!, 0);
          const w = n === r.total ? summa : x.get(r.total)! - summa;
          if (w < 0 || w > tak) { aterstall(); return false; }
          x.set(n, w);
          harledd.push(n);
          kvar -= Math.abs(w - sann(n));
          andrad = true;
        }
      }
      let stopp = false;
      if (kvar >= 0 && uppfyllda(x)) {
        const nasta = okanda.find((n) => !x.has(n));
        if (nasta === undefined) stopp = besok(x);
        else {
          const s = sann(nasta);
          const ordning = [s, ...Array.from({ length: tak }, (_, i) => [s - 1 - i, s + 1 + i]).flat()].filter((w) => w >= 0 && w <= tak);
          for (const w of ordning) {
            if (Math.abs(w - s) > kvar) continue;
            x.set(nasta, w);
            if (steg(kvar - Math.abs(w - s))) { stopp = true; break; }
          }
          x.delete(nasta);
        }
      }
      aterstall();
      return stopp;
    };
    return steg(avstand - Math.abs(v - sann(d)));
  };

  // The truth first (it must be kept: otherwise the replay is not the product's protection).
  prova(new Map([...kanda, ...okanda.map((n) => [n, sann(n)] as const)]));
  const ut: RiktatDold[] = [];
  for (const d of doldaLista) {
    const bred = () => { const w = vittnen.get(d)!; return Math.max(...w) - Math.min(...w) + 1 >= K; };
    const ovisst = new Set<number>();
    const ordning = [sann(d), ...Array.from({ length: tak }, (_, i) => [sann(d) - 1 - i, sann(d) + 1 + i]).flat()].filter((w) => w >= 0 && w <= tak);
    for (const v of ordning) {
      if (bred()) break;
      if (vittnen.get(d)!.has(v)) continue;
      // Consistent with the relations at all? (No re-protection needed to refute otherwise.)
      if (!sok(d, v, Infinity, () => true)) continue;
      // Witnesses nearest the truth first: deepen the distance until one is found, the budget
      // is spent (neither shown nor refuted), or every value set with d = v was tried (refuted).
      const storst = tak * okanda.length;
      const fore = omskyddade;
      const slut = () => omskyddade - fore >= budget;
      let hittad = false;
      for (let avstand = Math.abs(v - sann(d)) + 2; ; avstand = Math.min(2 * avstand, storst)) {
        sok(d, v, avstand, (x) => {
          if (prova(x)) { hittad = true; return true; }
          return slut();
        });
        if (hittad) break;
        if (slut()) { ovisst.add(v); break; }
        if (avstand >= storst) break; // all tried: refuted
      }
    }
    const w = [...vittnen.get(d)!];
    ut.push({ dold: d, varde: sann(d), min: Math.min(...w), max: Math.max(...w), exakt: ovisst.size === 0 && !bred() });
  }
  return { provade: omskyddade, sedda: provat.size, behallna, sanningenBehallen, dolda: ut };
}

/** A hidden count passes the targeted attack: its witnesses span k values, or its exact range is safe. */
export function riktatSaker(d: RiktatDold): boolean {
  return d.max - d.min + 1 >= K || (d.exakt && sakertIntervall(d, K));
}
