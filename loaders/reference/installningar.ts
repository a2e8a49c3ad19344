/**
 * A förbund's settings, in a JSON file in the data folder (recognised by its top-level key
 * `finsam`), and the mapping of insatser to förbund (a CSV with columns insats, forbund).
 *
 *   {"finsam": {"skyddsgrans": 5, "forbund": {"sodra-dalarna": {"tidiga_avhopp_i_namnaren": false}}}}
 */
import { z } from "zod";
import { readRecords } from "../read/records.ts";
import { labelKey } from "../normalise/labels.ts";
import type { Findings } from "../validate/findings.ts";

export interface Installningar {
  /** k: counts 1..k-1 are never published (privacy.md). */
  readonly skyddsgrans: number;
  /** Förbund whose tidiga avhopp stay in the denominator of andel_mal. */
  readonly tidigaAvhoppINamnaren: ReadonlySet<string>;
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
    return false;
  }
}

export function readInstallningar(text: string, fil: string, findings: Findings): Installningar | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    findings.fel({ fil, regel: "installningar.json", meddelande: `ogiltig JSON: ${(e as Error).message}`, message: "invalid JSON" });
    return undefined;
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    for (const issue of r.error.issues) {
      findings.fel({ fil, falt: issue.path.join("."), regel: "installningar.varde", meddelande: `${issue.path.join(".")}: ${issue.message}`, message: "invalid setting" });
    }
    return undefined;
  }
  const forbund = r.data.finsam.forbund ?? {};
  return {
    skyddsgrans: r.data.finsam.skyddsgrans ?? STANDARD.skyddsgrans,
    tidigaAvhoppINamnaren: new Set(Object.entries(forbund).filter(([, v]) => v.tidiga_avhopp_i_namnaren).map(([k]) => k)),
  };
}

const mappningSchema = z.object({
  insats: z.string({ error: "insats saknas" }),
  forbund: z.string({ error: "förbund saknas" }).regex(/^[a-z0-9][a-z0-9-]*$/, "förväntat förbundets id, t.ex. sodra-dalarna"),
});

export function isInsatsMappning(headerKeys: readonly string[]): boolean {
  return headerKeys.includes("insats") && headerKeys.some((h) => h === "forbund" || h === "forbund_id") && !headerKeys.includes("startdatum") && !headerKeys.includes("avslut");
}

/** Insats name (by label key) -> förbund id. */
export function readInsatsMappning(bytes: Uint8Array, fil: string, findings: Findings): Map<string, string> | undefined {
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
