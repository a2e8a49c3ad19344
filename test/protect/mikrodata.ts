/**
 * Random small microdata for the property tests: participants with kön, one or two insatser
 * and an outcome, turned into the unprotected Underlag exactly as the definitions say.
 */
import fc from "fast-check";
import type { Kon, Underlag } from "../../loaders/protect/index.ts";

export const TEAM = ["Arbetslaget", "Team Unga", "Östra", "ÖSTRA 2"] as const;

export interface Person {
  readonly kon: "kvinnor" | "man" | null;
  readonly team: readonly number[]; // indices into the förbund's teams; two when a person is in two insatser
  readonly period: number;
  readonly utfall: "aktiv" | "tidigt_avhopp" | "avslut" | "mal";
  readonly manader: number;
  readonly foreAr: number | null;
}

export interface Scenario {
  readonly k: number;
  readonly antalTeam: number;
  readonly perioder: number;
  readonly deltagareKanOverlappa: boolean;
  readonly konKanSaknas: boolean;
  readonly personer: readonly Person[];
  readonly blandning: number;
}

const PERIODER = [["2023-07", "2024-06"], ["2024-01", "2024-12"]] as const;

export const scenario = (maxPersoner = 45): fc.Arbitrary<Scenario> =>
  fc
    .record({
      k: fc.constantFrom(3, 5, 5),
      antalTeam: fc.integer({ min: 2, max: 4 }),
      perioder: fc.integer({ min: 1, max: 2 }),
      deltagareKanOverlappa: fc.boolean(),
      konKanSaknas: fc.boolean(),
      personer: fc.array(
        fc.record({
          kon: fc.constantFrom<Person["kon"]>("kvinnor", "kvinnor", "man", "man", null),
          team: fc.array(fc.nat(3), { minLength: 1, maxLength: 2 }),
          period: fc.nat(1),
          utfall: fc.constantFrom<Person["utfall"]>("aktiv", "tidigt_avhopp", "avslut", "mal", "mal"),
          manader: fc.integer({ min: 1, max: 36 }),
          foreAr: fc.option(fc.integer({ min: 0, max: 40 }).map((h) => h / 4), { freq: 4 }),
        }),
        { maxLength: maxPersoner },
      ),
      blandning: fc.nat(),
    })
    .map((s) => ({
      ...s,
      personer: s.personer.map((p) => {
        const team = [...new Set(p.team.map((t) => t % s.antalTeam))].sort();
        return {
          ...p,
          kon: s.konKanSaknas ? p.kon : (p.kon ?? "kvinnor"),
          team: s.deltagareKanOverlappa ? team : team.slice(0, 1),
          period: p.period % s.perioder,
        };
      }),
    }));

const tom = () => ({ deltagare: 0, avslut: 0, malTaljare: 0, malNamnare: 0, malGrupp: 0, tidSummaManader: 0, foreSummaAr: 0, foreN: 0 });

/** The Underlag of a scenario: every team x kön (and 'alla', and the förbund total) of every period. */
export function underlagFor(s: Scenario, forbund = "Södra Dalarna"): Underlag[] {
  const ut: Underlag[] = [];
  for (let per = 0; per < s.perioder; per++) {
    const [fran, till] = PERIODER[per]!;
    const personer = s.personer.filter((p) => p.period === per);
    const insatser = [...TEAM.slice(0, s.antalTeam).map((_, i) => i), -1];
    for (const t of insatser) {
      for (const kon of ["alla", "kvinnor", "man"] as Kon[]) {
        const u = tom();
        const medKon = personer.filter((p) => kon === "alla" || p.kon === kon);
        // deltagare: persons (a person in two insatser counts once in the total).
        u.deltagare = medKon.filter((p) => t === -1 || p.team.includes(t)).length;
        // everything else counts exits, one per insats the person was in.
        for (const p of medKon) {
          for (const pt of p.team) {
            if (t !== -1 && pt !== t) continue;
            if (p.utfall === "aktiv") continue;
            u.avslut++;
            if (p.utfall === "tidigt_avhopp") continue;
            u.malNamnare++;
            if (p.utfall !== "mal") continue;
            u.malTaljare++;
            u.malGrupp++;
            u.tidSummaManader += p.manader;
            if (p.foreAr !== null) { u.foreN++; u.foreSummaAr += p.foreAr; }
          }
        }
        ut.push({ forbund, insats: t === -1 ? "totalt" : TEAM[t]!, fran, till, kon, ...u });
      }
    }
  }
  return ut;
}

/** A deterministic shuffle (the input order must not matter). */
export function blanda<T>(xs: readonly T[], fro: number): T[] {
  const ut = [...xs];
  let x = (fro >>> 0) || 1;
  for (let i = ut.length - 1; i > 0; i--) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    const j = x % (i + 1);
    [ut[i], ut[j]] = [ut[j]!, ut[i]!];
  }
  return ut;
}
