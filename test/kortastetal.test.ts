// A number's shortest exact form written as bytes (publish/kortastetal.js) must be exactly
// String(v): the CSV files' numbers are JavaScript's shortest exact form (docs/utdata.md).
import { describe, expect, it } from "vitest";
import { skrivKortaste } from "../loaders/publish/kortastetal.js";
import { csvBitar } from "../loaders/publish/csvrader.js";

const buf = Buffer.alloc(64);
/** What the fast path writes for v, or undefined when it leaves v to String(v). */
function kortaste(v: number): string | undefined {
  const slut = skrivKortaste(buf, 3, Float64Array.of(v), 0);
  return slut < 0 ? undefined : buf.toString("latin1", 3, slut);
}

/** A reproducible stream of 32-bit numbers (xorshift). */
function slump(fro: number): () => number {
  let x = fro >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const bitar = new Float64Array(1);
const ord = new Uint32Array(bitar.buffer);
/** The double with the given biased exponent and mantissa bits. */
function dubbel(exponent: number, hogaMantissa: number, lagaMantissa: number, negativ = false): number {
  ord[1] = ((negativ ? 0x80000000 : 0) | (exponent << 20) | (hogaMantissa & 0xfffff)) >>> 0;
  ord[0] = lagaMantissa >>> 0;
  return bitar[0]!;
}
/** The next double above (steg > 0) or below v. */
function granne(v: number, steg: number): number {
  bitar[0] = v;
  const m = BigInt(ord[1]!) * 2n ** 32n + BigInt(ord[0]!) + BigInt(steg);
  ord[1] = Number(m >> 32n);
  ord[0] = Number(m & 0xffffffffn);
  return bitar[0]!;
}

/** Checks every value: the fast path writes String(v) or leaves it; returns how many it left. */
function jamfor(varden: Iterable<number>): { antal: number; lamnade: number; fel: string[] } {
  let antal = 0;
  let lamnade = 0;
  const fel: string[] = [];
  for (const v of varden) {
    antal++;
    const s = kortaste(v);
    if (s === undefined) lamnade++;
    else if (s !== String(v) && fel.length < 10) fel.push(`${String(v)} skrevs ${s}`);
  }
  return { antal, lamnade, fel };
}

describe("skrivKortaste: a number's shortest exact form, as String(v)", () => {
  it("writes the same bytes as String(v) for doubles of every magnitude from 1e-6 to 1e15, both signs", () => {
    const r = slump(20261204);
    const varden: number[] = [];
    // Biased exponents 1003 (2^-20, below 1e-6) to 1073 (2^50, above 1e15): every binade in range.
    for (let i = 0; i < 200_000; i++) {
      varden.push(dubbel(1003 + Math.floor(r() * 71), Math.floor(r() * 2 ** 20), Math.floor(r() * 2 ** 32), r() < 0.5));
    }
    const { fel, lamnade, antal } = jamfor(varden);
    expect(fel).toEqual([]);
    // Below 1e10 nearly every value is written here. Above it a double has so few fraction bits
    // that 17 digits often fall exactly halfway between two candidates: those go to String(v).
    const under = varden.filter((v) => Math.abs(v) >= 1e-6 && Math.abs(v) < 1e10);
    expect(jamfor(under).lamnade).toBeLessThan(under.length * 0.0005);
    expect(lamnade).toBeLessThan(antal * 0.1);
  });

  it("writes the pipeline's kinds of numbers as String(v): shares, means of 6 and 12 months, sums of means", () => {
    const r = slump(7);
    const varden: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const varde = Math.floor(r() * 20_000);
      const folk = 1_000 + Math.floor(r() * 600_000);
      varden.push(varde / folk, (varde + r()) / 12, Math.floor(r() * 1e6) / 12, Math.floor(r() * 1e5) / 6);
      varden.push(Math.floor(r() * 1e6) / 12 - Math.floor(r() * 1e6) / 12, (Math.floor(r() * 1e4) / 12) * 3 + Math.floor(r() * 1e4) / 6);
      varden.push(Math.floor(r() * 1e7) / 100, Math.floor(r() * 1e9) / 1e6, (r() - 0.5) * 10 ** (Math.floor(r() * 21) - 6));
    }
    const { fel, lamnade, antal } = jamfor(varden.filter((v) => !Number.isInteger(v) && Math.abs(v) >= 1e-6));
    expect(fel).toEqual([]);
    expect(lamnade).toBeLessThan(antal * 0.001);
  });

  it("at powers of two (the gap below is half the gap above) and their neighbours", () => {
    const varden: number[] = [];
    for (let k = -21; k <= 50; k++) {
      for (const steg of [-3, -2, -1, 0, 1, 2, 3]) varden.push(granne(2 ** k, steg), -granne(2 ** k, steg));
    }
    const { fel, lamnade } = jamfor(varden);
    expect(fel).toEqual([]);
    // Not left to String(v) wholesale: the powers of two below 1 in range are written here.
    expect(lamnade).toBeLessThan(varden.length / 2);
    for (let k = -19; k < 0; k++) expect(kortaste(2 ** k)).toBe(String(2 ** k));
  });

  it("at powers of ten, the range's ends and short decimals", () => {
    const varden: number[] = [];
    for (let k = -7; k <= 16; k++) {
      for (let steg = -4; steg <= 4; steg++) varden.push(granne(Number(`1e${k}`), steg));
    }
    for (let i = 1; i < 20_000; i++) varden.push(i / 10, i / 100, i / 1000, i * 0.1, i * 0.01, 0.1 * i + 0.2, i / 7, 1 / i, i + 0.5);
    varden.push(1e-6, granne(1e-6, -1), granne(1e15, -1), 999999999999999.9, 0.1, 0.2, 0.30000000000000004, 1.7976931348623157e308, 5e-324);
    const { fel } = jamfor(varden);
    expect(fel).toEqual([]);
  });

  it("leaves whole numbers, numbers outside [1e-6, 1e15) and non-finite numbers to String(v)", () => {
    for (const v of [0, -0, 1, -7, 2 ** 52, 1e15, 1e16, 123456789012345680000, 9.99e-7, -5e-7, 1e-300, Number.NaN, Infinity, -Infinity]) {
      expect(skrivKortaste(buf, 0, Float64Array.of(v), 0)).toBe(-1);
    }
  });

  it("writes at the given position, returns the position after the number, and writes nothing past 25 bytes from it", () => {
    const b = Buffer.alloc(40, 120);
    expect(skrivKortaste(b, 5, Float64Array.of(-0.0281977276036785), 0)).toBe(5 + "-0.0281977276036785".length);
    expect(b.toString("latin1", 0, 24)).toBe("xxxxx-0.0281977276036785");
    expect(b.toString("latin1", 30)).toBe("x".repeat(10));
    expect(skrivKortaste(b, 0, Float64Array.of(0.000001234), 0)).toBe("0.000001234".length);
    expect(b.toString("latin1", 0, 11)).toBe("0.000001234");
    // The widest: a sign, "0.", five zeros and 17 digits, exactly 25 bytes.
    const c = Buffer.alloc(40, 120);
    const v = -0.0000012345678901234567;
    expect(String(v)).toHaveLength(25);
    expect(skrivKortaste(c, 5, Float64Array.of(v), 0)).toBe(30);
    expect(c.toString("latin1", 5, 30)).toBe(String(v));
    expect(c.toString("latin1", 30)).toBe("x".repeat(10));
    // With a point among the digits, the digits on both sides of it.
    for (const w of [629.3333333333334, 22318.583333333332, 1.5, 123456789012.5, 98765.4321]) {
      const d = Buffer.alloc(40, 120);
      expect(d.toString("latin1", 3, skrivKortaste(d, 3, Float64Array.of(w), 0))).toBe(String(w));
      expect(d.toString("latin1", 28)).toBe("x".repeat(12));
    }
  });

  it("the CSV writer writes a number column with it, as String(v) would", () => {
    const r = slump(99);
    const tal = new Float64Array(5_000).map(() => (Math.floor(r() * 1e6) - 5e5) / (1 + Math.floor(r() * 1e4)));
    tal[7] = Number.NaN;
    tal[8] = 3;
    const data = { namn: "t", kolumner: [{ namn: "v", typ: "tal" as const, saknas: true }], data: [{ slag: "tal" as const, tal }], antal: tal.length, index: undefined };
    const text = Buffer.concat([...csvBitar(data)]).toString("latin1");
    const vantat = "v\n" + [...tal].map((v) => (Number.isNaN(v) ? "" : Object.is(v, -0) ? "0" : String(v))).join("\n") + "\n";
    expect(text).toBe(vantat);
  });

  it("the CSV writer writes whole numbers as String(v): every digit count, either side of 2^31, negative, -0, up to 1e15", () => {
    const tal: number[] = [0, -0];
    for (let p = 1; p <= 1e15; p *= 10) tal.push(p - 1, p, p + 1, -p, 7 * p);
    tal.push(2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32, 2 ** 53 - 1, 1e15 - 1, -(1e15 - 1), 1e15, 123456789);
    const r = slump(7);
    for (let i = 0; i < 2_000; i++) tal.push(Math.floor(r() * 10 ** (1 + (i % 14))));
    const kolumn = Float64Array.from(tal);
    const data = { namn: "t", kolumner: [{ namn: "v", typ: "tal" as const }], data: [{ slag: "tal" as const, tal: kolumn }], antal: kolumn.length, index: undefined };
    const text = Buffer.concat([...csvBitar(data)]).toString("latin1");
    expect(text).toBe("v\n" + tal.map((v) => (Object.is(v, -0) ? "0" : String(v))).join("\n") + "\n");
  });
});
