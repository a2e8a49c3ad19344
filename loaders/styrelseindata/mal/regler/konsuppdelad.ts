/**
 * "All statistik redovisas könsuppdelad": measured on this run's published tables. Every table
 * of statistics about people (docs/definitioner/styrelseindata.md lists which) that has rows for
 * the goal's year (and förbund, when the table has a förbund column) must show women and men
 * apart: a `kon` column with both `kvinnor` and `man` among those rows, or columns `kvinnor` and
 * `man`. The measured value is the number of such tables that do; the goal asks for all.
 */
import { csvParseRows } from "d3-dsv";
import type { Indikatorregel, Indikatortraff, Malref } from "../matregler.ts";

/** Outputs that are not statistics about people: reference data, the validation report, goals, the economy. */
const INTE_PERSONSTATISTIK = new Set([
  "indelning.csv", "datakvalitet.csv", "indatafiler.csv", "mal.csv", "mal_bedomning.csv", "mal_matningar.csv",
  // Only written by `finsam run --intern`; never published.
  "insatser_utfall.csv",
]);
const INTE_PERSONSTATISTIK_PREFIX = ["ekonomi"];

/** Does a published output hold statistics about people (and so should be split by kön)? */
export function arPersonstatistik(fil: string): boolean {
  return fil.endsWith(".csv") && !INTE_PERSONSTATISTIK.has(fil) && !INTE_PERSONSTATISTIK_PREFIX.some((p) => fil.startsWith(p));
}

export interface Konsdelning {
  /** The table has rows for the year (and förbund). */
  readonly harRader: boolean;
  /** Those rows show women and men apart. */
  readonly delad: boolean;
}

/** Does `text` (a tidy CSV) show women and men apart in `mal`'s year (and förbund)? */
export function konsdelning(text: string, mal: Malref): Konsdelning {
  let k = { forbund: -1, tid: -1, fran: -1, till: -1, kon: -1, kvinnorOchMan: false };
  const konsvarden = new Set<string>();
  let harRader = false;
  const rad = (r: readonly string[], i: number): void => {
    if (i === 0) {
      const kol = (n: string) => r.indexOf(n);
      k = {
        forbund: kol("forbund"), tid: ["ar", "period", "manad", "halvar"].map(kol).find((x) => x >= 0) ?? -1,
        fran: kol("fran"), till: kol("till"), kon: kol("kon"), kvinnorOchMan: kol("kvinnor") >= 0 && kol("man") >= 0,
      };
      return;
    }
    if (k.forbund >= 0 && r[k.forbund] !== mal.forbund) return;
    const iAret = k.tid >= 0
      ? (r[k.tid] ?? "").startsWith(mal.ar)
      : k.fran >= 0 && k.till >= 0 ? (r[k.fran] ?? "").slice(0, 4) <= mal.ar && mal.ar <= (r[k.till] ?? "").slice(0, 4) : true;
    if (!iAret) return;
    harRader = true;
    if (k.kon >= 0) konsvarden.add(r[k.kon] ?? "");
  };
  if (text.includes('"')) {
    // Quoted fields (which may hold commas and line breaks): the full CSV parser, keeping nothing.
    csvParseRows(text, (r, i) => {
      rad(r, i);
      return null;
    });
  } else {
    // No quotes, so one line is one row: the national tables (millions of rows) are split only
    // where a line can belong to the year at all.
    let start = 0;
    for (let i = 0; start < text.length; i++) {
      let slut = text.indexOf("\n", start);
      if (slut < 0) slut = text.length;
      const linje = text.slice(start, slut);
      start = slut + 1;
      if (linje === "" || (i > 0 && k.tid >= 0 && !linje.includes(mal.ar))) continue;
      rad(linje.split(","), i);
    }
  }
  const delad = harRader && ((konsvarden.has("kvinnor") && konsvarden.has("man")) || k.kvinnorOchMan);
  return { harRader, delad };
}

const MONSTER = /köns?uppdelad[et]?|könsuppdelning|uppdelad[e]? (?:efter|på|per) kön|(?:redovisas|presenteras|redovisad) (?:efter|per|på) kön/gu;

export const konsuppdelad: Indikatorregel = {
  id: "konsuppdelad",
  beskrivning: "andelen publicerade tabeller med statistik om personer som är uppdelade på kön, för året",
  hitta(text: string): Indikatortraff[] {
    const m = MONSTER.exec(text);
    MONSTER.lastIndex = 0;
    if (!m) return [];
    return [{
      regel: "konsuppdelad",
      indikator: m[0],
      krav: "alla tabeller med statistik om personer uppdelade på kön",
      mat(mal, underlag) {
        const tabeller = [...underlag.publicerade].filter(([fil]) => arPersonstatistik(fil))
          .map(([fil, text]) => ({ fil, ...konsdelning(text, mal) }))
          .filter((t) => t.harRader)
          .sort((a, b) => (a.fil < b.fil ? -1 : a.fil > b.fil ? 1 : 0));
        if (tabeller.length === 0) {
          return { varde: undefined, grans: undefined, uppfyllt: undefined, underlag: `kan inte mätas: inga publicerade tabeller med statistik om personer har uppgifter för ${mal.ar}` };
        }
        const odelade = tabeller.filter((t) => !t.delad).map((t) => t.fil);
        const delade = tabeller.length - odelade.length;
        return {
          varde: delade, grans: tabeller.length, uppfyllt: odelade.length === 0,
          underlag: odelade.length === 0
            ? `alla ${tabeller.length} publicerade tabeller med statistik om personer ${mal.ar} är uppdelade på kön`
            : `${delade} av ${tabeller.length} publicerade tabeller med statistik om personer ${mal.ar} är uppdelade på kön; utan uppdelning: ${odelade.join(", ")}`,
        };
      },
    }];
  },
};
