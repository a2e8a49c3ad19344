/**
 * Dates as teams write them (often saved from Swedish Excel): `2024-03-15`,
 * `2024-03-15 00:00`, `20240315`, `15/3/2024`, `15.3.2024`. Dates are days (`YYYY-MM-DD`)
 * with no time zone: arithmetic is done on UTC midnights, so TZ never matters.
 */

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DMY = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;

export type Datum = string & { readonly __datum: unique symbol };

export function parseDatum(raw: string): Datum | undefined {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = ISO.exec(s)) || (match = COMPACT.exec(s))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = DMY.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate() || y < 1900 || y > 2100) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` as Datum;
}

/** Whole days from `a` to `b`. */
export function dagarMellan(a: Datum, b: Datum): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/** The month `YYYY-MM` of a date. */
export function manadAv(d: Datum): string {
  return d.slice(0, 7);
}

/** First and last day of a month `YYYY-MM`. */
export function forstaDag(manad: string): Datum {
  return `${manad}-01` as Datum;
}

export function sistaDag(manad: string): Datum {
  const [y, m] = manad.split("-").map(Number) as [number, number];
  return `${manad}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}` as Datum;
}

/** Today's date in the local time zone (the build's; tests fix TZ). */
export function idag(nu: Date = new Date()): Datum {
  return `${nu.getFullYear()}-${String(nu.getMonth() + 1).padStart(2, "0")}-${String(nu.getDate()).padStart(2, "0")}` as Datum;
}

/**
 * The last month (`YYYY-MM`, June or December) of the latest 12-month period that has ended
 * by `dag`: 2025-08-31 -> 2025-06, 2026-01-15 -> 2025-12, 2025-06-30 -> 2025-06.
 */
export function senastePeriodslut(dag: Datum): string {
  const ar = Number(dag.slice(0, 4));
  if (dag >= sistaDag(`${ar}-12`)) return `${ar}-12`;
  if (dag >= sistaDag(`${ar}-06`)) return `${ar}-06`;
  return `${ar - 1}-12`;
}
