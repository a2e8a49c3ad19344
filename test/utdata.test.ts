// Output tables: the schema is enforced, the CSV writer quotes and formats as d3-dsv did (numbers
// unrounded, empty for missing), and a Parquet file reads back to exactly the same CSV.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvFormatRows } from "d3-dsv";
import { afterAll, describe, expect, it, vi } from "vitest";
import { csvText, formatNumber } from "../loaders/publish/csv.ts";
import * as aq from "arquero";
import { asyncBufferFromFile, parquetMetadataAsync } from "hyparquet";
import { Ordbokskolumn } from "../loaders/kub/ordbokskolumn.ts";
import { lasParquet, skrivParquet } from "../loaders/publish/parquet.ts";
import { rader, schema, tabelldata, tabellFranArquero, tabellFranRader } from "../loaders/publish/schema.ts";
import { Skrivtrad } from "../loaders/publish/skrivtrad.ts";
import { aterlamnaBit, csvBitar } from "../loaders/publish/csvrader.js";
import { Forhandsskrivning, skrivDeladCsv, writeOutputs } from "../loaders/publish/utkatalog.ts";

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
    const trad = new Skrivtrad();
    try {
      await skrivDeladCsv(trad, tabelldata(t), fil);
    } finally {
      await trad.stang();
    }
    expect(readFileSync(fil, "utf8")).toBe(csvText(t));
  });

  it("a chunk given back after it is written holds a later chunk, and the bytes are the same", () => {
    const t = tabellFranRader(PROV, Array.from({ length: 60_000 }, (_, i) => ({ kod: String(i), namn: `namn ${i % 7}`, varde: i / 7, antal: i })));
    const data = tabelldata(t);
    const kopior: Buffer[] = [];
    const minnen = new Set<ArrayBufferLike>();
    let antal = 0;
    for (const b of csvBitar(data)) {
      kopior.push(Buffer.from(b));
      minnen.add(b.buffer);
      antal++;
      aterlamnaBit(b);
    }
    expect(antal).toBeGreaterThan(2);
    expect(minnen.size).toBeLessThan(antal);
    expect(Buffer.concat(kopior).toString("utf8")).toBe(csvText(t));
    // Chunks nobody gives back are never reused: each is its own memory.
    const behallna = [...csvBitar(data)];
    expect(new Set(behallna.map((b) => b.buffer)).size).toBe(behallna.length);
    expect(Buffer.concat(behallna).toString("utf8")).toBe(csvText(t));
  });

  it("reads back from Parquet with the same values, nulls and order", async () => {
    const t = tabellFranRader(PROV, KANTER);
    const fil = join(tmp, "prov.parquet");
    await skrivParquet(t, fil);
    const tillbaka = await lasParquet(PROV, fil);
    expect(csvText(tillbaka)).toBe(csvText(t));
    expect(rader(tillbaka).map((r) => r.namn)).toEqual(["Stockholm", 'Falun, "norra"', "rad\nbrytning", null, null, "komma,"]);
    expect(Object.is(rader(tillbaka)[1]!.varde, -0) || rader(tillbaka)[1]!.varde === 0).toBe(true);
  });

  it("Parquet: text columns dictionary-encoded, tal (DOUBLE) columns PLAIN (no dictionary to build for a million numbers)", async () => {
    // Two values repeated over 200 rows: a dictionary would halve every column, so without the
    // PLAIN setting hyparquet-writer would choose one for varde too.
    const t = tabellFranRader(PROV, Array.from({ length: 200 }, (_, i) => ({ kod: String(i % 2), namn: i % 2 ? "Falun" : "Borlänge", varde: i % 2 ? 0.5 : 0.25, antal: i % 2 })));
    const fil = join(tmp, "kodning.parquet");
    await skrivParquet(t, fil);
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(fil));
    const kodning = Object.fromEntries(metadata.row_groups[0]!.columns.map((c) => [c.meta_data!.path_in_schema.join("."), c.meta_data!.encodings]));
    expect(kodning.namn).toContain("RLE_DICTIONARY");
    expect(kodning.varde).not.toContain("RLE_DICTIONARY");
    expect(kodning.antal).toContain("RLE_DICTIONARY");
    expect(csvText(await lasParquet(PROV, fil))).toBe(csvText(t));
  });

  it("an empty table is its header in CSV and zero rows in Parquet", async () => {
    const t = tabellFranRader(PROV, []);
    expect(csvText(t)).toBe("kod,namn,varde,antal\n");
    const fil = join(tmp, "tom.parquet");
    await skrivParquet(t, fil);
    expect((await lasParquet(PROV, fil)).tabell.numRows()).toBe(0);
  });
});

