/**
 * Participant records (one row per participation in an insats) as teams keep them: column
 * names in common Swedish spellings, Swedish dates, decimal comma. Personnummer are validated
 * and replaced by a keyed pseudonym at read time; they never leave this module unmasked.
 *
 * Every line is checked to the end and every mistake reported in the same run (capped per
 * rule and column); a line is either a participation or named in an error. The förbund, the
 * insats's förbund and dates after the export are checked later, against the membership and
 * the settings (`reference/forbund.ts`, `kontrolleraExportdatum`).
 */
import { z } from "zod";
import type { DelimitedText } from "../read/delimited.ts";
import { labelKey } from "./labels.ts";
import { parseDatum, type Datum } from "./datum.ts";
import { FEL, lasRadtabell, Radkontroll, visaVarde, type Kolumn, type Rad, type Tolkning } from "./radtabell.ts";
import { maskPersonnummer, parsePersonnummer, PERSONNUMMER_FEL } from "../validate/personnummer.ts";
import { hittaPersonnummer } from "../protect/lackor.ts";
import type { Nyckel } from "../reference/nyckel.ts";
import type { Findings } from "../validate/findings.ts";

export const AVSLUTSORSAKER = [
  "arbete",
  "studier",
  "arbetslivsinriktad_rehabilitering",
  "medicinsk_rehabilitering",
  "sjukersattning",
  "annat",
  "tidigt_avhopp",
  "overflyttad",
] as const;
export type Avslutsorsak = (typeof AVSLUTSORSAKER)[number];

/** The goal: work, studies or (other) work-oriented rehabilitation. */
export const MAL: ReadonlySet<Avslutsorsak> = new Set(["arbete", "studier", "arbetslivsinriktad_rehabilitering"]);

const ORSAK_ALIAS: ReadonlyMap<string, Avslutsorsak> = new Map(
  (
    [
      ["arbete", "arbete"], ["arbete/anställning", "arbete"], ["anställning", "arbete"], ["arbete med stöd", "arbete"], ["subventionerat arbete", "arbete"],
      ["studier", "studier"], ["utbildning", "studier"], ["studier/utbildning", "studier"],
      ["arbetslivsinriktad rehabilitering", "arbetslivsinriktad_rehabilitering"], ["annan arbetslivsinriktad rehabilitering", "arbetslivsinriktad_rehabilitering"],
      ["arbetslivsinriktad rehab", "arbetslivsinriktad_rehabilitering"], ["alr", "arbetslivsinriktad_rehabilitering"], ["arbetslivsinriktad_rehabilitering", "arbetslivsinriktad_rehabilitering"],
      ["medicinsk rehabilitering", "medicinsk_rehabilitering"], ["medicinsk rehab", "medicinsk_rehabilitering"], ["medicinsk_rehabilitering", "medicinsk_rehabilitering"],
      ["sjukersättning", "sjukersattning"], ["sjukersattning", "sjukersattning"], ["aktivitetsersättning", "sjukersattning"],
      ["annat", "annat"], ["övrigt", "annat"], ["annan orsak", "annat"],
      ["tidigt avhopp", "tidigt_avhopp"], ["tidigt_avhopp", "tidigt_avhopp"], ["avhopp", "tidigt_avhopp"], ["tidigt avbrott", "tidigt_avhopp"],
      ["överflyttad", "overflyttad"], ["overflyttad", "overflyttad"], ["överförd", "overflyttad"], ["flyttad till annan insats", "overflyttad"],
    ] as const
  ).map(([label, orsak]) => [labelKey(label), orsak]),
);

const KON_ALIAS: ReadonlyMap<string, "kvinnor" | "man"> = new Map(
  (
    [["kvinna", "kvinnor"], ["kvinnor", "kvinnor"], ["k", "kvinnor"], ["f", "kvinnor"], ["man", "man"], ["män", "man"], ["m", "man"]] as const
  ).map(([l, k]) => [labelKey(l), k]),
);

