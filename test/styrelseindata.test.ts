/**
 * The activity log (personalinriktade insatser) and the goal table, on small hand-worked files:
 * how activities, occasions and participants are counted (docs/definitioner/styrelseindata.md),
 * how gradings are read, which indicators are measured and when a grading contradicts them, and
 * that names and personnummer never reach an output.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { runPipeline, type PipelineResult } from "../loaders/pipeline.ts";
import { tolkaTyp } from "../loaders/kinds/styrelseindata/personalinriktade/typer.ts";
import { tolkaOmgang } from "../loaders/kinds/styrelseindata/personalinriktade/las.ts";
import { tolkaBedomning } from "../loaders/kinds/styrelseindata/mal/bedomning.ts";
import { aktivitetsantal } from "../loaders/kinds/styrelseindata/mal/regler/aktivitetsantal.ts";
import { konsdelning, konsuppdelad } from "../loaders/kinds/styrelseindata/mal/regler/konsuppdelad.ts";
import { regeltext, type Matunderlag } from "../loaders/kinds/styrelseindata/mal/matregler.ts";
import type { Aktivitet } from "../loaders/kinds/styrelseindata/personalinriktade/berakna.ts";
import { kolumnSerUtSomNamn, serUtSomPersonnamn } from "../loaders/kinds/styrelseindata/personuppgifter.ts";
import { idagISverige } from "../loaders/kinds/styrelseindata/falt.ts";
import { forbundstolkare, stavningar } from "../loaders/kinds/styrelseindata/forbund.ts";
import { STANDARD } from "../loaders/reference/installningar.ts";
import type { Indelning } from "../loaders/reference/indelning.ts";
import { skrivXlsx } from "../scripts/generera-forsorjningsmatt.ts";
import { folderIn } from "./helpers/cli.ts";
import { csvUtdata } from "./helpers/utdata.ts";
import { schema, tabellFranRader, type Utdatatabell } from "../loaders/publish/schema.ts";

const tmp = mkdtempSync(join(tmpdir(), "finsam-styrelse-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const folder = folderIn(tmp);
let n = 0;

/** Runs the pipeline on `files` with today fixed at 2025-06-30. */
async function kor(files: Record<string, string | Uint8Array>): Promise<PipelineResult & { tabell: (f: string) => Record<string, string>[] }> {
  const dir = folder(`fall-${++n}`, files);
  const r = await runPipeline(dir, { idag: "2025-06-30" });
  return { ...r, tabell: (f) => csvParse(csvUtdata(r, f)!) as unknown as Record<string, string>[] };
}
const cp1252 = (...rader: string[]) => iconv.encode(rader.join("\r\n") + "\r\n", "windows-1252");
const fel = (r: PipelineResult) => r.findings.errors.map((f) => ({ rad: f.rad, kolumn: f.kolumn, regel: f.regel }));

const LOGG = "Förbund;Datum;Aktivitet;Typ;Omgång;Antal deltagare;Unika deltagare";

describe("activity types", () => {
  it("reads the usual spellings and synonyms", () => {
    expect(["Föreläsning", "föreläsningar", "FÖRELÄSNINGSSERIE", "Webbinarium"].map(tolkaTyp)).toEqual(Array(4).fill("forelasning"));
    expect(["Frukostmöten", "frukostseminarium"].map(tolkaTyp)).toEqual(["frukostmote", "frukostmote"]);
    expect(["After work", "AW", "Nätverksträff"].map(tolkaTyp)).toEqual(["natverk", "natverk", "natverk"]);
    expect(["Grundutb.", "Grundkurs", "Ledarskapsutbildning", "Fortsättningsutbildning", "Kompetensutveckling"].map(tolkaTyp))
      .toEqual(["grundutbildning", "grundutbildning", "ledarskap", "vidareutbildning", "utbildning"]);
    expect(["Workshops", "Konferens", "Medborgardialog", "Processtöd", "Övrigt"].map(tolkaTyp))
      .toEqual(["workshop", "seminarium", "medborgardialog", "process", "annat"]);
    expect(tolkaTyp("Seminarieserie")).toBeUndefined();
  });

  it("reads a round as its number when it is one", () => {
    expect(["5", "5:e", "omgång 5", "Omg. 5", " 6 "].map(tolkaOmgang)).toEqual(["5", "5", "5", "5", "6"]);
    expect(tolkaOmgang("VT 2018")).toBe("VT 2018");
  });
});

