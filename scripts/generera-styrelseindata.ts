/**
 * Skriver exempelfilerna för styrelsens egna uppgifter i data/exempel/ (se README där):
 *
 * - `personalinriktade_insatser_sodra_dalarna_2014-2018.csv`: Södra Dalarnas aktivitetslogg
 *   2014–2018 som sparad från svenska Excel (Windows-1252, semikolon, CRLF). 2018 är Tabell 18 i
 *   årsredovisningen 2018 rad för rad (13 insatser, 453 deltagare); 2014–2017 är påhittade
 *   aktiviteter som ger Tabell 16 (8/218, 9/317, 9/463, 10/359).
 * - `personalinriktade_insatser_falun_borlange_2024.xlsx`: Finsam Falun-Borlänges aktiviteter
 *   2024 ur årsredovisningen 2024 (3 föreläsningar, 440 åhörare; 4 frukostmöten, 125 anställda;
 *   vidareutbildning för 14; LUFS 40 unika och 336 deltagare), med datum som Excel-datum.
 * - `mal_sodra_dalarna_2018.csv`: verksamhetsplanens 12 mål 2018 (Tabell 2–5) som rapporten
 *   ställer upp dem: målområde, mål och "Måluppfyllelse och kommentarer" (UTF-8 med BOM).
 * - `mal_falun_borlange_2024.xlsx`: de 8 målen 2024 med indikatorer och styrelsens bedömning.
 *
 * Datum, fördelningen av deltagare på tillfällen och allt 2014–2017 är påhittat. Filerna blir
 * byte för byte desamma vid varje körning (inga slumptal, fasta tidsstämplar i xlsx). Skriptet
 * läser tillbaka filerna med projektets läsare och avbryter om Tabell 16, 18 eller
 * måltabellernas antal inte träffas.
 *
 *   npm run generera-styrelseindata
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { packaXlsx, xlsxDelar, type Xlsxblad, type Xlsxcell } from "./generera-forsorjningsmatt.ts";

export const KATALOG = fileURLToPath(new URL("../data/exempel/", import.meta.url));
export const SD_AKTIVITETER = "personalinriktade_insatser_sodra_dalarna_2014-2018.csv";
export const FB_AKTIVITETER = "personalinriktade_insatser_falun_borlange_2024.xlsx";
export const SD_MAL = "mal_sodra_dalarna_2018.csv";
export const FB_MAL = "mal_falun_borlange_2024.xlsx";

// ---------------------------------------------------------------------------------------------
// Södra Dalarna: aktivitetsloggen 2014-2018

/** En aktivitet: datum per tillfälle och deltagare per tillfälle (lika många). */
interface Aktivitet {
  readonly namn: string;
  readonly typ: string;
  readonly omgang?: number;
  readonly malgrupp: string;
  readonly datum: readonly string[];
  readonly deltagare: readonly number[];
  readonly unika?: number;
}

const LF_GRUND = "Grundutbildning i lösningsfokuserat arbetssätt för professionella och arbetsledare";
const LF_LEDARSKAP = "Lösningsfokuserad ledarskapsutbildning";
const ETT_STEG = "Vidareutbildning lösningsfokus - Ett steg till…";
const GRUPPLEDARE = "Gruppledarutbildning – Lösningsfokuserad coachning med klienter i grupp";
const FORELASNINGAR = "Föreläsningsserie Psykisk ohälsa via Studieförbundet Vuxenskolan";
const AFTER_WORK = "After Work Lösningsfokus";
const PERSONAL = "Personal och arbetsledare hos medlemmarna";
const CHEFER = "Chefer hos medlemmarna";
const ALLMANHET = "Allmänhet och personal";

/** Tabell 18 i årsredovisningen 2018, i rapportens ordning (Mia Erikssons namn är utelämnat med flit). */
export const TABELL18: readonly { readonly namn: string; readonly omgang?: number; readonly deltagare: number }[] = [
  { namn: LF_GRUND, omgang: 5, deltagare: 9 },
  { namn: LF_GRUND, omgang: 6, deltagare: 18 },
  { namn: LF_LEDARSKAP, omgang: 3, deltagare: 13 },
  { namn: LF_LEDARSKAP, omgang: 4, deltagare: 12 },
  { namn: ETT_STEG, omgang: 4, deltagare: 7 },
  { namn: GRUPPLEDARE, omgang: 2, deltagare: 10 },
  { namn: FORELASNINGAR, deltagare: 115 },
  { namn: "Gemensam styrgruppsprocess", deltagare: 23 },
  { namn: "Workshop: Lokala ledarskapsinitiativ med lösningsfokus", deltagare: 33 },
  { namn: "Workshop: Effektiva flerpartsmöten", deltagare: 35 },
  { namn: "Workshop: Effektiva team", deltagare: 11 },
  { namn: "Medborgardialog psykisk hälsa", deltagare: 115 },
  { namn: AFTER_WORK, deltagare: 52 },
];

