// Output tables: the schema is enforced, the CSV writer quotes and formats as d3-dsv did (numbers
// unrounded, empty for missing), and a Parquet file reads back to exactly the same CSV.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvFormatRows } from "d3-dsv";
import { afterAll, describe, expect, it } from "vitest";
import { csvText, formatNumber } from "../loaders/publish/csv.ts";
import { lasParquet, skrivParquet } from "../loaders/publish/parquet.ts";
import { rader, schema, tabellFranRader } from "../loaders/publish/schema.ts";
import { skrivCsvFil } from "../loaders/publish/utkatalog.ts";

const tmp = mkdtempSync(join(tmpdir(), "finsam-utdata-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PROV = schema({
  namn: "prov",
  beskrivning: "kanter",
  kolumner: [
    { namn: "kod", typ: "text", beskrivning: "" },
    { namn: "namn", typ: "text", saknas: true, beskrivning: "" },
    { namn: "varde", typ: "tal", saknas: true, beskrivning: "" },
    { namn: "antal", typ: "heltal", beskrivning: "" },
  ],
});

const KANTER = [
  { kod: "0180", namn: "Stockholm", varde: 1 / 3, antal: 0 },
  { kod: "2080", namn: 'Falun, "norra"', varde: -0, antal: -5 },
  { kod: "00", namn: "rad\nbrytning", varde: 1e-7, antal: 2_000_000_000 },
  { kod: "x", namn: null, varde: null, antal: 1 },
  { kod: "ÅÄÖ – é", namn: "", varde: 1.2e21, antal: 7 },
  { kod: "cr\r", namn: "komma,", varde: 3360.3333333333335, antal: 8 },
];

describe("an output table", () => {
  it("takes only the schema's types, and missing values only where the schema allows them", () => {
    expect(() => tabellFranRader(PROV, [{ kod: 180, namn: null, varde: 1, antal: 1 }])).toThrow(/kod/);
    expect(() => tabellFranRader(PROV, [{ kod: "a", namn: null, varde: Number.NaN, antal: 1 }])).toThrow(/varde/);
    expect(() => tabellFranRader(PROV, [{ kod: "a", namn: null, varde: 1, antal: 1.5 }])).toThrow(/antal/);
    expect(() => tabellFranRader(PROV, [{ kod: "a", namn: null, varde: 1, antal: null }])).toThrow(/antal/);
    expect(() => tabellFranRader(PROV, [{ kod: "a", namn: null, varde: 1 }])).toThrow(/antal/);
  });

  it("is written as CSV exactly as d3-dsv writes the same rows (quoting, -0 as 0, shortest exact numbers)", () => {
    const t = tabellFranRader(PROV, KANTER);
    const forvantat = csvFormatRows([
      ["kod", "namn", "varde", "antal"],
      ...KANTER.map((r) => [r.kod, r.namn ?? "", r.varde === null ? "" : formatNumber(r.varde), String(r.antal)]),
    ]) + "\n";
    expect(csvText(t)).toBe(forvantat);
    expect(csvText(t)).toContain('"Falun, ""norra"""');
    expect(csvText(t).split("\n")[2]).toBe('2080,"Falun, ""norra""",0,-5');
  });

  it("streams to a file in chunks with the same bytes", async () => {
    const t = tabellFranRader(PROV, Array.from({ length: 60_000 }, (_, i) => ({ kod: String(i), namn: `namn ${i % 7}`, varde: i / 7, antal: i })));
    const fil = join(tmp, "stor.csv");
    await skrivCsvFil(t, fil);
    expect(readFileSync(fil, "utf8")).toBe(csvText(t));
  });

  it("reads back from Parquet with the same values, nulls and order", async () => {
    const t = tabellFranRader(PROV, KANTER);
    const fil = join(tmp, "prov.parquet");
    skrivParquet(t, fil);
    const tillbaka = await lasParquet(PROV, fil);
    expect(csvText(tillbaka)).toBe(csvText(t));
    expect(rader(tillbaka).map((r) => r.namn)).toEqual(["Stockholm", 'Falun, "norra"', "rad\nbrytning", null, null, "komma,"]);
    expect(Object.is(rader(tillbaka)[1]!.varde, -0) || rader(tillbaka)[1]!.varde === 0).toBe(true);
  });

  it("an empty table is its header in CSV and zero rows in Parquet", async () => {
    const t = tabellFranRader(PROV, []);
    expect(csvText(t)).toBe("kod,namn,varde,antal\n");
    const fil = join(tmp, "tom.parquet");
    skrivParquet(t, fil);
    expect((await lasParquet(PROV, fil)).tabell.numRows()).toBe(0);
  });
});
