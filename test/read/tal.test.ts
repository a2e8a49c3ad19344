/**
 * Number cells, strictly (loaders/read/tal.ts): a number, SCB's symbol for a missing value, or
 * an error. Swedish Excel's decimal comma and thousands separators are numbers; whether a file
 * may use them is decided for the whole file (Talformat).
 */
import { describe, expect, it } from "vitest";
import { SYMBOLER, Skrivsatt, Tallasare, Talformat, TOM } from "../../loaders/read/tal.ts";

const tal = new Tallasare();
const las = (s: string) => (tal.las(s) ? { tal: tal.varde, skrivsatt: tal.skrivsatt } : tal.symbol > 1 ? { saknas: SYMBOLER[tal.symbol] } : { fel: tal.ogiltig });

describe("SCB's own form", () => {
  it("bare numbers with a decimal point", () => {
    expect(las("1234")).toEqual({ tal: 1234, skrivsatt: Skrivsatt.Heltal });
    expect(las("10.5")).toEqual({ tal: 10.5, skrivsatt: Skrivsatt.Decimalpunkt });
    expect(las("0")).toEqual({ tal: 0, skrivsatt: Skrivsatt.Heltal });
    expect(las("-3")).toEqual({ tal: -3, skrivsatt: Skrivsatt.Heltal });
    expect(las(" 7 ")).toEqual({ tal: 7, skrivsatt: Skrivsatt.Heltal });
  });

  it("a number in SCB's form is the same double as JavaScript's own reading of it (Number(s))", () => {
    // Up to 15 digits the digits are an exact integer divided by an exact power of ten; longer
    // numbers are read by Number(s). Every case is compared bit for bit, -0 included.
    let x = 12345;
    const slump = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    const fall = ["0", "-0", "0.0", "-0.0", "5.", ".5", "-.5", "007", "0.1", "0.3", "13.1", "12.9", "999999999999999", "9999999999999999",
      "123456789.123456", "1234567890123456789", "0.000000000000000000001", "-12345.678901234", "100.000"];
    for (let i = 0; i < 50_000; i++) {
      const heltal = String(Math.floor(slump() * 10 ** Math.floor(slump() * 16)));
      const decimaler = Math.floor(slump() * 8);
      const s = decimaler > 0 && heltal.length > decimaler ? `${heltal.slice(0, -decimaler)}.${heltal.slice(-decimaler)}` : heltal;
      fall.push(slump() < 0.2 ? `-${s}` : s);
    }
    for (const s of fall) {
      expect(tal.las(s), s).toBe(true);
      expect(Object.is(tal.varde, Number(s)), `${s}: ${tal.varde} != ${Number(s)}`).toBe(true);
    }
  });

  it("SCB's symbols are missing, never 0; an empty cell is missing too", () => {
    for (const s of ["..", ".", "...", ".......", "-", "–"]) expect(las(s)).toEqual({ saknas: s });
    expect(las("")).toEqual({ saknas: "(tom)" });
    expect(tal.las("") || tal.symbol).toBe(TOM);
    expect(las("........")).toEqual({ fel: "inte_tal" });
  });

  it("a word, a hex number, Infinity or a date is an error, never a number", () => {
    for (const s of ["tolv", "0x10", "Infinity", "NaN", "2024-01-01", "1e", "12a", "+5", "5%"]) expect(las(s), s).toEqual({ fel: "inte_tal" });
  });
});

describe("Swedish Excel's form", () => {
  it("decimal comma and thousands separated by a space, a no-break space or a narrow one", () => {
    expect(las("10,5")).toEqual({ tal: 10.5, skrivsatt: Skrivsatt.Decimalkomma });
    expect(las("1 234")).toEqual({ tal: 1234, skrivsatt: Skrivsatt.Tusental });
    expect(las("1\u00a0234,5")).toEqual({ tal: 1234.5, skrivsatt: Skrivsatt.Decimalkomma });
    expect(las("12\u202f345\u202f678")).toEqual({ tal: 12345678, skrivsatt: Skrivsatt.Tusental });
    expect(las("−5")).toEqual({ tal: -5, skrivsatt: Skrivsatt.Heltal });
  });

  it("thousands groups must be three digits", () => {
    expect(las("12 34")).toEqual({ fel: "tusental" });
    expect(las("1 2345")).toEqual({ fel: "tusental" });
  });

  it("a file is consistent when it uses one decimal sign; the minority is named when it mixes", () => {
    const f = new Talformat();
    // A row's cell (0-based field `i` is column i + 1); its text is cut out only for the first of a way.
    const utklippta: number[] = [];
    const rad = (line: number, falt: Record<number, string>) => ({ line, falt: (i: number) => (utklippta.push(line), falt[i]!) });
    f.notera(Skrivsatt.Decimalkomma, rad(3, { 4: "10,5" }), 4);
    f.notera(Skrivsatt.Tusental, rad(4, { 4: "1 234" }), 4);
    f.notera(Skrivsatt.Heltal, rad(5, { 4: "7" }), 4);
    f.notera(Skrivsatt.Decimalkomma, rad(8, { 4: "11,5" }), 4);
    expect(f.blandat()).toBeUndefined();
    expect(f.excel()).toBe(true);
    f.notera(Skrivsatt.Decimalpunkt, rad(6, { 6: "2.5" }), 6);
    f.notera(Skrivsatt.Decimalkomma, rad(7, { 6: "3,5" }), 6);
    expect(f.blandat()).toEqual({ rad: 6, kolumn: 7, varde: "2.5", antal: 1, tecken: "." });
    expect(utklippta).toEqual([3, 4, 6]);
  });
});
