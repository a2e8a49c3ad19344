/**
 * The board's grading of a goal, as written in goal tables: a word ("Uppfyllt", "Delvis",
 * "Ej uppfyllt", a traffic light), the word at the start of a comment ("Uppfyllt. Under året
 * ..."), or the annual report's sentence ("Styrelsen bedömer att mål 3 delvis är uppfyllt").
 */
import { labelKey } from "../../../normalise/labels.ts";

export const BEDOMNINGAR = ["uppfyllt", "delvis", "ej_uppfyllt", "ej_bedomd"] as const;
export type Bedomning = (typeof BEDOMNINGAR)[number];

export const BEDOMNINGSNAMN: Readonly<Record<Bedomning, string>> = {
  uppfyllt: "uppfyllt",
  delvis: "delvis uppfyllt",
  ej_uppfyllt: "ej uppfyllt",
  ej_bedomd: "ej bedömt",
};

const ORD: Readonly<Record<Exclude<Bedomning, "ej_bedomd">, readonly string[]>> = {
  uppfyllt: [
    "uppfyllt", "uppfylld", "uppfyllda", "uppfylt", "uppfyld", "helt uppfyllt", "helt uppfylld", "målet är uppfyllt", "målet uppfyllt",
    "uppnått", "uppnatt", "helt uppnått", "målet uppnått", "genomfört", "ja", "grön", "grönt", "uppfyllt (grön)", "✓", "✔",
  ],
  delvis: [
    "delvis", "delvis uppfyllt", "delvis uppfylld", "delvis uppfylt", "delvis uppnått", "delvis genomfört", "delvis uppfyllda",
    "målet är delvis uppfyllt", "gul", "gult", "delvis (gul)",
  ],
  ej_uppfyllt: [
    "ej uppfyllt", "ej uppfylld", "inte uppfyllt", "inte uppfylld", "icke uppfyllt", "ej uppfylt", "inte uppfylt", "ej uppnått",
    "inte uppnått", "ej genomfört", "inte genomfört", "uppfylls inte", "uppfyllt ej", "målet är inte uppfyllt", "målet ej uppfyllt",
    "nej", "ej", "röd", "rött", "ej uppfyllt (röd)", "✗", "✘",
  ],
};

const ALIAS: ReadonlyMap<string, Bedomning> = new Map(
  (Object.entries(ORD) as [Bedomning, readonly string[]][]).flatMap(([b, ord]) => ord.map((o) => [labelKey(o), b] as const)),
);

/** The accepted values, for messages. */
export const GODTAGNA_BEDOMNINGAR = '"uppfyllt", "delvis uppfyllt" (eller "delvis"), "ej uppfyllt" (eller "inte uppfyllt"), grön/gul/röd, eller tomt för ett mål som inte är bedömt';

/** "Styrelsen bedömer att mål 3 delvis är uppfyllt", "... att målet inte är uppfyllt". */
const MENING = /\bbedomer att (?:mal(?:et)?(?: [\w.]*\d[\w.]*)? )?(delvis |inte |ej )?(?:ar )?(delvis |inte |ej )?(?:helt )?(uppfyllt|uppfylld|uppnatt)/;

export interface TolkadBedomning {
  readonly bedomning: Bedomning;
  /** What followed the grading in the same cell ("Uppfyllt. Under året ..." -> "Under året ..."). */
  readonly resten: string;
}

/** The grading in a cell; undefined when it is not recognised. An empty cell is "ej_bedomd". */
export function tolkaBedomning(text: string): TolkadBedomning | undefined {
  const t = text.trim();
  if (t === "") return { bedomning: "ej_bedomd", resten: "" };
  const hel = ALIAS.get(labelKey(t).replace(/[.!:;]+$/, ""));
  if (hel) return { bedomning: hel, resten: "" };
  // The grading first, then a comment: "Uppfyllt. Under året ...", "Delvis uppfyllt: ...", "Ej uppfyllt – ...".
  const m = /^([^.:;\n–—]+?)\s*(?:[.:;\n]|\s[–—-]\s)\s*([\s\S]*)$/.exec(t);
  if (m) {
    const forst = ALIAS.get(labelKey(m[1]!));
    if (forst) return { bedomning: forst, resten: m[2]!.trim() };
  }
  const mening = MENING.exec(labelKey(t));
  if (mening) {
    const ord = `${mening[1] ?? ""}${mening[2] ?? ""}`.trim();
    // The sentence alone is the grading; a longer text around it is also the comment.
    const ensam = !/[.!?]\s+\S/.test(t);
    return { bedomning: ord === "delvis" ? "delvis" : ord === "" ? "uppfyllt" : "ej_uppfyllt", resten: ensam ? "" : t };
  }
  return undefined;
}
