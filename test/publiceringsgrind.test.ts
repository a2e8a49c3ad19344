// Publiceringsgrinden (scripts/publiceringsgrind.ts) och läcksökarna (loaders/protect/lackor.ts):
// ett rent bygge går igenom, och varje planterad läcka stoppas med rätt fil, plats och maskerat värde.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hittaId, hittaPersonnummer, hittaText, maskeraId } from "../loaders/protect/lackor.ts";
import { inomStracka, offentligaTal, OFFENTLIGA_TABELLER } from "../loaders/protect/offentligatal.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { readDelimited } from "../loaders/read/delimited.ts";
import { Findings } from "../loaders/validate/findings.ts";
import { csvUtdata } from "./helpers/utdata.ts";
import {
  kontrolleraNyckeltal,
  lasGrindunderlag,
  publiceringsgrind,
  sokbartId,
  utanHash,
  visaFynd,
  visaFyndLista,
  type Grindfynd,
  type Grindunderlag
} from "../scripts/publiceringsgrind.ts";

const ROT = fileURLToPath(new URL("../", import.meta.url));
const EXEMPEL = join(ROT, "data", "exempel");

describe("hittaPersonnummer", () => {
  it("hittar personnummer med och utan sekel och skiljetecken, maskerade, med rad och kolumn", () => {
    const text = 'a,b\n1,19121212-1212\n2,"121212-1212"\nx=191212121212;y=1212121212 19121212+1212\n';
    const fynd = hittaPersonnummer(text);
    expect(fynd.map((f) => [f.rad, f.kolumn, f.typ, f.visas])).toEqual([
      [2, 3, "personnummer", "19121212-****"],
      [3, 4, "personnummer", "121212-****"],
      [4, 3, "personnummer", "19121212-****"],
      [4, 18, "personnummer", "121212-****"],
      [4, 29, "personnummer", "19121212-****"]
    ]);
    expect(JSON.stringify(fynd)).not.toMatch(/1212-?1212|121212121212/);
  });
  it("hittar samordningsnummer (dag + 60)", () => {
    expect(hittaPersonnummer("id 990161-0007.").map((f) => [f.typ, f.visas, f.kolumn])).toEqual([["samordningsnummer", "990161-****", 4]]);
  });
  it("hittar inte andelar, längre sifferföljder, fel kontrollsiffra eller ogiltiga datum", () => {
    const text = [
      "0.121212121212", // en andel i en CSV-fil
      "1912121212.5", // ett decimaltal
      "12121212121212", // 14 siffror
      "x191212121212y9", // bokstäver före och efter hindrar inte: hittas
      "19121212-1213", // fel kontrollsiffra
      "19121312-1214", // månad 13
      "551212121212", // sekel 55
      "1795415554244" // en tidsstämpel i millisekunder
    ].join("\n");
    expect(hittaPersonnummer(text).map((f) => f.rad)).toEqual([4]);
  });
});

