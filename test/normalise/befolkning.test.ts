import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { normaliseBefolkning, type BefolkningData } from "../../loaders/normalise/befolkning.ts";
import { recognise } from "../../loaders/validate/recognise.ts";
import { runPipeline } from "../../loaders/pipeline.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { BORLANGE, FALUN, indelning } from "../helpers/he.ts";
import { crlf, latin1, utf8 } from "../helpers/scb.ts";
import { referens } from "../helpers/referens.ts";
import { regionreferens } from "../../loaders/normalise/region.ts";
import { cell } from "../../loaders/kub/kub.ts";

const IND = indelning([FALUN, BORLANGE], []);

function kind(bytes: Uint8Array): string {
  return recognise(bytes, "x.csv", new Findings()).kind;
}

function las(bytes: Uint8Array, fil = "bef.csv"): { data: BefolkningData | undefined; findings: Findings } {
  const findings = new Findings();
  const r = recognise(bytes, fil, findings);
  if (r.kind !== "befolkning" || !("table" in r) || !r.table) throw new Error(`not recognised as population: ${r.kind}`);
  const data = normaliseBefolkning(r.table, regionreferens(IND.kommuner), findings);
  return { data, findings };
}

const varde = (d: BefolkningData, kod: string, ar: string, kon: string, alder = "totalt") => cell(d.kub, { kod, kon, alder }, ar);

describe("which files are population tables (recognised by content)", () => {
  it("SCB's yearly table (BefolkningNy) and monthly table (BefolkManad)", () => {
    expect(kind(latin1(crlf('"Folkmängden efter region, civilstånd, ålder, kön och år"', '"region";"civilstånd";"ålder";"kön";"2024"', '"2080 Falun";"ogifta";"0 år";"män";300')))).toBe("befolkning");
    expect(kind(latin1(crlf('"region";"ålder";"kön";"tabellinnehåll";"2024M12"', '"2080 Falun";"totalt ålder";"kvinnor";"Folkmängd";29000')))).toBe("befolkning");
  });

  it("not the helårsekvivalenter file (its content also has Folkmängd) nor a BAS table (status)", () => {
    const he = crlf('"region";"kön";"ålder";"tabellinnehåll";"2024M01"', '"2080 Falun";"män";"20-64 år";"Sjukpenning";7', '"2080 Falun";"män";"20-64 år";"Folkmängd";100');
    expect(kind(latin1(he))).toBe("helarsekvivalenter");
    expect(kind(latin1(crlf('"region";"status";"ålder";"kön";"2024M03"', '"2080 Falun";"sysselsatta";"20-64 år";"män";100')))).not.toBe("befolkning");
    expect(kind(latin1(crlf('"region";"kön";"2024"', '"2080 Falun";"män";100')))).not.toBe("befolkning");
  });

  it("the real SCB download of riket by age (no region column: read as riket)", () => {
    const bytes = readFileSync(new URL("grocid__BE0101N1.csv", referens("scb-exempel")));
    const { data, findings } = las(bytes, "grocid__BE0101N1.csv");
    expect(findings.errors).toEqual([]);
    expect(findings.all.map((f) => f.regel)).toEqual(["befolkning.riket", "befolkning.inlast"]);
    expect(data!.kub.perioder).toHaveLength(48);
    expect(varde(data!, "00", "1968", "alla")).toBe(7931193);
    expect(varde(data!, "00", "2015", "alla")).toBe(9851017);
  });
});

describe("civilstånd", () => {
  const rubrik = '"region";"civilstånd";"ålder";"kön";"2024"';
  it("is summed over its values when the file has no total", () => {
    const { data } = las(utf8([rubrik, '"2080 Falun";"ogifta";"30 år";"män";10', '"2080 Falun";"gifta";"30 år";"män";20', '"2080 Falun";"skilda";"30 år";"män";3', '"2080 Falun";"änkor/änklingar";"30 år";"män";1'].join("\n")));
    expect(varde(data!, "2080", "2024", "man", "30")).toBe(10 + 20 + 3 + 1);
  });
  it("its total is used when present (with SCB's noise it need not equal the sum)", () => {
    const { data } = las(utf8([rubrik, '"2080 Falun";"totalt";"30 år";"män";35', '"2080 Falun";"ogifta";"30 år";"män";10', '"2080 Falun";"gifta";"30 år";"män";20', '"2080 Falun";"skilda";"30 år";"män";3'].join("\n")));
    expect(varde(data!, "2080", "2024", "man", "30")).toBe(35);
  });
});

