/**
 * Målen i issue 10, mätta sida vid sida i samma körning (bench.ts avsnitt "Mål"): hela
 * processer, från start till avslut, i omväxlande ordning runda för runda, så att lasten på en
 * delad maskin drabbar alla lika:
 *
 * - `finsam run` på den nationella helårsekvivalentfilen (bench/nationell-fil.ts);
 * - R-skriptet analytikerna använder i dag (`Rscript <shared>/peer/hek_r.R`), när Rscript finns;
 * - en ren d3-dsv-tolkning av samma fil i en egen process (bench/d3-tolkning.mjs);
 * - `finsam run` på den nationella BAS-statusfilen (bench/scb-filer.ts), och på folkmängdsfilen;
 * - samma två körningar med koden på `main` (eller `--jamfor REF`), utcheckad med `git archive`
 *   till en temporär katalog: dagens tid, mätt i samma körning.
 *
 * Före rundorna körs varje kommando en gång utan att räknas (uppvärmningen): den första
 * `finsam run` i en ny utcheckning bygger CLI:ns bunt och skriver dess kodcache (bin/finsam.js,
 * en gång per källversion), och varje kommandos första körning läser sitt program och sina paket
 * från disk. Rundorna mäter alltså det vanliga läget; uppvärmningens tider skrivs ut för sig.
 *
 * Toppminnet (maxRSS) tas med GNU time (`/usr/bin/time -f %M`) när det finns, annars genom att
 * läsa processens VmHWM i /proc var tionde millisekund. Utdata från den nya och den gamla koden
 * jämförs byte för byte: snabbare får inte betyda andra tal.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./gemensamt.ts";
import { skrivNationellFil } from "./nationell-fil.ts";
import { skrivScbFil } from "./scb-filer.ts";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const MIB = 2 ** 20;

export interface MalAlternativ {
  readonly runs: number;
  /** Git-referens för "dagens" kod (tom sträng: mät inte den). */
  readonly jamfor: string;
  readonly behall: boolean;
  readonly framsteg: (s: string) => void;
}

export interface Processmatning {
  readonly ms: number[];
  readonly medianMs: number;
  readonly rssByte: number[];
  readonly medianRssByte: number;
  readonly fel: string[];
}

export interface MalResultat {
  readonly runs: number;
  readonly rssKalla: "GNU time" | "/proc" | "saknas";
  readonly jamfor: { ref: string; commit: string } | undefined;
  readonly r: { skript: string } | undefined;
  readonly matningar: Record<string, Processmatning>;
  /** Each command's untimed first run (ms): for the first `finsam run` of a checkout, with the bundle's build. */
  readonly uppvarmningMs: Record<string, number>;
  readonly mal: { text: string; varde: number; grans: number; ok: boolean; enhet: "kvot" | "MiB" }[];
  readonly kontroller: { ok: boolean; text: string }[];
  /** The last round's outputs per command: each file's size in bytes, and the total. */
  readonly utdata: Record<string, { filer: { namn: string; byte: number }[]; byte: number }>;
}

interface Kommando {
  readonly namn: string;
  readonly cmd: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Runs after the command, e.g. to keep or remove its outputs. */
  readonly efter?: (runda: number) => void;
  /** Where the command writes its outputs (a folder or a file), for their sizes. */
  readonly utdata?: string;
}

const GNU_TIME = ["/usr/bin/time", "/bin/time"].find((p) => {
  if (!existsSync(p)) return false;
  const r = spawnSync(p, ["-f", "%M", "true"], { encoding: "utf8" });
  return r.status === 0 && /^\d+\s*$/m.test(r.stderr);
});

