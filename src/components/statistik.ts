// Sidorna Arbetsmarknadsstatus och Befolkning och försörjning, och de nya måtten på sidan
// Jämförelse mellan förbund: tolkning av utdatafilerna (docs/utdata.md) och allt som räknas
// eller formuleras, utan DOM. Diagram och tabeller byggs i statistikvyer.js.
// Tester: test/statistik-sida.test.ts. Raderna kommer ur sidornas data (sidodata.ts), med
// utdatatabellernas scheman (docs/utdata.md).
import type { ARBETSMARKNADSSTATUS, INKOMSTKALLA_SCHEMA, INKOMSTNIVA, MALGRUPP } from "../../loaders/publish/bas.ts";
import type { BEFOLKNING, BEFOLKNING_ALDER, FORSORJNINGSKVOT } from "../../loaders/publish/befolkning.ts";
import type { FORSORJNINGSMATT } from "../../loaders/publish/forsorjningsmatt.ts";
import type { Tid } from "../../loaders/publish/sidor/index.ts";
import type { Kategori } from "./data.js";
import { NBSP, avrunda, formatHeltal, formatPeriod, formatProcent, formatTal, periodStart } from "./format.js";
import { avkoda, type Sidtabell } from "./sidodata.js";

/** Arbetsmarknadsstatus (SCB BAS) i utdatans ordning, med namn för diagram och tabeller. */
export const STATUSAR: Kategori[] = [
  { kod: "sysselsatta", namn: "Sysselsatta" },
  { kod: "arbetslosa", namn: "Arbetslösa" },
  { kod: "studerande", namn: "Studerande" },
  { kod: "pensionarer", namn: "Pensionärer" },
  { kod: "sjuka", namn: "Sjuka" },
  { kod: "ovriga", namn: "Övriga" }
];

/**
 * Ordningen i staplade diagram över tid: de mindre grupperna nederst (så att de syns mot
 * noll) och sysselsatta överst.
 */
export const STATUS_STAPELORDNING: Kategori[] = [...STATUSAR.slice(1), STATUSAR[0]!];

/** Huvudsaklig inkomstkälla i utdatans ordning. */
export const INKOMSTKALLOR: Kategori[] = [
  { kod: "arbete", namn: "Arbete" },
  { kod: "arbetsloshet", namn: "Ersättning vid arbetslöshet" },
  { kod: "studier", namn: "Ersättning för studier" },
  { kod: "pension", namn: "Pension" },
  { kod: "nedsatt_arbetsformaga", namn: "Långvarigt nedsatt arbetsförmåga" },
  { kod: "sjukdom", namn: "Ersättning vid sjukdom" },
  { kod: "foraldraledighet", namn: "Föräldraledighet eller närståendevård" },
  { kod: "ekonomiskt_stod", namn: "Ekonomiskt stöd" },
  { kod: "saknar_ersattning", namn: "Saknar ersättning" }
];

/** Målgruppsmåtten i malgrupp.csv. */
export const MALGRUPPSMATT: (Kategori & { kort: string })[] = [
  { kod: "utanfor_arbetsmarknaden", namn: "Utanför arbetsmarknaden", kort: "utanför arbetsmarknaden" },
  { kod: "saknar_inkomst", namn: "Saknar inkomst", kort: "utan inkomst" }
];

/** Grupperna i forsorjningsmatt.csv. */
export const FORSORJNINGSGRUPPER: Kategori[] = [
  { kod: "ohalsa", namn: "Ohälsa" },
  { kod: "arbetsmarknadsstod", namn: "Arbetsmarknadsstöd" },
  { kod: "ekonomiskt_bistand", namn: "Ekonomiskt bistånd" },
  { kod: "total", namn: "Totalt" }
];

const FODELSEREGIONNAMN = new Map([
  ["totalt", "Alla"],
  ["sverige", "Födda i Sverige"],
  ["utrikes", "Utrikes födda"],
  ["norden", "Födda i Norden utom Sverige"],
  ["eu", "Födda i EU utom Norden"],
  ["europa", "Födda i Europa utom EU och Norden"],
  ["utanfor_europa", "Födda utanför Europa"]
]);

