/**
 * The protection engine (loaders/protect): primary and secondary suppression and the attacker
 * check, on the examples of docs/definitioner/skydd.md and /design/privacy.md, and as
 * properties of random kön x insats tables.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { angriparkontroll, mojligaIntervall, skydda, type Publicering, type Relation } from "../../loaders/protect/index.ts";
import { Polyeder, heltalsMax } from "../../loaders/protect/lp.ts";
import { blanda } from "./mikrodata.ts";

/** A kön x insats table with margins: `{ A: [kvinnor, man] }` -> keys `A|kvinnor`, `A|man`, `A|alla`, `totalt|...`. */
function tabell(t: Record<string, readonly [number, number]>, typ: Relation["typ"] = "lika"): Publicering {
  const varden = new Map<string, number>();
  const relationer: Relation[] = [];
  const team = Object.keys(t);
  let kv = 0;
  let man = 0;
  for (const [n, [k, m]] of Object.entries(t)) {
    varden.set(`${n}|kvinnor`, k).set(`${n}|man`, m).set(`${n}|alla`, k + m);
    relationer.push({ total: `${n}|alla`, delar: [`${n}|kvinnor`, `${n}|man`], typ });
    kv += k;
    man += m;
  }
  varden.set("totalt|kvinnor", kv).set("totalt|man", man).set("totalt|alla", kv + man);
  relationer.push({ total: "totalt|alla", delar: ["totalt|kvinnor", "totalt|man"], typ });
  for (const k of ["kvinnor", "man", "alla"]) relationer.push({ total: `totalt|${k}`, delar: team.map((n) => `${n}|${k}`), typ: "lika" });
  return { varden, relationer };
}

const K5 = { k: 5 };

describe("primary suppression", () => {
  it("hides every count 1..k-1 as primary, never 0 and never k or more", () => {
    const p = tabell({ A: [0, 5], B: [4, 9], C: [6, 8] });
    const { orsak } = skydda(p, K5);
    expect([...orsak].filter(([, o]) => o === "primar").map(([n]) => n)).toEqual(["B|kvinnor"]);
    expect(orsak.get("A|kvinnor")).not.toBe("primar"); // 0 persons
    expect(orsak.get("A|man")).not.toBe("primar"); // 5 = k
  });

  it("k is configurable: with k = 3 a count of 4 is shown", () => {
    const p = tabell({ A: [0, 5], B: [4, 9], C: [6, 8] });
    expect(skydda(p, { k: 3 }).dolda.size).toBe(0);
  });

  it("hides forced keys whatever their value, and a row (group) as a whole", () => {
    const p: Publicering = {
      varden: new Map([["taljare", 10], ["komplement", 2], ["namnare", 12], ["antal", 40]]),
      relationer: [{ total: "namnare", delar: ["taljare", "komplement"], typ: "lika" }],
      grupper: [["taljare", "komplement", "namnare"]],
      tvingadeDolda: new Set(["antal"]),
    };
    const { dolda, orsak } = skydda(p, K5);
    expect([...dolda]).toEqual(["antal", "komplement", "namnare", "taljare"]);
    expect([...orsak.values()]).toEqual(["primar", "primar", "primar", "primar"]);
  });
});

