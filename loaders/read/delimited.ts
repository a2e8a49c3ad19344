/**
 * Delimited text (CSV as users have it) to located rows. The delimiter is sniffed from the
 * first lines (papaparse is always given it: guessing is slow, see performance-facts.md),
 * title lines before the header are kept aside, and every row knows its line number. A file
 * whose quotes all enclose whole fields (SCB's downloads) is read straight from its text
 * (`lasTextrader`): its fields become strings only when asked for; any other is read by
 * papaparse. Both give the same rows.
 */
import Papa from "papaparse";
import { Findings, showValue, type Finding } from "../validate/findings.ts";
import { MAX_LINE_LENGTH, textPlace } from "./decode.ts";
import type { Tallasare } from "./tal.ts";

export interface Row {
  /** 1-based line number where the row starts. */
  readonly line: number;
  /** Every field as a string (a row read straight from the text cuts them out when first asked for). */
  readonly fields: string[];
  /** How many fields the row has. */
  readonly antal: number;
  /** Field `i` (0-based) as a string. */
  falt(i: number): string;
  /** Reads field `i` as a number cell (`Tallasare.las`), without a string when it is a plain number. */
  las(i: number, tal: Tallasare): boolean;
}

/** A row whose fields are strings already (papaparse, the line-by-line reading). */
class Faltrad implements Row {
  constructor(readonly line: number, readonly fields: string[]) {}
  get antal(): number {
    return this.fields.length;
  }
  falt(i: number): string {
    return this.fields[i]!;
  }
  las(i: number, tal: Tallasare): boolean {
    return tal.las(this.fields[i]!);
  }
  tom(): boolean {
    return this.fields.every((f) => f.trim() === "");
  }
  utanSista(): Faltrad {
    return new Faltrad(this.line, this.fields.slice(0, -1));
  }
}

/**
 * A row read straight from the file's text (`lasTextrader`): where each field starts and ends
 * in the text, and the strings only when asked for. A national SCB file has over a million
 * number cells; as strings they cost more than reading them (docs/prestanda.md, "Läsningen").
 * `fields` (every field, kept once made) is for the small tables and the messages.
 */
