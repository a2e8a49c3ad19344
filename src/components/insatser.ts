// Insatsernas nyckeltal, utfall och jämställdhet på webbplatsen: tolkning av
// insatser_*-tabellerna i sidornas data (docs/utdata.md) och ren logik utan DOM, så att den kan testas
// (test/insatser-sida.test.ts). Diagram och tabeller finns i insatsvyer.js.
//
// Skyddade värden (undertryckt = 1) är alltid "dolda": de får aldrig värde, antal,
// position, sorteringsordning eller skalor. Allt här räknas bara på visade värden.
import type { INSATSER_JAMSTALLDHET, INSATSER_NYCKELTAL, INSATSER_RAPPORTERAT } from "../../loaders/publish/insatsscheman.ts";
import { avkoda, type Sidtabell } from "./sidodata.js";
import {
  NBSP,
  SAKNAS,
  formatAr,
  formatDifferens,
  formatHeltal,
  formatManader,
  formatProcent
} from "./format.js";

/** Den enda markeringen för ett dolt värde, överallt på webbplatsen. */
export const DOLT = "\u2022" as const;
/** Kort text för ett dolt värde (skärmläsare, verktygstips). */
export const DOLT_KORT = "Visas inte för att skydda enskilda personer";
/** Meningen som står vid varje tabell och diagram med insatsernas tal, när små värden döljs (undertryckning). */
export const SKYDDSTEXT =
  "Visas inte för att skydda enskilda personer (färre än 5 personer eller ett värde som annars skulle gå att räkna ut).";
/** Meningen om bruset (skyddsmetoden brus, standard). */
export const BRUSTEXT =
  "Talen är skyddade med ett litet slumpmässigt brus och kan skilja sig från förbundets egna register med några enheter.";
/** Med brus döljs bara medelvärden över för få personer. */
export const BRUS_DOLT_TEXT = "Ett medelvärde som bygger på för få personer visas inte.";

export type Skyddsmetod = "brus" | "undertryckning";
let metod: Skyddsmetod = "brus";
/**
 * Sidans skyddsmetod, ur kolumnen `skydd` i insatser_nyckeltal (`brus` eller
 * `undertryckning`): styr texten i skyddsnoten och i sidornas förklaringar.
 */
export function valjSkyddsmetod(rader: readonly { skydd?: string }[]): Skyddsmetod {
  const m = rader.find((d) => d.skydd)?.skydd;
  metod = m === "undertryckning" ? "undertryckning" : "brus";
  return metod;
}
/** Sidans skyddsmetod (valjSkyddsmetod). */
export function skyddsmetodNu(): Skyddsmetod {
  return metod;
}
/** Texten vid tabeller och diagram för sidans skyddsmetod. */
export function skyddstext(): string {
  return metod === "brus" ? `${BRUSTEXT} ${BRUS_DOLT_TEXT}` : SKYDDSTEXT;
}

export type Kon = "alla" | "kvinnor" | "man";
export interface Fonster {
  fran: string;
  till: string;
}
export interface FonsterMedNyckel extends Fonster {
  nyckel: string;
}
export interface NyckeltalRad extends Fonster {
  forbund: string;
  insats: string;
  kon: string;
  matt: string;
  varde: number | null;
  antal: number | null;
  dolt: boolean;
  /** Skyddsmetoden: brus eller undertryckning (kolumnen skydd). */
  skydd: string;
}
export interface UtfallRad extends Fonster {
  forbund: string;
  insats: string;
  kon: string;
  matt: string;
  varde: number | null;
  dolt: boolean;
}
export interface JamstalldhetRad extends Fonster {
  forbund: string;
  insats: string;
  matt: string;
  kvinnor: number | null;
  kvinnorAntal: number | null;
  man: number | null;
  manAntal: number | null;
  skillnad: number | null;
  kvinnorKiLag: number | null;
  kvinnorKiHog: number | null;
  manKiLag: number | null;
  manKiHog: number | null;
  pVarde: number | null;
  slutsats: string | null;
  befolkningAndelKvinnor: number | null;
}
export interface Nyckeltal {
  kod: string;
  rubrik: string;
  namn: string;
  kort: string;
  typ: "antal" | "andel" | "manader" | "ar";
}
export interface Visning {
  status: "dolt" | "saknas" | "visas";
  text: string;
}
/** En cell i en tabell: värdet och om det är dolt. */
export type Cell = { varde: number | null; dolt: boolean } | undefined;

