/**
 * Names where ids or codes are expected: users write `Södra Dalarnas Samordningsförbund` where
 * the membership file says `sodra-dalarna`, `Falun` where a code `2080` is expected, and
 * `Samverkansteam  avesta` for `Samverkansteam Avesta`. One matcher for all of them:
 *
 * - **normalise**: Unicode NFC, lower case, and every run of spaces, no-break spaces, `-`, `_`
 *   and dashes (`–`, `—`, `‐`, `−`) as one separator. `Falun–Borlänge`, `falun borlänge` and
 *   `FALUN-BORLÄNGE` are the same name. Å, ä and ö stay letters of their own (`Säter` is not
 *   `Sater`): such near misses are offered as suggestions, never accepted silently;
 * - **exact match** of the normalised text against every accepted spelling of every
 *   candidate (an id, a name, a code); a spelling shared by two different candidates is
 *   ambiguous, not a match;
 * - **closest suggestions** for what matches nothing: spellings within a small edit distance
 *   (Damerau-Levenshtein, ignoring diacritics and case), or containing / contained in the text.
 *
 * Nothing here knows about förbund or kommuner: callers give candidates and their spellings.
 */

/** The comparison key: `"Södra  Dalarnas – Samordningsförbund"` -> `"södra dalarnas samordningsförbund"`. */
export function namnnyckel(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\u00a0_\-\u2010-\u2015\u2212]+/g, " ")
    .trim();
}

