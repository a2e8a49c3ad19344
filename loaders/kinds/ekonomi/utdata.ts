/**
 * The economy's tidy outputs (docs/utdata.md): amounts in kr, unrounded (öre as decimals),
 * shares as 0–1, booleans as 1/0, empty for a value that does not exist. Every file is written,
 * with only its header when no förbund has economy inputs.
 */
import { toCsv } from "../../publish/csv.ts";
import { kronor } from "./belopp.ts";
import { BR_RADER } from "./balansrakning.ts";
import type { Ekonomiresultat } from "./berakning.ts";
import { aterstar, forbrukad, jamforId } from "./drift.ts";
import { andel, hogstOre, hogstUppfyllt, lagstUppfyllt } from "./egetkapital.ts";
import { KF_RADER } from "./kassaflode.ts";
import { medlemsbelopp } from "./langsiktig.ts";

const kr = (ore: number | undefined) => (ore === undefined ? null : kronor(ore));
const bool = (b: boolean | undefined) => (b === undefined ? null : b ? 1 : 0);
/** A product of a share and an amount without binary noise (0.2 × 618 400 000 öre is 123 680 000 öre). */
const exakt = (x: number) => Number(x.toPrecision(15));

export const EKONOMI_FILER = [
  "ekonomi_drift.csv",
  "ekonomi_id.csv",
  "ekonomi_resultatrakning.csv",
  "ekonomi_balansrakning.csv",
  "ekonomi_kassaflode.csv",
  "ekonomi_noter.csv",
  "ekonomi_nyckeltal.csv",
  "ekonomi_medelstilldelning.csv",
  "ekonomi_langsiktig.csv",
  "ekonomi_eget_kapital.csv",
] as const;

const STATUSTEXT = { beslutad: "beslutad", askad: "askad", prognos: "prognos" } as const;

