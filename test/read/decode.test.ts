import { describe, expect, it } from "vitest";
import { decode } from "../../loaders/read/decode.ts";
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

  it("recognises an xlsx workbook renamed to .csv", () => {
    expect(decode(Buffer.from("PK\u0003\u0004rest-of-zip", "latin1"))).toEqual({ kind: "xlsx" });
  });

  it("refuses binary junk", () => {
    const junk = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 97) % 256));
    expect(decode(junk)).toMatchObject({ kind: "binar" });
  });
});