class Textrad implements Row {
  #fields: string[] | undefined;
  readonly #text: string;
  /** Per field, start and end in the text: `pos[2 * (forsta + i)]` and the one after it. */
  readonly #pos: Int32Array;
  readonly #forsta: number;
  readonly #antal: number;
  constructor(readonly line: number, text: string, pos: Int32Array, forsta: number, antal: number) {
    this.#text = text;
    this.#pos = pos;
    this.#forsta = forsta;
    this.#antal = antal;
  }
  get fields(): string[] {
    return (this.#fields ??= Array.from({ length: this.#antal }, (_, i) => this.falt(i)));
  }
  get antal(): number {
    return this.#antal;
  }
  falt(i: number): string {
    const k = 2 * (this.#forsta + i);
    return this.#text.slice(this.#pos[k], this.#pos[k + 1]);
  }
  las(i: number, tal: Tallasare): boolean {
    const k = 2 * (this.#forsta + i);
    return tal.lasText(this.#text, this.#pos[k]!, this.#pos[k + 1]!);
  }
  /** Whether every field is blank (`trim()` leaves nothing), without cutting a field out unless it has a character beyond ASCII. */
  tom(): boolean {
    const t = this.#text;
    const p = this.#pos;
    for (let i = 0; i < this.#antal; i++) {
      const k = 2 * (this.#forsta + i);
      for (let x = p[k]!; x < p[k + 1]!; x++) {
        const c = t.charCodeAt(x);
        if (c === 32 || (c >= 9 && c <= 13)) continue;
        if (c < 128) return false;
        if (this.falt(i).trim() !== "") return false;
        break;
      }
    }
    return true;
  }
  utanSista(): Textrad {
    return new Textrad(this.line, this.#text, this.#pos, this.#forsta, this.#antal - 1);
  }
}

type Rad = Faltrad | Textrad;

export interface DelimitedText {
  readonly delimiter: string;
  /** Non-empty lines before the header, e.g. SCB's title line. */
  readonly titleLines: string[];
  readonly header: Row;
  readonly rows: Row[];
}

const CANDIDATES = [";", ",", "\t", " "] as const;
const DELIMITER_NAMES: Record<string, string> = { ";": "semikolon", ",": "komma", "\t": "tabb", " ": "mellanslag" };

export function delimiterName(d: string): string {
  return DELIMITER_NAMES[d] ?? JSON.stringify(d);
}

/** Counts `delimiter` outside double quotes in one line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      if (!quoted) quoted = i === 0 || line[i - 1] === delimiter || /\s/.test(line[i - 1] ?? "");
      else if (i + 1 >= line.length || line[i + 1] === delimiter) quoted = false;
    } else if (c === delimiter && !quoted) n++;
  }
  return n;
}

/** The delimiter that splits most of the first lines into the same number of fields. */
export function sniffDelimiter(text: string): string | undefined {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < 30 && start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, "");
    if (line.trim() !== "") lines.push(line);
    start = end + 1;
  }
  let best: { d: string; agree: number; fields: number } | undefined;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d)).filter((n) => n > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 0;
    let agree = 0;
    for (const [n, k] of freq) if (k > agree || (k === agree && n > mode)) [mode, agree] = [n, k];
    if (d === " " && (best || (agree < 2 && lines.length > 1))) continue; // space only when nothing else splits the lines
    if (!best || agree > best.agree || (agree === best.agree && mode > best.fields)) best = { d, agree, fields: mode };
  }
  return best?.d;
}

/**
 * Parses `text` into rows. Problems are recorded in `findings`; returns undefined when the file
 * cannot be read as a table at all.
 */
export function readDelimited(text: string, fil: string, findings: Findings): DelimitedText | undefined {
  // Judged on the text as written, before line endings are made the same below.
  const cut = cutAtEnd(text);
  // Lines end in CR alone in old Mac files, and in both CRLF and LF when lines were added in
  // another editor: papaparse would split on one kind only, and rows would get wrong line numbers.
  if (ensamCr(text, false) || (text.includes("\r\n") && lfUtanCr(text))) text = text.replace(/\r\n?/g, "\n");
  const bomAt = text.indexOf("\uFEFF");
  if (bomAt >= 0) {
    const { line, column } = textPlace(text, bomAt);
    findings.fel({
      fil, rad: line, kolumn: column, regel: "csv.bom_mitt_i_filen",
      meddelande: "byteordningsmärke (BOM) mitt i filen; filen verkar vara flera filer hopslagna — spara om den som en enda CSV-fil",
      message: "byte order mark inside the file; it looks like several files joined together",
    });
    return undefined;
  }
  const long = longLine(text);
  if (long) {
    findings.fel(lineTooLong(fil, long.line, long.length));
    return undefined;
  }
  const delimiter = sniffDelimiter(text);
  if (delimiter === undefined) {
    findings.fel({
      fil, rad: 1, regel: "csv.avgransare",
      meddelande: "hittar ingen avgränsare (semikolon, komma eller tabb) mellan kolumnerna; förväntat en CSV-fil med minst två kolumner",
      message: "no delimiter (semicolon, comma or tab) found; expected a CSV file with at least two columns",
    });
    return undefined;
  }

  /** Line `n` as written (only looked up for lines with a problem). */
  const lineText = (n: number): string => {
    let start = 0;
    for (let k = 1; k < n && start >= 0; k++) start = text.indexOf("\n", start) + 1 || -1;
    if (start < 0) return "";
    const end = text.indexOf("\n", start);
    return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, "");
  };

  const direkt = lasTextrader(text, delimiter);
  let all: Parsed = direkt ? { rows: direkt } : parseRows(text, delimiter);
  if (all.suspectQuote !== undefined) {
    // Papaparse read past the end of a line inside quotes. SCB writes inner quotes undoubled
    // (`"Personer med "ekonomiskt bistånd""`) and its labels never span lines: read line by line.
    const lenient = parseLines(text, delimiter);
    if (lenient.unterminated !== undefined || !consistentWidth(lenient.rows)) {
      const rad = lenient.unterminated?.line ?? firstOddLine(lenient.rows) ?? all.suspectQuote;
      // A line written with another delimiter reads as a quote that never closes.
      const other = otherDelimiter(lineText(rad), delimiter, mode(lenient.rows.filter((r) => !isBlank(r) && r.fields.length > 1).map(rowWidth)));
      if (other !== undefined) {
        findings.fel(lineDelimiter(fil, rad, other, delimiter));
        return undefined;
      }
      findings.fel({
        fil, rad, ...(lenient.unterminated?.line === rad ? { kolumn: lenient.unterminated.column } : {}), regel: "csv.citattecken",
        meddelande: "ett citattecken (\") öppnas men stängs aldrig på raden; kontrollera citattecknen och att filen inte är avkortad",
        message: "a quote is opened but not closed on this line; check the quotes and that the file is not truncated",
      });
      return undefined;
    }
    all = lenient;
  }

  const nonEmpty = all.rows.filter((r) => !isBlank(r));
  // The header is the first line as wide as most lines: an unquoted title with commas in it is
  // not mistaken for it.
  const typicalWidth = mode(nonEmpty.slice(0, 50).map(rowWidth).filter((n) => n > 1));
  const headerIndex = nonEmpty.findIndex((r) => r.antal > 1 && rowWidth(r) >= typicalWidth);
  const header = nonEmpty[headerIndex];
  if (!header) {
    findings.fel({
      fil, rad: nonEmpty[0]?.line ?? 1, regel: "csv.rubrikrad",
      meddelande: `hittar ingen rubrikrad med flera kolumner (avgränsare ${delimiterName(delimiter)})`,
      message: "no header line with several columns",
    });
    return undefined;
  }
  const titleLines = nonEmpty.slice(0, headerIndex).map((r) => r.fields.join(delimiter).trim());
  let body = nonEmpty.slice(headerIndex + 1);

  // Footnotes after the table (one field per line, to the end of the file) are not data; a last
  // line written with another delimiter is data gone wrong, not a footnote.
  let footerStart = body.length;
  const isFootnote = (r: Rad) => r.antal === 1 && otherDelimiter(lineText(r.line), delimiter, header.fields.length) === undefined;
  while (footerStart > 0 && isFootnote(body[footerStart - 1]!)) footerStart--;
  if (footerStart < body.length) {
    findings.info({
      fil, rad: body[footerStart]!.line, regel: "csv.fotnot",
      meddelande: `${body.length - footerStart} rad(er) med fotnoter efter tabellen lästes inte som data`,
      message: "footnote lines after the table were not read as data",
    });
    body = body.slice(0, footerStart);
  }

  const width = header.fields.length;
  const headerKey = header.fields.map((f) => f.trim()).join("\u0000");
  const headerFirst = header.fields[0]!.trim();
  const rows: Rad[] = [];
  let reported = 0;
  for (let row of body) {
    // A trailing delimiter at the end of every line (some exports) gives one empty extra field.
    if (row.antal === width + 1 && row.falt(width) === "") row = row.utanSista();
    if (row.antal === width && row.falt(0).trim() === headerFirst && row.fields.map((f) => f.trim()).join("\u0000") === headerKey) {
      if (reported++ < 20) {
        findings.fel({
          fil, rad: row.line, kolumn: 1, regel: "csv.rubrik_igen",
          meddelande: `rubrikraden från rad ${header.line} kommer igen; filen verkar vara flera filer hopklistrade — förväntat en rubrikrad överst och bara data under den`,
          message: `the header of line ${header.line} is repeated; the file looks like several files pasted together`,
        });
      }
      continue;
    }
    if (row.antal !== width) {
      if (reported++ >= 20) continue;
      const fields = row.fields;
      const other = otherDelimiter(lineText(row.line), delimiter, width);
      // A field holding both a quote and the delimiter: a quote swallowed the delimiter.
      const quoted = fields.findIndex((f) => f.includes('"') && f.includes(delimiter));
      if (other !== undefined) {
        findings.fel(lineDelimiter(fil, row.line, other, delimiter));
      } else if (quoted >= 0) {
        findings.fel({
          fil, rad: row.line, kolumn: quoted + 1, varde: showValue(fields[quoted]!), regel: "csv.citattecken",
          meddelande: `ett citattecken (") i kolumn ${quoted + 1} stängs inte före nästa avgränsare, så raden får ${fields.length} kolumner i stället för ${width}; kontrollera citattecknen`,
          message: `a quote in column ${quoted + 1} is not closed before the next delimiter; the line has ${fields.length} columns instead of ${width}`,
        });
      } else {
        findings.fel({
          fil, rad: row.line, kolumn: fields.length < width ? fields.length + 1 : width + 1,
          varde: showValue(fields.join(delimiter)), regel: "csv.kolumnantal",
          meddelande: `raden har ${fields.length} kolumner men rubrikraden har ${width} (avgränsare ${delimiterName(delimiter)}); förväntat ${width} kolumner — kontrollera avgränsare, citattecken och att raden inte är avkortad`,
          message: `the line has ${fields.length} columns but the header has ${width}`,
        });
      }
      continue;
    }
    rows.push(row);
  }
  if (reported > 20) {
    findings.fel({
      fil, regel: "csv.kolumnantal",
      meddelande: `ytterligare ${reported - 20} rader har fel antal kolumner`,
      message: `${reported - 20} more lines have the wrong number of columns`,
    });
  }
  if (cut) {
    // The last line with anything on it, whether data, a footnote or a cell cut to one field.
    const last = nonEmpty.at(-1)!;
    // A header (or title) alone is judged by the readers ("bara rubrik"), and a line already
    // named (wrong number of columns) is not named twice.
    if (last.line > header.line && !findings.all.some((f) => f.fil === fil && f.rad === last.line && f.allvar === "fel")) {
      findings.fel(truncated(fil, last, cut));
      return undefined;
    }
  }
  if (reported > 0) return undefined;
  return { delimiter, titleLines, header, rows };
}

interface Parsed {
  readonly rows: Rad[];
  /** Line where a quoted field runs past the end of its line, if any. */
  readonly suspectQuote?: number | undefined;
  /** Line and column (field) where a quoted field is never closed (line-by-line reading). */
  readonly unterminated?: { readonly line: number; readonly column: number } | undefined;
}

/**
 * The rows straight from the text, when every quote in it encloses a whole field (`"…"` with no
 * quote or line break inside, right after the delimiter or the line's start and right before
 * the delimiter or the line's end): then RFC 4180 and papaparse read exactly these rows (the
 * same fields, lines and a last empty row after a final line break), and no field is made into a
 * string until it is asked for. Undefined for any other quote (a doubled quote, a quote inside a
 * field, a quoted line break, text after the closing quote, a line feed without its CR in a
 * file of CRLF lines): papaparse reads such a file. A CR elsewhere is text in a field, to both.
 */
export function lasTextrader(text: string, delimiter: string): Textrad[] | undefined {
  const len = text.length;
  if (len === 0) return [];
  const crlf = text.includes("\r\n");
  const D = delimiter.charCodeAt(0);
  let pos = new Int32Array(Math.min(1 << 20, 64 + (len >> 2)));
  let n = 0;
  // Per row: its first field and its number of fields (its line is its number: no field spans lines).
  const forsta: number[] = [];
  const antal: number[] = [];
  // The next quote at or after the position read (len when none): found once, not per field.
  let citat = text.indexOf('"');
  if (citat < 0) citat = len;
  let i = 0;
  for (;;) {
    let radslut = text.indexOf("\n", i);
    if (radslut < 0) radslut = len;
    // With CRLF (papaparse is given "\r\n"), a line feed without its CR is not a line end to papaparse.
    if (crlf && radslut < len && text.charCodeAt(radslut - 1) !== 13) return undefined;
    const e = crlf && radslut < len ? radslut - 1 : radslut;
    const forstaFalt = n >> 1;
    let s = i;
    for (;;) {
      if (n + 2 > pos.length) {
        // Room for the rest at the rate so far (fields per character read) and a tenth more,
        // between two and four times the room so far: one growth for a file of evenly long lines
        // instead of doubling twice (fresh memory costs too).
        const uppskattat = Math.ceil(1.1 * n * (len / Math.max(1, s))) + 64;
        const storre = new Int32Array(Math.min(pos.length * 4, Math.max(pos.length * 2, uppskattat)));
        storre.set(pos);
        pos = storre;
      }
      if (citat < s) {
        citat = text.indexOf('"', s);
        if (citat < 0) citat = len;
      }
      if (citat === s && s < e) {
        // A quoted field: the next quote closes it and must end the field.
        let q = text.indexOf('"', s + 1);
        if (q < 0) q = len;
        if (q >= e || (q + 1 < e && text.charCodeAt(q + 1) !== D)) return undefined;
        pos[n++] = s + 1;
        pos[n++] = q;
        citat = q + 1;
        if (q + 1 >= e) break;
        s = q + 2;
      } else {
        let d = text.indexOf(delimiter, s);
        if (d < 0 || d > e) d = e;
        if (citat < d) return undefined;
        pos[n++] = s;
        pos[n++] = d;
        if (d >= e) break;
        s = d + 1;
      }
    }
    forsta.push(forstaFalt);
    antal.push((n >> 1) - forstaFalt);
    if (radslut >= len) break;
    i = radslut + 1;
  }
  return forsta.map((f, r) => new Textrad(r + 1, text, pos, f, antal[r]!));
}

/** RFC 4180 parsing with papaparse, tracking the line where each row starts. */
function parseRows(text: string, delimiter: string): Parsed {
  const rows: Rad[] = [];
  let offset = 0;
  let lineAt = 1;
  let scanned = 0;
  let suspectQuote: number | undefined;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: text.includes("\r\n") ? "\r\n" : "\n",
    skipEmptyLines: false,
    step: (result) => {
      for (let i = text.indexOf("\n", scanned); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) lineAt++;
      scanned = Math.max(scanned, offset);
      const row = new Faltrad(lineAt, result.data);
      const codes = result.errors.map((e) => e.code);
      if (codes.includes("MissingQuotes")) suspectQuote ??= lineAt;
      else if (codes.includes("InvalidQuotes") && result.data.some((f) => f.includes("\n"))) suspectQuote ??= lineAt;
      rows.push(row);
      offset = result.meta.cursor;
    },
  });
  return { rows, suspectQuote };
}