/** Nyckeltalen i delårsbokslutets ordning (Tabell 1–4). */
export const NYCKELTAL: readonly Nyckeltal[] = [
  { kod: "deltagare", rubrik: "Deltagare totalt", namn: "Deltagare", kort: "Deltagare totalt", typ: "antal" },
  { kod: "avslut", rubrik: "Antal avslut", namn: "Avslut", kort: "Antal avslut", typ: "antal" },
  {
    kod: "andel_mal",
    rubrik: "Resultat mot mål (arbete/studier/arbetslivsinriktad rehabilitering)",
    namn: "Resultat mot mål",
    kort: "Resultat mot mål",
    typ: "andel"
  },
  { kod: "genomstromningstid_man", rubrik: "Genomströmningstid i snitt", namn: "Genomströmningstid i snitt", kort: "Genomströmningstid", typ: "manader" },
  {
    kod: "tid_fore_start_ar",
    rubrik: "Tid i bidrag/arbets- eller studielöshet före start",
    namn: "Tid i bidrag/arbets- eller studielöshet före start",
    kort: "Tid före start",
    typ: "ar"
  }
];

/** Raderna i en utfallstabell (rapporterad eller beräknad), i rapporternas ordning. */
export const UTFALL: readonly { kod: string; namn: string }[] = [
  { kod: "inskrivna_start", namn: "Inskrivna vid periodens start" },
  { kod: "nyinskrivna", namn: "Nyinskrivna under perioden" },
  { kod: "avslut", namn: "Avslut totalt" },
  { kod: "tidiga_avhopp", namn: "Tidiga avhopp" },
  { kod: "arbete", namn: "Arbete" },
  { kod: "studier", namn: "Studier" },
  // Mjukt bindestreck: namnet får brytas i smala tabeller.
  { kod: "arbetslivsinriktad_rehabilitering", namn: "Arbetslivs\u00adinriktad rehabilitering" },
  { kod: "medicinsk_rehabilitering", namn: "Medicinsk rehabilitering" },
  { kod: "sjukersattning", namn: "Sjukersättning" },
  { kod: "annat", namn: "Annat" },
  { kod: "overflyttad", namn: "Överflyttad till annan insats" },
  { kod: "aktiva_slut", namn: "Aktiva vid periodens slut" }
];

/**
 * Vart deltagarna gick vid avslut: delarna i staplarna, i fast ordning (målen först) och med
 * färger ur Observable 10 (samma familj som ERSATTNINGSFARGER i data.js).
 */
export const AVSLUTSUTFALL: readonly { kod: string; namn: string; farg: string }[] = [
  { kod: "arbete", namn: "Arbete", farg: "#4269d0" },
  { kod: "studier", namn: "Studier", farg: "#97bbf5" },
  { kod: "arbetslivsinriktad_rehabilitering", namn: "Arbetslivsinriktad rehabilitering", farg: "#3ca951" },
  { kod: "medicinsk_rehabilitering", namn: "Medicinsk rehabilitering", farg: "#a463f2" },
  { kod: "sjukersattning", namn: "Sjukersättning", farg: "#efb118" },
  { kod: "annat", namn: "Annat", farg: "#9498a0" },
  { kod: "tidiga_avhopp", namn: "Tidigt avhopp", farg: "#ff8ab7" }
];

/**
 * Vart deltagarna gick vid avslut, så långt nyckeltalen redan visar det: till målet
 * (täljaren i resultat mot mål), övriga avslut (resten av nämnaren) och tidiga avhopp
 * (avslut − nämnaren). En finare uppdelning publiceras inte: bredvid nyckeltalen skulle små
 * antal gå att räkna ut (den finns i `finsam run --intern`).
 */
export const AVSLUT_FRAN_NYCKELTAL: readonly { kod: string; namn: string; farg: string }[] = [
  { kod: "till_mal", namn: "Arbete, studier eller arbetslivsinriktad rehabilitering", farg: "#4269d0" },
  { kod: "ovriga", namn: "Övriga avslut (medicinsk rehabilitering, sjukersättning, annat)", farg: "#9498a0" },
  { kod: "tidiga_avhopp", namn: "Tidigt avhopp", farg: "#ff8ab7" }
];

/**
 * Utfall vid avslut härledda ur de publicerade nyckeltalen (aldrig ur dolda rader): per
 * förbund, insats, period och kön raderna avslut, till_mal, ovriga och tidiga_avhopp.
 */
