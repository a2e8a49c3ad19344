/**
 * Försörjningsmått (docs/definitioner/forsorjningsmatt.md): the workbook and the CSV saved from
 * it, the definitions on a tiny hand-computed fixture, and every malformed input as a located
 * finding.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runPipeline } from "../../loaders/pipeline.ts";
import { kannerIgenForsorjningsmatt, lasBelopp, lasForsorjningsmattArbetsbok, tolkaErsattning } from "../../loaders/normalise/forsorjningsmatt.ts";
import { readDefaultKommuner } from "../../loaders/reference/indelning.ts";
import { readDelimited } from "../../loaders/read/delimited.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { exempelblad, skrivXlsx, FILNAMN, type Xlsxblad, type Xlsxcell } from "../../scripts/generera-forsorjningsmatt.ts";
import { csvUtdata } from "../helpers/utdata.ts";

const FIXTURES = new URL("../fixtures/forsorjningsmatt/", import.meta.url);
const EXEMPEL = new URL(`../../data/exempel/${FILNAMN}`, import.meta.url);
const KOMMUNER = readDefaultKommuner(new Findings())!;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A data folder holding the given files; the pipeline's result. */
async function kor(filer: Record<string, Uint8Array | string>) {
  const dir = mkdtempSync(join(tmpdir(), "fm-"));
  dirs.push(dir);
  for (const [namn, innehall] of Object.entries(filer)) writeFileSync(join(dir, namn), innehall);
  const r = await runPipeline(dir);
  return { ...r, dir };
}

interface Utrad {
  niva: string; kod: string; namn: string; ar: string; grupp: string; kostnad_kr: string; befolkning: string; aldersgrupp: string; per_invanare: string;
}

function rader(csv: string | undefined): Utrad[] {
  const [head, ...body] = csv!.trim().split("\n");
  const cols = head!.split(",");
  return body.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i], v])) as unknown as Utrad);
}

function hitta(rows: Utrad[], niva: string, kod: string, ar: string, grupp: string): Utrad | undefined {
  return rows.find((r) => r.niva === niva && r.kod === kod && r.ar === ar && r.grupp === grupp);
}

const RUBRIK: Xlsxcell[] = [
  "År", "Regionkod", "Region", "Sjukpenning inkl. rehabiliteringspenning, tkr", "Sjuk- och aktivitetsersättning, tkr",
  "Arbetslöshetsersättning (a-kassa), tkr", "Aktivitetsstöd och utvecklingsersättning, tkr", "Etableringsersättning, tkr",
  "Ekonomiskt bistånd (försörjningsstöd), tkr", "Befolkning 16–64 år",
];
const TITEL: Xlsxcell[][] = [["Försörjningsmått 2023"], ["Belopp i tkr"], []];
// Header on Excel row 4; data from row 5.
const FALUN: Xlsxcell[] = [2023, "2080", "Falun", 1000.5, 2000, 300, 400, 50, 250, 1000];
const BORLANGE: Xlsxcell[] = [2023, "2081", "Borlänge", 500, 1500, 200, 600, "-", 700, 3000];

function bok(rows: Xlsxcell[][], namn = "Tabell", titel = TITEL): Uint8Array {
  return skrivXlsx([{ namn, rader: [...titel, ...rows] }]);
}

