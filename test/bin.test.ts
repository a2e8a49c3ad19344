/**
 * bin/finsam.js runs the CLI from one esbuild bundle of loaders/. The bundle lives in
 * node_modules/.cache/finsam/, never in the source tree or dist/, and its name is a hash of its
 * sources: the same sources give the same file, byte for byte.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROT = fileURLToPath(new URL("..", import.meta.url));
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

const bundlar = (k: string): string[] => {
  const c = join(k, "node_modules", ".cache", "finsam");
  return existsSync(c) ? readdirSync(c).filter((f) => f.endsWith(".cjs")).sort() : [];
};
const kor = (k: string) => execFileSync(process.execPath, [join(k, "bin", "finsam.js"), "--version"], { encoding: "utf8", env: { ...process.env, FINSAM_TSX: "" } }).trim();

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
    const bytes = readFileSync(join(k, "node_modules", ".cache", "finsam", forsta!));

    // Built again from nothing: the same name and the same bytes.
    rmSync(join(k, "node_modules", ".cache"), { recursive: true });
    kor(k);
    expect(bundlar(k)).toEqual([forsta]);
    expect(readFileSync(join(k, "node_modules", ".cache", "finsam", forsta!)).equals(bytes)).toBe(true);

    // A changed source, whatever its time stamp: a new bundle that holds the change.
    const fil = join(k, "loaders", "cli.ts");
    writeFileSync(fil, `${readFileSync(fil, "utf8")}\n// ändrad\nexport const ANDRAD_I_TESTET = 1;\n`);
    kor(k);
    const nya = bundlar(k).filter((f) => f !== forsta);
    expect(nya).toHaveLength(1);
    expect(readFileSync(join(k, "node_modules", ".cache", "finsam", nya[0]!), "utf8")).toContain("ANDRAD_I_TESTET");

    // A changed site component that the report bundles (src/components/styrelserapport.ts): also a new bundle.
    const komponent = join(k, "src", "components", "styrelserapport.ts");
    writeFileSync(komponent, `${readFileSync(komponent, "utf8")}\nexport const KOMPONENT_ANDRAD = "i testet";\n`);
    kor(k);
    expect(bundlar(k).filter((f) => f !== forsta && f !== nya[0])).toHaveLength(1);
  }, 120_000);

  it("runs through tsx when node_modules/.cache cannot be written", () => {
    const k = klon("b");
    // A file where the cache folder would be: the bundle cannot be written.
    writeFileSync(join(k, "node_modules", ".cache"), "");
    expect(kor(k)).toMatch(/^\d+\.\d+\.\d+$/);
    expect(existsSync(join(k, ".finsam-build"))).toBe(false);
  }, 120_000);
});
