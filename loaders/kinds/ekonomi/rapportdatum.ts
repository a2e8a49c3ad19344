/**
 * The date a förbund's economy is reported to: `finsam run --till ÅÅÅÅ-MM-DD`, else the settings'
 * `rapportdatum`, else the last day of the month before the ledger's latest booking (a ledger
 * exported on 12 September with bookings to that day reports to 31 August). Bookings after the
 * report date never count.
 */
import { sistaDag } from "../../normalise/datum.ts";

export type Rapportdatumkalla = "till" | "installning" | "huvudbok";

export function rapportdatum(
  till: string | undefined, installning: string | undefined, senasteBokning: string | undefined,
): { datum: string; kalla: Rapportdatumkalla } | undefined {
  if (till !== undefined) return { datum: till, kalla: "till" };
  if (installning !== undefined) return { datum: installning, kalla: "installning" };
  if (senasteBokning === undefined) return undefined;
  return { datum: manadenFore(senasteBokning), kalla: "huvudbok" };
}

/** The last day of the month before the date's month: 2025-09-12 -> 2025-08-31. */
export function manadenFore(datum: string): string {
  const y = Number(datum.slice(0, 4));
  const m = Number(datum.slice(5, 7));
  return m === 1 ? `${y - 1}-12-31` : sistaDag(`${y}-${String(m - 1).padStart(2, "0")}`);
}

/** The same day a year earlier; a month's last day gives that month's last day (2025-02-28 -> 2024-02-29). */
export function ettArTidigare(datum: string): string {
  const y = Number(datum.slice(0, 4)) - 1;
  const manad = datum.slice(5, 7);
  if (sistaDag(datum.slice(0, 7)) === datum) return sistaDag(`${y}-${manad}`);
  return `${y}-${datum.slice(5)}`;
}

/** Whether the date is the year's last day (the period is the whole year). */
export function helAr(datum: string): boolean {
  return datum.slice(5) === "12-31";
}