describe("definitions on a hand-computed fixture (Falun and Borlänge 2023, förbund falun-borlange)", () => {
  // Falun:    ohälsa 1 000,5 + 2 000 = 3 000,5 tkr = 3 000 500 kr; arbetsmarknadsstöd 300 + 400 + 50
  //           = 750 tkr = 750 000 kr; ekonomiskt bistånd 250 000 kr; total 4 000 500 kr; 1 000 inv.
  // Borlänge: ohälsa 500 + 1 500 = 2 000 000 kr; arbetsmarknadsstöd 200 + 600 + 0 (`-`) = 800 000 kr;
  //           ekonomiskt bistånd 700 000 kr; total 3 500 000 kr; 3 000 inv.
  // Förbund:  total 7 500 500 kr / 4 000 inv. = 1 875,125 kr per invånare, not the mean of the
  //           kommuner's 4 000,5 and 1 166,67 (2 583,58).
  const forvantat = (rows: Utrad[]) => {
    expect(hitta(rows, "kommun", "2080", "2023", "ohalsa")).toMatchObject({ kostnad_kr: "3000500", befolkning: "1000", aldersgrupp: "16-64", per_invanare: "3000.5" });
    expect(hitta(rows, "kommun", "2080", "2023", "arbetsmarknadsstod")?.kostnad_kr).toBe("750000");
    expect(hitta(rows, "kommun", "2080", "2023", "ekonomiskt_bistand")?.kostnad_kr).toBe("250000");
    expect(hitta(rows, "kommun", "2080", "2023", "total")).toMatchObject({ kostnad_kr: "4000500", per_invanare: "4000.5" });
    expect(hitta(rows, "kommun", "2081", "2023", "arbetsmarknadsstod")?.kostnad_kr).toBe("800000");
    expect(Number(hitta(rows, "kommun", "2081", "2023", "total")!.per_invanare)).toBeCloseTo(3500000 / 3000, 12);
    expect(hitta(rows, "forbund", "falun-borlange", "2023", "total")).toMatchObject({
      namn: "Finsam Falun-Borlänge", kostnad_kr: "7500500", befolkning: "4000", aldersgrupp: "16-64", per_invanare: "1875.125",
    });
    expect(hitta(rows, "forbund", "falun-borlange", "2023", "ohalsa")?.per_invanare).toBe("1250.125");
    // Only 2 of Dalarna's 15 kommuner: no län, no riket.
    expect(rows.some((r) => r.niva === "lan" || r.niva === "riket")).toBe(false);
    expect(rows.map((r) => `${r.niva} ${r.kod} ${r.grupp}`).slice(0, 5)).toEqual([
      "kommun 2080 ohalsa", "kommun 2080 arbetsmarknadsstod", "kommun 2080 ekonomiskt_bistand", "kommun 2080 total", "kommun 2081 ohalsa",
    ]);
  };

  it("from the workbook (wide, one sheet with an År column, title rows above the header)", async () => {
    const r = await kor({ "fm.xlsx": bok([RUBRIK, FALUN, BORLANGE]) });
    expect(r.findings.errors).toEqual([]);
    forvantat(rader(csvUtdata(r, "forsorjningsmatt.csv")));
  });

  it("from the CSV Swedish Excel saves (Windows-1252, semicolon, decimal comma, NBSP thousands, title rows)", async () => {
    const r = await kor({ "sparad.csv": readFileSync(new URL("forsorjningsmatt_2023_sparad_som_csv.csv", FIXTURES)) });
    expect(r.findings.errors).toEqual([]);
    expect(r.findings.warnings).toEqual([]);
    expect(r.files[0]).toMatchObject({ typ: "försörjningsmått" });
    forvantat(rader(csvUtdata(r, "forsorjningsmatt.csv")));
  });

  it("from the long layout (Ersättningsslag + Belopp, tkr), labels in other case, spacing and dashes", async () => {
    const lang: Xlsxcell[][] = [["ÅR", "Region", "Ersättningsslag", "Belopp (tkr)", "Folkmängd  16-64 år"]];
    const slag = ["Sjukpenning", "Sjuk- och  aktivitetsersättning", "A-kassa", "Aktivitetsstöd", "Etableringsersättning", "Försörjningsstöd"];
    for (const [region, rad] of [["2080 Falun", FALUN], ["2081 Borlänge", BORLANGE]] as const) {
      slag.forEach((s, i) => lang.push(["2023", region, s, rad[3 + i]!, rad[9]!]));
    }
    const r = await kor({ "lang.xlsx": bok(lang) });
    expect(r.findings.errors).toEqual([]);
    forvantat(rader(csvUtdata(r, "forsorjningsmatt.csv")));
  });

  it("one sheet per year: the year from the sheet name, the age band from the population label (16-65)", async () => {
    const rubrik = RUBRIK.slice(1).map((c) => (c === "Befolkning 16–64 år" ? "Antal invånare 16–65 år" : c));
    const blad: Xlsxblad[] = [
      { namn: "Information", rader: [["Försörjningsmått"], ["Text om tabellen"]] },
      { namn: "2023", rader: [["Försörjningsmått"], [], rubrik, FALUN.slice(1), BORLANGE.slice(1)] },
    ];
    const r = await kor({ "blad.xlsx": skrivXlsx(blad) });
    expect(r.findings.errors).toEqual([]);
    const rows = rader(csvUtdata(r, "forsorjningsmatt.csv"));
    expect(hitta(rows, "forbund", "falun-borlange", "2023", "total")).toMatchObject({ aldersgrupp: "16-65", per_invanare: "1875.125" });
  });
});

