/**
 * Rows read straight from the text (`lasTextrader` in loaders/read/delimited.ts): when it takes
 * a file, it gives exactly papaparse's rows, and it hands every other quote to papaparse. The
 * national SCB files it exists for are read by it, and a number cell read from its place in the
 * text is the same as read from the cut-out string.
 */
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { ensamCr, lasTextrader, lfUtanCr, readDelimited, sniffDelimiter } from "../../loaders/read/delimited.ts";
import { decode } from "../../loaders/read/decode.ts";
import { Tallasare } from "../../loaders/read/tal.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { referens } from "../helpers/referens.ts";

/** Papaparse's rows as `readDelimited` asks for them (the delimiter given, no empty line skipped). */
function papaparse(text: string, delimiter: string) {
  const r = Papa.parse<string[]>(text, { delimiter, newline: text.includes("\r\n") ? "\r\n" : "\n", skipEmptyLines: false });
  return { rader: r.data, fel: r.errors.length };
}

describe("rows straight from the text", () => {
  it("gives papaparse's rows, lines and last empty row, or leaves the text to papaparse", () => {
    const bit = fc.constantFrom("a", "å", "12", " ", ";", ";", '"', '""', "\n", "\n", "\r");
    let tagna = 0;
    let lamnade = 0;
    fc.assert(
      fc.property(fc.array(bit, { maxLength: 40 }), fc.constantFrom("lf", "crlf", "blandat"), (bitar, slut) => {
        // "blandat": a CR alone, or LF and CRLF in one text (readDelimited makes them the same
        // first; here they must still read as papaparse reads them, or be left to it).
        const lf = bitar.join("");
        const text = slut === "lf" ? lf.replaceAll("\r", "") : slut === "crlf" ? lf.replaceAll("\r", "").replaceAll("\n", "\r\n") : lf;
        const rader = lasTextrader(text, ";");
        if (rader === undefined) {
          lamnade++;
          // Left only for a quote, or a line feed without its CR where other lines end in CRLF.
          expect(text.includes('"') || (text.includes("\r\n") && /(?:^|[^\r])\n/.test(text))).toBe(true);
          return;
        }
        tagna++;
        const pp = papaparse(text, ";");
        expect(pp.fel).toBe(0);
        expect(rader.map((r) => r.fields)).toEqual(pp.rader);
        expect(rader.map((r) => r.line)).toEqual(pp.rader.map((_, i) => i + 1));
        expect(rader.map((r) => r.antal)).toEqual(pp.rader.map((f) => f.length));
        for (const r of rader) for (let i = 0; i < r.antal; i++) expect(r.falt(i)).toBe(r.fields[i]);
      }),
      { seed: 20261204, numRuns: 3000 },
    );
    // Both kinds of text came up (the property is not empty on either side).
    expect(tagna).toBeGreaterThan(500);
    expect(lamnade).toBeGreaterThan(500);
  });

  it("keeps every field when the room for the fields' places grows: many short fields, short lines before a long one, long lines before short ones", () => {
    const texter = [
      "1;2;3;4;5;6;7;8;9;0\n".repeat(2000),
      "a;bb;ccc\n".repeat(500) + `${"x".repeat(30_000)};y\n`,
      `${"x".repeat(30_000)};y\n` + ";;;;;;;;;;\n".repeat(3000),
      '"a";"b"\r\n'.repeat(4000),
    ];
    for (const text of texter) {
      const rader = lasTextrader(text, ";")!;
      expect(rader.map((r) => r.fields)).toEqual(papaparse(text, ";").rader);
    }
  });

  it("takes quoted fields that are whole fields, and leaves doubled quotes, quotes inside fields and quoted line breaks", () => {
    expect(lasTextrader('"region";"2024M01"\n"0114 Upplands Väsby";12\n', ";")!.map((r) => r.fields)).toEqual([["region", "2024M01"], ["0114 Upplands Väsby", "12"], [""]]);
    expect(lasTextrader('a;"";b\r\n', ";")!.map((r) => r.fields)).toEqual([["a", "", "b"], [""]]);
    expect(lasTextrader("", ";")).toEqual([]);
    for (const t of ['"a""b";1\n', 'a"b;1\n', '"a"b;1\n', '"a\nb";1\n', '"a" ;1\n', '"a;1\n', ' "a";1\n']) expect(lasTextrader(t, ";"), t).toBeUndefined();
  });

  it("reads the real SCB downloads and csv-spectrum's plain files, the same rows as before", () => {
    const scb = referens("scb-exempel");
    for (const dir of [scb, new URL("csvs/", referens("csv-spectrum"))]) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith(".csv"))) {
        const decoded = decode(readFileSync(new URL(name, dir)));
        if ("kind" in decoded) throw new Error(`${name}: inte text`);
        const text = decoded.text;
        const d = sniffDelimiter(text.replace(/\r\n?/g, "\n"));
        if (d === undefined) continue;
        const normal = /\r(?!\n)/.test(text) || (text.includes("\r\n") && /(?:^|[^\r])\n/.test(text)) ? text.replace(/\r\n?/g, "\n") : text;
        const rader = lasTextrader(normal, d);
        const pp = papaparse(normal, d);
        if (dir === scb) expect(rader, name).toBeDefined();
        if (rader === undefined) continue;
        expect(rader.map((r) => r.fields), name).toEqual(pp.rader);
      }
    }
  });

  it("readDelimited keeps its checks on rows read from the text: a trailing delimiter after the header's width, a repeated header, a row too wide", () => {
    const findings = new Findings();
    const r = readDelimited("a;b\n1;2;\n3;4;\n", "t.csv", findings)!;
    expect(r.header.fields).toEqual(["a", "b"]);
    expect(r.rows.map((x) => [x.line, x.antal, x.fields])).toEqual([[2, 2, ["1", "2"]], [3, 2, ["3", "4"]]]);
    const f2 = new Findings();
    expect(readDelimited("a;b\n1;2\na;b\n3;4;5\n6;7\n", "t.csv", f2)).toBeUndefined();
    expect(f2.errors.map((e) => [e.regel, e.rad])).toEqual([["csv.rubrik_igen", 3], ["csv.kolumnantal", 4]]);
  });
});

