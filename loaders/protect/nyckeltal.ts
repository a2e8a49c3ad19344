/**
 * Protection of the participant nyckeltal (deltagare, avslut, andel_mal,
 * genomstromningstid_man, tid_fore_start_ar): per förbund and period, every count that is
 * published (or recomputable from a published share or mean) becomes a key of one
 * Publicering, with the relations an outsider knows; the engine (sekundar.ts) decides what to
 * hide, and the rows are written from that. Rules: docs/definitioner/skydd.md.
 */
import { MotsagelseFel, jamfor, kontrolleraK, type Publicering, type Relation } from "./model.ts";
import { skydda } from "./sekundar.ts";

export type Kon = "alla" | "kvinnor" | "man";
export type Matt = "deltagare" | "avslut" | "andel_mal" | "genomstromningstid_man" | "tid_fore_start_ar";

export const KON: readonly Kon[] = ["alla", "kvinnor", "man"];
export const MATT: readonly Matt[] = ["deltagare", "avslut", "andel_mal", "genomstromningstid_man", "tid_fore_start_ar"];
export const TOTALT = "totalt";

export interface Underlag { // unprotected, per forbund x insats ('totalt' for the förbund total) x fran x till x kon ('alla'|'kvinnor'|'man')
  forbund: string; insats: string; fran: string; till: string; kon: Kon;
  deltagare: number; avslut: number;
  malTaljare: number; malNamnare: number;       // andel_mal = malTaljare / malNamnare
  malGrupp: number;                              // persons in the goal group (== malTaljare normally)
  tidSummaManader: number; foreSummaAr: number;  // sums behind the two means over malGrupp
  foreN: number;                                 // persons in the goal group with a known tid före start
}

export interface NyckeltalRad {
  readonly forbund: string;
  readonly insats: string;
  readonly fran: string;
  readonly till: string;
  readonly kon: Kon;
  readonly matt: Matt;
  /** null when hidden, or when there is nothing to compute (a share or mean over 0 persons). */
  readonly varde: number | null;
  /** The count behind the value; null when hidden. */
  readonly antal: number | null;
  readonly undertryckt: boolean;
}

export interface NyckeltalSkydd {
  readonly k: number;
  /**
   * A person can be in several insatser: the förbund total of deltagare (distinct persons) is
   * then at most the sum of the insatser and at least the largest of them, not exactly the sum.
   */
  readonly deltagareKanOverlappa?: boolean;
  /** Some persons lack kön: 'alla' is then at least (not exactly) kvinnor + man. */
  readonly konKanSaknas?: boolean;
}

/** The counts of the engine; each is a key `<storhet>|<insats>|<kon>`. */
export type Storhet = "deltagare" | "avslut" | "malTaljare" | "malNamnare" | "malKomplement" | "malAvhopp" | "malGrupp" | "foreN";
/**
 * `malAvhopp` = avslut − the share's denominator (the tidiga avhopp left out of it): not a row
 * of its own, but implied by the avslut and andel_mal rows, so it is protected like any count.
 */
export const STORHETER: readonly Storhet[] = ["deltagare", "avslut", "malTaljare", "malNamnare", "malKomplement", "malAvhopp", "malGrupp", "foreN"];

export const nyckel = (storhet: Storhet, insats: string, kon: Kon): string => `${storhet}|${insats}|${kon}`;

/** The keys published in the row of a matt (hidden together). */
export const RADENS_STORHETER: Readonly<Record<Matt, readonly Storhet[]>> = {
  deltagare: ["deltagare"],
  avslut: ["avslut"],
  andel_mal: ["malTaljare", "malNamnare", "malKomplement"],
  genomstromningstid_man: ["malGrupp"],
  tid_fore_start_ar: ["foreN"],
};

// ---------------------------------------------------------------- order and grouping

const insatsOrdning = (a: string, b: string) => (a === b ? 0 : a === TOTALT ? 1 : b === TOTALT ? -1 : jamfor(a, b));
const konIndex = (k: Kon) => KON.indexOf(k);

function jamforCell(a: Pick<Underlag, "forbund" | "insats" | "fran" | "till" | "kon">, b: typeof a): number {
  return jamfor(a.forbund, b.forbund) || insatsOrdning(a.insats, b.insats) || jamfor(a.fran, b.fran) || jamfor(a.till, b.till) || konIndex(a.kon) - konIndex(b.kon);
}

const sorteraRader = (rader: NyckeltalRad[]): NyckeltalRad[] =>
  rader.sort((a, b) => jamforCell(a, b) || MATT.indexOf(a.matt) - MATT.indexOf(b.matt));

function grupperaPerPeriod<T extends Pick<Underlag, "forbund" | "fran" | "till">>(rader: readonly T[]): { forbund: string; fran: string; till: string; rader: T[] }[] {
  const m = new Map<string, { forbund: string; fran: string; till: string; rader: T[] }>();
  for (const r of rader) {
    const n = JSON.stringify([r.forbund, r.fran, r.till]);
    let g = m.get(n);
    if (!g) m.set(n, (g = { forbund: r.forbund, fran: r.fran, till: r.till, rader: [] }));
    g.rader.push(r);
  }
  return [...m.values()].sort((a, b) => jamfor(a.forbund, b.forbund) || jamfor(a.fran, b.fran) || jamfor(a.till, b.till));
}

