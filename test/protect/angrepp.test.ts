/**
 * The attack of issue 11, replayed (test/helpers/angrepp.ts): an outsider who knows the
 * suppression rules takes a small published table, enumerates every set of values consistent
 * with what is shown (and with the relations between the counts), runs the product's own
 * protection on each, and keeps those that give exactly the same publication. On generated
 * participant files no hidden count may then be narrowed to a range the attacker check rejects
 * (docs/definitioner/skydd.md): the rules, once known, must not give away more than the check
 * allows. The tables here are the smallest of the shapes; larger ones (two teams of
 * 14, other periods) are attacked by `npx tsx scripts/skyddsmatt.ts --angrepp`, which takes
 * minutes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { laddaLosare, sakertIntervall, type Publicering } from "../../loaders/protect/index.ts";
import { angrip, fonstrensVarden, K } from "../helpers/angrepp.ts";
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
