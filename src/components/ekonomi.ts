// Ekonomin på webbplatsen: tolkning av ekonomi_*-tabellerna i sidans data (data/sida/ekonomi.json,
// samma kolumner som ekonomi_*.csv, docs/utdata.md) och tabellerna som
// rapporterna ställer upp dem, som rena tabellmodeller utan DOM (rubriker och celler som text,
// tkr och svenska talformat). Sidan Ekonomi bygger element av dem i ekonomivyer.ts, och
// styrelserapporten kan använda samma modeller. Testas i test/ekonomi-sida.test.ts.
//
// Beloppen i filerna är kr och oavrundade; här avrundas de först när de visas (tkr).
import type {
  EKONOMI_BALANSRAKNING, EKONOMI_DRIFT, EKONOMI_EGET_KAPITAL, EKONOMI_ID, EKONOMI_KASSAFLODE, EKONOMI_LANGSIKTIG,
  EKONOMI_MEDELSTILLDELNING, EKONOMI_NOTER, EKONOMI_NYCKELTAL, EKONOMI_RESULTATRAKNING,
} from "../../loaders/kinds/ekonomi/utdata.ts";
import { formatHeltal, formatProcent, MANADER } from "./format.js";
import { avkoda, type Sidtabell } from "./sidodata.js";

export interface Modellkolumn {
  rubrik: string;
  tal?: boolean;
}
export interface Modellrad {
  rubrik: string;
  celler: string[];
  klass?: string | null;
}
export interface Tabellmodell {
  bildtext: string;
  kolumner: Modellkolumn[];
  rader: Modellrad[];
  fotnot?: string | null;
  /** One year per row: the first column can be narrow. */
  arstabell?: boolean;
}
export interface Rapport {
  ar: number;
  till: string;
}
interface ForbundAr {
  forbund: string;
  ar: number;
}
export interface DriftRad extends ForbundAr {
  till: string;
  id: string;
  post: string;
  utfall: number | null;
  budget: number | null;
  aterstar: number | null;
  forbrukad: number | null;
  prognos: number | null;
}
export interface IdRad extends ForbundAr {
  id: string;
  namn: string;
  post: string;
}
export interface RrRad extends ForbundAr {
  till: string;
  rad: string;
  budget: number | null;
  utfall: number | null;
  avvikelse: number | null;
  prognos: number | null;
  foregaende: number | null;
}
export interface BrRad extends ForbundAr {
  till: string;
  datum: string;
  rad: string;
  belopp: number | null;
}
export interface KfRad extends ForbundAr {
  till: string;
  rad: string;
  belopp: number | null;
}
export interface NotRad extends ForbundAr {
  till: string;
  not: string;
  rad: string;
  belopp: number | null;
  foregaende: number | null;
}
export interface NyckeltalRad extends ForbundAr {
  till: string;
  matt: string;
  varde: number | null;
  taljare: number | null;
  namnare: number | null;
}
export interface MedelRad extends ForbundAr {
  medlem: string;
  andel: number | null;
  belopp: number | null;
  status: string;
}
export interface LangsiktigRad extends ForbundAr {
  medelstilldelning: number | null;
  medelstilldelningStatus: string;
  budget: number | null;
  budgetResultat: number | null;
  egetKapital: number | null;
  underlag: string;
}
export interface EgetKapitalRad extends ForbundAr {
  datum: string;
  underlag: string;
  egetKapital: number | null;
  bas: string;
  basbelopp: number | null;
  andel: number | null;
  hogstAndel: number | null;
  hogstBelopp: number | null;
  hogstUppfyllt: boolean | null;
  lagstBelopp: number | null;
  lagstUppfyllt: boolean | null;
}
export interface Regeltext {
  ar: number;
  underlag: string;
  uppfyllt: boolean;
  text: string;
}
export interface SeriePunkt {
  ar: number;
  egetKapital: number | null;
  hogst: number | null;
  lagst: number | null;
  underlag: string;
}
export interface Nyckeltalstext {
  matt: string;
  namn: string;
  varde: string;
  text: string;
}


// ---- Tolkning ---------------------------------------------------------------------------------

