/**
 * Finsam Falun-Borlänge's årsredovisning 2024 (shared/seeds) prints this table; the example
 * data must reproduce it exactly, through the same formatting module the site uses.
 *
 *   Helårsekvivalenter, snitt per månad
 *   Falun                          jan-juni 2023  jan-juni 2024  diff.
 *   Sjukpenning                    899            957            58
 *   ...
 */
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../loaders/pipeline.ts";
import type { Utdatatabell } from "../loaders/publish/schema.ts";
import { formatDifferens, formatHeltal } from "../src/components/format.js";
import { csvUtdata } from "./helpers/utdata.ts";

const REPORT = {
  "2080": {
    sjukpenning: ["899", "957", "58"],
    sjuk_aktivitetsersattning: ["1 096", "1 078", "- 18"],
    arbetsloshet: ["227", "304", "77"],
    arbetsmarknadsatgarder: ["630", "548", "- 82"],
    etableringsersattning: ["69", "70", "1"],
    ekonomiskt_bistand: ["440", "396", "- 44"],
    summa: ["3 360", "3 352", "- 9"],
  },
  "2081": {
    sjukpenning: ["936", "967", "31"],
    sjuk_aktivitetsersattning: ["1 119", "1 104", "- 15"],
    arbetsloshet: ["419", "455", "36"],
    arbetsmarknadsatgarder: ["1 127", "1 029", "- 99"],
    etableringsersattning: ["45", "33", "- 12"],
    ekonomiskt_bistand: ["728", "722", "- 6"],
    summa: ["4 373", "4 309", "- 64"],
  },
} as const;

/** The report's typography ("1 096", "- 18") in the site's (no-break space, "−18", "+58"). */
function asSite(report: string, signed: boolean): string {
  const s = report.replace(/ (?=\d{3})/g, "\u00a0");
  if (s.startsWith("- ")) return `\u2212${s.slice(2)}`;
  return signed && s !== "0" ? `+${s}` : s;
}

// The month table is handed to the writer before the half-year table is computed (`finsam run`
// begins its Parquet file then): the same run, with the early tables kept.
const tidiga: Utdatatabell[] = [];
const result = await runPipeline("data/exempel", { tidigUtdata: (t) => tidiga.push(t) });

describe("helårsekvivalenter's month table, handed over before the run is done", () => {
  it("is the only early table, and the very object the run publishes", () => {
    expect(tidiga.map((t) => t.schema.namn)).toEqual(["helarsekvivalenter"]);
    expect(result.outputs!.get("helarsekvivalenter")).toBe(tidiga[0]);
  });
});

describe("the half-year table of Finsam Falun-Borlänge's annual report 2024", () => {
  const rows = csvParse(csvUtdata(result, "helarsekvivalenter_halvar.csv")!);

  for (const [kod, table] of Object.entries(REPORT)) {
    for (const [ersattning, [h2023, h2024, diff]] of Object.entries(table)) {
      it(`${kod === "2080" ? "Falun" : "Borlänge"} ${ersattning}: ${h2023} -> ${h2024} (${diff})`, () => {
        const row = rows.find((r) => r.niva === "kommun" && r.kod === kod && r.halvar === "2024-H1" && r.kon === "alla" && r.ersattning === ersattning);
        expect(row).toBeDefined();
        expect(formatHeltal(Number(row!.varde_foregaende_ar))).toBe(asSite(h2023, false));
        expect(formatHeltal(Number(row!.varde))).toBe(asSite(h2024, false));
        expect(formatDifferens(Number(row!.differens))).toBe(asSite(diff, true));
      });
    }
  }
});
