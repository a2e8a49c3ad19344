/**
 * Reported economy tables (kinds/ekonomi/rapporterat.ts) checked two ways, each printed number
 * that fails named with its table, row and column:
 *
 * 1. Against the table's own arithmetic, allowing for the report's rounding (each printed number
 *    may be off by half its unit): återstår = budget − utfall, förbrukad = utfall / budget, a
 *    total is the sum of its rows, avvikelse = utfall − budget, the resultaträkning's results are
 *    the sums above them, the balansräkning balances, and a forecast eget kapital is the year
 *    before plus medelstilldelning minus budget. (Södra Dalarna's delårsbokslut 2025: the income
 *    row's förbrukad "8 %" where −5 411 / −6 184 = 87,5 %; Tabell 8 does not balance.)
 * 2. Against the same table computed from the ledger, rounded as printed: where they differ the
 *    computed figure is the right one when the ledger is.
 */
import { labelKey } from "../../normalise/labels.ts";
import type { Findings } from "../../validate/findings.ts";
import type { Balans, BrRadnamn } from "./balansrakning.ts";
import type { Ekonomiresultat } from "./berakning.ts";
import { aterstar, forbrukad, type DriftRad } from "./drift.ts";
import type { Post } from "./installningar.ts";
import type { RrRadnamn } from "./resultatrakning.ts";
import { fyndVid, plats } from "./tabell.ts";
import type { Rapportvarde } from "./typer.ts";

const tal = (x: number) => `${x < 0 ? "−" : ""}${Math.abs(x).toLocaleString("sv-SE", { maximumFractionDigits: 1 }).replace(/\u00a0/g, " ")}`;

/** Öre as the report's unit, rounded as reports round (halves away from zero). */
function iEnhet(ore: number, enhet: "tkr" | "kr"): number {
  const skala = enhet === "tkr" ? 100_000 : 100;
  const v = Math.round(Math.abs(ore) / skala);
  return v === 0 ? 0 : Math.sign(ore) * v;
}

function procentAv(kvot: number): number {
  const v = Math.round(Math.abs(kvot) * 100);
  return v === 0 ? 0 : Math.sign(kvot) * v;
}

interface Grupp {
  readonly tabell: string;
  readonly rapport: string | undefined;
  readonly typ: Rapportvarde["typ"];
  readonly tillDatum: string;
  readonly varden: Rapportvarde[];
}

function grupper(varden: readonly Rapportvarde[]): Grupp[] {
  const m = new Map<string, Grupp>();
  for (const v of varden) {
    const k = `${v.rapport ?? ""}\u0000${v.tabell}\u0000${v.typ}\u0000${v.tillDatum}`;
    const g = m.get(k) ?? { tabell: v.tabell, rapport: v.rapport, typ: v.typ, tillDatum: v.tillDatum, varden: [] };
    g.varden.push(v);
    m.set(k, g);
  }
  return [...m.values()];
}

/** Rows in the order they come, each with its cells by column label. */
function rader(g: Grupp): { rad: string; celler: Map<string, Rapportvarde> }[] {
  const ut: { rad: string; celler: Map<string, Rapportvarde> }[] = [];
  for (const v of g.varden) {
    let r = ut.find((x) => x.rad === v.rad);
    if (!r) ut.push((r = { rad: v.rad, celler: new Map() }));
    r.celler.set(v.kolumn, v);
  }
  return ut;
}

export function kontrolleraRapporterat(res: Ekonomiresultat, findings: Findings): void {
  for (const g of grupper(res.fe.rapporterat)) {
    const namn = `${g.rapport ? `${g.rapport}, ` : ""}${g.tabell}`;
    const flagga = (v: Rapportvarde, regel: "ekonomi.rapporterat_raknar_inte" | "ekonomi.rapporterat_avviker", sv: string, en: string) => {
      findings.varning(fyndVid(plats(v.kalla.tabell, v.kalla.rad, v.kalla.kolumner.belopp, `${v.varde}${v.procent ? " %" : ""}${v.markering}`), regel,
        `${namn}, rad "${v.rad}", kolumn "${v.kolumn}": ${sv}`, `${g.tabell}, row "${v.rad}", column "${v.kolumn}": ${en}`));
    };
    if (g.typ === "drift") drift(g, res, flagga);
    else if (g.typ === "resultatrakning") resultat(g, res, flagga);
    else if (g.typ === "balansrakning") balans(g, res, flagga);
    else langsiktig(g, res, flagga);
  }
}

