/**
 * `npm run bench`: prestandamätning av pipelinen på genererade nationella filer. Se
 * docs/prestanda.md.
 *
 * Först målen i issue 10 (bench/mal.ts): hela processer sida vid sida i samma körning —
 * `finsam run` på helårsekvivalenter och BAS, R-skriptet (när Rscript finns), en ren
 * d3-dsv-tolkning, och dagens kod (`main`, eller --jamfor REF) på samma filer — med kvoterna och
 * toppminnet mot målen, och en kontroll att ny och gammal kod ger samma utdata byte för byte.
 *
 * Med --detaljer också (median av N körningar, N = 3 om inte --runs N anges):
 *  a) ren tolkning i denna process: avkodning och d3-dsv `parseRows` var för sig;
 *  b) hela pipelinen, läsning till utdata (runPipeline + writeOutputs), i en egen barnprocess
 *     per körning: tid, MB/s, rader/s, värden/s och toppminne (maxRSS);
 *  c) kvoten pipeline / ren tolkning, och tid per steg (lågnivåfunktionerna i en egen
 *     barnprocess);
 *  d) samma mått för två nationella SCB-filer, var för sig genom hela pipelinen: BAS
 *     arbetsmarknadsstatus och folkmängd (scb-filer.ts, scb-bench.ts).
 * Skriver resultatet som JSON till .finsam-build/bench/resultat.json. Avslutas med status 1
 * när pipelinen kraschar, rapporterar fel eller ger ofullständiga utdata för den genererade
 * filen (mätningen kontrollerar alltså också att pipelinen klarar en nationell fil).
 *
 * Flaggor:
 *   --runs N          antal körningar (rundor) per mätning (standard 3)
 *   --jamfor REF      git-referens för "dagens" kod i målen (standard main; "" = mät inte)
 *   --detaljer        även a-d nedan (tar flera minuter till)
 *   --stack-size KB   kör barnprocesserna med node --stack-size=KB
 *   --cpu-prof        en extra, profilerad pipelinekörning; profilen sparas och sammanfattas
 *   --behall          behåll de temporära kataloger som indata och utdata skrivs till
 *   --utan-scb        hoppa över d) (BAS och folkmängd)
 *   --nationell       även den nationella utgåvan: npm run build på en påhittad nationell
 *                     datakatalog, alla förbund och ett (FINSAM_FORBUND); bench/nationell-bygge.ts
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { arch, availableParallelism, cpus, platform, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { getHeapStatistics } from "node:v8";
import { dsvFormat } from "d3-dsv";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { decode } from "../loaders/read/decode.ts";
import { ANTAL_MANADER, skrivNationellFil } from "./nationell-fil.ts";
import { median, SVARSMARKERING, type DelstegSvar, type Krasch, type PipelineSvar } from "./gemensamt.ts";
import { formateraProfil, sammanfatta, type Profilsammanfattning } from "./sammanfatta-profil.ts";
import { formateraScb, matScb, type ScbResultat } from "./scb-bench.ts";
import { formateraMal, matMal } from "./mal.ts";
import { formateraNationellt, matNationelltBygge } from "./nationell-bygge.ts";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const RESULTATKATALOG = join(REPO, ".finsam-build", "bench");
const BARN_PIPELINE = fileURLToPath(new URL("./barn-pipeline.ts", import.meta.url));
const BARN_DELSTEG = fileURLToPath(new URL("./barn-delsteg.ts", import.meta.url));
/** Stackstorlek (KiB) som kringgår stacköverskridandet i computeHelarsekvivalenter (se docs/prestanda.md). */
const KRINGGA_STACK_KB = 4000;
const MIB = 2 ** 20;
const MB = 1e6;

// ---------------------------------------------------------------- flaggor

