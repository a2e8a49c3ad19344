/**
 * The economy's rows as read from the files, before they are joined per förbund. Amounts are
 * whole öre in the Kommun-Bas sign convention (costs and assets positive, income, liabilities
 * and eget kapital negative).
 */
import type { Tabell } from "./tabell.ts";

/** Where a row came from, with the columns findings about it point at. */
export interface Kalla {
  readonly tabell: Tabell;
  readonly rad: number;
  /** 1-based columns of the row's fields (those present). */
  readonly kolumner: Readonly<Partial<Record<"forbund" | "id" | "konto" | "belopp" | "datum" | "medlem" | "ar", number>>>;
}

export interface Bokning {
  /** The förbund as written in the row (name or id), when the file has the column. */
  readonly forbundText: string | undefined;
  readonly id: string | undefined;
  readonly idNamn: string | undefined;
  readonly konto: string;
  readonly kontonamn: string | undefined;
  readonly ore: number;
  /** Booking date; for a row with only a month, the month's last day. */
  readonly datum: string;
  /** The month `YYYY-MM` the booking belongs to. */
  readonly manad: string;
  /** An opening balance (ingående balans) of year `ar`, not a booking in the year. */
  readonly ib: boolean;
  readonly ar: number;
  readonly kalla: Kalla;
}

export interface Budgetrad {
  readonly forbundText: string | undefined;
  /** ID, or "totalt" for a budget of the whole förbund without IDs. */
  readonly id: string;
  readonly idNamn: string | undefined;
  readonly konto: string | undefined;
  readonly kontonamn: string | undefined;
  readonly ar: number;
  readonly budgetOre: number | undefined;
  readonly prognosOre: number | undefined;
  readonly prognosdatum: string | undefined;
  /** The row is a subtotal of its ID (named "Totalt"): checked against the ID's rows, not added. */
  readonly delsumma: boolean;
  readonly kalla: Kalla;
}

export type Beloppsstatus = "beslutad" | "askad" | "prognos";

export interface Medelsrad {
  readonly forbundText: string | undefined;
  readonly ar: number;
  /** Member as written; "totalt" rows have `totalt` true. */
  readonly medlem: string;
  readonly totalt: boolean;
  readonly andel: number | undefined;
  readonly beloppOre: number | undefined;
  readonly status: Beloppsstatus;
  readonly kalla: Kalla;
}

export const RAPPORTTYPER = ["drift", "resultatrakning", "balansrakning", "langsiktig"] as const;
export type Rapporttyp = (typeof RAPPORTTYPER)[number];

export interface Rapportvarde {
  readonly forbundText: string | undefined;
  readonly rapport: string | undefined;
  readonly tabell: string;
  readonly typ: Rapporttyp;
  readonly tillDatum: string;
  readonly rad: string;
  readonly kolumn: string;
  /** The printed number (tkr unless `enhet` says otherwise; a percentage as written, 79 for "79 %"). */
  readonly varde: number;
  readonly procent: boolean;
  /** `*` (prognos) or `**` (äskat) after the number, as the verksamhetsplan marks them. */
  readonly markering: string;
  readonly enhet: "tkr" | "kr";
  readonly kalla: Kalla;
}
