/**
 * BAS definitions on small hand-made files (test/fixtures/bas/), each with its hand
 * computation, and the example data's March 2024 target group through the whole pipeline.
 */
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { tackning } from "../../loaders/compute/bas.ts";
import { basKalla, normaliseBas, type BasData } from "../../loaders/normalise/bas.ts";
import { runPipeline } from "../../loaders/pipeline.ts";
import { basFiler } from "../../loaders/publish/bas.ts";
import { readPxWeb } from "../../loaders/read/pxweb.ts";
import { regionreferens } from "../../loaders/normalise/region.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { BORLANGE, FALUN, indelning } from "../helpers/he.ts";
import { csvUtdata } from "../helpers/utdata.ts";

const FB = { forbund: "fb", forbundNamn: "Finsam Falun-Borlänge", fran: undefined, till: undefined };
const IND = indelning([FALUN, BORLANGE], [{ ...FB, kommunkod: "2080" }, { ...FB, kommunkod: "2081" }]);
const FIXTURER = new URL("../fixtures/bas/", import.meta.url);

function las(namn: string, findings: Findings): BasData | undefined {
  const table = readPxWeb(readFileSync(new URL(namn, FIXTURER)), namn, findings);
  const kalla = table ? basKalla(table) : undefined;
  expect(kalla, namn).toBeDefined();
  return normaliseBas(kalla!, table!, regionreferens(IND.kommuner), findings);
}

function kor(...filer: string[]) {
  const findings = new Findings();
  const data = filer.map((f) => las(f, findings)).filter((d): d is BasData => d !== undefined);
  const ut = new Map(basFiler(data, IND, findings));
  const rader = (namn: string) => csvParse(ut.get(namn)!);
  return { findings, ut, rader };
}

type Rad = Record<string, string | undefined>;
const hitta = (rader: Rad[], villkor: Rad) => {
  const trafe = rader.filter((r) => Object.entries(villkor).every(([k, v]) => r[k] === v));
  expect(trafe.length, JSON.stringify(villkor)).toBe(1);
  return trafe[0]!;
};

describe("arbetsmarknadsstatus.csv", () => {
  const { findings, rader } = kor("status_falun_borlange.csv");
  const status = rader("arbetsmarknadsstatus.csv");
  const rad = (niva: string, kod: string, manad: string, s: string) =>
    hitta(status, { niva, kod, manad, kon: "alla", alder: "20-64", fodelseregion: "totalt", status: s });

  it("andel is antal / the status totalt of the same group (Falun 800 / 1000 = 0.8)", () => {
    expect(findings.errors).toEqual([]);
    expect(rad("kommun", "2080", "2024-03", "sysselsatta")).toMatchObject({ antal: "800", andel: "0.8" });
    expect(rad("kommun", "2080", "2024-03", "totalt")).toMatchObject({ antal: "1000", andel: "1" });
  });

  it("SCB's own totalt is used when the parts disagree (Borlänge: parts 810, totalt 812)", () => {
    expect(rad("kommun", "2081", "2024-03", "totalt").antal).toBe("812");
    expect(Number(rad("kommun", "2081", "2024-03", "sysselsatta").andel)).toBe(600 / 812);
  });

  it("a förbund is the sum of its kommuner, share recomputed: (800 + 600) / (1000 + 812)", () => {
    expect(rad("forbund", "fb", "2024-03", "sysselsatta").antal).toBe("1400");
    expect(rad("forbund", "fb", "2024-03", "totalt").antal).toBe("1812");
    expect(Number(rad("forbund", "fb", "2024-03", "sysselsatta").andel)).toBe(1400 / 1812);
    expect(rad("lan", "20", "2024-03", "totalt").antal).toBe("1812");
  });

  it("a missing value (Falun sjuka 2024M04 '..') leaves the förbund's sjuka and its share empty, nothing else", () => {
    expect(rad("kommun", "2080", "2024-04", "sjuka")).toMatchObject({ antal: "", andel: "" });
    expect(rad("forbund", "fb", "2024-04", "sjuka")).toMatchObject({ antal: "", andel: "" });
    expect(Number(rad("forbund", "fb", "2024-04", "sysselsatta").andel)).toBe((810 + 600) / (1000 + 810));
    expect(findings.warnings.some((f) => f.regel === "bas.saknas" && f.rad === 7 && f.kolumn === 6)).toBe(true);
  });

  it("rates are read but not used: no row for 'andel sysselsatta, procent'", () => {
    expect(new Set(status.map((r) => r.status))).toEqual(new Set(["sysselsatta", "arbetslosa", "studerande", "pensionarer", "sjuka", "ovriga", "totalt"]));
  });

  it("rows are sorted by niva, kod, manad, kön, ålder, födelseregion, then status in the fixed order", () => {
    const forsta = status.slice(0, 7).map((r) => `${r.niva} ${r.kod} ${r.manad} ${r.status}`);
    expect(forsta).toEqual([
      "kommun 2080 2024-03 sysselsatta", "kommun 2080 2024-03 arbetslosa", "kommun 2080 2024-03 studerande",
      "kommun 2080 2024-03 pensionarer", "kommun 2080 2024-03 sjuka", "kommun 2080 2024-03 ovriga", "kommun 2080 2024-03 totalt",
    ]);
    // (riket: the test indelning has only these two kommuner, all of them in the file)
    expect([...new Set(status.map((r) => r.niva))]).toEqual(["kommun", "forbund", "lan", "riket"]);
  });

  it("without a totalt status, totalt is the sum of the six (60 + 12 + 8 + 0 + 5 + 15 = 100)", () => {
    const { findings: f, rader: r } = kor("status_utan_totalt.csv");
    expect(f.errors).toEqual([]);
    const s = r("arbetsmarknadsstatus.csv");
    const rad2 = (st: string) => hitta(s, { niva: "kommun", kod: "2080", kon: "kvinnor", alder: "20-64", fodelseregion: "utrikes", status: st });
    expect(rad2("totalt").antal).toBe("100");
    expect(rad2("sysselsatta").andel).toBe("0.6");
  });
});