// ---------------------------------------------------------------- relations

/**
 * The relations an outsider knows between the counts of one förbund and period, given which
 * (insats, kön) cells exist. `malGruppLika(insats, kon)`: whether the goal group behind the
 * means is the numerator of the share in that cell.
 */
export function nyckeltalsrelationer(
  celler: ReadonlySet<string>, // `${insats}|${kon}`
  opts: Omit<NyckeltalSkydd, "k">,
  malGruppLika: (insats: string, kon: Kon) => boolean,
): Relation[] {
  const finns = (i: string, k: Kon) => celler.has(`${i}|${k}`);
  const insatser = [...new Set([...celler].map((c) => c.slice(0, c.lastIndexOf("|"))))].sort(insatsOrdning);
  const team = insatser.filter((i) => i !== TOTALT);
  const ut: Relation[] = [];
  for (const s of STORHETER) {
    // alla = kvinnor + man, per insats
    for (const i of insatser) {
      if (!finns(i, "alla")) continue;
      const delar = (["kvinnor", "man"] as const).filter((k) => finns(i, k));
      if (delar.length === 0) continue;
      ut.push({ total: nyckel(s, i, "alla"), delar: delar.map((k) => nyckel(s, i, k)), typ: opts.konKanSaknas || delar.length < 2 ? "minst" : "lika" });
    }
    // totalt = sum of the insatser, per kön
    for (const k of KON) {
      if (!finns(TOTALT, k)) continue;
      const delar = team.filter((i) => finns(i, k));
      if (delar.length === 0) continue;
      const dn = delar.map((i) => nyckel(s, i, k));
      if (s === "deltagare" && opts.deltagareKanOverlappa === true) {
        // Distinct persons: at most the sum of the insatser, at least each one of them.
        ut.push({ total: nyckel(s, TOTALT, k), delar: dn, typ: "hogst" });
        for (const d of dn) ut.push({ total: nyckel(s, TOTALT, k), delar: [d], typ: "minst" });
      } else {
        ut.push({ total: nyckel(s, TOTALT, k), delar: dn, typ: delar.length < team.length ? "minst" : "lika" });
      }
    }
  }
  // Between the counts of one cell.
  for (const i of insatser) {
    for (const k of KON) {
      if (!finns(i, k)) continue;
      const n = (s: Storhet) => nyckel(s, i, k);
      ut.push({ total: n("malNamnare"), delar: [n("malTaljare"), n("malKomplement")], typ: "lika" });
      ut.push({ total: n("avslut"), delar: [n("malNamnare"), n("malAvhopp")], typ: "lika" });
      ut.push({ total: n("avslut"), delar: [n("malGrupp")], typ: "minst" });
      ut.push({ total: n("malGrupp"), delar: [n("foreN")], typ: "minst" });
      if (malGruppLika(i, k)) ut.push({ total: n("malGrupp"), delar: [n("malTaljare")], typ: "lika" });
    }
  }
  return ut;
}

// ---------------------------------------------------------------- building the publications

function kontrolleraUnderlag(u: Underlag, definitioner: boolean): void {
  const var_ = `${u.forbund}, ${u.insats}, ${u.fran}–${u.till}, ${u.kon}`;
  if (!KON.includes(u.kon)) throw new RangeError(`${var_}: okänt kön ${JSON.stringify(u.kon)}`);
  if (u.insats === "") throw new RangeError(`${var_}: insatsen saknar namn`);
  for (const f of ["deltagare", "avslut", "malTaljare", "malNamnare", "malGrupp", "foreN"] as const) {
    if (!Number.isInteger(u[f]) || u[f] < 0) throw new RangeError(`${var_}: ${f} måste vara ett icke-negativt heltal, fick ${u[f]}`);
  }
  for (const f of ["tidSummaManader", "foreSummaAr"] as const) {
    if (!Number.isFinite(u[f]) || u[f] < 0) throw new RangeError(`${var_}: ${f} måste vara ett icke-negativt tal, fick ${u[f]}`);
  }
  const krav: [boolean, string][] = [
    [u.malTaljare <= u.malNamnare, "malTaljare > malNamnare"],
    [u.malNamnare <= u.avslut, "malNamnare > avslut (andelens nämnare ska vara en del av avsluten)"],
    [u.malGrupp <= u.avslut, "malGrupp > avslut (målgruppen ska vara en del av avsluten)"],
    [u.foreN <= u.malGrupp, "foreN > malGrupp"],
  ];
  if (definitioner) for (const [ok, text] of krav) if (!ok) throw new MotsagelseFel(`${var_}: ${text}`);
}

export interface PeriodPublicering {
  readonly forbund: string;
  readonly fran: string;
  readonly till: string;
  readonly publicering: Publicering;
  /** The Underlag rows of the period, sorted. */
  readonly rader: readonly Underlag[];
}