describe("regions", () => {
  const vd = (kod: string, namn: string, sjp: number, bef: number): Xlsxcell[] => [2023, kod, namn, sjp, 0, 0, 0, 0, 0, bef];

  it("a kommun without its own row is the sum of its valdistrikt; valdistrikt are never published", async () => {
    // Falun = 20800101 + 20800102: sjukpenning 600 + 400,5 = 1 000,5 tkr, 400 + 600 = 1 000 inv.
    const r = await kor({ "vd.xlsx": bok([RUBRIK, vd("20800101", "Falun Norr", 600, 400), vd("20800102", "Falun Söder", 400.5, 600), BORLANGE]) });
    expect(r.findings.errors).toEqual([]);
    expect(r.findings.all.some((f) => f.regel === "forsorjningsmatt.fran_valdistrikt")).toBe(true);
    const rows = rader(csvUtdata(r, "forsorjningsmatt.csv"));
    expect(hitta(rows, "kommun", "2080", "2023", "ohalsa")).toMatchObject({ kostnad_kr: "1000500", befolkning: "1000" });
    expect(rows.some((x) => x.kod.length > 4 && x.niva !== "forbund")).toBe(false);
  });

  it("kommun row and valdistrikt that differ by more than rounding: the kommun's row, with a warning", async () => {
    const r = await kor({ "vd.xlsx": bok([RUBRIK, FALUN, vd("20800101", "Falun Norr", 600, 400), vd("20800102", "Falun Söder", 100, 600), BORLANGE]) });
    expect(r.findings.errors).toEqual([]);
    const w = r.findings.warnings.find((f) => f.regel === "forsorjningsmatt.valdistrikt_summa");
    expect(w?.rad).toBe(5);
    expect(hitta(rader(csvUtdata(r, "forsorjningsmatt.csv")), "kommun", "2080", "2023", "total")?.kostnad_kr).toBe("4000500");
  });

  it("valdistrikt labelled in a Nivå column without code belong to the kommun above them", async () => {
    const rub = ["Nivå", ...RUBRIK];
    const rows = [rub, ["Kommun", ...FALUN], ["Valdistrikt", 2023, null, "Krylbo", 1000.5, 2000, 300, 400, 50, 250, 1000], ["Kommun", ...BORLANGE]];
    const r = await kor({ "niva.xlsx": bok(rows) });
    expect(r.findings.errors).toEqual([]);
    expect(r.findings.warnings).toEqual([]);
  });

  it("SCB's own län and riket rows are used as they are", async () => {
    const r = await kor({ "lan.xlsx": bok([RUBRIK, [2023, "00", "Riket", 1, 1, 1, 1, 1, 1, 100], [2023, "20", "Dalarnas län", 2, 2, 2, 2, 2, 2, 10], FALUN, BORLANGE]) });
    expect(r.findings.errors).toEqual([]);
    const rows = rader(csvUtdata(r, "forsorjningsmatt.csv"));
    expect(hitta(rows, "riket", "00", "2023", "total")).toMatchObject({ kostnad_kr: "6000", befolkning: "100", per_invanare: "60" });
    expect(hitta(rows, "lan", "20", "2023", "ohalsa")).toMatchObject({ namn: "Dalarnas län", kostnad_kr: "4000", per_invanare: "400" });
  });

  it("a year whose kommuner mix 16-64 and 16-65: no förbund sum for it, with a warning", async () => {
    const falun = skrivXlsx([{ namn: "2023", rader: [RUBRIK.slice(1), FALUN.slice(1)] }]);
    const rub65 = RUBRIK.slice(1).map((c) => (c === "Befolkning 16–64 år" ? "Befolkning 16–65 år" : c));
    const borlange = skrivXlsx([{ namn: "2023", rader: [rub65, BORLANGE.slice(1)] }]);
    const r = await kor({ "a.xlsx": falun, "b.xlsx": borlange });
    expect(r.findings.errors).toEqual([]);
    expect(r.findings.warnings.map((f) => f.regel)).toContain("forsorjningsmatt.blandade_aldersgrupper");
    const rows = rader(csvUtdata(r, "forsorjningsmatt.csv"));
    expect(rows.some((x) => x.niva === "forbund")).toBe(false);
    expect(hitta(rows, "kommun", "2081", "2023", "total")?.aldersgrupp).toBe("16-65");
  });

  it("SCB's own kr per invånare is checked against total / befolkning (> 1 kr: a warning)", async () => {
    const rub = [...RUBRIK, "Försörjningsmått, kr per invånare 16–64 år"];
    // Falun: 4 000 500 / 1 000 = 4 000,5 -> 4 001 within 1 kr; Borlänge 3 500 000 / 3 000 = 1 166,67 vs 1 170.
    const r = await kor({ "per.xlsx": bok([rub, [...FALUN, 4001], [...BORLANGE, 1170]]) });
    expect(r.findings.errors).toEqual([]);
    const w = r.findings.warnings.filter((f) => f.regel === "forsorjningsmatt.per_invanare");
    expect(w.map((f) => [f.rad, f.kolumn])).toEqual([[6, 11]]);
  });
});

