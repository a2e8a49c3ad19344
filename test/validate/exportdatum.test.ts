/**
 * The export date (docs/definitioner/insatser.md, "Perioder"; docs/indata.md): a date after it
 * is an error, and a period is published once it has ended by it, whatever the latest date in
 * the records. Without `exportdatum` in the settings the export date is the day of the run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csvParse } from "d3-dsv";
import { runPipeline } from "../../loaders/pipeline.ts";
import { csvUtdata } from "../helpers/utdata.ts";
import { senastePeriodslut, type Datum } from "../../loaders/normalise/datum.ts";

const tmp = mkdtempSync(join(tmpdir(), "finsam-exportdatum-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
function folder(files: Record<string, string>): string {
  const dir = join(tmp, `f${++n}`);
  mkdirSync(dir);
  for (const [f, c] of Object.entries(files)) writeFileSync(join(dir, f), c);
  return dir;
}
const env = { FINSAM_NYCKEL: join(tmp, "nyckel") };

const HEADER = "Löpnummer;Förbund;Insats;Kön;Startdatum;Slutdatum;Avslutsorsak";
/** Six women and six men in one team; the last event is in December 2024. */
const DELTAGARE = [
  HEADER,
  ...Array.from({ length: 12 }, (_, i) => `P${i};sodra-dalarna;Team;${i % 2 ? "M" : "K"};2024-0${1 + (i % 6)}-10;${i < 8 ? `2024-${String(7 + (i % 6)).padStart(2, "0")}-05;Arbete` : ";"}`),
].join("\n") + "\n";

const installningar = (exportdatum: string) => JSON.stringify({ finsam: { exportdatum } }, null, 2) + "\n";

async function perioder(dir: string, idag: string) {
  const r = await runPipeline(dir, { env, idag, intern: true });
  const rader = r.outputs ? csvParse(csvUtdata(r, "insatser_nyckeltal.csv")!) : [];
  return { r, perioder: [...new Set(rader.map((x) => `${x.fran}/${x.till}`))] };
}

describe("the last published period", () => {
  it("is the last one ended by the export date, not by the latest date in the records", () => {
    expect(senastePeriodslut("2025-01-15" as Datum)).toBe("2024-12");
    expect(senastePeriodslut("2024-12-31" as Datum)).toBe("2024-12");
    expect(senastePeriodslut("2024-12-30" as Datum)).toBe("2024-06");
    expect(senastePeriodslut("2024-06-30" as Datum)).toBe("2024-06");
    expect(senastePeriodslut("2024-06-29" as Datum)).toBe("2023-12");
  });

  it("an export made in January whose last event is in December publishes the year just ended", async () => {
    const dir = folder({ "deltagare.csv": DELTAGARE, "finsam.json": installningar("2025-01-15") });
    const { r, perioder: p } = await perioder(dir, "2026-12-03");
    expect(r.findings.errors).toEqual([]);
    expect(p).toEqual(["2023-07/2024-06", "2024-01/2024-12"]);
  });

  it("without an export date in the settings, today is the export date", async () => {
    const dir = folder({ "deltagare.csv": DELTAGARE });
    expect((await perioder(dir, "2025-01-15")).perioder).toEqual(["2023-07/2024-06", "2024-01/2024-12"]);
    expect((await perioder(dir, "2024-12-30")).perioder).toEqual(["2023-07/2024-06"]);
    expect((await perioder(dir, "2025-07-01")).perioder).toEqual(["2023-07/2024-06", "2024-01/2024-12", "2024-07/2025-06"]);
  });
});

