// Läser utdatafilerna (docs/utdata.md) i webbläsaren. Filerna hämtas med
// FileAttachment(...).text() på sidorna och tolkas här med d3.csvParse; varje
// kolumn typas för sig (kommunkoder förblir text, tomma fält blir null).
import { csvParse } from "d3";
import { periodStart, periodtyp } from "./format.js";

/** Ersättningarna i utdatans ordning, med namn för diagram och för halvårstabellen. */
export const ERSATTNINGAR = [
  { kod: "sjukpenning", namn: "Sjukpenning", tabellnamn: "Sjukpenning" },
  { kod: "sjuk_aktivitetsersattning", namn: "Sjuk- och aktivitetsersättning", tabellnamn: "Sjuk- och aktivitetsersättning" },
  { kod: "arbetsloshet", namn: "Arbetslöshetsersättning", tabellnamn: "Arbetslöshet" },
  { kod: "arbetsmarknadsatgarder", namn: "Arbetsmarknadsåtgärder", tabellnamn: "Arbetsmarknadsåtgärder" },
  { kod: "etableringsersattning", namn: "Etableringsersättning", tabellnamn: "Etableringsersättning" },
  { kod: "ekonomiskt_bistand", namn: "Ekonomiskt bistånd", tabellnamn: "Ekonomiskt bistånd" },
  { kod: "summa", namn: "Summa", tabellnamn: "Summa helårsekvivalenter" }
];
/** De sex ersättningarna utan summan. */
export const DELAR = ERSATTNINGAR.filter((e) => e.kod !== "summa");

export const KON = [
  { kod: "alla", namn: "Alla" },
  { kod: "kvinnor", namn: "Kvinnor" },
  { kod: "man", namn: "Män" }
];

export const NIVAER = [
  { kod: "kommun", namn: "Kommun" },
  { kod: "forbund", namn: "Förbund" },
  { kod: "lan", namn: "Län" },
  { kod: "riket", namn: "Riket" }
];

/** Färger per ersättning (samma i alla diagram). */
export const ERSATTNINGSFARGER = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#a463f2", "#97bbf5"];
/** Färger per kön: Alla, Kvinnor, Män. Alla har kontrast minst 4,5:1 mot vit bakgrund. */
export const KONSFARGER = ["#3f4450", "#b4410a", "#0b6e69"];

const namnPa = (lista) => new Map(lista.map((d) => [d.kod, d.namn]));
const ersattningsnamn = namnPa(ERSATTNINGAR);
const tabellnamn = new Map(ERSATTNINGAR.map((d) => [d.kod, d.tabellnamn]));
const konsnamn = namnPa(KON);
const nivanamn = namnPa(NIVAER);

/** @param {string} kod */
export const ersattningNamn = (kod) => ersattningsnamn.get(kod) ?? kod;
/** @param {string} kod */
export const ersattningTabellnamn = (kod) => tabellnamn.get(kod) ?? kod;
/** @param {string} kod */
export const konNamn = (kod) => konsnamn.get(kod) ?? kod;
/** @param {string} kod */
export const nivaNamn = (kod) => nivanamn.get(kod) ?? kod;

const ersattningsordning = new Map(ERSATTNINGAR.map((d, i) => [d.kod, i]));
const nivaordning = new Map(NIVAER.map((d, i) => [d.kod, i]));
/** @param {string} kod */
export const ersattningIndex = (kod) => ersattningsordning.get(kod) ?? 99;
/** @param {string} kod */
export const nivaIndex = (kod) => nivaordning.get(kod) ?? 99;

/**
 * Säger vilka kolumner en inläst CSV saknar (ett fel med filens namn).
 * @param {{columns: string[]}} rader
 * @param {string[]} kolumner
 * @param {string} fil
 */
export function kontrolleraKolumner(rader, kolumner, fil) {
  const saknade = kolumner.filter((k) => !rader.columns.includes(k));
  if (saknade.length) throw new Error(`${fil} saknar kolumnerna ${saknade.join(", ")}`);
}

/**
 * Ett tal ur en CSV-cell; tom cell eller ogiltigt tal är saknat (null), aldrig 0.
 * @param {string | undefined} text
 */
export function tal(text) {
  if (text === undefined || text === "") return null;
  const x = Number(text);
  return Number.isFinite(x) ? x : null;
}

/**
 * Tolkar helarsekvivalenter.csv.
 * @param {string} text
 */
