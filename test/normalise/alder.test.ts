/** Age labels in the forms SCB uses, to one canonical form. */
import { describe, expect, it } from "vitest";
import { compareAlder, inom, parseAlder } from "../../loaders/normalise/alder.ts";

describe("parseAlder", () => {
  it.each([
    ["20-64 år", "20-64"], ["20–64 år", "20-64"], ["20 - 64 år", "20-64"], ["16-64", "16-64"],
    ["0 år", "0"], ["7 år", "7"], ["07", "7"], ["99 år", "99"],
    ["100+ år", "100+"], ["100+", "100+"], ["65+ år", "65+"], ["65 år och äldre", "65+"], ["100 år eller äldre", "100+"],
    ["totalt ålder", "totalt"], ["Totalt", "totalt"], ["samtliga åldrar", "totalt"], ["totalt, ålder", undefined],
    ["-4 år", "0-4"], ["64-20 år", undefined], ["okänd ålder", undefined], ["", undefined],
  ])("%j -> %j", (label, expected) => {
    expect(parseAlder(label)).toBe(expected);
  });
});

it("inom: an age or band inside another band", () => {
  expect(inom("20-24", "20-64")).toBe(true);
  expect(inom("64", "20-64")).toBe(true);
  expect(inom("65", "20-64")).toBe(false);
  expect(inom("15-24", "20-64")).toBe(false);
  expect(inom("100+", "65+")).toBe(true);
  expect(inom("65+", "20-64")).toBe(false);
});

it("compareAlder: totalt first, then by start, narrower first", () => {
  expect(["65+", "20-64", "totalt", "0", "20-24", "5-9"].sort(compareAlder)).toEqual(["totalt", "0", "5-9", "20-24", "20-64", "65+"]);
});
