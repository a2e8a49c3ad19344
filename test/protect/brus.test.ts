/**
 * The default protection, cell-key perturbation (loaders/protect/brus.ts), as an attacker who
 * knows the method and the perturbation table would try it: the same persons have the same
 * published count everywhere and in every build; differencing two overlapping windows, or a
 * total and its parts, never gives a true count with certainty; small counts are never
 * published; shares and means come from published or perturbed values; and over many cells
 * the noise has the table's statistics. On generated files of the shapes the issue names.
 */
import { describe, expect, it } from "vitest";
import { beraknaInsatsunderlag, type Underlag } from "../../loaders/compute/nyckeltal.ts";
import { andelensDelar, brusaNyckeltal, brusadeAntal, byggPtabell, fordelning, kontrolleraPublicerat, minstaAntalForMedel, oskyddadeNyckeltal, STANDARD_BRUS, type NyckeltalRad } from "../../loaders/protect/index.ts";
import { exportdag, exporteradDen, generera, postnyckel, publicera, slump, TESTNYCKLAR, uppslag, type Rad } from "./deltagarfil.ts";
import type { Datum } from "../../loaders/normalise/datum.ts";

const TABELL = byggPtabell(STANDARD_BRUS);

/** The true counts that the table can publish as `j` (the attacker's candidates). */
const forklaringar = (j: number, upp = 400) => Array.from({ length: upp }, (_, i) => i).filter((i) => (fordelning(TABELL, i).get(j) ?? 0) > 0);

/** The true differences a − b consistent with published A and B. */
const skillnader = (A: number, B: number) => new Set(forklaringar(A).flatMap((a) => forklaringar(B).map((b) => a - b)));

const BAS = generera({ team: ["Team A", "Team B", "Team C"], personer: 160, fro: 11 });

describe("the same persons, the same published count", () => {
  it("in every build: the same file and key give byte for byte the same rows", async () => {
    expect(await publicera(BAS, "brus")).toEqual(await publicera([...BAS].reverse(), "brus"));
  });

  it("in every table: a cell whose persons are the same as another's gets the same values (a team with only women: alla = kvinnor)", async () => {
    const bara = BAS.map((r) => (r.insats === "Team C" ? { ...r, kon: "kvinnor" as const } : r));
    const h = uppslag(await publicera(bara, "brus"));
    for (const r of (await publicera(bara, "brus")).filter((x) => x.insats === "Team C" && x.kon === "alla")) {
      expect(h("Team C", r.fran, "kvinnor", r.matt), `${r.fran} ${r.matt}`).toEqual({ ...r, kon: "kvinnor" });
      expect(h("Team C", r.fran, "man", r.matt)!.antal === 0 || h("Team C", r.fran, "man", r.matt)!.undertryckt).toBe(true);
    }
  });

  it("in every period and build of a file growing month by month: a window that has ended keeps its values", async () => {
    const exporter = ["2024-01-15", "2024-02-15", "2024-03-15", "2024-06-20", "2024-09-01"] as Datum[];
    const byggen = await Promise.all(exporter.map((d) => publicera(exporteradDen(BAS, d), "brus", { exportdatum: d })));
    for (let b = 1; b < byggen.length; b++) {
      const nu = uppslag(byggen[b]!);
      // Windows that ended before the earlier export (2023-12 and before) are the same persons.
      for (const r of byggen[b - 1]!.filter((x) => x.till <= "2023-12")) {
        expect(nu(r.insats, r.fran, r.kon, r.matt), `${exporter[b]}: ${r.insats} ${r.fran} ${r.kon} ${r.matt}`).toEqual(r);
      }
    }
  });

  it("a new team, or a new participant without kön, changes no other cell", async () => {
    const fore = uppslag(await publicera(BAS, "brus"));
    const nya: Rad[] = [
      { ...BAS[0]!, person: "NY-1", insats: "Team Ny", start: "2024-08-01" as Datum, slut: undefined, orsak: undefined },
      { ...BAS[1]!, person: "NY-2", insats: "Team A", kon: undefined, start: "2024-08-02" as Datum, slut: undefined, orsak: undefined },
    ];
    const efter = await publicera([...BAS, ...nya], "brus");
    let lika = 0;
    for (const r of efter) {
      // The new persons are in the förbund's total and in Team A 'alla' from 2024-01 on; nothing else changes.
      const beror = r.fran >= "2024-01" && (r.insats === "totalt" || r.insats === "Team Ny" || (r.insats === "Team A" && r.kon === "alla"));
      if (beror) continue;
      expect(r, `${r.insats} ${r.fran} ${r.kon} ${r.matt}`).toEqual(fore(r.insats, r.fran, r.kon, r.matt) ?? { ...r, antal: 0 });
      lika++;
    }
    expect(lika).toBeGreaterThan(200);
    // The new team's old windows are zeros: exactly zero, not noise.
    for (const r of efter.filter((x) => x.insats === "Team Ny" && x.till <= "2024-06")) expect([r.antal, r.undertryckt]).toEqual([0, false]);
  });
});