const NIVAORDNING: readonly string[] = ["forbund", "kommun", "lan", "riket"];
const NIVANAMN = new Map([
  ["forbund", "förbund"],
  ["kommun", "kommun"],
  ["lan", "län"],
  ["riket", "riket"]
]);

const namnMap = (lista: readonly Kategori[]) => new Map(lista.map((d) => [d.kod, d.namn]));
const statusnamn = namnMap(STATUSAR);
const kallnamn = namnMap(INKOMSTKALLOR);
const gruppnamn = namnMap(FORSORJNINGSGRUPPER);

export const statusNamn = (kod: string): string => statusnamn.get(kod) ?? kod;
export const inkomstkallaNamn = (kod: string): string => kallnamn.get(kod) ?? kod;
export const gruppNamn = (kod: string): string => gruppnamn.get(kod) ?? kod;
/**
 * Födelseregionens namn; okända koder blir läsbara ("afrika_asien" -> "Afrika asien").
 * @param {string} kod
 */
export function fodelseregionNamn(kod: string): string {
  const namn = FODELSEREGIONNAMN.get(kod);
  if (namn) return namn;
  const text = kod.replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * En ålderskod som text: "20-64" -> "20–64 år", "65+" -> "65 år och äldre", "totalt" -> "alla åldrar".
 * @param {string} alder
 */
export function alderNamn(alder: string): string {
  if (alder === "totalt") return "alla åldrar";
  if (alder.endsWith("+")) return `${alder.slice(0, -1)} år och äldre`;
  return `${alder.replace("-", "–")} år`;
}

/** Ordning för ålderskoder: totalt först, sedan efter start, smalast först. */
export function jamforAlder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "totalt") return -1;
  if (b === "totalt") return 1;
  const [af, at] = grans(a);
  const [bf, bt] = grans(b);
  return af - bf || at - bt || a.localeCompare(b);
}
function grans(alder: string): [number, number] {
  if (alder.endsWith("+")) return [Number(alder.slice(0, -1)), 999];
  const [f, t] = alder.split("-");
  return [Number(f), Number(t ?? f)];
}

/**
 * Åldrarna i ett diagram över åldersgrupper: de smala banden i ordning (20–24, 25–34, …) och
 * sist de grupper som täcker andra grupper i listan (20–64 år), så att en summa aldrig står
 * mitt bland sina delar. "totalt" först.
 */
export function ordnaAldrar(koder: readonly string[]): string[] {
  const tacker = (a: string) => {
    if (a === "totalt") return false;
    const [af, at] = grans(a);
    return koder.some((b) => b !== a && b !== "totalt" && grans(b)[0] >= af && grans(b)[1] <= at);
  };
  const band = koder.filter((a) => !tacker(a)).sort(jamforAlder);
  const summor = koder.filter(tacker).sort(jamforAlder);
  return [...band, ...summor];
}

// ---- Tolkning av sidornas data ----------------------------------------------------------

export interface Region {
  niva: string;
  kod: string;
  namn: string;
}
export interface Rad extends Region {
  tid: string;
}
export interface StatusRad extends Rad {
  datum: Date | null;
  kon: string;
  alder: string;
  fodelseregion: string;
  status: string;
  antal: number | null;
  andel: number | null;
}
export interface InkomstkallaRad extends Rad {
  datum: Date | null;
  kon: string;
  alder: string;
  inkomstkalla: string;
  antal: number | null;
  andel: number | null;
}
export interface InkomstnivaRad extends Rad {
  kon: string;
  alder: string;
  inkomstkalla: string;
  inkomstniva: string;
  antal: number | null;
  andel: number | null;
}
export interface MalgruppRad extends Rad {
  datum: Date | null;
  kon: string;
  matt: string;
  antal: number | null;
  andel: number | null;
}
export interface ArsRad extends Rad {
  ar: number;
  kon: string;
  varde: number | null;
}
export interface AlderRad extends ArsRad {
  alder: string;
}
export interface ForsorjningsmattRad extends Rad {
  ar: number;
  grupp: string;
  kostnad: number | null;
  befolkning: number | null;
  aldersgrupp: string;
  varde: number | null;
}

