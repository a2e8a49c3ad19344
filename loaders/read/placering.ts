/**
 * Where a PxWeb table put each of its variables. PxWeb lets the user place every variable in
 * the stub (one column per variable, one row per combination) or in the heading (one column
 * per combination, named by the values joined with a space: `"2024M03"`,
 * `"Sjukpenning 2024M03"`, `"2024M03 Sjukpenning"`, `"män 2024M03"`), in any order, and write
 * codes, texts or both. Given what each variable's values look like (`Variabel.kanner`), this
 * module finds, from the header alone:
 * - the stub column of each variable (by its header name);
 * - the value columns, and for each the heading values it stands for;
 * - the columns that are neither (an unknown variable, or a column of numbers whose header
 *   says nothing we know), so the reader can report them instead of dropping them silently.
 * Values are not interpreted here; the reader does that with the table's spec.
 */
import { labelKey } from "../normalise/labels.ts";

export interface Variabel {
  /** For messages: `kön`, `tid`, `tabellinnehåll`. */
  readonly namn: string;
  /** Header names (by `labelKey`) of its stub column. */
  readonly rubriker: ReadonlySet<string>;
  /** Whether `varde` (a value as written in a heading) is one of this variable's values. */
  readonly kanner: (varde: string) => boolean;
  /** Unknown values may stand in a heading (table contents: reported, not a reason to misread the header). */
  readonly oppen?: boolean;
  /** Without a stub column it must be in the heading (time): a heading without it is not one of this table's. */
  readonly kravd?: boolean;
}

export interface Vardekolumn {
  /** 0-based column. */
  readonly kolumn: number;
  readonly namn: string;
  /** Per variable (same order as given): the heading value this column stands for, or undefined. */
  readonly varden: readonly (string | undefined)[];
  /** The open variable's value in this heading is not one it knows. */
  readonly okand: boolean;
}

export interface Ovrig {
  readonly kolumn: number;
  readonly namn: string;
  /** `text`: labels under a header no variable has; `tal`: numbers under a header that names nothing we know. */
  readonly slag: "text" | "tal";
}

export interface Placering {
  /** Per variable: its stub column (0-based), or -1. */
  readonly stub: readonly number[];
  /** The variables in the heading, in the order PxWeb joined them. */
  readonly rubrik: readonly number[];
  readonly varden: readonly Vardekolumn[];
  readonly ovriga: readonly Ovrig[];
}

/** Value column headers that name no variable value (a long table's single value column). */
const GENERISKA = new Set(["varde", "value", "values", "observation", "obs", "data"]);

/**
 * `header` as written; `numerisk(i)` tells whether column i mostly holds numbers or SCB's
 * symbols (only asked about columns whose header is not understood).
 */
export function placera(header: readonly string[], variabler: readonly Variabel[], numerisk: (kolumn: number) => boolean): Placering {
  const nycklar = header.map((h) => labelKey(h));
  const stub = variabler.map(() => -1);
  const kandidater: number[] = [];
  nycklar.forEach((k, i) => {
    const v = variabler.findIndex((x, j) => stub[j] === -1 && x.rubriker.has(k));
    if (v >= 0) stub[v] = i;
    else kandidater.push(i);
  });
  const fria = variabler.map((_, i) => i).filter((i) => stub[i] === -1);
  const cache = new Map<string, Segment | undefined>();
  let rubrik: number[] | undefined;
  const varden: Vardekolumn[] = [];
  const ovriga: Ovrig[] = [];
  for (const i of kandidater) {
    const namn = header[i]!.trim();
    if (GENERISKA.has(nycklar[i]!) && numerisk(i)) {
      varden.push({ kolumn: i, namn, varden: variabler.map(() => undefined), okand: false });
      continue;
    }
    let seg: Segment | undefined;
    if (rubrik) {
      const key = namn;
      seg = cache.has(key) ? cache.get(key) : segmentera(ord(namn), variabler, rubrik, true);
      cache.set(key, seg);
    } else {
      seg = hittaOrdning(ord(namn), variabler, fria);
      if (seg && (!seg.okand || numerisk(i))) rubrik = seg.ordning;
    }
    if (seg && (!seg.okand || numerisk(i))) {
      const v = variabler.map(() => undefined as string | undefined);
      seg.ordning.forEach((d, k) => { v[d] = seg!.delar[k]; });
      varden.push({ kolumn: i, namn, varden: v, okand: seg.okand });
    } else {
      ovriga.push({ kolumn: i, namn, slag: numerisk(i) ? "tal" : "text" });
    }
  }
  return { stub, rubrik: rubrik ?? [], varden, ovriga };
}

interface Segment {
  readonly ordning: number[];
  readonly delar: string[];
  /** The open variable took a span it does not know. */
  readonly okand: boolean;
}

function ord(namn: string): string[] {
  return namn.split(/\s+/).filter((w) => w !== "");
}

/**
 * The variables (from `fria`, in some order) whose values, joined, make `words`: every
 * variable's span recognised if possible, otherwise the open variable may take an unknown span.
 */
function hittaOrdning(words: readonly string[], variabler: readonly Variabel[], fria: readonly number[]): Segment | undefined {
  if (words.length === 0) return undefined;
  return sok(words, variabler, fria, false) ?? sok(words, variabler, fria, true);
}

function sok(words: readonly string[], variabler: readonly Variabel[], fria: readonly number[], tillatOkand: boolean): Segment | undefined {
  const n = words.length;
  const ordning: number[] = [];
  const delar: string[] = [];
  let okand = false;
  const kravda = fria.filter((d) => variabler[d]!.kravd).reduce((m, d) => m | (1 << d), 0);
  const steg = (i: number, anvanda: number): boolean => {
    if (i === n) return (anvanda & kravda) === kravda;
    for (const d of fria) {
      if (anvanda & (1 << d)) continue;
      for (let j = n; j > i; j--) {
        const span = words.slice(i, j).join(" ");
        const kand = variabler[d]!.kanner(span);
        const fri = !kand && tillatOkand && variabler[d]!.oppen === true && !okand;
        if (!kand && !fri) continue;
        ordning.push(d);
        delar.push(span);
        if (fri) okand = true;
        if (steg(j, anvanda | (1 << d))) return true;
        ordning.pop();
        delar.pop();
        if (fri) okand = false;
      }
    }
    return false;
  };
  return steg(0, 0) ? { ordning: [...ordning], delar: [...delar], okand } : undefined;
}

/** `words` split into the variables of `ordning`, in that order; an open variable may take an unknown span. */
function segmentera(words: readonly string[], variabler: readonly Variabel[], ordning: readonly number[], tillatOkand: boolean): Segment | undefined {
  const n = words.length;
  const delar: string[] = [];
  let okand = false;
  const steg = (k: number, i: number, fri: boolean): boolean => {
    if (k === ordning.length) return i === n;
    const v = variabler[ordning[k]!]!;
    // Leave at least one word for each variable still to come.
    for (let j = n - (ordning.length - k - 1); j > i; j--) {
      const span = words.slice(i, j).join(" ");
      if (v.kanner(span)) {
        delar.push(span);
        if (steg(k + 1, j, fri)) return true;
        delar.pop();
      }
    }
    if (fri && v.oppen) {
      for (let j = n - (ordning.length - k - 1); j > i; j--) {
        delar.push(words.slice(i, j).join(" "));
        okand = true;
        if (steg(k + 1, j, false)) return true;
        okand = false;
        delar.pop();
      }
    }
    return false;
  };
  if (steg(0, 0, tillatOkand)) return { ordning: [...ordning], delar, okand };
  return undefined;
}
