import { describe, expect, it } from "vitest";
import { decode, enkelbyte, MAX_LINE_LENGTH } from "../../loaders/read/decode.ts";
import { latin1, utf8, windows1252 } from "../helpers/scb.ts";
import iconv from "iconv-lite";

const text = '"region";"kön";"2024M01"\n"2080 Falun";"män";12\n';

describe("decode", () => {
  it("reads ISO-8859-1 without BOM (SCB's download) as Windows-1252", () => {
    expect(decode(latin1(text))).toEqual({ text, encoding: "windows-1252" });
  });

  it("maps Windows-1252 bytes 0x80-0x9F to the right characters (en dash, not U+0096)", () => {
    const d = decode(windows1252('"20–64 år";1\n'));
    expect(d).toEqual({ text: '"20–64 år";1\n', encoding: "windows-1252" });
  });

  it("single-byte text decodes as iconv-lite's Windows-1252 for every byte, natively when no byte is in 0x80-0x9F", () => {
    const utan = Uint8Array.from({ length: 224 }, (_, i) => (i < 0x80 ? i : i + 0x20));
    expect(enkelbyte(utan)).toBe(iconv.decode(Buffer.from(utan), "windows-1252"));
    // The native decoding of a view into a larger buffer reads only the view's bytes.
    expect(enkelbyte(utan.subarray(200, 210))).toBe(iconv.decode(Buffer.from(utan.subarray(200, 210)), "windows-1252"));
    for (let b = 0x80; b < 0xa0; b++) {
      const med = Uint8Array.of(0x41, b, 0xe5);
      expect(enkelbyte(med)).toBe(iconv.decode(Buffer.from(med), "windows-1252"));
    }
    expect(enkelbyte(Uint8Array.of(0x80, 0x20, 0x96))).toBe("€ –");
  });

  it("finds a byte in 0x80-0x9F wherever it is in the view, at any offset of the view", () => {
    const harC1 = (vy: Uint8Array): boolean => {
      const d = enkelbyte(vy);
      expect(d).toBe(iconv.decode(Buffer.from(vy), "windows-1252"));
      return d !== Buffer.from(vy).toString("latin1");
    };
    // Bytes with the high bit set but outside 0x80-0x9F (å, ä, ö, 0xA0, 0xFF) are not such bytes.
    const grund = Uint8Array.from({ length: 64 }, (_, i) => [0x31, 0x3b, 0xe5, 0xe4, 0xf6, 0xa0, 0xff, 0x0a][i % 8]!);
    const stor = new Uint8Array(80);
    for (let start = 0; start < 8; start++) {
      for (let langd = 0; langd <= 40; langd++) {
        stor.fill(0);
        stor.set(grund.subarray(0, langd), start);
        const vy = stor.subarray(start, start + langd);
        expect(harC1(vy)).toBe(false);
        for (let plats = 0; plats < langd; plats++) {
          for (const b of [0x80, 0x9f]) {
            const fore = vy[plats]!;
            vy[plats] = b;
            expect(harC1(vy), `start ${start}, längd ${langd}, plats ${plats}, byte ${b}`).toBe(true);
            vy[plats] = fore;
          }
        }
        // A byte in 0x80-0x9F just outside the view does not count.
        if (start > 0) stor[start - 1] = 0x80;
        stor[start + langd] = 0x9f;
        expect(harC1(vy)).toBe(false);
      }
    }
  });

  it("reads UTF-8 with and without BOM, dropping the BOM", () => {
    expect(decode(utf8(text))).toEqual({ text, encoding: "utf-8" });
    expect(decode(utf8(text, { bom: true }))).toEqual({ text, encoding: "utf-8-bom" });
  });

  it("reads UTF-16 little endian with BOM (Excel's Unicode text)", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]);
    expect(decode(bytes)).toEqual({ text, encoding: "utf-16le" });
  });

  it("says an empty file is empty", () => {
    expect(decode(new Uint8Array())).toEqual({ kind: "tom" });
  });

  it("recognises an old .xls or a password-protected workbook (OLE compound file) before calling it binary", () => {
    expect(decode(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]))).toEqual({ kind: "ole" });
  });

  it("recognises an xlsx workbook renamed to .csv", () => {
    expect(decode(Buffer.from("PK\u0003\u0004rest-of-zip", "latin1"))).toEqual({ kind: "xlsx" });
  });

  it("refuses binary junk, saying where it starts", () => {
    const junk = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 97) % 256));
    expect(decode(junk)).toMatchObject({ kind: "binar" });
    expect(decode(Buffer.concat([latin1("a;b\n1;2\nx", { lastLineEnding: false }), Buffer.from([0, 1, 2])]))).toEqual({ kind: "binar", utf16: false, line: 3, column: 2 });
  });

  it("says UTF-16 without a byte order mark is UTF-16, not just binary", () => {
    expect(decode(iconv.encode(text, "utf-16le"))).toMatchObject({ kind: "binar", utf16: true, line: 1, column: 2 });
  });

  it("rejects a line longer than 1 MB before decoding it, naming the line", () => {
    const bytes = Buffer.concat([latin1("a;b\n"), Buffer.alloc(MAX_LINE_LENGTH + 1, "1"), latin1("\n1;2\n")]);
    expect(decode(bytes)).toEqual({ kind: "lang_rad", line: 2, length: MAX_LINE_LENGTH + 1 });
    expect(decode(Buffer.concat([latin1("a;b\n"), Buffer.alloc(MAX_LINE_LENGTH, "1")]))).toMatchObject({ encoding: "utf-8" });
    // Lines ending in CR alone are lines too: a big old Mac file is not one long line.
    const mac = Buffer.from("a;b\r" + "1;2\r".repeat(MAX_LINE_LENGTH / 2));
    expect(decode(mac)).toMatchObject({ encoding: "utf-8" });
    expect(decode(Buffer.concat([Buffer.from("a;b\r1;2\r"), Buffer.alloc(MAX_LINE_LENGTH + 1, "1")]))).toMatchObject({ kind: "lang_rad", line: 3 });
  });

  it("finds a UTF-8 byte order mark in the middle of an ISO-8859-1 file (two files joined)", () => {
    const bytes = Buffer.concat([latin1("år;b\n1;2\n"), Buffer.from([0xef, 0xbb, 0xbf]), latin1("år;b\n")]);
    expect(decode(bytes)).toEqual({ kind: "bom", line: 3, column: 1 });
    expect(decode(Buffer.concat([utf8("a;b\n", { bom: true }), Buffer.from([0xef, 0xbb, 0xbf]), utf8("a;b\n")]))).toEqual({ kind: "bom", line: 2, column: 1 });
  });

  it("rejects mixed encodings, naming the line where the odd one starts", () => {
    const utf8Line = Buffer.concat([latin1('"region";"kön"\n"2080 Falun";"män"\n'), utf8('"2081 Borlänge";"män"\n'), latin1('"2082 Säter";"män"\n"2083 Hedemora";"män"\n')]);
    expect(decode(utf8Line)).toEqual({ kind: "blandad", minority: "utf-8", line: 3, column: 11 });
    const latinLine = Buffer.concat([utf8("Insats;Kön\nSäter;Män\nSäter;Män\n"), latin1("Säter;Män\n")]);
    expect(decode(latinLine)).toEqual({ kind: "blandad", minority: "windows-1252", line: 4, column: 2 });
  });

  it("rejects text encoded twice (Ã¤ for ä)", () => {
    const twice = Buffer.from(iconv.decode(Buffer.from("Insats;Kön\nSäter;K\n", "utf8"), "windows-1252"), "utf8");
    expect(decode(twice)).toEqual({ kind: "dubbelkodad", line: 1, column: 9 });
  });

  it("does not mistake Windows-1252 punctuation for mixed encodings", () => {
    const t = '"Sjuk- och aktivitetsersättning – 20–64 år";"Säter ”citat”";"€ 5"\n';
    expect(decode(windows1252(t))).toEqual({ text: t, encoding: "windows-1252" });
  });
});
