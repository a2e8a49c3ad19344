import { describe, expect, it } from "vitest";
import { fisherExact, wilson } from "../../loaders/compute/osakerhet.ts";

describe("the Wilson score interval", () => {
  it("for 11 of 18 (Avesta 2018: 61 %) is 38.6 % to 79.7 %", () => {
    // p = 0.6111, z = 1.96: centre = (p + z²/2n)/(1 + z²/n), half = z/(1+z²/n)·sqrt(p(1-p)/n + z²/4n²)
    const [lo, hi] = wilson(11, 18)!;
    expect(lo).toBeCloseTo(0.3862, 4);
    expect(hi).toBeCloseTo(0.7969, 4);
  });

  it("stays inside 0..1 for 0 % and 100 %", () => {
    expect(wilson(0, 5)![0]).toBe(0);
    expect(wilson(5, 5)![1]).toBe(1);
  });

  it("is undefined without a denominator", () => {
    expect(wilson(0, 0)).toBeUndefined();
  });
});

describe("Fisher's exact test, two-sided", () => {
  it("gives Fisher's tea-tasting p-value: [[3,1],[1,3]] -> 0.4857", () => {
    // 17/35: tables with probability <= 16/70: x = 0,1,3,4 -> (1 + 16 + 16 + 1)/70
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(34 / 70, 12);
  });

  it("is 1 when both groups have the same share", () => {
    expect(fisherExact(5, 5, 5, 5)).toBeCloseTo(1, 12);
  });

  it("is small for a clear difference: [[10,0],[0,10]] -> 2/C(20,10)", () => {
    expect(fisherExact(10, 0, 0, 10)).toBeCloseTo(2 / 184756, 15);
  });
});