const { values: flaggor } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    "stack-size": { type: "string" },
    "cpu-prof": { type: "boolean", default: false },
    behall: { type: "boolean", default: false },
    "utan-scb": { type: "boolean", default: false },
    jamfor: { type: "string", default: "main" },
    detaljer: { type: "boolean", default: false },
    nationell: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
});
if (flaggor.help) {
  console.log("npm run bench -- [--runs N] [--jamfor REF] [--detaljer] [--stack-size KB] [--cpu-prof] [--behall] [--utan-scb] [--nationell]   (se docs/prestanda.md, docs/nationell.md)");
  process.exit(0);
}
const N = Number(flaggor.runs);
if (!Number.isInteger(N) || N < 1) {
  console.error(`bench: --runs ska vara ett heltal 1 eller större, inte "${flaggor.runs}"`);
  process.exit(2);
}
let stackKb: number | undefined = flaggor["stack-size"] === undefined ? undefined : Number(flaggor["stack-size"]);
if (stackKb !== undefined && (!Number.isInteger(stackKb) || stackKb < 100)) {
  console.error(`bench: --stack-size ska vara ett heltal (KiB), inte "${flaggor["stack-size"]}"`);
  process.exit(2);
}

// ---------------------------------------------------------------- hjälp

const tal = (x: number, decimaler = 0) =>
  Number.isFinite(x) ? x.toLocaleString("sv-SE", { minimumFractionDigits: decimaler, maximumFractionDigits: decimaler }) : "–";
const ms = (x: number) => (x >= 10_000 ? `${tal(x / 1000, 1)} s` : x >= 100 ? `${tal(x)} ms` : `${tal(x, 1)} ms`);
const mib = (byte: number) => (byte < MIB ? `${tal(byte / 1024, 1)} KiB` : `${tal(byte / MIB, byte >= 100 * MIB ? 0 : 1)} MiB`);
const logg = (s = "") => process.stdout.write(`${s}\n`);
const framsteg = (s: string) => process.stderr.write(`  … ${s}\n`);

interface Matning {
  readonly namn: string;
  readonly ms: number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function mat(namn: string, f: () => unknown): Matning {
  const t: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return sammanstall(namn, t);
}

function sammanstall(namn: string, t: number[]): Matning {
  return { namn, ms: t, median: median(t), min: Math.min(...t), max: Math.max(...t) };
}

interface Barnkorning<S> {
  readonly svar: S | undefined;
  /** Tid från start till avslut av barnprocessen, inklusive start av node och tsx. */
  readonly processMs: number;
  readonly krasch: Krasch | undefined;
  readonly nodeFlaggor: string[];
}

function korBarn<S extends { krasch?: Krasch }>(skript: string, args: string[], extra: string[] = []): Barnkorning<S> {
  const nodeFlaggor = [...(stackKb === undefined ? [] : [`--stack-size=${stackKb}`]), ...extra];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...nodeFlaggor, "--import", "tsx", skript, ...args], {
    cwd: REPO, encoding: "utf8", maxBuffer: 256 * MIB, timeout: 30 * 60_000,
  });
  const processMs = performance.now() - t0;
  const rad = (r.stdout ?? "").split("\n").find((l) => l.startsWith(SVARSMARKERING));
  const svar = rad === undefined ? undefined : (JSON.parse(rad.slice(SVARSMARKERING.length)) as S);
  let krasch = svar?.krasch;
  if (!svar) {
    const orsak = r.error ? r.error.message : r.signal ? `avbröts av signal ${r.signal}` : `avslutades med status ${r.status}`;
    krasch = { namn: "Barnprocess", meddelande: `${orsak} utan svar`, stack: (r.stderr ?? "").split("\n").slice(-12).join("\n") };
  }
  return { svar, processMs, krasch, nodeFlaggor };
}

const arStackoverskridande = (k: Krasch | undefined) => k?.namn === "RangeError" && /call stack/i.test(k.meddelande);

// ---------------------------------------------------------------- maskin

const maskin = {
  node: process.version,
  v8: process.versions.v8,
  plattform: `${platform()} ${release()} ${arch()}`,
  karnor: availableParallelism(),
  cpu: cpus()[0]?.model ?? "okänd",
  minneByte: totalmem(),
  heapgransByte: getHeapStatistics().heap_size_limit,
};
logg(`Prestandamätning av finsam-analys (median av ${N} körning${N === 1 ? "" : "ar"})`);
logg(`Maskin: Node ${maskin.node}, ${maskin.plattform}, ${maskin.karnor} kärnor (${maskin.cpu}), ${tal(maskin.minneByte / 2 ** 30, 1)} GiB RAM, V8-heapgräns ${tal(maskin.heapgransByte / 2 ** 30, 1)} GiB`);
logg("Tiderna varierar ±30 % mellan körningar på delade maskiner: läs kvoterna, inte de absoluta talen.");
logg();