const text = (v: string | null | undefined): string => v ?? "";
/** Ett tal ur sidans data; saknat är null, aldrig 0. */
const tal = (x: number | null | undefined): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);

export function tolkaDrift(t: Sidtabell): DriftRad[] {
  const rader = avkoda<typeof EKONOMI_DRIFT>(t, "ekonomi_drift");
  return rader.map((d) => ({
    forbund: d.forbund, ar: Number(d.ar), till: d.till_datum, id: d.id, post: d.post,
    utfall: tal(d.utfall), budget: tal(d.budget), aterstar: tal(d.aterstar), forbrukad: tal(d.forbrukad), prognos: tal(d.prognos)
  }));
}

export function tolkaId(t: Sidtabell): IdRad[] {
  const rader = avkoda<typeof EKONOMI_ID>(t, "ekonomi_id");
  return rader.map((d) => ({ forbund: d.forbund, ar: Number(d.ar), id: d.id, namn: text(d.namn), post: d.post }));
}

export function tolkaResultatrakning(t: Sidtabell): RrRad[] {
  const rader = avkoda<typeof EKONOMI_RESULTATRAKNING>(t, "ekonomi_resultatrakning");
  return rader.map((d) => ({
    forbund: d.forbund, ar: Number(d.ar), till: d.till_datum, rad: d.rad,
    budget: tal(d.budget), utfall: tal(d.utfall), avvikelse: tal(d.avvikelse), prognos: tal(d.prognos), foregaende: tal(d.foregaende_ar)
  }));
}

export function tolkaBalansrakning(t: Sidtabell): BrRad[] {
  const rader = avkoda<typeof EKONOMI_BALANSRAKNING>(t, "ekonomi_balansrakning");
  return rader.map((d) => ({ forbund: d.forbund, ar: Number(d.ar), till: d.till_datum, datum: d.datum, rad: d.rad, belopp: tal(d.belopp) }));
}

export function tolkaKassaflode(t: Sidtabell): KfRad[] {
  const rader = avkoda<typeof EKONOMI_KASSAFLODE>(t, "ekonomi_kassaflode");
  return rader.map((d) => ({ forbund: d.forbund, ar: Number(d.ar), till: d.till_datum, rad: d.rad, belopp: tal(d.belopp) }));
}

export function tolkaNoter(t: Sidtabell): NotRad[] {
  const rader = avkoda<typeof EKONOMI_NOTER>(t, "ekonomi_noter");
  return rader.map((d) => ({ forbund: d.forbund, ar: Number(d.ar), till: d.till_datum, not: d.not, rad: d.rad, belopp: tal(d.belopp), foregaende: tal(d.foregaende_ar) }));
}

export function tolkaNyckeltal(t: Sidtabell): NyckeltalRad[] {
  const rader = avkoda<typeof EKONOMI_NYCKELTAL>(t, "ekonomi_nyckeltal");
  return rader.map((d) => ({ forbund: d.forbund, ar: Number(d.ar), till: d.till_datum, matt: d.matt, varde: tal(d.varde), taljare: tal(d.taljare), namnare: tal(d.namnare) }));
}

export function tolkaMedelstilldelning(t: Sidtabell): MedelRad[] {
  const rader = avkoda<typeof EKONOMI_MEDELSTILLDELNING>(t, "ekonomi_medelstilldelning");
  return rader.map((d) => ({ forbund: d.forbund, ar: Number(d.ar), medlem: d.medlem, andel: tal(d.andel), belopp: tal(d.belopp), status: d.status }));
}

export function tolkaLangsiktig(t: Sidtabell): LangsiktigRad[] {
  const rader = avkoda<typeof EKONOMI_LANGSIKTIG>(t, "ekonomi_langsiktig");
  return rader.map((d) => ({
    forbund: d.forbund, ar: Number(d.ar), medelstilldelning: tal(d.medelstilldelning), medelstilldelningStatus: text(d.medelstilldelning_status),
    budget: tal(d.budget), budgetResultat: tal(d.budget_resultat), egetKapital: tal(d.eget_kapital), underlag: text(d.eget_kapital_underlag)
  }));
}

