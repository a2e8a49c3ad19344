/**
 * The participant outputs: team nyckeltal (protected by default), the jämställdhet comparison
 * built only from published values, and the teams' reported outcome tables (protected too).
 */
import { beraknaHalvar, beraknaInsatsunderlag } from "../compute/nyckeltal.ts";
import { beraknaUtfall, BERAKNAT_UTFALL } from "../compute/utfall.ts";
import { fisherExact, wilson } from "../compute/osakerhet.ts";
import type { Deltagande } from "../normalise/deltagare.ts";
import { utfallsdelar, utfallsmatt, type RapporteratUtfall } from "../normalise/utfall.ts";
import type { HeRad } from "../compute/helarsekvivalenter.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Installningar } from "../reference/installningar.ts";
import type { Datum } from "../normalise/datum.ts";
import { oskyddadeNyckeltal, skyddaNyckeltal, skydda, type NyckeltalRad, type Publicering } from "../protect/index.ts";
import { INSATSER_JAMSTALLDHET, INSATSER_NYCKELTAL, INSATSER_RAPPORTERAT, INSATSER_UTFALL } from "./insatsscheman.ts";
import { tabellFranRader, type Utdatatabell } from "./schema.ts";

export interface InsatsIndata {
  readonly deltagare: readonly (Deltagande & { forbund: string })[];
  readonly utfall: readonly (RapporteratUtfall & { forbund: string })[];
  readonly heRader: readonly HeRad[] | undefined;
  readonly indelning: Indelning;
  readonly installningar: Installningar;
  /** The day the records were exported: periods that have ended by then are published. */
  readonly exportdatum: Datum;
  readonly k: number;
  readonly intern: boolean;
  /** Record keys from the pseudonymisation key (reference/nyckel.ts); the noise needs them. */
  readonly postnyckel?: ((enhet: string) => Uint32Array) | undefined;
}

/** p-values at or above this are "within what chance explains". */
export const SIGNIFIKANSNIVA = 0.05;

export function insatserFiler(indata: InsatsIndata): Utdatatabell[] {
  const out: Utdatatabell[] = [];
  const skydd = indata.installningar.skydd;
  if (indata.deltagare.length > 0) {
    const tidigaAvhoppINamnaren = indata.installningar.tidigaAvhoppINamnaren;
    const exportdatum = indata.exportdatum;
    const brus = !indata.intern && skydd.metod === "brus";
    if (brus && !indata.postnyckel) throw new Error("bruset kräver postnycklar från pseudonymiseringsnyckeln");
    const berakning = beraknaInsatsunderlag(indata.deltagare, { exportdatum, tidigaAvhoppINamnaren, ...(brus ? { postnyckel: indata.postnyckel! } : {}) });
    const rader = indata.intern
      ? oskyddadeNyckeltal(berakning.underlag)
      : skyddaNyckeltal(
          { ...berakning, ...(skydd.metod === "undertryckning" ? { halvar: beraknaHalvar(indata.deltagare, { exportdatum, tidigaAvhoppINamnaren }) } : {}) },
          { metod: skydd.metod, k: indata.k, brus: skydd.brus },
        );
    out.push(nyckeltalCsv(rader));
    out.push(jamstalldhetCsv(rader, indata.heRader, indata.indelning));
    if (indata.intern) {
      // The full outcome table is internal only: published beside the nyckeltal, its small
      // counts could be worked out from them (överflyttad = its avslut − the nyckeltal's
      // avslut; tidiga avhopp = avslut − the share's denominator; one goal outcome from the
      // share's numerator). The site shows the breakdown the nyckeltal already publish.
      const utfall = beraknaUtfall(indata.deltagare, indata.exportdatum).flatMap((u) =>
        BERAKNAT_UTFALL.map((matt) => ({ forbund: u.forbund, insats: u.insats, fran: u.fran, till: u.till, kon: u.kon, matt, varde: u.varden[matt], undertryckt: 0 })),
      );
      out.push(tabellFranRader(INSATSER_UTFALL, utfall));
    }
  }
  else {
    out.push(nyckeltalCsv([]));
    out.push(jamstalldhetCsv([], indata.heRader, indata.indelning));
  }
  out.push(utfallCsv(indata.utfall, utfallsmatt(indata.utfall), utfallsdelar(indata.utfall), indata.k, indata.intern));
  return out;
}

