/**
 * Which förbund a row of the activity log or the goal table belongs to: its förbund column (the
 * id, `sodra-dalarna`, or the name, "Södra Dalarnas Samordningsförbund", also without the word
 * samordningsförbund: "Södra Dalarna"), or, without the column, the only förbund the settings
 * file names.
 */
import { labelKey } from "../normalise/labels.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Installningar } from "../reference/installningar.ts";

const ORD_SOM_INTE_SKILJER = /\b(samordningsforbund(et)?|finsam)\b/g;

function kortnamn(namn: string): string {
  return labelKey(namn).replace(ORD_SOM_INTE_SKILJER, " ").replace(/s\b/g, "").replace(/\s+/g, " ").trim();
}

export interface Forbundstolkare {
  /** The förbund's id, or undefined when the text names no known förbund. */
  tolka(text: string): string | undefined;
  /** The förbund of a file without a förbund column, when the settings name exactly one. */
  readonly ensam: string | undefined;
  /** Known ids, for messages. */
  readonly kanda: readonly string[];
}

export function forbundstolkare(indelning: Indelning, installningar: Installningar): Forbundstolkare {
  const ids = new Map<string, string>();
  const kort = new Map<string, string>();
  for (const m of indelning.medlemskap) {
    ids.set(m.forbund, m.forbund);
    ids.set(labelKey(m.forbundNamn), m.forbund);
    kort.set(kortnamn(m.forbundNamn), m.forbund);
  }
  const kanda = [...new Set(indelning.medlemskap.map((m) => m.forbund))].sort();
  const namngivna = [...new Set((installningar.forbund ?? []).map((f) => f.id))].filter((id) => kanda.includes(id));
  return {
    tolka: (text) => ids.get(text.trim()) ?? ids.get(labelKey(text)) ?? kort.get(kortnamn(text)),
    ensam: namngivna.length === 1 ? namngivna[0] : undefined,
    kanda,
  };
}
