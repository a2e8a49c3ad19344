/**
 * Small CSV files with a header (reference data, and later participant records) to records
 * validated by a zod schema at the boundary. Every problem names file, line and column.
 */
import type { z } from "zod";
import { decodeOrReport } from "./pxweb.ts";
import { readDelimited, type DelimitedText } from "./delimited.ts";
import { labelKey } from "../normalise/labels.ts";
import { showValue, type Findings } from "../validate/findings.ts";

export interface RecordOptions {
  /** Masks for sensitive fields: their values never appear unmasked in a finding. */
  readonly mask?: Readonly<Record<string, (value: string) => string>>;
  /** Told which column each field was found in (1-based) and the header's line, for findings made after reading. */
  readonly onHeader?: (columns: Record<string, { kolumn: number; namn: string }>, headerLine: number) => void;
}

export interface Located<T> {
  readonly value: T;
  readonly line: number;
}

/**
 * `columns` maps each schema field to the header names accepted for it (compared by label key).
 * Returns undefined when the file could not be read or a required column is missing. `kalla` is
 * the file's bytes, or the file already decoded and parsed (the pipeline reads each file once).
 */
export function readRecords<S extends z.ZodObject>(
  kalla: Uint8Array | DelimitedText,
  fil: string,
  schema: S,
  columns: Record<keyof z.infer<S> & string, readonly string[]>,
  findings: Findings,
  options: RecordOptions = {},
): Located<z.infer<S>>[] | undefined {
  const parsed = kalla instanceof Uint8Array ? parse(kalla, fil, findings) : kalla;
  if (!parsed) return undefined;
  const headerKeys = parsed.header.fields.map((h) => labelKey(h));
  const index: Record<string, number> = {};
  let twice = false;
  for (const [field, aliases] of Object.entries(columns) as [string, readonly string[]][]) {
    const [first, second] = headerKeys.flatMap((h, i) => (aliases.some((a) => labelKey(a) === h) ? [i] : []));
    if (first !== undefined) index[field] = first;
    if (first !== undefined && second !== undefined) {
      // Two columns for one field (e.g. "Startdatum" twice): which one is meant is a guess.
      twice = true;
      const namn = parsed.header.fields[second]!.trim();
      findings.fel({
        fil, rad: parsed.header.line, kolumn: second + 1, falt: namn, regel: "csv.dubbel_kolumn",
        meddelande: `kolumnen "${showValue(namn)}" är samma uppgift (${field}) som kolumn ${first + 1}; förväntat en kolumn per uppgift`,
        message: `column ${second + 1} holds the same field (${field}) as column ${first + 1}`,
      });
    }
  }
  if (twice) return undefined;
  const missing = Object.keys(columns).filter((f) => index[f] === undefined && !schema.shape[f]?.safeParse(undefined).success);
  if (missing.length > 0) {
    findings.fel({
      fil, rad: parsed.header.line, regel: "csv.kolumn_saknas",
      meddelande: `kolumn saknas: ${missing.map((m) => `"${m}"`).join(", ")}; rubrikraden har ${parsed.header.fields.map((h) => `"${showValue(h)}"`).join(", ")}`,
      message: `missing column(s): ${missing.join(", ")}`,
    });
    return undefined;
  }
  const out: Located<z.infer<S>>[] = [];
  options.onHeader?.(Object.fromEntries(Object.entries(index).map(([f, i]) => [f, { kolumn: i + 1, namn: parsed.header.fields[i]!.trim() }])), parsed.header.line);
  let ok = true;
  for (const row of parsed.rows) {
    const raw: Record<string, string | undefined> = {};
    for (const [field, i] of Object.entries(index)) {
      const v = row.fields[i]!.trim();
      raw[field] = v === "" ? undefined : v;
    }
    const result = schema.safeParse(raw);
    if (result.success) {
      out.push({ value: result.data, line: row.line });
      continue;
    }
    ok = false;
    for (const issue of result.error.issues.slice(0, 3)) {
      const field = String(issue.path[0] ?? "");
      const col = index[field];
      findings.fel({
        fil, rad: row.line,
        ...(col !== undefined ? { kolumn: col + 1, falt: parsed.header.fields[col]!.trim() } : {}),
        varde: options.mask?.[field] ? options.mask[field]!(raw[field] ?? "") : showValue(raw[field] ?? ""),
        regel: "csv.varde",
        meddelande: issue.message,
        message: `invalid value in column ${field}`,
      });
    }
  }
  return ok ? out : undefined;
}

function parse(bytes: Uint8Array, fil: string, findings: Findings): DelimitedText | undefined {
  const text = decodeOrReport(bytes, fil, findings);
  return text && readDelimited(text.text, fil, findings);
}
