/**
 * A förbund's settings, in a JSON file in the data folder (recognised by its top-level key
 * `finsam`), and the mapping of insatser to förbund (a CSV with columns insats, forbund).
 *
 *   {"finsam": {"skyddsgrans": 5, "forbund": {"sodra-dalarna": {"tidiga_avhopp_i_namnaren": false}}}}
 */
import { z } from "zod";
import type { DelimitedText } from "../read/delimited.ts";
import { readRecords } from "../read/records.ts";
import { labelKey } from "../normalise/labels.ts";
import { textPlace, type Place } from "../read/decode.ts";
import { showValue, type Findings } from "../validate/findings.ts";

export interface Installningar {
  /** k: counts 1..k-1 are never published (privacy.md). */
  readonly skyddsgrans: number;
  /** Förbund whose tidiga avhopp stay in the denominator of andel_mal. */
  readonly tidigaAvhoppINamnaren: ReadonlySet<string>;
  /** Every förbund the file names, and where, to be checked against the membership. */
  readonly forbund?: readonly { readonly id: string; readonly fil: string; readonly plats: Place | undefined }[];
}

export const STANDARD: Installningar = { skyddsgrans: 5, tidigaAvhoppINamnaren: new Set() };

const schema = z.object({
  finsam: z.strictObject({
    skyddsgrans: z.number().int().min(3, "skyddsgrans: minst 3").max(50, "skyddsgrans: högst 50").optional(),
    forbund: z.record(z.string(), z.strictObject({ tidiga_avhopp_i_namnaren: z.boolean().optional() })).optional(),
  }),
});

export function isInstallningar(text: string): boolean {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === "object" && v !== null && "finsam" in v;
  } catch {
    // Broken JSON that means to be settings is reported as such, not passed over.
    return /"finsam"\s*:/.test(text);
  }
}

export function readInstallningar(text: string, fil: string, findings: Findings): Installningar | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // V8 says where: "... in JSON at position 42"; without a position the text ended too soon.
    const at = /at position (\d+)/.exec((e as Error).message);
    const { line, column } = textPlace(text, at ? Number(at[1]) : text.trimEnd().length);
    findings.fel({
      fil, rad: line, kolumn: column, regel: "installningar.json",
      meddelande: "ogiltig JSON här; kontrollera kommatecken (inget efter det sista värdet), citattecken och klamrar",
      message: `invalid JSON: ${(e as Error).message}`,
    });
    return undefined;
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const places = jsonPlaces(text);
    for (const issue of r.error.issues) {
      // An unknown key is shown at the key; anything else at the value.
      const key = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
      const path = key !== undefined ? [...issue.path, key] : issue.path;
      const plats = places.get(JSON.stringify(path.map(String)));
      const at = key !== undefined ? plats?.key : plats?.value;
      const namn = path.join(".");
      findings.fel({
        fil, ...(at ? { rad: at.line, kolumn: at.column } : {}), falt: namn, regel: "installningar.varde",
        meddelande: key !== undefined
          ? `okänd inställning "${showValue(namn)}"; förväntat ${issue.path.length <= 1 ? "skyddsgrans eller forbund" : "tidiga_avhopp_i_namnaren"}`
          : `${namn}: ${issue.message}`,
        message: key !== undefined ? "unknown setting" : "invalid setting",
      });
    }
    return undefined;
  }
  const forbund = r.data.finsam.forbund ?? {};
  const places = jsonPlaces(text);
  return {
    skyddsgrans: r.data.finsam.skyddsgrans ?? STANDARD.skyddsgrans,
    tidigaAvhoppINamnaren: new Set(Object.entries(forbund).filter(([, v]) => v.tidiga_avhopp_i_namnaren).map(([k]) => k)),
    forbund: Object.keys(forbund).map((id) => ({ id, fil, plats: places.get(JSON.stringify(["finsam", "forbund", id]))?.key })),
  };
}

/**
 * Where each key and value of (valid) JSON text is, by path (`["finsam","skyddsgrans"]` as JSON).
 * A small scanner: JSON.parse says what is there, this only says where.
 */
function jsonPlaces(text: string): Map<string, { key?: Place; value: Place }> {
  const out = new Map<string, { key?: Place; value: Place }>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string[], key?: Place): void => {
    ws();
    out.set(JSON.stringify(path), { ...(key ? { key } : {}), value: textPlace(text, i) });
    const c = text[i];
    if (c === "{" || c === "[") {
      i++;
      for (let n = 0; ; n++) {
        ws();
        if (text[i] === "}" || text[i] === "]" || i >= text.length) break;
        if (c === "{") {
          const keyAt = textPlace(text, i);
          const k = string();
          ws();
          i++; // :
          value([...path, k], keyAt);
        } else {
          value([...path, String(n)]);
        }
        ws();
        if (text[i] === ",") i++;
      }
      i++;
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    }
  };
  value([]);
  return out;
}

const mappningSchema = z.object({
  insats: z.string({ error: "insats saknas" }),
  forbund: z.string({ error: "förbund saknas" }).regex(/^[a-z0-9][a-z0-9-]*$/, "förväntat förbundets id, t.ex. sodra-dalarna"),
});

export function isInsatsMappning(headerKeys: readonly string[]): boolean {
  return headerKeys.includes("insats") && headerKeys.some((h) => h === "forbund" || h === "forbund_id") && !headerKeys.includes("startdatum") && !headerKeys.includes("avslut");
}

/** Insats name (by label key) -> förbund id. */
export function readInsatsMappning(bytes: Uint8Array | DelimitedText, fil: string, findings: Findings): Map<string, string> | undefined {
  const rows = readRecords(bytes, fil, mappningSchema, { insats: ["insats", "team"], forbund: ["forbund", "förbund", "forbund_id"] }, findings);
  if (!rows) return undefined;
  const out = new Map<string, string>();
  for (const { value, line } of rows) {
    const key = labelKey(value.insats);
    if (out.has(key) && out.get(key) !== value.forbund) {
      findings.fel({ fil, rad: line, regel: "insatser.tva_forbund", meddelande: `insatsen "${value.insats}" hör till två förbund`, message: "insats mapped to two förbund" });
      return undefined;
    }
    out.set(key, value.forbund);
  }
  return out;
}
