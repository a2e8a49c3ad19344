// Styrelserapporten: delårsbokslutets och årsredovisningens statistiska och ekonomiska delar för
// ett förbund och perioden från årets början till ett datum, byggda av de publicerade (skyddade)
// utdatafilerna, samma CSV-filer som webbplatsen visar. Ren logik utan DOM: `styrelserapport`
// ger en modell (avsnitt med tabeller som text), `rapportHtml` gör HTML av den. Både
// `finsam rapport` (PDF, loaders/rapport/) och sidan Styrelserapport använder dem, så att
// rapporten och webbplatsen visar samma tal. Se docs/rapport.md.
import type { MAL, MAL_BEDOMNING } from "../../loaders/kinds/styrelseindata/mal/utdata.ts";
import type { PERSONALINRIKTADE_AKTIVITETER, PERSONALINRIKTADE_AR } from "../../loaders/kinds/styrelseindata/personalinriktade/utdata.ts";
import type { Rad, Schema } from "../../loaders/publish/schema.ts";
import { avkoda, type Sidtabell } from "./sidodata.js";
import { ERSATTNINGAR, tolkaHalvar, tolkaIndelning, type HalvarRad, type Medlem } from "./data.js";
import { tolkaDatakvalitet, type Fynd } from "./datakvalitet.js";
import {
  balansModell,
  datumText,
  driftModell,
  egetKapitalModell,
  kassaflodeModell,
  langsiktigModell,
  medelModell,
  notModeller,
  regeltexter,
  resultatrakningModell,
  tolkaBalansrakning,
  tolkaDrift,
  tolkaEgetKapital,
  tolkaId,
  tolkaKassaflode,
  tolkaLangsiktig,
  tolkaMedelstilldelning,
  tolkaNoter,
  tolkaResultatrakning,
  type BrRad,
  type DriftRad,
  type EgetKapitalRad,
  type IdRad,
  type KfRad,
  type LangsiktigRad,
  type MedelRad,
  type Modellrad,
  type NotRad,
  type RrRad,
  type Tabellmodell
} from "./ekonomi.js";
import { formatDifferens, formatFonsterRubrik, formatHeltal, formatProcent, formatTal, MANADER, SAKNAS } from "./format.js";
import {
  DOLT,
  NYCKELTAL,
  fonsterIRader,
  formatNyckeltal,
  insatserIRader,
  tolkaJamstalldhet,
  tolkaNyckeltal,
  visning,
  type Fonster,
  type JamstalldhetRad,
  type NyckeltalRad
} from "./insatser.js";
import { MALGRUPPSMATT, tolkaMalgrupp, type MalgruppRad } from "./statistik.js";

/** A table in the report: a table model (ekonomi.ts) with its number in the report. */
export interface Rapporttabell extends Tabellmodell {
  nummer?: number;
  /** Long text in the cells: a smaller font, and the table may break across pages however short. */
  bred?: boolean;
}
export interface Avsnitt {
  id: string;
  rubrik: string;
  text: string[];
  tabeller: Rapporttabell[];
  punkter: string[];
  /** One line saying why the section is left out (its input is missing). */
  saknas: string | null;
}
export interface Rapport {
  forbund: string;
  forbundsnamn: string;
  till: string;
  ar: number;
  typ: "Delårsbokslut" | "Årsredovisning";
  period: string;
  avsnitt: Avsnitt[];
}
/** The report's data: the output tables read (tolkaRapportdata), one list of rows per table. */
export interface Rapportdata {
  indelning: Medlem[];
  nyckeltal: NyckeltalRad[];
  jamstalldhet: JamstalldhetRad[];
  halvar: HalvarRad[];
  malgrupp: MalgruppRad[];
  rr: RrRad[];
  drift: DriftRad[];
  id: IdRad[];
  br: BrRad[];
  kf: KfRad[];
  noter: NotRad[];
  medel: MedelRad[];
  lang: LangsiktigRad[];
  ek: EgetKapitalRad[];
  personalAr: Rad<typeof PERSONALINRIKTADE_AR>[];
  personalAktiviteter: Rad<typeof PERSONALINRIKTADE_AKTIVITETER>[];
  mal: Rad<typeof MAL>[];
  malBedomning: Rad<typeof MAL_BEDOMNING>[];
  datakvalitet: Fynd[];
  /** The förbund with data of their own (FORBUNDSTABELLER), sorted. */
  forbundIUnderlaget: string[];
}
/** A table with the förbund's id in the text column `forbund` (FORBUNDSTABELLER); nothing else is read from it here. */
type MedForbund = Schema & { readonly kolumner: readonly [{ readonly namn: "forbund"; readonly typ: "text"; readonly beskrivning: string }] };

/** Utdatatabellerna som rapporten läser (alla publicerade; inga deltagaruppgifter). */
export const RAPPORTTABELLER: readonly string[] = [
  "indelning",
  "insatser_nyckeltal",
  "insatser_jamstalldhet",
  "helarsekvivalenter_halvar",
  "malgrupp",
  "ekonomi_resultatrakning",
  "ekonomi_drift",
  "ekonomi_id",
  "ekonomi_balansrakning",
  "ekonomi_kassaflode",
  "ekonomi_noter",
  "ekonomi_medelstilldelning",
  "ekonomi_langsiktig",
  "ekonomi_eget_kapital",
  "personalinriktade_ar",
  "personalinriktade_aktiviteter",
  "mal",
  "mal_bedomning",
  "datakvalitet"
];

/** Tabeller vars förbundskolumn säger vilka förbund underlaget har (inte SCB:s indelning). */
export const FORBUNDSTABELLER: readonly string[] = ["insatser_nyckeltal", "ekonomi_drift", "ekonomi_medelstilldelning", "personalinriktade_ar", "mal"];

/**
 * Tolkar utdatatabellerna (en Sidtabell per tabellnamn, src/components/sidodata.ts; en tabell
 * som saknas eller inte har några rader ger inga rader).
 */
