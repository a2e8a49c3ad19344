/**
 * Cells shared by the economy inputs: an ID or konto written together with its name
 * (`35000 Samverkansteam Avesta`), periods (`2025-03`, `202503`, `2025-00` for the opening
 * balance), years and percentages.
 */
import { parseDatum } from "../../normalise/datum.ts";
import { labelKey } from "../../normalise/labels.ts";
import { celltext, type Cell, type Tabell, type Tabellrad } from "./tabell.ts";
import { normaliseraId } from "./installningar.ts";

/** `"35000 Samverkansteam Avesta"` -> code and name; `"35 000"` -> code only. */
export function kodOchNamn(v: Cell): { kod: string; namn?: string } {
  if (typeof v === "number") return { kod: String(v) };
  const s = celltext(v);
  const m = /^(\d[\d \u00a0]*\d|\d)\s+[-–:]?\s*(\D.*)$/.exec(s);
  if (m && !/^\d{1,3}(?:[ \u00a0]\d{3})+$/.test(s)) return { kod: normaliseraId(m[1]!), namn: m[2]!.trim() };
  return { kod: normaliseraId(s) };
}

/** A month `YYYY-MM`, or the opening balance of a year. */
export type Period = { readonly ib: false; readonly manad: string } | { readonly ib: true; readonly ar: number };

const MANAD = /^(\d{4})[-/ ]?(0[1-9]|1[0-2]|[1-9])$/;
const IB = /^(?:(\d{4})[-/ ]?(?:00|0|ib)|ib[- ]?(\d{4}))$/;

/** `2025-03`, `202503`, `2025-3`; `2025-00`, `202500`, `IB 2025` (opening balance). */
export function tolkaPeriod(v: Cell, ar?: number): Period | undefined {
  const s = labelKey(celltext(v)).replace(/\s+/g, " ");
  if (ar !== undefined && /^\d{1,2}$/.test(s)) {
    const m = Number(s);
    if (m === 0) return { ib: true, ar };
    if (m >= 1 && m <= 12) return { ib: false, manad: `${ar}-${String(m).padStart(2, "0")}` };
    return undefined;
  }
  const ib = IB.exec(s);
  if (ib) return { ib: true, ar: Number(ib[1] ?? ib[2]) };
  const m = MANAD.exec(s);
  if (m) return { ib: false, manad: `${m[1]}-${m[2]!.padStart(2, "0")}` };
  return undefined;
}

/** A date cell (`2025-03-15`, `20250315`, `15/3/2025` or an Excel date). */
export function tolkaDatum(v: Cell): string | undefined {
  return parseDatum(celltext(v));
}

export function tolkaAr(v: Cell): number | undefined {
  const s = celltext(v);
  return /^\d{4}$/.test(s) && Number(s) >= 1990 && Number(s) <= 2100 ? Number(s) : undefined;
}

/** `"50 %"`, `"50"`, `"12,5 %"` or the number 50 -> 0.5 (a percentage, never a fraction: `0,5` is 0,5 %). */
export function tolkaProcent(v: Cell): number | undefined {
  if (typeof v === "number") return v / 100;
  const s = celltext(v).replace(/\s*%$/, "").replace(",", ".").replace(/[\u00a0 ]/g, "");
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) / 100 : undefined;
}

/** A sum row at the end of an export (`Summa`, `Totalt`): named in a finding, never read as a booking. */
export function arSummarad(r: Tabellrad): boolean {
  return r.celler.some((c) => typeof c === "string" && /^(summa|totalt?|total summa|slutsumma)\b/.test(labelKey(c)));
}

/** Columns of the header that no field uses (named in an info finding: nothing silently dropped). */
export function oanvandaKolumner(t: Tabell, anvanda: Iterable<number | undefined>): string[] {
  const tagna = new Set([...anvanda].filter((i): i is number => i !== undefined));
  return t.rubriker.flatMap((r, i) => (!tagna.has(i) && r !== "" ? [r] : []));
}
