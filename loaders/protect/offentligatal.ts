/**
 * Where a published file holds the numbers of a public aggregate table: the columns that the
 * output schema declares as numbers (`tal`, `heltal`) in the tables computed only from SCB's
 * public statistics (OFFENTLIGA_TABELLER). The publication gate does not read a bare run of 10
 * or 12 digits there as a personnummer (a försörjningsmått of 1 901 021 000 kr has a date and a
 * valid check digit); everything else stays checked (docs/webbplatsen.md, Publiceringsgrinden):
 *
 * - only an unquoted CSV field or a JSON number token that is a number literal, in a column
 *   that the table's schema declares as a number, counts; a text column, a quoted field, a
 *   JSON string and a personnummer with `-` or `+` are never numbers here;
 * - a CSV file counts only when its name (without Framework's hash) is the table's and its
 *   header is exactly the schema's columns in the schema's order; a JSON file only in a
 *   Sidtabell (`{tabell, kolumner: [{namn, varden}]}`) naming one of the tables, and only in
 *   `varden` of a column the schema declares as a number;
 * - participant-derived tables (insatser_*), the ekonomi tables, goals, data quality and the
 *   membership are not on the list: a personnummer-like number there stops the build.
 */
import { ARBETSMARKNADSSTATUS, INKOMSTKALLA_SCHEMA, INKOMSTNIVA, MALGRUPP } from "../publish/bas.ts";
import { BEFOLKNING, BEFOLKNING_ALDER, FORSORJNINGSKVOT } from "../publish/befolkning.ts";
import { FORSORJNINGSMATT } from "../publish/forsorjningsmatt.ts";
import { HELARSEKVIVALENTER, HELARSEKVIVALENTER_HALVAR } from "../publish/helarsekvivalenter.ts";
import type { Schema } from "../publish/schema.ts";
import { utdragetsTabell } from "../../src/data/utdrag.js";

/** The tables computed only from SCB's public statistics (helårsekvivalenter, BAS, population, försörjningsmått). */
export const OFFENTLIGA_TABELLER: readonly Schema[] = [
  HELARSEKVIVALENTER, HELARSEKVIVALENTER_HALVAR, ARBETSMARKNADSSTATUS, INKOMSTKALLA_SCHEMA, INKOMSTNIVA, MALGRUPP,
  BEFOLKNING, BEFOLKNING_ALDER, FORSORJNINGSKVOT, FORSORJNINGSMATT
];

/** Per table name, the names of the columns its schema declares as numbers. */
const TALKOLUMNER = new Map(OFFENTLIGA_TABELLER.map((s) => [s.namn, new Set(s.kolumner.filter((k) => k.typ !== "text").map((k) => k.namn))]));
const KOLUMNER = new Map(OFFENTLIGA_TABELLER.map((s) => [s.namn, s.kolumner.map((k) => k.namn)]));

/** A number literal as the CSV writer and JSON.stringify write one. */
const TAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;

/** A stretch of the text, [fran, till) in characters. */
export interface Stracka {
  readonly fran: number;
  readonly till: number;
}

/**
 * The stretches of `text` that are numbers of a public aggregate table, sorted. `namn` is the
 * file's name without Framework's content hash (`forsorjningsmatt.csv`). A file that is
 * neither such a CSV file nor JSON gives none.
 */
export function offentligaTal(namn: string, text: string): Stracka[] {
  const liten = namn.toLowerCase();
  if (liten.endsWith(".csv")) return csvTal(liten.slice(0, -4), text);
  if (liten.endsWith(".json")) return jsonTal(text);
  return [];
}

/** Whether [fran, till) lies inside one of the sorted stretches. */
export function inomStracka(strackor: readonly Stracka[], fran: number, till: number): boolean {
  let lag = 0;
  let hog = strackor.length - 1;
  while (lag <= hog) {
    const mitt = (lag + hog) >> 1;
    const s = strackor[mitt]!;
    if (s.till <= fran) lag = mitt + 1;
    else if (s.fran > fran) hog = mitt - 1;
    else return till <= s.till;
  }
  return false;
}

// ------------------------------------------------------------------ CSV

/**
 * The number fields of table `tabell`'s number columns, when the header is exactly the
 * schema's. Quoting as RFC 4180 (and d3-dsv): a quoted field is text, never a number here.
 */