export function tolkaRapportdata(tabeller: Record<string, Sidtabell | undefined>): Rapportdata {
  const med = <T>(namn: string, tolka: (t: Sidtabell) => T[]): T[] => {
    const t = tabeller[namn];
    return t && t.rader > 0 ? tolka(t) : [];
  };
  const rader = <S extends Schema>(namn: string): Rad<S>[] => med(namn, (t) => avkoda<S>(t));
  return {
    indelning: med("indelning", tolkaIndelning),
    nyckeltal: med("insatser_nyckeltal", tolkaNyckeltal),
    jamstalldhet: med("insatser_jamstalldhet", tolkaJamstalldhet),
    halvar: med("helarsekvivalenter_halvar", tolkaHalvar),
    malgrupp: med("malgrupp", tolkaMalgrupp),
    rr: med("ekonomi_resultatrakning", tolkaResultatrakning),
    drift: med("ekonomi_drift", tolkaDrift),
    id: med("ekonomi_id", tolkaId),
    br: med("ekonomi_balansrakning", tolkaBalansrakning),
    kf: med("ekonomi_kassaflode", tolkaKassaflode),
    noter: med("ekonomi_noter", tolkaNoter),
    medel: med("ekonomi_medelstilldelning", tolkaMedelstilldelning),
    lang: med("ekonomi_langsiktig", tolkaLangsiktig),
    ek: med("ekonomi_eget_kapital", tolkaEgetKapital),
    personalAr: rader<typeof PERSONALINRIKTADE_AR>("personalinriktade_ar").map(textAr),
    personalAktiviteter: rader<typeof PERSONALINRIKTADE_AKTIVITETER>("personalinriktade_aktiviteter").map(textAr),
    mal: rader<typeof MAL>("mal").map(textAr),
    malBedomning: rader<typeof MAL_BEDOMNING>("mal_bedomning").map(textAr),
    datakvalitet: med("datakvalitet", tolkaDatakvalitet),
    forbundIUnderlaget: [...new Set(FORBUNDSTABELLER.flatMap((f) => rader<MedForbund>(f).map((d) => d.forbund)))].filter(Boolean).sort()
  };
}

/** Året som text ("2024"), vilken typ kolumnen än har. */
const textAr = <T extends { readonly ar: string | null }>(d: T): T => ({ ...d, ar: d.ar == null ? d.ar : String(d.ar) });

// ---- Hjälpare ------------------------------------------------------------------------------------

const tal = (s: string | number | null | undefined): number | null => (s === "" || s == null ? null : Number(s));

/** "2025-08-31" -> "1 januari–31 augusti 2025". */
export function periodLang(till: string): string {
  const [y, m, d] = till.split("-").map(Number) as [number, number, number];
  return m === 12 && d === 31 ? `1 januari–31 december ${y}` : `1 januari–${d} ${MANADER[m - 1]} ${y}`;
}

/** Årsredovisning när perioden är hela året, annars delårsbokslut. */
export function rapporttyp(till: string): Rapport["typ"] {
  return till.endsWith("-12-31") ? "Årsredovisning" : "Delårsbokslut";
}

const TYPNAMN: Record<string, string> = {
  grundutbildning: "Grundutbildning",
  vidareutbildning: "Vidareutbildning",
  ledarskap: "Ledarskapsutbildning",
  utbildning: "Utbildning",
  forelasning: "Föreläsning",
  workshop: "Workshop",
  seminarium: "Seminarium/konferens",
  frukostmote: "Frukostmöte",
  medborgardialog: "Medborgardialog",
  natverk: "Nätverksträff",
  ovrigt: "Övrigt"
};
const typNamn = (t: string): string => TYPNAMN[t] ?? (t ? t[0]!.toUpperCase() + t.slice(1) : SAKNAS);

const BEDOMNINGSNAMN: Record<string, string> = { uppfyllt: "Uppfyllt", delvis: "Delvis uppfyllt", ej_uppfyllt: "Ej uppfyllt", ej_bedomd: "Ej bedömt" };

const ALLVARSNAMN: Record<string, string> = { fel: "Fel", varning: "Varning", info: "Upplysning" };

/** Upplysningar som styrelsen ändå bör se (resten av upplysningarna hör till datakvalitetssidan). */
const VIKTIGA_UPPLYSNINGAR = [/^ekonomi\.regel_/, /^ekonomi\.efter_rapportdatum$/, /^mal\.kan_inte_matas$/, /^ekonomi\.rapportdatum$/];

/** Förbundets id som det kan stå i ett filnamn: sodra-dalarna -> sodra_dalarna. */
function filnyckel(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "_");
}

/**
 * Fynden i valideringsrapporten som hör till förbundet och perioden: filen eller meddelandet
 * nämner förbundet (id eller namn), eller, när varken filen eller meddelandet nämner något
 * förbund, det första årtalet i meddelandet är rapportens år.
 */
export function fyndForForbund(fynd: Fynd[], forbund: string, allaForbund: { id: string; namn: string }[], ar: number): Fynd[] {
  const namnFor = (id: string): string[] => [filnyckel(id), ...allaForbund.filter((f) => f.id === id).map((f) => filnyckel(f.namn))];
  const egna = namnFor(forbund);
  const andra = allaForbund.filter((f) => f.id !== forbund).flatMap((f) => namnFor(f.id));
  const nämner = (text: string, namn: string[]): boolean => namn.some((n) => n.length > 3 && filnyckel(text).includes(n));
  return fynd.filter((f) => {
    if (f.allvar === "info" && !VIKTIGA_UPPLYSNINGAR.some((r) => r.test(f.regel))) return false;
    const text = `${f.fil} ${f.meddelande}`;
    if (nämner(text, egna)) return true;
    if (nämner(text, andra)) return false;
    // Inget förbund nämns: rapportens år ska vara det första året i meddelandet (t.ex. den
    // rapporterade tabellens rubrik, "Delårsbokslut januari–augusti 2025, Tabell 6: …").
    return /(?<!\d)(?:19|20)\d\d(?!\d)/.exec(f.meddelande)?.[0] === String(ar);
  });
}

// ---- Avsnitten -----------------------------------------------------------------------------------

function avsnitt(id: string, rubrik: string, innehall: Partial<Omit<Avsnitt, "id" | "rubrik">>): Avsnitt {
  return { id, rubrik, text: [], tabeller: [], punkter: [], saknas: null, ...innehall };
}

const manad = (till: string): string => till.slice(0, 7);

