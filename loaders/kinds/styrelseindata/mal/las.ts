/**
 * Reads the verksamhetsplan's goals with the board's grading: målområde, goal, indicator,
 * target value, outcome, grading and comment, one row per goal or per indicator of a goal.
 * docs/indata.md, "Verksamhetsplanens mål".
 *
 * Tables as the reports lay them out are read as they are: a row with only a målområde (or a
 * goal cell starting "Målområde 2") is a heading for the goals under it; a row with an
 * indicator but no goal continues the goal above (merged cells in Excel); an empty målområde is
 * the one above. The year is the år column, else a year in the sheet's name, the title or the
 * goal column's header ("Mål och aktiviteter enligt 2018-års verksamhetsplan").
 */
import type { Findings } from "../../../validate/findings.ts";
import { rapporteraDubbletter, rapporteraOlasta, type Tabellslag } from "../kolumnfynd.ts";
import { cellText, harKolumn, hittaKolumner, Tabellfynd, type Faltspec, type Tabell } from "../tabellfil.ts";
import { publiceradText } from "../falt.ts";
import { visbartVarde } from "../personuppgifter.ts";
import { GODTAGNA_BEDOMNINGAR, tolkaBedomning, type Bedomning } from "./bedomning.ts";
import { labelKey } from "../../../normalise/labels.ts";

export type Malfalt = "forbund" | "ar" | "malomrade" | "mal_nr" | "mal" | "indikator" | "malvarde" | "utfall" | "bedomning" | "kommentar";

export const MALKOLUMNER: readonly Faltspec<Malfalt>[] = [
  { falt: "forbund", namn: ["förbund", "forbund", "forbund_id", "samordningsförbund", "företag"] },
  { falt: "ar", namn: ["år", "ar", "verksamhetsår", "verksamhetsplanens år", "planår"] },
  { falt: "malomrade", namn: ["målområde", "malomrade", "målområden", "område", "fokusområde", "strategiskt område", "perspektiv"] },
  { falt: "mal_nr", namn: ["mål nr", "målnummer", "mål-nr", "mål id", "mål-id", "nr", "nummer", "id"] },
  {
    falt: "mal",
    namn: ["mål", "mal", "verksamhetsmål", "mål och aktiviteter", "målformulering", "mål enligt verksamhetsplanen", "delmål", "aktivitet och mål"],
    borjar: ["mål och aktiviteter", "mål enligt", "verksamhetsmål", "mål för"],
  },
  { falt: "indikator", namn: ["indikator", "indikatorer", "mätetal", "mått", "nyckeltal", "indikator/mått", "hur mäts", "mätmetod"] },
  { falt: "malvarde", namn: ["målvärde", "malvarde", "mål värde", "målnivå", "önskat värde", "krav", "målsättning"] },
  { falt: "utfall", namn: ["utfall", "resultat", "utfall/resultat", "uppnått värde", "mätvärde", "redovisat utfall", "utfall år"] },
  {
    falt: "bedomning",
    namn: [
      "bedömning", "måluppfyllelse", "styrelsens bedömning", "status", "uppfyllt", "uppfyllt?", "bedömd måluppfyllelse",
      "grad av måluppfyllelse", "måluppfyllnad", "bedömning av måluppfyllelse",
    ],
    borjar: ["måluppfyllelse", "bedömning", "måluppfyllnad"],
  },
  { falt: "kommentar", namn: ["kommentar", "kommentarer", "analys", "beskrivning", "redovisning", "kommentar/analys", "motivering"] },
];

const spec = (f: Malfalt) => MALKOLUMNER.find((s) => s.falt === f)!;

/** The header of a goal table: a goal column and a grading column. */
export function arMalrubrik(keys: readonly string[]): boolean {
  return harKolumn(keys, spec("mal")) && harKolumn(keys, spec("bedomning"));
}

