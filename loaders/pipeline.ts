/**
 * The whole pipeline for one data folder: read -> validate -> normalise -> compute -> protect
 * -> the tidy outputs. Nothing here writes files or prints; the CLI and the site build decide.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { Findings } from "./validate/findings.ts";
import { recognise, TABLE_EXTENSIONS } from "./validate/recognise.ts";
import { decodeOrReport, describeTable } from "./read/pxweb.ts";
import { defaultMedlemskapBytes, lanFrom, readDefaultKommuner, readMedlemskap, type Indelning } from "./reference/indelning.ts";
import { hamtaNyckel, NyckelError, type Nyckel } from "./reference/nyckel.ts";
import { isInstallningar, readInsatsMappning, readInstallningar, STANDARD, type Installningar } from "./reference/installningar.ts";
import { normaliseHelarsekvivalenter } from "./normalise/helarsekvivalenter.ts";
import type { ScbLasning } from "./normalise/scbtabell.ts";
import { regionreferens } from "./normalise/region.ts";
import { sammanfoga } from "./kub/sammanfoga.ts";
import { readDeltagare, type Deltagande } from "./normalise/deltagare.ts";
import { readUtfall, type RapporteratUtfall } from "./normalise/utfall.ts";
import { labelKey } from "./normalise/labels.ts";
import { computeHelarsekvivalenter, forbundSumma, type HeRad, type HeResultat } from "./compute/helarsekvivalenter.ts";
import { helarsekvivalenterFiler } from "./publish/helarsekvivalenter.ts";
import { insatserFiler } from "./publish/insatser.ts";
import { toCsv } from "./publish/csv.ts";
import { utdataText, type Utdata } from "./publish/tabellcsv.ts";
import { normaliseBas, type BasData } from "./normalise/bas.ts";
import { normaliseBefolkning, type BefolkningData } from "./normalise/befolkning.ts";
import { lasForsorjningsmattArbetsbok, lasForsorjningsmattCsv, type ForsorjningsmattData } from "./normalise/forsorjningsmatt.ts";
import { basFiler } from "./publish/bas.ts";
import { befolkningFiler } from "./publish/befolkning.ts";
import { forsorjningsmattFiler } from "./publish/forsorjningsmatt.ts";
import { datakvalitetFiler } from "./publish/datakvalitet.ts";
import { isXlsx } from "./read/decode.ts";
import { zipinnehall } from "./read/xlsx.ts";

export interface FileSummary {
  readonly fil: string;
  readonly typ: string;
  readonly beskrivning: string;
}

export interface PipelineResult {
  readonly findings: Findings;
  readonly files: FileSummary[];
  /** Output file name -> content; undefined when any error was found. */
  readonly outputs: Map<string, string> | undefined;
}

/** With `strommande`: the large tables as streams of bytes, written as they are formatted. */
export interface StrommandePipelineResult extends Omit<PipelineResult, "outputs"> {
  readonly outputs: Map<string, Utdata> | undefined;
  readonly helarsekvivalenter?: HeRad[];
}

export interface PipelineOptions {
  /** Progress for long runs (the CLI shows it on stderr when that is a terminal). */
  readonly progress?: (message: string) => void;
  /** Unprotected participant results for the förbund's own analysis: never for publishing. */
  readonly intern?: boolean;
  /** Overrides the protection threshold k of the settings file. */
  readonly k?: number;
  /** Environment for the pseudonymisation key (tests give their own). */
  readonly env?: NodeJS.ProcessEnv;
  /** Give the large tables as streams (`Utdatastrom`) for `writeOutputs`, instead of strings. */
  readonly strommande?: boolean;
}

const SKIPPED = /^(readme|license|licens)/i;

/** Files in the data folder that could be inputs (sorted for deterministic output). */
export function listInputFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith(".") && !SKIPPED.test(name))
    .filter((name) => {
      try {
        return statSync(join(dir, name)).isFile();
      } catch {
        return false; // a broken link: nothing to read
      }
    })
    .sort();
}

