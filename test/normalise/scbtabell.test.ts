/**
 * The generic reader for SCB count tables (used by BAS and population): regions, labels,
 * missing values, derived totals and the errors a user's file can have.
 */
import { describe, expect, it } from "vitest";
import { readPxWeb } from "../../loaders/read/pxweb.ts";
import { lasScbTabell, type ScbSpec } from "../../loaders/normalise/scbtabell.ts";
import { regionreferens } from "../../loaders/normalise/region.ts";
import { cell } from "../../loaders/kub/kub.ts";
import { tolkaKon, KON_FORVANTAT } from "../../loaders/normalise/kon.ts";
import { parseAlder } from "../../loaders/normalise/alder.ts";
import { labelKey } from "../../loaders/normalise/labels.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { AVESTA, BORLANGE, FALUN } from "../helpers/he.ts";
import { utf8 } from "../helpers/scb.ts";

const KOMMUNER = new Map([FALUN, BORLANGE, AVESTA].map((k) => [k.kod, k]));
const STATUS = new Map([["sysselsatta", "sysselsatta"], ["antal sysselsatta", "sysselsatta"], ["arbetslosa", "arbetslosa"], ["totalt", "totalt"]]);

const SPEC: ScbSpec = {
  regel: "prov",
  tabell: "provtabellen",
  dimensioner: [
    { namn: "kon", visningsnamn: "kön", rubriker: ["kon"], tolka: tolkaKon, forvantat: KON_FORVANTAT },
    { namn: "alder", visningsnamn: "ålder", rubriker: ["alder"], tolka: parseAlder, forvantat: "en ålder", standard: "totalt" },
    {
      namn: "status", visningsnamn: "status", rubriker: ["arbetsmarknadsstatus"], forvantat: "en status", franInnehall: true,
      tolka: (l) => (labelKey(l).includes("procent") ? null : STATUS.get(labelKey(l))),
    },
  ],
  innehall: (l) => (labelKey(l) === "antal" ? true : labelKey(l).includes("procent") ? false : undefined),
  tid: "manad",
  harled: [{ dimension: "kon", total: "alla", delar: ["kvinnor", "man"] }],
};

function read(text: string, spec = SPEC) {
  const findings = new Findings();
  const t = readPxWeb(utf8(text), "bas.csv", findings);
  const data = t ? lasScbTabell(t, spec, regionreferens(KOMMUNER), findings) : undefined;
  const value = (kod: string, tid: string, kon: string, alder: string, status: string) => (data ? cell(data.kub, { kod, kon, alder, status }, tid) : undefined);
  return { data, findings, value, errors: findings.errors.map((f) => ({ rad: f.rad, kolumn: f.kolumn, regel: f.regel })) };
}

const HEAD = `"region";"kön";"ålder";"tabellinnehåll";"2024M02";"2024M03"`;

describe("reading", () => {
  it("reads status from the content label, keeps '..' as missing, passes over SCB's rates", () => {
    const { data, value, findings } = read([
      HEAD,
      `"2080 Falun";"kvinnor";"20-64 år";"Antal sysselsatta";12000;12010`,
      `"2080 Falun";"kvinnor";"20-64 år";"Arbetslösa";..;400`,
      `"2080 Falun";"kvinnor";"20-64 år";"Andel sysselsatta, procent";78.1;78.2`,
    ].join("\n"));
    expect(findings.errors).toEqual([]);
    expect(value("2080", "2024-03", "kvinnor", "20-64", "sysselsatta")).toBe(12010);
    expect(value("2080", "2024-02", "kvinnor", "20-64", "arbetslosa")).toBeNull();
    expect(data!.kub.ordbok[4]!.some((v) => v.includes("procent"))).toBe(false);
    expect(data!.kub.perioder).toEqual(["2024-02", "2024-03"]);
    expect(data!.inlasning.oanvandaTal).toEqual([{ antal: 2, varfor: 'tabellinnehållet "Andel sysselsatta, procent" används inte' }]);
  });

  it("reads status from its own column when the table has one, and defaults a missing age column to totalt", () => {
    const { value } = read(`"region";"kön";"arbetsmarknadsstatus";"tabellinnehåll";"2024M03"\n"20 Dalarnas län";"män";"sysselsatta";"Antal";5\n`);
    expect(value("20", "2024-03", "man", "totalt", "sysselsatta")).toBe(5);
  });

  it("derives kön alla = kvinnor + män when the file lacks it (missing when either is missing)", () => {
    const { value } = read([
      HEAD,
      `"2081 Borlänge";"kvinnor";"20-64 år";"Sysselsatta";10;..`,
      `"2081 Borlänge";"män";"20-64 år";"Sysselsatta";11;12`,
    ].join("\n"));
    expect(value("2081", "2024-02", "alla", "20-64", "sysselsatta")).toBe(21);
    expect(value("2081", "2024-03", "alla", "20-64", "sysselsatta")).toBeNull();
  });
});