describe("line endings, found without a regular expression over the whole text", () => {
  it("a line feed without its CR, and a CR without its line feed, as the expressions they replace find them", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", ";", "\r", "\n", "\r\n"), { maxLength: 12 }), (bitar) => {
        const text = bitar.join("");
        expect(lfUtanCr(text)).toBe(/(?:^|[^\r])\n/.test(text));
        expect(ensamCr(text, false)).toBe(/\r(?!\n)/.test(text));
        expect(ensamCr(text, true)).toBe(/\r(?![\n]|$)/.test(text));
      }),
      { seed: 20261204, numRuns: 2000 },
    );
  });
});

describe("a number cell read from its place in the text", () => {
  it("is read as the cut-out string is: the value bit for bit, the symbol, the error and the way it is written", () => {
    const celler = ["1234", "10.5", "-3", " 7 ", "..", "-", "–", "", "1 234,5", "10,5", "tolv", "12a", "1234567890123456789", "0.1", "-0", "5.", ".5", "1e3", "−4"];
    const text = `x;${celler.join(";")};y`;
    const a = new Tallasare();
    const b = new Tallasare();
    let fran = 2;
    for (const c of celler) {
      const till = fran + c.length;
      const ok = a.lasText(text, fran, till);
      expect(ok, c).toBe(b.las(c));
      expect([Object.is(a.varde, b.varde) || (!ok && true), a.symbol, a.ogiltig, a.skrivsatt], c).toEqual([true, b.symbol, b.ogiltig, b.skrivsatt]);
      fran = till + 1;
    }
  });
});