interface Inputs {
  he: ScbLasning[];
  deltagare: Deltagande[];
  utfall: RapporteratUtfall[];
  insatsMappning: Map<string, string>;
  installningar: Installningar;
  medlemskap: { bytes: Uint8Array; fil: string };
  bas: BasData[];
  befolkning: BefolkningData[];
  forsorjningsmatt: ForsorjningsmattData[];
}

export async function runPipeline(dir: string, options?: PipelineOptions & { strommande?: false }): Promise<PipelineResult>;
export async function runPipeline(dir: string, options: PipelineOptions & { strommande: true }): Promise<StrommandePipelineResult>;
export async function runPipeline(dir: string, options: PipelineOptions = {}): Promise<PipelineResult | StrommandePipelineResult> {
  const r = await kor(dir, options);
  if (options.strommande || !r.outputs) return r;
  return { ...r, outputs: new Map([...r.outputs].map(([namn, u]) => [namn, utdataText(u)])) };
}

async function kor(dir: string, options: PipelineOptions): Promise<StrommandePipelineResult> {
  const progress = options.progress ?? (() => {});
  const findings = new Findings();
  const files: FileSummary[] = [];
  const kommuner = readDefaultKommuner(findings);
  if (!kommuner) return { findings, files, outputs: undefined };

  const inputs = await readInputs(dir, kommuner, findings, files, options);
  const medlemskap = readMedlemskap(inputs.medlemskap.bytes, inputs.medlemskap.fil, kommuner, findings);
  if (!findings.hasErrors() && inputs.he.length === 0 && inputs.deltagare.length === 0 && inputs.utfall.length === 0
    && inputs.bas.length === 0 && inputs.befolkning.length === 0 && inputs.forsorjningsmatt.length === 0) {
    findings.fel({
      fil: dir, regel: "fil.inga_indata",
      meddelande: "hittar ingen känd indatafil (t.ex. SCB:s helårsekvivalenter, tabell HE0000T02N2, BAS, folkmängd, försörjningsmått eller deltagaruppgifter) i katalogen",
      message: "no recognised input file in the folder",
    });
  }
  if (medlemskap) {
    // A setting for a förbund that is not in the membership (a misspelt id) would do nothing.
    const known = new Set(medlemskap.map((m) => m.forbund));
    for (const f of inputs.installningar.forbund ?? []) {
      if (known.has(f.id)) continue;
      findings.fel({
        fil: f.fil, ...(f.plats ? { rad: f.plats.line, kolumn: f.plats.column } : {}), falt: `finsam.forbund.${f.id}`, varde: f.id, regel: "installningar.forbund",
        meddelande: `okänt förbund "${f.id}"; förväntat ett id ur förbundsindelningen (${[...known].sort().join(", ")})`,
        message: "unknown förbund id in the settings",
      });
    }
  }
  if (findings.hasErrors() || !medlemskap) return { findings, files, outputs: undefined };
  const indelning: Indelning = { kommuner, lan: lanFrom(kommuner), medlemskap, medlemskapFil: inputs.medlemskap.fil };

  const outputs = new Map<string, Utdata>();
  let he: HeResultat | undefined;
  let heRader: HeRad[] | undefined;
  if (inputs.he.length > 0) {
    const merged = sammanfoga(inputs.he, "he", findings);
    if (!merged) return { findings, files, outputs: undefined };
    progress("Beräknar helårsekvivalenter");
    he = computeHelarsekvivalenter(merged, indelning, findings);
    heRader = forbundSumma(he);
  }
  // Every published file is written, with only its header when that input is absent, so a
  // förbund with only SCB exports (or only participant records) builds the same site.
  for (const [name, content] of helarsekvivalenterFiler(he)) outputs.set(name, content);
  if (inputs.deltagare.length > 0 || inputs.utfall.length > 0) progress("Beräknar insatsernas resultat");
  const deltagare = withForbund(inputs.deltagare, inputs.insatsMappning, indelning, findings);
  const utfall = withForbund(inputs.utfall, inputs.insatsMappning, indelning, findings);
  if (!deltagare || !utfall) return { findings, files, outputs: undefined };
  const k = options.k ?? inputs.installningar.skyddsgrans;
  for (const [name, content] of insatserFiler({ deltagare, utfall, heRader, indelning, installningar: inputs.installningar, k, intern: options.intern ?? false })) {
    outputs.set(name, content);
  }
  progress("Beräknar arbetsmarknadsstatus, befolkning och försörjningsmått");
  for (const [name, content] of basFiler(inputs.bas, indelning, findings)) outputs.set(name, content);
  for (const [name, content] of befolkningFiler(inputs.befolkning, indelning, findings)) outputs.set(name, content);
  for (const [name, content] of forsorjningsmattFiler(inputs.forsorjningsmatt, indelning, findings)) outputs.set(name, content);
  outputs.set("indelning.csv", indelningCsv(indelning));
  if (options.intern && (inputs.deltagare.length > 0 || inputs.utfall.length > 0)) {
    outputs.set("INTERNT_FAR_INTE_PUBLICERAS.txt", "Dessa filer innehåller oskyddade deltagarresultat (finsam run --intern).\nDe får inte publiceras eller lämnas ut.\n");
  }
  if (findings.hasErrors()) return { findings, files, outputs: undefined };
  // Last, when every finding is in: the published validation report (only what is safe to publish).
  for (const [name, content] of datakvalitetFiler(findings.all, files)) outputs.set(name, content);
  return { findings, files, outputs: new Map([...outputs].sort(([a], [b]) => (a < b ? -1 : 1))), ...(heRader ? { helarsekvivalenter: heRader } : {}) };
}

