/**
 * Input files are recognised by content (their header and labels), never by name: users keep
 * SCB's file names such as `TAB1386_20260717-101500.csv`. The kinds say what they look like
 * (loaders/kinds/); this module asks them in a fixed order of steps:
 *
 * 1. a `.json` file: its text (the settings);
 * 2. an Excel workbook (a zip with an intact directory): the workbook's sheets;
 * 3. a table's header row (participant records, membership, …);
 * 4. a header with nothing under it is an error (`csv.bara_rubrik`) for any known kind;
 * 5. the parsed table (a CSV saved from a workbook);
 * 6. the table read as an SCB table (helårsekvivalenter, BAS, population).
 */
import { isXlsx } from "../read/decode.ts";
import { zipinnehall } from "../read/xlsx.ts";
import { labelKey } from "../normalise/labels.ts";
import type { PxTable } from "../read/pxweb.ts";
import { Indatafil } from "../kinds/indatafil.ts";
import type { Igenkanning, Laskontext, NagonKind, Traff } from "../kinds/kind.ts";
import { REGISTER } from "../kinds/index.ts";
import { Findings } from "./findings.ts";

/** File kinds that are read as tables; anything else in the data folder is passed over. */
export const TABLE_EXTENSIONS = [".csv", ".txt", ".tsv", ".skv", ".xlsx", ".xls", ""];

export type Igenkand =
  | { readonly status: "kand"; readonly kind: NagonKind; readonly steg: Steg; readonly traff: Traff<unknown> }
  /** Not a kind we know; `regel` and `beskrivning` say why (the file is passed over with a warning). */
  | { readonly status: "okand"; readonly typ: "okänd" | "ignorerad"; readonly regel: string; readonly beskrivning: string; readonly meddelande: string }
  | { readonly status: "oläslig" };

type Steg = Igenkanning<unknown>["steg"];

function traffar<S extends Steg>(register: readonly NagonKind[], steg: S): [NagonKind, Extract<Igenkanning<unknown>, { steg: S }>][] {
  return register.flatMap((kind) =>
    kind.igenkanning.filter((i: Igenkanning<unknown>) => i.steg === steg).map((i: Igenkanning<unknown>) => [kind, i as Extract<Igenkanning<unknown>, { steg: S }>] as [NagonKind, Extract<Igenkanning<unknown>, { steg: S }>]),
  );
}

/**
 * What `fil` is. Findings about the file itself (decoding, parsing) stay in `fil.fynd` and
 * `fil.scbFynd`: the pipeline keeps them when the file is used or cannot be read.
 */
export async function kannIgen(fil: Indatafil, ctx: Laskontext, register: readonly NagonKind[] = REGISTER): Promise<Igenkand> {
  const ext = fil.ext;
  // A zip under another name (an xlsx renamed to .csv) is read as a workbook only when its zip
  // directory is intact; a damaged one is "an Excel workbook, not CSV" (fil.xlsx), not xlsx.skadad.
  if (TABLE_EXTENSIONS.includes(ext) && isXlsx(fil.bytes) && (ext === ".xlsx" || zipinnehall(fil.bytes) !== undefined)) {
    for (const [kind, i] of traffar(register, "arbetsbok")) {
      const traff = await i.kanner(fil, ctx);
      if (traff) return { status: "kand", kind, steg: "arbetsbok", traff };
    }
  }
  return kannIgenText(fil, ctx, register);
}