describe("offentligaTal: talen i SCB-tabellernas talkolumner", () => {
  const FM = "niva,kod,namn,ar,grupp,kostnad_kr,befolkning,aldersgrupp,per_invanare\n";
  const utdrag = (text: string, namn: string) => offentligaTal(namn, text).map((s) => text.slice(s.fran, s.till));

  it("CSV: bara tal utan citattecken i schemats talkolumner, och bara med schemats rubrikrad", () => {
    const text = FM + 'kommun,2080,Falun,2024,total,1212121212,30000,16-65,40404.04\r\nlan,20,"1212121212",2024,total,"1212121212",,16-65,\nkommun,2081,x,2024,total,12121212-1212,1,16-65,-3e+21\n';
    expect(utdrag(text, "forsorjningsmatt.csv")).toEqual(["1212121212", "30000", "40404.04", "1", "-3e+21"]);
    // Samma text under ett annat namn, eller med en annan rubrikrad: inga tal undantas.
    expect(offentligaTal("insatser_nyckeltal.csv", text)).toEqual([]);
    expect(offentligaTal("x.csv", text)).toEqual([]);
    expect(offentligaTal("forsorjningsmatt.csv", text.replace("kostnad_kr,befolkning", "befolkning,kostnad_kr"))).toEqual([]);
    expect(offentligaTal("forsorjningsmatt.csv", text.replace("per_invanare\n", "per_invanare,extra\n"))).toEqual([]);
    expect(offentligaTal("forsorjningsmatt.csv", `${FM}kommun,"2080`)).toEqual([]);
  });

  it("CSV: ett utdrag som webbplatsen publicerar (malgrupp_senaste_manaden.csv) har sin tabells talkolumner", () => {
    const text = "niva,kod,namn,manad,kon,matt,antal,andel\nkommun,2080,Falun,2025-12,alla,saknar_inkomst,1212121212,0.25\n";
    expect(utdrag(text, "malgrupp_senaste_manaden.csv")).toEqual(["1212121212", "0.25"]);
    expect(utdrag(text, "malgrupp.csv")).toEqual(["1212121212", "0.25"]);
    expect(utdrag(text, "malgrupp_forsta_manaden.csv")).toEqual([]);
  });

  it("JSON: bara taltecken i varden för en talkolumn i en sidtabell med en SCB-tabells namn", () => {
    const sidtabell = (tabell: string) => ({
      tabell, rader: 2,
      kolumner: [
        { namn: "namn", typ: "text", ordbok: ["1212121212", "Falun"], index: [0, 1] },
        { namn: "kostnad_kr", typ: "tal", varden: [1212121212, null] },
        { namn: "grupp", typ: "tal", varden: [1212121213, 7] }
      ]
    });
    const text = JSON.stringify({ a: sidtabell("forsorjningsmatt"), b: [sidtabell("insatser_nyckeltal")], c: "x\"y" });
    // grupp är text i schemat: där undantas inget, vad filen än säger om typen.
    expect(utdrag(text, "befolkning.json")).toEqual(["1212121212"]);
    expect(utdrag(JSON.stringify(sidtabell("forsorjningsmatt"), null, 2), "a.json")).toEqual(["1212121212"]);
    expect(offentligaTal("a.json", text.slice(0, -1))).toEqual([]);
    expect(offentligaTal("a.html", text)).toEqual([]);
  });

  it("listan är SCB-tabellerna, inga deltagar-, ekonomi- eller måltabeller", () => {
    expect(OFFENTLIGA_TABELLER.map((s) => s.namn).sort()).toEqual([
      "arbetsmarknadsstatus", "befolkning", "befolkning_alder", "forsorjningskvot", "forsorjningsmatt",
      "helarsekvivalenter", "helarsekvivalenter_halvar", "inkomstkalla", "inkomstniva", "malgrupp"
    ]);
  });

  it("inomStracka", () => {
    const s = [{ fran: 2, till: 5 }, { fran: 10, till: 20 }];
    expect([[2, 5], [3, 4], [1, 3], [4, 6], [10, 20], [12, 21], [6, 8]].map(([a, b]) => inomStracka(s, a!, b!))).toEqual([true, true, false, false, true, false, false]);
  });

  it("hittaPersonnummer frågar bara om siffror utan skiljetecken", () => {
    const alltTal = () => true;
    expect(hittaPersonnummer("1212121212 121212-1212 191212121212 19121212+1212", alltTal).map((f) => f.kolumn)).toEqual([12, 37]);
  });
});

describe("hittaId och hittaText", () => {
  it("hittar ett id som står för sig självt, utan hänsyn till versaler, men inte inuti ett längre", () => {
    const text = "AV-2014-001,x\nav-2014-001\nAV-2014-0012 XAV-2014-001 (AV-2014-001)";
    expect(hittaId(text, ["AV-2014-001"]).map((f) => [f.rad, f.kolumn, f.visas])).toEqual([
      [1, 1, "AV-****"],
      [2, 1, "av-****"],
      [3, 28, "AV-****"]
    ]);
  });
  it("hittar testpersonens namn", () => {
    expect(hittaText("<p>Testa Testsson</p>", ["Testsson"]).map((f) => [f.kolumn, f.visas])).toEqual([[10, "Te****"]]);
  });
  it("maskeraId visar bara början", () => {
    expect(maskeraId("AV-2014-001")).toBe("AV-****");
    expect(maskeraId("1234")).toBe("****");
  });
  it("sokbartId: minst 4 tecken, och minst 8 siffror för id av bara siffror", () => {
    expect(["abc", "AV-1", "2019", "1234567", "12345678", "17"].map(sokbartId)).toEqual([false, true, false, false, true, false]);
  });
  it("utanHash tar bort Frameworks innehållshash", () => {
    expect(utanHash("insatser_nyckeltal.0c554d78.csv")).toBe("insatser_nyckeltal.csv");
    expect(utanHash("index.html")).toBe("index.html");
  });
});

