/**
 * Sidorna Arbetsmarknadsstatus och Befolkning och försörjning (och de nya måtten på
 * Jämförelse mellan förbund): logiken i src/components/statistik.ts på handgjorda rader (som
 * CSV-text, läst som sidornas data med tabellens schema).
 * Varje test räknar ut det väntade värdet för hand i kommentaren.
 */
import { describe, expect, it } from "vitest";
import {
  STATUSAR,
  aldersband,
  andelarPerGrupp,
  aretFore,
  breddaldrar,
  formatKronor,
  formatKvot,
  formatUngefar,
  inkomstnivaNamn,
  jamforAlder,
  ordnaAldrar,
  jamforelseRader,
  konPoster,
  malgruppLage,
  malgruppMening,
  manadMedUppgifter,
  pyramid,
  regionerI,
  summeraAldrar,
  ungefar
} from "../src/components/statistik.js";
import * as statistik from "../src/components/statistik.js";
import { ARBETSMARKNADSSTATUS, MALGRUPP } from "../loaders/publish/bas.ts";
import { FORSORJNINGSKVOT } from "../loaders/publish/befolkning.ts";
import { FORSORJNINGSMATT } from "../loaders/publish/forsorjningsmatt.ts";
import type { Schema } from "../loaders/publish/schema.ts";
import { sidtabellFranCsv } from "./helpers/sidtabell.ts";

/** En tolkningsfunktion på CSV-text (som sidornas data, läst med tabellens schema). */
const fran = <T>(schema: Schema, tolka: (t: ReturnType<typeof sidtabellFranCsv>) => T) => (csv: string) => tolka(sidtabellFranCsv(schema, csv));
const tolkaArbetsmarknadsstatus = fran(ARBETSMARKNADSSTATUS, statistik.tolkaArbetsmarknadsstatus);
const tolkaMalgrupp = fran(MALGRUPP, statistik.tolkaMalgrupp);
const tolkaForsorjningskvot = fran(FORSORJNINGSKVOT, statistik.tolkaForsorjningskvot);
const tolkaForsorjningsmatt = fran(FORSORJNINGSMATT, statistik.tolkaForsorjningsmatt);

const NBSP = "\u00a0";

describe("tolkning av filerna", () => {
  it("en fil med bara rubrikraden ger inga rader och inget fel", () => {
    expect(tolkaArbetsmarknadsstatus("niva,kod,namn,manad,kon,alder,fodelseregion,status,antal,andel\n")).toEqual([]);
    expect(tolkaMalgrupp("niva,kod,namn,manad,kon,matt,antal,andel\n")).toEqual([]);
    expect(tolkaForsorjningsmatt("niva,kod,namn,ar,grupp,kostnad_kr,befolkning,aldersgrupp,per_invanare\n")).toEqual([]);
  });
  it("kommunkoder förblir text och tomma fält blir saknade (null), aldrig 0", () => {
    const [d] = tolkaMalgrupp("niva,kod,namn,manad,kon,matt,antal,andel\nriket,00,Riket,2024-03,alla,saknar_inkomst,,\n");
    expect(d).toMatchObject({ kod: "00", tid: "2024-03", antal: null, andel: null });
  });
  it("en fil som saknar en kolumn ger ett fel som namnger filen, och en annan tabell än den väntade ett fel", () => {
    expect(() => tolkaForsorjningskvot("niva,kod,namn,ar,kon\n")).toThrow(/forsorjningskvot.csv: rubrikraden/);
    expect(() => statistik.tolkaForsorjningskvot(sidtabellFranCsv(FORSORJNINGSMATT, "niva,kod,namn,ar,grupp,kostnad_kr,befolkning,aldersgrupp,per_invanare\n"))).toThrow(/väntade tabellen forsorjningskvot/);
  });
});

