/**
 * The half-year table of Finsam Falun-Borlänge's annual report: the mean per month of a
 * half-year, the same half-year the year before, and the difference (from unrounded means;
 * rounding happens only when the table is shown).
 */
import type { HeRad } from "./helarsekvivalenter.ts";
import type { Ersattning, Kon } from "../normalise/helarsekvivalenter.ts";

export interface HalvarRad {
  readonly niva: HeRad["niva"];
  readonly kod: string;
  readonly namn: string;
  readonly halvar: string;
  readonly kon: Kon;
  readonly ersattning: Ersattning;
  readonly varde: number;
  readonly varde_foregaende_ar: number | null;
  readonly differens: number | null;
}

const HALVAR = /^(\d{4})-(H[12])$/;

export function halvarstabell(rader: readonly HeRad[]): HalvarRad[] {
  const byKey = new Map<string, HeRad>();
  const key = (r: Pick<HeRad, "niva" | "kod" | "kon" | "ersattning">, period: string) => `${r.niva}|${r.kod}|${r.kon}|${r.ersattning}|${period}`;
  for (const r of rader) if (HALVAR.test(r.period)) byKey.set(key(r, r.period), r);
  const out: HalvarRad[] = [];
  for (const r of rader) {
    const m = HALVAR.exec(r.period);
    if (!m || r.varde === null) continue;
    const fg = byKey.get(key(r, `${Number(m[1]) - 1}-${m[2]}`))?.varde ?? null;
    out.push({
      niva: r.niva, kod: r.kod, namn: r.namn, halvar: r.period, kon: r.kon, ersattning: r.ersattning,
      varde: r.varde, varde_foregaende_ar: fg, differens: fg === null ? null : r.varde - fg,
    });
  }
  return out; // `rader` is sorted by niva, kod, period, kon, ersattning: so is this
}
