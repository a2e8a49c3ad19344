/**
 * Totals that disagree with their parts: for every series whose `dimension` is `total`, the
 * periods where every part has a value and their sum differs from the total by more than a
 * relative `tolerans`. The cube is not changed; the caller reports (or not) what it finds.
 */
import { Serieindex, TAL, koder, varden, type Kub } from "../kub.ts";
import type { Totalregel } from "./harledTotal.ts";

export interface Skillnad {
  readonly serie: number;
  readonly period: number;
  readonly total: number;
  readonly summa: number;
}

export function skillnaderMotDelar(kub: Kub, regel: Totalregel, tolerans = 1e-6): Skillnad[] {
  const d = kub.dimensioner.indexOf(regel.dimension);
  if (d < 0) return [];
  const total = kub.ordbok[d]!.indexOf(regel.total);
  const delar = regel.delar.map((x) => kub.ordbok[d]!.indexOf(x));
  if (total < 0 || delar.some((x) => x < 0)) return [];
  const index = new Serieindex(kub);
  const dk = koder(kub, d);
  const utomDim = regel.utom ? kub.dimensioner.indexOf(regel.utom.dimension) : -1;
  const utom = utomDim >= 0 ? new Set(regel.utom!.varden.map((v) => kub.ordbok[utomDim]!.indexOf(v))) : undefined;
  const utomKoder = utomDim >= 0 ? koder(kub, utomDim) : undefined;
  const ut: Skillnad[] = [];
  const kolumner = kub.perioder.map((_, p) => varden(kub, p));
  for (let s = 0; s < kub.antal; s++) {
    if (dk[s] !== total || (utom && utom.has(utomKoder![s]!))) continue;
    const syskon = delar.map((x) => index.syskon(s, d, x));
    if (syskon.some((x) => x < 0)) continue;
    for (let p = 0; p < kub.perioder.length; p++) {
      if (kub.saknas[p]![s] !== TAL) continue;
      let summa = 0;
      let alla = true;
      for (const x of syskon) {
        if (kub.saknas[p]![x] !== TAL) { alla = false; break; }
        summa += kolumner[p]![x]!;
      }
      const v = kolumner[p]![s]!;
      if (alla && Math.abs(summa - v) > tolerans * Math.max(1, Math.abs(v))) ut.push({ serie: s, period: p, total: v, summa });
    }
  }
  return ut;
}
