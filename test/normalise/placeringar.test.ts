/**
 * One spec per SCB table, read in every PxWeb placement (issue 9, item 1): one table per kind is
 * written in every placement (time in the stub or the heading, contents in the stub or the
 * heading, any order of the stub, another variable or the region in the heading), with codes,
 * texts or both, in every encoding and delimiter, with and without SCB's title line, and as
 * Swedish Excel resaves it. Every variant must be recognised as its kind, read without errors,
 * and give byte for byte the same outputs as SCB's own download.
 */
import { describe, expect, it } from "vitest";
import { recognise } from "../../loaders/validate/recognise.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { regionreferens } from "../../loaders/normalise/region.ts";
import { normaliseHelarsekvivalenter } from "../../loaders/normalise/helarsekvivalenter.ts";
import { basKalla, normaliseBas } from "../../loaders/normalise/bas.ts";
import { normaliseBefolkning } from "../../loaders/normalise/befolkning.ts";
import { computeHelarsekvivalenter } from "../../loaders/compute/helarsekvivalenter.ts";
import { basFiler } from "../../loaders/publish/bas.ts";
import { befolkningFiler } from "../../loaders/publish/befolkning.ts";
import { csvText } from "../../loaders/publish/csv.ts";
import { HELARSEKVIVALENTER } from "../../loaders/publish/helarsekvivalenter.ts";
import { tabellFranArquero } from "../../loaders/publish/schema.ts";
import type { PxTable } from "../../loaders/read/pxweb.ts";
import { BORLANGE, FALUN, indelning } from "../helpers/he.ts";
import { placeringar, skrivPx, type Placering, type PxTabell, type Stil } from "../helpers/pxweb.ts";

const FB = { forbund: "fb", forbundNamn: "Finsam Falun-Borlänge", fran: undefined, till: undefined };
const IND = indelning([FALUN, BORLANGE], [{ ...FB, kommunkod: "2080" }, { ...FB, kommunkod: "2081" }]);
const REF = regionreferens(IND.kommuner);

const REGION = { rubrik: "region", varden: [{ kod: "2080", text: "Falun" }, { kod: "2081", text: "Borlänge" }, { kod: "20", text: "Dalarnas län" }] };
const KON = { rubrik: "kön", varden: [{ kod: "1", text: "män" }, { kod: "2", text: "kvinnor" }, { kod: "1+2", text: "män och kvinnor totalt" }] };
const manader = (n: number) => Array.from({ length: n }, (_, i) => ({ kod: `2024M0${i + 1}`, text: `2024M0${i + 1}` }));

/** A deterministic count for the cell: kön totalt is män + kvinnor, the län the sum of its kommuner. */
function antal(region: number, kon: number, ovriga: number): number {
  const del = (r: number, k: number) => 100 + 37 * r + 11 * k + 5 * ovriga;
  const kommun = (r: number) => (kon === 2 ? del(r, 0) + del(r, 1) : del(r, kon));
  return region === 2 ? kommun(0) + kommun(1) : kommun(region);
}

const HE: PxTabell = {
  titel: "Helårsekvivalenter 20-64 år efter region, kön, ålder, tabellinnehåll och månad",
  variabler: [
    REGION, KON,
    { rubrik: "ålder", varden: [{ kod: "20-64", text: "20-64 år" }] },
    { rubrik: "tabellinnehåll", varden: ["Sjukpenning", "Ekonomiskt bistånd", "Folkmängd"].map((t) => ({ kod: t, text: t })) },
    { rubrik: "månad", varden: manader(6) },
  ],
  cell: ([r, k, , i, m]) => (r === 0 && k === 1 && i === 1 && m === 4 ? ".." : String(antal(r!, k!, 10 * i! + m!) * (i === 2 ? 20 : 1) + (i === 0 ? 0.5 : 0))),
};

const BAS: PxTabell = {
  titel: "Befolkningen 15-74 år (BAS) efter region, kön, ålder, födelseregion, tabellinnehåll och månad",
  variabler: [
    REGION, KON,
    { rubrik: "ålder", varden: [{ kod: "20-64", text: "20-64 år" }, { kod: "20-24", text: "20-24 år" }] },
    { rubrik: "födelseregion", varden: [{ kod: "totalt", text: "totalt" }] },
    { rubrik: "tabellinnehåll", varden: ["antal sysselsatta", "antal arbetslösa"].map((t) => ({ kod: t, text: t })) },
    { rubrik: "månad", varden: manader(2) },
  ],
  cell: ([r, k, a, , i, m]) => String(antal(r!, k!, 20 * a! + 7 * i! + m!)),
};

const BEFOLKNING: PxTabell = {
  titel: "Folkmängden efter region, ålder, kön och år",
  variabler: [
    REGION,
    { rubrik: "ålder", varden: [{ kod: "tot", text: "totalt ålder" }, { kod: "0", text: "0 år" }, { kod: "100+", text: "100+ år" }] },
    { rubrik: "kön", varden: [{ kod: "1", text: "män" }, { kod: "2", text: "kvinnor" }, { kod: "TotSa", text: "totalt" }] },
    { rubrik: "år", varden: [{ kod: "2024", text: "2024" }, { kod: "2025", text: "2025" }] },
  ],
  cell: ([r, a, k, y]) => String(antal(r!, k!, 3 * a! + y!)),
};

const STILAR: Stil[] = ["kod och text", "koder", "texter", "kod - text"];
const AVGRANSARE = [";", ",", "\t"] as const;
const KODNINGAR = ["latin1", "utf8-bom", "utf8"] as const;

