// Bygger webbplatsen: `npm run build` (tsx scripts/bygg.ts).
//
// 1. Kör pipelinen på datakatalogen (FINSAM_DATA, standard data/exempel) till en
//    ny katalog .finsam-build/utdata. Avvisar pipelinen indata stoppar bygget här.
// 2. Tömmer Frameworks cache (src/.observablehq/cache): annars kan gamla
//    dataladdarresultat publiceras utan att något syns. Bara de paketerade biblioteken
//    (_node, _npm) behålls, och bara från ett bygge som gick klart med samma låsfil.
// 3. Kör `observable build` till en ny version i .dist-versioner/ bredvid dist/.
// 4. Kontrollerar bygget: alla sidor finns, varje datafil från en dataladdare är
//    byte för byte lika med pipelinens fil, och inget hämtas från andra servrar.
// 5. Efterbehandlar HTML: lang="sv", zoombar viewport, svenska texter, och fasta filtider
//    (registerFile(... "lastModified" ...)) så att två byggen av samma indata blir lika.
// 6. Publiceringsgrinden (scripts/publiceringsgrind.ts; prövar redan pipelinens utdata efter
//    steg 1, och sedan hela bygget): personnummer, deltagar-id,
//    oskyddade deltagartabeller, otillåtna filtyper och indatafiler stoppar bygget.
// 7. Byter in det nya bygget: dist/ är en länk till en färdig version i .dist-versioner/ och
//    pekas om med ett enda namnbyte (scripts/utkatalog.ts). Misslyckas något före det, eller
//    avbryts bygget var som helst, är dist/ orört.
//
// Miljövariabler: FINSAM_DATA (datakatalog), FINSAM_DIST (utkatalog, standard dist),
// FINSAM_FORBUND (bara det förbundets sida i den nationella utgåvan, docs/nationell.md),
// SOURCE_DATE_EPOCH (filtiden i sidorna, sekunder; annars den nyaste indatafilens tid).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { copyFile, mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { csvParse } from "d3-dsv";
import { lasGrindunderlag, publiceringsgrind, visaFyndLista } from "./publiceringsgrind.ts";
import { kontrolleraSidodata, regionfiler, sidodataI, valtForbund } from "../loaders/publish/sidor/katalog.ts";
import { utdrag, utdragetsTabell } from "../src/data/utdrag.js";
import { UtkatalogFel, forberedUtkatalog, taLas, testpaus } from "./utkatalog.ts";

export const PROJEKTROT = fileURLToPath(new URL("../", import.meta.url));

/** Sidorna som måste finnas i ett färdigt bygge. */
export const SIDOR = [
  "index.html",
  "helarsekvivalenter.html",
  "jamforelse.html",
  "arbetsmarknadsstatus.html",
  "befolkning.html",
  "insatser.html",
  "jamstalldhet.html",
  "ekonomi.html",
  "styrelserapport.html",
  "datakvalitet.html",
  "nationell.html",
  "nationell-jamforelse.html",
  "analyser/index.html",
  "analyser/malgruppen.html",
  "analyser/helarsekvivalenter.html",
  "analyser/jamstalldhet.html",
  "analyser/forsorjning.html",
  "analyser/ekonomiskt-bistand.html",
  "analyser/mall.html"
];

/** Värdar som en byggd sida aldrig får hämta något från. */
const EXTERNA_ADRESSER = [/cdn\.jsdelivr\.net/, /fonts\.googleapis\.com/, /fonts\.gstatic\.com/, /api\.observablehq\.com/];

/** Frameworks engelska texter och deras svenska motsvarigheter. */
export const OVERSATTNINGAR: ReadonlyArray<readonly [string, string]> = [
  ['title="Toggle sidebar"', 'title="Visa/dölj sidofältet" aria-label="Visa/dölj sidofältet"'],
  ["Toggle sidebar ", "Visa/dölj sidofältet "],
  ['placeholder="Search"', 'placeholder="Sök"'],
  ['content:"Previous page"', 'content:"Föregående sida"'],
  ['content:"Next page"', 'content:"Nästa sida"'],
  ['content: "Previous page"', 'content: "Föregående sida"'],
  ['content: "Next page"', 'content: "Nästa sida"'],
  ['title="Copy code"', 'title="Kopiera kod"'],
  ['content:"Copied!"', 'content:"Kopierat!"'],
  ['content: "Copied!"', 'content: "Kopierat!"']
];

/** Ett fel som bygget rapporterar med ett svenskt meddelande, utan stackspår. */
export class ByggFel extends Error {}

