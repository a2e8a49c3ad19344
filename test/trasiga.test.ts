/**
 * The bad-input corpus (test/fixtures/trasiga/): every broken file stops `finsam run` with exit
 * 1, writes nothing, and names the file, line and column of the README's table. No file may
 * crash or hang the program: each case reads a handful of small files (or one 200 MB line that
 * must be refused before it is parsed), so every case takes well under a second.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { finsam } from "./helpers/cli.ts";
import { FALL, GILTIGA, GILTIGA_FILER, KATALOG, MEDFOLJER, readme, skrivVidTestet } from "./fixtures/trasiga/generera.ts";

const tmp = mkdtempSync(join(tmpdir(), "finsam-trasiga-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Forvantat {
  readonly fil: string;
  readonly regel: string;
  readonly rad: number;
  readonly kolumn: number | undefined;
  readonly medfoljer: string | undefined;
  readonly vidTestet: boolean;
}

/** The README's table: | `fil` | slag | vad som är fel | `regel` | rad | kolumn | följer med | */
function tabell(): Forvantat[] {
  const text = readFileSync(join(KATALOG, "README.md"), "utf8");
  return text.split("\n").filter((l) => l.startsWith("| `")).map((l) => {
    const cells = l.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    const [fil, , fel, regel, rad, kolumn, medfoljer] = cells;
    return {
      fil: fil!.replaceAll("`", ""),
      regel: regel!.replaceAll("`", ""),
      rad: Number(rad),
      kolumn: kolumn === "–" ? undefined : Number(kolumn),
      medfoljer: medfoljer === "–" ? undefined : medfoljer!.replace(/^giltiga\//, ""),
      vidTestet: fel!.includes("skapas av testet"),
    };
  });
}

const FORVANTAT = tabell();

let n = 0;
/** A fresh data folder with `fil` (copied, or written by the test) and its valid companion. */
function datakatalog(fil: string, medfoljer: string | undefined, vidTestet: boolean): string {
  const dir = join(tmp, `fall-${++n}`);
  mkdirSync(dir);
  if (vidTestet) skrivVidTestet(fil, dir);
  else copyFileSync(join(KATALOG, fil), join(dir, basename(fil)));
  if (medfoljer) copyFileSync(join(GILTIGA, medfoljer), join(dir, medfoljer));
  return dir;
}

const STACK = /\n\s+at /;

describe("the corpus", () => {
  it("has at least 40 broken files across every input kind", async () => {
    expect(FORVANTAT.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(FALL.map((f) => f.slag));
    expect([...kinds].sort()).toEqual([
      "bas", "befolkning", "deltagare", "förbundsindelning", "försörjningsmått", "helårsekvivalenter", "inställningar", "mål", "personalinriktade insatser", "utfall",
    ]);
    for (const kind of kinds) expect(FALL.filter((f) => f.slag === kind).length, kind).toBeGreaterThanOrEqual(5);
  });

  it("README.md, the committed files and generera.ts agree (npx tsx test/fixtures/trasiga/generera.ts rewrites them)", async () => {
    expect(readFileSync(join(KATALOG, "README.md"), "utf8")).toBe(readme());
    expect(FORVANTAT).toEqual(FALL.map((f) => ({
      fil: f.fil, regel: f.regel, rad: f.rad, kolumn: f.kolumn, medfoljer: f.medfoljer ?? MEDFOLJER[f.slag], vidTestet: f.bytes === undefined,
    })));
    for (const f of FALL) {
      if (f.bytes) expect(readFileSync(join(KATALOG, f.fil)).equals(Buffer.from(f.bytes)), f.fil).toBe(true);
      else expect(existsSync(join(KATALOG, f.fil)), `${f.fil} is written by the test, not committed`).toBe(false);
    }
    const committed = readdirSync(KATALOG).filter((f) => !["README.md", "generera.ts", "giltiga"].includes(f)).sort();
    expect(committed).toEqual(FALL.filter((f) => f.bytes).map((f) => f.fil).sort());
    for (const [fil, bytes] of Object.entries(GILTIGA_FILER)) expect(readFileSync(join(GILTIGA, fil)).equals(Buffer.from(bytes)), fil).toBe(true);
  });

  // Each broken file is one of these with one thing wrong: they must pass.
  for (const fil of Object.keys(GILTIGA_FILER)) {
    it(`the valid base giltiga/${fil} runs without errors`, async () => {
      const medfoljer = fil.endsWith(".json") || fil.startsWith("forbund") ? "he.csv" : undefined;
      const dir = datakatalog(join("giltiga", fil), medfoljer, false);
      const out = join(dir, "ut");
      const r = await finsam("run", dir, "--out", out);
      expect(r.stderr).not.toMatch(/^FEL /m);
      expect(r.code).toBe(0);
      expect(existsSync(join(out, "indelning.csv"))).toBe(true);
    });
  }
});

describe("every broken file: exit 1, nothing written, file, line and column named", () => {
  for (const f of FORVANTAT) {
    it(`${f.fil}: ${f.regel} rad ${f.rad}${f.kolumn !== undefined ? `, kolumn ${f.kolumn}` : ""}`, async () => {
      const dir = datakatalog(f.fil, f.medfoljer, f.vidTestet);
      try {
        const out = join(dir, "ut");
        const run = await finsam("run", dir, "--out", out);
        expect(run.code).toBe(1);
        expect(existsSync(out)).toBe(false);
        expect(run.stderr).toContain(`Inget skrevs till ${out}`);
        const plats = `FEL ${join(dir, f.fil)} rad ${f.rad}${f.kolumn !== undefined ? `, kolumn ${f.kolumn}` : ""}`;
        const rad = (regelns: { rad: number; kolumn?: number | undefined }) => {
          const p = `FEL ${join(dir, f.fil)} rad ${regelns.rad}${regelns.kolumn !== undefined ? `, kolumn ${regelns.kolumn}` : ""}`;
          return run.stderr.split("\n").filter((l) => l.startsWith(p + " (") || l.startsWith(p + ":"));
        };
        const line = rad(f)[0];
        expect(line, `expected a line starting "${plats}" in:\n${run.stderr}`).toBeDefined();
        // The message shows the value and what is accepted; a file with several mistakes has all of them reported in this one run.
        const fall = FALL.find((x) => x.fil === f.fil)!;
        if (fall.meddelande) expect(line).toContain(fall.meddelande);
        for (const o of fall.ocksa ?? []) {
          expect(rad(o).some((l) => l.includes(o.meddelande)), `expected ${o.regel} at line ${o.rad} with "${o.meddelande}" in:\n${run.stderr}`).toBe(true);
        }
        expect(run.stderr).not.toMatch(STACK);
        expect(run.stderr).not.toContain("internt fel");
        expect(run.stderr.length).toBeLessThan(20_000); // never the 200 MB line, or any big part of a file

        const json = await finsam("validate", dir, "--json");
        expect(json.code).toBe(1);
        const findings = json.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
        expect(findings).toContainEqual(expect.objectContaining({
          fil: join(dir, f.fil), rad: f.rad, kolumn: f.kolumn ?? null, regel: f.regel, allvar: "fel",
        }));
        for (const o of FALL.find((x) => x.fil === f.fil)!.ocksa ?? []) {
          expect(findings).toContainEqual(expect.objectContaining({ fil: join(dir, f.fil), rad: o.rad, kolumn: o.kolumn ?? null, regel: o.regel, allvar: "fel" }));
        }
        for (const finding of findings) expect(typeof finding.meddelande === "string" && typeof finding.message === "string").toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it("a wrong personnummer is named without the personnummer", async () => {
    const dir = datakatalog("deltagare_personnummer_kontrollsiffra.csv", undefined, false);
    const json = await finsam("validate", dir, "--json");
    const text = await finsam("run", dir, "--out", join(dir, "ut"));
    expect(json.stdout.trim().split("\n").map((l) => JSON.parse(l))).toContainEqual(expect.objectContaining({ regel: "deltagare.personnummer", varde: "19850615-****" }));
    for (const pnr of ["19850615-4568", "198506154568", "8506154568", "4568"]) {
      expect(json.stdout).not.toContain(pnr);
      expect(text.stderr).not.toContain(pnr);
    }
  });
});

describe("through bin/finsam.js", () => {
  for (const fil of [
    "he_xlsx.csv", "he_binar.csv", "he_200mb_rad.csv", "deltagare_blandad_kodning.csv", "installningar_ogiltig_json.json",
    "forsorjningsmatt_text_i_belopp.xlsx", "forsorjningsmatt_avkortad.xlsx", "forsorjningsmatt_losenord.xlsx",
    "personalinriktade_text_i_antal.xlsx",
  ]) {
    it(`${fil}: exit 1, no stack trace, nothing written`, async () => {
      const f = FORVANTAT.find((x) => x.fil === fil)!;
      const dir = datakatalog(fil, f.medfoljer, f.vidTestet);
      try {
        const out = join(dir, "ut");
        const r = spawnSync(process.execPath, ["bin/finsam.js", "run", dir, "--out", out], { encoding: "utf8", timeout: 15_000 });
        expect(r.status).toBe(1);
        expect(r.stderr).toContain(`FEL ${join(dir, fil)} rad ${f.rad}`);
        expect(r.stderr).not.toMatch(STACK);
        expect(r.stderr).not.toContain("internt fel");
        expect(existsSync(out)).toBe(false);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