describe("differencing never gives a true count with certainty", () => {
  it("two overlapping windows (Jan–Dec and Jul–Jun), for every count of every cell, under three keys", async () => {
    for (const nyckel of TESTNYCKLAR) {
      const rader = await publicera(BAS, "brus", { nyckel });
      const h = uppslag(rader);
      for (const r of rader.filter((x) => x.fran.endsWith("-01") && (x.matt === "deltagare" || x.matt === "avslut"))) {
        const nasta = h(r.insats, `${r.fran.slice(0, 4)}-07`, r.kon, r.matt);
        if (!nasta) continue;
        const mojliga = skillnader(r.antal!, nasta.antal!);
        expect(mojliga.size, `${r.insats} ${r.fran} ${r.kon} ${r.matt}: ${r.antal} and ${nasta.antal}`).toBeGreaterThan(1);
      }
    }
  });

  it("a total and its parts: one participant without kön is never certain from alla − kvinnor − män", async () => {
    const rader = [...BAS, { ...BAS[2]!, person: "UTAN-KON", kon: undefined }];
    const { underlag } = beraknaInsatsunderlag(rader, { exportdatum: exportdag(rader), postnyckel: postnyckel(TESTNYCKLAR[0]!) });
    let provade = 0;
    for (const u of underlag.filter((x) => x.kon === "alla" && x.deltagare > 0)) {
      const kv = underlag.find((x) => x.insats === u.insats && x.fran === u.fran && x.kon === "kvinnor")!;
      const man = underlag.find((x) => x.insats === u.insats && x.fran === u.fran && x.kon === "man")!;
      const [A, K, M] = [u, kv, man].map((x) => brusadeAntal(x, TABELL).deltagare) as [number, number, number];
      const utan = new Set(forklaringar(A).flatMap((a) => forklaringar(K).flatMap((k) => forklaringar(M).map((m) => a - k - m))).values());
      expect(utan.size).toBeGreaterThan(1);
      expect(utan.has(u.deltagare - kv.deltagare - man.deltagare)).toBe(true);
      provade++;
    }
    expect(provade).toBeGreaterThanOrEqual(15);
  });

  it("two builds, before and after one new participant (without kön, or in a new team), on a team of three and on three teams: no changed count gives the true difference with certainty", async () => {
    const trio = generera({ team: ["Trio"], personer: 3, fro: 3 });
    const fall: [string, Rad[], Rad][] = [
      ["a team of three, one more without kön", trio, { ...trio[0]!, person: "NY-UTAN", kon: undefined, start: "2022-02-01" as Datum, slut: undefined, orsak: undefined }],
      ["three teams, one more in a new team", BAS, { ...BAS[0]!, person: "NY-TEAM", insats: "Team Ny", start: "2023-02-01" as Datum, slut: undefined, orsak: undefined }],
    ];
    for (const [namn, fore, ny] of fall) {
      for (const nyckel of TESTNYCKLAR.slice(0, 2)) {
        const exportdatum = exportdag(fore);
        const fore_ = uppslag(await publicera(fore, "brus", { nyckel, exportdatum }));
        const efter = await publicera([...fore, ny], "brus", { nyckel, exportdatum });
        const sannFore = uppslag(oskyddadeNyckeltal(beraknaInsatsunderlag(fore, { exportdatum }).underlag));
        const sannEfter = uppslag(oskyddadeNyckeltal(beraknaInsatsunderlag([...fore, ny], { exportdatum }).underlag));
        let andrade = 0;
        for (const r of efter.filter((x) => x.matt === "deltagare" || x.matt === "avslut")) {
          const f = fore_(r.insats, r.fran, r.kon, r.matt);
          const sann = sannEfter(r.insats, r.fran, r.kon, r.matt)!.antal! - (sannFore(r.insats, r.fran, r.kon, r.matt)?.antal ?? 0);
          if (sann === 0) continue;
          andrade++;
          const mojliga = skillnader(r.antal!, f?.antal ?? 0);
          expect(mojliga.has(sann), `${namn}: ${r.insats} ${r.fran} ${r.kon} ${r.matt}`).toBe(true);
          expect(mojliga.size, `${namn}: ${r.insats} ${r.fran} ${r.kon} ${r.matt}: ${f?.antal} then ${r.antal}`).toBeGreaterThan(1);
        }
        expect(andrade, namn).toBeGreaterThan(3);
      }
    }
  });

  it("over many keys, the differenced published counts miss the true difference about as often as the table says", () => {
    // Two windows that differ by exactly one person: the difference of their published counts.
    const s = slump(5);
    let fel = 0;
    const N = 20_000;
    for (let n = 0; n < N; n++) {
      const [A, B] = [slumpa(23, s()), slumpa(24, s())];
      if (B - A !== 1) fel++;
    }
    // P(noise_B − noise_A ≠ 0) with independent noise −1/0/+1 at 0.25/0.5/0.25: 1 − (0.25² + 0.5² + 0.25²) = 0.625.
    expect(fel / N).toBeGreaterThan(0.6);
    expect(fel / N).toBeLessThan(0.65);
  });
});

