/**
 * Reading the economy's files: amounts as ekonomisystem write them, the ledger's columns and
 * periods, budgets by year column, and malformed files that give located errors and write
 * nothing (unknown ID, a konto that is not mapped, text in an amount, two files for one period).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { tolkaBelopp } from "../../loaders/kinds/ekonomi/belopp.ts";
import { kannerIgen } from "../../loaders/kinds/ekonomi/index.ts";
import { skrivXlsx } from "../../scripts/generera-forsorjningsmatt.ts";
import { ekonomi, kr } from "../helpers/ekonomi.ts";
import { finsam, folderIn } from "../helpers/cli.ts";
import { labelKey } from "../../loaders/normalise/labels.ts";

const tmp = mkdtempSync(join(tmpdir(), "finsam-ekonomi-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const folder = folderIn(tmp);

describe("amounts", () => {
  const ore = (v: string | number, enhet: "kr" | "tkr" = "kr") => {
    const b = tolkaBelopp(v, enhet);
    return b.ok ? b.ore : b.sv;
  };

  it("decimal comma, thousands with space, no-break space or narrow no-break space, never rounded", () => {
    expect(ore("1 234,56")).toBe(123_456);
    expect(ore("1\u00a0234\u00a0567")).toBe(123_456_700);
    expect(ore("1\u202f234,5")).toBe(123_450);
    expect(ore("1234.56")).toBe(123_456);
    expect(ore(1127495)).toBe(112_749_500);
    expect(ore(2945.62)).toBe(294_562);
  });

  it("minus as -, the typographic − or after the number", () => {
    expect(ore("-5 411")).toBe(-541_100);
    expect(ore("−5 411,00")).toBe(-541_100);
    expect(ore("5 411-")).toBe(-541_100);
  });

  it("tkr: 1 234,5 tkr is 1 234 500 kr, exactly", () => {
    expect(ore("1 234,5", "tkr")).toBe(123_450_000);
    expect(ore("-6 184", "tkr")).toBe(-618_400_000);
    expect(ore("1 640,2", "tkr")).toBe(164_020_000);
  });

  it("text, points between thousands and more than öre are refused with what was expected", () => {
    expect(ore("12 3a4")).toMatch(/^förväntat ett belopp i kr/);
    expect(ore("1.234.567,00")).toMatch(/punkt som tusentalsavgränsare/);
    expect(ore("12,345")).toMatch(/fler decimaler än öre/);
    expect(ore("")).toMatch(/beloppet saknas/);
  });
});

describe("recognised by their columns", () => {
  const sort = (header: string) => kannerIgen(header.split(";").map(labelKey));
  it("ledger, budget, medelstilldelning and reported tables", () => {
    expect(sort("Företag;Ansvar;Konto;Bokföringsdatum;Belopp")).toBe("huvudbok");
    expect(sort("Projekt;Konto;Datum;Debet;Kredit")).toBe("huvudbok");
    expect(sort("ID;Beskrivning;Konto;Årsbudget 2025 (tkr);Årsbudget 2024 (tkr)")).toBe("budget");
    expect(sort("ID;År;Årsbudget;Prognos")).toBe("budget");
    expect(sort("År;Medlem;Andel;Belopp")).toBe("medelstilldelning");
    expect(sort("Tabell;Typ;Till datum;Rad;Kolumn;Värde")).toBe("rapporterat");
    expect(sort("insats;forbund")).toBeUndefined();
  });
});

describe("the ledger's forms", () => {
  it("debet and kredit, tabs, no-break spaces, UTF-8 with BOM; periods with the opening balance as ÅÅÅÅ-00", () => {
    const text = "\ufeffFörbund\tProjekt\tKonto\tPeriod\tDatum\tDebet\tKredit\n"
      + "falun-borlange\t\t1930\t2024-00\t\t1\u00a0000,00\t\n"
      + "falun-borlange\t\t2010\t2024-00\t\t\t1\u00a0000,00\n"
      + "falun-borlange\t202\t4720\t2024-03\t2024-03-15\t250,50\t\n"
      + "falun-borlange\t\t1930\t2024-03\t2024-03-15\t\t250,50\n";
    const { resultat, findings } = ekonomi({ "fb.csv": text }, { finsam: { forbund: { "falun-borlange": { ekonomi: { rapportdatum: "2024-12-31", poster: { "202": "administration" } } } } } });
    expect(findings.errors).toEqual([]);
    const a = resultat![0]!.ar[0]!;
    expect(kr(a.drift[0]!.utfallOre)).toBe(250.5);
    expect(kr(a.br!.kassa_och_bank)).toBe(749.5);
  });

  it("amounts in tkr when the column says so; a month with a year column; IB from a type column", () => {
    const text = "Företag;ID;Konto;År;Månad;Typ;Belopp (tkr)\n"
      + "sodra-dalarna;;1930;2025;1;IB;100\n"
      + "sodra-dalarna;;2010;2025;1;IB;-100\n"
      + "sodra-dalarna;10000 Styrelse;5010;2025;3;;1,5\n"
      + "sodra-dalarna;;1930;2025;3;;-1,5\n";
    const { resultat, findings } = ekonomi({ "sd.csv": text.replace("Månad", "Period") }, { finsam: { forbund: { "sodra-dalarna": { ekonomi: { rapportdatum: "2025-03-31" } } } } });
    expect(findings.errors).toEqual([]);
    const a = resultat![0]!.ar[0]!;
    expect(a.drift[0]).toMatchObject({ id: "10000", namn: "Styrelse", post: "styrelse", utfallOre: 150_000 });
    expect(kr(a.br!.kassa_och_bank)).toBe(98_500);
  });

  it("a sum row at the end of an export is named and not read", () => {
    const text = "Företag;ID;Konto;Datum;Belopp\nsodra-dalarna;10000 Styrelse;5010;2025-03-01;100\nsodra-dalarna;;1930;2025-03-01;-100\nSumma;;;;0\n";
    const { findings } = ekonomi({ "sd.csv": text }, { finsam: { forbund: { "sodra-dalarna": { ekonomi: {} } } } });
    expect(findings.all.find((f) => f.regel === "ekonomi.summarad")).toMatchObject({ fil: "sd.csv", rad: 4, allvar: "info" });
  });
});

describe("budget by year columns, as a verksamhetsplan lays it out", () => {
  it("`Årsbudget 2025 (tkr)` and `Årsbudget 2024 (tkr)`: one row per year; ID written as 10 000", () => {
    const huvudbok = "Företag;ID;Konto;Datum;Belopp\nsodra-dalarna;10000;5010;2025-03-01;100\nsodra-dalarna;;1930;2025-03-01;-100\n";
    const budget = "ID;Beskrivning;Konto;Årsbudget 2025 (tkr);Årsbudget 2024 (tkr)\n10 000;Styrelsen;;;\n10 000;Styrelsen;4710;45;50\n10 000;Styrelsen;5010;80;75\n";
    const { resultat, findings } = ekonomi({ "h.csv": huvudbok, "b.csv": budget }, { finsam: { forbund: { "sodra-dalarna": { ekonomi: { rapportdatum: "2025-12-31" } } } } });
    expect(findings.errors).toEqual([]);
    expect(findings.all.find((f) => f.regel === "ekonomi.rad_utan_belopp")).toMatchObject({ fil: "b.csv", rad: 2 });
    const fe = resultat![0]!.fe;
    expect(fe.budget.map((b) => [b.ar, b.id, b.konto, kr(b.budgetOre)])).toEqual([
      [2025, "10000", "4710", 45_000], [2024, "10000", "4710", 50_000], [2025, "10000", "5010", 80_000], [2024, "10000", "5010", 75_000],
    ].sort((a, b) => (a[2] as string).localeCompare(b[2] as string) || (a[0] as number) - (b[0] as number)));
  });
});

// ---- Malformed ledgers: located errors, nothing written ------------------------------------------

const INST = JSON.stringify({ finsam: { forbund: { "sodra-dalarna": { ekonomi: { poster: { "10000": "styrelse", "50000": "intakter" } } } } } });
const HUVUDBOK = "Företag;ID;Konto;Datum;Belopp\n"
  + "Södra Dalarnas Samordningsförbund;10000;5010;2025-03-01;100\n"
  + "Södra Dalarnas Samordningsförbund;;1930;2025-03-01;-100\n"
  + "Södra Dalarnas Samordningsförbund;50000;3510;2025-04-01;-200\n"
  + "Södra Dalarnas Samordningsförbund;;1930;2025-04-01;200\n";

async function fel(namn: string, filer: Record<string, string | Uint8Array>) {
  const dir = folder(namn, { "finsam.json": INST, ...filer });
  const out = join(tmp, `${namn}-ut`);
  mkdirSync(out);
  writeFileSync(join(out, "ekonomi_drift.csv"), "gammalt\n");
  const r = await finsam("run", dir, "--out", out);
  const json = await finsam("validate", dir, "--json");
  return { r, out, fynd: json.stdout.trim().split("\n").map((l) => JSON.parse(l)).filter((f) => f.allvar === "fel") };
}

describe("malformed ledgers: located errors and nothing written", () => {
  it("a valid ledger writes the economy's files", async () => {
    const dir = folder("giltig", { "finsam.json": INST, "h.csv": HUVUDBOK });
    const out = join(tmp, "giltig-ut");
    const r = await finsam("run", dir, "--out", out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).filter((f) => f.startsWith("ekonomi_") && f.endsWith(".csv"))).toHaveLength(10);
    expect(readdirSync(out).filter((f) => f.startsWith("ekonomi_") && f.endsWith(".parquet"))).toHaveLength(10);
  });

  it("an unknown ID: file, line, column and the IDs the settings know", async () => {
    const { r, out, fynd } = await fel("okant-id", { "h.csv": HUVUDBOK.replace("10000;5010", "12345;5010") });
    expect(r.code).toBe(1);
    expect(readdirSync(out)).toEqual(["ekonomi_drift.csv"]);
    expect(fynd).toEqual([expect.objectContaining({ fil: expect.stringMatching(/h\.csv$/), rad: 2, kolumn: 2, falt: "ID", varde: "12345", regel: "ekonomi.id_okant" })]);
    expect(fynd[0].meddelande).toContain('okänt ID 12345: det finns inte under "poster"');
  });

  it("an ID whose name tells no post, without poster in the settings", async () => {
    const dir = folder("okant-namn", { "h.csv": "Förbund;ID;ID-text;Konto;Datum;Belopp\nsodra-dalarna;77;Övrigt;5010;2025-03-01;100\nsodra-dalarna;;;1930;2025-03-01;-100\n", "finsam.json": JSON.stringify({ finsam: { forbund: { "sodra-dalarna": { ekonomi: {} } } } }) });
    const r = await finsam("validate", dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('h.csv rad 2, kolumn 2 ("ID"): okänt ID 77 (Övrigt): posten (styrelse, administration, insats, intäkter …) går inte att känna igen från namnet');
  });

  it("a konto that is not mapped (class 9, or skatteintäkter 80)", async () => {
    const { r, fynd } = await fel("okant-konto", { "h.csv": HUVUDBOK.replace("10000;5010", "10000;9010") });
    expect(r.code).toBe(1);
    expect(fynd).toEqual([expect.objectContaining({ rad: 2, kolumn: 3, falt: "Konto", varde: "9010", regel: "ekonomi.konto_okant" })]);
    expect(fynd[0].meddelande).toContain("kontot 9010 hör inte till någon rad");
  });

  it("text in an amount", async () => {
    const { r, fynd } = await fel("text-i-belopp", { "h.csv": HUVUDBOK.replace("2025-04-01;-200", "2025-04-01;ca 200") });
    expect(r.code).toBe(1);
    expect(fynd).toEqual([expect.objectContaining({ rad: 4, kolumn: 5, falt: "Belopp", varde: "ca 200", regel: "ekonomi.belopp" })]);
  });

  it("two files with bookings in the same month", async () => {
    const andra = "Företag;ID;Konto;Datum;Belopp\nSödra Dalarnas Samordningsförbund;10000;5010;2025-04-20;50\nSödra Dalarnas Samordningsförbund;;1930;2025-04-20;-50\n";
    const { r, fynd } = await fel("overlapp", { "a.csv": HUVUDBOK, "b.csv": andra });
    expect(r.code).toBe(1);
    expect(fynd).toEqual([expect.objectContaining({ fil: expect.stringMatching(/b\.csv$/), rad: 2, kolumn: 4, regel: "ekonomi.overlapp" })]);
    expect(fynd[0].meddelande).toContain("bokningar i 2025-04 för Södra Dalarnas Samordningsförbund finns också i");
    expect(fynd[0].meddelande).toContain("a.csv rad 4");
  });

  it("a förbund the membership does not know, and a file without förbund when several have settings", async () => {
    const { fynd } = await fel("okant-forbund", { "h.csv": HUVUDBOK.replaceAll("Södra Dalarnas Samordningsförbund", "Norra Sverige") });
    expect(fynd[0]).toMatchObject({ rad: 2, kolumn: 1, regel: "ekonomi.forbund" });
    const tva = JSON.stringify({ finsam: { forbund: { "sodra-dalarna": { ekonomi: {} }, "falun-borlange": { ekonomi: {} } } } });
    const dir = folder("utan-forbund", { "finsam.json": tva, "h.csv": "ID;Konto;Datum;Belopp\n10000 Styrelse;5010;2025-03-01;100\n" });
    const r = await finsam("validate", dir);
    expect(r.stdout).toContain("filen anger inte vilket förbund den gäller och inställningarna har ekonomi för flera förbund");
  });

  it("an xlsx ledger: errors name the sheet and the cell", async () => {
    const bok = skrivXlsx([{ namn: "Huvudbok", rader: [["Företag", "ID", "Konto", "Datum", "Belopp"], ["Södra Dalarnas Samordningsförbund", 10000, 5010, "2025-03-01", "hundra"]] }]);
    const { fynd } = await fel("xlsx", { "h.xlsx": bok });
    expect(fynd).toEqual([expect.objectContaining({ rad: 2, kolumn: 5, regel: "ekonomi.belopp" })]);
    expect(fynd[0].meddelande).toMatch(/^blad "Huvudbok", cell E2: förväntat ett belopp i kr/);
  });

  it("a Windows-1252 ledger reads as well as UTF-8", async () => {
    const dir = folder("cp1252", { "finsam.json": INST, "h.csv": iconv.encode(HUVUDBOK, "windows-1252") });
    const r = await finsam("validate", dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "h.csv"))).toBe(true);
  });

  it("economy settings: a bad value and an unknown key are errors where they are", async () => {
    const inst = '{"finsam": {"forbund": {"sodra-dalarna": {"ekonomi": {\n  "rapportdatum": "2025-13-01",\n  "poster": {"10000": "styrelsen"},\n  "eget_kapitel": {}\n}}}}}\n';
    const dir = folder("installningar-ekonomi", { "finsam.json": inst, "h.csv": HUVUDBOK });
    const r = await finsam("validate", dir, "--json");
    const fel = r.stdout.trim().split("\n").map((l) => JSON.parse(l)).filter((f) => f.regel.startsWith("installningar"));
    expect(fel.map((f) => [f.rad, f.regel])).toEqual([[2, "installningar.varde"], [3, "installningar.varde"], [4, "installningar.varde"]]);
    expect(fel.map((f) => f.meddelande)).toEqual([
      expect.stringContaining("rapportdatum: förväntat ett datum ÅÅÅÅ-MM-DD"),
      expect.stringContaining("förväntat en av styrelse, administration, personalinriktade, publikationer, insats, intakter"),
      'okänd inställning "finsam.forbund.sodra-dalarna.ekonomi.eget_kapitel"; förväntat rapportdatum, poster, konton, eget_kapital',
    ]);
  });

  it("--till must be a real date", async () => {
    const dir = folder("till", { "finsam.json": INST, "h.csv": HUVUDBOK });
    const r = await finsam("validate", dir, "--till", "2025-02-30");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--till ska vara ett datum ÅÅÅÅ-MM-DD");
  });
});
