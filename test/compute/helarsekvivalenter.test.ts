/**
 * The definitions in docs/definitioner/helarsekvivalenter.md, checked on a small file whose
 * answers were worked out by hand (the comments show the arithmetic).
 */
import { describe, expect, it } from "vitest";
import { BORLANGE, FALUN, compute, indelning, months } from "../helpers/he.ts";

const M = months(2024, 1, 12);
//                           jan  feb  mar  apr  maj  jun  jul  aug  sep  okt  nov  dec
const falunSjukpenning = [100, 102, 104, 106, 108, 110, 112, 114, 116, 118, 120, 122];
const borlangeSjukpenning = [50, 50, 50, 50, 50, 50, 50, "..", 50, 50, 50, 50];
const row = (region: string, innehall: string, values: (number | string)[]) =>
  `"${region}";"män och kvinnor totalt";"20-64 år";"${innehall}";${values.join(";")}`;

const FILE = [
  `"region";"kön";"ålder";"tabellinnehåll";${M.map((m) => `"${m}"`).join(";")}`,
  row("2080 Falun", "Sjukpenning", falunSjukpenning),
  row("2080 Falun", "Folkmängd", Array(12).fill(1000)),
  row("2081 Borlänge", "Sjukpenning", borlangeSjukpenning),
  row("2081 Borlänge", "Folkmängd", Array(12).fill(500)),
].join("\n");

// Falun belongs to "falun" until March 2024 and to "falun-borlange" from April; Borlänge to
// "borlange" all year and to "falun-borlange" from April.
const IND = indelning([FALUN, BORLANGE], [
  { forbund: "falun", forbundNamn: "Finsam Falun", kommunkod: "2080", fran: undefined, till: "2024-03" },
  { forbund: "borlange", forbundNamn: "Finsam Borlänge", kommunkod: "2081", fran: undefined, till: undefined },
  { forbund: "falun-borlange", forbundNamn: "Finsam Falun-Borlänge", kommunkod: "2080", fran: "2024-04", till: undefined },
  { forbund: "falun-borlange", forbundNamn: "Finsam Falun-Borlänge", kommunkod: "2081", fran: "2024-04", till: undefined },
]);

describe("helårsekvivalenter per kommun", () => {
  const { find } = compute(FILE, IND);

  it("a month is the value in the file, and andel = varde / folkmangd", () => {
    expect(find("kommun", "2080", "2024-03")).toMatchObject({ namn: "Falun", varde: 104, folkmangd: 1000, andel: 0.104 });
  });

  it("a half-year is the mean of its six months: Falun H1 = (100+102+104+106+108+110)/6 = 105", () => {
    expect(find("kommun", "2080", "2024-H1")).toMatchObject({ varde: 105, folkmangd: 1000, andel: 0.105 });
    expect(find("kommun", "2080", "2024-H2")).toMatchObject({ varde: 117, andel: 0.117 }); // 702/6
  });

  it("a year is the mean of its twelve months: Falun 2024 = 1332/12 = 111", () => {
    expect(find("kommun", "2080", "2024")).toMatchObject({ varde: 111, folkmangd: 1000, andel: 0.111 });
  });

  it("a missing month (..) is kept as missing, never as 0", () => {
    expect(find("kommun", "2081", "2024-08")).toMatchObject({ varde: null, folkmangd: 500, andel: null });
  });

  it("a missing month makes the half-year and year absent, not a smaller mean", () => {
    expect(find("kommun", "2081", "2024-H1")).toMatchObject({ varde: 50, andel: 0.1 });
    expect(find("kommun", "2081", "2024-H2")).toBeUndefined();
    expect(find("kommun", "2081", "2024")).toBeUndefined();
  });
});

