/**
 * SCB's försörjningsmått for Finsam: an Excel workbook (or a CSV saved from it) with the public
 * cost of benefits for ill-health and unemployment, in tkr, per region (kommun, valdistrikt,
 * län, riket) and year, and the population 16-64 (newer editions 16-65) years.
 *
 * The accepted layout (docs/definitioner/forsorjningsmatt.md, "Vad vi tar emot") is modelled on
 * how SCB delivers ordered tables, not copied from a real delivery, so the reader is tolerant:
 * the header row is found by content among the first 20 rows of each sheet, columns by label
 * key; wide (one column per payment type) or long (an `ersättningsslag` column and a
 * `belopp, tkr` column); one sheet per year or an `År` column. Valdistrikt rows are summed into
 * their kommun only when the kommun's own row is missing; they are never published.
 *
 * Every amount is turned from tkr into kr exactly (the decimal point is moved, never multiplied
 * in binary floating point); groups are sums of payment types; nothing is rounded.
 */
import { decodeOrReport } from "../read/pxweb.ts";
import { readDelimited, type DelimitedText } from "../read/delimited.ts";
import { kolumnbokstav, lasArbetsbok, type Xlsxvarde } from "../read/xlsx.ts";
import { labelKey } from "./labels.ts";
import { antal } from "./antal.ts";
import type { Kommun } from "../reference/indelning.ts";
import { showValue, type Findings } from "../validate/findings.ts";

export const GRUPPER = ["ohalsa", "arbetsmarknadsstod", "ekonomiskt_bistand", "total"] as const;
export type Grupp = (typeof GRUPPER)[number];
export type Aldersgrupp = "16-64" | "16-65";

/** Payment types as SCB splits them; a column may hold several (e.g. sjuk- och aktivitetsersättning). */
export const KOMPONENTER = {
  sjukpenning: "ohalsa",
  rehabiliteringspenning: "ohalsa",
  sjukersattning: "ohalsa",
  aktivitetsersattning: "ohalsa",
  arbetsloshetsersattning: "arbetsmarknadsstod",
  aktivitetsstod: "arbetsmarknadsstod",
  utvecklingsersattning: "arbetsmarknadsstod",
  etableringsersattning: "arbetsmarknadsstod",
  ekonomiskt_bistand: "ekonomiskt_bistand",
} as const satisfies Record<string, Exclude<Grupp, "total">>;
export type Komponent = keyof typeof KOMPONENTER;

export interface Forsorjningsrad {
  readonly niva: "kommun" | "lan" | "riket";
  readonly kod: string;
  readonly ar: string;
  /** Cost in kr per group; null when an amount in the group is missing (`..`) in the source. */
  readonly kostnad: Readonly<Record<Grupp, number | null>>;
  /** Population in the age band; null when missing in the source. */
  readonly befolkning: number | null;
  readonly aldersgrupp: Aldersgrupp;
  /** For messages: `blad "2020" rad 12` or `rad 12`. */
  readonly plats: string;
  readonly rad: number;
  /** Summed from the kommun's valdistrikt rows (its own row was missing). */
  readonly franValdistrikt?: boolean;
}

export interface ForsorjningsmattData {
  readonly fil: string;
  readonly rader: readonly Forsorjningsrad[];
}

// ---------------------------------------------------------------------------------------------
// Labels

type Kolumnslag =
  | "ar" | "regionkod" | "region" | "niva" | "alder" | "befolkning" | "per_invanare" | "slag" | "belopp" | "total";

interface Kolumn {
  readonly index: number;
  readonly etikett: string;
}

interface Betalkolumn extends Kolumn {
  readonly komponenter: readonly Komponent[];
  readonly faktor: number;
}

interface Rubrik {
  readonly radIndex: number;
  readonly kolumner: Partial<Record<Kolumnslag, Kolumn & { faktor?: number }>>;
  readonly betalningar: readonly Betalkolumn[];
  /** Columns whose label says nothing we know (not used). */
  readonly okanda: readonly string[];
  /** Two columns with the same meaning, or overlapping payment columns. */
  readonly dubbletter: readonly { a: Kolumn; b: Kolumn }[];
}

/** `"sjukpenning, tkr"` -> text `"sjukpenning"`, factor 1000; `"(kr)"` -> 1. Amounts without a unit are tkr. */
function utanEnhet(key: string): { text: string; faktor: number | undefined } {
  let faktor: number | undefined;
  const enhet = (s: string): number | undefined => {
    const t = s.trim().replace(/\.$/, "");
    if (/^(i )?(tkr|kkr|tusental kronor|tusentals kronor|tusen kronor|1 ?000-?tal (kr|kronor)|1 ?000 (kr|kronor))$/.test(t)) return 1000;
    if (/^(i )?(kr|kronor)$/.test(t)) return 1;
    return undefined;
  };
  let text = key.replace(/\(([^)]*)\)/g, (m, inner: string) => {
    const e = enhet(inner);
    if (e === undefined) return m;
    faktor = e;
    return " ";
  });
  text = text.replace(/[,;:]? ?((i )?(tkr|kkr|tusental kronor|tusentals kronor|tusen kronor|1 ?000-?tal (kr|kronor)|kr|kronor))\.?\s*$/, (_m, u: string) => {
    faktor = enhet(u);
    return "";
  });
  return { text: text.replace(/\s+/g, " ").replace(/[ ,;:]+$/, "").trim(), faktor };
}

/** The payment types a label names, if it names one. */
export function tolkaErsattning(etikett: string): Komponent[] | undefined {
  const k = utanEnhet(labelKey(etikett)).text;
  // `Sjukpenning 2024M03` is a PxWeb heading (content × time), not a payment column.
  if (/(?<!\d)(19|20)\d{2}(m\d{2}|k\d)?(?!\d)/.test(k)) return undefined;
  const sjukers = /sjukersattning|sjuk-(och|&|\/) ?aktivitetsers/.test(k);
  const aktivers = /aktivitetsers/.test(k);
  if (sjukers || aktivers) return [...(sjukers ? ["sjukersattning" as const] : []), ...(aktivers ? ["aktivitetsersattning" as const] : [])];
  if (/sjukpenning/.test(k)) return /rehab/.test(k) ? ["sjukpenning", "rehabiliteringspenning"] : ["sjukpenning"];
  if (/rehabiliteringspenning/.test(k)) return ["rehabiliteringspenning"];
  if (/arbetsloshetsersattning|a-kassa|arbetsloshetskassa|arbetsloshetsforsakring/.test(k)) return ["arbetsloshetsersattning"];
  if (/aktivitetsstod/.test(k)) return /utvecklingsersattning/.test(k) ? ["aktivitetsstod", "utvecklingsersattning"] : ["aktivitetsstod"];
  if (/utvecklingsersattning/.test(k)) return ["utvecklingsersattning"];
  if (/etableringsersattning|etableringsstod/.test(k)) return ["etableringsersattning"];
  if (/ekonomiskt bistand|forsorjningsstod|socialbidrag/.test(k)) return ["ekonomiskt_bistand"];
  return undefined;
}

