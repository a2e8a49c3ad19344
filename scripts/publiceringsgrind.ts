// Publiceringsgrinden: det sista steget i varje bygge (scripts/bygg.ts) innan dist/ byts ut.
// Går igenom varje fil som skulle publiceras och underkänner bygget om något är fel:
//
// - en filtyp som inte står på listan TILLATNA_FILTYPER, en fil som är en kopia av en fil i
//   datakatalogen eller har samma namn som en, eller en fil som bara `finsam run --intern`
//   skriver;
// - ett personnummer eller samordningsnummer (mönster, datum och kontrollsiffra), ett
//   deltagar-id ur datakatalogens deltagarfiler eller exempeldatans testperson, var som helst
//   i en publicerad fil; utom att 10 eller 12 siffror i följd (utan - eller +) som är ett tal
//   i en talkolumn i SCB-tabellerna (loaders/protect/offentligatal.ts) är ett belopp eller antal;
// - en deltagartabell som inte är den skyddade: insatser_nyckeltal.csv kontrolleras
//   (kontrolleraPublicerat) efter metoden i varje rads kolumn skydd, med k och brusets
//   parametrar ur datakatalogens inställningar: med brus inga små tal (1..sma_tal), andelar som
//   går ihop med sina antal, samma personer med samma antal, inga medelvärden över för få och
//   inget dolt utom medelvärden över för få (vad som döljs följer av det publicerade, aldrig av
//   nyckeln);
//   med undertryckning angriparkontrollen över alla perioder på en gång. Ingen rad får sakna
//   skydd. insatser_jamstalldhet.csv får inte visa något litet antal (1..sma_tal med brus,
//   1..k-1 med undertryckning) och insatser_rapporterat.csv inget antal 1..k-1.
//
// Ett fynd anger fil och plats (rad, kolumn) och visar aldrig ett personnummer eller id i klartext.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { basename, extname, join, relative, sep } from "node:path";
import { z } from "zod";
import { listInputFiles } from "../loaders/pipeline.ts";
import { decodeOrReport } from "../loaders/read/pxweb.ts";
import { isXlsx } from "../loaders/read/decode.ts";
import { readDelimited, type DelimitedText } from "../loaders/read/delimited.ts";
import { readRecords } from "../loaders/read/records.ts";
import { recognise, TABLE_EXTENSIONS } from "../loaders/validate/recognise.ts";
import { Findings } from "../loaders/validate/findings.ts";
import { DELTAGARE_KOLUMNER } from "../loaders/normalise/deltagare.ts";
import { isInstallningar, readInstallningar, STANDARD } from "../loaders/reference/installningar.ts";
import type { Skyddsinstallningar } from "../loaders/protect/parametrar.ts";
import { hittaId, hittaPersonnummer, hittaText, type Lacka } from "../loaders/protect/lackor.ts";
import { inomStracka, offentligaTal, type Stracka } from "../loaders/protect/offentligatal.ts";
import { kontrolleraPublicerat } from "../loaders/protect/publicerat.ts";
import { MotsagelseFel, type Overtradelse } from "../loaders/protect/model.ts";
import { laddaLosare } from "../loaders/protect/highs.ts";
import { KON, MATT, SKYDD, type Kon, type Matt, type NyckeltalRad, type Skydd } from "../loaders/protect/rader.ts";

/** Filtyper som får publiceras: det Observable Framework skriver, och bilder och typsnitt. */
export const TILLATNA_FILTYPER = [
  ".html", ".js", ".css", ".csv", ".json", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico",
  ".woff", ".woff2", ".txt", ".map"
] as const;

/** Filtyper som läses som text (UTF-8) och söks igenom rad för rad; andra söks byte för byte. */
const TEXTTYPER = new Set([".html", ".js", ".css", ".csv", ".json", ".svg", ".txt", ".map"]);

/** Filer som bara `finsam run --intern` skriver: oskyddade deltagarresultat. */
export const INTERNA_FILER = ["insatser_utfall.csv", "INTERNT_FAR_INTE_PUBLICERAS.txt"] as const;

/** Testpersonen i exempeldatan (data/exempel/README.md); personnumret 19121212-1212 hittas som alla andra. */
export const TESTPERSON = ["Testsson"] as const;