const slumpa = (n: number, u: number) => {
  let s = 0;
  for (const [j, p] of fordelning(TABELL, n)) {
    s += p;
    if (u < s) return j;
  }
  return n;
};

describe("what is published", () => {
  it("no count 1..sma anywhere (also none that follows from a share and its antal), and the outside check passes", async () => {
    for (const [namn, rader] of Object.entries({
      bas: BAS,
      "ett team med tre deltagare": generera({ team: ["Trio"], personer: 3, fro: 3 }),
      "utan kön": generera({ team: ["Team A", "Team B"], personer: 60, utanKon: 0.1, fro: 4 }),
    })) {
      const pub = await publicera(rader, "brus");
      expect(kontrolleraPublicerat(pub, { k: 5 }), namn).toEqual([]);
      for (const r of pub) {
        if (r.antal !== null) expect(r.antal === 0 || r.antal > STANDARD_BRUS.sma, `${namn}: ${r.insats} ${r.fran} ${r.kon} ${r.matt} = ${r.antal}`).toBe(true);
        if (r.matt === "andel_mal" && r.antal && r.varde !== null) {
          const t = r.varde * r.antal;
          expect(Math.abs(t - Math.round(t))).toBeLessThan(1e-9);
          for (const x of [Math.round(t), r.antal - Math.round(t)]) expect(x === 0 || x > STANDARD_BRUS.sma).toBe(true);
        }
      }
    }
  });

  it("a share is the published numerator over the published denominator, within 0..1; a mean only over at least the minimum", async () => {
    const pub = await publicera(BAS, "brus");
    const h = uppslag(pub);
    const minsta = minstaAntalForMedel(5, TABELL);
    expect(minsta).toBe(5);
    for (const r of pub) {
      if (r.matt === "andel_mal" && r.varde !== null) {
        expect(r.varde).toBeGreaterThanOrEqual(0);
        expect(r.varde).toBeLessThanOrEqual(1);
        expect(Math.round(r.varde * r.antal!)).toBe(h(r.insats, r.fran, r.kon, "genomstromningstid_man")!.antal ?? Math.round(r.varde * r.antal!));
      }
      if ((r.matt === "genomstromningstid_man" || r.matt === "tid_fore_start_ar") && r.varde !== null) expect(r.antal).toBeGreaterThanOrEqual(minsta);
      if (r.undertryckt) expect([r.varde, r.antal, r.matt === "genomstromningstid_man" || r.matt === "tid_fore_start_ar"]).toEqual([null, null, true]);
    }
  });

  it("a mean moves by at most medelvardesbrus times the group's largest value over its persons", () => {
    const { underlag } = beraknaInsatsunderlag(BAS, { exportdatum: exportdag(BAS), postnyckel: postnyckel(TESTNYCKLAR[0]!) });
    const rader = brusaNyckeltal(underlag, { k: 5, brus: STANDARD_BRUS });
    let sett = 0;
    for (const u of underlag.filter((x) => x.malGrupp > 0)) {
      const r = rader.find((x) => x.insats === u.insats && x.fran === u.fran && x.kon === u.kon && x.matt === "genomstromningstid_man")!;
      if (r.varde === null) continue;
      const sann = u.tidSummaManader / u.malGrupp;
      expect(Math.abs(r.varde - sann)).toBeLessThanOrEqual((STANDARD_BRUS.medelvardesbrus * u.tidMaxManader!) / u.malGrupp + 1e-9);
      expect(r.varde).not.toBe(sann); // a continuous noise: never exactly the true mean (which would give the count away)
      sett++;
    }
    expect(sett).toBeGreaterThanOrEqual(10);
  });

  it("needs the record keys: without them it refuses rather than publishing true counts", () => {
    const u: Underlag = { forbund: "f", insats: "A", fran: "2024-01", till: "2024-12", kon: "alla", deltagare: 7, avslut: 3, malTaljare: 2, malNamnare: 3, malGrupp: 2, tidSummaManader: 20, foreSummaAr: 3, foreN: 2 };
    expect(() => brusaNyckeltal([u], { k: 5, brus: STANDARD_BRUS })).toThrow(/cellnycklar saknas/);
  });
});

