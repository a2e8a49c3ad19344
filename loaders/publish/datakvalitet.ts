/**
 * The published validation report (docs/utdata.md, "datakvalitet.csv" and "indatafiler.csv"):
 * what the site's Datakvalitet page shows. Only what is safe to publish reaches it:
 *
 * - a file is named by its name only, never by a local path;
 * - findings in files that hold or come from participant records (deltagaruppgifter,
 *   rapporterade utfall) and in files that were not recognised (their content is unknown) are
 *   published as one row per file and rule, without line, column, value or the finding's own
 *   message (which can hold counts or names): a fixed message per rule instead;
 * - for participant records even the number of findings is left out: the number of
 *   participations without kön is exactly alla − kvinnor − män, which the protection of the
 *   published tables assumes unknown (docs/definitioner/skydd.md);
 * - findings about the local machine (the pseudonymisation key) are left out: they are not
 *   about the inputs, and would make two builds from the same inputs differ.
 *
 * Errors stop the pipeline before any output, so the report holds warnings and infos only.
 */
import { basename } from "node:path";
import { csvFiler } from "./csv.ts";
import { schema, tabellFranRader, type Utdatatabell } from "./schema.ts";
import type { Allvar, Finding } from "../validate/findings.ts";

export interface Indatafil {
  readonly fil: string;
  readonly typ: string;
  readonly beskrivning: string;
}

export const DATAKVALITET = schema({
  namn: "datakvalitet",
  beskrivning: "valideringsrapporten: varningar och upplysningar om indata, i den form som får publiceras",
  kolumner: [
    { namn: "fil", typ: "text", beskrivning: "filens **namn** (aldrig sökvägen på datorn); flera filer som lästes som en kommaseparerade" },
    { namn: "rad", typ: "heltal", saknas: true, beskrivning: "rad i filen (från 1), tom när fyndet inte har någon plats" },
    { namn: "kolumn", typ: "heltal", saknas: true, beskrivning: "kolumn i filen (från 1), tom när fyndet inte har någon plats" },
    { namn: "falt", typ: "text", saknas: true, beskrivning: "kolumnens rubrik, t.ex. `2021M07`" },
    { namn: "varde", typ: "text", saknas: true, beskrivning: "värdet i cellen (maskerat om kolumnen är känslig)" },
    { namn: "regel", typ: "text", beskrivning: "regelns stabila id, t.ex. `he.saknas`" },
    { namn: "allvar", typ: "text", beskrivning: "`varning` eller `info`" },
    {
      namn: "antal", typ: "heltal", saknas: true,
      beskrivning: "hur många fynd raden står för: `1` för ett enskilt fynd; för en sammanfattad rad antalet; tomt när antalet inte publiceras",
    },
    { namn: "meddelande", typ: "text", beskrivning: "meddelandet på svenska" },
    { namn: "message", typ: "text", beskrivning: "meddelandet på engelska" },
  ],
});

export const INDATAFILER = schema({
  namn: "indatafiler",
  beskrivning: "filerna i datakatalogen och vad de kändes igen som",
  kolumner: [
    { namn: "fil", typ: "text", beskrivning: "filens namn" },
    {
      namn: "typ", typ: "text",
      beskrivning: "vad filen kändes igen som (indataslagen i [indata.md](indata.md), t.ex. `helårsekvivalenter`, `deltagaruppgifter`), eller `okänd`, `ignorerad`, `oläslig`",
    },
    { namn: "beskrivning", typ: "text", beskrivning: "t.ex. `ISO-8859-1/Windows-1252, bred tabell, 432 rader`; för deltagaruppgifter utan antal, för en okänd fil utan innehåll" },
  ],
});


export interface Rapportrad {
  readonly fil: string;
  readonly rad: number | null;
  readonly kolumn: number | null;
  readonly falt: string | null;
  readonly varde: string | null;
  readonly regel: string;
  readonly allvar: Allvar;
  /** How many findings the row stands for; null when the number itself is not published. */
  readonly antal: number | null;
  readonly meddelande: string;
  readonly message: string;
}

/** File kinds whose findings are published only as one row per rule, without details. */
const DELTAGARTYPER = new Set(["deltagaruppgifter"]);
const SAMMANFATTADE_TYPER = new Set(["deltagaruppgifter", "rapporterade utfall", "okänd", "oläslig"]);

/** Rules about the local machine, not the inputs: never published. */
const LOKALA_REGLER = /^nyckel\./;

