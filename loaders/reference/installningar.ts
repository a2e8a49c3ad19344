/**
 * A förbund's settings, in a JSON file in the data folder (recognised by its top-level key
 * `finsam`), and the mapping of insatser to förbund (a CSV with columns insats, forbund).
 *
 *   {"finsam": {"skyddsgrans": 5, "exportdatum": "2025-08-31",
 *               "forbund": {"sodra-dalarna": {"tidiga_avhopp_i_namnaren": false}}}}
 *
 * A förbund is named by its id or its name in the membership file (`reference/forbund.ts`).
 * The protection's method and noise (protect/parametrar.ts): "skyddsmetod", "brus".
 */
import { z } from "zod";
import type { DelimitedText } from "../read/delimited.ts";
import { readRecords } from "../read/records.ts";
import { textPlace, type Place } from "../read/decode.ts";
import { parseDatum, type Datum } from "../normalise/datum.ts";
import { showValue, type Findings } from "../validate/findings.ts";
import { BRUSNYCKLAR, skyddsinstallningar, skyddsschema, STANDARD_SKYDD, type Skyddsinstallningar } from "../protect/parametrar.ts";
import { okantForbund, type MappadInsats } from "./forbund.ts";
import type { Namnmatchare } from "./namn.ts";
import { ekonomiNycklar, ekonomiSchema, tolkaEkonomi, type EkonomiInstallningar } from "../kinds/ekonomi/installningar.ts";

export interface Installningar {
  /** k: counts 1..k-1 are never published (privacy.md). */
  readonly skyddsgrans: number;
  /** The protection's method (brus or undertryckning) and noise parameters. */
  readonly skydd: Skyddsinstallningar;
  /** Förbund whose tidiga avhopp stay in the denominator of andel_mal (ids once `knytInstallningar` has run). */
  readonly tidigaAvhoppINamnaren: ReadonlySet<string>;
  /**
   * The day the participant records were exported (`YYYY-MM-DD`): no date may come after it,
   * and a period is published once it has ended by then. Absent: the day of the run.
   */
  readonly exportdatum?: Datum;
  /** Where `exportdatum` is written, for findings. */
  readonly exportdatumPlats?: { readonly fil: string; readonly plats: Place | undefined };
  /**
   * The export date in force once the settings are merged (kinds/installningar.ts): the stated
   * one, or today (validate/exportdatum.ts).
   */
  readonly exportdag?: { readonly exportdatum: Datum; readonly angivet: boolean };
  /** Every förbund the file names, and where, to be checked against the membership. */
  readonly forbund?: readonly { readonly id: string; readonly fil: string; readonly plats: Place | undefined }[];
  /** Each förbund's economy settings (kinds/ekonomi/installningar.ts), by förbund id. */
  readonly ekonomi?: ReadonlyMap<string, EkonomiInstallningar>;
}

export const STANDARD: Installningar = { skyddsgrans: 5, skydd: STANDARD_SKYDD, tidigaAvhoppINamnaren: new Set() };