describe("the share's parts (andelensDelar)", () => {
  const s = slump(17);
  const nyckel = () => Math.floor(s() * 4294967296);
  const utfall = (t: number, r: number, N = 1000) => Array.from({ length: N }, () => andelensDelar(TABELL, t, r, nyckel(), nyckel()));

  it("a denominator of 4 or more never gives an empty share, whatever the keys (Säter 2023: 2 of 4 reached the goal)", () => {
    for (const [t, r] of [[2, 2], [1, 3], [3, 1], [0, 4], [4, 0], [1, 2 + 1], [2, 5], [10, 10]] as const) {
      for (const d of utfall(t, r)) {
        expect(d.taljare + d.rest, `${t} + ${r}`).toBeGreaterThan(0);
        for (const x of [d.taljare, d.rest]) expect(x === 0 || x > STANDARD_BRUS.sma).toBe(true);
        if (t === 0) expect(d.taljare).toBe(0);
        if (r === 0) expect(d.rest).toBe(0);
      }
    }
  });

  it("t = r = 2: the three published shares 0 %, 50 % and 100 % occur, 0/0 never; 50 % (3 of 6) most often", () => {
    const n = new Map<string, number>();
    for (const d of utfall(2, 2)) n.set(`${d.taljare}/${d.rest}`, (n.get(`${d.taljare}/${d.rest}`) ?? 0) + 1);
    expect([...n.keys()].sort()).toEqual(["0/3", "3/0", "3/3"]);
    // Both parts 3 with (2/3)²; one part 3 (by itself or lifted) the rest: 5/9 against 4/9.
    expect(n.get("3/3")! / 1000).toBeGreaterThan(0.4);
    expect(n.get("3/3")! / 1000).toBeLessThan(0.49);
  });

  it("the share disappears exactly when the denominator's own count is published as 0: only for 1..3 persons, as often as the table says", () => {
    expect(andelensDelar(TABELL, 0, 0, nyckel(), nyckel())).toEqual({ taljare: 0, rest: 0 });
    for (const [t, r, p0] of [[1, 0, 2 / 3], [0, 2, 1 / 3], [1, 1, 1 / 3], [2, 1, fordelning(TABELL, 3).get(0)!], [1, 2, fordelning(TABELL, 3).get(0)!]] as const) {
      const tomma = utfall(t, r, 20_000).filter((d) => d.taljare + d.rest === 0).length / 20_000;
      expect(Math.abs(tomma - p0), `${t} + ${r}`).toBeLessThan(0.015);
    }
  });

  it("the denominator's key is the key of its persons: with the parts' key sums a and b it is (a + b) mod 2^32", () => {
    // n' = 0 for the key sums whose total falls below the table's bound for n = 3 → 0.
    const ub0 = TABELL.rader[3]!.ub[0]!;
    const a = Math.floor(ub0 * 4294967296 * 0.5);
    const b = Math.floor(ub0 * 4294967296 * 0.4);
    expect(andelensDelar(TABELL, 2, 1, a, b)).toEqual({ taljare: 0, rest: 0 });
    expect(andelensDelar(TABELL, 2, 1, a + 2 ** 31, b)).not.toEqual({ taljare: 0, rest: 0 });
  });
});