describe("malformed input: a finding naming file, sheet, row and column, and no output", () => {
  const fel = async (bytes: Uint8Array | string, namn = "fm.xlsx") => {
    const r = await kor({ [namn]: bytes });
    expect(r.outputs).toBeUndefined();
    return { fel: r.findings.errors, fil: join(r.dir, namn) };
  };

  it("text in an amount cell", async () => {
    const { fel: f, fil } = await fel(bok([RUBRIK, FALUN, [2023, "2081", "Borlänge", 500, "uppgift saknas", 200, 600, 0, 700, 3000]]));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ fil, rad: 6, kolumn: 5, regel: "forsorjningsmatt.inte_tal", varde: "uppgift saknas", falt: "Sjuk- och aktivitetsersättning, tkr" });
    expect(f[0]!.meddelande).toContain('blad "Tabell", cell E6');
  });

  it("a negative amount", async () => {
    const { fel: f } = await fel(bok([RUBRIK, FALUN, [2023, "2081", "Borlänge", 500, 1500, -200, 600, 0, 700, 3000]]));
    expect(f[0]).toMatchObject({ rad: 6, kolumn: 6, regel: "forsorjningsmatt.negativt" });
    expect(f[0]!.meddelande).toContain("cell F6");
  });

  it("an unknown kommun code", async () => {
    const { fel: f } = await fel(bok([RUBRIK, FALUN, [2023, "2099", "Okänd", 500, 1500, 200, 600, 0, 700, 3000]]));
    expect(f[0]).toMatchObject({ rad: 6, kolumn: 2, regel: "forsorjningsmatt.region", varde: "2099" });
    expect(f[0]!.meddelande).toContain("cell B6");
  });

  it("a region and year given twice", async () => {
    const { fel: f } = await fel(bok([RUBRIK, FALUN, BORLANGE, FALUN]));
    expect(f[0]).toMatchObject({ rad: 7, regel: "forsorjningsmatt.dubblett" });
    expect(f[0]!.meddelande).toContain('rad 5');
  });

  it("a year that is not a year", async () => {
    const { fel: f } = await fel(bok([RUBRIK, FALUN, ["20x3", ...BORLANGE.slice(1)]]));
    expect(f[0]).toMatchObject({ rad: 6, kolumn: 1, regel: "forsorjningsmatt.ar", varde: "20x3" });
    expect(f[0]!.meddelande).toContain("cell A6");
  });

  it("a missing required column (the population)", async () => {
    const { fel: f } = await fel(bok([RUBRIK.slice(0, -1), FALUN.slice(0, -1)]));
    expect(f[0]).toMatchObject({ rad: 4, regel: "forsorjningsmatt.kolumn_saknas" });
  });

  it("no year anywhere (no År column, sheet name and title without a year)", async () => {
    const { fel: f } = await fel(bok([RUBRIK.slice(1), FALUN.slice(1)], "Tabell", [["Försörjningsmått"]]));
    expect(f[0]).toMatchObject({ rad: 2, regel: "forsorjningsmatt.ar_saknas" });
  });

  it("a missing header row (a sheet of numbers under a title)", async () => {
    const { fel: f } = await fel(skrivXlsx([{ namn: "2023", rader: [["Försörjningsmått 2023"], [], FALUN, BORLANGE] }]));
    expect(f[0]).toMatchObject({ rad: 1, kolumn: 1, regel: "forsorjningsmatt.rubrikrad" });
    expect(f[0]!.meddelande).toContain('blad "2023"');
  });

  it("a truncated (corrupt) workbook", async () => {
    const b = bok([RUBRIK, FALUN, BORLANGE]);
    const { fel: f } = await fel(b.subarray(0, Math.floor(b.length / 2)));
    expect(f[0]).toMatchObject({ rad: 1, kolumn: 1, regel: "xlsx.skadad" });
  });

  it("a workbook whose compressed data is damaged", async () => {
    const b = Uint8Array.from(bok([RUBRIK, FALUN, BORLANGE]));
    for (let i = 200; i < 260; i++) b[i] = b[i]! ^ 0x5a;
    const { fel: f } = await fel(b);
    expect(f[0]?.regel).toBe("xlsx.skadad");
  });

  it("an encrypted zip", async () => {
    const b = Uint8Array.from(bok([RUBRIK, FALUN, BORLANGE]));
    for (let i = 0; i + 4 < b.length; i++) {
      if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x01 && b[i + 3] === 0x02) b[i + 8] = b[i + 8]! | 1;
    }
    const { fel: f } = await fel(b);
    expect(f[0]).toMatchObject({ regel: "xlsx.krypterad" });
  });

  it("an xlsx that is not a försörjningsmått workbook is 'okand' (the pipeline's usual Excel error)", async () => {
    const annan = skrivXlsx([{ namn: "Blad1", rader: [["Namn", "Telefon"], ["Anna", "070-123"]] }]);
    expect(await lasForsorjningsmattArbetsbok(annan, "x.xlsx", KOMMUNER, new Findings())).toBe("okand");
    const { fel: f } = await fel(annan);
    expect(f[0]?.regel).toBe("fil.xlsx");
  });

  it("errors in the CSV saved from the workbook name line and column", async () => {
    const text = readFileSync(new URL("forsorjningsmatt_2023_sparad_som_csv.csv", FIXTURES), "latin1").replace("1\u00a0500;200", "1\u00a0500;tvåhundra");
    const { fel: f } = await fel(Buffer.from(text, "latin1"), "sparad.csv");
    expect(f[0]).toMatchObject({ rad: 6, kolumn: 6, regel: "forsorjningsmatt.inte_tal", varde: "tvåhundra" });
  });
});