function region(d: Region): Region {
  return { niva: d.niva, kod: d.kod, namn: d.namn };
}

export function tolkaArbetsmarknadsstatus(t: Sidtabell): StatusRad[] {
  return avkoda<typeof ARBETSMARKNADSSTATUS>(t, "arbetsmarknadsstatus").map((d) => ({
    ...region(d), tid: d.manad, datum: periodStart(d.manad), kon: d.kon, alder: d.alder, fodelseregion: d.fodelseregion, status: d.status, antal: d.antal, andel: d.andel
  }));
}

export function tolkaInkomstkalla(t: Sidtabell): InkomstkallaRad[] {
  return avkoda<typeof INKOMSTKALLA_SCHEMA>(t, "inkomstkalla").map((d) => ({
    ...region(d), tid: d.manad, datum: periodStart(d.manad), kon: d.kon, alder: d.alder, inkomstkalla: d.inkomstkalla, antal: d.antal, andel: d.andel
  }));
}

export function tolkaInkomstniva(t: Sidtabell): InkomstnivaRad[] {
  return avkoda<typeof INKOMSTNIVA>(t, "inkomstniva").map((d) => ({
    ...region(d), tid: d.manad, kon: d.kon, alder: d.alder, inkomstkalla: d.inkomstkalla, inkomstniva: d.inkomstniva, antal: d.antal, andel: d.andel
  }));
}

export function tolkaMalgrupp(t: Sidtabell): MalgruppRad[] {
  return avkoda<typeof MALGRUPP>(t, "malgrupp").map((d) => ({
    ...region(d), tid: d.manad, datum: periodStart(d.manad), kon: d.kon, matt: d.matt, antal: d.antal, andel: d.andel
  }));
}

/** Ett värde per region, år och kön (`niva,kod,namn,ar,kon,varde`). */
function arsvarden(rader: { niva: string; kod: string; namn: string; ar: string; kon: string; varde: number | null }[]): ArsRad[] {
  return rader.map((d) => ({ ...region(d), tid: d.ar, ar: Number(d.ar), kon: d.kon, varde: d.varde }));
}

export function tolkaBefolkning(t: Sidtabell): ArsRad[] {
  return arsvarden(avkoda<typeof BEFOLKNING>(t, "befolkning"));
}

export function tolkaBefolkningAlder(t: Sidtabell): AlderRad[] {
  return avkoda<typeof BEFOLKNING_ALDER>(t, "befolkning_alder").map((d) => ({
    ...region(d), tid: d.ar, ar: Number(d.ar), kon: d.kon, alder: d.alder, varde: d.varde
  }));
}

export function tolkaForsorjningskvot(t: Sidtabell): ArsRad[] {
  return arsvarden(avkoda<typeof FORSORJNINGSKVOT>(t, "forsorjningskvot"));
}

export function tolkaForsorjningsmatt(t: Sidtabell): ForsorjningsmattRad[] {
  return avkoda<typeof FORSORJNINGSMATT>(t, "forsorjningsmatt").map((d) => ({
    ...region(d), tid: d.ar, ar: Number(d.ar), grupp: d.grupp, kostnad: d.kostnad_kr, befolkning: d.befolkning, aldersgrupp: d.aldersgrupp, varde: d.per_invanare
  }));
}

/** Regionernas perioder i sidornas data (`[niva, kod, namn, tid]`) som rader med `tid`. */
export function tolkaTider(tider: readonly Tid[]): Rad[] {
  return tider.map(([niva, kod, namn, tid]) => ({ niva, kod, namn, tid }));
}

