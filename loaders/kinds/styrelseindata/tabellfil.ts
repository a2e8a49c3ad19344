/**
 * A table as a förbund keeps its own records (the activity log, the goal table): a CSV saved
 * from Swedish Excel (semicolon or comma, Windows-1252 or UTF-8, title lines above the header)
 * or a sheet of an xlsx workbook (the header found by content among the first rows, cells as
 * Excel stores them: text, numbers, dates).
 *
 * Columns are found by label key among the accepted names of each field. Every cell is
 * located: a CSV by line and column, a sheet also by its name and the cell reference (B5).
 */
import type { DelimitedText } from "../../read/delimited.ts";
import { kolumnbokstav, lasArbetsbok } from "../../read/xlsx.ts";
import { labelKey } from "../../normalise/labels.ts";
import { Begransning, showValue, type Findings } from "../../validate/findings.ts";

export type Cellvarde = string | number | null;

export interface Tabellrad {
  /** 1-based line (CSV) or Excel row number. */
  readonly rad: number;
  readonly celler: readonly Cellvarde[];
}

export interface Tabell {
  readonly fil: string;
  /** The sheet's name, for a table read from a workbook. */
  readonly blad?: string;
  /** Text above the header (a CSV's title lines, a sheet's title rows). */
  readonly titlar: readonly string[];
  readonly rubrik: Tabellrad;
  readonly rader: readonly Tabellrad[];
}

/** A cell as text: trimmed; a number as JavaScript writes it; empty for an empty cell. */
export function cellText(v: Cellvarde | undefined): string {
  if (v === null || v === undefined) return "";
  return typeof v === "number" ? String(v) : v.trim();
}

// ---------------------------------------------------------------------------------------------
// Columns

export interface Faltspec<F extends string> {
  readonly falt: F;
  /** Accepted header names, compared by label key; the first is the documented one. */
  readonly namn: readonly string[];
  /** Longer headers accepted when they start with one of these (and a space), e.g. "Måluppfyllelse och kommentarer". */
  readonly borjar?: readonly string[];
  /** Names that count only when no column has one of `namn` (a bare "Namn" beside "Aktivitet"). */
  readonly svaga?: readonly string[];
}

export interface Kolumner<F extends string> {
  /** 0-based column index of each field found. */
  readonly index: Partial<Record<F, number>>;
  /** Two columns for one field: which one is meant is a guess. */
  readonly dubbletter: readonly { readonly falt: F; readonly forsta: number; readonly andra: number }[];
  /** 0-based indexes of non-empty header cells that are no field. */
  readonly okanda: readonly number[];
}

function traffar(key: string, spec: Faltspec<string>, svag: boolean): boolean {
  const namn = svag ? spec.svaga ?? [] : spec.namn;
  if (namn.some((n) => labelKey(n) === key)) return true;
  return !svag && (spec.borjar ?? []).some((b) => key.startsWith(`${labelKey(b)} `));
}

/** Which column holds which field. */
export function hittaKolumner<F extends string>(rubrik: readonly Cellvarde[], specs: readonly Faltspec<F>[]): Kolumner<F> {
  const keys = rubrik.map((c) => labelKey(cellText(c)));
  const index: Partial<Record<F, number>> = {};
  const dubbletter: { falt: F; forsta: number; andra: number }[] = [];
  const anvanda = new Set<number>();
  for (const svag of [false, true]) {
    for (const spec of specs) {
      if (svag && index[spec.falt] !== undefined) continue;
      for (const [i, key] of keys.entries()) {
        if (key === "" || anvanda.has(i) || !traffar(key, spec, svag)) continue;
        anvanda.add(i);
        const forsta = index[spec.falt];
        if (forsta === undefined) index[spec.falt] = i;
        else dubbletter.push({ falt: spec.falt, forsta, andra: i });
      }
    }
  }
  const okanda = keys.flatMap((k, i) => (k !== "" && !anvanda.has(i) ? [i] : []));
  return { index, dubbletter, okanda };
}