describe("errors name line and column, and give no data", () => {
  const cases: [string, string, { rad: number; kolumn: number; regel: string }][] = [
    ["unknown kommun", `"2099 Okänd";"män";"20-64 år";"Sysselsatta";1;2`, { rad: 2, kolumn: 1, regel: "prov.region" }],
    ["unknown kön", `"2080 Falun";"okänt";"20-64 år";"Sysselsatta";1;2`, { rad: 2, kolumn: 2, regel: "prov.kon" }],
    ["unknown age", `"2080 Falun";"män";"vuxna";"Sysselsatta";1;2`, { rad: 2, kolumn: 3, regel: "prov.alder" }],
    ["decimal comma and point in one file", `"2080 Falun";"män";"20-64 år";"Sysselsatta";1,5;2.5`, { rad: 2, kolumn: 5, regel: "prov.tal" }],
    ["a word where a number is expected", `"2080 Falun";"män";"20-64 år";"Sysselsatta";tolv;2`, { rad: 2, kolumn: 5, regel: "prov.tal" }],
    ["a region name that matches no region", `"Faluun";"män";"20-64 år";"Sysselsatta";1;2`, { rad: 2, kolumn: 1, regel: "prov.region" }],
    ["negative count", `"2080 Falun";"män";"20-64 år";"Sysselsatta";-1;2`, { rad: 2, kolumn: 5, regel: "prov.negativ" }],
  ];
  it.each(cases)("%s", (_, line, expected) => {
    const r = read(`${HEAD}\n${line}\n`);
    expect(r.data).toBeUndefined();
    expect(r.errors).toEqual([expected]);
  });

  it("a duplicate row", () => {
    const line = `"2080 Falun";"män";"20-64 år";"Sysselsatta";1;2`;
    const r = read(`${HEAD}\n${line}\n${line}\n`);
    expect(r.errors[0]).toEqual({ rad: 3, kolumn: 5, regel: "prov.dubblett" });
  });

  it("a year where months are expected", () => {
    const r = read(`"region";"kön";"tabellinnehåll";"2024"\n"2080 Falun";"män";"Sysselsatta";1\n`);
    expect(r.errors).toEqual([{ rad: 2, kolumn: 4, regel: "prov.tid" }]);
  });

  it("a missing required dimension, and an unknown dimension with several values", () => {
    expect(read(`"region";"tabellinnehåll";"2024M03"\n"2080 Falun";"Sysselsatta";1\n`).errors).toEqual([{ rad: 1, kolumn: undefined, regel: "prov.dimension" }]);
    const r = read(`"region";"kön";"civilstånd";"tabellinnehåll";"2024M03"\n"2080 Falun";"män";"ogifta";"Sysselsatta";1\n"2080 Falun";"män";"gifta";"Sysselsatta";1\n`);
    expect(r.errors).toEqual([{ rad: 1, kolumn: 3, regel: "prov.okand_dimension" }]);
  });
});

it("reports at most 25 findings of one rule, then one line saying how many more there were", () => {
  const months = Array.from({ length: 30 }, (_, i) => `"${2020 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, "0")}"`);
  const text = `"region";"kön";"tabellinnehåll";${months.join(";")}\n"2080 Falun";"män";"Sysselsatta";${Array(30).fill(-1).join(";")}\n`;
  const { findings } = read(text);
  const negativ = findings.errors.filter((f) => f.regel === "prov.negativ");
  expect(negativ).toHaveLength(26);
  expect(negativ.at(-1)).toMatchObject({ meddelande: "ytterligare 5 fynd av samma slag visas inte", allvar: "fel" });
});
