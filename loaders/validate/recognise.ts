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
import { Findings } from "./findings.ts";

export type Recognised =
  | { readonly kind: "helarsekvivalenter"; readonly table: PxTable }
  | { readonly kind: "forbundsindelning" }
  | { readonly kind: "deltagare" }
  | { readonly kind: "utfall" }
  | { readonly kind: "insatser" }
  | { readonly kind: "okand"; readonly beskrivning: string }
  | { readonly kind: "oläslig" };

/** File kinds that are read as tables; anything else in the data folder is passed over. */
export const TABLE_EXTENSIONS = [".csv", ".txt", ".tsv", ".skv", ""];

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
  if (headerKeys.includes("kommunkod") && headerKeys.some((h) => h === "forbund" || h === "forbund_id")) {
    return { kind: "forbundsindelning" };
  }
  if (isDeltagarHeader(headerKeys)) return { kind: "deltagare" };
  if (isUtfallHeader(headerKeys)) return { kind: "utfall" };
  if (isInsatsMappning(headerKeys)) return { kind: "insatser" };
  const scratch = new Findings();
  const table = tableFrom(parsed, fil, text.encoding, scratch);
  if (table && isHelarsekvivalenter(table)) {
    for (const f of scratch.all) findings.add(f);
    return { kind: "helarsekvivalenter", table };
  }
  const cols = parsed.header.fields.slice(0, 4).map((h) => `"${h.trim()}"`).join(", ");
  return { kind: "okand", beskrivning: `rubrikrad ${cols}${parsed.header.fields.length > 4 ? ", …" : ""}` };
}
