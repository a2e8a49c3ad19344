/**
 * The default protection: cell-key perturbation (docs/definitioner/skydd.md). Every count is
 * published with a small noise looked up in the perturbation table (ptabell.ts) with the
 * count's cell key (cellnyckel.ts), so
 *   - the same persons give the same published count in every table, period, page and build;
 *   - zeros stay zero, and the small counts 1..sma are never published (0 or sma + 1);
 *   - nothing is hidden, except a mean whose published count is below the minimum.
 * Shares and means are computed from what is published or perturbed themselves:
 *   - resultat mot mål = t' / (t' + r'), where t' is the perturbed number who reached the goal
 *     and r' the perturbed rest of the denominator; `antal` is t' + r'. The share is thus always
 *     within 0..1 and the published numerator and rest are never small. Whether there is a
 *     share at all is decided as for any count: by the denominator's own perturbed count n'
 *     (its persons' cell key; the same as avslut' when nobody left early). n' = 0 (possible only
 *     for small n, 1..3 with the defaults) gives no share; n' > 0 gives one, and if both parts
 *     were perturbed to 0 the larger true part (ties: the one with the larger cell key) is
 *     published as sma + 1 (`andelensDelar`). So a share over 4 or more persons never disappears, whatever the key;
 *   - a mean = (sum + noise) / n, where the noise is at most `medelvardesbrus` times the
 *     group's largest single value (cellKey's magnitude perturbation, with a continuous noise
 *     from the group's own key), shown only when the published count n' is at least
 *     `minstaAntalForMedel`; its `antal` is n', the same as everywhere else for those persons.
 */
import type { Underlag } from "../compute/nyckeltal.ts";
import { cellnyckel, TVA_32 } from "./cellnyckel.ts";
import { minstaAntalForMedel, type Brusinstallningar } from "./parametrar.ts";
import { byggPtabell, slaUpp, type Ptabell } from "./ptabell.ts";
import { sorteraRader, type Matt, type NyckeltalRad } from "./rader.ts";

export interface Brusskydd {
  /** k: the smallest published count behind a mean (at least what minstaAntalForMedel says). */
  readonly k: number;
  readonly brus: Brusinstallningar;
}

/** The perturbed counts of one Underlag row (what the rows publish). */
export interface BrusadeAntal {
  readonly deltagare: number;
  readonly avslut: number;
  readonly malTaljare: number;
  readonly malKomplement: number;
  readonly foreN: number;
}

export function brusadeAntal(u: Underlag, tabell: Ptabell): BrusadeAntal {
  const n = u.nycklar;
  if (!n) throw new RangeError(`${u.forbund}, ${u.insats}, ${u.fran}–${u.till}, ${u.kon}: cellnycklar saknas (brus kräver postnycklar)`);
  const b = (antal: number, summa: number) => slaUpp(tabell, antal, cellnyckel(summa));
  const delar = andelensDelar(tabell, u.malTaljare, u.malNamnare - u.malTaljare, n.malTaljare, n.malKomplement);
  return {
    deltagare: b(u.deltagare, n.deltagare),
    avslut: b(u.avslut, n.avslut),
    malTaljare: delar.taljare,
    malKomplement: delar.rest,
    foreN: b(u.foreN, n.foreN),
  };
}

/**
 * The published parts of a share: t' (reached the goal) and r' (the rest of the denominator),
 * from the true parts t, r and their key sums.
 *   1. The denominator n = t + r is a count like any other: n' is looked up with the cell key
 *      of its persons (the sum of the two parts' key sums). n' = 0 gives no share (t' = r' = 0);
 *      the table gives that only for small n (n <= max(sma + 1, maxbrus): 1..3 with the
 *      defaults), with the same probability as for any count of n persons.
 *   2. Otherwise t' and r' are looked up with their own cell keys. Should both come out 0,
 *      the part with more persons (ties: the larger cell key) is published as sma + 1 instead:
 *      a share shown is never 0 / 0. (Only a part the table could publish as 0 is ever lifted,
 *      1..sma with the defaults; a true 0 stays 0.)
 * Every published part is thus 0 or above sma, t' + r' is 0 exactly when n' is, and a share
 * over more persons than the table can publish as 0 (4 or more with the defaults) always has
 * a value.
 */
export function andelensDelar(tabell: Ptabell, t: number, r: number, taljarsumma: number, restsumma: number): { taljare: number; rest: number } {
  const namnare = slaUpp(tabell, t + r, cellnyckel((taljarsumma + restsumma) % TVA_32));
  if (namnare === 0) return { taljare: 0, rest: 0 };
  const taljare = slaUpp(tabell, t, cellnyckel(taljarsumma));
  const rest = slaUpp(tabell, r, cellnyckel(restsumma));
  if (taljare > 0 || rest > 0) return { taljare, rest };
  const lyft = tabell.parametrar.sma + 1;
  const taljarenLyfts = t > r || (t === r && taljarsumma >= restsumma);
  return taljarenLyfts ? { taljare: lyft, rest: 0 } : { taljare: 0, rest: lyft };
}

/**
 * A mean from a sum perturbed as a magnitude: (summa + s·max·(2u − 1)) / n, with u the
 * group's magnitude key in [0, 1). |noise| <= s·max <= s·summa, so the mean stays >= 0.
 */
export function brusatMedel(summa: number, n: number, storsta: number, nyckelsumma: number, medelvardesbrus: number): number {
  const u = cellnyckel(nyckelsumma);
  return (summa + medelvardesbrus * storsta * (2 * u - 1)) / n;
}

/** The published rows: every count perturbed, shares and means from the perturbed values. */
export function brusaNyckeltal(underlag: readonly Underlag[], skydd: Brusskydd): NyckeltalRad[] {
  const tabell = byggPtabell(skydd.brus);
  const minsta = minstaAntalForMedel(skydd.k, tabell);
  const s = skydd.brus.medelvardesbrus;
  const ut: NyckeltalRad[] = [];
  for (const u of underlag) {
    const p = brusadeAntal(u, tabell);
    const bas = { forbund: u.forbund, insats: u.insats, fran: u.fran, till: u.till, kon: u.kon, skydd: "brus" as const };
    const rad = (matt: Matt, varde: number | null, antal: number | null, undertryckt = false): NyckeltalRad => ({ ...bas, matt, varde, antal, undertryckt });
    const namnare = p.malTaljare + p.malKomplement;
    /** A mean over n persons (true) shown with the published count n'. */
    const medel = (matt: Matt, publicerat: number, sann: number, summa: number, storsta: number, nyckel: number) => {
      if (publicerat === 0) return rad(matt, null, 0);
      if (publicerat < minsta) return rad(matt, null, null, true);
      return rad(matt, brusatMedel(summa, sann, storsta, nyckel, s), publicerat);
    };
    ut.push(
      rad("deltagare", p.deltagare, p.deltagare),
      rad("avslut", p.avslut, p.avslut),
      rad("andel_mal", namnare > 0 ? p.malTaljare / namnare : null, namnare),
      medel("genomstromningstid_man", p.malTaljare, u.malGrupp, u.tidSummaManader, u.tidMaxManader ?? 0, u.nycklar!.tid),
      medel("tid_fore_start_ar", p.foreN, u.foreN, u.foreSummaAr, u.foreMaxAr ?? 0, u.nycklar!.fore),
    );
  }
  return sorteraRader(ut);
}