/** Tabell 16: år -> antal insatser och antal deltagare. */
export const TABELL16: Readonly<Record<string, { readonly insatser: number; readonly deltagare: number }>> = {
  "2014": { insatser: 8, deltagare: 218 },
  "2015": { insatser: 9, deltagare: 317 },
  "2016": { insatser: 9, deltagare: 463 },
  "2017": { insatser: 10, deltagare: 359 },
  "2018": { insatser: 13, deltagare: 453 },
};

const SD_LOGG: Readonly<Record<string, readonly Aktivitet[]>> = {
  "2014": [
    { namn: LF_GRUND, typ: "Grundutbildning", omgang: 1, malgrupp: PERSONAL, datum: ["2014-02-11"], deltagare: [16] },
    { namn: FORELASNINGAR, typ: "Föreläsning", malgrupp: ALLMANHET, datum: ["2014-03-18", "2014-10-14", "2014-11-18"], deltagare: [35, 32, 28] },
    { namn: "Workshop: Samordnade individuella planer", typ: "Workshop", malgrupp: PERSONAL, datum: ["2014-04-09"], deltagare: [24] },
    { namn: "Seminarium: Samverkan i Södra Dalarna", typ: "Seminarium", malgrupp: CHEFER, datum: ["2014-05-20"], deltagare: [30] },
    { namn: "Workshop: Lösningsfokuserade samtal", typ: "Workshop", malgrupp: PERSONAL, datum: ["2014-09-16"], deltagare: [18] },
    { namn: "Nätverksträff för LSG", typ: "Nätverksträff", malgrupp: CHEFER, datum: ["2014-10-02"], deltagare: [12] },
    { namn: "Temadag jämställdhet", typ: "Temadag", malgrupp: PERSONAL, datum: ["2014-11-06"], deltagare: [15] },
    { namn: "Frukostmöte om arbetsmarknaden", typ: "Frukostmöte", malgrupp: PERSONAL, datum: ["2014-12-04"], deltagare: [8] },
  ],
  "2015": [
    { namn: LF_GRUND, typ: "Grundutbildning", omgang: 2, malgrupp: PERSONAL, datum: ["2015-02-10"], deltagare: [18] },
    { namn: ETT_STEG, typ: "Vidareutbildning", omgang: 1, malgrupp: PERSONAL, datum: ["2015-03-05"], deltagare: [8] },
    { namn: FORELASNINGAR, typ: "Föreläsningar", malgrupp: ALLMANHET, datum: ["2015-03-17", "2015-04-21", "2015-10-13", "2015-11-17"], deltagare: [34, 29, 31, 26] },
    { namn: "Workshop: Samordnade individuella planer", typ: "Workshop", malgrupp: PERSONAL, datum: ["2015-04-15"], deltagare: [28] },
    { namn: "Konferens: Samverkan i Södra Dalarna", typ: "Konferens", malgrupp: "Personal, chefer och politiker", datum: ["2015-05-28"], deltagare: [64] },
    { namn: "Workshop: Motiverande samtal", typ: "Workshop", malgrupp: PERSONAL, datum: ["2015-09-22"], deltagare: [22] },
    { namn: AFTER_WORK, typ: "After work", malgrupp: PERSONAL, datum: ["2015-02-26", "2015-04-23", "2015-09-24", "2015-11-26"], deltagare: [10, 8, 9, 9] },
    { namn: "Nätverksträff för LSG", typ: "Nätverksträff", malgrupp: CHEFER, datum: ["2015-10-08"], deltagare: [14] },
    { namn: "Frukostmöte med Försäkringskassan", typ: "Frukostmöte", malgrupp: PERSONAL, datum: ["2015-12-03"], deltagare: [7] },
  ],
  "2016": [
    { namn: LF_GRUND, typ: "Grundutbildning", omgang: 3, malgrupp: PERSONAL, datum: ["2016-02-09"], deltagare: [17] },
    { namn: LF_LEDARSKAP, typ: "Ledarskapsutbildning", omgang: 1, malgrupp: CHEFER, datum: ["2016-03-01"], deltagare: [12] },
    { namn: ETT_STEG, typ: "Vidareutbildning", omgang: 2, malgrupp: PERSONAL, datum: ["2016-03-10"], deltagare: [9] },
    { namn: FORELASNINGAR, typ: "Föreläsning", malgrupp: ALLMANHET, datum: ["2016-03-15", "2016-04-19", "2016-10-11", "2016-11-15"], deltagare: [38, 33, 36, 28] },
    { namn: "Medborgardialog psykisk hälsa", typ: "Medborgardialog", malgrupp: "Allmänhet", datum: ["2016-04-26"], deltagare: [150] },
    { namn: "Konferens: Lösningsfokus i Dalarna", typ: "Konferens", malgrupp: "Personal, chefer och politiker", datum: ["2016-05-26"], deltagare: [82] },
    { namn: "Workshop: Effektiva möten", typ: "Workshop", malgrupp: PERSONAL, datum: ["2016-09-20"], deltagare: [26] },
    { namn: AFTER_WORK, typ: "After work", malgrupp: PERSONAL, datum: ["2016-02-25", "2016-04-28", "2016-09-29", "2016-11-24"], deltagare: [7, 6, 6, 5] },
    { namn: "Nätverksträff för LSG", typ: "Nätverksträff", malgrupp: CHEFER, datum: ["2016-10-06"], deltagare: [8] },
  ],
  "2017": [
    { namn: LF_GRUND, typ: "Grundutbildning", omgang: 4, malgrupp: PERSONAL, datum: ["2017-02-07"], deltagare: [16] },
    { namn: LF_LEDARSKAP, typ: "Ledarskapsutbildning", omgang: 2, malgrupp: CHEFER, datum: ["2017-02-28"], deltagare: [14] },
    { namn: ETT_STEG, typ: "Vidareutbildning", omgang: 3, malgrupp: PERSONAL, datum: ["2017-03-09"], deltagare: [8] },
    { namn: GRUPPLEDARE, typ: "Utbildning", omgang: 1, malgrupp: PERSONAL, datum: ["2017-04-04"], deltagare: [9] },
    { namn: FORELASNINGAR, typ: "Föreläsning", malgrupp: ALLMANHET, datum: ["2017-03-14", "2017-10-10", "2017-11-14"], deltagare: [40, 36, 34] },
    { namn: "Medborgardialog psykisk hälsa", typ: "Medborgardialog", malgrupp: "Allmänhet", datum: ["2017-04-25"], deltagare: [98] },
    { namn: "Workshop: Lösningsfokus för chefer", typ: "Workshop", malgrupp: CHEFER, datum: ["2017-05-16"], deltagare: [21] },
    { namn: "Workshop: Tillit och samverkan", typ: "Workshop", malgrupp: PERSONAL, datum: ["2017-09-19"], deltagare: [27] },
    { namn: AFTER_WORK, typ: "After work", malgrupp: PERSONAL, datum: ["2017-02-23", "2017-04-27", "2017-06-08", "2017-09-28", "2017-11-23"], deltagare: [10, 9, 8, 9, 8] },
    { namn: "Gemensam styrgruppsprocess", typ: "Process", malgrupp: "Styrgrupperna för insatserna", datum: ["2017-10-17"], deltagare: [12] },
  ],
  "2018": [
    { namn: LF_GRUND, typ: "Grundutbildning", omgang: 5, malgrupp: PERSONAL, datum: ["2018-02-06"], deltagare: [9] },
    { namn: LF_GRUND, typ: "Grundutbildning", omgang: 6, malgrupp: PERSONAL, datum: ["2018-09-11"], deltagare: [18] },
    { namn: LF_LEDARSKAP, typ: "Ledarskapsutbildning", omgang: 3, malgrupp: CHEFER, datum: ["2018-01-30"], deltagare: [13] },
    { namn: LF_LEDARSKAP, typ: "Ledarskapsutbildning", omgang: 4, malgrupp: CHEFER, datum: ["2018-10-02"], deltagare: [12] },
    { namn: ETT_STEG, typ: "Vidareutbildning", omgang: 4, malgrupp: PERSONAL, datum: ["2018-03-08"], deltagare: [7] },
    { namn: GRUPPLEDARE, typ: "Utbildning", omgang: 2, malgrupp: PERSONAL, datum: ["2018-04-10"], deltagare: [10] },
    { namn: FORELASNINGAR, typ: "Föreläsning", malgrupp: ALLMANHET, datum: ["2018-03-13", "2018-04-17", "2018-10-09", "2018-11-13"], deltagare: [30, 25, 32, 28] },
    { namn: "Gemensam styrgruppsprocess", typ: "Process", malgrupp: "Styrgrupper i Avesta", datum: ["2018-05-15"], deltagare: [23] },
    { namn: "Workshop: Lokala ledarskapsinitiativ med lösningsfokus", typ: "Workshop", malgrupp: CHEFER, datum: ["2018-05-22"], deltagare: [33] },
    { namn: "Workshop: Effektiva flerpartsmöten", typ: "Workshop", malgrupp: CHEFER, datum: ["2018-09-25"], deltagare: [35] },
    { namn: "Workshop: Effektiva team", typ: "Workshop", malgrupp: PERSONAL, datum: ["2018-10-23"], deltagare: [11] },
    { namn: "Medborgardialog psykisk hälsa", typ: "Medborgardialog", malgrupp: "Allmänhet", datum: ["2018-04-24"], deltagare: [115] },
    { namn: AFTER_WORK, typ: "After work", malgrupp: PERSONAL, datum: ["2018-02-22", "2018-04-26", "2018-06-07", "2018-09-27", "2018-11-22"], deltagare: [12, 9, 11, 8, 12] },
  ],
};

