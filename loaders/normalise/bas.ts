/**
 * SCB BAS (Befolkningens arbetsmarknadsstatus, AM0210): status per month (ArbStatusM,
 * TAB6260), huvudsaklig inkomstkälla (ArbStatFoT1, TAB1784) and inkomstkälla x arbetsrelaterad
 * inkomstnivå (ArbStatHuv). Recognised by their dimensions and content labels, never by file
 * name; labels are matched by key (case, double spaces, en dashes and an `antal ` prefix are
 * tolerated). Definitions: docs/definitioner/bas.md.
 */
import type { PxTable } from "../read/pxweb.ts";
import type { Findings } from "../validate/findings.ts";
import { harledTotal } from "../kub/verb/harledTotal.ts";
import type { Regionreferens } from "./region.ts";
import { standardreferens } from "./standardreferens.ts";
import { RUBRIKER } from "./rubriker.ts";
import { parseAlder } from "./alder.ts";
import { KON_FORVANTAT, tolkaKon } from "./kon.ts";
import { labelKey } from "./labels.ts";
import { lasScbTabell, placeraEnligtSpec, type Dimension, type ScbLasning, type ScbSpec } from "./scbtabell.ts";

export type BasKalla = "bas_status" | "bas_inkomstkalla" | "bas_inkomstniva";

export interface BasData {
  readonly kalla: BasKalla;
  readonly data: ScbLasning;
}

export const STATUSAR = ["sysselsatta", "arbetslosa", "studerande", "pensionarer", "sjuka", "ovriga", "totalt"] as const;
export type Status = (typeof STATUSAR)[number];
/** The six statuses whose sum is `totalt`. */
export const STATUSDELAR: readonly Status[] = STATUSAR.filter((s) => s !== "totalt");

export const INKOMSTKALLOR = [
  "arbete", "arbetsloshet", "studier", "pension", "nedsatt_arbetsformaga", "sjukdom", "foraldraledighet", "ekonomiskt_stod", "saknar_ersattning", "totalt",
] as const;
export type Inkomstkalla = (typeof INKOMSTKALLOR)[number];
/** The nine sources whose sum is `totalt`. */
export const INKOMSTKALLEDELAR: readonly Inkomstkalla[] = INKOMSTKALLOR.filter((s) => s !== "totalt");

/** Födelseregion codes in output order; `totalt` first. */
export const FODELSEREGIONER = [
  "totalt", "sverige", "utrikes", "norden_utom_sverige", "eu_utom_norden", "europa_utom_eu_och_norden", "varlden_utom_europa",
  "afrika", "asien", "nordamerika", "sydamerika", "oceanien", "okand",
] as const;

/** Dimension order of `ScbVarde.dims` per table. */
export const DIMENSIONER: Readonly<Record<BasKalla, readonly string[]>> = {
  bas_status: ["kon", "alder", "fodelseregion", "status"],
  bas_inkomstkalla: ["kon", "alder", "inkomstkalla"],
  bas_inkomstniva: ["kon", "alder", "inkomstkalla", "inkomstniva"],
};

const keyed = <T>(pairs: readonly (readonly [string, T])[]): ReadonlyMap<string, T> => new Map(pairs.map(([l, v]) => [labelKey(l), v]));

const STATUS_LABELS = keyed<Status>([
  ["sysselsatta", "sysselsatta"], ["sysselsatt", "sysselsatta"],
  ["arbetslösa", "arbetslosa"], ["arbetslös", "arbetslosa"],
  ["studerande", "studerande"],
  ["pensionärer", "pensionarer"], ["pensionär", "pensionarer"],
  ["sjuka", "sjuka"], ["sjuk", "sjuka"],
  ["övriga", "ovriga"], ["övrig", "ovriga"], ["övriga utanför arbetskraften", "ovriga"],
  ["totalt", "totalt"], ["samtliga", "totalt"], ["befolkning", "totalt"], ["befolkningen", "totalt"], ["personer", "totalt"],
  ["totalt antal", "totalt"], ["alla", "totalt"], ["samtliga personer", "totalt"], ["totalt arbetsmarknadsstatus", "totalt"],
  ["befolkningen 15-74 år", "totalt"], ["befolkning 15-74 år", "totalt"], ["i befolkningen", "totalt"],
]);

/** Counts that are aggregates of the statuses (or of other tables): known, not used. */
const KANDA_OANVANDA = new Set(
  ["i arbetskraften", "arbetskraften", "utanför arbetskraften", "i arbetskraften totalt", "ej i arbetskraften"].map(labelKey),
);

/** `"Antal  Sysselsatta"` -> `"sysselsatta"`. */
function utanAntal(label: string): string {
  return labelKey(label).replace(/^antal,? /, "").replace(/, antal$/, "");
}

