/**
 * The published validation report (datakvalitet.csv, indatafiler.csv) and the stable
 * machine-readable form of the findings (`finsam validate --json`).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { afterAll, describe, expect, it } from "vitest";
import { finsam, folderIn } from "./helpers/cli.ts";
import { datakvalitetFiler, filnamn, indatafiler, rapportrader } from "../loaders/publish/datakvalitet.ts";
import type { Finding } from "../loaders/validate/findings.ts";

const tmp = mkdtempSync(join(tmpdir(), "finsam-datakvalitet-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const folder = folderIn(tmp);

const F = (f: Partial<Finding> & Pick<Finding, "fil" | "regel">): Finding => ({ allvar: "varning", meddelande: "m", message: "e", ...f });

const FILER = [
  { fil: "/hem/anna/data/he.csv", typ: "helårsekvivalenter", beskrivning: "UTF-8, bred tabell, 2 rader" },
  { fil: "/hem/anna/data/deltagare.csv", typ: "deltagaruppgifter", beskrivning: "3 deltaganden" },
  { fil: "/hem/anna/data/utfall.csv", typ: "rapporterade utfall", beskrivning: "2 rader" },
  { fil: "/hem/anna/data/annat.csv", typ: "okänd", beskrivning: "rubrikrad 19121212-1212, Tolvan, …" },
];

const FYND: Finding[] = [
  F({ fil: "/hem/anna/data/he.csv", rad: 9, kolumn: 5, falt: "2024M02", varde: "..", regel: "he.saknas" }),
  F({ fil: "/hem/anna/data/he.csv", rad: 3, kolumn: 5, falt: "2024M01", varde: "..", regel: "he.saknas" }),
  F({ fil: "/hem/anna/data/he.csv", regel: "he.saknas", meddelande: "ytterligare 3 fynd av samma slag visas inte" }),
  F({ fil: "/hem/anna/data/he.csv", regel: "he.lan_i_fil", allvar: "info", rad: 2 }),
  F({ fil: "/hem/anna/data/deltagare.csv", rad: 4, kolumn: 3, falt: "kön", regel: "deltagare.kon_saknas", meddelande: "kön saknas" }),
  F({ fil: "/hem/anna/data/deltagare.csv", rad: 7, kolumn: 3, falt: "kön", regel: "deltagare.kon_saknas", meddelande: "kön saknas" }),
  F({ fil: "/hem/anna/data/deltagare.csv", rad: 2, kolumn: 1, falt: "id", varde: "19121212-****", regel: "deltagare.id_personnummer" }),
  F({ fil: "/hem/anna/data/utfall.csv", rad: 3, regel: "utfall.flode", meddelande: "Team Kraften 2018: 40 + 29 − 33 = 36, men aktiva vid slut är 35" }),
  F({ fil: "/hem/anna/data/utfall.csv", rad: 4, regel: "utfall.flode", meddelande: "Team Kraften 2019: 4 + 2 − 3 = 3, men aktiva vid slut är 2" }),
  F({ fil: "/hem/anna/data/annat.csv", regel: "fil.okand", meddelande: "filen känns inte igen och används inte (rubrikrad 19121212-1212, Tolvan, …)" }),
  F({ fil: "/hem/anna/.finsam/nyckel", regel: "nyckel.skapad", allvar: "info" }),
  F({ fil: "/hem/anna/data/he.csv", regel: "he.region", allvar: "fel" }),
  F({ fil: "/hem/anna/data/a.csv, /hem/anna/data/b.csv", regel: "he.forbund_ofullstandigt" }),
];

describe("datakvalitet.csv", () => {
  const rader = rapportrader(FYND, FILER);
  const csv = datakvalitetFiler(FYND, FILER).get("datakvalitet.csv")!;

  it("names files by name only, never by a local path", () => {
    expect(filnamn("/hem/anna/data/he.csv")).toBe("he.csv");
    expect(filnamn("C:\\Users\\anna\\he.csv")).toBe("he.csv");
    expect(filnamn("/a/x.csv, /b/y.csv")).toBe("x.csv, y.csv");
    expect(csv).not.toContain("/hem/anna");
    expect(rader.map((r) => r.fil)).toContain("a.csv, b.csv");
  });

  it("leaves out errors and findings about the local machine (the key)", () => {
    expect(rader.some((r) => r.allvar === "fel")).toBe(false);
    expect(rader.some((r) => r.regel.startsWith("nyckel."))).toBe(false);
  });

  it("publishes participant findings as one row per file and rule, without line, value, own message or count", () => {
    const deltagare = rader.filter((r) => r.fil === "deltagare.csv");
    expect(deltagare).toEqual([
      { fil: "deltagare.csv", rad: null, kolumn: null, falt: null, varde: null, regel: "deltagare.id_personnummer", allvar: "varning", antal: null, meddelande: expect.any(String), message: expect.any(String) },
      { fil: "deltagare.csv", rad: null, kolumn: null, falt: null, varde: null, regel: "deltagare.kon_saknas", allvar: "varning", antal: null, meddelande: 'deltaganden utan kön; de räknas bara i kön "alla"', message: expect.any(String) },
    ]);
  });

  it("publishes reported outcomes and unrecognised files with a count and a fixed message (no counts or content from the file)", () => {
    expect(rader.filter((r) => r.fil === "utfall.csv")).toEqual([
      { fil: "utfall.csv", rad: null, kolumn: null, falt: null, varde: null, regel: "utfall.flode", allvar: "varning", antal: 2, meddelande: expect.stringContaining("aktiva vid slut"), message: expect.any(String) },
    ]);
    expect(csv).not.toMatch(/Kraften|Tolvan|19121212/);
    expect(rader.find((r) => r.fil === "annat.csv")).toMatchObject({ regel: "fil.okand", antal: 1, meddelande: "filen känns inte igen och används inte" });
  });

  it("keeps other findings whole, in a stable order: file, rule, severity, line (rows without a line last)", () => {
    expect(rader.filter((r) => r.fil === "he.csv").map((r) => [r.regel, r.rad, r.antal])).toEqual([
      ["he.lan_i_fil", 2, 1], ["he.saknas", 3, 1], ["he.saknas", 9, 1], ["he.saknas", null, 1],
    ]);
    const blandade = [...FYND].reverse();
    expect(datakvalitetFiler(blandade, [...FILER].reverse())).toEqual(datakvalitetFiler(FYND, FILER));
  });

  it("has the documented columns", () => {
    expect(csv.split("\n")[0]).toBe("fil,rad,kolumn,falt,varde,regel,allvar,antal,meddelande,message");
    expect(csvParse(csv).find((r) => r.regel === "he.saknas")).toMatchObject({ fil: "he.csv", rad: "3", kolumn: "5", falt: "2024M01", varde: "..", antal: "1" });
  });

  it("is only a header when there are no findings", () => {
    expect(datakvalitetFiler([], []).get("datakvalitet.csv")).toBe("fil,rad,kolumn,falt,varde,regel,allvar,antal,meddelande,message\n");
  });
});

describe("indatafiler.csv", () => {
  it("lists every input file by name, with kind and description; never an unrecognised file's first line or the number of participations", () => {
    expect(indatafiler(FILER)).toEqual([
      { fil: "annat.csv", typ: "okänd", beskrivning: "känns inte igen och används inte" },
      { fil: "deltagare.csv", typ: "deltagaruppgifter", beskrivning: "deltaganden i insatserna (antalet visas inte)" },
      { fil: "he.csv", typ: "helårsekvivalenter", beskrivning: "UTF-8, bred tabell, 2 rader" },
      { fil: "utfall.csv", typ: "rapporterade utfall", beskrivning: "2 rader" },
    ]);
    expect(datakvalitetFiler([], FILER).get("indatafiler.csv")!.split("\n")[0]).toBe("fil,typ,beskrivning");
  });
});

const HE = '"region";"kön";"ålder";"tabellinnehåll";"2024M01";"2024M02"\n"2080 Falun";"män";"20-64 år";"Sjukpenning";5;..\n';
const PNR_GILTIGT = "19121212-1212";
const PNR_OGILTIGT = "19121212-1213";

describe("finsam run writes the report of the current inputs", () => {
  it("from participant records: the rule, never ids or personnummer", async () => {
    const dir = folder("run", {
      "he.csv": HE,
      "deltagare.csv": `deltagare_id;insats;forbund;kön;startdatum\n${PNR_GILTIGT};Team Tolvan;falun-borlange;;2024-01-01\nHEMLIG-ID-77;Team Tolvan;falun-borlange;;2024-02-01\n`,
      "annat.csv": `${PNR_GILTIGT};Tolvan Tolvansson\n1;2\n`,
    });
    const out = join(tmp, "ut");
    const r = await finsam("run", dir, "--out", out);
    expect(r.stderr).toContain("0 fel");
    const csv = readFileSync(join(out, "datakvalitet.csv"), "utf8");
    const filer = readFileSync(join(out, "indatafiler.csv"), "utf8");
    for (const text of [csv, filer]) {
      expect(text).not.toContain(tmp);
      expect(text).not.toMatch(/1212-?1212|HEMLIG|Tolvan/);
    }
    const rows = csvParse(csv);
    expect(rows.filter((x) => x.fil === "deltagare.csv").map((x) => [x.regel, x.rad, x.antal])).toEqual([
      ["deltagare.id_personnummer", "", ""], ["deltagare.kon_saknas", "", ""],
    ]);
    expect(rows.find((x) => x.regel === "he.saknas")).toMatchObject({ fil: "he.csv", rad: "2", kolumn: "6", falt: "2024M02", varde: ".." });
    expect(csvParse(filer).map((x) => x.fil)).toEqual(["annat.csv", "deltagare.csv", "he.csv"]);
  });
});

describe("finsam validate --json: the stable machine-readable form", () => {
  const NYCKLAR = ["fil", "rad", "kolumn", "falt", "varde", "regel", "allvar", "meddelande", "message"];

  it("one JSON object per line with exactly these keys in this order, null when absent", async () => {
    const dir = folder("json", {
      "he.csv": HE,
      "deltagare.csv": `personnummer;insats;forbund;startdatum\n${PNR_OGILTIGT};Team;falun-borlange;2024-01-01\n`,
    });
    const r = await finsam("validate", dir, "--json");
    expect(r.code).toBe(1);
    expect(r.stdout.endsWith("\n")).toBe(true);
    const lines = r.stdout.slice(0, -1).split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      const f = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(f)).toEqual(NYCKLAR);
      for (const k of ["rad", "kolumn"]) expect(f[k] === null || Number.isInteger(f[k])).toBe(true);
      for (const k of ["falt", "varde"]) expect(f[k] === null || typeof f[k] === "string").toBe(true);
      for (const k of ["fil", "regel", "meddelande", "message"]) expect(typeof f[k]).toBe("string");
      expect(["fel", "varning", "info"]).toContain(f.allvar);
      expect(f.regel).toMatch(/^[a-zäö_]+(\.[a-zäö_]+)+$/);
    }
    const saknas = lines.map((l) => JSON.parse(l)).find((f) => f.regel === "he.saknas");
    expect(saknas).toEqual({
      fil: join(dir, "he.csv"), rad: 2, kolumn: 6, falt: "2024M02", varde: "..", regel: "he.saknas", allvar: "varning",
      meddelande: expect.stringContaining("värdet saknas"), message: expect.stringContaining("missing value"),
    });
  });

  it("never prints a personnummer unmasked", async () => {
    const dir = folder("json-pnr", {
      "deltagare.csv": `deltagare_id;personnummer;insats;forbund;startdatum\n${PNR_GILTIGT};;Team;falun-borlange;2024-01-01\n;${PNR_OGILTIGT};Team;falun-borlange;2024-01-01\n;191212121213;Team;falun-borlange;2024-01-01\n`,
    });
    const r = await finsam("validate", dir, "--json");
    const fynd = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(fynd.map((f) => f.regel)).toEqual(expect.arrayContaining(["deltagare.id_personnummer", "deltagare.personnummer"]));
    expect(fynd.find((f) => f.regel === "deltagare.personnummer").varde).toBe("19121212-****");
    expect(r.stdout).not.toMatch(/\d{6}[-+]?\d{4}(?!\d)/);
    expect(r.stdout).not.toMatch(/1212-?121[23]/);
  });
});