export function utfallFranNyckeltal(nyckeltalsrader: readonly NyckeltalRad[]): UtfallRad[] {
  const celler = new Map<string, { bas: Omit<UtfallRad, "matt" | "varde" | "dolt">; matt: Partial<Record<string, NyckeltalRad>> }>();
  for (const d of nyckeltalsrader) {
    const nyckel = `${d.forbund}|${d.insats}|${d.fran}|${d.till}|${d.kon}`;
    if (!celler.has(nyckel)) celler.set(nyckel, { bas: { forbund: d.forbund, insats: d.insats, fran: d.fran, till: d.till, kon: d.kon }, matt: {} });
    celler.get(nyckel)!.matt[d.matt] = d;
  }
  const ut: UtfallRad[] = [];
  for (const c of celler.values()) {
    const avslut = c.matt.avslut;
    const andel = c.matt.andel_mal;
    const avslutVisat = avslut && !avslut.dolt && avslut.antal != null;
    const andelVisad = andel && !andel.dolt && andel.antal != null;
    const tillMal = andelVisad ? (andel.antal! > 0 ? Math.round(andel.varde! * andel.antal!) : 0) : null;
    const rad = (matt: string, varde: number | null): UtfallRad => ({ ...c.bas, matt, varde, dolt: varde == null });
    ut.push(rad("avslut", avslutVisat ? avslut.antal : null));
    ut.push(rad("till_mal", tillMal));
    ut.push(rad("ovriga", andelVisad ? andel.antal! - tillMal! : null));
    // Med brus har avslut och nämnaren var sitt brus: skillnaden kan bli under 0, och visas då som 0.
    ut.push(rad("tidiga_avhopp", avslutVisat && andelVisad ? Math.max(0, avslut.antal! - andel.antal!) : null));
  }
  return ut;
}

/** Kön i insatsfilerna. */
export const INSATSKON: readonly { kod: Kon; namn: string }[] = [
  { kod: "alla", namn: "Alla" },
  { kod: "kvinnor", namn: "Kvinnor" },
  { kod: "man", namn: "Män" }
];

const nyckeltalPerKod = new Map(NYCKELTAL.map((n) => [n.kod, n]));
const utfallsnamn = new Map([...UTFALL, ...AVSLUTSUTFALL, ...AVSLUT_FRAN_NYCKELTAL].map((u) => [u.kod, u.namn.replaceAll("\u00ad", "")]));

export const nyckeltal = (kod: string): Nyckeltal | undefined => nyckeltalPerKod.get(kod);
export const utfallNamn = (kod: string): string => utfallsnamn.get(kod) ?? kod;

/** Namnet på en insats: "totalt" är hela förbundet. */
export function insatsNamn(insats: string): string {
  return insats === "totalt" ? "Alla insatser (förbundet totalt)" : insats;
}

// --- Tolkning -------------------------------------------------------------------------


/** `undertryckt` är `1` i utdata för ett dolt värde. */
function arDolt(undertryckt: number): boolean {
  return undertryckt === 1;
}

/**
 * Tolkar insatser_nyckeltal.csv. En dold rad får aldrig något värde eller antal, även om
 * filen skulle ha ett.
 */
export function tolkaNyckeltal(t: Sidtabell): NyckeltalRad[] {
  return avkoda<typeof INSATSER_NYCKELTAL>(t, "insatser_nyckeltal").map((d) => {
    const dolt = arDolt(d.undertryckt);
    return {
      forbund: d.forbund,
      insats: d.insats,
      fran: d.fran,
      till: d.till,
      kon: d.kon,
      matt: d.matt,
      varde: dolt ? null : d.varde,
      antal: dolt ? null : d.antal,
      dolt,
      skydd: d.skydd ?? ""
    };
  });
}

/**
 * Tolkar insatser_rapporterat.csv eller insatser_utfall.csv (samma form). Den beräknade filen
 * skriver tidiga avhopp som `tidigt_avhopp`; här heter båda `tidiga_avhopp`.
 */
export function tolkaUtfall(t: Sidtabell): UtfallRad[] {
  if (t.tabell !== "insatser_rapporterat" && t.tabell !== "insatser_utfall") throw new Error(`väntade en utfallstabell, fick ${t.tabell}`);
  return avkoda<typeof INSATSER_RAPPORTERAT>(t).map((d) => {
    const dolt = arDolt(d.undertryckt);
    return {
      forbund: d.forbund,
      insats: d.insats,
      fran: d.fran,
      till: d.till,
      kon: d.kon,
      matt: d.matt === "tidigt_avhopp" ? "tidiga_avhopp" : d.matt,
      varde: dolt ? null : d.varde,
      dolt
    };
  });
}

/**
 * Tolkar insatser_jamstalldhet.csv (byggd bara av publicerade värden).
 */
export function tolkaJamstalldhet(t: Sidtabell): JamstalldhetRad[] {
  return avkoda<typeof INSATSER_JAMSTALLDHET>(t, "insatser_jamstalldhet").map((d) => ({
    forbund: d.forbund,
    insats: d.insats,
    fran: d.fran,
    till: d.till,
    matt: d.matt,
    kvinnor: d.kvinnor,
    kvinnorAntal: d.kvinnor_antal,
    man: d.man,
    manAntal: d.man_antal,
    skillnad: d.skillnad,
    kvinnorKiLag: d.kvinnor_ki_lag,
    kvinnorKiHog: d.kvinnor_ki_hog,
    manKiLag: d.man_ki_lag,
    manKiHog: d.man_ki_hog,
    pVarde: d.p_varde,
    slutsats: d.slutsats,
    befolkningAndelKvinnor: d.befolkning_andel_kvinnor
  }));
}