export function tolkaEgetKapital(t: Sidtabell): EgetKapitalRad[] {
  const rader = avkoda<typeof EKONOMI_EGET_KAPITAL>(t, "ekonomi_eget_kapital");
  const sant = (v: number | null): boolean | null => (v == null ? null : v === 1);
  return rader.map((d) => ({
    forbund: d.forbund, ar: Number(d.ar), datum: d.datum, underlag: d.underlag, egetKapital: tal(d.eget_kapital), bas: d.bas, basbelopp: tal(d.basbelopp),
    andel: tal(d.andel), hogstAndel: tal(d.hogst_andel), hogstBelopp: tal(d.hogst_belopp), hogstUppfyllt: sant(d.hogst_uppfyllt),
    lagstBelopp: tal(d.lagst_belopp), lagstUppfyllt: sant(d.lagst_uppfyllt)
  }));
}

// ---- Format ------------------------------------------------------------------------------------

/** kr som hela tkr: 2 060 445 -> "2 060", −10 505 -> "−11"; saknat -> "–". */
export function tkr(kr: number | null | undefined): string {
  return formatHeltal(kr == null ? null : kr / 1000);
}

/** En andel som hela procent, som rapporterna: 0,7949 -> "79 %". */
export function procent(x: number | null | undefined): string {
  return formatProcent(x, 0);
}

/** "2025-08-31" -> "31 augusti 2025". */
export function datumText(datum: string): string {
  const [y, m, d] = datum.split("-").map(Number) as [number, number, number];
  return `${d} ${MANADER[m - 1]} ${y}`;
}

/** Perioden från årets början: "januari–augusti 2025", eller "2024" för helt år. */
export function periodText(till: string): string {
  const [y, m, d] = till.split("-").map(Number) as [number, number, number];
  if (m === 12 && d === 31) return String(y);
  return `januari–${MANADER[m - 1]} ${y}`;
}

// ---- Urval -------------------------------------------------------------------------------------

/** Förbundets rapporter (år och datum), senaste först. */
export function rapporter(driftrader: readonly DriftRad[], forbund: string): Rapport[] {
  const m = new Map();
  for (const d of driftrader) if (d.forbund === forbund) m.set(d.till, { ar: d.ar, till: d.till });
  return [...m.values()].sort((a, b) => (a.till < b.till ? 1 : -1));
}

/** Förbunden med ekonomi, i namnordning. */
export function forbundMedEkonomi(...listor: readonly (readonly { forbund: string }[])[]): string[] {
  return [...new Set(listor.flat().map((d) => d.forbund))];
}

const forbundsAr = <T extends { forbund: string; till: string }>(rader: readonly T[], forbund: string, till: string): T[] => rader.filter((d) => d.forbund === forbund && d.till === till);

// ---- Resultaträkning ----------------------------------------------------------------------------

const RR_RADER: { rad: string; namn: string; klass: string | null; baraOmNagot?: boolean }[] = [
  { rad: "verksamhetens_intakter", namn: "Verksamhetens intäkter", klass: null },
  { rad: "medlemsbidrag", namn: "varav medlemsbidrag", klass: "del" },
  { rad: "ovriga_intakter", namn: "varav övriga intäkter", klass: "del" },
  { rad: "verksamhetens_kostnader", namn: "Verksamhetens kostnader", klass: null },
  { rad: "verksamhetens_resultat", namn: "Resultat före finansiella poster", klass: "summa" },
  { rad: "finansiella_intakter", namn: "Finansiella intäkter", klass: null },
  { rad: "finansiella_kostnader", namn: "Finansiella kostnader", klass: null },
  { rad: "extraordinara_poster", namn: "Extraordinära poster", klass: null, baraOmNagot: true },
  { rad: "arets_resultat", namn: "Årets resultat", klass: "summa" }
];

/**
 * Resultaträkningen som Södra Dalarnas delårsbokslut (Tabell 6): budget, utfall, avvikelse,
 * prognos, och samma period året före när den finns. Intäkter plus, kostnader minus.
 */