/** SCB's rates (recomputed from the counts, so not used): "andel sysselsatta, procent", "sysselsättningsgrad". */
export function arTakt(label: string): boolean {
  const k = labelKey(label);
  if (/procent|%|^andel/.test(k)) return true;
  return k.split(/[\s,]+/).some((w) => w.endsWith("grad") || w.endsWith("kvot") || (w.endsWith("tal") && w !== "antal"));
}

export function tolkaStatus(label: string): Status | undefined {
  return STATUS_LABELS.get(utanAntal(label)) ?? STATUS_LABELS.get(labelKey(label));
}

/** A content label in a status table: the status, null for a rate or a known aggregate, undefined when unknown. */
function statusFranInnehall(label: string): Status | null | undefined {
  if (arTakt(label)) return null;
  const s = tolkaStatus(label);
  if (s !== undefined) return s;
  return KANDA_OANVANDA.has(utanAntal(label)) ? null : undefined;
}

const INKOMSTKALLA_LABELS = keyed<Inkomstkalla>([
  ["ersättning för arbete", "arbete"],
  ["ersättning vid arbetslöshet", "arbetsloshet"],
  ["ersättning för studier", "studier"],
  ["pension", "pension"],
  ["ersättning vid långvarigt nedsatt arbetsförmåga", "nedsatt_arbetsformaga"],
  ["ersättning vid sjukdom", "sjukdom"],
  ["ersättning vid föräldraledighet/närståendeomvårdnad", "foraldraledighet"],
  ["ekonomiskt stöd", "ekonomiskt_stod"],
  ["saknar ersättningar", "saknar_ersattning"],
  ["saknar ersättning", "saknar_ersattning"],
  ["totalt", "totalt"], ["samtliga", "totalt"], ["alla", "totalt"], ["samtliga inkomstkällor", "totalt"],
  ["totalt samtliga inkomstkällor", "totalt"], ["alla inkomstkällor", "totalt"], ["totalt inkomstkälla", "totalt"],
  ["huvudsaklig inkomstkälla totalt", "totalt"], ["totalt huvudsaklig inkomstkälla", "totalt"],
]);

export function tolkaInkomstkalla(label: string): Inkomstkalla | undefined {
  return INKOMSTKALLA_LABELS.get(labelKey(label).replace(/ ?\/ ?/g, "/"));
}

/**
 * Arbetsrelaterad inkomstnivå to a code: `0 kr` -> `0_kr`; `1 kr -  < 1 inkomstbasbelopp` ->
 * `0-1_ibb` (more than 0 kr, under 1 ibb); `1 - < 2 inkomstbasbelopp` -> `1-2_ibb`;
 * `3 inkomstbasbelopp eller mer` -> `3+_ibb`; a total -> `totalt`.
 */
export function tolkaInkomstniva(label: string): string | undefined {
  const k = labelKey(label).replace(/(\d),(\d)/g, "$1.$2").replace(/ ?< ?/g, "<").replace(/ibb$/, "inkomstbasbelopp");
  if (["totalt", "samtliga", "alla", "totalt inkomstniva", "samtliga inkomstnivaer", "alla inkomstnivaer", "arbetsrelaterad inkomstniva totalt"].includes(k)) return "totalt";
  const tal = "(\\d+(?:\\.\\d+)?)";
  if (/^0 kr$/.test(k)) return "0_kr";
  let m = new RegExp(`^1 kr-<${tal} inkomstbasbelopp$`).exec(k);
  if (m) return `0-${Number(m[1])}_ibb`;
  m = new RegExp(`^${tal}-<${tal} inkomstbasbelopp$`).exec(k);
  if (m && Number(m[1]) < Number(m[2])) return `${Number(m[1])}-${Number(m[2])}_ibb`;
  m = new RegExp(`^(?:${tal} inkomstbasbelopp (?:eller mer|och mer|eller fler)|minst ${tal} inkomstbasbelopp|${tal}\\+ inkomstbasbelopp|>=${tal} inkomstbasbelopp)$`).exec(k);
  if (m) return `${Number(m[1] ?? m[2] ?? m[3] ?? m[4])}+_ibb`;
  return undefined;
}

/** Sort key of an inkomstnivå code: 0 kr first, then by lower bound, totalt last. */
export function compareInkomstniva(a: string, b: string): number {
  const rank = (x: string): [number, number] =>
    x === "totalt" ? [3, 0] : x === "0_kr" ? [0, 0] : [1, Number(/^(\d+(?:\.\d+)?)/.exec(x)?.[1] ?? 0)];
  const [ra, va] = rank(a);
  const [rb, vb] = rank(b);
  return ra - rb || va - vb || (a < b ? -1 : a > b ? 1 : 0);
}