export const SD_RUBRIK = ["Förbund", "Datum", "Utbildningsinsats", "Typ", "Omgång", "Antal deltagare", "Målgrupp"] as const;

/** Raderna i loggen: ett tillfälle per rad, i datumordning. */
export function sdRader(): string[][] {
  const rader: string[][] = [];
  for (const aktiviteter of Object.values(SD_LOGG)) {
    for (const a of aktiviteter) {
      if (a.datum.length !== a.deltagare.length) throw new Error(`${a.namn}: lika många datum som deltagartal`);
      a.datum.forEach((d, i) => {
        rader.push(["sodra-dalarna", d, a.namn, a.typ, a.omgang === undefined ? "" : String(a.omgang), String(a.deltagare[i]), a.malgrupp]);
      });
    }
  }
  return rader.sort((a, b) => (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : a[2]! < b[2]! ? -1 : a[2]! > b[2]! ? 1 : 0));
}

export function sdAktiviteter(): Uint8Array {
  const rader = [[...SD_RUBRIK], ...sdRader()];
  return iconv.encode(rader.map((r) => r.join(";")).join("\r\n") + "\r\n", "windows-1252");
}

// ---------------------------------------------------------------------------------------------
// Falun-Borlänge: aktiviteterna 2024 (xlsx)

