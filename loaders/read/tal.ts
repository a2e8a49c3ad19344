/**
 * Number cells of SCB files, strictly: a cell is a number, one of SCB's documented symbols for
 * a missing value, or an error. Nothing else is read, and nothing is read as 0.
 *
 * - SCB's download: bare numbers, `.` as decimal sign, no thousands separator (`1234`, `10.5`).
 * - Swedish Excel, when a user opens and resaves the file: decimal comma (`10,5`) and thousands
 *   separated by a space, a no-break space or a narrow no-break space (`1 234`, `1 234,5`).
 *   A file is read with the decimal sign it uses; a file that uses both `10.5` and `10,5` is
 *   not consistent and its minority is an error (`Talformat`).
 * - Missing: `..` (most common), `.` up to `.......`, `-` (nothing to report; also `–`), and an
 *   empty cell. A symbol is kept per cell (`SYMBOLER`), never turned into 0 or NaN-with-no-why.
 */

import type { Row } from "./delimited.ts";

/** Missing-value symbols, by code (the code is what the cube keeps per cell; 0 and 1 are not symbols). */
export const SYMBOLER = ["", "", "..", ".", "...", "....", ".....", "......", ".......", "-", "–", "(tom)", "(beräknas inte)"] as const;
/** Code of a cell that holds a number. */
export const TAL = 0;
/** Code of a cell the file does not have (no row or no column for it). */
export const UTAN_CELL = 1;
/** Code of an empty cell. */
export const TOM = 11;
/** Code of a computed value that lacks a part (a sum, a mean): missing, never a smaller number. */
export const BERAKNAS_INTE = 12;

export type Ogiltig = "inte_tal" | "blandat_decimaltecken" | "tusental";

/** The ways a number is written, counted per file to decide whether the file is consistent. */
export const Skrivsatt = { Heltal: 0, Decimalpunkt: 1, Decimalkomma: 2, Tusental: 3 } as const;
export type Skrivsatt = (typeof Skrivsatt)[keyof typeof Skrivsatt];

/**
 * Reads one cell at a time; the outcome is left in the fields (no object per cell: a national
 * file has a million of them). `las` returns true for a number (`varde`), false otherwise
 * (`symbol` > 1 for a missing value, `symbol` 0 and `ogiltig` set for anything else).
 */
export class Tallasare {
  varde = 0;
  /** `TAL`, or the code in `SYMBOLER` of a missing value. */
  symbol = 0;
  ogiltig: Ogiltig | undefined = undefined;
  skrivsatt: Skrivsatt = Skrivsatt.Heltal;

  las(raw: string): boolean {
    return this.lasText(raw, 0, raw.length);
  }

  /**
   * Reads the cell `text.slice(fran, till)` without cutting it out when it is a plain number: a
   * file read straight from its text (`read/delimited.ts`) makes no string per number cell.
   */
  lasText(text: string, fran: number, till: number): boolean {
    this.ogiltig = undefined;
    this.symbol = TAL;
    const n = till - fran;
    // Fast path, SCB's own form: optional minus, digits, at most one `.`. With at most 15 digits
    // the digits are an exact integer and the value is it divided by a power of ten (exact up to
    // 10^22), one correctly rounded division: the same number as `+raw`, without parsing twice.
    if (n > 0 && n < 22) {
      const minus = text.charCodeAt(fran) === 45;
      let i = minus ? fran + 1 : fran;
      let siffror = 0;
      let punkt = false;
      let heltal = 0;
      let decimaler = 0;
      for (; i < till; i++) {
        const c = text.charCodeAt(i);
        if (c >= 48 && c <= 57) {
          siffror++;
          heltal = heltal * 10 + (c - 48);
          if (punkt) decimaler++;
        } else if (c === 46 && !punkt) punkt = true;
        else break;
      }
      if (i === till && siffror > 0) {
        // (A whole number needs no division: x / 1 is x, -0 included.)
        const v = minus ? -heltal : heltal;
        this.varde = siffror > 15 ? +text.slice(fran, till) : decimaler === 0 ? v : v / TIOPOTENS[decimaler]!;
        this.skrivsatt = punkt ? Skrivsatt.Decimalpunkt : Skrivsatt.Heltal;
        return true;
      }
    }
    return this.slow(text.slice(fran, till));
  }

