/**
 * The input kind "personalinriktade insatser" (the förbund's activity log), as one module:
 * recognise, read, merge, compute, outputs and the line that documents it.
 */
import type { Datum } from "../../normalise/datum.ts";
import type { Findings } from "../../validate/findings.ts";
import type { Forbundstolkare } from "../forbund.ts";
import type { Tabell } from "../tabellfil.ts";
import { arAktivitetsrubrik, lasAktiviteter, type Aktivitetsfil } from "./las.ts";
import { beraknaPersonalinriktade, slaIhopAktiviteter, type Personalinriktade } from "./berakna.ts";
import { personalinriktadeFiler } from "./utdata.ts";

export const personalinriktade = {
  id: "personalinriktade",
  /** How the validation report names a file of this kind. */
  typ: "personalinriktade insatser",
  dokumentation: "personalinriktade insatser (aktivitetslogg: datum, aktivitet, typ, omgång, deltagare, unika deltagare, målgrupp)",
  kannIgen: arAktivitetsrubrik,
  las: (tabeller: readonly Tabell[], findings: Findings, idag?: Datum): Aktivitetsfil | undefined => lasAktiviteter(tabeller, findings, idag),
  beskriv: (f: Aktivitetsfil): string => `${f.rader.length} rader`,
  /** Merges the files and computes activities and years; undefined when anything is wrong. */
  berakna(filer: readonly Aktivitetsfil[], forbund: Forbundstolkare, findings: Findings): Personalinriktade | undefined {
    const rader = slaIhopAktiviteter(filer, forbund, findings);
    return rader ? beraknaPersonalinriktade(rader, findings) : undefined;
  },
  utdata: personalinriktadeFiler,
} as const;
