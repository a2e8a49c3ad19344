import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPxWeb, type PxObservation } from "../../loaders/read/pxweb.ts";
import { Tallasare } from "../../loaders/read/tal.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { referens } from "../helpers/referens.ts";
import { crlf, latin1, utf8 } from "../helpers/scb.ts";

const REFERENCE = referens("scb-exempel");

function read(bytes: Uint8Array) {
  const findings = new Findings();
  const table = readPxWeb(bytes, "test.csv", findings);
  const observations: PxObservation[] = [];
  table?.forEach((o) => observations.push(o));
  return { table, observations, findings };
}

describe("real SCB downloads in test/fixtures/referens/scb-exempel", () => {
  // What each file is, read off the file by hand: stub columns, time columns, data rows.
  const expected: Record<string, { delimiter: string; stub: string[]; times: number; first: string; rows: number }> = {
    "MikaelLundqvist__0000002T_2.csv": { delimiter: ",", stub: ["region", "occuptional  (SSYK 2012)", "sex"], times: 5, first: "2014", rows: 16 },
    "MikaelLundqvist__000000CG_1.csv": { delimiter: ",", stub: ["region", "sektor", "yrkesgrupper (SSYK 2012)", "kön"], times: 1, first: "2017", rows: 8 },
    "MikaelLundqvist__AM0110D2.csv": { delimiter: ",", stub: ["utbildningsgrupp SUN 2000", "kön"], times: 14, first: "2004", rows: 5 },
    "MikaelLundqvist__AM0112C1.csv": { delimiter: ",", stub: ["Utbildningsnivå SUN 2000", "kön"], times: 25, first: "1991", rows: 12 },
    "MikaelLundqvist__UF0506A1.csv": { delimiter: ",", stub: ["region", "ålder", "utbildningsnivå", "kön"], times: 1, first: "2017", rows: 336 },
    "grocid__BE0101N1.csv": { delimiter: ";", stub: ["ålder"], times: 48, first: "1968", rows: 1 },
  };
  const files = readdirSync(REFERENCE).filter((f) => f.endsWith(".csv"));

  it("covers every file in the folder", () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const file of files) {
    it(`${file} reads as a wide table with its stub, times and every value`, () => {
      const bytes = readFileSync(new URL(file, REFERENCE));
      const { table, observations, findings } = read(bytes);
      const e = expected[file]!;
      expect(findings.errors).toEqual([]);
      expect(table).toMatchObject({ encoding: "windows-1252", delimiter: e.delimiter, layout: "bred", stubNames: e.stub, rowCount: e.rows });
      expect(table!.times).toHaveLength(e.times);
      expect(table!.times[0]).toBe(e.first);
      expect(observations).toHaveLength(e.rows * e.times);
      // Every value is a number or SCB's `..`; the count of `..` matches the raw file.
      const raw = bytes.toString("latin1");
      const dots = raw.split(/[,;\r\n]/).filter((f) => f === "..").length;
      const tal = new Tallasare();
      const cells = observations.map((o) => (tal.las(o.cell) ? "tal" : tal.symbol > 1 ? "saknas" : "ogiltig"));
      expect(cells.filter((c) => c === "ogiltig")).toEqual([]);
      expect(cells.filter((c) => c === "saknas")).toHaveLength(dots);
    });
  }

  it("keeps Swedish letters from ISO-8859-1 and locates each value", () => {
    const { observations } = read(readFileSync(new URL("MikaelLundqvist__UF0506A1.csv", REFERENCE)));
    expect(observations[0]).toEqual({
      stub: ["01 Stockholms län", "totalt 16-74 år", "förgymnasial utbildning kortare än 9 år", "män"],
      innehall: undefined, innehallKolumn: 5, tid: "2017", cell: "25559", line: 2, column: 5, columnName: "2017",
    });
  });

  it("reads the population table with semicolons and CRLF to its last value", () => {
    const { observations } = read(readFileSync(new URL("grocid__BE0101N1.csv", REFERENCE)));
    expect(observations.at(-1)).toMatchObject({ stub: ["totalt ålder"], tid: "2015", cell: "9851017", line: 2, column: 49 });
  });
});