export function tolkaHelarsekvivalenter(text) {
  const rader = csvParse(text);
  kontrolleraKolumner(rader, ["niva", "kod", "namn", "period", "kon", "ersattning", "varde", "folkmangd", "andel"], "helarsekvivalenter.csv");
  return rader.map((d) => ({
    niva: d.niva,
    kod: d.kod,
    namn: d.namn,
    period: d.period,
    periodtyp: periodtyp(d.period),
    datum: periodStart(d.period),
    kon: d.kon,
    ersattning: d.ersattning,
    varde: tal(d.varde),
    folkmangd: tal(d.folkmangd),
    andel: tal(d.andel)
  }));
}

/**
 * Tolkar helarsekvivalenter_halvar.csv.
 * @param {string} text
 */
export function tolkaHalvar(text) {
  const rader = csvParse(text);
  kontrolleraKolumner(rader, ["niva", "kod", "namn", "kon", "ersattning", "halvar", "varde", "varde_foregaende_ar", "differens"], "helarsekvivalenter_halvar.csv");
  return rader.map((d) => ({
    niva: d.niva,
    kod: d.kod,
    namn: d.namn,
    kon: d.kon,
    ersattning: d.ersattning,
    halvar: d.halvar,
    varde: tal(d.varde),
    vardeForegaendeAr: tal(d.varde_foregaende_ar),
    differens: tal(d.differens)
  }));
}

/**
 * Tolkar indelning.csv.
 * @param {string} text
 */
export function tolkaIndelning(text) {
  const rader = csvParse(text);
  kontrolleraKolumner(rader, ["forbund", "forbund_namn", "kommunkod", "kommun", "lan", "giltig_fran", "giltig_till"], "indelning.csv");
  return rader.map((d) => ({
    forbund: d.forbund,
    forbundNamn: d.forbund_namn,
    kommunkod: d.kommunkod,
    kommun: d.kommun,
    lan: d.lan,
    giltigFran: d.giltig_fran || null,
    giltigTill: d.giltig_till || null
  }));
}

/** Nyckel för en region. */
export const regionNyckel = (d) => `${d.niva}:${d.kod}`;

/**
 * Alla regioner i datan med första och sista månad, sorterade förbund, kommuner, län, riket.
 * @param {ReturnType<typeof tolkaHelarsekvivalenter>} rader
 */
export function regioner(rader) {
  const perNyckel = new Map();
  for (const d of rader) {
    const nyckel = regionNyckel(d);
    let r = perNyckel.get(nyckel);
    if (!r) perNyckel.set(nyckel, (r = { nyckel, niva: d.niva, kod: d.kod, namn: d.namn, forsta: null, sista: null }));
    if (d.periodtyp === "manad") {
      if (r.forsta === null || d.period < r.forsta) r.forsta = d.period;
      if (r.sista === null || d.period > r.sista) r.sista = d.period;
    }
  }
  const ordning = ["forbund", "kommun", "lan", "riket"];
  return [...perNyckel.values()].sort(
    (a, b) =>
      ordning.indexOf(a.niva) - ordning.indexOf(b.niva) ||
      // förbund som finns i senaste månaden först
      (b.sista ?? "").localeCompare(a.sista ?? "") * (a.niva === "forbund" ? 1 : 0) ||
      a.namn.localeCompare(b.namn, "sv")
  );
}

/**
 * Senaste månaden i datan ("YYYY-MM") eller null.
 * @param {{period: string, periodtyp: string | null}[]} rader
 */
export function senasteManad(rader) {
  let senaste = null;
  for (const d of rader) if (d.periodtyp === "manad" && (senaste === null || d.period > senaste)) senaste = d.period;
  return senaste;
}

/**
 * Halvår där alla sex månader finns för regionen, sorterade.
 * @param {ReturnType<typeof tolkaHelarsekvivalenter>} rader rader för en region
 */
export function helaHalvar(rader) {
  const manader = new Map();
  const halvar = new Set();
  for (const d of rader) {
    if (d.periodtyp === "halvar") halvar.add(d.period);
    else if (d.periodtyp === "manad") {
      const h = `${d.period.slice(0, 4)}-H${Number(d.period.slice(5)) <= 6 ? 1 : 2}`;
      let s = manader.get(h);
      if (!s) manader.set(h, (s = new Set()));
      s.add(d.period);
    }
  }
  return [...halvar].filter((h) => (manader.get(h)?.size ?? 0) === 6).sort();
}
