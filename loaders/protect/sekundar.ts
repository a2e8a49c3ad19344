/**
 * Secondary suppression: hide more cells until no hidden count can be recomputed, or pinned
 * into a narrow range below k, from what is shown.
 *
 * 1. Local step, repeated until nothing changes: a "lika" relation with exactly one hidden
 *    cell (a shown total with one hidden part, or a hidden total with every part shown) gives
 *    the hidden cell by subtraction, so one more cell of it is hidden. Which cell: the
 *    least important (`vikt`), then the smallest non-zero shown part (ties by key), else the
 *    total, else a shown zero part.
 *    A cell is hidden with its whole row (group).
 * 2. Attacker check (angripare.ts). For each key that still fails it (in key order), the shown
 *    cells of the relations around it (relations containing it, and relations reached from
 *    there through other hidden cells) of the least important level (`vikt`) are tried in
 *    the order: non-zero parts before totals before zero parts, nearer relations first,
 *    smaller values first, then by key; the first
 *    whose hiding (with the local step it triggers) makes the key safe is hidden. If none does
 *    alone (among the first MAX_FORSOK), the first candidate is hidden and the search goes on.
 * 3. Back to 1 until the attacker check passes (hiding everything always passes).
 * 4. Pruning: secondary cells above the least important level are shown again, most
 *    important first, when steps 1 and 2 stay satisfied (greedy choices can hide more than
 *    needed).
 * Deterministic: relations are put in a canonical order first, so the result depends on
 * neither key nor relation order.
 */
import { doldaIntervall } from "./angripare.ts";
import { jamfor, kanoniska, kontrolleraK, kontrolleraPublicering, type Orsak, type Publicering, type Relation, type Skyddsparametrar, type Skyddsresultat } from "./model.ts";
import { gruppIndex, primarDolda, stangGrupper } from "./primar.ts";

interface Kandidat {
  readonly cell: string;
  readonly vikt: number;
  readonly avstand: number;
  readonly klass: number; // 0 non-zero part, 1 total, 2 zero part
  readonly varde: number;
}

const jamforKandidat = (a: Kandidat, b: Kandidat): number =>
  a.vikt - b.vikt || a.klass - b.klass || a.avstand - b.avstand || a.varde - b.varde || jamfor(a.cell, b.cell);

/** At most this many candidates are tried for one failing key before taking the first. */
const MAX_FORSOK = 12;