describe("layouts of a helårsekvivalenter download", () => {
  /** The same four values, as (region, kön, innehåll, tid, värde). */
  const canonical = [
    ["2080 Falun", "män", "Sjukpenning", "2024M01", "400"],
    ["2080 Falun", "män", "Sjukpenning", "2024M02", "410"],
    ["2080 Falun", "män", "Summa helårsekvivalenter", "2024M01", "1500"],
    ["2080 Falun", "män", "Summa helårsekvivalenter", "2024M02", ".."],
  ];
  const values = (obs: PxObservation[]) => obs.map((o) => [o.stub[0], o.stub[1], o.innehall, o.tid, o.cell.trim()]);

  it("wide by month with a tabellinnehåll column (Statistikdatabasen's download)", () => {
    const text = crlf(
      '"Helårsekvivalenter efter region, kön, tabellinnehåll och månad"',
      '"region";"kön";"tabellinnehåll";"2024M01";"2024M02"',
      '"2080 Falun";"män";"Sjukpenning";400;410',
      '"2080 Falun";"män";"Summa helårsekvivalenter";1500;..',
    );
    const { table, observations } = read(latin1(text));
    expect(table).toMatchObject({ layout: "bred", title: "Helårsekvivalenter efter region, kön, tabellinnehåll och månad", stubNames: ["region", "kön"] });
    expect(values(observations)).toEqual(canonical);
  });

  it("wide by content and month (the API's default CSV)", () => {
    const text = [
      '"region","kön","Sjukpenning 2024M01","Sjukpenning 2024M02","Summa helårsekvivalenter 2024M01","Summa helårsekvivalenter 2024M02"',
      '"2080 Falun","män",400,410,1500,..',
    ].join("\n");
    const { table, observations } = read(utf8(text));
    expect(table!.contents).toEqual(["Sjukpenning", "Summa helårsekvivalenter"]);
    expect(values(observations)).toEqual(canonical);
  });

  it("long with a month column and one value column per content", () => {
    const text = [
      "region\tkön\tmånad\tSjukpenning\tSumma helårsekvivalenter",
      "2080 Falun\tmän\t2024M01\t400\t1500",
      "2080 Falun\tmän\t2024M02\t410\t..",
    ].join("\n");
    const { table, observations } = read(utf8(text, { bom: true }));
    expect(table).toMatchObject({ layout: "lang", delimiter: "\t" });
    const sorted = values(observations).sort((a, b) => String(a[2]).localeCompare(String(b[2])) || String(a[3]).localeCompare(String(b[3])));
    expect(sorted).toEqual(canonical);
  });

  it("long with tabellinnehåll and a single value column", () => {
    const text = [
      '"region";"kön";"tabellinnehåll";"månad";"värde"',
      '"2080 Falun";"män";"Sjukpenning";"2024M01";400',
      '"2080 Falun";"män";"Sjukpenning";"2024M02";410',
      '"2080 Falun";"män";"Summa helårsekvivalenter";"2024M01";1500',
      '"2080 Falun";"män";"Summa helårsekvivalenter";"2024M02";..',
    ].join("\n");
    const { table, observations } = read(utf8(text));
    expect(table).toMatchObject({ layout: "lang", stubNames: ["region", "kön"] });
    expect(values(observations)).toEqual(canonical);
  });

  it("says so when there is no time dimension", () => {
    const { table, findings } = read(utf8('"region";"kön";"värde"\n"2080 Falun";"män";12\n'));
    expect(table).toBeUndefined();
    expect(findings.errors).toMatchObject([{ regel: "pxweb.tid", rad: 1 }]);
  });
});

describe("files that cannot be read give located errors", () => {
  const errors = (bytes: Uint8Array) => read(bytes).findings.errors.map((f) => ({ regel: f.regel, rad: f.rad, kolumn: f.kolumn }));

  it("an empty file, an xlsx renamed to .csv and binary junk name the line (and column)", () => {
    expect(errors(new Uint8Array())).toEqual([{ regel: "fil.tom", rad: 1, kolumn: undefined }]);
    expect(errors(Buffer.from("PK\u0003\u0004rest-of-zip", "latin1"))).toEqual([{ regel: "fil.xlsx", rad: 1, kolumn: 1 }]);
    expect(errors(Buffer.concat([latin1('"region";"2024M01"\n'), Buffer.from([0x22, 0, 0xff, 0])]))).toEqual([{ regel: "fil.binar", rad: 2, kolumn: 2 }]);
  });

  it("mixed and doubly encoded text, and a BOM inside the file", () => {
    expect(errors(Buffer.concat([latin1('"region";"kön";"2024M01"\n'), utf8('"2080 Falun";"män";12\n'), latin1('"2081 Borlänge";"män";13\n')]))).toEqual([{ regel: "fil.blandad_kodning", rad: 2, kolumn: 16 }]);
    expect(errors(Buffer.concat([latin1('"region";"2024M01"\n'), Buffer.from([0xef, 0xbb, 0xbf]), latin1('"region";"2024M01"\n')]))).toEqual([{ regel: "csv.bom_mitt_i_filen", rad: 2, kolumn: 1 }]);
    expect(errors(utf8('"region";"kÃ¶n";"2024M01"\n'))).toEqual([{ regel: "fil.dubbel_kodning", rad: 1, kolumn: 12 }]);
  });

  it("a line of more than 1 MB is rejected quickly, naming the line", () => {
    const r = read(Buffer.concat([latin1('"region";"2024M01"\n"2080 Falun";', { lastLineEnding: false }), Buffer.alloc(3 * 1024 * 1024, "1"), latin1("\n")]));
    expect(r.table).toBeUndefined();
    expect(r.findings.errors).toMatchObject([{ regel: "csv.rad_for_lang", rad: 2 }]);
  });
});

describe("the header", () => {
  it("is located on its own line after SCB's title", () => {
    const { table } = read(latin1(crlf('"Titel"', '"region";"kön";"2024M01"', '"2080 Falun";"män";1')));
    expect(table!.headerLine).toBe(2);
  });

  it("may not name a column twice (which one holds the month is a guess)", () => {
    const { findings } = read(latin1(crlf('"region";"kön";"2024M01";"2024M01"', '"2080 Falun";"män";1;2')));
    expect(findings.errors).toMatchObject([{ regel: "csv.dubbel_kolumn", rad: 1, kolumn: 4, falt: "2024M01" }]);
  });
});