describe("activities, occasions and participants (hand-worked)", () => {
  // Five After Work evenings (one activity, 5 occasions, 12+9+11+8+12 = 52), two rounds of a
  // course (two activities), a course over two years (an activity in each), a project with its
  // unique participants given once.
  const logg = cp1252(
    LOGG,
    "sodra-dalarna;2018-02-22;After Work Lösningsfokus;After work;;12;",
    "sodra-dalarna;2018-04-26;After Work Lösningsfokus;After work;;9;",
    "sodra-dalarna;2018-06-07;after work lösningsfokus;After work;;11;",
    "sodra-dalarna;2018-09-27;After Work Lösningsfokus;After work;;8;",
    "sodra-dalarna;2018-11-22;After Work Lösningsfokus;After work;;12;",
    "sodra-dalarna;2018-02-06;Grundutbildning LF;Grundutbildning;5;9;9",
    "sodra-dalarna;2018-09-11;Grundutbildning LF;Grundutbildning;6;18;",
    "sodra-dalarna;2018-11-20;Ledarskap LF;Ledarskap;4;12;",
    "sodra-dalarna;2019-01-15;Ledarskap LF;Ledarskap;4;11;",
    "Finsam Falun-Borlänge;2024-01-25;LUFS;Utbildning;;52;40",
    "falun-borlange;2024-02-29;LUFS;Utbildning;;38;",
    "Falun-Borlänge;2024-03-21;LUFS;Utbildning;;46;",
  );

  it("one activity per förbund, year, name and round; occasions are rows; participants are summed", async () => {
    const r = await kor({ "logg.csv": logg });
    expect(fel(r)).toEqual([]);
    const a = r.tabell("personalinriktade_aktiviteter.csv").map((x) => [x.forbund, x.ar, x.aktivitet, x.omgang, x.typ, x.tillfallen, x.deltagare, x.unika]);
    expect(a).toEqual([
      ["falun-borlange", "2024", "LUFS", "", "utbildning", "3", "136", "40"],
      ["sodra-dalarna", "2018", "Grundutbildning LF", "5", "grundutbildning", "1", "9", "9"],
      ["sodra-dalarna", "2018", "After Work Lösningsfokus", "", "natverk", "5", "52", ""],
      ["sodra-dalarna", "2018", "Grundutbildning LF", "6", "grundutbildning", "1", "18", ""],
      ["sodra-dalarna", "2018", "Ledarskap LF", "4", "ledarskap", "1", "12", ""],
      ["sodra-dalarna", "2019", "Ledarskap LF", "4", "ledarskap", "1", "11", ""],
    ]);
    const ar = r.tabell("personalinriktade_ar.csv").filter((x) => x.typ === "totalt").map((x) => [x.forbund, x.ar, x.aktiviteter, x.tillfallen, x.deltagare]);
    // 2018: 4 activities, 5 + 1 + 1 + 1 = 8 occasions, 52 + 9 + 18 + 12 = 91 participant occasions.
    expect(ar).toEqual([["falun-borlange", "2024", "1", "3", "136"], ["sodra-dalarna", "2018", "4", "8", "91"], ["sodra-dalarna", "2019", "1", "1", "11"]]);
  });

  it("a row may stand for several occasions (tillfällen)", async () => {
    const r = await kor({ "logg.csv": cp1252("Förbund;Datum;Aktivitet;Typ;Tillfällen;Deltagare", "sodra-dalarna;2018-12-31;After Work;AW;5;52") });
    expect(r.tabell("personalinriktade_aktiviteter.csv")[0]).toMatchObject({ tillfallen: "5", deltagare: "52", forsta_datum: "2018-12-31" });
  });

  it("an activity's rows must agree on the type and the unique participants", async () => {
    const r = await kor({
      "logg.csv": cp1252(LOGG, "sodra-dalarna;2018-02-01;Café;Nätverksträff;;10;", "sodra-dalarna;2018-03-01;Café;Workshop;;10;",
        "sodra-dalarna;2018-02-01;LUFS;Utbildning;;30;20", "sodra-dalarna;2018-03-01;LUFS;Utbildning;;30;25"),
    });
    expect(fel(r)).toEqual([
      { rad: 3, kolumn: 4, regel: "personalinriktade.typ_varierar" },
      { rad: 5, kolumn: 7, regel: "personalinriktade.unika_varierar" },
    ]);
    expect(r.outputs).toBeUndefined();
  });

  it("the same occasion in two files is an error; twice in one file a warning, counted twice", async () => {
    const rad = "sodra-dalarna;2018-02-01;Café;Nätverksträff;;10;";
    const tva = await kor({ "a.csv": cp1252(LOGG, rad), "b.csv": cp1252(LOGG, rad) });
    expect(fel(tva)).toEqual([{ rad: 2, kolumn: 3, regel: "personalinriktade.dubblett_filer" }]);
    const en = await kor({ "a.csv": cp1252(LOGG, rad, rad) });
    expect(en.findings.warnings.map((f) => [f.rad, f.regel])).toEqual([[3, "personalinriktade.samma_dag"]]);
    expect(en.tabell("personalinriktade_aktiviteter.csv")[0]).toMatchObject({ tillfallen: "2", deltagare: "20" });
  });

  it("without a förbund column, the only förbund of the settings file", async () => {
    const files = { "logg.csv": cp1252("Datum;Aktivitet;Typ;Deltagare", "2018-02-01;Café;Nätverksträff;10") };
    expect(fel(await kor(files))).toEqual([{ rad: 2, kolumn: undefined, regel: "personalinriktade.forbund" }]);
    const r = await kor({ ...files, "finsam.json": '{"finsam": {"forbund": {"sodra-dalarna": {}}}}' });
    expect(r.tabell("personalinriktade_aktiviteter.csv")[0]!.forbund).toBe("sodra-dalarna");
  });

  it("an xlsx log: title rows above the header, Excel dates, counts as numbers", async () => {
    const serie = (iso: string) => (Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8))) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const bok = skrivXlsx([
      { namn: "Om filen", rader: [["Exportera till finsam"]] },
      { namn: "Logg", rader: [["Aktiviteter 2024"], ["Förbund", "Datum", "Aktivitet", "Typ", "Deltagare"], ["falun-borlange", "2024-03-07", "Frukostmöte", "Frukostmöte", 34], ["falun-borlange", serie("2024-03-14"), "Frukostmöte", "Frukostmöte", 31]] },
    ]);
    // The second date is an Excel serial number without a date format: not a date.
    const r = await kor({ "logg.xlsx": bok });
    expect(r.findings.errors.map((f) => [f.rad, f.kolumn, f.regel, f.varde])).toEqual([[4, 2, "personalinriktade.datum", "45365"]]);
    expect(r.findings.errors[0]!.meddelande).toMatch(/^blad "Logg", cell B4: datum "45365" är inget giltigt datum/);
    const ok = await kor({ "logg.xlsx": skrivXlsx([{ namn: "Logg", rader: [["Förbund", "Datum", "Aktivitet", "Typ", "Deltagare"], ["falun-borlange", "2024-03-07", "Frukostmöte", "Frukostmöte", 34]] }]) });
    expect(ok.tabell("personalinriktade_aktiviteter.csv")[0]).toMatchObject({ forsta_datum: "2024-03-07", deltagare: "34", typ: "frukostmote" });
  });
});