const schema = z.object({
  finsam: z.strictObject({
    skyddsgrans: z.number().int().min(3, "skyddsgrans: minst 3").max(50, "skyddsgrans: högst 50").optional(),
    ...skyddsschema,
    exportdatum: z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseDatum(s) !== undefined, "exportdatum: förväntat dagen då deltagaruppgifterna togs ut, ÅÅÅÅ-MM-DD, t.ex. \"2025-08-31\"").optional(),
    forbund: z.record(z.string(), z.strictObject({ tidiga_avhopp_i_namnaren: z.boolean().optional(), ekonomi: ekonomiSchema.optional() })).optional(),
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
          ? `okänd inställning "${showValue(namn)}"; förväntat ${issue.path.length <= 1 ? "skyddsgrans, skyddsmetod, brus, exportdatum eller forbund" : issue.path[1] === "brus" ? BRUSNYCKLAR.join(", ") : issue.path.includes("ekonomi") ? ekonomiNycklar(issue.path) : "tidiga_avhopp_i_namnaren eller ekonomi"}`
          : `${namn}: ${issue.message}`,
        message: key !== undefined ? "unknown setting" : "invalid setting",
      });
    }
    return undefined;
  }
  const forbund = r.data.finsam.forbund ?? {};
  const places = jsonPlaces(text);
  const exportdatum = r.data.finsam.exportdatum;
  return {
    skyddsgrans: r.data.finsam.skyddsgrans ?? STANDARD.skyddsgrans,
    skydd: skyddsinstallningar(r.data.finsam),
    tidigaAvhoppINamnaren: new Set(Object.entries(forbund).filter(([, v]) => v.tidiga_avhopp_i_namnaren).map(([k]) => k)),
    ...(exportdatum !== undefined ? { exportdatum: parseDatum(exportdatum)!, exportdatumPlats: { fil, plats: places.get(JSON.stringify(["finsam", "exportdatum"]))?.value } } : {}),
    forbund: Object.keys(forbund).map((id) => ({ id, fil, plats: places.get(JSON.stringify(["finsam", "forbund", id]))?.key })),
    ekonomi: new Map(Object.entries(forbund).flatMap(([id, v]) => (v.ekonomi ? [[id, tolkaEkonomi(v.ekonomi)] as const] : []))),
  };
}

/**
 * The settings with every förbund as its id: a förbund named by id or name in the membership
 * is taken, anything else is an error showing the value, the closest names and the accepted
 * ones (a setting for a förbund that does not exist would silently do nothing).
 */
export function knytInstallningar(inst: Installningar, matchare: Namnmatchare<string>, findings: Findings): Installningar {
  const id = new Map<string, string>();
  for (const f of inst.forbund ?? []) {
    const traff = matchare.hitta(f.id);
    if (traff !== undefined) {
      id.set(f.id, traff);
      continue;
    }
    const text = okantForbund(f.id, matchare);
    findings.fel({
      fil: f.fil, ...(f.plats ? { rad: f.plats.line, kolumn: f.plats.column } : {}), falt: `finsam.forbund.${f.id}`, varde: showValue(f.id), regel: "installningar.forbund",
      meddelande: text.meddelande, message: `${text.message} in the settings`,
    });
  }
  return {
    ...inst,
    tidigaAvhoppINamnaren: new Set([...inst.tidigaAvhoppINamnaren].flatMap((f) => (id.has(f) ? [id.get(f)!] : []))),
    ...(inst.forbund ? { forbund: inst.forbund.map((f) => ({ ...f, id: id.get(f.id) ?? f.id })) } : {}),
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
  insats: z.string({ error: "insats saknas; förväntat insatsens (teamets) namn" }),
  forbund: z.string({ error: "förbund saknas; förväntat förbundets id eller namn, t.ex. sodra-dalarna" }),
});

export const MAPPNING_KOLUMNER = { insats: ["insats", "team", "samverkansteam", "insatsnamn"], forbund: ["forbund", "förbund", "forbund_id", "samordningsförbund", "förbundsnamn"] } as const;

export function isInsatsMappning(headerKeys: readonly string[]): boolean {
  return headerKeys.includes("insats") && headerKeys.some((h) => h === "forbund" || h === "forbund_id") && !headerKeys.includes("startdatum") && !headerKeys.includes("avslut");
}

/**
 * The insats file's lines: insats name -> förbund as written (id or name). The förbund and
 * an insats given two förbund are checked against the membership by `knytInsatser`.
 */
export function readInsatsMappning(bytes: Uint8Array | DelimitedText, fil: string, findings: Findings): MappadInsats[] | undefined {
  let kolumner: Record<string, { kolumn: number }> = {};
  const rows = readRecords(bytes, fil, mappningSchema, MAPPNING_KOLUMNER, findings, { onHeader: (c) => (kolumner = c) });
  if (!rows) return undefined;
  return rows.map(({ value, line }) => ({
    insats: value.insats.trim(), forbund: value.forbund.trim(), fil, rad: line,
    ...(kolumner.insats ? { insatsKolumn: kolumner.insats.kolumn } : {}),
    ...(kolumner.forbund ? { forbundKolumn: kolumner.forbund.kolumn } : {}),
  }));
}