describe("why hiding small cells is not enough (privacy.md)", () => {
  it("women 3 hidden, men 0 shown, total 3 shown: women = 3 - 0 is recomputed, so the total is hidden too", () => {
    const p: Publicering = {
      varden: new Map([["kvinnor", 3], ["man", 0], ["alla", 3]]),
      relationer: [{ total: "alla", delar: ["kvinnor", "man"], typ: "lika" }],
    };
    expect(angriparkontroll(p, new Set(["kvinnor"]), K5)).toEqual([{ nyckel: "kvinnor", min: 3, max: 3, varde: 3, typ: "intervall" }]);
    const { dolda } = skydda(p, K5);
    expect([...dolda]).toEqual(["alla", "kvinnor"]); // men (0) stay shown
    expect(angriparkontroll(p, dolda, K5)).toEqual([]);
  });

  it("the same inside a team table: the team's kvinnor and the team total are hidden, and the other team's cells too (otherwise the margins give them back)", () => {
    const p = tabell({ A: [3, 0], B: [8, 9] });
    const { dolda, orsak } = skydda(p, K5);
    expect(Object.fromEntries(orsak)).toEqual({ "A|alla": "primar", "A|kvinnor": "primar", "B|alla": "sekundar", "B|kvinnor": "sekundar" });
    expect(dolda.has("A|man")).toBe(false);
    expect(Object.fromEntries(mojligaIntervall(p, dolda))).toEqual({
      "A|alla": { min: 0, max: 11 }, // = A|kvinnor
      "A|kvinnor": { min: 0, max: 11 }, // 11 = totalt kvinnor
      "B|alla": { min: 9, max: 20 }, // = B|kvinnor + 9
      "B|kvinnor": { min: 0, max: 11 },
    });
  });

  it("kön x team table with totals: hiding only the small cells lets each be recomputed exactly", () => {
    const p = tabell({ A: [2, 10], B: [7, 4], C: [6, 8] });
    expect(angriparkontroll(p, new Set(["A|kvinnor", "B|man"]), K5)).toEqual([
      { nyckel: "A|kvinnor", min: 2, max: 2, varde: 2, typ: "intervall" },
      { nyckel: "B|man", min: 4, max: 4, varde: 4, typ: "intervall" },
    ]);
    const { dolda, orsak } = skydda(p, K5);
    // The smallest non-zero shown cell of each line with a single hidden cell: a rectangle.
    expect(Object.fromEntries(orsak)).toEqual({ "A|kvinnor": "primar", "A|man": "sekundar", "B|kvinnor": "sekundar", "B|man": "primar" });
    expect(Object.fromEntries(mojligaIntervall(p, dolda))).toEqual({
      "A|kvinnor": { min: 0, max: 9 },
      "A|man": { min: 3, max: 12 },
      "B|kvinnor": { min: 0, max: 9 },
      "B|man": { min: 2, max: 11 },
    });
  });

  it("a bound is a disclosure too: a hidden value known to lie in 0..4 fails (the range must be at least k wide)", () => {
    // Some persons lack kön: alla >= kvinnor + man. kvinnor hidden: 0 <= kvinnor <= 14 - 10 = 4.
    const p: Publicering = {
      varden: new Map([["kvinnor", 3], ["man", 10], ["alla", 14]]),
      relationer: [{ total: "alla", delar: ["kvinnor", "man"], typ: "minst" }],
    };
    expect(angriparkontroll(p, new Set(["kvinnor"]), K5)).toEqual([{ nyckel: "kvinnor", min: 0, max: 4, varde: 3, typ: "intervall" }]);
    const { dolda } = skydda(p, K5);
    expect([...dolda]).toEqual(["kvinnor", "man"]);
    expect(Object.fromEntries(mojligaIntervall(p, dolda))).toEqual({ kvinnor: { min: 0, max: 14 }, man: { min: 0, max: 14 } });
  });

  it("a hidden value that is certainly k or more may be pinned: nothing below k can be learnt from it", () => {
    // A share's denominator n1 = t1 + c1 is hidden with the share (its complement c1 = 2 is
    // small); avslut (a1 = 8, a2 = 12) bound the denominators, so n1 = 8 and n2 = 12 are
    // known anyway. The numerator and complement still range over 0..8.
    const varden = { n1: 8, t1: 6, c1: 2, n2: 12, t2: 6, c2: 6, N: 20, T: 12, C: 8, a1: 8, a2: 12 };
    const p: Publicering = {
      varden: new Map(Object.entries(varden)),
      relationer: [
        { total: "n1", delar: ["t1", "c1"], typ: "lika" },
        { total: "n2", delar: ["t2", "c2"], typ: "lika" },
        { total: "N", delar: ["n1", "n2"], typ: "lika" },
        { total: "T", delar: ["t1", "t2"], typ: "lika" },
        { total: "C", delar: ["c1", "c2"], typ: "lika" },
        { total: "a1", delar: ["n1"], typ: "minst" },
        { total: "a2", delar: ["n2"], typ: "minst" },
      ],
    };
    const dolda = new Set(["n1", "t1", "c1", "n2", "t2", "c2"]);
    expect(Object.fromEntries(mojligaIntervall(p, dolda))).toEqual({
      c1: { min: 0, max: 8 }, c2: { min: 0, max: 8 }, n1: { min: 8, max: 8 }, n2: { min: 12, max: 12 }, t1: { min: 0, max: 8 }, t2: { min: 4, max: 12 },
    });
    expect(angriparkontroll(p, dolda, K5)).toEqual([]);
  });

  it("a hidden zero must not be pinned down either, nor lie in a range narrower than k", () => {
    const p: Publicering = {
      varden: new Map([["a", 0], ["b", 2], ["c", 0], ["t", 2]]),
      relationer: [{ total: "t", delar: ["a", "b", "c"], typ: "lika" }],
    };
    // Hiding a (0) alone: a = 2 - 2 - 0 = 0.
    expect(angriparkontroll(p, new Set(["a", "b", "t"]), K5)).toEqual([]);
    expect(angriparkontroll(p, new Set(["a"]), K5)).toEqual([{ nyckel: "a", min: 0, max: 0, varde: 0, typ: "intervall" }]);
  });
});

