/**
 * docs/definitioner/insatser.md on seven participations whose answers were worked out by hand.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readDeltagare } from "../../loaders/normalise/deltagare.ts";
import { beraknaUnderlag, fonster, DAGAR_PER_MANAD } from "../../loaders/compute/nyckeltal.ts";
import { hamtaNyckel } from "../../loaders/reference/nyckel.ts";
import type { Datum } from "../../loaders/normalise/datum.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { utf8 } from "../helpers/scb.ts";

const dir = mkdtempSync(join(tmpdir(), "finsam-nyckel-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const nyckel = () => hamtaNyckel({ FINSAM_NYCKEL: join(dir, "nyckel") });

const FILE = [
  "Löpnummer;Insats;Kön;Startdatum;Slutdatum;Avslutsorsak;År före start",
  "A;Team X;K;2023-03-01;2024-03-01;Arbete;2",
  "B;Team X;M;2022-06-15;2024-02-15;Studier;4",
  "C;Team X;K;2024-01-10;2024-05-10;Tidigt avhopp;1",
  "D;Team X;M;2024-02-01;;;3",
  "E;Team Y;K;2023-09-01;2024-06-30;Medicinsk rehabilitering;5",
  "A;Team Y;K;2024-03-02;2024-12-31;Överflyttad;2",
  "F;Team Y;M;2021-01-01;2023-12-31;Arbete;6,5",
].join("\r\n");

/** The day the file was taken out: after its last date (2024-12-31). */
const EXPORT = "2025-01-20" as Datum;

function underlag(text = FILE, tidigaAvhoppINamnaren: string[] = []) {
  const findings = new Findings();
  const d = readDeltagare(utf8(text), "deltagare.csv", nyckel, findings);
  expect(findings.errors).toEqual([]);
  const rows = beraknaUnderlag(d!, { exportdatum: EXPORT, tidigaAvhoppINamnaren: new Set(tidigaAvhoppINamnaren) });
  return (insats: string, fran: string, kon = "alla") => rows.find((r) => r.insats === insats && r.fran === fran && r.kon === kon)!;
}

describe("windows", () => {
  it("are the 12-month windows ending in June and December from the first start to the last one ended by the export date", () => {
    const findings = new Findings();
    const w = fonster(readDeltagare(utf8(FILE), "d.csv", nyckel, findings)!, EXPORT);
    expect(w[0]).toEqual({ fran: "2020-07", till: "2021-06" }); // first start 2021-01-01
    expect(w.at(-1)).toEqual({ fran: "2024-01", till: "2024-12" }); // exported 2025-01-20: 2024 has ended
    expect(w).toHaveLength(8);
  });

  it("end with the last period ended by the export date, not by the latest date in the file", () => {
    const findings = new Findings();
    const d = readDeltagare(utf8(FILE.replace("2024-12-31;Överflyttad", "2024-10-31;Överflyttad")), "d.csv", nyckel, findings)!;
    // exported in January, the last event in October: the year just ended is published
    expect(fonster(d, "2025-01-05" as Datum).at(-1)).toEqual({ fran: "2024-01", till: "2024-12" });
    // exported on the last day of December: so is that year
    expect(fonster(d, "2024-12-31" as Datum).at(-1)).toEqual({ fran: "2024-01", till: "2024-12" });
    // the day before: the year has not ended, the last period ends in June
    expect(fonster(d, "2024-12-30" as Datum).at(-1)).toEqual({ fran: "2023-07", till: "2024-06" });
    // exported a year later: the periods go on (ongoing participations are active in them)
    expect(fonster(d, "2026-02-01" as Datum).at(-1)).toEqual({ fran: "2025-01", till: "2025-12" });
  });
});

describe("calendar year 2024", () => {
  const u = underlag();

  it("deltagare counts persons whose participation overlaps the window", () => {
    expect(u("Team X", "2024-01").deltagare).toBe(4); // A, B, C, D
    expect(u("Team Y", "2024-01").deltagare).toBe(2); // E, A (F ended 2023-12-31)
  });

  it("a person in two teams is one person in the total", () => {
    expect(u("totalt", "2024-01").deltagare).toBe(5); // A, B, C, D, E
  });

  it("avslut counts participations ending in the window, except överflyttad", () => {
    expect(u("Team X", "2024-01").avslut).toBe(3); // A, B, C
    expect(u("Team Y", "2024-01").avslut).toBe(1); // E; A's överflyttad does not count
    expect(u("totalt", "2024-01").avslut).toBe(4);
  });

  it("andel_mal = (arbete + studier + ALR) / (avslut - tidiga avhopp) by default", () => {
    expect(u("Team X", "2024-01")).toMatchObject({ malTaljare: 2, malNamnare: 2 }); // A, B / (3 - C)
    expect(u("Team Y", "2024-01")).toMatchObject({ malTaljare: 0, malNamnare: 1 }); // medicinsk rehab is not the goal
    expect(u("totalt", "2024-01")).toMatchObject({ malTaljare: 2, malNamnare: 3 });
  });

  it("keeps tidiga avhopp in the denominator when the förbund says so", () => {
    expect(underlag(FILE, [""])("Team X", "2024-01")).toMatchObject({ malTaljare: 2, malNamnare: 3 });
  });

  it("genomströmningstid: mean of days/30.4375 among avslut that reached the goal", () => {
    // A: 2023-03-01 -> 2024-03-01 = 366 days (leap day); B: 2022-06-15 -> 2024-02-15 = 610 days
    const x = u("Team X", "2024-01");
    expect(x.malGrupp).toBe(2);
    expect(x.tidSummaManader / x.malGrupp).toBeCloseTo((366 + 610) / 2 / DAGAR_PER_MANAD, 12); // 16.03 months
  });

  it("tid före start: mean years in the same group, from years with decimal comma", () => {
    const x = u("Team X", "2024-01");
    expect(x.foreSummaAr / x.foreN).toBe(3); // (2 + 4) / 2
    const y = u("Team Y", "2023-01");
    expect(y.foreSummaAr / y.foreN).toBe(6.5); // F only
  });

  it("splits every count by kön", () => {
    expect(u("Team X", "2024-01", "kvinnor")).toMatchObject({ deltagare: 2, avslut: 2, malTaljare: 1, malNamnare: 1 }); // A, C
    expect(u("Team X", "2024-01", "man")).toMatchObject({ deltagare: 2, avslut: 1, malTaljare: 1, malNamnare: 1 }); // B, D
  });
});

describe("calendar year 2023", () => {
  it("F's 1094 days count in 2023, when F ended", () => {
    const y = underlag()("Team Y", "2023-01");
    expect(y).toMatchObject({ deltagare: 2, avslut: 1, malTaljare: 1, malNamnare: 1 });
    expect(y.tidSummaManader).toBeCloseTo(1094 / DAGAR_PER_MANAD, 12);
  });
});
