/**
 * The attack of issue 11, replayed (test/helpers/angrepp.ts): an outsider who knows the
 * suppression rules takes a small published table, enumerates every set of values consistent
 * with what is shown (and with the relations between the counts), runs the product's own
 * protection on each, and keeps those that give exactly the same publication. On generated
 * participant files no hidden count may then be narrowed to a range the attacker check rejects
 * (docs/definitioner/skydd.md): the rules, once known, must not give away more than the check
 * allows. The tables here are the smallest of the shapes, and three teams (two small
 * ones and a new team of two) with the aimed attack (`angripRiktat`: witnesses nearest the
 * truth for each hidden count and value, instead of every value set first); larger ones (two
 * teams of 14, other periods) are attacked by `npx tsx scripts/skyddsmatt.ts --angrepp`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { laddaLosare, sakertIntervall, skydda, type Publicering } from "../../loaders/protect/index.ts";
import { angrip, angripRiktat, fonstrensVarden, K, riktatSaker } from "../helpers/angrepp.ts";
import { generera, type Rad } from "./deltagarfil.ts";

beforeAll(laddaLosare);

/** One participant without kön, in team A, from March 2022 and still active. */
const utanKon = (): Rad => ({ ...generera({ team: ["A"], personer: 1, fro: 60 })[0]!, person: "UTAN", kon: undefined, start: "2022-03-01" as Rad["start"], slut: undefined, orsak: undefined });

describe("the enumeration attack on small published tables finds no hidden count narrower than the check allows", () => {
  const FALL: [string, Rad[], string][] = [
    ["a team of three", generera({ team: ["Trio"], personer: 3, fro: 3 }), "2022-07"],
    ["two small teams and one participant without kön", [...generera({ team: ["A", "B"], personer: 12, fro: 6 }), utanKon()], "2022-07"],
  ];
  for (const [namn, fil, fran] of FALL) {
    it(namn, () => {
      const { fonster, varden } = fonstrensVarden(fil, fran);
      const r = angrip(fonster, varden, { tidigtStopp: true });
      expect(r.sanningenBehallen, "the true values are among the kept (the replay is the product's own protection)").toBe(true);
      expect(r.dolda.length, "something is hidden").toBeGreaterThan(0);
      for (const d of r.dolda) expect(sakertIntervall(d, K), `${d.dold} = ${d.varde}: the attacker gets ${d.min}..${d.max}`).toBe(true);
    });
  }
});

describe("the attack finds what a weaker rule gives away", () => {
  it("hiding only the counts 1..k-1 (primary suppression alone): a hidden count of the team of three is pinned", () => {
    const primar = (p: Publicering) => new Set([...p.varden].filter(([n, v]) => v >= 1 && v <= K - 1 && !n.endsWith("|okand")).map(([n]) => n));
    const { fonster, varden } = fonstrensVarden(generera({ team: ["Trio"], personer: 3, fro: 3 }), "2022-07");
    const r = angrip(fonster, varden, { tidigtStopp: true, skydd: primar });
    expect(r.sanningenBehallen).toBe(true);
    const osakra = r.dolda.filter((d) => !sakertIntervall(d, K));
    expect(osakra.length, JSON.stringify(r.dolda)).toBeGreaterThan(0);
    for (const d of osakra) expect(d.max - d.min + 1).toBeLessThan(K);
  });
});

describe("three teams (two small ones and a new team of two), with the aimed attack", () => {
  const fil = [...generera({ team: ["A", "B"], personer: 12, fro: 8 }), ...generera({ team: ["Ny"], personer: 2, fro: 9, startMellan: [500, 560] })];
  const { fonster, varden } = fonstrensVarden(fil, "2023-07");

  it("the window where the new team starts: every team's counts are 1-3, all hidden, and none can be narrowed", () => {
    expect([...varden].filter(([n]) => n.endsWith("|alla")).map(([n, v]) => `${n.split("|")[1]}=${v}`)).toEqual(["A=3", "B=3", "Ny=2", "totalt=8"]);
    const r = angripRiktat(fonster, varden);
    expect(r.sanningenBehallen).toBe(true);
    expect(r.dolda.length).toBeGreaterThanOrEqual(9);
    for (const d of r.dolda) expect(riktatSaker(d), `${d.dold} = ${d.varde}: the attacker gets ${d.min}..${d.max}${d.exakt ? "" : " (at least)"}`).toBe(true);
  });

  it("a weakened protection (the förbund's total shown): the attack pins the teams' men to 0..3 exactly", () => {
    const svagare = (p: Publicering) => new Set([...skydda(p, { k: K }).dolda].filter((n) => !n.includes("|totalt|")));
    const r = angripRiktat(fonster, varden, { skydd: svagare });
    expect(r.sanningenBehallen).toBe(true);
    const underkanda = r.dolda.filter((d) => !riktatSaker(d));
    expect(underkanda.map((d) => `${d.dold}:${d.min}..${d.max}:${d.exakt}`)).toEqual(["deltagare|A|man:0..3:true", "deltagare|B|man:0..3:true", "deltagare|Ny|man:0..3:true"]);
  });

  it("the aimed attack finds what the full one finds on a small table (primary suppression alone, the team of three)", () => {
    const primar = (p: Publicering) => new Set([...p.varden].filter(([n, v]) => v >= 1 && v <= K - 1 && !n.endsWith("|okand")).map(([n]) => n));
    const trio = fonstrensVarden(generera({ team: ["Trio"], personer: 3, fro: 3 }), "2022-07");
    const full = angrip(trio.fonster, trio.varden, { skydd: primar });
    const riktad = angripRiktat(trio.fonster, trio.varden, { skydd: primar });
    expect(riktad.dolda.map((d) => [d.dold, d.min, d.max, d.exakt])).toEqual(full.dolda.map((d) => [d.dold, d.min, d.max, true]));
    expect(riktad.dolda.some((d) => !riktatSaker(d))).toBe(true);
  });
});
