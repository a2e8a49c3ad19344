/** Sidan Datakvalitet: logiken i src/components/datakvalitet.ts på pipelinens egna filer. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  allvarNamn,
  antalPerAllvar,
  grupperaFynd,
  plats,
  regelRubrik,
  sammanfattning,
  tolkaDatakvalitet,
  tolkaIndatafiler
} from "../src/components/datakvalitet.js";
import { DATAKVALITET, INDATAFILER } from "../loaders/publish/datakvalitet.ts";
import { sidtabellFranCsv } from "./helpers/sidtabell.ts";

const fynd = (csv: string) => tolkaDatakvalitet(sidtabellFranCsv(DATAKVALITET, csv));
const filerI = (csv: string) => tolkaIndatafiler(sidtabellFranCsv(INDATAFILER, csv));

const GOLDEN = "test/golden/exempel";

describe("tolkning", () => {
  it("läser datakvalitet (sidornas data från datakvalitet.csv) med tal som tal och tomma fält som null", () => {
    const rader = fynd(readFileSync(`${GOLDEN}/datakvalitet.csv`, "utf8"));
    expect(rader.find((r) => r.regel === "he.saknas")).toEqual({
      fil: "TAB1386_20260315-101500.csv", rad: 16, kolumn: 35, falt: "2021M07", varde: "..", regel: "he.saknas", allvar: "varning", antal: 1,
      meddelande: expect.stringContaining("värdet saknas"), message: expect.stringContaining("missing value"),
    });
    expect(rader.find((r) => r.regel === "utfall.flode")).toMatchObject({ rad: null, kolumn: null, falt: null, varde: null, antal: 1 });
    const tom = fynd("fil,rad,kolumn,falt,varde,regel,allvar,antal,meddelande,message\n,,,,,deltagare.kon_saknas,varning,,m,e\n");
    expect(tom[0]!.antal).toBeNull();
  });

  it("läser indatafiler.csv", () => {
    const filer = filerI(readFileSync(`${GOLDEN}/indatafiler.csv`, "utf8"));
    expect(filer.find((f) => f.typ === "deltagaruppgifter")).toEqual({ fil: "deltagare_sodra_dalarna.csv", typ: "deltagaruppgifter", beskrivning: "deltaganden i insatserna (antalet visas inte)" });
  });

  it("ett underlag med bara rubrikrader ger tomma listor", () => {
    expect(fynd("fil,rad,kolumn,falt,varde,regel,allvar,antal,meddelande,message\n")).toEqual([]);
    expect(filerI("fil,typ,beskrivning\n")).toEqual([]);
  });
});

describe("sammanställning", () => {
  const rader = fynd(readFileSync(`${GOLDEN}/datakvalitet.csv`, "utf8"));

  it("räknar raderna per allvarlighetsgrad och säger det i en mening", () => {
    // Exempeldatan: 4 he.saknas, 1 bas.saknas, 2 utfall (en rad per regel), 1 eget kapital,
    // 1 mål vars bedömning motsäger det uppmätta och 19 rapporterade ekonomisiffror som inte stämmer = 28 varningar; 9 upplysningar (ett blad utan
    // tabell; deltagarfilens kolumn Kommentar, som inte läses, och deltaganden efter den sista hela
    // perioden; sex om huvudböckerna).
    expect(antalPerAllvar(rader)).toEqual({ fel: 0, varning: 28, info: 9 });
    expect(sammanfattning(antalPerAllvar(rader), grupperaFynd(rader).length)).toBe("28 varningar och 9 upplysningar i 9 filer.");
    expect(sammanfattning({ fel: 0, varning: 1, info: 0 }, 1)).toBe("1 varning i 1 fil.");
    expect(sammanfattning({ fel: 0, varning: 0, info: 0 }, 0)).toBe("Valideringen hittade inget att anmärka på.");
  });

  it("grupperar per fil och regel i rapportens ordning", () => {
    const grupper = grupperaFynd(rader);
    expect(grupper.map((g) => [g.fil, g.regler.map((r) => `${r.regel}:${r.rader.length}`)])).toEqual([
      ["Forsorjningsmatt_Dalarna_2020-2025.xlsx", ["forsorjningsmatt.blad_utan_tabell:1"]],
      ["Huvudbok_Sodra_Dalarna_2024-2025.xlsx", ["ekonomi.blad_utan_tabell:1", "ekonomi.efter_rapportdatum:1", "ekonomi.kolumn_anvands_inte:1", "ekonomi.rapportdatum:1"]],
      ["TAB1386_20260315-101500.csv", ["he.saknas:4"]],
      ["TAB6260_20260410-081500.csv", ["bas.saknas:1"]],
      ["deltagare_sodra_dalarna.csv", ["deltagare.efter_sista_period:1", "deltagare.kolumn_lases_inte:1"]],
      ["huvudbok_falun_borlange_2023-2024.csv", ["ekonomi.eget_kapital:1", "ekonomi.kolumn_anvands_inte:1", "ekonomi.regel_hogst:1"]],
      ["mal_falun_borlange_2024.xlsx", ["mal.motsager_matning:1"]],
      ["rapporterade_ekonomitabeller.csv", ["ekonomi.rapporterat_avviker:10", "ekonomi.rapporterat_raknar_inte:9"]],
      ["rapporterat_utfall_2018.csv", ["utfall.avslut:1", "utfall.flode:1"]],
    ]);
  });

  it("namnger plats, allvar och regel på svenska", () => {
    expect(plats({ rad: 16, kolumn: 35 })).toBe("rad 16, kolumn 35");
    expect(plats({ rad: 3, kolumn: null })).toBe("rad 3");
    expect(plats({ rad: null, kolumn: null })).toBe("");
    expect(allvarNamn("varning")).toBe("Varning");
    expect(allvarNamn("info")).toBe("Upplysning");
    expect(regelRubrik("he.summa")).toBe("Totalen är inte summan av delarna");
    expect(regelRubrik("bas.kommun_saknar_period")).toBe("En kommun saknar en period");
    expect(regelRubrik("mal.motsager_matning")).toBe("Bedömningen motsäger det uppmätta");
    expect(regelRubrik("x.okand_regel")).toBe("x.okand_regel");
  });
});
