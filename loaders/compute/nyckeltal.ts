/**
 * Team results from participant records (docs/definitioner/insatser.md): per förbund, insats
 * (and `totalt`), 12-month window ending in June or December, and kön, the counts and sums
 * behind every nyckeltal. Nothing here is rounded or protected; `loaders/protect` decides
 * what may be published.
 *
 * The computation is written with arquero's verbs on the participation table, in the order
 * of the definitions: every participation is paired with the windows it overlaps (`cross`,
 * `filter`), marked with what it counts as in that window (`derive`: an avslut, a tidigt
 * avhopp, one that reached the goal ...), copied to the levels it is counted at (its kön and
 * `alla`, its insats and `totalt`), and summed per group (`groupby`, `rollup`). Persons are
 * counted once per group (`dedupe`). The groups are then put on the full grid of förbund,
 * insats, window and kön (`lookup`), so an insats with nobody in a window gets its zeros.
 *
 * Where the protection needs it, each group also gets the sum of its units' record keys
 * (cell keys, protect/cellnyckel.ts) and the largest single value behind each mean.
 */
import * as aq from "arquero";
import { dagarMellan, forstaDag, manadAv, senastePeriodslut, sistaDag, type Datum } from "../normalise/datum.ts";
import { MAL, type Deltagande } from "../normalise/deltagare.ts";

/** Days per average month (365.25 / 12). */
export const DAGAR_PER_MANAD = 30.4375;

export type KonAlla = "alla" | "kvinnor" | "man";
export const KON_ORDNING: readonly KonAlla[] = ["alla", "kvinnor", "man"];

export interface Fonster {
  /** First month `YYYY-MM`. */
  readonly fran: string;
  /** Last month `YYYY-MM` (June or December). */
  readonly till: string;
}

/** Sums modulo 2^32 of the record keys of the units behind each count (the cell keys). */
export interface Cellnycklar {
  /** Persons (deltagare). */
  readonly deltagare: number;
  /** Participations ended in the window (avslut). */
  readonly avslut: number;
  /** Avslut that reached the goal (the share's numerator and the means' group). */
  readonly malTaljare: number;
  /** The rest of the share's denominator. */
  readonly malKomplement: number;
  /** The goal group where tid före start is known. */
  readonly foreN: number;
  /** Magnitude keys of the goal group: for genomströmningstid and for tid före start. */
  readonly tid: number;
  readonly fore: number;
}

export interface Underlag {
  readonly forbund: string;
  /** Team name, or `totalt` for the förbund. */
  readonly insats: string;
  readonly fran: string;
  readonly till: string;
  readonly kon: KonAlla;
  /** Persons with a participation overlapping the window. */
  readonly deltagare: number;
  /** Participations ending in the window, except `överflyttad`. */
  readonly avslut: number;
  /** Avslut to arbete, studier or arbetslivsinriktad rehabilitering. */
  readonly malTaljare: number;
  /** Avslut, less tidiga avhopp unless the förbund keeps them in the denominator. */
  readonly malNamnare: number;
  /** Participations in the goal group (the means are over these). */
  readonly malGrupp: number;
  /** Sum over the goal group of (end - start) in days / 30.4375. */
  readonly tidSummaManader: number;
  /** Sum over the goal group (where known) of years without work or studies before start. */
  readonly foreSummaAr: number;
  readonly foreN: number;
  /** Largest single value in each mean (0 for an empty group): the scale of a mean's noise. */
  readonly tidMaxManader?: number;
  readonly foreMaxAr?: number;
  /** Cell keys, when record keys were given (the default protection needs them). */
  readonly nycklar?: Cellnycklar;
}

export interface NyckeltalInstallningar {
  /**
   * The day the records were exported (validate/exportdatum.ts): a period is published once
   * it has ended by then.
   */
  readonly exportdatum: Datum;
  /** Förbund ids whose tidiga avhopp stay in the denominator of andel_mal (default: out). */
  readonly tidigaAvhoppINamnaren?: ReadonlySet<string>;
  /**
   * Record keys of a unit (reference/nyckel.ts `postnyckel`): with them every group gets
   * its cell keys. Persons are the unit `person\0<id>`, participations
   * `deltagande\0<id>\0<insats>\0<start>`.
   */
  readonly postnyckel?: (enhet: string) => Uint32Array;
}

