/**
 * The published counts and the linear relations between them: what the protection engine
 * works on. The rules themselves are described in docs/definitioner/skydd.md.
 */

export type RelationsTyp = "lika" | "minst" | "hogst";

export interface Relation {
  readonly total: string;
  readonly delar: readonly string[];
  /**
   * "lika": total = sum(delar); "minst": total >= sum(delar); "hogst": total <= sum(delar)
   * (distinct persons over insatser when a person can be in several: each person counts once
   * in the total but once per insats in the sum).
   */
  readonly typ: RelationsTyp;
}

export interface Publicering {
  /** Every published count (or count underlying a published share/mean), by key. Non-negative integers. */
  readonly varden: ReadonlyMap<string, number>;
  /**
   * total = sum(parts) ("lika"); total >= sum(parts) ("minst", e.g. 'alla' when some persons
   * lack kön, or a total over one part it contains); total <= sum(parts) ("hogst", e.g.
   * distinct persons over insatser when a person can be in two).
   */
  readonly relationer: readonly Relation[];
  /** Keys that must be hidden whatever their value (e.g. the numerator of a share whose complement is small). */
  readonly tvingadeDolda?: ReadonlySet<string>;
  /**
   * Keys published together (one table row, e.g. a share's numerator, denominator and
   * complement): when one of them is hidden, all of them are.
   */
  readonly grupper?: readonly (readonly string[])[];
  /**
   * How much readers need a key (higher = hidden later): secondary suppression hides cells of
   * lower importance first (e.g. kön splits before the `alla` row, teams before the förbund
   * total). Missing keys have importance 0.
   */
  readonly vikt?: ReadonlyMap<string, number>;
  /**
   * Counts that are never published as such but follow from published ones (e.g. tidiga
   * avhopp = avslut − the share's denominator). They are always hidden to the engine; one that
   * an outsider can pin down passes only at 0 (as a shown 0 would) or at k or more.
   */
  readonly harledda?: ReadonlySet<string>;
  /**
   * Keys that are never hidden: structural zeros (an insats with nobody in it in the period
   * has 0 of everything, and an outsider knows it). Hiding them would protect nothing.
   */
  readonly aldrigDolda?: ReadonlySet<string>;
}

export type Orsak = "primar" | "sekundar";

export interface Skyddsresultat {
  /** Hidden keys, in key order. */
  readonly dolda: ReadonlySet<string>;
  readonly orsak: ReadonlyMap<string, Orsak>;
}

export interface Overtradelse {
  readonly nyckel: string;
  /** Smallest and largest value consistent with everything shown (max may be Infinity). */
  readonly min: number;
  readonly max: number;
  /** The true value, when the checker knows it (null when checking published rows only). */
  readonly varde: number | null;
  /**
   * "intervall": a hidden value whose feasible range is not safe (angripare.ts sakertIntervall);
   * "litet_tal": a shown count (or a count implied by a shown share) that is small (1..k-1,
   *   or with noise 1..sma) (min = max = the count);
   * "visat_dolt": a row marked as hidden that still carries a value;
   * "oforenlig": values that cannot come from the method (a share that is not a ratio of the
   *   published counts, the same persons with two different counts);
   * "medel_fa": a mean shown over fewer than the minimum;
   * "oskyddad": a row that no method protects.
   */
  readonly typ: "intervall" | "litet_tal" | "visat_dolt" | "oforenlig" | "medel_fa" | "oskyddad" | "dolt_utan_skal";
  /** Where, for messages (checks of the published nyckeltal rows). */
  readonly plats?: Plats;
}

export interface Plats {
  readonly forbund: string;
  readonly insats: string;
  readonly kon: string;
  /** The period (a window, or a half-year inside the windows). */
  readonly fran: string;
  readonly till: string;
  /** The row, where the count is published in one. */
  readonly matt?: string;
  /** What the count is, in words for a message. */
  readonly vad: string;
  readonly metod: "brus" | "undertryckning" | "ingen";
}

export interface Skyddsparametrar {
  /** Smallest group that may be shown; also the number of values a hidden count's range must hold. */
  readonly k: number;
}

/** Thrown when the values contradict the relations (the figures are inconsistent). */
export class MotsagelseFel extends Error {
  override readonly name = "MotsagelseFel";
}

/** String order independent of locale and ICU version. */
export const jamfor = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function kontrolleraK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k måste vara ett heltal >= 1, fick ${k}`);
}

/** Relations in a canonical order with sorted parts: the result must not depend on input order. */
export function kanoniska(relationer: readonly Relation[]): Relation[] {
  const ut = relationer.map((r) => ({ total: r.total, delar: [...r.delar].sort(jamfor), typ: r.typ }));
  const nyckel = (r: Relation) => `${r.total}\u0000${r.typ}\u0000${r.delar.join("\u0000")}`;
  return ut.sort((a, b) => jamfor(nyckel(a), nyckel(b)));
}

/** Checks keys, values and relations; throws on anything the engine cannot work with. */
export function kontrolleraPublicering(p: Publicering): void {
  for (const [n, v] of p.varden) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${n}: antal måste vara ett icke-negativt heltal, fick ${v}`);
  }
  const finns = (n: string, var_: string) => {
    if (!p.varden.has(n)) throw new RangeError(`${var_} nämner ${n}, som saknar värde`);
  };
  for (const r of p.relationer) {
    finns(r.total, "en relation");
    if (r.delar.length === 0) throw new RangeError(`relationen för ${r.total} saknar delar`);
    if (r.delar.includes(r.total) || new Set(r.delar).size !== r.delar.length) throw new RangeError(`relationen för ${r.total} upprepar en nyckel`);
    for (const d of r.delar) finns(d, "en relation");
    const summa = r.delar.reduce((s, d) => s + p.varden.get(d)!, 0);
    const total = p.varden.get(r.total)!;
    if (r.typ === "lika" ? total !== summa : r.typ === "minst" ? total < summa : total > summa) {
      throw new MotsagelseFel(`${r.total} = ${total} men summan av ${r.delar.join(", ")} är ${summa} (relation "${r.typ}")`);
    }
  }
  for (const n of p.tvingadeDolda ?? []) finns(n, "tvingadeDolda");
  for (const n of p.aldrigDolda ?? []) finns(n, "aldrigDolda");
  for (const n of p.harledda ?? []) finns(n, "harledda");
  for (const g of p.grupper ?? []) for (const n of g) finns(n, "en grupp");
}
