/**
 * Mean per period, with the all-months rule (docs/definitioner/helarsekvivalenter.md): a
 * half-year (`YYYY-H1`, `YYYY-H2`) or year (`YYYY`) is the sum of its months divided by 6 or
 * 12, and exists only when every month of the period has a value for the series. A month
 * that is missing (a symbol, a sum that lacked a part, a month the file does not have, a
 * month when a förbund did not exist) gives no value for the period: never a mean over fewer
 * months.
 *
 *   medelPerPeriod(manader) // same series, one column per half-year and year
 */
import { TAL, UTAN_CELL, koder, kubAv, varden, type Kub } from "../kub.ts";

export function medelPerPeriod(kub: Kub): Kub {
  const manadIndex = new Map(kub.perioder.map((p, i) => [p, i]));
  const ar = [...new Set(kub.perioder.filter((p) => /^\d{4}-\d{2}$/.test(p)).map((p) => p.slice(0, 4)))].sort();
  const N = kub.antal;
  const perioder: string[] = [];
  const kolumner: Float64Array[] = [];
  const saknas: Uint8Array[] = [];
  for (const a of ar) {
    const m = (fran: number, till: number) => Array.from({ length: till - fran + 1 }, (_, i) => manadIndex.get(`${a}-${String(fran + i).padStart(2, "0")}`) ?? -1);
    for (const [namn, manader] of [[`${a}-H1`, m(1, 6)], [`${a}-H2`, m(7, 12)], [a, m(1, 12)]] as const) {
      const kol = new Float64Array(N).fill(Number.NaN);
      const sak = new Uint8Array(N).fill(UTAN_CELL);
      perioder.push(namn);
      kolumner.push(kol);
      saknas.push(sak);
      if (manader.some((i) => i < 0)) continue; // a month the file does not have: no value for anyone
      // Month by month over all series (each month's column read in order), the sum in `kol`
      // and whether a month is missing in `sak`: the same additions in the same order per series.
      kol.fill(0);
      sak.fill(TAL);
      for (const i of manader) leggTill(kol, sak, varden(kub, i), kub.saknas[i]!);
      dela(kol, sak, manader.length);
    }
  }
  // The same series, in the same order: the dimension columns are shared, not copied.
  const ordning = perioder.map((p, i) => [p, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return kubAv(kub.dimensioner, kub.ordbok, kub.dimensioner.map((_, d) => koder(kub, d)), ordning.map(([p]) => p), ordning.map(([, i]) => kolumner[i]!), ordning.map(([, i]) => saknas[i]!));
}

// The loops as small functions of their own: optimised once, fast for every month and period
// (a loop inside a function called once runs unoptimised for a while at each new start).

/** One month added to the sums `kol`; a series whose month is missing gets `UTAN_CELL` in `sak`. */
function leggTill(kol: Float64Array, sak: Uint8Array, v: Float64Array, s: Uint8Array): void {
  for (let x = 0; x < kol.length; x++) {
    if (s[x] !== TAL) sak[x] = UTAN_CELL;
    else kol[x] = kol[x]! + v[x]!;
  }
}

/** The sums divided by the number of months; NaN where a month was missing. */
function dela(kol: Float64Array, sak: Uint8Array, n: number): void {
  for (let x = 0; x < kol.length; x++) kol[x] = sak[x] === TAL ? kol[x]! / n : Number.NaN;
}
