/**
 * The columns of the economy inputs, by the names ekonomisystem and people use for them
 * (compared by label key: case, accents and spaces do not matter), and how a file is recognised
 * as a ledger, a budget, a medelstilldelning or a reported table from its header alone.
 */
import { labelKey } from "../../normalise/labels.ts";

/** Accepted names per field; for several matching columns the first name in the list wins. */
export const HUVUDBOK_KOLUMNER = {
  forbund: ["förbund", "företag", "företagsnamn", "bolag", "organisation", "samordningsförbund"],
  id: ["id", "id-nummer", "id nr", "ansvar", "projekt", "verksamhet", "kostnadsställe", "kst", "aktivitet", "objekt"],
  idnamn: ["id-namn", "id namn", "id-text", "idtext", "id text", "benämning", "ansvarstext", "ansvar text", "projektnamn", "projekttext", "verksamhetstext", "namn"],
  konto: ["konto", "kontonr", "konto nr", "kontonummer", "kto", "baskonto"],
  kontonamn: ["kontonamn", "kontotext", "konto text", "kontobenämning", "kontobeskrivning"],
  belopp: ["belopp", "belopp kr", "belopp (kr)", "belopp sek", "belopp tkr", "belopp (tkr)", "utfall", "utfall kr", "utfall (kr)", "utfall tkr", "utfall (tkr)", "saldo", "summa"],
  debet: ["debet", "debet kr", "debet (kr)"],
  kredit: ["kredit", "kredit kr", "kredit (kr)"],
  datum: ["datum", "bokföringsdatum", "bokf datum", "bokf.datum", "bokföringsdag", "verifikationsdatum", "ver datum", "verdatum", "transaktionsdatum"],
  period: ["period", "bokföringsperiod", "redovisningsperiod", "månad", "år-mån", "årmånad"],
  ar: ["år", "räkenskapsår", "bokföringsår"],
  typ: ["typ", "vertyp", "verifikationstyp", "transaktionstyp", "radtyp"],
} as const;

export const BUDGET_KOLUMNER = {
  forbund: HUVUDBOK_KOLUMNER.forbund,
  id: HUVUDBOK_KOLUMNER.id,
  idnamn: [...HUVUDBOK_KOLUMNER.idnamn, "beskrivning"],
  konto: HUVUDBOK_KOLUMNER.konto,
  kontonamn: HUVUDBOK_KOLUMNER.kontonamn,
  ar: ["år", "budgetår", "räkenskapsår"],
  budget: ["årsbudget", "budget", "årsbudget kr", "årsbudget (kr)", "årsbudget tkr", "årsbudget (tkr)", "budget kr", "budget (kr)", "budget tkr", "budget (tkr)", "budgetbelopp"],
  prognos: ["prognos", "prognos kr", "prognos (kr)", "prognos tkr", "prognos (tkr)", "helårsprognos", "årsprognos"],
  prognosdatum: ["prognosdatum", "prognos per", "prognosens datum", "prognos datum"],
} as const;

export const MEDEL_KOLUMNER = {
  forbund: HUVUDBOK_KOLUMNER.forbund,
  ar: ["år", "budgetår"],
  medlem: ["medlem", "huvudman", "part", "medlemsorganisation", "finansiär"],
  andel: ["andel", "andel (%)", "andel %", "andel i procent", "procent", "fördelning", "fördelning (%)"],
  belopp: ["belopp", "belopp kr", "belopp (kr)", "belopp tkr", "belopp (tkr)", "medelstilldelning", "medelstilldelning kr", "medelstilldelning (kr)", "medelstilldelning (tkr)", "tilldelning", "bidrag", "bidrag kr", "bidrag (kr)"],
  status: ["status", "beslut", "typ av belopp"],
} as const;

export const RAPPORT_KOLUMNER = {
  forbund: HUVUDBOK_KOLUMNER.forbund,
  rapport: ["rapport", "dokument", "källa"],
  tabell: ["tabell"],
  typ: ["typ", "tabelltyp"],
  till_datum: ["till_datum", "till datum", "rapportdatum", "per", "datum"],
  rad: ["rad", "radrubrik", "post"],
  kolumn: ["kolumn", "kolumnrubrik"],
  varde: ["varde", "värde", "belopp", "tryckt värde"],
  enhet: ["enhet"],
} as const;

export type Kolumnindex<K extends string> = Partial<Record<K, number>>;

/** 0-based column of each field (the first accepted name present, in the order of its list). */
export function hittaKolumner<K extends string>(nycklar: readonly string[], def: Record<K, readonly string[]>): Kolumnindex<K> {
  const ut: Kolumnindex<K> = {};
  const tagna = new Set<number>();
  for (const [falt, namn] of Object.entries(def) as [K, readonly string[]][]) {
    for (const n of namn) {
      const i = nycklar.findIndex((h, j) => !tagna.has(j) && h === labelKey(n));
      if (i >= 0) {
        ut[falt] = i;
        tagna.add(i);
        break;
      }
    }
  }
  return ut;
}

/** Columns named `Årsbudget 2025`, `Budget 2024 (tkr)`, `Prognos 2025`: a budget per year side by side. */
export const ARSKOLUMN = /^(arsbudget|budget|prognos)\s*(\d{4})(?:\s*\((k?r|tkr)\))?(?:\s*(tkr|kr))?$/;

export function harArskolumner(nycklar: readonly string[]): boolean {
  return nycklar.some((h) => ARSKOLUMN.exec(h)?.[1] !== "prognos" && ARSKOLUMN.test(h));
}

const har = (nycklar: readonly string[], namn: readonly string[]) => namn.some((n) => nycklar.includes(labelKey(n)));

export type Ekonomisort = "huvudbok" | "budget" | "medelstilldelning" | "rapporterat";

/** The kind of economy input a header belongs to, or undefined. */
export function ekonomisort(nycklar: readonly string[]): Ekonomisort | undefined {
  const H = HUVUDBOK_KOLUMNER;
  if (har(nycklar, RAPPORT_KOLUMNER.tabell) && har(nycklar, RAPPORT_KOLUMNER.rad) && har(nycklar, RAPPORT_KOLUMNER.kolumn) && har(nycklar, RAPPORT_KOLUMNER.varde)) {
    return "rapporterat";
  }
  const belopp = har(nycklar, H.belopp) || (har(nycklar, H.debet) && har(nycklar, H.kredit));
  if (har(nycklar, H.konto) && belopp && (har(nycklar, H.datum) || har(nycklar, H.period))) return "huvudbok";
  if (har(nycklar, BUDGET_KOLUMNER.id) && (har(nycklar, BUDGET_KOLUMNER.budget) || harArskolumner(nycklar)) && !har(nycklar, H.datum)) return "budget";
  if (har(nycklar, MEDEL_KOLUMNER.medlem) && (har(nycklar, MEDEL_KOLUMNER.andel) || har(nycklar, MEDEL_KOLUMNER.belopp))) return "medelstilldelning";
  return undefined;
}

/** Amounts in tkr when the column's header says so (`Belopp (tkr)`, `Årsbudget tkr`). */
export function enhetFranRubrik(rubrik: string): "kr" | "tkr" {
  return /\btkr\b/.test(labelKey(rubrik)) ? "tkr" : "kr";
}