/** Fältet `falt` i en rad (t.ex. kategorifältet som anroparen väljer). */
const falt_ = (d: object, falt: string): unknown => (d as Record<string, unknown>)[falt];

// ---- Regioner och perioder ------------------------------------------------------------

export interface RegionMedPeriod extends Region {
  nyckel: string;
  sista: string;
}

/** "forbund:falun-borlange" */
export const nyckel = (d: Region): string => `${d.niva}:${d.kod}`;

/**
 * Alla regioner i en eller flera listor av rader: förbund (de med senaste uppgifter först),
 * kommuner, län och riket, var grupp i bokstavsordning. `sista` är regionens senaste period.
 */
export function regionerI(...listor: readonly (readonly Rad[])[]): RegionMedPeriod[] {
  const per = new Map<string, RegionMedPeriod>();
  for (const rader of listor) {
    for (const d of rader) {
      const k = nyckel(d);
      let r = per.get(k);
      if (!r) per.set(k, (r = { nyckel: k, niva: d.niva, kod: d.kod, namn: d.namn, sista: d.tid }));
      if (d.tid > r.sista) r.sista = d.tid;
    }
  }
  return [...per.values()].sort(
    (a, b) =>
      nivaIndex(a.niva) - nivaIndex(b.niva) ||
      (a.niva === "forbund" ? b.sista.slice(0, 4).localeCompare(a.sista.slice(0, 4)) : 0) ||
      a.namn.localeCompare(b.namn, "sv")
  );
}
function nivaIndex(niva: string): number {
  const i = NIVAORDNING.indexOf(niva);
  return i < 0 ? 99 : i;
}

/** Regionens namn i en urvalslista: "Falun (kommun)", "Finsam Falun (förbund, t.o.m. 2022)". `senast`: senaste perioden i datan. */
export function regionEtikett(r: Region & { sista?: string }, senast: string | null = null): string {
  if (r.niva === "forbund") {
    return senast && r.sista && r.sista.slice(0, 4) < senast.slice(0, 4) ? `${r.namn} (förbund, t.o.m. ${formatPeriod(r.sista)})` : `${r.namn} (förbund)`;
  }
  if (r.niva === "kommun") return `${r.namn} (kommun)`;
  return r.namn;
}

export const nivaText = (niva: string): string => NIVANAMN.get(niva) ?? niva;

/** Raderna för en region. */
export function forRegion<T extends Region>(rader: readonly T[], r: Region | null | undefined): T[] {
  if (!r) return [];
  return rader.filter((d) => d.niva === r.niva && d.kod === r.kod);
}

/** Senaste perioden (tid) bland raderna, eller null. */
export function senastePeriod(rader: readonly { tid: string }[]): string | null {
  let s: string | null = null;
  for (const d of rader) if (s === null || d.tid > s) s = d.tid;
  return s;
}

/** Alla perioder bland raderna, sorterade. */
export function perioder(rader: readonly { tid: string }[]): string[] {
  return [...new Set(rader.map((d) => d.tid))].sort();
}

/** Samma månad (eller år) året före: "2024-03" -> "2023-03", "2024" -> "2023". */
export function aretFore(tid: string | null): string | null {
  if (!tid) return null;
  return `${Number(tid.slice(0, 4)) - 1}${tid.slice(4)}`;
}

/** De olika värdena i en kolumn, i ordning (ålder efter jamforAlder, födelseregion med totalt först). */
export function varianter(rader: readonly object[], falt: string): string[] {
  const v = [...new Set(rader.map((d) => falt_(d, falt) as string))];
  if (falt === "alder") return v.sort(jamforAlder);
  if (falt === "fodelseregion") {
    const ordning = [...FODELSEREGIONNAMN.keys()];
    return v.sort((a, b) => (ordning.indexOf(a) + 1 || 99) - (ordning.indexOf(b) + 1 || 99) || a.localeCompare(b));
  }
  return v.sort();
}