describe("tal som i årsredovisningen", () => {
  it("ca-tal har två gällande siffror, halvor bort från noll", () => {
    // 7 000 (Falun, mars 2024) -> 7 000; 6 950 -> 7 000 (70 hundratal efter avrundning av 69,5);
    // 8 020 -> 8 000; 2 883 -> 2 900; 650 -> 650; 45 -> 45; 14 999 -> 15 000.
    expect([7000, 6950, 8020, 2883, 650, 45, 14999].map(ungefar)).toEqual([7000, 7000, 8000, 2900, 650, 45, 15000]);
    expect(formatUngefar(7000)).toBe(`ca${NBSP}7${NBSP}000`);
    expect(formatUngefar(null)).toBe("–");
  });
  it("meningen: Utanför arbetsmarknaden, 20–64 år, mars 2024: Falun ca 7 000 (22 %)", () => {
    // 7 000 av 32 085 = 21,8 % -> "22 %".
    const text = malgruppMening("utanfor_arbetsmarknaden", "Falun", "2024-03", { antal: 7000, andel: 7000 / 32085 });
    expect(text).toBe(`Utanför arbetsmarknaden, 20–64 år, mars 2024: Falun ca${NBSP}7${NBSP}000 (22${NBSP}%)`);
    expect(malgruppMening("saknar_inkomst", "Falun", "2024-03", { antal: null, andel: null })).toMatch(/uppgift saknas för Falun/);
  });
  it("kvot med två decimaler och kronor per invånare", () => {
    expect(formatKvot(0.855)).toBe("0,86");
    expect(formatKronor(23456.5)).toBe(`23${NBSP}457${NBSP}kr`);
    expect(formatKronor(null)).toBe("–");
  });
});

describe("målgruppen", () => {
  const rader = tolkaMalgrupp(
    [
      "niva,kod,namn,manad,kon,matt,antal,andel",
      "kommun,2080,Falun,2023-03,kvinnor,utanfor_arbetsmarknaden,3600,0.23",
      "kommun,2080,Falun,2024-03,kvinnor,utanfor_arbetsmarknaden,3550,0.225",
      "kommun,2080,Falun,2024-03,man,utanfor_arbetsmarknaden,3450,0.212",
      "kommun,2080,Falun,2024-03,alla,utanfor_arbetsmarknaden,7000,0.218"
    ].join("\n")
  );
  it("en post per kön, med förändringen mot samma månad året före i andelar", () => {
    const [alla, kvinnor, man] = malgruppLage(rader, "utanfor_arbetsmarknaden", "2024-03");
    expect(alla).toMatchObject({ kon: "alla", antal: 7000, forandring: null });
    // 0,225 − 0,23 = −0,005 (en halv procentenhet).
    expect(kvinnor?.forandring).toBeCloseTo(-0.005, 12);
    expect(man).toMatchObject({ antal: 3450, andelFore: null, forandring: null });
  });
  it("månaden att visa: den valda, annars närmast före som finns, annars den senaste", () => {
    expect(manadMedUppgifter(rader, "2024-03")).toBe("2024-03");
    expect(manadMedUppgifter(rader, "2023-12")).toBe("2023-03");
    expect(manadMedUppgifter(rader, "2021-01")).toBe("2024-03");
    expect(aretFore("2024-03")).toBe("2023-03");
  });
});