const TOTAL = /^(summa|totalt?|samtliga|samtliga ersattningar|summa ersattningar|totalt ersattningar|total kostnad|summa kostnad(er)?|totala kostnader|forsorjningsmatt)$/;

/** The age band a label states (`Befolkning 16–65 år` -> `16-65`). */
function aldersbandI(text: string): Aldersgrupp | undefined {
  const m = /16-6([45])\b/.exec(labelKey(text));
  return m ? (`16-6${m[1]}` as Aldersgrupp) : undefined;
}

function kolumnslag(etikett: string): { slag: Kolumnslag; faktor?: number } | { betalning: Komponent[]; faktor: number } | undefined {
  const k = labelKey(etikett);
  if (k === "") return undefined;
  if (/per inv|\/ ?inv|per capita/.test(k)) return { slag: "per_invanare" };
  if (/befolkning|folkmangd|invanare|antal personer/.test(k)) return { slag: "befolkning" };
  if (/^(ar|artal|period|tid|redovisningsar|statistikar)$/.test(k)) return { slag: "ar" };
  if (/^(niva|regionniva|regiontyp|omradestyp|typ av region|typ)$/.test(k)) return { slag: "niva" };
  if (/^(alder|aldersgrupp|aldersintervall|aldersklass)$/.test(k)) return { slag: "alder" };
  if (/^(regionkod|region kod|kod|kommunkod|lanskod|omradeskod|valdistriktskod|kommunnummer|kommunnr|regionnummer|regionnr)$/.test(k)) return { slag: "regionkod" };
  if (/^(region|kommun|namn|regionnamn|kommunnamn|omrade|lan|valdistrikt|(region|kommun)( ?\/ ?| och )valdistrikt)$/.test(k)) return { slag: "region" };
  if (/^(ersattning|ersattningar|ersattningsslag|ersattningstyp|ersattningsform|forman|formansslag|formanstyp)$/.test(k)) return { slag: "slag" };
  const u = utanEnhet(k);
  if (/^(belopp|kostnad|kostnader|utbetalt|utbetalt belopp|utbetalda belopp|utbetalningar)$/.test(u.text)) return { slag: "belopp", faktor: u.faktor ?? 1000 };
  if (TOTAL.test(u.text) && (u.text !== "forsorjningsmatt" || u.faktor !== undefined)) return { slag: "total", faktor: u.faktor ?? 1000 };
  const betalning = tolkaErsattning(etikett);
  if (betalning) return { betalning, faktor: u.faktor ?? 1000 };
  return undefined;
}

type Cell = Xlsxvarde;

function cellText(c: Cell | undefined): string {
  return c === null || c === undefined ? "" : String(c).trim();
}

function tolkaRubrik(celler: readonly Cell[], radIndex: number): Rubrik {
  const kolumner: Rubrik["kolumner"] = {};
  const betalningar: Betalkolumn[] = [];
  const okanda: string[] = [];
  const dubbletter: { a: Kolumn; b: Kolumn }[] = [];
  celler.forEach((c, index) => {
    const etikett = cellText(c);
    if (etikett === "" || typeof c === "number") return;
    const s = kolumnslag(etikett);
    if (!s) {
      okanda.push(etikett);
      return;
    }
    if ("betalning" in s) {
      const kol = { index, etikett, komponenter: s.betalning, faktor: s.faktor };
      const overlapp = betalningar.find((b) => b.komponenter.some((x) => s.betalning.includes(x)));
      if (overlapp) dubbletter.push({ a: overlapp, b: kol });
      else betalningar.push(kol);
      return;
    }
    const finns = kolumner[s.slag];
    if (finns) {
      // `Region` beside `Kommun`, or `Kod` beside `Regionkod`: the first one is used.
      if (s.slag === "region" || s.slag === "niva") return;
      dubbletter.push({ a: finns, b: { index, etikett } });
      return;
    }
    kolumner[s.slag] = { index, etikett, ...(s.faktor !== undefined ? { faktor: s.faktor } : {}) };
  });
  return { radIndex, kolumner, betalningar, okanda, dubbletter };
}

function arRubrik(r: Rubrik): boolean {
  const region = r.kolumner.region !== undefined || r.kolumner.regionkod !== undefined;
  const amounts = r.betalningar.length + r.dubbletter.length >= 2 || (r.kolumner.slag !== undefined && r.kolumner.belopp !== undefined);
  return region && amounts;
}

/** Rows searched for the header (title blocks are a few rows). */
const RUBRIK_RADER = 20;

function hittaRubrik(rader: readonly { celler: readonly Cell[] }[]): Rubrik | undefined {
  for (let i = 0; i < Math.min(rader.length, RUBRIK_RADER); i++) {
    const r = tolkaRubrik(rader[i]!.celler, i);
    if (arRubrik(r)) return r;
  }
  return undefined;
}

/**
 * Is this CSV (already split into lines and fields) a försörjningsmått table saved from the
 * workbook? It is asked before any other kind, so it wants more than the workbook reader: the
 * header row, and a population column, an amount in tkr or a title naming försörjningsmått.
 */
export function kannerIgenForsorjningsmatt(parsed: DelimitedText): boolean {
  // A PxWeb table (helårsekvivalenter in long form has columns named Sjukpenning, …) has kön
  // or months; the försörjningsmått has neither.
  const nycklar = parsed.header.fields.map((f) => labelKey(f));
  if (nycklar.some((k) => k === "kon" || k === "manad" || k === "kvartal" || /^\d{4}m\d{2}$/.test(k))) return false;
  const rader = [parsed.header, ...parsed.rows.slice(0, RUBRIK_RADER)].map((r) => ({ celler: r.fields }));
  const r = hittaRubrik(rader);
  if (!r) return false;
  if (r.kolumner.befolkning !== undefined || (r.kolumner.slag !== undefined && r.kolumner.belopp !== undefined)) return true;
  const tkr = [...r.betalningar, r.kolumner.total].some((k) => k !== undefined && /tkr|tusen|1 ?000/.test(labelKey(k.etikett)));
  const titel = [...parsed.titleLines, ...rader.slice(0, r.radIndex).flatMap((x) => x.celler)].some((t) => /forsorjningsmatt/.test(labelKey(t)));
  return tkr || titel;
}

