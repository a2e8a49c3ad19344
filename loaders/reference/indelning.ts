/**
 * Reference data: the 290 kommuner (code, name, län) and förbund membership with validity
 * months. Defaults live in `data/referens/`; a membership file in the data folder (recognised
 * by its header) replaces the default one.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { DelimitedText } from "../read/delimited.ts";
import { readRecords } from "../read/records.ts";
import { showValue, type Findings } from "../validate/findings.ts";
import { menadeDu, Namnmatchare } from "./namn.ts";

export interface Kommun {
  readonly kod: string;
  readonly namn: string;
  readonly lan: string;
  readonly lanNamn: string;
}

export interface Medlemskap {
  readonly forbund: string;
  readonly forbundNamn: string;
  readonly kommunkod: string;
  /** First valid month `YYYY-MM`, undefined = since always. */
  readonly fran: string | undefined;
  /** Last valid month `YYYY-MM` (inclusive), undefined = still valid. */
  readonly till: string | undefined;
}

export interface Indelning {
  readonly kommuner: ReadonlyMap<string, Kommun>;
  /** Län code -> name. */
  readonly lan: ReadonlyMap<string, string>;
  readonly medlemskap: readonly Medlemskap[];
  /** Where the membership came from (for the report). */
  readonly medlemskapFil: string;
}

export const REFERENS_DIR = fileURLToPath(new URL("../../data/referens/", import.meta.url));

const MANAD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A zod message that shows the value it refuses: `"2023-1": förväntat …`. */
const medVarde = (forvantat: string) => ({ error: (iss: { input?: unknown }) => `"${showValue(String(iss.input ?? ""))}": ${forvantat}` });

const kommunSchema = z.object({
  kommunkod: z.string({ error: "kommunkod saknas" }).regex(/^\d{4}$/, medVarde("förväntat fyrsiffrig kommunkod, t.ex. 0114")),
  kommun: z.string({ error: "kommunnamn saknas" }),
  lanskod: z.string({ error: "länskod saknas" }).regex(/^\d{2}$/, medVarde("förväntat tvåsiffrig länskod, t.ex. 20")),
  lan: z.string({ error: "länets namn saknas" }),
});

export const KOMMUN_KOLUMNER = {
  kommunkod: ["kommunkod", "kod"],
  kommun: ["kommun", "namn", "kommunnamn"],
  lanskod: ["lanskod", "länskod", "lan_kod"],
  lan: ["lan", "län", "lansnamn"],
} as const;

const medlemskapSchema = z.object({
  forbund: z.string({ error: "förbundets id saknas" }).regex(/^[a-z0-9][a-z0-9-]*$/, medVarde("förväntat ett id med små bokstäver a-z, siffror och bindestreck, t.ex. falun-borlange")),
  forbund_namn: z.string({ error: "förbundets namn saknas" }),
  kommunkod: z.string({ error: "kommunkod saknas; förväntat kommunens kod (t.ex. 2080) eller namn (Falun)" }),
  giltig_fran: z.string().regex(MANAD, medVarde("förväntat en månad som ÅÅÅÅ-MM, t.ex. 2023-01")).optional(),
  giltig_till: z.string().regex(MANAD, medVarde("förväntat en månad som ÅÅÅÅ-MM, t.ex. 2022-12")).optional(),
});

export const MEDLEMSKAP_KOLUMNER = {
  forbund: ["forbund", "förbund", "forbund_id"],
  forbund_namn: ["forbund_namn", "förbund_namn", "forbundsnamn"],
  kommunkod: ["kommunkod"],
  giltig_fran: ["giltig_fran", "giltig_från", "fran", "från"],
  giltig_till: ["giltig_till", "till"],
} as const;

export function readKommuner(bytes: Uint8Array, fil: string, findings: Findings): Map<string, Kommun> | undefined {
  const rows = readRecords(bytes, fil, kommunSchema, KOMMUN_KOLUMNER, findings);
  if (!rows) return undefined;
  const out = new Map<string, Kommun>();
  for (const { value: r, line } of rows) {
    if (out.has(r.kommunkod)) {
      findings.fel({ fil, rad: line, kolumn: 1, varde: r.kommunkod, regel: "referens.dubblett", meddelande: `kommunkod ${r.kommunkod} finns två gånger`, message: "duplicate kommun code" });
      continue;
    }
    out.set(r.kommunkod, { kod: r.kommunkod, namn: r.kommun, lan: r.lanskod, lanNamn: r.lan });
  }
  return out;
}

