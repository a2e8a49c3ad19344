/**
 * Participant results end to end, through `finsam run` on the example data: --intern
 * reproduces the delårsbokslut's Tabell 2-4; the default output is protected with noise and
 * meets the goals (at most 5 % of Tabell 1-4 hidden, a mean absolute difference of at
 * most 1.5, every share of 20 or more within 5 percentage points); the suppression method is
 * chosen in the settings; the planted test person never appears in any output or report.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../loaders/cli.ts";
import { kontrolleraPublicerat, type NyckeltalRad } from "../loaders/protect/index.ts";
import { insatsmatt } from "./helpers/skyddsmatt.ts";
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
    skydd: r.skydd as NyckeltalRad["skydd"],
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

describe("the default (protected) output: noise", () => {
  const r = rows(skyddad.files["insatser_nyckeltal.csv"]!);
  const sann = rows(intern.files["insatser_nyckeltal.csv"]!);

  it("every row is protected with noise, and passes the outside check", async () => {
    expect(new Set(r.map((x) => x.skydd))).toEqual(new Set(["brus"]));
    expect(kontrolleraPublicerat(r, { k: 5 })).toEqual([]);
  });

  it("shows no count 1 or 2, and hides only means over too few", async () => {
    for (const x of r) {
      if (x.undertryckt) expect([x.varde, x.antal, x.matt === "genomstromningstid_man" || x.matt === "tid_fore_start_ar"]).toEqual([null, null, true]);
      if (x.antal !== null) expect(x.antal === 0 || x.antal >= 3, `${x.insats} ${x.fran} ${x.kon} ${x.matt}`).toBe(true);
    }
  });

  it("meets the goals: Tabell 1-4 at most 5 % hidden, mean |published − true| at most 1.5, shares of 20 or more within 5 percentage points", async () => {
    const m = insatsmatt(sann, r, PERIODER.map(([fran]) => fran));
    expect(m.tabellDolda / m.tabellCeller).toBeLessThanOrEqual(0.05);
    expect(m.medelAvvikelse).toBeLessThanOrEqual(1.5);
    expect(m.andelarUtanfor).toBe(0);
    expect(m.andelar).toBeGreaterThan(40);
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

  it("chooses suppression with skyddsmetod: every row so protected, no count 1..k-1, the attacker check over every period passes", async () => {
    // The example's participations that start in 2024 or later: three windows (the whole file
    // takes minutes with suppression; scripts/skyddsmatt.ts measures it).
    const dir = folder("undertryckning", '{"finsam": {"exportdatum": "2025-08-31", "skyddsmetod": "undertryckning"}}');
    const [huvud, ...rader] = readFileSync(join(dir, "deltagare.csv"), "latin1").split(/\r?\n/);
    writeFileSync(join(dir, "deltagare.csv"), Buffer.from([huvud, ...rader.filter((r) => /^([^;]*;){6}20(2[4-9]|3\d)-\d\d-\d\d;/.test(r))].join("\r\n") + "\r\n", "latin1"));
    const r = rows((await runIn(dir)).csv);
    expect(new Set(r.map((x) => x.skydd))).toEqual(new Set(["undertryckning"]));
    expect(kontrolleraPublicerat(r, { k: 5 })).toEqual([]);
    for (const x of r) if (x.antal !== null) expect(x.antal === 0 || x.antal >= 5).toBe(true);
    expect(r.filter((x) => x.undertryckt).length).toBeGreaterThan(0);
    expect(r.filter((x) => !x.undertryckt && x.insats !== "totalt" && x.kon === "alla").length).toBeGreaterThan(10);
  }, 300_000);

  it("sets the noise: a larger maximum noise and variance, and k for means", async () => {
    const r = rows((await runIn(folder("brus", '{"finsam": {"exportdatum": "2025-08-31", "skyddsgrans": 7, "brus": {"maxbrus": 3, "varians": 2}}}'))).csv);
    expect(kontrolleraPublicerat(r, { k: 7, brus: { maxbrus: 3, varians: 2, sma: 2, medelvardesbrus: 0.1 } })).toEqual([]);
    const sann = rows(intern.files["insatser_nyckeltal.csv"]!);
    const brus = r.flatMap((x) => {
      const s = sann.find((y) => y.insats === x.insats && y.fran === x.fran && y.kon === x.kon && y.matt === x.matt)!;
      return x.matt === "deltagare" && s.antal! > 6 ? [x.antal! - s.antal!] : [];
    });
    expect(Math.max(...brus.map(Math.abs))).toBe(3);
    for (const x of r) if (x.varde !== null && (x.matt === "genomstromningstid_man" || x.matt === "tid_fore_start_ar")) expect(x.antal).toBeGreaterThanOrEqual(7);
  });

  it("an invalid setting is an error naming the setting, and nothing is written", async () => {
    for (const [namn, text, fel] of [
      ["fel", '{"finsam": {"skyddsgrans": 1}}', "skyddsgrans: minst 3"],
      ["fel-metod", '{"finsam": {"skyddsmetod": "gömma"}}', 'skyddsmetod: förväntat "brus" eller "undertryckning"'],
      ["fel-brus", '{"finsam": {"brus": {"maxbrus": 0}}}', "maxbrus: minst 1"],
      ["fel-nyckel", '{"finsam": {"brus": {"max": 2}}}', 'okänd inställning "finsam.brus.max"; förväntat maxbrus, varians, sma_tal, medelvardesbrus'],
    ] as const) {
      const dir = folder(namn, text);
      const r = await runIn(dir);
      expect(r.code, namn).toBe(1);
      expect(r.stderr).toContain(fel);
      expect(existsSync(join(dir, "ut"))).toBe(false);
    }
  });
});
