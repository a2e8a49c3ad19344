/**
 * The swap of a new site into dist/ (scripts/utkatalog.ts): dist is a link to a finished
 * version, switched by one rename, so a build killed anywhere leaves dist/ whole (the old site,
 * or the new one once the link is switched); the next build removes what a killed build left;
 * a dist/ that links elsewhere is refused; one build at a time per output folder.
 *
 * The builds here are test/helpers/utkatalog-bygge.ts: the swap code of the real build with a
 * made-up site instead of the pipeline and Framework (test/bygg.test.ts runs the real build).
 * Each is killed with its whole process group (as Ctrl-C or the OOM killer would).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { UtkatalogFel } from "../scripts/utkatalog.ts";
import { byggWebbplats } from "./helpers/utkatalog-bygge.ts";

const ROT = fileURLToPath(new URL("../", import.meta.url));
const TSX = join(ROT, "node_modules", ".bin", "tsx");
const BYGGE = join(ROT, "test", "helpers", "utkatalog-bygge.ts");
const ANTAL = 200;

const tmp = mkdtempSync(join(tmpdir(), "finsam-utkatalog-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const ny = () => join(tmp, `fall-${++n}`);

interface Korning {
  barn: ChildProcess;
  stdout: string;
  stderr: string;
  slut: Promise<number | null>;
}

function starta(dist: string, etikett: string, env: Record<string, string> = {}, program = BYGGE, argument = [dist, etikett, String(ANTAL)]): Korning {
  const barn = spawn(TSX, [program, ...argument], { cwd: ROT, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const k: Korning = { barn, stdout: "", stderr: "", slut: new Promise((klar) => barn.on("close", (kod) => klar(kod))) };
  barn.stdout!.on("data", (d: Buffer) => (k.stdout += d.toString()));
  barn.stderr!.on("data", (d: Buffer) => (k.stderr += d.toString()));
  return k;
}

/** A build in this process (the same code as the killed ones): exit code and what it printed. */
async function bygg(dist: string, etikett: string): Promise<{ kod: number; stdout: string; stderr: string }> {
  let stdout = "";
  const logg = vi.spyOn(console, "log").mockImplementation((...t: unknown[]) => void (stdout += `${t.join(" ")}\n`));
  try {
    await byggWebbplats(dist, etikett, ANTAL);
    return { kod: 0, stdout, stderr: "" };
  } catch (fel) {
    if (!(fel instanceof UtkatalogFel)) throw fel;
    return { kod: 1, stdout, stderr: `Bygget misslyckades: ${fel.message}\n` };
  } finally {
    logg.mockRestore();
  }
}

/** Kills the build's whole process group at the named point. */
async function dodaVid(dist: string, etikett: string, punkt: string): Promise<void> {
  const k = starta(dist, etikett, { FINSAM_BYGG_TESTPAUS: punkt });
  await new Promise<void>((klar, fel) => {
    const t = setInterval(() => {
      if (k.stderr.includes(`TESTPAUS ${punkt}`)) {
        clearInterval(t);
        klar();
      } else if (k.barn.exitCode !== null) {
        clearInterval(t);
        fel(new Error(`the build ended before ${punkt}: ${k.stderr}`));
      }
    }, 20);
  });
  process.kill(-k.barn.pid!, "SIGKILL");
  await k.slut;
  await gruppenBorta(k.barn.pid!);
}

/**
 * Waits until every process of the killed group is gone. The build runs as a grandchild (tsx
 * starts node); the direct child can be reaped while the grandchild, on a loaded machine, is
 * still tearing down and holds the lock for a moment longer.
 */
async function gruppenBorta(pgid: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((klar) => setTimeout(klar, 20));
  }
}

/** Kills the build's process group after `ms` milliseconds (or lets it finish first). */
async function dodaEfter(dist: string, etikett: string, ms: number): Promise<void> {
  const k = starta(dist, etikett);
  await new Promise((klar) => setTimeout(klar, ms));
  try {
    process.kill(-k.barn.pid!, "SIGKILL");
  } catch {
    // already done
  }
  await k.slut;
  await gruppenBorta(k.barn.pid!);
}

