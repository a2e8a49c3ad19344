/**
 * bin/finsam.js runs the CLI from one esbuild bundle of loaders/ and the npm packages it imports
 * (CommonJS, compiled with V8's code cache). The bundle and its code cache live in
 * node_modules/.cache/finsam/, never in the source tree or dist/, and the bundle's name is a hash
 * of its sources: the same sources give the same file, byte for byte.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { isAscii } from "node:buffer";
import { builtinModules, createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

const ROT = fileURLToPath(new URL("..", import.meta.url));
const { tillAscii } = createRequire(import.meta.url)("../bin/finsam.js") as { tillAscii: (text: string) => string };
const tmp = mkdtempSync(join(tmpdir(), "finsam-bin-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A checkout of its own: bin/, loaders/, src/components/ (the report imports them), data/referens/ and package.json copied, node_modules/ made of links to ours except .cache. */
function klon(namn: string): string {
  const k = join(tmp, namn);
  for (const d of ["bin", "loaders", join("src", "components"), join("data", "referens")]) cpSync(join(ROT, d), join(k, d), { recursive: true });
  cpSync(join(ROT, "package.json"), join(k, "package.json"));
  const nm = join(k, "node_modules");
  mkdirSync(nm);
  for (const p of readdirSync(join(ROT, "node_modules"))) if (p !== ".cache") symlinkSync(join(ROT, "node_modules", p), join(nm, p));
  return k;
}

const cache = (k: string) => join(k, "node_modules", ".cache", "finsam");
/** The CLI's bundles in checkout `k`'s cache. */
const bundlar = (k: string): string[] => (existsSync(cache(k)) ? readdirSync(cache(k)).filter((f) => f.startsWith("finsam-cli-") && f.endsWith(".cjs")).sort() : []);
/** The writer thread's bundle that goes with the CLI's bundle `bunt`. */
const arbetare = (bunt: string): string => bunt.replace(/^finsam-cli-/, "finsam-arbetare-");
/** The packages `kod` requires at run time (not node's own modules), by package. */
const paketIKod = (kod: string): string[] =>
  [...new Set([...kod.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!).filter((p) => !builtinModules.includes(p.replace(/^node:/, ""))).map((p) => p.split("/")[0]!))].sort();