export interface Malrad {
  readonly forbund: string | undefined;
  readonly ar: string;
  readonly malomrade: string | undefined;
  /** The goal's number as written ("1", "MO4.3") or in the goal's text ("1. Finsam ..."); else numbered when merged. */
  readonly malNr: string | undefined;
  readonly mal: string;
  readonly indikator: string | undefined;
  readonly malvarde: string | undefined;
  readonly utfall: string | undefined;
  readonly bedomning: Bedomning;
  readonly kommentar: string | undefined;
  /** Continues the goal of the row above (another indicator of the same goal). */
  readonly fortsattning: boolean;
  readonly kalla: Tabell;
  readonly rad: number;
  readonly kolumner: Readonly<Partial<Record<Malfalt, number>>>;
}

export interface Malfil {
  readonly fil: string;
  readonly rader: readonly Malrad[];
}

const AR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;
const NUMMER = /^(?:mål\s*)?((?:[a-zåäö]{1,3}\s?)?\d+(?:\.\d+)*)\s*[.):]\s+/i;
const RUBRIK_OMRADE = /^målområde\s*\d/i;

export function lasMal(tabeller: readonly Tabell[], findings: Findings): Malfil | undefined {
  const rader: Malrad[] = [];
  let ok = true;
  for (const t of tabeller) {
    const r = lasTabell(t, findings);
    if (r) rader.push(...r);
    else ok = false;
  }
  return ok ? { fil: tabeller[0]!.fil, rader } : undefined;
}

const MALTABELL: Tabellslag = { regel: "mal", vems: "måltabellens", whose: "goal table's" };