export interface Installningar {
  projektrot: string;
  datakatalog: string;
  dist: string;
  /** Katalogen som Framework bygger till: den nya versionen i .dist-versioner/ (sätts av bygg()). */
  tillfallig: string;
  arbetskatalog: string;
  utdata: string;
  cache: string;
}

export function lasInstallningar(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Installningar {
  const projektrot = PROJEKTROT;
  const dist = resolve(cwd, env.FINSAM_DIST || "dist");
  const arbetskatalog = join(projektrot, ".finsam-build");
  return {
    projektrot,
    datakatalog: resolve(cwd, env.FINSAM_DATA || "data/exempel"),
    dist,
    tillfallig: "",
    arbetskatalog,
    utdata: join(arbetskatalog, "utdata"),
    cache: join(projektrot, "src", ".observablehq", "cache")
  };
}

/** En sökväg som den visas i meddelanden: relativ till arbetskatalogen om den ligger där under. */
function visa(sokvag: string): string {
  const rel = relative(process.cwd(), sokvag);
  return rel === "" ? "." : rel.startsWith("..") ? sokvag : rel;
}

interface Korning {
  kod: number | null;
  stdout: string;
  stderr: string;
}

function kor(kommando: string, argument: string[], alternativ: { cwd: string; env?: NodeJS.ProcessEnv; logg?: string }): Promise<Korning> {
  return new Promise((klar, fel) => {
    const barn = spawn(kommando, argument, { cwd: alternativ.cwd, env: alternativ.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    const logg = alternativ.logg ? createWriteStream(alternativ.logg) : null;
    let stdout = "";
    let stderr = "";
    barn.stdout.on("data", (d: Buffer) => {
      stdout += d.toString("utf8");
      logg?.write(d);
    });
    barn.stderr.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
      logg?.write(d);
    });
    barn.on("error", fel);
    barn.on("close", (kod) => {
      if (logg) logg.end(() => klar({ kod, stdout, stderr }));
      else klar({ kod, stdout, stderr });
    });
  });
}

/** Steg 1: pipelinen till en ny utdatakatalog. */
export async function korPipeline(inst: Installningar): Promise<void> {
  const cli = join(inst.projektrot, "bin", "finsam.js");
  if (!existsSync(cli)) throw new ByggFel(`Pipelinen ${visa(cli)} finns inte.`);
  if (!existsSync(inst.datakatalog)) throw new ByggFel(`Datakatalogen ${visa(inst.datakatalog)} finns inte (FINSAM_DATA).`);
  await rm(inst.utdata, { recursive: true, force: true });
  await mkdir(inst.arbetskatalog, { recursive: true });
  console.log(`Kör pipelinen på ${visa(inst.datakatalog)} …`);
  const r = await kor(process.execPath, [cli, "run", inst.datakatalog, "--out", inst.utdata], { cwd: inst.projektrot });
  if (r.kod !== 0) {
    const meddelande = (r.stderr.trim() || r.stdout.trim() || "(inget meddelande)").split("\n").map((rad) => `  ${rad}`).join("\n");
    const vad =
      r.kod === 1
        ? `Pipelinen avvisade indata i ${visa(inst.datakatalog)}`
        : r.kod === 2
          ? "Pipelinen anropades fel"
          : `Pipelinen avbröts för ${visa(inst.datakatalog)}`;
    throw new ByggFel(`${vad} (slutkod ${r.kod}):\n${meddelande}`);
  }
  // Pipelinens rapport (validering, varningar, vad den skrev) skrivs ut indragen.
  const rapport = `${r.stdout}\n${r.stderr}`.trim();
  if (rapport) console.log(rapport.split("\n").map((rad) => `  ${rad}`).join("\n"));
}

/** Filerna som dataladdarna i src/data skapar, t.ex. "helarsekvivalenter.csv". */
export async function dataladdarfiler(projektrot: string): Promise<string[]> {
  const katalog = join(projektrot, "src", "data");
  if (!existsSync(katalog)) return [];
  return (await readdir(katalog))
    .filter((f) => /^[^.]+\.[a-z0-9]+\.(ts|js)$/.test(f) && !/\.zip\.(ts|js)$/.test(f)) // arkiven: kontrolleraSidodata
    .map((f) => f.replace(/\.(ts|js)$/, ""))
    .sort();
}

/** Frameworks paketerade bibliotek (namngivna efter paket och version), som får behållas. */
const BEHALLS_I_CACHEN = ["_node", "_npm"];

/** Vad cachen byggdes med: låsfilens (eller package.json:s) innehåll. */
async function cachensNyckel(projektrot: string): Promise<string> {
  const las = join(projektrot, "package-lock.json");
  const fil = existsSync(las) ? las : join(projektrot, "package.json");
  return createHash("sha256").update(await readFile(fil)).digest("hex");
}

/**
 * Steg 2: tömmer Frameworks cache. Dataladdarnas resultat tas alltid bort. De paketerade
 * biblioteken i _node och _npm behålls bara när markeringen .finsam-klar säger att de skrevs
 * av ett Framework-bygge som gick klart, med samma låsfil (Framework skriver dem utan att
 * byta namn, så ett avbrutet bygge kan lämna en halv fil). Markeringen tas bort här och
 * skrivs igen först när Framework har gått klart (markeraCachen).
 */
export async function tomCachen(cache: string, projektrot: string): Promise<void> {
  const markering = join(cache, ".finsam-klar");
  const hel = (await readFile(markering, "utf8").catch(() => "")) === (await cachensNyckel(projektrot));
  for (const namn of await readdir(cache).catch(() => [] as string[])) {
    if (hel && BEHALLS_I_CACHEN.includes(namn)) continue;
    await rm(join(cache, namn), { recursive: true, force: true });
  }
}

async function markeraCachen(cache: string, projektrot: string): Promise<void> {
  if (existsSync(cache)) await writeFile(join(cache, ".finsam-klar"), await cachensNyckel(projektrot));
}

/** Steg 3: Observable Framework till den nya versionens katalog. */
async function korFramework(inst: Installningar): Promise<void> {
  const bin = join(inst.projektrot, "node_modules", ".bin");
  const observable = join(bin, "observable");
  if (!existsSync(observable)) throw new ByggFel("Observable Framework är inte installerat (kör npm install).");
  const logg = join(inst.arbetskatalog, "framework.log");
  console.log(`Bygger webbplatsen med Observable Framework (logg: ${visa(logg)}) …`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OBSERVABLE_TELEMETRY_DISABLE: "true",
    FINSAM_UTDATA: inst.utdata,
    FINSAM_BUILD_OUT: inst.tillfallig,
    // Regionfilerna kopieras av kopieraRegionfiler, inte via dynamicPaths (observablehq.config.ts).
    FINSAM_REGIONFILER: "kopieras",
    NO_COLOR: "1",
    PATH: `${bin}${process.platform === "win32" ? ";" : ":"}${process.env.PATH ?? ""}`
  };
  const r = await kor(observable, ["build"], { cwd: inst.projektrot, env, logg });
  const utskrift = `${r.stdout}\n${r.stderr}`;
  if (r.kod !== 0) {
    const slut = utskrift.trim().split("\n").slice(-25).map((rad) => `  ${rad}`).join("\n");
    throw new ByggFel(`Observable Framework misslyckades (slutkod ${r.kod}). Sista raderna i loggen:\n${slut}`);
  }
  if (/\[using stale\]/.test(utskrift)) {
    throw new ByggFel(`Framework använde gammalt cachat dataladdarresultat; se ${visa(logg)}.`);
  }
  await markeraCachen(inst.cache, inst.projektrot);
}

async function filerUnder(katalog: string): Promise<string[]> {
  const ut: string[] = [];
  for (const post of await readdir(katalog, { withFileTypes: true })) {
    const sokvag = join(katalog, post.name);
    if (post.isDirectory()) ut.push(...(await filerUnder(sokvag)));
    else ut.push(sokvag);
  }
  return ut;
}

/**
 * Steg 3b: sidornas regionfiler (en per region och sida, hämtas när en region väljs) till sina
 * fasta adresser `data/sida/<sida>/<niva>-<kod>.json`, direkt ur pipelinens `<utdata>/sida/`.
 * Framework gör det inte (FINSAM_REGIONFILER=kopieras): dess zip-uppackning läser hela arkivet
 * för varje fil, och en nationell datakatalog har omkring 1 200 regionfiler. Kontrollen i steg 4
 * jämför dem byte för byte.
 */
async function kopieraRegionfiler(inst: Installningar): Promise<void> {
  for (const adress of regionfiler(await sidodataI(inst.utdata))) {
    const rel = adress.slice("/data/sida/".length);
    const mal = join(inst.tillfallig, "data", "sida", rel);
    await mkdir(dirname(mal), { recursive: true });
    await copyFile(join(inst.utdata, "sida", rel), mal);
  }
}

/** Steg 4: sidorna finns, dataladdarnas filer är pipelinens, inga externa adresser. */
export async function kontrolleraBygge(inst: Pick<Installningar, "projektrot" | "tillfallig" | "utdata">): Promise<string[]> {
  const problem: string[] = [];
  for (const sida of SIDOR) {
    if (!existsSync(join(inst.tillfallig, sida))) problem.push(`sidan ${sida} saknas`);
  }
  const filkatalog = join(inst.tillfallig, "_file", "data");
  const publicerade = existsSync(filkatalog) ? await readdir(filkatalog) : [];
  for (const fil of await dataladdarfiler(inst.projektrot)) {
    const punkt = fil.lastIndexOf(".");
    const monster = new RegExp(`^${escapeRegExp(fil.slice(0, punkt))}\\.[0-9a-f]{8}${escapeRegExp(fil.slice(punkt))}$`);
    const traffar = publicerade.filter((f) => monster.test(f));
    if (traffar.length !== 1) {
      problem.push(`data/${fil} publicerades ${traffar.length} gånger (väntade en gång)`);
      continue;
    }
    // Ett utdrag (src/data/utdrag.js) jämförs med utdraget ur pipelinens tabell.
    const tabell = utdragetsTabell(fil);
    const fran = join(inst.utdata, tabell ?? fil);
    if (!existsSync(fran)) {
      problem.push(`pipelinen skrev inte ${tabell ?? fil}`);
      continue;
    }
    const [publicerad, original] = await Promise.all([readFile(join(filkatalog, traffar[0]!)), readFile(fran)]);
    let vantad = original;
    if (tabell !== undefined) {
      try {
        vantad = Buffer.from(utdrag(fil, original.toString("utf8")));
      } catch (fel) {
        problem.push(`data/${fil}: utdraget ur ${tabell} gick inte att göra (${fel instanceof Error ? fel.message : String(fel)})`);
        continue;
      }
    }
    if (!publicerad.equals(vantad)) problem.push(`data/${fil} på webbplatsen skiljer sig från pipelinens ${tabell === undefined ? "fil" : `utdrag ur ${tabell}`} (gammal eller ersatt data)`);
  }
  problem.push(...kontrolleraSidodata(inst.tillfallig, inst.utdata));
  for (const fil of await filerUnder(inst.tillfallig)) {
    if (!/\.(html|js|css)$/.test(fil)) continue;
    const text = await readFile(fil, "utf8");
    for (const adress of EXTERNA_ADRESSER) {
      if (adress.test(text)) problem.push(`${relative(inst.tillfallig, fil)} hänvisar till ${adress.source.replaceAll("\\", "")}`);
    }
    if (fil.endsWith(".html") && /["']npm:/.test(text)) problem.push(`${relative(inst.tillfallig, fil)} innehåller en npm:-import`);
  }
  return problem;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Efterbehandling av en HTML-sida. */
export function efterbehandlaHtml(html: string): string {
  let ut = html.replace(/<html(\s[^>]*)?>/, (tagg, attribut: string | undefined) =>
    /\blang=/.test(attribut ?? "") ? tagg.replace(/\blang="[^"]*"/, 'lang="sv"') : `<html lang="sv"${attribut ?? ""}>`
  );
  ut = ut.replace(/<meta name="viewport" content="[^"]*">/, '<meta name="viewport" content="width=device-width, initial-scale=1">');
  // Sidofältets stängknapp ligger direkt i en <ol>, där bara <li> får finnas.
  ut = ut.replace(/(<ol>)(\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$3$2$1");
  return oversatt(ut);
}

/**
 * Förbundens namn ur pipelinens indelning.csv, som förbundssidorna visar dem: namnet i den
 * första raden per förbund (samma regel som `forbundslista` i loaders/publish/sidor/nationell.ts).
 */
export function forbundsnamn(indelning: string): Map<string, string> {
  const ut = new Map<string, string>();
  for (const r of csvParse(indelning)) if (r.forbund && !ut.has(r.forbund)) ut.set(r.forbund, r.forbund_namn || r.forbund);
  return ut;
}

/**
 * En förbundssidas titel i HTML-filen: förbundets namn i stället för mallens "Förbund", så att
 * fliken, bokmärket och en länk visar förbundet redan innan sidans skript har körts (sidan
 * sätter samma titel när den laddats, src/forbund/[id].md).
 */
export function forbundstitel(html: string, namn: string): string {
  const text = namn.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return html.replace(/<title>Förbund( \| [^<]*)?<\/title>/, (_m, resten: string | undefined) => `<title>${text}${resten ?? ""}</title>`);
}

/** Byter Frameworks engelska texter mot svenska. */
export function oversatt(text: string): string {
  let ut = text;
  for (const [fran, till] of OVERSATTNINGAR) ut = ut.split(fran).join(till);
  return ut;
}

/**
 * Filtiden som sidorna visar för varje fil (FileAttachment.lastModified): SOURCE_DATE_EPOCH
 * (sekunder sedan 1970) om den är satt, annars den nyaste filen i datakatalogen, i hela
 * sekunder. Framework skriver annars dataladdarnas körtid, så två byggen skulle skilja sig.
 */
export async function byggtid(datakatalog: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const epok = env.SOURCE_DATE_EPOCH?.trim();
  if (epok) {
    if (!/^\d{1,12}$/.test(epok)) throw new ByggFel(`SOURCE_DATE_EPOCH ska vara ett heltal sekunder sedan 1970-01-01, inte "${epok}" (invalid SOURCE_DATE_EPOCH).`);
    return Number(epok) * 1000;
  }
  let nyast = 0;
  const ga = async (katalog: string): Promise<void> => {
    for (const post of await readdir(katalog, { withFileTypes: true })) {
      if (post.name.startsWith(".")) continue;
      const sokvag = join(katalog, post.name);
      if (post.isDirectory()) await ga(sokvag);
      else if (post.isFile()) nyast = Math.max(nyast, (await stat(sokvag)).mtimeMs);
    }
  };
  await ga(datakatalog);
  return Math.floor(nyast / 1000) * 1000;
}

/** Sätter filtiden i Frameworks registerFile-anrop (en rad per fil) till `ms`. */
export function fastaFiltider(html: string, ms: number): string {
  return html.replace(/^(registerFile\(.*?"lastModified":)[^,}]*/gm, `$1${ms}`);
}

/** Steg 5: HTML-sidorna och Frameworks egna skript och stilmallar. */
async function efterbehandla(inst: Installningar, tid: number): Promise<void> {
  const indelning = join(inst.utdata, "indelning.csv");
  const namn = existsSync(indelning) ? forbundsnamn(await readFile(indelning, "utf8")) : new Map<string, string>();
  for (const fil of await filerUnder(inst.tillfallig)) {
    const ar = relative(inst.tillfallig, fil);
    const html = fil.endsWith(".html");
    // Frameworks klient och stilmallen (som har Frameworks egna regler inbakade); inte data eller bibliotek.
    const klient = /^_(observablehq|import)[\\/]/.test(ar) && /\.(js|css)$/.test(fil);
    if (!html && !klient) continue;
    const fore = await readFile(fil, "utf8");
    const forbund = /^forbund[\\/]([^\\/]+)\.html$/.exec(ar)?.[1];
    const efter = html
      ? fastaFiltider(efterbehandlaHtml(forbund !== undefined && namn.has(forbund) ? forbundstitel(fore, namn.get(forbund)!) : fore), tid)
      : oversatt(fore);
    if (efter !== fore) await writeFile(fil, efter);
    if (html && !/<html lang="sv"/.test(efter)) throw new ByggFel(`${ar} fick inte lang="sv"`);
  }
}

/**
 * Steg 6: publiceringsgrinden på det färdiga bygget, innan det byts in. Grinden prövar också
 * pipelinens utdata (utom Parquet, som inte publiceras) direkt efter steg 1, så att ett fynd
 * där stoppar bygget innan Framework har arbetat i onödan.
 */
async function korGrind(inst: Installningar, vad: "utdata" | "bygget" = "bygget"): Promise<void> {
  const katalog = vad === "utdata" ? inst.utdata : inst.tillfallig;
  console.log(
    vad === "utdata"
      ? "Publiceringsgrinden: söker i pipelinens utdata efter personnummer, deltagar-id och oskyddade tabeller …"
      : "Publiceringsgrinden: söker efter personnummer, deltagar-id och oskyddade tabeller …"
  );
  const underlag = await lasGrindunderlag(inst.datakatalog);
  const fynd = await publiceringsgrind(katalog, underlag, vad === "utdata" ? (fil) => !fil.endsWith(".parquet") : undefined);
  if (fynd.length > 0) {
    throw new ByggFel(
      `Publiceringsgrinden stoppade bygget${vad === "utdata" ? " (i pipelinens utdata, före sidorna)" : ""}: ${fynd.length} fynd (the publication gate found ${fynd.length} problem${fynd.length === 1 ? "" : "s"}):\n${visaFyndLista(fynd)}`
    );
  }
  if (vad === "utdata") return;
  const korta = underlag.kortaId > 0 ? ` (${underlag.kortaId} id för korta att söka efter)` : "";
  console.log(`  Inga fynd: ${underlag.deltagarId.length} deltagar-id${korta}, k = ${underlag.k}.`);
}

/**
 * FINSAM_FORBUND=<id> bygger bara det förbundets sida i den nationella utgåvan
 * (docs/nationell.md); ett id som inte finns i förbundsindelningen stoppar bygget här.
 */
async function kontrolleraValtForbund(inst: Installningar): Promise<void> {
  if (!process.env.FINSAM_FORBUND?.trim()) return;
  const rader = (await readFile(join(inst.utdata, "indelning.csv"), "utf8")).split("\n").slice(1).filter(Boolean);
  try {
    valtForbund(process.env, new Set(rader.map((r) => r.split(",")[0]!)));
  } catch (fel) {
    throw new ByggFel(fel instanceof Error ? fel.message : String(fel));
  }
  console.log(`Bygger bara sidan för förbundet ${process.env.FINSAM_FORBUND.trim()} (FINSAM_FORBUND).`);
}

/**
 * Hindrar två byggen i samma klon samtidigt: de delar .finsam-build och Frameworks cache.
 * (Två byggen till samma utkatalog, också från olika kloner, hindras av utkatalogens lås.)
 */
function lasKlonen(inst: Installningar): Promise<() => Promise<void>> {
  const las = join(inst.arbetskatalog, "bygg.las");
  return taLas(las, `klonen ${inst.projektrot}`, (l) =>
    l ? `Ett annat bygge pågår redan i den här klonen (process ${l.pid}, startat ${l.start}). Vänta tills det är klart.` : `Kunde inte ta låset ${visa(las)}.`
  );
}

export async function bygg(installningar: Installningar = lasInstallningar()): Promise<void> {
  await mkdir(installningar.arbetskatalog, { recursive: true });
  const slappKlonen = await lasKlonen(installningar);
  try {
    const ut = await forberedUtkatalog(installningar.dist, `klonen ${installningar.projektrot}`).catch((fel: unknown) => {
      throw fel instanceof UtkatalogFel ? new ByggFel(fel.message) : fel;
    });
    const inst: Installningar = { ...installningar, tillfallig: ut.ny };
    try {
      await korPipeline(inst);
      await kontrolleraValtForbund(inst);
      await korGrind(inst, "utdata");
      const tid = await byggtid(inst.datakatalog);
      await tomCachen(inst.cache, inst.projektrot);
      await korFramework(inst);
      await kopieraRegionfiler(inst);
      await testpaus("under-bygge");
      console.log("Kontrollerar bygget …");
      const problem = await kontrolleraBygge(inst);
      if (problem.length) throw new ByggFel(`Bygget klarade inte kontrollen:\n${problem.map((p) => `  - ${p}`).join("\n")}`);
      await efterbehandla(inst, tid);
      await korGrind(inst);
      await ut.bytIn();
    } finally {
      await ut.slapp();
    }
    const filer = await filerUnder(inst.dist);
    const storlek = (await Promise.all(filer.map((f) => stat(f)))).reduce((s, x) => s + x.size, 0);
    console.log(
      `Klart: ${visa(installningar.dist)}/ har ${SIDOR.length} sidor och ${filer.length} filer (${(storlek / 1e6).toFixed(1).replace(".", ",")} MB). ` +
        `Förhandsgranska med \`python3 -m http.server -d ${visa(installningar.dist)}\` eller \`npm run dev\`.`
    );
  } finally {
    await slappKlonen();
  }
}

const direkt = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (direkt) {
  if (process.argv.length > 2) {
    console.error(`Okänt argument: ${process.argv.slice(2).join(" ")}. Använd miljövariablerna FINSAM_DATA och FINSAM_DIST.`);
    process.exit(2);
  }
  const inst = lasInstallningar();
  bygg(inst).catch((fel: unknown) => {
    const orsak = fel instanceof ByggFel ? fel.message : `oväntat fel: ${fel instanceof Error ? fel.message : String(fel)}`;
    console.error(`Bygget misslyckades: ${orsak}\n${visa(inst.dist)}/ är oförändrad.`);
    process.exitCode = 1;
  });
}
