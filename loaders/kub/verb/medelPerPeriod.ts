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
import { KubBygge, TAL, koder, varden, type Kub } from "../kub.ts";

export function medelPerPeriod(kub: Kub): Kub {
  const manadIndex = new Map(kub.perioder.map((p, i) => [p, i]));
  const ar = [...new Set(kub.perioder.filter((p) => /^\d{4}-\d{2}$/.test(p)).map((p) => p.slice(0, 4)))].sort();
  const ut = new KubBygge(kub.dimensioner, kub.ordbok);
  // The same series in the same order: copy the codes first.
  const buf = new Int32Array(kub.dimensioner.length);
  const dimkoder = kub.dimensioner.map((_, d) => koder(kub, d));
  for (let s = 0; s < kub.antal; s++) {
    for (let d = 0; d < buf.length; d++) buf[d] = dimkoder[d]![s]!;
    ut.serie(buf);
  }
  const perioder: [string, number[]][] = [];
  for (const a of ar) {
    const m = (fran: number, till: number) => Array.from({ length: till - fran + 1 }, (_, i) => manadIndex.get(`${a}-${String(fran + i).padStart(2, "0")}`) ?? -1);
    perioder.push([`${a}-H1`, m(1, 6)], [`${a}-H2`, m(7, 12)], [a, m(1, 12)]);
  }
  for (const [namn, manader] of perioder) {
    const p = ut.period(namn);
    if (manader.some((i) => i < 0)) continue; // a month the file does not have: no value for anyone
    const kol = manader.map((i) => varden(kub, i));
    const sak = manader.map((i) => kub.saknas[i]!);
    const n = manader.length;
    for (let s = 0; s < kub.antal; s++) {
      let summa = 0;
      let alla = true;
      for (let k = 0; k < n; k++) {
        if (sak[k]![s] !== TAL) { alla = false; break; }
        summa += kol[k]![s]!;
      }
      if (alla) ut.satt(s, p, summa / n, TAL);
    }
  }
  return ut.bygg();
}
