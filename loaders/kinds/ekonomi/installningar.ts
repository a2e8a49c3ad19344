/**
 * A förbund's economy settings, in the settings file under
 * `{"finsam": {"forbund": {"<id>": {"ekonomi": {…}}}}}` (read by reference/installningar.ts):
 *
 *   "ekonomi": {
 *     "rapportdatum": "2025-08-31",
 *     "poster": {"10000": "styrelse", "35000": "insats", "50000": "intakter"},
 *     "konton": {"3510": {"rad": "medlemsbidrag", "not": "Bidrag från huvudmännen"}, "45": {"not": "Lämnade bidrag"}},
 *     "eget_kapital": {"hogst_andel": 0.2, "bas": "medelstilldelning", "lagst": 400000}
 *   }
 *
 * Every key is optional; docs/definitioner/ekonomi.md says what each one means.
 */
import { z } from "zod";

/** What an ID is, for the driftsredovisning and the shares of costs. */
export const POSTER = ["styrelse", "administration", "personalinriktade", "publikationer", "insats", "intakter"] as const;
export type Post = (typeof POSTER)[number];

/** Lines of the resultaträkning and balansräkning a konto can belong to. */
export const RESULTATRADER = ["medlemsbidrag", "ovriga_intakter", "verksamhetens_kostnader", "finansiella_intakter", "finansiella_kostnader", "extraordinara_poster", "resultatdisposition"] as const;
export const BALANSRADER = ["anlaggningstillgangar", "fordringar", "kortfristiga_placeringar", "kassa_och_bank", "eget_kapital", "avsattningar", "langfristiga_skulder", "kortfristiga_skulder"] as const;
export type Resultatrad = (typeof RESULTATRADER)[number];
export type Balansrad = (typeof BALANSRADER)[number];
export type Kontorad = Resultatrad | Balansrad;

/** The base of the eget kapital ceiling: the year's medelstilldelning, or the resultaträkning's verksamhetens intäkter. */
export const EK_BASER = ["medelstilldelning", "intakter"] as const;
export type EkBas = (typeof EK_BASER)[number];

const DATUM = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const ekonomiSchema = z.strictObject({
  rapportdatum: z.string().regex(DATUM, "rapportdatum: förväntat ett datum ÅÅÅÅ-MM-DD, t.ex. 2025-08-31").optional(),
  poster: z.record(z.string().min(1), z.enum(POSTER, { error: `förväntat en av ${POSTER.join(", ")}` })).optional(),
  konton: z
    .record(
      z.string().regex(/^\d{1,8}$/, "konton: nyckeln ska vara ett kontonummer eller början av ett (t.ex. \"3510\" eller \"45\")"),
      z.strictObject({
        rad: z.enum([...RESULTATRADER, ...BALANSRADER], { error: `förväntat en av ${[...RESULTATRADER, ...BALANSRADER].join(", ")}` }).optional(),
        not: z.string().min(1, "not: förväntat radens namn i noten").optional(),
      }),
    )
    .optional(),
  eget_kapital: z
    .strictObject({
      hogst_andel: z.number().min(0, "hogst_andel: en andel 0–1, t.ex. 0.2").max(1, "hogst_andel: en andel 0–1, t.ex. 0.2").optional(),
      bas: z.enum(EK_BASER, { error: `förväntat ${EK_BASER.join(" eller ")}` }).optional(),
      lagst: z.number().min(0, "lagst: ett belopp i kr, 0 eller större").optional(),
    })
    .optional(),
});

export type EkonomiJson = z.infer<typeof ekonomiSchema>;

export interface EgetKapitalRegler {
  /** Ceiling as a share of the base (the national recommendation 20 %). */
  readonly hogstAndel: number;
  readonly bas: EkBas;
  /** The förbund's own floor in kr (Södra Dalarna: 400 000), when it has one. */
  readonly lagstOre: number | undefined;
}

export interface EkonomiInstallningar {
  readonly rapportdatum: string | undefined;
  /** ID -> post; empty when the posts are recognised from the IDs' names. */
  readonly poster: ReadonlyMap<string, Post>;
  /** Konto prefix -> line and note line (longest prefix wins). */
  readonly konton: ReadonlyMap<string, { readonly rad?: Kontorad; readonly not?: string }>;
  readonly egetKapital: EgetKapitalRegler;
}

export const STANDARD_EK: EgetKapitalRegler = { hogstAndel: 0.2, bas: "medelstilldelning", lagstOre: undefined };

export const STANDARD_EKONOMI: EkonomiInstallningar = { rapportdatum: undefined, poster: new Map(), konton: new Map(), egetKapital: STANDARD_EK };

export function tolkaEkonomi(json: EkonomiJson): EkonomiInstallningar {
  return {
    rapportdatum: json.rapportdatum,
    poster: new Map(Object.entries(json.poster ?? {}).map(([id, post]) => [normaliseraId(id), post])),
    konton: new Map(Object.entries(json.konton ?? {}).map(([k, v]) => [k, { ...(v.rad ? { rad: v.rad } : {}), ...(v.not ? { not: v.not } : {}) }])),
    egetKapital: {
      hogstAndel: json.eget_kapital?.hogst_andel ?? STANDARD_EK.hogstAndel,
      bas: json.eget_kapital?.bas ?? STANDARD_EK.bas,
      lagstOre: json.eget_kapital?.lagst === undefined ? undefined : Math.round(json.eget_kapital.lagst * 100),
    },
  };
}

/** The keys the settings accept at a path inside `ekonomi` (for the message about an unknown key). */
export function ekonomiNycklar(path: readonly PropertyKey[]): string {
  const i = path.indexOf("ekonomi");
  const under = path.slice(i + 1).map(String);
  if (under.length === 0) return Object.keys(ekonomiSchema.shape).join(", ");
  if (under[0] === "konton") return "rad eller not";
  if (under[0] === "eget_kapital") return "hogst_andel, bas eller lagst";
  return Object.keys(ekonomiSchema.shape).join(", ");
}

/** `"35 000"` (as a verksamhetsplan prints it) and `35000` are the same ID. */
export function normaliseraId(id: string | number): string {
  const s = String(id).trim();
  return /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/.test(s) ? s.replace(/[ \u00a0\u202f]/g, "") : s;
}
