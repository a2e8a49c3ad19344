/**
 * Noter: the resultaträkning's intäkter per source and kostnader per kind for the year to the
 * report date, and the balansräkning's lines per kind at the date, each beside the same period
 * (date) a year earlier. A konto's note line is the one the settings give it, else its
 * Kommun-Bas kontogrupp (docs/definitioner/ekonomi.md). Statement signs, as in the
 * resultaträkning and balansräkning.
 */
import type { Kontorad } from "./installningar.ts";
import { arBalansrad } from "./kontoplan.ts";
import { arslage, harBokningar, radFor, type Rakenskap } from "./rakenskap.ts";
import { ettArTidigare, helAr } from "./rapportdatum.ts";
import type { Arslage } from "./saldon.ts";

export const NOTER = ["intakter", "kostnader", "finansiella_poster", "anlaggningstillgangar", "fordringar", "kortfristiga_placeringar", "kassa_och_bank", "avsattningar", "langfristiga_skulder", "kortfristiga_skulder"] as const;
export type Not = (typeof NOTER)[number];

export const NOT_RUBRIK: Record<Not, string> = {
  intakter: "Verksamhetens intäkter",
  kostnader: "Verksamhetens kostnader",
  finansiella_poster: "Finansiella poster",
  anlaggningstillgangar: "Anläggningstillgångar",
  fordringar: "Fordringar",
  kortfristiga_placeringar: "Kortfristiga placeringar",
  kassa_och_bank: "Kassa och bank",
  avsattningar: "Avsättningar",
  langfristiga_skulder: "Långfristiga skulder",
  kortfristiga_skulder: "Kortfristiga skulder",
};

export interface NotRad {
  readonly not: Not;
  readonly rad: string;
  readonly beloppOre: number | undefined;
  readonly foregaendeOre: number | undefined;
  /** Lowest konto on the line (the lines' order). */
  readonly forstaKonto: string;
}

function notFor(rad: Kontorad): Not | undefined {
  switch (rad) {
    case "medlemsbidrag":
    case "ovriga_intakter":
      return "intakter";
    case "verksamhetens_kostnader":
      return "kostnader";
    case "finansiella_intakter":
    case "finansiella_kostnader":
      return "finansiella_poster";
    case "extraordinara_poster":
    case "resultatdisposition":
    case "eget_kapital":
      return undefined;
    default:
      return rad;
  }
}

type Summor = Map<string, { not: Not; rad: string; ore: number; konto: string }>;

function lagg(s: Summor, not: Not, rad: string, konto: string, ore: number): void {
  const k = `${not}\u0000${rad}`;
  const v = s.get(k) ?? { not, rad, ore: 0, konto };
  v.ore += ore;
  if (konto < v.konto) v.konto = konto;
  s.set(k, v);
}

/** Result lines of the year to `till` (statement sign). */
function resultatnoter(r: Rakenskap, a: Arslage, till: string): Summor {
  const s: Summor = new Map();
  for (const b of a.bokningar) {
    if (b.datum > till) break;
    const not = notFor(radFor(r, b));
    if (not !== undefined && !arBalansrad(b.rad)) lagg(s, not, b.not, b.konto, -b.ore);
  }
  return s;
}

/** Balance lines at `datum` (statement sign: liabilities positive). */
function balansnoter(r: Rakenskap, a: Arslage, datum: string | undefined): Summor {
  const s: Summor = new Map();
  const tecken = (rad: Kontorad) => (rad === "avsattningar" || rad === "langfristiga_skulder" || rad === "kortfristiga_skulder" ? -1 : 1);
  const notAv = new Map<string, string>();
  for (const b of [...a.ib, ...a.bokningar]) notAv.set(b.konto, b.not);
  for (const b of r.fe.bokningar) if (!notAv.has(b.konto)) notAv.set(b.konto, b.not);
  for (const [konto, ore] of a.oppning) {
    const rad = r.radAv.get(konto)!;
    const not = notFor(rad);
    if (not !== undefined) lagg(s, not, notAv.get(konto)!, konto, tecken(rad) * ore);
  }
  if (datum !== undefined) {
    for (const b of a.bokningar) {
      if (b.datum > datum) break;
      const not = notFor(b.rad);
      if (not !== undefined && arBalansrad(b.rad)) lagg(s, not, b.not, b.konto, tecken(b.rad) * b.ore);
    }
  }
  return s;
}

/** The balance lines at `datum`: from that year, or at a year's end from the next year's opening. */
function balanserVid(r: Rakenskap, datum: string): Summor | undefined {
  if (!r.huvudbok.harBalanskonton) return undefined;
  const ar = Number(datum.slice(0, 4));
  const a = arslage(r, ar);
  const nasta = arslage(r, ar + 1);
  if (a && a.kand && (a.bokningar.length > 0 || !helAr(datum) || !nasta?.kand)) return balansnoter(r, a, datum);
  if (helAr(datum) && nasta?.kand) return balansnoter(r, nasta, undefined);
  return undefined;
}

export function noter(r: Rakenskap, ar: number, till: string): NotRad[] {
  const a = arslage(r, ar);
  if (!a) return [];
  const fgTill = ettArTidigare(till);
  const fgAr = arslage(r, ar - 1);
  const nu = resultatnoter(r, a, till);
  const fg = fgAr && harBokningar(r, ar - 1) ? resultatnoter(r, fgAr, fgTill) : undefined;
  const bNu = balanserVid(r, till);
  const bFg = balanserVid(r, fgTill);
  const ut: NotRad[] = [];
  const fyll = (nuS: Summor | undefined, fgS: Summor | undefined) => {
    const nycklar = new Set([...(nuS?.keys() ?? []), ...(fgS?.keys() ?? [])]);
    for (const k of nycklar) {
      const n = nuS?.get(k);
      const f = fgS?.get(k);
      const bas = (n ?? f)!;
      // A line that is zero in both periods (a konto used and reversed) is left out.
      if ((n?.ore ?? 0) === 0 && (f?.ore ?? 0) === 0) continue;
      ut.push({
        not: bas.not, rad: bas.rad,
        beloppOre: nuS ? (n?.ore ?? 0) : undefined,
        foregaendeOre: fgS ? (f?.ore ?? 0) : undefined,
        forstaKonto: [n?.konto, f?.konto].filter((x): x is string => x !== undefined).sort()[0]!,
      });
    }
  };
  fyll(nu, fg);
  fyll(bNu, bFg);
  ut.sort((x, y) => NOTER.indexOf(x.not) - NOTER.indexOf(y.not) || (x.forstaKonto < y.forstaKonto ? -1 : x.forstaKonto > y.forstaKonto ? 1 : 0) || (x.rad < y.rad ? -1 : 1));
  return ut;
}