function csvTal(fil: string, text: string): Stracka[] {
  // An extract the site publishes (src/data/utdrag.js) has its table's columns: malgrupp_senaste_manaden -> malgrupp.
  const tabell = utdragetsTabell(`${fil}.csv`)?.replace(/\.csv$/, "") ?? fil;
  const kolumner = KOLUMNER.get(tabell);
  const tal = TALKOLUMNER.get(tabell);
  if (!kolumner || !tal) return [];
  const ut: Stracka[] = [];
  let i = 0;
  let rad = 0;
  let kolumn = 0;
  let rubrik: string[] = [];
  let talIndex: boolean[] = [];
  while (i <= text.length) {
    // One field from i.
    const start = i;
    let citerad = false;
    if (text[i] === '"') {
      citerad = true;
      i++;
      for (;;) {
        if (i >= text.length) return []; // an unclosed quote: not a table we can read
        if (text[i] === '"') {
          if (text[i + 1] === '"') i += 2;
          else {
            i++;
            break;
          }
        } else i++;
      }
    }
    while (i < text.length && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") i++;
    const slut = i;
    if (rad === 0) rubrik.push(text.slice(start, slut));
    else if (!citerad && talIndex[kolumn] && TAL.test(text.slice(start, slut))) ut.push({ fran: start, till: slut });
    const tecken = text[i];
    if (tecken === ",") {
      kolumn++;
      i++;
      continue;
    }
    // End of a record (or of the text).
    if (rad === 0) {
      if (rubrik.length !== kolumner.length || rubrik.some((r, j) => r !== kolumner[j])) return [];
      talIndex = kolumner.map((k) => tal.has(k));
      rubrik = [];
    }
    if (i >= text.length) break;
    i += tecken === "\r" && text[i + 1] === "\n" ? 2 : 1;
    rad++;
    kolumn = 0;
  }
  return ut;
}

// ------------------------------------------------------------------ JSON

type Nod =
  | { typ: "objekt"; poster: Map<string, Nod> }
  | { typ: "lista"; element: Nod[] }
  | { typ: "text"; varde: string }
  | { typ: "tal"; fran: number; till: number }
  | { typ: "annat" };

class JsonFel extends Error {}

/**
 * A JSON parser that keeps where each number stands. Only the Sidtabeller of the public
 * tables matter; a text that is not JSON gives none.
 */
function jsonTal(text: string): Stracka[] {
  let rot: Nod;
  try {
    rot = new Jsonlasare(text).dokument();
  } catch (e) {
    if (e instanceof JsonFel) return [];
    throw e;
  }
  const ut: Stracka[] = [];
  const besok = (n: Nod): void => {
    if (n.typ === "lista") {
      for (const e of n.element) besok(e);
      return;
    }
    if (n.typ !== "objekt") return;
    const tabell = n.poster.get("tabell");
    const kolumner = n.poster.get("kolumner");
    const tal = tabell?.typ === "text" ? TALKOLUMNER.get(tabell.varde) : undefined;
    if (tal && kolumner?.typ === "lista") {
      for (const k of kolumner.element) {
        if (k.typ !== "objekt") continue;
        const namn = k.poster.get("namn");
        const varden = k.poster.get("varden");
        if (namn?.typ !== "text" || !tal.has(namn.varde) || varden?.typ !== "lista") continue;
        for (const v of varden.element) if (v.typ === "tal") ut.push({ fran: v.fran, till: v.till });
      }
    }
    for (const v of n.poster.values()) besok(v);
  };
  besok(rot);
  return ut.sort((a, b) => a.fran - b.fran);
}

class Jsonlasare {
  private i = 0;
  constructor(private readonly s: string) {}

  dokument(): Nod {
    const n = this.varde();
    this.blanka();
    if (this.i !== this.s.length) throw new JsonFel();
    return n;
  }

  private blanka(): void {
    const s = this.s;
    while (this.i < s.length && (s[this.i] === " " || s[this.i] === "\n" || s[this.i] === "\r" || s[this.i] === "\t")) this.i++;
  }

  private varde(): Nod {
    this.blanka();
    const c = this.s[this.i];
    if (c === "{") return this.objekt();
    if (c === "[") return this.lista();
    if (c === '"') return { typ: "text", varde: this.strang() };
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.tal();
    for (const ord of ["true", "false", "null"]) {
      if (this.s.startsWith(ord, this.i)) {
        this.i += ord.length;
        return { typ: "annat" };
      }
    }
    throw new JsonFel();
  }

  private objekt(): Nod {
    const poster = new Map<string, Nod>();
    this.i++;
    this.blanka();
    if (this.s[this.i] === "}") {
      this.i++;
      return { typ: "objekt", poster };
    }
    for (;;) {
      this.blanka();
      if (this.s[this.i] !== '"') throw new JsonFel();
      const nyckel = this.strang();
      this.blanka();
      if (this.s[this.i++] !== ":") throw new JsonFel();
      poster.set(nyckel, this.varde());
      this.blanka();
      const c = this.s[this.i++];
      if (c === "}") return { typ: "objekt", poster };
      if (c !== ",") throw new JsonFel();
    }
  }

  private lista(): Nod {
    const element: Nod[] = [];
    this.i++;
    this.blanka();
    if (this.s[this.i] === "]") {
      this.i++;
      return { typ: "lista", element };
    }
    for (;;) {
      element.push(this.varde());
      this.blanka();
      const c = this.s[this.i++];
      if (c === "]") return { typ: "lista", element };
      if (c !== ",") throw new JsonFel();
    }
  }

  private strang(): string {
    const start = this.i;
    this.i++;
    let enkel = true;
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) throw new JsonFel();
      if (c === '"') break;
      if (c === "\\") {
        enkel = false;
        this.i += 2;
      } else this.i++;
    }
    this.i++;
    const ratt = this.s.slice(start, this.i);
    if (enkel) return ratt.slice(1, -1);
    try {
      return JSON.parse(ratt) as string;
    } catch {
      throw new JsonFel();
    }
  }

  private tal(): Nod {
    const m = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
    m.lastIndex = this.i;
    const r = m.exec(this.s);
    if (!r) throw new JsonFel();
    const fran = this.i;
    this.i += r[0].length;
    return { typ: "tal", fran, till: this.i };
  }
}