// ---------------------------------------------------------------- målen, sida vid sida

framsteg("målen: hela processer sida vid sida");
const mal = await matMal({ runs: N, jamfor: flaggor.jamfor, behall: flaggor.behall, framsteg });
for (const rad of formateraMal(mal)) logg(rad);
logg();
const detaljer = flaggor.detaljer;

// ---------------------------------------------------------------- indata

const tGen = performance.now();
const indata = skrivNationellFil();
const genMs = performance.now() - tGen;
const sha256 = createHash("sha256").update(indata.bytes).digest("hex");
const storlek = indata.bytes.length;
const varden = indata.dataRader * ANTAL_MANADER;
const utkatalogRot = mkdtempSync(join(tmpdir(), "finsam-bench-ut-"));
logg(`Indata (genererad på ${ms(genMs)}): ${indata.fil}`);
logg(`  ${mib(storlek)} (${tal(storlek / MB, 1)} MB), ${tal(indata.dataRader)} datarader (${indata.regioner} regioner x 3 kön x 9 innehåll) x ${ANTAL_MANADER} månader = ${tal(varden)} värden`);
logg(`  sha256 ${sha256.slice(0, 16)}…`);
logg();

// ---------------------------------------------------------------- a) ren tolkning

framsteg("a) avkodning och tolkning i denna process");
const bytes = readFileSync(indata.fil);
const text = iconv.decode(bytes, "latin1");
const avkodning = mat("avkodning, iconv-lite latin1", () => iconv.decode(bytes, "latin1"));
const avkodningDecode = mat("avkodning, loaders decode() (UTF-8-försök + windows-1252)", () => decode(bytes));
let d3Rader: string[][] = [];
const d3 = mat("d3-dsv dsvFormat(\";\").parseRows", () => {
  d3Rader = dsvFormat(";").parseRows(text);
});
let papaRader = 0;
const papa = mat("papaparse, som readDelimited (delimiter \";\", step)", () => {
  papaRader = 0;
  Papa.parse<string[]>(text, {
    delimiter: ";", skipEmptyLines: false,
    step: (r) => {
      // Som readDelimited: tomma rader (här den efter sista radslutet) räknas inte.
      if (r.data.some((f) => f.trim() !== "")) papaRader++;
    },
  });
});
const tolkningBredd = d3Rader.slice(1).every((r) => r.length === 4 + ANTAL_MANADER);
const tolkningRader = d3Rader.length;
d3Rader = [];

// ---------------------------------------------------------------- b) hela pipelinen

const anmarkningar: string[] = [];
const kraschar: { korning: string; krasch: Krasch; nodeFlaggor: string[] }[] = [];
const pipelinekorningar: (Barnkorning<PipelineSvar> & { index: number })[] = [];
for (let i = 0; detaljer && i < N; i++) {
  framsteg(`b) pipelinen, körning ${i + 1}/${N}${stackKb ? ` (--stack-size=${stackKb})` : ""}`);
  const ut = join(utkatalogRot, `pipeline-${i + 1}`);
  let k = korBarn<PipelineSvar>(BARN_PIPELINE, [indata.katalog, ut]);
  if (k.krasch) {
    kraschar.push({ korning: `pipeline ${i + 1}`, krasch: k.krasch, nodeFlaggor: k.nodeFlaggor });
    if (arStackoverskridande(k.krasch) && stackKb === undefined) {
      stackKb = KRINGGA_STACK_KB;
      anmarkningar.push(
        `Pipelinen kraschade med node:s standardstack (${k.krasch.namn}: ${k.krasch.meddelande}). ` +
          `Tiderna i b) och c) är mätta med --stack-size=${stackKb}, som kringgår kraschen; finsam run och validate kraschar på samma fil.`,
      );
      framsteg(`kraschade (${k.krasch.meddelande}); mäter om med --stack-size=${stackKb}`);
      k = korBarn<PipelineSvar>(BARN_PIPELINE, [indata.katalog, ut]);
      if (k.krasch) kraschar.push({ korning: `pipeline ${i + 1} (--stack-size=${stackKb})`, krasch: k.krasch, nodeFlaggor: k.nodeFlaggor });
    }
  }
  pipelinekorningar.push({ ...k, index: i + 1 });
  rmSync(ut, { recursive: true, force: true });
}
const lyckade = pipelinekorningar.filter((k) => k.svar && !k.krasch).map((k) => k.svar!);
const pipelineMs = sammanstall("runPipeline + writeOutputs", lyckade.map((s) => s.pipelineMs + s.skrivMs));
const skrivMs = sammanstall("varav writeOutputs", lyckade.map((s) => s.skrivMs));
const processMs = sammanstall("processtid (inkl. start av node och tsx)", pipelinekorningar.filter((k) => k.svar && !k.krasch).map((k) => k.processMs));
const maxRss = median(lyckade.map((s) => s.maxRssByte));
const rssFore = median(lyckade.map((s) => s.rssForeByte));
const sek = pipelineMs.median / 1000;

