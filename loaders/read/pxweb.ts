/**
 * SCB PxWeb CSV to a table of observations, whatever the layout the user downloaded:
 * - wide: stub columns, then one column per month (`"2024M03"`) or per content and month
 *   (`"Sjukpenning 2024M03"`);
 * - long: a time column (`månad`, `år`, or values like `2024M03`) and one or more value columns.
 * Content (tabellinnehåll) comes from a stub column of that name, from the heading prefix, or
 * from the value column's header. Interpreting stub values is the normaliser's job.
 */
import { decode, ENCODING_NAMES, type Encoding } from "./decode.ts";
import { lineTooLong, readDelimited, type DelimitedText, type Row } from "./delimited.ts";
import { labelKey } from "../normalise/labels.ts";
import { DIMENSIONSRUBRIKER } from "../normalise/rubriker.ts";
import { showValue, type Findings } from "../validate/findings.ts";

export interface PxObservation {
  /** Stub values, in the order of `PxTable.stubNames`. */
  readonly stub: readonly string[];
  /** Content label as written in the file (tabellinnehåll), when the table names one. */
  readonly innehall: string | undefined;
  /** 1-based column where the content label is written (its own column, or the value's heading). */
  readonly innehallKolumn: number;
  /** Time code as written: `2024M03`, `2024K1` or `2024`. */
  readonly tid: string;
  /** The raw value cell. */
  readonly cell: string;
  readonly line: number;
  /** 1-based column of the value cell. */
  readonly column: number;
  /** Header of the value cell's column. */
  readonly columnName: string;
}

export interface PxTable {
  readonly fil: string;
  readonly encoding: Encoding;
  readonly delimiter: string;
  readonly title: string | undefined;
  readonly layout: "bred" | "lang";
  /** 1-based line of the header. */
  readonly headerLine: number;
  /** Header names of the stub columns other than time and content. */
  readonly stubNames: readonly string[];
  /** 1-based column numbers of the stub columns. */
  readonly stubColumns: readonly number[];
  /** Distinct content labels (keyed), in order of appearance. */
  readonly contents: readonly string[];
  /** Distinct time codes, in order of appearance. */
  readonly times: readonly string[];
  readonly rowCount: number;
  /** The header as written (trimmed), every column. */
  readonly rubrik: readonly string[];
  /** The data rows as parsed (for the spec-driven reader, `normalise/scbtabell.ts`). */
  readonly rader: readonly Row[];
  /** Calls `visit` for every observation, row by row. */
  forEach(visit: (o: PxObservation) => void): void;
}

const TIME_CODE = /^\d{4}(?:M(?:0[1-9]|1[0-2])|K[1-4])?$/;
/**
 * A heading ending in a time code. Anything that starts with a year and goes on with letters
 * and digits (`2024a`, `2024M13`, `2024M3`) is taken too, so the normaliser reports it as an
 * invalid time with line and column instead of the file going unrecognised.
 */
const HEADING = /^(?:(.*\S)\s+)?(\d{4}(?:[A-Za-z][0-9A-Za-z]*)?)$/;
/** The same with the time first (`"2024M03 Sjukpenning"`: PxWeb joins the heading in the order the user chose). */
const HEADING_TID_FORST = /^(\d{4}(?:[A-Za-z][0-9A-Za-z]*)?)\s+(.*\S)$/;

/** `[whole, prefix, time]` whichever side of the heading the time is on. */
function heading(h: string): RegExpExecArray | null {
  const m = HEADING.exec(h);
  if (m) return m;
  const f = HEADING_TID_FORST.exec(h);
  if (!f) return null;
  const ut = [f[0], f[2], f[1]] as unknown as RegExpExecArray;
  return ut;
}
const TIME_NAMES = new Set(["manad", "ar", "kvartal", "tid", "month", "year", "quarter", "period"]);
const CONTENT_NAMES = new Set(["tabellinnehall", "innehall", "contents", "tabellinnehall/contents", "table contents"]);

export function isTimeCode(s: string): boolean {
  return TIME_CODE.test(s);
}

