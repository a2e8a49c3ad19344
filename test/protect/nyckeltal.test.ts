/**
 * Protection of the participant nyckeltal: the rules of docs/definitioner/skydd.md on
 * hand-made examples, and as properties of random small microdata.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MotsagelseFel,
  angriparkontroll,
  byggPubliceringar,
  kontrolleraPublicerat,
  nyckel,
  oskyddadeNyckeltal,
  skydda,
  skyddaNyckeltal,
  type Kon,
  type NyckeltalRad,
  type Underlag,
} from "../../loaders/protect/index.ts";
import { blanda, scenario, underlagFor } from "./mikrodata.ts";

const F = "Södra Dalarna";
const P = { fran: "2024-07", till: "2025-06" };

/** One Underlag row; the goal group = the numerator, everyone with a known tid före start. */
function rad(insats: string, kon: Kon, deltagare: number, avslut: number, malNamnare: number, malTaljare: number): Underlag {
  return {
    forbund: F, insats, ...P, kon, deltagare, avslut, malNamnare, malTaljare,
    malGrupp: malTaljare, tidSummaManader: 7 * malTaljare, foreN: malTaljare, foreSummaAr: 2 * malTaljare,
  };
}

/** kvinnor and man rows of each team; alla and the förbund total are summed. */
function forbund(team: Record<string, { kvinnor: [number, number, number, number]; man: [number, number, number, number] }>): Underlag[] {
  const ut: Underlag[] = [];
  const summa = (rader: Underlag[], insats: string, kon: Kon) =>
    rad(insats, kon, ...([0, 1, 2, 3].map((i) => rader.reduce((s, r) => s + [r.deltagare, r.avslut, r.malNamnare, r.malTaljare][i]!, 0)) as [number, number, number, number]));
  const perKon: Record<"kvinnor" | "man", Underlag[]> = { kvinnor: [], man: [] };
  for (const [namn, t] of Object.entries(team)) {
    const kv = rad(namn, "kvinnor", ...t.kvinnor);
    const man = rad(namn, "man", ...t.man);
    ut.push(summa([kv, man], namn, "alla"), kv, man);
    perKon.kvinnor.push(kv);
    perKon.man.push(man);
  }
  ut.push(summa([...perKon.kvinnor, ...perKon.man], "totalt", "alla"), summa(perKon.kvinnor, "totalt", "kvinnor"), summa(perKon.man, "totalt", "man"));
  return ut;
}

const hitta = (rader: readonly NyckeltalRad[], insats: string, kon: Kon, matt: NyckeltalRad["matt"]) =>
  rader.find((r) => r.insats === insats && r.kon === kon && r.matt === matt)!;