type Flagga = (v: Rapportvarde, regel: "ekonomi.rapporterat_raknar_inte" | "ekonomi.rapporterat_avviker", sv: string, en: string) => void;

const TOTAL = /^(totalt|summa|total)\b/;

// ---- Driftsredovisning -----------------------------------------------------------------------

type Driftkolumn = "utfall" | "budget" | "aterstar" | "forbrukad" | "prognos";

/** Years named in a column label (`Ack utfall 2018`, `Utfall 2023 Netto`). */
function arI(etikett: string): number[] {
  return [...labelKey(etikett).matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
}

/**
 * What a drift column is. A column for another year (Falun-Borlänge's "Utfall 2023 Netto")
 * is not the table's; a prognos column is the year's whatever it says (Södra Dalarna's 2025
 * table heads it "Prognos 2024": checked separately). Avvikelse in a drift table is återstår.
 */
function driftkolumn(etikett: string, v: Rapportvarde, ar: number): Driftkolumn | undefined {
  const k = labelKey(etikett);
  if (/prognos/.test(k)) return "prognos";
  const aren = arI(etikett);
  if (aren.length > 0 && !aren.includes(ar)) return undefined;
  if (/forbrukad/.test(k) || v.procent) return "forbrukad";
  if (/aterstar|avvikelse/.test(k)) return "aterstar";
  if (/budget/.test(k)) return "budget";
  if (/utfall/.test(k)) return "utfall";
  return undefined;
}

/** Edit distance, for names printed with a typo ("Individeriktade" for "Individinriktade"). */
function avstand(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let fore = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, fore + (a[i - 1] === b[j - 1] ? 0 : 1));
      fore = tmp;
    }
  }
  return d[b.length]!;
}

const POSTORD: Record<Post, RegExp> = {
  styrelse: /styrelse/, administration: /administration|kansli/, personalinriktade: /personalinriktad|overgripande samordning/,
  publikationer: /publikation/, insats: /samverkansteam|insats/, intakter: /intakt|medlemsbidrag|medelstilldelning/,
};

/** The computed drift row a printed row is: same name that year, or the only ID of its post the name says. */
function driftMatch(rad: string, drift: readonly DriftRad[]): DriftRad | undefined {
  const k = labelKey(rad);
  if (TOTAL.test(k)) return drift.find((d) => d.id === "totalt");
  const exakt = drift.find((d) => d.id !== "totalt" && (labelKey(d.namn) === k || labelKey(d.id) === k || k.startsWith(`${labelKey(d.id)} `)));
  if (exakt) return exakt;
  const liknande = drift.filter((d) => d.id !== "totalt" && (labelKey(d.namn).includes(k) || k.includes(labelKey(d.namn))));
  if (liknande.length === 1) return liknande[0];
  const nara = drift.filter((d) => d.id !== "totalt" && k.length >= 10 && avstand(labelKey(d.namn), k) <= 2);
  if (nara.length === 1) return nara[0];
  for (const [post, re] of Object.entries(POSTORD) as [Post, RegExp][]) {
    if (!re.test(k)) continue;
    const av = drift.filter((d) => d.post === post);
    if (av.length === 1) return av[0];
  }
  return undefined;
}