/** Which site dist shows: its label when every file is there and of one build, else what is wrong. */
function webbplats(dist: string): string {
  if (!existsSync(join(dist, "index.html"))) return existsSync(dist) ? "ofullständig (ingen index.html)" : "saknas";
  const etikett = /<p>(.*)<\/p>/.exec(readFileSync(join(dist, "index.html"), "utf8"))?.[1] ?? "?";
  for (let i = 0; i < ANTAL; i++) {
    const fil = join(dist, "_file", `f${i}.txt`);
    if (!existsSync(fil) || readFileSync(fil, "utf8") !== `${etikett} ${i}\n`) return `ofullständig (_file/f${i}.txt)`;
  }
  return etikett;
}

/** What is left in the versions folder and next to dist, besides the version dist shows. */
function rester(dist: string): string[] {
  const versioner = join(dist, "..", ".dist-versioner");
  const aktuell = lstatSync(dist).isSymbolicLink() ? readlinkSync(dist).split("/").pop() : undefined;
  const iVersioner = existsSync(versioner) ? readdirSync(versioner).filter((f) => f !== aktuell).map((f) => `.dist-versioner/${f}`) : [];
  return [...iVersioner, ...readdirSync(join(dist, "..")).filter((f) => f !== "dist" && f !== ".dist-versioner")];
}