/** Åldersgruppen som ska vara förvald: 20–64 år om den finns, annars den första. */
export function forvaldAlder(aldrar: readonly string[]): string | null {
  return aldrar.includes("20-64") ? "20-64" : (aldrar.find((a) => a !== "totalt") ?? aldrar[0] ?? null);
}

// ---- Tal och meningar -----------------------------------------------------------------

/**
 * Ett ungefärligt antal som i årsredovisningen ("ca 7 000"): två gällande siffror,
 * halvor bort från noll. Tal under 100 avrundas till heltal.
 */
export function ungefar(x: number): number {
  if (!Number.isFinite(x)) return x;
  const abs = Math.abs(x);
  if (abs < 100) return avrunda(x, 0);
  const siffror = Math.floor(Math.log10(abs)) + 1;
  return avrunda(x, 2 - siffror);
}

/** "ca 7 000"; saknat värde blir "–". */
export function formatUngefar(x: number | null | undefined): string {
  if (x == null || !Number.isFinite(x)) return "–";
  return `ca${NBSP}${formatHeltal(ungefar(x))}`;
}

/** En försörjningskvot med två decimaler: 0.8512 -> "0,85". */
export function formatKvot(x: number | null | undefined): string {
  return formatTal(x, 2);
}

/** Kronor per invånare: 23456.4 -> "23 456 kr". */
export function formatKronor(x: number | null | undefined): string {
  if (x == null || !Number.isFinite(x)) return "–";
  return `${formatHeltal(x)}${NBSP}kr`;
}

export interface Lage {
  kon: string;
  antal: number | null;
  andel: number | null;
  antalFore: number | null;
  andelFore: number | null;
  forandring: number | null;
}

/**
 * Målgruppens tal för en region (raderna ur malgrupp), ett mått och en månad: en post per kön
 * med antal, andel och samma månad året före.
 */
export function malgruppLage(rader: readonly MalgruppRad[], matt: string, manad: string | null): Lage[] {
  const fore = aretFore(manad);
  const hitta = (kon: string, tid: string | null) => rader.find((d) => d.matt === matt && d.kon === kon && d.tid === tid) ?? null;
  return ["alla", "kvinnor", "man"].map((kon) => {
    const nu = hitta(kon, manad);
    const da = hitta(kon, fore);
    return {
      kon,
      antal: nu?.antal ?? null,
      andel: nu?.andel ?? null,
      antalFore: da?.antal ?? null,
      andelFore: da?.andel ?? null,
      forandring: nu?.andel != null && da?.andel != null ? nu.andel - da.andel : null
    };
  });
}

/**
 * Meningen som i årsredovisningen: "Utanför arbetsmarknaden, 20–64 år, mars 2024: Falun ca 7 000 (22 %)".
 * `kon`: "alla", "kvinnor" eller "man".
 */
export function malgruppMening(matt: string, regionnamn: string, manad: string, lage: { antal: number | null; andel: number | null }, kon = "alla"): string {
  const namn = MALGRUPPSMATT.find((m) => m.kod === matt)?.namn ?? matt;
  const vem = kon === "kvinnor" ? "kvinnor " : kon === "man" ? "män " : "";
  if (lage.antal == null) return `${namn}, ${vem}20–64 år, ${formatPeriod(manad)}: uppgift saknas för ${regionnamn}`;
  return `${namn}, ${vem}20–64 år, ${formatPeriod(manad)}: ${regionnamn} ${formatUngefar(lage.antal)} (${formatProcent(lage.andel, 0)})`;
}

export interface Del extends Kategori {
  antal: number | null;
  andel: number | null;
  x1: number | null;
  x2: number | null;
}
export interface Grupp {
  grupp: string;
  totalt: number | null;
  komplett: boolean;
  delar: Del[];
}

/** En rad med antal, andel och ett kategorifält (status, inkomstkälla …). */
type Kategorirad = { antal: number | null; andel?: number | null };