/** Does a header row (as label keys) have a column for `spec`? */
export function harKolumn(keys: readonly string[], spec: Faltspec<string>): boolean {
  return keys.some((k) => k !== "" && (traffar(k, spec, false) || traffar(k, spec, true)));
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A parsed CSV file (header, rows with their line numbers, title lines) as one table. */
export function tabellFranText(parsed: DelimitedText, fil: string): Tabell {
  return {
    fil,
    titlar: parsed.titleLines,
    rubrik: { rad: parsed.header.line, celler: parsed.header.fields },
    rader: parsed.rows.map((r) => ({ rad: r.line, celler: r.fields })).filter((r) => r.celler.some((c) => cellText(c) !== "")),
  };
}

/** How many rows of a sheet are searched for the header (title rows may come first). */
const RUBRIK_INOM = 10;

export type Arbetsboksresultat =
  | { readonly slag: "tabeller"; readonly tabeller: readonly Tabell[]; readonly ovrigaBlad: readonly string[] }
  | { readonly slag: "okand" }
  | { readonly slag: "fel" };

/**
 * The sheets of an xlsx workbook whose header (found among the first rows) `arRubrik` accepts.
 * "okand" when no sheet has such a header (the workbook is some other kind); "fel" (with a
 * finding) when the workbook cannot be read.
 */
export async function lasArbetsboksTabeller(
  bytes: Uint8Array, fil: string, findings: Findings, arRubrik: (keys: readonly string[]) => boolean,
): Promise<Arbetsboksresultat> {
  const bok = await lasArbetsbok(bytes);
  if (!bok.ok) {
    if (bok.orsak === "inte_xlsx") return { slag: "okand" };
    findings.fel({
      fil, rad: 1, kolumn: 1, regel: bok.orsak === "krypterad" ? "xlsx.krypterad" : "xlsx.skadad",
      meddelande: bok.orsak === "krypterad"
        ? "Excel-filen är krypterad (lösenordsskyddad) och kan inte läsas; spara en kopia utan lösenord"
        : `Excel-filen kan inte läsas: ${showValue(bok.detalj)}; filen är skadad eller avkortad — spara den igen`,
      message: bok.orsak === "krypterad" ? "the Excel file is encrypted (password protected)" : `the Excel file cannot be read: ${bok.detalj}`,
    });
    return { slag: "fel" };
  }
  const tabeller: Tabell[] = [];
  const ovrigaBlad: string[] = [];
  for (const blad of bok.blad) {
    const i = blad.rader.slice(0, RUBRIK_INOM).findIndex((r) => arRubrik(r.celler.map((c) => labelKey(cellText(c)))));
    if (i < 0) {
      if (blad.rader.length > 0) ovrigaBlad.push(blad.namn);
      continue;
    }
    tabeller.push({
      fil, blad: blad.namn,
      titlar: blad.rader.slice(0, i).map((r) => r.celler.map(cellText).filter((t) => t !== "").join(" ")),
      rubrik: blad.rader[i]!,
      rader: blad.rader.slice(i + 1),
    });
  }
  return tabeller.length > 0 ? { slag: "tabeller", tabeller, ovrigaBlad } : { slag: "okand" };
}

// ---------------------------------------------------------------------------------------------
// Findings at a cell

/** `blad "2024", cell C5: ` for a sheet; nothing for a CSV. */
export function bladprefix(t: Tabell, rad: number, kolumn: number | undefined): { sv: string; en: string } {
  if (t.blad === undefined) return { sv: "", en: "" };
  const cell = kolumn !== undefined ? `, cell ${kolumnbokstav(kolumn + 1)}${rad}` : "";
  return { sv: `blad "${t.blad}"${cell}: `, en: `sheet "${t.blad}"${cell}: ` };
}

/** Findings located in one table, at most 25 of a rule (then one line saying how many more). */
export class Tabellfynd {
  private readonly begransning = new Begransning();
  private readonly allvar = new Map<string, "fel" | "varning" | "info">();
  private antalFel = 0;

  constructor(readonly tabell: Tabell, private readonly findings: Findings) {}

  get harFel(): boolean {
    return this.antalFel > 0;
  }

  /** A finding at row `rad` and (0-based) column `kolumn`; `varde` is shown as given (mask it first when needed). */
  lagg(
    allvar: "fel" | "varning" | "info", regel: string, rad: number, kolumn: number | undefined,
    sv: string, en: string, varde?: string,
  ): void {
    if (allvar === "fel") this.antalFel++;
    this.allvar.set(regel, allvar);
    if (!this.begransning.rapportera(regel)) return;
    const t = this.tabell;
    const p = bladprefix(t, rad, kolumn);
    const falt = kolumn !== undefined ? cellText(t.rubrik.celler[kolumn]) : "";
    this.findings.add({
      fil: t.fil, rad, ...(kolumn !== undefined ? { kolumn: kolumn + 1 } : {}), ...(falt !== "" ? { falt } : {}),
      ...(varde !== undefined ? { varde: showValue(varde) } : {}),
      regel, allvar, meddelande: `${p.sv}${sv}`, message: `${p.en}${en}`,
    });
  }

  fel(regel: string, rad: number, kolumn: number | undefined, sv: string, en: string, varde?: string): void {
    this.lagg("fel", regel, rad, kolumn, sv, en, varde);
  }

  /** Adds one line per rule that had more findings than were shown. */
  avsluta(): void {
    this.begransning.sammanfatta(this.findings, this.tabell.fil, (regel) => this.allvar.get(regel) ?? "fel");
  }
}
