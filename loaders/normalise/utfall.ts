/**
 * Aggregated outcome tables as teams report them (per insats, period and optionally kön):
 * inskrivna at the start, nyinskrivna, aktiva under the period, avslut and where they went,
 * aktiva at the end, and the means genomströmningstid and tid före start. A column the format
 * does not know is read as an outcome of its own (a team's `Nära till hälsa`) when every cell
 * is a count, and counts in the sum of the outcomes; any other column is not used, with a
 * warning naming it. The published tables are not always consistent; mismatches are warnings
 * naming the row and both numbers, and the figures are shown as reported, beside the computed
 * ones. Every line is checked to the end and every mistake reported in the same run.
 */
import { z } from "zod";
import type { DelimitedText } from "../read/delimited.ts";
import { labelKey } from "./labels.ts";
import { tolkaManad, tolkaPeriod } from "./period.ts";
import { faltFor, FEL, lasRadtabell, Radkontroll, visaVarde, type Kolumn, type Plats, type Radtabell, type Tolkning } from "./radtabell.ts";
import { hittaPersonnummer } from "../protect/lackor.ts";
import type { Findings } from "../validate/findings.ts";

/** The counts the format knows, in the order they are published. */
export const UTFALL_MATT = [
  "inskrivna_start",
  "nyinskrivna",
  "aktiva_under_perioden",
  "avslut",
  "tidiga_avhopp",
  "arbete",
  "studier",
  "arbetslivsinriktad_rehabilitering",
  "medicinsk_rehabilitering",
  "sjukersattning",
  "annat",
  "aktiva_slut",
] as const;
export type UtfallMatt = (typeof UTFALL_MATT)[number];

/** The outcomes the format knows that together (with a table's own outcomes) make up avslut. */
export const UTFALL_DELAR: readonly UtfallMatt[] = [
  "tidiga_avhopp", "arbete", "studier", "arbetslivsinriktad_rehabilitering", "medicinsk_rehabilitering", "sjukersattning", "annat",
];

/** The means, over those who reached the goal (arbete, studier, arbetslivsinriktad rehabilitering). */
export const UTFALL_MEDEL = ["genomstromningstid_man", "tid_fore_start_ar"] as const;
export type UtfallMedel = (typeof UTFALL_MEDEL)[number];

const NAMN: Readonly<Record<UtfallMatt | UtfallMedel, string>> = {
  inskrivna_start: "inskrivna vid periodens start",
  nyinskrivna: "nyinskrivna",
  aktiva_under_perioden: "aktiva under perioden",
  avslut: "avslut",
  tidiga_avhopp: "tidiga avhopp",
  arbete: "arbete",
  studier: "studier",
  arbetslivsinriktad_rehabilitering: "arbetslivsinriktad rehabilitering",
  medicinsk_rehabilitering: "medicinsk rehabilitering",
  sjukersattning: "sjukersättning",
  annat: "annat",
  aktiva_slut: "aktiva vid periodens slut",
  genomstromningstid_man: "genomströmningstid",
  tid_fore_start_ar: "tid före start",
};