/**
 * Kortare deltagar-id än så söks inte: ett id med bokstäver behöver minst 4 tecken, ett id av
 * bara siffror (och skiljetecken) minst 8 siffror. Kortare id går inte att skilja från vanliga
 * ord, årtal och antal på webbplatsen (id 2019 eller 17 finns överallt).
 */
export const MINSTA_ID_LANGD = 4;
export const MINSTA_SIFFER_ID_LANGD = 8;

/** Högst så många fynd visas i meddelandet; resten räknas. */
const VISA_HOGST = 40;

export interface Grindfynd {
  /** Filens sökväg i bygget, med / som skiljetecken. */
  readonly fil: string;
  readonly rad?: number;
  readonly kolumn?: number;
  /** Var i en fil som inte är text (byte, 0-baserat). */
  readonly byte?: number;
  readonly regel: string;
  /** Svenskt meddelande följt av engelska inom parentes; aldrig ett personnummer eller id i klartext. */
  readonly meddelande: string;
}

/** Det grinden behöver veta om indata. */
export interface Grindunderlag {
  /** Skyddsgränsen k ur datakatalogens inställningar (standard 5). */
  readonly k: number;
  /** Skyddsmetod och brusets parametrar ur inställningarna. */
  readonly skydd: Skyddsinstallningar;
  /** Deltagar-id (Löpnummer, deltagare_id och liknande) ur deltagarfilerna, långa nog att sökas. */
  readonly deltagarId: readonly string[];
  /** Antal id som var för korta för att sökas (MINSTA_ID_LANGD). */
  readonly kortaId: number;
  /** Datakatalogens filer: namn och SHA-256 av innehållet. */
  readonly indata: readonly { readonly namn: string; readonly sha256: string }[];
}

const ID_SCHEMA = z.object({ deltagare_id: z.string().optional() });
const ID_KOLUMNER = { deltagare_id: DELTAGARE_KOLUMNER.deltagare_id };

