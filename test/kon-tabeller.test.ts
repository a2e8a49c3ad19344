// @vitest-environment jsdom
/**
 * Kön där styrelsen tittar (issue 12): resultattabellerna på Insatser (Tabell 1–4) och
 * halvårstabellen på Helårsekvivalenter visar kvinnor och män bredvid totalen. Varje cell tas
 * ur de skyddade (publicerade) tabellerna för sitt kön: ett dolt värde står som markeringen,
 * och inget räknas om från något annat. Tabellerna byggs i jsdom ur exempeldatans golden-filer.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INSATSER_NYCKELTAL } from "../loaders/publish/insatsscheman.ts";
import { HELARSEKVIVALENTER_HALVAR } from "../loaders/publish/helarsekvivalenter.ts";
import { tolkaHalvar } from "../src/components/data.js";
import { halvarstabell } from "../src/components/diagram.js";
import { lasTabell } from "../src/components/dom.js";
import { formatHalvarRubrik, formatHeltal } from "../src/components/format.js";
import { DOLT, fonsterIRader, formatNyckeltal, insatserIRader, tolkaNyckeltal, uppslag, visning } from "../src/components/insatser.js";
import { RESULTATKON, resultattabell } from "../src/components/insatsvyer.js";
import { DOLT_MARKERING, tabellTillCsv } from "../src/components/nedladdning.js";
import { sidtabellFranCsv } from "./helpers/sidtabell.ts";

// (jsdom gives import.meta.url another form; the tests run from the project's root.)
const golden = (fil: string) => readFileSync(join(process.cwd(), "test/golden/exempel", fil), "utf8");
const nyckeltalsrader = tolkaNyckeltal(sidtabellFranCsv(INSATSER_NYCKELTAL, golden("insatser_nyckeltal.csv")));
const hamta = uppslag(nyckeltalsrader);
const MATT = ["deltagare", "avslut", "andel_mal", "genomstromningstid_man", "tid_fore_start_ar"];

describe("Insatser, Tabell 1–4: kvinnor och män under varje nyckeltal", () => {
  const forbund = "sodra-dalarna";
  const rader = nyckeltalsrader.filter((d) => d.forbund === forbund);
  const fonster = fonsterIRader(rader).slice(-4);

  it("varje tabell har totalen, kvinnor och män för varje nyckeltal, och varje cell är det skyddade värdet för sitt kön", () => {
    const antal = { dolt: 0, visas: 0 };
    for (const insats of insatserIRader(rader)) {
      const t = resultattabell({ bildtext: insats, fonster, hamta: (f, matt, kon) => hamta(forbund, insats, f, kon, matt) });
      const celler = lasTabell(t);
      expect(celler.rader).toHaveLength(MATT.length * 3);
      MATT.forEach((matt, m) =>
        RESULTATKON.forEach((kon, k) => {
          const rad = celler.rader[m * 3 + k]!;
          fonster.forEach((f, i) => {
            const publicerat = hamta(forbund, insats, f, kon, matt);
            const v = visning(publicerat ?? null, (x) => formatNyckeltal(matt, x));
            // Dold i den skyddade tabellen <=> markeringen i cellen; annars samma avrundade tal.
            expect(rad[i + 1], `${insats} ${matt} ${kon} ${f.till}`).toBe(v.status === "dolt" ? DOLT_MARKERING : v.text);
            if (kon !== "alla") antal[v.status === "dolt" ? "dolt" : "visas"] += v.status === "saknas" ? 0 : 1;
          });
        })
      );
    }
    // Exempeldatan har både visade och dolda värden för kvinnor och män i tabellerna.
    expect(antal.dolt).toBeGreaterThan(0);
    expect(antal.visas).toBeGreaterThan(20);
  });

  it("könets rader heter 'kvinnor'/'män' på skärmen men har nyckeltalets namn i nedladdningen", () => {
    const t = resultattabell({ bildtext: "Tabell 1", fonster, hamta: (f, matt, kon) => hamta(forbund, "totalt", f, kon, matt) });
    const synliga = Array.from(t.tBodies[0]!.rows).slice(0, 3).map((r) => {
      const kopia = r.cells[0]!.cloneNode(true) as HTMLElement;
      kopia.querySelectorAll(".visuellt-dold, [data-nedladdning=ej]").forEach((n) => n.remove());
      return kopia.textContent;
    });
    expect(synliga).toEqual(["Deltagare totalt", "kvinnor", "män"]);
    expect(lasTabell(t).rader.slice(0, 3).map((r) => r[0])).toEqual(["Deltagare totalt", "Deltagare totalt, kvinnor", "Deltagare totalt, män"]);
    const csv = tabellTillCsv(lasTabell(t), "standard").split("\n");
    expect(csv[2]!.startsWith("\"Deltagare totalt, kvinnor\",")).toBe(true);
  });

  it("ett dolt värde för ett kön döljs bara för det könet (totalen och det andra könet tas var för sig ur de skyddade tabellerna)", () => {
    const dold = nyckeltalsrader.find((d) => d.forbund === forbund && d.kon !== "alla" && d.dolt && fonster.some((f) => f.fran === d.fran && f.till === d.till) && MATT.includes(d.matt));
    expect(dold).toBeDefined();
    const t = resultattabell({ bildtext: "x", fonster, hamta: (f, matt, kon) => hamta(forbund, dold!.insats, f, kon, matt) });
    const i = fonster.findIndex((f) => f.fran === dold!.fran && f.till === dold!.till);
    const rad = lasTabell(t).rader[MATT.indexOf(dold!.matt) * 3 + RESULTATKON.indexOf(dold!.kon as "kvinnor" | "man")]!;
    expect(rad[i + 1]).toBe(DOLT);
  });
});

describe("Helårsekvivalenter, halvårstabellen: kvinnor och män bredvid totalen", () => {
  const halvar = tolkaHalvar(sidtabellFranCsv(HELARSEKVIVALENTER_HALVAR, golden("helarsekvivalenter_halvar.csv")));
  it("Falun 2024-H1: totalen som i årsredovisningen och kvinnornas och männens snitt per månad för halvåret", () => {
    const rader = halvar.filter((d) => d.niva === "kommun" && d.kod === "2080" && d.halvar === "2024-H1");
    const t = halvarstabell(rader, { regionnamn: "Falun", halvar: "2024-H1", foregaende: "2023-H1", bildtext: "Falun", rubrik: formatHalvarRubrik });
    const { rubriker, rader: celler } = lasTabell(t);
    expect(rubriker.slice(4)).toEqual([`Kvinnor ${formatHalvarRubrik("2024-H1")}`, `Män ${formatHalvarRubrik("2024-H1")}`]);
    const summa = celler.at(-1)!;
    const varde = (kon: string, e: string) => rader.find((d) => d.kon === kon && d.ersattning === e)!.varde;
    // Totalen står kvar som i årsredovisningen (3 352; hela tabellen i halvarstabell.test.ts).
    expect(summa[2]).toBe(formatHeltal(varde("alla", "summa")));
    expect(summa[2]).toBe("3\u00a0352");
    expect(summa[4]).toBe(formatHeltal(varde("kvinnor", "summa")));
    expect(summa[5]).toBe(formatHeltal(varde("man", "summa")));
    expect(celler[0]![4]).toBe(formatHeltal(varde("kvinnor", "sjukpenning")));
    // Kvinnor och män är SCB:s egna tal, inte totalen delad: deras summa är totalen (oavrundat).
    expect(varde("kvinnor", "summa") + varde("man", "summa")).toBeCloseTo(varde("alla", "summa"), 6);
  });
});