// --- Perioder och urval -----------------------------------------------------------------

/** Nyckel för en tolvmånadersperiod. */
export const fonsterNyckel = (d: Fonster): string => `${d.fran}/${d.till}`;

/** Ett kalenderår: perioden januari–december samma år. */
export const arKalenderar = (f: Fonster): boolean => f.fran.endsWith("-01") && f.till.endsWith("-12") && f.fran.slice(0, 4) === f.till.slice(0, 4);

/**
 * Alla tolvmånadersperioder i raderna, äldst först.
 */
export function fonsterIRader(rader: readonly Fonster[]): FonsterMedNyckel[] {
  const perNyckel = new Map<string, FonsterMedNyckel>();
  for (const d of rader) {
    const nyckel = fonsterNyckel(d);
    if (!perNyckel.has(nyckel)) perNyckel.set(nyckel, { nyckel, fran: d.fran, till: d.till });
  }
  return [...perNyckel.values()].sort((a, b) => a.till.localeCompare(b.till) || a.fran.localeCompare(b.fran));
}

/**
 * Insatserna för ett förbund: teamen i bokstavsordning, förbundet totalt ("totalt") först.
 * Ordningen beror aldrig på värdena.
 */
export function insatserIRader(rader: readonly { insats: string }[]): string[] {
  const team = [...new Set(rader.map((d) => d.insats).filter((i) => i !== "totalt"))].sort((a, b) => a.localeCompare(b, "sv"));
  return rader.some((d) => d.insats === "totalt") ? ["totalt", ...team] : team;
}

/**
 * Slår upp rader på förbund, insats, period, kön och mått.
 */
export function uppslag<T extends { forbund: string; insats: string; fran: string; till: string; kon?: string; matt: string }>(
  rader: readonly T[]
): (forbund: string, insats: string, fonster: Fonster, kon: string, matt: string) => T | undefined {
  const index = new Map<string, T>();
  for (const d of rader) index.set(`${d.forbund}|${d.insats}|${d.fran}/${d.till}|${d.kon ?? ""}|${d.matt}`, d);
  return (forbund, insats, f, kon, matt) => index.get(`${forbund}|${insats}|${f.fran}/${f.till}|${kon}|${matt}`);
}

// --- Teamen år för år (2018 års rapport, Tabell 12–15) ------------------------------------

/** Måtten i översikten teamen år för år, i rapportens ordning (Tabell 12–15). */
export const TEAMAR_MATT: readonly string[] = ["deltagare", "avslut", "andel_mal", "genomstromningstid_man"];

/** Ett team i översikten: namnet och de år (index i `ar`) då det fanns, eller null om aldrig. */
export interface TeamIAr {
  insats: string;
  forsta: number | null;
  sista: number | null;
}

/**
 * Teamen år för år för ett förbunds rader: kalenderåren (januari–december, äldst först), teamen
 * i bokstavsordning och för varje team de år det fanns, från det första till det sista
 * kalenderår då teamet hade deltagare (ett dolt antal deltagare betyder att det hade några).
 * Före och efter dem är teamets celler tomma, inte 0: teamet fanns inte då. Förbundet totalt
 * ("totalt") är inget team; `totalt` säger om raderna har det.
 */
export function teamAr(rader: readonly NyckeltalRad[]): { ar: FonsterMedNyckel[]; team: TeamIAr[]; totalt: boolean } {
  const ar = fonsterIRader(rader).filter(arKalenderar);
  const index = new Map(ar.map((f, i) => [f.nyckel, i]));
  const team = insatserIRader(rader)
    .filter((i) => i !== "totalt")
    .map((insats) => {
      const med = rader
        .filter((d) => d.insats === insats && d.kon === "alla" && d.matt === "deltagare" && (d.dolt || (d.varde ?? 0) > 0))
        .map((d) => index.get(fonsterNyckel(d)))
        .filter((i): i is number => i !== undefined);
      return { insats, forsta: med.length ? Math.min(...med) : null, sista: med.length ? Math.max(...med) : null };
    });
  return { ar, team, totalt: rader.some((d) => d.insats === "totalt") };
}

/** Fanns teamet året med index `i` (se teamAr)? */
export const fannsTeamet = (t: TeamIAr, i: number): boolean => t.forsta !== null && t.sista !== null && i >= t.forsta && i <= t.sista;

// --- Visning ----------------------------------------------------------------------------

/**
 * Ett nyckeltals värde som text, avrundat först här: andelar i hela procent, medelvärden med
 * en decimal och "mån" eller "år", antal som heltal. Saknat värde: "–".
 */