function drift(g: Grupp, res: Ekonomiresultat, flagga: Flagga): void {
  const ar = Number(g.tillDatum.slice(0, 4));
  const rs = rader(g).map((r) => {
    const c: Partial<Record<Driftkolumn, Rapportvarde>> = {};
    for (const [etikett, v] of r.celler) {
      const k = driftkolumn(etikett, v, ar);
      if (k) c[k] = v;
    }
    return { rad: r.rad, total: TOTAL.test(labelKey(r.rad)), c };
  });
  // A prognos column headed with another year than the table's (once per table).
  const prognos = g.varden.find((v) => /prognos/.test(labelKey(v.kolumn)) && arI(v.kolumn).length > 0 && !arI(v.kolumn).includes(ar));
  if (prognos) {
    flagga(prognos, "ekonomi.rapporterat_raknar_inte", `kolumnrubriken anger ${arI(prognos.kolumn).join(", ")}, men tabellen gäller ${g.tillDatum} (prognosen för ${ar})`, `the column is headed ${arI(prognos.kolumn).join(", ")} but the table is for ${ar}`);
  }
  const arsresultat = res.ar.find((a) => a.till === g.tillDatum);
  const beraknat = arsresultat?.drift;
  // Orientation: Kommun-Bas (costs positive) or reversed (costs negative, as Södra Dalarna 2018).
  let omvand = false;
  if (beraknat) {
    let lika = 0;
    let motsatt = 0;
    for (const r of rs) {
      const d = driftMatch(r.rad, beraknat);
      const u = r.c.utfall;
      if (!d || !u || d.utfallOre === 0) continue;
      const b = iEnhet(d.utfallOre, u.enhet);
      if (Math.abs(b - u.varde) <= 1) lika++;
      else if (Math.abs(b + u.varde) <= 1) motsatt++;
    }
    omvand = motsatt > lika;
  } else {
    let lika = 0;
    let motsatt = 0;
    for (const r of rs) {
      const { utfall: u, budget: b, aterstar: a } = r.c;
      if (!u || !b || !a) continue;
      if (Math.abs(b.varde - u.varde - a.varde) <= 1) lika++;
      else if (Math.abs(u.varde - b.varde - a.varde) <= 1) motsatt++;
    }
    omvand = motsatt > lika;
  }
  const t = omvand ? -1 : 1;
  // 1. The table's own arithmetic.
  for (const r of rs) {
    const { utfall: u, budget: b, aterstar: a, forbrukad: f } = r.c;
    if (u && b && a) {
      const vantat = t * (b.varde - u.varde);
      if (Math.abs(vantat - a.varde) > 1) {
        flagga(a, "ekonomi.rapporterat_raknar_inte", `återstår ${tal(a.varde)}, men budget − utfall = ${tal(t * b.varde)} − ${tal(t * u.varde)} = ${tal(vantat)}`, `remaining ${a.varde}, but budget − outcome = ${vantat}`);
      }
    }
    if (u && b && f && !r.total) {
      // The ratio of any numbers that round to the printed ones.
      const ur = [u.varde - 0.5, u.varde + 0.5];
      const br = [b.varde - 0.5, b.varde + 0.5];
      if (!(br[0]! <= 0 && br[1]! >= 0)) {
        const kvoter = ur.flatMap((x) => br.map((y) => (x / y) * 100));
        const lo = Math.min(...kvoter);
        const hi = Math.max(...kvoter);
        if (f.varde + 0.5 < lo || f.varde - 0.5 > hi) {
          flagga(f, "ekonomi.rapporterat_raknar_inte",
            `förbrukad ${tal(f.varde)} %, men utfall / budget = ${tal(u.varde)} / ${tal(b.varde)} = ${(u.varde / b.varde * 100).toLocaleString("sv-SE", { maximumFractionDigits: 1 })} %`,
            `used ${f.varde} %, but outcome / budget = ${(u.varde / b.varde * 100).toFixed(1)} %`);
        }
      }
    }
  }
  const totaler = rs.filter((r) => r.total);
  const delar = rs.filter((r) => !r.total);
  for (const tot of totaler) {
    for (const k of ["utfall", "budget", "aterstar", "prognos"] as const) {
      const v = tot.c[k];
      const vs = delar.map((d) => d.c[k]).filter((x): x is Rapportvarde => x !== undefined);
      if (!v || vs.length === 0) continue;
      const summa = vs.reduce((s, x) => s + x.varde, 0);
      if (Math.abs(summa - v.varde) > 0.5 * (vs.length + 1)) {
        flagga(v, "ekonomi.rapporterat_raknar_inte", `totalen ${tal(v.varde)}, men raderna summerar till ${tal(summa)}`, `total ${v.varde}, but the rows sum to ${summa}`);
      }
    }
  }
  // 2. Against the computed driftsredovisning; a total against the computed rows the table has
  // (Falun-Borlänge's "Summa kostnader" leaves the intäkter out).
  if (!beraknat) return;
  const matchade = delar.map((r) => driftMatch(r.rad, beraknat));
  const allaMatchade = matchade.every((d) => d !== undefined);
  for (const r of rs) {
    let d = driftMatch(r.rad, beraknat);
    if (r.total) {
      if (!allaMatchade) continue;
      const ids = new Set(matchade.map((x) => x!.id));
      const valda = beraknat.filter((x) => ids.has(x.id));
      const summa = (f: (x: DriftRad) => number | undefined) => (valda.some((x) => f(x) !== undefined) ? valda.reduce((s2, x) => s2 + (f(x) ?? 0), 0) : undefined);
      d = { id: "totalt", post: "totalt", namn: r.rad, utfallOre: valda.reduce((s2, x) => s2 + x.utfallOre, 0), budgetOre: summa((x) => x.budgetOre), prognosOre: summa((x) => x.prognosOre) };
    }
    if (!d) continue;
    const varden: Record<Driftkolumn, number | undefined> = {
      utfall: d.utfallOre, budget: d.budgetOre, aterstar: aterstar(d), prognos: d.prognosOre, forbrukad: undefined,
    };
    for (const k of ["utfall", "budget", "aterstar", "prognos"] as const) {
      const v = r.c[k];
      const ore = varden[k];
      if (!v || ore === undefined) continue;
      const b = (k === "aterstar" ? 1 : t) * iEnhet(ore, v.enhet);
      if (b !== v.varde) {
        flagga(v, "ekonomi.rapporterat_avviker", `rapporterat ${tal(v.varde)}, beräknat från huvudboken och budgeten ${tal(b)} ${v.enhet}`, `reported ${v.varde}, computed ${b}`);
      }
    }
    const f = r.c.forbrukad;
    const kvot = forbrukad(d);
    if (f && kvot !== undefined && !r.total && procentAv(kvot) !== f.varde) {
      flagga(f, "ekonomi.rapporterat_avviker", `rapporterat ${tal(f.varde)} %, beräknat ${tal(procentAv(kvot))} % (${visaProcent(kvot)})`, `reported ${f.varde} %, computed ${procentAv(kvot)} %`);
    }
  }
}