export function ekonomiFiler(resultat: readonly Ekonomiresultat[]): [string, string][] {
  const drift: Record<string, unknown>[] = [];
  const id: Record<string, unknown>[] = [];
  const rr: Record<string, unknown>[] = [];
  const br: Record<string, unknown>[] = [];
  const kf: Record<string, unknown>[] = [];
  const noter: Record<string, unknown>[] = [];
  const nyckeltal: Record<string, unknown>[] = [];
  const medel: Record<string, unknown>[] = [];
  const lang: Record<string, unknown>[] = [];
  const ek: Record<string, unknown>[] = [];
  for (const res of resultat) {
    const forbund = res.fe.forbund;
    for (const a of res.ar) {
      const bas = { forbund, ar: a.ar, till_datum: a.till };
      for (const d of a.drift) {
        drift.push({ ...bas, id: d.id, post: d.post, utfall: kr(d.utfallOre), budget: kr(d.budgetOre), aterstar: kr(aterstar(d)), forbrukad: forbrukad(d) ?? null, prognos: kr(d.prognosOre) });
        if (d.id !== "totalt") id.push({ forbund, ar: a.ar, id: d.id, namn: d.namn, post: d.post });
      }
      for (const r of a.rr) {
        rr.push({ ...bas, rad: r.rad, budget: kr(r.budgetOre), utfall: kr(r.utfallOre), avvikelse: r.budgetOre === undefined ? null : kr(r.utfallOre - r.budgetOre), prognos: kr(r.prognosOre), foregaende_ar: kr(r.foregaendeOre) });
      }
      for (const [datum, b] of [[a.till, a.br], [a.jamforelsedatum, a.brJamforelse]] as const) {
        if (!b) continue;
        for (const rad of BR_RADER) br.push({ ...bas, datum, rad, belopp: kr(b[rad]) });
      }
      if (a.kf) for (const rad of KF_RADER) kf.push({ ...bas, rad, belopp: kr(a.kf[rad]) });
      for (const n of a.noter) noter.push({ ...bas, not: n.not, rad: n.rad, belopp: kr(n.beloppOre), foregaende_ar: kr(n.foregaendeOre) });
      for (const n of a.nyckeltal) nyckeltal.push({ ...bas, matt: n.matt, varde: n.taljareOre / n.namnareOre, taljare: kr(n.taljareOre), namnare: kr(n.namnareOre) });
    }
    for (const m of res.medel) {
      for (const x of m.medlemmar) medel.push({ forbund, ar: m.ar, medlem: x.medlem, andel: x.andel ?? null, belopp: kr(medlemsbelopp(x, m) === undefined ? undefined : exakt(medlemsbelopp(x, m)!)), status: STATUSTEXT[x.status] });
      medel.push({ forbund, ar: m.ar, medlem: "totalt", andel: m.medlemmar.some((x) => x.andel !== undefined) ? exakt(m.medlemmar.reduce((s, x) => s + (x.andel ?? 0), 0)) : null, belopp: kr(m.totaltOre), status: STATUSTEXT[m.status] });
    }
    for (const l of res.langsiktig) {
      lang.push({
        forbund, ar: l.ar, medelstilldelning: kr(l.medelstilldelningOre), medelstilldelning_status: l.medelstilldelningStatus ? STATUSTEXT[l.medelstilldelningStatus] : null,
        budget: kr(l.budgetOre), budget_resultat: kr(l.budgetResultatOre), eget_kapital: kr(l.egetKapitalOre), eget_kapital_underlag: l.underlag ?? null,
      });
    }
    for (const e of res.egetKapital) {
      ek.push({
        forbund, ar: e.ar, datum: e.datum, underlag: e.underlag, eget_kapital: kr(e.egetKapitalOre), bas: e.bas, basbelopp: kr(e.basOre),
        andel: andel(e) ?? null, hogst_andel: e.hogstAndel, hogst_belopp: e.basOre === undefined ? null : exakt(hogstOre(e)!) / 100, hogst_uppfyllt: bool(hogstUppfyllt(e)),
        lagst_belopp: kr(e.lagstOre), lagst_uppfyllt: bool(lagstUppfyllt(e)),
      });
    }
  }
  // One ID per förbund and year (an ID is in the drift once a year).
  const idUnika = [...new Map(id.map((r) => [`${r.forbund}\u0000${r.ar}\u0000${r.id}`, r])).values()]
    .sort((a, b) => cmp(a.forbund, b.forbund) || (a.ar as number) - (b.ar as number) || jamforId(a.id as string, b.id as string));
  return [
    ["ekonomi_drift.csv", toCsv(drift, ["forbund", "ar", "till_datum", "id", "post", "utfall", "budget", "aterstar", "forbrukad", "prognos"])],
    ["ekonomi_id.csv", toCsv(idUnika, ["forbund", "ar", "id", "namn", "post"])],
    ["ekonomi_resultatrakning.csv", toCsv(rr, ["forbund", "ar", "till_datum", "rad", "budget", "utfall", "avvikelse", "prognos", "foregaende_ar"])],
    ["ekonomi_balansrakning.csv", toCsv(br, ["forbund", "ar", "till_datum", "datum", "rad", "belopp"])],
    ["ekonomi_kassaflode.csv", toCsv(kf, ["forbund", "ar", "till_datum", "rad", "belopp"])],
    ["ekonomi_noter.csv", toCsv(noter, ["forbund", "ar", "till_datum", "not", "rad", "belopp", "foregaende_ar"])],
    ["ekonomi_nyckeltal.csv", toCsv(nyckeltal, ["forbund", "ar", "till_datum", "matt", "varde", "taljare", "namnare"])],
    ["ekonomi_medelstilldelning.csv", toCsv(medel, ["forbund", "ar", "medlem", "andel", "belopp", "status"])],
    ["ekonomi_langsiktig.csv", toCsv(lang, ["forbund", "ar", "medelstilldelning", "medelstilldelning_status", "budget", "budget_resultat", "eget_kapital", "eget_kapital_underlag"])],
    ["ekonomi_eget_kapital.csv", toCsv(ek, ["forbund", "ar", "datum", "underlag", "eget_kapital", "bas", "basbelopp", "andel", "hogst_andel", "hogst_belopp", "hogst_uppfyllt", "lagst_belopp", "lagst_uppfyllt"])],
  ];
}

function cmp(a: unknown, b: unknown): number {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
