/**
 * Mätningen av SCB-indata i `npm run bench` (d i rapporten): en nationell BAS-statusfil och en
 * nationell folkmängdsfil (bench/scb-filer.ts), var och en ensam i en temporär katalog och
 * genom hela pipelinen i en egen barnprocess per körning, som helårsekvivalentfilen:
 * tid, värden/s, toppminne (maxRSS) och kvoten mot en ren d3-dsv-tolkning av samma text.
 *
 * Körs av bench.ts (utom med --utan-scb) eller för sig:
 *   npx tsx bench/scb-bench.ts [--runs N] [--fall bas,befolkning] [--cpu-prof] [--behall]
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { dsvFormat } from "d3-dsv";
import iconv from "iconv-lite";
import { median, SVARSMARKERING, type Krasch, type PipelineSvar } from "./gemensamt.ts";
import { SCB_FALL, skrivScbFil, type ScbFall } from "./scb-filer.ts";
import { sammanfatta, formateraProfil, type Profilsammanfattning } from "./sammanfatta-profil.ts";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const BARN_PIPELINE = fileURLToPath(new URL("./barn-pipeline.ts", import.meta.url));
const MIB = 2 ** 20;
const MB = 1e6;

/** Utdatafilen vars nivåer (kommun, förbund, län, riket) kontrolleras, och fallets regelprefix. */
const NIVAFIL: Readonly<Record<ScbFall, { fil: string; regel: string }>> = {
  bas: { fil: "arbetsmarknadsstatus.csv", regel: "bas" },
  befolkning: { fil: "befolkning.csv", regel: "befolkning" },
};

export interface Tider {
  readonly ms: number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

const tider = (t: number[]): Tider => ({ ms: t, median: median(t), min: Math.min(...t), max: Math.max(...t) });

export interface ScbResultat {
  readonly fall: ScbFall;
  readonly rubrik: string;
  readonly beskrivning: string;
  readonly byte: number;
  readonly dataRader: number;
  readonly perioder: number;
  readonly varden: number;
  readonly sha256: string;
  readonly genereringMs: number;
  readonly d3: Tider;
  readonly pipeline: Tider | undefined;
  readonly skriva: Tider | undefined;
  readonly process: Tider | undefined;
  readonly maxRssByte: number;
  readonly rssForeByte: number;
  readonly vardenPerSekund: number;
  readonly kvot: number;
  readonly svar: PipelineSvar | undefined;
  readonly kraschar: { korning: string; krasch: Krasch }[];
  readonly kontroller: { ok: boolean; text: string }[];
  readonly profil?: { fil: string; sammanfattning: Profilsammanfattning } | undefined;
}

export interface ScbAlternativ {
  readonly runs: number;
  readonly stackKb?: number | undefined;
  /** Katalog för en extra, profilerad körning (--cpu-prof); utan den ingen profil. */
  readonly profilkatalog?: string | undefined;
  readonly behall: boolean;
  readonly framsteg: (s: string) => void;
}

function korBarn(args: string[], nodeFlaggor: string[]): { svar: PipelineSvar | undefined; processMs: number; krasch: Krasch | undefined } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...nodeFlaggor, "--import", "tsx", BARN_PIPELINE, ...args], {
    cwd: REPO, encoding: "utf8", maxBuffer: 256 * MIB, timeout: 30 * 60_000,
  });
  const processMs = performance.now() - t0;
  const rad = (r.stdout ?? "").split("\n").find((l) => l.startsWith(SVARSMARKERING));
  const svar = rad === undefined ? undefined : (JSON.parse(rad.slice(SVARSMARKERING.length)) as PipelineSvar);
  let krasch = svar?.krasch;
  if (!svar) {
    const orsak = r.error ? r.error.message : r.signal ? `avbröts av signal ${r.signal}` : `avslutades med status ${r.status}`;
    krasch = { namn: "Barnprocess", meddelande: `${orsak} utan svar`, stack: (r.stderr ?? "").split("\n").slice(-12).join("\n") };
  }
  return { svar, processMs, krasch };
}

