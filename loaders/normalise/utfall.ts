/**
 * Aggregated outcome tables as teams report them (per insats, period and optionally kön):
 * inskrivna at the start, nyinskrivna, avslut and where they went, aktiva at the end. The
 * published tables are not always consistent; mismatches are warnings naming the row and both
 * numbers, and the figures are shown as reported, beside the computed ones.
 */
import { z } from "zod";
import type { DelimitedText } from "../read/delimited.ts";
import { readRecords } from "../read/records.ts";
import { labelKey } from "./labels.ts";
import type { Findings } from "../validate/findings.ts";

export const UTFALL_MATT = [
  "inskrivna_start",
  "nyinskrivna",
  "avslut",
  "tidiga_avhopp",
  "arbete",
  "studier",
  "arbetslivsinriktad_rehabilitering",
  "sjukersattning",
  "annat",
  "aktiva_slut",
] as const;
export type UtfallMatt = (typeof UTFALL_MATT)[number];

/** The outcomes that together should make up avslut. */
export const UTFALL_DELAR: readonly UtfallMatt[] = ["tidiga_avhopp", "arbete", "studier", "arbetslivsinriktad_rehabilitering", "sjukersattning", "annat"];

const antal = (namn: string) =>
  z
    .string()
    .regex(/^\d+$/, `${namn}: förväntat ett antal (heltal 0 eller större)`)
    .transform(Number)
    .optional();

const PERIOD = /^(\d{4})(?:-(\d{2}))?\s*(?:[–—-]{1,2}|till)\s*(\d{4})(?:-(\d{2}))?$/;

const schema = z.object({
  forbund: z.string().optional(),
  insats: z.string({ error: "insats saknas; förväntat insatsens (teamets) namn" }),
  ar: z.string().regex(/^\d{4}$/, "år: förväntat ett årtal, t.ex. 2018").optional(),
  fran: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "från: förväntat en månad ÅÅÅÅ-MM, t.ex. 2024-07").optional(),
  till: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "till: förväntat en månad ÅÅÅÅ-MM, t.ex. 2025-06").optional(),
  period: z.string().regex(PERIOD, "period: förväntat t.ex. 2024-07–2025-06").optional(),
  kon: z
    .string()
    .transform((s, ctx) => {
      const k = ({ kvinnor: "kvinnor", kvinna: "kvinnor", k: "kvinnor", man: "man", m: "man", alla: "alla", totalt: "alla", samtliga: "alla" } as const)[labelKey(s) as "k"];
      if (!k) {
        ctx.addIssue({ code: "custom", message: 'kön: förväntat "kvinnor", "män" eller "alla"' });
        return z.NEVER;
      }
      return k;
    })
    .optional(),
  inskrivna_start: antal("inskrivna vid periodens start"),
  nyinskrivna: antal("nyinskrivna"),
  avslut: antal("avslut"),
  tidiga_avhopp: antal("tidiga avhopp"),
  arbete: antal("arbete"),
  studier: antal("studier"),
  arbetslivsinriktad_rehabilitering: antal("annan arbetslivsinriktad rehabilitering"),
  sjukersattning: antal("sjukersättning"),
  annat: antal("annat"),
  aktiva_slut: antal("aktiva vid periodens slut"),
});

export const UTFALL_KOLUMNER = {
  forbund: ["forbund", "förbund"],
  insats: ["insats", "team", "samverkansteam"],
  ar: ["ar", "år"],
  fran: ["fran", "från"],
  till: ["till"],
  period: ["period"],
  kon: ["kon", "kön"],
  inskrivna_start: ["inskrivna_start", "inskrivna vid periodens start", "antal inskrivna", "inskrivna"],
  nyinskrivna: ["nyinskrivna", "antal nyinskrivna", "nyinskrivna under perioden"],
  avslut: ["avslut", "antal avslut", "antal avslut totalt", "avslut totalt"],
  tidiga_avhopp: ["tidiga_avhopp", "tidiga avhopp", "dropouts", "antal dropouts (tidiga avhopp)"],
  arbete: ["arbete", "antal i arbete"],
  studier: ["studier", "antal i studier"],
  arbetslivsinriktad_rehabilitering: ["arbetslivsinriktad_rehabilitering", "annan arbetslivsinriktad rehabilitering", "antal till annan arbetslivsinriktad rehab", "arbetslivsinriktad rehabilitering"],
  sjukersattning: ["sjukersattning", "sjukersättning", "antal till sjukersättning"],
  annat: ["annat", "antal till annat"],
  aktiva_slut: ["aktiva_slut", "aktiva vid periodens slut", "antal aktiva vid periodens slut", "aktiva"],
} as const;

export function isUtfallHeader(headerKeys: readonly string[]): boolean {
  const has = (field: keyof typeof UTFALL_KOLUMNER) => UTFALL_KOLUMNER[field].some((a) => headerKeys.includes(labelKey(a)));
  return has("insats") && has("avslut") && (has("nyinskrivna") || has("aktiva_slut")) && !headerKeys.includes("startdatum");
}

