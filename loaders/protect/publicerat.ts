/**
 * The publication check from the outside: given only the published nyckeltal rows (what
 * anyone can download), check the invariants of the method named in each row's `skydd`
 * column. The publication gate (scripts/publiceringsgrind.ts) runs this on every build.
 *
 * `brus` (cell-key perturbation):
 *   - no published count, and no count that follows from a share and its antal (those who
 *     reached the goal, the rest), is 1..sma: small counts are never published;
 *   - a share lies in 0..1 and times its antal is a whole number (it is t' / (t' + r'));
 *   - the same persons have the same count everywhere: genomströmningstidens antal is the
 *     share's numerator;
 *   - a mean is shown only with an antal of at least the minimum for a mean;
 *   - nothing else is hidden (`dolt_utan_skal`): no count, no share, and no genomströmningstid
 *     whose count (the share's numerator) is 0 or at least the minimum. Only a mean over too
 *     few is hidden, so what is hidden follows from what is published, never from the key;
 * `undertryckning`:
 *   - no shown count (or count following from a share) is 1..k-1;
 *   - the attacker check (angripare.ts) over every period at once: the windows are sums of
 *     half-years, so every half-year count is a variable, and every hidden count of a window,
 *     every half-year count and every count never published (tidiga avhopp, persons without
 *     kön) must have a safe range;
 * and for both: a hidden row carries no value, and no row is unprotected (`ingen`).
 */
import { halvar, type Fonster } from "../compute/nyckeltal.ts";
import { doldaIntervall } from "./angripare.ts";
import { jamfor, kontrolleraK, MotsagelseFel, type Overtradelse, type Plats, type Relation } from "./model.ts";
import { minstaAntalForMedel, STANDARD_BRUS, type Brusinstallningar } from "./parametrar.ts";
import { byggPtabell } from "./ptabell.ts";
import { KON, MATT, SKYDD, TOTALT, type Kon, type NyckeltalRad } from "./rader.ts";
import { HALVARSSTORHETER, KON_MED_OKAND, nyckel } from "./undertryckning.ts";

export interface PubliceratKontroll {
  /** k of the build's settings. */
  readonly k: number;
  /** The noise settings (default: the documented defaults). */
  readonly brus?: Brusinstallningar;
}

/** Every violation found in the published rows; empty = safe to publish. */
export function kontrolleraPublicerat(rows: readonly NyckeltalRad[], opts: PubliceratKontroll): Overtradelse[] {
  kontrolleraK(opts.k);
  const ut: Overtradelse[] = [];
  const perForbund = new Map<string, NyckeltalRad[]>();
  for (const r of rows) {
    if (!KON.includes(r.kon) || !MATT.includes(r.matt) || !SKYDD.includes(r.skydd)) throw new RangeError(`okänd rad: ${JSON.stringify(r)}`);
    if (!perForbund.has(r.forbund)) perForbund.set(r.forbund, []);
    perForbund.get(r.forbund)!.push(r);
  }
  for (const [forbund, rader] of [...perForbund].sort((a, b) => jamfor(a[0], b[0]))) {
    const sedd = new Set<string>();
    for (const r of rader) {
      const id = `${r.insats}|${r.fran}|${r.till}|${r.kon}|${r.matt}`;
      if (sedd.has(id)) throw new RangeError(`raden ${forbund}|${id} finns två gånger`);
      sedd.add(id);
      const nyckel = `${forbund}|${r.fran}|${r.till}|${r.matt}|${r.insats}|${r.kon}`;
      const plats = { forbund, insats: r.insats, kon: r.kon, fran: r.fran, till: r.till, matt: r.matt, vad: r.matt, metod: r.skydd };
      if (r.skydd === "ingen") ut.push({ nyckel, min: 0, max: 0, varde: null, typ: "oskyddad", plats });
      if (r.undertryckt && (r.varde !== null || r.antal !== null)) {
        const v = r.antal ?? r.varde ?? 0;
        ut.push({ nyckel, min: v, max: v, varde: v, typ: "visat_dolt", plats });
      }
    }
    const brus = rader.filter((r) => r.skydd === "brus");
    const undertryckt = rader.filter((r) => r.skydd === "undertryckning");
    if (brus.length > 0) ut.push(...kontrolleraBrus(forbund, brus, opts.k, opts.brus ?? STANDARD_BRUS));
    if (undertryckt.length > 0) ut.push(...kontrolleraUndertryckning(forbund, undertryckt, opts.k));
  }
  return ut;
}