export function resultatrakningModell(rrRader: readonly RrRad[], forbund: string, { ar, till }: Rapport, forbundsnamn = forbund): Tabellmodell {
  const rader = forbundsAr(rrRader, forbund, till);
  const per = new Map(rader.map((d) => [d.rad, d]));
  type Belopp = "budget" | "utfall" | "avvikelse" | "prognos" | "foregaende";
  const har = (k: Belopp) => rader.some((d) => d[k] != null);
  const kolumner = ([
    har("budget") ? { rubrik: "Budget", k: "budget" } : null,
    { rubrik: `Utfall ${ar}`, k: "utfall" },
    har("budget") ? { rubrik: "Avvikelse", k: "avvikelse" } : null,
    har("prognos") ? { rubrik: `Prognos ${ar}`, k: "prognos" } : null,
    har("foregaende") ? { rubrik: `Utfall ${ar - 1}`, k: "foregaende" } : null
  ] as ({ rubrik: string; k: Belopp } | null)[]).filter((k): k is { rubrik: string; k: Belopp } => k !== null);
  const helt = till.endsWith("-12-31");
  return {
    bildtext: `Resultaträkning ${forbundsnamn} per den ${datumText(till)} (tkr)`,
    fotnot: `Utfallet gäller ${periodText(till)}${har("foregaende") ? ` och ${helt ? "hela" : "samma period"} ${ar - 1}` : ""}; budget och prognos gäller hela ${ar}. Avvikelse = utfall − budget. Intäkter med plustecken och kostnader med minustecken.`,
    kolumner: [{ rubrik: "Resultaträkning" }, ...kolumner.map((k) => ({ rubrik: k.rubrik, tal: true }))],
    rader: RR_RADER.filter((r) => per.has(r.rad) && (!r.baraOmNagot || kolumner.some((k) => (per.get(r.rad)![k.k] ?? 0) !== 0))).map((r) => ({
      rubrik: r.namn,
      klass: r.klass,
      celler: kolumner.map((k) => tkr(per.get(r.rad)![k.k]))
    }))
  };
}

// ---- Driftsredovisning --------------------------------------------------------------------------

/**
 * Driftsredovisningen som Tabell 7: per ID ack utfall, årsbudget, återstår, förbrukad och
 * prognos, kostnader plus och intäkter minus (Kommun-Bas). Totalraden utan förbrukad.
 */
export function driftModell(driftrader: readonly DriftRad[], idrader: readonly IdRad[], forbund: string, { ar, till }: Rapport, forbundsnamn = forbund): Tabellmodell {
  const rader = forbundsAr(driftrader, forbund, till);
  const namn = new Map(idrader.filter((d) => d.forbund === forbund && d.ar === ar).map((d) => [d.id, d.namn]));
  const harPrognos = rader.some((d) => d.prognos != null);
  const kolumner = [
    { rubrik: "Driftsredovisning" },
    { rubrik: "Ack utfall (tkr)", tal: true },
    { rubrik: "Årsbudget (tkr)", tal: true },
    { rubrik: "Återstår (tkr)", tal: true },
    { rubrik: "Förbrukad av årsbudget %", tal: true },
    ...(harPrognos ? [{ rubrik: `Prognos ${ar} (tkr)`, tal: true }] : [])
  ];
  return {
    bildtext: `Driftsredovisning ${forbundsnamn} per den ${datumText(till)}${harPrognos ? " och prognos för året" : ""}`,
    kolumner,
    rader: rader.map((d) => ({
      rubrik: d.id === "totalt" ? "Totalt verksamhet" : namn.get(d.id) ?? d.id,
      klass: d.id === "totalt" ? "summa" : null,
      celler: [tkr(d.utfall), tkr(d.budget), tkr(d.aterstar), d.id === "totalt" ? "" : procent(d.forbrukad), ...(harPrognos ? [tkr(d.prognos)] : [])]
    }))
  };
}

// ---- Balansräkning och kassaflöde ------------------------------------------------------------