describe("a date after the export date is an error", () => {
  it("an end date typed as 2031: file, line, column and both dates", async () => {
    const text = DELTAGARE.replace("2024-08-05;Arbete", "2031-08-05;Arbete");
    const dir = folder({ "deltagare.csv": text, "finsam.json": installningar("2025-01-15") });
    const r = await runPipeline(dir, { env, idag: "2026-12-03" });
    expect(r.outputs).toBeUndefined();
    expect(r.findings.errors).toMatchObject([{ rad: 3, kolumn: 6, falt: "slutdatum", varde: "2031-08-05", regel: "deltagare.efter_export" }]);
    expect(r.findings.errors[0]!.meddelande).toBe("slutdatum 2031-08-05 är efter exportdagen, exportdatum 2025-01-15 i inställningarna; ett datum kan inte ligga efter uttaget (felskrivet år?)");
  });

  it("against today when the settings state none", async () => {
    const dir = folder({ "deltagare.csv": DELTAGARE.replace("P9;sodra-dalarna;Team;M;2024-04-10", "P9;sodra-dalarna;Team;M;2027-04-10") });
    const r = await runPipeline(dir, { env, idag: "2026-12-03" });
    expect(r.findings.errors).toMatchObject([{ rad: 11, kolumn: 5, regel: "deltagare.efter_export" }]);
    expect(r.findings.errors[0]!.meddelande).toContain("dagens datum 2026-12-03 (inget exportdatum i inställningarna)");
  });

  it("a reported period that ends after the export month", async () => {
    const dir = folder({ "utfall.csv": "Förbund;Insats;Period;Avslut;Nyinskrivna\nsodra-dalarna;Team;2024;3;1\nsodra-dalarna;Team;2025-07–2026-06;3;1\n", "finsam.json": installningar("2026-05-31") });
    const r = await runPipeline(dir, { env, idag: "2026-12-03" });
    expect(r.findings.errors).toMatchObject([{ rad: 3, kolumn: 3, varde: "2025-07–2026-06", regel: "utfall.efter_export" }]);
  });

  it("an export date after today is itself an error, at its place in the settings", async () => {
    const dir = folder({ "deltagare.csv": DELTAGARE, "finsam.json": installningar("2027-01-31") });
    const r = await runPipeline(dir, { env, idag: "2026-12-03" });
    expect(r.findings.errors).toMatchObject([{ fil: join(dir, "finsam.json"), rad: 3, kolumn: 20, regel: "installningar.exportdatum" }]);
  });

  it("an export date that is no date is an invalid setting", async () => {
    const dir = folder({ "deltagare.csv": DELTAGARE, "finsam.json": installningar("2025-02-30") });
    const r = await runPipeline(dir, { env, idag: "2026-12-03" });
    expect(r.findings.errors).toMatchObject([{ rad: 3, kolumn: 20, regel: "installningar.varde" }]);
  });
});

describe("participations after the last complete period", () => {
  it("are named in an info (how many, the first line): they count once a period holding them has ended", async () => {
    const text = DELTAGARE + "Q1;sodra-dalarna;Team;K;2025-01-03;;\nQ2;sodra-dalarna;Team;M;2025-01-10;;\n";
    const dir = folder({ "deltagare.csv": text, "finsam.json": installningar("2025-01-15") });
    const r = await runPipeline(dir, { env, idag: "2026-12-03" });
    expect(r.findings.all.filter((f) => f.regel === "deltagare.efter_sista_period")).toMatchObject([{
      allvar: "info", rad: 14,
      meddelande: "2 deltagande(n) började efter den sista hela perioden (som slutar 2024-12) och räknas först när en period som omfattar dem har tagit slut",
    }]);
  });
});

describe("the example data", () => {
  it("gives the same outputs whatever day the build runs (its settings state the export date)", async () => {
    const exempel = new URL("../../data/exempel/", import.meta.url).pathname;
    const [a, b] = [await runPipeline(exempel, { env, idag: "2026-12-03" }), await runPipeline(exempel, { env, idag: "2031-06-30" })];
    expect(a.findings.errors).toEqual([]);
    expect(b.findings.errors).toEqual([]);
    for (const namn of ["insatser_nyckeltal.csv", "insatser_jamstalldhet.csv", "insatser_rapporterat.csv", "datakvalitet.csv"]) {
      expect(csvUtdata(b, namn), namn).toBe(csvUtdata(a, namn));
    }
  }, 300_000);
});