export const UTFALL_KOLUMNER = {
  forbund: ["forbund", "förbund", "samordningsförbund", "forbund_id", "förbundsnamn"],
  insats: ["insats", "team", "samverkansteam", "insatsnamn", "insats/team", "projekt"],
  ar: ["ar", "år", "verksamhetsår"],
  fran: ["fran", "från", "period från", "från månad"],
  till: ["till", "period till", "till månad"],
  period: ["period", "mätperiod", "tidsperiod"],
  kon: ["kon", "kön"],
  inskrivna_start: ["inskrivna_start", "inskrivna vid periodens start", "antal inskrivna", "inskrivna", "inskrivna vid start", "antal inskrivna vid periodens start"],
  nyinskrivna: ["nyinskrivna", "antal nyinskrivna", "nyinskrivna under perioden", "antal nyinskrivna under perioden", "nya deltagare"],
  aktiva_under_perioden: [
    "aktiva_under_perioden", "aktiva under perioden", "antal aktiva under perioden", "deltagare totalt", "antal deltagare",
    "deltagare under perioden", "antal aktiva i projektet", "antal aktiva i insatsen", "antal aktiva under året",
  ],
  avslut: ["avslut", "antal avslut", "antal avslut totalt", "avslut totalt", "antal avslut total"],
  tidiga_avhopp: ["tidiga_avhopp", "tidiga avhopp", "dropouts", "antal dropouts (tidiga avhopp)", "antal tidiga avhopp", "varav tidiga avhopp", "antal dropouts"],
  arbete: ["arbete", "antal i arbete", "till arbete", "antal till arbete"],
  studier: ["studier", "antal i studier", "till studier", "antal till studier"],
  arbetslivsinriktad_rehabilitering: [
    "arbetslivsinriktad_rehabilitering", "annan arbetslivsinriktad rehabilitering", "antal till annan arbetslivsinriktad rehab", "arbetslivsinriktad rehabilitering",
    "antal i annan arbetslivsinriktad rehabilitering", "antal till annan arbetslivsinriktad rehabilitering", "annan arbetslivsinriktad rehab",
  ],
  medicinsk_rehabilitering: [
    "medicinsk_rehabilitering", "medicinsk rehabilitering", "medicinsk rehab", "antal till medicinsk rehabilitering", "antal till medicinsk rehab",
    "till medicinsk rehabilitering",
  ],
  sjukersattning: ["sjukersattning", "sjukersättning", "antal till sjukersättning", "sjuk- och aktivitetsersättning", "antal till sjuk-/aktivitetsersättning", "aktivitetsersättning"],
  annat: ["annat", "antal till annat", "till annat", "övrigt"],
  aktiva_slut: ["aktiva_slut", "aktiva vid periodens slut", "antal aktiva vid periodens slut", "aktiva", "aktiva vid slut"],
  genomstromningstid_man: ["genomstromningstid_man", "genomströmningstid", "genomströmningstid i snitt", "genomsnittlig genomströmningstid", "genomströmningstid (mån)"],
  tid_fore_start_ar: [
    "tid_fore_start_ar", "tid före start", "tid före start (år)", "tid i bidrag/arbets- eller studielöshet före start",
    "tid utan arbete eller studier före start", "tid utan arbete eller studier före start i snitt",
  ],
} as const;

type Falt = keyof typeof UTFALL_KOLUMNER;

/** Spellings with a line break's hyphen left in them (`arbetslivs-inriktad`, `Genomströmnings-tid i snitt`). */
const MONSTER: Partial<Record<Falt, readonly RegExp[]>> = {
  arbetslivsinriktad_rehabilitering: [/^(antal )?((till|i) )?(annan )?arbetslivs-?inriktad rehab(ilitering)?$/],
  medicinsk_rehabilitering: [/^(antal )?(till )?medicinsk rehab(ilitering)?$/],
  sjukersattning: [/^(antal )?(till )?sjuk-? ?(\/ ?aktivitets-?)?ersattning$/],
  genomstromningstid_man: [/^genomstromnings-?tid( i snitt)?( \((man|manader)\))?$/],
  tid_fore_start_ar: [/^tid (i bidrag|utan arbete|i bidrag\/arbets-).*fore start( i snitt)?( \(ar\))?$/],
};

const KOLUMNER = Object.fromEntries(
  (Object.keys(UTFALL_KOLUMNER) as Falt[]).map((f): [Falt, Kolumn] => [f, { namn: UTFALL_KOLUMNER[f], ...(MONSTER[f] ? { monster: MONSTER[f] } : {}), kravs: f === "insats" || f === "avslut" }]),
) as Record<Falt, Kolumn>;

export function isUtfallHeader(headerKeys: readonly string[]): boolean {
  const falt = new Set(headerKeys.map((k) => faltFor(KOLUMNER, k)));
  return falt.has("insats") && falt.has("avslut") && (falt.has("nyinskrivna") || falt.has("aktiva_slut") || falt.has("aktiva_under_perioden"))
    && !headerKeys.includes("startdatum");
}

