/**
 * Derived totals: a total the file lacks (kön `alla`, status `totalt`) is the sum of its parts,
 * period by period, when every part has a cell that period; missing when a part is missing.
 * A total the file has is never rebuilt (docs/definitioner/regioner.md, "Totaler och andelar").
 *
 *   harledTotaler(kub, [{ dimension: "kon", total: "alla", delar: ["kvinnor", "man"] }])
 *
 * New total series are added after the cube's own series.
 */
import { KubBygge, Serieindex, TAL, UTAN_CELL, dimIndex, koder, kubAv, varden, type Kub } from "../kub.ts";

export interface Totalregel {
  readonly dimension: string;
  readonly total: string;
  readonly delar: readonly string[];
  /** Series with one of these values are not summed (e.g. SCB's rates). */
  readonly utom?: { readonly dimension: string; readonly varden: readonly string[] };
}

export function harledTotaler(kub: Kub, regler: readonly Totalregel[]): Kub {
  let k = kub;
  for (const r of regler) k = harledTotal(k, r);
  return k;
}

export function harledTotal(kub: Kub, regel: Totalregel): Kub {
  const d = kub.dimensioner.indexOf(regel.dimension);
  if (d < 0) return kub;
  const ordbok = kub.ordbok.map((o) => [...o]);
  const kodAv = (varde: string) => {
    let i = ordbok[d]!.indexOf(varde);
    if (i < 0) i = ordbok[d]!.push(varde) - 1;
    return i;
  };
  const delar = regel.delar.map((x) => ordbok[d]!.indexOf(x));
  if (delar.some((x) => x < 0)) return kub;
  const total = kodAv(regel.total);
  const med = kubAv(kub.dimensioner, ordbok, kub.dimensioner.map((_, i) => koder(kub, i)), kub.perioder, kub.perioder.map((_, p) => varden(kub, p)), kub.saknas);
  const index = new Serieindex(med);
  const dk = koder(kub, d);
  const utomDim = regel.utom ? dimIndex(kub, regel.utom.dimension) : -1;
  const utom = regel.utom ? new Set(regel.utom.varden.map((v) => kub.ordbok[utomDim]!.indexOf(v))) : new Set<number>();
  const utomKoder = utomDim >= 0 ? koder(kub, utomDim) : undefined;
  const P = kub.perioder.length;
  const kolumner = kub.perioder.map((_, p) => varden(kub, p));

  // New total series and, for existing total series, cells to fill.
  const nya = new KubBygge(kub.dimensioner, ordbok);
  const nyaPerioder = kub.perioder.map((p) => nya.period(p));
  const fyll: { s: number; p: number; v: number; sym: number }[] = [];
  const buf = new Int32Array(kub.dimensioner.length);
  const dimkoder = kub.dimensioner.map((_, i) => koder(kub, i));
  for (let s = 0; s < kub.antal; s++) {
    if (dk[s] !== delar[0] || (utomKoder && utom.has(utomKoder[s]!))) continue;
    const syskon = delar.map((x) => index.syskon(s, d, x));
    if (syskon.some((x) => x < 0)) continue;
    const t = index.syskon(s, d, total);
    for (let p = 0; p < P; p++) {
      if (t >= 0 && kub.saknas[p]![t] !== UTAN_CELL) continue;
      let v = 0;
      let sym = TAL;
      let alla = true;
      for (const x of syskon) {
        const sx = kub.saknas[p]![x]!;
        if (sx === UTAN_CELL) { alla = false; break; }
        if (sx !== TAL) { if (sym === TAL) sym = sx; continue; }
        v += kolumner[p]![x]!;
      }
      if (!alla) continue;
      if (sym !== TAL) v = Number.NaN;
      if (t >= 0) {
        fyll.push({ s: t, p, v, sym });
      } else {
        for (let i = 0; i < buf.length; i++) buf[i] = dimkoder[i]![s]!;
        buf[d] = total;
        const n = nya.serie(buf);
        nya.satt(n, nyaPerioder[p]!, v, sym);
      }
    }
  }
  if (fyll.length === 0 && nya.antal === 0) return kub;
  const tillagg = nya.antal;
  const N = kub.antal + tillagg;
  const extra = nya.antal > 0 ? byggUtanSortering(nya) : undefined;
  const dimUt = kub.dimensioner.map((_, i) => {
    const a = new Int32Array(N);
    a.set(dimkoder[i]!);
    if (extra) a.set(extra.dimkoder[i]!, kub.antal);
    return a;
  });
  const kolUt = kub.perioder.map((_, p) => {
    const a = new Float64Array(N);
    a.set(kolumner[p]!);
    if (extra) a.set(extra.kolumner[p]!, kub.antal);
    return a;
  });
  const sakUt = kub.perioder.map((_, p) => {
    const a = new Uint8Array(N);
    a.set(kub.saknas[p]!);
    if (extra) a.set(extra.saknas[p]!, kub.antal);
    return a;
  });
  for (const f of fyll) {
    kolUt[f.p]![f.s] = f.v;
    sakUt[f.p]![f.s] = f.sym;
  }
  return kubAv(kub.dimensioner, ordbok, dimUt, kub.perioder, kolUt, sakUt);
}

/** The builder's columns in the order its periods were added (here: the cube's order). */
function byggUtanSortering(b: KubBygge): { dimkoder: Int32Array[]; kolumner: Float64Array[]; saknas: Uint8Array[] } {
  const n = b.antal;
  return {
    dimkoder: b.dimensioner.map((_, d) => Int32Array.from({ length: n }, (_, s) => b.kodAv(s, d))),
    kolumner: b.perioder.map((_, p) => b.kolumn(p).slice(0, n)),
    saknas: b.perioder.map((_, p) => b.saknasKolumn(p).slice(0, n)),
  };
}