// ---------------------------------------------------------------- c) delsteg

const delstegskorningar: Barnkorning<DelstegSvar>[] = [];
for (let i = 0; detaljer && i < N; i++) {
  framsteg(`c) delsteg, körning ${i + 1}/${N}`);
  const ut = join(utkatalogRot, `delsteg-${i + 1}`);
  const k = korBarn<DelstegSvar>(BARN_DELSTEG, [indata.fil, ut], ["--expose-gc"]);
  if (k.krasch) kraschar.push({ korning: `delsteg ${i + 1}`, krasch: k.krasch, nodeFlaggor: k.nodeFlaggor });
  delstegskorningar.push(k);
  rmSync(ut, { recursive: true, force: true });
}
const stegnamn = delstegskorningar.find((k) => k.svar)?.svar?.steg.map((s) => s.namn) ?? [];
const delsteg = stegnamn.map((namn) => {
  const per = delstegskorningar.map((k) => k.svar?.steg.find((s) => s.namn === namn)).filter((s) => s !== undefined);
  const heap = per.map((s) => s.heapEfterByte).filter((h): h is number => h !== undefined);
  return { ...sammanstall(namn, per.map((s) => s.ms)), heapEfterByte: heap.length > 0 ? median(heap) : undefined };
});
const delstegSumma = delsteg.reduce((s, d) => s + d.median, 0);

// ---------------------------------------------------------------- profil (valfri)

let profil: { fil: string; sammanfattning: Profilsammanfattning } | undefined;
if (detaljer && flaggor["cpu-prof"]) {
  framsteg("profilerad pipelinekörning (--cpu-prof, räknas inte i medianerna)");
  const katalog = join(RESULTATKATALOG, "profil");
  rmSync(katalog, { recursive: true, force: true });
  mkdirSync(katalog, { recursive: true });
  const k = korBarn<PipelineSvar>(BARN_PIPELINE, [indata.katalog, join(utkatalogRot, "profil")], ["--cpu-prof", `--cpu-prof-dir=${katalog}`]);
  if (k.krasch) kraschar.push({ korning: "profil", krasch: k.krasch, nodeFlaggor: k.nodeFlaggor });
  // tsx kör sina laddningskrokar i en egen tråd, som får en egen (liten) profil: ta den största.
  const filer = readdirSync(katalog).filter((f) => f.endsWith(".cpuprofile")).map((f) => join(katalog, f));
  const storst = filer.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (storst) profil = { fil: storst, sammanfattning: sammanfatta(storst, 20) };
}

// ---------------------------------------------------------------- d) SCB-indata

const scb: ScbResultat[] = flaggor["utan-scb"] || !detaljer
  ? []
  : (["bas", "befolkning"] as const).map((fall) => matScb(fall, {
    runs: N, stackKb, behall: flaggor.behall, framsteg,
    profilkatalog: flaggor["cpu-prof"] ? join(RESULTATKATALOG, "profil-scb") : undefined,
  }));

// ---------------------------------------------------------------- nationella utgåvan (valfri)

const nationellt = flaggor.nationell ? matNationelltBygge({ framsteg, behall: flaggor.behall }) : undefined;

// ---------------------------------------------------------------- kontroller