const FODELSEREGION_LABELS = keyed<string>([
  ["totalt", "totalt"], ["samtliga", "totalt"], ["alla", "totalt"], ["totalt födelseregion", "totalt"], ["samtliga födelseregioner", "totalt"],
  ["sverige", "sverige"], ["född i sverige", "sverige"], ["födda i sverige", "sverige"], ["inrikes född", "sverige"], ["inrikes födda", "sverige"], ["inrikes", "sverige"],
  ["utrikes född", "utrikes"], ["utrikes födda", "utrikes"], ["utrikes", "utrikes"], ["född utomlands", "utrikes"], ["födda utomlands", "utrikes"], ["utlandet", "utrikes"],
  ["norden utom sverige", "norden_utom_sverige"], ["norden exkl. sverige", "norden_utom_sverige"],
  ["eu utom norden", "eu_utom_norden"], ["eu28 utom norden", "eu_utom_norden"], ["eu27 utom norden", "eu_utom_norden"],
  ["europa utom eu och norden", "europa_utom_eu_och_norden"], ["europa utom eu28 och norden", "europa_utom_eu_och_norden"], ["europa utom eu27 och norden", "europa_utom_eu_och_norden"],
  ["världen utom europa", "varlden_utom_europa"], ["övriga världen", "varlden_utom_europa"], ["utom europa", "varlden_utom_europa"],
  ["afrika", "afrika"], ["asien", "asien"], ["nordamerika", "nordamerika"], ["sydamerika", "sydamerika"], ["oceanien", "oceanien"],
  ["okänd", "okand"], ["okänt", "okand"], ["okänd födelseregion", "okand"],
]);

export function tolkaFodelseregion(label: string): string | undefined {
  return FODELSEREGION_LABELS.get(labelKey(label));
}

const RUBRIK = RUBRIKER;

const STATUS_FORVANTAT = "\"sysselsatta\", \"arbetslösa\", \"studerande\", \"pensionärer\", \"sjuka\", \"övriga\" eller \"totalt\" (med eller utan \"antal \")";
const INKOMSTKALLA_FORVANTAT =
  "en av SCB:s huvudsakliga inkomstkällor: \"ersättning för arbete\", \"ersättning vid arbetslöshet\", \"ersättning för studier\", \"pension\", " +
  "\"ersättning vid långvarigt nedsatt arbetsförmåga\", \"ersättning vid sjukdom\", \"ersättning vid föräldraledighet/närståendeomvårdnad\", " +
  "\"ekonomiskt stöd\", \"saknar ersättningar\" eller \"totalt\"";

const KON_DIM: Dimension = { namn: "kon", visningsnamn: "kön", rubriker: RUBRIK.kon, tolka: tolkaKon, forvantat: KON_FORVANTAT, standard: "alla" };
const ALDER_DIM: Dimension = { namn: "alder", visningsnamn: "ålder", rubriker: RUBRIK.alder, tolka: parseAlder, forvantat: "en ålder eller åldersgrupp som \"20-64 år\", \"25-34 år\" eller \"totalt\"" };
const INKOMSTKALLA_DIM: Dimension = {
  namn: "inkomstkalla", visningsnamn: "huvudsaklig inkomstkälla", rubriker: RUBRIK.inkomstkalla, tolka: tolkaInkomstkalla, forvantat: INKOMSTKALLA_FORVANTAT,
};

/** Content of a count table (inkomstkälla, or status as its own column): counts used, rates not. */
function antalInnehall(label: string): boolean | undefined {
  if (arTakt(label)) return false;
  const k = labelKey(label);
  return /^(antal|personer|befolkning|befolkningen|antal personer|totalt|antal, personer)$/.test(k) || /^antal\b/.test(k) ? true : undefined;
}

