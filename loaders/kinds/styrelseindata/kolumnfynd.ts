/**
 * Findings about a table's header, the same for the activity log and the goal table: a field in
 * two columns is an error (which one is meant would be a guess); a column that is no field is not
 * read and never passed on, with a warning when it looks like names or personnummer (so that the
 * förbund can remove them from the file) and otherwise a note. Every column of the file is thus
 * either read or named in the validation report.
 */
import { personuppgiftIKolumn } from "./personuppgifter.ts";
import { cellText, type Kolumner, type Tabell, type Tabellfynd } from "./tabellfil.ts";

export interface Tabellslag {
  /** Rule prefix: `mal`, `personalinriktade`. */
  readonly regel: string;
  /** The table in the genitive, Swedish and English: "måltabellens", "goal table's". */
  readonly vems: string;
  readonly whose: string;
  /** Appended to the personal-data warning (Swedish), e.g. " — aktivitetsloggen ska bara ha antal". */
  readonly personuppgiftTillagg?: string;
}

const rubrik = (t: Tabell, i: number) => cellText(t.rubrik.celler[i]);

/** A field in two columns: an error at the second. */
export function rapporteraDubbletter<F extends string>(t: Tabell, kolumner: Kolumner<F>, fynd: Tabellfynd, slag: Tabellslag): void {
  for (const d of kolumner.dubbletter) {
    fynd.fel(`${slag.regel}.dubbel_kolumn`, t.rubrik.rad, d.andra,
      `kolumnen "${rubrik(t, d.andra)}" är samma uppgift (${d.falt}) som kolumn ${d.forsta + 1} ("${rubrik(t, d.forsta)}"); förväntat en kolumn per uppgift`,
      `column ${d.andra + 1} holds the same field (${d.falt}) as column ${d.forsta + 1}`);
  }
}

/** The columns that are no field: not read, named in the report (a warning when they look like personal data). */
export function rapporteraOlasta<F extends string>(t: Tabell, kolumner: Kolumner<F>, fynd: Tabellfynd, slag: Tabellslag): void {
  for (const i of kolumner.okanda) {
    const slagAv = personuppgiftIKolumn(rubrik(t, i), t.rader.map((r) => cellText(r.celler[i])));
    if (slagAv) {
      fynd.lagg("varning", `${slag.regel}.personuppgifter`, t.rubrik.rad, i,
        `kolumnen ser ut att innehålla ${slagAv === "namn" ? "namn på personer" : "personnummer"}; den läses inte och förs aldrig vidare${slag.personuppgiftTillagg ?? ""}`,
        `the column looks like ${slagAv === "namn" ? "names of people" : "personnummer"}; it is not read and never passed on`);
    } else {
      fynd.lagg("info", `${slag.regel}.kolumn_lases_inte`, t.rubrik.rad, i,
        `kolumnen läses inte (den är ingen av ${slag.vems} uppgifter) och förs inte vidare`,
        `the column is not one of the ${slag.whose} fields; it is not read`);
    }
  }
}
