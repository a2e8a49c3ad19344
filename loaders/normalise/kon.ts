/** Kön as SCB and users write it, to `alla`, `kvinnor` or `man`. */
import { labelKey } from "./labels.ts";

export const KON = ["alla", "kvinnor", "man"] as const;
export type Kon = (typeof KON)[number];

const KON_LABELS: ReadonlyMap<string, Kon> = new Map<string, Kon>(
  (
    [
      ["män", "man"], ["man", "man"], ["men", "man"], ["m", "man"], ["1", "man"],
      ["kvinnor", "kvinnor"], ["kvinna", "kvinnor"], ["women", "kvinnor"], ["k", "kvinnor"], ["2", "kvinnor"],
      ["män och kvinnor totalt", "alla"], ["män och kvinnor", "alla"], ["totalt", "alla"], ["total", "alla"],
      ["båda könen", "alla"], ["kvinnor och män", "alla"], ["samtliga", "alla"], ["1+2", "alla"], ["totalt kön", "alla"],
      // PxWeb v2 codes (UseCodes): TotSa = totalt samtliga; SCB's text for it
      ["TotSa", "alla"], ["totalt samtliga", "alla"],
    ] as const
  ).map(([label, kon]) => [labelKey(label), kon]),
);

export function tolkaKon(label: string): Kon | undefined {
  return KON_LABELS.get(labelKey(label));
}

export const KON_FORVANTAT = "\"män\", \"kvinnor\" eller \"män och kvinnor totalt\"";