describe("recognition", () => {
  it("a log with the columns Insats and Förbund is an activity log, not the insatser's förbund", async () => {
    const r = await kor({ "logg.csv": cp1252("Förbund;Datum;Insats;Typ;Deltagare", "sodra-dalarna;2018-02-01;Café;Nätverksträff;10") });
    expect(r.files.map((f) => f.typ)).toEqual(["personalinriktade insatser"]);
  });

  it("a workbook with a log and a goal table is an error at the second; a sheet of neither gets an info", async () => {
    const bok = skrivXlsx([
      { namn: "Logg", rader: [["Förbund", "Datum", "Aktivitet", "Typ", "Deltagare"], ["falun-borlange", "2024-03-07", "Frukostmöte", "Frukostmöte", 34]] },
      { namn: "Mål", rader: [["Förbund", "År", "Mål", "Bedömning"], ["falun-borlange", 2024, "Ekonomi i balans", "Uppfyllt"]] },
      { namn: "Anteckningar", rader: [["Kom ihåg att spara"]] },
    ]);
    const r = await kor({ "styrelsen.xlsx": bok });
    expect(r.findings.all.map((f) => [f.allvar, f.regel, f.rad ?? null])).toEqual([
      ["fel", "xlsx.blandade_blad", 1],
      ["info", "xlsx.blad_lases_inte", null],
    ]);
    expect(r.findings.errors[0]!.meddelande).toMatch(/^blad "Mål": bladet är en måltabell, men arbetsboken har också en aktivitetslogg/);
  });
});

