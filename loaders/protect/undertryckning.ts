/**
 * The suppression method for the participant nyckeltal (docs/definitioner/skydd.md), chosen
 * with `{"finsam": {"skyddsmetod": "undertryckning"}}`. Counts 1..k-1 are hidden, and enough
 * more that nothing hidden can be narrowed by an outsider who knows the rules and sees every
 * period and page at once.
 *
 * Two overlapping 12-month windows together give the half-year between them (Jan–Dec minus
 * Jul–Jun ...), and a chain of windows gives every half-year. So the counts that add up over
 * time (avslut, the share's numerator and rest, tidiga avhopp, the goal group with a known tid
 * före start) are protected per half-year, as if every half-year count were published:
 *   1. one publication per förbund and half-year (monster.ts finds its pattern), with the
 *      relations kön (alla = kvinnor + män + utan kön), insats (totalt = the teams),
 *      avslut = reached the goal + the rest + tidiga avhopp, goal group >= known tid före start;
 *      tidiga avhopp and those without kön are never published (always hidden, protected);
 *      an insats with nobody in it that half-year has structural zeros, never hidden;
 *   2. a window's row is shown only when its counts are shown in both of its half-years.
 * Deltagare (persons at some time in the window) do not add up over time: they are protected
 * per window, with persons without kön as a never published count.
 * Every pattern depends only on its own period's data and the fixed settings.
 */
import type { Halvarsrad, OkandKon, Underlag } from "../compute/nyckeltal.ts";
import { jamfor, MotsagelseFel, type Publicering, type Relation } from "./model.ts";
import { skydda } from "./monster.ts";
import { jamforCell, sorteraRader, TOTALT, type Kon, type Matt, type NyckeltalRad } from "./rader.ts";

/** The half-year counts, in the order of the relation avslut = malTaljare + malKomplement + malAvhopp. */
export const HALVARSSTORHETER = ["avslut", "malTaljare", "malKomplement", "malAvhopp", "foreN"] as const;
export type Halvarsstorhet = (typeof HALVARSSTORHETER)[number];
export const KON_MED_OKAND = ["alla", "kvinnor", "man", "okand"] as const;
export type KonMedOkand = (typeof KON_MED_OKAND)[number];

export const nyckel = (storhet: string, insats: string, kon: string): string => `${storhet}|${insats}|${kon}`;

/** Which readers need most (higher: hidden later): the report's `alla` rows, the förbund total. */
function nivavikt(insats: string, kon: string): number {
  return (kon === "alla" ? 3 : 0) + (insats === TOTALT ? (kon === "alla" ? 4 : 1) : 0);
}
/** The share's numerator is behind two rows (the share and genomströmningstiden). */
const STORHETSVIKT: Record<string, number> = { avslut: 1, malTaljare: 1.5, malKomplement: 1, malAvhopp: 1, foreN: 1, deltagare: 1 };
const vikt = (storhet: string, insats: string, kon: string) => (1 + nivavikt(insats, kon)) * (STORHETSVIKT[storhet] ?? 1) - 1;

/** kön relations alla = kvinnor + man + okand and the teams' sum, for one count. */
function summor(storhet: string, insatser: readonly string[]): Relation[] {
  const team = insatser.filter((i) => i !== TOTALT);
  const ut: Relation[] = [];
  for (const i of insatser) ut.push({ total: nyckel(storhet, i, "alla"), delar: ["kvinnor", "man", "okand"].map((k) => nyckel(storhet, i, k)), typ: "lika" });
  for (const k of KON_MED_OKAND) ut.push({ total: nyckel(storhet, TOTALT, k), delar: team.map((i) => nyckel(storhet, i, k)), typ: "lika" });
  return ut;
}