describe("helårsekvivalenter per förbund", () => {
  const { find, rader } = compute(FILE, IND);

  it("uses the membership valid in each month", () => {
    expect(find("forbund", "falun", "2024-03")).toMatchObject({ namn: "Finsam Falun", varde: 104, folkmangd: 1000 });
    expect(find("forbund", "falun", "2024-04")).toBeUndefined();
    expect(find("forbund", "falun-borlange", "2024-03")).toBeUndefined();
    expect(find("forbund", "falun-borlange", "2024-04")).toMatchObject({ varde: 156, folkmangd: 1500, andel: 156 / 1500 }); // 106 + 50
  });

  it("a förbund month is missing when a member kommun's month is missing", () => {
    expect(find("forbund", "falun-borlange", "2024-08")).toMatchObject({ varde: null, folkmangd: 1500, andel: null });
  });

  it("has a half-year only when the förbund existed in every month of it", () => {
    expect(find("forbund", "falun", "2024-H1")).toBeUndefined(); // three months
    expect(find("forbund", "falun-borlange", "2024-H1")).toBeUndefined(); // three months
    expect(find("forbund", "borlange", "2024-H1")).toMatchObject({ varde: 50, folkmangd: 500, andel: 0.1 });
  });

  it("never writes a förbund row for a month before it existed", () => {
    const months = rader.filter((r) => r.niva === "forbund" && r.kod === "falun-borlange" && /^\d{4}-\d{2}$/.test(r.period)).map((r) => r.period);
    expect(new Set(months)).toEqual(new Set(M.slice(3).map((m) => `2024-${m.slice(5)}`)));
  });
});

describe("helårsekvivalenter per län and riket", () => {
  it("län is the sum of all its kommuner, with andel recomputed: H1 = (630 + 300)/6 = 155, andel 155/1500", () => {
    const { find } = compute(FILE, IND);
    expect(find("lan", "20", "2024-01")).toMatchObject({ namn: "Dalarnas län", varde: 150, folkmangd: 1500, andel: 0.1 });
    const h1 = find("lan", "20", "2024-H1")!;
    expect(h1.varde).toBe(155);
    expect(h1.folkmangd).toBe(1500);
    expect(h1.andel).toBe(155 / 1500);
    expect(find("lan", "20", "2024-H2")).toBeUndefined();
  });

  it("riket is summed only when every kommun in the reference is in the file", () => {
    expect(compute(FILE, IND).find("riket", "00", "2024-01")).toMatchObject({ varde: 150 });
    const withAvesta = indelning([FALUN, BORLANGE, { kod: "2084", namn: "Avesta", lan: "20", lanNamn: "Dalarnas län" }], []);
    const { find, findings } = compute(FILE, withAvesta);
    expect(find("riket", "00", "2024-01")).toBeUndefined();
    expect(find("lan", "20", "2024-01")).toBeUndefined();
    expect(findings.all.map((f) => f.regel)).toEqual(expect.arrayContaining(["he.riket_saknas", "he.lan_ofullstandigt"]));
  });

  it("riket comes from the file when the file has it", () => {
    const file = FILE + "\n" + row("00 Riket", "Sjukpenning", Array(12).fill(600000)) + "\n" + row("00 Riket", "Folkmängd", Array(12).fill(5800000));
    const { find, rader } = compute(file, IND);
    expect(find("riket", "00", "2024-H1")).toMatchObject({ namn: "Riket", varde: 600000, folkmangd: 5800000, andel: 600000 / 5800000 });
    expect(rader.filter((r) => r.niva === "riket" && r.period === "2024-01")).toHaveLength(1);
  });
});

describe("kön", () => {
  it("totalt is kvinnor + män when the file has only the two", () => {
    const file = [
      '"region";"kön";"tabellinnehåll";"2024M01"',
      '"2080 Falun";"kvinnor";"Sjukpenning";60',
      '"2080 Falun";"män";"Sjukpenning";40',
    ].join("\n");
    const { find } = compute(file, indelning([FALUN], []));
    expect(find("kommun", "2080", "2024-01", "sjukpenning", "alla")).toMatchObject({ varde: 100 });
    expect(find("kommun", "2080", "2024-01", "sjukpenning", "kvinnor")).toMatchObject({ varde: 60 });
    expect(find("kommun", "2080", "2024-01", "sjukpenning", "man")).toMatchObject({ varde: 40 });
  });
});

describe("output order", () => {
  it("is niva, kod, period, kon, ersattning", () => {
    const { rader } = compute(FILE, IND);
    const rank = (r: (typeof rader)[number]) => [["kommun", "forbund", "lan", "riket"].indexOf(r.niva), r.kod, r.period] as const;
    for (let i = 1; i < rader.length; i++) {
      const [a, b] = [rank(rader[i - 1]!), rank(rader[i]!)];
      const order = a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
      expect(order, `${a} before ${b}`).toBeLessThanOrEqual(0);
    }
  });
});