describe("names and personnummer never reach an output", () => {
  it("recognises a person's name by its form, not an activity's", () => {
    expect(["Anna Andersson", "Per-Olof Berg", "Andersson, Anna", "Anna Andersson; Per Berg", "Karl Erik Svensson"].map(serUtSomPersonnamn)).toEqual(Array(5).fill(true));
    expect(["After Work Lösningsfokus", "Gemensam styrgruppsprocess", "Workshop: Effektiva team", "LUFS", "Nära Vård 2024", ""].map(serUtSomPersonnamn)).toEqual(Array(6).fill(false));
    expect(kolumnSerUtSomNamn(["Anna Andersson", "Per Berg", "", "Lisa Ek"])).toBe(true);
    expect(kolumnSerUtSomNamn(["Anna Andersson", "Grundutbildning", "Workshop", "Medborgardialog"])).toBe(false);
  });

  it("a column of names or personnummer that is not a field is not read, with a warning that does not repeat it", async () => {
    const r = await kor({
      "logg.csv": cp1252("Förbund;Datum;Aktivitet;Typ;Deltagare;Kursledare;Anteckning;Deltagarlista",
        "sodra-dalarna;2018-02-01;Café;Nätverksträff;10;Anna Andersson;bra;19121212-1212 m.fl.",
        "sodra-dalarna;2018-03-01;Café;Nätverksträff;12;Per Berg;;"),
    });
    expect(r.findings.all.map((f) => [f.allvar, f.rad, f.kolumn, f.regel])).toEqual([
      ["varning", 1, 6, "personalinriktade.personuppgifter"],
      ["info", 1, 7, "personalinriktade.kolumn_lases_inte"],
      ["varning", 1, 8, "personalinriktade.personuppgifter"],
    ]);
    const allt = JSON.stringify(r.findings.all) + [...r.outputs!.keys()].map((f) => csvUtdata(r, f)).join("");
    for (const s of ["Anna", "Berg", "19121212", "1212", "bra"]) expect(allt).not.toContain(s);
  });

  it("names in the activity column are refused; a name in a count is not repeated in the message", async () => {
    const r = await kor({ "logg.csv": cp1252("Förbund;Datum;Namn;Typ;Deltagare", "sodra-dalarna;2018-02-01;Anna Andersson;Kurs;Per Berg", "sodra-dalarna;2018-03-01;Lisa Ek;Kurs;3") });
    expect(fel(r)).toEqual([{ rad: 1, kolumn: 3, regel: "personalinriktade.personnamn" }]);
    const r2 = await kor({ "logg.csv": cp1252("Förbund;Datum;Aktivitet;Typ;Deltagare", "sodra-dalarna;2018-02-01;Café;Kurs;Per Berg") });
    expect(r2.findings.errors.map((f) => [f.rad, f.kolumn, f.regel, f.varde])).toEqual([[2, 5, "personalinriktade.antal", "(ett namn; visas inte)"]]);
    expect(JSON.stringify(r2.findings.all)).not.toContain("Berg");
  });

  it("a personnummer in a published text is an error, shown masked", async () => {
    const r = await kor({ "logg.csv": cp1252("Förbund;Datum;Aktivitet;Typ;Deltagare", "sodra-dalarna;2018-02-01;Samtal med 19121212-1212;Kurs;1") });
    expect(fel(r)).toEqual([{ rad: 2, kolumn: 3, regel: "personalinriktade.personnummer" }]);
    expect(JSON.stringify(r.findings.all)).not.toContain("19121212-1212");
    expect(r.findings.errors[0]!.meddelande).toContain("19121212-****");
  });
});

describe("gradings", () => {
  const b = (s: string) => tolkaBedomning(s)?.bedomning;
  it("words, traffic lights and an empty cell", () => {
    expect(["Uppfyllt", "uppfyllt.", "Helt uppfyllt", "Uppnått", "Grön", "Ja"].map(b)).toEqual(Array(6).fill("uppfyllt"));
    expect(["Delvis", "Delvis uppfyllt", "delvis uppfylld", "Gul"].map(b)).toEqual(Array(4).fill("delvis"));
    expect(["Ej uppfyllt", "Inte uppfyllt", "ej uppnått", "Röd", "Nej"].map(b)).toEqual(Array(5).fill("ej_uppfyllt"));
    expect(b("")).toBe("ej_bedomd");
    expect(["Kanske", "Uppfyllt till 80 %", "Pågår"].map(b)).toEqual([undefined, undefined, undefined]);
  });

  it("the grading first and a comment after it (the 2018 report's column)", () => {
    expect(tolkaBedomning("Uppfyllt. Under året tog denna inriktning ytterligare fart")).toEqual({ bedomning: "uppfyllt", resten: "Under året tog denna inriktning ytterligare fart" });
    expect(tolkaBedomning("Delvis uppfyllt. Samordningsförbundet har under året ...")?.bedomning).toBe("delvis");
    expect(tolkaBedomning("Ej uppfyllt – kostnaderna blev lägre")).toEqual({ bedomning: "ej_uppfyllt", resten: "kostnaderna blev lägre" });
  });

  it("the annual report's sentence", () => {
    expect(b("Styrelsen bedömer att mål 1 är uppfyllt.")).toBe("uppfyllt");
    expect(b("Styrelsen bedömer att mål 3 delvis är uppfyllt.")).toBe("delvis");
    expect(b("Styrelsen bedömer att mål 8 inte är uppfyllt.")).toBe("ej_uppfyllt");
    expect(b("Styrelsen bedömer att målet är delvis uppfyllt")).toBe("delvis");
    expect(tolkaBedomning("Styrelsen bedömer att mål 1 är uppfyllt.")?.resten).toBe("");
  });
});