  private slow(raw: string): boolean {
    let s = raw.trim();
    if (s === "") { this.symbol = TOM; return false; }
    const symbol = SYMBOLER.indexOf(s as (typeof SYMBOLER)[number]);
    if (symbol >= 2 && symbol < TOM) { this.symbol = symbol; return false; }
    if (s.charCodeAt(0) === 0x2212) s = `-${s.slice(1)}`; // Excel's minus sign
    if (NUMBER.test(s)) {
      this.varde = Number(s);
      this.skrivsatt = s.includes(".") ? Skrivsatt.Decimalpunkt : Skrivsatt.Heltal;
      return true;
    }
    if (KOMMA.test(s)) {
      this.varde = Number(s.replace(",", "."));
      this.skrivsatt = Skrivsatt.Decimalkomma;
      return true;
    }
    const t = TUSENTAL.exec(s);
    if (t) {
      const decimaler = t[2];
      this.varde = Number(`${t[1]!.replace(/[ \u00a0\u202f]/g, "")}${decimaler === undefined ? "" : `.${decimaler.slice(1)}`}`);
      this.skrivsatt = decimaler?.startsWith(",") ? Skrivsatt.Decimalkomma : decimaler?.startsWith(".") ? Skrivsatt.Decimalpunkt : Skrivsatt.Tusental;
      return true;
    }
    this.ogiltig = /^-?[\d\s\u00a0\u202f]+[.,]?\d*$/.test(s) ? "tusental" : "inte_tal";
    return false;
  }
}

/** 10^k for k = 0..21, each exact. */
const TIOPOTENS = Array.from({ length: 22 }, (_, k) => Number(`1e${k}`));

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const KOMMA = /^-?\d+,\d+$/;
const TUSENTAL = /^(-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+)([.,]\d+)?$/;

/** The symbol of a missing cell as it is shown in messages (`..`, `-`, `(tom)`). */
export function symbolText(symbol: number): string {
  return SYMBOLER[symbol] ?? "";
}

/**
 * The decimal sign a file uses, decided when the whole file has been read: the first cell
 * written with each sign is remembered; a file with both is inconsistent, and the cells with
 * the less common sign are the error (the first one is named).
 */
export class Talformat {
  punkt = 0;
  komma = 0;
  tusental = 0;
  forstaPunkt: { rad: number; kolumn: number; varde: string } | undefined;
  forstaKomma: { rad: number; kolumn: number; varde: string } | undefined;
  forstaTusental: { rad: number; kolumn: number; varde: string } | undefined;

  /**
   * Counts a number cell of `row` (field `falt`, 0-based) written `skrivsatt`; the first cell of
   * each way is kept with its line, column and text (cut out only then). No function is made per
   * cell: a closure over the cell in the reader's loop would cost memory for every cell.
   */
  notera(skrivsatt: Skrivsatt, row: Pick<Row, "line" | "falt">, falt: number): void {
    if (skrivsatt === Skrivsatt.Heltal) return;
    if (skrivsatt === Skrivsatt.Decimalpunkt) {
      if (this.punkt++ === 0) this.forstaPunkt = forsta(row, falt);
    } else if (skrivsatt === Skrivsatt.Decimalkomma) {
      if (this.komma++ === 0) this.forstaKomma = forsta(row, falt);
    } else if (this.tusental++ === 0) {
      this.forstaTusental = forsta(row, falt);
    }
  }

  /** The first cell whose decimal sign the rest of the file contradicts, if any. */
  blandat(): { rad: number; kolumn: number; varde: string; antal: number; tecken: "," | "." } | undefined {
    if (this.punkt === 0 || this.komma === 0) return undefined;
    return this.komma <= this.punkt
      ? { ...this.forstaKomma!, antal: this.komma, tecken: "," }
      : { ...this.forstaPunkt!, antal: this.punkt, tecken: "." };
  }

  /** Excel's way of writing numbers was read: an info line says so. */
  excel(): boolean {
    return this.komma > 0 || this.tusental > 0;
  }
}

/** Where a cell is and what it says, for `Talformat`'s first cell of a kind. */
function forsta(row: Pick<Row, "line" | "falt">, falt: number): { rad: number; kolumn: number; varde: string } {
  return { rad: row.line, kolumn: falt + 1, varde: row.falt(falt) };
}

export const OGILTIG_TEXT: Record<Ogiltig, { sv: string; en: string }> = {
  inte_tal: {
    sv: "förväntat ett tal (t.ex. 1234 eller 10.5) eller SCB:s tecken för saknat värde (.. eller -)",
    en: "expected a number or SCB's missing-value symbol (.. or -)",
  },
  tusental: {
    sv: "talet har tusentalsavgränsare som inte är grupper om tre siffror; förväntat t.ex. 1234 eller 1 234",
    en: "thousands separators not in groups of three digits",
  },
  blandat_decimaltecken: {
    sv: "filen blandar decimalkomma och decimalpunkt; förväntat samma decimaltecken i hela filen (SCB skriver punkt, svenska Excel komma)",
    en: "the file mixes decimal comma and decimal point",
  },
};
