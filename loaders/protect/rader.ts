/**
 * The published rows of the participant nyckeltal (insatser_nyckeltal.csv): five measures per
 * förbund, insats, window and kön, whichever method protects them.
 */
import type { Underlag } from "../compute/nyckeltal.ts";
import { jamfor } from "./model.ts";

export type Kon = "alla" | "kvinnor" | "man";
export type Matt = "deltagare" | "avslut" | "andel_mal" | "genomstromningstid_man" | "tid_fore_start_ar";
/** The method that protects a row; `ingen` only in `finsam run --intern` (never published). */
export type Skydd = "brus" | "undertryckning" | "ingen";

export const KON: readonly Kon[] = ["alla", "kvinnor", "man"];
export const MATT: readonly Matt[] = ["deltagare", "avslut", "andel_mal", "genomstromningstid_man", "tid_fore_start_ar"];
export const SKYDD: readonly Skydd[] = ["brus", "undertryckning", "ingen"];
export const TOTALT = "totalt";

export type { Underlag };

export interface NyckeltalRad {
  readonly forbund: string;
  readonly insats: string;
  readonly fran: string;
  readonly till: string;
  readonly kon: Kon;
  readonly matt: Matt;
  /** null when hidden, or when there is nothing to compute (a share or mean over 0 persons). */
  readonly varde: number | null;
  /** The count behind the value; null when hidden. */
  readonly antal: number | null;
  readonly undertryckt: boolean;
  readonly skydd: Skydd;
}

const insatsOrdning = (a: string, b: string) => (a === b ? 0 : a === TOTALT ? 1 : b === TOTALT ? -1 : jamfor(a, b));

export function jamforCell(a: Pick<Underlag, "forbund" | "insats" | "fran" | "till" | "kon">, b: typeof a): number {
  return jamfor(a.forbund, b.forbund) || insatsOrdning(a.insats, b.insats) || jamfor(a.fran, b.fran) || jamfor(a.till, b.till) || KON.indexOf(a.kon) - KON.indexOf(b.kon);
}

/** Rows sorted by förbund, insats (`totalt` last), window, kön (alla, kvinnor, man) and measure. */
export function sorteraRader<T extends NyckeltalRad>(rader: T[]): T[] {
  return rader.sort((a, b) => jamforCell(a, b) || MATT.indexOf(a.matt) - MATT.indexOf(b.matt));
}

/** The five rows of one Underlag row with nothing hidden and the true values. */
export function oskyddadeRader(u: Underlag, skydd: Skydd = "ingen"): NyckeltalRad[] {
  const bas = { forbund: u.forbund, insats: u.insats, fran: u.fran, till: u.till, kon: u.kon };
  const kvot = (t: number, n: number) => (n > 0 ? t / n : null);
  const vardeOchAntal: Record<Matt, [number | null, number]> = {
    deltagare: [u.deltagare, u.deltagare],
    avslut: [u.avslut, u.avslut],
    andel_mal: [kvot(u.malTaljare, u.malNamnare), u.malNamnare],
    genomstromningstid_man: [kvot(u.tidSummaManader, u.malGrupp), u.malGrupp],
    tid_fore_start_ar: [kvot(u.foreSummaAr, u.foreN), u.foreN],
  };
  return MATT.map((matt) => ({ ...bas, matt, varde: vardeOchAntal[matt][0], antal: vardeOchAntal[matt][1], undertryckt: false, skydd }));
}

/** The same rows with nothing protected: for internal use only (`--intern`), never for publication. */
export function oskyddadeNyckeltal(underlag: readonly Underlag[]): NyckeltalRad[] {
  return sorteraRader(underlag.flatMap((u) => oskyddadeRader(u)));
}
