import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPxWeb } from "../../loaders/read/pxweb.ts";
import { isBefolkning, normaliseBefolkning, type BefolkningData } from "../../loaders/normalise/befolkning.ts";
import { computeBefolkning as beraknaTabeller } from "../../loaders/compute/befolkning.ts";
import { sammanfoga } from "../../loaders/kub/sammanfoga.ts";
import { regionreferens } from "../../loaders/normalise/region.ts";
import type { Indelning } from "../../loaders/reference/indelning.ts";
import { objekt } from "../helpers/tabell.ts";
import { befolkningFiler } from "../../loaders/publish/befolkning.ts";
import type { Medlemskap } from "../../loaders/reference/indelning.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { runPipeline } from "../../loaders/pipeline.ts";
import { AVESTA, BORLANGE, FALUN, indelning } from "../helpers/he.ts";
import { utf8 } from "../helpers/scb.ts";
import iconv from "iconv-lite";
import { FILNAMN, generera } from "../../scripts/generera-befolkning.ts";
import { csvUtdata } from "../helpers/utdata.ts";

const MEDLEMSKAP: Medlemskap[] = [
  { forbund: "finsam-falun", forbundNamn: "Finsam Falun", kommunkod: "2080", fran: undefined, till: "2022-12" },
  { forbund: "finsam-borlange", forbundNamn: "Finsam Borlänge", kommunkod: "2081", fran: undefined, till: "2022-12" },
  { forbund: "falun-borlange", forbundNamn: "Finsam Falun-Borlänge", kommunkod: "2080", fran: "2023-01", till: undefined },
  { forbund: "falun-borlange", forbundNamn: "Finsam Falun-Borlänge", kommunkod: "2081", fran: "2023-01", till: undefined },
];
const IND = indelning([FALUN, BORLANGE], MEDLEMSKAP);

function las(bytes: Uint8Array, fil: string, findings: Findings): BefolkningData {
  const t = readPxWeb(bytes, fil, findings)!;
  expect(isBefolkning(t)).toBe(true);
  const d = normaliseBefolkning(t, regionreferens(IND.kommuner), findings)!;
  expect(findings.errors).toEqual([]);
  return d;
}

type Rad = { niva: string; kod: string; ar: string; kon: string; alder?: string; varde: number | null };
interface BefolkningResultat { befolkning: Rad[]; alder: Rad[]; forsorjningskvot: Rad[] }

/** The files as one (kub/sammanfoga.ts), then the three tables as rows. */
function computeBefolkning(data: BefolkningData[], ind: Indelning, findings: Findings): BefolkningResultat | undefined {
  const merged = sammanfoga(data, "befolkning", findings);
  if (!merged) return undefined;
  const t = beraknaTabeller(merged, ind, findings);
  return { befolkning: objekt<Rad>(t.befolkning), alder: objekt<Rad>(t.alder), forsorjningskvot: objekt<Rad>(t.forsorjningskvot) };
}

function berakna(...texter: string[]): { r: BefolkningResultat; findings: Findings } {
  const findings = new Findings();
  const data = texter.map((t, i) => las(utf8(t), `bef${i + 1}.csv`, findings));
  const r = computeBefolkning(data, IND, findings)!;
  return { r, findings };
}

const varde = (rader: readonly { niva: string; kod: string; ar: string; kon: string; alder?: string; varde: number | null }[], niva: string, kod: string, ar: string, kon = "alla", alder?: string) =>
  rader.find((x) => x.niva === niva && x.kod === kod && x.ar === ar && x.kon === kon && (alder === undefined || x.alder === alder))?.varde;

