/**
 * Which förbund a row of the activity log or the goal table belongs to: its förbund column (the
 * id, `sodra-dalarna`, or the name, "Södra Dalarnas Samordningsförbund", also without the word
 * samordningsförbund: "Södra Dalarnas", "Södra Dalarna"), matched with the shared name matcher
 * (loaders/reference/namn.ts); or, without the column, the only förbund the settings file names.
 */
import { menadeDu, Namnmatchare } from "../../reference/namn.ts";
import type { Indelning } from "../../reference/indelning.ts";
import type { Installningar } from "../../reference/installningar.ts";

const ORD_SOM_INTE_SKILJER = /\b(samordningsförbund(et)?|finsam)\b/giu;

/** Spellings of a förbund's name: as written, without "Samordningsförbund"/"Finsam", and without a genitive s. */
export function stavningar(namn: string): string[] {
  const kort = namn.replace(ORD_SOM_INTE_SKILJER, " ").replace(/\s+/g, " ").trim();
  const utanGenitiv = kort.replace(/s$/u, "");
  return [...new Set([namn, kort, utanGenitiv].filter((s) => s.length >= 3))];
}

export interface Forbundstolkare {
  /** The förbund's id, or undefined when the text names no known förbund (or is ambiguous). */
  tolka(text: string): string | undefined;
  /** `; menade du "…"?` for a text that names no förbund, or an empty string. */
  forslag(text: string): string;
  /** The förbund of a file without a förbund column, when the settings name exactly one. */
  readonly ensam: string | undefined;
  /** Known ids, for messages. */
  readonly kanda: readonly string[];
}

export function forbundstolkare(indelning: Indelning, installningar: Installningar): Forbundstolkare {
  const namn = new Map<string, string>();
  for (const m of indelning.medlemskap) namn.set(m.forbund, m.forbundNamn);
  const kanda = [...namn.keys()].sort();
  const matchare = new Namnmatchare(kanda.map((id) => ({ varde: id, namn: [id, ...stavningar(namn.get(id)!)], visas: id })));
  const namngivna = [...new Set((installningar.forbund ?? []).map((f) => f.id))].filter((id) => namn.has(id));
  return {
    tolka: (text) => matchare.hitta(text),
    forslag: (text) => menadeDu(matchare.forslag(text)),
    ensam: namngivna.length === 1 ? namngivna[0] : undefined,
    kanda,
  };
}