/** The key without diacritics, for suggestions only: `"säter"` -> `"sater"`. */
export function vikNyckel(text: string): string {
  return namnnyckel(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
}

export interface Namnkandidat<T> {
  /** What a match gives (an id, a code, a record). */
  readonly varde: T;
  /** Every accepted spelling: an id, a name, a code. */
  readonly namn: readonly string[];
  /** How the candidate is shown in suggestions, e.g. `sodra-dalarna (Södra Dalarnas Samordningsförbund)`. */
  readonly visas?: string;
}

export type Matchning<T> =
  | { readonly typ: "traff"; readonly varde: T; /** The spelling that matched (as the candidate writes it). */ readonly namn: string }
  | { readonly typ: "tvetydig"; readonly varden: readonly T[]; readonly visas: readonly string[] }
  | { readonly typ: "saknas"; readonly forslag: readonly string[] };

interface Stavning<T> {
  readonly kandidat: number;
  readonly namn: string;
  readonly vik: string;
  readonly varde: T;
}

/** Matches text against the candidates' spellings (see the module comment). */
export class Namnmatchare<T> {
  private readonly exakt = new Map<string, Stavning<T>[]>();
  private readonly stavningar: Stavning<T>[] = [];
  private readonly visning: string[] = [];

  constructor(kandidater: Iterable<Namnkandidat<T>>) {
    let i = 0;
    for (const k of kandidater) {
      const visas = k.visas ?? k.namn[0] ?? String(k.varde);
      this.visning.push(visas);
      for (const namn of k.namn) {
        const nyckel = namnnyckel(namn);
        if (nyckel === "") continue;
        const s: Stavning<T> = { kandidat: i, namn, vik: vikNyckel(namn), varde: k.varde };
        this.stavningar.push(s);
        const lista = this.exakt.get(nyckel) ?? [];
        if (!lista.some((x) => x.kandidat === i)) lista.push(s);
        this.exakt.set(nyckel, lista);
      }
      i++;
    }
  }

  /** How many candidates there are. */
  get antal(): number {
    return this.visning.length;
  }

  matcha(text: string, maxForslag = 3): Matchning<T> {
    const traffar = this.exakt.get(namnnyckel(text));
    if (traffar && traffar.length === 1) return { typ: "traff", varde: traffar[0]!.varde, namn: traffar[0]!.namn };
    if (traffar && traffar.length > 1) {
      return { typ: "tvetydig", varden: traffar.map((t) => t.varde), visas: traffar.map((t) => this.visning[t.kandidat]!) };
    }
    return { typ: "saknas", forslag: this.forslag(text, maxForslag) };
  }

  /** The value of an exact (unambiguous) match, else undefined. */
  hitta(text: string): T | undefined {
    const m = this.matcha(text, 0);
    return m.typ === "traff" ? m.varde : undefined;
  }

  /**
   * The closest candidates (as shown), best first: the smallest edit distance between the
   * texts without diacritics and case, or one text starting a word of the other; only those
   * at most one step farther than the closest, ties in the candidates' order.
   */
  forslag(text: string, max = 3): string[] {
    if (max <= 0) return [];
    const vik = vikNyckel(text);
    if (vik === "") return [];
    const basta = new Map<number, number>();
    for (const s of this.stavningar) {
      const poang = narhet(vik, s.vik);
      if (poang === undefined) continue;
      const tidigare = basta.get(s.kandidat);
      if (tidigare === undefined || poang < tidigare) basta.set(s.kandidat, poang);
    }
    const narmast = Math.min(...basta.values());
    return [...basta]
      .filter(([, p]) => p <= narmast + 1)
      .sort(([a, pa], [b, pb]) => pa - pb || a - b)
      .slice(0, max)
      .map(([i]) => this.visning[i]!);
  }

  /** All candidates as shown, in their order, for "förväntat en av …" (cut after `max`). */
  accepterade(max = 12): string {
    return uppraknad(this.visning, max);
  }
}

/** `a, b och c`; a long list ends `… och 12 till`. */
export function uppraknad(lista: readonly string[], max = 12): string {
  if (lista.length === 0) return "";
  if (lista.length > max) return `${lista.slice(0, max).join(", ")} och ${lista.length - max} till`;
  if (lista.length === 1) return lista[0]!;
  return `${lista.slice(0, -1).join(", ")} och ${lista[lista.length - 1]}`;
}

/** `; menade du "x" eller "y"?` or an empty string. */
export function menadeDu(forslag: readonly string[]): string {
  if (forslag.length === 0) return "";
  const citerade = forslag.map((f) => `"${f}"`);
  return `; menade du ${citerade.length === 1 ? citerade[0] : `${citerade.slice(0, -1).join(", ")} eller ${citerade[citerade.length - 1]}`}?`;
}

/**
 * How close `a` is to `b` (both keys without diacritics), lower is closer; undefined when too
 * far to suggest. Identical keys (differing only in diacritics) score 0; one starting a word of
 * the other (at least 3 characters: `falun` in `finsam falun`, not `ange` in `borlanges`)
 * scores 0.5 plus a little per extra character, so the closest in length comes first.
 */
function narhet(a: string, b: string): number | undefined {
  if (a === b) return 0;
  const langst = Math.max(a.length, b.length);
  const grans = Math.max(1, Math.floor(langst / 4));
  if (Math.abs(a.length - b.length) <= grans) {
    const d = damerauLevenshtein(a, b, grans);
    if (d <= grans) return d;
  }
  const [kort, lang] = a.length <= b.length ? [a, b] : [b, a];
  if (kort.length >= 3 && (lang.startsWith(kort) || lang.includes(` ${kort}`))) return 0.5 + (lang.length - kort.length) / 1000;
  return undefined;
}

/** Optimal string alignment distance (transpositions of neighbours count 1), stops above `max`. */
export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  let forrForra = new Array<number>(m + 1).fill(0);
  let forra = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const rad = new Array<number>(m + 1).fill(0);
    rad[0] = i;
    let minst = rad[0];
    for (let j = 1; j <= m; j++) {
      const kostnad = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(forra[j]! + 1, rad[j - 1]! + 1, forra[j - 1]! + kostnad);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, forrForra[j - 2]! + 1);
      rad[j] = v;
      if (v < minst) minst = v;
    }
    if (minst > max) return max + 1;
    forrForra = forra;
    forra = rad;
  }
  return forra[m]!;
}