/**
 * Line-by-line reading for SCB's undoubled inner quotes: a quoted field ends at the first quote
 * that is followed by the delimiter or the end of the line; `""` inside it is one quote.
 */
function parseLines(text: string, delimiter: string): Parsed {
  const rows: Rad[] = [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  let unterminated: { line: number; column: number } | undefined;
  lines.forEach((line, i) => {
    const fields: string[] = [];
    let at = 0;
    for (;;) {
      if (line[at] === '"') {
        let close = -1;
        for (let k = line.indexOf('"', at + 1); k >= 0; k = line.indexOf('"', k + 1)) {
          if (k + 1 === line.length || line.startsWith(delimiter, k + 1)) {
            close = k;
            break;
          }
        }
        if (close < 0) {
          unterminated ??= { line: i + 1, column: fields.length + 1 };
          fields.push(line.slice(at + 1));
          break;
        }
        fields.push(line.slice(at + 1, close).replaceAll('""', '"'));
        at = close + 1;
      } else {
        const next = line.indexOf(delimiter, at);
        fields.push(next < 0 ? line.slice(at) : line.slice(at, next));
        if (next < 0) break;
        at = next;
      }
      if (at >= line.length) break;
      at += delimiter.length;
      if (at === line.length) {
        fields.push("");
        break;
      }
    }
    rows.push(new Faltrad(i + 1, fields));
  });
  return { rows, unterminated };
}

/**
 * Whether the text has a line feed without a CR before it (`/(?:^|[^\r])\n/`), by jumping
 * from line feed to line feed: a national file has millions of characters and thousands of lines.
 */
export function lfUtanCr(text: string): boolean {
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) if (i === 0 || text.charCodeAt(i - 1) !== 13) return true;
  return false;
}