export function formatNyckeltal(matt: string, varde: number | null | undefined): string {
  switch (nyckeltal(matt)?.typ) {
    case "andel":
      return formatProcent(varde, 0);
    case "manader":
      return formatManader(varde);
    case "ar":
      return formatAr(varde);
    default:
      return formatHeltal(varde);
  }
}

/**
 * Hur en cell ska visas: dold (markeringen), saknad ("–") eller ett värde.
 */
export function visning(rad: Cell | null, format: (x: number) => string): Visning {
  if (rad?.dolt) return { status: "dolt", text: DOLT };
  if (!rad || rad.varde == null) return { status: "saknas", text: SAKNAS };
  return { status: "visas", text: format(rad.varde) };
}

/**
 * Antalet som ett nyckeltal bygger på (nämnaren för en andel, gruppen för ett medelvärde),
 * visat på samma sätt som värdet: dolt när raden är dold.
 */
export function visningAntal(rad: { antal: number | null; dolt: boolean } | undefined): Visning {
  return visning(rad && { varde: rad.antal, dolt: rad.dolt }, formatHeltal);
}

// --- Diagramdata (bara visade värden får position) -------------------------------------------

/**
 * Punkter och dolda markeringar för ett tidsdiagram. Visade värden blir punkter; dolda blir
 * bara en markering (utan värde); saknade värden blir ingenting.
 */
export function tidsserie(
  rader: readonly { fran: string; till: string; kon: string; varde: number | null; antal?: number | null; dolt: boolean }[],
  fonster: readonly FonsterMedNyckel[]
): {
  punkter: { nyckel: string; fran: string; till: string; kon: string; varde: number; antal: number | null }[];
  dolda: { nyckel: string; fran: string; till: string; kon: string }[];
} {
  const nycklar = new Set(fonster.map((f) => f.nyckel));
  const punkter: { nyckel: string; fran: string; till: string; kon: string; varde: number; antal: number | null }[] = [];
  const dolda: { nyckel: string; fran: string; till: string; kon: string }[] = [];
  for (const d of rader) {
    const nyckel = fonsterNyckel(d);
    if (!nycklar.has(nyckel)) continue;
    if (d.dolt) dolda.push({ nyckel, fran: d.fran, till: d.till, kon: d.kon });
    else if (d.varde != null) punkter.push({ nyckel, fran: d.fran, till: d.till, kon: d.kon, varde: d.varde, antal: d.antal ?? null });
  }
  return { punkter, dolda };
}

/**
 * Linjer med hål: en rad per kön och period, där dolda och saknade perioder har värdet null så
 * att linjen bryts där i stället för att dras rakt över.
 */
export function linjerMedHal(
  punkter: readonly { nyckel: string; kon: string; varde: number }[],
  fonster: readonly { nyckel: string }[],
  kon: readonly string[]
): { kon: string; nyckel: string; varde: number | null }[] {
  const index = new Map(punkter.map((p) => [`${p.kon}|${p.nyckel}`, p]));
  return kon.flatMap((k) => fonster.map((f) => ({ kon: k, nyckel: f.nyckel, varde: index.get(`${k}|${f.nyckel}`)?.varde ?? null })));
}

/**
 * En värdeaxels domän från visade värden: från 0 till det största visade värdet med lite luft.
 * Dolda värden finns inte i indata och kan inte påverka den.
 */
export function domanFranVisade(
  varden: readonly (number | null | undefined)[],
  { tak = null, luft = 0.1 }: { tak?: number | null; luft?: number } = {}
): [number, number] {
  let hogsta = 0;
  for (const v of varden) if (v != null && Number.isFinite(v) && v > hogsta) hogsta = v;
  if (tak != null) return [0, Math.min(tak, Math.max(hogsta * (1 + luft), tak / 2))];
  return [0, hogsta > 0 ? hogsta * (1 + luft) : 1];
}

/**
 * Staplade utfall per period: segment för visade utfall (staplade i fast ordning, bara visade
 * värden), och för varje period vilka utfall som är dolda.
 */
