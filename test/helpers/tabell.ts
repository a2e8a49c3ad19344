/** A tidy arquero table's rows as objects, a missing number (NaN) as null, as the CSV shows it empty. */
import type { ColumnTable } from "arquero";

export function objekt<T = Record<string, string | number | null>>(t: ColumnTable): T[] {
  return t.objects().map((o) => {
    const r: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o as Record<string, unknown>)) r[k] = typeof v === "number" && Number.isNaN(v) ? null : v;
    return r as T;
  });
}
