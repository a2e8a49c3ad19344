/**
 * Reads the activity log (personalinriktade insatser): one row per activity or occasion with
 * date, name, type, round, participants and, where known, unique participants and target group.
 * docs/indata.md, "Personalinriktade insatser".
 */
import type { Datum } from "../../../normalise/datum.ts";
import type { Findings } from "../../../validate/findings.ts";
import { rapporteraDubbletter, rapporteraOlasta, type Tabellslag } from "../kolumnfynd.ts";
import { cellText, harKolumn, hittaKolumner, Tabellfynd, type Faltspec, type Tabell } from "../tabellfil.ts";
import { idagISverige, publiceradText, tolkaAntal, tolkaDatumcell } from "../falt.ts";
import { kolumnSerUtSomNamn, visbartVarde } from "../personuppgifter.ts";
import { GODTAGNA_TYPER, tolkaTyp, type Aktivitetstyp } from "./typer.ts";

export type Aktivitetsfalt = "forbund" | "datum" | "aktivitet" | "typ" | "omgang" | "tillfallen" | "deltagare" | "unika" | "malgrupp";

export const AKTIVITETSKOLUMNER: readonly Faltspec<Aktivitetsfalt>[] = [
  { falt: "forbund", namn: ["förbund", "forbund", "forbund_id", "samordningsförbund", "företag"] },
  {
    falt: "datum",
    namn: ["datum", "dag", "datum för aktiviteten", "aktivitetsdatum", "genomförd", "genomfördes", "genomförandedatum", "tidpunkt", "startdatum"],
  },
  {
    falt: "aktivitet",
    namn: [
      "aktivitet", "aktivitetens namn", "namn på aktiviteten", "namn på aktivitet", "aktivitetsnamn", "benämning", "utbildning",
      "utbildningsinsats", "utbildningsinsatser", "insats", "insatsens namn", "personalinriktad insats", "personalinriktade insatser",
      "kurs", "kursnamn", "titel", "rubrik", "tema",
    ],
    svaga: ["namn"],
  },
  { falt: "typ", namn: ["typ", "aktivitetstyp", "typ av aktivitet", "typ av insats", "insatstyp", "kategori", "form", "slag"] },
  { falt: "omgang", namn: ["omgång", "omg", "omg.", "kursomgång", "omgång nr", "omgångsnummer", "nr"] },
  { falt: "tillfallen", namn: ["tillfällen", "antal tillfällen", "träffar", "antal träffar", "antal gånger"] },
  {
    falt: "deltagare",
    namn: [
      "deltagare", "antal deltagare", "deltagarantal", "antal", "närvarande", "antal närvarande", "åhörare", "antal åhörare",
      "deltagartillfällen", "antal deltagartillfällen", "deltagare totalt", "totalt antal deltagare",
    ],
  },
  { falt: "unika", namn: ["unika deltagare", "antal unika deltagare", "unika", "antal unika", "unika personer", "antal unika personer"] },
  { falt: "malgrupp", namn: ["målgrupp", "malgrupp", "målgrupper", "riktad till", "för vem", "deltagargrupp"] },
];

const spec = (f: Aktivitetsfalt) => AKTIVITETSKOLUMNER.find((s) => s.falt === f)!;

/** The header of an activity log: a participant count, a type, and a name or a date. */
export function arAktivitetsrubrik(keys: readonly string[]): boolean {
  const har = (f: Aktivitetsfalt) => harKolumn(keys, spec(f));
  return har("deltagare") && har("typ") && (har("aktivitet") || har("datum"));
}

export interface Aktivitetsrad {
  /** The förbund as written (id or name); resolved against the membership when merged. */
  readonly forbund: string | undefined;
  readonly datum: Datum;
  readonly aktivitet: string;
  readonly typ: Aktivitetstyp;
  readonly omgang: string | undefined;
  readonly tillfallen: number;
  readonly deltagare: number;
  readonly unika: number | undefined;
  readonly malgrupp: string | undefined;
  readonly kalla: Tabell;
  readonly rad: number;
  readonly kolumner: Readonly<Partial<Record<Aktivitetsfalt, number>>>;
}

export interface Aktivitetsfil {
  readonly fil: string;
  readonly rader: readonly Aktivitetsrad[];
}

