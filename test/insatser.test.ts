/**
 * Participant results end to end, through `finsam run` on the example data: --intern
 * reproduces the delårsbokslut's Tabell 2-4; the default output is protected; the planted test
 * person never appears in any output or report.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../loaders/cli.ts";
import { kontrolleraPublicerat, type NyckeltalRad } from "../loaders/protect/index.ts";
import { avrunda } from "../src/components/format.js";
import { PERIODER, TABELLER, tal, type Rad } from "./helpers/delarsbokslut2025.ts";

const tmp = mkdtempSync(join(tmpdir(), "finsam-insatser-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...extra: string[]) {
  const out = join(tmp, `ut-${extra.join("") || "skyddad"}`);
  let stdout = "";
  let stderr = "";
  const code = await main(["run", "data/exempel", "--out", out, ...extra], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false });
  return { code, out, stdout, stderr, files: Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), "utf8")])) };
}

function rows(csv: string): NyckeltalRad[] {
  return csvParse(csv).map((r) => ({
    forbund: r.forbund!, insats: r.insats!, fran: r.fran!, till: r.till!, kon: r.kon as NyckeltalRad["kon"], matt: r.matt as NyckeltalRad["matt"],
    varde: r.varde === "" ? null : Number(r.varde), antal: r.antal === "" ? null : Number(r.antal), undertryckt: r.undertryckt === "1",
  }));
}

const MATT: Record<Rad, [NyckeltalRad["matt"], (v: number) => number]> = {
  "Deltagare totalt": ["deltagare", (v) => v],
  "Antal avslut": ["avslut", (v) => v],
  "Resultat mot mål": ["andel_mal", (v) => avrunda(100 * v, 0)],
  "Genomströmningstid i snitt": ["genomstromningstid_man", (v) => avrunda(v, 1)],
  "Tid i bidrag/arbets- eller studielöshet före start": ["tid_fore_start_ar", (v) => avrunda(v, 1)],
};

const intern = await run("--intern");
const skyddad = await run();

describe("finsam run --intern on the example data", () => {
  const r = rows(intern.files["insatser_nyckeltal.csv"]!);
  for (const [insats, tabell] of Object.entries(TABELLER)) {
    it(`reproduces the delårsbokslut's table for ${insats}`, async () => {
      for (const [rad, tryckta] of Object.entries(tabell) as [Rad, readonly string[]][]) {
        const [matt, rapportens] = MATT[rad];
        const faktiska = PERIODER.map(([fran, till]) => {
          const x = r.find((y) => y.insats === insats && y.fran === fran && y.till === till && y.kon === "alla" && y.matt === matt)!;
          return rapportens(x.varde!);
        });
        expect(faktiska, rad).toEqual(tryckta.map(tal));
      }
    });
  }

  it("warns that the result must not be published, and marks the folder", async () => {
    expect(intern.stderr).toContain("får INTE publiceras");
    expect(intern.files["INTERNT_FAR_INTE_PUBLICERAS.txt"]).toContain("får inte publiceras");
  });
});

describe("the default (protected) output", () => {
  const r = rows(skyddad.files["insatser_nyckeltal.csv"]!);

  it("passes the outsider's attacker check on what is published", async () => {
    expect(kontrolleraPublicerat(r, 5, { deltagareKanOverlappa: true })).toEqual([]);
  });

  it("shows no count from 1 to 4", async () => {
    for (const x of r) {
      if (x.undertryckt) expect([x.varde, x.antal]).toEqual([null, null]);
      if (x.antal !== null) expect(x.antal === 0 || x.antal >= 5, `${x.insats} ${x.fran} ${x.kon} ${x.matt}`).toBe(true);
    }
  });

  it("keeps the teams' totals where only the kön split is small", async () => {
    // Avesta July 2023 - June 2024: 11 of 23 to the goal; the split by kön is hidden, the total is not.
    const a = (kon: string, matt: string) => r.find((x) => x.insats === "Samverkansteam Avesta" && x.fran === "2023-07" && x.kon === kon && x.matt === matt)!;
    expect(a("alla", "andel_mal")).toMatchObject({ varde: 11 / 23, antal: 23, undertryckt: false });
    expect(a("kvinnor", "andel_mal").undertryckt).toBe(true);
  });

  it("is written by the same command the site build uses (no --intern), with no marker file", async () => {
    expect(skyddad.files["INTERNT_FAR_INTE_PUBLICERAS.txt"]).toBeUndefined();
  });
});

describe("the planted test person (Testa Testsson, 19121212-1212)", () => {
  // Digits count only with a digit-free boundary: 0.0312121212121 is a share, not a personnummer.
  const forms = [/(?<!\d)(19)?121212[-+]?1212(?!\d)/, /Testa/, /Testsson/];
  it("appears in no output file, protected or --intern, and in no report", async () => {
    for (const result of [skyddad, intern]) {
      for (const [file, content] of Object.entries(result.files)) {
        for (const f of forms) expect(f.test(content), `${f} in ${file}`).toBe(false);
      }
      for (const f of forms) expect(f.test(result.stdout + result.stderr)).toBe(false);
    }
  });
});

describe("the computed outcome table (insatser_utfall.csv)", () => {
  const parse = (csv: string) =>
    csvParse(csv).map((r) => ({ insats: r.insats!, fran: r.fran!, kon: r.kon!, matt: r.matt!, varde: r.varde === "" ? null : Number(r.varde), undertryckt: r.undertryckt === "1" }));
  const oskyddad = parse(intern.files["insatser_utfall.csv"]!);
  const v = (rows: typeof oskyddad, insats: string, fran: string, kon: string, matt: string) =>
    rows.find((r) => r.insats === insats && r.fran === fran && r.kon === kon && r.matt === matt)!;

  it("keeps the flow: inskrivna at start + nyinskrivna − avslut = aktiva at the end", async () => {
    for (const r of oskyddad.filter((x) => x.matt === "avslut")) {
      const f = (m: string) => v(oskyddad, r.insats, r.fran, r.kon, m).varde!;
      expect(f("inskrivna_start") + f("nyinskrivna") - f("avslut"), `${r.insats} ${r.fran} ${r.kon}`).toBe(f("aktiva_slut"));
    }
  });

  it("counts avslut as every participation that ended, överflyttad included (Avesta Jul 2024–Jun 2025: 18)", async () => {
    expect(v(oskyddad, "Samverkansteam Avesta", "2024-07", "alla", "avslut").varde).toBe(18);
  });

  it("is written only with --intern: beside the nyckeltal its small counts could be worked out", async () => {
    expect(skyddad.files["insatser_utfall.csv"]).toBeUndefined();
  });
});

describe("counts implied by two published rows", () => {
  it("tidiga avhopp = avslut − the share's denominator is never 1 to 4 where both are shown", async () => {
    const r = rows(skyddad.files["insatser_nyckeltal.csv"]!);
    let checked = 0;
    for (const a of r.filter((x) => x.matt === "avslut" && !x.undertryckt)) {
      const andel = r.find((x) => x.insats === a.insats && x.fran === a.fran && x.kon === a.kon && x.matt === "andel_mal")!;
      if (andel.undertryckt) continue;
      const avhopp = a.antal! - andel.antal!;
      expect(avhopp === 0 || avhopp >= 5, `${a.insats} ${a.fran} ${a.kon}: ${avhopp}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });
});

describe("the settings file in the data folder", () => {
  const folder = (name: string, settings: string) => {
    const dir = join(tmp, name);
    mkdirSync(dir);
    copyFileSync("data/exempel/deltagare_sodra_dalarna.csv", join(dir, "deltagare.csv"));
    writeFileSync(join(dir, "installningar.json"), settings);
    return dir;
  };
  const runIn = async (dir: string, ...extra: string[]) => {
    let stdout = "";
    let stderr = "";
    const out = join(dir, "ut");
    const code = await main(["run", dir, "--out", out, ...extra], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false });
    return { code, stderr, csv: code === 0 ? readFileSync(join(out, "insatser_nyckeltal.csv"), "utf8") : "" };
  };

  it("keeps tidiga avhopp in the denominator when the förbund says so (Hedemora Jul 2024–Jun 2025: 9/22, not 9/20)", async () => {
    const dir = folder("avhopp", '{"finsam": {"forbund": {"sodra-dalarna": {"tidiga_avhopp_i_namnaren": true}}}}');
    const r = rows((await runIn(dir, "--intern")).csv);
    expect(r.find((x) => x.insats === "Samverkansteam Kraften Hedemora" && x.fran === "2024-07" && x.kon === "alla" && x.matt === "andel_mal")).toMatchObject({ varde: 9 / 22, antal: 22 });
  });

  it("sets the protection threshold k: with k = 3, counts of 3 and 4 may be shown", async () => {
    const k5 = rows(skyddad.files["insatser_nyckeltal.csv"]!);
    const k3 = rows((await runIn(folder("k3", '{"finsam": {"skyddsgrans": 3}}'))).csv);
    const small = (rs: NyckeltalRad[]) => rs.filter((x) => x.antal !== null && x.antal > 0 && x.antal < 5).length;
    expect(small(k5)).toBe(0);
    expect(small(k3)).toBeGreaterThan(0);
    expect(k3.every((x) => x.antal === null || x.antal === 0 || x.antal >= 3)).toBe(true);
  });

  it("an invalid setting is an error naming the setting, and nothing is written", async () => {
    const dir = folder("fel", '{"finsam": {"skyddsgrans": 1}}');
    const r = await runIn(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("skyddsgrans: minst 3");
    expect(existsSync(join(dir, "ut"))).toBe(false);
  });
});
