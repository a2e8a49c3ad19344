// Årsdiagrammens y-axel (docs/webbplatsen.md, Axlar; issue 12): folkmängden börjar på 0, inte på
// 55 200, och Befolkning och försörjning ritar folkmängden så.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { arsdoman } from "../src/components/statistikvyer.js";

describe("arsdoman", () => {
  it("starts at 0 for counts (noll), with a little room above the largest value", () => {
    const [lo, hi] = arsdoman([55_200, 55_600, 56_000], { noll: true });
    expect(lo).toBe(0);
    // 56 000 + 12 % of the span 0..56 000.
    expect(hi).toBeCloseTo(56_000 * 1.12, 6);
  });

  it("otherwise starts just below the smallest value, never below 0", () => {
    const [lo, hi] = arsdoman([10, 20]);
    expect(lo).toBeCloseTo(10 - 1.2, 9);
    expect(hi).toBeCloseTo(20 + 1.2, 9);
    expect(arsdoman([0.5, 1])[0]).toBe(0.44);
    expect(arsdoman([1, 100])[0]).toBe(0);
  });

  it("the population chart on Befolkning och försörjning asks for an axis from 0", () => {
    const sida = readFileSync(new URL("../src/befolkning.md", import.meta.url), "utf8");
    const folk = sida.split("\n").filter((r) => r.includes("arslinjer(folkrader"));
    expect(folk.length).toBeGreaterThan(0);
    for (const r of folk) expect(r).toContain("noll: true");
  });
});
