/**
 * Protection of the participant nyckeltal (deltagare, avslut, andel_mal,
 * genomstromningstid_man, tid_fore_start_ar) with the method of the settings
 * (docs/definitioner/skydd.md): cell-key perturbation (`brus`, the default, brus.ts) or
 * suppression (`undertryckning`, undertryckning.ts). Every row names its method in `skydd`.
 */
import type { Halvarsrad, OkandKon, Underlag } from "../compute/nyckeltal.ts";
import { brusaNyckeltal } from "./brus.ts";
import { kontrolleraK } from "./model.ts";
import { STANDARD_BRUS, type Brusinstallningar, type Skyddsmetod } from "./parametrar.ts";
import type { NyckeltalRad } from "./rader.ts";
import { undertryckNyckeltal } from "./undertryckning.ts";

export interface NyckeltalSkydd {
  readonly metod: Skyddsmetod;
  /** k: the smallest group shown (suppression), the smallest count behind a mean (noise). */
  readonly k: number;
  readonly brus?: Brusinstallningar;
}

export interface Skyddsunderlag {
  readonly underlag: readonly Underlag[];
  /** Persons without kön (suppression only). */
  readonly okandKon?: readonly OkandKon[];
  /** Half-year counts (suppression only). */
  readonly halvar?: readonly Halvarsrad[];
}

/**
 * The published rows, protected with the chosen method. Suppression needs the LP solver
 * loaded first (`laddaLosare`, once, asynchronous; the pipeline does it).
 */
export function skyddaNyckeltal(indata: Skyddsunderlag, opts: NyckeltalSkydd): NyckeltalRad[] {
  kontrolleraK(opts.k);
  if (opts.metod === "brus") return brusaNyckeltal(indata.underlag, { k: opts.k, brus: opts.brus ?? STANDARD_BRUS });
  if (!indata.halvar || !indata.okandKon) throw new RangeError("undertryckning kräver halvårens antal och personerna utan kön");
  return undertryckNyckeltal({ underlag: indata.underlag, okandKon: indata.okandKon, halvar: indata.halvar }, opts.k);
}