/** Tabell 1–4: de fyra senaste mätningarna (tolvmånadersperioder som slutar senast rapportmånaden). */
function insatsavsnitt(data: Rapportdata, forbund: string, till: string, namn: string): Avsnitt {
  const rader = data.nyckeltal.filter((d) => d.forbund === forbund && d.till <= manad(till));
  if (rader.length === 0) return avsnitt("insatser", "Individinriktade insatser", { saknas: "Deltagarnas nyckeltal saknas i underlaget (ingen deltagarfil för förbundet och perioden), så avsnittet utelämnas." });
  const fonster = fonsterIRader(rader).slice(-4);
  const index = new Map(rader.map((d) => [`${d.insats}|${d.fran}/${d.till}|${d.kon}|${d.matt}`, d]));
  const hamta = (insats: string, f: Fonster, kon: string, matt: string): NyckeltalRad | undefined => index.get(`${insats}|${f.fran}/${f.till}|${kon}|${matt}`);
  const insatser = insatserIRader(rader);
  const tabeller: Rapporttabell[] = insatser.map((insats) => ({
    bildtext:
      insats === "totalt"
        ? `De sammanlagda resultaten från de individinriktade insatserna, de fyra senaste mätningarna, ${namn}`
        : `Resultat ${insats}, totalt sett, de fyra senaste mätningarna`,
    kolumner: [{ rubrik: "" }, ...fonster.map((f) => ({ rubrik: formatFonsterRubrik(f.fran, f.till), tal: true }))],
    rader: NYCKELTAL.map((n) => ({
      rubrik: n.rubrik,
      klass: null,
      celler: fonster.map((f) => visning(hamta(insats, f, "alla", n.kod), (x) => formatNyckeltal(n.kod, x)).text)
    }))
  }));
  // Teamen per år: kalenderåren (januari–december) till och med rapportåret.
  const ar = fonsterIRader(rader)
    .filter((f) => f.fran.endsWith("-01") && f.till.endsWith("-12") && f.fran.slice(0, 4) === f.till.slice(0, 4))
    .slice(-6);
  const team = insatser.filter((i) => i !== "totalt");
  if (ar.length > 0 && team.length > 0) {
    for (const matt of ["deltagare", "avslut", "andel_mal"]) {
      const n = NYCKELTAL.find((x) => x.kod === matt)!;
      tabeller.push({
        bildtext: `${n.namn} per insats och år ${ar[0]!.fran.slice(0, 4)}–${ar.at(-1)!.fran.slice(0, 4)}`,
        kolumner: [{ rubrik: "Insats" }, ...ar.map((f) => ({ rubrik: f.fran.slice(0, 4), tal: true }))],
        arstabell: false,
        rader: [...team, "totalt"].map((insats) => ({
          rubrik: insats === "totalt" ? "Totalt" : insats,
          klass: insats === "totalt" ? "summa" : null,
          celler: ar.map((f) => visning(hamta(insats, f, "alla", matt), (x) => formatNyckeltal(matt, x)).text)
        }))
      });
    }
  }
  const dolda = rader.some((d) => d.dolt);
  // Skyddsmetoden står i kolumnen skydd (docs/definitioner/skydd.md): med brus säger rapporten det.
  const brus = rader.some((d) => d.skydd === "brus");
  return avsnitt("insatser", "Individinriktade insatser", {
    text: [
      `Resultaten för förbundet totalt och för varje insats, för de fyra senaste tolvmånadersperioderna som slutar senast ${datumText(till)}. Andelar visas i hela procent och medelvärden med en decimal; talen avrundas först när de visas.`
    ],
    tabeller,
    punkter: [
      ...(brus ? ["Talen är skyddade med ett litet slumpmässigt brus och kan skilja sig från förbundets egna register med några enheter; samma personer ger alltid samma tal (se docs/definitioner/skydd.md)."] : []),
      ...(dolda ? [`${DOLT} = visas inte för att skydda enskilda personer (${brus ? "ett medelvärde som bygger på för få personer" : "för få deltagare i gruppen"}; se docs/definitioner/skydd.md).`] : [])
    ]
  });
}

/** Jämställdhet: kvinnor och män i den senaste perioden. */
function jamstalldhetsavsnitt(data: Rapportdata, forbund: string, till: string): Avsnitt {
  const rader = data.jamstalldhet.filter((d) => d.forbund === forbund && d.till <= manad(till));
  if (rader.length === 0) return avsnitt("jamstalldhet", "Jämställdhet", { saknas: "Det finns ingen jämställdhetsanalys för förbundet och perioden (inga deltagaruppgifter per kön), så avsnittet utelämnas." });
  const f = fonsterIRader(rader).at(-1)!;
  const perioden = rader.filter((d) => d.fran === f.fran && d.till === f.till);
  const insatser = insatserIRader(perioden);
  const cell = (d: JamstalldhetRad | undefined, varde: number | null | undefined, antal: number | null | undefined, format: (x: number) => string): string => (d == null ? SAKNAS : varde == null ? (antal == null ? DOLT : SAKNAS) : format(varde));
  const radFor = (insats: string, matt: string): JamstalldhetRad | undefined => perioden.find((d) => d.insats === insats && d.matt === matt);
  const tabellrader: Modellrad[] = [];
  for (const insats of insatser) {
    const deltagare = radFor(insats, "deltagare");
    const andelKvinnor = radFor(insats, "andel_kvinnor");
    const mal = radFor(insats, "andel_mal");
    tabellrader.push({
      rubrik: insats === "totalt" ? "Förbundet totalt" : insats,
      klass: insats === "totalt" ? "summa" : null,
      celler: [
        cell(deltagare, deltagare?.kvinnor, deltagare?.kvinnorAntal, formatHeltal),
        cell(deltagare, deltagare?.man, deltagare?.manAntal, formatHeltal),
        cell(andelKvinnor, andelKvinnor?.kvinnor, andelKvinnor?.kvinnorAntal, (x) => formatProcent(x, 0)),
        andelKvinnor?.befolkningAndelKvinnor == null ? SAKNAS : formatProcent(andelKvinnor.befolkningAndelKvinnor, 0),
        cell(mal, mal?.kvinnor, mal?.kvinnorAntal, (x) => formatProcent(x, 0)),
        cell(mal, mal?.man, mal?.manAntal, (x) => formatProcent(x, 0)),
        mal?.slutsats ?? SAKNAS
      ]
    });
  }
  return avsnitt("jamstalldhet", "Jämställdhet", {
    text: [
      `Deltagarna och resultaten för kvinnor och män ${formatFonsterRubrik(f.fran, f.till)}. Andelen kvinnor jämförs med andelen kvinnor i befolkningen 20–64 år i förbundets kommuner. Skillnaden i resultat mot mål bedöms med Fishers exakta test (se docs/definitioner/insatser.md).`
    ],
    tabeller: [
      {
        bildtext: `Deltagare och resultat mot mål per kön, ${formatFonsterRubrik(f.fran, f.till)}`,
        kolumner: [
          { rubrik: "Insats" },
          { rubrik: "Kvinnor", tal: true },
          { rubrik: "Män", tal: true },
          { rubrik: "Andel kvinnor", tal: true },
          { rubrik: "Kvinnor i befolkningen", tal: true },
          { rubrik: "Resultat mot mål, kvinnor", tal: true },
          { rubrik: "Resultat mot mål, män", tal: true },
          { rubrik: "Skillnaden" }
        ],
        rader: tabellrader
      }
    ],
    punkter: rader.some((d) => d.kvinnor == null && d.kvinnorAntal == null) ? [`${DOLT} = visas inte för att skydda enskilda personer.`] : []
  });
}