describe("secondary suppression: which cell", () => {
  it("prefers the smallest non-zero shown part, not a zero", () => {
    const p: Publicering = {
      varden: new Map([["a", 3], ["b", 0], ["c", 7], ["d", 9], ["t", 19]]),
      relationer: [{ total: "t", delar: ["a", "b", "c", "d"], typ: "lika" }],
    };
    expect([...skydda(p, K5).dolda]).toEqual(["a", "c"]);
  });

  it("ties are broken by key, so the result does not depend on input order", () => {
    const rel: Relation = { total: "t", delar: ["x", "a", "m", "y"], typ: "lika" };
    const varden: [string, number][] = [["a", 2], ["m", 8], ["x", 8], ["y", 8], ["t", 26]];
    const en = skydda({ varden: new Map(varden), relationer: [rel] }, K5);
    const annan = skydda({ varden: new Map([...varden].reverse()), relationer: [{ ...rel, delar: [...rel.delar].reverse() }] }, K5);
    expect([...en.dolda]).toEqual(["a", "m"]);
    expect(JSON.stringify([...annan.dolda, ...annan.orsak])).toBe(JSON.stringify([...en.dolda, ...en.orsak]));
  });

  it("hides the total only when no non-zero part is left", () => {
    // b (20) is hidden to protect a (3) in the first line; in the second line b's only
    // companions are zeros, so the total t2 is hidden instead.
    const p: Publicering = {
      varden: new Map([["a", 3], ["b", 20], ["t1", 23], ["c", 0], ["d", 0], ["t2", 20]]),
      relationer: [
        { total: "t1", delar: ["a", "b"], typ: "lika" },
        { total: "t2", delar: ["b", "c", "d"], typ: "lika" },
      ],
    };
    const { dolda, orsak } = skydda(p, K5);
    expect(Object.fromEntries(orsak)).toEqual({ a: "primar", b: "sekundar", t2: "sekundar" });
    expect(angriparkontroll(p, dolda, K5)).toEqual([]);
  });
});

describe("the attacker check is exact over the integers", () => {
  it("uses integrality where the linear relaxation is weaker: x + y = 1, y + z = 1, x + z + w = 1 gives x = 0 (not 0..0.5)", () => {
    const p: Publicering = {
      varden: new Map([["x", 0], ["y", 1], ["z", 0], ["w", 1], ["s1", 1], ["s2", 1], ["s3", 1]]),
      relationer: [
        { total: "s1", delar: ["x", "y"], typ: "lika" },
        { total: "s2", delar: ["y", "z"], typ: "lika" },
        { total: "s3", delar: ["x", "z", "w"], typ: "lika" },
      ],
    };
    expect(Object.fromEntries(mojligaIntervall(p, new Set(["x", "y", "z", "w"])))).toEqual({
      w: { min: 1, max: 1 }, x: { min: 0, max: 0 }, y: { min: 1, max: 1 }, z: { min: 0, max: 0 },
    });
    // The relaxation alone would allow x = 0.5.
    const villkor = [
      { koef: [1, 1, 0, 0], op: "=" as const, rhs: 1 },
      { koef: [0, 1, 1, 0], op: "=" as const, rhs: 1 },
      { koef: [1, 0, 1, 1], op: "=" as const, rhs: 1 },
    ];
    const poly = Polyeder.bygg(4, villkor)!;
    const lp = poly.maximera([1, 0, 0, 0]);
    expect(lp.status === "optimal" && lp.varde).toBeCloseTo(0.5);
    expect(heltalsMax(4, villkor, poly, 0, 1)?.varde).toBe(0);
  });

  it("reports an unbounded hidden value as max = Infinity", () => {
    const p: Publicering = { varden: new Map([["a", 3], ["b", 9], ["t", 12]]), relationer: [{ total: "t", delar: ["a", "b"], typ: "lika" }] };
    expect(Object.fromEntries(mojligaIntervall(p, new Set(["a", "b", "t"])))).toEqual({
      a: { min: 0, max: Infinity }, b: { min: 0, max: Infinity }, t: { min: 0, max: Infinity },
    });
  });

  it("agrees with brute-force enumeration on random 2 x 2 tables with margins", () => {
    const B = 30; // enumeration cap: values of inner cells 0..B; reaching it means unbounded
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(6), fc.nat(6), fc.nat(6), fc.nat(6)),
        fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
        ([a, b, c, d], dold) => {
          const p = tabell({ A: [a, b], B: [c, d] });
          const nycklar = [...p.varden.keys()];
          const dolda = new Set(nycklar.filter((_, i) => dold[i]));
          const inre = ["A|kvinnor", "A|man", "B|kvinnor", "B|man"];
          if (inre.filter((n) => dolda.has(n)).length > 3) dolda.delete("A|kvinnor");
          // Enumerate the hidden inner cells; the margins follow.
          const lo = new Map<string, number>();
          const hi = new Map<string, number>();
          const fria = inre.filter((n) => dolda.has(n));
          const x = new Map(inre.map((n) => [n, p.varden.get(n)!]));
          const steg = (i: number): void => {
            if (i === fria.length) {
              const v = new Map(x);
              for (const k of ["kvinnor", "man"]) v.set(`totalt|${k}`, v.get(`A|${k}`)! + v.get(`B|${k}`)!);
              for (const t of ["A", "B", "totalt"]) v.set(`${t}|alla`, v.get(`${t}|kvinnor`)! + v.get(`${t}|man`)!);
              for (const n of nycklar) if (!dolda.has(n) && v.get(n) !== p.varden.get(n)) return;
              for (const n of dolda) {
                lo.set(n, Math.min(lo.get(n) ?? Infinity, v.get(n)!));
                hi.set(n, Math.max(hi.get(n) ?? -Infinity, v.get(n)!));
              }
              return;
            }
            for (let v = 0; v <= B; v++) { x.set(fria[i]!, v); steg(i + 1); }
            x.set(fria[i]!, p.varden.get(fria[i]!)!);
          };
          steg(0);
          const lp = mojligaIntervall(p, dolda);
          for (const n of dolda) {
            const r = lp.get(n)!;
            expect(r.min).toBe(lo.get(n));
            if (r.max === Infinity) expect(hi.get(n)).toBeGreaterThanOrEqual(B);
            else expect(r.max).toBe(hi.get(n));
          }
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  }, 60_000);
});