export const DELTAGARE_KOLUMNER = {
  deltagare_id: ["deltagare_id", "deltagarid", "deltagar-id", "deltagar_id", "id", "löpnummer", "lopnummer", "pseudonym"],
  personnummer: ["personnummer", "pnr", "personnr", "person_nr"],
  insats: ["insats", "team", "samverkansteam", "verksamhet", "insatsnamn", "insats/team", "teamnamn"],
  forbund: ["forbund", "förbund", "samordningsförbund", "forbund_id", "forbund_namn", "förbundsnamn"],
  kon: ["kon", "kön", "kön (k/m)", "kvinna/man"],
  fodelsear: ["fodelsear", "födelseår", "fodd_ar", "född år"],
  startdatum: ["startdatum", "start", "inskrivningsdatum", "inskriven", "startdatum insats", "start_datum"],
  slutdatum: ["slutdatum", "slut", "avslutsdatum", "utskrivningsdatum", "avslutad", "slut_datum"],
  avslutsorsak: ["avslutsorsak", "avslutsanledning", "orsak till avslut", "avslutsorsak/anledning", "avslut_orsak"],
  manader_utan_arbete_fore_start: [
    "manader_utan_arbete_fore_start", "månader utan arbete före start", "manader_fore_start", "månader före start",
    "månader utan arbete eller studier före start", "månader i bidrag före start", "tid före start (mån)", "tid före start (månader)",
  ],
  ar_fore_start: [
    "ar_fore_start", "år före start", "år utan arbete före start", "ar_utan_arbete_fore_start", "år utan arbete eller studier före start",
    "tid utan arbete eller studier före start", "tid i bidrag före start", "år i bidrag före start", "tid före start (år)",
  ],
  forsorjning_fore_start: ["forsorjning_fore_start", "försörjning före start", "forsorjning"],
} as const;

/**
 * Does a header look like participant records? Insats, startdatum and an id or personnummer;
 * with one of them missing, also an end date or reason, so the missing column is reported
 * instead of the file passing unrecognised.
 */
export function isDeltagarHeader(headerKeys: readonly string[]): boolean {
  const has = (field: keyof typeof DELTAGARE_KOLUMNER) => DELTAGARE_KOLUMNER[field].some((a) => headerKeys.includes(labelKey(a)));
  const core = [has("insats"), has("startdatum"), has("deltagare_id") || has("personnummer")].filter(Boolean).length;
  return core === 3 || (core === 2 && (has("slutdatum") || has("avslutsorsak")));
}


/** How the reasons are written in messages (every alias in docs/indata.md). */
const ORSAK_TEXT = "arbete, studier, arbetslivsinriktad rehabilitering, medicinsk rehabilitering, sjukersättning, annat, tidigt avhopp eller överflyttad";

/** Numbers as Swedish Excel writes them: `5,5` or `5.5`, `1 234`. */
function tal(falt: string) {
  return (s: string): Tolkning<number> => {
    const t = s.replace(/[\s\u00a0]/g, "");
    if (/^\d+(?:[.,]\d+)?$/.test(t)) return { ok: true, varde: Number(t.replace(",", ".")) };
    return { ok: false, meddelande: `${falt}: "${visaVarde(s)}" är inget tal; förväntat ett tal som är 0 eller större, t.ex. 18 eller 1,5`, message: `${falt}: not a number` };
  };
}

function datum(falt: string) {
  return (s: string): Tolkning<Datum> => {
    const d = parseDatum(s);
    if (d) return { ok: true, varde: d };
    return { ok: false, meddelande: `${falt}: ogiltigt datum "${visaVarde(s)}"; förväntat ÅÅÅÅ-MM-DD, t.ex. 2024-03-15 (även 20240315, 15/3/2024 och 15.3.2024 läses)`, message: `${falt}: invalid date` };
  };
}

const kon = (s: string): Tolkning<"kvinnor" | "man"> => {
  const k = KON_ALIAS.get(labelKey(s));
  if (k) return { ok: true, varde: k };
  return { ok: false, meddelande: `kön: okänt värde "${visaVarde(s)}"; förväntat kvinna eller man (även K/M, F, kvinnor/män)`, message: "kön: unknown value" };
};

const orsak = (s: string): Tolkning<Avslutsorsak> => {
  const o = ORSAK_ALIAS.get(labelKey(s));
  if (o) return { ok: true, varde: o };
  return { ok: false, meddelande: `avslutsorsak: okänd ("${visaVarde(s)}"); förväntat ${ORSAK_TEXT} (och vanliga varianter, t.ex. alr, övrigt, avhopp)`, message: "avslutsorsak: unknown value" };
};

const fodelsear = z.string().regex(/^(19|20)\d{2}$/, "födelseår: förväntat ett årtal, t.ex. 1985").transform(Number);

type Falt = keyof typeof DELTAGARE_KOLUMNER;

const KOLUMNER = Object.fromEntries(
  (Object.keys(DELTAGARE_KOLUMNER) as Falt[]).map((f): [Falt, Kolumn] => [f, { namn: DELTAGARE_KOLUMNER[f], kravs: f === "insats" }]),
) as Record<Falt, Kolumn>;

