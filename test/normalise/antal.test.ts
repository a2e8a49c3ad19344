/** Counts in messages: Swedish grouping, the same text as `toLocaleString("sv-SE")`. */
import { describe, expect, it } from "vitest";
import { antal } from "../../loaders/normalise/antal.ts";

describe("antal", () => {
  it.each([
    [0, "0"], [7, "7"], [999, "999"], [1000, "1\u00a0000"], [1234, "1\u00a0234"], [12345, "12\u00a0345"],
    [123456, "123\u00a0456"], [1127520, "1\u00a0127\u00a0520"], [2 ** 53 - 1, "9\u00a0007\u00a0199\u00a0254\u00a0740\u00a0991"],
  ])("%d -> %j", (n, text) => {
    expect(antal(n)).toBe(text);
  });

  it("is toLocaleString(\"sv-SE\") for whole numbers of every length, and for what it leaves to it", () => {
    const tal = [-1234, 12.5, 1e21, Number.NaN];
    for (let siffror = 1; siffror <= 16; siffror++) {
      const storst = 10 ** siffror - 1;
      tal.push(10 ** (siffror - 1), storst, Math.min(Number.MAX_SAFE_INTEGER, Math.floor(storst * 0.6180339887)));
    }
    for (const n of tal) expect(antal(n), String(n)).toBe(n.toLocaleString("sv-SE"));
  });
});