describe("reading details", () => {
  it("amounts: tkr to kr exactly, Swedish and Excel number forms, SCB's symbols", () => {
    expect(lasBelopp(123456.7, 3)).toEqual({ kind: "tal", value: 123456700 });
    expect(lasBelopp(0.1, 3)).toEqual({ kind: "tal", value: 100 });
    expect(lasBelopp("12\u00a0345,6", 3)).toEqual({ kind: "tal", value: 12345600 });
    expect(lasBelopp("12 345", 3)).toEqual({ kind: "tal", value: 12345000 });
    expect(lasBelopp("1,5E+3", 3)).toEqual({ kind: "tal", value: 1500000 });
    expect(lasBelopp("-", 3)).toEqual({ kind: "tal", value: 0 });
    expect(lasBelopp("..", 3)).toEqual({ kind: "saknas" });
    expect(lasBelopp("−5", 3)).toEqual({ kind: "negativ" });
    expect(lasBelopp("12 tkr", 3)).toEqual({ kind: "ogiltig" });
    expect(lasBelopp("1.234,5", 3)).toEqual({ kind: "ogiltig" });
  });

  it("payment labels by key", () => {
    expect(tolkaErsattning("Sjuk- och aktivitetsersersättning (tkr)")).toEqual(["sjukersattning", "aktivitetsersattning"]);
    expect(tolkaErsattning("SJUKPENNING INKL. REHABILITERINGSPENNING, TKR")).toEqual(["sjukpenning", "rehabiliteringspenning"]);
    expect(tolkaErsattning("Arbetslöshetsersättning  (a–kassa)")).toEqual(["arbetsloshetsersattning"]);
    expect(tolkaErsattning("Ekonomiskt bistånd")).toEqual(["ekonomiskt_bistand"]);
    expect(tolkaErsattning("Sjukpenning 2024M03")).toBeUndefined();
  });

  it("recognition of CSV files is specific: SCB's PxWeb tables are not försörjningsmått", () => {
    const f = new Findings();
    const csv = (t: string) => readDelimited(t, "x.csv", f)!;
    expect(kannerIgenForsorjningsmatt(csv('"region";"kön";"ålder";"tabellinnehåll";"2024M01"\n"2080 Falun";"män";"20-64 år";"Sjukpenning";7\n'))).toBe(false);
    expect(kannerIgenForsorjningsmatt(csv('"region";"Sjukpenning 2024M01";"Ekonomiskt bistånd 2024M01"\n"2080 Falun";7;8\n'))).toBe(false);
    expect(kannerIgenForsorjningsmatt(csv("Region;Sjukpenning, tkr;Ekonomiskt bistånd, tkr;Befolkning 16-64 år\n2080 Falun;7;8;9\n"))).toBe(true);
  });

  it("writes only the header when there is no försörjningsmått input", async () => {
    const r = await kor({ "TAB1386_20260315-101500.csv": readFileSync(new URL("../../data/exempel/TAB1386_20260315-101500.csv", import.meta.url)) });
    expect(csvUtdata(r, "forsorjningsmatt.csv")).toBe("niva,kod,namn,ar,grupp,kostnad_kr,befolkning,aldersgrupp,per_invanare\n");
  });
});