export function staplatUtfall(
  rader: readonly { fran: string; till: string; matt: string; varde: number | null; dolt: boolean }[],
  fonster: readonly FonsterMedNyckel[],
  kategorier: readonly { kod: string; namn: string }[] = AVSLUTSUTFALL
): {
  segment: { nyckel: string; fran: string; till: string; kod: string; namn: string; varde: number; x1: number; x2: number }[];
  perioder: { nyckel: string; fran: string; till: string; avslut: number | null; avslutDolt: boolean; dolda: string[] }[];
} {
  const index = new Map(rader.map((d) => [`${fonsterNyckel(d)}|${d.matt}`, d]));
  const segment: { nyckel: string; fran: string; till: string; kod: string; namn: string; varde: number; x1: number; x2: number }[] = [];
  const perioder: { nyckel: string; fran: string; till: string; avslut: number | null; avslutDolt: boolean; dolda: string[] }[] = [];
  for (const f of fonster) {
    let x = 0;
    const dolda: string[] = [];
    for (const u of kategorier) {
      const d = index.get(`${f.nyckel}|${u.kod}`);
      if (d?.dolt) {
        dolda.push(u.kod);
        continue;
      }
      if (d?.varde == null || d.varde === 0) continue;
      segment.push({ nyckel: f.nyckel, fran: f.fran, till: f.till, kod: u.kod, namn: u.namn, varde: d.varde, x1: x, x2: x + d.varde });
      x += d.varde;
    }
    const avslut = index.get(`${f.nyckel}|avslut`);
    perioder.push({
      nyckel: f.nyckel,
      fran: f.fran,
      till: f.till,
      avslut: avslut && !avslut.dolt ? avslut.varde : null,
      avslutDolt: Boolean(avslut?.dolt),
      dolda
    });
  }
  return { segment, perioder };
}

// --- Kontroll av rapporterade tabeller ------------------------------------------------------

/** Utfallen som tillsammans ska bli avslut i teamens rapporter. */
export const RAPPORTERADE_DELAR: readonly string[] = ["tidiga_avhopp", "arbete", "studier", "arbetslivsinriktad_rehabilitering", "sjukersattning", "annat"];

const visat = (rad: Cell | null): rad is { varde: number; dolt: boolean } => rad != null && !rad.dolt && rad.varde != null;
/** Har teamet rapporterat talet (visat eller dolt)? */
const rapporterat = (rad: Cell | null): boolean => rad != null && (rad.dolt || rad.varde != null);

/**
 * Kontrollerar en rapporterad tabell mot sig själv. En kontroll görs bara när alla tal som
 * ingår visas; annars är statusen "ej_kontrollerad" (och ingenting räknas). Utfallen som
 * summeras till avslut är de som tabellen har: de sex vanliga, medicinsk rehabilitering och
 * teamets egna utfall (`egna`, t.ex. "Nära till hälsa").
 */
export function kontrolleraRapport(
  hamta: (matt: string) => Cell,
  egna: readonly string[] = []
): { kod: "balans" | "utfall"; status: "stammer" | "motsager" | "ej_kontrollerad"; text: string; matt: string[] }[] {
  const ut: { kod: "balans" | "utfall"; status: "stammer" | "motsager" | "ej_kontrollerad"; text: string; matt: string[] }[] = [];
  const balans = ["inskrivna_start", "nyinskrivna", "avslut", "aktiva_slut"].map(hamta);
  if (balans.every((d) => visat(d))) {
    const [start, nya, avslut, aktiva] = balans.map((d) => d!.varde!) as [number, number, number, number];
    const vantat = start + nya - avslut;
    ut.push(
      vantat === aktiva
        ? { kod: "balans", status: "stammer", matt: ["aktiva_slut"], text: `Inskrivna vid start + nyinskrivna − avslut = aktiva vid periodens slut (${formatHeltal(start)} + ${formatHeltal(nya)} − ${formatHeltal(avslut)} = ${formatHeltal(aktiva)}).` }
        : {
            kod: "balans",
            status: "motsager",
            matt: ["aktiva_slut"],
            text: `Inskrivna vid start + nyinskrivna − avslut = ${formatHeltal(start)} + ${formatHeltal(nya)} − ${formatHeltal(avslut)} = ${formatHeltal(vantat)}, men teamet rapporterar ${formatHeltal(aktiva)} aktiva vid periodens slut.`
          }
    );
  } else {
    ut.push({ kod: "balans", status: "ej_kontrollerad", matt: [], text: "Inskrivna vid start + nyinskrivna − avslut = aktiva vid slut går inte att kontrollera, eftersom något av talen inte visas." });
  }
  const koder = [...RAPPORTERADE_DELAR.slice(0, 4), "medicinsk_rehabilitering", ...RAPPORTERADE_DELAR.slice(4), ...egna].filter((m) => rapporterat(hamta(m)));
  const delar = koder.map(hamta);
  const avslut = hamta("avslut");
  const namnen = koder.map((m) => (UTFALL.find((u) => u.kod === m)?.namn.replaceAll("\u00ad", "") ?? m).replace(/^[A-ZÅÄÖ](?=[a-zåäö])/, (c) => c.toLowerCase()));
  if (delar.length >= 2 && delar.every((d) => visat(d)) && visat(avslut)) {
    const summa = delar.reduce((s, d) => s + d!.varde!, 0);
    const a = avslut.varde;
    ut.push(
      summa === a
        ? { kod: "utfall", status: "stammer", matt: ["avslut"], text: `Utfallen summerar till antalet avslut (${formatHeltal(a)}).` }
        : {
            kod: "utfall",
            status: "motsager",
            matt: ["avslut"],
            text: `Utfallen (${namnen.slice(0, -1).join(", ")} och ${namnen.at(-1)}) summerar till ${formatHeltal(summa)}, men teamet rapporterar ${formatHeltal(a)} avslut.`
          }
    );
  } else {
    ut.push({ kod: "utfall", status: "ej_kontrollerad", matt: [], text: "Att utfallen summerar till antalet avslut går inte att kontrollera, eftersom något av talen inte visas." });
  }
  return ut;
}