/** The same groups split finer, for the suppression method's model (protect/undertryckning.ts). */
export interface Halvarsrad {
  readonly forbund: string;
  readonly insats: string;
  /** The half-year: first and last month. */
  readonly fran: string;
  readonly till: string;
  /** Also `okand`: participations without kön (counted in `alla` only). */
  readonly kon: KonAlla | "okand";
  /** Participations overlapping the half-year: 0 means every count here is 0 by structure. */
  readonly aktiva: number;
  readonly avslut: number;
  readonly malTaljare: number;
  /** The share's denominator less its numerator. */
  readonly malKomplement: number;
  /** Avslut less the share's denominator (tidiga avhopp left out of it). */
  readonly malAvhopp: number;
  readonly foreN: number;
}

/** Persons without kön, per förbund, insats and window: `alla` less kvinnor and män. */
export interface OkandKon {
  readonly forbund: string;
  readonly insats: string;
  readonly fran: string;
  readonly till: string;
  readonly deltagare: number;
}

/**
 * 12-month windows ending in June and December: from the one holding the first start to the
 * last one that has ended by the export date (not by the latest date in the records: an
 * export made in January whose last event is in December still publishes the year just ended).
 */
export function fonster(deltaganden: readonly Deltagande[], exportdatum: Datum): Fonster[] {
  if (deltaganden.length === 0) return [];
  let forsta = deltaganden[0]!.start as string;
  for (const d of deltaganden) if (d.start < forsta) forsta = d.start;
  // first window end: the first June/December on or after the first start month
  const [fy, fm] = manadAv(forsta as Datum).split("-").map(Number) as [number, number];
  let end = fm <= 6 ? { y: fy, m: 6 } : { y: fy, m: 12 };
  const sista = senastePeriodslut(exportdatum);
  const out: Fonster[] = [];
  for (;;) {
    const till = `${end.y}-${String(end.m).padStart(2, "0")}`;
    if (till > sista) break;
    const fromY = end.m === 6 ? end.y - 1 : end.y;
    const fromM = end.m === 6 ? 7 : 1;
    out.push({ fran: `${fromY}-${String(fromM).padStart(2, "0")}`, till });
    end = end.m === 6 ? { y: end.y, m: 12 } : { y: end.y + 1, m: 6 };
  }
  return out;
}

/** The half-years of the windows (each window is two of them), in order. */
export function halvar(windows: readonly Fonster[]): Fonster[] {
  const ut = new Map<string, Fonster>();
  for (const w of windows) {
    const mitt = w.till.endsWith("-06") ? `${Number(w.fran.slice(0, 4))}-12` : `${w.till.slice(0, 4)}-06`;
    const andra = mitt.endsWith("-06") ? `${mitt.slice(0, 4)}-07` : `${Number(mitt.slice(0, 4)) + 1}-01`;
    ut.set(w.fran, { fran: w.fran, till: mitt });
    ut.set(andra, { fran: andra, till: w.till });
  }
  return [...ut.values()].sort((a, b) => cmp(a.fran, b.fran));
}

const TVA_32 = 4294967296;

/**
 * The participation table: one row per participation, with its record keys and durations, in
 * a fixed order (förbund, insats, person, start): sums of decimals then never depend on the
 * order of the rows in the file.
 */