describe("the example workbook", () => {
  it("is what the generator writes, byte for byte", () => {
    expect(Buffer.from(skrivXlsx(exempelblad())).equals(readFileSync(EXEMPEL))).toBe(true);
  });

  it("reads without errors or warnings, at Dalarna's levels, Avesta and Hedemora highest", async () => {
    const r = await kor({ [FILNAMN]: readFileSync(EXEMPEL) });
    expect(r.findings.errors).toEqual([]);
    expect(r.findings.warnings).toEqual([]);
    const rows = rader(csvUtdata(r, "forsorjningsmatt.csv"));
    for (const ar of ["2020", "2021", "2022", "2023", "2024", "2025"]) {
      const kommuner = rows.filter((x) => x.niva === "kommun" && x.ar === ar && x.grupp === "total").sort((a, b) => Number(b.per_invanare) - Number(a.per_invanare));
      expect(kommuner).toHaveLength(15);
      expect(kommuner.slice(0, 2).map((x) => x.namn).sort()).toEqual(["Avesta", "Hedemora"]);
      for (const k of kommuner) expect(Number(k.per_invanare)).toBeGreaterThan(23000), expect(Number(k.per_invanare)).toBeLessThan(47000);
      expect(kommuner[0]!.aldersgrupp).toBe(Number(ar) >= 2023 ? "16-65" : "16-64");
      expect(hitta(rows, "lan", "20", ar, "total")).toBeDefined();
      expect(hitta(rows, "riket", "00", ar, "total")).toBeDefined();
    }
    // Falun's population 16-64 is somewhat larger than its 20-64 (about 31 400-32 300 in TAB1386).
    const falun = Number(hitta(rows, "kommun", "2080", "2022", "total")!.befolkning);
    expect(falun).toBeGreaterThan(33000);
    expect(falun).toBeLessThan(37000);
    expect(hitta(rows, "forbund", "falun-borlange", "2023", "total")).toBeDefined();
    expect(hitta(rows, "forbund", "finsam-falun", "2022", "total")).toBeDefined();
  });
});
