/**
 * Names where codes were expected: `Falun`, `Dalarnas län`, `Malung-Sälen` written as
 * `malung sälen`. Names are compared by a key that ignores case, accents, spaces and dashes;
 * a name that matches nothing gets the closest names as suggestions.
 *
 * This is the one place the SCB readers match region names, behind `Namnmatchare`, so that the
 * shared name matcher of `loaders/reference/` can replace it without touching the readers.
 */
import { labelKey } from "./labels.ts";

export interface Namnmatchare<T> {
  /** The entry whose name matches, or undefined. */
  hitta(namn: string): T | undefined;
  /** Up to `antal` names closest to `namn`, closest first. */
  forslag(namn: string, antal?: number): string[];
}

/** `"Malung-Sälen"`, `"malung  sälen"`, `"MALUNG–SÄLEN"` -> `"malungsalen"`. */
export function namnnyckel(namn: string): string {
  return labelKey(namn).replace(/[\s\-.,']+/g, "");
}

/** A matcher over `[name, value]` pairs (several names may give one value). */
export function namnmatchare<T>(poster: readonly (readonly [string, T])[]): Namnmatchare<T> {
  const index = new Map<string, T>();
  const visas = new Map<string, string>();
  for (const [namn, v] of poster) {
    const k = namnnyckel(namn);
    if (!index.has(k)) {
      index.set(k, v);
      visas.set(k, namn);
    }
  }
  return {
    hitta: (namn) => index.get(namnnyckel(namn)),
    forslag(namn, antal = 3) {
      const k = namnnyckel(namn);
      return [...visas]
        .map(([nyckel, text]) => ({ text, d: avstand(k, nyckel) }))
        .sort((a, b) => a.d - b.d || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
        .slice(0, antal)
        .map((x) => x.text);
    },
  };
}

/** Levenshtein distance. */
function avstand(a: string, b: string): number {
  if (a === b) return 0;
  let forra = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const rad = [i];
    for (let j = 1; j <= b.length; j++) {
      rad[j] = Math.min(forra[j]! + 1, rad[j - 1]! + 1, forra[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    forra = rad;
  }
  return forra[b.length]!;
}