// --- Text för styrelsen ---------------------------------------------------------------------

const SLUTSATS: Record<"inom_slumpens_variation" | "storre_an_slumpen", string> = {
  inom_slumpens_variation: "skillnaden ryms inom slumpens variation",
  storre_an_slumpen: "skillnaden är större än vad slumpen brukar ge"
};

/**
 * Slutsatsen om skillnaden mellan kvinnor och män i ord. Följer `slutsats`; saknas den avgör
 * p-värdet (p < 0,05: större än vad slumpen brukar ge).
 */
export function slutsatsText(jam: { slutsats: string | null; pVarde: number | null } | undefined): string | null {
  if (!jam) return null;
  if (jam.slutsats && jam.slutsats in SLUTSATS) return SLUTSATS[jam.slutsats as keyof typeof SLUTSATS];
  if (jam.pVarde != null) return jam.pVarde < 0.05 ? SLUTSATS.storre_an_slumpen : SLUTSATS.inom_slumpens_variation;
  return null;
}

const AMNE: Record<string, { amne: string; saknas: string }> = {
  deltagare: { amne: "Antalet deltagare", saknas: "det fanns inga deltagare" },
  avslut: { amne: "Antalet avslut", saknas: "det fanns inga avslut" },
  andel_mal: {
    amne: "Andelen som gick till arbete, studier eller arbetslivsinriktad rehabilitering",
    saknas: "det fanns inga avslut att räkna andelen på"
  },
  genomstromningstid_man: {
    amne: "Genomströmningstiden i snitt (för dem som nådde målet)",
    saknas: "ingen nådde målet"
  },
  tid_fore_start_ar: {
    amne: "Tiden i bidrag/arbets- eller studielöshet före start (i snitt, för dem som nådde målet)",
    saknas: "uppgiften finns inte för någon som nådde målet"
  }
};

const konOrd = { kvinnor: "kvinnor", man: "män" } as const;

/**
 * En mening om ett nyckeltal för kvinnor och män. Ett dolt värde nämns som dolt, aldrig
 * uppskattat; ett saknat värde förklaras.
 */
export function konsmening(matt: string, kvinnor: Cell, man: Cell, jam?: { slutsats: string | null; pVarde: number | null }): string {
  const a = AMNE[matt] ?? { amne: nyckeltal(matt)?.namn ?? matt, saknas: "det finns inget underlag" };
  const fmt = (x: number | null | undefined) => formatNyckeltal(matt, x);
  const status = (d: Cell) => (d?.dolt ? "dolt" : d?.varde == null ? "saknas" : "visas");
  const sk = status(kvinnor);
  const sm = status(man);
  if (sk === "visas" && sm === "visas") {
    const slutsats = matt === "andel_mal" ? slutsatsText(jam) : null;
    return `${a.amne} var ${fmt(kvinnor?.varde)} för kvinnor och ${fmt(man?.varde)} för män${slutsats ? `; ${slutsats}` : ""}.`;
  }
  if (sk === "dolt" && sm === "dolt") {
    return `${a.amne} visas inte för kvinnor och män var för sig, för att skydda enskilda personer.`;
  }
  if (sk === "saknas" && sm === "saknas") {
    return `${a.amne} går inte att ange för kvinnor och män, eftersom ${a.saknas}.`;
  }
  const delar: { s: string; text: string }[] = [];
  for (const [kon, s, d] of [["kvinnor", sk, kvinnor], ["man", sm, man]] as const) {
    if (s === "visas") delar.push({ s, text: `${fmt(d?.varde)} för ${konOrd[kon]}` });
    else if (s === "dolt") delar.push({ s, text: `för ${konOrd[kon]} visas värdet inte, för att skydda enskilda personer` });
    else delar.push({ s, text: `för ${konOrd[kon]} finns inget värde, eftersom ${a.saknas}` });
  }
  const forsta = delar.find((d) => d.s === "visas");
  if (forsta) {
    const andra = delar.find((d) => d !== forsta);
    return `${a.amne} var ${forsta.text}; ${andra?.text}.`;
  }
  // Det ena dolt, det andra saknas.
  return `${a.amne}: ${delar[0]?.text}; ${delar[1]?.text}.`;
}