describe("statusfördelning", () => {
  const csv = (rader: string[]) => tolkaArbetsmarknadsstatus(["niva,kod,namn,manad,kon,alder,fodelseregion,status,antal,andel", ...rader].join("\n"));
  it("andelen tas ur filen eller räknas från antalen; staplarna läggs på varandra", () => {
    // 800 + 50 + 40 + 10 + 60 + 40 = 1 000; andelen saknas i filen och blir 0,80, 0,05, ...
    const rader = csv([
      "kommun,2080,Falun,2024-03,alla,20-64,totalt,sysselsatta,800,",
      "kommun,2080,Falun,2024-03,alla,20-64,totalt,arbetslosa,50,",
      "kommun,2080,Falun,2024-03,alla,20-64,totalt,studerande,40,",
      "kommun,2080,Falun,2024-03,alla,20-64,totalt,pensionarer,10,",
      "kommun,2080,Falun,2024-03,alla,20-64,totalt,sjuka,60,",
      "kommun,2080,Falun,2024-03,alla,20-64,totalt,ovriga,40,",
      "kommun,2080,Falun,2024-03,alla,20-64,totalt,totalt,1000,1"
    ]);
    const [g] = andelarPerGrupp(rader, (d: { tid: string }) => d.tid);
    expect(g?.komplett).toBe(true);
    expect(g?.delar.map((d) => d.andel)).toEqual([0.8, 0.05, 0.04, 0.01, 0.06, 0.04]);
    // Arbetslösa börjar där sysselsatta slutar: 0,80 till 0,85.
    expect(g?.delar[1]).toMatchObject({ x1: 0.8, x2: 0.8500000000000001 });
  });
  it("en månad där en status saknas staplas inte", () => {
    const rader = csv([
      "kommun,2080,Falun,2024-03,alla,20-64,totalt,sysselsatta,800,0.8",
      "kommun,2080,Falun,2024-03,alla,20-64,totalt,totalt,1000,1"
    ]);
    const [g] = andelarPerGrupp(rader, (d: { tid: string }) => d.tid);
    expect(g?.komplett).toBe(false);
    expect(g?.delar.every((d) => d.x1 === null)).toBe(true);
  });
  it("åldersband som täcker 20–64 år summeras, och andelen räknas om från summan", () => {
    expect(aldersband(["20-24", "20-64", "25-34", "35-44", "45-54", "55-64"], "20-64")).toEqual(["20-24", "25-34", "35-44", "45-54", "55-64"]);
    expect(aldersband(["20-24", "25-34"], "20-64")).toBeNull();
    // Utrikes födda: arbetslösa 30 + 20 = 50 av 200 + 300 = 500 -> 10 %.
    const rader = csv([
      "kommun,2080,Falun,2024-03,alla,20-39,utrikes,arbetslosa,30,0.15",
      "kommun,2080,Falun,2024-03,alla,20-39,utrikes,totalt,200,1",
      "kommun,2080,Falun,2024-03,alla,40-64,utrikes,arbetslosa,20,0.0667",
      "kommun,2080,Falun,2024-03,alla,40-64,utrikes,totalt,300,1"
    ]);
    const summa = summeraAldrar(rader, ["20-39", "40-64"], "20-64");
    expect(summa.map((d) => [d.alder, d.status, d.antal, d.andel])).toEqual([
      ["20-64", "arbetslosa", 50, null],
      ["20-64", "totalt", 500, null]
    ]);
    const [g] = andelarPerGrupp(summa, (d: { fodelseregion: string }) => d.fodelseregion);
    expect(g?.delar.find((d) => d.kod === "arbetslosa")?.andel).toBe(0.1);
    expect(STATUSAR[0]?.kod).toBe("sysselsatta");
  });
  it("åldrar sorteras efter start, smalast först", () => {
    expect(["55-64", "20-64", "totalt", "20-24", "65+"].sort(jamforAlder)).toEqual(["totalt", "20-24", "20-64", "55-64", "65+"]);
    // I diagrammet över åldersgrupper står summan (20–64 år) sist, inte mitt bland sina band.
    expect(ordnaAldrar(["55-64", "20-64", "20-24", "25-34", "65+"])).toEqual(["20-24", "25-34", "55-64", "65+", "20-64"]);
    expect(ordnaAldrar(["totalt", "16-64", "20-64", "20-24"])).toEqual(["totalt", "20-24", "16-64", "20-64"]);
  });
});

describe("inkomstkälla och inkomstnivå", () => {
  it("kvinnor och män per källa, andel av sitt eget kön", () => {
    // Kvinnor: 70 av 100 arbetar (0,7); män: 90 av 120 (andel ur antal: 0,75).
    const rader = [
      { inkomstkalla: "arbete", kon: "kvinnor", antal: 70, andel: 0.7 },
      { inkomstkalla: "arbete", kon: "man", antal: 90, andel: null },
      { inkomstkalla: "totalt", kon: "kvinnor", antal: 100, andel: 1 },
      { inkomstkalla: "totalt", kon: "man", antal: 120, andel: 1 }
    ];
    const [arbete, studier] = konPoster(rader, "inkomstkalla", [{ kod: "arbete", namn: "Arbete" }, { kod: "studier", namn: "Studier" }]);
    expect(arbete).toMatchObject({ kvinnor: 0.7, man: 0.75, kvinnorAntal: 70, manAntal: 90 });
    expect(studier).toMatchObject({ kvinnor: null, man: null });
  });
  it("inkomstnivåernas koder blir text", () => {
    expect(["0_kr", "0-1_ibb", "1-2_ibb", "3+_ibb"].map(inkomstnivaNamn)).toEqual([
      "0 kr",
      "Mindre än 1 inkomstbasbelopp",
      "1–2 inkomstbasbelopp",
      "3 inkomstbasbelopp eller mer"
    ]);
  });
});