async function readInputs(dir: string, kommuner: Indelning["kommuner"], findings: Findings, files: FileSummary[], options: PipelineOptions): Promise<Inputs> {
  const progress = options.progress ?? (() => {});
  const inputs: Inputs = {
    he: [], deltagare: [], utfall: [], insatsMappning: new Map(), installningar: STANDARD, medlemskap: defaultMedlemskapBytes(),
    bas: [], befolkning: [], forsorjningsmatt: [],
  };
  const lanKoder = new Set(lanFrom(kommuner).keys());
  const ref = regionreferens(kommuner);
  let nyckel: Nyckel | undefined;
  const getNyckel = (): Nyckel => {
    if (!nyckel) {
      nyckel = hamtaNyckel(options.env ?? process.env);
      if (nyckel.skapad) {
        findings.info({
          fil: nyckel.sokvag, regel: "nyckel.skapad",
          meddelande: `en ny nyckel för pseudonymisering av personnummer skapades i ${nyckel.sokvag}; förvara den utanför projektet och dela den inte`,
          message: "a new pseudonymisation key was created",
        });
      }
    }
    return nyckel;
  };
  const seen = { medlemskap: false, installningar: false };
  const names = listInputFiles(dir);
  for (const [i, name] of names.entries()) {
    const fil = join(dir, name);
    const ext = extname(name).toLowerCase();
    let bytes: Buffer;
    try {
      bytes = readFileSync(fil);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "okänt fel";
      findings.fel({ fil, regel: "fil.oläslig", meddelande: `filen kan inte läsas (${code}); kontrollera behörigheten`, message: `the file cannot be read (${code})` });
      files.push({ fil, typ: "oläslig", beskrivning: "kunde inte läsas" });
      continue;
    }
    if (ext === ".json") {
      const text = decodeOrReport(bytes, fil, findings, "en JSON-fil med inställningar")?.text;
      if (text !== undefined && isInstallningar(text)) {
        if (seen.installningar) findings.fel({ fil, regel: "fil.flera_installningar", meddelande: "datakatalogen har mer än en inställningsfil; förväntat högst en", message: "more than one settings file" });
        seen.installningar = true;
        const inst = readInstallningar(text, fil, findings);
        if (inst) inputs.installningar = inst;
        files.push({ fil, typ: "inställningar", beskrivning: inst ? `skyddsgräns k = ${inst.skyddsgrans}` : "ogiltiga" });
      } else {
        files.push({ fil, typ: "okänd", beskrivning: "JSON-fil utan nyckeln \"finsam\"" });
        findings.varning({ fil, regel: "fil.okand", meddelande: "filen känns inte igen och används inte (JSON utan nyckeln \"finsam\")", message: "unrecognised file; it is not used" });
      }
      continue;
    }
    if (!TABLE_EXTENSIONS.includes(ext)) {
      files.push({ fil, typ: "ignorerad", beskrivning: `filtypen ${ext} läses inte` });
      findings.varning({ fil, regel: "fil.okand_typ", meddelande: `filen används inte (filtypen ${ext} läses inte)`, message: "file type not read; the file is ignored" });
      continue;
    }
    progress(`Läser ${name} (${i + 1}/${names.length})`);
    // A zip under another name (an xlsx renamed to .csv) is read as a workbook only when its zip
    // directory is intact; a damaged one is "an Excel workbook, not CSV" (fil.xlsx), not xlsx.skadad.
    if (isXlsx(bytes) && (ext === ".xlsx" || zipinnehall(bytes) !== undefined)) {
      const arbetsbok = await lasForsorjningsmattArbetsbok(bytes, fil, kommuner, findings);
      if (arbetsbok !== "okand") {
        files.push({ fil, typ: "försörjningsmått", beskrivning: arbetsbok ? "Excel-arbetsbok" : "fel" });
        if (arbetsbok) inputs.forsorjningsmatt.push(arbetsbok);
        continue;
      }
    }
    const fileFindings = new Findings();
    const r = recognise(bytes, fil, fileFindings);
    const keep = () => { for (const f of fileFindings.all) findings.add(f); };
    switch (r.kind) {
      case "oläslig":
        keep();
        files.push({ fil, typ: "oläslig", beskrivning: "kunde inte läsas" });
        continue;
      case "okand":
        files.push({ fil, typ: "okänd", beskrivning: r.beskrivning });
        findings.varning({ fil, regel: "fil.okand", meddelande: `filen känns inte igen och används inte (${r.beskrivning})`, message: "unrecognised file; it is not used" });
        continue;
      case "forbundsindelning":
        if (seen.medlemskap) findings.fel({ fil, regel: "fil.flera_indelningar", meddelande: "datakatalogen har mer än en förbundsindelning; förväntat högst en", message: "more than one membership file in the data folder" });
        seen.medlemskap = true;
        inputs.medlemskap = { bytes, fil };
        files.push({ fil, typ: "förbundsindelning", beskrivning: "ersätter data/referens/forbund.csv" });
        continue;
      case "helarsekvivalenter": {
        keep();
        files.push({ fil, typ: "helårsekvivalenter", beskrivning: describeTable(r.table) });
        const data = normaliseHelarsekvivalenter(r.table, ref, findings);
        if (data) inputs.he.push(data);
        continue;
      }
      case "deltagare": {
        let rows: Deltagande[] | undefined;
        try {
          rows = readDeltagare(bytes, fil, getNyckel, findings);
        } catch (e) {
          if (!(e instanceof NyckelError)) throw e;
          findings.fel({ fil: nyckelFil(options), regel: "nyckel.skadad", meddelande: e.message, message: "the pseudonymisation key file is damaged" });
        }
        files.push({ fil, typ: "deltagaruppgifter", beskrivning: rows ? `${rows.length} deltaganden` : "fel" });
        if (rows) inputs.deltagare.push(...rows);
        continue;
      }
      case "utfall": {
        const rows = readUtfall(bytes, fil, findings);
        files.push({ fil, typ: "rapporterade utfall", beskrivning: rows ? `${rows.length} rader` : "fel" });
        if (rows) inputs.utfall.push(...rows);
        continue;
      }
      case "bas_status":
      case "bas_inkomstkalla":
      case "bas_inkomstniva": {
        keep();
        files.push({ fil, typ: BAS_TYP[r.kind], beskrivning: describeTable(r.table) });
        const data = normaliseBas(r.kind, r.table, ref, findings);
        if (data) inputs.bas.push(data);
        continue;
      }
      case "befolkning": {
        keep();
        files.push({ fil, typ: "folkmängd", beskrivning: describeTable(r.table) });
        const data = normaliseBefolkning(r.table, ref, findings);
        if (data) inputs.befolkning.push(data);
        continue;
      }
      case "forsorjningsmatt": {
        keep();
        const data = lasForsorjningsmattCsv(bytes, fil, kommuner, findings);
        files.push({ fil, typ: "försörjningsmått", beskrivning: data ? "CSV sparad från arbetsboken" : "fel" });
        if (data) inputs.forsorjningsmatt.push(data);
        continue;
      }
      case "insatser": {
        const map = readInsatsMappning(bytes, fil, findings);
        files.push({ fil, typ: "insatsernas förbund", beskrivning: map ? `${map.size} insatser` : "fel" });
        if (map) for (const [k, v] of map) inputs.insatsMappning.set(k, v);
        continue;
      }
    }
  }
  return inputs;
}