export interface RapporteratUtfall {
  readonly forbund: string | undefined;
  readonly insats: string;
  readonly fran: string;
  readonly till: string;
  readonly kon: "alla" | "kvinnor" | "man";
  /** The counts: the format's (`UtfallMatt`) and the table's own outcomes, by their names as written. */
  readonly varden: Readonly<Partial<Record<string, number>>>;
  /** The table's own outcomes (names as written), in the table's order. */
  readonly egnaUtfall: readonly string[];
  /** The means as reported (months, years). */
  readonly medel: Readonly<Partial<Record<UtfallMedel, number>>>;
  readonly fil: string;
  readonly rad: number;
  /** Columns of förbund and insats, for findings about the förbund made later. */
  readonly forbundKolumn?: number;
  readonly insatsKolumn?: number;
  /** Column of the period (år, period or till), for findings about a period after the export. */
  readonly periodKolumn?: number;
}

export interface Utfallsfil {
  readonly fil: string;
  readonly rader: RapporteratUtfall[];
  /** Every data line of the file. */
  readonly alla: readonly number[];
  readonly felrader: ReadonlySet<number>;
}

const antal = (namn: string) => (s: string): Tolkning<number> => {
  const t = s.replace(/[\s\u00a0]/g, "");
  if (/^\d+$/.test(t)) return { ok: true, varde: Number(t) };
  return { ok: false, meddelande: `${namn}: "${visaVarde(s)}" är inget antal; förväntat ett heltal 0 eller större`, message: `${namn}: not a count` };
};

/** A mean in months or years: `23,3`, `23.3`, `14 mån`, `10 år`, `58 mån` (in the field's unit). */
const medel = (namn: string, enhet: "man" | "ar") => (s: string): Tolkning<number> => {
  const m = /^(\d+(?:[.,]\d+)?) ?(mån|månad|månader|man|år|ar)?\.?$/i.exec(s.replace(/[\s\u00a0]+/g, " ").trim());
  if (!m) return { ok: false, meddelande: `${namn}: "${visaVarde(s)}" är inget medelvärde; förväntat ett tal 0 eller större, t.ex. 23,3 eller 14 mån eller 5,6 år`, message: `${namn}: not a mean` };
  const v = Number(m[1]!.replace(",", "."));
  const ar = m[2] !== undefined && /^(år|ar)$/i.test(m[2]);
  const man = m[2] !== undefined && !ar;
  return { ok: true, varde: enhet === "man" ? (ar ? v * 12 : v) : man ? v / 12 : v };
};

const kon = (s: string): Tolkning<"alla" | "kvinnor" | "man"> => {
  const k = ({ kvinnor: "kvinnor", kvinna: "kvinnor", k: "kvinnor", man: "man", m: "man", alla: "alla", totalt: "alla", samtliga: "alla", "kvinnor och man": "alla", "man och kvinnor": "alla" } as const)[labelKey(s) as "k"];
  if (k) return { ok: true, varde: k };
  return { ok: false, meddelande: `kön: okänt värde "${visaVarde(s)}"; förväntat kvinnor, män eller alla (även K/M, totalt, samtliga)`, message: "kön: unknown value" };
};

const ar = z.string().regex(/^\d{4}$/, "år: förväntat ett årtal, t.ex. 2018");

const manad = (namn: string, exempel: string) => (s: string): Tolkning<string> => {
  const m = tolkaManad(s);
  if (m) return { ok: true, varde: m };
  return { ok: false, meddelande: `${namn}: "${visaVarde(s)}" är ingen månad; förväntat ÅÅÅÅ-MM, t.ex. ${exempel} (även ${exempel.replace("-", "M")} och månadens namn)`, message: `${namn}: not a month` };
};

const period = (s: string): Tolkning<{ fran: string; till: string }> => {
  const p = tolkaPeriod(s);
  if (p) return { ok: true, varde: p };
  return { ok: false, meddelande: `period: "${visaVarde(s)}" är ingen period; förväntat t.ex. 2024 (ett kalenderår), 2024-07–2025-06 eller juli 2024 – juni 2025`, message: "period: not a period" };
};

/**
 * The file's rows, or undefined when any line has an error (the errors are in `findings`).
 * `lasUtfall` gives the lines without errors too.
 */
export function readUtfall(bytes: Uint8Array | DelimitedText, fil: string, findings: Findings): RapporteratUtfall[] | undefined {
  const r = lasUtfall(bytes, fil, findings);
  return r && r.felrader.size === 0 ? r.rader : undefined;
}