/** Reads one file's bytes as a PxWeb table; undefined (with findings) when it cannot. */
export function readPxWeb(bytes: Uint8Array, fil: string, findings: Findings): PxTable | undefined {
  const text = decodeOrReport(bytes, fil, findings);
  if (text === undefined) return undefined;
  const parsed = readDelimited(text.text, fil, findings);
  if (!parsed) return undefined;
  return tableFrom(parsed, fil, text.encoding, findings);
}

export function decodeOrReport(
  bytes: Uint8Array, fil: string, findings: Findings, expected = "en CSV-fil med rubrikrad och data",
): { text: string; encoding: Encoding } | undefined {
  const d = decode(bytes);
  if (!("kind" in d)) return d;
  switch (d.kind) {
    case "tom":
      findings.fel({ fil, rad: 1, regel: "fil.tom", meddelande: `filen är tom; förväntat ${expected}`, message: "the file is empty" });
      break;
    case "xlsx":
      findings.fel({
        fil, rad: 1, kolumn: 1, regel: "fil.xlsx",
        meddelande: "filen är en Excel-arbetsbok (xlsx), inte en CSV-fil; spara om den som CSV eller ladda ned CSV från SCB",
        message: "the file is an Excel workbook (xlsx), not CSV",
      });
      break;
    case "ole":
      findings.fel({
        fil, rad: 1, kolumn: 1, regel: "fil.xls",
        meddelande: "filen är en äldre Excel-fil (.xls) eller en lösenordsskyddad Excel-arbetsbok; öppna den i Excel, ta bort lösenordet och spara som Excel-arbetsbok (.xlsx) eller CSV",
        message: "an old Excel .xls file or a password-protected workbook; save it as .xlsx or CSV without a password",
      });
      break;
    case "binar":
      findings.fel({
        fil, rad: d.line, kolumn: d.column, regel: "fil.binar",
        meddelande: d.utf16
          ? "filen innehåller nolltecken mellan bokstäverna: den verkar vara UTF-16 utan byteordningsmärke (BOM); spara om den som UTF-8"
          : `filen innehåller binära data (tecken ${d.column} på rad ${d.line}); förväntat ${expected}`,
        message: d.utf16 ? "NUL between the letters: UTF-16 without a byte order mark; save it as UTF-8" : "the file contains binary data; expected a text (CSV) file",
      });
      break;
    case "lang_rad":
      findings.fel(lineTooLong(fil, d.line, d.length));
      break;
    case "bom":
      findings.fel({
        fil, rad: d.line, kolumn: d.column, regel: "csv.bom_mitt_i_filen",
        meddelande: "byteordningsmärke (BOM) mitt i filen; filen verkar vara flera filer hopslagna — spara om den som en enda CSV-fil",
        message: "byte order mark inside the file; it looks like several files joined together",
      });
      break;
    case "blandad":
      findings.fel({
        fil, rad: d.line, kolumn: d.column, regel: "fil.blandad_kodning",
        meddelande: d.minority === "utf-8"
          ? "filen blandar teckenkodningar: här börjar text i UTF-8, resten av filen är ISO-8859-1/Windows-1252; spara om hela filen i en kodning"
          : "filen blandar teckenkodningar: här börjar text i ISO-8859-1/Windows-1252, resten av filen är UTF-8; spara om hela filen i en kodning",
        message: `mixed encodings: ${d.minority === "utf-8" ? "UTF-8 text in an ISO-8859-1/Windows-1252 file" : "ISO-8859-1/Windows-1252 text in a UTF-8 file"}`,
      });
      break;
    case "dubbelkodad":
      findings.fel({
        fil, rad: d.line, kolumn: d.column, regel: "fil.dubbel_kodning",
        meddelande: "texten har kodats två gånger (t.ex. \"Ã¤\" i stället för \"ä\"); öppna originalfilen som UTF-8 och spara om den",
        message: "the text was encoded twice (\"Ã¤\" for \"ä\")",
      });
      break;
  }
  return undefined;
}