describe("several files of one kind", () => {
  it("are read together when they hold different values", () => {
    const { findings, rader } = kor("status_falun_borlange.csv", "status_utan_totalt.csv");
    expect(findings.errors).toEqual([]);
    expect(new Set(rader("arbetsmarknadsstatus.csv").map((r) => r.fodelseregion))).toEqual(new Set(["totalt", "utrikes"]));
  });

  it("the same value in two files is an error naming both files, and nothing is published", () => {
    const { findings, rader } = kor("status_falun_borlange.csv", "status_dubblett.csv");
    const fel = findings.errors.find((f) => f.regel === "bas.dubblett_filer");
    expect(fel?.fil).toBe("status_dubblett.csv");
    expect(fel?.meddelande).toContain("status_falun_borlange.csv");
    expect(rader("arbetsmarknadsstatus.csv")).toHaveLength(0);
  });
});

describe("inkomstkalla.csv and malgrupp.csv", () => {
  it("20-64 is built from age groups that exactly tile it (20-34, 35-49, 50-64; 65-74 left out)", () => {
    // totalt 400 + 400 + 420 = 1220; arbete 300 + 350 + 320 = 970; utanför = 1220 - 970 = 250;
    // saknar ersättningar 25 + 10 + 15 = 50.
    const { findings, rader } = kor("inkomstkalla_aldersgrupper.csv");
    expect(findings.errors).toEqual([]);
    const m = rader("malgrupp.csv");
    expect(hitta(m, { niva: "kommun", kod: "2080", kon: "kvinnor", matt: "utanfor_arbetsmarknaden" })).toMatchObject({ manad: "2024-03", antal: "250" });
    expect(Number(hitta(m, { niva: "kommun", kod: "2080", kon: "kvinnor", matt: "utanfor_arbetsmarknaden" }).andel)).toBe(250 / 1220);
    expect(Number(hitta(m, { niva: "kommun", kod: "2080", kon: "kvinnor", matt: "saknar_inkomst" }).andel)).toBe(50 / 1220);
    // inkomstkalla.csv keeps the file's age groups; andel of the group's total (300 / 400).
    const k = rader("inkomstkalla.csv");
    expect(hitta(k, { kod: "2080", kon: "kvinnor", alder: "20-34", inkomstkalla: "arbete" }).andel).toBe("0.75");
    expect(k.some((r) => r.alder === "20-64")).toBe(false);
  });

  it("tiling: gaps and overlaps do not tile; the widest groups are taken first", () => {
    expect(tackning(["20-34", "35-49", "50-64", "65-74"], 20, 64)).toEqual(["20-34", "35-49", "50-64"]);
    expect(tackning(["20-34", "40-64"], 20, 64)).toBeUndefined();
    expect(tackning(["20-24", "25-29", "20-29", "30-64"], 20, 64)).toEqual(["20-29", "30-64"]);
    expect(tackning(["20-44", "25-64", "20-24"], 20, 64)).toEqual(["20-24", "25-64"]);
  });

  it("from ArbStatHuv alone: inkomstkälla is the nivå total, summed over nivåer when the file has no total", () => {
    // Borlänge män: arbete 0 + 20 + 80 + 600 = 700; totalt 100 + 60 + 90 + 610 = 860; saknar 40 + 10 = 50.
    const { findings, rader } = kor("inkomstniva_utan_total.csv");
    expect(findings.errors).toEqual([]);
    const k = rader("inkomstkalla.csv");
    expect(hitta(k, { kod: "2081", kon: "man", inkomstkalla: "arbete" }).antal).toBe("700");
    expect(hitta(k, { kod: "2081", kon: "man", inkomstkalla: "totalt" }).antal).toBe("860");
    const m = rader("malgrupp.csv");
    expect(hitta(m, { kod: "2081", kon: "man", matt: "utanfor_arbetsmarknaden" }).antal).toBe("160");
    expect(Number(hitta(m, { kod: "2081", kon: "man", matt: "utanfor_arbetsmarknaden" }).andel)).toBe(160 / 860);
    expect(hitta(m, { kod: "2081", kon: "man", matt: "saknar_inkomst" }).antal).toBe("50");
    const n = rader("inkomstniva.csv");
    expect(Number(hitta(n, { kod: "2081", kon: "man", inkomstkalla: "arbete", inkomstniva: "2+_ibb" }).andel)).toBe(600 / 700);
    expect(n.filter((r) => r.inkomstkalla === "arbete").map((r) => r.inkomstniva)).toEqual(["0_kr", "0-1_ibb", "1-2_ibb", "2+_ibb", "totalt"]);
  });

  it("every file is written, with only its header when its input is absent", () => {
    const { ut } = kor("status_utan_totalt.csv");
    expect(ut.get("inkomstkalla.csv")).toBe("niva,kod,namn,manad,kon,alder,inkomstkalla,antal,andel\n");
    expect(ut.get("inkomstniva.csv")).toBe("niva,kod,namn,manad,kon,alder,inkomstkalla,inkomstniva,antal,andel\n");
    expect(ut.get("malgrupp.csv")).toBe("niva,kod,namn,manad,kon,matt,antal,andel\n");
  });
});