/** Reads every line; undefined only when the file cannot be read as an outcome table. */
export function lasUtfall(bytes: Uint8Array | DelimitedText, fil: string, findings: Findings): Utfallsfil | undefined {
  const tabell = lasRadtabell(bytes, fil, KOLUMNER, findings);
  if (!tabell) return undefined;
  const kolumner = tabell.kolumner;
  if (!kolumner.ar && !kolumner.period && !(kolumner.fran && kolumner.till)) {
    findings.fel({
      fil, rad: tabell.rubrikrad, regel: "csv.kolumn_saknas",
      meddelande: `kolumn saknas: "år", "period" eller "från" och "till"; förväntat perioden som år (2018), period (2024 eller 2024-07–2025-06) eller två månader`,
      message: "missing column: år, period or från and till",
    });
    return undefined;
  }
  const egna = egnaUtfall(tabell, findings);
  const medelkolumner = UTFALL_MEDEL.flatMap((m) => (kolumner[m] ? [kolumner[m]] : []));
  if (medelkolumner.length > 0) {
    findings.info({
      fil, rad: tabell.rubrikrad, kolumn: medelkolumner[0]!.kolumn, falt: medelkolumner[0]!.namn, regel: "utfall.medel_publiceras_inte",
      meddelande: `${medelkolumner.map((k) => `"${visaVarde(k.namn)}"`).join(" och ")} läses och kontrolleras men publiceras inte ur teamets tabell (medelvärden); webbplatsen visar genomströmningstid och tid före start beräknade ur deltagaruppgifterna`,
      message: "the means are read and checked but not published from the team's table",
    });
  }
  const k = new Radkontroll(tabell, findings);
  const out: RapporteratUtfall[] = [];
  const seen = new Map<string, number>();
  const periodKolumn = (kolumner.ar ?? kolumner.period ?? kolumner.till)!.kolumn;
  for (const r of tabell.rader) {
    const v = r.varden;
    const fel = (falt: Falt | undefined, regel: string, meddelande: string, message: string) => k.fel(r.rad, falt, regel, meddelande, message);
    if (v.insats === undefined) fel("insats", "utfall.insats", "insats saknas; förväntat insatsens (teamets) namn", "missing insats");
    for (const f of ["insats", "forbund"] as const) {
      const hit = v[f] !== undefined ? hittaPersonnummer(v[f]!)[0] : undefined;
      if (hit) fel(f, "utfall.personnummer_i_text", `${f === "insats" ? "insatsens namn" : "förbundet"} innehåller något som ser ut som ett personnummer (${hit.visas}); kolumnen publiceras och får inte innehålla personnummer`, "a published column contains what looks like a personnummer");
    }
    const arV = k.tolka(r, "ar", ar);
    const periodV = k.tolka(r, "period", period);
    const franV = k.tolka(r, "fran", manad("från", "2024-07"));
    const tillV = k.tolka(r, "till", manad("till", "2025-06"));
    const konV = k.tolka(r, "kon", kon);
    const varden: Record<string, number> = {};
    for (const m of UTFALL_MATT) {
      const x = k.tolka(r, m, antal(NAMN[m]));
      if (x !== undefined && x !== FEL) varden[m] = x;
    }
    for (const e of egna) {
      const cell = (r.celler[e.kolumn - 1] ?? "").replace(/[\s\u00a0]/g, "");
      if (cell !== "") varden[e.namn] = Number(cell);
    }
    const medelV: Partial<Record<UtfallMedel, number>> = {};
    for (const m of UTFALL_MEDEL) {
      const x = k.tolka(r, m, medel(NAMN[m], m === "genomstromningstid_man" ? "man" : "ar"));
      if (x !== undefined && x !== FEL) medelV[m] = x;
    }
    if (arV === FEL || periodV === FEL || franV === FEL || tillV === FEL) continue;
    let [fran, till] = [franV, tillV];
    if (arV !== undefined) [fran, till] = [`${arV}-01`, `${arV}-12`];
    else if (periodV !== undefined) [fran, till] = [periodV.fran, periodV.till];
    if (!fran || !till || fran > till) {
      const field = fran && till ? (periodV !== undefined ? "period" : "till") : ((["ar", "period", "fran"] as const).find((f) => kolumner[f]) ?? "fran");
      fel(field, "utfall.period", fran && till ? `perioden slutar (${till}) före start (${fran})` : "perioden saknas; förväntat kolumnen år, period eller från och till", "missing or reversed period");
      continue;
    }
    if (v.insats === undefined || konV === FEL) continue;
    const konen = konV ?? "alla";
    const key = `${v.forbund ?? ""}|${labelKey(v.insats)}|${fran}|${till}|${konen}`;
    if (seen.has(key)) {
      fel(undefined, "utfall.dubblett", `samma insats, period och kön finns redan på rad ${seen.get(key)}`, "duplicate row");
      continue;
    }
    seen.set(key, r.rad);
    if (k.felrader.has(r.rad)) continue;
    const rad: RapporteratUtfall = {
      forbund: v.forbund?.trim(), insats: v.insats.trim(), fran, till, kon: konen, varden, egnaUtfall: egna.map((e) => e.namn), medel: medelV, fil, rad: r.rad,
      ...(kolumner.forbund ? { forbundKolumn: kolumner.forbund.kolumn } : {}),
      ...(kolumner.insats ? { insatsKolumn: kolumner.insats.kolumn } : {}),
      periodKolumn,
    };
    kontrollera(rad, new Set([...UTFALL_DELAR.filter((d) => kolumner[d]), ...egna.map((e) => e.namn)]), k);
    out.push(rad);
  }
  k.sammanfatta();
  return { fil, rader: out, alla: tabell.rader.map((r) => r.rad), felrader: k.felrader };
}