/**
 * Kvinnornas andel av deltagarna jämfört med befolkningen, i ord. Tom text när andelen saknas
 * för att det inte fanns några deltagare.
 */
export function andelKvinnorMening(rad: { kvinnor: number | null; befolkningAndelKvinnor: number | null } | undefined, dolt = false): string {
  if (dolt) return "Kvinnornas andel av deltagarna visas inte, eftersom antalet kvinnor eller män inte visas.";
  if (!rad || rad.kvinnor == null) return "";
  const bef = rad.befolkningAndelKvinnor;
  return `Kvinnorna var ${formatProcent(rad.kvinnor, 0)} av deltagarna${bef != null ? `, jämfört med ${formatProcent(bef, 0)} av befolkningen 20–64 år i förbundets kommuner` : ""}.`;
}

/**
 * Texten för styrelsen för en insats och en period: en mening per nyckeltal.
 * }} alternativ
 */
export function styrelsetext({ hamta, jam }: {
  hamta: (kon: string, matt: string) => Cell;
  jam: (matt: string) => JamstalldhetRad | undefined;
}): string[] {
  const meningar: string[] = [];
  const kvinnor = hamta("kvinnor", "deltagare");
  const man = hamta("man", "deltagare");
  const andel = andelKvinnorMening(jam("andel_kvinnor"), Boolean(kvinnor?.dolt || man?.dolt));
  meningar.push(`${konsmening("deltagare", kvinnor, man)}${andel ? ` ${andel}` : ""}`);
  const badaDolda: string[] = [];
  for (const matt of ["avslut", "andel_mal", "genomstromningstid_man", "tid_fore_start_ar"]) {
    const k = hamta("kvinnor", matt);
    const m = hamta("man", matt);
    if (k?.dolt && m?.dolt) badaDolda.push(matt);
    else meningar.push(konsmening(matt, k, m, jam(matt)));
  }
  if (badaDolda.length === 1) meningar.push(konsmening(badaDolda[0]!, hamta("kvinnor", badaDolda[0]!), hamta("man", badaDolda[0]!)));
  else if (badaDolda.length > 1) {
    const namn = badaDolda.map((m) => KORTNAMN[m] ?? m);
    const lista = `${namn.slice(0, -1).join(", ")} och ${namn.at(-1)}`;
    meningar.push(`${lista.charAt(0).toUpperCase()}${lista.slice(1)} visas inte för kvinnor och män var för sig, för att skydda enskilda personer.`);
  }
  return meningar;
}

const KORTNAMN: Record<string, string> = {
  avslut: "antalet avslut",
  andel_mal: "resultatet mot mål",
  genomstromningstid_man: "genomströmningstiden",
  tid_fore_start_ar: "tiden före start"
};

/**
 * Skillnaden kvinnor − män som text i måttets enhet ("+7", "−12 procentenheter", "+0,4 mån").
 * Bara när båda värdena visas.
 */
export function formatSkillnad(matt: string, kvinnor: number | null | undefined, man: number | null | undefined): string {
  if (kvinnor == null || man == null) return SAKNAS;
  const s = kvinnor - man;
  switch (nyckeltal(matt)?.typ) {
    case "andel":
      return `${formatDifferens(s * 100, 0)}${NBSP}procentenheter`;
    case "manader":
      return `${formatDifferens(s, 1)}${NBSP}mån`;
    case "ar":
      return `${formatDifferens(s, 1)}${NBSP}år`;
    default:
      return formatDifferens(s, 0);
  }
}

// --- Första vyn ---------------------------------------------------------------------------

/**
 * Perioden som sidan Jämställdhet öppnas på: den senaste där förbundets resultat mot mål
 * (insatsen "totalt") visas, inte dolt, för både kvinnor och män; finns ingen sådan, den
 * senaste perioden. `fonster` i den ordning listan visar dem (nyaste först). Ger också de
 * nyare perioderna (där värdena är dolda), så att sidan kan säga varför den inte öppnas på dem.
 */
export function forstaPeriod<F extends Fonster>(
  fonster: readonly F[],
  hamta: (f: F, kon: string, matt: string) => Cell | undefined
): { period: F | undefined; medKon: boolean; nyare: F[] } {
  const visas = (f: F) =>
    ["kvinnor", "man"].every((kon) => {
      const r = hamta(f, kon, "andel_mal");
      return Boolean(r && !r.dolt && r.varde != null);
    });
  const i = fonster.findIndex(visas);
  if (i < 0) return { period: fonster[0], medKon: false, nyare: [] };
  return { period: fonster[i], medKon: true, nyare: fonster.slice(0, i) };
}
