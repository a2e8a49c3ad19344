/** The `finsam` command: exit codes, messages and files written are a stable contract. */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvText } from "../loaders/publish/csv.ts";
import { lasParquet } from "../loaders/publish/parquet.ts";
import { EKONOMI_SCHEMAN } from "../loaders/kinds/ekonomi/utdata.ts";
import { allaScheman } from "../scripts/dokumentation.ts";
import { finsam, folderIn } from "./helpers/cli.ts";

const EXEMPEL = "data/exempel";
const GOLDEN = "test/golden/exempel";
const tmp = mkdtempSync(join(tmpdir(), "finsam-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const folder = folderIn(tmp);

const BROKEN = '"region";"kön";"tabellinnehåll";"2024M01"\n"2080 Falun";"män";"Sjukpenning";12\n"2099 Okänd";"män";"Sjukpenning";13\n';

describe("finsam validate", () => {
  it("exits 0 on the example data and reports the file, its format and warnings in Swedish", async () => {
    const r = await finsam("validate", EXEMPEL);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("TAB1386_20260315-101500.csv: helårsekvivalenter (ISO-8859-1/Windows-1252, bred tabell, 432 rader)");
    expect(r.stdout).toContain("VARNING data/exempel/TAB1386_20260315-101500.csv rad 16, kolumn 35 (\"2021M07\"): värdet saknas");
    expect(r.stdout).toContain("deltagare_sodra_dalarna.csv: deltagaruppgifter (573 deltaganden)");
    expect(r.stdout).toContain("rapporterat_utfall_2018.csv: rapporterade utfall (3 rader)");
    expect(r.stdout).toContain("inskrivna vid start + nyinskrivna − avslut = 40 + 29 − 33 = 36, men aktiva vid slut är 35");
    expect(r.stdout).toContain("TAB6260_20260410-081500.csv: BAS arbetsmarknadsstatus (ISO-8859-1/Windows-1252, bred tabell, 432 rader)");
    expect(r.stdout).toContain("TAB1784_20260410-083000.csv: BAS huvudsaklig inkomstkälla");
    expect(r.stdout).toContain("ArbStatHuv_20260410-084000.csv: BAS inkomstkälla och inkomstnivå");
    expect(r.stdout).toContain("BE0101N1_20260220-090000.csv: folkmängd");
    expect(r.stdout).toContain("Forsorjningsmatt_Dalarna_2020-2025.xlsx: försörjningsmått (Excel-arbetsbok)");
    expect(r.stdout).toContain("VARNING data/exempel/TAB6260_20260410-081500.csv rad 178, kolumn 12 (\"2021M07\"): värdet saknas");
    expect(r.stdout).toMatch(/0 fel, 28 varningar\.\n$/);
  }, 60_000);

  it("exits 1 on an error, naming file, line, column, value and the expected form", async () => {
    const dir = folder("trasig", { "he.csv": BROKEN });
    const r = await finsam("validate", dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`FEL ${join(dir, "he.csv")} rad 3, kolumn 1 ("region"): okänd kommunkod "2099"; förväntat en av de 290 kommunkoderna`);
  });

  it("--json writes one finding per line with file, line, column, rule and both languages", async () => {
    const dir = folder("trasig-json", { "he.csv": BROKEN });
    const r = await finsam("validate", dir, "--json");
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({ fil: join(dir, "he.csv"), rad: 3, kolumn: 1, falt: "region", varde: "2099 Okänd", regel: "he.region", allvar: "fel" }),
      // Every SCB file's own line: what was read, missing, rejected and not used.
      expect.objectContaining({ fil: join(dir, "he.csv"), regel: "he.inlast", allvar: "info" }),
    ]);
    expect(lines[0].message).toMatch(/unknown kommun code/);
  });

  it("an unrecognised file is a warning, not an error", async () => {
    const dir = folder("okand", { "TAB1386_20260315-101500.csv": readFileSync(join(EXEMPEL, "TAB1386_20260315-101500.csv")), "annat.csv": "a;b\n1;2\n" });
    const r = await finsam("validate", dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("annat.csv: filen känns inte igen och används inte");
  });

  it("recognises files by content, not by name", async () => {
    const dir = folder("namn", { "mina-siffror.txt": readFileSync(join(EXEMPEL, "TAB1386_20260315-101500.csv")) });
    expect((await finsam("validate", dir)).code).toBe(0);
  });

  it("a folder without any known input is an error", async () => {
    const r = await finsam("validate", folder("tom", { "anteckningar.csv": "a;b\n1;2\n" }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("hittar ingen känd indatafil");
  });

  it("exits 2 on wrong usage", async () => {
    expect((await finsam()).code).toBe(2);
    expect((await finsam("validera", EXEMPEL)).code).toBe(2);
    expect((await finsam("validate")).code).toBe(2);
    expect((await finsam("validate", "/finns/inte")).stderr).toContain('katalogen "/finns/inte" finns inte');
    expect((await finsam("validate", EXEMPEL, "--okand")).stderr).toContain("okänd flagga --okand");
    expect((await finsam("run", EXEMPEL)).stderr).toContain("ange --out");
  });

  it("--help describes both commands in Swedish", async () => {
    const r = await finsam("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("finsam validate <katalog> [--json]");
    expect(r.stdout).toContain("finsam run <katalog> --out <utkatalog>");
  });
});

describe("errors in every input kind name file, line and column", () => {
  const HE = readFileSync(join(EXEMPEL, "TAB1386_20260315-101500.csv"));
  const errors = async (dir: string) => {
    const r = await finsam("validate", dir, "--json");
    expect(r.code).toBe(1);
    return r.stdout.trim().split("\n").map((l) => JSON.parse(l)).filter((f) => f.allvar === "fel").map(({ fil, rad, kolumn, regel }) => ({ fil, rad, kolumn, regel }));
  };

  it("a file with only a header is an error, not a file passed over", async () => {
    const dir = folder("bara-rubrik", { "deltagare.csv": "Löpnummer;Insats;Startdatum\n", "he.csv": '"Titel"\n"region";"kön";"tabellinnehåll";"2024M01"\n' });
    expect(await errors(dir)).toEqual([
      { fil: join(dir, "deltagare.csv"), rad: 1, kolumn: null, regel: "csv.bara_rubrik" },
      { fil: join(dir, "he.csv"), rad: 2, kolumn: null, regel: "csv.bara_rubrik" },
    ]);
  });

  it("a participant file missing its insats column is recognised and the column named", async () => {
    const dir = folder("utan-insats", { "deltagare.csv": "Löpnummer;Startdatum;Slutdatum\nA;2024-01-01;\n" });
    expect(await errors(dir)).toEqual([{ fil: join(dir, "deltagare.csv"), rad: 1, kolumn: null, regel: "csv.kolumn_saknas" }]);
  });

  it("an unknown förbund names the förbund column, or the insats column when it came from elsewhere", async () => {
    const dir = folder("okant-forbund", { "deltagare.csv": "Löpnummer;Insats;Förbund;Startdatum\nA;Team;finns-inte;2024-01-01\n" });
    expect(await errors(dir)).toEqual([{ fil: join(dir, "deltagare.csv"), rad: 2, kolumn: 3, regel: "insats.forbund" }]);
    const utan = folder("utan-forbund", { "deltagare.csv": "Löpnummer;Insats;Startdatum\nA;Team;2024-01-01\n" });
    expect(await errors(utan)).toEqual([{ fil: join(utan, "deltagare.csv"), rad: 2, kolumn: 2, regel: "insats.forbund" }]);
  });

  it("a reported table: a reversed period names the column, no period column is an error on the header", async () => {
    const dir = folder("utfall-period", { "utfall.csv": "Förbund;Insats;Från;Till;Avslut;Nyinskrivna\nsodra-dalarna;Team;2024-07;2024-06;1;2\n" });
    expect(await errors(dir)).toEqual([{ fil: join(dir, "utfall.csv"), rad: 2, kolumn: 4, regel: "utfall.period" }]);
    const utan = folder("utfall-utan-period", { "utfall.csv": "Förbund;Insats;Avslut;Nyinskrivna\nsodra-dalarna;Team;1;2\n" });
    expect(await errors(utan)).toEqual([{ fil: join(utan, "utfall.csv"), rad: 1, kolumn: null, regel: "csv.kolumn_saknas" }]);
  });

  it("a membership file names the column of an unknown kommun and of an end before the start", async () => {
    const dir = folder("indelning-fel", {
      "he.csv": HE,
      "forbund.csv": "forbund,forbund_namn,kommunkod,giltig_fran,giltig_till\nett,Ett,2099,,\ntva,Två,2080,2024-01,2023-12\n",
    });
    expect(await errors(dir)).toEqual([
      { fil: join(dir, "forbund.csv"), rad: 2, kolumn: 3, regel: "referens.okand_kommun" },
      { fil: join(dir, "forbund.csv"), rad: 3, kolumn: 5, regel: "referens.giltighet" },
    ]);
  });

  it("settings: invalid JSON is an error at its place, not a file passed over", async () => {
    const dir = folder("installningar-json", { "he.csv": HE, "finsam.json": '{"finsam": {\n  "skyddsgrans": 5,\n}}\n' });
    expect(await errors(dir)).toEqual([{ fil: join(dir, "finsam.json"), rad: 3, kolumn: 1, regel: "installningar.json" }]);
  });

  it("settings: a bad value and an unknown key are shown where they are", async () => {
    const dir = folder("installningar-varde", { "he.csv": HE, "finsam.json": '{\n  "finsam": {\n    "skyddsgrans": 2,\n    "skyddsgrens": 5\n  }\n}\n' });
    expect(await errors(dir)).toEqual([
      { fil: join(dir, "finsam.json"), rad: 3, kolumn: 20, regel: "installningar.varde" },
      { fil: join(dir, "finsam.json"), rad: 4, kolumn: 5, regel: "installningar.varde" },
    ]);
  });

  it("settings: a förbund that is not in the membership is an error", async () => {
    const dir = folder("installningar-forbund", { "he.csv": HE, "finsam.json": '{"finsam": {"forbund": {\n  "sodra-dalarna": {},\n  "sodra-dalarnna": {"tidiga_avhopp_i_namnaren": true}}}}\n' });
    expect(await errors(dir)).toEqual([{ fil: join(dir, "finsam.json"), rad: 3, kolumn: 3, regel: "installningar.forbund" }]);
  });
});

describe("finsam run", () => {
  // One run of the example data for the tests that only read its output (each run costs seconds).
  const exempel = join(tmp, "ut-exempel");
  let korning: Awaited<ReturnType<typeof finsam>>;
  beforeAll(async () => {
    korning = await finsam("run", EXEMPEL, "--out", exempel);
  }, 180_000);

  const TABELLER = [
    "arbetsmarknadsstatus", "befolkning", "befolkning_alder", "datakvalitet", "forsorjningskvot", "forsorjningsmatt",
    "helarsekvivalenter", "helarsekvivalenter_halvar", "indatafiler", "indelning", "inkomstkalla", "inkomstniva",
    "insatser_jamstalldhet", "insatser_nyckeltal", "insatser_rapporterat", "mal", "mal_bedomning", "mal_matningar", "malgrupp",
    "personalinriktade_aktiviteter", "personalinriktade_ar",
    ...EKONOMI_SCHEMAN.map((s) => s.namn),
  ].sort();

  it("writes exactly the golden outputs for the example data, a CSV and a Parquet file per table", () => {
    expect(korning.code).toBe(0);
    expect(readdirSync(exempel).sort()).toEqual(TABELLER.flatMap((t) => [`${t}.csv`, `${t}.parquet`]).sort());
    const written = TABELLER.map((t) => `${t}.csv`);
    if (process.env.UPDATE_GOLDEN) for (const file of written) cpSync(join(exempel, file), join(GOLDEN, file));
    for (const file of written) {
      expect(readFileSync(join(exempel, file), "utf8"), `${file} differs from ${GOLDEN}/${file} (UPDATE_GOLDEN=1 npm test rewrites it)`).toBe(readFileSync(join(GOLDEN, file), "utf8"));
    }
  });

  it("every Parquet file read back holds exactly the CSV file's rows and values", async () => {
    const scheman = new Map(allaScheman().map((s) => [s.namn, s]));
    for (const t of TABELLER) {
      const tabell = await lasParquet(scheman.get(t)!, join(exempel, `${t}.parquet`));
      expect(csvText(tabell), `${t}.parquet`).toBe(readFileSync(join(exempel, `${t}.csv`), "utf8"));
    }
  });

  it("writes UTF-8 without BOM, comma, LF, and the documented header", () => {
    const bytes = readFileSync(join(exempel, "helarsekvivalenter.csv"));
    expect(bytes.subarray(0, 3).toString("hex")).not.toBe("efbbbf");
    const text = bytes.toString("utf8");
    expect(text).not.toContain("\r");
    expect(text.split("\n", 1)[0]).toBe("niva,kod,namn,period,kon,ersattning,varde,folkmangd,andel");
  });

  it("is deterministic: two runs give byte-identical files", async () => {
    const b = join(tmp, "ut-b");
    await finsam("run", EXEMPEL, "--out", b);
    for (const f of readdirSync(exempel)) expect(readFileSync(join(exempel, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  }, 60_000);

  it("on an error creates nothing, and leaves an existing output folder exactly as it was", async () => {
    const dir = folder("trasig-run", { "he.csv": BROKEN });
    const fresh = join(tmp, "ut-ny");
    expect((await finsam("run", dir, "--out", fresh)).code).toBe(1);
    expect(existsSync(fresh)).toBe(false);

    const old = join(tmp, "ut-gammal");
    mkdirSync(old);
    writeFileSync(join(old, "helarsekvivalenter.csv"), "gammalt innehåll\n");
    const r = await finsam("run", dir, "--out", old);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Inget skrevs till");
    expect(readdirSync(old)).toEqual(["helarsekvivalenter.csv"]);
    expect(readFileSync(join(old, "helarsekvivalenter.csv"), "utf8")).toBe("gammalt innehåll\n");
  });

  it("writes every published file, header only when that input is absent (a site from SCB data alone)", async () => {
    const dir = folder("bara-scb", { "he.csv": readFileSync(join(EXEMPEL, "TAB1386_20260315-101500.csv")) });
    const out = join(tmp, "ut-bara-scb");
    expect((await finsam("run", dir, "--out", out)).code).toBe(0);
    expect(readFileSync(join(out, "insatser_nyckeltal.csv"), "utf8")).toBe("forbund,insats,fran,till,kon,matt,varde,antal,undertryckt,skydd\n");
    expect(readFileSync(join(out, "insatser_rapporterat.csv"), "utf8")).toBe("forbund,insats,fran,till,kon,matt,varde,undertryckt\n");
    expect(readFileSync(join(out, "helarsekvivalenter.csv"), "utf8").split("\n").length).toBeGreaterThan(1000);
  });

  it("a membership file in the data folder replaces the default förbund", async () => {
    const dir = folder("egen-indelning", {
      "he.csv": readFileSync(join(EXEMPEL, "TAB1386_20260315-101500.csv")),
      "vara-forbund.csv": "forbund,forbund_namn,kommunkod,giltig_fran,giltig_till\nfalun-ensam,Finsam Falun (test),2080,,\n",
    });
    const out = join(tmp, "ut-indelning");
    expect((await finsam("run", dir, "--out", out)).code).toBe(0);
    const forbund = new Set(readFileSync(join(out, "helarsekvivalenter.csv"), "utf8").split("\n").filter((l) => l.startsWith("forbund,")).map((l) => l.split(",")[1]));
    expect(forbund).toEqual(new Set(["falun-ensam"]));
  });
});

describe("the installed command", () => {
  it("bin/finsam.js runs through node with the same exit codes and no stack trace", async () => {
    const dir = folder("bin-trasig", { "he.csv": BROKEN });
    const r = spawnSync(process.execPath, ["bin/finsam.js", "validate", dir], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("okänd kommunkod");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(execFileSync(process.execPath, ["bin/finsam.js", "--version"], { encoding: "utf8" }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