/** An output table (all columns text, as far as these checks care) from CSV text, named `namn`. */
function tabellAv(text: string, namn = "t"): Utdatatabell {
  const rader = csvParse(text);
  return tabellFranRader(schema({ namn, beskrivning: namn, kolumner: rader.columns.map((k) => ({ namn: k, typ: "text" as const, beskrivning: k })) }), rader);
}

describe("measurable indicators", () => {
  const akt = (typ: Aktivitet["typ"], tillfallen: number, ar = "2024", forbund = "falun-borlange"): Aktivitet => ({
    forbund, ar, aktivitet: typ, omgang: undefined, typ, malgrupp: undefined, forstaDatum: `${ar}-01-01` as Aktivitet["forstaDatum"],
    sistaDatum: `${ar}-12-31` as Aktivitet["sistaDatum"], tillfallen, deltagare: 10 * tillfallen, unika: undefined,
  });
  const underlag: Matunderlag = {
    // A series of 3 lectures, 4 breakfast meetings as 4 activities, 2 rounds of a course, a project.
    aktiviteter: [akt("forelasning", 3), ...Array.from({ length: 4 }, () => akt("frukostmote", 1)), akt("grundutbildning", 1), akt("grundutbildning", 1), akt("utbildning", 8), akt("forelasning", 9, "2023")],
    publicerade: [],
  };
  const mat = (text: string) => aktivitetsantal.hitta(regeltext(text)).map((t) => {
    const r = t.mat({ forbund: "falun-borlange", ar: "2024" }, underlag);
    return [t.krav, r.varde, r.uppfyllt];
  });

  it("counts events in occasions and courses in rounds, for the goal's förbund and year", () => {
    expect(mat("Anordna minst sex föreläsningar/år")).toEqual([["föreläsningar ≥ 6", 3, false]]);
    expect(mat("Bjuda in till minst fyra frukostmöten/år.")).toEqual([["frukostmöten ≥ 4", 4, true]]);
    expect(mat("Erbjuder minst en grundutbildning i lösningsfokuserat förhållningssätt/år.")).toEqual([["grundutbildningar ≥ 1", 2, true]]);
    expect(mat("minst 3 utbildningar")).toEqual([["utbildningar ≥ 3", 3, true]]);
    expect(mat("högst 2 workshoppar")).toEqual([["workshoppar ≤ 2", 0, true]]);
    expect(mat("fler än 9 personalinriktade insatser")).toEqual([["personalinriktade insatser > 9", 8, false]]);
  });

  it("the other order: an indicator and its target value", () => {
    expect(mat("Antal föreläsningar per år \n minst 6")).toEqual([["föreläsningar ≥ 6", 3, false]]);
    expect(mat("antal frukostmöten \n 4")).toEqual([["frukostmöten ≥ 4", 4, true]]);
  });

  it("an indicator without a number, or about something else, is not measured", () => {
    expect(mat("Ökat antal kommunöverskridande insatser jämfört med 2023.")).toEqual([]);
    expect(mat("Minst 80 % av deltagarna ska vara nöjda")).toEqual([]);
    expect(mat("Det egna kapitalet ska inte överstiga 20% av förbundets totala intäkter")).toEqual([]);
  });

  it("without activities for the förbund and year it cannot be measured (not 0)", () => {
    const [t] = aktivitetsantal.hitta(regeltext("minst sex föreläsningar"));
    expect(t!.mat({ forbund: "falun-borlange", ar: "2022" }, underlag)).toMatchObject({ varde: undefined, uppfyllt: undefined });
    expect(t!.mat({ forbund: "falun-borlange", ar: "2024" }, { ...underlag, aktiviteter: undefined }).underlag).toMatch(/ingen aktivitetslogg/);
  });

  it("kön split: both kvinnor and man among the year's (and förbund's) rows, or kvinnor and man columns", () => {
    const mal = { forbund: "sodra-dalarna", ar: "2018" };
    expect(konsdelning(tabellAv("niva,kod,period,kon,varde\nkommun,2080,2018-01,kvinnor,1\nkommun,2080,2018-01,man,2\nkommun,2080,2019-01,alla,3\n"), mal)).toEqual({ harRader: true, delad: true });
    expect(konsdelning(tabellAv("niva,kod,period,kon,varde\nkommun,2080,2018-01,alla,1\nkommun,2080,2019-01,kvinnor,1\nkommun,2080,2019-01,man,1\n"), mal)).toEqual({ harRader: true, delad: false });
    expect(konsdelning(tabellAv("forbund,insats,fran,till,kon\nsodra-dalarna,A,2017-07,2018-06,kvinnor\nsodra-dalarna,A,2017-07,2018-06,man\n"), mal)).toEqual({ harRader: true, delad: true });
    expect(konsdelning(tabellAv("forbund,insats,fran,till,kon\nfalun-borlange,A,2018-01,2018-12,kvinnor\nfalun-borlange,A,2018-01,2018-12,man\n"), mal)).toEqual({ harRader: false, delad: false });
    expect(konsdelning(tabellAv("forbund,insats,fran,till,matt,kvinnor,man\nsodra-dalarna,A,2018-01,2018-12,andel_mal,0.5,0.4\n"), mal)).toEqual({ harRader: true, delad: true });
    expect(konsdelning(tabellAv('forbund,ar,aktivitet,deltagare\nsodra-dalarna,2018,"Café, med fika",3\n'), mal)).toEqual({ harRader: true, delad: false });
  });

  it("'all statistik könsuppdelad' counts the published tables about people; reference tables and the validation report are not", () => {
    const [t] = konsuppdelad.hitta(regeltext("Att all statistik redovisas könsuppdelad och analyseras ur ett jämställdhetsperspektiv"));
    const publicerade = [
      tabellAv("forbund,insats,fran,till,kon\nsodra-dalarna,A,2018-01,2018-12,kvinnor\nsodra-dalarna,A,2018-01,2018-12,man\n", "insatser_nyckeltal"),
      tabellAv("forbund,ar,typ,aktiviteter\nsodra-dalarna,2018,totalt,3\n", "personalinriktade_ar"),
      tabellAv("forbund,forbund_namn,kommunkod\nsodra-dalarna,Södra Dalarna,2084\n", "indelning"),
      tabellAv("fil,rad\nx.csv,1\n", "datakvalitet"),
    ];
    const r = t!.mat({ forbund: "sodra-dalarna", ar: "2018" }, { aktiviteter: undefined, publicerade });
    expect(r).toEqual({ varde: 1, grans: 2, uppfyllt: false, underlag: "1 av 2 publicerade tabeller med statistik om personer 2018 är uppdelade på kön; utan uppdelning: personalinriktade_ar.csv" });
    expect(konsuppdelad.hitta(regeltext("Statistiken ska vara uppdelad på kön"))).toHaveLength(1);
    expect(konsuppdelad.hitta(regeltext("Att jämställdhetsperspektivet ska finnas med"))).toHaveLength(0);
  });
});