const KONORD: Record<string, string> = { alla: "alla", kvinnor: "kvinnor", man: "man", okand: "utan kön" };

type Cell = Partial<Record<NyckeltalRad["matt"], NyckeltalRad>>;

/** Counts in words, for messages. */
const VAD: Record<string, string> = {
  antal: "antal", varde: "värde", deltagare: "deltagare", avslut: "avslut", malTaljare: "nådde målet", malKomplement: "nådde inte målet",
  malAvhopp: "tidiga avhopp", foreN: "med känd tid före start",
};

function celler(rader: readonly NyckeltalRad[]): Map<string, Cell> {
  const m = new Map<string, Cell>();
  for (const r of rader) {
    const id = `${r.insats}|${r.fran}|${r.till}|${r.kon}`;
    if (!m.has(id)) m.set(id, {});
    m.get(id)![r.matt] = r;
  }
  return new Map([...m].sort((a, b) => jamfor(a[0], b[0])));
}

/** The counts a shown share publishes: those who reached the goal and the rest. */
function andelensAntal(r: NyckeltalRad): { taljare: number; rest: number } | undefined {
  if (r.undertryckt || r.antal === null) return undefined;
  const taljare = r.antal > 0 && r.varde !== null ? Math.round(r.varde * r.antal) : 0;
  return { taljare, rest: r.antal - taljare };
}

function kontrolleraBrus(forbund: string, rader: readonly NyckeltalRad[], k: number, brus: Brusinstallningar): Overtradelse[] {
  const ut: Overtradelse[] = [];
  const minsta = minstaAntalForMedel(k, byggPtabell(brus));
  const litet = (v: number) => v >= 1 && v <= brus.sma;
  for (const [id, c] of celler(rader)) {
    const [insats, fran, till, kon] = id.split("|") as [string, string, string, Kon];
    const plats = (matt: string, storhet: string) => `${forbund}|${fran}|${till}|${matt}:${storhet}|${insats}|${kon}`;
    const fel = (matt: string, storhet: string, v: number, typ: Overtradelse["typ"]) =>
      ut.push({ nyckel: plats(matt, storhet), min: v, max: v, varde: v, typ, plats: { forbund, insats, kon, fran, till, matt, vad: VAD[storhet] ?? storhet, metod: "brus" } });
    for (const r of Object.values(c)) {
      if (r.undertryckt && r.matt !== "genomstromningstid_man" && r.matt !== "tid_fore_start_ar") fel(r.matt, "varde", -1, "dolt_utan_skal");
      if (r.undertryckt || r.antal === null) continue;
      if (!Number.isInteger(r.antal) || r.antal < 0) throw new RangeError(`raden ${plats(r.matt, "antal")} visar ett antal som inte är ett icke-negativt heltal`);
      if (litet(r.antal)) fel(r.matt, "antal", r.antal, "litet_tal");
      if ((r.matt === "deltagare" || r.matt === "avslut") && r.varde !== r.antal) fel(r.matt, "varde", r.varde ?? -1, "oforenlig");
      if ((r.matt === "genomstromningstid_man" || r.matt === "tid_fore_start_ar") && r.varde !== null && r.antal < minsta) fel(r.matt, "antal", r.antal, "medel_fa");
    }
    const andel = c.andel_mal;
    if (andel && !andel.undertryckt && andel.antal !== null && andel.antal > 0) {
      const v = andel.varde;
      if (v === null || v < 0 || v > 1 || Math.abs(v * andel.antal - Math.round(v * andel.antal)) > 1e-9) fel("andel_mal", "varde", v ?? -1, "oforenlig");
      else {
        const a = andelensAntal(andel)!;
        if (litet(a.taljare)) fel("andel_mal", "malTaljare", a.taljare, "litet_tal");
        if (litet(a.rest)) fel("andel_mal", "malKomplement", a.rest, "litet_tal");
        const g = c.genomstromningstid_man;
        if (g && !g.undertryckt && g.antal !== null && g.antal !== a.taljare) fel("genomstromningstid_man", "antal", g.antal, "oforenlig");
        // A hidden genomströmningstid: only a mean over 1..minsta − 1 published persons.
        if (g && g.undertryckt && (a.taljare === 0 || a.taljare >= minsta)) fel("genomstromningstid_man", "antal", a.taljare, "dolt_utan_skal");
      }
    }
  }
  return ut;
}

