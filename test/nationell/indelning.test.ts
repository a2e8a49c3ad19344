// Den påhittade nationella förbundsindelningen (scripts/generera-nationell-indelning.ts).
import { describe, expect, it } from "vitest";
import { genereraNationellIndelning, indelningSomCsv, RUBRIK, SAMMANSLAGNING } from "../../scripts/generera-nationell-indelning.ts";
import { readDefaultKommuner, readMedlemskap } from "../../loaders/reference/indelning.ts";
import { Findings } from "../../loaders/validate/findings.ts";

describe("påhittad nationell förbundsindelning", () => {
  const rader = genereraNationellIndelning();
  const csv = indelningSomCsv(rader);
  const f = new Findings();
  const kommuner = readDefaultKommuner(f)!;
  const medlemskap = readMedlemskap(new TextEncoder().encode(csv), "forbund_fiktiv_nationell.csv", kommuner, f);

  it("läses som en förbundsindelning utan fel och med exakt dagens rubrikrad", () => {
    expect(csv.split("\n")[0]).toBe(RUBRIK);
    expect(f.all.filter((x) => x.allvar === "fel")).toEqual([]);
    expect(medlemskap).toHaveLength(rader.length);
  });

  it("är densamma varje gång (seedad) och beror på fröet", () => {
    expect(indelningSomCsv(genereraNationellIndelning())).toBe(csv);
    expect(indelningSomCsv(genereraNationellIndelning(undefined, "annat frö"))).not.toBe(csv);
  });

  it("säger i varje namn och id att förbunden är påhittade", () => {
    for (const r of rader) {
      expect(r.forbund).toMatch(/^fiktivt-/);
      expect(r.forbundNamn).toMatch(/^Fiktivt samordningsförbund /);
    }
  });

  it("har ungefär 80 förbund i dag och några kommuner utan förbund", () => {
    const idag = rader.filter((r) => r.giltigTill === "");
    const forbund = new Set(idag.map((r) => r.forbund));
    expect(forbund.size).toBeGreaterThanOrEqual(75);
    expect(forbund.size).toBeLessThanOrEqual(85);
    const med = new Set(idag.map((r) => r.kommunkod));
    expect(med.size).toBeLessThan(290);
    expect(med.size).toBeGreaterThan(240);
    // en kommun i högst ett förbund åt gången
    expect(med.size).toBe(idag.length);
  });

  it("har ett förbund som spänner över två län", () => {
    const lan = new Map<string, Set<string>>();
    for (const m of medlemskap!) lan.set(m.forbund, (lan.get(m.forbund) ?? new Set()).add(kommuner.get(m.kommunkod)!.lan));
    const tva = [...lan].filter(([, l]) => l.size === 2);
    expect(tva.map(([id, l]) => [id, [...l].sort()])).toEqual([["fiktivt-18-04", ["18", "19"]]]);
  });

  it("har en sammanslagning med giltighetsdatum: två förbund slutar 2022-12, ett börjar 2023-01 med samma kommuner", () => {
    const nya = rader.filter((r) => r.giltigFran === SAMMANSLAGNING.fran);
    const gamla = rader.filter((r) => r.giltigTill === SAMMANSLAGNING.till);
    expect(new Set(nya.map((r) => r.forbund)).size).toBe(1);
    expect(new Set(gamla.map((r) => r.forbund)).size).toBe(2);
    expect(gamla.map((r) => r.kommunkod).sort()).toEqual(nya.map((r) => r.kommunkod).sort());
  });
});