const forsta = lyckade[0];
const kontroller: { ok: boolean; text: string }[] = [];
const kontroll = (ok: boolean, text: string) => kontroller.push({ ok, text });
kontroll(tolkningRader === indata.dataRader + 2 && tolkningBredd, `d3-dsv läser ${tal(tolkningRader)} rader (titel + rubrik + ${tal(indata.dataRader)} datarader), alla ${4 + ANTAL_MANADER} fält breda`);
kontroll(papaRader === indata.dataRader + 2, `papaparse läser ${tal(papaRader)} rader`);
for (const k of mal.kontroller) kontroller.push(k);
if (detaljer) kontroll(kraschar.length === 0, kraschar.length === 0 ? "ingen körning kraschade" : `${kraschar.length} körning(ar) kraschade: ${[...new Set(kraschar.map((k) => `${k.krasch.namn}: ${k.krasch.meddelande}`))].join("; ")}`);
if (detaljer) kontroll(lyckade.length === N, `${lyckade.length} av ${N} pipelinekörningar gav svar`);
if (forsta) {
  kontroll(forsta.fynd.fel === 0, `pipelinen rapporterar ${forsta.fynd.fel} fel (väntat 0)${forsta.forstaFel.length ? `: ${forsta.forstaFel.join(" | ")}` : ""}`);
  const summa = forsta.regler["he.summa"] ?? 0;
  kontroll(summa === 0, `${summa} summavarningar (he.summa; väntat 0: filen är konsistent)`);
  kontroll(Object.keys(forsta.utdata).length >= 3, `utdata: ${Object.entries(forsta.utdata).map(([n, b]) => `${n} ${mib(b)}`).join(", ") || "inga"}`);
  const niv = forsta.nivaer;
  for (const [niva, koder] of [["kommun", 290], ["forbund", undefined], ["lan", 21], ["riket", 1]] as const) {
    const rader = niv?.rader[niva] ?? 0;
    const antal = niv?.koder[niva] ?? 0;
    kontroll(rader > 0 && (koder === undefined || antal === koder), `nivå ${niva}: ${tal(rader)} rader, ${antal} kod${antal === 1 ? "" : "er"}${koder === undefined ? "" : ` (väntat ${koder})`}`);
  }
}
for (const r of scb) kontroller.push(...r.kontroller);
if (nationellt) kontroller.push(...nationellt.kontroller);
const ok = kontroller.every((k) => k.ok);

// ---------------------------------------------------------------- rapport

const kol = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const hkol = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
const matrad = (m: Matning, extra = "") => `  ${kol(m.namn, 58)}${hkol(ms(m.median), 10)}${hkol(ms(m.min), 10)}${hkol(ms(m.max), 10)}${extra}`;
const mbps = (m: Matning) => hkol(`${tal(storlek / MB / (m.median / 1000), 1)} MB/s`, 14);

logg("a) Ren tolkning av den avkodade texten (i denna process)");
logg(`  ${kol("", 58)}${hkol("median", 10)}${hkol("min", 10)}${hkol("max", 10)}${hkol("genomströmning", 16)}`);
for (const m of [avkodning, avkodningDecode, d3, papa]) logg(matrad(m, mbps(m)));
logg();

if (detaljer) logg("b) Hela pipelinen, läsning till utdata (runPipeline + writeOutputs, egen barnprocess per körning)");
if (!detaljer) {
  // b-d are measured with --detaljer only
} else if (lyckade.length > 0) {
  logg(`  ${kol("", 58)}${hkol("median", 10)}${hkol("min", 10)}${hkol("max", 10)}`);
  logg(matrad(pipelineMs));
  logg(matrad(skrivMs));
  logg(matrad(processMs));
  logg(`  genomströmning: ${tal(storlek / MB / sek, 2)} MB/s, ${tal(indata.dataRader / sek)} rader/s, ${tal(varden / sek)} värden/s`);
  logg(`  toppminne (maxRSS): ${mib(maxRss)} (median; ${mib(rssFore)} redan före körningen), ${tal(maxRss / storlek)} x indatafilen`);
  if (forsta) logg(`  utdata: ${Object.entries(forsta.utdata).map(([n, b]) => `${n} ${mib(b)}`).join(", ")}`);
} else {
  logg("  ingen körning lyckades");
}
for (const a of anmarkningar) logg(`  OBS: ${a}`);
if (detaljer) logg();

