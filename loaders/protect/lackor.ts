/**
 * Leak scanners for published text: personnummer and samordningsnummer (pattern, date and
 * Luhn, privacy.md), participant ids from the inputs, and fixed strings (the planted test
 * person). Each returns where it found something; a personnummer is only ever returned
 * masked (`19121212-****`), never in clear. The publication gate (scripts/publiceringsgrind.ts)
 * runs these over every file that would be published.
 */
import { parsePersonnummer } from "../validate/personnummer.ts";

export interface Lacka {
  /** 0-based index in the text. */
  readonly index: number;
  /** 1-based line and column (characters) of the index. */
  readonly rad: number;
  readonly kolumn: number;
  readonly typ: "personnummer" | "samordningsnummer" | "deltagar_id" | "testperson";
  /** What was found, safe to show: a masked number, or a masked id. */
  readonly visas: string;
}

/**
 * 10 or 12 digits (century 18, 19 or 20), an optional `-` or `+` before the last four, not
 * inside a longer run of digits and not part of a decimal number: never preceded by a digit
 * or a point, never followed by a digit or by a point and a digit (so a share such as
 * 0.121212121212 in a CSV is not a personnummer).
 */
const KANDIDAT = /(?<![0-9.])(?:18|19|20)?[0-9]{6}[-+]?[0-9]{4}(?![0-9]|\.[0-9])/g;

/**
 * Personnummer and samordningsnummer with a valid date and check digit. `arTal(fran, till)`
 * says whether the characters [fran, till) lie inside a number of a public aggregate table
 * (offentligatal.ts): there a bare run of digits (no `-` or `+`) is an amount, not a
 * personnummer. It is asked only about such runs that pass the date and check digit.
 */
export function hittaPersonnummer(text: string, arTal?: (fran: number, till: number) => boolean): Lacka[] {
  const ut: Lacka[] = [];
  const plats = platser(text);
  for (const m of text.matchAll(KANDIDAT)) {
    // A 12-digit candidate whose date or check digit fails has no valid 10-digit part: those
    // ten digits follow a digit, so they are no candidate of their own.
    const p = parsePersonnummer(m[0]);
    if (!p.ok) continue;
    if (arTal && /^[0-9]+$/.test(m[0]) && arTal(m.index, m.index + m[0].length)) continue;
    ut.push({ index: m.index, ...plats(m.index), typ: p.samordningsnummer ? "samordningsnummer" : "personnummer", visas: maskera(m[0]) });
  }
  return ut;
}

/** `191212121212`, `19121212-1212` -> `19121212-****`; `1212121212` -> `121212-****`: only the date. */
function maskera(nummer: string): string {
  const siffror = nummer.replace(/[-+]/, "");
  return `${siffror.slice(0, siffror.length - 4)}-****`;
}

/** Characters that make a word: an id must stand alone, not inside a longer word or number. */
const ORDTECKEN = /[\p{L}\p{N}_]/u;

/**
 * Every occurrence of an id (compared without regard to case) that stands alone: not directly
 * preceded or followed by a letter, digit or `_` (so the id `AV-001` is not found in
 * `AV-0012`). `ids` should already leave out ids too short to look for (see MINSTA_ID_LANGD).
 */
export function hittaId(text: string, ids: Iterable<string>): Lacka[] {
  const sokta = new Set<string>();
  for (const id of ids) if (id !== "") sokta.add(id.toLowerCase());
  if (sokta.size === 0) return [];
  const langder = [...new Set([...sokta].map((id) => id.length))].sort((a, b) => b - a);
  // Characters an id can start with (both cases), to pass over most of the text quickly.
  const forsta = new Set([...sokta].flatMap((id) => [id[0]!, id[0]!.toUpperCase()]));
  const plats = platser(text);
  const ut: Lacka[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!forsta.has(text[i]!)) continue;
    if (i > 0 && ORDTECKEN.test(text[i - 1]!) && ORDTECKEN.test(text[i]!)) continue;
    for (const langd of langder) {
      if (i + langd > text.length) continue;
      const ord = text.slice(i, i + langd);
      if (!sokta.has(ord.toLowerCase())) continue;
      const efter = text[i + langd];
      if (efter !== undefined && ORDTECKEN.test(efter) && ORDTECKEN.test(ord[ord.length - 1]!)) continue;
      ut.push({ index: i, ...plats(i), typ: "deltagar_id", visas: maskeraId(ord) });
      break;
    }
  }
  return ut;
}

/** Every occurrence of one of the fixed strings (without regard to case). */
export function hittaText(text: string, strangar: readonly string[], typ: Lacka["typ"] = "testperson"): Lacka[] {
  const plats = platser(text);
  const liten = text.toLowerCase();
  // Lower case keeps the length of almost every text; where it does not, compare as written.
  const somLiten = liten.length === text.length;
  const sokIn = somLiten ? liten : text;
  const ut: Lacka[] = [];
  for (const s of strangar) {
    const sokt = somLiten ? s.toLowerCase() : s;
    if (sokt === "") continue;
    for (let i = sokIn.indexOf(sokt); i >= 0; i = sokIn.indexOf(sokt, i + 1)) {
      ut.push({ index: i, ...plats(i), typ, visas: maskeraId(text.slice(i, i + s.length)) });
    }
  }
  return ut.sort((a, b) => a.index - b.index);
}

/** Shows the first characters of an id or name only: `AV-2014-001` -> `AV-****`. */
export function maskeraId(id: string): string {
  const synliga = id.length <= 4 ? 0 : Math.min(3, Math.floor(id.length / 3));
  return `${id.slice(0, synliga)}****`;
}

/** Line and column (1-based) of an index, in O(log n) after one pass over the text. */
export function platser(text: string): (index: number) => { rad: number; kolumn: number } {
  let starter: number[] | undefined;
  return (index) => {
    if (!starter) {
      starter = [0];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starter.push(i + 1);
      }
    }
    let lag = 0;
    let hog = starter.length - 1;
    while (lag < hog) {
      const mitt = (lag + hog + 1) >> 1;
      if (starter[mitt]! <= index) lag = mitt;
      else hog = mitt - 1;
    }
    return { rad: lag + 1, kolumn: index - starter[lag]! + 1 };
  };
}
