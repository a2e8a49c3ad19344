// Kör det riktiga bygget (scripts/bygg.ts): pipelinen, Observable Framework och bytet av
// dist. Långsamt (några tiotal sekunder per bygge), därför generösa tidsgränser.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIDOR, dataladdarfiler, efterbehandlaHtml, kontrolleraBygge } from "../scripts/bygg.ts";

const ROT = fileURLToPath(new URL("../", import.meta.url));
const EXEMPEL = join(ROT, "data", "exempel");
const TSX = join(ROT, "node_modules", ".bin", "tsx");

interface Resultat {
  kod: number;
  stdout: string;
  stderr: string;
}

function kor(kommando: string, argument: string[], env: Record<string, string> = {}): Promise<Resultat> {
  return new Promise((klar) => {
    execFile(kommando, argument, { cwd: ROT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (fel, stdout, stderr) => {
      const kod = fel ? (typeof fel.code === "number" ? fel.code : 1) : 0;
      klar({ kod, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/**
 * Ett bygge. Byggen delar låset .finsam-build/bygg.las: pågår ett annat bygge i samma katalog
 * (t.ex. `npm run build` i ett annat fönster) väntar testet och försöker igen.
 */
async function bygg(data: string, dist: string): Promise<Resultat> {
  for (let forsok = 0; ; forsok++) {
    const r = await kor(TSX, ["scripts/bygg.ts"], { FINSAM_DATA: data, FINSAM_DIST: dist, SOURCE_DATE_EPOCH: "" });
    if (r.kod === 0 || !/Ett annat bygge pågår redan/.test(r.stderr) || forsok >= 40) return r;
    await new Promise((klar) => setTimeout(klar, 5000));
  }
}
const pipeline = (data: string, ut: string) => kor(process.execPath, ["bin/finsam.js", "run", data, "--out", ut]);

function filer(katalog: string): string[] {
  return readdirSync(katalog).flatMap((namn) => {
    const sokvag = join(katalog, namn);
    return statSync(sokvag).isDirectory() ? filer(sokvag) : [sokvag];
  });
}

/** Varje fil i katalogen med sin SHA-256, för att se att inget har ändrats. */
function avtryck(katalog: string): Map<string, string> {
  return new Map(filer(katalog).map((f) => [relative(katalog, f), createHash("sha256").update(readFileSync(f)).digest("hex")]));
}

/** Den publicerade helarsekvivalenter.csv i ett bygge (namnet har en innehållshash). */
function publicerad(dist: string, namn: string): Buffer {
  const katalog = join(dist, "_file", "data");
  const [bas, andelse] = [namn.slice(0, namn.lastIndexOf(".")), namn.slice(namn.lastIndexOf("."))];
  const traffar = readdirSync(katalog).filter((f) => new RegExp(`^${bas}\\.[0-9a-f]{8}\\${andelse}$`).test(f));
  expect(traffar).toHaveLength(1);
  return readFileSync(join(katalog, traffar[0]!));
}

/** SCB-filen i en datakatalog (filen med Helårsekvivalenter i titeln eller rubriken). */
function scbFil(katalog: string): string {
  const fil = readdirSync(katalog)
    .filter((f) => f.endsWith(".csv"))
    .find((f) => /Sjukpenning|helårsekvivalent/i.test(readFileSync(join(katalog, f)).toString("latin1")));
  if (!fil) throw new Error(`ingen SCB-fil i ${katalog}`);
  return join(katalog, fil);
}

/** Rapporterade utfall: Avesta 2018 får två fler inskrivna vid start och två fler aktiva vid slut. */
function andraRapporterat(katalog: string): void {
  const sokvag = join(katalog, "rapporterat_utfall_2018.csv");
  const fore = readFileSync(sokvag).toString("latin1");
  const efter = fore.replace("sodra-dalarna;Samverkansteam Avesta;2018;38;44;21;3;5;3;3;0;7;61", "sodra-dalarna;Samverkansteam Avesta;2018;40;44;21;3;5;3;3;0;7;63");
  expect(efter).not.toBe(fore);
  writeFileSync(sokvag, Buffer.from(efter, "latin1"));
}

/** Tar bort den sista månadskolumnen ur en bred SCB-fil (som om den senaste månaden inte fanns än). */
function utanSistaManaden(sokvag: string): void {
  const text = readFileSync(sokvag).toString("latin1");
  const radslut = text.includes("\r\n") ? "\r\n" : "\n";
  const rader = text.split(radslut);
  const rubrikrad = rader.findIndex((r) => /"?\d{4}M\d{2}"?\s*$/.test(r));
  const avgransare = [";", ",", "\t"].find((a) => rader[rubrikrad]!.includes(a))!;
  const nya = rader.map((rad, i) => (i >= rubrikrad && rad.includes(avgransare) ? rad.slice(0, rad.lastIndexOf(avgransare)) : rad));
  writeFileSync(sokvag, Buffer.from(nya.join(radslut), "latin1"));
}

describe("bygget (scripts/bygg.ts)", () => {
  let tmp: string;
  let data: string;
  let dist: string;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "finsam-byggtest-"));
    data = join(tmp, "data");
    dist = join(tmp, "dist");
    cpSync(EXEMPEL, data, { recursive: true });
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it(
    "ett bygge publicerar pipelinens filer och visar ändrade indata i nästa bygge",
    async () => {
      utanSistaManaden(scbFil(data));
      const forsta = await bygg(data, dist);
      expect(forsta.kod, forsta.stderr).toBe(0);
      for (const sida of ["index.html", "helarsekvivalenter.html", "jamforelse.html"]) {
        expect(readFileSync(join(dist, sida), "utf8")).toContain('<html lang="sv">');
      }
      const fore = publicerad(dist, "helarsekvivalenter.csv");
      const forvantadFore = join(tmp, "ut-fore");
      expect((await pipeline(data, forvantadFore)).kod).toBe(0);
      expect(fore.equals(readFileSync(join(forvantadFore, "helarsekvivalenter.csv")))).toBe(true);

      // Den senaste månaden kommer till: bygget måste visa den, inte en gammal cachad fil.
      cpSync(EXEMPEL, data, { recursive: true });
      const andra = await bygg(data, dist);
      expect(andra.kod, andra.stderr).toBe(0);
      const efter = publicerad(dist, "helarsekvivalenter.csv");
      const forvantadEfter = join(tmp, "ut-efter");
      expect((await pipeline(data, forvantadEfter)).kod).toBe(0);
      expect(efter.equals(readFileSync(join(forvantadEfter, "helarsekvivalenter.csv")))).toBe(true);
      expect(efter.equals(fore)).toBe(false);
      expect(readdirSync(tmp).filter((f) => f.startsWith(".dist-"))).toEqual([]);
    },
    300_000
  );

  it(
    "den byggda webbplatsen innehåller varken testpersonen, deltagarnas id eller oskyddade deltagarresultat",
    async () => {
      if (!existsSync(join(dist, "index.html"))) expect((await bygg(data, dist)).kod).toBe(0);
      // Deltagarnas id (Löpnummer) ur exempelfilen, och den planterade testpersonen.
      const deltagarfil = readFileSync(join(EXEMPEL, "deltagare_sodra_dalarna.csv")).toString("latin1");
      const id = new Set(deltagarfil.split("\r\n").slice(1).map((r) => r.split(";")[0]!).filter((x) => x !== ""));
      expect(id.size).toBeGreaterThan(500);
      const testperson = [/(?<![0-9.])(19)?121212[-+]?1212(?![0-9])/, /Testa Testsson/, /Testsson/];
      for (const fil of filer(dist)) {
        const text = readFileSync(fil).toString("latin1");
        for (const m of testperson) expect(m.test(text), `${m} i ${relative(dist, fil)}`).toBe(false);
        for (const x of id) if (text.includes(x)) expect.fail(`deltagar-id ${x} i ${relative(dist, fil)}`);
      }
      // Det publicerade är pipelinens skyddade utdata (bygget kör aldrig --intern).
      const skyddad = join(tmp, "ut-skyddad");
      expect((await pipeline(data, skyddad)).kod).toBe(0);
      expect(publicerad(dist, "insatser_nyckeltal.csv").equals(readFileSync(join(skyddad, "insatser_nyckeltal.csv")))).toBe(true);
      expect(readFileSync(join(skyddad, "insatser_nyckeltal.csv"), "utf8")).toContain(",1\n"); // något är dolt
    },
    300_000
  );

  it(
    "två byggen av samma indata ger byte för byte samma webbplats",
    async () => {
      if (!existsSync(join(dist, "index.html"))) expect((await bygg(data, dist)).kod).toBe(0);
      const andra = join(tmp, "dist-andra");
      const r = await bygg(data, andra);
      expect(r.kod, r.stderr).toBe(0);
      expect(avtryck(andra)).toEqual(avtryck(dist));
      // Filtiden i sidorna är den nyaste indatafilens, inte byggets.
      const nyast = Math.max(...filer(data).map((f) => Math.floor(statSync(f).mtimeMs / 1000) * 1000));
      const tider = new Set([...readFileSync(join(dist, "insatser.html"), "utf8").matchAll(/"lastModified":(\d+)/g)].map((m) => Number(m[1])));
      expect([...tider]).toEqual([nyast]);
      rmSync(andra, { recursive: true, force: true });
    },
    300_000
  );

  it(
    "ändrade rapporterade utfall syns i nästa bygge",
    async () => {
      if (!existsSync(join(dist, "index.html"))) expect((await bygg(data, dist)).kod).toBe(0);
      const fore = avtryck(dist);
      const foreFil = publicerad(dist, "insatser_rapporterat.csv");
      andraRapporterat(data);
      const r = await bygg(data, dist);
      expect(r.kod, r.stderr).toBe(0);
      const efterFil = publicerad(dist, "insatser_rapporterat.csv");
      expect(efterFil.equals(foreFil)).toBe(false);
      const forvantad = join(tmp, "ut-rapporterat");
      expect((await pipeline(data, forvantad)).kod).toBe(0);
      expect(efterFil.equals(readFileSync(join(forvantad, "insatser_rapporterat.csv")))).toBe(true);
      expect(avtryck(dist)).not.toEqual(fore);
      cpSync(EXEMPEL, data, { recursive: true });
    },
    300_000
  );

  it(
    "publiceringsgrinden stoppar ett personnummer på väg ut och lämnar dist orörd",
    async () => {
      if (!existsSync(join(dist, "index.html"))) expect((await bygg(data, dist)).kod).toBe(0);
      const fore = avtryck(dist);
      // Ett personnummer i ett förbunds namn (fritext i en egen förbundsindelning): pipelinen
      // godtar det, men det skulle publiceras. (Insatsens namn prövas redan när filen läses.)
      const indelning = join(data, "egen_indelning.csv");
      const referens = readFileSync(join(ROT, "data/referens/forbund.csv"), "utf8");
      writeFileSync(indelning, referens.replaceAll("Södra Dalarnas Samordningsförbund", "Södra Dalarna 19121212-1212"));
      try {
        const r = await bygg(data, dist);
        expect(r.kod).toBe(1);
        expect(r.stderr).toMatch(/Bygget misslyckades: Publiceringsgrinden stoppade bygget: \d+ fynd \(the publication gate found/);
        expect(r.stderr).toMatch(/_file\/data\/indelning\.[0-9a-f]{8}\.csv rad \d+, kolumn \d+: ett personnummer \(19121212-\*\*\*\*\)/);
        expect(r.stderr).toMatch(/är oförändrad/);
        expect(`${r.stdout}${r.stderr}`).not.toMatch(/1212-1212|121212121212/);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(avtryck(dist)).toEqual(fore);
        expect(readdirSync(tmp).filter((f) => f.startsWith(".dist-"))).toEqual([]);
      } finally {
        rmSync(indelning);
      }
    },
    300_000
  );

  it(
    "ogiltiga indata stoppar bygget med ett svenskt meddelande och lämnar dist orörd",
    async () => {
      if (!existsSync(join(dist, "index.html"))) expect((await bygg(data, dist)).kod).toBe(0);
      const fore = avtryck(dist);
      // A helårsekvivalenter file with a value in Swedish decimal comma: an error, not a warning.
      writeFileSync(scbFil(data), Buffer.from('"region";"kön";"tabellinnehåll";"2024M01"\r\n"2080 Falun";"män";"Sjukpenning";12,5\r\n', "latin1"));

      const resultat = await bygg(data, dist);
      expect(resultat.kod).not.toBe(0);
      expect(resultat.stderr).toMatch(/Bygget misslyckades: Pipelinen avvisade indata/);
      expect(resultat.stderr).toMatch(/är oförändrad/);
      expect(resultat.stderr).not.toMatch(/\n\s+at /);
      expect(avtryck(dist)).toEqual(fore);
      expect(readdirSync(tmp).filter((f) => f.startsWith(".dist-"))).toEqual([]);
    },
    300_000
  );

  it(
    "en datakatalog som inte finns stoppar bygget och lämnar dist orörd",
    async () => {
      if (!existsSync(join(dist, "index.html"))) expect((await bygg(EXEMPEL, dist)).kod).toBe(0);
      const fore = avtryck(dist);
      const resultat = await bygg(join(tmp, "finns-inte"), dist);
      expect(resultat.kod).toBe(1);
      expect(resultat.stderr).toMatch(/Datakatalogen .* finns inte/);
      expect(avtryck(dist)).toEqual(fore);
    },
    300_000
  );
});

describe("efterbehandlingen av Frameworks HTML", () => {
  const html = [
    "<!DOCTYPE html>",
    "<html>",
    "<head>",
    '<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">',
    "</head>",
    "<body>",
    '<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">',
    '<nav id="observablehq-sidebar">',
    "  <ol>",
    '    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>',
    '    <li class="observablehq-link"><a href="./">Finsam-analys</a></li>',
    "  </ol>",
    '  <div id="observablehq-search"><input type="search" placeholder="Search"></div>',
    "</nav>",
    "</body>",
    "</html>"
  ].join("\n");
  const ut = efterbehandlaHtml(html);

  it("efterbehandlaHtml sätter lang=\"sv\" på <html>", () => {
    expect(ut).toContain('<html lang="sv">');
    expect(efterbehandlaHtml('<html lang="en">')).toBe('<html lang="sv">');
  });
  it("efterbehandlaHtml tar bort maximum-scale så att sidan går att zooma", () => {
    expect(ut).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(ut).not.toContain("maximum-scale");
  });
  it("efterbehandlaHtml byter Frameworks engelska texter mot svenska", () => {
    expect(ut).toContain('title="Visa/dölj sidofältet"');
    expect(ut).toContain('placeholder="Sök"');
    expect(ut).not.toMatch(/Toggle sidebar|"Search"/);
  });
  it("efterbehandlaHtml flyttar sidofältets stängknapp ut ur <ol>", () => {
    expect(ut).toMatch(/<label id="observablehq-sidebar-close"[^>]*><\/label>\s*<ol>\s*<li/);
  });
});

describe("kontrollen av ett bygge", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "finsam-kontroll-"));
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Ett litet påhittat bygge med sidorna och dataladdarnas filer. */
  async function bygge(namn: string, data: (fil: string) => string): Promise<{ tillfallig: string; utdata: string }> {
    const tillfallig = join(tmp, namn, "ut");
    const utdata = join(tmp, namn, "utdata");
    mkdirSync(join(tillfallig, "_file", "data"), { recursive: true });
    mkdirSync(utdata, { recursive: true });
    for (const sida of SIDOR) writeFileSync(join(tillfallig, sida), "<html></html>");
    for (const fil of await dataladdarfiler(ROT)) {
      writeFileSync(join(utdata, fil), `a,b\n1,${fil}\n`);
      writeFileSync(join(tillfallig, "_file", "data", fil.replace(".csv", ".0123abcd.csv")), data(fil));
    }
    return { tillfallig, utdata };
  }

  it("kontrolleraBygge godkänner ett bygge där varje datafil är pipelinens fil", async () => {
    const b = await bygge("lika", (fil) => `a,b\n1,${fil}\n`);
    expect(await kontrolleraBygge({ projektrot: ROT, ...b })).toEqual([]);
  });
  it("kontrolleraBygge underkänner en datafil som skiljer sig från pipelinens (gammal cache)", async () => {
    const b = await bygge("gammal", (fil) => (fil === "indelning.csv" ? "a,b\n1,gammal\n" : `a,b\n1,${fil}\n`));
    expect(await kontrolleraBygge({ projektrot: ROT, ...b })).toEqual([
      "data/indelning.csv på webbplatsen skiljer sig från pipelinens fil (gammal eller ersatt data)"
    ]);
  });
  it("kontrolleraBygge underkänner en sida som saknas och en hänvisning till ett CDN", async () => {
    const b = await bygge("cdn", (fil) => `a,b\n1,${fil}\n`);
    rmSync(join(b.tillfallig, "jamforelse.html"));
    writeFileSync(join(b.tillfallig, "index.html"), '<script src="https://cdn.jsdelivr.net/npm/d3"></script>');
    expect(await kontrolleraBygge({ projektrot: ROT, ...b })).toEqual([
      "sidan jamforelse.html saknas",
      "index.html hänvisar till cdn.jsdelivr.net"
    ]);
  });
});

describe("dataladdarna i src/data", () => {
  it("en dataladdare skriver filen i FINSAM_UTDATA oförändrad till stdout", async () => {
    const katalog = mkdtempSync(join(tmpdir(), "finsam-laddare-"));
    const innehall = "forbund,forbund_namn,kommunkod,kommun,lan,giltig_fran,giltig_till\nx,Förbund X,0114,Upplands Väsby,01,2023-01,\n";
    writeFileSync(join(katalog, "indelning.csv"), innehall);
    const r = await kor(TSX, ["src/data/indelning.csv.ts"], { FINSAM_UTDATA: katalog });
    rmSync(katalog, { recursive: true, force: true });
    expect(r.kod).toBe(0);
    expect(r.stdout).toBe(innehall);
  });
  it("en dataladdare avslutas med 1 och ett svenskt meddelande när filen saknas", async () => {
    const r = await kor(TSX, ["src/data/helarsekvivalenter.csv.ts"], { FINSAM_UTDATA: join(tmpdir(), "finsam-finns-inte") });
    expect(r.kod).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/Dataladdaren för helarsekvivalenter\.csv misslyckades: filen .* finns inte/);
  });
});