describe("publiceringsgrinden", () => {
  let tmp: string;
  let ren: string;
  let underlag: Grindunderlag;
  let nummer = 0;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "finsam-grind-"));
    underlag = await lasGrindunderlag(EXEMPEL);
    // Ett rent bygge: pipelinens skyddade utdata för exempeldatan, en sida och ett skript.
    const r = await runPipeline(EXEMPEL, { env: { FINSAM_NYCKEL: join(tmp, "nyckel") } });
    expect(r.outputs).toBeDefined();
    ren = join(tmp, "ren");
    mkdirSync(join(ren, "_file", "data"), { recursive: true });
    mkdirSync(join(ren, "_import", "components"), { recursive: true });
    for (const namn of r.outputs!.keys()) writeFileSync(join(ren, "_file", "data", `${namn}.0123abcd.csv`), csvUtdata(r, namn)!);
    writeFileSync(join(ren, "index.html"), '<!DOCTYPE html>\n<html lang="sv">\n<p>Andel 0.121212121212, år 2019, 4842717 personer.</p>\n</html>\n');
    writeFileSync(join(ren, "_import", "components", "a.0123abcd.js"), 'export const t = "Samverkansteam Avesta";\nexport const n = 1212121212.5;\n');
  }, 60_000);
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  /** En kopia av det rena bygget där `andra` planterar något. */
  function kopia(andra: (katalog: string) => void): string {
    const katalog = join(tmp, `bygge-${++nummer}`);
    cpSync(ren, katalog, { recursive: true });
    andra(katalog);
    return katalog;
  }
  const fil = (katalog: string, namn: string) => join(katalog, "_file", "data", namn.replace(/(\.[a-z]+)$/, ".0123abcd$1"));
  const lagg = (sokvag: string, text: string) => writeFileSync(sokvag, readFileSync(sokvag, "utf8") + text);
  const rader = (sokvag: string) => readFileSync(sokvag, "utf8").split("\n").length - 1;

  it("läser k, deltagar-id och indatafilerna ur datakatalogen med pipelinens läsare", () => {
    expect(underlag.k).toBe(5);
    expect(underlag.deltagarId.length).toBeGreaterThan(500);
    expect(underlag.deltagarId).toContain("AV-2014-001");
    expect(underlag.kortaId).toBe(0);
    expect(underlag.skydd.metod).toBe("brus");
    expect(underlag.indata.map((f) => f.namn)).toContain("deltagare_sodra_dalarna.csv");
  });

  it("ett rent bygge med exempeldatans skyddade tabeller går igenom", async () => {
    expect(await publiceringsgrind(ren, underlag)).toEqual([]);
  });

  it("ett personnummer i en CSV-fil stoppas med fil, rad, kolumn och maskerat nummer", async () => {
    const katalog = kopia((k) => lagg(fil(k, "indelning.csv"), "x,Förbund 19121212-1212,0114,,,,\n"));
    const fynd = await publiceringsgrind(katalog, underlag);
    expect(fynd).toEqual([
      {
        fil: "_file/data/indelning.0123abcd.csv",
        rad: rader(fil(katalog, "indelning.csv")),
        kolumn: 11,
        regel: "grind.personnummer",
        meddelande: "ett personnummer (19121212-****) (a personnummer)"
      }
    ]);
    expect(visaFyndLista(fynd)).toMatch(/^ {2}- _file\/data\/indelning\.0123abcd\.csv rad \d+, kolumn 11: ett personnummer \(19121212-\*\*\*\*\)/);
    expect(visaFyndLista(fynd)).not.toContain("1212-1212");
  });

  // Försörjningsmåttets belopp i kronor har ofta tio siffror, och var hundrade ser ut som ett
  // personnummer (datum och kontrollsiffra): i en talkolumn i en SCB-tabell är det ett belopp.
  const medBelopp = (k: string, belopp: string) => {
    const sokvag = fil(k, "forsorjningsmatt.csv");
    const rader_ = readFileSync(sokvag, "utf8").split("\n");
    rader_[1] = rader_[1]!.replace(/^(kommun,2021,Vansbro,2020,ohalsa,)\d+,/, `$1${belopp},`);
    expect(rader_[1]).toContain(belopp);
    writeFileSync(sokvag, rader_.join("\n"));
  };
  const sidtabellFil = (k: string, tabell: string, kolumner: unknown[]) => {
    mkdirSync(join(k, "_file", "data", "sida"), { recursive: true });
    writeFileSync(join(k, "_file", "data", "sida", "befolkning.0123abcd.json"), JSON.stringify({ matt: { tabell, rader: 1, kolumner } }));
  };

  it("ett belopp med 10 eller 12 siffror i en talkolumn i en SCB-tabell (CSV och sidornas JSON) går igenom", async () => {
    expect(hittaPersonnummer("1212121212 191212121212")).toHaveLength(2);
    const katalog = kopia((k) => {
      medBelopp(k, "1212121212");
      lagg(fil(k, "forsorjningsmatt.csv"), "riket,00,Riket,2020,total,191212121212,6000000,16-64,32000\n");
      sidtabellFil(k, "forsorjningsmatt", [{ namn: "kostnad_kr", typ: "tal", varden: [1212121212] }]);
    });
    expect(await publiceringsgrind(katalog, underlag)).toEqual([]);
  });

  it("ett personnummer i en textkolumn i en SCB-tabell, med skiljetecken i en talkolumn, eller i en deltagartabell stoppas", async () => {
    const fynd = async (andra: (k: string) => void) => (await publiceringsgrind(kopia(andra), underlag)).map((f) => `${f.fil} ${f.regel}`);
    const fm = "_file/data/forsorjningsmatt.0123abcd.csv grind.personnummer";
    expect(await fynd((k) => lagg(fil(k, "forsorjningsmatt.csv"), "kommun,2021,1212121212,2020,total,1,1,16-64,1\n"))).toEqual([fm]);
    expect(await fynd((k) => lagg(fil(k, "forsorjningsmatt.csv"), 'kommun,2021,Vansbro,2020,total,"1212121212",1,16-64,1\n'))).toEqual([fm]);
    expect(await fynd((k) => medBelopp(k, "121212-1212"))).toEqual([fm]);
    expect(await fynd((k) => medBelopp(k, "19121212-1212"))).toEqual([fm]);
    // Deltagartabellerna står inte på listan: där stoppas ett tal som ser ut som ett personnummer.
    const nyckeltal = "_file/data/insatser_nyckeltal.0123abcd.csv grind.personnummer";
    expect(await fynd((k) => lagg(fil(k, "insatser_nyckeltal.csv"), "sodra-dalarna,Team X,2024-01,2024-12,alla,deltagare,1212121212,1212121212,0,brus\n")))
      .toEqual(expect.arrayContaining([nyckeltal, nyckeltal]));
    const sida = "_file/data/sida/befolkning.0123abcd.json grind.personnummer";
    expect(await fynd((k) => sidtabellFil(k, "insatser_nyckeltal", [{ namn: "varde", typ: "tal", varden: [1212121212] }]))).toEqual([sida]);
    expect(await fynd((k) => sidtabellFil(k, "forsorjningsmatt", [{ namn: "namn", typ: "text", ordbok: ["1212121212"], index: [0] }]))).toEqual([sida]);
    expect(await fynd((k) => sidtabellFil(k, "forsorjningsmatt", [{ namn: "kostnad_kr", typ: "tal", varden: ["1212121212"] }]))).toEqual([sida]);
  });

  it("ett personnummer i en sträng i ett skript stoppas", async () => {
    const katalog = kopia((k) => lagg(join(k, "_import", "components", "a.0123abcd.js"), 'export const p = "191212121212";\n'));
    expect(await publiceringsgrind(katalog, underlag)).toEqual([
      { fil: "_import/components/a.0123abcd.js", rad: 3, kolumn: 19, regel: "grind.personnummer", meddelande: "ett personnummer (19121212-****) (a personnummer)" }
    ]);
  });

  it("ett samordningsnummer i en sida stoppas", async () => {
    const katalog = kopia((k) => lagg(join(k, "index.html"), "<p>Ring 990161-0007</p>\n"));
    expect(await publiceringsgrind(katalog, underlag)).toEqual([
      { fil: "index.html", rad: 5, kolumn: 9, regel: "grind.samordningsnummer", meddelande: "ett samordningsnummer (990161-****) (a samordningsnummer)" }
    ]);
  });

  it("ett deltagar-id ur indata och testpersonens namn stoppas", async () => {
    const katalog = kopia((k) => lagg(join(k, "index.html"), "<td>SA-2019-007</td><td>Testa Testsson</td>\n"));
    const fynd = await publiceringsgrind(katalog, underlag);
    expect(underlag.deltagarId).toContain("SA-2019-007");
    expect(fynd.map((f) => visaFynd(f))).toEqual([
      "index.html rad 5, kolumn 5: ett deltagar-id ur indata (SA-****) (a participant id from the inputs)",
      "index.html rad 5, kolumn 31: exempeldatans testperson (Te****) (the test person of the example data)"
    ]);
  });

  it("ett deltagar-id med å, ä eller ö i en Latin-1-fil stoppas", async () => {
    const u = { ...underlag, deltagarId: [...underlag.deltagarId, "SÄ-0001"] };
    const katalog = kopia((k) => writeFileSync(join(k, "lista.txt"), Buffer.from("rad ett\nid SÄ-0001\n", "latin1")));
    expect((await publiceringsgrind(katalog, u)).map(visaFynd)).toEqual([
      "lista.txt rad 2, kolumn 4: ett deltagar-id ur indata (SÄ****) i Latin-1 (a participant id from the inputs)"
    ]);
  });

  it("ett visat antal 2 i den brusade nyckeltalstabellen stoppas: små tal publiceras aldrig", async () => {
    let radnr = 0;
    const katalog = kopia((k) => {
      const sokvag = fil(k, "insatser_nyckeltal.csv");
      const rader_ = readFileSync(sokvag, "utf8").split("\n");
      // En visad rad för deltagare, kön alla, med minst 5: visa 2 i stället.
      radnr = rader_.findIndex((r) => /,alla,deltagare,(\d+),\1,0,brus$/.test(r) && Number(r.split(",")[6]) >= 5) + 1;
      rader_[radnr - 1] = rader_[radnr - 1]!.replace(/,alla,deltagare,(\d+),\1,0,brus$/, ",alla,deltagare,2,2,0,brus");
      writeFileSync(sokvag, rader_.join("\n"));
    });
    const fynd = await publiceringsgrind(katalog, underlag);
    expect(fynd).toContainEqual(
      expect.objectContaining({ fil: "_file/data/insatser_nyckeltal.0123abcd.csv", rad: radnr, kolumn: 8, regel: "grind.skydd.litet_tal" })
    );
    expect(fynd.find((f) => f.regel === "grind.skydd.litet_tal")!.meddelande).toMatch(/^antalet 2 \(antal; .*\) visas men är 1–2 \(små tal publiceras aldrig\)/);
  });

  it("med brus stoppas ett dolt värde som bruset inte döljer: ett antal, en andel, en genomströmningstid över 5 eller fler", async () => {
    const huvud = "forbund,insats,fran,till,kon,matt,varde,antal,undertryckt,skydd\n";
    const cell = (rader: Record<string, string>) =>
      huvud + ["deltagare", "avslut", "andel_mal", "genomstromningstid_man", "tid_fore_start_ar"].map((m) => `f,A,2024-01,2024-12,alla,${m},${rader[m]},brus`).join("\n") + "\n";
    const regler = async (csv: string) => (await kontrolleraNyckeltal("x.csv", readDelimited(csv, "x.csv", new Findings())!, 5)).map((f) => `${f.rad}:${f.regel}`);
    const ren = { deltagare: "20,20,0", avslut: "12,12,0", andel_mal: "0.5,12,0", genomstromningstid_man: "14.2,6,0", tid_fore_start_ar: "3.1,5,0" };
    expect(await regler(cell(ren))).toEqual([]);
    // Ett medelvärde över 3 (andelens täljare) får döljas, ett över 6 inte.
    expect(await regler(cell({ ...ren, andel_mal: "0.5,6,0", genomstromningstid_man: ",,1", tid_fore_start_ar: ",,1" }))).toEqual([]);
    expect(await regler(cell({ ...ren, genomstromningstid_man: ",,1" }))).toEqual(["5:grind.skydd.dolt_utan_skal"]);
    expect(await regler(cell({ ...ren, avslut: ",,1" }))).toEqual(["3:grind.skydd.dolt_utan_skal"]);
    expect(await regler(cell({ ...ren, andel_mal: ",,1" }))).toEqual(["4:grind.skydd.dolt_utan_skal"]);
    const fynd = await kontrolleraNyckeltal("x.csv", readDelimited(cell({ ...ren, deltagare: ",,1" }), "x.csv", new Findings())!, 5);
    expect(fynd[0]!.meddelande).toMatch(/^ett värde är dolt fast bruset inte döljer det \(deltagare; A, alla, 2024-01–2024-12\)/);
  });

  it("en nyckeltalstabell utan kolumnen skydd, eller med en oskyddad rad, stoppas", async () => {
    const utan = "forbund,insats,fran,till,kon,matt,varde,antal,undertryckt\nf,A,2024-01,2024-12,alla,deltagare,12,12,0\n";
    expect((await kontrolleraNyckeltal("x.csv", readDelimited(utan, "x.csv", new Findings())!, 5)).map((f) => f.meddelande)).toEqual([expect.stringContaining("kolumn saknas: skydd")]);
    const oskyddad = "forbund,insats,fran,till,kon,matt,varde,antal,undertryckt,skydd\nf,A,2024-01,2024-12,alla,deltagare,12,12,0,ingen\n";
    expect((await kontrolleraNyckeltal("x.csv", readDelimited(oskyddad, "x.csv", new Findings())!, 5)).map((f) => f.regel)).toEqual(["grind.skydd.oskyddad"]);
  });

  it("en undertryckt nyckeltalstabell där ett dolt antal kan räknas fram stoppas", async () => {
    const huvud = "forbund,insats,fran,till,kon,matt,varde,antal,undertryckt,skydd\n";
    const rad = (kon: string, matt: string, varde: string, antal: string, dold = 0) => `f,Team A,2024-01,2024-12,${kon},${matt},${varde},${antal},${dold},undertryckning\n`;
    // Alla 12 och kvinnor 9 visas, män är dolt: män är högst 12 − 9 = 3 (någon kan sakna kön),
    // fyra möjliga värden, färre än k.
    const text = huvud + rad("alla", "deltagare", "12", "12") + rad("kvinnor", "deltagare", "9", "9") + rad("man", "deltagare", "", "", 1);
    const katalog = kopia((k) => writeFileSync(fil(k, "insatser_nyckeltal.csv"), text));
    const fynd = await publiceringsgrind(katalog, underlag);
    expect(fynd).toContainEqual({
      fil: "_file/data/insatser_nyckeltal.0123abcd.csv",
      rad: 4,
      kolumn: 8,
      regel: "grind.skydd.intervall",
      meddelande: "det dolda antalet (deltagare; Team A, man, 2024-01–2024-12) kan räknas fram ur det publicerade till mellan 0 och 3, ett spann som avslöjar ett antal under k = 5 (a hidden count can be narrowed)"
    });
    const tolkad = readDelimited(text, "x.csv", new Findings())!;
    expect(await kontrolleraNyckeltal("x.csv", tolkad, 3)).toEqual([]);
  });

  it("ett visat antal under k i de rapporterade utfallen och i jämställdhetstabellen stoppas", async () => {
    const katalog = kopia((k) => {
      lagg(fil(k, "insatser_rapporterat.csv"), "sodra-dalarna,Team X,2018-01,2018-12,alla,avslut,3,0\n");
      lagg(fil(k, "insatser_jamstalldhet.csv"), "sodra-dalarna,Team X,2024-01,2024-12,andel_mal,0.5,4,0.5,10,0,,,,,,,\n");
    });
    const fynd = (await publiceringsgrind(katalog, underlag)).map(visaFynd);
    const rap = rader(fil(katalog, "insatser_rapporterat.csv"));
    const jam = rader(fil(katalog, "insatser_jamstalldhet.csv"));
    // Jämställdhetstabellen bygger på de brusade talen: där är bara 1 och 2 små.
    expect(fynd).toEqual([
      `_file/data/insatser_jamstalldhet.0123abcd.csv rad ${jam}, kolumn 6: antalet 2 (kvinnor, täljaren) följer av andelen och nämnaren men är 1–2 (små tal publiceras aldrig) (a small count is shown)`,
      `_file/data/insatser_jamstalldhet.0123abcd.csv rad ${jam}, kolumn 6: antalet 2 (kvinnor, resten) följer av andelen och nämnaren men är 1–2 (små tal publiceras aldrig) (a small count is shown)`,
      `_file/data/insatser_rapporterat.0123abcd.csv rad ${rap}, kolumn 7: antalet 3 (varde) visas men är mindre än k = 5 (a small count is shown)`
    ]);
  });

  it("en xlsx-fil, en kopierad indatafil och en intern fil stoppas", async () => {
    const katalog = kopia((k) => {
      cpSync(join(EXEMPEL, "Forsorjningsmatt_Dalarna_2020-2025.xlsx"), join(k, "_file", "bok.xlsx"));
      cpSync(join(EXEMPEL, "rapporterat_utfall_2018.csv"), join(k, "_file", "data", "utfall.0123abcd.csv"));
      writeFileSync(join(k, "_file", "data", "insatser_utfall.0123abcd.csv"), "forbund\n");
    });
    const fynd: Grindfynd[] = await publiceringsgrind(katalog, underlag);
    expect(fynd.map(visaFynd)).toEqual([
      expect.stringMatching(/^_file\/bok\.xlsx: filtypen \.xlsx får inte publiceras; tillåtna är \.html, .* \(file type not allowed\)$/),
      "_file/bok.xlsx: filen är en kopia av indatafilen Forsorjningsmatt_Dalarna_2020-2025.xlsx i datakatalogen (a raw input file)",
      "_file/data/insatser_utfall.0123abcd.csv: insatser_utfall.csv skrivs bara av finsam run --intern (oskyddade deltagarresultat) och får aldrig publiceras (internal-only file)",
      "_file/data/utfall.0123abcd.csv: filen är en kopia av indatafilen rapporterat_utfall_2018.csv i datakatalogen (a raw input file)"
    ]);
  });

  it("en deltagarfil kopierad till bygget stoppas, och långa listor av fynd sammanfattas", async () => {
    const katalog = kopia((k) => cpSync(join(EXEMPEL, "deltagare_sodra_dalarna.csv"), join(k, "_file", "deltagare.csv")));
    const fynd = await publiceringsgrind(katalog, underlag);
    expect(fynd.length).toBeGreaterThan(500);
    const lista = visaFyndLista(fynd);
    expect(lista).toContain("  - _file/deltagare.csv: filen är en kopia av indatafilen deltagare_sodra_dalarna.csv i datakatalogen (a raw input file)");
    expect(lista).toMatch(/_file\/deltagare\.csv rad 2, kolumn 1: ett deltagar-id ur indata \(AV-\*\*\*\*\)/);
    expect(lista).toMatch(/… och \d+ till av samma slag \(grind\.deltagar_id\) i _file\/deltagare\.csv/);
    expect(lista).toContain("ett personnummer (19121212-****)");
    expect(lista).toContain("exempeldatans testperson (Te****)");
    expect(lista).not.toMatch(/1212-1212|AV-2014-0\d\d|Testsson/);
    expect(lista.split("\n").length).toBeLessThanOrEqual(41);
  });
});
