/**
 * Indicators the product can measure itself. Each rule recognises its indicator in a goal's
 * text (goal, indicator, target value) and measures it for the goal's förbund and year; the
 * goal table then shows the measured value beside the board's grading and flags a grading that
 * contradicts it (docs/definitioner/styrelseindata.md, "Mätbara indikatorer").
 *
 * A new rule is one object in REGLER: an id, a description and `hitta`, which returns one hit
 * per indicator found, each able to measure itself from the Matunderlag. A rule that needs
 * data the run does not have says so ("kan inte mätas") instead of guessing.
 */
import type { Aktivitet } from "../personalinriktade/berakna.ts";
import type { Utdatatabell } from "../../../publish/schema.ts";

export interface Malref {
  readonly forbund: string;
  readonly ar: string;
}

/** What the rules measure from: this run's computed data and published tables. */
export interface Matunderlag {
  /** The activity log's activities; undefined when the run has no activity log. */
  readonly aktiviteter: readonly Aktivitet[] | undefined;
  /** Every other output table of the run (the goal tables are not among them). */
  readonly publicerade: readonly Utdatatabell[];
}

export interface Matresultat {
  /** The measured value; undefined when it cannot be measured. */
  readonly varde: number | undefined;
  /** The value the indicator asks for (the threshold). */
  readonly grans: number | undefined;
  /** Whether the measured value meets the indicator; undefined when not measured. */
  readonly uppfyllt: boolean | undefined;
  /** How it was measured, or why it could not be (Swedish, published). */
  readonly underlag: string;
}

export interface Indikatortraff {
  readonly regel: string;
  /** The indicator's words as found in the text, e.g. "minst sex föreläsningar". */
  readonly indikator: string;
  /** The requirement in a fixed form, e.g. "föreläsningar ≥ 6". */
  readonly krav: string;
  mat(mal: Malref, underlag: Matunderlag): Matresultat;
}

export interface Indikatorregel {
  readonly id: string;
  readonly beskrivning: string;
  /** Every indicator of this rule in `text` (lower case, one space between words). */
  hitta(text: string): Indikatortraff[];
}

/** Text as the rules read it: lower case, whitespace collapsed. */
export function regeltext(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

export const TALORD: Readonly<Record<string, number>> = {
  en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, elva: 11, tolv: 12,
  femton: 15, tjugo: 20, trettio: 30, fyrtio: 40, femtio: 50, hundra: 100,
};

export function tolkaTal(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  return TALORD[s];
}

/** "at least", "more than", "at most" in Swedish and as signs, and how each compares. */
export const JAMFORELSER: readonly { readonly ord: readonly string[]; readonly tecken: "≥" | ">" | "≤" | "<"; readonly test: (v: number, g: number) => boolean }[] = [
  { ord: ["minst", "lägst", "åtminstone", "inte färre än", "inte mindre än", "≥", ">="], tecken: "≥", test: (v, g) => v >= g },
  { ord: ["fler än", "mer än", "över", ">"], tecken: ">", test: (v, g) => v > g },
  { ord: ["högst", "max", "maximalt", "som mest", "inte fler än", "inte mer än", "≤", "<="], tecken: "≤", test: (v, g) => v <= g },
  { ord: ["färre än", "mindre än", "under", "<"], tecken: "<", test: (v, g) => v < g },
];

export function jamforelse(ord: string): (typeof JAMFORELSER)[number] | undefined {
  return JAMFORELSER.find((j) => j.ord.includes(ord));
}

/** The words of every comparison, longest first, as a regex alternative. */
export const JAMFORELSE_MONSTER = JAMFORELSER.flatMap((j) => j.ord)
  .sort((a, b) => b.length - a.length)
  .map((o) => o.replace(/[.*+?^${}()|[\]\\<>=]/g, (c) => (c === "<" || c === ">" || c === "=" ? c : `\\${c}`)))
  .join("|");
