// @vitest-environment jsdom
/**
 * Teamen år för år (issue 12, som 2018 års rapport Tabell 12–15): ett mått per tabell, teamen
 * som rader med kvinnor och män under, kalenderåren som kolumner och förbundet totalt sist. Ett
 * år innan ett team fanns (eller efter att det slutat) är tomt, inte 0. Varje annan cell är det
 * skyddade värdet. Prövat på handgjorda rader och på exempeldatans golden-fil.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INSATSER_NYCKELTAL } from "../loaders/publish/insatsscheman.ts";
import { lasTabell } from "../src/components/dom.js";
import { TEAMAR_MATT, fannsTeamet, formatNyckeltal, teamAr, tolkaNyckeltal, uppslag, visning, type NyckeltalRad } from "../src/components/insatser.js";
import { teamArDiagramtabell, teamArTabell } from "../src/components/insatsvyer.js";
import { DOLT_MARKERING } from "../src/components/nedladdning.js";
import { sidtabellFranCsv } from "./helpers/sidtabell.ts";

/** En rad i de skyddade nyckeltalen. */
function rad(insats: string, ar: number, kon: string, matt: string, varde: number | null, dolt = false, fran = `${ar}-01`, till = `${ar}-12`): NyckeltalRad {
  return { forbund: "f", insats, fran, till, kon, matt, varde: dolt ? null : varde, antal: null, dolt, skydd: "undertryckning" };
}

// Team A från 2020, team B 2020–2021 (dolt antal 2021: hade deltagare), team C bara 2022
// (0 deltagare 2020–2021: fanns inte), och en halvårsperiod som inte är ett kalenderår.
const RADER: NyckeltalRad[] = [
  ...[2020, 2021, 2022].map((ar) => rad("totalt", ar, "alla", "deltagare", 10 + ar - 2020)),
  rad("A", 2020, "alla", "deltagare", 6),
  rad("A", 2021, "alla", "deltagare", 7),
  rad("A", 2022, "alla", "deltagare", 8),
  rad("A", 2022, "kvinnor", "deltagare", 5),
  rad("A", 2022, "man", "deltagare", 3),
  rad("B", 2020, "alla", "deltagare", 5),
  rad("B", 2021, "alla", "deltagare", null, true),
  rad("B", 2022, "alla", "deltagare", 0),
  rad("C", 2020, "alla", "deltagare", 0),
  rad("C", 2021, "alla", "deltagare", 0),
  rad("C", 2022, "alla", "deltagare", 5),
  rad("A", 2022, "alla", "deltagare", 9, false, "2022-07", "2023-06")
];

describe("teamAr", () => {
  const { ar, team, totalt } = teamAr(RADER);

  it("har kalenderåren i ordning (inte tolvmånadersperioder som slutar i juni) och teamen utan totalen", () => {
    expect(ar.map((f) => f.till)).toEqual(["2020-12", "2021-12", "2022-12"]);
    expect(team.map((t) => t.insats)).toEqual(["A", "B", "C"]);
    expect(totalt).toBe(true);
  });

  it("ett team finns från sitt första till sitt sista år med deltagare; ett dolt antal är deltagare", () => {
    const fanns = (i: string) => ar.map((_, k) => fannsTeamet(team.find((t) => t.insats === i)!, k));
    expect(fanns("A")).toEqual([true, true, true]);
    expect(fanns("B")).toEqual([true, true, false]);
    expect(fanns("C")).toEqual([false, false, true]);
  });

  it("ett team utan något år med deltagare fanns aldrig", () => {
    const t = teamAr([rad("D", 2020, "alla", "deltagare", 0)]).team[0]!;
    expect(t).toEqual({ insats: "D", forsta: null, sista: null });
    expect(fannsTeamet(t, 0)).toBe(false);
  });
});

describe("teamArTabell", () => {
  const { ar, team, totalt } = teamAr(RADER);
  const hamta = uppslag(RADER);
  const t = teamArTabell({ bildtext: "Deltagare", matt: "deltagare", ar, team, totalt, hamta: (i, f, kon) => hamta("f", i, f, kon, "deltagare") });
  const celler = lasTabell(t);

  it("har åren som kolumner och teamen med kvinnor och män under, förbundet totalt sist", () => {
    expect(celler.rubriker).toEqual(["Team", "2020", "2021", "2022"]);
    expect(celler.rader.map((r) => r[0])).toEqual([
      "A", "A, kvinnor", "A, män",
      "B", "B, kvinnor", "B, män",
      "C", "C, kvinnor", "C, män",
      "Förbundet totalt", "Förbundet totalt, kvinnor", "Förbundet totalt, män"
    ]);
  });

  it("är tom före och efter teamets år, visar 0 och dolt som de publicerats, och – för saknat", () => {
    expect(celler.rader[0]).toEqual(["A", "6", "7", "8"]);
    expect(celler.rader[1]).toEqual(["A, kvinnor", "–", "–", "5"]);
    expect(celler.rader[3]).toEqual(["B", "5", DOLT_MARKERING, ""]);
    expect(celler.rader[6]).toEqual(["C", "", "", "5"]);
    expect(celler.rader[9]).toEqual(["Förbundet totalt", "10", "11", "12"]);
  });

  it("diagrammets tabellvy har ett år per rad (nyast först) och teamen som kolumner, för alla", () => {
    const d = lasTabell(teamArDiagramtabell({ bildtext: "x", matt: "deltagare", ar, team, totalt, hamta: (i, f, kon) => hamta("f", i, f, kon, "deltagare") }));
    expect(d.rubriker).toEqual(["År", "A", "B", "C", "Förbundet totalt"]);
    expect(d.rader).toEqual([
      ["2022", "8", "", "5", "12"],
      ["2021", "7", DOLT_MARKERING, "", "11"],
      ["2020", "6", "5", "", "10"]
    ]);
  });
});

describe("teamen år för år på exempeldatan", () => {
  const golden = (fil: string) => readFileSync(join(process.cwd(), "test/golden/exempel", fil), "utf8");
  const rader = tolkaNyckeltal(sidtabellFranCsv(INSATSER_NYCKELTAL, golden("insatser_nyckeltal.csv"))).filter((d) => d.forbund === "sodra-dalarna");
  const hamta = uppslag(rader);
  const { ar, team, totalt } = teamAr(rader);

  it("Säter, som började senare, är tomt före sitt första år med deltagare; varje annan cell är det skyddade värdet", () => {
    const sater = team.find((t) => t.insats === "Samverkansteam Säter")!;
    expect(sater.forsta).toBeGreaterThan(0);
    for (const matt of TEAMAR_MATT) {
      const celler = lasTabell(teamArTabell({ bildtext: matt, matt, ar, team, totalt, hamta: (i, f, kon) => hamta("sodra-dalarna", i, f, kon, matt) }));
      expect(celler.rader).toHaveLength((team.length + 1) * 3);
      team.forEach((tm, ti) =>
        (["alla", "kvinnor", "man"] as const).forEach((kon, k) =>
          ar.forEach((f, i) => {
            const v = visning(hamta("sodra-dalarna", tm.insats, f, kon, matt) ?? null, (x) => formatNyckeltal(matt, x));
            const vantat = fannsTeamet(tm, i) ? (v.status === "dolt" ? DOLT_MARKERING : v.text) : "";
            expect(celler.rader[ti * 3 + k]![i + 1], `${matt} ${tm.insats} ${kon} ${f.till}`).toBe(vantat);
          })
        )
      );
    }
  });
});