function deltagandetabell(alla: readonly (Deltagande & { forbund?: string | undefined })[], installningar: NyckeltalInstallningar) {
  const deltaganden = [...alla].sort((a, b) => cmp(a.forbund ?? "", b.forbund ?? "") || cmp(a.insats, b.insats) || cmp(a.person, b.person) || cmp(a.start, b.start));
  const n = deltaganden.length;
  const kol = {
    forbund: new Array<string>(n), insats: new Array<string>(n), kon: new Array<string>(n), person: new Array<string>(n),
    start: new Array<string>(n), slut: new Array<string | null>(n), orsak: new Array<string | null>(n),
    dagar: new Float64Array(n), arFore: new Array<number | null>(n),
    rPerson: new Float64Array(n), rAntal: new Float64Array(n), rTid: new Float64Array(n), rFore: new Float64Array(n),
  };
  deltaganden.forEach((d, i) => {
    kol.forbund[i] = d.forbund ?? "";
    kol.insats[i] = d.insats;
    kol.kon[i] = d.kon ?? "okand";
    kol.person[i] = d.person;
    kol.start[i] = d.start;
    kol.slut[i] = d.slut ?? null;
    kol.orsak[i] = d.orsak ?? null;
    kol.dagar[i] = d.slut ? dagarMellan(d.start, d.slut) : 0;
    kol.arFore[i] = d.arForeStart ?? null;
    if (installningar.postnyckel) {
      kol.rPerson[i] = installningar.postnyckel(`person\u0000${d.person}`)[0]!;
      const r = installningar.postnyckel(`deltagande\u0000${d.person}\u0000${d.insats}\u0000${d.start}`);
      kol.rAntal[i] = r[0]!;
      kol.rTid[i] = r[1]!;
      kol.rFore[i] = r[2]!;
    }
  });
  return aq.table(kol);
}

/**
 * Each participation paired with each period it overlaps, marked with what it counts as
 * there (docs/definitioner/insatser.md):
 *   avslut    ended in the period, except överflyttad;
 *   avhopp    an avslut that was a tidigt avhopp;
 *   mal       an avslut to arbete, studier or arbetslivsinriktad rehabilitering;
 *   namnare   in the share's denominator: an avslut, less tidiga avhopp unless the förbund
 *             keeps them (`iNamnaren`);
 *   fore      in the goal group with a known tid före start.
 */
function iPerioder(deltagande: aq.ColumnTable, perioder: readonly Fonster[], iNamnaren: ReadonlySet<string>) {
  const p = aq.table({
    fran: perioder.map((w) => w.fran),
    till: perioder.map((w) => w.till),
    pStart: perioder.map((w) => forstaDag(w.fran)),
    pSlut: perioder.map((w) => sistaDag(w.till)),
  });
  const malOrsaker = [...MAL];
  return deltagande
    .cross(p)
    .params({ malOrsaker, iNamnaren: [...iNamnaren] })
    .filter((d: Rad) => d.start <= d.pSlut && (d.slut === null || d.slut >= d.pStart))
    .derive({ avslut: (d: Rad) => (d.slut !== null && d.slut <= d.pSlut && d.orsak !== "overflyttad" ? 1 : 0) })
    .derive({
      avhopp: (d: Rad) => (d.avslut === 1 && d.orsak === "tidigt_avhopp" ? 1 : 0),
      mal: (d: Rad, $: Parametrar) => (d.avslut === 1 && op.includes($.malOrsaker, d.orsak) ? 1 : 0),
    })
    .derive({
      namnare: (d: Rad, $: Parametrar) => (d.avslut === 1 && (d.avhopp === 0 || op.includes($.iNamnaren, d.forbund)) ? 1 : 0),
      fore: (d: Rad) => (d.mal === 1 && d.arFore !== null ? 1 : 0),
    })
    .derive({ komplement: (d: Rad) => d.namnare - d.mal });
}

const op = aq.op;
// arquero's table expressions are parsed, not typed: rows and parameters are plain records.
type Rad = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Parametrar = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every participation-period counted at its own kön and `alla`, its insats and `totalt`. */
function paNivaer(t: aq.ColumnTable) {
  const medAlla = t.concat(t.derive({ kon: () => "alla" }));
  return medAlla.concat(medAlla.derive({ insats: () => "totalt" }));
}

const GRUPP = ["forbund", "insats", "fran", "till", "kon"] as const;