describe("properties on random kön x insats tables", () => {
  const tabeller = fc.record({
    k: fc.constantFrom(3, 5),
    celler: fc.array(fc.tuple(fc.oneof(fc.nat(6), fc.integer({ min: 5, max: 40 })), fc.oneof(fc.nat(6), fc.integer({ min: 5, max: 40 }))), { minLength: 2, maxLength: 5 }),
    saknarKon: fc.boolean(),
    blandning: fc.nat(),
  });

  it("primary cells hidden, no line with a single hidden cell, the attacker check passes, input order does not matter", () => {
    fc.assert(
      fc.property(tabeller, ({ k, celler, saknarKon, blandning }) => {
        const namn = celler.map((_, i) => `Team ${String.fromCharCode(65 + i)}`);
        const p = tabell(Object.fromEntries(celler.map((c, i) => [namn[i]!, c])), saknarKon ? "minst" : "lika");
        const res = skydda(p, { k });
        for (const [n, v] of p.varden) if (v > 0 && v < k) expect(res.orsak.get(n)).toBe("primar");
        for (const r of p.relationer) {
          if (r.typ !== "lika") continue;
          const antal = [r.total, ...r.delar].filter((n) => res.dolda.has(n)).length;
          expect(antal).not.toBe(1);
        }
        expect(angriparkontroll(p, res.dolda, { k })).toEqual([]);
        const blandad: Publicering = {
          varden: new Map(blanda([...p.varden], blandning)),
          relationer: blanda(p.relationer.map((r) => ({ ...r, delar: blanda(r.delar, blandning + 1) })), blandning + 2),
        };
        const igen = skydda(blandad, { k });
        expect(JSON.stringify([[...igen.dolda], [...igen.orsak]])).toBe(JSON.stringify([[...res.dolda], [...res.orsak]]));
      }),
      { seed: 20250601, numRuns: 200 },
    );
  }, 60_000);
});

describe("input errors", () => {
  it("rejects values that contradict a relation (the figures must be fixed first)", () => {
    const p: Publicering = { varden: new Map([["a", 3], ["b", 9], ["t", 13]]), relationer: [{ total: "t", delar: ["a", "b"], typ: "lika" }] };
    expect(() => skydda(p, K5)).toThrow(/t = 13 men summan av a, b är 12/);
  });

  it("rejects non-integer or negative counts, unknown keys and a bad k", () => {
    expect(() => skydda({ varden: new Map([["a", 2.5]]), relationer: [] }, K5)).toThrow(/heltal/);
    expect(() => skydda({ varden: new Map([["a", -1]]), relationer: [] }, K5)).toThrow(/heltal/);
    expect(() => skydda({ varden: new Map([["a", 1]]), relationer: [{ total: "a", delar: ["b"], typ: "lika" }] }, K5)).toThrow(/b, som saknar värde/);
    expect(() => skydda({ varden: new Map([["a", 1]]), relationer: [] }, { k: 0 })).toThrow(/k måste/);
  });
});