function nyckeltalCsv(rader: readonly NyckeltalRad[]): Utdatatabell {
  return tabellFranRader(INSATSER_NYCKELTAL, rader.map((r) => ({ ...r, undertryckt: r.undertryckt ? 1 : 0 })));
}

/**
 * Kvinnor and män side by side, from published rows only (a hidden value never enters a
 * computation): for andel_mal, both shares with 95 % Wilson intervals and Fisher's exact test
 * of the difference; for counts and means, both values. Plus the share of women among the
 * participants and in the population 20-64 of the förbund's kommuner (from helårsekvivalenter).
 */
function jamstalldhetCsv(rader: readonly NyckeltalRad[], heRader: readonly HeRad[] | undefined, indelning: Indelning): Utdatatabell {
  const byKey = new Map(rader.map((r) => [`${r.forbund}|${r.insats}|${r.fran}|${r.matt}|${r.kon}`, r]));
  const out: Record<string, string | number | null>[] = [];
  const groups = [...new Set(rader.map((r) => `${r.forbund}|${r.insats}|${r.fran}|${r.till}|${r.matt}`))];
  for (const g of groups) {
    const [forbund, insats, fran, till, matt] = g.split("|") as [string, string, string, string, NyckeltalRad["matt"]];
    const k = byKey.get(`${forbund}|${insats}|${fran}|${matt}|kvinnor`);
    const m = byKey.get(`${forbund}|${insats}|${fran}|${matt}|man`);
    if (!k || !m || k.undertryckt || m.undertryckt || k.varde === null || m.varde === null) continue;
    const row: Record<string, string | number | null> = {
      forbund, insats, fran, till, matt,
      kvinnor: k.varde, kvinnor_antal: k.antal, man: m.varde, man_antal: m.antal,
      skillnad: k.varde - m.varde,
      kvinnor_ki_lag: null, kvinnor_ki_hog: null, man_ki_lag: null, man_ki_hog: null, p_varde: null, slutsats: null,
    };
    if (matt === "andel_mal" && k.antal !== null && m.antal !== null && k.antal > 0 && m.antal > 0) {
      const xk = Math.round(k.varde * k.antal);
      const xm = Math.round(m.varde * m.antal);
      const [kl, kh] = wilson(xk, k.antal)!;
      const [ml, mh] = wilson(xm, m.antal)!;
      const p = fisherExact(xk, k.antal - xk, xm, m.antal - xm);
      Object.assign(row, {
        kvinnor_ki_lag: kl, kvinnor_ki_hog: kh, man_ki_lag: ml, man_ki_hog: mh, p_varde: p,
        slutsats: p >= SIGNIFIKANSNIVA ? "inom_slumpens_variation" : "storre_an_slumpen",
      });
    }
    if (matt === "deltagare" && k.varde + m.varde > 0) {
      // share of women among participants with known kön, beside the population 20-64
      out.push({
        forbund, insats, fran, till, matt: "andel_kvinnor",
        kvinnor: k.varde / (k.varde + m.varde), kvinnor_antal: k.varde, man: null, man_antal: m.varde,
        skillnad: null, kvinnor_ki_lag: null, kvinnor_ki_hog: null, man_ki_lag: null, man_ki_hog: null, p_varde: null, slutsats: null,
        befolkning_andel_kvinnor: befolkningAndelKvinnor(heRader, indelning, forbund, fran, till),
      });
    }
    out.push(row);
  }
  return tabellFranRader(INSATSER_JAMSTALLDHET, out);
}

/** Women's share of the population 20-64 in the förbund's kommuner over the window (HE's Folkmängd). */
function befolkningAndelKvinnor(heRader: readonly HeRad[] | undefined, indelning: Indelning, forbund: string, fran: string, till: string): number | null {
  if (!heRader || !indelning.medlemskap.some((m) => m.forbund === forbund)) return null;
  let kvinnor = 0;
  let alla = 0;
  let months = 0;
  for (const r of heRader) {
    if (r.niva !== "forbund" || r.kod !== forbund || r.ersattning !== "summa" || !/^\d{4}-\d{2}$/.test(r.period)) continue;
    if (r.period < fran || r.period > till || r.folkmangd === null) continue;
    if (r.kon === "kvinnor") kvinnor += r.folkmangd;
    if (r.kon === "alla") {
      alla += r.folkmangd;
      months++;
    }
  }
  return months === 12 && alla > 0 ? kvinnor / alla : null;
}

