/**
 * The whole pipeline for one data folder: read -> validate -> normalise -> compute -> the tidy
 * outputs. Nothing here writes files or prints; the CLI and the site build decide that.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { Findings } from "./validate/findings.ts";
import { recognise, TABLE_EXTENSIONS } from "./validate/recognise.ts";
import { describeTable } from "./read/pxweb.ts";
import { defaultMedlemskapBytes, lanFrom, readDefaultKommuner, readMedlemskap, type Indelning } from "./reference/indelning.ts";
import { normaliseHelarsekvivalenter, type HeData, type HeManadsvarde } from "./normalise/helarsekvivalenter.ts";
import { computeHelarsekvivalenter, type HeRad } from "./compute/helarsekvivalenter.ts";
import { halvarstabell } from "./compute/halvarstabell.ts";
import { toCsv } from "./publish/csv.ts";

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
  readonly helarsekvivalenter?: HeRad[];
}

export interface PipelineEffects {
  /** Progress for long runs (the CLI shows it on stderr when that is a terminal). */
  progress?: (message: string) => void;
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

export function runPipeline(dir: string, effects: PipelineEffects = {}): PipelineResult {
  const progress = effects.progress ?? (() => {});
  const findings = new Findings();
  const files: FileSummary[] = [];
  const kommuner = readDefaultKommuner(findings);
  if (!kommuner) return { findings, files, outputs: undefined };

  const heData: HeData[] = [];
  let medlemskapSource = defaultMedlemskapBytes();
  let localMedlemskap = false;
  const names = listInputFiles(dir);
  names.forEach((name, i) => {
    const fil = join(dir, name);
    const ext = extname(name).toLowerCase();
    if (!TABLE_EXTENSIONS.includes(ext)) {
      files.push({ fil, typ: "ignorerad", beskrivning: `filtypen ${ext} läses inte` });
      findings.varning({ fil, regel: "fil.okand_typ", meddelande: `filen används inte (filtypen ${ext} läses inte)`, message: "file type not read; the file is ignored" });
      return;
    }
    progress(`Läser ${name} (${i + 1}/${names.length})`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(fil);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "okänt fel";
      findings.fel({ fil, regel: "fil.oläslig", meddelande: `filen kan inte läsas (${code}); kontrollera behörigheten`, message: `the file cannot be read (${code})` });
      files.push({ fil, typ: "oläslig", beskrivning: "kunde inte läsas" });
      return;
    }
    const fileFindings = new Findings();
    const r = recognise(bytes, fil, fileFindings);
    if (r.kind === "oläslig") {
      for (const f of fileFindings.all) findings.add(f);
      files.push({ fil, typ: "oläslig", beskrivning: "kunde inte läsas" });
    } else if (r.kind === "okand") {
      files.push({ fil, typ: "okänd", beskrivning: r.beskrivning });
      findings.varning({ fil, regel: "fil.okand", meddelande: `filen känns inte igen och används inte (${r.beskrivning})`, message: "unrecognised file; it is not used" });
    } else if (r.kind === "forbundsindelning") {
      if (localMedlemskap) {
        findings.fel({ fil, regel: "fil.flera_indelningar", meddelande: "datakatalogen har mer än en förbundsindelning; förväntat högst en", message: "more than one membership file in the data folder" });
      }
      localMedlemskap = true;
      medlemskapSource = { bytes, fil };
      files.push({ fil, typ: "förbundsindelning", beskrivning: "ersätter data/referens/forbund.csv" });
    } else {
      for (const f of fileFindings.all) findings.add(f);
      files.push({ fil, typ: "helårsekvivalenter", beskrivning: describeTable(r.table) });
      const data = normaliseHelarsekvivalenter(r.table, kommuner, findings);
      if (data) heData.push(data);
    }
  });

  const medlemskap = readMedlemskap(medlemskapSource.bytes, medlemskapSource.fil, kommuner, findings);
  if (!findings.hasErrors() && heData.length === 0) {
    findings.fel({
      fil: dir, regel: "fil.inga_indata",
      meddelande: "hittar ingen känd indatafil (t.ex. SCB:s helårsekvivalenter, tabell HE0000T02N2) i katalogen",
      message: "no recognised input file in the folder",
    });
  }
  if (findings.hasErrors() || !medlemskap) return { findings, files, outputs: undefined };

  const indelning: Indelning = { kommuner, lan: lanFrom(kommuner), medlemskap, medlemskapFil: medlemskapSource.fil };
  const merged = mergeHe(heData, findings);
  if (!merged) return { findings, files, outputs: undefined };

  progress("Beräknar helårsekvivalenter");
  const rader = computeHelarsekvivalenter(merged, indelning, findings);
  const outputs = new Map<string, string>();
  outputs.set("helarsekvivalenter.csv", toCsv(rader, ["niva", "kod", "namn", "period", "kon", "ersattning", "varde", "folkmangd", "andel"]));
  outputs.set(
    "helarsekvivalenter_halvar.csv",
    toCsv(halvarstabell(rader), ["niva", "kod", "namn", "halvar", "kon", "ersattning", "varde", "varde_foregaende_ar", "differens"]),
  );
  outputs.set("indelning.csv", indelningCsv(indelning));
  return { findings, files, outputs, helarsekvivalenter: rader };
}

/** Several SCB files (e.g. one per period) are read as one; a value given twice is an error. */
function mergeHe(data: HeData[], findings: Findings): HeData | undefined {
  if (data.length === 1) return data[0];
  const varden = new Map<string, HeManadsvarde>();
  const from = new Map<string, string>();
  let ok = true;
  for (const d of data) {
    for (const [k, v] of d.varden) {
      const other = from.get(k);
      if (other !== undefined) {
        if (ok) {
          findings.fel({
            fil: d.fil, regel: "he.dubblett_filer",
            meddelande: `samma värde (${v.kod}, ${v.kon}, ${v.matt}, ${v.manad}) finns också i ${other}; förväntat att varje värde finns i en fil`,
            message: `value also present in ${other}`,
          });
        }
        ok = false;
      }
      from.set(k, d.fil);
      varden.set(k, v);
    }
  }
  if (!ok) return undefined;
  return {
    fil: data.map((d) => d.fil).join(", "),
    varden,
    kommuner: new Set(data.flatMap((d) => [...d.kommuner])),
    harRiket: data.some((d) => d.harRiket),
    manader: [...new Set(data.flatMap((d) => d.manader))].sort(),
  };
}

function indelningCsv(indelning: Indelning): string {
  const rows = indelning.medlemskap
    .map((m) => ({
      forbund: m.forbund, forbund_namn: m.forbundNamn, kommunkod: m.kommunkod,
      kommun: indelning.kommuner.get(m.kommunkod)!.namn, lan: indelning.kommuner.get(m.kommunkod)!.lan,
      giltig_fran: m.fran ?? "", giltig_till: m.till ?? "",
    }))
    .sort((a, b) => (a.forbund + a.kommunkod + a.giltig_fran < b.forbund + b.kommunkod + b.giltig_fran ? -1 : 1));
  return toCsv(rows, ["forbund", "forbund_namn", "kommunkod", "kommun", "lan", "giltig_fran", "giltig_till"]);
}