describe("the goal table", () => {
  const LOGG2024 = cp1252(LOGG, "falun-borlange;2024-02-20;Psykisk hälsa;Föreläsning;;160;", "falun-borlange;2024-04-16;Psykisk hälsa;Föreläsning;;150;", "falun-borlange;2024-03-07;Frukost;Frukostmöte;;34;");

  it("a grading that contradicts the measured values is flagged: uppfyllt with an unmet indicator, ej uppfyllt with all met; delvis never", async () => {
    const mal = [
      "Förbund;År;Mål nr;Mål;Indikator;Bedömning",
      "falun-borlange;2024;1;Kunskap;Minst sex föreläsningar per år;Uppfyllt",
      "falun-borlange;2024;2;Frukost;Minst ett frukostmöte per år;Ej uppfyllt",
      "falun-borlange;2024;3;Kunskap igen;Minst sex föreläsningar per år;Delvis",
      "falun-borlange;2024;4;Frukost igen;Minst ett frukostmöte per år;Uppfyllt",
      "falun-borlange;2024;5;Något annat;Ökat antal besök på hemsidan;Uppfyllt",
    ].join("\n") + "\n";
    const r = await kor({ "logg.csv": LOGG2024, "mal.csv": mal });
    expect(fel(r)).toEqual([]);
    expect(r.tabell("mal.csv").map((x) => [x.mal_nr, x.bedomning, x.motsager])).toEqual([["1", "uppfyllt", "1"], ["2", "ej_uppfyllt", "1"], ["3", "delvis", "0"], ["4", "uppfyllt", "0"], ["5", "uppfyllt", ""]]);
    expect(r.findings.warnings.map((f) => [f.rad, f.kolumn, f.regel])).toEqual([[2, 6, "mal.motsager_matning"], [3, 6, "mal.motsager_matning"]]);
    expect(r.tabell("mal_bedomning.csv").map((x) => [x.bedomning, x.antal])).toEqual([["uppfyllt", "3"], ["delvis", "1"], ["ej_uppfyllt", "1"], ["ej_bedomd", "0"], ["totalt", "5"]]);
  });

  it("headings, continuation rows and the year from the goal column's header", async () => {
    const mal = cp1252(
      "Förbund;Målområde;Mål och aktiviteter enligt 2018-års verksamhetsplan;Indikator;Måluppfyllelse och kommentarer",
      "sodra-dalarna;Målområde 1: Samverkan;;;",
      "sodra-dalarna;;1. Att arrangera utbildningar;Minst 2 grundutbildningar;Uppfyllt. 13 insatser",
      ";;;Minst 1 workshop;",
      "sodra-dalarna;;2. Att sprida information;;Delvis uppfyllt",
      "sodra-dalarna;Målområde 2: Struktur;;;",
      "sodra-dalarna;;3. Att utveckla LSG;;Ej uppfyllt",
    );
    const r = await kor({ "mal.csv": mal });
    expect(fel(r)).toEqual([]);
    expect(r.tabell("mal.csv").map((x) => [x.ar, x.malomrade, x.mal_nr, x.indikator, x.bedomning, x.kommentar])).toEqual([
      ["2018", "Målområde 1: Samverkan", "1", "Minst 2 grundutbildningar", "uppfyllt", "13 insatser"],
      ["2018", "Målområde 1: Samverkan", "1", "Minst 1 workshop", "uppfyllt", ""],
      ["2018", "Målområde 1: Samverkan", "2", "", "delvis", ""],
      ["2018", "Målområde 2: Struktur", "3", "", "ej_uppfyllt", ""],
    ]);
    // No activity log in the run: the indicators are recognised but not measured.
    expect(r.findings.all.filter((f) => f.regel === "mal.kan_inte_matas").map((f) => f.rad)).toEqual([3, 4]);
    expect(r.tabell("mal_bedomning.csv").find((x) => x.bedomning === "totalt")!.antal).toBe("3");
  });

  it("an xlsx goal table takes its year from the sheet's name", async () => {
    const bok = skrivXlsx([{ namn: "Mål 2024", rader: [["Förbund", "Mål", "Bedömning"], ["falun-borlange", "Ekonomi i balans", "Styrelsen bedömer att mål 8 inte är uppfyllt."]] }]);
    const r = await kor({ "mal.xlsx": bok });
    expect(r.tabell("mal.csv").map((x) => [x.ar, x.mal_nr, x.bedomning])).toEqual([["2024", "1", "ej_uppfyllt"]]);
  });

  it("located errors: a grading not recognised, a year that is no year, a goal number twice", async () => {
    const r = await kor({
      "mal.csv": ["Förbund;År;Nr;Mål;Bedömning", "sodra-dalarna;2018;1;A;Uppfyllt", "sodra-dalarna;2018;2;C;Nästan", "sodra-dalarna;år 18;3;D;Uppfyllt"].join("\n") + "\n",
    });
    expect(fel(r)).toEqual([{ rad: 3, kolumn: 5, regel: "mal.bedomning" }, { rad: 4, kolumn: 2, regel: "mal.ar" }]);
    expect(r.findings.errors[0]!.meddelande).toContain('"Nästan"');
    expect(r.findings.errors[0]!.meddelande).toContain('"delvis uppfyllt"');
    expect(r.outputs).toBeUndefined();
    // Goal numbers are compared once every row reads: "1", "Mål 1" and "1." are one number.
    const dubbel = await kor({ "mal.csv": ["Förbund;År;Nr;Mål;Bedömning", "sodra-dalarna;2018;1;A;Uppfyllt", "sodra-dalarna;2018;Mål 1.;B;Uppfyllt"].join("\n") + "\n" });
    expect(fel(dubbel)).toEqual([{ rad: 3, kolumn: 3, regel: "mal.dubblett" }]);
  });

  it("the goal table's header: a field in two columns is an error, other columns are named (personal data as a warning), an unknown förbund is one error per value", async () => {
    const r = await kor({
      "mal.csv": ["Förbund;År;Mål;Bedömning;Handläggare;Anteckning;Verksamhetsmål", "sodra-dalarna;2018;A;Uppfyllt;Anna Andersson;x;A", "sodra-dalarna;2018;B;Uppfyllt;Bo Berg;y;B"].join("\n") + "\n",
    });
    expect(fel(r)).toEqual([{ rad: 1, kolumn: 7, regel: "mal.dubbel_kolumn" }]);
    const ok = await kor({
      "mal.csv": ["Förbund;År;Mål;Bedömning;Handläggare;Anteckning", "sodra-dalarna;2018;A;Uppfyllt;Anna Andersson;x", "sodra-dalarna;2018;B;Uppfyllt;Bo Berg;y"].join("\n") + "\n",
    });
    const kolumnfynd = ok.findings.all.filter((f) => f.regel.startsWith("mal.")).map((f) => [f.regel, f.allvar, f.kolumn]);
    expect(kolumnfynd).toEqual([["mal.personuppgifter", "varning", 5], ["mal.kolumn_lases_inte", "info", 6]]);
    expect(JSON.stringify(ok.findings.all)).not.toContain("Andersson");
    const okand = await kor({ "mal.csv": ["Förbund;År;Mål;Bedömning", "sodra-dalarnaa;2018;A;Uppfyllt", "sodra-dalarnaa;2018;B;Uppfyllt", "norra;2018;C;Uppfyllt"].join("\n") + "\n" });
    expect(fel(okand)).toEqual([{ rad: 2, kolumn: 1, regel: "mal.forbund" }, { rad: 4, kolumn: 1, regel: "mal.forbund" }]);
    expect(okand.findings.errors[0]!.meddelande).toContain('menade du "sodra-dalarna"');
  });

  it("two indicator rows of one goal graded differently is an error", async () => {
    const r = await kor({ "mal.csv": ["Förbund;År;Mål;Indikator;Bedömning", "sodra-dalarna;2018;A;x;Uppfyllt", ";;;y;Ej uppfyllt"].join("\n") + "\n" });
    expect(fel(r)).toEqual([{ rad: 3, kolumn: 5, regel: "mal.bedomning_varierar" }]);
  });
});

