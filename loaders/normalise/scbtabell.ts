/**
 * The one reader of SCB tables: a table's spec (its dimensions with their vocabularies, its
 * contents, its time) and any PxWeb placement of it give the cube (`loaders/kub/kub.ts`).
 *
 * - Placement: every variable in the stub or the heading, in any order; time in the stub
 *   (`månad`, `år`) or the heading (`2024M03`, `Sjukpenning 2024M03`, `2024M03 Sjukpenning`);
 *   contents in the stub (`tabellinnehåll`), the heading, or as the value columns' names
 *   (`region, kön, ålder, månad, Sjukpenning, …`). See `read/placering.ts`.
 * - Values written as codes, texts or both (`UseCodes`, `UseTexts`, `UseCodesAndTexts`):
 *   `1`, `män`, `1 män`, `1 - män`; regions as `2080`, `Falun`, `2080 Falun`
 *   (`region.ts`), with Excel's dropped leading zeros restored where only one region fits.
 * - Numbers strictly (`read/tal.ts`): a number, SCB's symbol for a missing value, or an error
 *   naming file, line, column and value. Swedish Excel's decimal comma and thousands
 *   separators are read when the whole file is consistent.
 * - Everything read is counted (`Inlasning`): numbers, missing values by symbol, rejected
 *   cells, rows and columns not used and why.
 */
import type { PxTable } from "../read/pxweb.ts";
import { placera, type Variabel } from "../read/placering.ts";
import { OGILTIG_TEXT, SYMBOLER, TAL, Tallasare, Talformat, TOM, UTAN_CELL, symbolText } from "../read/tal.ts";
import type { Row } from "../read/delimited.ts";
import { KubBygge, NIVA, Serieindex, koder as koderAv, type Kub } from "../kub/kub.ts";
import { harledTotaler, type Totalregel } from "../kub/verb/harledTotal.ts";
import { skillnaderMotDelar } from "../kub/verb/jamforTotal.ts";
import { labelKey } from "./labels.ts";
import { REGION_RUBRIKER, tolkaRegion, type Regionreferens, type Regiontolkning } from "./region.ts";
import { Begransning, showValue, type Findings } from "../validate/findings.ts";
import { menadeDu } from "../reference/namn.ts";
import { antal } from "./antal.ts";
import { kontrolleraPerioder, type Plats } from "../validate/perioder.ts";

export interface Dimension {
  /** Canonical name (the cube's column), e.g. `kon`, `alder`, `status`. */
  readonly namn: string;
  /** Swedish name for messages, e.g. `kön`. */
  readonly visningsnamn: string;
  /** Header keys (see `labelKey`) that name this stub column. */
  readonly rubriker: readonly string[];
  /**
   * Canonical value of a cell (text or code; `"kod text"` and `"kod - text"` are tried part by
   * part by the reader); null = a known value that is not used (the row is passed over);
   * undefined = unknown (an error).
   */
  readonly tolka: (cell: string) => string | null | undefined;
  /** What was expected, in Swedish, for the error message. */
  readonly forvantat: string;
  /** Value when the table has no such column; without it the column is required. */
  readonly standard?: string;
  /** Without its own column or heading, the value is the table content's (e.g. BAS status, HE ersättning). */
  readonly franInnehall?: boolean;
  /** A value the column must have when the table has the column (HE: ålder 20-64). */
  readonly kravs?: { readonly varde: string; readonly meddelande: string; readonly message: string };
}

export interface ScbSpec {
  /** Rule id prefix, e.g. `bas`. */
  readonly regel: string;
  /** The table as users know it, e.g. `SCB:s tabell ArbStatusM (TAB6260)`. */
  readonly tabell: string;
  readonly dimensioner: readonly Dimension[];
  /**
   * Content labels (when no dimension takes its values from them): true = a value to use;
   * false = known but not used (e.g. SCB's rates, which are recomputed); undefined = unknown
   * (a warning; its cells are not used).
   */
  readonly innehall: (label: string) => boolean | undefined;
  readonly tid: "manad" | "ar" | "manad_eller_ar";
  /** Rule id of an invalid time (default `<regel>.tid`). */
  readonly tidRegel?: string;
  /** Totals derived as the sum of their parts when the file lacks them (e.g. kön `alla`). */
  readonly harled?: readonly Harledning[];
  /** A table without a region column: its values are riket (with an info line). Otherwise it is an error. */
  readonly utanRegion?: "riket";
  /** An unknown content label of a dimension read from the contents: a warning (default) or an error with this rule. */
  readonly okantInnehallFel?: string;
  /** The cell in the `<regel>.saknas` warning (default: region code, canonical values, time as written). */
  readonly beskrivSaknat?: (c: {
    kod: string;
    /** Canonical values of the spec's dimensions. */
    dims: readonly string[];
    /** The same values as written in the file (stub cell or heading), in the spec's order. */
    etiketter: readonly (string | undefined)[];
    /** The content as written, if the table has one. */
    innehall: string | undefined;
    tid: string;
  }) => string;
  readonly saknatMeddelande?: { sv: string; en: string };
  /** Missing values that are not worth a warning (e.g. SCB's own rates, which are only checked). */
  readonly tystSaknad?: (dims: readonly string[]) => boolean;
  /**
   * From this period on SCB adds random noise to the table (Cell Key Method): a total in the
   * file that differs from its parts is expected, an info line, not a warning.
   */
  readonly brusFran?: string;
  /** Message when no usable value was read. */
  readonly tom?: { sv: string; en: string };
  /** Also report gaps in the file's series of months (helårsekvivalenter). */
  readonly periodlucka?: boolean;
  /** Compare the file's totals with their parts (`harled`); false when the table checks them itself. */
  readonly jamforTotaler?: boolean;
  /** Values read (and checked) but never published, e.g. SCB's own rates: counted and named in the file's report. */
  readonly oanvand?: { readonly dimension: string; readonly varden: readonly string[]; readonly varfor: string };
}

export type Harledning = Totalregel;

/** What was read from one file, cell by cell: the numbers for the report and the property test. */
export interface Inlasning {
  /** Cells read as numbers, per region level of the file. */
  readonly tal: { kommun: number; lan: number; riket: number };
  /** Cells missing by SCB's symbol (`..`, `-`, empty …), by symbol. */
  readonly saknade: Record<string, number>;
  /** Cells that are errors (not a number, negative, a duplicate, in an invalid period …). */
  readonly avvisade: number;
  /** Rows not used, and why. */
  readonly ignoreradeRader: { antal: number; varfor: string }[];
  /** Columns not used, and why. */
  readonly ignoreradeKolumner: { kolumn: number; namn: string; varfor: string }[];
  /** Number cells read but not used for a published value (SCB's rates, unknown contents), and why. */
  readonly oanvandaTal: { antal: number; varfor: string }[];
}