/** Sums per group: the counts, the sums behind the means, the cell keys. */
function summor(nivaer: aq.ColumnTable) {
  const antal = nivaer.groupby(...GRUPP).rollup({
    avslut: (d: Rad) => op.sum(d.avslut),
    malTaljare: (d: Rad) => op.sum(d.mal),
    malNamnare: (d: Rad) => op.sum(d.namnare),
    foreN: (d: Rad) => op.sum(d.fore),
    tidSummaDagar: (d: Rad) => op.sum(d.mal * d.dagar),
    foreSummaAr: (d: Rad) => op.sum(d.fore === 1 ? d.arFore : 0),
    tidMaxDagar: (d: Rad) => op.max(d.mal * d.dagar),
    foreMaxAr: (d: Rad) => op.max(d.fore === 1 ? d.arFore : 0),
    kAvslut: (d: Rad) => op.sum(d.avslut * d.rAntal),
    kMalTaljare: (d: Rad) => op.sum(d.mal * d.rAntal),
    kMalKomplement: (d: Rad) => op.sum(d.komplement * d.rAntal),
    kForeN: (d: Rad) => op.sum(d.fore * d.rAntal),
    kTid: (d: Rad) => op.sum(d.mal * d.rTid),
    kFore: (d: Rad) => op.sum(d.fore * d.rFore),
  });
  // Persons: once per group, however many participations they have in it.
  const personer = nivaer
    .dedupe(...GRUPP, "person")
    .groupby(...GRUPP)
    .rollup({ deltagare: op.count(), kDeltagare: (d: Rad) => op.sum(d.rPerson) });
  return { antal, personer };
}

export interface Insatsunderlag {
  /** Per förbund, insats (`totalt` last), window and kön (alla, kvinnor, man). */
  readonly underlag: Underlag[];
  /** Persons without kön where there are any. */
  readonly okandKon: OkandKon[];
}

/** The counts and sums behind the nyckeltal, for every förbund, insats, window and kön. */
export function beraknaInsatsunderlag(
  deltaganden: readonly (Deltagande & { forbund?: string | undefined })[],
  installningar: NyckeltalInstallningar,
): Insatsunderlag {
  const windows = fonster(deltaganden, installningar.exportdatum);
  if (windows.length === 0) return { underlag: [], okandKon: [] };
  const nivaer = paNivaer(iPerioder(deltagandetabell(deltaganden, installningar), windows, installningar.tidigaAvhoppINamnaren ?? new Set()));
  const { antal, personer } = summor(nivaer);
  const kon = ["alla", "kvinnor", "man", "okand"];
  const rutnat = aq
    .table(grid(deltaganden, windows, kon))
    .lookup(antal, [[...GRUPP]], "avslut", "malTaljare", "malNamnare", "foreN", "tidSummaDagar", "foreSummaAr", "tidMaxDagar", "foreMaxAr", "kAvslut", "kMalTaljare", "kMalKomplement", "kForeN", "kTid", "kFore")
    .lookup(personer, [[...GRUPP]], "deltagare", "kDeltagare");
  const mednycklar = installningar.postnyckel !== undefined;
  const noll = (x: unknown) => (typeof x === "number" ? x : 0);
  const nyckel = (x: unknown) => noll(x) % TVA_32;
  const underlag: Underlag[] = [];
  const okandKon: OkandKon[] = [];
  for (const r of rutnat.objects() as Rad[]) {
    const bas = { forbund: r.forbund as string, insats: r.insats as string, fran: r.fran as string, till: r.till as string };
    if (r.kon === "okand") {
      if (noll(r.deltagare) > 0) okandKon.push({ ...bas, deltagare: noll(r.deltagare) });
      continue;
    }
    underlag.push({
      ...bas,
      kon: r.kon as KonAlla,
      deltagare: noll(r.deltagare),
      avslut: noll(r.avslut),
      malTaljare: noll(r.malTaljare),
      malNamnare: noll(r.malNamnare),
      malGrupp: noll(r.malTaljare),
      // Whole days summed first, divided once: the last step.
      tidSummaManader: noll(r.tidSummaDagar) / DAGAR_PER_MANAD,
      foreSummaAr: noll(r.foreSummaAr),
      foreN: noll(r.foreN),
      tidMaxManader: noll(r.tidMaxDagar) / DAGAR_PER_MANAD,
      foreMaxAr: noll(r.foreMaxAr),
      ...(mednycklar
        ? {
            nycklar: {
              deltagare: nyckel(r.kDeltagare), avslut: nyckel(r.kAvslut), malTaljare: nyckel(r.kMalTaljare),
              malKomplement: nyckel(r.kMalKomplement), foreN: nyckel(r.kForeN), tid: nyckel(r.kTid), fore: nyckel(r.kFore),
            },
          }
        : {}),
    });
  }
  return { underlag, okandKon };
}