// ---------------------------------------------------------------------------------------------
// Numbers

type Tal = { kind: "tal"; value: number } | { kind: "saknas" } | { kind: "ogiltig" } | { kind: "negativ" };

/**
 * `text` (`"1234.5"`, `"1,2345E+3"`, `"12 345,6"`) times 10^`skift`, by moving the decimal
 * point in the digits, so tkr -> kr is exact.
 */
function decimalTal(text: string, skift: number): number | undefined {
  const m = /^(\d*)(?:[.,](\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) return undefined;
  const heltal = m[1]!;
  const decimaler = m[2] ?? "";
  const exp = (m[3] ? Number(m[3]) : 0) + skift;
  let siffror = heltal + decimaler;
  let punkt = heltal.length + exp;
  if (punkt > siffror.length) siffror = siffror.padEnd(punkt, "0");
  if (punkt < 0) {
    siffror = "0".repeat(-punkt) + siffror;
    punkt = 0;
  }
  const v = Number(`${siffror.slice(0, punkt) || "0"}.${siffror.slice(punkt) || "0"}`);
  return Number.isFinite(v) ? v : undefined;
}

/**
 * A number as Excel stores it, or as Swedish Excel writes it into a CSV (decimal comma,
 * thousands separated by space or NBSP, `−` for minus). `..`, `.` and an empty cell are
 * missing; `-` is SCB's "nothing to report", read as 0.
 */
export function lasBelopp(c: Cell | undefined, skift: number): Tal {
  if (c === null || c === undefined) return { kind: "saknas" };
  if (typeof c === "number") {
    if (!Number.isFinite(c)) return { kind: "ogiltig" };
    if (c < 0) return { kind: "negativ" };
    const v = decimalTal(String(c), skift);
    return v === undefined ? { kind: "ogiltig" } : { kind: "tal", value: v };
  }
  let s = c.trim();
  if (s === "" || /^\.{1,7}$/.test(s)) return { kind: "saknas" };
  if (/^[-–—]$/.test(s)) return { kind: "tal", value: 0 };
  let negativ = false;
  if (/^[-−–]/.test(s)) {
    negativ = true;
    s = s.slice(1).trim();
  }
  if (/^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$/.test(s)) s = s.replace(/[ \u00a0\u202f]/g, "");
  if (!/^(\d+(,\d*)?|,\d+|\d+(\.\d*)?([eE][+-]?\d+)?|\.\d+|\d+,\d*[eE][+-]?\d+)$/.test(s)) return { kind: "ogiltig" };
  const v = decimalTal(s, skift);
  if (v === undefined) return { kind: "ogiltig" };
  if (negativ && v !== 0) return { kind: "negativ" };
  return { kind: "tal", value: v };
}

/** log10 of a factor 1, 1000 (kr, tkr). */
function skiftAv(faktor: number | undefined): number {
  return faktor === 1 ? 0 : 3;
}

// ---------------------------------------------------------------------------------------------
// Regions

type Regionref =
  | { readonly niva: "kommun" | "lan" | "riket"; readonly kod: string }
  | { readonly niva: "valdistrikt"; readonly kod: string; readonly kommun: string };

const RIKET = /^(riket|hela riket|sverige|riket totalt|hela landet|totalt riket)$/;

interface Regionkontext {
  readonly kommuner: ReadonlyMap<string, Kommun>;
  readonly lan: ReadonlyMap<string, string>;
  readonly kommunNamn: ReadonlyMap<string, string>;
  readonly lanNamn: ReadonlyMap<string, string>;
}

function regionkontext(kommuner: ReadonlyMap<string, Kommun>): Regionkontext {
  const lan = new Map<string, string>();
  const kommunNamn = new Map<string, string>();
  const lanNamn = new Map<string, string>();
  for (const k of kommuner.values()) {
    lan.set(k.lan, k.lanNamn);
    kommunNamn.set(labelKey(k.namn), k.kod);
    kommunNamn.set(`${labelKey(k.namn)}s kommun`, k.kod);
    kommunNamn.set(`${labelKey(k.namn)} kommun`, k.kod);
    const ln = labelKey(k.lanNamn);
    lanNamn.set(ln, k.lan);
    lanNamn.set(ln.replace(/ lan$/, ""), k.lan);
  }
  return { kommuner, lan, kommunNamn, lanNamn };
}

/** A code cell as text: Excel drops leading zeros of numbers (`114` for 0114, `0` for 00). */
function kodText(c: Cell | undefined): string {
  if (typeof c === "number") {
    if (!Number.isInteger(c) || c < 0) return String(c);
    const s = String(c);
    if (s.length === 1) return s === "0" ? "00" : `0${s}`;
    if (s.length === 3) return `0${s}`;
    if (s.length === 7) return `0${s}`;
    return s;
  }
  return cellText(c);
}

type Regionsvar = { ok: Regionref } | { fel: string; en: string; kolumn: "regionkod" | "region" };

function tolkaRegion(kodCell: Cell | undefined, namnCell: Cell | undefined, nivaCell: Cell | undefined, foregaende: string | undefined, ctx: Regionkontext): Regionsvar {
  const nivaKey = labelKey(cellText(nivaCell));
  const namn = cellText(namnCell);
  const namnKey = labelKey(namn);
  let kod = kodText(kodCell);
  let kodKolumn: "regionkod" | "region" = "regionkod";
  let rest = namnKey;
  if (kod === "" || !/^\d+$/.test(kod)) {
    const m = /^(\d{1,10})\b\s*[-:]?\s*(.*)$/.exec(kod !== "" ? labelKey(kod) : namnKey);
    if (m) {
      kod = m[1]!;
      rest = m[2]!;
      if (kodText(kodCell) === "") kodKolumn = "region";
    } else if (kod !== "") {
      return { fel: `regionkoden "${showValue(kod)}" är inte en kod; förväntat t.ex. 2080 (kommun), 20 (län), 00 (riket) eller en valdistriktskod`, en: "the region code is not a code", kolumn: "regionkod" };
    }
  }
  const valdistrikt = /valdistrikt/.test(nivaKey) || /\bvaldistrikt\b/.test(rest);
  if (/^\d+$/.test(kod)) {
    if (/^0+$/.test(kod)) return { ok: { niva: "riket", kod: "00" } };
    if (kod.length <= 2) {
      const l = kod.padStart(2, "0");
      if (!ctx.lan.has(l)) return { fel: `okänd länskod "${kod}"; förväntat en av länens koder (01-25)`, en: "unknown county code", kolumn: kodKolumn };
      return { ok: { niva: "lan", kod: l } };
    }
    if (kod.length <= 4 && !valdistrikt) {
      const k = kod.padStart(4, "0");
      if (!ctx.kommuner.has(k)) return { fel: `okänd kommunkod "${kod}"; förväntat en av SCB:s 290 kommunkoder (t.ex. 2080 för Falun)`, en: "unknown kommun code", kolumn: kodKolumn };
      return { ok: { niva: "kommun", kod: k } };
    }
    if (kod.length >= 5) {
      const k = kod.slice(0, 4);
      if (!ctx.kommuner.has(k)) {
        return { fel: `valdistriktskoden "${kod}" börjar inte med en känd kommunkod ("${k}"); förväntat kommunkoden följd av distriktets nummer (t.ex. 20800101)`, en: "valdistrikt code does not start with a known kommun code", kolumn: kodKolumn };
      }
      return { ok: { niva: "valdistrikt", kod, kommun: k } };
    }
  }
  if (valdistrikt || /valdistrikt/.test(namnKey)) {
    if (!foregaende) return { fel: `valdistriktet "${showValue(namn)}" saknar kod och står inte under en kommun; förväntat valdistriktskod eller raden under sin kommun`, en: "valdistrikt without code and not below a kommun", kolumn: "region" };
    return { ok: { niva: "valdistrikt", kod: `${foregaende}:${namnKey}`, kommun: foregaende } };
  }
  if (RIKET.test(namnKey)) return { ok: { niva: "riket", kod: "00" } };
  const k = ctx.kommunNamn.get(namnKey);
  if (k) return { ok: { niva: "kommun", kod: k } };
  const l = ctx.lanNamn.get(namnKey);
  if (l) return { ok: { niva: "lan", kod: l } };
  if (namn === "") return { fel: "regionen saknas; förväntat regionkod eller regionnamn", en: "missing region", kolumn: kodCell === undefined ? "region" : "regionkod" };
  return { fel: `okänd region "${showValue(namn)}"; förväntat en kommun, ett län, riket eller ett valdistrikt med kod`, en: "unknown region", kolumn: "region" };
}

// ---------------------------------------------------------------------------------------------
// Reading one sheet (or one CSV)

interface Rad {
  readonly rad: number;
  readonly celler: readonly Cell[];
}

interface Kalla {
  readonly fil: string;
  /** Sheet name (workbooks only). */
  readonly blad?: string;
  readonly rader: readonly Rad[];
  /** Title lines above the table that are not in `rader` (CSV). */
  readonly titlar?: readonly string[];
}

interface Lasrad {
  readonly ref: Regionref;
  readonly ar: string;
  readonly kostnad: Record<Grupp, number | null>;
  readonly befolkning: number | null;
  readonly aldersgrupp: Aldersgrupp;
  readonly plats: string;
  readonly rad: number;
  readonly antalDelar: number;
}

const MAX_FEL = 20;

class Lasare {
  private fel = 0;
  private saknade = 0;
  /** Cells read as numbers, missing, and rejected (for the file's `forsorjningsmatt.inlast` line). */
  private lastaTal = 0;
  private lastaSaknade = 0;
  private avvisade = 0;
  readonly rader: Lasrad[] = [];
  private readonly sedda = new Map<string, string>();

  constructor(private readonly fil: string, private readonly ctx: Regionkontext, private readonly findings: Findings) {}

  get harFel(): boolean {
    return this.fel > 0;
  }

  felVid(k: Kalla, rad: number, kolumn: number | undefined, falt: string | undefined, varde: string | undefined, regel: string, sv: string, en: string): void {
    this.fel++;
    if (this.fel > MAX_FEL) return;
    const cell = kolumn !== undefined && k.blad !== undefined ? `, cell ${kolumnbokstav(kolumn)}${rad}` : "";
    const blad = k.blad !== undefined ? `blad "${k.blad}"${cell}: ` : "";
    this.findings.fel({
      fil: this.fil, rad, ...(kolumn !== undefined ? { kolumn } : {}), ...(falt ? { falt } : {}), ...(varde !== undefined ? { varde: showValue(varde) } : {}),
      regel, meddelande: `${blad}${sv}`, message: `${k.blad !== undefined ? `sheet "${k.blad}"${cell ? `, cell ${kolumnbokstav(kolumn!)}${rad}` : ""}: ` : ""}${en}`,
    });
  }

  avsluta(): void {
    this.findings.info({
      fil: this.fil, regel: "forsorjningsmatt.inlast",
      meddelande: `läste ${antal(this.lastaTal)} tal; ${antal(this.lastaSaknade)} saknade värden; ${antal(this.avvisade)} avvisade celler`,
      message: `read ${this.lastaTal} numbers, ${this.lastaSaknade} missing values, ${this.avvisade} rejected cells`,
    });
    if (this.fel > MAX_FEL) {
      this.findings.fel({ fil: this.fil, regel: "forsorjningsmatt.fler_fel", meddelande: `ytterligare ${this.fel - MAX_FEL} fel i filen visas inte`, message: `${this.fel - MAX_FEL} more errors in the file` });
    }
    if (this.saknade > 0) {
      this.findings.varning({
        fil: this.fil, regel: "forsorjningsmatt.saknat_varde",
        meddelande: `${this.saknade} belopp eller befolkningstal saknas (tom cell eller ..); gruppen och totalen för de regionerna och åren lämnas tomma`,
        message: `${this.saknade} missing amounts or population figures; those groups and totals are left empty`,
      });
    }
  }

  /** Reads a sheet (or CSV) whose header row was found. */
  lasBlad(k: Kalla, rubrik: Rubrik): void {
    const header = k.rader[rubrik.radIndex]!;
    const titlar = [...(k.titlar ?? []), ...k.rader.slice(0, rubrik.radIndex).flatMap((r) => r.celler.map(cellText).filter((t) => t !== ""))];
    const kol = rubrik.kolumner;
    const kolNr = (c: Kolumn | undefined) => (c ? c.index + 1 : undefined);
    for (const { a, b } of rubrik.dubbletter) {
      this.felVid(k, header.rad, b.index + 1, b.etikett, b.etikett, "forsorjningsmatt.kolumn_dubblett",
        `kolumnen "${showValue(b.etikett)}" (kolumn ${kolumnbokstav(b.index + 1)}) betyder samma sak som eller överlappar "${showValue(a.etikett)}" (kolumn ${kolumnbokstav(a.index + 1)}); förväntat varje ersättning i en kolumn`,
        `column "${b.etikett}" duplicates or overlaps "${a.etikett}"`);
    }
    const lang = kol.slag !== undefined && kol.belopp !== undefined;
    if (!lang && rubrik.betalningar.length === 0) return;
    if (kol.befolkning === undefined) {
      this.felVid(k, header.rad, undefined, undefined, undefined, "forsorjningsmatt.kolumn_saknas",
        "rubrikraden saknar kolumnen för befolkningen (t.ex. \"Befolkning 16-64 år\"); förväntat en kolumn med antalet invånare i åldersgruppen",
        "the header has no population column (e.g. \"Befolkning 16-64 år\")");
      return;
    }
    // The age band: the population column, else the per-inhabitant column, else the title.
    const bandKolumn = aldersbandI(kol.befolkning.etikett) ?? (kol.per_invanare ? aldersbandI(kol.per_invanare.etikett) : undefined);
    const bandTitel = bandKolumn ?? titlar.map(aldersbandI).find((b) => b !== undefined);
    if (bandTitel === undefined && kol.alder === undefined) {
      this.felVid(k, header.rad, kol.befolkning.index + 1, kol.befolkning.etikett, kol.befolkning.etikett, "forsorjningsmatt.aldersgrupp",
        `kolumnen "${showValue(kol.befolkning.etikett)}" anger inte åldersgruppen; förväntat "16-64 år" eller "16-65 år" i rubriken (t.ex. "Befolkning 16-64 år")`,
        "the population column does not state the age band (16-64 or 16-65)");
      return;
    }
    // The year: a column, else the sheet name, else the title block.
    let arFast: string | undefined;
    if (kol.ar === undefined) {
      const franNamn = k.blad !== undefined ? ettAr(k.blad) : undefined;
      arFast = franNamn ?? ettAr(titlar.join(" "));
      if (arFast === undefined) {
        this.felVid(k, header.rad, undefined, undefined, undefined, "forsorjningsmatt.ar_saknas",
          `året saknas: rubrikraden har ingen kolumn "År"${k.blad !== undefined ? " och bladets namn" : ""} och titeln anger inte ett enda år; förväntat en kolumn "År"${k.blad !== undefined ? " eller ett blad per år med året som namn" : ""}`,
          "no year: no \"År\" column, and neither the sheet name nor the title states one year");
        return;
      }
    }
    if (kol.regionkod === undefined && kol.region === undefined) return;

    const langa = new Map<string, { rad: Rad; ref: Regionref; ar: string; belopp: Map<Komponent | "total", number | null>; befolkning: number | null; band: Aldersgrupp; bandRad: number }>();
    let foregaendeKommun: string | undefined;
    let komponenterLang: Set<Komponent | "total"> | undefined;
    for (const rad of k.rader.slice(rubrik.radIndex + 1)) {
      const c = rad.celler;
      const varde = (x: Kolumn | undefined) => (x ? c[x.index] : undefined);
      // A footnote under the table: nothing in the amount and population columns.
      const belopp = lang ? [kol.belopp!] : rubrik.betalningar;
      if ([...belopp, kol.befolkning, kol.total].every((x) => x === undefined || cellText(c[x.index]) === "")) continue;
      const regionKol = kol.regionkod ?? kol.region!;
      if (labelKey(cellText(varde(regionKol))) === labelKey(regionKol.etikett)) continue; // the header repeated (e.g. on a printed page break)
      const reg = tolkaRegion(varde(kol.regionkod), varde(kol.region), varde(kol.niva), foregaendeKommun, this.ctx);
      if ("fel" in reg) {
        const x = reg.kolumn === "regionkod" ? kol.regionkod ?? kol.region : kol.region ?? kol.regionkod;
        this.felVid(k, rad.rad, kolNr(x), x?.etikett, cellText(varde(x)), "forsorjningsmatt.region", reg.fel, reg.en);
        continue;
      }
      const ref = reg.ok;
      if (ref.niva === "kommun") foregaendeKommun = ref.kod;
      let ar = arFast;
      if (kol.ar) {
        const v = varde(kol.ar);
        ar = arAv(v);
        if (ar === undefined) {
          this.felVid(k, rad.rad, kolNr(kol.ar), kol.ar.etikett, cellText(v), "forsorjningsmatt.ar",
            `"${showValue(cellText(v))}" är inte ett år; förväntat ett årtal som 2024`, "not a year; expected e.g. 2024");
          continue;
        }
      }
      let band = bandTitel;
      if (kol.alder) {
        const v = cellText(varde(kol.alder));
        const b = aldersbandI(v);
        if (b === undefined && (v !== "" || band === undefined)) {
          this.felVid(k, rad.rad, kolNr(kol.alder), kol.alder.etikett, v, "forsorjningsmatt.aldersgrupp",
            `åldersgruppen "${showValue(v)}" är varken 16-64 eller 16-65 år`, "the age band is neither 16-64 nor 16-65");
          continue;
        }
        band = b ?? band;
      }
      const befolkning = this.tal(k, rad, kol.befolkning, 0, "befolkning");
      if (befolkning === false) continue;
      const plats = k.blad !== undefined ? `blad "${k.blad}" rad ${rad.rad}` : `rad ${rad.rad}`;
      if (lang) {
        const slagText = cellText(varde(kol.slag));
        const slagKey = utanEnhet(labelKey(slagText)).text;
        const komp: (Komponent | "total")[] | undefined = TOTAL.test(slagKey) ? ["total"] : tolkaErsattning(slagText);
        if (!komp) {
          this.felVid(k, rad.rad, kolNr(kol.slag), kol.slag!.etikett, slagText, "forsorjningsmatt.ersattningsslag",
            `okänt ersättningsslag "${showValue(slagText)}"; förväntat sjukpenning, sjuk- och aktivitetsersättning, arbetslöshetsersättning, aktivitetsstöd, etableringsersättning, ekonomiskt bistånd eller summa`,
            "unknown payment type");
          continue;
        }
        const b = this.tal(k, rad, kol.belopp!, skiftAv(kol.belopp!.faktor), "belopp");
        if (b === false) continue;
        const key = `${ref.niva}|${ref.kod}|${ar}`;
        let g = langa.get(key);
        if (!g) langa.set(key, (g = { rad, ref, ar: ar!, belopp: new Map(), befolkning, band: band!, bandRad: rad.rad }));
        else if (g.befolkning !== befolkning) {
          this.felVid(k, rad.rad, kolNr(kol.befolkning), kol.befolkning.etikett, cellText(varde(kol.befolkning)), "forsorjningsmatt.befolkning_olika",
            `befolkningen skiljer sig från rad ${g.rad.rad} för samma region och år; förväntat samma befolkning på alla rader för en region och ett år`,
            `population differs from line ${g.rad.rad} for the same region and year`);
          continue;
        }
        if (g.band !== band) {
          this.felVid(k, rad.rad, kolNr(kol.alder), kol.alder?.etikett, band, "forsorjningsmatt.aldersgrupp_olika",
            `åldersgruppen skiljer sig från rad ${g.bandRad} för samma region och år`, "age band differs for the same region and year");
          continue;
        }
        if ([...g.belopp.keys()].some((x) => komp.includes(x as Komponent))) {
          this.felVid(k, rad.rad, kolNr(kol.slag), kol.slag!.etikett, slagText, "forsorjningsmatt.dubblett",
            `ersättningsslaget "${showValue(slagText)}" finns redan för ${beskriv(ref)} ${ar}; förväntat en rad per region, år och ersättningsslag`,
            "payment type given twice for the same region and year");
          continue;
        }
        for (const x of komp) g.belopp.set(x, x === komp[0] ? b : 0);
        continue;
      }
      // Wide: one column per payment type.
      const bel = new Map<Komponent | "total", number | null>();
      let ok = true;
      for (const p of rubrik.betalningar) {
        const v = this.tal(k, rad, p, skiftAv(p.faktor), "belopp");
        if (v === false) { ok = false; continue; }
        p.komponenter.forEach((x, i) => bel.set(x, i === 0 ? v : 0));
      }
      if (kol.total) {
        const v = this.tal(k, rad, kol.total, skiftAv(kol.total.faktor), "belopp");
        if (v === false) ok = false;
        else bel.set("total", v);
      }
      let scb: number | null | false = null;
      if (kol.per_invanare) scb = this.tal(k, rad, kol.per_invanare, 0, "per_invanare", true);
      if (!ok || scb === false) continue;
      this.lagg(k, { ref, ar: ar!, belopp: bel, befolkning, band: band!, plats, rad: rad.rad, scb, antalDelar: rubrik.betalningar.length, totalKolumn: kol.total, perKolumn: kol.per_invanare });
    }
    // Long layout: every region and year must have the same payment types.
    for (const g of langa.values()) {
      const typer = new Set<Komponent | "total">([...g.belopp.keys()].filter((x) => x !== "total"));
      komponenterLang ??= typer;
      const saknas = [...komponenterLang].filter((x) => !typer.has(x));
      const extra = [...typer].filter((x) => !komponenterLang!.has(x));
      if (saknas.length > 0 || extra.length > 0) {
        this.felVid(k, g.rad.rad, kolNr(kol.slag), kol.slag!.etikett, undefined, "forsorjningsmatt.ersattningsslag_saknas",
          `${beskriv(g.ref)} ${g.ar} har inte samma ersättningsslag som de andra regionerna (${[...saknas.map((x) => `saknar ${x}`), ...extra.map((x) => `har också ${x}`)].join(", ")}); förväntat en rad per ersättningsslag för varje region och år`,
          "region-year does not have the same payment types as the others");
        continue;
      }
      this.lagg(k, { ref: g.ref, ar: g.ar, belopp: g.belopp, befolkning: g.befolkning, band: g.band, plats: k.blad !== undefined ? `blad "${k.blad}" rad ${g.rad.rad}` : `rad ${g.rad.rad}`, rad: g.rad.rad, scb: null, antalDelar: typer.size, totalKolumn: g.belopp.has("total") ? kol.belopp : undefined, perKolumn: undefined });
    }
  }

  /** A number in a cell: the value (null when missing), or false after an error. */
  private tal(k: Kalla, rad: Rad, x: Kolumn, skift: number, vad: "belopp" | "befolkning" | "per_invanare", tystSaknad = false): number | null | false {
    const raw = rad.celler[x.index];
    const t = lasBelopp(raw, skift);
    const nr = x.index + 1;
    switch (t.kind) {
      case "tal":
        this.lastaTal++;
        return t.value;
      case "saknas":
        this.lastaSaknade++;
        if (!tystSaknad) this.saknade++;
        return null;
      case "negativ":
        this.avvisade++;
        this.felVid(k, rad.rad, nr, x.etikett, cellText(raw), "forsorjningsmatt.negativt",
          `${vad === "befolkning" ? "befolkningen" : "beloppet"} ${showValue(cellText(raw))} är negativt; förväntat ett tal som är 0 eller större`,
          `negative ${vad === "befolkning" ? "population" : "amount"}`);
        return false;
      case "ogiltig":
        this.avvisade++;
        this.felVid(k, rad.rad, nr, x.etikett, cellText(raw), "forsorjningsmatt.inte_tal",
          `"${showValue(cellText(raw))}" i kolumnen "${showValue(x.etikett)}" är inte ett tal; förväntat ${vad === "befolkning" ? "antal invånare (t.ex. 34 512)" : vad === "per_invanare" ? "kronor per invånare" : "ett belopp i tkr (t.ex. 12 345,6)"} eller .. för saknat värde`,
          "not a number");
        return false;
    }
  }

  private lagg(k: Kalla, r: {
    ref: Regionref; ar: string; belopp: Map<Komponent | "total", number | null>; befolkning: number | null; band: Aldersgrupp;
    plats: string; rad: number; scb: number | null; antalDelar: number; totalKolumn: Kolumn | undefined; perKolumn: Kolumn | undefined;
  }): void {
    const key = `${r.ref.niva}|${r.ref.kod}|${r.ar}`;
    const forst = this.sedda.get(key);
    if (forst !== undefined) {
      this.felVid(k, r.rad, undefined, undefined, undefined, "forsorjningsmatt.dubblett",
        `${beskriv(r.ref)} ${r.ar} finns redan (${forst}); förväntat en rad per region och år`,
        `region and year already given (${forst})`);
      return;
    }
    this.sedda.set(key, r.plats);
    const kostnad: Record<Grupp, number | null> = { ohalsa: 0, arbetsmarknadsstod: 0, ekonomiskt_bistand: 0, total: 0 };
    for (const [x, v] of r.belopp) {
      if (x === "total") continue;
      const g = KOMPONENTER[x];
      kostnad[g] = kostnad[g] === null || v === null ? null : kostnad[g]! + v;
    }
    const delar = kostnad.ohalsa === null || kostnad.arbetsmarknadsstod === null || kostnad.ekonomiskt_bistand === null
      ? null : kostnad.ohalsa + kostnad.arbetsmarknadsstod + kostnad.ekonomiskt_bistand;
    const scbTotal = r.belopp.get("total");
    kostnad.total = scbTotal ?? delar;
    if (scbTotal !== undefined && scbTotal !== null && delar !== null && Math.abs(scbTotal - delar) > 500 * (r.antalDelar + 1)) {
      this.findings.varning({
        fil: this.fil, rad: r.rad, ...(r.totalKolumn ? { kolumn: r.totalKolumn.index + 1, falt: r.totalKolumn.etikett } : {}), regel: "forsorjningsmatt.summa",
        meddelande: `${r.plats}: summan ${formatKr(scbTotal)} kr skiljer sig från ersättningarnas summa ${formatKr(delar)} kr med mer än avrundning; filens summa används som total`,
        message: "the file's total differs from the sum of the payment types by more than rounding; the file's total is used",
      });
    }
    if (r.scb !== null && kostnad.total !== null && r.befolkning !== null && r.befolkning > 0) {
      const beraknat = kostnad.total / r.befolkning;
      if (Math.abs(beraknat - r.scb) > 1) {
        this.findings.varning({
          fil: this.fil, rad: r.rad, ...(r.perKolumn ? { kolumn: r.perKolumn.index + 1, falt: r.perKolumn.etikett } : {}), regel: "forsorjningsmatt.per_invanare",
          meddelande: `${r.plats}: filens ${formatKr(r.scb)} kr per invånare skiljer sig från beräknade ${formatKr(Math.round(beraknat))} kr (total / befolkning) med mer än 1 kr`,
          message: "the file's cost per inhabitant differs from total / population by more than 1 kr",
        });
      }
    }
    this.rader.push({ ref: r.ref, ar: r.ar, kostnad, befolkning: r.befolkning, aldersgrupp: r.band, plats: r.plats, rad: r.rad, antalDelar: r.antalDelar });
  }

  /** Kommun rows, with valdistrikt summed where the kommun's own row is missing. */
  resultat(): Forsorjningsrad[] {
    const ut: Forsorjningsrad[] = [];
    const vd = new Map<string, Lasrad[]>();
    const egna = new Map<string, Lasrad>();
    for (const r of this.rader) {
      if (r.ref.niva === "valdistrikt") {
        const key = `${r.ref.kommun}|${r.ar}`;
        let l = vd.get(key);
        if (!l) vd.set(key, (l = []));
        l.push(r);
        continue;
      }
      if (r.ref.niva === "kommun") egna.set(`${r.ref.kod}|${r.ar}`, r);
      ut.push({ niva: r.ref.niva, kod: r.ref.kod, ar: r.ar, kostnad: r.kostnad, befolkning: r.befolkning, aldersgrupp: r.aldersgrupp, plats: r.plats, rad: r.rad });
    }
    for (const [key, lista] of vd) {
      const [kommun, ar] = key.split("|") as [string, string];
      const summa: Record<Grupp, number | null> = { ohalsa: 0, arbetsmarknadsstod: 0, ekonomiskt_bistand: 0, total: 0 };
      let befolkning: number | null = 0;
      for (const r of lista) {
        for (const g of GRUPPER) summa[g] = summa[g] === null || r.kostnad[g] === null ? null : summa[g]! + r.kostnad[g]!;
        befolkning = befolkning === null || r.befolkning === null ? null : befolkning + r.befolkning;
      }
      const band = lista[0]!.aldersgrupp;
      const namn = this.ctx.kommuner.get(kommun)?.namn ?? kommun;
      const egen = egna.get(key);
      if (egen) {
        const tol = 500 * (lista.length + 1) * Math.max(1, lista[0]!.antalDelar);
        const skiljer = GRUPPER.filter((g) => egen.kostnad[g] !== null && summa[g] !== null && Math.abs(egen.kostnad[g]! - summa[g]!) > tol);
        const befSkiljer = egen.befolkning !== null && befolkning !== null && egen.befolkning !== befolkning;
        if (skiljer.length > 0 || befSkiljer) {
          this.findings.varning({
            fil: this.fil, rad: egen.rad, regel: "forsorjningsmatt.valdistrikt_summa",
            meddelande: `${egen.plats}: ${namn} ${ar} skiljer sig från summan av kommunens ${lista.length} valdistrikt (${[...skiljer, ...(befSkiljer ? ["befolkning"] : [])].join(", ")}) med mer än avrundning; kommunens egen rad används`,
            message: `${namn} ${ar} differs from the sum of its valdistrikt by more than rounding; the kommun's own row is used`,
          });
        }
        continue;
      }
      this.findings.info({
        fil: this.fil, rad: lista[0]!.rad, regel: "forsorjningsmatt.fran_valdistrikt",
        meddelande: `${namn} ${ar} saknar egen rad; summan av kommunens ${lista.length} valdistrikt används`,
        message: `${namn} ${ar} has no row of its own; the sum of its valdistrikt is used`,
      });
      ut.push({ niva: "kommun", kod: kommun, ar, kostnad: summa, befolkning, aldersgrupp: band, plats: lista[0]!.plats, rad: lista[0]!.rad, franValdistrikt: true });
    }
    return ut;
  }
}

function beskriv(ref: Regionref): string {
  return ref.niva === "riket" ? "riket" : ref.niva === "lan" ? `län ${ref.kod}` : ref.niva === "kommun" ? `kommun ${ref.kod}` : `valdistrikt ${ref.kod}`;
}

function formatKr(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** `2024`, `"2024"` -> "2024"; anything else (`"20x4"`, 1850, 2024.5) is not a year. */
function arAv(c: Cell | undefined): string | undefined {
  const s = cellText(c);
  if (!/^\d{4}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 1990 && n <= 2100 ? s : undefined;
}

/** The single year a text names (`"2020"`, `"Försörjningsmått 2020"`), if exactly one. */
function ettAr(text: string): string | undefined {
  const ar = new Set([...text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => m[1]!));
  return ar.size === 1 ? [...ar][0] : undefined;
}

/** A sheet looks like data (not a text sheet such as "Om statistiken"): numbers in several rows. */
function harTal(rader: readonly Rad[]): boolean {
  let n = 0;
  for (const r of rader) if (r.celler.filter((c) => typeof c === "number" || /^\d[\d \u00a0]*(,\d+)?$/.test(cellText(c))).length >= 2) n++;
  return n >= 2;
}

function namnerForsorjningsmatt(rader: readonly Rad[]): boolean {
  return rader.slice(0, RUBRIK_RADER).some((r) => r.celler.some((c) => {
    const k = labelKey(cellText(c));
    return /forsorjningsmatt/.test(k) || tolkaErsattning(cellText(c)) !== undefined;
  }));
}

function ingenRubrik(fil: string, k: Kalla, findings: Findings): void {
  const first = k.rader[0]?.rad ?? 1;
  findings.fel({
    fil, rad: first, kolumn: 1, regel: "forsorjningsmatt.rubrikrad",
    meddelande: `${k.blad !== undefined ? `blad "${k.blad}": ` : ""}hittar ingen rubrikrad bland de första ${RUBRIK_RADER} raderna; förväntat en rad med "Regionkod" eller "Region" och en kolumn per ersättning (t.ex. "Sjukpenning, tkr") eller kolumnerna "Ersättningsslag" och "Belopp, tkr"`,
    message: `${k.blad !== undefined ? `sheet "${k.blad}": ` : ""}no header row in the first ${RUBRIK_RADER} rows (expected Region/Regionkod and one column per payment type)`,
  });
}

function las(fil: string, kallor: readonly Kalla[], kommuner: ReadonlyMap<string, Kommun>, findings: Findings): ForsorjningsmattData | undefined {
  const lasare = new Lasare(fil, regionkontext(kommuner), findings);
  let lasta = 0;
  for (const k of kallor) {
    const rubrik = hittaRubrik(k.rader);
    if (!rubrik) {
      if (harTal(k.rader)) ingenRubrik(fil, k, findings);
      else if (k.blad !== undefined) {
        findings.info({ fil, regel: "forsorjningsmatt.blad_utan_tabell", meddelande: `bladet "${k.blad}" har ingen tabell och läses inte`, message: `sheet "${k.blad}" has no table and is not read` });
      }
      continue;
    }
    lasta++;
    lasare.lasBlad(k, rubrik);
  }
  if (lasta === 0 && !findings.all.some((f) => f.fil === fil && f.regel === "forsorjningsmatt.rubrikrad")) {
    ingenRubrik(fil, kallor[0] ?? { fil, rader: [] }, findings);
  }
  lasare.avsluta();
  if (lasare.harFel || lasta === 0 || findings.all.some((f) => f.fil === fil && f.allvar === "fel")) return undefined;
  const rader = lasare.resultat();
  if (rader.length === 0) {
    findings.fel({ fil, regel: "forsorjningsmatt.inga_rader", meddelande: "filen har en rubrikrad men inga rader med data", message: "the file has a header but no data rows" });
    return undefined;
  }
  return { fil, rader };
}

/** A CSV saved from the workbook: its bytes, or the file already decoded and parsed. */
export function lasForsorjningsmattCsv(
  kalla: Uint8Array | DelimitedText, fil: string, kommuner: ReadonlyMap<string, Kommun>, findings: Findings,
): ForsorjningsmattData | undefined {
  const text = kalla instanceof Uint8Array ? decodeOrReport(kalla, fil, findings, "en CSV-fil sparad från försörjningsmåttets arbetsbok") : undefined;
  if (kalla instanceof Uint8Array && !text) return undefined;
  const parsed = kalla instanceof Uint8Array ? readDelimited(text!.text, fil, findings) : kalla;
  if (!parsed) return undefined;
  const rader: Rad[] = [parsed.header, ...parsed.rows].map((r) => ({ rad: r.line, celler: r.fields }));
  return las(fil, [{ fil, rader, titlar: parsed.titleLines }], kommuner, findings);
}

/** An xlsx workbook: its data, "okand" when it is not a försörjningsmått workbook, undefined on error (with findings). */
export async function lasForsorjningsmattArbetsbok(
  bytes: Uint8Array, fil: string, kommuner: ReadonlyMap<string, Kommun>, findings: Findings,
): Promise<ForsorjningsmattData | "okand" | undefined> {
  const bok = await lasArbetsbok(bytes);
  if (!bok.ok) {
    if (bok.orsak === "inte_xlsx") return "okand";
    findings.fel({
      fil, rad: 1, kolumn: 1, regel: bok.orsak === "krypterad" ? "xlsx.krypterad" : "xlsx.skadad",
      meddelande: bok.orsak === "krypterad"
        ? "Excel-filen är krypterad (lösenordsskyddad) och kan inte läsas; spara en kopia utan lösenord"
        : `Excel-filen kan inte läsas: ${showValue(bok.detalj)}; filen är skadad eller avkortad — ladda ned eller spara den igen`,
      message: bok.orsak === "krypterad" ? "the Excel file is encrypted (password protected)" : `the Excel file cannot be read (damaged or truncated): ${bok.detalj}`,
    });
    return undefined;
  }
  const kallor: Kalla[] = bok.blad.map((b) => ({ fil, blad: b.namn, rader: b.rader }));
  const ar = kallor.some((k) => hittaRubrik(k.rader) !== undefined || namnerForsorjningsmatt(k.rader));
  if (!ar) return "okand";
  return las(fil, kallor, kommuner, findings);
}