describe("the example data (data/exempel), March 2024", async () => {
  const resultat = await runPipeline("data/exempel");
  const ut = resultat.outputs;
  const malgrupp = ut ? csvParse(csvUtdata(resultat, "malgrupp.csv")!) : [];
  const rad = (kod: string, matt: string, kon = "alla") => hitta(malgrupp, { niva: "kommun", kod, manad: "2024-03", kon, matt });

  it("builds without errors", () => {
    expect(resultat.findings.errors).toEqual([]);
    expect(ut).toBeDefined();
  });

  it("Falun: about 7 000 outside the labour market, 22 %", () => {
    const r = rad("2080", "utanfor_arbetsmarknaden");
    expect(Number(r.antal)).toBeGreaterThanOrEqual(6900);
    expect(Number(r.antal)).toBeLessThanOrEqual(7100);
    expect(Number(r.andel)).toBeGreaterThanOrEqual(0.215);
    expect(Number(r.andel)).toBeLessThan(0.225);
  });

  it("Borlänge: about 8 000 outside the labour market, 28 %", () => {
    const r = rad("2081", "utanfor_arbetsmarknaden");
    expect(Number(r.antal)).toBeGreaterThanOrEqual(7900);
    expect(Number(r.antal)).toBeLessThanOrEqual(8100);
    expect(Number(r.andel)).toBeGreaterThanOrEqual(0.275);
    expect(Number(r.andel)).toBeLessThan(0.285);
  });

  it("2 883 without any income in Falun and Borlänge together (and in the förbund)", () => {
    expect(Number(rad("2080", "saknar_inkomst").antal) + Number(rad("2081", "saknar_inkomst").antal)).toBe(2883);
    expect(hitta(malgrupp, { niva: "forbund", kod: "falun-borlange", manad: "2024-03", kon: "alla", matt: "saknar_inkomst" }).antal).toBe("2883");
  });

  it("kvinnor + män = alla, for both measures and kommuner", () => {
    for (const kod of ["2080", "2081"]) {
      for (const matt of ["utanfor_arbetsmarknaden", "saknar_inkomst"]) {
        expect(Number(rad(kod, matt, "kvinnor").antal) + Number(rad(kod, matt, "man").antal)).toBe(Number(rad(kod, matt).antal));
      }
    }
  });

  it("the March trend runs 2020-2025 (2020-2022 built from age groups) and each output stays small", () => {
    const manader = new Set(malgrupp.filter((r) => r.kod === "2080").map((r) => r.manad));
    for (const ar of [2020, 2021, 2022, 2023, 2024, 2025]) expect(manader.has(`${ar}-03`), String(ar)).toBe(true);
    for (const namn of ["arbetsmarknadsstatus.csv", "inkomstkalla.csv", "inkomstniva.csv", "malgrupp.csv"]) {
      expect(csvUtdata(resultat, namn)!.length, namn).toBeLessThan(3_000_000);
    }
  });
});