const visaProcent = (kvot: number) => `${(kvot * 100).toLocaleString("sv-SE", { maximumFractionDigits: 1 })} %`;

// ---- Resultaträkning -------------------------------------------------------------------------

type Rrkolumn = "budget" | "utfall" | "avvikelse" | "prognos" | "foregaende";

function rrRad(etikett: string): RrRadnamn | undefined {
  const k = labelKey(etikett);
  if (/medlemsavgift|medlemsbidrag|bidrag fran (huvudman|medlem)/.test(k)) return "medlemsbidrag";
  if (/^ovriga (verksamhets)?intakter/.test(k)) return "ovriga_intakter";
  if (/verksamhetens intakter|^intakter/.test(k)) return "verksamhetens_intakter";
  if (/verksamhetens kostnader|^kostnader/.test(k)) return "verksamhetens_kostnader";
  if (/resultat fore finansiella|verksamhetens resultat/.test(k)) return "verksamhetens_resultat";
  if (/finansiella intakter/.test(k)) return "finansiella_intakter";
  if (/finansiella kostnader/.test(k)) return "finansiella_kostnader";
  if (/resultat efter finansiella/.test(k)) return "resultat_efter_finansiella_poster";
  if (/extraordinar/.test(k)) return "extraordinara_poster";
  if (/arets resultat/.test(k)) return "arets_resultat";
  return undefined;
}

