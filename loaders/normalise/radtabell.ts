/**
 * Tables the teams keep (participant records, reported outcome tables): a header whose
 * columns are recognised by their spellings, and rows of raw text. Unlike a reference file,
 * such a table is checked to the end: every cell that is wrong is reported in the same run
 * (capped per rule and column), and the rows that are right are kept, so that the checks
 * made later (förbund, dates after the export) also see them. Whether anything is published
 * is decided by the errors, never by which check came first.
 */
import type { z } from "zod";
import { decodeOrReport } from "../read/pxweb.ts";
import { readDelimited, type DelimitedText } from "../read/delimited.ts";
import { labelKey } from "./labels.ts";
import { hittaPersonnummer } from "../protect/lackor.ts";
import { showValue, type Allvar, type Findings } from "../validate/findings.ts";

/** A cell that was reported as wrong. */
export const FEL: unique symbol = Symbol("fel");

export interface Kolumn {
  /** Accepted header spellings (compared by label key: case, accents, spaces and dashes ignored). */
  readonly namn: readonly string[];
  /** Header patterns, tried on the label key when no spelling matches (`/^antal inskrivna \d{6}$/`). */
  readonly monster?: readonly RegExp[];
  /** The file cannot be read without the column. */
  readonly kravs?: boolean;
}

export interface Plats {
  /** 1-based column. */
  readonly kolumn: number;
  /** The header as written. */
  readonly namn: string;
}

export interface Rad<F extends string> {
  readonly rad: number;
  /** The cells of the recognised columns, trimmed; empty cells are absent. */
  readonly varden: Partial<Record<F, string>>;
  /** Every cell of the line, as written. */
  readonly celler: readonly string[];
}

export interface Radtabell<F extends string> {
  readonly fil: string;
  readonly rubrikrad: number;
  readonly kolumner: Partial<Record<F, Plats>>;
  /** Header columns no field took, in file order. */
  readonly ovriga: readonly Plats[];
  readonly rader: readonly Rad<F>[];
}

/** Which field a header (label key) is, by spelling first and pattern second. */
export function faltFor<F extends string>(kolumner: Readonly<Record<F, Kolumn>>, nyckel: string): F | undefined {
  const falt = Object.keys(kolumner) as F[];
  return falt.find((f) => kolumner[f].namn.some((n) => labelKey(n) === nyckel))
    ?? falt.find((f) => kolumner[f].monster?.some((m) => m.test(nyckel)));
}

/**
 * Reads the file and its header. Undefined (with the error recorded) when the file cannot be
 * read as a table, a required column is missing, or two columns hold the same field.
 */
export function lasRadtabell<F extends string>(
  kalla: Uint8Array | DelimitedText, fil: string, kolumner: Readonly<Record<F, Kolumn>>, findings: Findings,
): Radtabell<F> | undefined {
  // The file's bytes, or the file already decoded and parsed (the pipeline reads each file once).
  const text = kalla instanceof Uint8Array ? decodeOrReport(kalla, fil, findings) : undefined;
  if (kalla instanceof Uint8Array && !text) return undefined;
  const parsed = kalla instanceof Uint8Array ? readDelimited(text!.text, fil, findings) : kalla;
  if (!parsed) return undefined;
  const header = parsed.header.fields.map((h) => h.trim());
  const index: Partial<Record<F, number>> = {};
  const ovriga: Plats[] = [];
  let twice = false;
  header.forEach((namn, i) => {
    const falt = faltFor(kolumner, labelKey(namn));
    if (falt === undefined) {
      ovriga.push({ kolumn: i + 1, namn });
      return;
    }
    const first = index[falt];
    if (first === undefined) {
      index[falt] = i;
      return;
    }
    // Two columns for one field (e.g. "Startdatum" twice): which one is meant is a guess.
    twice = true;
    findings.fel({
      fil, rad: parsed.header.line, kolumn: i + 1, falt: namn, regel: "csv.dubbel_kolumn",
      meddelande: `kolumnen "${showValue(namn)}" är samma uppgift (${falt}) som kolumn ${first + 1}; förväntat en kolumn per uppgift`,
      message: `column ${i + 1} holds the same field (${falt}) as column ${first + 1}`,
    });
  });
  if (twice) return undefined;
  const missing = (Object.keys(kolumner) as F[]).filter((f) => kolumner[f].kravs && index[f] === undefined);
  if (missing.length > 0) {
    findings.fel({
      fil, rad: parsed.header.line, regel: "csv.kolumn_saknas",
      meddelande: `kolumn saknas: ${missing.map((m) => `"${m}" (t.ex. ${kolumner[m].namn.slice(0, 3).map((n) => `"${n}"`).join(", ")})`).join(", ")}; rubrikraden har ${header.map((h) => `"${showValue(h)}"`).join(", ")}`,
      message: `missing column(s): ${missing.join(", ")}`,
    });
    return undefined;
  }
  const platser: Partial<Record<F, Plats>> = {};
  for (const [f, i] of Object.entries(index) as [F, number][]) platser[f] = { kolumn: i + 1, namn: header[i]! };
  const rader: Rad<F>[] = parsed.rows.map((row) => {
    const varden: Partial<Record<F, string>> = {};
    for (const [f, i] of Object.entries(index) as [F, number][]) {
      const v = row.fields[i]!.trim();
      if (v !== "") varden[f] = v;
    }
    return { rad: row.line, varden, celler: row.fields };
  });
  return { fil, rubrikrad: parsed.header.line, kolumner: platser, ovriga, rader };
}

