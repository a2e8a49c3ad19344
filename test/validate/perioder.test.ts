/**
 * Data-quality warnings named in issue 5: a total that is not the sum of its parts, a kommun
 * missing a month, a gap in the months, participants without kön. Each is a warning with a
 * stable rule id, named by file, line and column.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readPxWeb } from "../../loaders/read/pxweb.ts";
import { lasScbTabell, type ScbSpec } from "../../loaders/normalise/scbtabell.ts";
import { regionreferens } from "../../loaders/normalise/region.ts";
import { readDeltagare } from "../../loaders/normalise/deltagare.ts";
import { tolkaKon, KON_FORVANTAT } from "../../loaders/normalise/kon.ts";
import { labelKey } from "../../loaders/normalise/labels.ts";
import { hamtaNyckel } from "../../loaders/reference/nyckel.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { kontrolleraPerioder, nastaPeriod } from "../../loaders/validate/perioder.ts";
import { AVESTA, BORLANGE, FALUN, indelning, normalise } from "../helpers/he.ts";
import { utf8 } from "../helpers/scb.ts";

const IND = indelning([FALUN, BORLANGE, AVESTA], []);
const KOMMUNER = IND.kommuner;
const plats = (f: { rad?: number; kolumn?: number; falt?: string; varde?: string; regel: string; allvar: string }) =>
  ({ rad: f.rad, kolumn: f.kolumn, falt: f.falt, varde: f.varde, regel: f.regel, allvar: f.allvar });

const STATUS = new Map([["sysselsatta", "sysselsatta"], ["arbetslosa", "arbetslosa"], ["totalt", "totalt"]]);
const SPEC: ScbSpec = {
  regel: "prov",
  tabell: "provtabellen",
  dimensioner: [
    { namn: "kon", visningsnamn: "kön", rubriker: ["kon"], tolka: tolkaKon, forvantat: KON_FORVANTAT },
    { namn: "status", visningsnamn: "status", rubriker: ["arbetsmarknadsstatus"], forvantat: "en status", franInnehall: true, tolka: (l) => STATUS.get(labelKey(l)) },
  ],
  innehall: () => true,
  tid: "manad",
  harled: [
    { dimension: "kon", total: "alla", delar: ["kvinnor", "man"] },
    { dimension: "status", total: "totalt", delar: ["sysselsatta", "arbetslosa"] },
  ],
};

function scb(text: string) {
  const findings = new Findings();
  const t = readPxWeb(utf8(text), "bas.csv", findings);
  const data = t ? lasScbTabell(t, SPEC, regionreferens(KOMMUNER), findings) : undefined;
  return { data, findings };
}

describe("a total that is not the sum of its parts", () => {
  it("helårsekvivalenter: he.summa names the total's line and column", () => {
    const text = [
      '"region";"kön";"ålder";"tabellinnehåll";"2024M01"',
      '"2080 Falun";"kvinnor";"20-64 år";"Sjukpenning";5',
      '"2080 Falun";"män";"20-64 år";"Sjukpenning";4',
      '"2080 Falun";"män och kvinnor totalt";"20-64 år";"Sjukpenning";10',
    ].join("\n");
    const { findings } = normalise(text, IND);
    expect(findings.warnings.map(plats)).toEqual([{ rad: 4, kolumn: 5, falt: "2024M01", varde: "10", regel: "he.summa", allvar: "varning" }]);
  });

  it("BAS and population (the SCB count-table reader): kön totalt and status totalt", () => {
    const { data, findings } = scb([
      '"region";"kön";"tabellinnehåll";"2024M01";"2024M02"',
      '"2080 Falun";"kvinnor";"Sysselsatta";10;10',
      '"2080 Falun";"män";"Sysselsatta";11;11',
      '"2080 Falun";"totalt";"Sysselsatta";21;22',
      '"2080 Falun";"kvinnor";"Arbetslösa";1;1',
      '"2080 Falun";"kvinnor";"Totalt";11;12',
    ].join("\n"));
    expect(data).toBeDefined();
    expect(findings.warnings.map(plats)).toEqual([
      { rad: 4, kolumn: 5, falt: "2024M02", varde: "22", regel: "prov.summa", allvar: "varning" },
      { rad: 6, kolumn: 5, falt: "2024M02", varde: "12", regel: "prov.summa", allvar: "varning" },
    ]);
    expect(findings.warnings[0]!.meddelande).toContain("kon alla är 22, men summan av kvinnor, man är 21");
  });

  it("a total whose parts are missing or not all in the file is not checked", () => {
    const { findings } = scb([
      '"region";"kön";"tabellinnehåll";"2024M01"',
      '"2080 Falun";"kvinnor";"Sysselsatta";..',
      '"2080 Falun";"män";"Sysselsatta";11',
      '"2080 Falun";"totalt";"Sysselsatta";99',
      '"2080 Falun";"kvinnor";"Totalt";50',
    ].join("\n"));
    expect(findings.warnings.map((f) => f.regel)).toEqual(["prov.saknas"]);
  });
});

describe("a kommun missing a month", () => {
  it("helårsekvivalenter (long table): the kommun's first row, with the months it lacks", () => {
    const text = [
      '"region";"kön";"ålder";"tabellinnehåll";"månad";"värde"',
      '"2080 Falun";"män";"20-64 år";"Sjukpenning";"2024M01";5',
      '"2080 Falun";"män";"20-64 år";"Sjukpenning";"2024M02";5',
      '"2081 Borlänge";"män";"20-64 år";"Sjukpenning";"2024M01";4',
    ].join("\n");
    const { data, findings } = normalise(text, IND);
    expect(data).toBeDefined();
    const w = findings.warnings.filter((f) => f.regel === "he.kommun_saknar_period");
    expect(w.map(plats)).toEqual([{ rad: 4, kolumn: 1, falt: "region", varde: "2081 Borlänge", regel: "he.kommun_saknar_period", allvar: "varning" }]);
    expect(w[0]!.meddelande).toMatch(/^kommun 2081 saknar 2024-02 som filen har för andra kommuner/);
  });

  it("BAS and population: the same rule under the table's prefix", () => {
    const { findings } = scb([
      '"region";"kön";"tabellinnehåll";"tid";"värde"',
      '"2080 Falun";"män";"Sysselsatta";"2024M01";5',
      '"2080 Falun";"män";"Sysselsatta";"2024M02";5',
      '"2084 Avesta";"män";"Sysselsatta";"2024M02";4',
    ].join("\n"));
    expect(findings.warnings.map(plats)).toEqual([{ rad: 4, kolumn: 1, falt: "region", varde: "2084 Avesta", regel: "prov.kommun_saknar_period", allvar: "varning" }]);
  });

  it("a missing value ('..') is not a missing month", () => {
    const text = ['"region";"kön";"ålder";"tabellinnehåll";"2024M01";"2024M02"', '"2080 Falun";"män";"20-64 år";"Sjukpenning";5;..', '"2081 Borlänge";"män";"20-64 år";"Sjukpenning";4;4'].join("\n");
    expect(normalise(text, IND).findings.warnings.map((f) => f.regel)).toEqual(["he.saknas"]);
  });
});

describe("a gap in the months", () => {
  it("helårsekvivalenter: he.periodlucka names the column after the gap", () => {
    const text = ['"region";"kön";"ålder";"tabellinnehåll";"2024M01";"2024M02";"2024M05"', '"2080 Falun";"män";"20-64 år";"Sjukpenning";5;5;5'].join("\n");
    const w = normalise(text, IND).findings.warnings;
    expect(w.map(plats)).toEqual([{ rad: 2, kolumn: 7, falt: "2024M05", varde: undefined, regel: "he.periodlucka", allvar: "varning" }]);
    expect(w[0]!.meddelande).toContain("filen saknar 2024-03, 2024-04 mellan 2024-02 och 2024-05");
  });

  it("BAS one month a year (a common download) is not a gap", () => {
    const { findings } = scb(['"region";"kön";"tabellinnehåll";"2023M03";"2024M03"', '"2080 Falun";"män";"Sysselsatta";5;5'].join("\n"));
    expect(findings.all.filter((f) => !f.regel.endsWith(".inlast"))).toEqual([]);
  });

  it("counts months and years across year ends; caps the findings per rule", () => {
    expect(nastaPeriod("2024-12")).toBe("2025-01");
    expect(nastaPeriod("2024-09")).toBe("2024-10");
    expect(nastaPeriod("2024")).toBe("2025");
    const kommuner = new Map(Array.from({ length: 30 }, (_, i) => [String(1000 + i), { plats: { rad: i + 2 }, varde: String(1000 + i), perioder: new Set(i === 0 ? ["2024-01", "2024-02"] : ["2024-01"]) }]));
    const findings = new Findings();
    kontrolleraPerioder({ fil: "f.csv", regel: "x", kommuner, perioder: new Map([["2024-01", { rad: 1 }], ["2024-02", { rad: 1 }]]), lucka: true }, findings);
    expect(findings.all).toHaveLength(26);
    expect(findings.all.at(-1)).toMatchObject({ regel: "x.kommun_saknar_period", allvar: "varning", meddelande: "ytterligare 4 fynd av samma slag visas inte" });
  });
});

describe("participants without kön", () => {
  const dir = mkdtempSync(join(tmpdir(), "finsam-kon-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("deltagare.kon_saknas names the line and the kön column", () => {
    const findings = new Findings();
    const rows = readDeltagare(utf8("id;insats;kön;startdatum\nA;T;K;2024-01-01\nB;T;;2024-02-01\n"), "deltagare.csv", () => hamtaNyckel({ FINSAM_NYCKEL: join(dir, "nyckel") }), findings);
    expect(rows).toHaveLength(2);
    expect(findings.all.map(plats)).toEqual([{ rad: 3, kolumn: 3, falt: "kön", varde: undefined, regel: "deltagare.kon_saknas", allvar: "varning" }]);
  });
});
