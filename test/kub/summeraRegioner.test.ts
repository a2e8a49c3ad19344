/**
 * docs/definitioner/regioner.md: kommun values summed to förbund, län and riket (the verb
 * `loaders/kub/verb/summeraRegioner.ts`), checked on numbers small enough to add by hand.
 */
import { describe, expect, it } from "vitest";
import { KubBygge, NIVA, NIVAER, TAL, UTAN_CELL, koder, varden as kolumn } from "../../loaders/kub/kub.ts";
import { summeraRegioner } from "../../loaders/kub/verb/summeraRegioner.ts";
import { regionnamn } from "../../loaders/kub/verb/lang.ts";
import type { Indelning } from "../../loaders/reference/indelning.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { AVESTA, BORLANGE, FALUN, indelning } from "../helpers/he.ts";

interface Kallvarde { niva: "kommun" | "lan" | "riket"; kod: string; tid: string; grupp: string; varde: number | null }

const IND = indelning([FALUN, BORLANGE, AVESTA], [
  { forbund: "falun", forbundNamn: "Finsam Falun", kommunkod: "2080", fran: undefined, till: "2022-12" },
  { forbund: "falun-borlange", forbundNamn: "Finsam Falun-Borlänge", kommunkod: "2080", fran: "2023-01", till: undefined },
  { forbund: "falun-borlange", forbundNamn: "Finsam Falun-Borlänge", kommunkod: "2081", fran: "2023-01", till: undefined },
]);

const k = (kod: string, tid: string, grupp: string, varde: number | null): Kallvarde => ({ niva: "kommun", kod, tid, grupp, varde });