function rrKolumn(etikett: string, ar: number): Rrkolumn | undefined {
  const k = labelKey(etikett);
  if (/avvikelse/.test(k)) return "avvikelse";
  if (/prognos/.test(k)) return "prognos";
  if (/budget/.test(k)) return "budget";
  if (/foregaende|fg ar/.test(k)) return "foregaende";
  const aren = [...k.matchAll(/\d{4}/g)].map((m) => Number(m[0]));
  if (aren.includes(ar)) return "utfall";
  if (aren.includes(ar - 1)) return "foregaende";
  if (/utfall/.test(k)) return "utfall";
  return undefined;
}

function resultat(g: Grupp, res: Ekonomiresultat, flagga: Flagga): void {
  const ar = Number(g.tillDatum.slice(0, 4));
  const rs = rader(g).map((r) => {
    const c: Partial<Record<Rrkolumn, Rapportvarde>> = {};
    for (const [etikett, v] of r.celler) {
      const k = rrKolumn(etikett, ar);
      if (k) c[k] = v;
    }
    return { rad: rrRad(r.rad), c };
  });
  const hamta = (rad: RrRadnamn, k: Rrkolumn) => rs.find((r) => r.rad === rad)?.c[k];
  for (const r of rs) {
    const { utfall: u, budget: b, avvikelse: a } = r.c;
    if (u && b && a && Math.abs(u.varde - b.varde - a.varde) > 1) {
      flagga(a, "ekonomi.rapporterat_raknar_inte", `avvikelsen ${tal(a.varde)}, men utfall − budget = ${tal(u.varde)} − ${tal(b.varde)} = ${tal(u.varde - b.varde)}`, `deviation ${a.varde}, but outcome − budget = ${u.varde - b.varde}`);
    }
  }
  for (const k of ["budget", "utfall", "prognos", "foregaende", "avvikelse"] as const) {
    const summa = (delar: RrRadnamn[], mal: RrRadnamn) => {
      const v = hamta(mal, k);
      const vs = delar.map((d) => hamta(d, k)).filter((x): x is Rapportvarde => x !== undefined);
      if (!v || vs.length === 0) return;
      const s = vs.reduce((x, y) => x + y.varde, 0);
      if (Math.abs(s - v.varde) > 0.5 * (vs.length + 1)) {
        flagga(v, "ekonomi.rapporterat_raknar_inte", `${tal(v.varde)}, men raderna ovanför summerar till ${tal(s)}`, `${v.varde}, but the rows above sum to ${s}`);
      }
    };
    const intakter: RrRadnamn[] = hamta("verksamhetens_intakter", k) ? ["verksamhetens_intakter"] : ["medlemsbidrag", "ovriga_intakter"];
    summa([...intakter, "verksamhetens_kostnader"], "verksamhetens_resultat");
    const fore: RrRadnamn[] = hamta("verksamhetens_resultat", k) ? ["verksamhetens_resultat"] : [...intakter, "verksamhetens_kostnader"];
    summa([...fore, "finansiella_intakter", "finansiella_kostnader"], "resultat_efter_finansiella_poster");
    const efter: RrRadnamn[] = hamta("resultat_efter_finansiella_poster", k) ? ["resultat_efter_finansiella_poster"] : [...fore, "finansiella_intakter", "finansiella_kostnader"];
    summa([...efter, "extraordinara_poster"], "arets_resultat");
  }
  const beraknat = res.ar.find((a) => a.till === g.tillDatum)?.rr;
  if (!beraknat) return;
  for (const r of rs) {
    if (!r.rad) continue;
    const rr = beraknat.find((x) => x.rad === r.rad)!;
    const varden: Record<Rrkolumn, number | undefined> = {
      budget: rr.budgetOre, utfall: rr.utfallOre, prognos: rr.prognosOre, foregaende: rr.foregaendeOre,
      avvikelse: rr.budgetOre === undefined ? undefined : rr.utfallOre - rr.budgetOre,
    };
    for (const k of Object.keys(varden) as Rrkolumn[]) {
      const v = r.c[k];
      const ore = varden[k];
      if (!v || ore === undefined) continue;
      const b = iEnhet(ore, v.enhet);
      if (b !== v.varde) flagga(v, "ekonomi.rapporterat_avviker", `rapporterat ${tal(v.varde)}, beräknat från huvudboken och budgeten ${tal(b)} ${v.enhet}`, `reported ${v.varde}, computed ${b}`);
    }
  }
}

