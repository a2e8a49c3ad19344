/**
 * Primary suppression: every count c with 0 < c < k, every key the caller forces hidden, and
 * the rest of the row (group) of each of them.
 */
import { jamfor, type Publicering } from "./model.ts";

export function primarDolda(p: Publicering, k: number): Set<string> {
  const dolda = new Set<string>();
  for (const [n, v] of p.varden) if (v > 0 && v < k) dolda.add(n);
  for (const n of p.tvingadeDolda ?? []) dolda.add(n);
  return stangGrupper(dolda, gruppIndex(p));
}

/** key -> every key published together with it (itself included). */
export function gruppIndex(p: Publicering): Map<string, readonly string[]> {
  const index = new Map<string, Set<string>>();
  for (const g of p.grupper ?? []) {
    // Groups that share a key are merged: a row is hidden as a whole.
    const samlad = new Set<string>(g);
    for (const n of g) for (const m of index.get(n) ?? []) samlad.add(m);
    for (const n of samlad) index.set(n, samlad);
  }
  return new Map([...index].map(([n, s]) => [n, [...s].sort(jamfor)]));
}

/** Adds the group of every key in `dolda` (in place) and returns it. */
export function stangGrupper(dolda: Set<string>, grupper: ReadonlyMap<string, readonly string[]>): Set<string> {
  for (const n of [...dolda]) for (const m of grupper.get(n) ?? []) dolda.add(m);
  return dolda;
}