/** Whether the text has a CR without a line feed after it (`/\r(?!\n)/`; `utomSist`: not counting one that ends the text). */
export function ensamCr(text: string, utomSist: boolean): boolean {
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) {
    if (i + 1 === text.length) return !utomSist;
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

/** How a file's lines end: CRLF, LF or (old Mac files) CR. */
type LineEnding = "CRLF" | "LF" | "CR";

/**
 * The line ending the file's last line lacks, when the file was cut: every other line ends with
 * a line ending and the last one does not (or ends in CR where every other line has CRLF). A file
 * of one line has nothing to compare with, and whitespace after the last line ending is not a
 * line. Files that end every line, the last one included, in CR (old Mac) are whole.
 */
export function cutAtEnd(text: string): LineEnding | undefined {
  const lastBreak = Math.max(text.lastIndexOf("\n"), text.lastIndexOf("\r"));
  if (lastBreak < 0) return undefined;
  const crlf = text.includes("\r\n");
  const lf = lfUtanCr(text);
  const ending: LineEnding = crlf ? "CRLF" : lf ? "LF" : "CR";
  if (text.slice(lastBreak + 1).trim() !== "") return ending;
  // Cut between CR and LF: the last line ends in CR alone, every other line in CRLF.
  if (text.endsWith("\r") && crlf && !lf && !ensamCr(text, true)) return "CRLF";
  return undefined;
}

function truncated(fil: string, last: Row, ending: LineEnding): Omit<Finding, "allvar"> {
  const kolumn = last.fields.length;
  const value = last.fields[kolumn - 1] ?? "";
  return {
    fil, rad: last.line, kolumn, varde: showValue(value), regel: "csv.avkortad",
    meddelande:
      `avkortad fil: sista raden saknar radslutet (${ending}) som alla andra rader har, så sista värdet ${showValue(value)} kan vara ofullständigt; ` +
      "förväntat ett radslut efter sista raden — ladda ned eller spara filen igen (är filen hel, lägg till en radbrytning sist i den)",
    message: `truncated file: the last line lacks the line ending (${ending}) every other line has, so its last value may be incomplete`,
  };
}

/** Fields in a row, not counting one empty field after a trailing delimiter. */
function rowWidth(r: Rad): number {
  return r.antal > 1 && r.falt(r.antal - 1) === "" ? r.antal - 1 : r.antal;
}

function consistentWidth(rows: Rad[]): boolean {
  const widths = new Set(rows.filter((r) => !isBlank(r) && r.fields.length > 1).map(rowWidth));
  return widths.size <= 1;
}

function firstOddLine(rows: Rad[]): number | undefined {
  const nonEmpty = rows.filter((r) => !isBlank(r) && r.fields.length > 1);
  const typical = mode(nonEmpty.map(rowWidth));
  return nonEmpty.find((r) => rowWidth(r) !== typical)?.line;
}

function mode(values: number[]): number {
  const freq = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const v of values) {
    const k = (freq.get(v) ?? 0) + 1;
    freq.set(v, k);
    if (k > bestCount || (k === bestCount && v > best)) [best, bestCount] = [v, k];
  }
  return best;
}