export interface RapporteratUtfall {
  readonly forbund: string | undefined;
  readonly insats: string;
  readonly fran: string;
  readonly till: string;
  readonly kon: "alla" | "kvinnor" | "man";
  readonly varden: Partial<Record<UtfallMatt, number>>;
  readonly fil: string;
  readonly rad: number;
  /** Columns of förbund and insats, for findings about the förbund made later. */
  readonly forbundKolumn?: number;
  readonly insatsKolumn?: number;
}

export function readUtfall(bytes: Uint8Array | DelimitedText, fil: string, findings: Findings): RapporteratUtfall[] | undefined {
  let columns: Record<string, { kolumn: number; namn: string }> = {};
  let headerLine = 1;
  const rows = readRecords(bytes, fil, schema, UTFALL_KOLUMNER, findings, {
    onHeader: (c, line) => {
      columns = c;
      headerLine = line;
    },
  });
  if (!rows) return undefined;
  if (!columns.ar && !columns.period && !(columns.fran && columns.till)) {
    findings.fel({
      fil, rad: headerLine, regel: "csv.kolumn_saknas",
      meddelande: `kolumn saknas: "år", "period" eller "från" och "till"; förväntat perioden som år (2018), period (2024-07–2025-06) eller två månader`,
      message: "missing column: år, period or från and till",
    });
    return undefined;
  }
  const at = (field: string) => (columns[field] ? { kolumn: columns[field].kolumn, falt: columns[field].namn } : {});
  const out: RapporteratUtfall[] = [];
  let ok = true;
  const seen = new Map<string, number>();
  for (const { value: v, line } of rows) {
    let fran = v.fran;
    let till = v.till;
    if (v.ar) [fran, till] = [`${v.ar}-01`, `${v.ar}-12`];
    else if (v.period) {
      const m = PERIOD.exec(v.period)!;
      [fran, till] = [`${m[1]}-${m[2] ?? "01"}`, `${m[3]}-${m[4] ?? "12"}`];
    }
    if (!fran || !till || fran > till) {
      ok = false;
      const field = fran && till ? (v.period ? "period" : "till") : (["ar", "period", "fran"].find((f) => columns[f]) ?? "fran");
      findings.fel({ fil, rad: line, ...at(field), regel: "utfall.period", meddelande: fran && till ? `perioden slutar (${till}) före start (${fran})` : "perioden saknas; förväntat kolumnen år, period eller från och till", message: "missing or reversed period" });
      continue;
    }
    const kon = v.kon ?? "alla";
    const key = `${v.forbund ?? ""}|${labelKey(v.insats)}|${fran}|${till}|${kon}`;
    if (seen.has(key)) {
      ok = false;
      findings.fel({ fil, rad: line, regel: "utfall.dubblett", meddelande: `samma insats, period och kön finns redan på rad ${seen.get(key)}`, message: "duplicate row" });
      continue;
    }
    seen.set(key, line);
    const varden: Partial<Record<UtfallMatt, number>> = {};
    for (const m of UTFALL_MATT) if (v[m] !== undefined) varden[m] = v[m];
    const rad: RapporteratUtfall = {
      forbund: v.forbund?.trim(), insats: v.insats.trim(), fran, till, kon, varden, fil, rad: line,
      ...(columns.forbund ? { forbundKolumn: columns.forbund.kolumn } : {}),
      ...(columns.insats ? { insatsKolumn: columns.insats.kolumn } : {}),
    };
    kontrollera(rad, findings);
    out.push(rad);
  }
  return ok ? out : undefined;
}

/** start + nya − avslut = aktiva, and the outcomes add up to avslut: else a warning. */
function kontrollera(r: RapporteratUtfall, findings: Findings): void {
  const v = r.varden;
  const vem = `${r.insats} ${r.fran}–${r.till}${r.kon === "alla" ? "" : ` (${r.kon === "man" ? "män" : "kvinnor"})`}`;
  if (v.inskrivna_start !== undefined && v.nyinskrivna !== undefined && v.avslut !== undefined && v.aktiva_slut !== undefined) {
    const berakna = v.inskrivna_start + v.nyinskrivna - v.avslut;
    if (berakna !== v.aktiva_slut) {
      findings.varning({
        fil: r.fil, rad: r.rad, regel: "utfall.flode",
        meddelande: `${vem}: inskrivna vid start + nyinskrivna − avslut = ${v.inskrivna_start} + ${v.nyinskrivna} − ${v.avslut} = ${berakna}, men aktiva vid slut är ${v.aktiva_slut}`,
        message: `start + new - exits = ${berakna}, but active at end is ${v.aktiva_slut}`,
      });
    }
  }
  const delar = UTFALL_DELAR.map((m) => v[m]);
  if (v.avslut !== undefined && delar.every((d) => d !== undefined)) {
    const summa = (delar as number[]).reduce((a, b) => a + b, 0);
    if (summa !== v.avslut) {
      findings.varning({
        fil: r.fil, rad: r.rad, regel: "utfall.avslut",
        meddelande: `${vem}: utfallen (tidiga avhopp, arbete, studier, arbetslivsinriktad rehabilitering, sjukersättning, annat) summerar till ${summa}, men avslut är ${v.avslut}`,
        message: `outcomes sum to ${summa}, but exits are ${v.avslut}`,
      });
    }
  }
}