/** The publication of one förbund and half-year. */
export function halvarspublicering(rader: readonly Halvarsrad[]): Publicering {
  const varden = new Map<string, number>();
  const harledda = new Set<string>();
  const aldrig = new Set<string>();
  const vikter = new Map<string, number>();
  for (const r of rader) {
    for (const s of HALVARSSTORHETER) {
      const n = nyckel(s, r.insats, r.kon);
      varden.set(n, r[s]);
      vikter.set(n, vikt(s, r.insats, r.kon));
      if (r.aktiva === 0) aldrig.add(n); // nobody: zero by structure
      else if (s === "malAvhopp" || r.kon === "okand") harledda.add(n);
    }
  }
  const insatser = [...new Set(rader.map((r) => r.insats))];
  const relationer: Relation[] = HALVARSSTORHETER.flatMap((s) => summor(s, insatser));
  for (const i of insatser) {
    for (const k of KON_MED_OKAND) {
      const n = (s: string) => nyckel(s, i, k);
      relationer.push({ total: n("avslut"), delar: [n("malTaljare"), n("malKomplement"), n("malAvhopp")], typ: "lika" });
      relationer.push({ total: n("malTaljare"), delar: [n("foreN")], typ: "minst" });
    }
  }
  return { varden, relationer, harledda, aldrigDolda: aldrig, vikt: vikter };
}

/** The deltagare publication of one förbund and window. */
export function deltagarpublicering(rader: readonly Underlag[], okand: readonly OkandKon[]): Publicering {
  const varden = new Map<string, number>();
  const vikter = new Map<string, number>();
  const harledda = new Set<string>();
  const aldrig = new Set<string>();
  const insatser = [...new Set(rader.map((r) => r.insats))].sort(jamfor);
  const team = insatser.filter((i) => i !== TOTALT);
  // An insats with nobody at all in the window is known to be empty (a team not yet started,
  // or closed): its zeros are structural, never hidden. A kön with nobody is data, not structure.
  const tomma = new Set(rader.filter((r) => r.kon === "alla" && r.deltagare === 0).map((r) => r.insats));
  for (const r of rader) {
    const n = nyckel("deltagare", r.insats, r.kon);
    varden.set(n, r.deltagare);
    vikter.set(n, vikt("deltagare", r.insats, r.kon));
    if (tomma.has(r.insats)) aldrig.add(n);
  }
  for (const i of insatser) {
    const n = nyckel("deltagare", i, "okand");
    const v = okand.find((o) => o.insats === i)?.deltagare ?? 0;
    varden.set(n, v);
    (v === 0 ? aldrig : harledda).add(n);
  }
  const relationer: Relation[] = insatser.map((i) => ({ total: nyckel("deltagare", i, "alla"), delar: ["kvinnor", "man", "okand"].map((k) => nyckel("deltagare", i, k)), typ: "lika" as const }));
  // The förbund's total and its teams: the sum when nobody was in two insatser (as an outsider
  // may well know), otherwise at most the sum and at least each insats.
  if (team.length > 0) {
    for (const k of KON_MED_OKAND) {
      const tot = nyckel("deltagare", TOTALT, k);
      const delar = team.map((i) => nyckel("deltagare", i, k));
      const summa = delar.reduce((s, n) => s + varden.get(n)!, 0);
      if (summa === varden.get(tot)) relationer.push({ total: tot, delar, typ: "lika" });
      else {
        relationer.push({ total: tot, delar, typ: "hogst" });
        for (const d of delar) relationer.push({ total: tot, delar: [d], typ: "minst" });
      }
    }
  }
  // A kön split is shown or hidden as a whole: which of the two was small is not given away.
  const grupper = insatser.filter((i) => !tomma.has(i)).map((i) => [nyckel("deltagare", i, "kvinnor"), nyckel("deltagare", i, "man")]);
  return { varden, relationer, harledda, aldrigDolda: aldrig, vikt: vikter, grupper };
}

export interface UndertryckningsIndata {
  readonly underlag: readonly Underlag[];
  readonly okandKon: readonly OkandKon[];
  readonly halvar: readonly Halvarsrad[];
}