describe("demografisk försörjningskvot = (0-19 + 65+) / 20-64", () => {
  const findings = new Findings();
  const fil = "test/fixtures/befolkning/BE0101N1_tva_kommuner.csv";
  const r = computeBefolkning([las(readFileSync(fil), fil, findings)], IND, findings)!;

  it("per kommun and kön, from the hand-computed fixture (see its README)", () => {
    // Falun, alla: 0-19 = 10+12+20+18 = 60; 20-64 = 100+110 = 210; 65+ = 30+25+20+10 = 85.
    expect(varde(r.forsorjningskvot, "kommun", "2080", "2024")).toBe((60 + 85) / 210);
    // Falun, kvinnor: (10+20 + 30+20) / 100 = 0.8; män: (12+18 + 25+10) / 110.
    expect(varde(r.forsorjningskvot, "kommun", "2080", "2024", "kvinnor")).toBe(0.8);
    expect(varde(r.forsorjningskvot, "kommun", "2080", "2024", "man")).toBe(65 / 110);
    // Borlänge, alla: (40 + 50) / 190.
    expect(varde(r.forsorjningskvot, "kommun", "2081", "2024")).toBe(90 / 190);
  });

  it("a förbund's kvot is the ratio of summed counts, never the mean of the kommuner's ratios", () => {
    // Falun-Borlänge 2024: (60+40 + 85+50) / (210+190) = 235/400 = 0.5875; the mean of ratios would be 0.5821.
    expect(varde(r.forsorjningskvot, "forbund", "falun-borlange", "2024")).toBe(0.5875);
    expect(varde(r.forsorjningskvot, "lan", "20", "2024")).toBe(0.5875);
  });

  it("total population and the file's own age groups (they do not fit in 5-year groups)", () => {
    expect(varde(r.befolkning, "kommun", "2080", "2024")).toBe(355);
    expect(varde(r.befolkning, "forbund", "falun-borlange", "2024")).toBe(355 + 280);
    expect(r.alder.filter((x) => x.niva === "kommun" && x.kod === "2080" && x.kon === "alla").map((x) => `${x.alder}=${x.varde}`))
      .toEqual(["0-9=22", "10-19=38", "20-64=210", "65-79=55", "80+=30"]);
  });

  it("row order: niva, kod, ar, kon (alla, kvinnor, man)", () => {
    expect(r.forsorjningskvot.map((x) => `${x.niva} ${x.kod} ${x.kon}`)).toEqual([
      "kommun 2080 alla", "kommun 2080 kvinnor", "kommun 2080 man", "kommun 2081 alla", "kommun 2081 kvinnor", "kommun 2081 man",
      "forbund falun-borlange alla", "forbund falun-borlange kvinnor", "forbund falun-borlange man",
      "lan 20 alla", "lan 20 kvinnor", "lan 20 man", "riket 00 alla", "riket 00 kvinnor", "riket 00 man",
    ]);
  });

  it("the published files have the contract's columns", () => {
    const filer = new Map(befolkningFiler([las(readFileSync(fil), fil, new Findings())], IND, new Findings()));
    expect(filer.get("befolkning.csv")!.split("\n")[0]).toBe("niva,kod,namn,ar,kon,varde");
    expect(filer.get("befolkning_alder.csv")!.split("\n")[0]).toBe("niva,kod,namn,ar,kon,alder,varde");
    expect(filer.get("forsorjningskvot.csv")!.split("\n")[1]).toBe(`kommun,2080,Falun,2024,alla,${145 / 210}`);
  });

  it("every file is written with only its header when there is no population input", () => {
    expect(befolkningFiler([], IND, new Findings())).toEqual([
      ["befolkning.csv", "niva,kod,namn,ar,kon,varde\n"],
      ["befolkning_alder.csv", "niva,kod,namn,ar,kon,alder,varde\n"],
      ["forsorjningskvot.csv", "niva,kod,namn,ar,kon,varde\n"],
    ]);
  });
});

/** A yearly table with single-year ages 0..100+ for one kommun and kön: `f(alder)` persons each. */
function ettarsaldrar(kod: string, namn: string, ar: string, f: (a: number) => number, totalt?: number): string {
  const rader = ['"region";"ålder";"kön";"' + ar + '"'];
  if (totalt !== undefined) rader.push(`"${kod} ${namn}";"totalt ålder";"män och kvinnor totalt";${totalt}`);
  for (let a = 0; a <= 100; a++) rader.push(`"${kod} ${namn}";"${a === 100 ? "100+" : a} år";"män och kvinnor totalt";${f(a)}`);
  return rader.join("\n");
}

describe("single years", () => {
  it("are summed into 0-4, ..., 95-99, 100+", () => {
    const { r } = berakna(ettarsaldrar("2080", "Falun", "2024", (a) => a));
    const falun = r.alder.filter((x) => x.niva === "kommun");
    expect(falun.map((x) => x.alder)).toEqual(["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
      "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90-94", "95-99", "100+"]);
    expect(varde(falun, "kommun", "2080", "2024", "alla", "0-4")).toBe(0 + 1 + 2 + 3 + 4);
    expect(varde(falun, "kommun", "2080", "2024", "alla", "100+")).toBe(100);
    // 0-19: 0+...+19 = 190; 20-64: 20+...+64 = 1890; 65+: 65+...+100 = 2965.
    expect(varde(r.forsorjningskvot, "kommun", "2080", "2024")).toBe((190 + 2970) / 1890);
    // No "totalt ålder" in the file: the total is the sum of all ages, 0+...+100 = 5050.
    expect(varde(r.befolkning, "kommun", "2080", "2024")).toBe(5050);
  });

  it("SCB's total is used for the region despite noise; the age groups come from the ages", () => {
    // From 2025 SCB adds noise: "totalt ålder" 5047 while the ages sum to 5050.
    const { r } = berakna(ettarsaldrar("2080", "Falun", "2025", (a) => a, 5047));
    expect(varde(r.befolkning, "kommun", "2080", "2025")).toBe(5047);
    expect(r.alder.filter((x) => x.niva === "kommun").reduce((s, x) => s + x.varde!, 0)).toBe(5050);
    expect(varde(r.forsorjningskvot, "kommun", "2080", "2025")).toBe((190 + 2970) / 1890);
  });
});