export function matScb(fall: ScbFall, alt: ScbAlternativ): ScbResultat {
  const { rubrik } = SCB_FALL[fall];
  alt.framsteg(`d) ${rubrik}: genererar filen`);
  const t0 = performance.now();
  const indata = skrivScbFil(fall);
  const genereringMs = performance.now() - t0;
  const varden = indata.dataRader * indata.perioder;
  const sha256 = createHash("sha256").update(indata.bytes).digest("hex");
  const utRot = mkdtempSync(join(tmpdir(), `finsam-bench-${fall}-ut-`));
  const nodeFlaggor = alt.stackKb === undefined ? [] : [`--stack-size=${alt.stackKb}`];

  // Ren tolkning: d3-dsv parseRows på den redan avkodade texten, som för helårsekvivalenterna.
  alt.framsteg(`d) ${rubrik}: d3-dsv parseRows`);
  const text = iconv.decode(readFileSync(indata.fil), "latin1");
  const d3t: number[] = [];
  let d3Rader: string[][] = [];
  for (let i = 0; i < alt.runs; i++) {
    const s = performance.now();
    d3Rader = dsvFormat(";").parseRows(text);
    d3t.push(performance.now() - s);
  }
  const bredd = indata.stubbar + indata.perioder;
  const tolkningOk = d3Rader.length === indata.dataRader + 2 && d3Rader.slice(1).every((r) => r.length === bredd);
  const tolkningRader = d3Rader.length;
  d3Rader = [];
  const d3 = tider(d3t);

  const kraschar: { korning: string; krasch: Krasch }[] = [];
  const lyckade: { svar: PipelineSvar; processMs: number }[] = [];
  for (let i = 0; i < alt.runs; i++) {
    alt.framsteg(`d) ${rubrik}: pipelinen, körning ${i + 1}/${alt.runs}`);
    const ut = join(utRot, `pipeline-${i + 1}`);
    const k = korBarn([indata.katalog, ut, NIVAFIL[fall].fil], nodeFlaggor);
    if (k.krasch) kraschar.push({ korning: `${fall} ${i + 1}`, krasch: k.krasch });
    else if (k.svar) lyckade.push({ svar: k.svar, processMs: k.processMs });
    rmSync(ut, { recursive: true, force: true });
  }
  let profil: ScbResultat["profil"];
  if (alt.profilkatalog) {
    alt.framsteg(`d) ${rubrik}: profilerad körning (räknas inte i medianerna)`);
    const katalog = join(alt.profilkatalog, fall);
    rmSync(katalog, { recursive: true, force: true });
    mkdirSync(katalog, { recursive: true });
    const k = korBarn([indata.katalog, join(utRot, "profil"), NIVAFIL[fall].fil], [...nodeFlaggor, "--cpu-prof", `--cpu-prof-dir=${katalog}`]);
    if (k.krasch) kraschar.push({ korning: `${fall} profil`, krasch: k.krasch });
    const filer = readdirSync(katalog).filter((f) => f.endsWith(".cpuprofile")).map((f) => join(katalog, f));
    const storst = filer.sort((a, b) => statSync(b).size - statSync(a).size)[0];
    if (storst) profil = { fil: storst, sammanfattning: sammanfatta(storst, 15) };
  }

  const pipeline = lyckade.length > 0 ? tider(lyckade.map((k) => k.svar.pipelineMs + k.svar.skrivMs)) : undefined;
  const skriva = lyckade.length > 0 ? tider(lyckade.map((k) => k.svar.skrivMs)) : undefined;
  const processT = lyckade.length > 0 ? tider(lyckade.map((k) => k.processMs)) : undefined;
  const maxRssByte = median(lyckade.map((k) => k.svar.maxRssByte));
  const rssForeByte = median(lyckade.map((k) => k.svar.rssForeByte));
  const svar = lyckade[0]?.svar;

  const kontroller: { ok: boolean; text: string }[] = [];
  const kontroll = (ok: boolean, t: string) => kontroller.push({ ok, text: `${fall}: ${t}` });
  kontroll(tolkningOk, `d3-dsv läser ${tolkningRader} rader (titel + rubrik + ${indata.dataRader} datarader), alla ${bredd} fält breda`);
  kontroll(kraschar.length === 0, kraschar.length === 0 ? "ingen körning kraschade" : `${kraschar.length} körning(ar) kraschade: ${kraschar.map((k) => `${k.krasch.namn}: ${k.krasch.meddelande}`).join("; ")}`);
  kontroll(lyckade.length === alt.runs, `${lyckade.length} av ${alt.runs} pipelinekörningar gav svar`);
  if (svar) {
    kontroll(svar.fynd.fel === 0, `pipelinen rapporterar ${svar.fynd.fel} fel (väntat 0)${svar.forstaFel.length ? `: ${svar.forstaFel.join(" | ")}` : ""}`);
    const summa = svar.regler[`${NIVAFIL[fall].regel}.summa`] ?? 0;
    kontroll(svar.fynd.varning === 0, `${svar.fynd.varning} varningar, varav ${summa} summavarningar (${NIVAFIL[fall].regel}.summa; väntat 0: filen är konsistent)`);
    const storlek = svar.utdata[NIVAFIL[fall].fil] ?? 0;
    kontroll(storlek > 1000, `${NIVAFIL[fall].fil}: ${(storlek / MIB).toFixed(1)} MiB`);
    for (const [niva, koder] of [["kommun", 290], ["forbund", undefined], ["lan", 21], ["riket", 1]] as const) {
      const rader = svar.nivaer?.rader[niva] ?? 0;
      const antal = svar.nivaer?.koder[niva] ?? 0;
      kontroll(rader > 0 && (koder === undefined || antal === koder), `nivå ${niva}: ${rader} rader, ${antal} kod${antal === 1 ? "" : "er"}${koder === undefined ? "" : ` (väntat ${koder})`}`);
    }
  }

  if (alt.behall) alt.framsteg(`d) ${rubrik}: indata behålls i ${indata.katalog}, utdata i ${utRot}`);
  else {
    rmSync(indata.katalog, { recursive: true, force: true });
    rmSync(utRot, { recursive: true, force: true });
  }
  const sek = (pipeline?.median ?? Number.NaN) / 1000;
  return {
    fall, rubrik, beskrivning: indata.beskrivning, byte: indata.bytes.length, dataRader: indata.dataRader, perioder: indata.perioder,
    varden, sha256, genereringMs, d3, pipeline, skriva, process: processT, maxRssByte, rssForeByte,
    vardenPerSekund: varden / sek, kvot: (pipeline?.median ?? Number.NaN) / d3.median, svar, kraschar, kontroller, profil,
  };
}

