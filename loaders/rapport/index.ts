/**
 * `finsam rapport`: the board report (delårsbokslut or årsredovisning) for one förbund and the
 * year to a date, as a PDF. The pipeline runs on the data folder with the report date; the
 * report is built from the published, protected output tables (the same CSV text the site
 * reads), never from participant-level data. See docs/rapport.md.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { runPipeline, type PipelineResult } from "../pipeline.ts";
import * as aq from "arquero";
import { csvParse } from "d3-dsv";
import { PIPELINE_UTDATA } from "../pipeline.ts";
import { REGISTER } from "../kinds/index.ts";
import type { Schema } from "../publish/schema.ts";
import { sidtabell } from "../publish/sidor/sidtabell.ts";
import type { Sidtabell } from "../../src/components/sidodata.ts";
import {
  RAPPORTTABELLER,
  rapportforbund,
  styrelserapport,
  tolkaRapportdata,
  type Rapport,
} from "../../src/components/styrelserapport.js";
import { rapportdokument } from "./dokument.ts";
import { skrivPdf } from "./pdf.ts";

export class RapportFel extends Error {
  /** The pipeline's result when the input had errors (its findings say what). */
  constructor(message: string, readonly pipeline?: PipelineResult) {
    super(message);
  }
}

export interface RapportVal {
  readonly katalog: string;
  /** The last day of the period (ÅÅÅÅ-MM-DD); the period starts on 1 January the same year. */
  readonly till: string;
  /** The förbund's id; may be left out when the data has exactly one. */
  readonly forbund?: string;
  /** Environment (SOURCE_DATE_EPOCH, FINSAM_IDAG); default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  readonly progress?: (m: string) => void;
  /** `katalog` is an output folder of `finsam run` (the site's tables): the pipeline is not run. */
  readonly utdata?: boolean;
}

export interface Rapportunderlag {
  readonly pipeline: PipelineResult;
  readonly rapport?: Rapport;
  readonly tabeller: Record<string, Sidtabell>;
}

/** The published tables the report reads, as the site's page data (Sidtabell). */
export function rapporttabeller(outputs: NonNullable<PipelineResult["outputs"]>): Record<string, Sidtabell> {
  const ut: Record<string, Sidtabell> = {};
  for (const namn of RAPPORTTABELLER) {
    const t = outputs.get(namn);
    if (t) ut[namn] = sidtabell(t);
  }
  return ut;
}

/** The output tables the report reads from a `finsam run` output folder (`--utdata`), typed by their schemas. */
export function lasUtdatakatalog(katalog: string): Record<string, Sidtabell> {
  if (!existsSync(join(katalog, "indelning.csv"))) {
    throw new RapportFel(`${katalog} ser inte ut som en utkatalog från finsam run (indelning.csv saknas); utan --utdata läses katalogen som indata`);
  }
  const scheman = new Map<string, Schema>([...REGISTER.flatMap((k) => k.utdata), ...PIPELINE_UTDATA].map((s) => [s.namn, s]));
  const ut: Record<string, Sidtabell> = {};
  for (const namn of RAPPORTTABELLER) {
    const fil = join(katalog, `${namn}.csv`);
    const schema = scheman.get(namn);
    if (!existsSync(fil) || !schema) continue;
    const rader = csvParse(readFileSync(fil, "utf8"));
    const kolumner: Record<string, unknown[]> = {};
    for (const k of schema.kolumner) {
      kolumner[k.namn] = rader.map((r) => {
        const v = r[k.namn];
        if (v === undefined || v === "") return k.typ === "text" && !k.saknas ? "" : null;
        if (k.typ === "text") return v;
        const x = Number(v);
        if (!Number.isFinite(x)) throw new RapportFel(`${fil}: kolumnen ${k.namn} har "${v}", väntade ett tal`);
        return x;
      });
    }
    ut[namn] = sidtabell({ schema, tabell: aq.table(kolumner) });
  }
  return ut;
}

/**
 * Runs the pipeline (or, with `utdata`, reads a `finsam run` output folder) and builds the
 * report model (no browser). Throws RapportFel for the user.
 */
export async function byggRapport(val: RapportVal): Promise<Omit<Rapportunderlag, "pipeline"> & { pipeline?: PipelineResult; rapport: Rapport }> {
  let pipeline: PipelineResult | undefined;
  let tabeller: Record<string, Sidtabell>;
  if (val.utdata) tabeller = lasUtdatakatalog(val.katalog);
  else {
    pipeline = await runPipeline(val.katalog, { till: val.till, ...(val.env ? { env: val.env } : {}), ...(val.progress ? { progress: val.progress } : {}) });
    if (!pipeline.outputs) throw new RapportFel("indata har fel (se ovan); ingen rapport skrevs", pipeline);
    tabeller = rapporttabeller(pipeline.outputs);
  }
  const data = tolkaRapportdata(tabeller);
  const forbund = rapportforbund(data);
  const lista = forbund.map((f) => `${f.id} (${f.namn})`).join(", ");
  let id = val.forbund;
  if (id === undefined) {
    if (forbund.length === 0) throw new RapportFel("underlaget har inga uppgifter om något förbund (ingen deltagarfil, huvudbok, aktivitetslogg eller måltabell); ingen rapport skrevs");
    if (forbund.length > 1) throw new RapportFel(`underlaget har flera förbund; ange ett med --forbund <id>: ${lista}`);
    id = forbund[0]!.id;
  } else if (!forbund.some((f) => f.id === id)) {
    throw new RapportFel(`förbundet "${id}" finns inte i underlaget; välj ett av: ${lista || "(inga)"}`);
  }
  return { ...(pipeline ? { pipeline } : {}), tabeller, rapport: styrelserapport(data, { forbund: id, till: val.till }) };
}

/** The PDF's fixed date: SOURCE_DATE_EPOCH when set, else the report date (midnight UTC). */
export function rapportdatum(till: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epok = env.SOURCE_DATE_EPOCH;
  if (epok !== undefined && epok !== "") {
    if (!/^\d+$/.test(epok)) throw new RapportFel(`SOURCE_DATE_EPOCH ska vara sekunder sedan 1970-01-01, inte "${epok}"`);
    return new Date(Number(epok) * 1000);
  }
  return new Date(`${till}T00:00:00Z`);
}

/** Builds the report and writes it as a PDF to `ut` (atomically: a temporary file, then renamed). */
export async function skrivRapport(val: RapportVal & { readonly ut: string }): Promise<{ rapport: Rapport; sidor: number; pipeline?: PipelineResult }> {
  const { rapport, pipeline } = await byggRapport(val);
  val.progress?.("Skriver ut PDF");
  const { pdf, antalSidor } = await skrivPdf({
    html: (sidor) => rapportdokument(rapport, { ...(sidor ? { sidor } : {}), kalla: basename(val.katalog.replace(/\/+$/, "")) }),
    avsnitt: rapport.avsnitt.map((a, i) => ({ id: a.id, rubrik: `${i + 1}. ${a.rubrik}` })),
    datum: rapportdatum(val.till, val.env),
  });
  mkdirSync(dirname(val.ut) || ".", { recursive: true });
  const tmp = join(dirname(val.ut) || ".", `.${basename(val.ut)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, pdf);
    renameSync(tmp, val.ut);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new RapportFel(`kunde inte skriva ${val.ut} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return { rapport, sidor: antalSidor, ...(pipeline ? { pipeline } : {}) };
}
