/**
 * Team results from participant records (docs/definitioner/insatser.md): per förbund, insats
 * (and `totalt`), 12-month window ending in June or December, and kön, the counts and sums
 * behind every nyckeltal. Nothing here is rounded or protected; `loaders/protect` decides
 * what may be published.
 */
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
}

export interface NyckeltalInstallningar {
  /**
   * The day the records were exported (validate/exportdatum.ts): a period is published once
   * it has ended by then.
   */
  readonly exportdatum: Datum;
  /** Förbund ids whose tidiga avhopp stay in the denominator of andel_mal (default: out). */
  readonly tidigaAvhoppINamnaren?: ReadonlySet<string>;
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

export function beraknaUnderlag(deltaganden: readonly Deltagande[], installningar: NyckeltalInstallningar): Underlag[] {
  const windows = fonster(deltaganden, installningar.exportdatum);
  const byForbund = new Map<string, Deltagande[]>();
  for (const d of deltaganden) {
    const f = d.forbund ?? "";
    if (!byForbund.has(f)) byForbund.set(f, []);
    byForbund.get(f)!.push(d);
  }
  const out: Underlag[] = [];
  for (const [forbund, alla] of [...byForbund].sort(([a], [b]) => cmp(a, b))) {
    const insatser = [...new Set(alla.map((d) => d.insats))].sort(cmp);
    const avhoppINamnare = installningar.tidigaAvhoppINamnaren?.has(forbund) ?? false;
    for (const w of windows) {
      for (const insats of [...insatser, "totalt"]) {
        const urval = insats === "totalt" ? alla : alla.filter((d) => d.insats === insats);
        for (const kon of KON_ORDNING) {
          const grupp = kon === "alla" ? urval : urval.filter((d) => d.kon === kon);
          out.push({ forbund, insats, fran: w.fran, till: w.till, kon, ...raknaFonster(grupp, w, avhoppINamnare) });
        }
      }
    }
  }
  return out;
}

function raknaFonster(grupp: readonly Deltagande[], w: Fonster, avhoppINamnare: boolean) {
  const start = forstaDag(w.fran);
  const slut = sistaDag(w.till);
  const personer = new Set<string>();
  let avslut = 0;
  let avhopp = 0;
  let malTaljare = 0;
  let tidSummaManader = 0;
  let foreSummaAr = 0;
  let foreN = 0;
  for (const d of grupp) {
    if (d.start <= slut && (d.slut === undefined || d.slut >= start)) personer.add(d.person);
    if (d.slut === undefined || d.slut < start || d.slut > slut || d.orsak === "overflyttad") continue;
    avslut++;
    if (d.orsak === "tidigt_avhopp") avhopp++;
    if (d.orsak !== undefined && MAL.has(d.orsak)) {
      malTaljare++;
      tidSummaManader += dagarMellan(d.start, d.slut) / DAGAR_PER_MANAD;
      if (d.arForeStart !== undefined) {
        foreSummaAr += d.arForeStart;
        foreN++;
      }
    }
  }
  return {
    deltagare: personer.size,
    avslut,
    malTaljare,
    malNamnare: avhoppINamnare ? avslut : avslut - avhopp,
    malGrupp: malTaljare,
    tidSummaManader,
    foreSummaAr,
    foreN,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