const LUFS = "ESF-projektet LUFS: kompetensutvecklingsinsatser";
const FB_LOGG: readonly Aktivitet[] = [
  {
    namn: "Föreläsningsserien Psykisk hälsa – tillsammans gör vi skillnad", typ: "Föreläsning", malgrupp: "Allmänhet och anställda hos parterna",
    datum: ["2024-02-20", "2024-04-16", "2024-10-15"], deltagare: [160, 150, 130],
  },
  { namn: "Frukostmöte: Nära vård (Borlänge)", typ: "Frukostmöte", malgrupp: "Anställda hos parterna", datum: ["2024-03-07"], deltagare: [34] },
  { namn: "Frukostmöte: Nära vård (Falun)", typ: "Frukostmöte", malgrupp: "Anställda hos parterna", datum: ["2024-03-14"], deltagare: [31] },
  { namn: "Frukostmöte: Den demografiska utmaningen och kompetensförsörjningen", typ: "Frukostmöte", malgrupp: "Anställda hos parterna", datum: ["2024-09-12"], deltagare: [32] },
  { namn: "Frukostmöte: Lokal stödstruktur för sociala företag", typ: "Frukostmöte", malgrupp: "Anställda hos parterna", datum: ["2024-11-21"], deltagare: [28] },
  {
    namn: "Vidareutbildning: Lösningsfokus vid svåra samtal vid suicidsituationer", typ: "Vidareutbildning",
    malgrupp: "Personal hos parterna (med Södra Dalarnas samordningsförbund)", datum: ["2024-05-22"], deltagare: [14],
  },
  {
    namn: LUFS, typ: "Kompetensutveckling", malgrupp: "Anställda hos parterna och politiker i styrelsen", unika: 40,
    datum: ["2024-01-25", "2024-02-29", "2024-03-21", "2024-04-25", "2024-05-23", "2024-09-26", "2024-10-24", "2024-11-28"],
    deltagare: [52, 38, 45, 41, 36, 44, 39, 41],
  },
];