/** Names that say a column is something else than where avsluten went (a stock, a share, a mean, a split by kön). */
const INTE_UTFALL = /\b(aktiva|inskrivna|nyinskrivna|deltagare|avslut|andel|procent|snitt|medel|medelvarde|tid|summa|totalt|kvinnor|man)\b|%/;

/**
 * The columns the format does not know: an outcome of the table's own when every non-empty
 * cell is a count and the name does not say it is something else (`INTE_UTFALL`; an info
 * says so), else not used (a warning says why).
 */
function egnaUtfall(tabell: Radtabell<Falt>, findings: Findings): Plats[] {
  const egna: Plats[] = [];
  for (const o of tabell.ovriga) {
    const celler = tabell.rader.map((r) => (r.celler[o.kolumn - 1] ?? "").trim()).filter((c) => c !== "");
    const namn = o.namn === "" ? `kolumn ${o.kolumn}` : `"${visaVarde(o.namn)}"`;
    const plats = { fil: tabell.fil, rad: tabell.rubrikrad, kolumn: o.kolumn, falt: o.namn };
    const text = celler.find((c) => !/^\d+$/.test(c.replace(/[\s\u00a0]/g, "")));
    if (o.namn !== "" && hittaPersonnummer(o.namn).length > 0) {
      findings.fel({ ...plats, regel: "utfall.personnummer_i_text", meddelande: `kolumnnamnet ${namn} innehåller något som ser ut som ett personnummer; ett eget utfall publiceras med sitt namn`, message: "a column name contains what looks like a personnummer" });
      continue;
    }
    if (o.namn !== "" && celler.length > 0 && text === undefined && !INTE_UTFALL.test(labelKey(o.namn))) {
      egna.push(o);
      findings.info({
        ...plats, regel: "utfall.eget_utfall",
        meddelande: `kolumnen ${namn} läses som ett eget utfall av avsluten: den räknas med när utfallen summeras till antalet avslut och publiceras med sitt namn`,
        message: "the column is read as an outcome of its own, counted in the sum of the outcomes",
      });
      continue;
    }
    findings.varning({
      ...plats, regel: "utfall.kolumn_oanvand",
      meddelande: celler.length === 0
        ? `kolumnen ${namn} är tom och används inte`
        : o.namn === ""
          ? `kolumnen saknar rubrik och används inte; förväntat en rubrik (ett eget utfall har utfallets namn och ett antal per rad)`
          : text !== undefined
            ? `kolumnen ${namn} används inte: den känns inte igen och har värden som inte är antal (t.ex. "${visaVarde(text)}"); ett eget utfall har ett antal per rad`
            : `kolumnen ${namn} används inte: den känns inte igen, och namnet säger att den inte är ett utfall av avsluten (t.ex. aktiva, deltagare, andel, tid eller summa)`,
      message: "the column is not used",
    });
  }
  return egna;
}

