/**
 * Participant records (one row per participation in an insats) as teams keep them: column
 * names in common Swedish spellings, Swedish dates, decimal comma. Personnummer are validated
 * and replaced by a keyed pseudonym at read time; they never leave this module unmasked.
 */
import { z } from "zod";
import type { DelimitedText } from "../read/delimited.ts";
import { readRecords, type Located } from "../read/records.ts";
import { labelKey } from "./labels.ts";
import { parseDatum, type Datum } from "./datum.ts";
import { maskPersonnummer, parsePersonnummer, PERSONNUMMER_FEL } from "../validate/personnummer.ts";
import { hittaPersonnummer } from "../protect/lackor.ts";
import type { Nyckel } from "../reference/nyckel.ts";
import type { Findings } from "../validate/findings.ts";

export const AVSLUTSORSAKER = [
  "arbete",
  "studier",
  "arbetslivsinriktad_rehabilitering",
  "medicinsk_rehabilitering",
  "sjukersattning",
  "annat",
  "tidigt_avhopp",
  "overflyttad",
] as const;
export type Avslutsorsak = (typeof AVSLUTSORSAKER)[number];

/** The goal: work, studies or (other) work-oriented rehabilitation. */
export const MAL: ReadonlySet<Avslutsorsak> = new Set(["arbete", "studier", "arbetslivsinriktad_rehabilitering"]);

const ORSAK_ALIAS: ReadonlyMap<string, Avslutsorsak> = new Map(
  (
    [
      ["arbete", "arbete"], ["arbete/anställning", "arbete"], ["anställning", "arbete"], ["arbete med stöd", "arbete"], ["subventionerat arbete", "arbete"],
      ["studier", "studier"], ["utbildning", "studier"], ["studier/utbildning", "studier"],
      ["arbetslivsinriktad rehabilitering", "arbetslivsinriktad_rehabilitering"], ["annan arbetslivsinriktad rehabilitering", "arbetslivsinriktad_rehabilitering"],
      ["arbetslivsinriktad rehab", "arbetslivsinriktad_rehabilitering"], ["alr", "arbetslivsinriktad_rehabilitering"], ["arbetslivsinriktad_rehabilitering", "arbetslivsinriktad_rehabilitering"],
      ["medicinsk rehabilitering", "medicinsk_rehabilitering"], ["medicinsk rehab", "medicinsk_rehabilitering"], ["medicinsk_rehabilitering", "medicinsk_rehabilitering"],
      ["sjukersättning", "sjukersattning"], ["sjukersattning", "sjukersattning"], ["aktivitetsersättning", "sjukersattning"],
      ["annat", "annat"], ["övrigt", "annat"], ["annan orsak", "annat"],
      ["tidigt avhopp", "tidigt_avhopp"], ["tidigt_avhopp", "tidigt_avhopp"], ["avhopp", "tidigt_avhopp"], ["tidigt avbrott", "tidigt_avhopp"],
      ["överflyttad", "overflyttad"], ["overflyttad", "overflyttad"], ["överförd", "overflyttad"], ["flyttad till annan insats", "overflyttad"],
    ] as const
  ).map(([label, orsak]) => [labelKey(label), orsak]),
);

const KON_ALIAS: ReadonlyMap<string, "kvinnor" | "man"> = new Map(
  (
    [["kvinna", "kvinnor"], ["kvinnor", "kvinnor"], ["k", "kvinnor"], ["f", "kvinnor"], ["man", "man"], ["män", "man"], ["m", "man"]] as const
  ).map(([l, k]) => [labelKey(l), k]),
);

/** Numbers as Swedish Excel writes them: `5,5` or `5.5`. */
const tal = (falt: string) =>
  z
    .string()
    .transform((s, ctx) => {
      const v = Number(s.replace(/\s/g, "").replace(",", "."));
      if (!/^\d+(?:[.,]\d+)?$/.test(s.replace(/\s/g, "")) || !Number.isFinite(v)) {
        ctx.addIssue({ code: "custom", message: `${falt}: förväntat ett tal som är 0 eller större, t.ex. 18 eller 1,5` });
        return z.NEVER;
      }
      return v;
    })
    .optional();

const datum = (falt: string) =>
  z.string().transform((s, ctx) => {
    const d = parseDatum(s);
    if (!d) {
      ctx.addIssue({ code: "custom", message: `${falt}: ogiltigt datum; förväntat ÅÅÅÅ-MM-DD, t.ex. 2024-03-15` });
      return z.NEVER;
    }
    return d;
  });