/** Fixed messages for the summarised rules (the findings' own messages can hold values). */
const SAMMANFATTNING: Readonly<Record<string, readonly [string, string]>> = {
  "deltagare.kon_saknas": ["deltaganden utan kön; de räknas bara i kön \"alla\"", "participations without kön; counted only in 'alla'"],
  "deltagare.kon_personnummer": ["kön stämmer inte med personnumret; kolumnen kön används", "kön differs from the personnummer; the kön column is used"],
  "deltagare.id_personnummer": ["deltagar-id ser ut som personnummer; de pseudonymiseras som personnummer", "participant ids look like personnummer; they are pseudonymised as such"],
  "utfall.flode": ["inskrivna vid start + nyinskrivna − avslut stämmer inte med aktiva vid slut", "start + new − exits differs from active at end"],
  "utfall.avslut": ["utfallen summerar inte till antalet avslut", "the outcomes do not sum to the exits"],
  "fil.okand": ["filen känns inte igen och används inte", "unrecognised file; it is not used"],
  "deltagare.kolumn_lases_inte": ["kolumner som inte läses (t.ex. fritext); de förs aldrig vidare", "columns that are not read (e.g. free text); never passed on"],
  "deltagare.efter_sista_period": ["deltaganden som började efter den sista hela perioden; de räknas när en period som omfattar dem har tagit slut", "participations that started after the last complete period; counted once a period containing them has ended"],
  "insats.stavning": ["en insats skrivs på flera sätt; alla stavningar räknas som en insats", "an insats is written in several ways; all are counted as one"],
  "utfall.aktiva_under": ["inskrivna vid start + nyinskrivna stämmer inte med aktiva under perioden", "start + new differs from active during the period"],
  "utfall.eget_utfall": ["kolumner som läses som egna utfall av avsluten och räknas med i summan av utfallen", "columns read as outcomes of their own, counted in the sum of the outcomes"],
  "utfall.kolumn_oanvand": ["kolumner som inte känns igen och inte används", "columns that are not recognised and not used"],
  "utfall.medel_utan_grupp": ["ett medelvärde anges fast ingen nådde målet", "a mean is given but nobody reached the goal"],
  "utfall.medel_publiceras_inte": ["teamets medelvärden (genomströmningstid, tid före start) läses och kontrolleras men publiceras inte", "the team's means are read and checked but not published"],
};
const STANDARD_SAMMANFATTNING: readonly [string, string] = [
  "fynd i filen; rader och värden visas inte för att skydda enskilda",
  "findings in the file; lines and values are not shown to protect individuals",
];

/** Descriptions that could repeat a file's content (an unrecognised file's first line). */
const SKYDDADE_BESKRIVNINGAR: Readonly<Record<string, string>> = {
  deltagaruppgifter: "deltaganden i insatserna (antalet visas inte)",
  okänd: "känns inte igen och används inte",
};

/** `data/exempel/TAB1386.csv` -> `TAB1386.csv`; several files (`a.csv, b.csv`) each by name. */
export function filnamn(fil: string): string {
  return fil.split(", ").map((f) => basename(f.replace(/\\/g, "/"))).join(", ");
}

const ALLVAR_ORDNING: Record<Allvar, number> = { fel: 0, varning: 1, info: 2 };

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpTal(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/** Stable order: file, rule, severity, line and column (rows without them last), then text. */
export function jamforRapportrader(a: Rapportrad, b: Rapportrad): number {
  return cmp(a.fil, b.fil) || cmp(a.regel, b.regel) || ALLVAR_ORDNING[a.allvar] - ALLVAR_ORDNING[b.allvar]
    || cmpTal(a.rad, b.rad) || cmpTal(a.kolumn, b.kolumn) || cmp(a.falt ?? "", b.falt ?? "") || cmp(a.varde ?? "", b.varde ?? "")
    || cmp(a.meddelande, b.meddelande) || cmp(a.message, b.message);
}

export function rapportrader(findings: readonly Finding[], files: readonly Indatafil[]): Rapportrad[] {
  const typ = new Map(files.map((f) => [f.fil, f.typ]));
  const rader: Rapportrad[] = [];
  const sammanfattade = new Map<string, { fil: string; regel: string; allvar: Allvar; antal: number; deltagare: boolean }>();
  for (const f of findings) {
    if (f.allvar === "fel" || LOKALA_REGLER.test(f.regel)) continue;
    const fil = filnamn(f.fil);
    const t = typ.get(f.fil);
    if (t !== undefined && SAMMANFATTADE_TYPER.has(t)) {
      const key = `${fil}|${f.regel}|${f.allvar}`;
      const s = sammanfattade.get(key);
      if (s) s.antal++;
      else sammanfattade.set(key, { fil, regel: f.regel, allvar: f.allvar, antal: 1, deltagare: DELTAGARTYPER.has(t) });
      continue;
    }
    rader.push({
      fil, rad: f.rad ?? null, kolumn: f.kolumn ?? null, falt: f.falt ?? null, varde: f.varde ?? null,
      regel: f.regel, allvar: f.allvar, antal: 1, meddelande: f.meddelande, message: f.message,
    });
  }
  for (const s of sammanfattade.values()) {
    const [meddelande, message] = SAMMANFATTNING[s.regel] ?? STANDARD_SAMMANFATTNING;
    rader.push({
      fil: s.fil, rad: null, kolumn: null, falt: null, varde: null, regel: s.regel, allvar: s.allvar,
      antal: s.deltagare ? null : s.antal, meddelande, message,
    });
  }
  return rader.sort(jamforRapportrader);
}

export function indatafiler(files: readonly Indatafil[]): Indatafil[] {
  return files
    .map((f) => ({ fil: filnamn(f.fil), typ: f.typ, beskrivning: SKYDDADE_BESKRIVNINGAR[f.typ] ?? f.beskrivning }))
    .sort((a, b) => cmp(a.fil, b.fil) || cmp(a.typ, b.typ));
}

/** The tables `datakvalitet` and `indatafiler`. */
export function datakvalitetTabeller(findings: readonly Finding[], files: readonly Indatafil[]): Utdatatabell[] {
  return [tabellFranRader(DATAKVALITET, rapportrader(findings, files)), tabellFranRader(INDATAFILER, indatafiler(files))];
}

/** `datakvalitet.csv` and `indatafiler.csv` as text (tests). */
export function datakvalitetFiler(findings: readonly Finding[], files: readonly Indatafil[]): Map<string, string> {
  return csvFiler(datakvalitetTabeller(findings, files));
}
