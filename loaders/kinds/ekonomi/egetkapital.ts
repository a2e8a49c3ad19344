/**
 * Eget kapital against the rules, for every year the long-term table knows it:
 *
 *   andel  = eget kapital at the year's end / bas
 *   högst  = hogst_andel × bas   (the national recommendation: 20 % of the year's medelstilldelning)
 *   lägst  = the förbund's own floor (Södra Dalarna: 400 000 kr), when it has one
 *
 * The bas is the year's medelstilldelning, or (bas "intakter") the resultaträkning's
 * verksamhetens intäkter: the year's outcome when it is closed, else its budget. Falun-Borlänge
 * 2024: 4 224 101 / 8 562 000 = 49,3 % of the anslag, or / 8 699 158 = 48,6 % of the intäkter.
 */
import type { EkBas } from "./installningar.ts";
import { budgetIntakter, langsiktig, type EkUnderlag } from "./langsiktig.ts";
import { resultatrakning } from "./resultatrakning.ts";
import { harBokningar, type Rakenskap } from "./rakenskap.ts";

export interface EkRegelrad {
  readonly ar: number;
  readonly datum: string;
  readonly underlag: EkUnderlag;
  readonly egetKapitalOre: number;
  readonly bas: EkBas;
  readonly basOre: number | undefined;
  readonly hogstAndel: number;
  readonly lagstOre: number | undefined;
}

export function andel(r: EkRegelrad): number | undefined {
  return r.basOre === undefined || r.basOre === 0 ? undefined : r.egetKapitalOre / r.basOre;
}

export function hogstOre(r: EkRegelrad): number | undefined {
  return r.basOre === undefined ? undefined : r.hogstAndel * r.basOre;
}

export function hogstUppfyllt(r: EkRegelrad): boolean | undefined {
  const h = hogstOre(r);
  return h === undefined ? undefined : r.egetKapitalOre <= h;
}

export function lagstUppfyllt(r: EkRegelrad): boolean | undefined {
  return r.lagstOre === undefined ? undefined : r.egetKapitalOre >= r.lagstOre;
}

export function egetKapitalRegler(r: Rakenskap): EkRegelrad[] {
  const regler = r.fe.inst.egetKapital;
  const ut: EkRegelrad[] = [];
  for (const rad of langsiktig(r)) {
    if (rad.egetKapitalOre === undefined || rad.underlag === undefined) continue;
    let basOre: number | undefined;
    if (regler.bas === "medelstilldelning") basOre = rad.medelstilldelningOre;
    else if (rad.underlag === "bokslut") basOre = harBokningar(r, rad.ar) ? resultatrakning(r, rad.ar, `${rad.ar}-12-31`).find((x) => x.rad === "verksamhetens_intakter")?.utfallOre : undefined;
    else basOre = budgetIntakter(r, rad.ar) ?? rad.medelstilldelningOre;
    ut.push({
      ar: rad.ar, datum: `${rad.ar}-12-31`, underlag: rad.underlag, egetKapitalOre: rad.egetKapitalOre,
      bas: regler.bas, basOre, hogstAndel: regler.hogstAndel, lagstOre: regler.lagstOre,
    });
  }
  return ut;
}