const BR_RADER: { rad: string; namn: string; klass?: string; baraOmNagot?: boolean }[] = [
  { rad: "anlaggningstillgangar", namn: "Anläggningstillgångar", baraOmNagot: true },
  { rad: "fordringar", namn: "Fordringar" },
  { rad: "kortfristiga_placeringar", namn: "Kortfristiga placeringar", baraOmNagot: true },
  { rad: "kassa_och_bank", namn: "Kassa och bank" },
  { rad: "summa_omsattningstillgangar", namn: "Summa omsättningstillgångar", klass: "summa" },
  { rad: "summa_tillgangar", namn: "Summa tillgångar", klass: "summa" },
  { rad: "eget_kapital", namn: "Eget kapital" },
  { rad: "arets_resultat", namn: "Årets resultat" },
  { rad: "summa_eget_kapital", namn: "Summa eget kapital", klass: "summa" },
  { rad: "avsattningar", namn: "Avsättningar (pensioner)", baraOmNagot: true },
  { rad: "langfristiga_skulder", namn: "Långfristiga skulder", baraOmNagot: true },
  { rad: "kortfristiga_skulder", namn: "Kortfristiga skulder" },
  { rad: "summa_eget_kapital_och_skulder", namn: "Summa eget kapital, avsättningar och skulder", klass: "summa" }
];

/**
 * Balansräkningen vid rapportdatumet och samma dag året före, som Tabell 8, men med periodens
 * resultat i eget kapital så att den balanserar.
 */
export function balansModell(brRader: readonly BrRad[], forbund: string, { till }: Pick<Rapport, "till"> & Partial<Rapport>, forbundsnamn = forbund): Tabellmodell | null {
  const rader = forbundsAr(brRader, forbund, till);
  if (rader.length === 0) return null;
  const datum = [...new Set(rader.map((d) => d.datum))].sort().reverse();
  const v = (rad: string, dat: string) => rader.find((d) => d.rad === rad && d.datum === dat)?.belopp ?? null;
  return {
    bildtext: `Balansräkning ${forbundsnamn} per den ${datumText(till)} (tkr)`,
    kolumner: [{ rubrik: "Balansräkning" }, ...datum.map((d) => ({ rubrik: d, tal: true }))],
    rader: BR_RADER.filter((r) => !r.baraOmNagot || datum.some((d) => (v(r.rad, d) ?? 0) !== 0)).map((r) => ({
      rubrik: r.namn,
      klass: r.klass ?? null,
      celler: datum.map((d) => tkr(v(r.rad, d)))
    }))
  };
}

const KF_RADER: { rad: string; namn: string; klass?: string; baraOmNagot?: boolean }[] = [
  { rad: "arets_resultat", namn: "Årets resultat" },
  { rad: "justering_avsattningar", namn: "Justering för ej likviditetspåverkande poster (avsättningar)" },
  { rad: "medel_fore_rorelsekapital", namn: "Medel från verksamheten före förändring av rörelsekapital", klass: "summa" },
  { rad: "forandring_fordringar", namn: "Ökning (−)/minskning (+) av kortfristiga fordringar" },
  { rad: "forandring_kortfristiga_skulder", namn: "Ökning (+)/minskning (−) av kortfristiga skulder" },
  { rad: "ovrigt_eget_kapital", namn: "Eget kapital tillfört utanför resultatet", baraOmNagot: true },
  { rad: "kassaflode_lopande_verksamhet", namn: "Kassaflöde från den löpande verksamheten", klass: "summa" },
  { rad: "investeringar", namn: "Investeringar", baraOmNagot: true },
  { rad: "forandring_langfristiga_skulder", namn: "Förändring av långfristiga skulder", baraOmNagot: true },
  { rad: "arets_kassaflode", namn: "Periodens kassaflöde", klass: "summa" },
  { rad: "likvida_medel_borjan", namn: "Likvida medel vid årets början" },
  { rad: "likvida_medel_slut", namn: "Likvida medel vid periodens slut" }
];