const KRAVDA: readonly Aktivitetsfalt[] = ["datum", "aktivitet", "typ", "deltagare"];

/** `5`, `5:e`, `omgång 5`, `omg. 5` -> `5`; any other text as written. */
export function tolkaOmgang(text: string): string {
  const m = /^(?:omg(?:ång)?\.?\s*)?(\d+)(?::?e|:a)?(?:\s*omg(?:ången|ång)?\.?)?$/i.exec(text.trim());
  return m ? String(Number(m[1])) : text.trim();
}

/**
 * The rows of one or more tables of one file (a CSV, or the sheets of a workbook); undefined
 * when any cell is wrong (every wrong cell has a finding).
 */
export function lasAktiviteter(tabeller: readonly Tabell[], findings: Findings, idag: Datum = idagISverige()): Aktivitetsfil | undefined {
  const rader: Aktivitetsrad[] = [];
  let ok = true;
  for (const t of tabeller) {
    const r = lasTabell(t, findings, idag);
    if (r) rader.push(...r);
    else ok = false;
  }
  return ok ? { fil: tabeller[0]!.fil, rader } : undefined;
}

const AKTIVITETSLOGG: Tabellslag = { regel: "personalinriktade", vems: "aktivitetsloggens", whose: "activity log's", personuppgiftTillagg: " — aktivitetsloggen ska bara ha antal" };