describe("nyckeltal rows", () => {
  const u = forbund({
    "Team A": { kvinnor: [10, 8, 8, 6], man: [12, 12, 12, 6] },
    "Team B": { kvinnor: [20, 15, 15, 10], man: [30, 25, 20, 10] },
  });
  const rader = skyddaNyckeltal(u, { k: 5 });

  it("five rows per Underlag row, sorted by förbund, insats ('totalt' last), period, kön, matt", () => {
    expect(rader).toHaveLength(u.length * 5);
    expect(rader.slice(0, 5).map((r) => [r.insats, r.kon, r.matt])).toEqual([
      ["Team A", "alla", "deltagare"], ["Team A", "alla", "avslut"], ["Team A", "alla", "andel_mal"],
      ["Team A", "alla", "genomstromningstid_man"], ["Team A", "alla", "tid_fore_start_ar"],
    ]);
    expect([...new Set(rader.map((r) => r.insats))]).toEqual(["Team A", "Team B", "totalt"]);
  });

  it("antal is the count behind each value, never rounded", () => {
    expect(hitta(rader, "Team B", "alla", "andel_mal")).toEqual({ forbund: F, insats: "Team B", ...P, kon: "alla", matt: "andel_mal", varde: 20 / 35, antal: 35, undertryckt: false });
    expect(hitta(rader, "Team B", "alla", "genomstromningstid_man")).toMatchObject({ varde: 7, antal: 20 });
    expect(hitta(rader, "Team B", "alla", "tid_fore_start_ar")).toMatchObject({ varde: 2, antal: 20 });
    expect(hitta(rader, "totalt", "alla", "deltagare")).toMatchObject({ varde: 72, antal: 72 });
    expect(hitta(rader, "Team A", "kvinnor", "avslut")).toMatchObject({ varde: 8, antal: 8 });
  });

  it("a share whose complement is small is hidden (6 of 8 reach the goal: the 2 who did not are few), with its numerator, denominator and antal", () => {
    expect(hitta(rader, "Team A", "kvinnor", "andel_mal")).toMatchObject({ varde: null, antal: null, undertryckt: true });
  });

  it("alla and man of Team A would give kvinnor's numerator by subtraction, and the förbund totals then Team B's: the four kön cells of the teams are hidden, alla rows and totals stay", () => {
    const doldaAndelar = rader.filter((r) => r.matt === "andel_mal" && r.undertryckt).map((r) => `${r.insats} ${r.kon}`);
    expect(doldaAndelar).toEqual(["Team A kvinnor", "Team A man", "Team B kvinnor", "Team B man"]);
    // The goal group behind the means is the share's numerator: those means go with it. And
    // tid före start for 6 persons would show that at least 6 of the 8 reached the goal (at
    // most 2 did not), so it goes too. Deltagare and avslut are all shown.
    for (const matt of ["genomstromningstid_man", "tid_fore_start_ar"] as const) {
      expect(rader.filter((r) => r.matt === matt && r.undertryckt).map((r) => `${r.insats} ${r.kon}`)).toEqual(doldaAndelar);
    }
    expect(rader.filter((r) => (r.matt === "deltagare" || r.matt === "avslut") && r.undertryckt)).toEqual([]);
    // And what was published passes the outsider's check.
    expect(kontrolleraPublicerat(rader, 5)).toEqual([]);
  });

  it("hiding only the small share is caught by the publication check: its complement is recomputed", () => {
    const naiv = oskyddadeNyckeltal(u).map((r) =>
      r.insats === "Team A" && r.kon === "kvinnor" && r.matt === "andel_mal" ? { ...r, varde: null, antal: null, undertryckt: true } : r,
    );
    const fel = kontrolleraPublicerat(naiv, 5);
    expect(fel).toContainEqual({ nyckel: `${F}|${P.fran}|${P.till}|malKomplement|Team A|kvinnor`, min: 2, max: 2, varde: null, typ: "intervall" });
  });

  it("the publication check flags a shown small count, and a hidden row that still carries a value", () => {
    const ok = oskyddadeNyckeltal(u);
    const fel = kontrolleraPublicerat(ok.map((r) => (r.insats === "Team A" && r.kon === "kvinnor" && r.matt === "tid_fore_start_ar" ? { ...r, undertryckt: true } : r)), 5);
    expect(fel.filter((f) => f.typ !== "intervall")).toEqual([
      { nyckel: `${F}|${P.fran}|${P.till}|foreN|Team A|kvinnor`, min: 6, max: 6, varde: 6, typ: "visat_dolt" },
      { nyckel: `${F}|${P.fran}|${P.till}|malKomplement|Team A|kvinnor`, min: 2, max: 2, varde: 2, typ: "litet_tal" },
    ]);
  });

  it("0 % and 100 % of a small group are never shown; 100 % of a large group is", () => {
    const v = skyddaNyckeltal(
      forbund({
        Liten: { kvinnor: [6, 3, 3, 3], man: [6, 4, 4, 0] },
        "Stor 1": { kvinnor: [12, 12, 12, 12], man: [20, 15, 15, 10] },
        "Stor 2": { kvinnor: [20, 15, 15, 10], man: [20, 15, 15, 9] },
      }),
      { k: 5 },
    );
    expect(hitta(v, "Liten", "kvinnor", "andel_mal").undertryckt).toBe(true); // 3 of 3
    expect(hitta(v, "Liten", "man", "andel_mal").undertryckt).toBe(true); // 0 of 4
    expect(hitta(v, "Stor 1", "kvinnor", "andel_mal")).toMatchObject({ varde: 1, antal: 12, undertryckt: false }); // 12 of 12
    expect(kontrolleraPublicerat(v, 5)).toEqual([]);
  });

  it("a mean over fewer than k persons is hidden, and so is a mean over exactly the numerator of a hidden share", () => {
    // Team A man: 5 of 6 reach the goal. The share is hidden (1 did not), so genomströmningstid
    // for those 5 would give the numerator 5 and the complement 1: hidden as well.
    const v = skyddaNyckeltal(
      forbund({
        "Team A": { kvinnor: [9, 8, 8, 3], man: [9, 6, 6, 5] },
        "Team B": { kvinnor: [20, 15, 15, 10], man: [30, 25, 20, 10] },
      }),
      { k: 5 },
    );
    expect(hitta(v, "Team A", "kvinnor", "genomstromningstid_man").undertryckt).toBe(true); // 3 persons
    expect(hitta(v, "Team A", "man", "andel_mal").undertryckt).toBe(true);
    expect(hitta(v, "Team A", "man", "genomstromningstid_man").undertryckt).toBe(true);
    expect(hitta(v, "Team A", "man", "deltagare")).toMatchObject({ varde: 9, undertryckt: false });
  });

  it("a share or mean over nobody is shown as antal 0 without a value (nothing to hide)", () => {
    const v = skyddaNyckeltal(forbund({ A: { kvinnor: [10, 0, 0, 0], man: [10, 0, 0, 0] }, B: { kvinnor: [10, 6, 6, 6], man: [10, 6, 6, 6] } }), { k: 5 });
    expect(hitta(v, "A", "kvinnor", "andel_mal")).toMatchObject({ varde: null, antal: 0, undertryckt: false });
    expect(hitta(v, "A", "kvinnor", "genomstromningstid_man")).toMatchObject({ varde: null, antal: 0, undertryckt: false });
  });

  it("oskyddadeNyckeltal gives the same rows with nothing hidden", () => {
    const o = oskyddadeNyckeltal(u);
    expect(o.map((r) => [r.insats, r.kon, r.matt])).toEqual(rader.map((r) => [r.insats, r.kon, r.matt]));
    expect(o.every((r) => !r.undertryckt && r.antal !== null)).toBe(true);
    expect(hitta(o, "Team A", "kvinnor", "andel_mal")).toMatchObject({ varde: 0.75, antal: 8 });
  });
});

