/**
 * `lang`'s `syskon` and `kvot` columns (loaders/kub/verb/lang.ts): the same values, row by row,
 * as the verbs `syskon` and `kvot` (loaders/kub/verb/andel.ts) on the whole cube, gathered with
 * `varde` columns; checked by hand on a few of them.
 */
import { describe, expect, it } from "vitest";
import { KubBygge, NIVA, TAL, UTAN_CELL, koder } from "../../loaders/kub/kub.ts";
import { kvot, syskon } from "../../loaders/kub/verb/andel.ts";
import { lang, type LangKolumn } from "../../loaders/kub/verb/lang.ts";
import { BERAKNAS_INTE } from "../../loaders/read/tal.ts";

/**
 * Two kommuner, two months, matt = folkmangd and two ersättningar. Kommun 2081 has no folkmängd
 * series at all; 2080's folkmängd is 0 in 2024-02 and missing in 2024-03; one value is missing.
 */
function kub() {
  const b = new KubBygge(["niva", "kod", "matt"]);
  for (const p of ["2024-01", "2024-02", "2024-03"]) b.period(p);
  const satt = (kod: string, matt: string, p: number, v: number | null) => {
    const s = b.serie([NIVA.kommun, b.kod(1, kod), b.kod(2, matt)]);
    b.satt(s, p, v ?? Number.NaN, v === null ? BERAKNAS_INTE : TAL);
  };
  satt("2080", "folkmangd", 0, 200); satt("2080", "folkmangd", 1, 0); satt("2080", "folkmangd", 2, null);
  satt("2080", "sjukpenning", 0, 10); satt("2080", "sjukpenning", 1, 5); satt("2080", "sjukpenning", 2, 7);
  satt("2080", "arbetsloshet", 0, -0); satt("2080", "arbetsloshet", 1, null); satt("2080", "arbetsloshet", 2, 3);
  satt("2081", "sjukpenning", 0, 4); satt("2081", "sjukpenning", 1, 6);
  return b.bygg();
}

const form = (k: ReturnType<typeof kub>, kolumner: LangKolumn[]) => {
  const matt = koder(k, "matt");
  return lang(k, {
    kolumner: [{ namn: "kod", slag: "kod" }, { namn: "period", slag: "period" }, { namn: "matt", slag: "dim", dimension: "matt" }, ...kolumner],
    serier: () => true, jamfor: (a, b) => matt[a]! - matt[b]!, rad: (s, p) => k.saknas[p]![s] !== UTAN_CELL,
  }, (_, kod) => kod);
};

describe("lang's syskon and kvot columns", () => {
  it("equal the verbs syskon and kvot on the cube, row by row (missing, no sibling, a zero denominator, -0)", () => {
    const k = kub();
    const folk = syskon(k, "matt", "folkmangd");
    const verben = form(k, [
      { namn: "varde", slag: "varde", kub: k }, { namn: "folkmangd", slag: "varde", kub: folk }, { namn: "andel", slag: "varde", kub: kvot(k, folk) },
    ]);
    const kolumnerna = form(k, [
      { namn: "varde", slag: "varde", kub: k }, { namn: "folkmangd", slag: "syskon", dimension: "matt", varde: "folkmangd" },
      { namn: "andel", slag: "kvot", taljare: "varde", namnare: "folkmangd" },
    ]);
    const rader = (t: typeof verben) => t.objects().map((r) => Object.fromEntries(Object.entries(r).map(([n, v]) => [n, typeof v === "number" && Object.is(v, -0) ? "-0" : v])));
    expect(rader(kolumnerna)).toEqual(rader(verben));
    // By hand: 2080 sjukpenning 2024-01 = 10 / 200; 2024-02 has folkmängd 0 (no share); 2024-03
    // lacks folkmängd; 2081 has no folkmängd series; -0 / 200 is -0.
    const hitta = (kod: string, period: string, matt: string) => rader(kolumnerna).find((r) => r.kod === kod && r.period === period && r.matt === matt)!;
    expect(hitta("2080", "2024-01", "sjukpenning")).toMatchObject({ varde: 10, folkmangd: 200, andel: 0.05 });
    expect(hitta("2080", "2024-02", "sjukpenning")).toMatchObject({ varde: 5, folkmangd: 0, andel: Number.NaN });
    expect(hitta("2080", "2024-03", "sjukpenning")).toMatchObject({ varde: 7, folkmangd: Number.NaN, andel: Number.NaN });
    expect(hitta("2080", "2024-01", "arbetsloshet")).toMatchObject({ varde: "-0", folkmangd: 200, andel: "-0" });
    expect(hitta("2080", "2024-02", "arbetsloshet")).toMatchObject({ varde: Number.NaN, folkmangd: 0, andel: Number.NaN });
    expect(hitta("2081", "2024-01", "sjukpenning")).toMatchObject({ varde: 4, folkmangd: Number.NaN, andel: Number.NaN });
  });

  it("a quotient of columns not made before it is an error in the code", () => {
    expect(() => form(kub(), [{ namn: "andel", slag: "kvot", taljare: "varde", namnare: "folkmangd" }])).toThrow(/före sig/);
  });
});