describe("the förbund of a row", () => {
  const indelning = {
    kommuner: new Map(), lan: new Map(), medlemskapFil: "forbund.csv",
    medlemskap: [
      { forbund: "sodra-dalarna", forbundNamn: "Södra Dalarnas Samordningsförbund", kommunkod: "2084", fran: undefined, till: undefined },
      { forbund: "falun-borlange", forbundNamn: "Finsam Falun-Borlänge", kommunkod: "2080", fran: "2023-01", till: undefined },
    ],
  } as unknown as Indelning;

  it("is the id or the name, with or without samordningsförbund/Finsam and the genitive s", () => {
    expect(stavningar("Södra Dalarnas Samordningsförbund")).toEqual(["Södra Dalarnas Samordningsförbund", "Södra Dalarnas", "Södra Dalarna"]);
    const t = forbundstolkare(indelning, STANDARD);
    expect(["sodra-dalarna", "Södra Dalarnas samordningsförbund", "SÖDRA DALARNA", "Södra  Dalarnas", "Finsam Falun–Borlänge", "falun borlänge"].map(t.tolka))
      .toEqual(["sodra-dalarna", "sodra-dalarna", "sodra-dalarna", "sodra-dalarna", "falun-borlange", "falun-borlange"]);
    expect(t.tolka("Södra Dalarnaa")).toBeUndefined();
    expect(t.forslag("Södra Dalarnaa")).toBe('; menade du "sodra-dalarna"?');
    expect(t.ensam).toBeUndefined();
  });
});

describe("today", () => {
  it("is the date in Sweden", () => {
    expect(idagISverige(new Date("2024-12-31T23:30:00Z"))).toBe("2025-01-01");
    expect(idagISverige(new Date("2024-06-30T21:59:00Z"))).toBe("2024-06-30");
  });

  it("a date after today in the log is an error", async () => {
    const r = await kor({ "logg.csv": cp1252(LOGG, "sodra-dalarna;2025-07-01;Café;AW;;10;") });
    expect(fel(r)).toEqual([{ rad: 2, kolumn: 2, regel: "personalinriktade.framtida_datum" }]);
  });
});