export const SPECAR: Readonly<Record<BasKalla, ScbSpec>> = {
  bas_status: {
    regel: "bas",
    tabell: "SCB:s tabell ArbStatusM (TAB6260)",
    okantInnehallFel: "bas.status",
    dimensioner: [
      KON_DIM,
      ALDER_DIM,
      {
        namn: "fodelseregion", visningsnamn: "födelseregion", rubriker: RUBRIK.fodelseregion, tolka: tolkaFodelseregion,
        forvantat: "\"totalt\", \"inrikes född\", \"utrikes född\" eller en av SCB:s födelseregioner", standard: "totalt",
      },
      {
        namn: "status", visningsnamn: "arbetsmarknadsstatus", rubriker: RUBRIK.status, franInnehall: true,
        tolka: (cell) => statusFranInnehall(cell), forvantat: STATUS_FORVANTAT,
      },
    ],
    innehall: antalInnehall,
    tid: "manad",
    harled: [
      { dimension: "kon", total: "alla", delar: ["kvinnor", "man"] },
      { dimension: "status", total: "totalt", delar: STATUSDELAR },
    ],
  },
  bas_inkomstkalla: {
    regel: "bas",
    tabell: "SCB:s tabell ArbStatFoT1 (TAB1784)",
    dimensioner: [KON_DIM, ALDER_DIM, INKOMSTKALLA_DIM],
    innehall: antalInnehall,
    tid: "manad",
    harled: [
      { dimension: "kon", total: "alla", delar: ["kvinnor", "man"] },
      { dimension: "inkomstkalla", total: "totalt", delar: INKOMSTKALLEDELAR },
    ],
  },
  bas_inkomstniva: {
    regel: "bas",
    tabell: "SCB:s tabell ArbStatHuv",
    dimensioner: [
      KON_DIM,
      ALDER_DIM,
      INKOMSTKALLA_DIM,
      {
        namn: "inkomstniva", visningsnamn: "arbetsrelaterad inkomstnivå", rubriker: RUBRIK.inkomstniva, tolka: tolkaInkomstniva,
        forvantat: "\"0 kr\", \"1 kr - < 1 inkomstbasbelopp\", \"1 - < 2 inkomstbasbelopp\", \"3 inkomstbasbelopp eller mer\" (och liknande) eller \"totalt\"",
      },
    ],
    innehall: antalInnehall,
    tid: "manad",
    harled: [
      { dimension: "kon", total: "alla", delar: ["kvinnor", "man"] },
      { dimension: "inkomstkalla", total: "totalt", delar: INKOMSTKALLEDELAR },
    ],
  },
};

/** Which BAS table this is, recognised by its dimensions and content labels. */
export function basKalla(t: PxTable): BasKalla | undefined {
  return generellt(t) ?? enligtSpec(t);
}

function generellt(t: PxTable): BasKalla | undefined {
  const stubs = t.stubNames.map(labelKey);
  const har = (namn: readonly string[]) => stubs.some((s) => namn.includes(s));
  if (har(RUBRIK.inkomstniva) && har(RUBRIK.inkomstkalla)) return "bas_inkomstniva";
  if (har(RUBRIK.inkomstkalla)) return "bas_inkomstkalla";
  if (har(RUBRIK.status)) return "bas_status";
  // Status as content: at least one content label is a status other than the total.
  if (t.contents.some((c) => { const s = statusFranInnehall(c); return s !== null && s !== undefined && s !== "totalt"; })) return "bas_status";
  return undefined;
}

/** By each table's own placement, for a variable in the heading (`ersättning för arbete 2024M03`). */
function enligtSpec(t: PxTable): BasKalla | undefined {
  const ref = standardreferens();
  const niva = placeraEnligtSpec(t, SPECAR.bas_inkomstniva, ref);
  if (niva && niva.okandaTextkolumner === 0 && niva.har("inkomstniva") && niva.har("inkomstkalla")) return "bas_inkomstniva";
  const kalla = placeraEnligtSpec(t, SPECAR.bas_inkomstkalla, ref);
  if (kalla && kalla.okandaTextkolumner === 0 && kalla.har("inkomstkalla")) return "bas_inkomstkalla";
  const status = placeraEnligtSpec(t, SPECAR.bas_status, ref);
  if (status && status.okandaTextkolumner === 0 && (status.har("status") || status.innehall.some((c) => { const x = statusFranInnehall(c); return x !== null && x !== undefined && x !== "totalt"; }))) return "bas_status";
  return undefined;
}

export function normaliseBas(kalla: BasKalla, t: PxTable, ref: Regionreferens, findings: Findings): BasData | undefined {
  const data = lasScbTabell(t, SPECAR[kalla], ref, findings);
  if (!data) return undefined;
  return { kalla, data: kalla === "bas_inkomstniva" ? medNivaTotal(data) : data };
}

/**
 * ArbStatHuv without an inkomstnivå total: the total is the sum over the nivåer the file has
 * (every nivå that occurs anywhere in the file must be there; a missing value gives a missing
 * total), as kön `alla` is derived.
 */
function medNivaTotal(l: ScbLasning): ScbLasning {
  const d = l.kub.dimensioner.indexOf("inkomstniva");
  const nivaer = l.kub.ordbok[d]!.filter((n) => n !== "totalt");
  const kub = harledTotal(l.kub, { dimension: "inkomstniva", total: "totalt", delar: nivaer });
  if (kub === l.kub) return l;
  const utoka = (a: Int32Array) => {
    const b = new Int32Array(kub.antal);
    b.set(a);
    return b;
  };
  return { ...l, kub, rad: l.rad.map(utoka), kolumn: l.kolumn.map(utoka) };
}