describe("inconsistent figures are rejected, not protected", () => {
  it("a förbund total that is not the sum of the teams", () => {
    const u = forbund({ A: { kvinnor: [10, 8, 8, 6], man: [12, 12, 12, 6] }, B: { kvinnor: [20, 15, 15, 10], man: [30, 25, 20, 10] } });
    const fel = u.map((r) => (r.insats === "totalt" && r.kon === "man" ? { ...r, avslut: r.avslut + 1 } : r));
    expect(() => skyddaNyckeltal(fel, { k: 5 })).toThrow(MotsagelseFel);
  });

  it("persons in two teams: the total of deltagare is then below the sum, allowed only with deltagareKanOverlappa", () => {
    const u = forbund({ A: { kvinnor: [10, 8, 8, 6], man: [12, 12, 12, 6] }, B: { kvinnor: [20, 15, 15, 10], man: [30, 25, 20, 10] } });
    const overlapp = u.map((r) => (r.insats === "totalt" ? { ...r, deltagare: r.deltagare - (r.kon === "alla" ? 2 : 1) } : r));
    expect(() => skyddaNyckeltal(overlapp, { k: 5 })).toThrow(/deltagareKanOverlappa/);
    expect(() => skyddaNyckeltal(overlapp, { k: 5, deltagareKanOverlappa: true })).not.toThrow();
  });

  it("a numerator above its denominator, a duplicate row, an unknown kön", () => {
    const ok = rad("A", "alla", 10, 8, 6, 5);
    expect(() => skyddaNyckeltal([{ ...ok, malTaljare: 7 }], { k: 5 })).toThrow(/malTaljare > malNamnare/);
    expect(() => skyddaNyckeltal([ok, ok], { k: 5 })).toThrow(/dubblett/);
    expect(() => skyddaNyckeltal([{ ...ok, kon: "okänt" as Kon }], { k: 5 })).toThrow(/okänt kön/);
  });
});