/**
 * Statusfördelning per grupp (t.ex. per månad, åldersgrupp eller kön): andelen för varje
 * status av gruppens totalt. Saknas filens andel räknas den från antalen. En grupp där någon
 * status saknas blir ofullständig (`komplett` = false) och staplas inte. `rader`: statusrader
 * för en region, redan filtrerade på det som är fast; `falt`: kategorifältet.
 */
export function andelarPerGrupp<T extends Kategorirad>(
  rader: readonly T[], grupp: (d: T) => string, falt = "status", kategorier: readonly Kategori[] = STATUSAR
): Grupp[] {
  const per = new Map<string, { grupp: string; totalt: number | null; rader: Map<unknown, T> }>();
  for (const d of rader) {
    const g = grupp(d);
    let p = per.get(g);
    if (!p) per.set(g, (p = { grupp: g, totalt: null, rader: new Map() }));
    if (falt_(d, falt) === "totalt") p.totalt = d.antal;
    else p.rader.set(falt_(d, falt), d);
  }
  const ut: Grupp[] = [];
  for (const p of per.values()) {
    const delar: Del[] = kategorier.map((k) => {
      const d = p.rader.get(k.kod);
      const andel = d?.andel ?? (d?.antal != null && p.totalt ? d.antal / p.totalt : null);
      return { kod: k.kod, namn: k.namn, antal: d?.antal ?? null, andel, x1: null, x2: null };
    });
    const komplett = delar.every((d) => d.andel != null);
    let under = 0;
    for (const d of delar) {
      d.x1 = komplett ? under : null;
      d.x2 = komplett ? under + d.andel! : null;
      if (komplett) under += d.andel!;
    }
    ut.push({ grupp: p.grupp, totalt: p.totalt, komplett, delar });
  }
  return ut;
}

export interface KonPost extends Kategori {
  kvinnor: number | null;
  man: number | null;
  kvinnorAntal: number | null;
  manAntal: number | null;
}

/**
 * Kvinnor och män per kategori (t.ex. inkomstkälla): andel och antal för varje kön, i
 * kategoriernas ordning. Andelen är av kvinnorna respektive männen (filens andel, eller
 * antalet delat med kategorin totalt). `rader`: en region, en månad och en ålder.
 */
export function konPoster<T extends Kategorirad & { kon: string }>(rader: readonly T[], falt: string, kategorier: readonly Kategori[]): KonPost[] {
  const totalt = new Map(rader.filter((d) => falt_(d, falt) === "totalt").map((d) => [d.kon, d.antal]));
  const hitta = (kod: string, kon: string) => rader.find((d) => falt_(d, falt) === kod && d.kon === kon) ?? null;
  const andel = (d: T | null) => d?.andel ?? (d?.antal != null && totalt.get(d.kon) ? d.antal / totalt.get(d.kon)! : null);
  return kategorier.map((k) => {
    const kv = hitta(k.kod, "kvinnor");
    const ma = hitta(k.kod, "man");
    return { kod: k.kod, namn: k.namn, kvinnor: andel(kv), man: andel(ma), kvinnorAntal: kv?.antal ?? null, manAntal: ma?.antal ?? null };
  });
}

export interface PyramidGrupp {
  alder: string;
  kvinnor: number | null;
  man: number | null;
  andelKvinnor: number | null;
  andelMan: number | null;
}

/**
 * Befolkningspyramiden: en rad per åldersgrupp (yngst först) med kvinnor och män, och
 * andelen av hela befolkningen. Ålder "totalt" räknas inte som en grupp. `rader`: en region och ett år.
 */
export function pyramid(rader: readonly { alder: string; kon: string; varde: number | null }[]): PyramidGrupp[] {
  const per = new Map<string, PyramidGrupp>();
  for (const d of rader) {
    if (d.alder === "totalt" || (d.kon !== "kvinnor" && d.kon !== "man")) continue;
    let p = per.get(d.alder);
    if (!p) per.set(d.alder, (p = { alder: d.alder, kvinnor: null, man: null, andelKvinnor: null, andelMan: null }));
    p[d.kon] = d.varde;
  }
  const grupper = [...per.values()].sort((a, b) => jamforAlder(a.alder, b.alder));
  const summa = grupper.reduce((s, g) => s + (g.kvinnor ?? 0) + (g.man ?? 0), 0);
  for (const g of grupper) {
    g.andelKvinnor = g.kvinnor != null && summa ? g.kvinnor / summa : null;
    g.andelMan = g.man != null && summa ? g.man / summa : null;
  }
  return grupper;
}

