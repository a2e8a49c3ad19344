/**
 * The whole pipeline for one data folder: read -> validate -> normalise -> compute -> protect
 * -> the output tables. Nothing here writes files or prints; the CLI and the site build decide.
 *
 * The pipeline knows no input kind by name: it loops over the registry (loaders/kinds/). Each
 * file is read, decoded and parsed once; the registry says what it is and reads it; each kind's
 * files are merged into one input; each kind computes its output tables.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Findings } from "./validate/findings.ts";
import { behallFynd, kannIgen, TABLE_EXTENSIONS } from "./validate/recognise.ts";
import { lanFrom, readDefaultKommuner } from "./reference/indelning.ts";
import { idag as idagsDatum, parseDatum } from "./normalise/datum.ts";
import { hamtaNyckel, type Nyckel } from "./reference/nyckel.ts";
import { DATAKVALITET, INDATAFILER, datakvalitetTabeller } from "./publish/datakvalitet.ts";
import type { Utdatatabell } from "./publish/schema.ts";
import { REGISTER, forbundsindelning, installningar } from "./kinds/index.ts";
import { Indatafil } from "./kinds/indatafil.ts";
import type { Berakningskontext, Laskontext, NagonKind } from "./kinds/kind.ts";
import { laddaLosare } from "./protect/index.ts";

export interface FileSummary {
  readonly fil: string;
  readonly typ: string;
  readonly beskrivning: string;
}

export interface PipelineResult {
  readonly findings: Findings;
  readonly files: FileSummary[];
  /**
   * Output tables by name (`helarsekvivalenter` -> helarsekvivalenter.csv and .parquet), sorted
   * by name; undefined when any error was found.
   */
  readonly outputs: Map<string, Utdatatabell> | undefined;
  /** Text files written beside the tables (the notice of `--intern`). */
  readonly texter: Map<string, string>;
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
  /** The kinds to read (default: the registry, loaders/kinds/index.ts; tests give their own). */
  readonly register?: readonly NagonKind[];
  /**
   * Today (`YYYY-MM-DD`), the export date when the settings state none. Default: the
   * environment's FINSAM_IDAG (tests fix it), else the day of the run.
   */
  readonly idag?: string;
  /** The economy's report date (`finsam run --till`), over the settings' rapportdatum. */
  readonly till?: string;
  /** Output tables that a kind has finished before the run is done (`Berakningskontext.tidigUtdata`). */
  readonly tidigUtdata?: (t: Utdatatabell) => void;
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

/** Output tables of the pipeline itself (not of a kind): the published validation report. */
export const PIPELINE_UTDATA = [DATAKVALITET, INDATAFILER] as const;

/** The notice written beside unprotected participant results. */
export const INTERNT = "INTERNT_FAR_INTE_PUBLICERAS.txt";