// ---------------------------------------------------------------- rapport

const tal = (x: number, decimaler = 0) =>
  Number.isFinite(x) ? x.toLocaleString("sv-SE", { minimumFractionDigits: decimaler, maximumFractionDigits: decimaler }) : "–";
const ms = (x: number) => (!Number.isFinite(x) ? "–" : x >= 10_000 ? `${tal(x / 1000, 1)} s` : x >= 100 ? `${tal(x)} ms` : `${tal(x, 1)} ms`);
const mib = (byte: number) => (byte < MIB ? `${tal(byte / 1024, 1)} KiB` : `${tal(byte / MIB, byte >= 100 * MIB ? 0 : 1)} MiB`);
const kol = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const hkol = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

export function formateraScb(resultat: readonly ScbResultat[], runs: number): string[] {
  const ut: string[] = [];
  ut.push(`d) SCB-indata, var fil ensam genom hela pipelinen (runPipeline + writeOutputs, egen barnprocess per körning, median av ${runs})`);
  for (const r of resultat) {
    ut.push(`  ${r.rubrik}: ${mib(r.byte)} (${tal(r.byte / MB, 1)} MB), ${tal(r.dataRader)} datarader (${r.beskrivning}) x ${r.perioder} perioder = ${tal(r.varden)} värden; sha256 ${r.sha256.slice(0, 16)}…`);
  }
  ut.push(`  ${kol("", 28)}${hkol("d3-dsv", 10)}${hkol("pipeline", 11)}${hkol("min", 9)}${hkol("max", 9)}${hkol("process", 10)}${hkol("värden/s", 12)}${hkol("MB/s", 7)}${hkol("maxRSS", 11)}${hkol("x fil", 7)}${hkol("kvot", 7)}`);
  for (const r of resultat) {
    const p = r.pipeline;
    ut.push(`  ${kol(r.fall === "bas" ? "BAS arbetsmarknadsstatus" : "folkmängd", 28)}${hkol(ms(r.d3.median), 10)}${hkol(p ? ms(p.median) : "–", 11)}${hkol(p ? ms(p.min) : "–", 9)}${hkol(p ? ms(p.max) : "–", 9)}${hkol(r.process ? ms(r.process.median) : "–", 10)}${hkol(tal(r.vardenPerSekund), 12)}${hkol(p ? tal(r.byte / MB / (p.median / 1000), 2) : "–", 7)}${hkol(mib(r.maxRssByte), 11)}${hkol(tal(r.maxRssByte / r.byte), 7)}${hkol(`${tal(r.kvot)} x`, 7)}`);
  }
  for (const r of resultat) {
    if (r.svar) ut.push(`  utdata ${r.fall}: ${Object.entries(r.svar.utdata).filter(([, b]) => b > 1000).map(([n, b]) => `${n} ${mib(b)}`).join(", ")}; writeOutputs ${ms(r.skriva?.median ?? Number.NaN)}`);
  }
  ut.push("  (pipeline = tid inne i barnet; process = inklusive start av node och tsx; kvot = pipeline / d3-dsv parseRows)");
  for (const r of resultat) {
    if (!r.profil) continue;
    ut.push("", `  Profil, ${r.rubrik}:`, ...formateraProfil(r.profil.sammanfattning).split("\n").map((l) => `  ${l}`));
    ut.push(`  (${r.profil.fil})`);
  }
  return ut;
}

