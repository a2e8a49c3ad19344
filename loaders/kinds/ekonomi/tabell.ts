/**
 * One table of an economy input, from a CSV file or from one sheet of an Excel workbook: a header
 * row and data rows of cells, each row with its line (or Excel row) number, so that every
 * finding names file, line and column (and sheet and cell in a workbook).
 */
import { decodeOrReport } from "../../read/pxweb.ts";
import { readDelimited } from "../../read/delimited.ts";
import { kolumnbokstav, type Blad } from "../../read/xlsx.ts";
import { labelKey } from "../../normalise/labels.ts";
import { showValue, type Finding, type Findings } from "../../validate/findings.ts";

/** Text from CSV; text, number or nothing from Excel (a date cell arrives as `YYYY-MM-DD`). */
export type Cell = string | number | null;

export interface Tabellrad {
  /** 1-based line in the CSV file or row in the sheet. */
  readonly rad: number;
  readonly celler: readonly Cell[];
}

export interface Tabell {
  readonly fil: string;
  /** The sheet's name for a workbook. */
  readonly blad?: string;
  readonly rubrikrad: number;
  /** Header names as written (trimmed). */
  readonly rubriker: readonly string[];
  readonly rader: readonly Tabellrad[];
}

/** The header's label keys (for recognising a kind by its columns). */
export function rubriknycklar(t: Pick<Tabell, "rubriker">): string[] {
  return t.rubriker.map((r) => labelKey(r));
}

/** The CSV file as a table; undefined (with findings) when it cannot be read as one. */
export function lasCsvTabell(bytes: Uint8Array, fil: string, findings: Findings): Tabell | undefined {
  const text = decodeOrReport(bytes, fil, findings);
  if (!text) return undefined;
  const parsed = readDelimited(text.text, fil, findings);
  if (!parsed) return undefined;
  return {
    fil,
    rubrikrad: parsed.header.line,
    rubriker: parsed.header.fields.map((f) => f.trim()),
    rader: parsed.rows.map((r) => ({ rad: r.line, celler: r.fields })),
  };
}

/** Header rows are looked for among the first rows of a sheet (title rows may come before). */
const RUBRIK_RADER = 12;

/**
 * The sheet as a table whose header row is the first of its first rows that `arRubrik` accepts;
 * undefined when none is.
 */
export function bladTabell(fil: string, blad: Blad, arRubrik: (nycklar: readonly string[]) => boolean): Tabell | undefined {
  const rader = blad.rader;
  for (let i = 0; i < Math.min(RUBRIK_RADER, rader.length); i++) {
    const r = rader[i]!;
    const rubriker = r.celler.map((c) => (c === null ? "" : String(c).trim()));
    if (!arRubrik(rubriker.map((h) => labelKey(h)))) continue;
    return { fil, blad: blad.namn, rubrikrad: r.rad, rubriker, rader: rader.slice(i + 1) };
  }
  return undefined;
}

/** The cell's text (a number as JavaScript writes it, nothing as ""). */
export function celltext(c: Cell | undefined): string {
  if (c === null || c === undefined) return "";
  return typeof c === "number" ? String(c) : c.trim();
}

/** Where a cell is, for a finding: line and column, and in a workbook the sheet and cell in the message. */
export interface Plats {
  readonly fil: string;
  readonly rad?: number;
  readonly kolumn?: number;
  readonly falt?: string;
  readonly varde?: string;
  /** `blad "Huvudbok", cell C12: ` for workbooks, else "". */
  readonly prefix: string;
  readonly prefixEn: string;
}

export function plats(t: Tabell, rad: number | undefined, kolumn?: number, varde?: Cell): Plats {
  const cell = t.blad !== undefined && kolumn !== undefined && rad !== undefined ? `, cell ${kolumnbokstav(kolumn)}${rad}` : "";
  return {
    fil: t.fil,
    ...(rad !== undefined ? { rad } : {}),
    ...(kolumn !== undefined ? { kolumn, falt: t.rubriker[kolumn - 1] ?? "" } : {}),
    ...(varde !== undefined && varde !== null ? { varde: showValue(celltext(varde)) } : {}),
    prefix: t.blad !== undefined ? `blad "${t.blad}"${cell}: ` : "",
    prefixEn: t.blad !== undefined ? `sheet "${t.blad}"${cell}: ` : "",
  };
}

/** A finding at `p` (Swedish and English text after the workbook prefix). */
export function fyndVid(p: Plats, regel: string, sv: string, en: string): Omit<Finding, "allvar"> {
  const { prefix, prefixEn, ...plats } = p;
  return { ...plats, regel, meddelande: `${prefix}${sv}`, message: `${prefixEn}${en}` };
}