export function skydda(p: Publicering, opts: Skyddsparametrar): Skyddsresultat {
  kontrolleraK(opts.k);
  kontrolleraPublicering(p);
  const k = opts.k;
  const varde = (n: string) => p.varden.get(n)!;
  const vikt = (n: string) => p.vikt?.get(n) ?? 0;
  const relationer = kanoniska(p.relationer);
  const grupper = gruppIndex(p);
  const harledda = p.harledda ?? new Set<string>();
  const dolda = primarDolda(p, k);
  for (const n of harledda) dolda.add(n);
  const primara = new Set(dolda);
  const relationerFor = new Map<string, Relation[]>();
  for (const r of relationer) for (const n of [r.total, ...r.delar]) relationerFor.set(n, [...(relationerFor.get(n) ?? []), r]);

  /** The shown cells of a relation, best first. */
  const kandidater = (r: Relation, d: ReadonlySet<string>, avstand: number): Kandidat[] => {
    const ut: Kandidat[] = [];
    for (const n of r.delar) if (!d.has(n)) ut.push({ cell: n, vikt: vikt(n), avstand, klass: varde(n) > 0 ? 0 : 2, varde: varde(n) });
    if (!d.has(r.total)) ut.push({ cell: r.total, vikt: vikt(r.total), avstand, klass: 1, varde: varde(r.total) });
    return ut.sort(jamforKandidat);
  };

  /** Hides `n` with its group and runs the local step, in place. */
  const doljMedLokaltSteg = (d: Set<string>, n: string | null): void => {
    if (n !== null) { d.add(n); stangGrupper(d, grupper); }
    for (let andrad = true; andrad;) {
      andrad = false;
      for (const r of relationer) {
        if (r.typ !== "lika") continue;
        const doldaHar = [r.total, ...r.delar].filter((x) => d.has(x));
        if (doldaHar.length !== 1 || harledda.has(doldaHar[0]!)) continue;
        const basta = kandidater(r, d, 0)[0];
        if (basta) { d.add(basta.cell); stangGrupper(d, grupper); andrad = true; }
      }
    }
  };

  const visade = (d: ReadonlySet<string>) => new Map([...p.varden].filter(([n]) => !d.has(n)));
  const smala = (d: ReadonlySet<string>, bara?: string) =>
    doldaIntervall(visade(d), [...d], relationer, k, bara === undefined ? { kand: p.varden, harledda } : { kand: p.varden, bara, harledda });

  /** Shown cells around `n`, nearest relations first (breadth first through hidden cells). */
  const omgivning = (n: string): Kandidat[] => {
    const ut = new Map<string, Kandidat>();
    const besokta = new Set<string>([n]);
    const sedda = new Set<Relation>();
    let front = [n];
    for (let avstand = 0; front.length > 0; avstand++) {
      const nasta: string[] = [];
      for (const f of front) {
        for (const r of relationerFor.get(f) ?? []) {
          if (sedda.has(r)) continue;
          sedda.add(r);
          for (const c of kandidater(r, dolda, avstand)) {
            const fore = ut.get(c.cell);
            if (!fore || jamforKandidat(c, fore) < 0) ut.set(c.cell, c);
          }
          for (const m of [r.total, ...r.delar]) if (dolda.has(m) && !besokta.has(m)) { besokta.add(m); nasta.push(m); }
        }
      }
      front = nasta.sort(jamfor);
    }
    return [...ut.values()].sort(jamforKandidat);
  };

  doljMedLokaltSteg(dolda, null);
  for (;;) {
    const fel = smala(dolda);
    if (fel.size === 0) break;
    const fore = dolda.size;
    for (const n of fel.keys()) {
      if (dolda.size > fore && smala(dolda, n).size === 0) continue; // fixed by an earlier choice this round
      // Only the least important cells around it are candidates: several of them are hidden,
      // one per round, before anything more important is touched.
      const alla = omgivning(n);
      const kand = alla.filter((c) => c.vikt === alla[0]?.vikt);
      let vald = kand[0];
      for (const c of kand.slice(0, MAX_FORSOK)) {
        const prov = new Set(dolda);
        doljMedLokaltSteg(prov, c.cell);
        if (smala(prov, n).size === 0) { vald = c; break; }
      }
      if (vald) doljMedLokaltSteg(dolda, vald.cell);
    }
    if (dolda.size === fore) throw new Error(`skydda: angriparkontrollen underkänner ${[...fel.keys()].join(", ")} men inget mer kan döljas`);
  }

  // 4. Pruning: greedy steps can hide more than needed. Each secondary cell that readers need
  //    more than the least important ones (vikt above the minimum) is shown again, with its row
  //    and whatever a lone hidden cell of a "lika" relation then is, most important first,
  //    when no "lika" relation is left with exactly one hidden cell and the attacker check
  //    still passes.
  const lokaltOk = (d: ReadonlySet<string>): boolean =>
    relationer.every((r) => {
      if (r.typ !== "lika") return true;
      const doldaHar = [r.total, ...r.delar].filter((x) => d.has(x));
      return doldaHar.length !== 1 || harledda.has(doldaHar[0]!);
    });
  const enhet = (n: string, d: ReadonlySet<string>): Set<string> | undefined => {
    const ut = new Set([n, ...(grupper.get(n) ?? [])]);
    for (let andrad = true; andrad;) {
      andrad = false;
      for (const r of relationer) {
        if (r.typ !== "lika") continue;
        const kvar = [r.total, ...r.delar].filter((x) => d.has(x) && !ut.has(x));
        if (kvar.length !== 1) continue;
        for (const x of [kvar[0]!, ...(grupper.get(kvar[0]!) ?? [])]) if (!ut.has(x)) { ut.add(x); andrad = true; }
      }
      if (ut.size > 12) return undefined;
    }
    return [...ut].some((x) => primara.has(x)) ? undefined : ut;
  };
  const minVikt = Math.min(...[...p.varden.keys()].map(vikt));
  const forsok = [...dolda].filter((n) => !primara.has(n) && vikt(n) >= minVikt + 1.5).sort((a, b) => vikt(b) - vikt(a) || varde(b) - varde(a) || jamfor(a, b));
  for (const n of forsok) {
    if (!dolda.has(n)) continue;
    const rad = enhet(n, dolda);
    if (!rad) continue;
    const prov = new Set([...dolda].filter((x) => !rad.has(x)));
    if (lokaltOk(prov) && smala(prov).size === 0) for (const x of rad) dolda.delete(x);
  }

  const sorterade = [...dolda].sort(jamfor);
  return {
    dolda: new Set(sorterade),
    orsak: new Map(sorterade.map((n): [string, Orsak] => [n, primara.has(n) ? "primar" : "sekundar"])),
  };
}

