/**
 * The writers' warming (loaders/publish/forvarmning.js): its made-up tables take the writers'
 * paths and leave nothing behind. Whether V8 then compiles the writers fewer times is measured,
 * not tested (docs/prestanda.md, "Kompileringen").
 */
import { describe, expect, it } from "vitest";
import { csvBitar } from "../loaders/publish/csvrader.js";
import { forvarmCsv, forvarmParquet, forvarmningstabell } from "../loaders/publish/forvarmning.js";

describe("forvarmning", () => {
  it("the made-up table holds every kind of number the writers meet, and is written as String(v) would", () => {
    const t = forvarmningstabell(300);
    const text = Buffer.concat([...csvBitar(t)]).toString("utf8");
    const rader = text.split("\n");
    expect(rader[0]).toBe("niva,kod,namn,period,varde,folkmangd,andel");
    expect(rader).toHaveLength(302);
    const varde = rader.slice(1, -1).map((r) => r.split(",").at(-3)!);
    for (const s of ["-5", "2147483648", "98765432101234", "0.000001234", "5e-7", "1e+21", "1500000000000000", "-0.0625", "0.02819772760367855", ""]) expect(varde).toContain(s);
    // And the two that take the shortest-number writer's rare steps (a borrow and a carry between its halves).
    for (const s of ["13.264", "0.00975390625"]) expect(varde).toContain(s);
    // -0 is written 0, as everywhere in the CSV files.
    expect(varde).not.toContain("-0");
  });

  it("the Parquet warming writes its table in memory as a file that reads back to the same values", async () => {
    const bytes = await forvarmParquet();
    const { parquetReadObjects } = await import("hyparquet");
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const rader = await parquetReadObjects({ file: buffer });
    // Two row groups: the first of 1 000 rows, then the rest.
    const n = rader.length;
    expect(n).toBeGreaterThan(1000);
    const t = forvarmningstabell(n);
    const text = (k: number, i: number) => {
      const d = t.data[k]!;
      if (d.slag !== "ordbok") throw new Error(`kolumn ${k} är ingen ordbokskolumn`);
      const nyckel = d.rader[i]!;
      return d.ordbok[d.nyckel ? d.nyckel[nyckel]! : nyckel];
    };
    const tal = (k: number, i: number) => {
      const d = t.data[k]!;
      if (d.slag !== "tal") throw new Error(`kolumn ${k} är ingen talkolumn`);
      const v = d.tal[i]!;
      return Number.isNaN(v) ? null : v;
    };
    for (const i of [0, 1, 999, 1000, n - 1]) {
      expect(rader[i]).toEqual({ niva: text(0, i), kod: text(1, i), namn: text(2, i), period: text(3, i), varde: tal(4, i), folkmangd: tal(5, i), andel: tal(6, i) });
    }
    // The CSV warming runs through its table (a made-up table that no longer fits the writer fails here).
    expect(() => forvarmCsv()).not.toThrow();
  });

  it("warms with the tables as the writer thread receives them (structured clone): the same bytes", async () => {
    expect(() => forvarmCsv(true)).not.toThrow();
    expect(Buffer.from(await forvarmParquet(true)).equals(Buffer.from(await forvarmParquet()))).toBe(true);
    const t = forvarmningstabell(200);
    const klon = structuredClone(t);
    expect(Buffer.concat([...csvBitar(klon)]).equals(Buffer.concat([...csvBitar(t)]))).toBe(true);
  });
});