/** Excels datumnummer (1900-systemet): dagar sedan 1899-12-30. */
export function excelDatum(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Som skrivXlsx, men cellerna i `datumkolumn` (1-baserad) får Excels datumformat (numFmtId 14). */
function skrivXlsxMedDatum(blad: readonly (Xlsxblad & { datumkolumn?: number })[]): Uint8Array {
  const delar = xlsxDelar(blad);
  delar.set("xl/styles.xml", delar.get("xl/styles.xml")!
    .replace('<cellXfs count="3">', '<cellXfs count="4">')
    .replace("</cellXfs>", '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'));
  blad.forEach((b, i) => {
    if (b.datumkolumn === undefined) return;
    const bokstav = String.fromCharCode(64 + b.datumkolumn);
    const namn = `xl/worksheets/sheet${i + 1}.xml`;
    delar.set(namn, delar.get(namn)!.replace(new RegExp(`<c r="(${bokstav}\\d+)"(?: s="2")?><v>`, "g"), '<c r="$1" s="3"><v>'));
  });
  return packaXlsx(delar);
}

export const FB_RUBRIK = ["Förbund", "Datum", "Aktivitet", "Typ", "Antal deltagare", "Unika deltagare", "Målgrupp"] as const;

export function fbAktiviteter(): Uint8Array {
  const rader: Xlsxcell[][] = [];
  for (const a of FB_LOGG) {
    a.datum.forEach((d, i) => {
      rader.push(["falun-borlange", excelDatum(d), a.namn, a.typ, a.deltagare[i]!, i === 0 && a.unika !== undefined ? a.unika : null, a.malgrupp]);
    });
  }
  rader.sort((a, b) => (a[1] as number) - (b[1] as number) || ((a[2] as string) < (b[2] as string) ? -1 : 1));
  return skrivXlsxMedDatum([{
    namn: "Aktiviteter 2024",
    rader: [["Finsam Falun-Borlänge: personalinriktade insatser 2024"], [...FB_RUBRIK], ...rader],
    fet: [1, 2],
    datumkolumn: 2,
  }]);
}

// ---------------------------------------------------------------------------------------------
// Södra Dalarna: verksamhetsplanens mål 2018 (Tabell 2-5)

const MO = [
  "Målområde 1: Att utveckla samverkanskultur och helhetstänkande",
  "Målområde 2: Att utveckla struktur för samordning och innovation",
  "Målområde 3: Att stödja myndigheters arbete med nya arbetssätt och metoder",
  "Målområde 4: Att stödja myndigheternas arbete med gemensam resultatredovisning och incitament för samverkan",
] as const;

/** [målområde (index), mål, måluppfyllelse och kommentar], som rapporten skriver dem. */
export const SD_MALTABELL: readonly (readonly [number, string, string])[] = [
  [0, "Att arrangera och utbilda gemensamma metod- och kompetensutvecklingsinsatser",
    "Uppfyllt. Under året tog denna inriktning ytterligare fart, bekräftat av 13 insatser och ett ökat antal deltagare i gemensamma metod- och kompetensutvecklingsinsatser"],
  [0, "Att arrangera, och ge möjlighet för möten, seminarier och konferenser där myndighetsföreträdare och andra kan träffas för att diskutera och vidareutveckla samarbete och gemensamma mål",
    "Uppfyllt. Under året samlade samordningsförbundet huvudmännen till två lokala ägardialoger med fördjupade teman. Seminarium erbjöds i anslutning till teamens årsrapportering. En process där styrgrupper i Avesta som på olika sätt arbetar med individer med samordnade behov samlades"],
  [0, "Att ge och sprida information till myndigheterna om bl.a. hur deras gemensamma ansträngningar har lett till resultat och lärande",
    "Uppfyllt. Förbundet arrangerade två lokala ägardialoger och en länsägardialog där resultat och lärande från samverkansteamen och utbildningsinsatserna delades. Vidare arrangerade styrelsen ett särskilt seminarium i anslutning till teamens föredragning av årsrapporter i september"],
  [1, "Att vidareutveckla former för att fånga upp och sprida brukarperspektivet på samordnad rehabilitering",
    "Uppfyllt. Båda teamen Samverkansteam Avesta och Kraften Hedemora/Säters har utvecklat arbetssätt som ger deltagare huvudrollen för verksamhetsplaneringsdag för verksamheten. Förbundets tjänsteman har agerat processtödjare under dessa tillställningar. Dessutom har enkäter från NNS indikatorsarbete använts för att ytterligare fånga upp brukarperspektivet på nämnda insatser"],
  [1, "Att arbeta med omvärldsbevakning och nätverk med andra samordningsförbund för att utveckla/stödja samverkan på tre nivåer: inom Dalarnas län, regionalt i Östra Mellansverige och nationellt genom Nationella Nätverket för Samordningsförbunden (NNS) och Pacta",
    "Uppfyllt. Förbundet är aktivt i nätverk, lokalt i länet, regionalt i Östra Mellansverige och nationellt både via NNS och med enskilda förbund. Förbundets tjänsteman har arbetat åt NNS och är fortsatt ansvarig för indikatorarbetet. Ordförande har tagit del av aktuellt från Sobona (tidigare Pacta) på NNS ordförandedag 2018 och 2019"],
  [1, "Att jämställdhetsperspektivet ska finnas med i samtliga tjänsteutlåtanden, årsrapporter och budget- och inriktningsdokument",
    "Uppfyllt. Ett stort arbete har inletts under 2018 att uppdatera styrdokument med jämställdhetsperspektivet. Bl.a. har utvärderingspolicyn klargjorts. Styrelsen har fått ta del av Hedemora kommuns lärdomar och en checklista har införts för inkommande dokument och årsrapporter som stöd för jämställdhetsperspektivet"],
  [2, "Att fortsättningsvis, både finansiellt och processinriktat, stödja och utveckla styrgruppernas utveckling i de av samordningsförbundet finansierade insatserna",
    "Uppfyllt. Förbundet är aktivt som adjungerad i de tre styrgrupperna för insatser finansierade av samordningsförbundet. Styrgrupperna har en fin delaktighet och kontinuitet från huvudmännens organisationer"],
  [2, "Att stödja, kartlägga och analysera samverkan genom LSG",
    "Uppfyllt. Löpande dialog i LSG Avesta/Hedemora och Säter under året har syftat till att ge en bild och en samsyn kring samverkanssituationen. Konkreta insatser på strukturell nivå pågår i området med stöd av förbundet. Delaktighet och kontinuitet i LSG Avesta/Hedemora har avtagit under sommar och höst trots flera försök att starta om den"],
  [2, "Att stödja fortsatt utveckling av tvärsektoriellt ledarskap och ett lösningsfokuserat förhållningssätt",
    "Uppfyllt. Förbundet har levererat en tredje omgång samt startat en fjärde av den eftertraktade lösningsfokuserade ledarskapsutbildningen. Möjlighet till vidareutbildning har erbjudits i form av workshops, varav två var riktade till just ledare och chefer. Workshoparna har varit väl besökta och mycket uppskattade. Beslut har fattats om att erbjuda en grundkurs i lösningsfokus till ledande politiker med start under våren 2019"],
  [3, "Att bevaka, sprida och analysera gemensamma mått som försörjningsmåttet och helårsekvivalenter",
    "Uppfyllt. Försörjningsmåttet diskuterades ingående både i styrelsen och under ett lokalt medlems-samråd. Dessutom har Arbetsförmedlingen föredragit arbetsmarknadsstatistik"],
  [3, "Att stödja uppföljnings- och utvärderingsarbetet hos medlemsorganisationerna",
    "Uppfyllt. Samordningsförbundet har varit aktivt som stöd till teamens rapporter. Förbundet har dessutom implementerat arbete med indikatorer där uppföljning med teamens deltagare och personal har två gånger under året"],
  [3, "Att all statistik redovisas könsuppdelad och analyseras ur ett jämställdhetsperspektiv",
    "Delvis uppfyllt. Samordningsförbundet har under året sett över sin utvärderingspolicy och markerat utvecklingen av jämställdhetsperspektivet som särskilt prioriterat. Nyckeltal som genomströmningstid i snitt har identifierats som område där könsuppdelad statistik inte har funnits. En särskild jämställdhetsanalys av teamens resultat 2015-2017 har redovisats och analyserats med ett jämställdhetsperspektiv. Styrelsen har en stående punkt på alla styrelsemöten där jämställdhetsperspektivet i dagens möte får särskild tid"],
];

export const SD_MAL_RUBRIK = ["Förbund", "Målområde", "Mål och aktiviteter enligt 2018-års verksamhetsplan", "Måluppfyllelse och kommentarer"] as const;

/** CSV som sparad från Excel som "CSV UTF-8": BOM, semikolon, CRLF; målområdet bara på områdets första rad (sammanfogade celler). */
export function sdMal(): Uint8Array {
  const cell = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  let forra = -1;
  const rader = SD_MALTABELL.map(([mo, mal, kommentar]) => {
    const omrade = mo === forra ? "" : MO[mo]!;
    forra = mo;
    return ["sodra-dalarna", omrade, mal, kommentar];
  });
  const text = [[...SD_MAL_RUBRIK], ...rader].map((r) => r.map(cell).join(";")).join("\r\n") + "\r\n";
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

// ---------------------------------------------------------------------------------------------
// Falun-Borlänge: målen 2024 (xlsx, ett blad "Mål 2024")

/** [nr, mål (bara på målets första rad), indikator, utfall, bedömning (bara på målets första rad)]. */
export const FB_MALTABELL: readonly (readonly [string, string, string, string, string])[] = [
  ["1", "Finsam Falun-Borlänge är en kunskaps- och samverkansarena som bidrar till att parternas medarbetare får ökad kompetens att använda metoder och arbetssätt för att ge stöd till personer som har behov av myndighetsgemensamt stöd.",
    "Erbjuder minst en grundutbildning i lösningsfokuserat förhållningssätt/år.",
    "En vidareutbildning i lösningsfokuserat förhållningssätt vid svåra samtal vid suicidsituationer för 14 personal hos parterna.",
    "Styrelsen bedömer att mål 1 är uppfyllt."],
  ["", "", "Bjuda in till minst fyra frukostmöten/år.", "Fyra frukostmöten; 125 anställda från parterna har deltagit.", ""],
  ["", "", "Anordna minst sex föreläsningar/år", "Tre föreläsningar i föreläsningsserien Psykisk hälsa - tillsammans gör vi skillnad; 440 åhörare.", ""],
  ["", "", "Finsam Falun-Borlänge lever upp till förväntad medfinansiering (antal deltagare i kompetensutvecklingsinsatser) i ESF-projektet",
    "I ESF-projektet LUFS har 40 unika anställda och politiker medverkat i utbildningsinsatserna; totalt 336 deltagare på projektets aktiviteter.", ""],
  ["2", "Finsam Falun-Borlänge har bidragit till utveckling av effektiv samverkanskultur och samverkansstrukturer som är hållbara över tid.",
    "Parternas strategiska och operativa chefer upplever att samverkan har utvecklats. Stäms av med enkät.",
    "Ingen enkät har delats ut till chefsgrupperna. Istället kommer LSG Falun att intervjuas av utvärderaren i ESF-projektet i början av 2025.",
    "Styrelsen bedömer att mål 2 är uppfyllt."],
  ["3", "Sammanslagningen av samordningsförbunden i Falun och Borlänge har bidragit till ett ökat metod- och erfarenhetsutbyte och ett bredare utbud av insatser till kommunmedborgare i Falun och Borlänge.",
    "Ökat antal kommunöverskridande insatser jämfört med 2023.",
    "Förslaget att förstärka Insteget i Borlänge för deltagare från Falun stannade vid ett förslag; en gemensam beredningsgrupp planeras 2025.",
    "Styrelsen bedömer att mål 3 delvis är uppfyllt."],
  ["4", "Finsam Falun-Borlänge har bidragit till att personer med behov av samordnat individuellt stöd har förflyttat sig närmre arbetsmarknaden.",
    "Stäms av enligt Finsam Faluns uppföljnings- och utvärderingspolicy (resultatmall) avseende stegförflyttning mot arbete eller studier och avstämning enligt projektplanernas målformuleringar.",
    "Se insatsernas resultat (Rehabhandledare i Falun, Insteget, Tvåstegsprogrammet, Rehabsamordnare i Borlänge).",
    "Styrelsen bedömer att mål 4 är uppfyllt."],
  ["5", "Finsam Falun-Borlänge har bidragit till att strukturell samverkan mellan parterna har utvecklats och effektiviserats.",
    "Stäms av enligt Finsam Faluns uppföljnings- och utvärderingspolicy (niofältaren) och avstämning enligt projektplanernas målformuleringar.",
    "Stödstruktur socialt företagande avslutad; SIP-strategi i Falun; Rätt använd kompetens.",
    "Styrelsen bedömer att mål 5 är uppfyllt."],
  ["6", "Finsams roll och uppdrag är känt och förankrat hos berörda politiker och tjänstepersoner i parternas organisationer",
    "Ökat antal besök på hemsidan Finsam Dalarna och Finsam Falun-Borlänge. Stäms av med besöksstatistik i Vizzit.",
    "Falun är tillsammans med Finsam Västerbergslagen en av de mest besökta sidorna i länet.",
    "Styrelsen bedömer att mål 6 är uppfyllt."],
  ["", "", "Ökat intresse för att söka medel från Finsam Falun-Borlänge", "Jämfört med 2023 har fler ansökningar inkommit till styrelsen.", ""],
  ["7", "Styrelsen är i ständig utveckling och har förbättrat sin förmåga att leda ett samordningsförbund",
    "Styrelseledamöter upplever att de har höjt sin kompetens i att leda ett samordningsförbund. Stäms av i samtal med styrelseledamöterna.",
    "Flera ledamöter har deltagit i utbildningen Resurseffektiv Finsam via ESF-projektet LUFS.",
    "Styrelsen bedömer att mål 7 är uppfyllt."],
  ["8", "Finsam Falun-Borlänges ekonomi är i balans. Samordningsförbundets tilldelade medel kommer parterna till del.",
    "Det egna kapitalet ska inte överstiga 20% av förbundets totala intäkter vid årets slut.",
    "Eget kapital 4 225 tkr (49 %) vid årets slut.",
    "Styrelsen bedömer att mål 8 inte är uppfyllt."],
];

export const FB_MAL_RUBRIK = ["Förbund", "Mål nr", "Mål", "Indikator", "Utfall", "Bedömning"] as const;

export function fbMal(): Uint8Array {
  const rader: Xlsxcell[][] = FB_MALTABELL.map(([nr, mal, indikator, utfall, bedomning]) => [
    nr === "" ? null : "Finsam Falun-Borlänge", nr === "" ? null : Number(nr), mal, indikator, utfall, bedomning,
  ]);
  return skrivXlsxMedDatum([{ namn: "Mål 2024", rader: [[...FB_MAL_RUBRIK], ...rader], fet: [1] }]);
}

// ---------------------------------------------------------------------------------------------

export const FILER: Readonly<Record<string, () => Uint8Array>> = {
  [SD_AKTIVITETER]: sdAktiviteter,
  [FB_AKTIVITETER]: fbAktiviteter,
  [SD_MAL]: sdMal,
  [FB_MAL]: fbMal,
};

/** Tabell 16 och 18 ur SD_LOGG själv (innan filen skrivs): fel i tabellerna ovan stoppar skriptet. */
export function kontrollera(): void {
  for (const [ar, aktiviteter] of Object.entries(SD_LOGG)) {
    const deltagare = aktiviteter.reduce((s, a) => s + a.deltagare.reduce((x, y) => x + y, 0), 0);
    const t = TABELL16[ar]!;
    if (aktiviteter.length !== t.insatser || deltagare !== t.deltagare) {
      throw new Error(`${ar}: ${aktiviteter.length} insatser och ${deltagare} deltagare, Tabell 16 säger ${t.insatser} och ${t.deltagare}`);
    }
  }
  const ar2018 = SD_LOGG["2018"]!;
  for (const rad of TABELL18) {
    const a = ar2018.find((x) => x.namn === rad.namn && x.omgang === rad.omgang);
    const summa = a?.deltagare.reduce((x, y) => x + y, 0);
    if (summa !== rad.deltagare) throw new Error(`Tabell 18: ${rad.namn} ${rad.omgang ?? ""}: ${summa} i loggen, ${rad.deltagare} i tabellen`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  kontrollera();
  for (const [namn, skriv] of Object.entries(FILER)) {
    writeFileSync(resolve(KATALOG, namn), skriv());
    console.log(`Skrev data/exempel/${namn}`);
  }
}