/** Runs a whole process; its wall time and peak RSS. */
async function korProcess(k: Kommando): Promise<{ ms: number; rss: number; fel: string | undefined }> {
  const t0 = performance.now();
  if (GNU_TIME) {
    const r = spawnSync(GNU_TIME, ["-f", "FINSAM-RSS %M", k.cmd, ...k.args], { cwd: k.cwd, encoding: "utf8", maxBuffer: 64 * MIB, timeout: 30 * 60_000 });
    const ms = performance.now() - t0;
    const m = /FINSAM-RSS (\d+)\s*$/.exec(r.stderr ?? "");
    const fel = r.status === 0 ? undefined : `${k.namn}: status ${r.status}: ${(r.stderr ?? "").split("\n").filter((l) => !l.startsWith("FINSAM-RSS")).slice(-4).join(" | ")}`;
    return { ms, rss: m ? Number(m[1]) * 1024 : Number.NaN, fel };
  }
  return new Promise((losa) => {
    const barn = spawn(k.cmd, [...k.args], { cwd: k.cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let rss = Number.NaN;
    barn.stderr.on("data", (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000); });
    const las = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${barn.pid}/status`, "utf8"));
        if (m) rss = Number(m[1]) * 1024;
      } catch { /* exited */ }
    };
    const t = setInterval(las, 10);
    barn.on("exit", (code) => {
      clearInterval(t);
      const ms = performance.now() - t0;
      losa({ ms, rss, fel: code === 0 ? undefined : `${k.namn}: status ${code}: ${stderr.split("\n").slice(-4).join(" | ")}` });
    });
  });
}

/** The code at `ref` in a temporary folder (git archive: no worktree, no branch touched), with this checkout's node_modules. */
function checkaUt(ref: string): { katalog: string; commit: string } | undefined {
  const rev = spawnSync("git", ["rev-parse", "--verify", `${ref}^{commit}`], { cwd: REPO, encoding: "utf8" });
  if (rev.status !== 0) return undefined;
  const commit = rev.stdout.trim();
  const katalog = mkdtempSync(join(tmpdir(), "finsam-bench-jamfor-"));
  const arkiv = spawnSync("git", ["archive", "--format=tar", commit], { cwd: REPO, maxBuffer: 1024 * MIB });
  if (arkiv.status !== 0) return undefined;
  const tar = spawnSync("tar", ["-x", "-C", katalog], { input: arkiv.stdout });
  if (tar.status !== 0) return undefined;
  symlinkSync(join(REPO, "node_modules"), join(katalog, "node_modules"));
  return { katalog, commit };
}

/** The R peer script: `../shared/peer/hek_r.R` beside the checkout (or FINSAM_PEER). */
function hittaPeer(): string | undefined {
  const kandidater = [process.env.FINSAM_PEER, join(REPO, "..", "shared", "peer", "hek_r.R"), join(REPO, "..", "..", "shared", "peer", "hek_r.R")];
  return kandidater.find((p): p is string => p !== undefined && existsSync(p));
}

function harRscript(): boolean {
  return spawnSync("Rscript", ["--version"], { encoding: "utf8" }).status === 0;
}

function lika(a: string, b: string, hoppa: ReadonlySet<string>): { ok: boolean; text: string } {
  if (!existsSync(a) || !existsSync(b)) return { ok: false, text: "utdata saknas" };
  const filer = readdirSync(a).filter((f) => !hoppa.has(f)).sort();
  const andra = readdirSync(b).filter((f) => !hoppa.has(f)).sort();
  if (filer.join() !== andra.join()) return { ok: false, text: `olika filer: ${filer.join(", ")} / ${andra.join(", ")}` };
  const olika = filer.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  return olika.length === 0 ? { ok: true, text: `${filer.length} filer byte för byte lika` } : { ok: false, text: `skiljer: ${olika.join(", ")}` };
}

export async function matMal(alt: MalAlternativ): Promise<MalResultat> {
  const he = skrivNationellFil();
  const bas = skrivScbFil("bas");
  const bef = skrivScbFil("befolkning");
  const ut = mkdtempSync(join(tmpdir(), "finsam-bench-mal-ut-"));
  const jamfor = alt.jamfor === "" ? undefined : checkaUt(alt.jamfor);
  if (alt.jamfor !== "" && !jamfor) alt.framsteg(`hittar inte ${alt.jamfor}: dagens kod mäts inte`);
  const peer = harRscript() ? hittaPeer() : undefined;
  if (!peer) alt.framsteg("Rscript eller R-skriptet (../shared/peer/hek_r.R) saknas: R mäts inte");

  const finsam = (namn: string, cwd: string, indata: string): Kommando => ({
    namn, cmd: process.execPath, args: [join(cwd, "bin", "finsam.js"), "run", indata, "--out", join(ut, namn)], cwd, utdata: join(ut, namn),
  });
  const kommandon: Kommando[] = [
    { namn: "d3-dsv HE", cmd: process.execPath, args: [join(REPO, "bench", "d3-tolkning.mjs"), he.fil], cwd: REPO },
    ...(peer ? [{ namn: "R HE", cmd: "Rscript", args: [peer, he.fil, join(ut, "halvar_r.csv")], cwd: REPO, utdata: join(ut, "halvar_r.csv") }] : []),
    finsam("finsam HE", REPO, he.katalog),
    finsam("finsam BAS", REPO, bas.katalog),
    { namn: "d3-dsv BAS", cmd: process.execPath, args: [join(REPO, "bench", "d3-tolkning.mjs"), bas.fil], cwd: REPO },
    finsam("finsam befolkning", REPO, bef.katalog),
    ...(jamfor ? [finsam("dagens finsam HE", jamfor.katalog, he.katalog), finsam("dagens finsam BAS", jamfor.katalog, bas.katalog)] : []),
  ];
  const tider = new Map<string, { ms: number[]; rss: number[]; fel: string[] }>(kommandon.map((k) => [k.namn, { ms: [], rss: [], fel: [] }]));
  // The warm-up (see the top of this file): not counted, its errors are the rounds' to report.
  const uppvarmningMs: Record<string, number> = {};
  for (const k of kommandon) {
    alt.framsteg(`mål, uppvärmning (räknas inte): ${k.namn}`);
    uppvarmningMs[k.namn] = (await korProcess(k)).ms;
    if (k.utdata) rmSync(k.utdata, { recursive: true, force: true });
  }
  for (let runda = 0; runda < alt.runs; runda++) {
    // Rotate the order each round, so a burst of load on the machine falls on different commands.
    const ordning = kommandon.map((_, i) => kommandon[(i + runda) % kommandon.length]!);
    for (const k of ordning) {
      alt.framsteg(`mål, runda ${runda + 1}/${alt.runs}: ${k.namn}`);
      const sista = runda === alt.runs - 1;
      if (!sista) rmSync(join(ut, k.namn), { recursive: true, force: true });
      const r = await korProcess(k);
      const t = tider.get(k.namn)!;
      t.ms.push(r.ms);
      t.rss.push(r.rss);
      if (r.fel) t.fel.push(r.fel);
    }
  }
  const matningar: Record<string, Processmatning> = {};
  for (const [namn, t] of tider) {
    matningar[namn] = { ms: t.ms, medianMs: median(t.ms), rssByte: t.rss, medianRssByte: median(t.rss.filter((x) => Number.isFinite(x))), fel: t.fel };
  }
  const m = (namn: string) => matningar[namn];
  const mal: MalResultat["mal"] = [];
  const kvot = (text: string, a: string, b: string, grans: number) => {
    if (!m(a) || !m(b)) return;
    const varde = m(a)!.medianMs / m(b)!.medianMs;
    mal.push({ text, varde, grans, ok: varde <= grans, enhet: "kvot" });
  };
  const minne = (text: string, a: string, grans: number) => {
    if (!m(a)) return;
    const varde = m(a)!.medianRssByte / MIB;
    mal.push({ text, varde, grans, ok: varde <= grans, enhet: "MiB" });
  };
  kvot("helårsekvivalenter: finsam run / R-skriptet (högst 1/3)", "finsam HE", "R HE", 1 / 3);
  kvot("helårsekvivalenter: finsam run / ren d3-dsv-tolkning (högst 5)", "finsam HE", "d3-dsv HE", 5);
  minne("helårsekvivalenter: toppminne (högst 400 MiB)", "finsam HE", 400);
  kvot("BAS status: finsam run / dagens finsam run (högst 1/4)", "finsam BAS", "dagens finsam BAS", 1 / 4);
  minne("BAS status: toppminne (högst 1 GiB)", "finsam BAS", 1024);

  const utdata: MalResultat["utdata"] = {};
  for (const k of kommandon) {
    if (!k.utdata || !existsSync(k.utdata)) continue;
    const filer = statSync(k.utdata).isDirectory()
      ? readdirSync(k.utdata).sort().map((namn) => ({ namn, byte: statSync(join(k.utdata!, namn)).size }))
      : [{ namn: k.utdata.split("/").pop()!, byte: statSync(k.utdata).size }];
    utdata[k.namn] = { filer, byte: filer.reduce((s, f) => s + f.byte, 0) };
  }

  const kontroller: { ok: boolean; text: string }[] = [];
  for (const [namn, x] of Object.entries(matningar)) kontroller.push({ ok: x.fel.length === 0, text: x.fel.length === 0 ? `${namn}: ${x.ms.length} körningar utan fel` : `${namn}: ${x.fel[0]}` });
  if (jamfor) {
    // The validation report names the rules and wording of each version (this branch adds a
    // <regel>.inlast row per SCB file): compare the tables, in both formats.
    const hoppa = new Set(["datakvalitet.csv", "datakvalitet.parquet", "indatafiler.csv", "indatafiler.parquet"]);
    for (const [ny, gammal] of [["finsam HE", "dagens finsam HE"], ["finsam BAS", "dagens finsam BAS"]] as const) {
      const r = lika(join(ut, ny), join(ut, gammal), hoppa);
      kontroller.push({ ok: r.ok, text: `${ny} och ${gammal}: ${r.text}` });
    }
  }
  if (alt.behall) alt.framsteg(`indata: ${he.katalog}, ${bas.katalog}, ${bef.katalog}; utdata: ${ut}${jamfor ? `; dagens kod: ${jamfor.katalog}` : ""}`);
  else for (const k of [he.katalog, bas.katalog, bef.katalog, ut, ...(jamfor ? [jamfor.katalog] : [])]) rmSync(k, { recursive: true, force: true });
  return {
    runs: alt.runs, rssKalla: GNU_TIME ? "GNU time" : existsSync("/proc/self/status") ? "/proc" : "saknas",
    jamfor: jamfor ? { ref: alt.jamfor, commit: jamfor.commit } : undefined, r: peer ? { skript: resolve(peer) } : undefined,
    matningar, uppvarmningMs, mal, kontroller, utdata,
  };
}

const tal = (x: number, d = 0) => (Number.isFinite(x) ? x.toLocaleString("sv-SE", { minimumFractionDigits: d, maximumFractionDigits: d }) : "–");
const sek = (ms: number) => `${tal(ms / 1000, 2)} s`;
const kol = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const hkol = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

export function formateraMal(r: MalResultat): string[] {
  const ut = [`Mål (issue 10): hela processer sida vid sida, ${r.runs} rundor i växlande ordning; median, min–max; toppminne enligt ${r.rssKalla}`];
  if (r.jamfor) ut.push(`  "dagens" = ${r.jamfor.ref} (${r.jamfor.commit.slice(0, 10)}), utcheckad med git archive`);
  if (r.r) ut.push(`  R: ${r.r.skript}`);
  ut.push(`  ${kol("", 24)}${hkol("median", 10)}${hkol("min", 10)}${hkol("max", 10)}${hkol("toppminne", 12)}`);
  for (const [namn, m] of Object.entries(r.matningar)) {
    ut.push(`  ${kol(namn, 24)}${hkol(sek(m.medianMs), 10)}${hkol(sek(Math.min(...m.ms)), 10)}${hkol(sek(Math.max(...m.ms)), 10)}${hkol(`${tal(m.medianRssByte / MIB)} MiB`, 12)}`);
  }
  ut.push(`  uppvärmningen (en körning före rundorna, räknas inte): ${Object.entries(r.uppvarmningMs).map(([namn, ms]) => `${namn} ${sek(ms)}`).join(", ")}`);
  const mib = (b: number) => `${tal(b / MIB, 1)} MiB`;
  for (const [namn, u] of Object.entries(r.utdata)) {
    const csv = u.filer.filter((f) => f.namn.endsWith(".csv"));
    const parquet = u.filer.filter((f) => f.namn.endsWith(".parquet"));
    const storst = [...csv].sort((a, b) => b.byte - a.byte).slice(0, 3).map((f) => `${f.namn} ${mib(f.byte)}`).join(", ");
    ut.push(`  utdata ${namn}: ${mib(u.byte)}${parquet.length > 0 ? ` (CSV ${mib(csv.reduce((s, f) => s + f.byte, 0))}, Parquet ${mib(parquet.reduce((s, f) => s + f.byte, 0))})` : ""}; störst ${storst}`);
  }
  for (const m of r.mal) {
    const v = m.enhet === "kvot" ? tal(m.varde, 2) : `${tal(m.varde)} MiB`;
    const g = m.enhet === "kvot" ? tal(m.grans, 2) : `${tal(m.grans)} MiB`;
    ut.push(`  ${m.ok ? "uppnått  " : "EJ UPPNÅTT"} ${m.text}: ${v} (gräns ${g})`);
  }
  return ut;
}
