/**
 * Shares and siblings: the value of another series of the same region, period and group.
 *
 * - `syskon(kub, "matt", "folkmangd")`: for every series, the value of the series that is
 *   the same but for `matt` = `folkmangd` (HE's population beside each ersättning);
 * - `andel(kub, "status", "totalt")`: every series divided by its sibling with `status` =
 *   `totalt`, computed from the values at each level (a share is never summed or averaged);
 *   missing when either is missing or the denominator is 0.
 * Both return a cube with the same series and periods.
 */
import { BERAKNAS_INTE } from "../../read/tal.ts";
import { Serieindex, TAL, UTAN_CELL, dimIndex, koder, kubAv, varden, type Kub } from "../kub.ts";

/**
 * Per series its sibling: the series that is the same but for `dimension` = `varde`, or -1 (no
 * such value or series). Used by `syskon` here and by `lang`'s `syskon` column.
 */
export function syskonserier(kub: Kub, dimension: string, varde: string): Int32Array {
  const d = dimIndex(kub, dimension);
  const kod = kub.ordbok[d]!.indexOf(varde);
  const index = new Serieindex(kub);
  const par = new Int32Array(kub.antal).fill(-1);
  if (kod >= 0) for (let s = 0; s < kub.antal; s++) par[s] = index.syskon(s, d, kod);
  return par;
}

export function syskon(kub: Kub, dimension: string, varde: string): Kub {
  const par = syskonserier(kub, dimension, varde);
  const kolumner = kub.perioder.map((_, p) => {
    const v = varden(kub, p);
    const a = new Float64Array(kub.antal).fill(Number.NaN);
    for (let s = 0; s < kub.antal; s++) if (par[s]! >= 0) a[s] = v[par[s]!]!;
    return a;
  });
  const saknas = kub.saknas.map((sak) => {
    const a = new Uint8Array(kub.antal).fill(UTAN_CELL);
    for (let s = 0; s < kub.antal; s++) if (par[s]! >= 0) a[s] = sak[par[s]!]!;
    return a;
  });
  return kubAv(kub.dimensioner, kub.ordbok, kub.dimensioner.map((_, i) => koder(kub, i)), kub.perioder, kolumner, saknas);
}

/** `taljare / namnare`, cell by cell (same series and periods). */
export function kvot(taljare: Kub, namnare: Kub): Kub {
  const N = taljare.antal;
  const saknas: Uint8Array[] = [];
  const kolumner = taljare.perioder.map((_, p) => {
    const t = varden(taljare, p);
    const n = varden(namnare, p);
    const st = taljare.saknas[p]!;
    const sn = namnare.saknas[p]!;
    const a = new Float64Array(N);
    const sak = new Uint8Array(N);
    for (let s = 0; s < N; s++) {
      if (st[s] === TAL && sn[s] === TAL && n[s] !== 0) a[s] = t[s]! / n[s]!;
      else { a[s] = Number.NaN; sak[s] = BERAKNAS_INTE; }
    }
    saknas.push(sak);
    return a;
  });
  return kubAv(taljare.dimensioner, taljare.ordbok, taljare.dimensioner.map((_, i) => koder(taljare, i)), taljare.perioder, kolumner, saknas);
}

export function andel(kub: Kub, dimension: string, total: string): Kub {
  return kvot(kub, syskon(kub, dimension, total));
}