const halvarSlut = (h: string): string => `${h.slice(0, 4)}-${h.endsWith("H1") ? "06" : "12"}`;
const halvarText = (h: string): string => `${h.endsWith("H1") ? "januari–juni" : "juli–december"} ${h.slice(0, 4)}`;

/** Helårsekvivalenter: det senaste hela halvåret mot samma halvår året före. */
function helarsekvivalentavsnitt(data: Rapportdata, forbund: string, till: string): Avsnitt {
  const rader = data.halvar.filter((d) => d.niva === "forbund" && d.kod === forbund && halvarSlut(d.halvar) <= manad(till));
  if (rader.length === 0) return avsnitt("helarsekvivalenter", "Helårsekvivalenter", { saknas: "SCB:s helårsekvivalenter saknas i underlaget för förbundets kommuner och perioden, så avsnittet utelämnas." });
  const h = [...new Set(rader.map((d) => d.halvar))].sort().at(-1)!;
  const aktuella = rader.filter((d) => d.halvar === h);
  const v = (kon: string, ers: string): HalvarRad | undefined => aktuella.find((d) => d.kon === kon && d.ersattning === ers);
  return avsnitt("helarsekvivalenter", "Helårsekvivalenter", {
    text: [
      `Antal helårsekvivalenter (personer 20–64 år som försörjs helt av sjukpenning, sjuk- och aktivitetsersättning, arbetslöshetsersättning, arbetsmarknadsåtgärder, etableringsersättning eller ekonomiskt bistånd) i förbundets kommuner, ${halvarText(h)}, månadsmedelvärde, jämfört med samma halvår året före. Källa: SCB.`
    ],
    tabeller: [
      {
        bildtext: `Helårsekvivalenter ${halvarText(h)} per ersättning och kön`,
        kolumner: [
          { rubrik: "Ersättning" },
          { rubrik: "Kvinnor", tal: true },
          { rubrik: "Män", tal: true },
          { rubrik: "Totalt", tal: true },
          { rubrik: `Totalt ${halvarText(h).replace(/ \d{4}$/, "")} ${Number(h.slice(0, 4)) - 1}`, tal: true },
          { rubrik: "Förändring", tal: true }
        ],
        rader: ERSATTNINGAR.map((e) => ({
          rubrik: e.tabellnamn,
          klass: e.kod === "summa" ? "summa" : null,
          celler: [
            formatHeltal(v("kvinnor", e.kod)?.varde),
            formatHeltal(v("man", e.kod)?.varde),
            formatHeltal(v("alla", e.kod)?.varde),
            formatHeltal(v("alla", e.kod)?.vardeForegaendeAr),
            formatDifferens(v("alla", e.kod)?.differens)
          ]
        }))
      }
    ]
  });
}

/** BAS: målgruppen utanför arbetsmarknaden den senaste månaden. */
function basavsnitt(data: Rapportdata, forbund: string, till: string): Avsnitt {
  const rader = data.malgrupp.filter((d) => d.niva === "forbund" && d.kod === forbund && d.tid <= manad(till));
  if (rader.length === 0) return avsnitt("bas", "Målgruppen enligt BAS", { saknas: "SCB:s befolkningens arbetsmarknadsstatus (BAS) saknas i underlaget för förbundets kommuner och perioden, så avsnittet utelämnas." });
  const m = [...new Set(rader.map((d) => d.tid))].sort().at(-1)!;
  const v = (kon: string, matt: string): MalgruppRad | undefined => rader.find((d) => d.tid === m && d.kon === kon && d.matt === matt);
  const [y, mm] = m.split("-").map(Number) as [number, number];
  return avsnitt("bas", "Målgruppen enligt BAS", {
    text: [
      `Förbundets målgrupp i befolkningen 20–64 år i förbundets kommuner, ${MANADER[mm - 1]} ${y}, enligt SCB:s befolkningens arbetsmarknadsstatus (BAS): antal och andel av befolkningen. Definitionerna finns i docs/definitioner/bas.md.`
    ],
    tabeller: [
      {
        bildtext: `Målgruppen ${MANADER[mm - 1]} ${y} per kön`,
        kolumner: [
          { rubrik: "" },
          { rubrik: "Kvinnor", tal: true },
          { rubrik: "Andel", tal: true },
          { rubrik: "Män", tal: true },
          { rubrik: "Andel", tal: true },
          { rubrik: "Totalt", tal: true },
          { rubrik: "Andel", tal: true }
        ],
        rader: MALGRUPPSMATT.map((mt) => ({
          rubrik: mt.namn,
          klass: null,
          celler: ["kvinnor", "man", "alla"].flatMap((kon) => [formatHeltal(v(kon, mt.kod)?.antal), formatProcent(v(kon, mt.kod)?.andel, 1)])
        }))
      }
    ]
  });
}

