/**
 * The input kind "verksamhetsplanens mål" (the goal table with the board's grading), as one
 * module: recognise, read, merge, compute (with the measurable indicators), outputs and the
 * line that documents it.
 */
import type { Findings } from "../../validate/findings.ts";
import type { Forbundstolkare } from "../forbund.ts";
import type { Tabell } from "../tabellfil.ts";
import { arMalrubrik, lasMal, type Malfil } from "./las.ts";
import { beraknaMal, slaIhopMal, type Malrapport } from "./berakna.ts";
import type { Matunderlag } from "./matregler.ts";
import { malFiler } from "./utdata.ts";

export const mal = {
  id: "mal",
  typ: "verksamhetsplanens mål",
  dokumentation: "verksamhetsplanens mål (målområde, mål, indikator, målvärde, utfall, styrelsens bedömning, kommentar)",
  kannIgen: arMalrubrik,
  las: (tabeller: readonly Tabell[], findings: Findings): Malfil | undefined => lasMal(tabeller, findings),
  beskriv: (f: Malfil): string => `${f.rader.filter((r) => !r.fortsattning).length} mål`,
  /** Merges the files, measures what can be measured and counts the gradings; undefined when anything is wrong. */
  berakna(filer: readonly Malfil[], forbund: Forbundstolkare, underlag: Matunderlag, findings: Findings): Malrapport | undefined {
    const rader = slaIhopMal(filer, forbund, findings);
    return rader ? beraknaMal(rader, underlag, findings) : undefined;
  },
  utdata: malFiler,
} as const;