export function kassaflodeModell(kfRader: readonly KfRad[], forbund: string, { till }: Pick<Rapport, "till"> & Partial<Rapport>, forbundsnamn = forbund): Tabellmodell | null {
  const rader = forbundsAr(kfRader, forbund, till);
  if (rader.length === 0) return null;
  const v = (rad: string) => rader.find((d) => d.rad === rad)?.belopp ?? null;
  return {
    bildtext: `Kassaflödesanalys ${forbundsnamn}, ${periodText(till)} (tkr)`,
    kolumner: [{ rubrik: "Kassaflödesanalys" }, { rubrik: periodText(till), tal: true }],
    rader: KF_RADER.filter((r) => !r.baraOmNagot || (v(r.rad) ?? 0) !== 0).map((r) => ({ rubrik: r.namn, klass: r.klass ?? null, celler: [tkr(v(r.rad))] }))
  };
}

// ---- Noter -------------------------------------------------------------------------------------

export const NOTRUBRIK: Record<string, string> = {
  intakter: "Verksamhetens intäkter",
  kostnader: "Verksamhetens kostnader",
  finansiella_poster: "Finansiella poster",
  anlaggningstillgangar: "Anläggningstillgångar",
  fordringar: "Fordringar",
  kortfristiga_placeringar: "Kortfristiga placeringar",
  kassa_och_bank: "Kassa och bank",
  avsattningar: "Avsättningar",
  langfristiga_skulder: "Långfristiga skulder",
  kortfristiga_skulder: "Kortfristiga skulder"
};

/**
 * En tabell per not: raderna och deras summa, perioden och samma period året före.
 */
export function notModeller(notRader: readonly NotRad[], forbund: string, { ar, till }: Rapport, forbundsnamn = forbund): Tabellmodell[] {
  const rader = forbundsAr(notRader, forbund, till);
  const noter = [...new Set(rader.map((d) => d.not))];
  const resultat = new Set(["intakter", "kostnader", "finansiella_poster"]);
  return noter.map((not, i) => {
    const delar = rader.filter((d) => d.not === not);
    const fg = delar.some((d) => d.foregaende != null);
    const summa = (k: "belopp" | "foregaende") => (delar.some((d) => d[k] != null) ? delar.reduce((s, d) => s + (d[k] ?? 0), 0) : null);
    const nu = resultat.has(not) ? periodText(till) : till;
    const fore = resultat.has(not) ? periodText(till).replace(String(ar), String(ar - 1)) : `${ar - 1}${till.slice(4)}`;
    return {
      bildtext: `Not ${i + 1} ${NOTRUBRIK[not] ?? not}, ${forbundsnamn} (tkr)`,
      kolumner: [{ rubrik: NOTRUBRIK[not] ?? not }, { rubrik: nu, tal: true }, ...(fg ? [{ rubrik: fore, tal: true }] : [])],
      rader: [
        ...delar.map((d) => ({ rubrik: d.rad, klass: null, celler: [tkr(d.belopp), ...(fg ? [tkr(d.foregaende)] : [])] })),
        { rubrik: "Summa", klass: "summa", celler: [tkr(summa("belopp")), ...(fg ? [tkr(summa("foregaende"))] : [])] }
      ]
    };
  });
}

// ---- Medelstilldelning och långsiktig tabell -------------------------------------------------

const STATUS: Record<string, string> = { beslutad: "beslutad", askad: "äskad", prognos: "prognos" };

/**
 * Medelstilldelningen per medlem ett år, som verksamhetsplanens not 1 (kr).
 */
export function medelModell(medelRader: readonly MedelRad[], forbund: string, ar: number, forbundsnamn = forbund): Tabellmodell | null {
  const rader = medelRader.filter((d) => d.forbund === forbund && d.ar === ar);
  if (rader.length === 0) return null;
  const harAndel = rader.some((d) => d.andel != null);
  const ejBeslutad = rader.some((d) => d.status !== "beslutad");
  return {
    bildtext: `Medelstilldelning från medlemmarna ${ar}, ${forbundsnamn}`,
    kolumner: [{ rubrik: "Medlem" }, ...(harAndel ? [{ rubrik: "Andel", tal: true }] : []), { rubrik: "Belopp (kr)", tal: true }, ...(ejBeslutad ? [{ rubrik: "Status" }] : [])],
    rader: rader.map((d) => ({
      rubrik: d.medlem === "totalt" ? "Totalt" : d.medlem,
      klass: d.medlem === "totalt" ? "summa" : null,
      celler: [...(harAndel ? [formatProcent(d.andel, d.andel != null && Math.round(d.andel * 100) !== d.andel * 100 ? 1 : 0)] : []), formatHeltal(d.belopp), ...(ejBeslutad ? [STATUS[d.status] ?? d.status] : [])]
    }))
  };
}

