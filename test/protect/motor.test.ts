/**
 * The suppression engine (loaders/protect: monster.ts, angripare.ts): primary and secondary
 * suppression and the attacker check, on the examples of docs/definitioner/skydd.md and
 * privacy.md, against brute-force enumeration, and as properties of random tables.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { angriparkontroll, laddaLosare, mojligaIntervall, sakertIntervall, skydda, type Publicering, type Relation } from "../../loaders/protect/index.ts";
import { blanda } from "./mikrodata.ts";

beforeAll(laddaLosare);

/** A kön x insats table with margins: `{ A: [kvinnor, man] }` -> keys `A|kvinnor`, `A|man`, `A|alla`, `totalt|...`. */
export function tabell(t: Record<string, readonly [number, number]>, typ: Relation["typ"] = "lika"): Publicering {
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
const intervall = (p: Publicering, dolda: ReadonlySet<string>) => Object.fromEntries([...mojligaIntervall(p, dolda, K5)].map(([n, iv]) => [n, [iv.min, iv.max]]));

describe("the safety rule depends on the range only", () => {
  it("safe: at least k possible values, or wholly at k or above, or exactly 0", () => {
    const s = (min: number, max: number) => sakertIntervall({ min, max }, 5);
    expect([s(5, 5), s(8, 8), s(1, 5), s(0, 4), s(0, 0), s(3, 6), s(2, 6), s(1, Infinity), s(1, 4), s(1, 3), s(0, 3)]).toEqual([true, true, true, true, true, false, true, true, false, false, false]);
  });
});

describe("primary suppression", () => {
  it("hides every count 1..k-1 as primary, never 0 and never k or more", () => {
    const p = tabell({ A: [0, 5], B: [4, 9], C: [6, 8] });
    const { orsak } = skydda(p, K5);
    expect([...orsak].filter(([, o]) => o === "primar").map(([n]) => n)).toEqual(["B|kvinnor"]);
    expect(orsak.get("A|kvinnor")).not.toBe("primar"); // 0 persons (it may be hidden beside B|kvinnor)
  });

  it("k is configurable: with k = 3 a count of 4 is shown", () => {
    expect(skydda(tabell({ A: [0, 5], B: [4, 9], C: [6, 8] }), { k: 3 }).dolda.size).toBe(0);
  });

  it("hides forced keys whatever their value, and a row (group) as a whole", () => {
    const p: Publicering = {
      varden: new Map([["taljare", 10], ["komplement", 2], ["namnare", 12], ["antal", 40], ["summa", 52]]),
      relationer: [{ total: "namnare", delar: ["taljare", "komplement"], typ: "lika" }, { total: "summa", delar: ["namnare", "antal"], typ: "lika" }],
      grupper: [["taljare", "komplement", "namnare"]],
      tvingadeDolda: new Set(["antal"]),
    };
    const { dolda, orsak } = skydda(p, K5);
    for (const n of ["antal", "komplement", "namnare", "taljare"]) expect(orsak.get(n)).toBe("primar");
    expect(angriparkontroll(p, dolda, K5)).toEqual([]);
  });
});

describe("why hiding small cells is not enough (privacy.md)", () => {
  it("women 3 hidden, men 0 shown, total 3 shown: women = 3 − 0; and hiding the total too still tells that both are the same few, so the 0 is hidden as well", () => {
    const p: Publicering = { varden: new Map([["kvinnor", 3], ["man", 0], ["alla", 3]]), relationer: [{ total: "alla", delar: ["kvinnor", "man"], typ: "lika" }] };
    expect(angriparkontroll(p, new Set(["kvinnor"]), K5)).toEqual([{ nyckel: "kvinnor", min: 3, max: 3, varde: 3, typ: "intervall" }]);
    // alla and kvinnor hidden with män 0 shown: they are equal, and one of them is hidden for being small.
    expect(angriparkontroll(p, new Set(["kvinnor", "alla"]), K5).map((o) => [o.nyckel, o.min, o.max])).toEqual([["alla", 1, 4], ["kvinnor", 1, 4]]);
    const { dolda } = skydda(p, K5);
    expect([...dolda]).toEqual(["alla", "kvinnor", "man"]);
    expect(angriparkontroll(p, dolda, K5)).toEqual([]);
  });

  it("kön x team table with totals: hiding only the small cells lets each be recomputed exactly", () => {
    const p = tabell({ A: [3, 0], B: [8, 9] });
    expect(intervall(p, new Set(["A|kvinnor"]))).toEqual({ "A|kvinnor": [3, 3] });
    const { dolda, orsak } = skydda(p, K5);
    expect(Object.fromEntries(orsak)).toEqual({ "A|alla": "primar", "A|kvinnor": "primar", "B|alla": "sekundar", "B|kvinnor": "sekundar" });
    // The rule is known: A's cells (equal, since A's men are 0) or B's women are small. Still every
    // hidden cell can be 5 or more.
    expect(intervall(p, dolda)).toEqual({ "A|alla": [1, 10], "A|kvinnor": [1, 10], "B|alla": [10, 19], "B|kvinnor": [1, 10] });
    expect(angriparkontroll(p, dolda, K5)).toEqual([]);
  });

  it("knowing the rule narrows: two hidden parts of a shown 5 are both 1..4, since one of them is small and neither is 0 or 5", () => {
    const p: Publicering = {
      varden: new Map([["a", 3], ["b", 2], ["t", 5], ["u", 20], ["v", 25]]),
      relationer: [{ total: "t", delar: ["a", "b"], typ: "lika" }, { total: "v", delar: ["t", "u"], typ: "lika" }],
    };
    expect(angriparkontroll(p, new Set(["a", "b"]), K5).map((o) => [o.nyckel, o.min, o.max])).toEqual([["a", 1, 4], ["b", 1, 4]]);
    // Without that knowledge the range would look safe (0..5).
    expect(Object.fromEntries([...mojligaIntervall(p, new Set(["a", "b"]), { k: 5, regelkunskap: false })].map(([n, iv]) => [n, [iv.min, iv.max]]))).toEqual({ a: [0, 5], b: [0, 5] });
    const { dolda } = skydda(p, K5);
    expect([...dolda]).toEqual(["a", "b", "t", "u"]);
    expect(angriparkontroll(p, dolda, K5)).toEqual([]);
  });

  it("a bound is a disclosure too: a hidden value known to lie in 1..4 fails", () => {
    // Some persons lack kön: alla >= kvinnor + man. kvinnor hidden: 0 <= kvinnor <= 14 - 10 = 4.
    const p: Publicering = { varden: new Map([["kvinnor", 3], ["man", 10], ["alla", 14]]), relationer: [{ total: "alla", delar: ["kvinnor", "man"], typ: "minst" }] };
    expect(angriparkontroll(p, new Set(["kvinnor"]), K5)).toEqual([{ nyckel: "kvinnor", min: 1, max: 4, varde: 3, typ: "intervall" }]);
    const { dolda } = skydda(p, K5);
    expect([...dolda]).toEqual(["kvinnor", "man"]);
    expect(intervall(p, dolda)).toEqual({ kvinnor: [0, 13], man: [0, 13] });
  });
});

describe("structural zeros", () => {
  it("are never hidden, so they are no cover: a team with nobody is known to have 0 of everything", () => {
    const p: Publicering = {
      varden: new Map([["a", 3], ["tom", 0], ["c", 9], ["t", 12]]),
      relationer: [{ total: "t", delar: ["a", "tom", "c"], typ: "lika" }],
      aldrigDolda: new Set(["tom"]),
    };
    // Hiding the empty team's 0 beside a would look like cover, but an outsider knows it is 0.
    const { dolda } = skydda(p, K5);
    expect(dolda.has("tom")).toBe(false);
    expect([...dolda]).toEqual(["a", "c"]);
    expect(intervall(p, dolda)).toEqual({ a: [1, 11], c: [1, 11] });
  });

  it("a count that must be hidden but is marked as a structural zero is an error", () => {
    expect(() => skydda({ varden: new Map([["a", 3]]), relationer: [], aldrigDolda: new Set(["a"]) }, K5)).toThrow(/får aldrig döljas/);
  });
});

describe("counts never published (derived)", () => {
  it("are hidden by nature; one that an outsider can pin to 1..k-1 makes more hidden", () => {
    // tidiga avhopp = avslut − the share's denominator: 12 − 10 = 2.
    const p: Publicering = {
      varden: new Map([["avslut", 12], ["namnare", 10], ["avhopp", 2]]),
      relationer: [{ total: "avslut", delar: ["namnare", "avhopp"], typ: "lika" }],
      harledda: new Set(["avhopp"]),
    };
    expect(angriparkontroll(p, new Set(["avhopp"]), K5).map((o) => [o.nyckel, o.min, o.max])).toEqual([["avhopp", 2, 2]]);
    const { dolda, orsak } = skydda(p, K5);
    expect(orsak.get("avhopp")).toBe("primar");
    expect(dolda.size).toBe(2);
    expect(angriparkontroll(p, dolda, K5)).toEqual([]);
  });

  it("one pinned at 0 passes, as a shown 0 would", () => {
    const p: Publicering = {
      varden: new Map([["avslut", 12], ["namnare", 12], ["avhopp", 0]]),
      relationer: [{ total: "avslut", delar: ["namnare", "avhopp"], typ: "lika" }],
      harledda: new Set(["avhopp"]),
    };
    expect([...skydda(p, K5).dolda]).toEqual(["avhopp"]);
  });
});

describe("the least weighted loss", () => {
  it("hides the cells readers need least (the weights), never by their values", () => {
    // a (3) needs a partner in its line: b (20) or c (9), whichever readers need less.
    const varden = new Map([["a", 3], ["b", 20], ["c", 9], ["t", 32]]);
    const relationer: Relation[] = [{ total: "t", delar: ["a", "b", "c"], typ: "lika" }];
    expect([...skydda({ varden, relationer, vikt: new Map([["b", 2]]) }, K5).dolda]).toEqual(["a", "c"]);
    expect([...skydda({ varden, relationer, vikt: new Map([["c", 2]]) }, K5).dolda]).toEqual(["a", "b"]);
  });

  it("hiding the total is no help when the total cannot be small: the outsider knows the small one is the part", () => {
    const p: Publicering = { varden: new Map([["a", 3], ["b", 20], ["t1", 23]]), relationer: [{ total: "t1", delar: ["a", "b"], typ: "lika" }] };
    expect(angriparkontroll(p, new Set(["a", "t1"]), K5).map((o) => [o.nyckel, o.min, o.max])).toEqual([["a", 1, 4]]);
    expect([...skydda({ ...p, vikt: new Map([["b", 5]]) }, K5).dolda]).toEqual(["a", "b"]);
  });

  it("the same publication in another order gives the same pattern (ties broken by key)", () => {
    const rel: Relation = { total: "t", delar: ["x", "a", "m", "y"], typ: "lika" };
    const varden: [string, number][] = [["a", 2], ["m", 8], ["x", 8], ["y", 8], ["t", 26]];
    const en = skydda({ varden: new Map(varden), relationer: [rel] }, K5);
    const annan = skydda({ varden: new Map([...varden].reverse()), relationer: [{ ...rel, delar: [...rel.delar].reverse() }] }, K5);
    expect(JSON.stringify([...annan.dolda, ...annan.orsak])).toBe(JSON.stringify([...en.dolda, ...en.orsak]));
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
    expect(Object.fromEntries([...mojligaIntervall(p, new Set(["x", "y", "z", "w"]))].map(([n, iv]) => [n, [iv.min, iv.max]]))).toEqual({ w: [1, 1], x: [0, 0], y: [1, 1], z: [0, 0] });
  });

  it("reports an unbounded hidden value as max = Infinity", () => {
    const p: Publicering = { varden: new Map([["a", 3], ["b", 9], ["t", 12]]), relationer: [{ total: "t", delar: ["a", "b"], typ: "lika" }] };
    expect(Object.fromEntries([...mojligaIntervall(p, new Set(["a", "b", "t"]))].map(([n, iv]) => [n, [iv.min, iv.max]]))).toEqual({ a: [0, Infinity], b: [0, Infinity], t: [0, Infinity] });
  });

  it("agrees with brute-force enumeration on random 2 x 2 tables with margins, with and without the rule", () => {
    const B = 30; // enumeration cap: values of inner cells 0..B; reaching it means unbounded
    fc.assert(
      fc.property(fc.tuple(fc.nat(6), fc.nat(6), fc.nat(6), fc.nat(6)), fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), fc.boolean(), ([a, b, c, d], dold, regel) => {
        const p = tabell({ A: [a, b], B: [c, d] });
        const nycklar = [...p.varden.keys()];
        const dolda = new Set(nycklar.filter((_, i) => dold[i]));
        const inre = ["A|kvinnor", "A|man", "B|kvinnor", "B|man"];
        if (inre.filter((n) => dolda.has(n)).length > 3) dolda.delete("A|kvinnor");
        const lo = new Map<string, number>();
        const hi = new Map<string, number>();
        const fria = inre.filter((n) => dolda.has(n));
        const x = new Map(inre.map((n) => [n, p.varden.get(n)!]));
        // The rule, per connected group of hidden cells: some hidden cell is 1..4 (where that is so).
        const grupper = grupperaDolda(p.relationer, dolda);
        const galler = (v: ReadonlyMap<string, number>, g: readonly string[]) => g.some((n) => v.get(n)! >= 1 && v.get(n)! <= 4);
        const sann = p.varden;
        const steg = (i: number): void => {
          if (i === fria.length) {
            const v = new Map(x);
            for (const k of ["kvinnor", "man"]) v.set(`totalt|${k}`, v.get(`A|${k}`)! + v.get(`B|${k}`)!);
            for (const t of ["A", "B", "totalt"]) v.set(`${t}|alla`, v.get(`${t}|kvinnor`)! + v.get(`${t}|man`)!);
            for (const n of nycklar) if (!dolda.has(n) && v.get(n) !== p.varden.get(n)) return;
            if (regel && grupper.some((g) => galler(sann, g) && !galler(v, g))) return;
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
        const lp = mojligaIntervall(p, dolda, { k: 5, regelkunskap: regel });
        for (const n of dolda) {
          const r = lp.get(n)!;
          expect(r.min, n).toBe(lo.get(n));
          if (r.max === Infinity) expect(hi.get(n)).toBeGreaterThanOrEqual(B);
          else expect(r.max, n).toBe(hi.get(n));
        }
      }),
      { seed: 7, numRuns: 60 },
    );
  }, 120_000);
});

/** Connected groups of hidden keys (through relations with two or more of them), as the check forms them. */
function grupperaDolda(relationer: readonly Relation[], dolda: ReadonlySet<string>): string[][] {
  const foralder = new Map([...dolda].map((n) => [n, n]));
  const rot = (n: string): string => (foralder.get(n) === n ? n : rot(foralder.get(n)!));
  for (const r of relationer) {
    const h = [r.total, ...r.delar].filter((n) => dolda.has(n));
    for (const n of h.slice(1)) foralder.set(rot(n), rot(h[0]!));
  }
  const g = new Map<string, string[]>();
  for (const n of dolda) g.set(rot(n), [...(g.get(rot(n)) ?? []), n]);
  return [...g.values()];
}

describe("properties on random kön x insats tables", () => {
  const tabeller = fc.record({
    k: fc.constantFrom(3, 5),
    celler: fc.array(fc.tuple(fc.oneof(fc.nat(6), fc.integer({ min: 5, max: 40 })), fc.oneof(fc.nat(6), fc.integer({ min: 5, max: 40 }))), { minLength: 2, maxLength: 4 }),
    saknarKon: fc.boolean(),
    blandning: fc.nat(),
  });

  it("primary cells hidden, the attacker check passes, input order does not matter", () => {
    fc.assert(
      fc.property(tabeller, ({ k, celler, saknarKon, blandning }) => {
        const namn = celler.map((_, i) => `Team ${String.fromCharCode(65 + i)}`);
        const p = tabell(Object.fromEntries(celler.map((c, i) => [namn[i]!, c])), saknarKon ? "minst" : "lika");
        const res = skydda(p, { k });
        for (const [n, v] of p.varden) if (v > 0 && v < k) expect(res.orsak.get(n)).toBe("primar");
        expect(angriparkontroll(p, res.dolda, { k })).toEqual([]);
        const blandad: Publicering = {
          varden: new Map(blanda([...p.varden], blandning)),
          relationer: blanda(p.relationer.map((r) => ({ ...r, delar: blanda(r.delar, blandning + 1) })), blandning + 2),
        };
        const igen = skydda(blandad, { k });
        expect(JSON.stringify([[...igen.dolda], [...igen.orsak]])).toBe(JSON.stringify([[...res.dolda], [...res.orsak]]));
      }),
      { seed: 20250601, numRuns: 40 },
    );
  }, 120_000);
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
