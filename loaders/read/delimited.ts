/**
 * Delimited text (CSV as users have it) to located rows. The delimiter is sniffed from the
 * first lines (papaparse is always given it: guessing is slow, see performance-facts.md),
 * title lines before the header are kept aside, and every row knows its line number.
 */
import Papa from "papaparse";
import { Findings, showValue, type Finding } from "../validate/findings.ts";
import { MAX_LINE_LENGTH, textPlace } from "./decode.ts";

export interface Row {
  /** 1-based line number where the row starts. */
  readonly line: number;
  readonly fields: string[];
}

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
  if (/\r(?!\n)/.test(text) || (text.includes("\r\n") && /(?:^|[^\r])\n/.test(text))) text = text.replace(/\r\n?/g, "\n");
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

  let all = parseRows(text, delimiter);
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
  const headerIndex = nonEmpty.findIndex((r) => r.fields.length > 1 && rowWidth(r) >= typicalWidth);
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
  const isFootnote = (r: Row) => r.fields.length === 1 && otherDelimiter(lineText(r.line), delimiter, header.fields.length) === undefined;
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
  const rows: Row[] = [];
  let reported = 0;
  for (const row of body) {
    let fields = row.fields;
    // A trailing delimiter at the end of every line (some exports) gives one empty extra field.
    if (fields.length === width + 1 && fields[width] === "") fields = fields.slice(0, width);
    if (fields.length === width && fields[0]!.trim() === headerFirst && fields.map((f) => f.trim()).join("\u0000") === headerKey) {
      if (reported++ < 20) {
        findings.fel({
          fil, rad: row.line, kolumn: 1, regel: "csv.rubrik_igen",
          meddelande: `rubrikraden från rad ${header.line} kommer igen; filen verkar vara flera filer hopklistrade — förväntat en rubrikrad överst och bara data under den`,
          message: `the header of line ${header.line} is repeated; the file looks like several files pasted together`,
        });
      }
      continue;
    }
    if (fields.length !== width) {
      if (reported++ >= 20) continue;
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
    rows.push({ line: row.line, fields });
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
  readonly rows: Row[];
  /** Line where a quoted field runs past the end of its line, if any. */
  readonly suspectQuote?: number | undefined;
  /** Line and column (field) where a quoted field is never closed (line-by-line reading). */
  readonly unterminated?: { readonly line: number; readonly column: number } | undefined;
}

/** RFC 4180 parsing with papaparse, tracking the line where each row starts. */
function parseRows(text: string, delimiter: string): Parsed {
  const rows: Row[] = [];
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
      const row: Row = { line: lineAt, fields: result.data };
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
  const rows: Row[] = [];
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
    rows.push({ line: i + 1, fields });
  });
  return { rows, unterminated };
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
  const lf = /(?:^|[^\r])\n/.test(text);
  const ending: LineEnding = crlf ? "CRLF" : lf ? "LF" : "CR";
  if (text.slice(lastBreak + 1).trim() !== "") return ending;
  // Cut between CR and LF: the last line ends in CR alone, every other line in CRLF.
  if (text.endsWith("\r") && crlf && !lf && !/\r(?![\n]|$)/.test(text)) return "CRLF";
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
function rowWidth(r: Row): number {
  return r.fields.length > 1 && r.fields.at(-1) === "" ? r.fields.length - 1 : r.fields.length;
}

function consistentWidth(rows: Row[]): boolean {
  const widths = new Set(rows.filter((r) => !isBlank(r) && r.fields.length > 1).map(rowWidth));
  return widths.size <= 1;
}

function firstOddLine(rows: Row[]): number | undefined {
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

function isBlank(r: Row): boolean {
  return r.fields.every((f) => f.trim() === "");
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