function lasTabell(t: Tabell, findings: Findings, idag: Datum): Aktivitetsrad[] | undefined {
  const fynd = new Tabellfynd(t, findings);
  const kolumner = hittaKolumner(t.rubrik.celler, AKTIVITETSKOLUMNER);
  const { index } = kolumner;
  rapporteraDubbletter(t, kolumner, fynd, AKTIVITETSLOGG);

  const saknas = KRAVDA.filter((f) => index[f] === undefined);
  if (saknas.length > 0) {
    fynd.fel("personalinriktade.kolumn_saknas", t.rubrik.rad, undefined,
      `kolumn saknas: ${saknas.map((f) => `"${spec(f).namn[0]}"`).join(", ")}; rubrikraden har ${t.rubrik.celler.map((c) => `"${cellText(c)}"`).join(", ")}`,
      `missing column(s): ${saknas.join(", ")}`);
  }
  if (fynd.harFel) {
    fynd.avsluta();
    return undefined;
  }
  const kolumn = (i: number) => t.rader.map((r) => cellText(r.celler[i]));
  rapporteraOlasta(t, kolumner, fynd, AKTIVITETSLOGG);
  for (const f of ["aktivitet", "malgrupp"] as const) {
    const i = index[f];
    if (i !== undefined && kolumnSerUtSomNamn(kolumn(i))) {
      fynd.fel("personalinriktade.personnamn", t.rubrik.rad, i,
        `kolumnen ser ut att innehålla namn på personer; förväntat ${f === "aktivitet" ? "aktiviteternas namn" : "målgrupper (t.ex. chefer, handläggare)"} — namn på personer får inte läsas in`,
        "the column looks like names of people, which must not be read");
    }
  }
  if (fynd.harFel) {
    fynd.avsluta();
    return undefined;
  }

  const ut: Aktivitetsrad[] = [];
  for (const r of t.rader) {
    const cell = (f: Aktivitetsfalt) => (index[f] !== undefined ? r.celler[index[f]!] ?? null : null);
    const text = (f: Aktivitetsfalt) => cellText(cell(f));
    const fel = (f: Aktivitetsfalt, regel: string, sv: string, en: string) =>
      fynd.fel(regel, r.rad, index[f], sv, en, visbartVarde(text(f)));
    let radOk = true;
    const krav = (f: Aktivitetsfalt, namn: string): boolean => {
      if (text(f) !== "") return true;
      radOk = false;
      fynd.fel(`personalinriktade.${f}_saknas`, r.rad, index[f], `${namn} saknas; förväntat ${f === "datum" ? "datum ÅÅÅÅ-MM-DD" : f === "typ" ? `en av ${GODTAGNA_TYPER}` : f === "deltagare" ? "antalet deltagare (ett heltal)" : "aktivitetens namn"}`, `missing ${f}`);
      return false;
    };

    let datum: Datum | undefined;
    if (krav("datum", "datum")) {
      const d = tolkaDatumcell(cell("datum"), "datum", visbartVarde(text("datum")));
      if (!d.ok) { radOk = false; fel("datum", "personalinriktade.datum", d.sv, d.en); }
      else if (d.varde > idag) {
        radOk = false;
        fel("datum", "personalinriktade.framtida_datum", `datum ${d.varde} ligger efter i dag (${idag}); aktivitetsloggen ska bara ha genomförda aktiviteter`, `the date ${d.varde} is after today (${idag})`);
      } else datum = d.varde;
    }
    let typ: Aktivitetstyp | undefined;
    if (krav("typ", "typ")) {
      typ = tolkaTyp(text("typ"));
      if (!typ) {
        radOk = false;
        fel("typ", "personalinriktade.typ", `okänd typ "${visbartVarde(text("typ"))}"; förväntat en av ${GODTAGNA_TYPER} (och vanliga stavningar som "föreläsningar", "frukostmöten", "after work")`, "unknown activity type");
      }
    }
    let aktivitet: string | undefined;
    if (krav("aktivitet", "aktivitetens namn")) {
      const p = publiceradText(text("aktivitet"));
      if (!p.ok) { radOk = false; fynd.fel("personalinriktade.personnummer", r.rad, index.aktivitet, p.sv, p.en); }
      else aktivitet = p.varde;
    }
    let deltagare: number | undefined;
    if (krav("deltagare", "antal deltagare")) {
      const a = tolkaAntal(cell("deltagare"), "antal deltagare", visbartVarde(text("deltagare")));
      if (!a.ok) { radOk = false; fel("deltagare", "personalinriktade.antal", a.sv, a.en); }
      else deltagare = a.varde;
    }
    let tillfallen = 1;
    if (text("tillfallen") !== "") {
      const a = tolkaAntal(cell("tillfallen"), "antal tillfällen", visbartVarde(text("tillfallen")));
      if (!a.ok || a.varde === 0) {
        radOk = false;
        fel("tillfallen", "personalinriktade.antal", a.ok ? "antal tillfällen: förväntat minst 1 (en rad är minst ett tillfälle)" : a.sv, a.ok ? "occasions must be at least 1" : a.en);
      } else tillfallen = a.varde;
    }
    let unika: number | undefined;
    if (text("unika") !== "") {
      const a = tolkaAntal(cell("unika"), "unika deltagare", visbartVarde(text("unika")));
      if (!a.ok) { radOk = false; fel("unika", "personalinriktade.antal", a.sv, a.en); }
      else if (deltagare !== undefined && a.varde > deltagare) {
        radOk = false;
        fel("unika", "personalinriktade.unika_fler", `unika deltagare (${a.varde}) är fler än deltagare (${deltagare}); en person räknas minst en gång bland deltagarna`, `unique participants (${a.varde}) exceed participants (${deltagare})`);
      } else unika = a.varde;
    }
    let malgrupp: string | undefined;
    if (text("malgrupp") !== "") {
      const p = publiceradText(text("malgrupp"));
      if (!p.ok) { radOk = false; fynd.fel("personalinriktade.personnummer", r.rad, index.malgrupp, p.sv, p.en); }
      else malgrupp = p.varde;
    }
    let omgang: string | undefined;
    if (text("omgang") !== "") {
      const p = publiceradText(text("omgang"));
      if (!p.ok) { radOk = false; fynd.fel("personalinriktade.personnummer", r.rad, index.omgang, p.sv, p.en); }
      else omgang = tolkaOmgang(p.varde);
    }
    if (!radOk || !datum || !typ || aktivitet === undefined || deltagare === undefined) continue;
    ut.push({
      forbund: text("forbund") === "" ? undefined : text("forbund"),
      datum, aktivitet, typ, omgang, tillfallen, deltagare, unika, malgrupp, kalla: t, rad: r.rad, kolumner: index,
    });
  }
  if (ut.length === 0 && !fynd.harFel) {
    fynd.fel("personalinriktade.inga_rader", t.rubrik.rad, undefined, "tabellen har en rubrikrad men inga aktiviteter under den", "the table has a header but no activities");
  }
  const ok = !fynd.harFel;
  fynd.avsluta();
  return ok ? ut : undefined;
}