/** Ekonomin: samma tabellmodeller som sidan Ekonomi. */
function ekonomiavsnitt(data: Rapportdata, forbund: string, till: string, namn: string): Avsnitt {
  const ar = Number(till.slice(0, 4));
  const r = { ar, till };
  const harPerioden = data.drift.some((d) => d.forbund === forbund && d.till === till) || data.rr.some((d) => d.forbund === forbund && d.till === till);
  if (!harPerioden) {
    return avsnitt("ekonomi", "Ekonomi", { saknas: `Huvudbok och budget för förbundet saknas i underlaget för perioden till ${datumText(till)}, så ekonomin utelämnas.` });
  }
  const tabeller: Rapporttabell[] = [resultatrakningModell(data.rr, forbund, r, namn), driftModell(data.drift, data.id, forbund, r, namn)];
  const balans = balansModell(data.br, forbund, r, namn);
  if (balans) tabeller.push(balans);
  const kassaflode = kassaflodeModell(data.kf, forbund, r, namn);
  if (kassaflode) tabeller.push(kassaflode);
  tabeller.push(...notModeller(data.noter, forbund, r, namn));
  const medelAr = [...new Set(data.medel.filter((d) => d.forbund === forbund && d.medlem !== "totalt").map((d) => d.ar))].sort((a, b) => a - b);
  const visatMedelAr = medelAr.includes(ar) ? ar : medelAr.filter((a) => a <= ar).at(-1);
  const medel = visatMedelAr != null ? medelModell(data.medel, forbund, visatMedelAr, namn) : null;
  if (medel) tabeller.push(medel);
  const ekRader = data.ek.filter((d) => d.ar <= ar);
  const ek = egetKapitalModell(ekRader, forbund, namn);
  if (ek) tabeller.push(ek);
  const lang = langsiktigModell(data.lang, forbund, namn);
  if (lang) tabeller.push(lang);
  const regler = regeltexter(ekRader, forbund);
  return avsnitt("ekonomi", "Ekonomi", {
    text: [
      `Ekonomin ${periodLang(till)}, räknad från huvudboken och budgeten. Beloppen visas i tusentals kronor (tkr) och avrundas först när de visas, så en summa kan skilja sig från summan av de avrundade raderna. I driftsredovisningen har kostnader plustecken och intäkter minustecken, som i huvudboken; återstår = årsbudget − ack utfall och förbrukad = ack utfall / årsbudget.`,
      ...(medel === null ? ["Medelstilldelningen från medlemmarna saknas i underlaget."] : [])
    ],
    tabeller,
    punkter: regler.map((t) => `${t.uppfyllt ? "Uppfyllt" : "Inte uppfyllt"}: ${t.text}`)
  });
}

/** Personalinriktade insatser: per år och årets aktiviteter. */
function personalavsnitt(data: Rapportdata, forbund: string, till: string): Avsnitt {
  const ar = till.slice(0, 4);
  const allaAr = data.personalAr.filter((d) => d.forbund === forbund);
  const perAr = allaAr.filter((d) => d.ar <= ar && d.typ === "totalt");
  const aktiviteter = data.personalAktiviteter.filter((d) => d.forbund === forbund && d.ar === ar && d.forsta_datum <= till);
  if (aktiviteter.length === 0) {
    const senast = [...new Set(allaAr.map((d) => d.ar))].sort().at(-1);
    return avsnitt("personalinriktade", "Personalinriktade insatser", {
      saknas: `Förbundets aktivitetslogg har inga aktiviteter för ${ar}${senast ? ` (loggen i underlaget slutar ${senast})` : " (ingen aktivitetslogg i underlaget)"}, så de personalinriktade insatserna utelämnas.`
    });
  }
  const tabeller: Rapporttabell[] = [];
  const arLista = [...new Set(perAr.map((d) => d.ar))].sort().slice(-6);
  if (arLista.length > 0) {
    const summa = (a: string, k: "aktiviteter" | "tillfallen" | "deltagare"): number | null => tal(perAr.find((d) => d.ar === a)?.[k]);
    tabeller.push({
      bildtext: `Personalinriktade insatser och deltagare per år ${arLista.length > 1 ? `${arLista[0]}–${arLista.at(-1)}` : arLista[0]}`,
      kolumner: [{ rubrik: "År" }, { rubrik: "Insatser", tal: true }, { rubrik: "Tillfällen", tal: true }, { rubrik: "Deltagare", tal: true }],
      arstabell: true,
      rader: arLista.map((a) => ({ rubrik: a === ar && !till.endsWith("-12-31") ? `${a} (till ${datumText(till)})` : a, klass: null, celler: [formatHeltal(summa(a, "aktiviteter")), formatHeltal(summa(a, "tillfallen")), formatHeltal(summa(a, "deltagare"))] }))
    });
  }
  {
    const sum = (k: "tillfallen" | "deltagare"): number => aktiviteter.reduce((s, d) => s + (tal(d[k]) ?? 0), 0);
    const harUnika = aktiviteter.some((d) => tal(d.unika) != null);
    tabeller.push({
      bildtext: `Personalinriktade insatser ${ar} med antal deltagare`,
      kolumner: [{ rubrik: "Insats" }, { rubrik: "Typ" }, { rubrik: "Tillfällen", tal: true }, { rubrik: "Deltagare", tal: true }, ...(harUnika ? [{ rubrik: "Unika deltagare", tal: true }] : [])],
      rader: [
        ...aktiviteter.map((d) => ({
          rubrik: d.omgang ? `${d.aktivitet} (${d.omgang})` : d.aktivitet,
          klass: null,
          celler: [typNamn(d.typ), formatHeltal(tal(d.tillfallen)), formatHeltal(tal(d.deltagare)), ...(harUnika ? [formatHeltal(tal(d.unika))] : [])]
        })),
        { rubrik: "Totalt", klass: "summa", celler: ["", formatHeltal(sum("tillfallen")), formatHeltal(sum("deltagare")), ...(harUnika ? [""] : [])] }
      ]
    });
  }
  return avsnitt("personalinriktade", "Personalinriktade insatser", {
    text: [
      "Förbundets utbildningar, föreläsningar och andra insatser för personal hos parterna, ur förbundets aktivitetslogg. Deltagare räknas per tillfälle (samma person två gånger räknas två gånger); unika deltagare redovisas för sig där de är kända. Talen gäller personal, inte deltagare i insatserna, och skyddas därför inte som små grupper; inga namn på personer publiceras."
    ],
    tabeller
  });
}