/**
 * The suppression method from the outside: one model over every half-year and window of the
 * förbund, solved by the attacker check.
 */
function kontrolleraUndertryckning(forbund: string, rader: readonly NyckeltalRad[], k: number): Overtradelse[] {
  const ut: Overtradelse[] = [];
  const fonster: Fonster[] = [...new Map(rader.map((r) => [r.fran, { fran: r.fran, till: r.till }])).values()].sort((a, b) => jamfor(a.fran, b.fran));
  const halvarLista = halvar(fonster);
  const insatser = [...new Set(rader.map((r) => r.insats))].sort(jamfor);
  const team = insatser.filter((i) => i !== TOTALT);
  const h = (s: string, i: string, kon: string, fran: string) => `${s}|${i}|${kon}|${fran}`;
  const platser = new Map<string, Plats>();
  const visade = new Map<string, number>();
  const dolda = new Set<string>();
  const harledda = new Set<string>();
  const relationer: Relation[] = [];
  // Half-year variables and their relations.
  for (const p of halvarLista) {
    for (const s of HALVARSSTORHETER) {
      for (const i of insatser) {
        for (const kon of KON_MED_OKAND) {
          dolda.add(h(s, i, kon, p.fran));
          harledda.add(h(s, i, kon, p.fran));
          platser.set(h(s, i, kon, p.fran), { forbund, insats: i, kon: KONORD[kon]!, fran: p.fran, till: p.till, vad: `${VAD[s] ?? s}, halvåret`, metod: "undertryckning" });
        }
        relationer.push({ total: h(s, i, "alla", p.fran), delar: ["kvinnor", "man", "okand"].map((kon) => h(s, i, kon, p.fran)), typ: "lika" });
      }
      for (const kon of KON_MED_OKAND) if (team.length > 0) relationer.push({ total: h(s, TOTALT, kon, p.fran), delar: team.map((i) => h(s, i, kon, p.fran)), typ: "lika" });
    }
    for (const i of insatser) {
      for (const kon of KON_MED_OKAND) {
        const n = (s: string) => h(s, i, kon, p.fran);
        relationer.push({ total: n("avslut"), delar: [n("malTaljare"), n("malKomplement"), n("malAvhopp")], typ: "lika" });
        relationer.push({ total: n("malTaljare"), delar: [n("foreN")], typ: "minst" });
      }
    }
  }
  // Windows: each shown count is the sum of its two half-years; a hidden one is a variable too.
  const halvarAv = (w: Fonster) => halvarLista.filter((p) => p.fran >= w.fran && p.till <= w.till).map((p) => p.fran);
  for (const [id, c] of celler(rader)) {
    const [insats, fran, till, kon] = id.split("|") as [string, string, string, Kon];
    const [a, b] = halvarAv({ fran, till });
    if (a === undefined || b === undefined) throw new RangeError(`${forbund}, ${fran}–${till}: perioden är inte två halvår`);
    const fonsternyckel = (s: string) => `${s}|${insats}|${kon}|${fran}–${till}`;
    const summa = (s: string, varde: number | null) => {
      const n = fonsternyckel(s);
      const matt = s === "avslut" ? "avslut" : s === "foreN" ? "tid_fore_start_ar" : "andel_mal";
      platser.set(n, { forbund, insats, kon, fran, till, matt, vad: VAD[s] ?? s, metod: "undertryckning" });
      relationer.push({ total: n, delar: [h(s, insats, kon, a), h(s, insats, kon, b)], typ: "lika" });
      if (varde === null) dolda.add(n);
      else visade.set(n, varde);
    };
    const litet = (matt: string, v: number) => {
      if (v >= 1 && v <= k - 1) ut.push({ nyckel: `${forbund}|${fran}|${till}|${matt}|${insats}|${kon}`, min: v, max: v, varde: v, typ: "litet_tal", plats: { forbund, insats, kon, fran, till, matt, vad: matt, metod: "undertryckning" } });
    };
    if (c.avslut) { summa("avslut", c.avslut.undertryckt ? null : c.avslut.antal); if (!c.avslut.undertryckt) litet("avslut", c.avslut.antal!); }
    // Those who reached the goal: shown by the share (with its antal) or by genomströmningstidens antal.
    const andel = c.andel_mal ? andelensAntal(c.andel_mal) : undefined;
    const genom = c.genomstromningstid_man && !c.genomstromningstid_man.undertryckt ? c.genomstromningstid_man.antal : null;
    if (c.andel_mal || c.genomstromningstid_man) summa("malTaljare", andel ? andel.taljare : genom);
    if (c.andel_mal) summa("malKomplement", andel ? andel.rest : null);
    if (andel) { litet("andel_mal", andel.taljare); litet("andel_mal", andel.rest); }
    if (genom !== null) {
      litet("genomstromningstid_man", genom);
      // The same count as the share's numerator: shown twice, it must agree.
      if (andel && andel.taljare !== genom) {
        ut.push({ nyckel: `${forbund}|${fran}|${till}|genomstromningstid_man|${insats}|${kon}`, min: andel.taljare, max: andel.taljare, varde: genom, typ: "oforenlig", plats: { forbund, insats, kon, fran, till, matt: "genomstromningstid_man", vad: "antal", metod: "undertryckning" } });
      }
    }
    if (c.tid_fore_start_ar) { summa("foreN", c.tid_fore_start_ar.undertryckt ? null : c.tid_fore_start_ar.antal); if (!c.tid_fore_start_ar.undertryckt) litet("tid_fore_start_ar", c.tid_fore_start_ar.antal!); }
    if (c.deltagare) {
      const n = `deltagare|${insats}|${kon}|${fran}–${till}`;
      platser.set(n, { forbund, insats, kon, fran, till, matt: "deltagare", vad: "deltagare", metod: "undertryckning" });
      if (c.deltagare.undertryckt) dolda.add(n);
      else { visade.set(n, c.deltagare.antal!); litet("deltagare", c.deltagare.antal!); }
    }
  }
  // Deltagare per window: kön (with persons without kön) and the teams (a person may be in two).
  for (const w of fonster) {
    const d = (i: string, kon: string) => `deltagare|${i}|${kon}|${w.fran}–${w.till}`;
    for (const i of insatser) {
      if (![...visade.keys(), ...dolda].includes(d(i, "alla"))) continue;
      dolda.add(d(i, "okand"));
      harledda.add(d(i, "okand"));
      platser.set(d(i, "okand"), { forbund, insats: i, kon: "utan kön", fran: w.fran, till: w.till, vad: "deltagare", metod: "undertryckning" });
      relationer.push({ total: d(i, "alla"), delar: [d(i, "kvinnor"), d(i, "man"), d(i, "okand")], typ: "lika" });
    }
    for (const kon of KON_MED_OKAND) {
      if (team.length === 0) continue;
      relationer.push({ total: d(TOTALT, kon), delar: team.map((i) => d(i, kon)), typ: "hogst" });
      for (const i of team) relationer.push({ total: d(TOTALT, kon), delar: [d(i, kon)], typ: "minst" });
    }
  }
  // Every key a relation names exists: a missing row is an unknown count.
  for (const r of relationer) for (const n of [r.total, ...r.delar]) if (!visade.has(n) && !dolda.has(n)) { dolda.add(n); harledda.add(n); }
  let intervall;
  try {
    intervall = doldaIntervall({ visade, dolda, relationer, k, harledda, regelkunskap: false });
  } catch (e) {
    if (e instanceof MotsagelseFel) throw new MotsagelseFel(`${forbund}: ${e.message}`);
    throw e;
  }
  for (const [n, { min, max }] of intervall) {
    const plats = platser.get(n);
    ut.push({ nyckel: `${forbund}|${n}`, min, max, varde: null, typ: "intervall", ...(plats ? { plats } : {}) });
  }
  return ut;
}