export interface KonSumma {
  kvinnor: number;
  man: number;
}

/**
 * Summor ur pyramiden: 0–19, 20–64 och 65+ år per kön (för texten om försörjningskvoten).
 * Åldersgrupper som inte ryms i en av de tre räknas inte.
 */
export function breddaldrar(grupper: readonly PyramidGrupp[]): { unga: KonSumma; arbetsfor: KonSumma; aldre: KonSumma } {
  const ut = { unga: { kvinnor: 0, man: 0 }, arbetsfor: { kvinnor: 0, man: 0 }, aldre: { kvinnor: 0, man: 0 } };
  for (const g of grupper) {
    const [f, t] = grans(g.alder);
    const del = t <= 19 ? ut.unga : f >= 20 && t <= 64 ? ut.arbetsfor : f >= 65 ? ut.aldre : null;
    if (!del) continue;
    del.kvinnor += g.kvinnor ?? 0;
    del.man += g.man ?? 0;
  }
  return ut;
}

export interface JamforelseRad extends Region {
  utanfor: Record<"alla" | "kvinnor" | "man", MalgruppRad | null>;
  saknar: Record<"alla" | "kvinnor" | "man", MalgruppRad | null>;
  kvot: number | null;
  perInvanare: number | null;
}

/**
 * Jämförelsetabellen: en rad per förbund (de som har något värde), länet och riket med det
 * senaste värdet av varje mått. Perioden är den senaste där något förbund har ett värde.
 */
export function jamforelseRader({ malgrupp, kvot, matt }: { malgrupp: readonly MalgruppRad[]; kvot: readonly ArsRad[]; matt: readonly ForsorjningsmattRad[] }): {
  manad: string | null;
  ar: string | null;
  matAr: string | null;
  rader: JamforelseRad[];
} {
  const ref = (d: Region) => d.niva === "forbund" || d.niva === "lan" || d.niva === "riket";
  const sista = (rader: readonly Rad[]) => senastePeriod(rader.filter((d) => d.niva === "forbund"));
  const manad = sista(malgrupp);
  const ar = sista(kvot.filter((d) => d.kon === "alla"));
  const matAr = sista(matt.filter((d) => d.grupp === "total"));
  const regioner = regionerI(
    malgrupp.filter((d) => ref(d) && d.tid === manad),
    kvot.filter((d) => ref(d) && d.tid === ar),
    matt.filter((d) => ref(d) && d.tid === matAr)
  );
  const hitta = <T extends Region>(rader: readonly T[], r: Region, villkor: (d: T) => boolean) => rader.find((d) => d.niva === r.niva && d.kod === r.kod && villkor(d)) ?? null;
  const rader = regioner.map((r) => {
    const mg = (m: string, kon: string) => hitta(malgrupp, r, (d) => d.tid === manad && d.matt === m && d.kon === kon);
    return {
      niva: r.niva,
      kod: r.kod,
      namn: r.namn,
      utanfor: { alla: mg("utanfor_arbetsmarknaden", "alla"), kvinnor: mg("utanfor_arbetsmarknaden", "kvinnor"), man: mg("utanfor_arbetsmarknaden", "man") },
      saknar: { alla: mg("saknar_inkomst", "alla"), kvinnor: mg("saknar_inkomst", "kvinnor"), man: mg("saknar_inkomst", "man") },
      kvot: hitta(kvot, r, (d) => d.tid === ar && d.kon === "alla")?.varde ?? null,
      perInvanare: hitta(matt, r, (d) => d.tid === matAr && d.grupp === "total")?.varde ?? null
    };
  });
  return { manad, ar, matAr, rader };
}