/** Every placement, each in a style, delimiter and encoding (rotating), plus Excel's numbers on SCB's own layout. */
function varianter(t: PxTabell, tid: string, innehall: string | undefined): { namn: string; p: Placering }[] {
  const ut: { namn: string; p: Placering }[] = [];
  placeringar(t.variabler.map((v) => v.rubrik), tid, innehall).forEach((pl, i) => {
    for (let j = 0; j < STILAR.length; j++) {
      const k = i + j;
      const p: Placering = {
        stub: pl.stub, rubrik: pl.rubrik, stil: STILAR[j]!, avgransare: AVGRANSARE[k % 3]!, kodning: KODNINGAR[k % 3]!, titel: k % 2 === 0,
        ...(pl.vardekolumn ? { vardekolumn: pl.vardekolumn } : {}),
      };
      ut.push({ namn: `${pl.namn}; ${p.stil}; ${JSON.stringify(p.avgransare)}; ${p.kodning}${p.titel ? "; titelrad" : ""}`, p });
    }
  });
  ut.push({ namn: "SCB:s nedladdning sparad om av svenska Excel (decimalkomma, tusental med mellanslag)", p: { stub: t.variabler.map((v) => v.rubrik).filter((r) => r !== tid), rubrik: [tid], stil: "kod och text", avgransare: ";", kodning: "latin1", titel: true, excel: true } });
  return ut;
}

function las(t: PxTabell, p: Placering) {
  const findings = new Findings();
  const r = recognise(skrivPx(t, p), "fil.csv", findings);
  return { r, findings };
}

describe("helårsekvivalenter (HE0000T02N2 / TAB1386) in every placement", () => {
  const utdata = (t: PxTable, findings: Findings) => {
    const l = normaliseHelarsekvivalenter(t, REF, findings);
    expect(findings.errors).toEqual([]);
    const res = computeHelarsekvivalenter(l!, IND, findings);
    return { csv: csvText(tabellFranArquero(HELARSEKVIVALENTER, res.tabell)), tal: l!.inlasning.tal };
  };
  const facit = (() => {
    const { r, findings } = las(HE, { stub: ["region", "kön", "ålder", "tabellinnehåll"], rubrik: ["månad"], stil: "kod och text", avgransare: ";", kodning: "latin1", titel: true });
    if (r.kind !== "helarsekvivalenter") throw new Error(r.kind);
    return utdata(r.table!, findings);
  })();

  it("SCB's own download reads: every cell, with the missing value kept missing", () => {
    expect(facit.tal).toEqual({ kommun: 2 * 3 * 3 * 6 - 1, lan: 3 * 3 * 6, riket: 0 });
    expect(facit.csv).toContain("kommun,2080,Falun,2024-05,kvinnor,ekonomiskt_bistand,,");
    expect(facit.csv).toContain(`lan,20,Dalarnas län,2024-01,alla,sjukpenning,${antal(2, 2, 0) + 0.5},`);
  });

  for (const { namn, p } of varianter(HE, "månad", "tabellinnehåll")) {
    it(namn, () => {
      const { r, findings } = las(HE, p);
      expect(r.kind).toBe("helarsekvivalenter");
      if (r.kind !== "helarsekvivalenter") return;
      const ut = utdata(r.table!, findings);
      expect(ut.tal).toEqual(facit.tal);
      expect(ut.csv).toBe(facit.csv);
    });
  }
});

describe("BAS status (ArbStatusM / TAB6260) in every placement", () => {
  const utdata = (t: PxTable, findings: Findings) => {
    const d = normaliseBas("bas_status", t, REF, findings);
    expect(findings.errors).toEqual([]);
    return new Map(basFiler([d!], IND, findings)).get("arbetsmarknadsstatus.csv")!;
  };
  const facit = (() => {
    const { r, findings } = las(BAS, { stub: ["region", "kön", "ålder", "födelseregion", "tabellinnehåll"], rubrik: ["månad"], stil: "kod och text", avgransare: ";", kodning: "latin1", titel: true });
    if (r.kind !== "bas" || basKalla(r.table!) !== "bas_status") throw new Error(r.kind);
    return utdata(r.table!, findings);
  })();

  it("SCB's own download reads", () => {
    expect(facit.split("\n").length).toBeGreaterThan(20);
  });

  for (const { namn, p } of varianter(BAS, "månad", "tabellinnehåll")) {
    it(namn, () => {
      const { r, findings } = las(BAS, p);
      expect(r.kind).toBe("bas");
      if (r.kind !== "bas" || !("table" in r)) return;
      expect(basKalla(r.table!)).toBe("bas_status");
      expect(utdata(r.table!, findings)).toBe(facit);
    });
  }
});

describe("population (BE0101 / TAB638, and TAB5557 from 2025 with its codes TotSa, tot, 100+) in every placement", () => {
  const utdata = (t: PxTable, findings: Findings) => {
    const d = normaliseBefolkning(t, REF, findings);
    expect(findings.errors).toEqual([]);
    return new Map(befolkningFiler([d!], IND, findings));
  };
  const facit = (() => {
    const { r, findings } = las(BEFOLKNING, { stub: ["region", "ålder", "kön"], rubrik: ["år"], stil: "kod och text", avgransare: ";", kodning: "latin1", titel: true });
    if (r.kind !== "befolkning") throw new Error(r.kind);
    return utdata(r.table!, findings);
  })();

  it("SCB's own download reads", () => {
    expect(facit.get("befolkning.csv")).toContain(`kommun,2080,Falun,2025,alla,${antal(0, 2, 1)}`);
  });

  for (const { namn, p } of varianter(BEFOLKNING, "år", undefined)) {
    it(namn, () => {
      const { r, findings } = las(BEFOLKNING, p);
      expect(r.kind).toBe("befolkning");
      if (r.kind !== "befolkning") return;
      expect(utdata(r.table!, findings)).toEqual(facit);
    });
  }
});