const BAS_TYP = {
  bas_status: "BAS arbetsmarknadsstatus",
  bas_inkomstkalla: "BAS huvudsaklig inkomstkälla",
  bas_inkomstniva: "BAS inkomstkälla och inkomstnivå",
} as const;

function nyckelFil(options: PipelineOptions): string {
  return (options.env ?? process.env).FINSAM_NYCKEL ?? "nyckelfilen";
}

/**
 * Every participation and reported row belongs to a förbund known to the membership file: from
 * its own column, or from the insats mapping.
 */
function withForbund<T extends { forbund: string | undefined; insats: string; fil: string; rad: number; forbundKolumn?: number; insatsKolumn?: number }>(
  rows: readonly T[], mappning: ReadonlyMap<string, string>, indelning: Indelning, findings: Findings,
): (T & { forbund: string })[] | undefined {
  const known = new Set(indelning.medlemskap.map((m) => m.forbund));
  const reported = new Set<string>();
  const out: (T & { forbund: string })[] = [];
  let ok = true;
  for (const r of rows) {
    const forbund = r.forbund ?? mappning.get(labelKey(r.insats));
    if (forbund === undefined || !known.has(forbund)) {
      ok = false;
      const key = `${r.fil}|${forbund ?? ""}|${r.insats}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const kolumn = r.forbund !== undefined ? r.forbundKolumn : r.insatsKolumn;
      findings.fel({
        fil: r.fil, rad: r.rad, ...(kolumn !== undefined ? { kolumn } : {}), falt: r.forbund !== undefined ? "forbund" : "insats",
        ...(forbund !== undefined ? { varde: forbund } : {}), regel: "insats.forbund",
        meddelande: forbund === undefined
          ? `förbund saknas för insatsen "${r.insats}"; förväntat kolumnen förbund eller en fil med kolumnerna insats,forbund`
          : `okänt förbund "${forbund}"; förväntat ett id ur förbundsindelningen (${[...known].sort().join(", ")})`,
        message: forbund === undefined ? "missing förbund for the insats" : "unknown förbund id",
      });
      continue;
    }
    out.push({ ...r, forbund });
  }
  return ok ? out : undefined;
}

function indelningCsv(indelning: Indelning): string {
  const rows = indelning.medlemskap
    .map((m) => ({
      forbund: m.forbund, forbund_namn: m.forbundNamn, kommunkod: m.kommunkod,
      kommun: indelning.kommuner.get(m.kommunkod)!.namn, lan: indelning.kommuner.get(m.kommunkod)!.lan,
      giltig_fran: m.fran ?? "", giltig_till: m.till ?? "",
    }))
    .sort((a, b) => cmp(a.forbund, b.forbund) || cmp(a.kommunkod, b.kommunkod) || cmp(a.giltig_fran, b.giltig_fran));
  return toCsv(rows, ["forbund", "forbund_namn", "kommunkod", "kommun", "lan", "giltig_fran", "giltig_till"]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