const schema = z.object({
  deltagare_id: z.string().optional(),
  personnummer: z.string().optional(),
  insats: z.string({ error: "insats saknas; förväntat insatsens (teamets) namn" }),
  forbund: z.string().optional(),
  kon: z
    .string()
    .transform((s, ctx) => {
      const k = KON_ALIAS.get(labelKey(s));
      if (!k) {
        ctx.addIssue({ code: "custom", message: 'kön: förväntat "kvinna" eller "man" (K/M)' });
        return z.NEVER;
      }
      return k;
    })
    .optional(),
  fodelsear: z.string().regex(/^(19|20)\d{2}$/, "födelseår: förväntat ett årtal, t.ex. 1985").transform(Number).optional(),
  startdatum: datum("startdatum").optional(),
  slutdatum: datum("slutdatum").optional(),
  avslutsorsak: z
    .string()
    .transform((s, ctx) => {
      const o = ORSAK_ALIAS.get(labelKey(s));
      if (!o) {
        ctx.addIssue({
          code: "custom",
          message: "avslutsorsak: okänd; förväntat arbete, studier, arbetslivsinriktad rehabilitering, medicinsk rehabilitering, sjukersättning, annat, tidigt avhopp eller överflyttad",
        });
        return z.NEVER;
      }
      return o;
    })
    .optional(),
  manader_utan_arbete_fore_start: tal("månader utan arbete före start"),
  ar_fore_start: tal("år utan arbete före start"),
  forsorjning_fore_start: z.string().optional(),
});

export const DELTAGARE_KOLUMNER = {
  deltagare_id: ["deltagare_id", "deltagarid", "deltagar-id", "deltagar_id", "id", "löpnummer", "lopnummer", "pseudonym"],
  personnummer: ["personnummer", "pnr", "personnr", "person_nr"],
  insats: ["insats", "team", "samverkansteam", "verksamhet", "insatsnamn"],
  forbund: ["forbund", "förbund", "samordningsförbund", "forbund_id"],
  kon: ["kon", "kön", "kön (k/m)", "kvinna/man"],
  fodelsear: ["fodelsear", "födelseår", "fodd_ar", "född år"],
  startdatum: ["startdatum", "start", "inskrivningsdatum", "inskriven", "startdatum insats", "start_datum"],
  slutdatum: ["slutdatum", "slut", "avslutsdatum", "utskrivningsdatum", "avslutad", "slut_datum"],
  avslutsorsak: ["avslutsorsak", "avslutsanledning", "orsak till avslut", "avslutsorsak/anledning", "avslut_orsak"],
  manader_utan_arbete_fore_start: ["manader_utan_arbete_fore_start", "månader utan arbete före start", "manader_fore_start", "månader före start"],
  ar_fore_start: ["ar_fore_start", "år före start", "år utan arbete före start", "ar_utan_arbete_fore_start"],
  forsorjning_fore_start: ["forsorjning_fore_start", "försörjning före start", "forsorjning"],
} as const;

/**
 * Does a header look like participant records? Insats, startdatum and an id or personnummer;
 * with one of them missing, also an end date or reason, so the missing column is reported
 * instead of the file passing unrecognised.
 */
export function isDeltagarHeader(headerKeys: readonly string[]): boolean {
  const has = (field: keyof typeof DELTAGARE_KOLUMNER) => DELTAGARE_KOLUMNER[field].some((a) => headerKeys.includes(labelKey(a)));
  const core = [has("insats"), has("startdatum"), has("deltagare_id") || has("personnummer")].filter(Boolean).length;
  return core === 3 || (core === 2 && (has("slutdatum") || has("avslutsorsak")));
}

export interface Deltagande {
  /** Pseudonymous person id: the team's own id, or a keyed hash of the personnummer. */
  readonly person: string;
  readonly insats: string;
  readonly forbund: string | undefined;
  readonly kon: "kvinnor" | "man" | undefined;
  readonly start: Datum;
  readonly slut: Datum | undefined;
  readonly orsak: Avslutsorsak | undefined;
  /** Years without work or studies before start. */
  readonly arForeStart: number | undefined;
  readonly fil: string;
  readonly rad: number;
  /** Columns of förbund and insats, for findings about the förbund made later. */
  readonly forbundKolumn?: number;
  readonly insatsKolumn?: number;
}

