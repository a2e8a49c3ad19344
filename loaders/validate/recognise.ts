/**
 * Input files are recognised by content (their header and labels), never by name: users keep
 * SCB's file names such as `TAB1386_20260717-101500.csv`.
 */
import { decodeOrReport, tableFrom, type PxTable } from "../read/pxweb.ts";
import { readDelimited } from "../read/delimited.ts";
import { labelKey } from "../normalise/labels.ts";
import { isHelarsekvivalenter } from "../normalise/helarsekvivalenter.ts";
import { isDeltagarHeader } from "../normalise/deltagare.ts";
import { isUtfallHeader } from "../normalise/utfall.ts";
import { isInsatsMappning } from "../reference/installningar.ts";
import { basKalla, type BasKalla } from "../normalise/bas.ts";
import { isBefolkning } from "../normalise/befolkning.ts";
import { kannerIgenForsorjningsmatt } from "../normalise/forsorjningsmatt.ts";
import { styrelseslag, type Styrelseslag } from "../styrelseindata/index.ts";
import { Findings } from "./findings.ts";

export type Recognised =
  | { readonly kind: "helarsekvivalenter"; readonly table: PxTable }
  | { readonly kind: BasKalla; readonly table: PxTable }
  | { readonly kind: "befolkning"; readonly table: PxTable }
  | { readonly kind: "forsorjningsmatt" }
  | { readonly kind: "forbundsindelning" }
  | { readonly kind: "deltagare" }
  | { readonly kind: "utfall" }
  | { readonly kind: "insatser" }
  | { readonly kind: Styrelseslag }
  | { readonly kind: "okand"; readonly beskrivning: string }
  | { readonly kind: "oläslig" };

/** File kinds that are read as tables; anything else in the data folder is passed over. */
export const TABLE_EXTENSIONS = [".csv", ".txt", ".tsv", ".skv", ".xlsx", ".xls", ""];

/**
 * Reads `bytes` far enough to say what the file is. Findings about reading the file go to
 * `findings`; they count only when the file turns out to be one we use (or cannot be read).
 */
export function recognise(bytes: Uint8Array, fil: string, findings: Findings): Recognised {
  const text = decodeOrReport(bytes, fil, findings);
  if (!text) return { kind: "oläslig" };
  const parsed = readDelimited(text.text, fil, findings);
  if (!parsed) return { kind: "oläslig" };
  const headerKeys = parsed.header.fields.map(labelKey);
  const kind = headerKind(headerKeys);
  if (parsed.rows.length === 0 && (kind !== undefined || looksLikeScb(parsed.header.fields))) {
    // A known kind with nothing under the header: most likely a failed export, never "no data".
    findings.fel({
      fil, rad: parsed.header.line, regel: "csv.bara_rubrik",
      meddelande: "filen har en rubrikrad men inga datarader; förväntat minst en rad med data under rubrikraden",
      message: "the file has a header but no data lines",
    });
    return { kind: "oläslig" };
  }
  if (kind !== undefined) return { kind };
  if (kannerIgenForsorjningsmatt(parsed)) return { kind: "forsorjningsmatt" };
  const scratch = new Findings();
  const table = tableFrom(parsed, fil, text.encoding, scratch);
  const keep = <T>(r: T): T => {
    for (const f of scratch.all) findings.add(f);
    return r;
  };
  if (table && isHelarsekvivalenter(table)) return keep({ kind: "helarsekvivalenter", table });
  const bas = table ? basKalla(table) : undefined;
  if (table && bas) return keep({ kind: bas, table });
  if (table && isBefolkning(table)) return keep({ kind: "befolkning", table });
  const cols = parsed.header.fields.slice(0, 4).map((h) => `"${h.trim()}"`).join(", ");
  return { kind: "okand", beskrivning: `rubrikrad ${cols}${parsed.header.fields.length > 4 ? ", …" : ""}` };
}

function headerKind(headerKeys: readonly string[]): "forbundsindelning" | "deltagare" | "utfall" | "insatser" | Styrelseslag | undefined {
  if (headerKeys.includes("kommunkod") && headerKeys.some((h) => h === "forbund" || h === "forbund_id")) return "forbundsindelning";
  const styrelse = styrelseslag(headerKeys);
  if (styrelse) return styrelse;
  if (isDeltagarHeader(headerKeys)) return "deltagare";
  if (isUtfallHeader(headerKeys)) return "utfall";
  if (isInsatsMappning(headerKeys)) return "insatser";
  return undefined;
}

/** A region column and months (`2024M01` headings or a `månad` column), as in SCB's tables. */
function looksLikeScb(header: readonly string[]): boolean {
  const keys = header.map(labelKey);
  return keys.some((k) => k === "region" || k === "kommun") && keys.some((k) => k === "manad" || /\d{4}m\d{2}$/.test(k));
}