export function tableFrom(parsed: DelimitedText, fil: string, encoding: Encoding, findings: Findings): PxTable | undefined {
  const names = parsed.header.fields.map((h) => h.trim());
  // Two columns with one name (e.g. a month twice): which one holds the value is anyone's guess.
  const seen = new Map<string, number>();
  names.forEach((n, i) => {
    const key = labelKey(n);
    const first = seen.get(key);
    if (first === undefined || key === "") seen.set(key, i);
    else {
      findings.fel({
        fil, rad: parsed.header.line, kolumn: i + 1, falt: n, regel: "csv.dubbel_kolumn",
        meddelande: `kolumnen "${showValue(n)}" finns redan i kolumn ${first + 1}; förväntat varje kolumnnamn en gång`,
        message: `column name also in column ${first + 1}`,
      });
    }
  });
  const headings = names.map((h) => heading(h));
  // Heading columns are the trailing run of columns named by a time code. A bare time code
  // (`2024M03`) is a heading whatever its cells hold (a word among the numbers is the reader's
  // error to report, never a reason to misread the table); a prefixed one must hold numbers at
  // least half the time: a stub named "utbildningsgrupp SUN 2000" or "SSYK 2012" holds labels.
  let firstHeading = names.length;
  while (firstHeading > 0 && headings[firstHeading - 1] && (headings[firstHeading - 1]![1] === undefined || mostlyNumeric(parsed, firstHeading - 1, 0.5))) firstHeading--;
  const title = parsed.titleLines.length > 0 ? parsed.titleLines.join(" ").replace(/^"|"$/g, "").trim() : undefined;

  if (firstHeading > 0 && firstHeading < names.length) {
    return wideTable(parsed, fil, encoding, title, names, headings as RegExpExecArray[], firstHeading);
  }
  return longTable(parsed, fil, encoding, title, names, findings);
}

function wideTable(
  parsed: DelimitedText, fil: string, encoding: Encoding, title: string | undefined,
  names: string[], headings: RegExpExecArray[], firstHeading: number,
): PxTable {
  const stubAll = names.slice(0, firstHeading);
  const contentIndex = stubAll.findIndex((n) => CONTENT_NAMES.has(labelKey(n)));
  const stubIdx = stubAll.map((_, i) => i).filter((i) => i !== contentIndex);
  const heads = headings.slice(firstHeading).map((m) => ({ prefix: m[1], tid: m[2]! }));
  const contents = new Set<string>();
  const times = new Set<string>();
  for (const h of heads) {
    times.add(h.tid);
    if (h.prefix !== undefined) contents.add(h.prefix);
  }
  if (contentIndex >= 0) for (const r of parsed.rows) contents.add(r.falt(contentIndex).trim());
  return {
    fil, encoding, delimiter: parsed.delimiter, title, layout: "bred", headerLine: parsed.header.line,
    stubNames: stubIdx.map((i) => stubAll[i]!),
    stubColumns: stubIdx.map((i) => i + 1),
    contents: [...contents], times: [...times], rowCount: parsed.rows.length, rubrik: names, rader: parsed.rows,
    forEach(visit) {
      for (const r of parsed.rows) {
        const stub = stubIdx.map((i) => r.falt(i).trim());
        const rowContent = contentIndex >= 0 ? r.falt(contentIndex).trim() : undefined;
        for (let j = 0; j < heads.length; j++) {
          const h = heads[j]!;
          const column = firstHeading + j;
          visit({
            stub, innehall: h.prefix ?? rowContent, innehallKolumn: h.prefix === undefined && contentIndex >= 0 ? contentIndex + 1 : column + 1,
            tid: h.tid, cell: r.falt(column),
            line: r.line, column: column + 1, columnName: names[column]!,
          });
        }
      }
    },
  };
}