/**
 * Den långsiktiga tabellen som verksamhetsplanen: medelstilldelning (** äskad), budget och eget
 * kapital 31/12 (* prognos eller enligt budget), tkr.
 */
export function langsiktigModell(langRader: readonly LangsiktigRad[], forbund: string, forbundsnamn = forbund): Tabellmodell | null {
  const rader = langRader.filter((d) => d.forbund === forbund).sort((a, b) => a.ar - b.ar);
  if (rader.length === 0) return null;
  const markera = (v: number | null, m: string) => (v == null ? tkr(v) : `${tkr(v)}${m}`);
  return {
    bildtext: `Medelstilldelning, budget och eget kapital per år, ${forbundsnamn} (tkr)`,
    kolumner: [{ rubrik: "År" }, { rubrik: "Medelstilldelning från medlemmarna", tal: true }, { rubrik: "Budget (nettokostnad)", tal: true }, { rubrik: "Eget kapital 31/12", tal: true }],
    rader: rader.map((d) => ({
      rubrik: String(d.ar),
      klass: null,
      celler: [
        markera(d.medelstilldelning, d.medelstilldelningStatus === "askad" ? "**" : d.medelstilldelningStatus === "prognos" ? "*" : ""),
        tkr(d.budget),
        markera(d.egetKapital, d.underlag === "prognos" || d.underlag === "budget" ? "*" : "")
      ]
    })),
    fotnot: "* = prognos (årets prognos eller budgeten); ** = äskat belopp. Eget kapital utan * är bokslutets.",
    arstabell: true
  };
}

// ---- Eget kapital mot reglerna ---------------------------------------------------------------

const BASNAMN: Record<string, string> = { medelstilldelning: "årets medelstilldelning", intakter: "verksamhetens intäkter" };
const UNDERLAG: Record<string, string> = { bokslut: "bokslut", prognos: "prognos", budget: "budget" };

export function egetKapitalModell(ekRader: readonly EgetKapitalRad[], forbund: string, forbundsnamn = forbund): Tabellmodell | null {
  const rader = ekRader.filter((d) => d.forbund === forbund).sort((a, b) => a.ar - b.ar);
  if (rader.length === 0) return null;
  const harLagst = rader.some((d) => d.lagstBelopp != null);
  const uppfyllt = (b: boolean | null) => (b == null ? "–" : b ? "ja" : "nej");
  const forsta = rader[0]!;
  const bas = forsta.bas;
  return {
    arstabell: true,
    bildtext: `Eget kapital mot reglerna, ${forbundsnamn} (tkr)`,
    kolumner: [
      { rubrik: "År" }, { rubrik: "Underlag" }, { rubrik: "Eget kapital 31/12", tal: true },
      { rubrik: bas === "intakter" ? "Verksamhetens intäkter" : "Medel\u00adstilldelning", tal: true }, { rubrik: "Andel", tal: true },
      { rubrik: `Högst ${procent(forsta.hogstAndel)}`, tal: true }, { rubrik: "Uppfyllt" },
      ...(harLagst ? [{ rubrik: "Lägst", tal: true }, { rubrik: "Uppfyllt" }] : [])
    ],
    rader: rader.map((d) => ({
      rubrik: String(d.ar),
      klass: d.hogstUppfyllt === false || d.lagstUppfyllt === false ? "ej-uppfyllt" : null,
      celler: [
        UNDERLAG[d.underlag] ?? d.underlag, tkr(d.egetKapital), tkr(d.basbelopp), formatProcent(d.andel, 1), tkr(d.hogstBelopp), uppfyllt(d.hogstUppfyllt),
        ...(harLagst ? [tkr(d.lagstBelopp), uppfyllt(d.lagstUppfyllt)] : [])
      ]
    }))
  };
}