const kvot = pipelineMs.median / d3.median;
if (detaljer) logg(`c) Kvot pipeline / ren tolkning (d3-dsv parseRows): ${tal(kvot)} x  (${ms(pipelineMs.median)} / ${ms(d3.median)})`);
if (delsteg.length > 0) {
  logg(`   Tid per steg (lågnivåfunktionerna, egen barnprocess${stackKb ? ` med --stack-size=${stackKb}` : ""}, median av ${N}):`);
  logg(`  ${kol("", 58)}${hkol("median", 10)}${hkol("andel", 8)}${hkol("x tolkning", 12)}${hkol("heap efter", 13)}`);
  for (const d of delsteg) {
    logg(`  ${kol(d.namn, 58)}${hkol(ms(d.median), 10)}${hkol(`${tal((100 * d.median) / delstegSumma)} %`, 8)}${hkol(`${tal(d.median / d3.median, 1)}`, 12)}${hkol(d.heapEfterByte === undefined ? "" : mib(d.heapEfterByte), 13)}`);
  }
  logg(`  ${kol("summa", 58)}${hkol(ms(delstegSumma), 10)}`);
  const maxRssDelsteg = median(delstegskorningar.filter((k) => k.svar).map((k) => k.svar!.maxRssByte));
  logg(`  (heap efter = levande heap efter steget och en framtvingad GC; maxRSS i delstegsprocessen ${mib(maxRssDelsteg)})`);
}
logg();

if (profil) {
  logg(formateraProfil(profil.sammanfattning));
  logg(`  (${profil.fil}; öppna i Chrome DevTools > Performance eller med bench/sammanfatta-profil.ts)`);
  logg();
}

if (scb.length > 0) {
  for (const rad of formateraScb(scb, N)) logg(rad);
  logg();
}

if (nationellt) {
  for (const rad of formateraNationellt(nationellt)) logg(rad);
  logg();
}

logg("Kontroller");
for (const k of kontroller) logg(`  ${k.ok ? "ok  " : "FEL "} ${k.text}`);
for (const k of kraschar) logg(`  krasch i ${k.korning} (node ${k.nodeFlaggor.join(" ") || "utan extra flaggor"}):\n    ${k.krasch.stack.replace(/\n/g, "\n    ")}`);
logg();

// ---------------------------------------------------------------- JSON

const resultat = {
  tidpunkt: new Date().toISOString(),
  korningar: N,
  maskin,
  indata: { fil: indata.fil, byte: storlek, dataRader: indata.dataRader, regioner: indata.regioner, manader: ANTAL_MANADER, varden, sha256, genereringMs: genMs },
  tolkning: { avkodning, avkodningDecode, d3, papaparse: papa },
  pipeline: {
    nodeFlaggor: stackKb === undefined ? [] : [`--stack-size=${stackKb}`],
    totalt: pipelineMs, skriva: skrivMs, process: processMs,
    mbPerSekund: storlek / MB / sek, raderPerSekund: indata.dataRader / sek, vardenPerSekund: varden / sek,
    maxRssByte: maxRss, rssForeByte: rssFore,
    korningar: pipelinekorningar.map((k) => ({ index: k.index, processMs: k.processMs, nodeFlaggor: k.nodeFlaggor, svar: k.svar, krasch: k.krasch })),
  },
  kvotPipelineTolkning: kvot,
  delsteg: { steg: delsteg, summaMs: delstegSumma },
  profil,
  scb,
  nationellt,
  mal,
  anmarkningar,
  kraschar,
  kontroller,
  ok,
};
mkdirSync(RESULTATKATALOG, { recursive: true });
const resultatfil = join(RESULTATKATALOG, "resultat.json");
writeFileSync(resultatfil, `${JSON.stringify(resultat, null, 2)}\n`);
logg(`Resultatet finns i ${resultatfil}`);

if (flaggor.behall) {
  logg(`Indata behålls i ${indata.katalog}, utdata i ${utkatalogRot}`);
} else {
  rmSync(indata.katalog, { recursive: true, force: true });
  rmSync(utkatalogRot, { recursive: true, force: true });
}
if (!ok) {
  logg("Mätningen hittade fel (se Kontroller ovan): avslutar med status 1.");
  process.exitCode = 1;
}