describe("properties on random small microdata", () => {
  const k = (r: NyckeltalRad) => r.antal ?? -1;
  const liten = (v: number, kk: number) => v > 0 && v < kk;

  it("nothing small is shown, nothing hidden can be recomputed or narrowed, the same cell has one status, the output is deterministic", () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        const opts = { k: s.k, deltagareKanOverlappa: s.deltagareKanOverlappa, konKanSaknas: s.konKanSaknas };
        const u = underlagFor(s);
        const rader = skyddaNyckeltal(u, opts);
        const oskyddade = oskyddadeNyckeltal(u);
        expect(rader).toHaveLength(u.length * 5);

        // 1. No published count in 1..k-1 (deltagare, avslut, antal of every row, and the
        //    numerator and complement implied by a shown share and its antal).
        for (const r of rader) {
          if (r.undertryckt) { expect([r.varde, r.antal]).toEqual([null, null]); continue; }
          expect(liten(k(r), s.k)).toBe(false);
          if (r.matt === "andel_mal" && r.antal! > 0) {
            const t = Math.round(r.varde! * r.antal!);
            expect(liten(t, s.k) || liten(r.antal! - t, s.k)).toBe(false);
          }
        }
        // Shown values are the true ones.
        rader.forEach((r, i) => { if (!r.undertryckt) expect(r).toEqual(oskyddade[i]); });

        for (const pp of byggPubliceringar(u, opts)) {
          const { dolda } = skydda(pp.publicering, { k: s.k });
          // 2. No "lika" relation with exactly one hidden published cell (a derived count such
          //    as tidiga avhopp = avslut − denominator is never published; the attacker check
          //    below covers it).
          const harledda = pp.publicering.harledda ?? new Set<string>();
          for (const rel of pp.publicering.relationer) {
            const doldaHar = [rel.total, ...rel.delar].filter((n) => dolda.has(n));
            if (rel.typ === "lika" && !(doldaHar.length === 1 && harledda.has(doldaHar[0]!))) expect(doldaHar.length).not.toBe(1);
          }
          // 3. The attacker check holds for every hidden cell.
          expect(angriparkontroll(pp.publicering, dolda, { k: s.k })).toEqual([]);
          // 4. Every count has one status: in every row that shows or implies it, and the
          //    goal group of the means has the status of the share's numerator it equals.
          for (const r of rader.filter((x) => x.forbund === pp.forbund && x.fran === pp.fran && x.till === pp.till)) {
            const nycklar = {
              deltagare: ["deltagare"], avslut: ["avslut"], andel_mal: ["malTaljare", "malNamnare", "malKomplement"],
              genomstromningstid_man: ["malGrupp"], tid_fore_start_ar: ["foreN"],
            }[r.matt] as Parameters<typeof nyckel>[0][];
            for (const n of nycklar) expect(dolda.has(nyckel(n, r.insats, r.kon))).toBe(r.undertryckt);
          }
          for (const up of pp.rader) {
            expect(dolda.has(nyckel("malGrupp", up.insats, up.kon))).toBe(dolda.has(nyckel("malTaljare", up.insats, up.kon)));
          }
        }
        // The outsider's check on the published rows alone agrees.
        expect(kontrolleraPublicerat(rader, s.k, opts)).toEqual([]);

        // 5. Identical input gives byte-identical output, and so does shuffled input.
        const json = JSON.stringify(rader);
        expect(JSON.stringify(skyddaNyckeltal(u, opts))).toBe(json);
        expect(JSON.stringify(skyddaNyckeltal(blanda(u, s.blandning), opts))).toBe(json);
      }),
      { seed: 20250601, numRuns: 120 },
    );
  }, 180_000); // about 35 s on an idle machine (each run protects three times and checks once)
});