describe("befolkningspyramiden", () => {
  it("yngst först, andelar av hela befolkningen, breda åldrar för försörjningskvoten", () => {
    // 0–19: 10+12 = 22; 20–64: 30+28 = 58; 65+: 12+8 = 20; summa 100.
    const rader = [
      { alder: "65+", kon: "kvinnor", varde: 12 },
      { alder: "65+", kon: "man", varde: 8 },
      { alder: "0-19", kon: "kvinnor", varde: 10 },
      { alder: "0-19", kon: "man", varde: 12 },
      { alder: "20-64", kon: "kvinnor", varde: 30 },
      { alder: "20-64", kon: "man", varde: 28 },
      { alder: "20-64", kon: "alla", varde: 58 },
      { alder: "totalt", kon: "kvinnor", varde: 52 }
    ];
    const grupper = pyramid(rader);
    expect(grupper.map((g) => g.alder)).toEqual(["0-19", "20-64", "65+"]);
    expect(grupper[2]).toMatchObject({ kvinnor: 12, man: 8, andelKvinnor: 0.12, andelMan: 0.08 });
    const b = breddaldrar(grupper);
    // Kvoten (22 + 20) / 58 = 0,72.
    expect((b.unga.kvinnor + b.unga.man + b.aldre.kvinnor + b.aldre.man) / (b.arbetsfor.kvinnor + b.arbetsfor.man)).toBeCloseTo(42 / 58, 12);
  });
});

describe("regioner och jämförelsen mellan förbund", () => {
  const malgrupp = tolkaMalgrupp(
    [
      "niva,kod,namn,manad,kon,matt,antal,andel",
      "forbund,falun-borlange,Finsam Falun-Borlänge,2024-03,alla,utanfor_arbetsmarknaden,15020,0.246",
      "forbund,falun-borlange,Finsam Falun-Borlänge,2024-03,kvinnor,utanfor_arbetsmarknaden,7600,0.255",
      "forbund,finsam-falun,Finsam Falun,2022-03,alla,utanfor_arbetsmarknaden,6900,0.22",
      "lan,20,Dalarnas län,2024-03,alla,utanfor_arbetsmarknaden,40000,0.235",
      "kommun,2080,Falun,2024-03,alla,utanfor_arbetsmarknaden,7000,0.218"
    ].join("\n")
  );
  const kvot = tolkaForsorjningskvot(["niva,kod,namn,ar,kon,varde", "forbund,falun-borlange,Finsam Falun-Borlänge,2024,alla,0.78", "riket,00,Riket,2024,alla,0.74"].join("\n"));
  const matt = tolkaForsorjningsmatt(
    ["niva,kod,namn,ar,grupp,kostnad_kr,befolkning,aldersgrupp,per_invanare", "forbund,falun-borlange,Finsam Falun-Borlänge,2023,total,2400000000,80000,16-65,30000"].join("\n")
  );
  it("förbund först (de med senaste uppgifter först), sedan kommuner, län och riket", () => {
    expect(regionerI(malgrupp, kvot).map((r) => r.kod)).toEqual(["falun-borlange", "finsam-falun", "2080", "20", "00"]);
  });
  it("senaste perioden per mått; förbund utan värde i den perioden tas inte med", () => {
    const j = jamforelseRader({ malgrupp, kvot, matt });
    expect([j.manad, j.ar, j.matAr]).toEqual(["2024-03", "2024", "2023"]);
    expect(j.rader.map((r) => r.kod)).toEqual(["falun-borlange", "20", "00"]);
    const fb = j.rader[0]!;
    expect([fb.utanfor.alla?.andel, fb.utanfor.kvinnor?.andel, fb.utanfor.man, fb.kvot, fb.perInvanare]).toEqual([0.246, 0.255, null, 0.78, 30000]);
    expect(j.rader[2]).toMatchObject({ namn: "Riket", kvot: 0.74, perInvanare: null });
  });
  it("tomma filer ger en tom jämförelse", () => {
    expect(jamforelseRader({ malgrupp: [], kvot: [], matt: [] })).toEqual({ manad: null, ar: null, matAr: null, rader: [] });
  });
});
