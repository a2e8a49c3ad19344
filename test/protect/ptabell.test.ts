/**
 * The perturbation table (loaders/protect/ptabell.ts): the same table as sdcTools' R package
 * `ptable` 1.0 where `ptable` can build one, and the documented continuation where it cannot;
 * the noise statistics match the parameters (no bias, the variance, the maximum, no small
 * values), and a lookup with uniform cell keys draws the table's probabilities.
 */
import { describe, expect, it } from "vitest";
import { byggPtabell, fordelning, maxEntropi, PtabellFel, slaUpp, type Ptabell } from "../../loaders/protect/ptabell.ts";
import { STANDARD_BRUS } from "../../loaders/protect/parametrar.ts";

/** Rows printed by `ptable::create_cnt_ptable(D, V, js)@pTable` (R 4, ptable 1.0), to 4 decimals. */
const R_PTABLE: Record<string, Record<number, Record<number, number>>> = {
  "D=5 V=3 js=2": {
    1: { 0: 0.7345, 3: 0.1367, 4: 0.0728, 5: 0.0374, 6: 0.0186 },
    2: { 0: 0.4088, 3: 0.4066, 4: 0.1476, 5: 0.0323, 6: 0.0043, 7: 0.0003 },
    3: { 0: 0.204, 3: 0.3937, 4: 0.2475, 5: 0.1106, 6: 0.0351, 7: 0.0079, 8: 0.0013 },
    4: { 0: 0.0849, 3: 0.2779, 4: 0.2779, 5: 0.1894, 6: 0.1051, 7: 0.0455, 8: 0.0153, 9: 0.004 },
    5: { 0: 0.0201, 3: 0.1733, 4: 0.2206, 5: 0.2213, 6: 0.175, 7: 0.109, 8: 0.0535, 9: 0.0207, 10: 0.0063 },
    6: { 3: 0.072, 4: 0.1367, 5: 0.1974, 6: 0.2167, 7: 0.1809, 8: 0.1149, 9: 0.0555, 10: 0.0204, 11: 0.0057 },
    8: { 3: 0.0038, 4: 0.0166, 5: 0.0523, 6: 0.1187, 7: 0.1942, 8: 0.2288, 9: 0.1942, 10: 0.1187, 11: 0.0523, 12: 0.0166, 13: 0.0038 },
  },
  "D=2 V=1 js=0": {
    1: { 0: 0.3665, 1: 0.3665, 2: 0.1676, 3: 0.0995 },
    2: { 0: 0.0638, 1: 0.2447, 2: 0.383, 3: 0.2447, 4: 0.0638 },
  },
  "D=3 V=1 js=0": {
    1: { 0: 0.3699, 1: 0.3699, 2: 0.1711, 3: 0.0687, 4: 0.0205 },
    2: { 0: 0.0603, 1: 0.2472, 2: 0.3915, 3: 0.2393, 4: 0.0565, 5: 0.0051 },
    3: { 0: 0.0045, 1: 0.0543, 2: 0.242, 3: 0.3982, 4: 0.242, 5: 0.0543, 6: 0.0045 },
  },
};

const rad = (t: Ptabell, i: number) => Object.fromEntries([...fordelning(t, i)].map(([j, p]) => [j, Number(p.toFixed(4))]));

describe("the same table as sdcTools' ptable", () => {
  for (const [namn, rader] of Object.entries(R_PTABLE)) {
    it(namn, () => {
      const [D, V, js] = namn.match(/[\d.]+/g)!.map(Number) as [number, number, number];
      const t = byggPtabell({ maxbrus: D, varians: V, sma: js });
      for (const [i, p] of Object.entries(rader)) expect(rad(t, Number(i)), `i = ${i}`).toEqual(p);
    });
  }

  it("goes on where ptable stops (\"the variance parameter you set is too small\"): 1 and 2 become 0 or 3, and 3 may become 0", () => {
    const t = byggPtabell({ maxbrus: 1, varians: 0.5, sma: 2 });
    expect(rad(t, 1)).toEqual({ 0: 0.6667, 3: 0.3333 });
    expect(rad(t, 2)).toEqual({ 0: 0.3333, 3: 0.6667 });
    expect(rad(t, 3)).toEqual({ 0: 0.0417, 3: 0.8333, 4: 0.125 });
    expect(rad(t, 4)).toEqual({ 3: 0.25, 4: 0.5, 5: 0.25 });
    expect(rad(t, 40)).toEqual({ 39: 0.25, 40: 0.5, 41: 0.25 });
  });
});