/** Målen i verksamhetsplanen med styrelsens bedömning och produktens mätning. */
function malavsnitt(data: Rapportdata, forbund: string, till: string): Avsnitt {
  const ar = till.slice(0, 4);
  const alla = data.mal.filter((d) => d.forbund === forbund);
  const mal = alla.filter((d) => d.ar === ar);
  if (mal.length === 0) {
    const finns = [...new Set(alla.map((d) => d.ar))].sort();
    return avsnitt("mal", "Mål och måluppfyllelse", {
      saknas: `Verksamhetsplanens mål för ${ar} saknas i underlaget${finns.length ? ` (det har mål för ${finns.join(", ")})` : ""}, så måluppfyllelsen utelämnas.`
    });
  }
  const planAr = ar;
  const antal = data.malBedomning.filter((d) => d.forbund === forbund && d.ar === planAr);
  const n = (b: string): number => Number(antal.find((d) => d.bedomning === b)?.antal ?? 0);
  const motsager = mal.filter((d) => Number(d.motsager) === 1);
  return avsnitt("mal", "Mål och måluppfyllelse", {
    text: [
      `Verksamhetsplanens mål för ${planAr} med styrelsens bedömning. Där produkten kan mäta en indikator själv (ur aktivitetsloggen, ekonomin eller de publicerade tabellerna) står mätningen bredvid; en bedömning som motsäger mätningen markeras.`,
      `${n("totalt")} mål: ${n("uppfyllt")} uppfyllda, ${n("delvis")} delvis uppfyllda, ${n("ej_uppfyllt")} ej uppfyllda${n("ej_bedomd") ? `, ${n("ej_bedomd")} ej bedömda` : ""}.`
    ],
    tabeller: [
      {
        bildtext: `Måluppfyllelse ${planAr}`,
        kolumner: [{ rubrik: "Mål" }, { rubrik: "Indikator" }, { rubrik: "Utfall" }, { rubrik: "Bedömning" }, { rubrik: "Mätning" }],
        bred: true,
        // Ett mål med flera indikatorer: målets text bara på den första raden.
        rader: mal.map((d, i) => ({
          rubrik:
            i > 0 && mal[i - 1]!.mal_nr === d.mal_nr && mal[i - 1]!.malomrade === d.malomrade
              ? `${[d.malomrade, d.mal_nr].filter(Boolean).join(" ")} (forts.)`
              : [d.malomrade, d.mal_nr].filter(Boolean).join(" ") + (d.mal ? `. ${d.mal}` : ""),
          klass: Number(d.motsager) === 1 ? "ej-uppfyllt" : null,
          celler: [
            d.indikator || SAKNAS,
            d.utfall || SAKNAS,
            BEDOMNINGSNAMN[d.bedomning] ?? (d.bedomning || SAKNAS),
            d.matning ? `${d.matning}${Number(d.motsager) === 1 ? " (motsäger bedömningen)" : ""}` : SAKNAS
          ]
        }))
      }
    ],
    punkter: motsager.map((d) => `Mål ${d.mal_nr}: bedöms ${(BEDOMNINGSNAMN[d.bedomning] ?? d.bedomning).toLowerCase()}, men mätningen säger annat: ${d.matning}.`)
  });
}

/** Valideringens fynd som styrelsen bör känna till. */
function fyndavsnitt(data: Rapportdata, forbund: string, till: string, allaForbund: { id: string; namn: string }[], luckor: string[]): Avsnitt {
  const fynd = fyndForForbund(data.datakvalitet, forbund, allaForbund, Number(till.slice(0, 4)));
  const plats = (f: Fynd): string => [f.fil, f.rad != null ? `rad ${f.rad}` : null, f.kolumn != null ? `kolumn ${f.kolumn}` : null].filter(Boolean).join(", ");
  const tabeller: Rapporttabell[] = fynd.length
    ? [
        {
          bildtext: "Fynd i underlaget: rapporterade tabeller som inte stämmer, bedömningar som motsäger mätningar och annat att känna till",
          kolumner: [{ rubrik: "Var" }, { rubrik: "Allvar" }, { rubrik: "Vad" }],
          bred: true,
          rader: fynd.map((f) => ({ rubrik: plats(f), klass: null, celler: [ALLVARSNAMN[f.allvar] ?? f.allvar, f.meddelande] }))
        }
      ]
    : [];
  return avsnitt("fynd", "Att känna till om underlaget", {
    text: [
      "Valideringens fynd för förbundet och perioden. Där en tidigare rapports tryckta tabell inte går ihop med sina egna tal eller med huvudboken visar den här rapporten de beräknade talen, och skillnaden står här. Alla fynd finns på webbplatsens sida Datakvalitet.",
      ...(fynd.length ? [] : ["Valideringen har inga fynd för förbundet och perioden."])
    ],
    tabeller,
    punkter: luckor
  });
}

/** Styrelserapporten för ett förbund och perioden från årets början till `till`. */
export function styrelserapport(data: Rapportdata, { forbund, till }: { forbund: string; till: string }): Rapport {
  const namnPer = new Map(data.indelning.map((d) => [d.forbund, d.forbundNamn]));
  const namn = namnPer.get(forbund) ?? forbund;
  const allaForbund = [...new Set([...namnPer.keys(), ...data.forbundIUnderlaget])].map((id) => ({ id, namn: namnPer.get(id) ?? id }));
  const delar = [
    insatsavsnitt(data, forbund, till, namn),
    jamstalldhetsavsnitt(data, forbund, till),
    helarsekvivalentavsnitt(data, forbund, till),
    basavsnitt(data, forbund, till),
    ekonomiavsnitt(data, forbund, till, namn),
    personalavsnitt(data, forbund, till),
    malavsnitt(data, forbund, till)
  ];
  const luckor = delar.filter((a) => a.saknas).map((a) => `${a.rubrik}: ${a.saknas}`);
  delar.push(fyndavsnitt(data, forbund, till, allaForbund, luckor));
  let nr = 0;
  for (const a of delar) for (const t of a.tabeller) t.nummer = ++nr;
  return {
    forbund,
    forbundsnamn: namn,
    till,
    ar: Number(till.slice(0, 4)),
    typ: rapporttyp(till),
    period: periodLang(till),
    avsnitt: delar
  };
}