describe("förbund: membership valid in December of the year", () => {
  const text = [
    '"region";"ålder";"kön";"2022";"2023"',
    '"2080 Falun";"totalt ålder";"män";100;110', '"2080 Falun";"totalt ålder";"kvinnor";101;111',
    '"2081 Borlänge";"totalt ålder";"män";200;210', '"2081 Borlänge";"totalt ålder";"kvinnor";201;211',
  ].join("\n");

  it("2022: Finsam Falun and Finsam Borlänge; 2023: Falun-Borlänge = Falun + Borlänge", () => {
    const { r } = berakna(text);
    expect(varde(r.befolkning, "forbund", "finsam-falun", "2022")).toBe(201);
    expect(varde(r.befolkning, "forbund", "finsam-borlange", "2022")).toBe(401);
    expect(varde(r.befolkning, "forbund", "falun-borlange", "2022")).toBeUndefined();
    expect(varde(r.befolkning, "forbund", "falun-borlange", "2023")).toBe(221 + 421);
    expect(varde(r.befolkning, "forbund", "falun-borlange", "2023", "man")).toBe(320);
    expect(varde(r.befolkning, "forbund", "finsam-falun", "2023")).toBeUndefined();
  });
});

describe("the kvot needs ages that tile 0-19, 20-64 and 65+", () => {
  it("a group like 15-24 makes it impossible: an info finding, no row", () => {
    const { r, findings } = berakna([
      '"region";"ålder";"kön";"2024"',
      '"2080 Falun";"0-14 år";"män";10', '"2080 Falun";"15-24 år";"män";10', '"2080 Falun";"25-64 år";"män";10', '"2080 Falun";"65+ år";"män";10',
    ].join("\n"));
    expect(r.forsorjningskvot).toEqual([]);
    expect(findings.all.filter((f) => f.regel === "befolkning.forsorjningskvot")).toMatchObject([{ allvar: "info", fil: "bef1.csv" }]);
    // The total is still there (the groups cover every age) and the pyramid keeps the file's groups.
    expect(varde(r.befolkning, "kommun", "2080", "2024", "man")).toBe(40);
    expect(r.alder.filter((x) => x.niva === "kommun" && x.kon === "man").map((x) => x.alder)).toEqual(["0-14", "15-24", "25-64", "65+"]);
  });

  it("groups 0-19, 20-64, 65+ are enough", () => {
    const { r } = berakna(['"region";"ålder";"kön";"2024"', '"2080 Falun";"0-19 år";"män";3', '"2080 Falun";"20-64 år";"män";10', '"2080 Falun";"65+ år";"män";2'].join("\n"));
    expect(varde(r.forsorjningskvot, "kommun", "2080", "2024", "man")).toBe(0.5);
  });

  it("a missing value gives an empty kvot, never a kvot from fewer persons", () => {
    const { r } = berakna(['"region";"ålder";"kön";"2024"', '"2080 Falun";"0-19 år";"män";..', '"2080 Falun";"20-64 år";"män";10', '"2080 Falun";"65+ år";"män";2'].join("\n"));
    expect(varde(r.forsorjningskvot, "kommun", "2080", "2024", "man")).toBeNull();
  });
});

describe("SCB's own län and riket rows", () => {
  it("are kept (with SCB's noise they need not equal the sum of the kommuner)", () => {
    const { r } = berakna([
      '"region";"ålder";"kön";"2025"',
      '"2080 Falun";"totalt ålder";"män";100', '"2081 Borlänge";"totalt ålder";"män";200',
      '"20 Dalarnas län";"totalt ålder";"män";302', '"00 Riket";"totalt ålder";"män";5000',
    ].join("\n"));
    expect(varde(r.befolkning, "lan", "20", "2025", "man")).toBe(302);
    expect(varde(r.befolkning, "riket", "00", "2025", "man")).toBe(5000);
    expect(varde(r.befolkning, "forbund", "falun-borlange", "2025", "man")).toBe(300);
  });
});