describe("the noise matches the parameters", () => {
  const FALL = [STANDARD_BRUS, { maxbrus: 2, varians: 1, sma: 2 }, { maxbrus: 3, varians: 2, sma: 2 }, { maxbrus: 5, varians: 3, sma: 2 }, { maxbrus: 2, varians: 1, sma: 0 }];
  for (const p of FALL) {
    it(`D = ${p.maxbrus}, V = ${p.varians}, sma = ${p.sma}: no bias, variance V (at most V where a row cannot reach it), |noise| <= D above the small counts, never 1..sma`, () => {
      const t = byggPtabell(p);
      for (let i = 0; i <= 60; i++) {
        const f = [...fordelning(t, i)];
        const sum = f.reduce((s, [, q]) => s + q, 0);
        const medel = f.reduce((s, [j, q]) => s + (j - i) * q, 0);
        const varians = f.reduce((s, [j, q]) => s + (j - i) ** 2 * q, 0);
        expect(sum).toBeCloseTo(1, 12);
        expect(Math.abs(medel), `bias at ${i}`).toBeLessThan(1e-6);
        if (i === 0) expect(f).toEqual([[0, 1]]);
        for (const [j] of f) expect(j === 0 || j > p.sma, `${i} -> ${j}`).toBe(true);
        if (i > p.sma + 1) {
          for (const [j] of f) expect(Math.abs(j - i)).toBeLessThanOrEqual(p.maxbrus);
          expect(varians).toBeLessThanOrEqual(p.varians + 1e-6);
        }
        if (i > p.sma + p.maxbrus) expect(varians, `variance at ${i}`).toBeCloseTo(p.varians, 6);
        // Every true count above 0 can be published as more than one value: nothing is certain.
        if (i > 0) expect(f.filter(([, q]) => q > 0).length).toBeGreaterThan(1);
      }
    });
  }

  it("a lookup with uniform cell keys draws each published value with the table's probability", () => {
    const t = byggPtabell(STANDARD_BRUS);
    const N = 100_000;
    for (const i of [1, 2, 3, 4, 17]) {
      const antal = new Map<number, number>();
      for (let n = 0; n < N; n++) {
        const j = slaUpp(t, i, (n + 0.5) / N); // evenly spread keys: the frequencies are the probabilities
        antal.set(j, (antal.get(j) ?? 0) + 1);
      }
      for (const [j, q] of fordelning(t, i)) expect(Math.abs((antal.get(j) ?? 0) / N - q), `${i} -> ${j}`).toBeLessThan(2 / N);
    }
  });

  it("zero stays zero, whatever the key", () => {
    const t = byggPtabell(STANDARD_BRUS);
    for (const u of [0, 0.1, 0.5, 0.999999]) expect(slaUpp(t, 0, u)).toBe(0);
  });
});

describe("parameters that cannot work are refused", () => {
  it("a maximum noise of 0, a variance of 0 or above D², small counts below 0", () => {
    expect(() => byggPtabell({ maxbrus: 0, varians: 1, sma: 2 })).toThrow(PtabellFel);
    expect(() => byggPtabell({ maxbrus: 2, varians: 0, sma: 2 })).toThrow(PtabellFel);
    expect(() => byggPtabell({ maxbrus: 1, varians: 2, sma: 2 })).toThrow(PtabellFel);
    expect(() => byggPtabell({ maxbrus: 2, varians: 1, sma: -1 })).toThrow(PtabellFel);
  });
  it("maximum entropy with one sign of noise only has no unbiased solution but 'no noise'", () => {
    expect(maxEntropi([0, 1, 2], 1)).toEqual([1, 0, 0]);
    expect(() => maxEntropi([1, 2], 1)).toThrow(PtabellFel);
  });
});
