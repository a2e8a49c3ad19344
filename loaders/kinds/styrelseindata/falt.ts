/**
 * Cell values shared by the activity log and the goal table: counts, dates, the förbund column
 * and the check that a text that is published holds no personnummer.
 */
import { parseDatum, type Datum } from "../../normalise/datum.ts";
import { cellText, type Cellvarde } from "./tabellfil.ts";
import { personnummerI } from "./personuppgifter.ts";

export type Tolkat<T> = { readonly ok: true; readonly varde: T } | { readonly ok: false; readonly sv: string; readonly en: string };

/** A whole number 0 or greater, as a count: `12`, `1 200`, a number cell. Never a guess from text. */
export function tolkaAntal(v: Cellvarde, namn: string, visas: string = cellText(v)): Tolkat<number> {
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 0) return { ok: true, varde: v };
  } else {
    const s = cellText(v).replace(/[\s\u00a0\u202f]/g, "");
    if (/^\d+$/.test(s)) return { ok: true, varde: Number(s) };
  }
  return {
    ok: false,
    sv: `${namn} "${visas}" är inget antal; förväntat ett heltal 0 eller större (t.ex. 12), utan text eller tecken som "ca"`,
    en: `${namn}: expected a count (a whole number 0 or greater, e.g. 12)`,
  };
}

/** A date: `2024-03-15`, `20240315`, `15/3/2024`, `15.3.2024` or an Excel date cell. */
export function tolkaDatumcell(v: Cellvarde, namn: string, visas: string = cellText(v)): Tolkat<Datum> {
  const d = parseDatum(cellText(v));
  if (d) return { ok: true, varde: d };
  return {
    ok: false,
    sv: `${namn} "${visas}" är inget giltigt datum; förväntat ÅÅÅÅ-MM-DD (t.ex. 2024-03-15), 15/3/2024 eller ett datum i Excel`,
    en: `${namn}: not a date; expected YYYY-MM-DD (e.g. 2024-03-15)`,
  };
}

/** Today's date in Sweden (a date after it in a log of what was done is an error). */
export function idagISverige(nu: Date = new Date()): Datum {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(nu) as Datum;
}

/** A published text must not hold a personnummer: the masked number when it does. */
export function publiceradText(text: string): Tolkat<string> {
  const pnr = personnummerI(text);
  if (pnr === undefined) return { ok: true, varde: text };
  return {
    ok: false,
    sv: `texten innehåller något som ser ut som ett personnummer (${pnr}); kolumnen publiceras och får inte innehålla personnummer`,
    en: "the text contains what looks like a personnummer; the column is published",
  };
}