export async function runPipeline(dir: string, options: PipelineOptions = {}): Promise<PipelineResult> {
  const progress = options.progress ?? (() => {});
  const register = options.register ?? REGISTER;
  const findings = new Findings();
  const files: FileSummary[] = [];
  const texter = new Map<string, string>();
  const misslyckat = (): PipelineResult => ({ findings, files, outputs: undefined, texter });
  const kommuner = readDefaultKommuner(findings);
  if (!kommuner) return misslyckat();
  const env = options.env ?? process.env;
  const nyckel = nyckelhamtare(env, findings);

  // Read: every file once, recognised by the registry and read by its kind.
  const lasta = await lasFiler(dir, register, kommuner, findings, files, options, nyckel);
  const harData = register.some((kind) => kind.roll === "data" && (lasta.get(kind)?.length ?? 0) > 0);
  if (!findings.hasErrors() && !harData) {
    findings.fel({
      fil: dir, regel: "fil.inga_indata",
      meddelande: `hittar ingen känd indatafil i katalogen; förväntat någon av: ${register.filter((k) => k.roll === "data").map((k) => k.namn).join(", ")} (se docs/indata.md)`,
      message: "no recognised input file in the folder",
    });
  }

  // Merge: each kind's files into one input, in the registry's order. Every check that needs
  // other files (a förbund by name, a date after the export) is made here, so that one run
  // reports every error of every file.
  const idag = parseDatum(options.idag ?? (options.env ?? process.env).FINSAM_IDAG ?? "") ?? idagsDatum();
  const indata = new Map<NagonKind, unknown>();
  const hamtaIndata = <M>(kind: NagonKind): M | undefined => indata.get(kind) as M | undefined;
  for (const kind of register) {
    const m = kind.slaSamman(lasta.get(kind) ?? [], { kommuner, findings, indata: hamtaIndata, idag });
    if (m !== undefined) indata.set(kind, m);
  }
  const indelning = hamtaIndata<ReturnType<typeof forbundsindelning.slaSamman>>(forbundsindelning);
  if (findings.hasErrors() || !indelning) return misslyckat();
  // The suppression's LP solver (HiGHS) is loaded once, asynchronously; every solve is synchronous.
  if (register.some((kind) => kind.skyddas && (lasta.get(kind)?.length ?? 0) > 0)) await laddaLosare();

  // Compute: each kind's output tables (a kind may ask for another's result first).
  const resultat = new Map<NagonKind, unknown>();
  const tabeller: Utdatatabell[] = [];
  const pagaende = new Set<NagonKind>();
  const inst = hamtaIndata<ReturnType<typeof installningar.slaSamman>>(installningar)!;
  const ctx: Berakningskontext = {
    indelning, installningar: inst, k: options.k ?? inst.skyddsgrans, intern: options.intern ?? false, till: options.till, findings, progress,
    nyckel, nyckelFil: env.FINSAM_NYCKEL ?? "nyckelfilen",
    ...(options.tidigUtdata ? { tidigUtdata: options.tidigUtdata } : {}),
    indata: hamtaIndata,
    resultat: <R>(kind: NagonKind): R => {
      if (!resultat.has(kind)) {
        pagaende.add(kind);
        // A protected kind's tables are never handed over early: only what it returns is protected.
        const b = kind.berakna?.(indata.get(kind), kind.skyddas ? utanTidig : ctx);
        pagaende.delete(kind);
        resultat.set(kind, b);
        if (b) tabeller.push(...b.tabeller);
      }
      return (resultat.get(kind) as { resultat: R } | undefined)?.resultat as R;
    },
    tabeller: () => {
      for (const kind of register) if (!pagaende.has(kind)) ctx.resultat(kind);
      return [...tabeller];
    },
  };
  const { tidigUtdata: _, ...utanTidig } = ctx;
  for (const kind of register) ctx.resultat(kind);
  if (options.intern && register.some((kind) => kind.skyddas && (lasta.get(kind)?.length ?? 0) > 0)) {
    texter.set(INTERNT, "Dessa filer innehåller oskyddade deltagarresultat (finsam run --intern).\nDe får inte publiceras eller lämnas ut.\n");
  }
  if (findings.hasErrors()) return misslyckat();
  // Last, when every finding is in: the published validation report (only what is safe to publish).
  tabeller.push(...datakvalitetTabeller(findings.all, files));
  const outputs = new Map(tabeller.map((t) => [t.schema.namn, t] as const).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { findings, files, outputs, texter };
}

/** Each kind's files, read (a file with errors is left out; its findings say why). */
async function lasFiler(
  dir: string, register: readonly NagonKind[], kommuner: Laskontext["kommuner"], findings: Findings, files: FileSummary[], options: PipelineOptions,
  nyckel: () => Nyckel,
): Promise<Map<NagonKind, unknown[]>> {
  const progress = options.progress ?? (() => {});
  const env = options.env ?? process.env;
  const ctx: Laskontext = {
    kommuner, lanKoder: new Set(lanFrom(kommuner).keys()), findings, nyckelFil: env.FINSAM_NYCKEL ?? "nyckelfilen",
    ...(options.idag !== undefined ? { idag: options.idag } : {}),
    nyckel,
  };
  const lasta = new Map<NagonKind, unknown[]>();
  const names = listInputFiles(dir);
  for (const [i, name] of names.entries()) {
    const fil = join(dir, name);
    let bytes: Buffer;
    try {
      bytes = readFileSync(fil);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "okänt fel";
      findings.fel({ fil, regel: "fil.oläslig", meddelande: `filen kan inte läsas (${code}); kontrollera behörigheten`, message: `the file cannot be read (${code})` });
      files.push({ fil, typ: "oläslig", beskrivning: "kunde inte läsas" });
      continue;
    }
    const indatafil = new Indatafil(fil, bytes);
    if (TABLE_EXTENSIONS.includes(indatafil.ext)) progress(`Läser ${name} (${i + 1}/${names.length})`);
    const svar = await kannIgen(indatafil, ctx, register);
    // A JSON file's decoding findings count even when it is not the settings.
    if (svar.status !== "okand" || indatafil.ext === ".json") behallFynd(indatafil, svar, findings);
    if (svar.status === "oläslig") {
      files.push({ fil, typ: "oläslig", beskrivning: "kunde inte läsas" });
      continue;
    }
    if (svar.status === "okand") {
      files.push({ fil, typ: svar.typ, beskrivning: svar.beskrivning });
      findings.varning({ fil, regel: svar.regel, meddelande: svar.meddelande, message: svar.typ === "ignorerad" ? "file type not read; the file is ignored" : "unrecognised file; it is not used" });
      continue;
    }
    const data = await svar.traff.las();
    files.push({ fil, typ: svar.traff.typ, beskrivning: svar.traff.beskriv(data) });
    if (data === undefined) continue;
    const lista = lasta.get(svar.kind) ?? [];
    lista.push(data);
    lasta.set(svar.kind, lista);
  }
  return lasta;
}

/**
 * The pseudonymisation key, read (or created) on first use: for the personnummer as files are
 * read, and for the noise's record keys as the participant results are protected.
 */
function nyckelhamtare(env: NodeJS.ProcessEnv, findings: Findings): () => Nyckel {
  let nyckel: Nyckel | undefined;
  return () => {
    if (!nyckel) {
      nyckel = hamtaNyckel(env);
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
}