describe("kön", () => {
  it("alla = kvinnor + män when the file has no total; SCB's total when it has", () => {
    const a = las(utf8('"region";"ålder";"kön";"2024"\n"2080 Falun";"totalt ålder";"män";10\n"2080 Falun";"totalt ålder";"kvinnor";12')).data!;
    expect(varde(a, "2080", "2024", "alla")).toBe(22);
    const b = las(utf8('"region";"ålder";"kön";"2024"\n"2080 Falun";"totalt ålder";"män";10\n"2080 Falun";"totalt ålder";"kvinnor";12\n"2080 Falun";"totalt ålder";"totalt";23')).data!;
    expect(varde(b, "2080", "2024", "alla")).toBe(23);
  });
});

describe("monthly tables: a year's population is December's", () => {
  const text = [
    '"region";"ålder";"kön";"tabellinnehåll";"2023M11";"2023M12";"2024M01";"2024M06"',
    '"2080 Falun";"totalt ålder";"män";"Folkmängd";100;101;102;103',
  ].join("\n");

  it("2023 = December 2023; 2024 has no December: no value and an info finding", () => {
    const { data, findings } = las(utf8(text));
    expect(data!.manadstabell).toBe(true);
    expect(data!.kub.perioder).toEqual(["2023"]);
    expect(varde(data!, "2080", "2023", "man")).toBe(101);
    expect(findings.errors).toEqual([]);
    expect(findings.all.find((f) => f.regel === "befolkning.december")).toMatchObject({ allvar: "info" });
    expect(findings.all.find((f) => f.regel === "befolkning.december")!.meddelande).toContain("2024");
  });
});

describe("age labels as SCB writes them", () => {
  it("single years, 100+, groups, -4 and totalt ålder", () => {
    const rader = ["0 år", "1 år", "100+ år", "0-4 år", "-4 år", "65+ år", "20–64 år", "totalt ålder"];
    const { data } = las(utf8(['"region";"ålder";"kön";"2024"', ...rader.filter((r) => r !== "-4 år").map((a, i) => `"2080 Falun";"${a}";"män";${i + 1}`)].join("\n")));
    expect([...data!.kub.ordbok[3]!].sort()).toEqual(["0", "0-4", "1", "100+", "20-64", "65+", "totalt"]);
    expect(varde(las(utf8('"region";"ålder";"kön";"2024"\n"2080 Falun";"-4 år";"män";5')).data!, "2080", "2024", "man", "0-4")).toBe(5);
  });
});

describe("malformed population files: an error naming file, line and column; nothing is written", () => {
  const dir = mkdtempSync(join(tmpdir(), "befolkning-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fall: [string, string, string, number, number][] = [
    // [name, data line (line 3, after title and header), rule, line, column]
    ["okand_alder", '"2080 Falun";"ålder okänd";"män";5', "befolkning.alder", 3, 2],
    ["felaktigt_ar", '"2080 Falun";"totalt ålder";"män";5;6', "befolkning.tid", 3, 5],
    ["decimalkomma_och_punkt", '"2080 Falun";"totalt ålder";"män";12,5\r\n"2080 Falun";"totalt ålder";"kvinnor";12.5\r\n"2081 Borlänge";"totalt ålder";"kvinnor";13.5', "befolkning.tal", 3, 4],
    ["ord", '"2080 Falun";"totalt ålder";"män";tolv', "befolkning.tal", 3, 4],
    ["negativ", '"2080 Falun";"totalt ålder";"män";-5', "befolkning.negativ", 3, 4],
    ["okand_kommun", '"2099 Okänd";"totalt ålder";"män";5', "befolkning.region", 3, 1],
    ["dubblett", '"2080 Falun";"totalt ålder";"män";5\r\n"2080 Falun";"totalt ålder";"män";6', "befolkning.dubblett", 4, 4],
  ];
  for (const [namn, rad, regel, line, kolumn] of fall) {
    it(namn, async () => {
      const sub = join(dir, namn);
      const fil = join(sub, `BE0101N1_${namn}.csv`);
      const rubrik = namn === "felaktigt_ar" ? '"region";"ålder";"kön";"2024";"2024M13"' : '"region";"ålder";"kön";"2024"';
      mkdirSync(sub);
      writeFileSync(fil, latin1(crlf('"Folkmängden efter region, ålder, kön och år"', rubrik, rad)));
      const res = await runPipeline(sub);
      expect(res.outputs).toBeUndefined();
      expect(res.findings.errors).toMatchObject([{ fil, regel, rad: line, kolumn }]);
      expect(res.findings.errors[0]!.meddelande.length).toBeGreaterThan(10);
      expect(res.findings.errors[0]!.message.length).toBeGreaterThan(5);
    });
  }
});
