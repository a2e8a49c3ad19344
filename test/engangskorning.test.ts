// One pipeline run shared by all data loaders (loaders/publish/engangskorning.ts, issue 10:
// "in npm run dev the whole pipeline runs once per data loader (16 times)"): the loaders of one
// Framework session, each a process of its own, run the pipeline once; the result is reused as
// long as the inputs' content is the same, and only then.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { indatanyckel, korEnGang } from "../loaders/publish/engangskorning.ts";

const tmp = mkdtempSync(join(tmpdir(), "finsam-engang-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const ny = () => join(tmp, `fall-${++n}`);

describe("en körning för alla dataladdare", () => {
  it("16 dataladdare samtidigt: pipelinen körs en gång och alla får samma katalog", async () => {
    const bas = ny();
    let korningar = 0;
    const kor = async (ut: string) => {
      korningar++;
      await new Promise((klar) => setTimeout(klar, 100));
      mkdirSync(ut, { recursive: true });
      writeFileSync(join(ut, "helarsekvivalenter.csv"), "niva,kod\n");
    };
    const kataloger = await Promise.all(Array.from({ length: 16 }, () => korEnGang({ bas, nyckel: "abc", kor })));
    expect(korningar).toBe(1);
    expect(new Set(kataloger)).toEqual(new Set([join(bas, "abc")]));
    expect(readFileSync(join(bas, "abc", "helarsekvivalenter.csv"), "utf8")).toBe("niva,kod\n");
    // A later loader of the same session (same inputs) reuses it.
    await korEnGang({ bas, nyckel: "abc", kor });
    expect(korningar).toBe(1);
    expect(existsSync(join(bas, "abc.las"))).toBe(false);
  });

  it("dataladdare i egna processer (som Frameworks) delar en körning", async () => {
    const bas = ny();
    const logg = join(tmp, `logg-${n}`);
    writeFileSync(logg, "");
    const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
    const barn = fileURLToPath(new URL("./helpers/engangskorning-barn.ts", import.meta.url));
    const kor = () =>
      new Promise<string>((klar, fel) => {
        const p = spawn(tsx, [barn, bas, "k1", logg], { stdio: ["ignore", "pipe", "inherit"] });
        let ut = "";
        p.stdout.on("data", (d: Buffer) => (ut += d));
        p.on("close", (kod) => (kod === 0 ? klar(ut) : fel(new Error(`barnet avslutades med ${kod}`))));
      });
    const kataloger = await Promise.all([kor(), kor(), kor(), kor()]);
    const pider = readFileSync(logg, "utf8").trim().split("\n");
    expect(pider).toHaveLength(1);
    expect(new Set(kataloger)).toEqual(new Set([join(bas, "k1")]));
    expect(readFileSync(join(bas, "k1", "resultat.txt"), "utf8")).toBe(pider[0]);
  });

  it("misslyckas körningen blir inget markerat klart och nästa dataladdare försöker igen", async () => {
    const bas = ny();
    await expect(korEnGang({ bas, nyckel: "x", kor: async () => Promise.reject(new Error("pipelinen avvisade indata")) })).rejects.toThrow(
      "pipelinen avvisade indata",
    );
    expect(existsSync(join(bas, "x.las"))).toBe(false);
    let korningar = 0;
    await korEnGang({ bas, nyckel: "x", kor: async (ut) => void (korningar++, mkdirSync(ut, { recursive: true })) });
    expect(korningar).toBe(1);
  });

  it("ett lås efter en process som har dött tas över", async () => {
    const bas = ny();
    const dod = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    mkdirSync(join(bas, "y.las"), { recursive: true });
    writeFileSync(join(bas, "y.las", "pid"), dod.stdout);
    let korningar = 0;
    const ut = await korEnGang({ bas, nyckel: "y", kor: async (k) => void (korningar++, mkdirSync(k, { recursive: true })), maxVantan: 10_000 });
    expect(korningar).toBe(1);
    expect(existsSync(join(ut, ".klar"))).toBe(true);
  });

  it("ett lås som en levande process håller väntar man på, högst maxVantan", async () => {
    const bas = ny();
    mkdirSync(join(bas, "z.las"), { recursive: true });
    writeFileSync(join(bas, "z.las", "pid"), String(process.pid));
    await expect(korEnGang({ bas, nyckel: "z", kor: async () => {}, maxVantan: 200 })).rejects.toThrow(/väntade för länge på pipelinen/);
  });
});

describe("nyckeln är indatans innehåll", () => {
  const katalog = ny();
  mkdirSync(join(katalog, "under"), { recursive: true });
  const fil = join(katalog, "under", "helarsekvivalenter.csv");
  writeFileSync(fil, "kommun;2025M01\n2080;100\n");
  writeFileSync(join(katalog, ".dold"), "x");
  const forst = indatanyckel([katalog]);

  it("en fil med nytt innehåll men samma storlek och tid ger en ny körning", () => {
    const { atime, mtime } = statSync(fil);
    writeFileSync(fil, "kommun;2025M01\n2080;101\n");
    utimesSync(fil, atime, mtime);
    expect(indatanyckel([katalog])).not.toBe(forst);
    writeFileSync(fil, "kommun;2025M01\n2080;100\n");
    expect(indatanyckel([katalog])).toBe(forst);
  });

  it("en fil som bara fått ny tid, eller en punktfil, ger samma körning", () => {
    utimesSync(fil, new Date(2001, 0, 1), new Date(2001, 0, 1));
    writeFileSync(join(katalog, ".dold"), "y");
    expect(indatanyckel([katalog])).toBe(forst);
  });

  it("en ny fil, ett nytt filnamn eller en annan katalog ger en ny körning", () => {
    writeFileSync(join(katalog, "ny.csv"), "");
    expect(indatanyckel([katalog])).not.toBe(forst);
    rmSync(join(katalog, "ny.csv"));
    expect(indatanyckel([katalog])).toBe(forst);
    expect(indatanyckel([katalog, join(katalog, "under")])).not.toBe(forst);
  });
});