function isBlank(r: Rad): boolean {
  return r.tom();
}

/** The first line longer than MAX_LINE_LENGTH characters, if any. */
function longLine(text: string): { line: number; length: number } | undefined {
  if (text.length <= MAX_LINE_LENGTH) return undefined;
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (end - start > MAX_LINE_LENGTH) return { line, length: end - start };
    start = end + 1;
  }
  return undefined;
}

export function lineTooLong(fil: string, line: number, length: number): Omit<Finding, "allvar"> {
  const mb = (n: number) => (n / 1024 / 1024).toLocaleString("sv-SE", { maximumFractionDigits: 1 });
  return {
    fil, rad: line, regel: "csv.rad_for_lang",
    meddelande: `raden är ${mb(length)} MB lång; förväntat högst ${mb(MAX_LINE_LENGTH)} MB per rad — filen är skadad eller ingen tabell`,
    message: `the line is ${length} characters long; at most ${MAX_LINE_LENGTH} expected`,
  };
}

/** Another delimiter that splits `line` into `width` fields where `delimiter` does not. */
function otherDelimiter(line: string, delimiter: string, width: number): string | undefined {
  if (width < 2 || countOutsideQuotes(line, delimiter) === width - 1) return undefined;
  return CANDIDATES.find((d) => d !== delimiter && d !== " " && countOutsideQuotes(line, d) === width - 1);
}

function lineDelimiter(fil: string, line: number, other: string, delimiter: string): Omit<Finding, "allvar"> {
  return {
    fil, rad: line, regel: "csv.avgransare",
    meddelande: `raden har ${delimiterName(other)} som avgränsare men resten av filen ${delimiterName(delimiter)}; förväntat samma avgränsare på alla rader`,
    message: `the line is delimited by ${JSON.stringify(other)} but the rest of the file by ${JSON.stringify(delimiter)}`,
  };
}
