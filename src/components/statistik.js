// Sidorna Arbetsmarknadsstatus och Befolkning och försörjning, och de nya måtten på sidan
// Jämförelse mellan förbund: tolkning av utdatafilerna (docs/utdata.md) och allt som räknas
// eller formuleras, utan DOM. Diagram och tabeller byggs i statistikvyer.js.
// Tester: test/statistik-sida.test.ts.
import { csvParse } from "d3";
import { kontrolleraKolumner, tal } from "./data.js";
import { NBSP, avrunda, formatHeltal, formatPeriod, formatProcent, formatTal, periodStart } from "./format.js";

/** Arbetsmarknadsstatus (SCB BAS) i utdatans ordning, med namn för diagram och tabeller. */
export const STATUSAR = [
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
export const STATUS_STAPELORDNING = [...STATUSAR.slice(1), STATUSAR[0]];

/** Huvudsaklig inkomstkälla i utdatans ordning. */
export const INKOMSTKALLOR = [
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
export const MALGRUPPSMATT = [
  { kod: "utanfor_arbetsmarknaden", namn: "Utanför arbetsmarknaden", kort: "utanför arbetsmarknaden" },
  { kod: "saknar_inkomst", namn: "Saknar inkomst", kort: "utan inkomst" }
];

/** Grupperna i forsorjningsmatt.csv. */
export const FORSORJNINGSGRUPPER = [
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

const NIVAORDNING = ["forbund", "kommun", "lan", "riket"];
const NIVANAMN = new Map([
  ["forbund", "förbund"],
  ["kommun", "kommun"],
  ["lan", "län"],
  ["riket", "riket"]
]);

const namnMap = (lista) => new Map(lista.map((d) => [d.kod, d.namn]));
const statusnamn = namnMap(STATUSAR);
const kallnamn = namnMap(INKOMSTKALLOR);
const gruppnamn = namnMap(FORSORJNINGSGRUPPER);

/** @param {string} kod */
export const statusNamn = (kod) => statusnamn.get(kod) ?? kod;
/** @param {string} kod */
export const inkomstkallaNamn = (kod) => kallnamn.get(kod) ?? kod;
/** @param {string} kod */
export const gruppNamn = (kod) => gruppnamn.get(kod) ?? kod;
/**
 * Födelseregionens namn; okända koder blir läsbara ("afrika_asien" -> "Afrika asien").
 * @param {string} kod
 */
export function fodelseregionNamn(kod) {
  const namn = FODELSEREGIONNAMN.get(kod);
  if (namn) return namn;
  const text = kod.replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * En ålderskod som text: "20-64" -> "20–64 år", "65+" -> "65 år och äldre", "totalt" -> "alla åldrar".
 * @param {string} alder
 */
export function alderNamn(alder) {
  if (alder === "totalt") return "alla åldrar";
  if (alder.endsWith("+")) return `${alder.slice(0, -1)} år och äldre`;
  return `${alder.replace("-", "–")} år`;
}

/** Ordning för ålderskoder: totalt först, sedan efter start, smalast först. */
export function jamforAlder(a, b) {
  if (a === b) return 0;
  if (a === "totalt") return -1;
  if (b === "totalt") return 1;
  const [af, at] = grans(a);
  const [bf, bt] = grans(b);
  return af - bf || at - bt || a.localeCompare(b);
}
function grans(alder) {
  if (alder.endsWith("+")) return [Number(alder.slice(0, -1)), 999];
  const [f, t] = alder.split("-");
  return [Number(f), Number(t ?? f)];
}

// ---- Tolkning av filerna --------------------------------------------------------------

function region(d) {
  return { niva: d.niva, kod: d.kod, namn: d.namn };
}

function tolka(text, fil, kolumner, rad) {
  const rader = csvParse(text);
  kontrolleraKolumner(rader, kolumner, fil);
  return rader.map(rad);
}

/** @param {string} text arbetsmarknadsstatus.csv */
export function tolkaArbetsmarknadsstatus(text) {
  return tolka(
    text,
    "arbetsmarknadsstatus.csv",
    ["niva", "kod", "namn", "manad", "kon", "alder", "fodelseregion", "status", "antal", "andel"],
    (d) => ({ ...region(d), tid: d.manad, datum: periodStart(d.manad), kon: d.kon, alder: d.alder, fodelseregion: d.fodelseregion, status: d.status, antal: tal(d.antal), andel: tal(d.andel) })
  );
}

/** @param {string} text inkomstkalla.csv */
export function tolkaInkomstkalla(text) {
  return tolka(
    text,
    "inkomstkalla.csv",
    ["niva", "kod", "namn", "manad", "kon", "alder", "inkomstkalla", "antal", "andel"],
    (d) => ({ ...region(d), tid: d.manad, datum: periodStart(d.manad), kon: d.kon, alder: d.alder, inkomstkalla: d.inkomstkalla, antal: tal(d.antal), andel: tal(d.andel) })
  );
}

/** @param {string} text inkomstniva.csv */
export function tolkaInkomstniva(text) {
  return tolka(
    text,
    "inkomstniva.csv",
    ["niva", "kod", "namn", "manad", "kon", "alder", "inkomstkalla", "inkomstniva", "antal", "andel"],
    (d) => ({ ...region(d), tid: d.manad, kon: d.kon, alder: d.alder, inkomstkalla: d.inkomstkalla, inkomstniva: d.inkomstniva, antal: tal(d.antal), andel: tal(d.andel) })
  );
}

/** @param {string} text malgrupp.csv */
export function tolkaMalgrupp(text) {
  return tolka(
    text,
    "malgrupp.csv",
    ["niva", "kod", "namn", "manad", "kon", "matt", "antal", "andel"],
    (d) => ({ ...region(d), tid: d.manad, datum: periodStart(d.manad), kon: d.kon, matt: d.matt, antal: tal(d.antal), andel: tal(d.andel) })
  );
}

/** Ett värde per region, år och kön (`niva,kod,namn,ar,kon,varde`). */
function tolkaArsvarden(text, fil) {
  return tolka(text, fil, ["niva", "kod", "namn", "ar", "kon", "varde"], (d) => ({
    ...region(d),
    tid: d.ar,
    ar: Number(d.ar),
    kon: d.kon,
    varde: tal(d.varde)
  }));
}

/** @param {string} text befolkning.csv */
export function tolkaBefolkning(text) {
  return tolkaArsvarden(text, "befolkning.csv");
}

/** @param {string} text befolkning_alder.csv */
export function tolkaBefolkningAlder(text) {
  return tolka(text, "befolkning_alder.csv", ["niva", "kod", "namn", "ar", "kon", "alder", "varde"], (d) => ({
    ...region(d),
    tid: d.ar,
    ar: Number(d.ar),
    kon: d.kon,
    alder: d.alder,
    varde: tal(d.varde)
  }));
}

/** @param {string} text forsorjningskvot.csv */
export function tolkaForsorjningskvot(text) {
  return tolkaArsvarden(text, "forsorjningskvot.csv");
}

/** @param {string} text forsorjningsmatt.csv */
export function tolkaForsorjningsmatt(text) {
  return tolka(
    text,
    "forsorjningsmatt.csv",
    ["niva", "kod", "namn", "ar", "grupp", "kostnad_kr", "befolkning", "aldersgrupp", "per_invanare"],
    (d) => ({
      ...region(d),
      tid: d.ar,
      ar: Number(d.ar),
      grupp: d.grupp,
      kostnad: tal(d.kostnad_kr),
      befolkning: tal(d.befolkning),
      aldersgrupp: d.aldersgrupp,
      varde: tal(d.per_invanare)
    })
  );
}

// ---- Regioner och perioder ------------------------------------------------------------

/** "forbund:falun-borlange" */
export const nyckel = (d) => `${d.niva}:${d.kod}`;

/**
 * Alla regioner i en eller flera listor av rader: förbund (de med senaste uppgifter först),
 * kommuner, län och riket, var grupp i bokstavsordning. `sista` är regionens senaste period.
 * @param {...{niva: string, kod: string, namn: string, tid: string}[]} listor
 */
export function regionerI(...listor) {
  const per = new Map();
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
function nivaIndex(niva) {
  const i = NIVAORDNING.indexOf(niva);
  return i < 0 ? 99 : i;
}

/**
 * Regionens namn i en urvalslista: "Falun (kommun)", "Finsam Falun (förbund, t.o.m. 2022)".
 * @param {{niva: string, namn: string, sista?: string}} r
 * @param {string | null} [senast] senaste perioden i datan
 */
export function regionEtikett(r, senast = null) {
  if (r.niva === "forbund") {
    return senast && r.sista && r.sista.slice(0, 4) < senast.slice(0, 4) ? `${r.namn} (förbund, t.o.m. ${formatPeriod(r.sista)})` : `${r.namn} (förbund)`;
  }
  if (r.niva === "kommun") return `${r.namn} (kommun)`;
  return r.namn;
}

/** @param {string} niva */
export const nivaText = (niva) => NIVANAMN.get(niva) ?? niva;

/** Raderna för en region. */
export function forRegion(rader, r) {
  if (!r) return [];
  return rader.filter((d) => d.niva === r.niva && d.kod === r.kod);
}

/** Senaste perioden (tid) bland raderna, eller null. */
export function senastePeriod(rader) {
  let s = null;
  for (const d of rader) if (s === null || d.tid > s) s = d.tid;
  return s;
}

/** Alla perioder bland raderna, sorterade. */
export function perioder(rader) {
  return [...new Set(rader.map((d) => d.tid))].sort();
}

/** Samma månad (eller år) året före: "2024-03" -> "2023-03", "2024" -> "2023". */
export function aretFore(tid) {
  if (!tid) return null;
  return `${Number(tid.slice(0, 4)) - 1}${tid.slice(4)}`;
}

/** De olika värdena i en kolumn, i ordning (ålder efter jamforAlder, födelseregion med totalt först). */
export function varianter(rader, falt) {
  const v = [...new Set(rader.map((d) => d[falt]))];
  if (falt === "alder") return v.sort(jamforAlder);
  if (falt === "fodelseregion") {
    const ordning = [...FODELSEREGIONNAMN.keys()];
    return v.sort((a, b) => (ordning.indexOf(a) + 1 || 99) - (ordning.indexOf(b) + 1 || 99) || a.localeCompare(b));
  }
  return v.sort();
}

/** Åldersgruppen som ska vara förvald: 20–64 år om den finns, annars den första. */
export function forvaldAlder(aldrar) {
  return aldrar.includes("20-64") ? "20-64" : (aldrar.find((a) => a !== "totalt") ?? aldrar[0] ?? null);
}

// ---- Tal och meningar -----------------------------------------------------------------

/**
 * Ett ungefärligt antal som i årsredovisningen ("ca 7 000"): två gällande siffror,
 * halvor bort från noll. Tal under 100 avrundas till heltal.
 * @param {number} x
 */
export function ungefar(x) {
  if (!Number.isFinite(x)) return x;
  const abs = Math.abs(x);
  if (abs < 100) return avrunda(x, 0);
  const siffror = Math.floor(Math.log10(abs)) + 1;
  return avrunda(x, 2 - siffror);
}

/** "ca 7 000"; saknat värde blir "–". */
export function formatUngefar(x) {
  if (x == null || !Number.isFinite(x)) return "–";
  return `ca${NBSP}${formatHeltal(ungefar(x))}`;
}

/** En försörjningskvot med två decimaler: 0.8512 -> "0,85". */
export function formatKvot(x) {
  return formatTal(x, 2);
}

/** Kronor per invånare: 23456.4 -> "23 456 kr". */
export function formatKronor(x) {
  if (x == null || !Number.isFinite(x)) return "–";
  return `${formatHeltal(x)}${NBSP}kr`;
}

/**
 * Målgruppens tal för en region, ett mått och en månad: en post per kön med antal, andel och
 * samma månad året före.
 * @param {any[]} rader malgrupp.csv för regionen
 * @param {string} matt
 * @param {string | null} manad
 */
export function malgruppLage(rader, matt, manad) {
  const fore = aretFore(manad);
  const hitta = (kon, tid) => rader.find((d) => d.matt === matt && d.kon === kon && d.tid === tid) ?? null;
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
 * @param {string} matt
 * @param {string} regionnamn
 * @param {string} manad
 * @param {{antal: number | null, andel: number | null}} lage
 * @param {string} [kon] "alla", "kvinnor" eller "man"
 */
export function malgruppMening(matt, regionnamn, manad, lage, kon = "alla") {
  const namn = MALGRUPPSMATT.find((m) => m.kod === matt)?.namn ?? matt;
  const vem = kon === "kvinnor" ? "kvinnor " : kon === "man" ? "män " : "";
  if (lage.antal == null) return `${namn}, ${vem}20–64 år, ${formatPeriod(manad)}: uppgift saknas för ${regionnamn}`;
  return `${namn}, ${vem}20–64 år, ${formatPeriod(manad)}: ${regionnamn} ${formatUngefar(lage.antal)} (${formatProcent(lage.andel, 0)})`;
}

/**
 * Statusfördelning per grupp (t.ex. per månad, åldersgrupp eller kön): andelen för varje
 * status av gruppens totalt. Saknas filens andel räknas den från antalen. En grupp där någon
 * status saknas blir ofullständig (`komplett` = false) och staplas inte.
 * @param {any[]} rader statusrader för en region (redan filtrerade på det som är fast)
 * @param {(d: any) => string} grupp gruppens nyckel
 * @param {string} [falt] kategorifältet ("status" eller "inkomstkalla")
 * @param {{kod: string, namn: string}[]} [kategorier]
 */
export function andelarPerGrupp(rader, grupp, falt = "status", kategorier = STATUSAR) {
  const per = new Map();
  for (const d of rader) {
    const g = grupp(d);
    let p = per.get(g);
    if (!p) per.set(g, (p = { grupp: g, totalt: null, rader: new Map() }));
    if (d[falt] === "totalt") p.totalt = d.antal;
    else p.rader.set(d[falt], d);
  }
  const ut = [];
  for (const p of per.values()) {
    const delar = kategorier.map((k) => {
      const d = p.rader.get(k.kod);
      const andel = d?.andel ?? (d?.antal != null && p.totalt ? d.antal / p.totalt : null);
      return { kod: k.kod, namn: k.namn, antal: d?.antal ?? null, andel };
    });
    const komplett = delar.every((d) => d.andel != null);
    let under = 0;
    for (const d of delar) {
      d.x1 = komplett ? under : null;
      d.x2 = komplett ? under + d.andel : null;
      if (komplett) under += d.andel;
    }
    ut.push({ grupp: p.grupp, totalt: p.totalt, komplett, delar });
  }
  return ut;
}

/**
 * Kvinnor och män per kategori (t.ex. inkomstkälla): andel och antal för varje kön, i
 * kategoriernas ordning. Andelen är av kvinnorna respektive männen (filens andel, eller
 * antalet delat med kategorin totalt).
 * @param {any[]} rader rader för en region, en månad och en ålder
 * @param {string} falt
 * @param {{kod: string, namn: string}[]} kategorier
 */
export function konPoster(rader, falt, kategorier) {
  const totalt = new Map(rader.filter((d) => d[falt] === "totalt").map((d) => [d.kon, d.antal]));
  const hitta = (kod, kon) => rader.find((d) => d[falt] === kod && d.kon === kon) ?? null;
  const andel = (d) => d?.andel ?? (d?.antal != null && totalt.get(d.kon) ? d.antal / totalt.get(d.kon) : null);
  return kategorier.map((k) => {
    const kv = hitta(k.kod, "kvinnor");
    const ma = hitta(k.kod, "man");
    return { kod: k.kod, namn: k.namn, kvinnor: andel(kv), man: andel(ma), kvinnorAntal: kv?.antal ?? null, manAntal: ma?.antal ?? null };
  });
}

/**
 * Befolkningspyramiden: en rad per åldersgrupp (yngst först) med kvinnor och män, och
 * andelen av hela befolkningen. Ålder "totalt" räknas inte som en grupp.
 * @param {any[]} rader befolkning_alder.csv för en region och ett år
 */
export function pyramid(rader) {
  const per = new Map();
  for (const d of rader) {
    if (d.alder === "totalt" || (d.kon !== "kvinnor" && d.kon !== "man")) continue;
    let p = per.get(d.alder);
    if (!p) per.set(d.alder, (p = { alder: d.alder, kvinnor: null, man: null }));
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

/**
 * Summor ur pyramiden: 0–19, 20–64 och 65+ år per kön (för texten om försörjningskvoten).
 * Åldersgrupper som inte ryms i en av de tre räknas inte.
 */
export function breddaldrar(grupper) {
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

/**
 * Jämförelsetabellen: en rad per förbund (de som har något värde), länet och riket med det
 * senaste värdet av varje mått. Perioden är den senaste där något förbund har ett värde.
 * @param {{malgrupp: any[], kvot: any[], matt: any[]}} data
 */
export function jamforelseRader({ malgrupp, kvot, matt }) {
  const ref = (d) => d.niva === "forbund" || d.niva === "lan" || d.niva === "riket";
  const sista = (rader) => senastePeriod(rader.filter((d) => d.niva === "forbund"));
  const manad = sista(malgrupp);
  const ar = sista(kvot.filter((d) => d.kon === "alla"));
  const matAr = sista(matt.filter((d) => d.grupp === "total"));
  const regioner = regionerI(
    malgrupp.filter((d) => ref(d) && d.tid === manad),
    kvot.filter((d) => ref(d) && d.tid === ar),
    matt.filter((d) => ref(d) && d.tid === matAr)
  );
  const hitta = (rader, r, villkor) => rader.find((d) => d.niva === r.niva && d.kod === r.kod && villkor(d)) ?? null;
  const rader = regioner.map((r) => {
    const mg = (m, kon) => hitta(malgrupp, r, (d) => d.tid === manad && d.matt === m && d.kon === kon);
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
export function ingaUppgifter(vad, regionnamn = null) {
  return regionnamn ? `Inga uppgifter om ${vad} finns för ${regionnamn} i underlaget.` : `Inga uppgifter om ${vad} finns i underlaget.`;
}

/** En uppräkning på svenska: ["a", "b", "c"] -> "a, b och c". */
export function uppraknat(lista) {
  if (lista.length <= 1) return lista.join("");
  return `${lista.slice(0, -1).join(", ")} och ${lista.at(-1)}`;
}

/**
 * Månaden att visa en uppdelning för: den valda om underlaget har den, annars den senaste
 * månaden före den valda som har den, annars den senaste alls (SCB:s uppdelningar efter ålder
 * och födelseland finns ofta bara för någon enstaka månad).
 * @param {{tid: string}[]} rader
 * @param {string | null} manad
 */
export function manadMedUppgifter(rader, manad) {
  const tider = perioder(rader);
  if (manad && tider.includes(manad)) return manad;
  return tider.filter((t) => manad && t <= manad).at(-1) ?? tider.at(-1) ?? null;
}

/**
 * Åldersband som tillsammans täcker en ålder exakt och utan överlapp, smalast i tur och
 * ordning från början: (["20-24", "25-34", "35-44", "45-54", "55-64"], "20-64") -> alla fem.
 * Null när banden inte räcker.
 * @param {string[]} aldrar
 * @param {string} alder
 */
export function aldersband(aldrar, alder) {
  if (!alder || alder === "totalt") return null;
  const [fran, till] = grans(alder);
  const ut = [];
  let nasta = fran;
  while (nasta <= till) {
    const kandidater = aldrar.filter((a) => a !== "totalt" && a !== alder && grans(a)[0] === nasta && grans(a)[1] <= till);
    if (!kandidater.length) return null;
    const band = kandidater.sort((a, b) => grans(a)[1] - grans(b)[1]).at(-1);
    ut.push(band);
    nasta = grans(band)[1] + 1;
  }
  return ut.length > 1 ? ut : null;
}

/**
 * Summerar statusrader (en region) över åldersband till en ålder: antalen adderas per månad,
 * kön, födelseregion och status; andelen lämnas tom och räknas om från summorna
 * (andelarPerGrupp). Saknas ett band blir summan saknad, aldrig för liten.
 * @param {any[]} rader
 * @param {string[]} band
 * @param {string} alder
 */
export function summeraAldrar(rader, band, alder) {
  const per = new Map();
  for (const d of rader) {
    if (!band.includes(d.alder)) continue;
    const k = `${d.tid}|${d.kon}|${d.fodelseregion}|${d.status}`;
    let s = per.get(k);
    if (!s) per.set(k, (s = { ...d, alder, antal: 0, andel: null, band: new Set() }));
    s.band.add(d.alder);
    s.antal = s.antal == null || d.antal == null ? null : s.antal + d.antal;
  }
  return [...per.values()].map(({ band: b, ...d }) => ({ ...d, antal: b.size === band.length ? d.antal : null }));
}

/** Arbetsrelaterad inkomstnivå (inkomstniva.csv) som text. */
export function inkomstnivaNamn(kod) {
  const m = /^(\d+)(?:-(\d+)|(\+))?_ibb$/.exec(kod);
  if (kod === "0_kr") return "0 kr";
  if (m && m[1] === "0" && m[2]) return `Mindre än ${m[2]} inkomstbasbelopp`;
  if (m && m[2]) return `${m[1]}–${m[2]} inkomstbasbelopp`;
  if (m && m[3]) return `${m[1]} inkomstbasbelopp eller mer`;
  return kod.replaceAll("_", " ");
}