function longTable(
  parsed: DelimitedText, fil: string, encoding: Encoding, title: string | undefined,
  names: string[], findings: Findings,
): PxTable | undefined {
  const rows = parsed.rows;
  let timeIndex = names.findIndex((n) => TIME_NAMES.has(labelKey(n)));
  if (timeIndex < 0) timeIndex = names.findIndex((_, i) => rows.length > 0 && rows.every((r) => TIME_CODE.test(r.falt(i).trim())));
  if (timeIndex < 0) {
    findings.fel({
      fil, rad: parsed.header.line, regel: "pxweb.tid",
      meddelande: "hittar ingen tidsdimension: förväntat kolumner som \"2024M03\" (bred tabell) eller en kolumn \"månad\" med värden som 2024M03 (lång tabell)",
      message: "no time dimension found: expected columns like \"2024M03\" or a \"månad\" column",
    });
    return undefined;
  }
  const contentIndex = names.findIndex((n) => CONTENT_NAMES.has(labelKey(n)));
  // Value columns: the trailing run of columns that mostly hold numbers or SCB symbols (a bad
  // cell among them is reported by the normaliser, not mistaken for a label column).
  const valueIdx: number[] = [];
  for (let i = names.length - 1; i >= 0; i--) {
    // A variable's column holds codes that look like numbers (`2080`, `1`): known by its header.
    if (i === timeIndex || i === contentIndex || DIMENSIONSRUBRIKER.has(labelKey(names[i]!)) || !mostlyNumeric(parsed, i, 0.5)) break;
    valueIdx.unshift(i);
  }
  if (valueIdx.length === 0) {
    findings.fel({
      fil, rad: parsed.header.line, regel: "pxweb.varde",
      meddelande: "hittar ingen kolumn med värden (tal) efter tidskolumnen",
      message: "no value column found after the time column",
    });
    return undefined;
  }
  const stubIdx = names.map((_, i) => i).filter((i) => i !== timeIndex && i !== contentIndex && !valueIdx.includes(i));
  const generic = new Set(["varde", "value", "values", "antal", "observation"]);
  const valueContent = (i: number): string | undefined => (generic.has(labelKey(names[i]!)) ? undefined : names[i]);
  const contents = new Set<string>();
  const times = new Set<string>();
  for (const r of rows) {
    times.add(r.falt(timeIndex).trim());
    if (contentIndex >= 0) contents.add(r.falt(contentIndex).trim());
  }
  if (contentIndex < 0) for (const i of valueIdx) { const c = valueContent(i); if (c !== undefined) contents.add(c); }
  return {
    fil, encoding, delimiter: parsed.delimiter, title, layout: "lang", headerLine: parsed.header.line,
    stubNames: stubIdx.map((i) => names[i]!),
    stubColumns: stubIdx.map((i) => i + 1),
    contents: [...contents], times: [...times], rowCount: rows.length, rubrik: names, rader: rows,
    forEach(visit) {
      for (const r of rows) {
        const stub = stubIdx.map((i) => r.falt(i).trim());
        const tid = r.falt(timeIndex).trim();
        for (const i of valueIdx) {
          const innehall = contentIndex >= 0 ? r.falt(contentIndex).trim() : valueContent(i);
          visit({ stub, innehall, innehallKolumn: contentIndex >= 0 ? contentIndex + 1 : i + 1, tid, cell: r.falt(i), line: r.line, column: i + 1, columnName: names[i]! });
        }
      }
    },
  };
}

const NUMERIC_LIKE = /^\s*(-?[\d.,\s]+(?:[eE][+-]?\d+)?|\.{1,7}|-|)\s*$/;

/** Whether column `i` holds numbers or SCB symbols (a few bad cells are reported later, not here). */
function mostlyNumeric(parsed: DelimitedText, i: number, andel = 0.9): boolean {
  const sample = parsed.rows.length > 2000 ? parsed.rows.slice(0, 2000) : parsed.rows;
  if (sample.length === 0) return true;
  let numeric = 0;
  for (const r of sample) if (NUMERIC_LIKE.test(r.falt(i))) numeric++;
  return numeric >= andel * sample.length;
}

export function describeTable(t: PxTable): string {
  return `${ENCODING_NAMES[t.encoding]}, ${t.layout === "bred" ? "bred" : "lång"} tabell, ${t.rowCount} rader`;
}