/** One row of an outcome table: counts per matt for an insats, window and kön. */
interface UtfallsRad {
  readonly forbund: string;
  readonly insats: string;
  readonly fran: string;
  readonly till: string;
  readonly kon: "alla" | "kvinnor" | "man";
  readonly varden: Partial<Record<string, number>>;
}

const FLODE = ["inskrivna_start", "nyinskrivna", "aktiva_under_perioden", "avslut", "aktiva_slut"] as const;

/**
 * Outcome tables (reported or computed), protected with the same engine: counts 1..k-1 hidden,
 * and enough more that nothing hidden can be recomputed from a row's own sum (avslut = its
 * outcomes, when the figures add up), from kvinnor + män = alla, from the teams' sum in
 * `totalt`, or from the flow start + nya = avslut + aktiva = aktiva under the period (the
 * flow figures are shown or hidden together).
 */
function utfallCsv(rows: readonly UtfallsRad[], matt: readonly string[], delar: readonly string[], k: number, intern: boolean): Utdatatabell {
  const out: { forbund: string; insats: string; fran: string; till: string; kon: string; matt: string; varde: number | null; undertryckt: number }[] = [];
  const byGroup = new Map<string, UtfallsRad[]>();
  for (const r of rows) {
    const g = `${r.forbund}|${r.fran}|${r.till}`;
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g)!.push(r);
  }
  for (const group of byGroup.values()) {
    const varden = new Map<string, number>();
    const relationer: Publicering["relationer"][number][] = [];
    const grupper: string[][] = [];
    const key = (insats: string, m: string, kon: string) => `${m}|${insats}|${kon}`;
    const exakt = (total: string, parts: string[]) => {
      const t = varden.get(total);
      const p = parts.map((x) => varden.get(x));
      if (t !== undefined && p.every((x) => x !== undefined) && p.reduce((a, b) => a! + b!, 0) === t) relationer.push({ total, delar: parts, typ: "lika" });
    };
    for (const r of group) for (const m of matt) if (r.varden[m] !== undefined) varden.set(key(r.insats, m, r.kon), r.varden[m]!);
    const insatser = [...new Set(group.map((r) => r.insats))].filter((i) => i !== "totalt");
    for (const r of group) {
      // The outcomes the row has (a table has the format's and its own; not every table has all).
      const radensDelar = delar.filter((d) => r.varden[d] !== undefined);
      if (radensDelar.length > 0) exakt(key(r.insats, "avslut", r.kon), radensDelar.map((d) => key(r.insats, d, r.kon)));
      exakt(key(r.insats, "aktiva_under_perioden", r.kon), ["inskrivna_start", "nyinskrivna"].map((d) => key(r.insats, d, r.kon)));
      const flode = FLODE.filter((m) => r.varden[m] !== undefined);
      if (flode.length > 1) grupper.push(flode.map((m) => key(r.insats, m, r.kon)));
      for (const m of matt) {
        if (r.kon === "alla") exakt(key(r.insats, m, "alla"), [key(r.insats, m, "kvinnor"), key(r.insats, m, "man")]);
        if (r.insats === "totalt") exakt(key("totalt", m, r.kon), insatser.map((i) => key(i, m, r.kon)));
      }
    }
    const vikt = new Map([...varden.keys()].map((n) => {
      const [, insats, kon] = n.split("|");
      return [n, (kon === "alla" ? 2 : 0) + (insats === "totalt" ? 1 : 0)];
    }));
    const dolda = intern ? new Set<string>() : skydda({ varden, relationer, grupper, vikt }, { k }).dolda;
    for (const r of group) {
      for (const m of matt) {
        const v = r.varden[m];
        if (v === undefined) continue;
        const hidden = dolda.has(key(r.insats, m, r.kon));
        out.push({ forbund: r.forbund, insats: r.insats, fran: r.fran, till: r.till, kon: r.kon, matt: m, varde: hidden ? null : v, undertryckt: hidden ? 1 : 0 });
      }
    }
  }
  const konOrder: Record<string, number> = { alla: 0, kvinnor: 1, man: 2 };
  const insatsKey = (i: string) => (i === "totalt" ? "\uffff" : i);
  out.sort((a, b) =>
    cmp(a.forbund, b.forbund) || cmp(insatsKey(a.insats), insatsKey(b.insats)) || cmp(a.fran, b.fran) || cmp(a.till, b.till) ||
    konOrder[a.kon]! - konOrder[b.kon]! || matt.indexOf(a.matt) - matt.indexOf(b.matt));
  return tabellFranRader(INSATSER_RAPPORTERAT, out);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
