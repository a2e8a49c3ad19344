import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lasDeltagare, readDeltagare } from "../../loaders/normalise/deltagare.ts";
import { hamtaNyckel } from "../../loaders/reference/nyckel.ts";
import { Findings, formatFinding } from "../../loaders/validate/findings.ts";
import { utf8, windows1252 } from "../helpers/scb.ts";

const dir = mkdtempSync(join(tmpdir(), "finsam-deltagare-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keyFile = join(dir, "nyckel");
const nyckel = () => hamtaNyckel({ FINSAM_NYCKEL: keyFile });

function read(text: string, bytes = utf8(text)) {
  const findings = new Findings();
  const rows = readDeltagare(bytes, "deltagare.csv", nyckel, findings);
  return { rows, findings, report: findings.all.map(formatFinding).join("\n") };
}

const HEADER = "deltagare_id;personnummer;insats;kon;startdatum;slutdatum;avslutsorsak;ar_fore_start";

describe("reading participant records", () => {
  it("accepts Swedish column names and values as saved from Excel (Windows-1252, semicolon)", () => {
    const text = "Löpnummer;Insats;Kön;Startdatum;Slutdatum;Avslutsanledning;År utan arbete före start\r\nX1;Team Säter;Kvinna;2024-01-15;2024-06-30;Arbetslivsinriktad rehab;2,5\r\n";
    const { rows, findings } = read(text, windows1252(text));
    expect(findings.errors).toEqual([]);
    expect(rows).toEqual([
      { person: "X1", insats: "Team Säter", forbund: undefined, kon: "kvinnor", start: "2024-01-15", slut: "2024-06-30", orsak: "arbetslivsinriktad_rehabilitering", arForeStart: 2.5, fil: "deltagare.csv", rad: 2, insatsKolumn: 2, startKolumn: 4, slutKolumn: 5 },
    ]);
  });

  it("refuses a personnummer in the insats column, which is published as written (the value is shown masked)", () => {
    const { rows, findings, report } = read("id;insats;start\nA;Team 19121212-1212;2024-01-01\n");
    expect(rows).toBeUndefined();
    expect(findings.errors.map((f) => ({ rad: f.rad, kolumn: f.kolumn, regel: f.regel, varde: f.varde }))).toEqual([
      { rad: 2, kolumn: 2, regel: "deltagare.personnummer_i_text", varde: "19121212-****" },
    ]);
    expect(report).not.toContain("1212-1212");
  });

  it("turns months before start into years", () => {
    const { rows } = read("id;insats;start;manader_utan_arbete_fore_start\nA;T;2024-01-01;18\n");
    expect(rows![0]!.arForeStart).toBe(1.5);
  });

  it("replaces a personnummer by a keyed pseudonym and takes kön from it", () => {
    const { rows } = read(`${HEADER}\n;19121212-1212;Team;;2024-01-01;;;\n`);
    expect(rows![0]!.person).toMatch(/^p[0-9a-f]{20}$/);
    expect(rows![0]!.person).not.toContain("1212");
    expect(rows![0]!.kon).toBe("man");
  });

  it("creates the key outside the repository on first use", () => {
    expect(existsSync(keyFile)).toBe(true);
    expect(nyckel().sokvag).toBe(keyFile);
  });

  it("gives the same pseudonym for the same person written two ways", () => {
    const { rows } = read(`${HEADER}\n;19121212-1212;Team A;;2024-01-01;;;\n;1212121212;Team B;;2024-02-01;;;\n`);
    expect(rows![0]!.person).toBe(rows![1]!.person);
  });
});

describe("bad participant files give errors naming file, line and column, and no rows", () => {
  it("a missing column", () => {
    const { rows, report } = read("deltagare_id;kon\nA;K\n");
    expect(rows).toBeUndefined();
    expect(report).toContain('FEL deltagare.csv rad 1: kolumn saknas: "insats"');
  });

  it("an end before the start", () => {
    const { rows, findings } = read(`${HEADER}\nA;;Team;K;2024-05-01;2024-04-30;arbete;1\n`);
    expect(rows).toBeUndefined();
    expect(findings.errors).toMatchObject([{ rad: 2, kolumn: 6, falt: "slutdatum", regel: "deltagare.slut_fore_start" }]);
  });

  it("a date that does not exist", () => {
    const { findings } = read(`${HEADER}\nA;;Team;K;2024-02-30;;;\n`);
    expect(findings.errors).toMatchObject([{ rad: 2, kolumn: 5, falt: "startdatum", varde: "2024-02-30" }]);
    expect(findings.errors[0]!.meddelande).toContain("förväntat ÅÅÅÅ-MM-DD");
  });

  it("an unknown avslutsorsak", () => {
    const { findings } = read(`${HEADER}\nA;;Team;K;2024-01-01;2024-03-01;semester;1\n`);
    expect(findings.errors).toMatchObject([{ rad: 2, kolumn: 7, varde: "semester" }]);
    expect(findings.errors[0]!.meddelande).toContain("avslutsorsak: okänd");
  });

  it("an invalid personnummer, masked in the message", () => {
    const { findings, report } = read(`${HEADER}\n;19900101-1235;Team;K;2024-01-01;;;\n`);
    expect(findings.errors).toMatchObject([{ rad: 2, kolumn: 2, varde: "19900101-****", regel: "deltagare.personnummer" }]);
    expect(report).not.toContain("1235");
    expect(report).not.toContain("199001011235");
  });

  it("a duplicate participation, naming the first line", () => {
    const { findings } = read(`${HEADER}\nA;;Team;K;2024-01-01;;;\nA;;Team;K;2024-01-01;;;\n`);
    expect(findings.errors).toMatchObject([{ rad: 3, regel: "deltagare.dubblett" }]);
    expect(findings.errors[0]!.meddelande).toContain("rad 2");
  });

  it("an ended participation without avslutsorsak", () => {
    expect(read(`${HEADER}\nA;;Team;K;2024-01-01;2024-02-01;;\n`).findings.errors).toMatchObject([{ rad: 2, kolumn: 7, regel: "deltagare.orsak_saknas" }]);
  });

  it("two columns for one field (Startdatum twice), naming the second", () => {
    const { rows, findings } = read("id;insats;Startdatum;Startdatum\nA;Team;2024-01-01;2024-02-01\n");
    expect(rows).toBeUndefined();
    expect(findings.errors).toMatchObject([{ rad: 1, kolumn: 4, falt: "Startdatum", regel: "csv.dubbel_kolumn" }]);
  });

  it("a missing id column is reported on the header's line", () => {
    const { findings } = read("Deltagare 2024\n\ninsats;startdatum;slutdatum\nTeam;2024-01-01;\n");
    expect(findings.errors).toMatchObject([{ rad: 3, regel: "deltagare.id" }]);
  });

  it("a kön that is neither kvinna nor man", () => {
    expect(read(`${HEADER}\nA;;Team;X;2024-01-01;;;\n`).findings.errors).toMatchObject([{ rad: 2, kolumn: 4 }]);
  });
});

describe("one run reports every mistake of the file", () => {
  it("three mistakes (a date that does not exist, an unknown kön, a wrong check digit) are all reported, and the good lines kept", () => {
    const text = [
      "Löpnummer;Personnummer;Insats;Kön;Startdatum;Slutdatum;Avslutsorsak",
      "A;;Team;K;2024-01-10;;",
      "B;;Team;K;2024-02-30;;",
      "C;;Team;X;2024-03-01;;",
      ";19900101-2386;Team;;2024-04-01;;",
      "E;;Team;M;2024-05-01;;",
    ].join("\n");
    const findings = new Findings();
    const r = lasDeltagare(utf8(text), "deltagare.csv", nyckel, findings);
    expect(findings.errors.map((f) => [f.regel, f.rad, f.kolumn, f.varde])).toEqual([
      ["csv.varde", 3, 5, "2024-02-30"],
      ["csv.varde", 4, 4, "X"],
      ["deltagare.personnummer", 5, 2, "19900101-****"],
    ]);
    expect(r!.deltaganden.map((d) => d.person)).toEqual(["A", "E"]);
    expect([...r!.felrader]).toEqual([3, 4, 5]);
    expect(readDeltagare(utf8(text), "deltagare.csv", nyckel, new Findings())).toBeUndefined();
  });

  it("several mistakes on one line are all reported", () => {
    const { findings } = read(`${HEADER}\nA;;;Q;2024-13-01;;semester;x\n`);
    expect(findings.errors.map((f) => [f.regel, f.kolumn]).sort()).toEqual([
      ["csv.varde", 4], ["csv.varde", 5], ["csv.varde", 7], ["csv.varde", 8], ["deltagare.insats", 3],
    ].sort());
  });

  it("an unknown value shows the value and the accepted ones, a personnummer only masked", () => {
    const { findings, report } = read(`${HEADER}\nA;;Team;Q;2024-01-01;2024-03-01;semester;\n;19900101-2386;Team;;2024-01-01;;;\nB;;Team;K;1/2/24;;;\n`);
    const m = Object.fromEntries(findings.errors.map((f) => [`${f.rad}:${f.kolumn}`, f.meddelande]));
    expect(m["2:4"]).toBe('kön: okänt värde "Q"; förväntat kvinna eller man (även K/M, F, kvinnor/män)');
    expect(m["2:7"]).toBe('avslutsorsak: okänd ("semester"); förväntat arbete, studier, arbetslivsinriktad rehabilitering, medicinsk rehabilitering, sjukersättning, annat, tidigt avhopp eller överflyttad (och vanliga varianter, t.ex. alr, övrigt, avhopp)');
    expect(m["3:2"]).toBe("ogiltigt personnummer (19900101-****): kontrollsiffran stämmer inte (Luhn)");
    expect(m["4:5"]).toBe('startdatum: ogiltigt datum "1/2/24"; förväntat ÅÅÅÅ-MM-DD, t.ex. 2024-03-15 (även 20240315, 15/3/2024 och 15.3.2024 läses)');
    expect(report).not.toContain("2386");
  });

  it("a personnummer typed into another column is masked in the message too", () => {
    const { findings, report } = read(`${HEADER}\nA;;Team;19121212-1212;2024-01-01;;;\n`);
    expect(findings.errors).toMatchObject([{ rad: 2, kolumn: 4, varde: "19121212-****" }]);
    expect(report).not.toContain("1212-1212");
  });

  it("names the columns it does not read in an info (they are never passed on)", () => {
    const { findings } = read("id;insats;start;Kommentar;Handläggare\nA;T;2024-01-01;ringde;Eva\n");
    expect(findings.all.filter((f) => f.allvar === "info").map((f) => [f.allvar, f.regel, f.rad, f.kolumn, f.falt])).toEqual([
      ["info", "deltagare.kolumn_lases_inte", 1, 4, "Kommentar"], ["info", "deltagare.kolumn_lases_inte", 1, 5, "Handläggare"],
    ]);
    expect(findings.all.map((f) => f.meddelande).join()).not.toMatch(/ringde|Eva/);
  });
});