/**
 * Rapportdatumen som underlaget har för ett förbund, senaste först: ekonomins perioder, annars
 * den 31 december det senaste året med uppgifter.
 */
export function rapportdatumFor(data: Rapportdata, forbund: string): string[] {
  const ekonomi = [...new Set(data.drift.filter((d) => d.forbund === forbund).map((d) => d.till))];
  if (ekonomi.length) return ekonomi.sort().reverse();
  const ar = [
    ...data.personalAr.filter((d) => d.forbund === forbund).map((d) => d.ar),
    ...data.mal.filter((d) => d.forbund === forbund).map((d) => d.ar),
    ...data.nyckeltal.filter((d) => d.forbund === forbund).map((d) => d.till.slice(0, 4))
  ].sort();
  return ar.length ? [`${ar.at(-1)}-12-31`] : [];
}

/**
 * Rapportens underlag på sidan Styrelserapport: sidans indexfil (förbundsindelningen och fynden
 * hela, förbunden med egna uppgifter; loaders/publish/sidor/) och det valda förbundets del (dess
 * rader i de andra tabellerna; `null` innan ett förbund är valt). Rapporten för förbundet blir
 * densamma som av hela tabellerna (test/sidodata.test.ts).
 */
export function rapportdataForSidan(index: { tabeller: Record<string, Sidtabell>; forbund: readonly string[] }, del: Record<string, Sidtabell> | null): Rapportdata {
  return { ...tolkaRapportdata({ ...index.tabeller, ...(del ?? {}) }), forbundIUnderlaget: [...index.forbund] };
}

/** Förbunden som rapporten kan göras för (de som har egna uppgifter i underlaget), med namn. */
export function rapportforbund(data: Rapportdata): { id: string; namn: string }[] {
  const namnPer = new Map(data.indelning.map((d) => [d.forbund, d.forbundNamn]));
  return data.forbundIUnderlaget.map((id) => ({ id, namn: namnPer.get(id) ?? id }));
}

