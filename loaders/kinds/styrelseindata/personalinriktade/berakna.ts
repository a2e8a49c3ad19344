/**
 * From the activity log's rows to activities and years (docs/definitioner/styrelseindata.md):
 *
 * - An **aktivitet** is one förbund's rows in one calendar year with the same name (compared by
 *   label key) and round: "Grundutbildning i lösningsfokus", omgång 5 and omgång 6 are two
 *   activities; five After Work evenings logged as five rows are one activity with five
 *   tillfällen.
 * - **tillfällen**: the rows' occasions (1 per row unless the row says more).
 * - **deltagare**: participant occasions, the sum over the rows: a person who comes three times
 *   counts three times.
 * - **unika**: unique participants of the activity, given once for the activity (on any of its
 *   rows, or the same figure on several); never summed over activities, since one person can
 *   take part in several.
 */
import { labelKey } from "../../../normalise/labels.ts";
import type { Datum } from "../../../normalise/datum.ts";
import type { Findings } from "../../../validate/findings.ts";
import { Tabellfynd } from "../tabellfil.ts";
import { Forbundsupplosare, type Forbundstolkare } from "../forbund.ts";
import { AKTIVITETSTYPER, TYPNAMN, type Aktivitetstyp } from "./typer.ts";
import type { Aktivitetsfil, Aktivitetsrad } from "./las.ts";

export interface Aktivitet {
  readonly forbund: string;
  readonly ar: string;
  /** The name as written on the activity's first row. */
  readonly aktivitet: string;
  readonly omgang: string | undefined;
  readonly typ: Aktivitetstyp;
  /** Target groups of the rows, distinct, in order of appearance, joined with "; ". */
  readonly malgrupp: string | undefined;
  readonly forstaDatum: Datum;
  readonly sistaDatum: Datum;
  readonly tillfallen: number;
  readonly deltagare: number;
  readonly unika: number | undefined;
}

export interface Arssumma {
  readonly forbund: string;
  readonly ar: string;
  /** A type, or "totalt" for every activity of the year. */
  readonly typ: Aktivitetstyp | "totalt";
  readonly aktiviteter: number;
  readonly tillfallen: number;
  readonly deltagare: number;
}

export interface Personalinriktade {
  readonly aktiviteter: readonly Aktivitet[];
  readonly ar: readonly Arssumma[];
}

export interface Forbundsrad extends Aktivitetsrad {
  readonly forbundId: string;
}

/** One finding at a row of the log, with the cell of `falt`. */
function felVid(findings: Findings, r: Aktivitetsrad, falt: keyof Aktivitetsrad["kolumner"] | undefined, regel: string, sv: string, en: string, varde?: string, allvar: "fel" | "varning" = "fel"): void {
  new Tabellfynd(r.kalla, findings).lagg(allvar, regel, r.rad, falt ? r.kolumner[falt] : undefined, sv, en, varde);
}

/**
 * Merges the files: each row gets its förbund; the same occasion (förbund, date, name, round)
 * in two files is an error. Undefined when anything is wrong.
 */
export function slaIhopAktiviteter(filer: readonly Aktivitetsfil[], tolkare: Forbundstolkare, findings: Findings): Forbundsrad[] | undefined {
  const forbund = new Forbundsupplosare(tolkare, "personalinriktade.forbund", findings);
  let ok = true;
  const ut: Forbundsrad[] = [];
  const sedda = new Map<string, Aktivitetsrad>();
  for (const f of filer) {
    for (const r of f.rader) {
      const id = forbund.id(r);
      if (id === undefined) {
        ok = false;
        continue;
      }
      const nyckel = JSON.stringify([id, r.datum, labelKey(r.aktivitet), r.omgang ?? ""]);
      const forra = sedda.get(nyckel);
      if (forra && forra.kalla.fil !== r.kalla.fil) {
        ok = false;
        felVid(findings, r, "aktivitet", "personalinriktade.dubblett_filer",
          `samma tillfälle (${id}, ${r.datum}, "${r.aktivitet}"${r.omgang ? `, omgång ${r.omgang}` : ""}) finns också i ${forra.kalla.fil} rad ${forra.rad}; förväntat varje tillfälle i en fil`,
          `the same occasion is also in ${forra.kalla.fil} line ${forra.rad}`);
        continue;
      }
      if (forra) {
        felVid(findings, r, "aktivitet", "personalinriktade.samma_dag",
          `samma aktivitet och omgång finns redan den ${r.datum} på rad ${forra.rad}; raderna räknas som två tillfällen — ta bort den ena om den är en dubblett`,
          `the same activity and round already has a row on ${r.datum} (line ${forra.rad}); both are counted`, undefined, "varning");
      } else sedda.set(nyckel, r);
      ut.push({ ...r, forbundId: id });
    }
  }
  return ok ? ut : undefined;
}