// ---- Balansräkning ---------------------------------------------------------------------------

function brRad(etikett: string): BrRadnamn | undefined {
  const k = labelKey(etikett);
  if (/^summa (skulder och eget kapital|eget kapital,? (avsattningar )?och skulder)/.test(k)) return "summa_eget_kapital_och_skulder";
  if (/^summa tillgangar/.test(k)) return "summa_tillgangar";
  if (/^summa omsattningstillgangar/.test(k)) return "summa_omsattningstillgangar";
  if (/^summa eget kapital$/.test(k)) return "summa_eget_kapital";
  if (/^summa (kortfristiga )?skulder/.test(k)) return undefined;
  if (/^summa/.test(k)) return undefined;
  if (/anlaggningstillgang/.test(k)) return "anlaggningstillgangar";
  if (/fordring/.test(k)) return "fordringar";
  if (/placering/.test(k)) return "kortfristiga_placeringar";
  if (/kassa|bank|likvida/.test(k)) return "kassa_och_bank";
  if (/arets resultat/.test(k)) return "arets_resultat";
  if (/eget kapital/.test(k)) return "eget_kapital";
  if (/pension|avsattning/.test(k)) return "avsattningar";
  if (/langfristiga skulder/.test(k)) return "langfristiga_skulder";
  if (/kortfristiga skulder/.test(k)) return "kortfristiga_skulder";
  return undefined;
}

function balans(g: Grupp, res: Ekonomiresultat, flagga: Flagga): void {
  const rs = rader(g);
  const kolumner = [...new Set(g.varden.map((v) => v.kolumn))];
  for (const kol of kolumner) {
    const datum = /(\d{4}-\d{2}-\d{2})/.exec(kol)?.[1];
    const cell = (i: number) => rs[i]!.celler.get(kol);
    const idxTillg = rs.findIndex((r) => brRad(r.rad) === "summa_tillgangar");
    const idxSumma = rs.findIndex((r) => brRad(r.rad) === "summa_eget_kapital_och_skulder");
    const arDetalj = (i: number) => !/^summa\b/.test(labelKey(rs[i]!.rad));
    if (idxTillg >= 0 && cell(idxTillg)) {
      const vs = rs.slice(0, idxTillg).map((_, i) => i).filter(arDetalj).map(cell).filter((x): x is Rapportvarde => x !== undefined);
      const s = vs.reduce((x, y) => x + y.varde, 0);
      const v = cell(idxTillg)!;
      if (vs.length > 0 && Math.abs(s - v.varde) > 0.5 * (vs.length + 1)) flagga(v, "ekonomi.rapporterat_raknar_inte", `summa tillgångar ${tal(v.varde)}, men tillgångarna summerar till ${tal(s)}`, `total assets ${v.varde}, but the assets sum to ${s}`);
    }
    if (idxTillg >= 0 && idxSumma > idxTillg && cell(idxSumma)) {
      const vs = rs.slice(idxTillg + 1, idxSumma).map((_, i) => i + idxTillg + 1).filter(arDetalj).map(cell).filter((x): x is Rapportvarde => x !== undefined);
      const s = vs.reduce((x, y) => x + y.varde, 0);
      const v = cell(idxSumma)!;
      if (vs.length > 0 && Math.abs(s - v.varde) > 0.5 * (vs.length + 1)) flagga(v, "ekonomi.rapporterat_raknar_inte", `${tal(v.varde)}, men raderna under summa tillgångar summerar till ${tal(s)}`, `${v.varde}, but the rows sum to ${s}`);
      const t = cell(idxTillg);
      if (t && Math.abs(t.varde - v.varde) > 1) {
        flagga(v, "ekonomi.rapporterat_raknar_inte", `balansräkningen balanserar inte: summa eget kapital och skulder ${tal(v.varde)}, summa tillgångar ${tal(t.varde)} (skillnad ${tal(t.varde - v.varde)})`, `the balance sheet does not balance: ${v.varde} against assets ${t.varde}`);
      }
    }
    if (!datum) continue;
    let beraknat: Balans | undefined;
    for (const a of res.ar) {
      if (a.till === datum) beraknat = a.br;
      else if (a.jamforelsedatum === datum) beraknat ??= a.brJamforelse;
    }
    if (!beraknat) continue;
    const sedda = new Set<BrRadnamn>();
    for (let i = 0; i < rs.length; i++) {
      const rad = brRad(rs[i]!.rad);
      const v = cell(i);
      if (!rad || !v || sedda.has(rad)) continue;
      sedda.add(rad);
      const ore = beraknat[rad];
      if (ore === undefined) continue;
      const b = iEnhet(ore, v.enhet);
      if (b !== v.varde) flagga(v, "ekonomi.rapporterat_avviker", `rapporterat ${tal(v.varde)}, beräknat från huvudboken ${tal(b)} ${v.enhet}`, `reported ${v.varde}, computed ${b}`);
    }
  }
}

