/**
 * "All statistik redovisas könsuppdelad": measured on this run's published tables. Every table
 * of statistics about people (docs/definitioner/styrelseindata.md lists which) that has rows for
 * the goal's year (and förbund, when the table has a förbund column) must show women and men
 * apart: a `kon` column with both `kvinnor` and `man` among those rows, or columns `kvinnor` and
 * `man`. The measured value is the number of such tables that do; the goal asks for all.
 */
import type { Utdatatabell } from "../../../../publish/schema.ts";
import type { Indikatorregel, Indikatortraff, Malref } from "../matregler.ts";

/** Outputs that are not statistics about people: reference data, the validation report, goals, the economy. */
const INTE_PERSONSTATISTIK = new Set(["indelning", "datakvalitet", "indatafiler", "mal", "mal_bedomning", "mal_matningar"]);
const INTE_PERSONSTATISTIK_PREFIX = ["ekonomi"];

/** Does a published output table hold statistics about people (and so should be split by kön)? */
export function arPersonstatistik(t: Utdatatabell): boolean {
  const namn = t.schema.namn;
  return t.schema.intern !== true && !INTE_PERSONSTATISTIK.has(namn) && !INTE_PERSONSTATISTIK_PREFIX.some((p) => namn.startsWith(p));
}

export interface Konsdelning {
  /** The table has rows for the year (and förbund). */
  readonly harRader: boolean;
  /** Those rows show women and men apart. */
  readonly delad: boolean;
}

/** Does an output table show women and men apart in `mal`'s year (and förbund)? */
export function konsdelning(t: Utdatatabell, mal: Malref): Konsdelning {
  const namn = new Set(t.tabell.columnNames());
  const kolumn = (n: string) => (namn.has(n) ? t.tabell.column(n)! : undefined);
  const forbund = kolumn("forbund");
  const tid = ["ar", "period", "manad", "halvar"].map(kolumn).find((k) => k !== undefined);
  const [fran, till] = [kolumn("fran"), kolumn("till")];
  const kon = kolumn("kon");
  const text = (k: { at(i: number): unknown }, i: number) => String(k.at(i) ?? "");
  const konsvarden = new Set<string>();
  let harRader = false;
  for (const i of t.tabell.indices()) {
    if (forbund && text(forbund, i) !== mal.forbund) continue;
    const iAret = tid
      ? text(tid, i).startsWith(mal.ar)
      : fran && till ? text(fran, i).slice(0, 4) <= mal.ar && mal.ar <= text(till, i).slice(0, 4) : true;
    if (!iAret) continue;
    harRader = true;
    if (!kon) break;
    konsvarden.add(text(kon, i));
    if (konsvarden.has("kvinnor") && konsvarden.has("man")) break;
  }
  const delad = harRader && ((konsvarden.has("kvinnor") && konsvarden.has("man")) || (namn.has("kvinnor") && namn.has("man")));
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
        const tabeller = underlag.publicerade.filter(arPersonstatistik)
          .map((t) => ({ fil: `${t.schema.namn}.csv`, ...konsdelning(t, mal) }))
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