/** Every step but the workbook's (which must read the workbook, and so waits). */
export function kannIgenText(fil: Indatafil, ctx: Laskontext, register: readonly NagonKind[] = REGISTER): Igenkand {
  const ext = fil.ext;
  if (ext === ".json") {
    const text = fil.text("en JSON-fil med inställningar")?.text;
    if (text !== undefined) {
      for (const [kind, i] of traffar(register, "json")) {
        const traff = i.kanner(text, fil, ctx);
        if (traff) return { status: "kand", kind, steg: "json", traff };
      }
    }
    return {
      status: "okand", typ: "okänd", regel: "fil.okand", beskrivning: "JSON-fil utan nyckeln \"finsam\"",
      meddelande: "filen känns inte igen och används inte (JSON utan nyckeln \"finsam\")",
    };
  }
  if (!TABLE_EXTENSIONS.includes(ext)) {
    return {
      status: "okand", typ: "ignorerad", regel: "fil.okand_typ", beskrivning: `filtypen ${ext} läses inte`,
      meddelande: `filen används inte (filtypen ${ext} läses inte)`,
    };
  }
  const tabell = fil.tabell();
  if (!tabell) return { status: "oläslig" };
  const rubrik = fil.rubrik();
  let rubrikTraff: Igenkand | undefined;
  for (const [kind, i] of traffar(register, "rubrik")) {
    const traff = i.kanner(rubrik, tabell, fil, ctx);
    if (traff) {
      rubrikTraff = { status: "kand", kind, steg: "rubrik", traff };
      break;
    }
  }
  if (tabell.rows.length === 0 && (rubrikTraff !== undefined || looksLikeScb(tabell.header.fields))) {
    // A known kind with nothing under the header: most likely a failed export, never "no data".
    fil.fynd.fel({
      fil: fil.fil, rad: tabell.header.line, regel: "csv.bara_rubrik",
      meddelande: "filen har en rubrikrad men inga datarader; förväntat minst en rad med data under rubrikraden",
      message: "the file has a header but no data lines",
    });
    return { status: "oläslig" };
  }
  if (rubrikTraff) return rubrikTraff;
  for (const [kind, i] of traffar(register, "tabell")) {
    const traff = i.kanner(tabell, fil, ctx);
    if (traff) return { status: "kand", kind, steg: "tabell", traff };
  }
  const scb = fil.scbTabell();
  if (scb) {
    for (const [kind, i] of traffar(register, "scb")) {
      const traff = i.kanner(scb, fil, ctx);
      if (traff) return { status: "kand", kind, steg: "scb", traff };
    }
  }
  const cols = tabell.header.fields.slice(0, 4).map((h) => `"${h.trim()}"`).join(", ");
  const beskrivning = `rubrikrad ${cols}${tabell.header.fields.length > 4 ? ", …" : ""}`;
  return { status: "okand", typ: "okänd", regel: "fil.okand", beskrivning, meddelande: `filen känns inte igen och används inte (${beskrivning})` };
}

/** Moves a file's own findings into `findings`: those of decoding and parsing, and of its SCB reading when it is an SCB table. */
export function behallFynd(fil: Indatafil, igenkand: Igenkand, findings: Findings): void {
  for (const f of fil.fynd.all) findings.add(f);
  if (igenkand.status === "kand" && igenkand.steg === "scb") for (const f of fil.scbFynd.all) findings.add(f);
}

/** A region column and months (`2024M01` headings or a `månad` column), as in SCB's tables. */
function looksLikeScb(header: readonly string[]): boolean {
  const keys = header.map(labelKey);
  return keys.some((k) => k === "region" || k === "kommun") && keys.some((k) => k === "manad" || /\d{4}m\d{2}$/.test(k));
}

export type Recognised =
  | { readonly kind: "okand"; readonly beskrivning: string }
  | { readonly kind: "oläslig" }
  | { readonly kind: string; readonly table: PxTable | undefined };

/**
 * What a CSV file is, by the id of its kind, for callers that need only that (the publication
 * gate, tests): recognition alone, nothing is read. Findings about the file go to `findings`
 * when it is recognised or cannot be read. Workbooks are not looked into.
 */
export function recognise(bytes: Uint8Array, fil: string, findings: Findings): Recognised {
  const f = new Indatafil(fil, bytes);
  const ctx: Laskontext = {
    kommuner: new Map(), lanKoder: new Set(), findings: new Findings(), nyckelFil: "",
    nyckel: () => {
      throw new Error("recognise reads no participant records");
    },
  };
  const svar = kannIgenText(f, ctx);
  if (svar.status === "okand") return { kind: "okand", beskrivning: svar.beskrivning };
  behallFynd(f, svar, findings);
  if (svar.status === "oläslig") return { kind: "oläslig" };
  return { kind: svar.kind.id, table: svar.steg === "scb" ? f.scbTabell() : undefined };
}