/**
 * Reglerna i ord, för det senaste bokslutet och prognosen: "uppfyllt" eller "inte uppfyllt" med talen.
 */
export function regeltexter(ekRader: readonly EgetKapitalRad[], forbund: string): Regeltext[] {
  const rader = ekRader.filter((d) => d.forbund === forbund).sort((a, b) => a.ar - b.ar);
  const bokslut = rader.filter((d) => d.underlag === "bokslut").at(-1);
  const forsta = rader.find((d) => d.underlag !== "bokslut" && (!bokslut || d.ar > bokslut.ar));
  return [bokslut, forsta].filter((d): d is EgetKapitalRad => d !== undefined).map((d) => {
    const vad = d.underlag === "bokslut" ? `Eget kapital den 31 december ${d.ar}` : `Eget kapital den 31 december ${d.ar} ${d.underlag === "prognos" ? "enligt prognosen" : "enligt budgeten"}`;
    const delar: string[] = [];
    let ok = true;
    if (d.hogstUppfyllt != null) {
      ok &&= d.hogstUppfyllt;
      delar.push(`${formatProcent(d.andel, 1)} av ${BASNAMN[d.bas] ?? d.bas} ${tkr(d.basbelopp)} tkr, högst ${procent(d.hogstAndel)} (${tkr(d.hogstBelopp)} tkr): ${d.hogstUppfyllt ? "uppfyllt" : "inte uppfyllt"}`);
    }
    if (d.lagstUppfyllt != null) {
      ok &&= d.lagstUppfyllt;
      delar.push(`lägst ${tkr(d.lagstBelopp)} tkr: ${d.lagstUppfyllt ? "uppfyllt" : "inte uppfyllt"}`);
    }
    return { ar: d.ar, underlag: d.underlag, uppfyllt: ok, text: `${vad}: ${tkr(d.egetKapital)} tkr${delar.length ? `, ${delar.join("; ")}` : ""}.` };
  });
}

/**
 * Diagrammets data: eget kapital per år (tkr) mot högsta nivån (andelen av basen) och golvet.
 */
export function egetKapitalSerie(ekRader: readonly EgetKapitalRad[], forbund: string): SeriePunkt[] {
  return ekRader
    .filter((d) => d.forbund === forbund)
    .sort((a, b) => a.ar - b.ar)
    .map((d) => ({
      ar: d.ar,
      egetKapital: d.egetKapital == null ? null : d.egetKapital / 1000,
      hogst: d.hogstBelopp == null ? null : d.hogstBelopp / 1000,
      lagst: d.lagstBelopp == null ? null : d.lagstBelopp / 1000,
      underlag: d.underlag
    }));
}

// ---- Nyckeltal -------------------------------------------------------------------------------

/** Soliditet och fördelningen av kostnaderna, i ord med talen. */
export function nyckeltalstexter(nyckelRader: readonly NyckeltalRad[], forbund: string, { till }: Pick<Rapport, "till"> & Partial<Rapport>): Nyckeltalstext[] {
  const rader = forbundsAr(nyckelRader, forbund, till);
  const m = new Map(rader.map((d) => [d.matt, d]));
  const ut: Nyckeltalstext[] = [];
  const sol = m.get("soliditet");
  if (sol) ut.push({ matt: "soliditet", namn: "Soliditet", varde: procent(sol.varde), text: `Eget kapital ${tkr(sol.taljare)} tkr av summa tillgångar ${tkr(sol.namnare)} tkr.` });
  const ins = m.get("andel_insatser");
  const adm = m.get("andel_administration");
  if (ins) ut.push({ matt: "andel_insatser", namn: "Kostnader till insatser", varde: procent(ins.varde), text: `${tkr(ins.taljare)} tkr av verksamhetens kostnader ${tkr(ins.namnare)} tkr.` });
  if (adm) ut.push({ matt: "andel_administration", namn: "Kostnader till administration", varde: procent(adm.varde), text: `${tkr(adm.taljare)} tkr (styrelse och administration) av ${tkr(adm.namnare)} tkr.` });
  return ut;
}
