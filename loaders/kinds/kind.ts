/**
 * An input kind: one module per kind of file the pipeline reads (loaders/kinds/*.ts), listed in
 * the registry (loaders/kinds/index.ts). A kind says how its files are recognised (by content,
 * never by name), how one file is read, how several files of the kind become one input, what
 * is computed from it, which output tables it publishes, and its line in the docs.
 *
 * The pipeline (loaders/pipeline.ts) knows no kind by name: it reads every file once, asks the
 * registry what it is, merges each kind's files, and computes each kind's outputs.
 */
import type { DelimitedText } from "../read/delimited.ts";
import type { PxTable } from "../read/pxweb.ts";
import type { Indelning, Kommun } from "../reference/indelning.ts";
import type { Installningar } from "../reference/installningar.ts";
import type { Nyckel } from "../reference/nyckel.ts";
import type { Findings } from "../validate/findings.ts";
import type { Schema, Utdatatabell } from "../publish/schema.ts";
import type { Indatafil } from "./indatafil.ts";
import type { Datum } from "../normalise/datum.ts";

/** What reading one file may use besides the file itself. */
export interface Laskontext {
  /** The 290 kommuner of data/referens/kommuner.csv. */
  readonly kommuner: ReadonlyMap<string, Kommun>;
  readonly lanKoder: ReadonlySet<string>;
  readonly findings: Findings;
  /** The pseudonymisation key, created on first use (throws NyckelError when its file is damaged). */
  readonly nyckel: () => Nyckel;
  /** Where the key is kept (for a finding about it). */
  readonly nyckelFil: string;
  /** Today (`YYYY-MM-DD`), when a test fixes it: a log of what was done has no later dates. */
  readonly idag?: string;
}

/** A file recognised as a kind: what to call it, how to read it, how to describe what was read. */
export interface Traff<D> {
  /** The file's kind as reports and indatafiler.csv name it, e.g. `BAS arbetsmarknadsstatus`. */
  readonly typ: string;
  /** Reads the file; undefined when it has errors (they are in the findings). */
  las(): D | undefined | Promise<D | undefined>;
  /** One line about the file for the report, e.g. `ISO-8859-1/Windows-1252, bred tabell, 432 rader`. */
  beskriv(data: D | undefined): string;
}

/**
 * One way of recognising a kind, at one step of recognition (validate/recognise.ts): a JSON
 * file's text; an Excel workbook; a table's header row (label keys); the parsed table; the table
 * read as an SCB (PxWeb) table. Steps run in that order; within a step, the registry's order.
 */
export type Igenkanning<D> =
  | { readonly steg: "json"; kanner(text: string, fil: Indatafil, ctx: Laskontext): Traff<D> | undefined }
  | { readonly steg: "arbetsbok"; kanner(fil: Indatafil, ctx: Laskontext): Promise<Traff<D> | undefined> }
  | { readonly steg: "rubrik"; kanner(rubrik: readonly string[], tabell: DelimitedText, fil: Indatafil, ctx: Laskontext): Traff<D> | undefined }
  | { readonly steg: "tabell"; kanner(tabell: DelimitedText, fil: Indatafil, ctx: Laskontext): Traff<D> | undefined }
  | { readonly steg: "scb"; kanner(tabell: PxTable, fil: Indatafil, ctx: Laskontext): Traff<D> | undefined };

/** What merging may use: the reference data and the merged inputs of kinds earlier in the registry. */
export interface Sammanslagningskontext {
  readonly kommuner: ReadonlyMap<string, Kommun>;
  readonly findings: Findings;
  /** Today (the export date when the settings state none; validate/exportdatum.ts). */
  readonly idag: Datum;
  /** The merged input of an earlier kind; undefined when it had errors. */
  indata<M>(kind: Kind<any, M, any>): M | undefined;
}

/** What computing may use. */
export interface Berakningskontext {
  readonly indelning: Indelning;
  readonly installningar: Installningar;
  /** The protection threshold k in force (the settings' or `--k`). */
  readonly k: number;
  /** `finsam run --intern`: unprotected participant results, never published. */
  readonly intern: boolean;
  /** `finsam run --till`: the economy's report date, when given. */
  readonly till: string | undefined;
  readonly findings: Findings;
  readonly progress: (meddelande: string) => void;
  /**
   * The pseudonymisation key, read on first use (the noise's record keys come from it; it may
   * throw NyckelError), and its file for findings. Absent in tests that need no key.
   */
  readonly nyckel?: () => Nyckel;
  readonly nyckelFil?: string;
  /** The merged input of any kind (undefined when it had errors). */
  indata<M>(kind: Kind<any, M, any>): M | undefined;
  /** Another kind's computed result (computed once, when first asked for). */
  resultat<R>(kind: Kind<any, any, R>): R;
  /**
   * Every other kind's output tables, computing them first: for a kind that measures what the
   * run publishes (the goal "all statistik könsuppdelad", kinds/styrelseindata/mal).
   */
  tabeller(): readonly Utdatatabell[];
  /**
   * Hands over a finished output table, exactly as it is published, before the run is done, so
   * that the writer can begin its files while the rest is computed (`finsam run`: its Parquet
   * file, into the outputs' temporary folder; absent elsewhere, and always for a kind whose
   * tables are protected, `skyddas`). The same object must also be among the kind's returned
   * `tabeller`. Nothing is published unless the whole run succeeds.
   */
  readonly tidigUtdata?: (t: Utdatatabell) => void;
}

export interface Berakning<R> {
  readonly tabeller: readonly Utdatatabell[];
  /** What later kinds may use (e.g. the helårsekvivalenter rows for the jämställdhet table). */
  readonly resultat: R;
}

/** One line of the list of input kinds in docs/indata.md. */
export interface Dokumentation {
  /** The input, e.g. "Helårsekvivalenter, HE0000T02N2 (`TAB1386`)". */
  readonly indata: string;
  /** How it is recognised. */
  readonly kannsIgenPa: string;
  /** Where it is defined (a link relative to docs/). */
  readonly definition: string;
}

/**
 * D: what one file gives; M: the kind's input once its files are merged; R: what its
 * computation leaves for other kinds.
 */
export interface Kind<D = unknown, M = unknown, R = unknown> {
  /** Stable id (ASCII), e.g. `helarsekvivalenter`. */
  readonly id: string;
  /** Short Swedish name for lists (the CLI's help, the "no input found" message). */
  readonly namn: string;
  /**
   * `data`: statistics or records that something is computed from; `referens`: what the others
   * are read with (membership, settings, the insatser's förbund). A data folder needs one data file.
   */
  readonly roll: "data" | "referens";
  /**
   * Its outputs are protected by default (participant results); `finsam run --intern` writes
   * them unprotected, with a notice that they must not be published.
   */
  readonly skyddas?: boolean;
  readonly igenkanning: readonly Igenkanning<D>[];
  /** Several files of the kind (also none) read as one; undefined on an error (in the findings). */
  slaSamman(data: readonly D[], ctx: Sammanslagningskontext): M | undefined;
  /** The output tables the kind publishes (every one is always written, maybe with only its header). */
  readonly utdata: readonly Schema[];
  berakna?(indata: M, ctx: Berakningskontext): Berakning<R>;
  readonly dokumentation: readonly Dokumentation[];
}

/** Any kind, as the registry holds them. */
export type NagonKind = Kind<any, any, any>;