/**
 * One Publicering per förbund and (fran, till), in sorted order. `definitioner`: also reject
 * rows that break the definitions (numerator above denominator, goal group above avslut, ...).
 */
export function byggPubliceringar(underlag: readonly Underlag[], opts: Omit<NyckeltalSkydd, "k"> = {}, definitioner = true): PeriodPublicering[] {
  const sedda = new Set<string>();
  for (const u of underlag) {
    kontrolleraUnderlag(u, definitioner);
    const id = JSON.stringify([u.forbund, u.insats, u.fran, u.till, u.kon]);
    if (sedda.has(id)) throw new RangeError(`dubblett i underlaget: ${u.forbund}, ${u.insats}, ${u.fran}–${u.till}, ${u.kon}`);
    sedda.add(id);
  }
  return grupperaPerPeriod(underlag).map((g) => {
    const rader = [...g.rader].sort(jamforCell);
    const varden = new Map<string, number>();
    const cell = new Map<string, Underlag>();
    for (const u of rader) {
      cell.set(`${u.insats}|${u.kon}`, u);
      const v: Record<Storhet, number> = {
        deltagare: u.deltagare, avslut: u.avslut, malTaljare: u.malTaljare, malNamnare: u.malNamnare,
        malKomplement: u.malNamnare - u.malTaljare, malAvhopp: u.avslut - u.malNamnare, malGrupp: u.malGrupp, foreN: u.foreN,
      };
      for (const s of STORHETER) varden.set(nyckel(s, u.insats, u.kon), v[s]);
    }
    const relationer = nyckeltalsrelationer(new Set(cell.keys()), opts, (i, k) => {
      const u = cell.get(`${i}|${k}`)!;
      return u.malGrupp === u.malTaljare;
    });
    const grupper = rader.map((u) => RADENS_STORHETER.andel_mal.map((s) => nyckel(s, u.insats, u.kon)));
    // Readers need the team's `alla` row most (the reports' tables), then the förbund total.
    // Within a row, the share (resultat mot mål) matters more than the count of avslut.
    const vikt = new Map([...varden.keys()].map((n) => {
      const [storhet, insats, kon] = n.split("|");
      const andel = RADENS_STORHETER.andel_mal.includes(storhet as Storhet) ? 0.25 : 0;
      return [n, (kon === "alla" ? 2 : 0) + (insats === TOTALT ? 1 : 0) + andel];
    }));
    const harledda = new Set(rader.map((u) => nyckel("malAvhopp", u.insats, u.kon)));
    return { forbund: g.forbund, fran: g.fran, till: g.till, publicering: { varden, relationer, grupper, vikt, harledda }, rader };
  });
}

// ---------------------------------------------------------------- rows

function raderFor(u: Underlag, dold: (s: Storhet) => boolean): NyckeltalRad[] {
  const bas = { forbund: u.forbund, insats: u.insats, fran: u.fran, till: u.till, kon: u.kon };
  const kvot = (t: number, n: number) => (n > 0 ? t / n : null);
  const vardeOchAntal: Record<Matt, [number | null, number]> = {
    deltagare: [u.deltagare, u.deltagare],
    avslut: [u.avslut, u.avslut],
    andel_mal: [kvot(u.malTaljare, u.malNamnare), u.malNamnare],
    genomstromningstid_man: [kvot(u.tidSummaManader, u.malGrupp), u.malGrupp],
    tid_fore_start_ar: [kvot(u.foreSummaAr, u.foreN), u.foreN],
  };
  return MATT.map((matt) => {
    const undertryckt = RADENS_STORHETER[matt].some(dold);
    const [varde, antal] = vardeOchAntal[matt];
    return undertryckt ? { ...bas, matt, varde: null, antal: null, undertryckt } : { ...bas, matt, varde, antal, undertryckt };
  });
}

/** The published rows: small groups and whatever would reveal them are hidden. */
export function skyddaNyckeltal(underlag: readonly Underlag[], opts: NyckeltalSkydd): NyckeltalRad[] {
  kontrolleraK(opts.k);
  const ut: NyckeltalRad[] = [];
  for (const pp of byggPubliceringar(underlag, opts)) {
    let dolda: ReadonlySet<string>;
    try {
      dolda = skydda(pp.publicering, { k: opts.k }).dolda;
    } catch (e) {
      if (e instanceof MotsagelseFel) {
        throw new MotsagelseFel(`${pp.forbund}, ${pp.fran}–${pp.till}: ${e.message} (stämmer totalerna? se deltagareKanOverlappa och konKanSaknas)`);
      }
      throw e;
    }
    for (const u of pp.rader) ut.push(...raderFor(u, (s) => dolda.has(nyckel(s, u.insats, u.kon))));
  }
  return sorteraRader(ut);
}

/** The same rows with nothing hidden: for internal use only (`--intern`), never for publication. */
export function oskyddadeNyckeltal(underlag: readonly Underlag[]): NyckeltalRad[] {
  const ut: NyckeltalRad[] = [];
  for (const pp of byggPubliceringar(underlag, {}, false)) for (const u of pp.rader) ut.push(...raderFor(u, () => false));
  return sorteraRader(ut);
}