/** The values as a cube (niva, kod, grupp by period), summed, and back as rows in the published order. */
function summera(varden: Kallvarde[], ind: Indelning, findings: Findings) {
  const b = new KubBygge(["niva", "kod", "grupp"]);
  const perioder = [...new Set(varden.map((v) => v.tid))].sort();
  for (const p of perioder) b.period(p);
  for (const v of varden) {
    const s = b.serie([NIVA[v.niva], b.kod(1, v.kod), b.kod(2, v.grupp)]);
    b.satt(s, b.period(v.tid), v.varde ?? Number.NaN, v.varde === null ? 2 : TAL);
  }
  const kub = summeraRegioner(b.bygg(), ind, { fil: "test.csv", regel: "test" }, findings);
  const namn = regionnamn(ind);
  const niva = koder(kub, 0);
  const kod = koder(kub, 1);
  const grupp = koder(kub, 2);
  const rader: { niva: string; kod: string; namn: string; tid: string; grupp: string; varde: number | null }[] = [];
  for (let s = 0; s < kub.antal; s++) {
    kub.perioder.forEach((tid, p) => {
      const sak = kub.saknas[p]![s]!;
      if (sak === UTAN_CELL) return;
      const k = kub.ordbok[1]![kod[s]!]!;
      rader.push({ niva: NIVAER[niva[s]!]!, kod: k, namn: namn(niva[s]!, k), tid, grupp: kub.ordbok[2]![grupp[s]!]!, varde: sak === TAL ? kolumn(kub, p)[s]! : null });
    });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rader.sort((a, b) => NIVAER.indexOf(a.niva as never) - NIVAER.indexOf(b.niva as never) || cmp(a.kod, b.kod) || cmp(a.tid, b.tid) || cmp(a.grupp, b.grupp));
}

function run(varden: Kallvarde[], ind = IND) {
  const findings = new Findings();
  const rader = summera(varden, ind, findings);
  const find = (niva: string, kod: string, tid: string, grupp = "alla") => rader.find((r) => r.niva === niva && r.kod === kod && r.tid === tid && r.grupp === grupp);
  return { rader, findings, find };
}

describe("förbund", () => {
  const data = [
    k("2080", "2022-12", "alla", 100), k("2081", "2022-12", "alla", 50), k("2084", "2022-12", "alla", 30),
    k("2080", "2023-01", "alla", 101), k("2081", "2023-01", "alla", 51), k("2084", "2023-01", "alla", 31),
    k("2080", "2023-01", "kvinnor", 60), k("2081", "2023-01", "kvinnor", null), k("2084", "2023-01", "kvinnor", 15),
  ];
  const { find } = run(data);

  it("is the sum of the kommuner that are members that month: Falun-Borlänge 2023-01 = 101 + 51 = 152", () => {
    expect(find("forbund", "falun-borlange", "2023-01")).toMatchObject({ namn: "Finsam Falun-Borlänge", varde: 152 });
  });

  it("does not exist in a month when it had no members (Falun-Borlänge 2022-12) and follows membership changes (Finsam Falun 2022-12 = 100)", () => {
    expect(find("forbund", "falun-borlange", "2022-12")).toBeUndefined();
    expect(find("forbund", "falun", "2022-12")).toMatchObject({ varde: 100 });
    expect(find("forbund", "falun", "2023-01")).toBeUndefined();
  });

  it("is missing, not smaller, when one member's value is missing (kvinnor 2023-01: 60 + ..)", () => {
    expect(find("forbund", "falun-borlange", "2023-01", "kvinnor")).toMatchObject({ varde: null });
  });

  it("for a year uses the membership valid in December", () => {
    const { find: f } = run([k("2080", "2022", "alla", 10), k("2081", "2022", "alla", 5), k("2080", "2023", "alla", 11), k("2081", "2023", "alla", 6)]);
    expect(f("forbund", "falun", "2022")).toMatchObject({ varde: 10 });
    expect(f("forbund", "falun-borlange", "2022")).toBeUndefined();
    expect(f("forbund", "falun-borlange", "2023")).toMatchObject({ varde: 17 });
  });

  it("is left out, with a warning, when a member kommun is absent from the data", () => {
    const { find: f, findings } = run([k("2080", "2023-01", "alla", 101)]);
    expect(f("forbund", "falun-borlange", "2023-01")).toBeUndefined();
    expect(findings.warnings.map((w) => w.regel)).toContain("test.forbund_ofullstandigt");
  });
});

describe("län and riket", () => {
  it("län = the sum of all its kommuner when SCB's own län row is absent (20: 101 + 51 + 31 = 183)", () => {
    const { find } = run([k("2080", "2023-01", "alla", 101), k("2081", "2023-01", "alla", 51), k("2084", "2023-01", "alla", 31)]);
    expect(find("lan", "20", "2023-01")).toMatchObject({ namn: "Dalarnas län", varde: 183 });
  });

  it("keeps SCB's own län and riket values even when the kommuner (with SCB's noise) sum to something else", () => {
    const { find } = run([
      k("2080", "2023-01", "alla", 101), k("2081", "2023-01", "alla", 51), k("2084", "2023-01", "alla", 31),
      { niva: "lan", kod: "20", tid: "2023-01", grupp: "alla", varde: 185 },
      { niva: "riket", kod: "00", tid: "2023-01", grupp: "alla", varde: 9000 },
    ]);
    expect(find("lan", "20", "2023-01")).toMatchObject({ varde: 185 });
    expect(find("riket", "00", "2023-01")).toMatchObject({ namn: "Riket", varde: 9000 });
  });

  it("a län with a kommun missing from the data is not computed (info); riket needs all kommuner", () => {
    const { find, findings } = run([k("2080", "2023-01", "alla", 101)]);
    expect(find("lan", "20", "2023-01")).toBeUndefined();
    expect(findings.all.map((f) => f.regel)).toContain("test.lan_ofullstandigt");
    const alla = run([k("2080", "2023-01", "alla", 1), k("2081", "2023-01", "alla", 2), k("2084", "2023-01", "alla", 3)]);
    expect(alla.find("riket", "00", "2023-01")).toMatchObject({ varde: 6 }); // the test indelning has 3 kommuner
  });
});

it("rows are sorted by level (kommun, förbund, län, riket), code, time and group, whatever the input order", () => {
  const data = [k("2081", "2023-01", "b", 1), k("2080", "2023-01", "a", 2), k("2084", "2023-01", "a", 3), k("2081", "2023-01", "a", 4), k("2080", "2023-01", "b", 5), k("2084", "2023-01", "b", 6)];
  const a = run(data).rader;
  const b = run([...data].reverse()).rader;
  expect(a).toEqual(b);
  expect(a.map((r) => `${r.niva}:${r.kod}:${r.grupp}`).slice(0, 3)).toEqual(["kommun:2080:a", "kommun:2080:b", "kommun:2081:a"]);
});

it("SCB's own län value counts for the periods the file has it; other periods are summed from the kommuner", () => {
  const { find } = run([
    k("2080", "2022", "alla", 1), k("2081", "2022", "alla", 2), k("2084", "2022", "alla", 3),
    k("2080", "2023", "alla", 1), k("2081", "2023", "alla", 2), k("2084", "2023", "alla", 3),
    { niva: "lan", kod: "20", tid: "2023", grupp: "alla", varde: 7 },
  ]);
  expect(find("lan", "20", "2022")).toMatchObject({ varde: 6 });
  expect(find("lan", "20", "2023")).toMatchObject({ varde: 7 });
});

it("gives the same cube whether the kommuner come in one run or with SCB's län and riket rows between them", () => {
  const kommuner = [
    k("2080", "2023-01", "alla", 101), k("2080", "2023-01", "kvinnor", 60), k("2081", "2023-01", "alla", 51),
    k("2081", "2023-01", "kvinnor", 20), k("2084", "2023-01", "alla", 31), k("2084", "2023-01", "kvinnor", null),
    k("2080", "2023-02", "alla", 102), k("2081", "2023-02", "alla", 52), k("2084", "2023-02", "alla", 32),
  ];
  const egna: Kallvarde[] = [
    { niva: "lan", kod: "20", tid: "2023-01", grupp: "alla", varde: 185 },
    { niva: "riket", kod: "00", tid: "2023-01", grupp: "kvinnor", varde: 9000 },
  ];
  const forst = run([...egna, ...kommuner]).rader;
  const mellan = run([kommuner[0]!, egna[0]!, ...kommuner.slice(1, 4), egna[1]!, ...kommuner.slice(4)]).rader;
  const sist = run([...kommuner, ...egna]).rader;
  expect(mellan).toEqual(forst);
  expect(sist).toEqual(forst);
  // By hand: the kommuner's own values, SCB's län for 2023-01 and the kommuner's sum for 2023-02.
  const find = (niva: string, kod: string, tid: string, grupp = "alla") => forst.find((r) => r.niva === niva && r.kod === kod && r.tid === tid && r.grupp === grupp)?.varde;
  expect(find("kommun", "2081", "2023-01", "kvinnor")).toBe(20);
  expect(find("kommun", "2084", "2023-01", "kvinnor")).toBe(null);
  expect(find("lan", "20", "2023-01")).toBe(185);
  expect(find("lan", "20", "2023-02")).toBe(186);
  expect(find("riket", "00", "2023-01", "kvinnor")).toBe(9000);
  expect(find("forbund", "falun-borlange", "2023-02")).toBe(154);
});