export function readDeltagare(bytes: Uint8Array | DelimitedText, fil: string, nyckel: () => Nyckel, findings: Findings): Deltagande[] | undefined {
  let columns: Record<string, { kolumn: number; namn: string }> = {};
  let headerLine = 1;
  const rows = readRecords(bytes, fil, schema, DELTAGARE_KOLUMNER, findings, {
    mask: { personnummer: maskPersonnummer },
    onHeader: (c, line) => {
      columns = c;
      headerLine = line;
    },
  });
  if (!rows) return undefined;
  const at = (field: string) => (columns[field] ? { kolumn: columns[field].kolumn, falt: columns[field].namn } : {});
  if (!columns.deltagare_id && !columns.personnummer) {
    findings.fel({ fil, rad: headerLine, regel: "deltagare.id", meddelande: "kolumn saknas: \"deltagare_id\" eller \"personnummer\"", message: "missing column: deltagare_id or personnummer" });
    return undefined;
  }
  if (!columns.startdatum) {
    findings.fel({ fil, rad: headerLine, regel: "csv.kolumn_saknas", meddelande: "kolumn saknas: \"startdatum\"", message: "missing column: startdatum" });
    return undefined;
  }
  let ok = true;
  const fel = (r: Located<unknown>, field: string, regel: string, meddelande: string, message: string, varde?: string) => {
    ok = false;
    findings.fel({ fil, rad: r.line, ...at(field), ...(varde !== undefined ? { varde } : {}), regel, meddelande, message });
  };
  const out: Deltagande[] = [];
  const seen = new Map<string, number>();
  let idVarnad = false;
  for (const r of rows) {
    const v = r.value;
    let person: string | undefined = v.deltagare_id;
    let kon = v.kon;
    if (person !== undefined && parsePersonnummer(person).ok) {
      // A personnummer in the id column is treated as one: pseudonymised, never kept.
      const pnr = parsePersonnummer(person);
      if (pnr.ok) {
        person = nyckel().pseudonym(pnr.tio);
        kon ??= pnr.kon;
      }
      if (!idVarnad) {
        idVarnad = true;
        findings.varning({ fil, rad: r.line, ...at("deltagare_id"), regel: "deltagare.id_personnummer", meddelande: "deltagar-id ser ut som personnummer; de pseudonymiseras som personnummer", message: "participant ids look like personnummer; they are pseudonymised as such" });
      }
    }
    if (v.personnummer !== undefined) {
      const pnr = parsePersonnummer(v.personnummer);
      if (!pnr.ok) {
        fel(r, "personnummer", "deltagare.personnummer", `ogiltigt personnummer: ${PERSONNUMMER_FEL[pnr.orsak]}`, "invalid personnummer", maskPersonnummer(v.personnummer));
        continue;
      }
      person ??= nyckel().pseudonym(pnr.tio);
      if (kon === undefined) kon = pnr.kon;
      else if (kon !== pnr.kon) {
        findings.varning({ fil, rad: r.line, ...at("kon"), regel: "deltagare.kon_personnummer", meddelande: "kön stämmer inte med personnumret; kolumnen kön används", message: "kön differs from the personnummer; the kön column is used" });
      }
    }
    if (person === undefined) {
      fel(r, columns.deltagare_id ? "deltagare_id" : "personnummer", "deltagare.id", "deltagar-id och personnummer saknas; förväntat ett av dem", "missing participant id");
      continue;
    }
    // Insats and förbund are published as they are written: a personnummer in them would be too.
    const publicerad = (["insats", "forbund"] as const).find((f) => v[f] !== undefined && hittaPersonnummer(v[f]!).length > 0);
    if (publicerad) {
      const hit = hittaPersonnummer(v[publicerad]!)[0]!;
      fel(r, publicerad, "deltagare.personnummer_i_text", `${publicerad === "insats" ? "insatsens namn" : "förbundet"} innehåller något som ser ut som ett personnummer (${hit.visas}); kolumnen publiceras och får inte innehålla personnummer`, "a published column contains what looks like a personnummer", hit.visas);
      continue;
    }
    if (v.startdatum === undefined) {
      fel(r, "startdatum", "deltagare.start", "startdatum saknas; förväntat ÅÅÅÅ-MM-DD", "missing start date");
      continue;
    }
    if (v.slutdatum !== undefined && v.slutdatum < v.startdatum) {
      fel(r, "slutdatum", "deltagare.slut_fore_start", `slutdatum ${v.slutdatum} är före startdatum ${v.startdatum}`, "end date before start date", v.slutdatum);
      continue;
    }
    if (v.slutdatum !== undefined && v.avslutsorsak === undefined) {
      fel(r, "avslutsorsak", "deltagare.orsak_saknas", "avslutsorsak saknas för ett avslutat deltagande; förväntat t.ex. arbete, studier eller tidigt avhopp", "missing reason for an ended participation");
      continue;
    }
    if (v.slutdatum === undefined && v.avslutsorsak !== undefined) {
      fel(r, "slutdatum", "deltagare.slut_saknas", "avslutsorsak finns men slutdatum saknas; förväntat slutdatum ÅÅÅÅ-MM-DD", "reason given but no end date");
      continue;
    }
    const key = `${person}|${labelKey(v.insats)}|${v.startdatum}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fel(r, "startdatum", "deltagare.dubblett", `samma deltagande (samma person, insats och startdatum) finns redan på rad ${first}`, `duplicate participation (line ${first})`);
      continue;
    }
    seen.set(key, r.line);
    if (kon === undefined) {
      findings.varning({ fil, rad: r.line, ...at("kon"), regel: "deltagare.kon_saknas", meddelande: "kön saknas; deltagandet räknas bara i kön \"alla\"", message: "kön missing; counted only in 'alla'" });
    }
    const arForeStart = v.ar_fore_start ?? (v.manader_utan_arbete_fore_start !== undefined ? v.manader_utan_arbete_fore_start / 12 : undefined);
    out.push({
      person, insats: v.insats.trim(), forbund: v.forbund?.trim(), kon, start: v.startdatum, slut: v.slutdatum,
      orsak: v.avslutsorsak, arForeStart, fil, rad: r.line,
      ...(columns.forbund ? { forbundKolumn: columns.forbund.kolumn } : {}),
      ...(columns.insats ? { insatsKolumn: columns.insats.kolumn } : {}),
    });
  }
  return ok ? out : undefined;
}