export interface Deltagande {
  /** Pseudonymous person id: the team's own id, or a keyed hash of the personnummer. */
  readonly person: string;
  readonly insats: string;
  readonly forbund: string | undefined;
  readonly kon: "kvinnor" | "man" | undefined;
  readonly start: Datum;
  readonly slut: Datum | undefined;
  readonly orsak: Avslutsorsak | undefined;
  /** Years without work or studies before start. */
  readonly arForeStart: number | undefined;
  readonly fil: string;
  readonly rad: number;
  /** Columns of förbund and insats, for findings about the förbund made later. */
  readonly forbundKolumn?: number;
  readonly insatsKolumn?: number;
  /** Columns of the dates, for findings about dates after the export. */
  readonly startKolumn?: number;
  readonly slutKolumn?: number;
}

export interface Deltagarfil {
  readonly fil: string;
  /** The lines without errors, as participations. */
  readonly deltaganden: Deltagande[];
  /** Every data line of the file (a participation, or named in an error). */
  readonly rader: readonly number[];
  /** The lines with at least one error. */
  readonly felrader: ReadonlySet<number>;
}

/**
 * The file's participations, or undefined when any line has an error (the errors are in
 * `findings`). `lasDeltagare` gives the lines without errors too.
 */
export function readDeltagare(bytes: Uint8Array | DelimitedText, fil: string, nyckel: () => Nyckel, findings: Findings): Deltagande[] | undefined {
  const r = lasDeltagare(bytes, fil, nyckel, findings);
  return r && r.felrader.size === 0 ? r.deltaganden : undefined;
}