/** The counts published for these rows, in order: the format's, with the tables' own outcomes after `annat`. */
export function utfallsmatt(rader: readonly Pick<RapporteratUtfall, "egnaUtfall">[]): string[] {
  const egna = [...new Set(rader.flatMap((r) => r.egnaUtfall))].sort();
  const i = UTFALL_MATT.indexOf("annat") + 1;
  return [...UTFALL_MATT.slice(0, i), ...egna, ...UTFALL_MATT.slice(i)];
}

/** The outcomes that make up avslut for these rows: the format's and the tables' own. */
export function utfallsdelar(rader: readonly Pick<RapporteratUtfall, "egnaUtfall">[]): string[] {
  return [...UTFALL_DELAR, ...[...new Set(rader.flatMap((r) => r.egnaUtfall))].sort()];
}

/**
 * The checks of a reported row, each a warning naming the row and both numbers:
 * start + nya − avslut = aktiva at the end; start + nya = aktiva under the period; the
 * outcomes in the file (the format's and the table's own) add up to avslut; a mean over those
 * who reached the goal needs someone who did.
 */
function kontrollera(r: RapporteratUtfall, delar: ReadonlySet<string>, k: Radkontroll<Falt>): void {
  const v = r.varden;
  const vem = `${r.insats} ${r.fran}–${r.till}${r.kon === "alla" ? "" : ` (${r.kon === "man" ? "män" : "kvinnor"})`}`;
  const [start, nya, avslut, aktiva, under] = [v.inskrivna_start, v.nyinskrivna, v.avslut, v.aktiva_slut, v.aktiva_under_perioden];
  if (start !== undefined && nya !== undefined && avslut !== undefined && aktiva !== undefined && start + nya - avslut !== aktiva) {
    k.varning(r.rad, "aktiva_slut", "utfall.flode",
      `${vem}: inskrivna vid start + nyinskrivna − avslut = ${start} + ${nya} − ${avslut} = ${start + nya - avslut}, men aktiva vid slut är ${aktiva}`,
      `start + new - exits = ${start + nya - avslut}, but active at end is ${aktiva}`);
  }
  if (start !== undefined && nya !== undefined && under !== undefined && start + nya !== under) {
    k.varning(r.rad, "aktiva_under_perioden", "utfall.aktiva_under",
      `${vem}: inskrivna vid start + nyinskrivna = ${start} + ${nya} = ${start + nya}, men aktiva under perioden är ${under}`,
      `start + new = ${start + nya}, but active during the period is ${under}`);
  }
  const namn = [...delar];
  if (avslut !== undefined && namn.length >= 2 && namn.every((d) => v[d] !== undefined)) {
    const summa = namn.reduce((s, d) => s + v[d]!, 0);
    if (summa !== avslut) {
      const lista = namn.map((d) => (d in NAMN ? NAMN[d as UtfallMatt] : d));
      k.varning(r.rad, "avslut", "utfall.avslut",
        `${vem}: utfallen (${lista.join(", ")}) summerar till ${summa}, men avslut är ${avslut}`,
        `outcomes sum to ${summa}, but exits are ${avslut}`);
    }
  }
  const [arbete, studier, alr] = [v.arbete, v.studier, v.arbetslivsinriktad_rehabilitering];
  if (arbete !== undefined && studier !== undefined && alr !== undefined && arbete + studier + alr === 0) {
    for (const m of UTFALL_MEDEL) {
      if (r.medel[m] === undefined) continue;
      k.varning(r.rad, m, "utfall.medel_utan_grupp",
        `${vem}: ${NAMN[m]} ${String(r.medel[m]).replace(".", ",")} anges, men ingen nådde målet (arbete + studier + arbetslivsinriktad rehabilitering = 0); ett medelvärde över ingen är tomt`,
        "a mean is given but nobody reached the goal");
    }
  }
}