/** Texten för ett tomt underlag: "Inga uppgifter om arbetsmarknadsstatus finns i underlaget." */
export function ingaUppgifter(vad: string, regionnamn: string | null = null): string {
  return regionnamn ? `Inga uppgifter om ${vad} finns för ${regionnamn} i underlaget.` : `Inga uppgifter om ${vad} finns i underlaget.`;
}

/** En uppräkning på svenska: ["a", "b", "c"] -> "a, b och c". */
export function uppraknat(lista: readonly string[]): string {
  if (lista.length <= 1) return lista.join("");
  return `${lista.slice(0, -1).join(", ")} och ${lista.at(-1)}`;
}

/**
 * Månaden att visa en uppdelning för: den valda om underlaget har den, annars den senaste
 * månaden före den valda som har den, annars den senaste alls (SCB:s uppdelningar efter ålder
 * och födelseland finns ofta bara för någon enstaka månad).
 */
export function manadMedUppgifter(rader: readonly { tid: string }[], manad: string | null): string | null {
  const tider = perioder(rader);
  if (manad && tider.includes(manad)) return manad;
  return tider.filter((t) => manad && t <= manad).at(-1) ?? tider.at(-1) ?? null;
}

/**
 * Åldersband som tillsammans täcker en ålder exakt och utan överlapp, smalast i tur och
 * ordning från början: (["20-24", "25-34", "35-44", "45-54", "55-64"], "20-64") -> alla fem.
 * Null när banden inte räcker.
 */
export function aldersband(aldrar: readonly string[], alder: string | null): string[] | null {
  if (!alder || alder === "totalt") return null;
  const [fran, till] = grans(alder);
  const ut: string[] = [];
  let nasta = fran;
  while (nasta <= till) {
    const kandidater = aldrar.filter((a) => a !== "totalt" && a !== alder && grans(a)[0] === nasta && grans(a)[1] <= till);
    if (!kandidater.length) return null;
    const band = kandidater.sort((a, b) => grans(a)[1] - grans(b)[1]).at(-1)!;
    ut.push(band);
    nasta = grans(band)[1] + 1;
  }
  return ut.length > 1 ? ut : null;
}

/**
 * Summerar statusrader (en region) över åldersband till en ålder: antalen adderas per månad,
 * kön, födelseregion och status; andelen lämnas tom och räknas om från summorna
 * (andelarPerGrupp). Saknas ett band blir summan saknad, aldrig för liten.
 */
export function summeraAldrar<T extends StatusRad>(rader: readonly T[], band: readonly string[], alder: string): T[] {
  const per = new Map<string, T & { band: Set<string> }>();
  for (const d of rader) {
    if (!band.includes(d.alder)) continue;
    const k = `${d.tid}|${d.kon}|${d.fodelseregion}|${d.status}`;
    let s = per.get(k);
    if (!s) per.set(k, (s = { ...d, alder, antal: 0, andel: null, band: new Set<string>() }));
    s.band.add(d.alder);
    s.antal = s.antal == null || d.antal == null ? null : s.antal + d.antal;
  }
  return [...per.values()].map(({ band: b, ...d }) => ({ ...d, antal: b.size === band.length ? d.antal : null }) as unknown as T);
}

/** Arbetsrelaterad inkomstnivå (inkomstniva) som text. */
export function inkomstnivaNamn(kod: string): string {
  const m = /^(\d+)(?:-(\d+)|(\+))?_ibb$/.exec(kod);
  if (kod === "0_kr") return "0 kr";
  if (m && m[1] === "0" && m[2]) return `Mindre än ${m[2]} inkomstbasbelopp`;
  if (m && m[2]) return `${m[1]}–${m[2]} inkomstbasbelopp`;
  if (m && m[3]) return `${m[1]} inkomstbasbelopp eller mer`;
  return kod.replaceAll("_", " ");
}