export interface ScbLasning {
  readonly fil: string;
  readonly spec: ScbSpec;
  /** Dimensions `niva`, `kod`, then the spec's dimensions in order. */
  readonly kub: Kub;
  /** Per period (the cube's order): the line each cell came from (0: derived, not read). */
  readonly rad: readonly Int32Array[];
  /** Per period: the 1-based column each cell came from. */
  readonly kolumn: readonly Int32Array[];
  /** Names of the columns, for messages. */
  readonly kolumnnamn: readonly string[];
  /** Kommun codes with a value in the file. */
  readonly kommuner: ReadonlySet<string>;
  readonly inlasning: Inlasning;
}

const MAX_PER_RULE = 25;
const TIME_NAMES = new Set(["manad", "ar", "kvartal", "tid", "month", "year", "quarter", "period", "tidpunkt"]);
const CONTENT_NAMES = new Set(["tabellinnehall", "innehall", "contents", "contentscode", "tabellinnehall/contents", "table contents"]);
const LENIENT_TIME = /^\d{4}(?:[A-Za-z][0-9A-Za-z]*)?$/;
const MONTH = /^(\d{4})M(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;
const NUMERIC_LIKE = /^\s*(-?[\d.,\s\u00a0\u202f]+(?:[eE][+-]?\d+)?|\.{1,7}|[-–−]|)\s*$/;
/** `"1 män"`, `"1 - män"`, `"20-64 20-64 år"`: a code, then its text. */
const KOD_TEXT = /^(\S+)\s+(?:[-–]\s+)?(.+)$/;

/** A dimension's canonical value of a cell written as text, code, or code and text. */
export function tolkaVarde(tolka: (cell: string) => string | null | undefined, cell: string): string | null | undefined {
  const v = tolka(cell);
  if (v !== undefined) return v;
  const m = KOD_TEXT.exec(cell.trim());
  if (!m) return undefined;
  const text = tolka(m[2]!);
  return text !== undefined ? text : tolka(m[1]!);
}

/** The spec's variables for `placera`: region, the dimensions, time and contents, in that order. */
function variablerFor(spec: ScbSpec, ref: Regionreferens): Variabel[] {
  const franInnehall = spec.dimensioner.findIndex((d) => d.franInnehall);
  const innehallKand = (label: string): boolean =>
    spec.innehall(label) !== undefined || (franInnehall >= 0 && tolkaVarde(spec.dimensioner[franInnehall]!.tolka, label) !== undefined);
  return [
    { namn: "region", rubriker: REGION_RUBRIKER, kanner: (v) => tolkaRegion(v, ref).ok },
    ...spec.dimensioner.map((d): Variabel => ({ namn: d.visningsnamn, rubriker: new Set(d.rubriker), kanner: (v) => tolkaVarde(d.tolka, v) !== undefined })),
    { namn: "tid", rubriker: TIME_NAMES, kanner: (v) => LENIENT_TIME.test(v), kravd: true },
    { namn: "tabellinnehåll", rubriker: CONTENT_NAMES, kanner: innehallKand, oppen: true },
  ];
}

function numeriskKolumn(rows: PxTable["rader"], i: number): boolean {
  const sample = rows.length > 2000 ? rows.slice(0, 2000) : rows;
  if (sample.length === 0) return true;
  let n = 0;
  for (const row of sample) if (NUMERIC_LIKE.test(row.falt(i))) n++;
  return n >= 0.9 * sample.length;
}

/**
 * How a table would be read with a spec, for recognising it: which variables the table has
 * (in the stub or the heading), the content labels it has, and the columns that are neither.
 * Undefined when there is no time or no value column.
 */
export function placeraEnligtSpec(t: PxTable, spec: ScbSpec, ref: Regionreferens): { har: (dimension: string) => boolean; innehall: string[]; okandaTextkolumner: number } | undefined {
  const variabler = variablerFor(spec, ref);
  const p = placera(t.rubrik, variabler, (i) => numeriskKolumn(t.rader, i));
  const D = spec.dimensioner.length;
  const har = (v: number) => p.stub[v]! >= 0 || p.rubrik.includes(v);
  if (!har(D + 1) || p.varden.length === 0) return undefined;
  const innehall = new Set<string>();
  const ic = p.stub[D + 2]!;
  if (ic >= 0) for (const r of t.rader) innehall.add(r.falt(ic).trim());
  for (const v of p.varden) if (v.varden[D + 2] !== undefined) innehall.add(v.varden[D + 2]!);
  const fi = spec.dimensioner.findIndex((d) => d.franInnehall);
  if (fi >= 0 && p.stub[fi + 1]! < 0) for (const v of p.varden) if (v.varden[fi + 1] !== undefined) innehall.add(v.varden[fi + 1]!);
  return {
    har: (namn) => {
      if (namn === "region") return har(0);
      const d = spec.dimensioner.findIndex((x) => x.namn === namn);
      return d >= 0 && har(d + 1);
    },
    innehall: [...innehall],
    okandaTextkolumner: p.ovriga.filter((o) => o.slag === "text").length,
  };
}

/** Reads one SCB table with its spec; undefined (with errors in `findings`) when it cannot be used. */
export function lasScbTabell(t: PxTable, spec: ScbSpec, ref: Regionreferens, findings: Findings): ScbLasning | undefined {
  const fil = t.fil;
  const r = spec.regel;
  const header = t.rubrik;
  const rows = t.rader;
  const D = spec.dimensioner.length;
  const iTid = D + 1;
  const iInnehall = D + 2;
  const begransning = new Begransning(MAX_PER_RULE);
  const report = (rule: string): boolean => begransning.rapportera(rule);
  const raknat = {
    tal: { kommun: 0, lan: 0, riket: 0 }, saknade: {} as Record<string, number>, avvisade: 0,
    ignoreradeRader: new Map<string, number>(), ignoreradeKolumner: [] as Inlasning["ignoreradeKolumner"], oanvandaTal: new Map<string, number>(),
  };
  const oanvand = (varfor: string, n = 1) => raknat.oanvandaTal.set(varfor, (raknat.oanvandaTal.get(varfor) ?? 0) + n);

  // ----------------------------------------------------------------- where each variable is
  const franInnehall = spec.dimensioner.findIndex((d) => d.franInnehall);
  const variabler = variablerFor(spec, ref);
  const numerisk = (i: number): boolean => numeriskKolumn(rows, i);
  let placering = placera(header, variabler, numerisk);
  // A time column recognised by its values (`2024M03` in every row) when its header says nothing.
  if (placering.stub[iTid]! < 0 && !placering.rubrik.includes(iTid)) {
    const i = placering.ovriga.find((o) => o.slag === "text" && rows.length > 0 && rows.every((row) => LENIENT_TIME.test(row.falt(o.kolumn).trim())));
    if (i) placering = placera(header.map((h, k) => (k === i.kolumn ? "tid" : h)), variabler, numerisk);
  }
  const { stub, rubrik } = placering;
  const harVariabel = (v: number) => stub[v]! >= 0 || rubrik.includes(v);
  const dimFranInnehall = franInnehall >= 0 && !harVariabel(franInnehall + 1) ? franInnehall : -1;
  const harInnehall = harVariabel(iInnehall) || placering.varden.some((v) => v.okand);

  const forvantatDims = ["region", ...spec.dimensioner.map((d) => d.visningsnamn)].join(", ");
  const saknade = [
    ...(harVariabel(0) || spec.utanRegion ? [] : ["region"]),
    ...spec.dimensioner.filter((d, i) => !harVariabel(i + 1) && d.standard === undefined && !(i === dimFranInnehall && harInnehall)).map((d) => (d.franInnehall && d.rubriker.length === 0 ? "tabellinnehåll" : d.visningsnamn)),
  ];
  if (saknade.length > 0) {
    findings.fel({
      fil, rad: t.headerLine, regel: `${r}.dimension`,
      meddelande: `kolumn saknas: ${saknade.map((d) => `"${d}"`).join(", ")}; förväntat ${forvantatDims}, tabellinnehåll och tid som i ${spec.tabell}`,
      message: `missing dimension(s): ${saknade.join(", ")}`,
    });
    return undefined;
  }
  if (!harVariabel(iTid)) {
    findings.fel({
      fil, rad: t.headerLine, regel: "pxweb.tid",
      meddelande: "hittar ingen tidsdimension: förväntat kolumner som \"2024M03\" (bred tabell) eller en kolumn \"månad\" med värden som 2024M03 (lång tabell)",
      message: "no time dimension found: expected columns like \"2024M03\" or a \"månad\" column",
    });
    return undefined;
  }
  if (placering.varden.length === 0) {
    findings.fel({
      fil, rad: t.headerLine, regel: "pxweb.varde",
      meddelande: "hittar ingen kolumn med värden (tal); förväntat kolumner som \"2024M03\" eller en värdekolumn efter tidskolumnen",
      message: "no value column found",
    });
    return undefined;
  }
  if (!harVariabel(0)) {
    findings.info({
      fil, rad: t.headerLine, regel: `${r}.riket`,
      meddelande: "filen har ingen regionkolumn; värdena läses som riket (00 Riket)",
      message: "no region column: the values are read as riket",
    });
  }

  /** Columns of numbers under a header that names nothing we know: checked and counted, not used. */
  const okandaTalkolumner: { kolumn: number; namn: string }[] = [];
  // Columns that are neither a variable nor values: an unknown variable with one value is
  // harmless (e.g. "civilstånd: totalt"), with several it would mix groups: an error.
  for (const o of placering.ovriga) {
    const namn = o.namn;
    if (o.slag === "tal") {
      findings.varning({
        fil, rad: t.headerLine, kolumn: o.kolumn + 1, falt: namn, varde: showValue(namn), regel: `${r}.okand_kolumn`,
        meddelande: `kolumnen "${showValue(namn)}" har tal men rubriken är varken en tid eller ett känt tabellinnehåll i ${spec.tabell}; kolumnens ${rows.length} värden används inte`,
        message: `column "${namn}" holds numbers but its header is neither a time nor a known content; its values are not used`,
      });
      raknat.ignoreradeKolumner.push({ kolumn: o.kolumn + 1, namn, varfor: "rubriken är varken en tid eller ett känt tabellinnehåll" });
      okandaTalkolumner.push({ kolumn: o.kolumn, namn });
      continue;
    }
    const varden = new Set(rows.map((row) => labelKey(row.falt(o.kolumn))));
    if (varden.size > 1) {
      findings.fel({
        fil, rad: t.headerLine, kolumn: o.kolumn + 1, falt: namn, regel: `${r}.okand_dimension`,
        meddelande: `kolumnen "${showValue(namn)}" har flera värden men hör inte till ${spec.tabell}; förväntat ${forvantatDims} och tid — ladda ned tabellen utan den indelningen eller med bara dess totalt`,
        message: `unexpected dimension "${namn}" with several values`,
      });
      return undefined;
    }
    raknat.ignoreradeKolumner.push({ kolumn: o.kolumn + 1, namn, varfor: `har bara värdet "${showValue(rows[0]?.falt(o.kolumn).trim() ?? "")}"` });
  }

  // A required value (HE: ålder 20-64) when the table has the column.
  for (let d = 0; d < D; d++) {
    const dim = spec.dimensioner[d]!;
    if (!dim.kravs || stub[d + 1]! < 0) continue;
    const col = stub[d + 1]!;
    const finns = rows.some((row) => tolkaVarde(dim.tolka, row.falt(col)) === dim.kravs!.varde);
    if (!finns) {
      const exempel = [...new Set(rows.map((row) => row.falt(col).trim()))].slice(0, 3).join(", ");
      findings.fel({ fil, rad: t.headerLine, kolumn: col + 1, falt: header[col]!.trim(), varde: exempel, regel: `${r}.${dim.namn}`, meddelande: dim.kravs.meddelande, message: dim.kravs.message });
      return undefined;
    }
  }

  // ----------------------------------------------------------------- periods
  const tidRegel = spec.tidRegel ?? `${r}.tid`;
  const tidForvantat = spec.tid === "manad" ? "en månad som ÅÅÅÅMmm, t.ex. 2024M03" : spec.tid === "ar" ? "ett år, t.ex. 2024" : "ett år (2024) eller en månad (2024M03)";
  const periodAv = new Map<string, string | null>();
  const period = (tid: string): string | null => {
    let p = periodAv.get(tid);
    if (p === undefined) {
      const m = MONTH.exec(tid);
      p = m && spec.tid !== "ar" ? `${m[1]}-${m[2]}` : YEAR.test(tid) && spec.tid !== "manad" ? tid : null;
      periodAv.set(tid, p);
    }
    return p;
  };

  // ----------------------------------------------------------------- value columns
  const dimNamn = ["niva", "kod", ...spec.dimensioner.map((d) => d.namn)];
  const bygge = new KubBygge(dimNamn, undefined, true);
  const NDIM = dimNamn.length;
  /** Per dimension: cell as written -> code, -1 = passed over (known, not used), -2 = unknown. */
  const dimCache = spec.dimensioner.map(() => new Map<string, number>());
  const PASSERA = -1;
  const OKAND = -2;
  const dimKod = (d: number, cell: string): number => {
    const cache = dimCache[d]!;
    let k = cache.get(cell);
    if (k === undefined) {
      const v = tolkaVarde(spec.dimensioner[d]!.tolka, cell);
      k = v === null ? PASSERA : v === undefined ? OKAND : bygge.kod(d + 2, v);
      cache.set(cell, k);
    }
    return k;
  };
  const standardKod = spec.dimensioner.map((d, i) => (d.standard !== undefined && !harVariabel(i + 1) && i !== dimFranInnehall ? bygge.kod(i + 2, d.standard) : -3));

  interface Kol {
    readonly kolumn: number;
    readonly namn: string;
    /** Per spec dimension: the code from the heading, or -3 = from the row / default. */
    readonly dims: Int32Array;
    readonly tid: string | undefined;
    readonly innehall: string | undefined;
    readonly region: string | undefined;
    /** The heading's values as written, per variable. */
    readonly rubrikvarden: readonly (string | undefined)[];
    /** Columns with the same heading values apart from time share a series in a row. */
    readonly grupp: number;
    /** Why the column is not used, when it is not. */
    hoppa: string | undefined;
  }
  const grupper = new Map<string, number>();
  const kolumner: Kol[] = [];
  for (const v of placering.varden) {
    const dims = new Int32Array(D).fill(-3);
    let hoppa: string | undefined;
    for (let d = 0; d < D; d++) {
      const h = v.varden[d + 1];
      if (h === undefined) continue;
      const k = dimKod(d, h);
      if (k === PASSERA) hoppa = `${spec.dimensioner[d]!.visningsnamn} "${h}" används inte`;
      dims[d] = k;
    }
    const innehall = v.varden[iInnehall];
    const region = v.varden[0];
    const nyckel = `${Array.from(dims).join(",")}\u0000${innehall ?? ""}\u0000${region ?? ""}`; // per column, once: not per value
    let grupp = grupper.get(nyckel);
    if (grupp === undefined) grupper.set(nyckel, (grupp = grupper.size));
    kolumner.push({ kolumn: v.kolumn, namn: v.namn, dims, tid: v.varden[iTid], innehall, region, rubrikvarden: v.varden, grupp, hoppa });
  }
  const antalGrupper = grupper.size;
  // A wide table has at most one series per row and column group: room for them now. Only when
  // the groups and periods are about as many as the value columns (every group has most of the
  // periods), so that the room is never much more than the file's own cells.
  if (stub[iTid]! < 0 && antalGrupper > 0) {
    const perioderIRubrik = new Set(kolumner.map((k) => k.tid)).size;
    if (antalGrupper * perioderIRubrik <= 2 * kolumner.length) bygge.reservera(rows.length * antalGrupper);
  }

  // ----------------------------------------------------------------- contents
  /** Content label -> code of the content dimension (-1 passed over, -2 unknown), or for other tables 1 use / -1 not used / -2 unknown. */
  const innehallCache = new Map<string, number>();
  const innehallKod = (label: string): number => {
    let k = innehallCache.get(label);
    if (k === undefined) {
      if (dimFranInnehall >= 0) {
        const v = tolkaVarde(spec.dimensioner[dimFranInnehall]!.tolka, label);
        k = v === null ? PASSERA : v === undefined ? OKAND : bygge.kod(dimFranInnehall + 2, v);
      } else {
        const u = spec.innehall(label);
        k = u === true ? 1 : u === false ? PASSERA : OKAND;
        if (u === undefined) {
          const m = KOD_TEXT.exec(label.trim());
          const u2 = m ? spec.innehall(m[2]!) : undefined;
          k = u2 === true ? 1 : u2 === false ? PASSERA : OKAND;
        }
      }
      innehallCache.set(label, k);
    }
    return k;
  };
  const rapporteradeInnehall = new Set<string>();
  let ok = true;
  const okantInnehall = (label: string, rad: number, kolumn: number): void => {
    if (rapporteradeInnehall.has(label)) return;
    rapporteradeInnehall.add(label);
    if (spec.okantInnehallFel) {
      ok = false;
      const dim = spec.dimensioner[dimFranInnehall];
      findings.fel({
        fil, rad, kolumn, varde: showValue(label), regel: spec.okantInnehallFel,
        meddelande: `okänt tabellinnehåll "${showValue(label)}"${dim ? ` för ${dim.visningsnamn}` : ""}; förväntat ${dim?.forvantat ?? "ett känt tabellinnehåll"} eller en andel i procent`,
        message: "unknown content label",
      });
      return;
    }
    const dim = dimFranInnehall >= 0 ? spec.dimensioner[dimFranInnehall] : undefined;
    findings.varning({
      fil, rad, kolumn, varde: showValue(label), regel: `${r}.innehall`,
      meddelande: `okänt tabellinnehåll "${showValue(label)}" används inte${dim && !dim.franInnehall ? "" : dim ? `; förväntat ${dim.forvantat}` : ""}`,
      message: "unknown content label is ignored",
    });
  };

  // ----------------------------------------------------------------- regions
  const regionCache = new Map<string, Regiontolkning>();
  const regionAv = (cell: string): Regiontolkning => {
    let x = regionCache.get(cell);
    if (!x) regionCache.set(cell, (x = tolkaRegion(cell, ref)));
    return x;
  };
  const rapporteradeRegioner = new Set<string>();
  const aterstallda = new Map<string, { rad: number; kolumn: number; kod: string; antal: number }>();
  const regionKolumn = stub[0]!;
  const regionFalt = regionKolumn >= 0 ? header[regionKolumn]!.trim() : undefined;
  const regionFel = (cell: string, x: Regiontolkning & { ok: false }, rad: number, kolumn: number): void => {
    ok = false;
    if (rapporteradeRegioner.has(cell) || !report(`${r}.region`)) return;
    rapporteradeRegioner.add(cell);
    const hint = /^\d{3}\b/.test(cell.trim()) ? " (saknas en inledande nolla? Excel tar bort den)" : "";
    const forslag = menadeDu(x.forslag ?? []);
    const [sv, en] = x.orsak === "okand_kommun" ? [`okänd kommunkod "${x.kod}"${hint}; förväntat en av de 290 kommunkoderna`, `unknown kommun code ${x.kod}`]
      : x.orsak === "okand_lan" ? [`okänd länskod "${x.kod}"; förväntat en av de 21 länskoderna`, `unknown county code ${x.kod}`]
      : x.orsak === "okant_namn" ? [`okänt regionnamn "${showValue(cell.trim())}"${forslag}; förväntat en kommun, ett län eller riket, med kod eller namn (t.ex. "2080 Falun", "Falun", "20 Dalarnas län")`, "unknown region name"]
      : x.orsak === "nolla_stammer_inte" ? [`kommunkoden "${x.kod}" saknar inledande nolla (Excel tar bort den), men 0${x.kod} är inte kommunen i cellen${forslag}; skriv koden med fyra siffror`, `code ${x.kod} lacks its leading zero, and 0${x.kod} is not the kommun named`]
      : [`kan inte läsa regionen "${showValue(cell)}"${hint}; förväntat t.ex. "2080 Falun", "2080 - Falun", "2080", "Falun", "20 Dalarnas län" eller "00 Riket"`, "cannot read region; expected e.g. \"2080 Falun\""];
    findings.fel({ fil, rad, kolumn, ...(regionFalt ? { falt: regionFalt } : {}), varde: showValue(cell), regel: `${r}.region`, meddelande: sv, message: en });
  };
  const regionNotering = (cell: string, x: Regiontolkning & { ok: true }, rad: number, kolumn: number): void => {
    if (x.aterstalld !== undefined) {
      const a = aterstallda.get(x.aterstalld);
      if (a) a.antal++;
      else aterstallda.set(x.aterstalld, { rad, kolumn, kod: x.kod, antal: 1 });
    }
    if (x.annatNamn !== undefined && !rapporteradeRegioner.has(cell)) {
      rapporteradeRegioner.add(cell);
      const refNamn = x.niva === "kommun" ? ref.kommuner.get(x.kod)!.namn : ref.lan.get(x.kod) ?? x.kod;
      findings.varning({
        fil, rad, kolumn, varde: cell, regel: `${r}.kommunnamn`,
        meddelande: `${x.niva === "kommun" ? "kommunkod" : "länskod"} ${x.kod} heter ${refNamn} i referensdata men "${x.annatNamn}" i filen; koden används`,
        message: "region name differs from reference data; the code is used",
      });
    }
  };

  // ----------------------------------------------------------------- cells
  const tal = new Tallasare();
  const format = new Talformat();
  const koder = new Int32Array(NDIM);
  const serieFor = new Int32Array(antalGrupper);
  // Per kommun: where it is first named and, per period index, 1 when it has a cell (the
  // periods become strings once, after the loop). The previous cell's kommun is kept at hand: a
  // wide table's row is one kommun.
  const kommunPerioder = new Map<string, { plats: Plats; varde: string; sedda: number[] }>();
  let forraKommunKod = -1;
  let forraKommun: { sedda: number[] } | undefined;
  // Numbers read per region level (NIVA code), added to `raknat.tal` after the loop.
  const talPerNiva = new Float64Array(4);
  const periodPlats = new Map<string, Plats>();
  const saknasBeskrivning = spec.beskrivSaknat ?? ((c) => `${c.kod}, ${c.dims.join(", ")}, ${c.tid}`);
  const saknatText = spec.saknatMeddelande ?? { sv: "summor som behöver det beräknas inte", en: "missing value; sums that need it are not computed" };
  const kolumnPeriod: number[] = kolumner.map((k) => (k.tid === undefined ? -1 : -2));
  const kolumnRapporterad = new Uint8Array(kolumner.length);
  const tidKolumn = stub[iTid]!;
  const innehallKolumn = stub[iInnehall]!;
  const radPasserad = (varfor: string) => raknat.ignoreradeRader.set(varfor, (raknat.ignoreradeRader.get(varfor) ?? 0) + 1);
  /**
   * A cell that is not used (a row or column passed over, a content not published) is still a
   * number cell: it must be a number or a symbol, and it is counted as read and as not used.
   */
  const obrukad = (row: Row, kol: { kolumn: number; namn: string }, niva: "kommun" | "lan" | "riket", varfor: string): void => {
    if (row.las(kol.kolumn, tal)) {
      format.notera(tal.skrivsatt, row, kol.kolumn);
      raknat.tal[niva]++;
      oanvand(varfor);
    } else if (tal.symbol !== TAL) {
      const sym = symbolText(tal.symbol);
      raknat.saknade[sym] = (raknat.saknade[sym] ?? 0) + 1;
    } else {
      ok = false;
      raknat.avvisade++;
      if (report(`${r}.tal`)) {
        const o = OGILTIG_TEXT[tal.ogiltig ?? "inte_tal"];
        const cell = row.falt(kol.kolumn);
        findings.fel({ fil, rad: row.line, kolumn: kol.kolumn + 1, falt: kol.namn, varde: showValue(cell), regel: `${r}.tal`, meddelande: `"${showValue(cell.trim())}" är inte ett tal; ${o.sv}`, message: `"${showValue(cell.trim())}" is not a number; ${o.en}` });
      }
    }
  };
  const nivaAv = (x: Regiontolkning | undefined): "kommun" | "lan" | "riket" => (x && x.ok ? (x.niva === "kommun" ? "kommun" : x.niva === "lan" ? "lan" : "riket") : "riket");

  /**
   * The row's value cells, once its region, dimensions, time and content are known. Its own
   * small function: V8 optimises it after a few rows, where the same loop inside the reading of
   * the whole table ran unoptimised for a thousand rows while the large function was compiled.
   */
  /**
   * The warning for a missing value (unless the spec keeps it quiet). Its own function, outside
   * the cell loop: a closure there over the loop's column would cost memory for every cell.
   */
  const saknasVarning = (row: Row, kol: Kol, s: number, sym: string, radInnehallText: string | undefined, radTid: string | undefined): void => {
    const dims = dimsAv(bygge, s);
    if (spec.tystSaknad?.(dims.slice(2)) || !report(`${r}.saknas`)) return;
    findings.varning({
      fil, rad: row.line, kolumn: kol.kolumn + 1, falt: kol.namn, varde: tal.symbol === TOM ? "(tom)" : sym, regel: `${r}.saknas`,
      meddelande: `värdet saknas (${saknasBeskrivning({ kod: bygge.ordbok[1]![koder[1]!]!, dims: dims.slice(2), etiketter: spec.dimensioner.map((_, d) => (stub[d + 1]! >= 0 ? row.falt(stub[d + 1]!).trim() : kol.rubrikvarden[d + 1])), innehall: kol.innehall ?? radInnehallText, tid: kol.tid ?? radTid ?? "" })}); ${saknatText.sv}`,
      message: saknatText.en,
    });
  };

  const lasCeller = (row: Row, radRegion: Regiontolkning | undefined, regionCell: string | undefined, radPeriod: number, radTid: string | undefined, radInnehall: number, radInnehallText: string | undefined): void => {
    for (let c = 0; c < kolumner.length; c++) {
      const kol = kolumner[c]!;
      if (kol.hoppa !== undefined) {
        obrukad(row, kol, nivaAv(kol.region !== undefined ? regionAv(kol.region) : radRegion), kol.hoppa);
        continue;
      }
      // The period.
      let p = radPeriod;
      if (kol.tid !== undefined) {
        p = kolumnPeriod[c]!;
        if (p === -2) {
          const per = period(kol.tid);
          p = per === null ? -3 : bygge.period(per);
          kolumnPeriod[c] = p;
          if (per !== null && !periodPlats.has(per)) periodPlats.set(per, { rad: row.line, kolumn: kol.kolumn + 1, falt: kol.namn });
        }
        if (p === -3) {
          ok = false;
          raknat.avvisade++;
          if (!kolumnRapporterad[c] && report(tidRegel)) {
            kolumnRapporterad[c] = 1;
            findings.fel({ fil, rad: row.line, kolumn: kol.kolumn + 1, falt: kol.namn, varde: showValue(kol.tid), regel: tidRegel, meddelande: `ogiltig tid "${showValue(kol.tid)}"; förväntat ${tidForvantat}`, message: "invalid time code" });
          }
          continue;
        }
      }
      // The series: the row's codes with the heading's.
      let s = serieFor[kol.grupp]!;
      if (s < 0) {
        let region = radRegion;
        if (kol.region !== undefined) {
          region = regionAv(kol.region);
          if (!region.ok) {
            regionFel(kol.region, region, row.line, kol.kolumn + 1);
            raknat.avvisade++;
            continue;
          }
        }
        if (region && region.ok) {
          koder[0] = NIVA[region.niva];
          koder[1] = bygge.kod(1, region.kod);
        } else {
          koder[0] = NIVA.riket;
          koder[1] = bygge.kod(1, "00");
        }
        for (let d = 0; d < D; d++) if (kol.dims[d]! >= 0) koder[d + 2] = kol.dims[d]!;
        const innehall = kol.innehall ?? radInnehallText;
        if (innehall !== undefined && radInnehall === -3) {
          const k = innehallKod(innehall);
          if (k === OKAND || k === PASSERA) {
            if (k === OKAND) okantInnehall(innehall, row.line, kol.kolumn + 1);
            obrukad(row, kol, nivaAv(region), k === OKAND ? `okänt tabellinnehåll "${innehall}"` : `tabellinnehållet "${innehall}" används inte`);
            continue;
          }
          if (dimFranInnehall >= 0) koder[dimFranInnehall + 2] = k;
        } else if (dimFranInnehall >= 0 && radInnehall >= 0) {
          koder[dimFranInnehall + 2] = radInnehall;
        }
        s = bygge.serie(koder);
        serieFor[kol.grupp] = s;
      }
      // The cell.
      if (bygge.saknasKolumn(p)[s] !== UTAN_CELL) {
        ok = false;
        raknat.avvisade++;
        if (report(`${r}.dubblett`)) {
          findings.fel({
            fil, rad: row.line, kolumn: kol.kolumn + 1, falt: kol.namn, regel: `${r}.dubblett`,
            meddelande: `samma värde (${beskrivSerie(bygge, s, kol.tid ?? radTid ?? "")}) finns redan på rad ${bygge.radFor(s, p)}; förväntat ett värde per region, grupp och tid`,
            message: `duplicate of line ${bygge.radFor(s, p)}`,
          });
        }
        continue;
      }
      if (row.las(kol.kolumn, tal)) {
        const v = tal.varde;
        if (v < 0) {
          ok = false;
          raknat.avvisade++;
          if (report(`${r}.negativ`)) {
            findings.fel({ fil, rad: row.line, kolumn: kol.kolumn + 1, falt: kol.namn, varde: showValue(row.falt(kol.kolumn)), regel: `${r}.negativ`, meddelande: "negativt värde; förväntat ett tal som är 0 eller större", message: "negative value; expected 0 or more" });
          }
          continue;
        }
        format.notera(tal.skrivsatt, row, kol.kolumn);
        bygge.satt(s, p, v, TAL);
        talPerNiva[koder[0]!]!++;
      } else if (tal.symbol !== TAL) {
        bygge.satt(s, p, Number.NaN, tal.symbol);
        const sym = symbolText(tal.symbol);
        raknat.saknade[sym] = (raknat.saknade[sym] ?? 0) + 1;
        saknasVarning(row, kol, s, sym, radInnehallText, radTid);
      } else {
        ok = false;
        raknat.avvisade++;
        if (report(`${r}.tal`)) {
          const o = OGILTIG_TEXT[tal.ogiltig ?? "inte_tal"];
          const cell = row.falt(kol.kolumn);
          findings.fel({ fil, rad: row.line, kolumn: kol.kolumn + 1, falt: kol.namn, varde: showValue(cell), regel: `${r}.tal`, meddelande: `"${showValue(cell.trim())}" är inte ett tal; ${o.sv}`, message: `"${showValue(cell.trim())}" is not a number; ${o.en}` });
        }
        continue;
      }
      bygge.plats(s, p, row.line, kol.kolumn + 1);
      if (koder[0] === NIVA.kommun) {
        let k = koder[1] === forraKommunKod ? forraKommun : undefined;
        if (!k) {
          const kod = bygge.ordbok[1]![koder[1]!]!;
          let ny = kommunPerioder.get(kod);
          if (!ny) {
            const plats: Plats = regionKolumn >= 0 ? { rad: row.line, kolumn: regionKolumn + 1, falt: regionFalt } : { rad: row.line, kolumn: kol.kolumn + 1, falt: kol.namn };
            kommunPerioder.set(kod, (ny = { plats, varde: (regionCell ?? kol.region ?? kod).trim(), sedda: [] }));
          }
          forraKommunKod = koder[1]!;
          forraKommun = k = ny;
        }
        k.sedda[p] = 1;
      }
    }
  };

  /** One row: its region, dimensions, time and content, then its cells (`lasCeller`). */
  const lasRad = (row: Row): void => {
    // The row's region and dimensions (a wide table: once for all its values).
    let regionCell: string | undefined;
    let radRegion: Regiontolkning | undefined;
    if (regionKolumn >= 0) {
      regionCell = row.falt(regionKolumn);
      radRegion = regionAv(regionCell);
      if (!radRegion.ok) {
        regionFel(regionCell, radRegion, row.line, regionKolumn + 1);
        raknat.avvisade += kolumner.length;
        return;
      }
      regionNotering(regionCell, radRegion, row.line, regionKolumn + 1);
    }
    for (const k of okandaTalkolumner) obrukad(row, k, nivaAv(radRegion), `kolumnen "${k.namn}" används inte`);
    let radOk = true;
    let passerad: string | undefined;
    for (let d = 0; d < D; d++) {
      const col = stub[d + 1]!;
      if (col < 0) {
        koder[d + 2] = standardKod[d]!;
        continue;
      }
      const cell = row.falt(col);
      const k = dimKod(d, cell);
      if (k === OKAND) {
        radOk = false;
        ok = false;
        const dim = spec.dimensioner[d]!;
        if (report(`${r}.${dim.namn}`) && !rapporteradeRegioner.has(`${d}\u0000${cell}`)) {
          rapporteradeRegioner.add(`${d}\u0000${cell}`);
          findings.fel({
            fil, rad: row.line, kolumn: col + 1, falt: header[col]!.trim(), varde: showValue(cell), regel: `${r}.${dim.namn}`,
            meddelande: `okänt värde "${showValue(cell)}" för ${dim.visningsnamn}; förväntat ${dim.forvantat}`,
            message: `unknown ${dim.namn} value`,
          });
        }
      } else if (k === PASSERA) {
        passerad ??= `${spec.dimensioner[d]!.visningsnamn} "${cell.trim()}" används inte`;
      }
      koder[d + 2] = k;
    }
    if (!radOk) {
      raknat.avvisade += kolumner.length;
      return;
    }
    if (passerad !== undefined) {
      radPasserad(passerad);
      for (const kol of kolumner) obrukad(row, kol, nivaAv(kol.region !== undefined ? regionAv(kol.region) : radRegion), passerad);
      return;
    }
    // Long tables: time and content per row.
    let radPeriod = -1;
    let radTid: string | undefined;
    if (tidKolumn >= 0) {
      radTid = row.falt(tidKolumn).trim();
      const p = period(radTid);
      if (p === null) {
        ok = false;
        raknat.avvisade += kolumner.length;
        if (report(tidRegel)) {
          findings.fel({ fil, rad: row.line, kolumn: tidKolumn + 1, falt: header[tidKolumn]!.trim(), varde: showValue(radTid), regel: tidRegel, meddelande: `ogiltig tid "${showValue(radTid)}"; förväntat ${tidForvantat}`, message: "invalid time code" });
        }
        return;
      }
      radPeriod = bygge.period(p);
      if (!periodPlats.has(p)) periodPlats.set(p, { rad: row.line, kolumn: tidKolumn + 1, falt: header[tidKolumn]!.trim() });
    }
    let radInnehall = -3;
    let radInnehallText: string | undefined;
    if (innehallKolumn >= 0) {
      radInnehallText = row.falt(innehallKolumn).trim();
      radInnehall = innehallKod(radInnehallText);
      if (radInnehall === OKAND || radInnehall === PASSERA) {
        if (radInnehall === OKAND) okantInnehall(radInnehallText, row.line, innehallKolumn + 1);
        const varfor = radInnehall === OKAND ? `okänt tabellinnehåll "${radInnehallText}"` : `tabellinnehållet "${radInnehallText}" används inte`;
        for (const kol of kolumner) obrukad(row, kol, nivaAv(kol.region !== undefined ? regionAv(kol.region) : radRegion), varfor);
        return;
      }
    }
    serieFor.fill(-1);

    lasCeller(row, radRegion, regionCell, radPeriod, radTid, radInnehall, radInnehallText);
  };
  for (const row of rows) lasRad(row);
  raknat.tal.kommun += talPerNiva[NIVA.kommun]!;
  raknat.tal.lan += talPerNiva[NIVA.lan]!;
  raknat.tal.riket += talPerNiva[NIVA.riket]! + talPerNiva[NIVA.forbund]!;
  begransning.sammanfatta(findings, fil, (regel) => (regel === `${r}.saknas` ? "varning" : "fel"));

  // ----------------------------------------------------------------- the file as a whole
  const blandat = format.blandat();
  if (blandat) {
    ok = false;
    findings.fel({
      fil, rad: blandat.rad, kolumn: blandat.kolumn, falt: header[blandat.kolumn - 1]?.trim(), varde: showValue(blandat.varde), regel: `${r}.tal`,
      meddelande: `${OGILTIG_TEXT.blandat_decimaltecken.sv}: ${blandat.antal} tal har ${blandat.tecken === "," ? "decimalkomma" : "decimalpunkt"}, de andra ${blandat.tecken === "," ? "decimalpunkt" : "decimalkomma"}`,
      message: OGILTIG_TEXT.blandat_decimaltecken.en,
    });
  } else if (format.excel()) {
    findings.info({
      fil, regel: `${r}.excelformat`,
      meddelande: `talen är skrivna som svenska Excel skriver dem (${[format.komma > 0 ? `decimalkomma i ${format.komma} tal` : "", format.tusental + (format.komma > 0 || format.punkt > 0 ? 0 : 0) > 0 ? "mellanslag som tusentalsavgränsare" : ""].filter(Boolean).join(", ")}); de läses så, eftersom hela filen skriver tal på samma sätt`,
      message: "numbers written as Swedish Excel writes them (decimal comma, space as thousands separator); read as such, since the whole file is consistent",
    });
  }
  for (const [skrivet, a] of aterstallda) {
    if (!report(`${r}.inledande_nolla`)) continue;
    findings.varning({
      fil, rad: a.rad, kolumn: a.kolumn, ...(regionFalt ? { falt: regionFalt } : {}), varde: skrivet, regel: `${r}.inledande_nolla`,
      meddelande: `regionkoden "${skrivet}" saknar sin inledande nolla (Excel tar bort den); den läses som ${a.kod} ${ref.kommuner.get(a.kod)?.namn ?? ref.lan.get(a.kod) ?? ""}, den enda region som passar (${a.antal} rader)`.replace(" ,", ","),
      message: `region code ${skrivet} lacks its leading zero; read as ${a.kod}, the only region that fits`,
    });
  }
  begransning.sammanfatta(findings, fil, () => "varning");
  if (!ok) {
    inlast(fil, r, raknat, findings);
    return undefined;
  }
  const { kub: last, rad, kolumn } = bygge.byggMedPlats();
  if (spec.oanvand) {
    const d = last.dimensioner.indexOf(spec.oanvand.dimension);
    const koderna = new Set(spec.oanvand.varden.map((v) => last.ordbok[d]!.indexOf(v)));
    const k = koderAv(last, d);
    // The series with one of the codes, found once; then their cells period by period.
    const serier: number[] = [];
    for (let s = 0; s < last.antal; s++) if (koderna.has(k[s]!)) serier.push(s);
    const n = raknaTal(last.saknas, Int32Array.from(serier));
    if (n > 0) oanvand(spec.oanvand.varfor, n);
  }
  inlast(fil, r, raknat, findings);
  if (raknat.tal.kommun + raknat.tal.lan + raknat.tal.riket + Object.values(raknat.saknade).reduce((a, b) => a + b, 0) === 0) {
    findings.fel({ fil, rad: t.headerLine, regel: `${r}.tom`, meddelande: spec.tom?.sv ?? `filen innehåller inga värden som kan användas; förväntat värden som i ${spec.tabell}`, message: spec.tom?.en ?? "no usable values in the file" });
    return undefined;
  }
  if (new Set(last.perioder.map((x) => x.length)).size > 1) {
    findings.fel({ fil, rad: t.headerLine, regel: `${r}.blandad_tid`, meddelande: "filen blandar år och månader; förväntat antingen år (2024) eller månader (2024M03)", message: "the file mixes years and months" });
    return undefined;
  }

  const kolumnnamn = header.map((h) => h.trim());
  let lasning: ScbLasning = {
    fil, spec, kub: last, rad, kolumn, kolumnnamn, kommuner: new Set(kommunPerioder.keys()),
    inlasning: {
      tal: raknat.tal, saknade: raknat.saknade, avvisade: raknat.avvisade,
      ignoreradeRader: [...raknat.ignoreradeRader].map(([varfor, antal]) => ({ antal, varfor })),
      ignoreradeKolumner: raknat.ignoreradeKolumner,
      oanvandaTal: [...raknat.oanvandaTal].map(([varfor, antal]) => ({ antal, varfor })),
    },
  };
  // A total the file has that is not the sum of its parts (a warning, or an info line where SCB adds noise).
  if (spec.jamforTotaler !== false) jamforTotaler(lasning, findings);
  // A total the file lacks is the sum of its parts.
  if (spec.harled && spec.harled.length > 0) lasning = { ...lasning, ...harledMedPlats(lasning, spec.harled) };
  const kommuner = new Map([...kommunPerioder].map(([kod, k]) => {
    const perioder = new Set<string>();
    k.sedda.forEach((x, p) => x === 1 && perioder.add(bygge.perioder[p]!));
    return [kod, { plats: k.plats, varde: k.varde, perioder }] as const;
  }));
  kontrolleraPerioder({ fil, regel: r, kommuner, perioder: periodPlats, lucka: spec.periodlucka ?? false }, findings);
  return lasning;
}

/**
 * How many cells of the `serier` hold a number, over every period. Its own small function,
 * optimised once (a loop inside a function called a few times runs unoptimised for a while).
 */
function raknaTal(saknas: readonly Uint8Array[], serier: Int32Array): number {
  let n = 0;
  for (const sak of saknas) for (let i = 0; i < serier.length; i++) if (sak[serier[i]!] === TAL) n++;
  return n;
}

/**
 * What was read from the file, cell by cell, as one info line (`<regel>.inlast`): numbers read
 * per region level, missing values by symbol, rejected cells, and the rows, columns and numbers
 * not used, each with why. `finsam validate --json` and the Datakvalitet page show it.
 */
function inlast(fil: string, r: string, x: {
  tal: { kommun: number; lan: number; riket: number }; saknade: Record<string, number>; avvisade: number;
  ignoreradeRader: Map<string, number>; ignoreradeKolumner: Inlasning["ignoreradeKolumner"]; oanvandaTal: Map<string, number>;
}, findings: Findings): void {
  const summa = x.tal.kommun + x.tal.lan + x.tal.riket;
  const nivaer = ([["kommuner", x.tal.kommun], ["län", x.tal.lan], ["riket", x.tal.riket]] as const).filter(([, n]) => n > 0).map(([namn, n]) => `${antal(n)} för ${namn}`);
  const saknade = Object.entries(x.saknade);
  const delar = [
    `läste ${antal(summa)} tal${nivaer.length > 1 ? ` (${nivaer.join(", ")})` : nivaer.length === 1 ? ` (${nivaer[0]})` : ""}`,
    `${antal(saknade.reduce((a, [, n]) => a + n, 0))} saknade värden${saknade.length > 0 ? ` (${saknade.map(([sym, n]) => `${sym}: ${antal(n)}`).join(", ")})` : ""}`,
    `${antal(x.avvisade)} avvisade celler`,
    ...[...x.ignoreradeRader].map(([varfor, n]) => `${antal(n)} rader används inte: ${varfor}`),
    ...x.ignoreradeKolumner.map((k) => `kolumn ${k.kolumn} ("${showValue(k.namn)}") används inte: ${k.varfor}`),
    ...[...x.oanvandaTal].map(([varfor, n]) => `${antal(n)} tal används inte: ${varfor}`),
  ];
  findings.info({
    fil, regel: `${r}.inlast`, meddelande: delar.join("; "),
    message: `read ${summa} numbers, ${saknade.reduce((a, [, n]) => a + n, 0)} missing values, ${x.avvisade} rejected cells; ${x.ignoreradeRader.size + x.ignoreradeKolumner.length + x.oanvandaTal.size} kinds of rows, columns or numbers not used`,
  });
}

/**
 * A total the file has (kön `alla`, status `totalt`, …) that is not the sum of its parts when
 * every part is in the file: a warning named by the total's cell, the file's total used. From
 * `spec.brusFran` on SCB adds noise (Cell Key Method), so there it is an info line.
 */
function jamforTotaler(l: ScbLasning, findings: Findings): void {
  const { spec, kub, fil } = l;
  const regel = `${spec.regel}.summa`;
  const begransning = new Begransning(MAX_PER_RULE);
  let brus = 0;
  for (const h of spec.harled ?? []) {
    const d = kub.dimensioner.indexOf(h.dimension);
    for (const x of skillnaderMotDelar(kub, h)) {
      const tid = kub.perioder[x.period]!;
      const medBrus = spec.brusFran !== undefined && tid >= spec.brusFran;
      if (medBrus) { brus++; continue; }
      if (!begransning.rapportera(regel)) continue;
      const rad = l.rad[x.period]![x.serie]!;
      const kolumn = l.kolumn[x.period]![x.serie]!;
      const dims = kub.dimensioner.map((_, i) => kub.ordbok[i]![koderAv(kub, i)[x.serie]!]!);
      const grupp = dims.slice(2).filter((_, j) => j + 2 !== d).join(", ");
      findings.varning({
        fil, ...(rad > 0 ? { rad, kolumn, falt: l.kolumnnamn[kolumn - 1] } : {}), varde: String(x.total), regel,
        meddelande: `${dims[1]} ${tid} (${grupp}): ${h.dimension} ${h.total} är ${x.total}, men summan av ${h.delar.join(", ")} är ${x.summa}; filens total används`,
        message: `the file's total (${h.dimension} ${h.total}) is not the sum of its parts; the file's total is used`,
      });
    }
  }
  begransning.sammanfatta(findings, fil, () => "varning");
  if (brus > 0) {
    findings.info({
      fil, regel,
      meddelande: `${brus} totaler från ${spec.brusFran} är inte summan av sina delar; SCB lägger sedan dess slumpmässigt brus på tabellen (Cell Key Method), så det är väntat — filens totaler används`,
      message: `${brus} totals from ${spec.brusFran} on differ from the sum of their parts, as expected with SCB's noise (Cell Key Method); the file's totals are used`,
    });
  }
}

function harledMedPlats(l: ScbLasning, harled: readonly Harledning[]): Pick<ScbLasning, "kub" | "rad" | "kolumn"> {
  const kub = harledTotaler(l.kub, harled);
  if (kub.antal === l.kub.antal) return { kub: l.kub, rad: l.rad, kolumn: l.kolumn };
  const utoka = (a: Int32Array) => {
    const b = new Int32Array(kub.antal);
    b.set(a);
    return b;
  };
  return { kub, rad: l.rad.map(utoka), kolumn: l.kolumn.map(utoka) };
}

function dimsAv(bygge: KubBygge, s: number): string[] {
  return bygge.dimensioner.map((_, d) => bygge.ordbok[d]![bygge.kodAv(s, d)]!);
}

function beskrivSerie(bygge: KubBygge, s: number, tid: string): string {
  const dims = dimsAv(bygge, s);
  return `${dims[1]}, ${dims.slice(2).join(", ")}, ${tid}`;
}

/** The cube's series index (re-exported for the checks that look up siblings). */
export { Serieindex, SYMBOLER };