/** Är id:t långt nog att söka efter utan att hitta vanliga ord och tal? */
export function sokbartId(id: string): boolean {
  if (/^[\d\s\-+./:]*$/.test(id)) return id.replace(/\D/g, "").length >= MINSTA_SIFFER_ID_LANGD;
  return id.length >= MINSTA_ID_LANGD;
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/**
 * Läser datakatalogen som pipelinen gör (samma filurval, igenkänning och CSV-läsare): k ur
 * inställningsfilen, deltagar-id ur deltagarfilerna och varje fils SHA-256.
 */
export async function lasGrindunderlag(datakatalog: string): Promise<Grindunderlag> {
  let k = STANDARD.skyddsgrans;
  let skydd = STANDARD.skydd;
  const id = new Set<string>();
  let kortaId = 0;
  const indata: { namn: string; sha256: string }[] = [];
  for (const fil of await allaFiler(datakatalog)) {
    const bytes = await readFile(fil);
    if (bytes.length > 0) indata.push({ namn: basename(fil), sha256: sha256(bytes) });
  }
  for (const namn of listInputFiles(datakatalog)) {
    const fil = join(datakatalog, namn);
    const ext = extname(namn).toLowerCase();
    const bytes = await readFile(fil);
    const tyst = new Findings();
    if (ext === ".json") {
      const text = decodeOrReport(bytes, fil, tyst, "en JSON-fil med inställningar")?.text;
      const inst = text !== undefined && isInstallningar(text) ? readInstallningar(text, fil, tyst) : undefined;
      if (inst) ({ skyddsgrans: k, skydd } = inst);
      continue;
    }
    if (!TABLE_EXTENSIONS.includes(ext) || isXlsx(bytes)) continue;
    if (recognise(bytes, fil, tyst).kind !== "deltagare") continue;
    for (const r of readRecords(bytes, fil, ID_SCHEMA, ID_KOLUMNER, tyst) ?? []) {
      const v = r.value.deltagare_id?.trim();
      if (v === undefined || v === "" || id.has(v)) continue;
      if (sokbartId(v)) id.add(v);
      else kortaId++;
    }
  }
  return { k, skydd, deltagarId: [...id].sort(), kortaId, indata };
}

async function allaFiler(katalog: string): Promise<string[]> {
  const ut: string[] = [];
  for (const post of await readdir(katalog, { withFileTypes: true })) {
    if (post.name.startsWith(".")) continue;
    const sokvag = join(katalog, post.name);
    if (post.isDirectory()) ut.push(...(await allaFiler(sokvag)));
    else if (post.isFile()) ut.push(sokvag);
  }
  return ut.sort();
}

/** `insatser_nyckeltal.0c554d78.csv` -> `insatser_nyckeltal.csv` (Frameworks innehållshash bort). */
export function utanHash(namn: string): string {
  return namn.replace(/\.[0-9a-f]{8}(\.[^.]+)$/, "$1");
}

/**
 * Kör grinden på en byggd katalog. Tom lista: bygget får publiceras. `urval` begränsar vilka
 * filer som prövas (bygget prövar pipelinens utdata, utom Parquet-filerna som aldrig
 * publiceras, innan Framework bygger sidorna, och sedan hela det färdiga bygget).
 */
export async function publiceringsgrind(
  katalog: string,
  underlag: Grindunderlag,
  urval: (fil: string) => boolean = () => true,
): Promise<Grindfynd[]> {
  const fynd: Grindfynd[] = [];
  const indataHash = new Map(underlag.indata.map((f) => [f.sha256, f.namn]));
  const indataNamn = new Set(underlag.indata.map((f) => f.namn.toLowerCase()));
  const interna = new Set(INTERNA_FILER.map((n) => n.toLowerCase()));
  const tabeller: { fil: string; namn: string; text: string }[] = [];

  for (const sokvag of await allaFiler(katalog)) {
    const fil = relative(katalog, sokvag).split(sep).join("/");
    if (!urval(fil)) continue;
    const namn = utanHash(basename(sokvag));
    const ext = extname(namn).toLowerCase();
    const bytes = await readFile(sokvag);
    if (interna.has(namn.toLowerCase())) {
      fynd.push({ fil, regel: "grind.intern", meddelande: `${namn} skrivs bara av finsam run --intern (oskyddade deltagarresultat) och får aldrig publiceras (internal-only file)` });
    }
    if (!(TILLATNA_FILTYPER as readonly string[]).includes(ext)) {
      fynd.push({
        fil, regel: "grind.filtyp",
        meddelande: `filtypen ${ext || "(utan ändelse)"} får inte publiceras; tillåtna är ${TILLATNA_FILTYPER.join(", ")} (file type not allowed)`
      });
    }
    const kopia = bytes.length > 0 ? indataHash.get(sha256(bytes)) : undefined;
    if (kopia !== undefined) {
      fynd.push({ fil, regel: "grind.indatafil", meddelande: `filen är en kopia av indatafilen ${kopia} i datakatalogen (a raw input file)` });
    } else if (indataNamn.has(namn.toLowerCase())) {
      fynd.push({ fil, regel: "grind.indatafil", meddelande: `filen har samma namn som indatafilen ${namn} i datakatalogen (named like a raw input file)` });
    }

    if (TEXTTYPER.has(ext)) {
      const text = new TextDecoder("utf-8").decode(bytes);
      for (const l of sok(text, underlag.deltagarId, namn)) fynd.push(lackfynd(fil, l, { rad: l.rad, kolumn: l.kolumn }));
      // En fil som inte är ren UTF-8 (t.ex. Latin-1) kan gömma id med å, ä och ö: sök även så.
      if (!arGiltigUtf8(bytes)) {
        const latin1 = bytes.toString("latin1");
        const ickeAscii = underlag.deltagarId.filter((id) => /[^\x00-\x7f]/.test(id));
        for (const l of hittaId(latin1, ickeAscii)) fynd.push(lackfynd(fil, l, { rad: l.rad, kolumn: l.kolumn }, "Latin-1"));
      }
      if (ext === ".csv" && /^insatser_(nyckeltal|rapporterat|jamstalldhet)\.csv$/.test(namn)) tabeller.push({ fil, namn, text });
    } else {
      // Bilder, typsnitt och okända filer: byte för byte (Latin-1 behåller varje byte som ett tecken).
      for (const l of sok(bytes.toString("latin1"), underlag.deltagarId)) fynd.push(lackfynd(fil, l, { byte: l.index }));
    }
  }

  for (const t of tabeller) {
    const tolkad = readDelimited(t.text, t.fil, new Findings());
    if (!tolkad) {
      fynd.push({ fil: t.fil, regel: "grind.tabell", meddelande: `${t.namn} kan inte läsas som CSV; grinden kan inte se att tabellen är skyddad (unreadable table)` });
      continue;
    }
    if (t.namn === "insatser_nyckeltal.csv") fynd.push(...(await kontrolleraNyckeltal(t.fil, tolkad, underlag.k, underlag.skydd)));
    else if (t.namn === "insatser_jamstalldhet.csv" && underlag.skydd.metod === "brus") fynd.push(...kontrolleraAntal(t.fil, t.namn, tolkad, underlag.skydd.brus.sma + 1, `1–${underlag.skydd.brus.sma} (små tal publiceras aldrig)`));
    else fynd.push(...kontrolleraAntal(t.fil, t.namn, tolkad, underlag.k));
  }
  return fynd;
}

/**
 * Every leak in a text file. `namn` (the file's name without Framework's hash) tells where the
 * numbers of the public SCB tables are (offentligatal.ts); they are found only when a bare run
 * of digits there passes for a personnummer, so most files are never parsed for them.
 */
function sok(text: string, ids: readonly string[], namn?: string): Lacka[] {
  let tal: Stracka[] | undefined;
  const arTal = namn === undefined ? undefined : (fran: number, till: number) => inomStracka((tal ??= offentligaTal(namn, text)), fran, till);
  return [...hittaPersonnummer(text, arTal), ...hittaId(text, ids), ...hittaText(text, TESTPERSON)].sort((a, b) => a.index - b.index);
}

function arGiltigUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const LACKTEXT: Record<Lacka["typ"], [string, string]> = {
  personnummer: ["ett personnummer", "a personnummer"],
  samordningsnummer: ["ett samordningsnummer", "a samordningsnummer"],
  deltagar_id: ["ett deltagar-id ur indata", "a participant id from the inputs"],
  testperson: ["exempeldatans testperson", "the test person of the example data"]
};

function lackfynd(fil: string, l: Lacka, plats: { rad?: number; kolumn?: number; byte?: number }, kodning?: string): Grindfynd {
  const [sv, en] = LACKTEXT[l.typ];
  return { fil, ...plats, regel: `grind.${l.typ}`, meddelande: `${sv} (${l.visas})${kodning ? ` i ${kodning}` : ""} (${en})` };
}

// ------------------------------------------------------------------ deltagartabellerna

/** Kolumnindex (0-baserat) per kolumnnamn, eller ett fynd om en kolumn saknas. */
function kolumner(fil: string, t: DelimitedText, namn: readonly string[]): Map<string, number> | Grindfynd {
  const index = new Map(t.header.fields.map((f, i) => [f.trim(), i]));
  const saknas = namn.filter((n) => !index.has(n));
  if (saknas.length > 0) {
    return { fil, rad: t.header.line, regel: "grind.tabell", meddelande: `kolumn saknas: ${saknas.join(", ")}; grinden kan inte se att tabellen är skyddad (missing column)` };
  }
  return index;
}

const tal = (s: string | undefined): number | null => {
  const t = (s ?? "").trim();
  if (t === "") return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
};

/**
 * insatser_nyckeltal.csv: kontrollen utifrån (kontrolleraPublicerat) efter metoden i varje
 * rads kolumn skydd, med byggets k och brusets parametrar.
 */
export async function kontrolleraNyckeltal(fil: string, t: DelimitedText, k: number, skydd: Skyddsinstallningar = STANDARD.skydd): Promise<Grindfynd[]> {
  const namn = ["forbund", "insats", "fran", "till", "kon", "matt", "varde", "antal", "undertryckt", "skydd"] as const;
  const index = kolumner(fil, t, namn);
  if (!(index instanceof Map)) return [index];
  const falt = (r: { fields: string[] }, n: (typeof namn)[number]) => (r.fields[index.get(n)!] ?? "").trim();
  const rader: NyckeltalRad[] = [];
  const radnummer = new Map<string, number>();
  const fynd: Grindfynd[] = [];
  for (const r of t.rows) {
    const kon = falt(r, "kon") as Kon;
    const matt = falt(r, "matt") as Matt;
    const metod = falt(r, "skydd") as Skydd;
    if (!KON.includes(kon) || !MATT.includes(matt) || !SKYDD.includes(metod)) {
      fynd.push({ fil, rad: r.line, regel: "grind.tabell", meddelande: `okänt kön "${kon}", mått "${matt}" eller skydd "${metod}"; grinden kan inte se att raden är skyddad (unknown row)` });
      continue;
    }
    const rad: NyckeltalRad = {
      forbund: falt(r, "forbund"), insats: falt(r, "insats"), fran: falt(r, "fran"), till: falt(r, "till"), kon, matt,
      varde: tal(falt(r, "varde")), antal: tal(falt(r, "antal")), undertryckt: falt(r, "undertryckt") === "1", skydd: metod
    };
    rader.push(rad);
    radnummer.set(`${rad.forbund}|${rad.fran}|${rad.till}|${rad.insats}|${rad.kon}|${rad.matt}`, r.line);
  }
  if (fynd.length > 0) return fynd;
  let overtradelser: Overtradelse[];
  try {
    if (rader.some((r) => r.skydd === "undertryckning")) await laddaLosare();
    overtradelser = kontrolleraPublicerat(rader, { k, brus: skydd.brus });
  } catch (e) {
    if (!(e instanceof MotsagelseFel) && !(e instanceof RangeError)) throw e;
    return [{ fil, regel: "grind.tabell", meddelande: `tabellen går inte att kontrollera: ${(e as Error).message} (the protection check failed)` }];
  }
  const antalKolumn = index.get("antal")! + 1;
  return overtradelser.map((o) => {
    const p = o.plats;
    const rad = p && (radnummer.get(`${p.forbund}|${p.fran}|${p.till}|${p.insats}|${p.kon}|${p.matt}`) ?? MATT.map((m) => radnummer.get(`${p.forbund}|${p.fran}|${p.till}|${p.insats}|${p.kon}|${m}`)).find((x) => x !== undefined));
    const var_ = p ? `${p.insats}, ${p.kon}, ${p.fran}–${p.till}` : o.nyckel;
    const vad = p?.vad ?? o.nyckel;
    const grans = p?.metod === "brus" ? `1–${skydd.brus.sma} (små tal publiceras aldrig)` : `mindre än k = ${k}`;
    const meddelande =
      o.typ === "litet_tal"
        ? `antalet ${o.min} (${vad}; ${var_}) visas men är ${grans} (a small count is shown)`
        : o.typ === "visat_dolt"
          ? `raden är markerad som dold men visar ändå ett värde (${vad}; ${var_}) (a hidden row shows a value)`
          : o.typ === "oskyddad"
            ? `raden är inte skyddad (skydd = ingen; ${vad}; ${var_}); bara finsam run --intern skriver sådana rader (an unprotected row)`
            : o.typ === "oforenlig"
              ? `värdena går inte ihop med skyddet (${vad}; ${var_}): en andel måste vara de publicerade antalens kvot och samma personer ha samma antal (values the protection cannot give)`
              : o.typ === "medel_fa"
                ? `ett medelvärde visas över ${o.min} (${vad}; ${var_}), färre än minsta antalet för ett medelvärde (a mean over too few)`
                : o.typ === "dolt_utan_skal"
                  ? `ett värde är dolt fast bruset inte döljer det (${p?.matt ?? vad}; ${var_}): med brus döljs bara ett medelvärde över färre än minsta antalet (a value hidden without cause)`
                : `det dolda antalet (${vad}; ${var_}) kan räknas fram ur det publicerade till ${o.min === o.max ? `exakt ${o.min}` : `mellan ${o.min} och ${o.max === Infinity ? "∞" : o.max}`}, ett spann som avslöjar ett antal under k = ${k} (a hidden count can be narrowed)`;
    return { fil, ...(rad !== undefined ? { rad, kolumn: antalKolumn } : {}), regel: `grind.skydd.${o.typ}`, meddelande };
  });
}

/** Mått i insatser_jamstalldhet.csv vars kvinnor- och man-värden är antal. */
const ANTALSMATT = new Set(["deltagare", "avslut"]);

/**
 * insatser_rapporterat.csv och insatser_jamstalldhet.csv: inget visat antal i 1..k-1, och en
 * rad som är markerad som dold visar inget värde. (Med brus är k här sma_tal + 1.)
 */
export function kontrolleraAntal(fil: string, namn: string, t: DelimitedText, k: number, grans = `mindre än k = ${k}`): Grindfynd[] {
  const fynd: Grindfynd[] = [];
  const litet = (v: number | null) => v !== null && v > 0 && v < k;
  const fel = (rad: number, kolumn: number, kolumnnamn: string, v: number, hur = "visas") =>
    fynd.push({
      fil, rad, kolumn, regel: "grind.skydd.litet_tal",
      meddelande: `antalet ${v} (${kolumnnamn}) ${hur} men är ${grans} (a small count is shown)`
    });
  if (namn === "insatser_rapporterat.csv") {
    const index = kolumner(fil, t, ["varde", "undertryckt"]);
    if (!(index instanceof Map)) return [index];
    const [iv, iu] = [index.get("varde")!, index.get("undertryckt")!];
    for (const r of t.rows) {
      const v = tal(r.fields[iv]);
      if ((r.fields[iu] ?? "").trim() === "1") {
        if (v !== null) fynd.push({ fil, rad: r.line, kolumn: iv + 1, regel: "grind.skydd.visat_dolt", meddelande: "raden är markerad som dold men visar ändå ett värde (a hidden row shows a value)" });
      } else if (litet(v)) fel(r.line, iv + 1, "varde", v!);
    }
    return fynd;
  }
  const index = kolumner(fil, t, ["matt", "kvinnor", "kvinnor_antal", "man", "man_antal"]);
  if (!(index instanceof Map)) return [index];
  const i = (n: string) => index.get(n)!;
  for (const r of t.rows) {
    const matt = (r.fields[i("matt")] ?? "").trim();
    for (const n of ["kvinnor_antal", "man_antal"]) {
      const v = tal(r.fields[i(n)]);
      if (litet(v)) fel(r.line, i(n) + 1, n, v!);
    }
    for (const kon of ["kvinnor", "man"]) {
      const v = tal(r.fields[i(kon)]);
      if (ANTALSMATT.has(matt) && litet(v)) fel(r.line, i(kon) + 1, kon, v!);
      const n = tal(r.fields[i(`${kon}_antal`)]);
      if (matt === "andel_mal" && v !== null && n !== null) {
        // En andel och dess nämnare visar täljaren och resten: inte heller de får vara 1..k-1.
        const taljare = Math.round(v * n);
        if (litet(taljare)) fel(r.line, i(kon) + 1, `${kon}, täljaren`, taljare, "följer av andelen och nämnaren");
        if (litet(n - taljare)) fel(r.line, i(kon) + 1, `${kon}, resten`, n - taljare, "följer av andelen och nämnaren");
      }
    }
  }
  return fynd;
}

// ------------------------------------------------------------------ meddelanden

export function visaFynd(f: Grindfynd): string {
  const plats = f.rad !== undefined ? ` rad ${f.rad}${f.kolumn !== undefined ? `, kolumn ${f.kolumn}` : ""}` : f.byte !== undefined ? ` byte ${f.byte}` : "";
  return `${f.fil}${plats}: ${f.meddelande}`;
}

/**
 * Fynden som en lista för byggets felmeddelande: högst tre av samma slag i samma fil (resten
 * räknas) och högst VISA_HOGST rader.
 */
export function visaFyndLista(fynd: readonly Grindfynd[]): string {
  const grupper = new Map<string, Grindfynd[]>();
  for (const f of fynd) {
    const nyckel = `${f.fil}\u0000${f.regel}`;
    grupper.set(nyckel, [...(grupper.get(nyckel) ?? []), f]);
  }
  const rader: string[] = [];
  for (const g of grupper.values()) {
    for (const f of g.slice(0, 3)) rader.push(`  - ${visaFynd(f)}`);
    if (g.length > 3) rader.push(`    … och ${g.length - 3} till av samma slag (${g[0]!.regel}) i ${g[0]!.fil}`);
  }
  if (rader.length > VISA_HOGST) return [...rader.slice(0, VISA_HOGST), `  … och ${rader.length - VISA_HOGST} rader till (${fynd.length} fynd i allt)`].join("\n");
  return rader.join("\n");
}