/** Activities and yearly sums; undefined when an activity's rows disagree (type, unique participants). */
export function beraknaPersonalinriktade(rader: readonly Forbundsrad[], findings: Findings): Personalinriktade | undefined {
  const grupper = new Map<string, Forbundsrad[]>();
  for (const r of rader) {
    const k = JSON.stringify([r.forbundId, r.datum.slice(0, 4), labelKey(r.aktivitet), r.omgang ?? ""]);
    const g = grupper.get(k);
    if (g) g.push(r);
    else grupper.set(k, [r]);
  }
  let ok = true;
  const aktiviteter: Aktivitet[] = [];
  for (const g of grupper.values()) {
    const forsta = g[0]!;
    const annanTyp = g.find((r) => r.typ !== forsta.typ);
    if (annanTyp) {
      ok = false;
      felVid(findings, annanTyp, "typ", "personalinriktade.typ_varierar",
        `aktiviteten "${forsta.aktivitet}"${forsta.omgang ? ` omgång ${forsta.omgang}` : ""} har typen ${TYPNAMN[forsta.typ]} på rad ${forsta.rad} men ${TYPNAMN[annanTyp.typ]} här; förväntat samma typ på alla rader för en aktivitet (eller olika namn eller omgångar)`,
        "the rows of one activity have different types");
      continue;
    }
    const medUnika = g.filter((r) => r.unika !== undefined);
    const annatUnika = medUnika.find((r) => r.unika !== medUnika[0]!.unika);
    if (annatUnika) {
      ok = false;
      felVid(findings, annatUnika, "unika", "personalinriktade.unika_varierar",
        `aktiviteten "${forsta.aktivitet}" har ${medUnika[0]!.unika} unika deltagare på rad ${medUnika[0]!.rad} men ${annatUnika.unika} här; unika deltagare gäller hela aktiviteten under året — ange talet en gång (eller samma tal på alla rader)`,
        "the rows of one activity give different numbers of unique participants");
      continue;
    }
    const deltagare = g.reduce((s, r) => s + r.deltagare, 0);
    const unika = medUnika[0]?.unika;
    if (unika !== undefined && unika > deltagare) {
      ok = false;
      felVid(findings, medUnika[0]!, "unika", "personalinriktade.unika_fler",
        `aktiviteten "${forsta.aktivitet}" har ${unika} unika deltagare men bara ${deltagare} deltagare på sina rader; en person räknas minst en gång bland deltagarna`,
        `unique participants (${unika}) exceed the activity's participants (${deltagare})`);
      continue;
    }
    const datum = g.map((r) => r.datum).sort();
    const malgrupper = [...new Set(g.flatMap((r) => (r.malgrupp ? [r.malgrupp] : [])))];
    aktiviteter.push({
      forbund: forsta.forbundId, ar: forsta.datum.slice(0, 4), aktivitet: forsta.aktivitet, omgang: forsta.omgang, typ: forsta.typ,
      malgrupp: malgrupper.length > 0 ? malgrupper.join("; ") : undefined,
      forstaDatum: datum[0]!, sistaDatum: datum.at(-1)!,
      tillfallen: g.reduce((s, r) => s + r.tillfallen, 0), deltagare, unika,
    });
  }
  if (!ok) return undefined;
  aktiviteter.sort((a, b) => cmp(a.forbund, b.forbund) || cmp(a.ar, b.ar) || cmp(a.forstaDatum, b.forstaDatum)
    || cmp(labelKey(a.aktivitet), labelKey(b.aktivitet)) || omgangCmp(a.omgang, b.omgang));
  return { aktiviteter, ar: arssummor(aktiviteter) };
}

/** Per förbund and year: each type present, then "totalt". */
export function arssummor(aktiviteter: readonly Aktivitet[]): Arssumma[] {
  const ut = new Map<string, { forbund: string; ar: string; typ: Aktivitetstyp | "totalt"; aktiviteter: number; tillfallen: number; deltagare: number }>();
  for (const a of aktiviteter) {
    for (const typ of [a.typ, "totalt"] as const) {
      const k = JSON.stringify([a.forbund, a.ar, typ]);
      const s = ut.get(k) ?? { forbund: a.forbund, ar: a.ar, typ, aktiviteter: 0, tillfallen: 0, deltagare: 0 };
      s.aktiviteter += 1;
      s.tillfallen += a.tillfallen;
      s.deltagare += a.deltagare;
      ut.set(k, s);
    }
  }
  const ordning = (t: Aktivitetstyp | "totalt") => (t === "totalt" ? AKTIVITETSTYPER.length : AKTIVITETSTYPER.indexOf(t));
  return [...ut.values()].sort((a, b) => cmp(a.forbund, b.forbund) || cmp(a.ar, b.ar) || ordning(a.typ) - ordning(b.typ));
}

function omgangCmp(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  const [na, nb] = [Number(a), Number(b)];
  if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb;
  return cmp(a, b);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
