/**
 * The förbund of an economy row: its Företag/Förbund column (the id, `sodra-dalarna`, or the
 * name, "Södra Dalarnas Samordningsförbund", also without the word samordningsförbund), or for a
 * file without that column the only förbund with economy settings.
 */
import { labelKey } from "../../normalise/labels.ts";
import type { Indelning } from "../../reference/indelning.ts";

const UTFYLLNAD = /\b(samordningsforbund(et)?|finsam|forbundet)\b/g;

function kortnamn(namn: string): string {
  return labelKey(namn).replace(UTFYLLNAD, " ").replace(/s\b/g, "").replace(/\s+/g, " ").trim();
}

export interface Forbundstolkare {
  tolka(text: string): string | undefined;
  /** The förbund of a file without a förbund column: the only one with economy settings. */
  readonly ensam: string | undefined;
  readonly kanda: readonly string[];
  readonly namn: ReadonlyMap<string, string>;
}

export function forbundstolkare(indelning: Pick<Indelning, "medlemskap">, medEkonomi: readonly string[]): Forbundstolkare {
  const ids = new Map<string, string>();
  const kort = new Map<string, string>();
  const namn = new Map<string, string>();
  for (const m of indelning.medlemskap) {
    ids.set(m.forbund, m.forbund);
    ids.set(labelKey(m.forbundNamn), m.forbund);
    kort.set(kortnamn(m.forbundNamn), m.forbund);
    namn.set(m.forbund, m.forbundNamn);
  }
  const kanda = [...namn.keys()].sort();
  const med = medEkonomi.filter((f) => namn.has(f));
  return {
    tolka: (text) => ids.get(text.trim()) ?? ids.get(labelKey(text)) ?? kort.get(kortnamn(text)),
    ensam: med.length === 1 ? med[0] : undefined,
    kanda,
    namn,
  };
}