describe("the noise statistics match the table", () => {
  it("over 30 000 cells of every size: mean about 0, variance about V, never more than D (above the small counts), small counts to 0 or sma + 1 in the table's shares", () => {
    const s = slump(99);
    const perStorlek = new Map<number, number[]>();
    for (let n = 0; n < 30_000; n++) {
      const antal = 1 + Math.floor(s() * 40);
      const summa = Math.floor(s() * 4294967296);
      const u: Underlag = {
        forbund: "f", insats: "A", fran: "2024-01", till: "2024-12", kon: "alla", deltagare: antal, avslut: 0, malTaljare: 0, malNamnare: 0, malGrupp: 0, tidSummaManader: 0, foreSummaAr: 0, foreN: 0,
        nycklar: { deltagare: summa, avslut: 0, malTaljare: 0, malKomplement: 0, foreN: 0, tid: 0, fore: 0 },
      };
      const b = brusadeAntal(u, TABELL).deltagare;
      perStorlek.set(antal, [...(perStorlek.get(antal) ?? []), b - antal]);
    }
    const stora = [...perStorlek].filter(([n]) => n > STANDARD_BRUS.sma + STANDARD_BRUS.maxbrus).flatMap(([, x]) => x);
    const medel = stora.reduce((a, b) => a + b, 0) / stora.length;
    const varians = stora.reduce((a, b) => a + (b - medel) ** 2, 0) / stora.length;
    expect(Math.abs(medel)).toBeLessThan(0.02);
    expect(Math.abs(varians - STANDARD_BRUS.varians)).toBeLessThan(0.03);
    expect(Math.max(...stora.map(Math.abs))).toBe(STANDARD_BRUS.maxbrus);
    for (const i of [1, 2]) {
      const brus = perStorlek.get(i)!;
      const upp = brus.filter((x) => x === STANDARD_BRUS.sma + 1 - i).length / brus.length;
      expect(brus.every((x) => x === -i || x === STANDARD_BRUS.sma + 1 - i)).toBe(true);
      expect(Math.abs(upp - i / (STANDARD_BRUS.sma + 1))).toBeLessThan(0.04);
    }
  });
});

export type { NyckeltalRad };