describe("the cube's columns (dictionary columns and Float64Array on shared memory)", () => {
  const KUB = schema({
    namn: "kubprov",
    beskrivning: "kubens kolumner",
    kolumner: [
      { namn: "kod", typ: "text", beskrivning: "" },
      { namn: "period", typ: "text", beskrivning: "" },
      { namn: "varde", typ: "tal", saknas: true, beskrivning: "" },
    ],
  });
  // Six rows: series 0, 1, 2 (codes via a key per series) by periods 0 and 1.
  const rader6 = (a: number[]) => Int32Array.from(a);
  const serie = rader6([0, 1, 2, 0, 1, 2]);
  const period = rader6([0, 0, 0, 1, 1, 1]);
  const varde = new Float64Array(new SharedArrayBuffer(6 * 8));
  varde.set([1 / 3, Number.NaN, 7, -0, 2.5e-9, 1204875]);
  const kubtabell = () =>
    aq.table({
      kod: new Ordbokskolumn(serie, Int32Array.from([1, 0, 2]), ["0180", "2080", 'Ö, "x"']),
      period: new Ordbokskolumn(period, undefined, ["2025-01", "2025-02"]),
      varde,
    });
  const somRader = [
    { kod: "2080", period: "2025-01", varde: 1 / 3 },
    { kod: "0180", period: "2025-01", varde: null },
    { kod: 'Ö, "x"', period: "2025-01", varde: 7 },
    { kod: "2080", period: "2025-02", varde: 0 },
    { kod: "0180", period: "2025-02", varde: 2.5e-9 },
    { kod: 'Ö, "x"', period: "2025-02", varde: 1204875 },
  ];

  it("is written as CSV with the same bytes as the same rows as objects, in the table's order", () => {
    const t = tabellFranArquero(KUB, kubtabell());
    expect(csvText(t)).toBe(csvText(tabellFranRader(KUB, somRader)));
    const ordnad = tabellFranArquero(KUB, kubtabell().filter((d: { varde: number }) => d.varde === d.varde).orderby(aq.desc("varde")));
    const forvantat = somRader.filter((r) => r.varde !== null).sort((a, b) => b.varde! - a.varde!);
    expect(csvText(ordnad)).toBe(csvText(tabellFranRader(KUB, forvantat)));
  });

  it("copies the leading dictionary fields a row shares with the previous row, with the same bytes as the rows as objects, over chunk boundaries", () => {
    // 60 000 rows of about 100 bytes: several chunks of a megabyte. Sorted by niva, kod, period,
    // so most rows repeat the previous row's first fields (copied), some only the first one or
    // two, and at a chunk boundary none. The second table has a plain array column as well (a
    // field of unknown width), which makes room field by field (the writer before this test
    // wrote past the end of a chunk there).
    const LANG = schema({
      namn: "langprov",
      beskrivning: "ledande ordboksfält",
      kolumner: [
        { namn: "niva", typ: "text", beskrivning: "" },
        { namn: "kod", typ: "text", beskrivning: "" },
        { namn: "period", typ: "text", beskrivning: "" },
        { namn: "varde", typ: "tal", saknas: true, beskrivning: "" },
        { namn: "not", typ: "text", saknas: true, beskrivning: "" },
      ],
    });
    const n = 60_000;
    const niva = new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => Math.floor(i / 20_000)), undefined, ["kommun", "förbund, \"långt\" namn", "län"]);
    const kodord = Array.from({ length: 50 }, (_, k) => `${String(k).padStart(4, "0")} ${"Ö".repeat(k % 40)}`);
    const kod = new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => Math.floor(i / 400) % 50), undefined, kodord);
    const period = new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => Math.floor(i / 7) % 57), Int32Array.from({ length: 57 }, (_, p) => 56 - p), Array.from({ length: 57 }, (_, p) => `20${10 + (p % 16)}-${p}`));
    const varde = new Float64Array(n).map((_, i) => (i % 11 === 0 ? Number.NaN : i / 7));
    // Now and then a long note, so that a row sometimes moves to a new chunk in its last field.
    const not = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : i % 4 === 1 ? `lång ${"x".repeat(300)}` : i % 3 === 1 ? `not ${i}` : "med, komma"));
    const somRader = (t: ReturnType<typeof tabellFranArquero>) =>
      tabellFranRader(t.schema, rader(t).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" && Number.isNaN(v) ? null : v]))));
    const utanNot = schema({ ...LANG, kolumner: LANG.kolumner.slice(0, 4) });
    for (const t of [tabellFranArquero(utanNot, aq.table({ niva, kod, period, varde })), tabellFranArquero(LANG, aq.table({ niva, kod, period, varde, not }))]) {
      const text = csvText(t);
      expect(text.length).toBeGreaterThan(3_000_000);
      expect(text).toBe(csvText(somRader(t)));
    }
  });

  it("rejects a NaN where the schema does not allow a missing value, naming the row", () => {
    const INGEN = schema({ ...KUB, kolumner: [KUB.kolumner[0], KUB.kolumner[1], { namn: "varde", typ: "tal", beskrivning: "" }] });
    expect(() => tabellFranArquero(INGEN, kubtabell())).toThrow(/rad 2, kolumn varde/);
  });

  it("rejects a number its column's type does not allow, naming the row in the table's own order", () => {
    const HELTAL = schema({ ...KUB, kolumner: [KUB.kolumner[0], KUB.kolumner[1], { namn: "varde", typ: "heltal", saknas: true, beskrivning: "" }] });
    // 1/3 is the first row.
    expect(() => tabellFranArquero(HELTAL, kubtabell())).toThrow(/rad 1, kolumn varde: 0\.3333333333333333 är inte heltal/);
    // Without NaN and largest first: 1204875, 7, 1/3, ...: the third row.
    const ordnad = kubtabell().filter((d: { varde: number }) => d.varde === d.varde).orderby(aq.desc("varde"));
    expect(() => tabellFranArquero(HELTAL, ordnad)).toThrow(/rad 3, kolumn varde: 0\.3333333333333333 är inte heltal/);
    const TEXT = schema({ ...KUB, kolumner: [KUB.kolumner[0], KUB.kolumner[1], { namn: "varde", typ: "text", saknas: true, beskrivning: "" }] });
    expect(() => tabellFranArquero(TEXT, ordnad)).toThrow(/rad 1, kolumn varde: 1204875 är inte text/);
  });

  it("gives the same Parquet file from the worker thread as in this thread, for a plain and an ordered table", async () => {
    const tabeller = [tabellFranArquero(KUB, kubtabell()), tabellFranArquero({ ...KUB, namn: "kubprov_ordnad" }, kubtabell().orderby(aq.desc("period"), "kod"))];
    const ut = join(tmp, "parallellt");
    await writeOutputs(ut, { tabeller });
    for (const t of tabeller) {
      const har = join(tmp, `${t.schema.namn}-har.parquet`);
      await skrivParquet(t, har);
      expect(readFileSync(join(ut, `${t.schema.namn}.parquet`))).toEqual(readFileSync(har));
      expect(csvText(await lasParquet(KUB, har))).toBe(csvText(t));
      expect(readFileSync(join(ut, `${t.schema.namn}.csv`), "utf8")).toBe(csvText(t));
    }
  });

  it("writes a number column's row groups without a missing value straight from its Float64Array, with the same bytes as from the rows", async () => {
    // 2 500 rows: row groups of 1 000 and 1 500 rows. The first has no NaN (taken as a typed
    // array), the second one NaN (its definition levels and the values that are there).
    const n = 2500;
    const varde = new Float64Array(new SharedArrayBuffer(n * 8));
    for (let i = 0; i < n; i++) varde[i] = i === 2222 ? Number.NaN : (i * 7) / 3;
    const kod = new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => i % 3), undefined, ["a", "b", "c"]);
    const period = new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => i % 5), undefined, ["p0", "p1", "p2", "p3", "p4"]);
    const kub = aq.table({ kod, period, varde });
    for (const [namn, tabell] of [["rak", kub], ["ordnad", kub.orderby(aq.desc("varde"))]] as const) {
      const t = tabellFranArquero(KUB, tabell);
      const somRader = tabellFranRader(KUB, rader(t).map((r) => ({ ...r, varde: Number.isNaN(r.varde) ? null : r.varde })));
      const franKuben = join(tmp, `typad-${namn}.parquet`);
      const franRaderna = join(tmp, `rader-${namn}.parquet`);
      await skrivParquet(t, franKuben);
      await skrivParquet(somRader, franRaderna);
      expect(readFileSync(franKuben)).toEqual(readFileSync(franRaderna));
    }
  });

  it("writes the cube's columns (the fast path) with the same bytes as hyparquet-writer's own parquetWriteBuffer of the same values", async () => {
    // 2 500 rows in the published order of an ordered table: row groups of 1 000 and 1 500 rows.
    // - kod: a key per row, a code per key, two codes with the same text (one dictionary entry);
    // - unik: nearly every row its own text, which hyparquet-writer writes PLAIN (its sample rule);
    // - not: a nullable text column of plain values, one missing (hyparquet-writer's own path);
    // - halv: every other row "a", the others each their own long text: the sample passes, but a
    //   dictionary would not halve the bytes (counted row by row), so PLAIN;
    // - varde: a number column with missing values (NaN) in the second row group only: one alone,
    //   a run of 16, and every 37th row (definition levels both run-length and bit-packed).
    const SNABB = schema({
      namn: "snabb",
      beskrivning: "snabba vägen",
      kolumner: [
        { namn: "kod", typ: "text", beskrivning: "" },
        { namn: "unik", typ: "text", beskrivning: "" },
        { namn: "halv", typ: "text", beskrivning: "" },
        { namn: "not", typ: "text", saknas: true, beskrivning: "" },
        { namn: "varde", typ: "tal", saknas: true, beskrivning: "" },
        { namn: "antal", typ: "heltal", beskrivning: "" },
      ],
    });
    const n = 2500;
    const kod = new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => i % 4), Int32Array.from([2, 0, 1, 3]), ["Falun", "Åre, \"norr\"", "Borlänge", "Falun"]);
    const unik = new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => i), undefined, Array.from({ length: n }, (_, i) => `rad ${i} ${"ä".repeat(i % 7)}`));
    const halv = new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => (i % 2 ? 0 : i + 1)), undefined, ["a", ...Array.from({ length: n + 1 }, (_, k) => `en lång text, nummer ${k} av många`)]);
    const not = Array.from({ length: n }, (_, i) => (i === 2100 ? null : i % 2 ? "a" : "b"));
    const varde = new Float64Array(n).map((_, i) => (i === 1777 || (i >= 1200 && i < 1216) || (i > 1000 && i % 37 === 0) ? Number.NaN : (i * 7) / 3));
    const antal = Array.from({ length: n }, (_, i) => i % 9);
    const tabell = aq.table({ kod, unik, halv, not, varde, antal }).orderby(aq.desc("antal"), "varde");
    const t = tabellFranArquero(SNABB, tabell);
    const fil = join(tmp, "snabb.parquet");
    await skrivParquet(t, fil);
    const { parquetWriteBuffer } = await import("hyparquet-writer");
    const r = rader(t);
    const typ = { text: "STRING", tal: "DOUBLE", heltal: "INT32" } as const;
    const ref = parquetWriteBuffer({
      columnData: SNABB.kolumner.map((k) => ({
        name: k.namn, type: typ[k.typ], nullable: (k as { saknas?: boolean }).saknas === true, ...(k.typ === "tal" ? { encoding: "PLAIN" as const } : {}),
        data: r.map((x) => {
          const v = (x as Record<string, unknown>)[k.namn];
          return v === undefined || (typeof v === "number" && Number.isNaN(v)) ? null : v;
        }),
      })),
      statistics: false, createdBy: "finsam-analys", kvMetadata: [{ key: "finsam.schema", value: "snabb" }],
    });
    expect(Buffer.from(readFileSync(fil)).equals(Buffer.from(ref))).toBe(true);
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(fil));
    const kodningar = metadata.row_groups[1]!.columns.map((c) => c.meta_data!.encodings.join("+"));
    expect(kodningar).toEqual(["PLAIN+RLE_DICTIONARY", "PLAIN", "PLAIN", "PLAIN+RLE_DICTIONARY", "PLAIN", "PLAIN+RLE_DICTIONARY"]);
    expect(csvText(await lasParquet(SNABB, fil))).toBe(csvText(t));
  });

  it("writes dictionary indexes RLE/bit-packed exactly as hyparquet-writer does: runs, short runs, stretches, every bit width, lengths off the group", async () => {
    const { writeRleBitPackedHybrid } = await import("hyparquet-writer/src/encoding.js");
    const { ByteWriter } = await import("hyparquet-writer");
    const { rleBitpackat } = await import("../loaders/publish/parquetfil.js");
    let x = 7;
    const slump = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const fall: { v: Int32Array; bitar: number }[] = [];
    for (const bitar of [0, 1, 2, 3, 5, 8, 9, 13, 17, 20]) {
      const max = 2 ** bitar;
      for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000, 100_001]) {
        // Random values; runs of random length (1-40, so some shorter and some longer than 8); the rows' order of a cube's long table.
        fall.push({ v: Int32Array.from({ length: n }, () => Math.floor(slump() * max)), bitar });
        const runor = new Int32Array(n);
        for (let i = 0, varde = 0; i < n; ) {
          const langd = 1 + Math.floor(slump() * 40);
          varde = Math.floor(slump() * max);
          for (let j = 0; j < langd && i < n; j++) runor[i++] = varde;
        }
        fall.push({ v: runor, bitar });
        fall.push({ v: Int32Array.from({ length: n }, (_, i) => Math.floor(i / 27) % max), bitar });
        fall.push({ v: Int32Array.from({ length: n }, (_, i) => i % 9 % max), bitar });
      }
    }
    const ut = new Uint8Array(1 << 20);
    for (const { v, bitar } of fall) {
      const w = new ByteWriter(16);
      writeRleBitPackedHybrid(w, v, bitar);
      const slut = rleBitpackat(v, bitar, ut, 3);
      expect(Buffer.from(ut.subarray(3, slut)).equals(Buffer.from(w.getBytes())), `${v.length} värden, ${bitar} bitar`).toBe(true);
    }
  });

  it("compresses with Snappy exactly as hyparquet-writer does, on pages of numbers, repeated and random bytes of every length class", async () => {
    const { snappyCompress } = await import("hyparquet-writer/src/snappy.js");
    const { snappy } = await import("../loaders/publish/snappy.js");
    const fall: Uint8Array[] = [];
    // A page of shares (16-17 digits), one of whole numbers as doubles, one of dictionary indexes.
    const n = 100_000;
    fall.push(new Uint8Array(new Float64Array(n).map((_, i) => ((i * 7919) % 2000) / (20_000 + (i >> 6))).buffer));
    fall.push(new Uint8Array(new Float64Array(n).map((_, i) => 500 + ((i * 31) % 800)).buffer));
    fall.push(Uint8Array.from({ length: n }, (_, i) => Math.floor(i / 144) % 21));
    // Lengths around the literal and copy classes and the input margin; patterned, pseudo-random and zero bytes.
    let x = 1;
    const slump = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24);
    for (const len of [0, 1, 5, 14, 15, 16, 17, 60, 61, 64, 67, 68, 69, 255, 256, 257, 2047, 2048, 65_535, 65_536, 70_000, 300_000]) {
      fall.push(Uint8Array.from({ length: len }, (_, i) => (i * 7 + (i >> 5)) % ((len % 13) + 2)));
      fall.push(Uint8Array.from({ length: len }, slump));
      fall.push(new Uint8Array(len));
    }
    for (const f of fall) expect(Buffer.from(snappy(f)).equals(Buffer.from(snappyCompress(f))), `${f.length} byte`).toBe(true);
  });

  it("the tables the worker has not begun when the CSV files are done are written in this thread, with the same bytes", async () => {
    const trad = new Skrivtrad();
    try {
      // Tables of some size (a small table's file goes to the worker at once): 12 000 rows each.
      const n = 12_000;
      const stor = () => aq.table({
        kod: new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => i % 3), Int32Array.from([1, 0, 2]), ["0180", "2080", 'Ö, "x"']),
        period: new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => Math.floor(i / 3) % 2), undefined, ["2025-01", "2025-02"]),
        varde: new Float64Array(new SharedArrayBuffer(n * 8)).map((_, i) => (i % 5 === 0 ? Number.NaN : i / 7)),
      });
      const tabeller = Array.from({ length: 5 }, (_, i) => tabellFranArquero({ ...KUB, namn: `delat${i}` }, i % 2 ? stor().orderby("kod") : stor()));
      const ut = join(tmp, "delat");
      mkdirSync(ut, { recursive: true });
      const klara = tabeller.map((t) => trad.parquet(tabelldata(t), join(ut, `${t.schema.namn}.parquet`)));
      // The worker is still starting: it has taken the first two tables at most.
      const har = await trad.skrivKvarvarande();
      await Promise.all(klara);
      expect(har).toBeGreaterThan(0);
      expect(har).toBeLessThanOrEqual(3);
      for (const t of tabeller) {
        const ref = join(tmp, `${t.schema.namn}-ref.parquet`);
        await skrivParquet(t, ref);
        expect(readFileSync(join(ut, `${t.schema.namn}.parquet`))).toEqual(readFileSync(ref));
      }
    } finally {
      await trad.stang();
    }
  });

  it("a large CSV file written in parts, some by the worker thread, is the same file as written whole", async () => {
    // 30 000 rows in parts of 1 000: the worker has no Parquet file queued, so it takes parts
    // from the back at once while this thread writes from the front; a part is appended in its
    // place, and the leading fields of a part's first row are written out (never copied from the
    // previous part's last row).
    const n = 30_000;
    const kod = new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => Math.floor(i / 3000)), undefined, Array.from({ length: 10 }, (_, k) => `kod ${k}, "x"`));
    const period = new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => Math.floor(i / 7) % 40), undefined, Array.from({ length: 40 }, (_, p) => `2025-${p}`));
    const varde = new Float64Array(new SharedArrayBuffer(n * 8)).map((_, i) => (i % 13 === 0 ? Number.NaN : i / 3));
    for (const [namn, tabell] of [["rak", aq.table({ kod, period, varde })], ["ordnad", aq.table({ kod, period, varde }).orderby(aq.desc("varde"))]] as const) {
      const t = tabellFranArquero(KUB, tabell);
      const fil = join(tmp, `delad-${namn}.csv`);
      const trad = new Skrivtrad();
      try {
        const delar = await skrivDeladCsv(trad, tabelldata(t), fil, 1000);
        expect(delar).toHaveLength(30);
        expect(delar.filter((d) => d.av === "arbetaren").length).toBeGreaterThan(0);
        expect(delar.filter((d) => d.av === "har").length).toBeGreaterThan(0);
      } finally {
        await trad.stang();
      }
      expect(readFileSync(fil, "utf8")).toBe(csvText(t));
      expect(readdirSync(tmp).filter((f) => f.startsWith(`delad-${namn}.csv.del`))).toEqual([]);
    }
  });

  it("a large table of plain values (not the cube's columns), in an order, written in parts is the same file as written whole", async () => {
    // Each part copies only its own rows' values; a value is found by its place in the order.
    const n = 30_000;
    const kod = Array.from({ length: n }, (_, i) => `kod ${i % 97}, "${i % 3}"`);
    const period = Array.from({ length: n }, (_, i) => `2025-${(i % 12) + 1}`);
    const varde = Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : i / 7));
    const t = tabellFranArquero(KUB, aq.table({ kod, period, varde }).orderby(aq.desc("varde")));
    const fil = join(tmp, "vanliga-varden.csv");
    const trad = new Skrivtrad();
    try {
      const delar = await skrivDeladCsv(trad, tabelldata(t), fil, 1000);
      expect(delar).toHaveLength(30);
    } finally {
      await trad.stang();
    }
    expect(tabelldata(t).data.map((d) => d.slag)).toEqual(["varden", "varden", "varden"]);
    expect(readFileSync(fil, "utf8")).toBe(csvText(t));
  });

  it("a worker's part larger than a chunk (1 MB) is appended whole, read back a chunk at a time", async () => {
    // 4 parts of 20 000 rows of about 80 bytes: 1.6 MB each.
    const n = 80_000;
    const kod = new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => i % 50), undefined, Array.from({ length: 50 }, (_, k) => `en ganska lång kod nummer ${k}, med "citat" och å ä ö`));
    const period = new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => Math.floor(i / 50) % 12), undefined, Array.from({ length: 12 }, (_, p) => `2025-${p + 1}`));
    const varde = new Float64Array(new SharedArrayBuffer(n * 8)).map((_, i) => i / 7);
    const t = tabellFranArquero(KUB, aq.table({ kod, period, varde }));
    const fil = join(tmp, "stora-delar.csv");
    const trad = new Skrivtrad();
    try {
      const delar = await skrivDeladCsv(trad, tabelldata(t), fil, 20_000);
      expect(delar).toHaveLength(4);
      expect(delar.some((d) => d.av === "arbetaren")).toBe(true);
    } finally {
      await trad.stang();
    }
    const text = readFileSync(fil, "utf8");
    expect(Buffer.byteLength(text) / 4).toBeGreaterThan(1 << 20);
    expect(text).toBe(csvText(t));
  });

  it("a CSV part the worker cannot write fails the whole file, naming the part", async () => {
    const n = 30_000;
    const kod = new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => i % 7), undefined, ["a", "b", "c", "d", "e", "f", "g"]);
    const t = tabellFranArquero(KUB, aq.table({ kod, period: new Ordbokskolumn(new Int32Array(n), undefined, ["2025-01"]), varde: new Float64Array(n).fill(1.5) }));
    const katalog = join(tmp, "trasig-del");
    mkdirSync(katalog, { recursive: true });
    const fil = join(katalog, "t.csv");
    // The last part's file cannot be made: a folder has its name. The worker takes that part first.
    mkdirSync(`${fil}.del29`);
    const trad = new Skrivtrad();
    try {
      await expect(skrivDeladCsv(trad, tabelldata(t), fil, 1000)).rejects.toThrow(/t\.csv\.del29/);
    } finally {
      await trad.stang();
    }
  });

  describe("tables handed over before the run is done (Forhandsskrivning)", () => {
    const n = 12_000;
    const tabeller = () => [
      tabellFranArquero({ ...KUB, namn: "tidig" }, aq.table({
        kod: new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => i % 3), Int32Array.from([1, 0, 2]), ["0180", "2080", 'Ö, "x"']),
        period: new Ordbokskolumn(Int32Array.from({ length: n }, (_, i) => Math.floor(i / 3) % 2), undefined, ["2025-01", "2025-02"]),
        varde: new Float64Array(new SharedArrayBuffer(n * 8)).map((_, i) => (i % 5 === 0 ? Number.NaN : i / 7)),
      })),
      tabellFranArquero({ ...KUB, namn: "sen" }, kubtabell()),
    ];
    const filer = (mapp: string) => Object.fromEntries(readdirSync(mapp).sort().map((f) => [f, readFileSync(join(mapp, f))]));
    const tmpMappar = (foralder: string) => readdirSync(foralder).filter((f) => f.includes(".tmp-"));

    it("the early table's Parquet file is begun at once and written once; the outputs are the same bytes as without", async () => {
      const [tidig, sen] = tabeller();
      const foralder = join(tmp, "forhand-ok");
      const trad = new Skrivtrad();
      const forhand = new Forhandsskrivning(join(foralder, "ut"), trad);
      const parquet = vi.spyOn(trad, "parquet");
      try {
        forhand.tabell(tidig!);
        forhand.tabell(tidig!); // the same table again: nothing more
        // Begun in the temporary folder, before writeOutputs.
        expect(parquet).toHaveBeenCalledTimes(1);
        expect(tmpMappar(foralder)).toHaveLength(1);
        expect(forhand.begonnen(sen!)).toBeUndefined();
        await writeOutputs(join(foralder, "ut"), { tabeller: [tidig!, sen!] }, trad, forhand);
        // Only the late table's Parquet file queued by writeOutputs.
        expect(parquet).toHaveBeenCalledTimes(2);
      } finally {
        await trad.stang();
        forhand.stada();
      }
      await writeOutputs(join(foralder, "ref"), { tabeller: tabeller() });
      expect(filer(join(foralder, "ut"))).toEqual(filer(join(foralder, "ref")));
      expect(Object.keys(filer(join(foralder, "ut")))).toEqual(["sen.csv", "sen.parquet", "tidig.csv", "tidig.parquet"]);
      expect(tmpMappar(foralder)).toEqual([]);
    });

    it("a run that ends without writing (an error found later) leaves the old outputs as they were and no temporary folder", async () => {
      const [tidig] = tabeller();
      const foralder = join(tmp, "forhand-fel");
      await writeOutputs(join(foralder, "ut"), { tabeller: [tabellFranArquero({ ...KUB, namn: "gammal" }, kubtabell())] });
      const fore = filer(join(foralder, "ut"));
      const trad = new Skrivtrad();
      const forhand = new Forhandsskrivning(join(foralder, "ut"), trad);
      forhand.tabell(tidig!);
      expect(tmpMappar(foralder)).toHaveLength(1);
      // As `finsam run` ends: the thread stopped (its job perhaps unfinished), then the folder removed.
      await trad.stang();
      forhand.stada();
      expect(tmpMappar(foralder)).toEqual([]);
      expect(filer(join(foralder, "ut"))).toEqual(fore);
    });

    it("an output path that is a file: nothing begun early, and writeOutputs reports it as before", async () => {
      const [tidig] = tabeller();
      const foralder = join(tmp, "forhand-fil");
      mkdirSync(foralder, { recursive: true });
      writeFileSync(join(foralder, "ut"), "en fil");
      const trad = new Skrivtrad();
      const forhand = new Forhandsskrivning(join(foralder, "ut"), trad);
      try {
        forhand.tabell(tidig!);
        expect(forhand.mapp).toBeUndefined();
        expect(forhand.begonnen(tidig!)).toBeUndefined();
        await expect(writeOutputs(join(foralder, "ut"), { tabeller: [tidig!] }, trad, forhand)).rejects.toThrow(/finns redan och är ingen katalog/);
      } finally {
        await trad.stang();
        forhand.stada();
      }
      expect(readdirSync(foralder)).toEqual(["ut"]);
      expect(readFileSync(join(foralder, "ut"), "utf8")).toBe("en fil");
    });
  });

  it("a Parquet file the worker cannot write rejects with its name, and the thread can be closed", async () => {
    const trad = new Skrivtrad();
    try {
      await expect(trad.parquet(tabelldata(tabellFranArquero(KUB, kubtabell())), join(tmp, "finns-inte", "x.parquet"))).rejects.toThrow(/x\.parquet/);
    } finally {
      await trad.stang();
    }
  });
});