export function readMedlemskap(
  bytes: Uint8Array | DelimitedText, fil: string, kommuner: ReadonlyMap<string, Kommun>, findings: Findings,
): Medlemskap[] | undefined {
  let columns: Record<string, { kolumn: number; namn: string }> = {};
  const rows = readRecords(bytes, fil, medlemskapSchema, MEDLEMSKAP_KOLUMNER, findings, { onHeader: (c) => (columns = c) });
  if (!rows) return undefined;
  const at = (field: string) => (columns[field] ? { kolumn: columns[field].kolumn, falt: columns[field].namn } : { falt: field });
  const out: Medlemskap[] = [];
  const names = new Map<string, string>();
  let ok = true;
  const kommun = kommunmatchare(kommuner);
  for (const { value: rad, line } of rows) {
    const kod = kommunkod(rad.kommunkod, kommuner, kommun);
    if (kod.typ === "okand") {
      ok = false;
      findings.fel({ fil, rad: line, ...at("kommunkod"), varde: showValue(rad.kommunkod), regel: "referens.okand_kommun", meddelande: kod.meddelande, message: "unknown kommun (neither a code nor a name in data/referens/kommuner.csv)" });
    } else if (kod.typ === "nolla") {
      findings.varning({
        fil, rad: line, ...at("kommunkod"), varde: showValue(rad.kommunkod), regel: "referens.kommunkod_utan_nolla",
        meddelande: `kommunkoden "${rad.kommunkod}" saknar sin inledande nolla (som när Excel sparar koden som ett tal); läses som ${kod.kod} ${kommuner.get(kod.kod)!.namn}`,
        message: `kommun code without its leading zero; read as ${kod.kod}`,
      });
    }
    const r = { ...rad, kommunkod: kod.typ === "okand" ? rad.kommunkod : kod.kod };
    if (r.giltig_fran && r.giltig_till && r.giltig_fran > r.giltig_till) {
      ok = false;
      findings.fel({ fil, rad: line, ...at("giltig_till"), varde: r.giltig_till, regel: "referens.giltighet", meddelande: `giltig_till (${r.giltig_till}) är före giltig_fran (${r.giltig_fran})`, message: "end before start" });
    }
    const known = names.get(r.forbund);
    if (known !== undefined && known !== r.forbund_namn) {
      ok = false;
      findings.fel({ fil, rad: line, ...at("forbund_namn"), varde: r.forbund_namn, regel: "referens.forbundsnamn", meddelande: `förbundet "${r.forbund}" har två namn: "${known}" och "${r.forbund_namn}"`, message: "one förbund id with two names" });
    }
    names.set(r.forbund, r.forbund_namn);
    for (const other of out) {
      if (other.forbund === r.forbund && other.kommunkod === r.kommunkod && overlaps(other, r.giltig_fran, r.giltig_till)) {
        ok = false;
        findings.fel({ fil, rad: line, ...at("giltig_fran"), regel: "referens.overlapp", meddelande: `kommun ${r.kommunkod} är medlem i "${r.forbund}" två gånger under samma tid`, message: "overlapping memberships" });
      }
    }
    out.push({ forbund: r.forbund, forbundNamn: r.forbund_namn, kommunkod: r.kommunkod, fran: r.giltig_fran, till: r.giltig_till });
  }
  return ok ? out : undefined;
}

/** Kommuner by code, name, or both (`2080`, `Falun`, `2080 Falun`, `2080 - Falun`). */
export function kommunmatchare(kommuner: ReadonlyMap<string, Kommun>): Namnmatchare<string> {
  return new Namnmatchare([...kommuner.values()].map((k) => ({ varde: k.kod, namn: [k.kod, k.namn, `${k.kod} ${k.namn}`], visas: `${k.kod} ${k.namn}` })));
}

export type Kommunkod =
  | { readonly typ: "kod"; readonly kod: string }
  /** A code whose leading zero was stripped (`180` for 0180), where exactly one kommun fits. */
  | { readonly typ: "nolla"; readonly kod: string }
  | { readonly typ: "okand"; readonly meddelande: string };

/**
 * Where a kommun code is expected: the code, the name or both are taken; a code that lost its
 * leading zero is restored when exactly one kommun fits; anything else is unknown, with the
 * closest kommuner suggested.
 */
export function kommunkod(text: string, kommuner: ReadonlyMap<string, Kommun>, matchare = kommunmatchare(kommuner)): Kommunkod {
  const m = matchare.matcha(text);
  if (m.typ === "traff") return { typ: "kod", kod: m.varde };
  const t = text.trim();
  if (/^\d{1,3}$/.test(t)) {
    const kandidater = [...kommuner.keys()].filter((k) => k.replace(/^0+/, "") === t.replace(/^0+/, "") && k.length === 4);
    if (kandidater.length === 1) return { typ: "nolla", kod: kandidater[0]! };
  }
  const forslag = m.typ === "tvetydig" ? m.visas : m.forslag;
  return {
    typ: "okand",
    meddelande: `okänd kommun "${showValue(t)}"${menadeDu(forslag)}; förväntat en av de 290 kommunkoderna (t.ex. 2080) eller ett kommunnamn (Falun) i data/referens/kommuner.csv`,
  };
}

function overlaps(m: Medlemskap, fran: string | undefined, till: string | undefined): boolean {
  const aStart = m.fran ?? "0000-00";
  const aEnd = m.till ?? "9999-99";
  return aStart <= (till ?? "9999-99") && (fran ?? "0000-00") <= aEnd;
}

/** Is the membership valid in month `YYYY-MM`? */
export function giltig(m: Medlemskap, manad: string): boolean {
  return (m.fran === undefined || m.fran <= manad) && (m.till === undefined || manad <= m.till);
}

/** The default reference files shipped in `data/referens/`. */
export function readDefaultKommuner(findings: Findings): Map<string, Kommun> | undefined {
  const fil = "data/referens/kommuner.csv";
  return readKommuner(readFileSync(REFERENS_DIR + "kommuner.csv"), fil, findings);
}

export function defaultMedlemskapBytes(): { bytes: Uint8Array; fil: string } {
  return { bytes: readFileSync(REFERENS_DIR + "forbund.csv"), fil: "data/referens/forbund.csv" };
}

export function lanFrom(kommuner: ReadonlyMap<string, Kommun>): Map<string, string> {
  const lan = new Map<string, string>();
  for (const k of kommuner.values()) lan.set(k.lan, k.lanNamn);
  return lan;
}