function lasTabell(t: Tabell, findings: Findings): Malrad[] | undefined {
  const fynd = new Tabellfynd(t, findings);
  const kolumner = hittaKolumner(t.rubrik.celler, MALKOLUMNER);
  const { index } = kolumner;
  const rubrik = (i: number) => cellText(t.rubrik.celler[i]);
  rapporteraDubbletter(t, kolumner, fynd, MALTABELL);

  // The year: a column, else the sheet's name, the title, or the goal column's header.
  let arUtanKolumn: string | undefined;
  if (index.ar === undefined) {
    const kallor = [t.blad ?? "", ...t.titlar, index.mal !== undefined ? rubrik(index.mal) : ""];
    arUtanKolumn = kallor.map((k) => AR.exec(k)?.[1]).find((a) => a !== undefined);
    if (arUtanKolumn === undefined) {
      fynd.fel("mal.ar_saknas", t.rubrik.rad, undefined,
        "året saknas: förväntat en kolumn år (t.ex. 2024), eller året i bladets namn, i rubriken ovanför tabellen eller i målkolumnens rubrik",
        "missing year: expected a column år, or the year in the sheet name, the title or the goal column's header");
    }
  }
  if (fynd.harFel) {
    fynd.avsluta();
    return undefined;
  }
  rapporteraOlasta(t, kolumner, fynd, MALTABELL);

  const ut: Malrad[] = [];
  let omrade: string | undefined;
  let forbundOvan: string | undefined;
  let arOvan: string | undefined;
  let forra: Malrad | undefined;
  for (const r of t.rader) {
    const text = (f: Malfalt) => (index[f] !== undefined ? cellText(r.celler[index[f]!]) : "");
    let radOk = true;
    const publicerad = (f: Malfalt): string | undefined => {
      const v = text(f);
      if (v === "") return undefined;
      const p = publiceradText(v);
      if (p.ok) return p.varde;
      radOk = false;
      fynd.fel("mal.personnummer", r.rad, index[f], p.sv, p.en);
      return undefined;
    };
    const ifyllda = (Object.keys(index) as Malfalt[]).filter((f) => f !== "forbund" && f !== "ar" && text(f) !== "");
    // A heading: only the målområde, or a goal cell that names a målområde and nothing else.
    if (ifyllda.length === 1 && (ifyllda[0] === "malomrade" || (ifyllda[0] === "mal" && RUBRIK_OMRADE.test(text("mal"))))) {
      omrade = publicerad(ifyllda[0]);
      forra = undefined;
      continue;
    }
    if (text("malomrade") !== "") omrade = publicerad("malomrade");

    let ar = arUtanKolumn;
    if (index.ar !== undefined) {
      const a = text("ar");
      if (a === "" && arOvan !== undefined) ar = arOvan;
      else if (/^(19|20)\d{2}$/.test(a)) ar = a;
      else {
        radOk = false;
        fynd.fel("mal.ar", r.rad, index.ar, a === "" ? "år saknas; förväntat ett årtal, t.ex. 2024" : `år: förväntat ett årtal (t.ex. 2024), inte "${a}"`, "expected a year", visbartVarde(a));
      }
    }

    const tolkad = tolkaBedomning(text("bedomning"));
    if (!tolkad) {
      radOk = false;
      fynd.fel("mal.bedomning", r.rad, index.bedomning,
        `bedömningen "${visbartVarde(text("bedomning"))}" känns inte igen; förväntat ${GODTAGNA_BEDOMNINGAR}`, "grading not recognised", visbartVarde(text("bedomning")));
    }
    const fortsattning = text("mal") === "" && text("mal_nr") === "";
    if (fortsattning && !forra) {
      radOk = false;
      fynd.fel("mal.mal_saknas", r.rad, index.mal, "målet saknas; förväntat målets text (eller en rad under ett mål, med en till indikator för det)", "missing goal");
    }
    const mal = fortsattning ? forra?.mal : publicerad("mal");
    const indikator = publicerad("indikator");
    const malvarde = publicerad("malvarde");
    const utfall = publicerad("utfall");
    const kommentarer = [tolkad?.resten ?? "", text("kommentar")].filter((k) => k !== "");
    let kommentar: string | undefined;
    if (kommentarer.length > 0) {
      const p = publiceradText(kommentarer.join(" "));
      if (p.ok) kommentar = p.varde;
      else { radOk = false; fynd.fel("mal.personnummer", r.rad, text("kommentar") !== "" ? index.kommentar : index.bedomning, p.sv, p.en); }
    }
    let bedomning = tolkad?.bedomning;
    if (fortsattning && forra && bedomning !== undefined) {
      if (bedomning === "ej_bedomd") bedomning = forra.bedomning;
      else if (bedomning !== forra.bedomning && forra.bedomning !== "ej_bedomd") {
        radOk = false;
        fynd.fel("mal.bedomning_varierar", r.rad, index.bedomning,
          `samma mål bedöms ${forra.bedomning.replace("_", " ")} på rad ${forra.rad} men ${bedomning.replace("_", " ")} här; förväntat en bedömning per mål`,
          "one goal is graded differently on two rows", text("bedomning"));
      }
    }
    let malNr = fortsattning ? forra?.malNr : publicerad("mal_nr");
    if (!fortsattning && malNr === undefined && mal !== undefined) malNr = NUMMER.exec(mal)?.[1]?.replace(/\s/g, "");
    if (!radOk || ar === undefined || mal === undefined || bedomning === undefined) {
      if (!fortsattning) forra = undefined;
      continue;
    }
    const rad: Malrad = {
      forbund: text("forbund") === "" ? forbundOvan : text("forbund"),
      ar, malomrade: fortsattning ? forra?.malomrade : omrade, malNr, mal, indikator, malvarde, utfall, bedomning, kommentar,
      fortsattning, kalla: t, rad: r.rad, kolumner: index,
    };
    ut.push(rad);
    forbundOvan = rad.forbund;
    arOvan = rad.ar;
    if (!fortsattning) forra = rad;
  }
  if (ut.length === 0 && !fynd.harFel) {
    fynd.fel("mal.inga_rader", t.rubrik.rad, undefined, "tabellen har en rubrikrad men inga mål under den", "the table has a header but no goals");
  }
  const ok = !fynd.harFel;
  fynd.avsluta();
  return ok ? ut : undefined;
}

/** The key of a goal's number, for comparing "1", "1." and "Mål 1". */
export function malNrNyckel(nr: string): string {
  return labelKey(nr).replace(/^mal\s*/, "").replace(/[.)]$/, "");
}