describe("dist/ is a link to a finished version", () => {
  it("the first build makes the link, the next switches it, and only the current version is kept", async () => {
    const dist = join(ny(), "dist");
    expect((await bygg(dist, "ett")).kod).toBe(0);
    expect(lstatSync(dist).isSymbolicLink()).toBe(true);
    expect(readlinkSync(dist)).toMatch(/^\.dist-versioner\/\d{8}T\d{6}-\d+-\d+$/);
    expect(webbplats(dist)).toBe("ett");
    const forsta = readlinkSync(dist);
    expect((await bygg(dist, "två")).kod).toBe(0);
    expect(webbplats(dist)).toBe("två");
    expect(readlinkSync(dist)).not.toBe(forsta);
    expect(rester(dist)).toEqual([]);
  });

  it("a dist/ folder from an older build becomes a link to the same files", async () => {
    const dist = join(ny(), "dist");
    expect((await bygg(dist, "gammal")).kod).toBe(0);
    const kopia = join(dist, "..", "kopia");
    cpSync(dist + "/", kopia, { recursive: true });
    rmSync(dist);
    rmSync(join(dist, "..", ".dist-versioner"), { recursive: true });
    cpSync(kopia + "/", dist, { recursive: true });
    rmSync(kopia, { recursive: true });
    expect(lstatSync(dist).isDirectory()).toBe(true);
    const r = await bygg(dist, "ny");
    expect(r.kod, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/är nu en länk till \.dist-versioner\//);
    expect(webbplats(dist)).toBe("ny");
    expect(rester(dist)).toEqual([]);
  });

  it("the older builds' .dist-ny-<pid> and .dist-old-<pid> folders are removed when their process is gone", async () => {
    const dist = join(ny(), "dist");
    for (const namn of [".dist-ny-999999999", ".dist-old-999999999"]) {
      mkdirSync(join(dist, "..", namn, "_file"), { recursive: true });
      writeFileSync(join(dist, "..", namn, "index.html"), "gammalt");
    }
    expect((await bygg(dist, "ett")).kod).toBe(0);
    expect(rester(dist)).toEqual([]);
  });
});

describe("a build killed anywhere leaves dist/ whole, and the next build cleans up", () => {
  for (const punkt of ["efter-las", "under-bygge", "fore-klar", "fore-byte", "efter-byte"]) {
    it(`killed at ${punkt}`, async () => {
      const dist = join(ny(), "dist");
      expect((await bygg(dist, "gammal")).kod).toBe(0);
      await dodaVid(dist, "ny", punkt);
      expect(webbplats(dist)).toBe(punkt === "efter-byte" ? "ny" : "gammal");
      expect(rester(dist).length, "what the killed build left").toBeGreaterThan(0);
      const r = await bygg(dist, "nästa");
      expect(r.kod, r.stderr).toBe(0);
      expect(webbplats(dist)).toBe("nästa");
      expect(rester(dist)).toEqual([]);
    });
  }

  it("killed between the two renames that make an older dist/ folder a link: the next build puts the link back", async () => {
    const dist = join(ny(), "dist");
    expect((await bygg(dist, "gammal")).kod).toBe(0);
    const kopia = join(dist, "..", "kopia");
    cpSync(dist + "/", kopia, { recursive: true });
    rmSync(dist);
    rmSync(join(dist, "..", ".dist-versioner"), { recursive: true });
    cpSync(kopia + "/", dist, { recursive: true });
    rmSync(kopia, { recursive: true });
    await dodaVid(dist, "ny", "mitt-i-flytt");
    // The one moment dist is away: the old site is whole in .dist-versioner, named in the journal.
    expect(existsSync(dist)).toBe(false);
    const journal = readFileSync(join(dist, "..", ".dist-versioner", "flytt"), "utf8");
    expect(webbplats(join(dist, "..", ".dist-versioner", journal))).toBe("gammal");
    // A build that then fails still puts the old site back first.
    const las = join(dist, "..", ".dist-versioner", "las");
    expect(existsSync(las)).toBe(true); // left by the killed build; its process is gone
    const r = await bygg(dist, "nästa");
    expect(r.kod, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Lade tillbaka/);
    expect(webbplats(dist)).toBe("nästa");
    expect(rester(dist)).toEqual([]);
  });

  it("killed at random moments, dist/ is always one whole site", async () => {
    const dist = join(ny(), "dist");
    expect((await bygg(dist, "v0")).kod).toBe(0);
    // A fixed sequence of moments, spread over the build's start, its writing and the swap.
    const ogonblick = [200, 500, 800, 1100, 1500, 2000, 3000];
    for (const [i, ms] of ogonblick.entries()) {
      await dodaEfter(dist, `v${i + 1}`, ms);
      const visad = webbplats(dist);
      expect(visad, `killed after ${ms} ms`).toMatch(/^v\d+$/);
    }
    const r = await bygg(dist, "sist");
    expect(r.kod, r.stderr).toBe(0);
    expect(webbplats(dist)).toBe("sist");
    expect(rester(dist)).toEqual([]);
  }, 120_000);
});

describe("a dist/ that is a link made by someone else", () => {
  it("is refused with a message that says what to do; the link and its target are untouched", async () => {
    const katalog = ny();
    const webbrot = join(katalog, "www", "finsam");
    mkdirSync(webbrot, { recursive: true });
    writeFileSync(join(webbrot, "index.html"), "webbserverns sida");
    const dist = join(katalog, "dist");
    symlinkSync(webbrot, dist);
    const r = await bygg(dist, "ny");
    expect(r.kod).toBe(1);
    expect(r.stderr).toContain(`är en symbolisk länk till ${webbrot}, som bygget inte har lagt dit`);
    expect(r.stderr).toContain(`FINSAM_DIST=${webbrot}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readlinkSync(dist)).toBe(webbrot);
    expect(readdirSync(webbrot)).toEqual(["index.html"]);
    expect(readFileSync(join(webbrot, "index.html"), "utf8")).toBe("webbserverns sida");
    // Built there directly, the web root becomes the link, switched atomically from then on.
    expect((await bygg(webbrot, "ny")).kod).toBe(0);
    expect(webbplats(webbrot)).toBe("ny");
    expect(webbplats(dist)).toBe("ny");
  });
});

describe("one build at a time per output folder", () => {
  it("a second build into the same dist/ stops at once while the first runs, and neither half-writes", async () => {
    const dist = join(ny(), "dist");
    expect((await bygg(dist, "gammal")).kod).toBe(0);
    const forsta = starta(dist, "forsta", { FINSAM_BYGG_TESTPAUS: "fore-byte", FINSAM_BYGG_TESTPAUS_MS: "1500" });
    while (!forsta.stderr.includes("TESTPAUS fore-byte")) await new Promise((klar) => setTimeout(klar, 20));
    const andra = await bygg(dist, "andra");
    expect(andra.kod).toBe(1);
    expect(andra.stderr).toMatch(new RegExp(`Ett annat bygge till .*dist pågår redan \\(process \\d+, testbygget forsta`));
    expect(await forsta.slut).toBe(0);
    expect(webbplats(dist)).toBe("forsta");
    expect(rester(dist)).toEqual([]);
  });
});