/** The Underlag rows (alla, kvinnor, man), as `beraknaInsatsunderlag` gives them. */
export function beraknaUnderlag(deltaganden: readonly (Deltagande & { forbund?: string | undefined })[], installningar: NyckeltalInstallningar): Underlag[] {
  return beraknaInsatsunderlag(deltaganden, installningar).underlag;
}

/**
 * The additive counts per half-year (the windows' halves), for kön alla, kvinnor, man and
 * okand: two overlapping windows together give the half-year between them, so the
 * suppression method protects these (protect/undertryckning.ts).
 */
export function beraknaHalvar(deltaganden: readonly (Deltagande & { forbund?: string | undefined })[], installningar: NyckeltalInstallningar): Halvarsrad[] {
  const perioder = halvar(fonster(deltaganden, installningar.exportdatum));
  if (perioder.length === 0) return [];
  const nivaer = paNivaer(iPerioder(deltagandetabell(deltaganden, { exportdatum: installningar.exportdatum }), perioder, installningar.tidigaAvhoppINamnaren ?? new Set()));
  const summa = nivaer.groupby(...GRUPP).rollup({
    aktiva: op.count(),
    avslut: (d: Rad) => op.sum(d.avslut),
    malTaljare: (d: Rad) => op.sum(d.mal),
    malKomplement: (d: Rad) => op.sum(d.komplement),
    malAvhopp: (d: Rad) => op.sum(d.avslut - d.namnare),
    foreN: (d: Rad) => op.sum(d.fore),
  });
  const rutnat = aq
    .table(grid(deltaganden, perioder, ["alla", "kvinnor", "man", "okand"]))
    .lookup(summa, [[...GRUPP]], "aktiva", "avslut", "malTaljare", "malKomplement", "malAvhopp", "foreN");
  const noll = (x: unknown) => (typeof x === "number" ? x : 0);
  return (rutnat.objects() as Rad[]).map((r) => ({
    forbund: r.forbund as string, insats: r.insats as string, fran: r.fran as string, till: r.till as string, kon: r.kon as Halvarsrad["kon"],
    aktiva: noll(r.aktiva), avslut: noll(r.avslut), malTaljare: noll(r.malTaljare), malKomplement: noll(r.malKomplement),
    malAvhopp: noll(r.malAvhopp), foreN: noll(r.foreN),
  }));
}

/**
 * Every förbund with each of its insatser and `totalt` (last), each period and each kön, in
 * output order: the groups that exist whether or not anybody is in them.
 */
function grid(deltaganden: readonly { forbund?: string | undefined; insats: string }[], perioder: readonly Fonster[], kon: readonly string[]) {
  const insatser = new Map<string, Set<string>>();
  for (const d of deltaganden) {
    const f = d.forbund ?? "";
    if (!insatser.has(f)) insatser.set(f, new Set());
    insatser.get(f)!.add(d.insats);
  }
  const kol = { forbund: [] as string[], insats: [] as string[], fran: [] as string[], till: [] as string[], kon: [] as string[] };
  for (const f of [...insatser.keys()].sort(cmp)) {
    for (const w of perioder) {
      for (const i of [...[...insatser.get(f)!].sort(cmp), "totalt"]) {
        for (const k of kon) {
          kol.forbund.push(f);
          kol.insats.push(i);
          kol.fran.push(w.fran);
          kol.till.push(w.till);
          kol.kon.push(k);
        }
      }
    }
  }
  return kol;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