/** Reads every line; undefined only when the file cannot be read as a participant table. */
export function lasDeltagare(bytes: Uint8Array | DelimitedText, fil: string, nyckel: () => Nyckel, findings: Findings): Deltagarfil | undefined {
  const tabell = lasRadtabell(bytes, fil, KOLUMNER, findings);
  if (!tabell) return undefined;
  const kolumner = tabell.kolumner;
  if (!kolumner.deltagare_id && !kolumner.personnummer) {
    findings.fel({ fil, rad: tabell.rubrikrad, regel: "deltagare.id", meddelande: "kolumn saknas: \"deltagare_id\" eller \"personnummer\" (t.ex. \"Löpnummer\", \"Deltagar-id\", \"Personnummer\")", message: "missing column: deltagare_id or personnummer" });
    return undefined;
  }
  if (!kolumner.startdatum) {
    findings.fel({ fil, rad: tabell.rubrikrad, regel: "csv.kolumn_saknas", meddelande: "kolumn saknas: \"startdatum\" (t.ex. \"Startdatum\", \"Inskrivningsdatum\", \"Start\")", message: "missing column: startdatum" });
    return undefined;
  }
  for (const o of tabell.ovriga) {
    findings.info({
      fil, rad: tabell.rubrikrad, kolumn: o.kolumn, falt: o.namn, regel: "deltagare.kolumn_lases_inte",
      meddelande: `kolumnen "${visaVarde(o.namn)}" läses inte och förs inte vidare (deltagaruppgifter läses bara ur kolumnerna i docs/indata.md)`,
      message: "the column is not read and never passed on",
    });
  }
  const k = new Radkontroll(tabell, findings, { personnummer: maskPersonnummer, deltagare_id: (v) => (parsePersonnummer(v).ok ? maskPersonnummer(v) : visaVarde(v)) });
  const deltaganden: Deltagande[] = [];
  const seen = new Map<string, number>();
  let idVarnad = false;
  for (const r of tabell.rader) {
    const d = lasRad(r);
    if (d && !k.felrader.has(r.rad)) deltaganden.push(d);
  }
  k.sammanfatta();
  return { fil, deltaganden, rader: tabell.rader.map((r) => r.rad), felrader: k.felrader };

  function lasRad(r: Rad<Falt>): Deltagande | undefined {
    const v = r.varden;
    const fel = (falt: Falt, regel: string, meddelande: string, message: string, varde?: string) => k.fel(r.rad, falt, regel, meddelande, message, varde);
    let person: string | undefined = v.deltagare_id;
    let konPnr: "kvinnor" | "man" | undefined;
    if (person !== undefined) {
      // A personnummer in the id column is treated as one: pseudonymised, never kept.
      const pnr = parsePersonnummer(person);
      if (pnr.ok) {
        person = nyckel().pseudonym(pnr.tio);
        konPnr = pnr.kon;
        if (!idVarnad) {
          idVarnad = true;
          k.varning(r.rad, "deltagare_id", "deltagare.id_personnummer", "deltagar-id ser ut som personnummer; de pseudonymiseras som personnummer", "participant ids look like personnummer; they are pseudonymised as such");
        }
      }
    }
    let pnrFel = false;
    if (v.personnummer !== undefined) {
      const pnr = parsePersonnummer(v.personnummer);
      if (!pnr.ok) {
        pnrFel = true;
        const visas = maskPersonnummer(v.personnummer);
        fel("personnummer", "deltagare.personnummer", `ogiltigt personnummer (${visas}): ${PERSONNUMMER_FEL[pnr.orsak]}`, "invalid personnummer", visas);
      } else {
        person ??= nyckel().pseudonym(pnr.tio);
        konPnr ??= pnr.kon;
      }
    }
    if (person === undefined && !pnrFel) {
      fel(kolumner.deltagare_id ? "deltagare_id" : "personnummer", "deltagare.id", "deltagar-id och personnummer saknas; förväntat ett av dem", "missing participant id");
    }
    if (v.insats === undefined) fel("insats", "deltagare.insats", "insats saknas; förväntat insatsens (teamets) namn", "missing insats");
    // Insats and förbund are published as they are written: a personnummer in them would be too.
    for (const f of ["insats", "forbund"] as const) {
      const hit = v[f] !== undefined ? hittaPersonnummer(v[f]!)[0] : undefined;
      if (!hit) continue;
      fel(f, "deltagare.personnummer_i_text", `${f === "insats" ? "insatsens namn" : "förbundet"} innehåller något som ser ut som ett personnummer (${hit.visas}); kolumnen publiceras och får inte innehålla personnummer`, "a published column contains what looks like a personnummer", hit.visas);
    }
    let konen = k.tolka(r, "kon", kon);
    k.tolka(r, "fodelsear", fodelsear); // checked, not kept
    const start = k.tolka(r, "startdatum", datum("startdatum"));
    const slut = k.tolka(r, "slutdatum", datum("slutdatum"));
    const avslut = k.tolka(r, "avslutsorsak", orsak);
    const manader = k.tolka(r, "manader_utan_arbete_fore_start", tal("månader utan arbete före start"));
    const ar = k.tolka(r, "ar_fore_start", tal("år utan arbete före start"));
    if (start === undefined) fel("startdatum", "deltagare.start", "startdatum saknas; förväntat ÅÅÅÅ-MM-DD", "missing start date");
    if (start !== undefined && start !== FEL && slut !== undefined && slut !== FEL && slut < start) {
      fel("slutdatum", "deltagare.slut_fore_start", `slutdatum ${slut} är före startdatum ${start}`, "end date before start date", slut);
    }
    if (slut !== undefined && slut !== FEL && avslut === undefined) {
      fel("avslutsorsak", "deltagare.orsak_saknas", `avslutsorsak saknas för ett deltagande som avslutades ${slut}; förväntat ${ORSAK_TEXT}`, "missing reason for an ended participation");
    }
    if (slut === undefined && avslut !== undefined && avslut !== FEL) {
      fel("slutdatum", "deltagare.slut_saknas", "avslutsorsak finns men slutdatum saknas; förväntat slutdatum ÅÅÅÅ-MM-DD", "reason given but no end date");
    }
    if (konen === FEL || start === undefined || start === FEL || person === undefined || v.insats === undefined) return undefined;
    const key = `${person}|${labelKey(v.insats)}|${start}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fel("startdatum", "deltagare.dubblett", `samma deltagande (samma person, insats och startdatum ${start}) finns redan på rad ${first}`, `duplicate participation (line ${first})`);
      return undefined;
    }
    seen.set(key, r.rad);
    if (k.felrader.has(r.rad)) return undefined;
    if (konen === undefined) konen = konPnr;
    else if (konPnr !== undefined && konen !== konPnr) {
      k.varning(r.rad, "kon", "deltagare.kon_personnummer", "kön stämmer inte med personnumret; kolumnen kön används", "kön differs from the personnummer; the kön column is used");
    }
    if (konen === undefined) {
      k.varning(r.rad, "kon", "deltagare.kon_saknas", "kön saknas; deltagandet räknas bara i kön \"alla\"", "kön missing; counted only in 'alla'");
    }
    const arForeStart = ar !== undefined && ar !== FEL ? ar : manader !== undefined && manader !== FEL ? manader / 12 : undefined;
    return {
      person, insats: v.insats.trim(), forbund: v.forbund?.trim(), kon: konen, start, slut: slut === FEL ? undefined : slut,
      orsak: avslut === FEL ? undefined : avslut, arForeStart, fil, rad: r.rad,
      ...(kolumner.forbund ? { forbundKolumn: kolumner.forbund.kolumn } : {}),
      ...(kolumner.insats ? { insatsKolumn: kolumner.insats.kolumn } : {}),
      startKolumn: kolumner.startdatum!.kolumn,
      ...(kolumner.slutdatum ? { slutKolumn: kolumner.slutdatum.kolumn } : {}),
    };
  }
}