/**
 * A value as a message may show it: one line, cut when long, and anything that looks like a
 * personnummer masked (a personnummer typed into the wrong column is still one).
 */
export function visaVarde(varde: string): string {
  let s = varde;
  for (const hit of hittaPersonnummer(varde).reverse()) {
    const slut = s.slice(hit.index).search(/[^0-9+-]/);
    s = s.slice(0, hit.index) + hit.visas + (slut < 0 ? "" : s.slice(hit.index + slut));
  }
  return showValue(s);
}

export type Tolkning<T> = { readonly ok: true; readonly varde: T } | { readonly ok: false; readonly meddelande: string; readonly message: string };

const MAX_PER_REGEL = 25;

/**
 * Findings about the cells of one table: located at the line and the field's column, with the
 * value (masked where the field is sensitive), capped per rule and column. Remembers which
 * lines had an error, so that every line is either used or named in a finding.
 */
export class Radkontroll<F extends string> {
  private readonly antal = new Map<string, { regel: string; allvar: Allvar; falt: F | undefined; n: number; forstaDolda?: number }>();
  /** Lines with at least one error. */
  readonly felrader = new Set<number>();

  constructor(
    private readonly tabell: Radtabell<F>,
    private readonly findings: Findings,
    /** How a sensitive field's value is shown (personnummer: masked). */
    private readonly maskering: Partial<Record<F, (v: string) => string>> = {},
    private readonly max = MAX_PER_REGEL,
  ) {}

  get antalFel(): number {
    return this.felrader.size;
  }

  /** How the field's value is shown in a message. */
  visa(falt: F, varde: string): string {
    return this.maskering[falt]?.(varde) ?? visaVarde(varde);
  }

  fel(rad: number, falt: F | undefined, regel: string, meddelande: string, message: string, varde?: string): void {
    this.felrader.add(rad);
    this.add("fel", rad, falt, regel, meddelande, message, varde);
  }

  varning(rad: number, falt: F | undefined, regel: string, meddelande: string, message: string, varde?: string): void {
    this.add("varning", rad, falt, regel, meddelande, message, varde);
  }

  /**
   * The field's cell read with `schema` (zod) or a parser: undefined when the cell is empty,
   * `FEL` after reporting a value the schema refuses (rule `csv.varde` unless given).
   */
  tolka<T>(rad: Rad<F>, falt: F, tolk: z.ZodType<T> | ((s: string) => Tolkning<T>), regel = "csv.varde"): T | undefined | typeof FEL {
    const raw = rad.varden[falt];
    if (raw === undefined) return undefined;
    if (typeof tolk === "function") {
      const t = tolk(raw);
      if (t.ok) return t.varde;
      this.fel(rad.rad, falt, regel, t.meddelande, t.message, this.visa(falt, raw));
      return FEL;
    }
    const r = tolk.safeParse(raw);
    if (r.success) return r.data;
    const issue = r.error.issues[0]!;
    this.fel(rad.rad, falt, regel, issue.message, `invalid value in column ${falt}`, this.visa(falt, raw));
    return FEL;
  }

  /** One finding per capped rule and column: how many more there were. */
  sammanfatta(): void {
    for (const { regel, allvar, falt, n, forstaDolda } of this.antal.values()) {
      if (n <= this.max) continue;
      const plats = falt !== undefined ? this.tabell.kolumner[falt] : undefined;
      this.findings.add({
        fil: this.tabell.fil, rad: forstaDolda!, ...(plats ? { kolumn: plats.kolumn, falt: plats.namn } : {}), regel, allvar,
        meddelande: `ytterligare ${n - this.max} fynd av samma slag${plats ? " i kolumnen" : ""} visas inte (det första på den här raden)`,
        message: `${n - this.max} more findings of this kind are not shown`,
      });
    }
  }

  private add(allvar: Allvar, rad: number, falt: F | undefined, regel: string, meddelande: string, message: string, varde?: string): void {
    const key = `${regel}\u0000${falt ?? ""}`;
    const c = this.antal.get(key) ?? { regel, allvar, falt, n: 0 };
    c.n++;
    this.antal.set(key, c);
    if (c.n > this.max) {
      c.forstaDolda ??= rad;
      return;
    }
    const plats = falt !== undefined ? this.tabell.kolumner[falt] : undefined;
    this.findings.add({
      fil: this.tabell.fil, rad, ...(plats ? { kolumn: plats.kolumn, falt: plats.namn } : {}),
      ...(varde !== undefined ? { varde } : {}), regel, allvar, meddelande, message,
    });
  }
}
