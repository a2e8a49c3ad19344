/**
 * Selecting series: `valj(kub, "inkomstniva", "totalt")` keeps the series whose inkomstnivå is
 * `totalt` and drops the dimension (ArbStatHuv's totals as an inkomstkälla table);
 * `filtrera(kub, s => …)` keeps the series a predicate accepts.
 */
import { dimIndex, koder, kubAv, varden, type Kub } from "../kub.ts";

export function filtrera(kub: Kub, behall: (serie: number) => boolean, utanDimension = -1): Kub {
  const valda: number[] = [];
  for (let s = 0; s < kub.antal; s++) if (behall(s)) valda.push(s);
  const n = valda.length;
  const dims = kub.dimensioner.map((_, d) => d).filter((d) => d !== utanDimension);
  const dimkoder = dims.map((d) => {
    const k = koder(kub, d);
    return Int32Array.from({ length: n }, (_, i) => k[valda[i]!]!);
  });
  const kolumner = kub.perioder.map((_, p) => {
    const v = varden(kub, p);
    return Float64Array.from({ length: n }, (_, i) => v[valda[i]!]!);
  });
  const saknas = kub.saknas.map((sak) => Uint8Array.from({ length: n }, (_, i) => sak[valda[i]!]!));
  return kubAv(dims.map((d) => kub.dimensioner[d]!), dims.map((d) => kub.ordbok[d]!), dimkoder, kub.perioder, kolumner, saknas);
}

export function valj(kub: Kub, dimension: string, varde: string): Kub {
  const d = dimIndex(kub, dimension);
  const kod = kub.ordbok[d]!.indexOf(varde);
  const k = koder(kub, d);
  return filtrera(kub, (s) => k[s] === kod, d);
}