// ---- HTML ----------------------------------------------------------------------------------------

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const esc = (s: unknown): string => String(s ?? "").replace(/[&<>"']/g, (c) => ESC[c]!);

function tabellHtml(t: Rapporttabell): string {
  const kol = t.kolumner;
  const klass = ["rapporttabell", t.bred ? "bred" : null, t.arstabell ? "arstabell" : null].filter(Boolean).join(" ");
  const th = kol.map((k, i) => `<th scope="col"${k.tal ? ' class="tal"' : ""}>${i === 0 && !k.rubrik ? '<span class="visuellt-dold">Rad</span>' : esc(k.rubrik)}</th>`).join("");
  const rader = t.rader
    .map((r) => `<tr${r.klass ? ` class="${esc(r.klass)}"` : ""}><th scope="row">${esc(r.rubrik)}</th>${r.celler.map((c, i) => `<td${kol[i + 1]?.tal ? ' class="tal"' : ""}>${esc(c)}</td>`).join("")}</tr>`)
    .join("");
  return (
    `<figure class="tabellblock${t.rader.length <= 15 && !t.bred ? " liten" : ""}"><table class="${klass}"><caption>Tabell ${t.nummer}: ${esc(t.bildtext)}</caption>` +
    `<thead><tr>${th}</tr></thead><tbody>${rader}</tbody></table>${t.fotnot ? `<figcaption class="fotnot">${esc(t.fotnot)}</figcaption>` : ""}</figure>`
  );
}

/**
 * Rapporten som HTML (innehållet i <body>): titelsida, innehållsförteckning och avsnitten.
 * `sidor`: sidnumret där varje avsnitt börjar (PDF:en; på webbplatsen inga sidnummer).
 */
export function rapportHtml(rapport: Rapport, { sidor, skapad, kalla }: { sidor?: Record<string, number>; skapad?: string; kalla?: string } = {}): string {
  const delar = rapport.avsnitt;
  const toc = delar
    .map((a, i) => `<li><a href="#${a.id}"><span class="toc-text">${i + 1}. ${esc(a.rubrik)}</span>${sidor ? `<span class="toc-sida">${sidor[a.id] ?? ""}</span>` : ""}</a></li>`)
    .join("");
  const titelsida =
    `<section class="titelsida" aria-label="Titelsida"><p class="overrubrik">${esc(rapport.typ)} ${rapport.ar}</p>` +
    `<h1>${esc(rapport.forbundsnamn)}</h1>` +
    `<p class="underrubrik">Statistik och ekonomi för perioden ${esc(rapport.period)}</p>` +
    `<dl class="fakta"><dt>Förbund</dt><dd>${esc(rapport.forbundsnamn)}</dd><dt>Period</dt><dd>${esc(rapport.period)}</dd>` +
    `<dt>Uppgifter till och med</dt><dd>${esc(datumText(rapport.till))}</dd>${skapad ? `<dt>Underlagets datum</dt><dd>${esc(skapad)}</dd>` : ""}${kalla ? `<dt>Underlag</dt><dd>${esc(kalla)}</dd>` : ""}</dl>` +
    `<p class="titelnot">Framställd med Finsam-analys från de publicerade, skyddade tabellerna: samma tal som på webbplatsen. Uppgifter om enskilda deltagare finns inte i rapporten.</p></section>`;
  const innehall = `<nav class="innehall" aria-labelledby="innehall-rubrik"><h2 id="innehall-rubrik">Innehåll</h2><ol>${toc}</ol></nav>`;
  const avsnitt = delar
    .map(
      (a, i) =>
        `<section class="avsnitt" id="${a.id}" data-avsnitt="${a.id}"${a.saknas ? " data-saknas" : ""}><h2>${i + 1}. ${esc(a.rubrik)}</h2>` +
        (a.saknas ? `<p class="saknas">${esc(a.saknas)}</p>` : "") +
        a.text.map((t) => `<p>${esc(t)}</p>`).join("") +
        a.tabeller.map(tabellHtml).join("") +
        (a.punkter.length ? `<ul class="punkter">${a.punkter.map((p) => `<li>${esc(p)}</li>`).join("")}</ul>` : "") +
        `</section>`
    )
    .join("");
  return `<article class="styrelserapport">${titelsida}${innehall}${avsnitt}</article>`;
}

/** Formatmallen: skärm (sidan) och utskrift (PDF). Bara systemets typsnitt; inget hämtas. */
export const RAPPORT_CSS: string = `
.styrelserapport { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #1b1e23; line-height: 1.4; }
.styrelserapport h1 { font-size: 26pt; margin: 0 0 8pt; line-height: 1.15; }
.styrelserapport h2 { font-size: 15pt; margin: 18pt 0 6pt; color: #1f4e8c; break-after: avoid; }
.styrelserapport p, .styrelserapport li { font-size: 10pt; max-width: 46em; }
.styrelserapport .titelsida { padding-top: 40mm; }
.styrelserapport .overrubrik { font-size: 13pt; text-transform: uppercase; letter-spacing: .06em; color: #1f4e8c; margin: 0 0 4pt; }
.styrelserapport .underrubrik { font-size: 13pt; margin: 0 0 24pt; }
.styrelserapport .fakta { display: grid; grid-template-columns: max-content 1fr; gap: 3pt 14pt; font-size: 10.5pt; margin: 0 0 24pt; }
.styrelserapport .fakta dt { font-weight: bold; }
.styrelserapport .fakta dd { margin: 0; }
.styrelserapport .titelnot { color: #555; font-size: 9pt; }
.styrelserapport .innehall ol { list-style: none; padding: 0; margin: 0; max-width: 40em; }
.styrelserapport .innehall li { font-size: 11pt; margin: 0 0 5pt; }
.styrelserapport .innehall a { display: flex; color: inherit; text-decoration: none; gap: 6pt; }
.styrelserapport .innehall .toc-text { flex: 0 1 auto; }
.styrelserapport .innehall a::after { content: ""; order: 1; flex: 1 1 auto; border-bottom: 1px dotted #888; margin-bottom: 4pt; }
.styrelserapport .innehall .toc-sida { order: 2; min-width: 2em; text-align: right; }
.styrelserapport .saknas { font-style: italic; color: #555; }
.styrelserapport figure.tabellblock { margin: 10pt 0 14pt; }
.styrelserapport table.rapporttabell { border-collapse: collapse; font-size: 8.5pt; width: 100%; }
.styrelserapport table.rapporttabell caption { caption-side: top; text-align: left; font-weight: bold; font-size: 9.5pt; padding: 0 0 4pt; }
.styrelserapport table.rapporttabell th, .styrelserapport table.rapporttabell td { padding: 2.5pt 5pt; border-bottom: 0.5pt solid #c8ccd2; vertical-align: top; text-align: left; }
.styrelserapport table.rapporttabell thead th { border-bottom: 1pt solid #1b1e23; font-weight: bold; vertical-align: bottom; }
.styrelserapport table.rapporttabell tbody th { font-weight: normal; }
.styrelserapport table.rapporttabell .tal { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.styrelserapport table.rapporttabell tr.summa th, .styrelserapport table.rapporttabell tr.summa td { font-weight: bold; border-top: 0.75pt solid #1b1e23; }
.styrelserapport table.rapporttabell tr.del th { padding-left: 14pt; font-style: italic; }
.styrelserapport table.rapporttabell tr.ej-uppfyllt th, .styrelserapport table.rapporttabell tr.ej-uppfyllt td { background: #fbe9e7; }
.styrelserapport table.rapporttabell.arstabell { width: auto; }
.styrelserapport table.rapporttabell.bred { font-size: 8pt; }
.styrelserapport .fotnot { font-size: 8pt; color: #555; margin-top: 3pt; }
.styrelserapport .punkter li { margin-bottom: 3pt; }
.styrelserapport .visuellt-dold { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/**
 * Formatmallen för PDF:en: A4, sidhuvud med förbund och rapport, sidfot med sidnummer, inget
 * sidhuvud på titelsidan, varje avsnitt på ny sida, tabellhuvud upprepas och små tabeller delas inte.
 */
export function utskriftCss(rapport: Rapport): string {
  const huvud = `${rapport.forbundsnamn} · ${rapport.typ} ${rapport.period}`.replace(/["\\]/g, "");
  // Varje avsnitt med innehåll börjar på en ny sida med sitt namn i sidhuvudet. Ett avsnitt
  // som utelämnas (en rad) följer direkt efter det föregående, på dess sida.
  let forra: string | null = null;
  const regler: string[] = [];
  rapport.avsnitt.forEach((a, i) => {
    if (a.saknas) {
      const sida = forra ?? "inledande";
      regler.push(`.avsnitt[data-avsnitt="${a.id}"] { page: ${sida}; }`);
      if (!forra) {
        forra = "inledande";
        regler.push(`@page inledande { @top-right { content: none; } }`);
      }
      return;
    }
    forra = `avsnitt-${a.id}`;
    regler.push(`@page avsnitt-${a.id} { @top-right { content: "${i + 1}. ${a.rubrik.replace(/["\\]/g, "")}"; } }`);
    regler.push(`.avsnitt[data-avsnitt="${a.id}"] { page: avsnitt-${a.id}; }`);
  });
  const namngivna = regler.join("\n");
  return `
@page { size: A4; margin: 20mm 18mm 18mm 18mm;
  @top-left { content: "${huvud}"; font-family: "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 8pt; color: #555; vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { font-family: "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 8pt; color: #555; vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-right { content: "Sida " counter(page) " av " counter(pages); font-family: "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 8pt; color: #555; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-right { content: none; } }
${namngivna}
html, body { margin: 0; padding: 0; }
.styrelserapport .titelsida { break-after: page; }
.styrelserapport .innehall { break-after: page; }
.styrelserapport .avsnitt:not([data-saknas]) { break-before: page; }
.styrelserapport .avsnitt + .avsnitt[data-saknas] { margin-top: 16pt; }
.styrelserapport .avsnitt > h2:first-child { margin-top: 0; }
.styrelserapport figure.tabellblock { break-inside: auto; }
.styrelserapport table.rapporttabell thead { display: table-header-group; }
.styrelserapport table.rapporttabell tr { break-inside: avoid; }
.styrelserapport table.rapporttabell caption { break-after: avoid; }
.styrelserapport figure.liten { break-inside: avoid; }
`;
}