// ---------------------------------------------------------------- för sig

function korsDirekt(): boolean {
  const skript = process.argv[1];
  return skript !== undefined && resolve(skript) === fileURLToPath(import.meta.url);
}

if (korsDirekt()) {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      fall: { type: "string", default: "bas,befolkning" },
      "stack-size": { type: "string" },
      "cpu-prof": { type: "boolean", default: false },
      behall: { type: "boolean", default: false },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  const fall = values.fall.split(",").map((f) => f.trim()) as ScbFall[];
  if (!Number.isInteger(runs) || runs < 1 || fall.some((f) => !(f in SCB_FALL))) {
    console.error("användning: scb-bench.ts [--runs N] [--fall bas,befolkning] [--stack-size KB] [--cpu-prof] [--behall]");
    process.exit(2);
  }
  const profilkatalog = values["cpu-prof"] ? join(REPO, ".finsam-build", "bench", "profil-scb") : undefined;
  const resultat = fall.map((f) => matScb(f, {
    runs, stackKb: values["stack-size"] === undefined ? undefined : Number(values["stack-size"]), profilkatalog, behall: values.behall,
    framsteg: (s) => process.stderr.write(`  … ${s}\n`),
  }));
  for (const rad of formateraScb(resultat, runs)) console.log(rad);
  console.log("Kontroller");
  const kontroller = resultat.flatMap((r) => r.kontroller);
  for (const k of kontroller) console.log(`  ${k.ok ? "ok  " : "FEL "} ${k.text}`);
  if (!kontroller.every((k) => k.ok)) process.exitCode = 1;
}
