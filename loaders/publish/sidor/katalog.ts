/**
 * The pages' data in the pipeline's output folder: `<utdata>/sida/`, made once from the output
 * tables (read back from their Parquet files) and reused by everything that needs it in the
 * same build or `npm run dev` session: the data loader src/data/sida.zip.ts and the list of
 * region files in observablehq.config.ts (`dynamicPaths`).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { lasParquet } from "../parquet.ts";
import type { Schema, Utdatatabell } from "../schema.ts";
import { REGIONSIDOR, SIDORNAS_TABELLER, sidodata } from "./index.ts";
import { standardkommuner } from "./nationell.ts";

const LISTA = "filer.json";

/** The files of `<utdata>/sida/` (relative paths), making them first when they are not there. */
export async function sidodataI(utdata: string): Promise<string[]> {
  const katalog = join(utdata, "sida");
  const lista = join(katalog, LISTA);
  if (existsSync(lista)) return JSON.parse(readFileSync(lista, "utf8")) as string[];
  const tabeller = new Map<string, Utdatatabell>();
  for (const s of SIDORNAS_TABELLER) {
    const fil = join(utdata, `${s.namn}.parquet`);
    if (!existsSync(fil)) throw new Error(`${fil} saknas: kör pipelinen (finsam run) först`);
    tabeller.set(s.namn, await lasParquet(s, fil));
  }
  const indelning = tabeller.get("indelning")!;
  const forbund = valtForbund(process.env, new Set(Array.from(indelning.tabell.indices(), (i) => indelning.tabell.column("forbund")!.at(i) as string)));
  const filer = sidodata(<S extends Schema>(s: S) => tabeller.get(s.namn)! as Utdatatabell<S>, { kommuner: standardkommuner(), forbund });
  // Written beside the final folder and moved into place, so a half-written folder is never read.
  const tmp = `${katalog}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  for (const [sokvag, text] of filer) {
    mkdirSync(dirname(join(tmp, sokvag)), { recursive: true });
    writeFileSync(join(tmp, sokvag), text);
  }
  const namn = [...filer.keys()].sort();
  writeFileSync(join(tmp, LISTA), JSON.stringify(namn));
  try {
    renameSync(tmp, katalog);
  } catch (e) {
    // Someone else (another loader of the same build) got there first: theirs is the same.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(lista)) throw e;
  }
  return namn;
}

/**
 * FINSAM_FORBUND: the one förbund whose page is built (undefined = all). An id that is not in
 * the membership is an error that lists the ids.
 */
export function valtForbund(env: NodeJS.ProcessEnv, ids: ReadonlySet<string>): string | undefined {
  const id = env.FINSAM_FORBUND?.trim();
  if (!id) return undefined;
  if (!ids.has(id)) {
    const lista = [...ids].sort();
    throw new Error(`FINSAM_FORBUND="${id}" är inget förbund i förbundsindelningen; förväntat ett av ${lista.slice(0, 12).join(", ")}${lista.length > 12 ? ` (och ${lista.length - 12} till)` : ""} (unknown förbund id)`);
  }
  return id;
}

/** The förbund pages' files (`forbund/<id>.json`), published by the parameterised loader src/data/forbund/[id].json.js. */
export function forbundsfiler(filer: readonly string[]): string[] {
  return filer.filter((f) => f.startsWith("forbund/"));
}

/** The files of the archive src/data/sida.zip.ts: all but the förbund pages' files. */
export function arkivfiler(filer: readonly string[]): string[] {
  return filer.filter((f) => !f.startsWith("forbund/"));
}

/** The förbund pages (`/forbund/<id>`) for dynamicPaths. */
export function forbundssidor(filer: readonly string[]): string[] {
  return forbundsfiler(filer).map((f) => `/${f.replace(/\.json$/, "")}`);
}

/** The region files (fetched by the pages when a region is chosen), as site paths for dynamicPaths. */
export function regionfiler(filer: readonly string[]): string[] {
  return filer.filter((f) => REGIONSIDOR.some((s) => f.startsWith(`${s}/`)) && !f.endsWith("/index.json")).map((f) => `/data/sida/${f}`);
}

/**
 * Checks a built site (before it replaces dist/) against `<utdata>/sida/`: every page file is
 * published once (under `_file/data/sida/`, with Framework's hash in the name), every region
 * file under its fixed address `data/sida/`, each byte for byte as made, and nothing else is
 * there. Gives the problems, in Swedish.
 */
export function kontrolleraSidodata(bygge: string, utdata: string): string[] {
  const lista = join(utdata, "sida", LISTA);
  if (!existsSync(lista)) return [`sidornas data saknas i ${join(utdata, "sida")}`];
  const filer = JSON.parse(readFileSync(lista, "utf8")) as string[];
  const regioner = new Set(regionfiler(filer).map((f) => f.slice("/data/sida/".length)));
  const problem: string[] = [];
  const publicerade = (katalog: string): string[] => (existsSync(katalog) ? allaUnder(katalog) : []);
  const hashade = publicerade(join(bygge, "_file", "data", "sida"));
  const forbund = publicerade(join(bygge, "_file", "data", "forbund")).map((f) => `forbund/${f}`);
  const fasta = new Set(publicerade(join(bygge, "data", "sida")));
  for (const f of filer) {
    const gjord = readFileSync(join(utdata, "sida", f));
    if (regioner.has(f)) {
      if (!fasta.has(f)) problem.push(`data/sida/${f} publicerades inte (regionfil, dynamicPaths)`);
      else if (!readFileSync(join(bygge, "data", "sida", f)).equals(gjord)) problem.push(`data/sida/${f} skiljer sig från sidornas data`);
      fasta.delete(f);
      continue;
    }
    const monster = new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\.json$/, "\\.[0-9a-f]{8}\\.json")}$`);
    const traffar = (f.startsWith("forbund/") ? forbund : hashade).filter((h) => monster.test(h));
    const under = f.startsWith("forbund/") ? join(bygge, "_file", "data") : join(bygge, "_file", "data", "sida");
    const visas = f.startsWith("forbund/") ? `data/${f}` : `data/sida/${f}`;
    if (traffar.length !== 1) problem.push(`${visas} publicerades ${traffar.length} gånger (väntade en gång)`);
    else if (!readFileSync(join(under, traffar[0]!)).equals(gjord)) problem.push(`${visas} skiljer sig från sidornas data`);
  }
  for (const f of fasta) problem.push(`data/sida/${f} publicerades men finns inte i sidornas data`);
  for (const sida of forbundssidor(filer)) {
    if (!existsSync(join(bygge, `${sida.slice(1)}.html`))) problem.push(`förbundssidan ${sida.slice(1)}.html saknas (dynamicPaths)`);
  }
  return problem;
}

function allaUnder(katalog: string, bas = katalog): string[] {
  const ut: string[] = [];
  for (const post of readdirSync(katalog, { withFileTypes: true })) {
    const sokvag = join(katalog, post.name);
    if (post.isDirectory()) ut.push(...allaUnder(sokvag, bas));
    else ut.push(relative(bas, sokvag).split(sep).join("/"));
  }
  return ut;
}