/** The published rows with the suppression method. */
export function undertryckNyckeltal(indata: UndertryckningsIndata, k: number): NyckeltalRad[] {
  // 1. Each half-year's pattern.
  const halvarsdolda = new Map<string, ReadonlySet<string>>(); // forbund|fran -> hidden keys
  const perHalvar = gruppera(indata.halvar, (r) => `${r.forbund}\u0000${r.fran}\u0000${r.till}`);
  for (const [id, rader] of [...perHalvar].sort((a, b) => jamfor(a[0], b[0]))) {
    const [forbund, fran, till] = id.split("\u0000") as [string, string, string];
    halvarsdolda.set(`${forbund}|${fran}`, monster(halvarspublicering(rader), k, `${forbund}, ${fran}–${till}`));
  }
  // 2. Each window's deltagare pattern, and the rows.
  const ut: NyckeltalRad[] = [];
  const perFonster = gruppera(indata.underlag, (r) => `${r.forbund}\u0000${r.fran}\u0000${r.till}`);
  for (const [id, rader] of [...perFonster].sort((a, b) => jamfor(a[0], b[0]))) {
    const [forbund, fran, till] = id.split("\u0000") as [string, string, string];
    const okand = indata.okandKon.filter((o) => o.forbund === forbund && o.fran === fran && o.till === till);
    const deltagarDolda = monster(deltagarpublicering(rader, okand), k, `${forbund}, ${fran}–${till}`);
    const mitt = mittmanad(fran);
    const h1 = halvarsdolda.get(`${forbund}|${fran}`);
    const h2 = halvarsdolda.get(`${forbund}|${mitt}`);
    if (!h1 || !h2) throw new RangeError(`${forbund}, ${fran}–${till}: halvåren saknas i underlaget`);
    kontrolleraSummor(rader, indata.halvar.filter((h) => h.forbund === forbund && (h.fran === fran || h.fran === mitt)));
    for (const u of [...rader].sort(jamforCell)) {
      const dold = (s: string) => h1.has(nyckel(s, u.insats, u.kon)) || h2.has(nyckel(s, u.insats, u.kon));
      const bas = { forbund: u.forbund, insats: u.insats, fran: u.fran, till: u.till, kon: u.kon as Kon, skydd: "undertryckning" as const };
      const rad = (matt: Matt, hidden: boolean, varde: number | null, antal: number): NyckeltalRad =>
        hidden ? { ...bas, matt, varde: null, antal: null, undertryckt: true } : { ...bas, matt, varde, antal, undertryckt: false };
      const kvot = (t: number, n: number) => (n > 0 ? t / n : null);
      ut.push(
        rad("deltagare", deltagarDolda.has(nyckel("deltagare", u.insats, u.kon)), u.deltagare, u.deltagare),
        rad("avslut", dold("avslut"), u.avslut, u.avslut),
        rad("andel_mal", dold("malTaljare") || dold("malKomplement"), kvot(u.malTaljare, u.malNamnare), u.malNamnare),
        rad("genomstromningstid_man", dold("malTaljare"), kvot(u.tidSummaManader, u.malGrupp), u.malGrupp),
        rad("tid_fore_start_ar", dold("foreN"), kvot(u.foreSummaAr, u.foreN), u.foreN),
      );
    }
  }
  return sorteraRader(ut);
}

function monster(p: Publicering, k: number, var_: string): ReadonlySet<string> {
  try {
    return skydda(p, { k }).dolda;
  } catch (e) {
    if (e instanceof MotsagelseFel) throw new MotsagelseFel(`${var_}: ${e.message}`);
    throw e;
  }
}

/** The first month of a window's second half-year. */
function mittmanad(fran: string): string {
  const [y, m] = fran.split("-").map(Number) as [number, number];
  return m <= 6 ? `${y}-${String(m + 6).padStart(2, "0")}` : `${y + 1}-${String(m - 6).padStart(2, "0")}`;
}

/** The window's additive counts must be the sum of its two half-years (the model relies on it). */
function kontrolleraSummor(rader: readonly Underlag[], halvar: readonly Halvarsrad[]): void {
  for (const u of rader) {
    const h = halvar.filter((x) => x.insats === u.insats && x.kon === u.kon);
    const s = (f: "avslut" | "malTaljare" | "foreN") => h.reduce((a, x) => a + x[f], 0);
    const namnare = h.reduce((a, x) => a + x.malTaljare + x.malKomplement, 0);
    if (h.length !== 2 || s("avslut") !== u.avslut || s("malTaljare") !== u.malTaljare || s("foreN") !== u.foreN || namnare !== u.malNamnare) {
      throw new RangeError(`${u.forbund}, ${u.insats}, ${u.fran}–${u.till}, ${u.kon}: halvåren summerar inte till perioden`);
    }
  }
}

function gruppera<T>(rader: readonly T[], id: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rader) {
    const n = id(r);
    if (!m.has(n)) m.set(n, []);
    m.get(n)!.push(r);
  }
  return m;
}