describe("a monthly table in long layout (BefolkManad)", () => {
  it("gives each year December's value, at every level", () => {
    const { r } = berakna([
      '"region";"ålder";"kön";"månad";"Folkmängd"',
      '"2080 Falun";"0-19 år";"kvinnor";"2024M11";1', '"2080 Falun";"0-19 år";"kvinnor";"2024M12";20',
      '"2080 Falun";"20-64 år";"kvinnor";"2024M11";1', '"2080 Falun";"20-64 år";"kvinnor";"2024M12";50',
      '"2080 Falun";"65+ år";"kvinnor";"2024M11";1', '"2080 Falun";"65+ år";"kvinnor";"2024M12";30',
      '"2081 Borlänge";"0-19 år";"kvinnor";"2024M12";10', '"2081 Borlänge";"20-64 år";"kvinnor";"2024M12";50', '"2081 Borlänge";"65+ år";"kvinnor";"2024M12";10',
    ].join("\n"));
    // Falun: (20 + 30) / 50 = 1; Falun-Borlänge: (30 + 40) / 100 = 0.7.
    expect(varde(r.forsorjningskvot, "kommun", "2080", "2024", "kvinnor")).toBe(1);
    expect(varde(r.forsorjningskvot, "forbund", "falun-borlange", "2024", "kvinnor")).toBe(0.7);
    expect(varde(r.befolkning, "kommun", "2080", "2024", "kvinnor")).toBe(100);
  });
});

describe("several files are read together", () => {
  it("different kommuner in two files are summed to the förbund", () => {
    const { r } = berakna('"region";"ålder";"kön";"2024"\n"2080 Falun";"totalt ålder";"män";10', '"region";"ålder";"kön";"2024"\n"2081 Borlänge";"totalt ålder";"män";20');
    expect(varde(r.befolkning, "forbund", "falun-borlange", "2024", "man")).toBe(30);
  });

  it("a value in two files is an error naming both", () => {
    const findings = new Findings();
    const a = las(utf8('"region";"ålder";"kön";"2024"\n"2080 Falun";"totalt ålder";"män";10'), "a.csv", findings);
    const b = las(utf8('"Folkmängden efter region, kön och år"\n"region";"kön";"2024"\n"2080 Falun";"män";10'), "b.csv", findings);
    expect(computeBefolkning([a, b], indelning([FALUN, BORLANGE, AVESTA], MEDLEMSKAP), findings)).toBeUndefined();
    expect(findings.errors).toMatchObject([{ fil: "b.csv", regel: "befolkning.dubblett_filer" }]);
    expect(findings.errors[0]!.meddelande).toContain("a.csv");
  });
});

describe("the example data (data/exempel)", async () => {
  const res = await runPipeline("data/exempel");
  const csv = (namn: string) => csvUtdata(res, namn)!.trim().split("\n").slice(1).map((l) => l.split(","));
  const dalarna = ["2021", "2023", "2026", "2029", "2031", "2034", "2039", "2061", "2062", "2080", "2081", "2082", "2083", "2084", "2085"];

  it("every Dalarna kommun has a kvot 0.75-1.1 every year 2019-2025, riket about 0.76", () => {
    expect(res.findings.errors).toEqual([]);
    const kvot = csv("forsorjningskvot.csv").filter((r) => r[4] === "alla");
    for (const kod of dalarna) {
      const rader = kvot.filter((r) => r[0] === "kommun" && r[1] === kod);
      expect(rader.map((r) => r[3])).toEqual(["2019", "2020", "2021", "2022", "2023", "2024", "2025"]);
      for (const r of rader) expect(Number(r[5]), `${kod} ${r[3]}`).toBeGreaterThan(0.75), expect(Number(r[5])).toBeLessThan(1.1);
    }
    for (const r of kvot.filter((r) => r[0] === "riket")) expect(Math.abs(Number(r[5]) - 0.76)).toBeLessThan(0.02);
  });

  it("Falun's 20-64 is within 1 % of the helårsekvivalenter file's folkmängd in December", () => {
    const alder = csv("befolkning_alder.csv").filter((r) => r[0] === "kommun" && r[1] === "2080" && r[4] === "alla");
    const he = csv("helarsekvivalenter.csv").filter((r) => r[0] === "kommun" && r[1] === "2080" && r[4] === "alla" && r[5] === "summa");
    for (const ar of ["2019", "2022", "2024", "2025"]) {
      const arbetsfor = alder.filter((r) => r[3] === ar && Number(r[5]!.split("-")[0]) >= 20 && Number(r[5]!.split("-")[0]) < 65).reduce((s, r) => s + Number(r[6]), 0);
      const folkmangd = Number(he.find((r) => r[3] === `${ar}-12`)![7]);
      expect(Math.abs(arbetsfor / folkmangd - 1), ar).toBeLessThan(0.01);
    }
  });

  it("the checked-in file is exactly what scripts/generera-befolkning.ts writes", () => {
    expect(iconv.decode(readFileSync(`data/exempel/${FILNAMN}`), "latin1")).toBe(generera("data/exempel"));
  });

  it("the outputs stay small", () => {
    for (const namn of ["befolkning.csv", "befolkning_alder.csv", "forsorjningskvot.csv"]) expect(csvUtdata(res, namn)!.length).toBeLessThan(3_000_000);
  });
});