// ---- Långsiktig tabell -----------------------------------------------------------------------

type Lkolumn = "medelstilldelning" | "budget" | "eget_kapital";

function lkolumn(etikett: string): Lkolumn | undefined {
  const k = labelKey(etikett);
  if (/eget kapital/.test(k)) return "eget_kapital";
  if (/tilldelning/.test(k)) return "medelstilldelning";
  if (/budget/.test(k)) return "budget";
  return undefined;
}

function langsiktig(g: Grupp, res: Ekonomiresultat, flagga: Flagga): void {
  const perAr = new Map<number, Partial<Record<Lkolumn, Rapportvarde>>>();
  for (const v of g.varden) {
    const ar = /^(\d{4})/.exec(v.rad.trim())?.[1];
    const k = lkolumn(v.kolumn);
    if (!ar || !k) continue;
    const c = perAr.get(Number(ar)) ?? {};
    c[k] = v;
    perAr.set(Number(ar), c);
  }
  const lagst = res.fe.inst.egetKapital.lagstOre;
  for (const [ar, c] of perAr) {
    const ek = c.eget_kapital;
    const fore = perAr.get(ar - 1)?.eget_kapital;
    // A forecast after a forecast: the year before plus medelstilldelning minus budget.
    if (ek && ek.markering !== "" && fore && fore.markering !== "" && c.medelstilldelning && c.budget) {
      const vantat = fore.varde + c.medelstilldelning.varde - c.budget.varde;
      if (Math.abs(vantat - ek.varde) > 1.5) {
        flagga(ek, "ekonomi.rapporterat_raknar_inte",
          `eget kapital ${tal(ek.varde)}${ek.markering}, men ${ar - 1} års ${tal(fore.varde)} + medelstilldelning ${tal(c.medelstilldelning.varde)} − budget ${tal(c.budget.varde)} = ${tal(vantat)}${lagst !== undefined && vantat * (ek.enhet === "tkr" ? 100_000 : 100) < lagst ? `, under förbundets lägsta nivå ${tal(lagst / (ek.enhet === "tkr" ? 100_000 : 100))}` : ""}`,
          `eget kapital ${ek.varde}, but ${fore.varde} + ${c.medelstilldelning.varde} − ${c.budget.varde} = ${vantat}`);
      }
    }
    // Against the books: actual (unmarked) values only.
    const rad = res.langsiktig.find((l) => l.ar === ar);
    if (!rad) continue;
    const jamfor = (v: Rapportvarde | undefined, ore: number | undefined) => {
      if (!v || ore === undefined) return;
      const b = iEnhet(ore, v.enhet);
      if (b !== v.varde) flagga(v, "ekonomi.rapporterat_avviker", `rapporterat ${tal(v.varde)}${v.markering}, beräknat ${tal(b)} ${v.enhet}`, `reported ${v.varde}, computed ${b}`);
    };
    if (ek && ek.markering === "" && rad.underlag === "bokslut") jamfor(ek, rad.egetKapitalOre);
    jamfor(c.medelstilldelning, rad.medelstilldelningOre);
    if (c.budget && c.budget.markering === "") jamfor(c.budget, rad.budgetOre);
  }
}