const kor = (k: string, cwd = ROT) => execFileSync(process.execPath, [join(k, "bin", "finsam.js"), "--version"], { cwd, encoding: "utf8", env: { ...process.env, FINSAM_TSX: "" } }).trim();
/** `finsam args` in checkout `k` with FINSAM_DEBUG=1: status, stdout and stderr. */
function finsam(k: string, args: string[]) {
  const r = spawnSync(process.execPath, [join(k, "bin", "finsam.js"), ...args], { encoding: "utf8", env: { ...process.env, FINSAM_TSX: "", FINSAM_DEBUG: "1" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A folder where checkout `k` would write the file `fil`: `finsam --version` runs all the same,
 * says `meddelande` (FINSAM_DEBUG) and leaves no half-written file.
 */
function mappIStallet(k: string, fil: string, meddelande: string): void {
  rmSync(fil, { recursive: true, force: true });
  mkdirSync(fil);
  const r = finsam(k, ["--version"]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  expect(r.stderr).toContain(meddelande);
  expect(readdirSync(cache(k)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
}

/** Waits `ms` milliseconds (the tests here run their commands synchronously). */
const vanta = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The lines of every `import(...)` call in `kod` (parsed, so that the word in strings and comments does not count). */
function importanrop(kod: string): number[] {
  const fil = ts.createSourceFile("bunt.cjs", kod, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const rader: number[] = [];
  const besok = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) rader.push(fil.getLineAndCharacterOfPosition(n.getStart(fil)).line + 1);
    ts.forEachChild(n, besok);
  };
  besok(fil);
  return rader;
}

describe("tillAscii (the bundle's text in ASCII where that keeps its meaning)", () => {
  /** What the module `kod` exports, run as CommonJS. */
  const kor = (kod: string): Record<string, unknown> => {
    const modul = { exports: {} as Record<string, unknown> };
    new vm.Script(`(function (exports, module) {${kod}\n})`).runInThisContext()(modul.exports, modul);
    return modul.exports;
  };
  const prov = ["år", "ar", "Ä", "Åå", "x\u00e4", "\\ä", "ÂÃx", "😀😀", "😀", "a-b", "a–b", "kön"];
  /** Every regular expression of `kod`'s exports tested on every string of `prov`. */
  const traffar = (kod: string): Record<string, boolean[]> =>
    Object.fromEntries(Object.entries(kor(kod)).filter(([, v]) => v instanceof RegExp).map(([k, r]) => [k, prov.map((p) => (r as RegExp).test(p))]));

  it("escapes comments and regular expressions, which then match the same strings", () => {
    const kod = [
      "// Kön och år — en kommentar 😀",
      "/* ÅÄÖ i ett block */",
      "exports.a = /^(år|ar)$/i;",
      "exports.b = /[ÂÃ]x/;",
      "exports.c = /\\ä/;", // an identity escape
      "exports.d = /\\\\ä/;", // an escaped backslash, then ä
      "exports.e = /^😀+$/u;",
      "exports.f = /^[😀]$/u;",
      "exports.g = /[-–—]/;",
      "exports.h = /kön/gi;",
      "exports.s = \"k\\xF6n\";",
      "exports.kvot = 6 / 2 / 3; // ä efter en division",
    ].join("\n");
    const ascii = tillAscii(kod);
    expect(isAscii(Buffer.from(ascii))).toBe(true);
    expect(ascii).toContain("// K\\u00f6n och \\u00e5r \\u2014 en kommentar \\ud83d\\ude00");
    expect(ascii).toContain("exports.c = /\\u00e4/;");
    expect(ascii).toContain("exports.d = /\\\\\\u00e4/;");
    expect(traffar(ascii)).toEqual(traffar(kod));
    expect(Object.values(traffar(kod)).flat()).toContain(true);
    expect(kor(ascii).s).toBe("kön");
    expect(kor(ascii).kvot).toBe(1);
    // Already ASCII: the same text.
    expect(tillAscii(ascii)).toBe(ascii);
  });

  it("leaves the text as it is when escaping could change it", () => {
    for (const kod of [
      "const t = (s) => s.raw[0];\nexports.a = t`kön`; // ä", // a tagged template's raw text
      "exports.a = String.raw`år`;",
      "exports.s = 'kön';", // a string (esbuild escapes these; the text is left to be read as UTF-8)
      "// en rad\u2028exports.a = /ä/;", // U+2028 ends a line comment
      "exports.a = /ä/; exports.b = (;", // not JavaScript
    ]) expect(tillAscii(kod)).toBe(kod);
  });
});

describe("bin/finsam.js", () => {
  it("bundles into node_modules/.cache/finsam, deterministically, and rebuilds when a source changes", () => {
    const k = klon("a");
    expect(kor(k)).toMatch(/^\d+\.\d+\.\d+$/);
    const [forsta, ...ovriga] = bundlar(k);
    expect(ovriga).toEqual([]);
    expect(forsta).toMatch(/^finsam-cli-[0-9a-f]{16}\.cjs$/);
    // Nothing written beside the sources.
    expect(existsSync(join(k, ".finsam-build"))).toBe(false);
    expect(existsSync(join(k, "dist"))).toBe(false);
    const bytes = readFileSync(join(cache(k), forsta!));

    // CommonJS with the packages inside: the only packages required at run time are those a
    // command imports late (and node's own modules).
    const kod = bytes.toString("utf8");
    expect(kod.startsWith('"use strict";\n')).toBe(true);
    // ASCII (`tillAscii`): loaded as a one-byte string. Our sources have Swedish letters in comments and regular expressions.
    expect(isAscii(bytes)).toBe(true);
    expect(kod).toContain("\\u00e5");
    expect(kod).not.toMatch(/^(import|export) /m);
    // (By package: the Parquet writer requires parts of hyparquet-writer and hyparquet as well.)
    expect(paketIKod(kod)).toEqual(["highs", "hyparquet", "hyparquet-writer", "playwright-core", "read-excel-file"]);
    // The writer thread's bundle, of the same sources: CommonJS, ASCII, every package inside.
    const arbetarbytes = readFileSync(join(cache(k), arbetare(forsta!)));
    const arbetarkod = arbetarbytes.toString("utf8");
    expect(arbetarkod.startsWith('"use strict";\n')).toBe(true);
    expect(arbetarkod).not.toMatch(/^(import|export) /m);
    expect(isAscii(arbetarbytes)).toBe(true);
    expect(paketIKod(arbetarkod)).toEqual([]);
    expect(arbetarkod).toContain("loaders/publish/skrivarbetare.js");
    expect(importanrop(arbetarkod)).toEqual([]);
    // No `import()` left: vm.Script cannot run one (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING);
    // esbuild has made them require() calls.
    expect(importanrop(kod)).toEqual([]);
    expect(importanrop("const x = 'import(\"y\")'; await import(\"z\");")).toEqual([1]);

    // Built again from nothing, from another directory: the same name and the same bytes.
    rmSync(join(k, "node_modules", ".cache"), { recursive: true });
    kor(k, tmp);
    expect(bundlar(k)).toEqual([forsta]);
    expect(readFileSync(join(cache(k), forsta!)).equals(bytes)).toBe(true);
    expect(readFileSync(join(cache(k), arbetare(forsta!))).equals(arbetarbytes)).toBe(true);

    // Files of other bundles, for the clean-up when the next bundle is built.
    const forr = new Date(Date.now() - 2 * 3_600_000);
    const lagg = (namn: string, gammal: boolean) => {
      writeFileSync(join(cache(k), namn), "");
      if (gammal) utimesSync(join(cache(k), namn), forr, forr);
    };
    lagg("finsam-cli-0000000000000000.mjs", true); // an old bundle of the earlier format: removed
    lagg("finsam-cli-0000000000000000.kodcache", false); // its code cache, however young: removed with it
    lagg("finsam-cli-1111111111111111.cjs", false); // a young bundle: kept, and its code cache
    lagg("finsam-cli-1111111111111111.kodcache", true);
    lagg("finsam-cli-2222222222222222.kodcache", false); // a code cache without a bundle: removed
    lagg("finsam-cli-3333333333333333.cjs.123.tmp", false); // being written by another process: kept
    lagg("finsam-cli-4444444444444444.cjs.123.tmp", true); // left by a process an hour ago: removed
    lagg("finsam-arbetare-0000000000000000.cjs", true); // the writer thread's bundle of the old bundle: removed
    lagg("finsam-arbetare-0000000000000000.kodcache", false); // and its code cache, however young
    lagg("finsam-arbetare-1111111111111111.kodcache", true); // the young bundle's: kept

    // A changed source, whatever its time stamp: a new bundle that holds the change.
    const fil = join(k, "loaders", "cli.ts");
    writeFileSync(fil, `${readFileSync(fil, "utf8")}\n// ändrad\nexport const ANDRAD_I_TESTET = 1;\n`);
    kor(k);
    const nya = bundlar(k).filter((f) => f !== forsta && !f.startsWith("finsam-cli-1111"));
    expect(nya).toHaveLength(1);
    expect(readFileSync(join(cache(k), nya[0]!), "utf8")).toContain("ANDRAD_I_TESTET");
    const kodcache = (b: string) => b.replace(/\.cjs$/, ".kodcache");
    // (The sources' stamp, kallor.stampel, is there or not depending on how old they are: its own test below.)
    expect(readdirSync(cache(k)).filter((f) => f !== "kallor.stampel").sort()).toEqual([
      "finsam-cli-1111111111111111.cjs", "finsam-cli-1111111111111111.kodcache", "finsam-cli-3333333333333333.cjs.123.tmp",
      "finsam-arbetare-1111111111111111.kodcache",
      forsta!, kodcache(forsta!), arbetare(forsta!), nya[0]!, kodcache(nya[0]!), arbetare(nya[0]!),
    ].sort());


    // A changed site component that the report bundles (src/components/styrelserapport.ts): also a new bundle.
    const komponent = join(k, "src", "components", "styrelserapport.ts");
    writeFileSync(komponent, `${readFileSync(komponent, "utf8")}\nexport const KOMPONENT_ANDRAD = "i testet";\n`);
    kor(k);
    expect(bundlar(k).filter((f) => f !== forsta && f !== nya[0] && !f.startsWith("finsam-cli-1111"))).toHaveLength(1);
  }, 120_000);

  it("hashes the sources only when their stamp has changed, and a broken stamp only costs a hash", () => {
    const k = klon("s");
    const fil = join(k, "loaders", "cli.ts");
    writeFileSync(fil, `${readFileSync(fil, "utf8")}\nexport const STAMPELTEST = "a";\n`);
    // A modification time in whole seconds, so that it can be put back exactly below.
    utimesSync(fil, 1_700_000_000, 1_700_000_000);
    // Sources changed less than two seconds ago (the grain of some file systems' times) are not
    // trusted to a stamp: each start hashes them.
    expect(finsam(k, ["--version"]).stderr).toContain("källorna hashade");
    expect(existsSync(join(cache(k), "kallor.stampel"))).toBe(false);
    vanta(2_100);

    expect(finsam(k, ["--version"]).stderr).toContain("källorna hashade");
    const stampel = join(cache(k), "kallor.stampel");
    const text = readFileSync(stampel, "utf8");
    // The bundle's hash, then a line per source: name, size, inode, modification and change time.
    const [hash, forsta, ...rader] = text.trimEnd().split("\n");
    expect(bundlar(k)).toEqual([`finsam-cli-${hash}.cjs`]);
    expect(forsta).toContain(process.versions.node);
    const namn = rader.map((r) => r.split("\0")[0]);
    for (const n of ["loaders/cli.ts", "src/components/styrelserapport.ts", "package.json", "bin/finsam.js"]) expect(namn).toContain(n);
    expect(rader.every((r) => r.split("\0").length === 5)).toBe(true);

    // The next start takes the hash from the stamp.
    const andra = finsam(k, ["--version"]);
    expect(andra.status).toBe(0);
    expect(andra.stderr).toContain("källorna oförändrade sedan stämpeln");
    expect(readFileSync(stampel, "utf8")).toBe(text);

    // Garbage, an empty file, or a wrong line in the stamp: hashed, the stamp written again, and the command runs.
    for (const fel of ["skräp", "", `${hash}\nfel rad\n`]) {
      writeFileSync(stampel, fel);
      const r = finsam(k, ["--version"]);
      expect(r.status).toBe(0);
      expect(r.stderr).toContain("källorna hashade");
      expect(readFileSync(stampel, "utf8")).toBe(text);
    }

    // A change of the same size with the old modification time put back (as `touch -r` or
    // `cp -p` can): the change time still moves, so the stamp no longer fits.
    const fore = statSync(fil);
    writeFileSync(fil, readFileSync(fil, "utf8").replace('STAMPELTEST = "a"', 'STAMPELTEST = "b"'));
    utimesSync(fil, 1_700_000_000, 1_700_000_000);
    expect([statSync(fil).size, statSync(fil).mtimeMs, statSync(fil).ino]).toEqual([fore.size, fore.mtimeMs, fore.ino]);
    expect(finsam(k, ["--version"]).stderr).toContain("källorna hashade");
    const nya = bundlar(k).filter((b) => b !== `finsam-cli-${hash}.cjs`);
    expect(nya).toHaveLength(1);
    expect(readFileSync(join(cache(k), nya[0]!), "utf8")).toContain('STAMPELTEST = "b"');

    // A new source file: hashed (it is in no stamp).
    writeFileSync(join(k, "loaders", "ny_i_testet.ts"), "export const NY = 1;\n");
    expect(finsam(k, ["--version"]).stderr).toContain("källorna hashade");

    // A folder in the stamp's place: the command runs all the same.
    rmSync(join(k, "loaders", "ny_i_testet.ts"));
    vanta(2_100);
    mappIStallet(k, stampel, "källornas stämpel kunde inte skrivas");
  }, 120_000);

  it("keeps V8's code cache beside the bundle: written when missing or rejected, used at the next start, never an error", () => {
    const k = klon("c");
    const forsta = finsam(k, ["--version"]);
    expect(forsta.status, forsta.stderr).toBe(0);
    expect(forsta.stderr).toMatch(/kodcache saknas\n.*kodcache skriven/);
    const [bundle] = bundlar(k);
    const kodcache = join(cache(k), bundle!.replace(/\.cjs$/, ".kodcache"));
    const data = readFileSync(kodcache);
    expect(data.length).toBeGreaterThan(100_000);

    // The next start: V8 takes it, and it is not written again.
    const andra = finsam(k, ["--help"]);
    expect(andra.status).toBe(0);
    expect(andra.stderr).toContain("kodcache godtagen");
    expect(andra.stderr).not.toContain("kodcache skriven");
    expect(readFileSync(kodcache).equals(data)).toBe(true);

    // A run that needs the late packages, required from the bundle: read-excel-file (the xlsx
    // workbook), HiGHS (the protection of the participants' tables) and hyparquet-writer.
    const indata = join(tmp, "indata");
    mkdirSync(indata);
    for (const f of ["deltagare_sodra_dalarna.csv", "Forsorjningsmatt_Dalarna_2020-2025.xlsx"]) cpSync(join(ROT, "data", "exempel", f), join(indata, f));
    const ut = join(tmp, "ut");
    const run = finsam(k, ["run", indata, "--out", ut]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain("internt fel");
    expect(run.stderr).toContain("kodcache godtagen");
    for (const t of ["forsorjningsmatt", "insatser_nyckeltal"]) {
      expect(readFileSync(join(ut, `${t}.csv`), "utf8").split("\n").length, t).toBeGreaterThan(100);
      expect(existsSync(join(ut, `${t}.parquet`))).toBe(true);
    }
    // The writer thread ran from its bundle and wrote its code cache beside it; garbage there is
    // rejected and written anew, and the Parquet files are the same.
    const arbetarcache = join(cache(k), arbetare(bundle!).replace(/\.cjs$/, ".kodcache"));
    expect(readFileSync(arbetarcache).length).toBeGreaterThan(10_000);
    const parquet = readFileSync(join(ut, "forsorjningsmatt.parquet"));
    writeFileSync(arbetarcache, "skräp");
    const igen = finsam(k, ["run", indata, "--out", ut]);
    expect(igen.status, igen.stderr).toBe(0);
    expect(readFileSync(arbetarcache).length).toBeGreaterThan(10_000);
    expect(readFileSync(join(ut, "forsorjningsmatt.parquet")).equals(parquet)).toBe(true);

    // Garbage, and a valid code cache of another script: V8 rejects them, and the cache is written anew.
    for (const fel of [Buffer.from("skräp"), Buffer.alloc(0), new vm.Script("1 + 1").createCachedData()]) {
      writeFileSync(kodcache, fel);
      const r = finsam(k, ["--version"]);
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/kodcache avvisad\n.*kodcache skriven/);
      expect(readFileSync(kodcache).length).toBeGreaterThan(100_000);
      expect(finsam(k, ["--version"]).stderr).toContain("kodcache godtagen");
    }

    // A cache that cannot be written (here a folder in its place): the command runs all the same.
    mappIStallet(k, kodcache, "kodcachen kunde inte skrivas");
  }, 120_000);

  it("runs through tsx when node_modules/.cache cannot be written", () => {
    const k = klon("b");
    // A file where the cache folder would be: the bundle cannot be written.
    writeFileSync(join(k, "node_modules", ".cache"), "");
    expect(kor(k)).toMatch(/^\d+\.\d+\.\d+$/);
    expect(existsSync(join(k, ".finsam-build"))).toBe(false);
  }, 120_000);
});
