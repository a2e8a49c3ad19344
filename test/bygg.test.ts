// Kör det riktiga bygget (scripts/bygg.ts): pipelinen, Observable Framework och bytet av
// dist. Ett Framework-bygge tar några tiotal sekunder, så testerna delar byggena: ett med
// ändrade indata, ett med exempeldatan (det som de flesta testerna läser) och ett andra med
// samma indata (reproducerbart), plus ett som publiceringsgrinden stoppar. Bytet av dist när
// bygget avbryts prövas utan Framework i test/utkatalog.test.ts.
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, createReadStream, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, posix, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIDOR, dataladdarfiler, efterbehandlaHtml, forbundsnamn, forbundstitel, kontrolleraBygge, tomCachen } from "../scripts/bygg.ts";
import { UTDRAG } from "../src/data/utdrag.js";
import { finsam } from "./helpers/cli.ts";

const ROT = fileURLToPath(new URL("../", import.meta.url));
const EXEMPEL = join(ROT, "data", "exempel");
const GOLDEN = join(ROT, "test", "golden", "exempel");
const TSX = join(ROT, "node_modules", ".bin", "tsx");

interface Resultat {
  kod: number;
  stdout: string;
  stderr: string;
}

function kor(kommando: string, argument: string[], env: Record<string, string> = {}, cwd = ROT): Promise<Resultat> {
  return new Promise((klar) => {
    execFile(kommando, argument, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (fel, stdout, stderr) => {
      const kod = fel ? (typeof fel.code === "number" ? fel.code : 1) : 0;
      klar({ kod, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/**
 * Ett bygge. Byggen i samma klon delar låset .finsam-build/bygg.las: pågår ett annat bygge i
 * klonen (t.ex. `npm run build` i ett annat fönster) väntar testet och försöker igen.
 */
async function bygg(data: string, dist: string, env: Record<string, string> = {}): Promise<Resultat> {
  for (let forsok = 0; ; forsok++) {
    const r = await kor(TSX, ["scripts/bygg.ts"], { FINSAM_DATA: data, FINSAM_DIST: dist, SOURCE_DATE_EPOCH: "", ...env });
    if (r.kod === 0 || !/Ett annat bygge pågår redan i den här klonen/.test(r.stderr) || forsok >= 40) return r;
    await new Promise((klar) => setTimeout(klar, 5000));
  }
}

/** Pipelinens utdata för en datakatalog (i den här processen). */
async function pipeline(data: string, ut: string): Promise<string> {
  const r = await finsam("run", data, "--out", ut);
  expect(r.code, r.stderr).toBe(0);
  return ut;
}

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

/** En publicerad datafil i ett bygge (namnet har en innehållshash). */
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

/** Vad som finns bredvid dist och i .dist-versioner utöver den version dist visar. */
function rester(dist: string): string[] {
  const versioner = join(dirname(dist), ".dist-versioner");
  const aktuell = lstatSync(dist).isSymbolicLink() ? posix.basename(readlinkSync(dist)) : undefined;
  const i = existsSync(versioner) ? readdirSync(versioner).filter((f) => f !== aktuell) : [];
  return [...i.map((f) => `.dist-versioner/${f}`), ...readdirSync(dirname(dist)).filter((f) => f.startsWith(".dist-") && f !== ".dist-versioner")];
}

/**
 * Varje intern länk i en sida och i de skript den laddar: href och src, modulernas import,
 * och filerna sidan registrerar (FileAttachment). Sökvägar relativa till filen. I skripten
 * bara de statiska importerna: Frameworks klient har dynamiska importer av bibliotek som bara
 * laddas om en sida använder dem (DuckDB, Leaflet och andra), och de finns inte i bygget.
 */
function internaLankar(text: string, sida = true): string[] {
  const ut = new Set<string>();
  const statiska = [/\bfrom\s*"([^"]+)"/g, /\bimport\s*"([^"]+)"/g];
  // I ett skript bara sökvägar (./, ../, /): paketerade bibliotek (arquero med sin parser) har
  // texter som `from"),this.type…` som annars skulle läsas som länkar.
  const iSkript = [/\bfrom\s*"((?:\.{1,2}\/|\/)[^"\s(),;]*)"/g, /\bimport\s*"((?:\.{1,2}\/|\/)[^"\s(),;]*)"/g];
  const monster = sida ? [/\s(?:href|src)="([^"]+)"/g, /\bimport\s*\(\s*"([^"]+)"\s*\)/g, /"path":"([^"]+)"/g, ...statiska] : iSkript;
  for (const m of monster) for (const t of text.matchAll(m)) ut.add(t[1]!);
  return [...ut].filter((l) => !/^(#|[a-z][a-z0-9+.-]*:|\/\/)/i.test(l));
}

/** Följer varje intern länk från varje sida (och varje skript den laddar) i en kopia av dist/: vad som inte är en fil. */
function trasigaLankar(rot: string): { lankar: number; trasiga: string[] } {
  const trasiga: string[] = [];
  const sedda = new Set<string>();
  const ko = readdirSync(rot).filter((f) => f.endsWith(".html")).map((f) => join(rot, f));
  let lankar = 0;
  while (ko.length) {
    const fil = ko.pop()!;
    if (sedda.has(fil)) continue;
    sedda.add(fil);
    for (const lank of internaLankar(readFileSync(fil, "utf8"), fil.endsWith(".html"))) {
      lankar++;
      const mal = join(dirname(fil), decodeURIComponent(lank.split(/[?#]/)[0]!));
      if (!existsSync(mal) || !statSync(mal).isFile()) trasiga.push(`${relative(rot, fil)}: ${lank}`);
      else if (/\.(html|js)$/.test(mal) && mal.startsWith(rot + sep)) ko.push(mal);
    }
  }
  return { lankar, trasiga };
}

/** En statisk server som python3 -m http.server: bara filer som finns, katalog/ ger index.html, inget .html läggs till. */
function enkelServer(rot: string): Promise<Server> {
  const server = createServer((req, res) => {
    const sokvag = join(rot, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    const fil = sokvag.endsWith(sep) || (existsSync(sokvag) && statSync(sokvag).isDirectory() && req.url?.endsWith("/")) ? join(sokvag, "index.html") : sokvag;
    if (!fil.startsWith(rot) || !existsSync(fil) || !statSync(fil).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200);
    createReadStream(fil).pipe(res);
  });
  return new Promise((klar) => server.listen(0, "127.0.0.1", () => klar(server)));
}

/** Hämtar varje sida och varje intern länk i den över HTTP: adresserna som inte gav 200. */
async function hamtaAllaLankar(bas: string, sidor: string[]): Promise<{ hamtade: number; fel: string[] }> {
  const fel: string[] = [];
  const sedda = new Set<string>();
  const ko = sidor.map((s) => new URL(s, bas).href);
  while (ko.length) {
    const adress = ko.pop()!;
    if (sedda.has(adress)) continue;
    sedda.add(adress);
    const svar = await fetch(adress);
    if (svar.status !== 200) {
      fel.push(`${svar.status} ${adress.slice(bas.length)}`);
      continue;
    }
    if (/\.html$/.test(new URL(adress).pathname)) {
      for (const l of internaLankar(await svar.text())) ko.push(new URL(l, adress).href.split("#")[0]!);
    } else {
      await svar.arrayBuffer();
    }
  }
  return { hamtade: sedda.size, fel };
}

describe("bygget (scripts/bygg.ts)", () => {
  let tmp: string;
  let data: string;
  let andrad: string;
  let dist: string;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "finsam-byggtest-"));
    data = join(tmp, "data");
    andrad = join(tmp, "data-andrad");
    dist = join(tmp, "dist");
    cpSync(EXEMPEL, data, { recursive: true });
    // Samma data utan den senaste månaden i SCB-filen och med andra rapporterade utfall.
    cpSync(EXEMPEL, andrad, { recursive: true });
    utanSistaManaden(scbFil(andrad));
    andraRapporterat(andrad);
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Byggena som testerna delar, i ordning; var och ett körs en gång. */
  let forstaBygget: Promise<{ avtryck: Map<string, string>; he: Buffer; rapporterat: Buffer }> | undefined;
  let exempelBygget: Promise<void> | undefined;
  const forsta = () =>
    (forstaBygget ??= (async () => {
      // Bara ett förbunds sida i den nationella utgåvan (FINSAM_FORBUND): det här bygget prövar
      // att ändrade indata syns i nästa bygge, och varje förbundssida tar tid att bygga.
      const r = await bygg(andrad, dist, { FINSAM_FORBUND: "sodra-dalarna" });
      expect(r.kod, r.stderr).toBe(0);
      return { avtryck: avtryck(dist), he: publicerad(dist, "helarsekvivalenter.csv"), rapporterat: publicerad(dist, "insatser_rapporterat.csv") };
    })());
  const exempel = () =>
    (exempelBygget ??= (async () => {
      await forsta();
      const r = await bygg(data, dist);
      expect(r.kod, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Klart: .*dist\/ har \d+ sidor/);
      // Grinden prövar både pipelinens utdata (före sidorna) och hela bygget.
      expect(r.stdout).toMatch(/söker i pipelinens utdata[\s\S]*Publiceringsgrinden: söker efter personnummer[\s\S]*Inga fynd/);
    })());

  it(
    "ett bygge publicerar pipelinens filer, och ändrade indata (SCB-fil, rapporterade utfall) syns i nästa bygge",
    async () => {
      const fore = await forsta();
      const forvantadFore = await pipeline(andrad, join(tmp, "ut-andrad"));
      expect(fore.he.equals(readFileSync(join(forvantadFore, "helarsekvivalenter.csv")))).toBe(true);
      expect(fore.rapporterat.equals(readFileSync(join(forvantadFore, "insatser_rapporterat.csv")))).toBe(true);

      // Nästa bygge, med den senaste månaden och de rätta utfallen: inte en gammal cachad fil.
      await exempel();
      for (const sida of SIDOR) expect(readFileSync(join(dist, sida), "utf8")).toContain('<html lang="sv">');
      for (const fil of ["helarsekvivalenter.csv", "insatser_rapporterat.csv", "insatser_nyckeltal.csv"]) {
        expect(publicerad(dist, fil).equals(readFileSync(join(GOLDEN, fil))), `${fil} är pipelinens fil för exempeldatan`).toBe(true);
      }
      expect(publicerad(dist, "helarsekvivalenter.csv").equals(fore.he)).toBe(false);
      expect(publicerad(dist, "insatser_rapporterat.csv").equals(fore.rapporterat)).toBe(false);
      expect(avtryck(dist)).not.toEqual(fore.avtryck);
      // dist är en länk till den nya versionen; den förra är borta.
      expect(lstatSync(dist).isSymbolicLink()).toBe(true);
      expect(rester(dist)).toEqual([]);
    },
    400_000
  );

  it(
    "den byggda webbplatsen innehåller varken testpersonen, deltagarnas id eller oskyddade deltagarresultat",
    async () => {
      await exempel();
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
      // Det publicerade är pipelinens skyddade utdata (bygget kör aldrig --intern): varje rad
      // skyddad med brus (kolumnen skydd), och något är dolt (medelvärden över för få).
      expect(publicerad(dist, "insatser_nyckeltal.csv").equals(readFileSync(join(GOLDEN, "insatser_nyckeltal.csv")))).toBe(true);
      const nyckeltal = readFileSync(join(GOLDEN, "insatser_nyckeltal.csv"), "utf8").trimEnd().split("\n").slice(1);
      expect(nyckeltal.every((r) => r.endsWith(",brus"))).toBe(true);
      expect(nyckeltal.some((r) => r.endsWith(",1,brus"))).toBe(true);
    },
    400_000
  );

  // Att två byggen av samma indata ger byte för byte samma webbplats prövar .ci/run (steg 6,
  // diff -r mot ett andra bygge); här prövas det som gör det möjligt: filtiden.
  it("filtiden i sidorna är den nyaste indatafilens, inte byggets", async () => {
    await exempel();
    const nyast = Math.max(...filer(data).map((f) => Math.floor(statSync(f).mtimeMs / 1000) * 1000));
    const tider = new Set([...readFileSync(join(dist, "insatser.html"), "utf8").matchAll(/"lastModified":(\d+)/g)].map((m) => Number(m[1])));
    expect([...tider]).toEqual([nyast]);
  }, 400_000);

  it(
    "varje intern länk på varje sida leder till en fil: i en vanlig kopia av dist/ (file://) och på en enkel statisk server",
    async () => {
      await exempel();
      const kopia = join(tmp, "kopia");
      cpSync(`${dist}/`, kopia, { recursive: true });
      const { lankar, trasiga } = trasigaLankar(kopia);
      expect(trasiga).toEqual([]);
      expect(lankar).toBeGreaterThan(100);
      // Sidofältets länkar har .html: /insatser.html, aldrig /insatser.
      const index = readFileSync(join(kopia, "index.html"), "utf8");
      for (const sida of SIDOR) expect(index).toContain(`href="./${sida}"`);

      const server = await enkelServer(kopia);
      try {
        const bas = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
        const { hamtade, fel } = await hamtaAllaLankar(bas, SIDOR);
        expect(fel).toEqual([]);
        expect(hamtade).toBeGreaterThan(SIDOR.length);
      } finally {
        server.close();
      }
    },
    400_000
  );

  it.skipIf(!existsSync("/usr/bin/python3") && !existsSync("/usr/local/bin/python3"))(
    "README:s förhandsvisning, python3 -m http.server -d dist, visar varje sida och varje länk",
    async () => {
      await exempel();
      const python = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", dist], { stdio: ["ignore", "pipe", "pipe"] });
      try {
        const port = await new Promise<string>((klar, fel) => {
          let ut = "";
          python.stdout.on("data", (d: Buffer) => {
            ut += d.toString();
            const m = /port (\d+)/.exec(ut);
            if (m) klar(m[1]!);
          });
          python.on("close", () => fel(new Error(`python3 -m http.server avslutades: ${ut}`)));
        });
        const { hamtade, fel } = await hamtaAllaLankar(`http://127.0.0.1:${port}/`, SIDOR);
        expect(fel).toEqual([]);
        expect(hamtade).toBeGreaterThan(SIDOR.length);
      } finally {
        python.kill();
      }
    },
    400_000
  );

  it(
    "publiceringsgrinden stoppar ett personnummer på väg ut och lämnar dist orörd",
    async () => {
      await exempel();
      const fore = avtryck(dist);
      // Ett personnummer i ett förbunds namn (fritext i en egen förbundsindelning): pipelinen
      // godtar det, men det skulle publiceras. (Insatsens namn prövas redan när filen läses.)
      const indelning = join(data, "egen_indelning.csv");
      const referens = readFileSync(join(ROT, "data/referens/forbund.csv"), "utf8");
      // Västerdalarna: ingen indatafil nämner det vid namn, så pipelinen godtar den egna indelningen.
      writeFileSync(indelning, referens.replaceAll("Finsam Västerdalarna", "Västerdalarna 19121212-1212"));
      try {
        const r = await bygg(data, dist);
        expect(r.kod).toBe(1);
        // Grinden prövar pipelinens utdata innan Framework bygger sidorna.
        expect(r.stderr).toMatch(/Bygget misslyckades: Publiceringsgrinden stoppade bygget \(i pipelinens utdata, före sidorna\): \d+ fynd \(the publication gate found/);
        expect(r.stderr).toMatch(/(^|\s)indelning\.csv rad \d+, kolumn \d+: ett personnummer \(19121212-\*\*\*\*\)/m);
        expect(r.stderr).toMatch(/är oförändrad/);
        expect(`${r.stdout}${r.stderr}`).not.toMatch(/1212-1212|121212121212/);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(avtryck(dist)).toEqual(fore);
        expect(rester(dist)).toEqual([]);
      } finally {
        rmSync(indelning);
      }
    },
    400_000
  );

  it(
    "ogiltiga indata stoppar bygget med ett svenskt meddelande och lämnar dist orörd",
    async () => {
      await exempel();
      const fore = avtryck(dist);
      const trasig = join(tmp, "data-trasig");
      cpSync(EXEMPEL, trasig, { recursive: true });
      // A helårsekvivalenter file with a word in a number cell: an error, not a warning. (A decimal
      // comma is read when the whole file writes numbers so, as Swedish Excel does: issue 9.)
      writeFileSync(scbFil(trasig), Buffer.from('"region";"kön";"tabellinnehåll";"2024M01"\r\n"2080 Falun";"män";"Sjukpenning";tolv\r\n', "latin1"));
      const resultat = await bygg(trasig, dist);
      expect(resultat.kod).not.toBe(0);
      expect(resultat.stderr).toMatch(/Bygget misslyckades: Pipelinen avvisade indata/);
      expect(resultat.stderr).toMatch(/är oförändrad/);
      expect(resultat.stderr).not.toMatch(/\n\s+at /);
      expect(avtryck(dist)).toEqual(fore);
      expect(rester(dist)).toEqual([]);
    },
    400_000
  );

  it("en datakatalog som inte finns stoppar bygget och lämnar dist orörd", async () => {
    const egen = join(tmp, "saknas", "dist");
    mkdirSync(egen, { recursive: true });
    writeFileSync(join(egen, "index.html"), "förra");
    const resultat = await bygg(join(tmp, "finns-inte"), egen);
    expect(resultat.kod).toBe(1);
    expect(resultat.stderr).toMatch(/Datakatalogen .* finns inte/);
    expect(readFileSync(join(egen, "index.html"), "utf8")).toBe("förra");
  }, 60_000);

  it("en dist som är en länk till en annan katalog (webbserverns) vägras med ett meddelande, och rörs inte", async () => {
    const katalog = join(tmp, "lankad");
    const webbrot = join(katalog, "www");
    mkdirSync(webbrot, { recursive: true });
    writeFileSync(join(webbrot, "index.html"), "webbserverns");
    symlinkSync(webbrot, join(katalog, "dist"));
    const r = await bygg(data, join(katalog, "dist"));
    expect(r.kod).toBe(1);
    expect(r.stderr).toMatch(/Bygget misslyckades: .*dist är en symbolisk länk till .*www, som bygget inte har lagt dit/);
    expect(r.stderr).toContain(`FINSAM_DIST=${webbrot} npm run build`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(webbrot)).toEqual(["index.html"]);
  }, 60_000);

  it("två kloner som bygger till samma FINSAM_DIST: den andra stoppas medan den första pågår", async () => {
    const gemensam = join(tmp, "gemensam", "dist");
    // En andra klon: samma skript (kopierade, så att projektroten och .finsam-build är dess egna).
    const klon = join(tmp, "klon2");
    mkdirSync(klon);
    cpSync(join(ROT, "scripts"), join(klon, "scripts"), { recursive: true });
    cpSync(join(ROT, "package.json"), join(klon, "package.json"));
    for (const del of ["loaders", "node_modules", "bin", "src", "data"]) symlinkSync(join(ROT, del), join(klon, del));
    // Den första klonen stannar efter att ha tagit låsen.
    const forsta = spawn(TSX, ["scripts/bygg.ts"], {
      cwd: ROT,
      env: { ...process.env, FINSAM_DATA: data, FINSAM_DIST: gemensam, FINSAM_BYGG_TESTPAUS: "efter-las" },
      detached: true,
      stdio: ["ignore", "ignore", "pipe"]
    });
    let stderr = "";
    forsta.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    try {
      for (let i = 0; !stderr.includes("TESTPAUS efter-las"); i++) {
        if (forsta.exitCode !== null || i > 1500) throw new Error(`det första bygget stannade inte: ${stderr}`);
        await new Promise((klar) => setTimeout(klar, 20));
      }
      const andra = await kor(join(ROT, "node_modules", ".bin", "tsx"), ["scripts/bygg.ts"], { FINSAM_DATA: data, FINSAM_DIST: gemensam }, klon);
      expect(andra.kod).toBe(1);
      expect(andra.stderr).toMatch(/Bygget misslyckades: Ett annat bygge till .*gemensam\/dist pågår redan \(process \d+, klonen \//);
      expect(andra.stdout).not.toMatch(/Klart/);
    } finally {
      process.kill(-forsta.pid!, "SIGKILL");
    }
  }, 60_000);
});

describe("Frameworks cache mellan byggen", () => {
  const projekt = mkdtempSync(join(tmpdir(), "finsam-cache-"));
  afterAll(() => rmSync(projekt, { recursive: true, force: true }));
  const cache = join(projekt, "cache");
  const lagg = (markering: string | undefined) => {
    rmSync(cache, { recursive: true, force: true });
    for (const d of ["_node/d3@7.9.2", "_npm/x@1.0.0", "_observablehq", "data"]) mkdirSync(join(cache, d), { recursive: true });
    writeFileSync(join(cache, "data", "helarsekvivalenter.csv"), "gammal");
    if (markering !== undefined) writeFileSync(join(cache, ".finsam-klar"), markering);
  };
  writeFileSync(join(projekt, "package-lock.json"), '{"lockfileVersion": 3}');
  const nyckel = createHash("sha256").update('{"lockfileVersion": 3}').digest("hex");

  it("dataladdarnas resultat tas alltid bort; biblioteken behålls bara efter ett bygge som gick klart med samma låsfil", async () => {
    lagg(nyckel);
    await tomCachen(cache, projekt);
    expect(readdirSync(cache).sort()).toEqual(["_node", "_npm"]);
    lagg(undefined); // ett avbrutet bygge: ingen markering
    await tomCachen(cache, projekt);
    expect(readdirSync(cache)).toEqual([]);
    lagg("en annan låsfil");
    await tomCachen(cache, projekt);
    expect(readdirSync(cache)).toEqual([]);
  });
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
  it("en förbundssida får förbundets namn som titel i HTML-filen (namnet i indelningens första rad per förbund)", () => {
    const indelning = [
      "forbund,forbund_namn,kommunkod,kommun,lan,giltig_fran,giltig_till",
      "falun-borlange,Finsam Falun-Borlänge,2080,Falun,20,2023-01,",
      "falun-borlange,Annat namn,2081,Borlänge,20,2023-01,",
      'a-och-b,"Samordningsförbundet A & B <Norr>",0114,Upplands Väsby,01,2023-01,',
      ""
    ].join("\n");
    const namn = forbundsnamn(indelning);
    expect([...namn]).toEqual([["falun-borlange", "Finsam Falun-Borlänge"], ["a-och-b", "Samordningsförbundet A & B <Norr>"]]);
    const sida = "<head><title>Förbund | Finsam-analys</title></head><h1>Förbund</h1>";
    expect(forbundstitel(sida, namn.get("falun-borlange")!)).toBe("<head><title>Finsam Falun-Borlänge | Finsam-analys</title></head><h1>Förbund</h1>");
    expect(forbundstitel(sida, namn.get("a-och-b")!)).toContain("<title>Samordningsförbundet A &amp; B &lt;Norr&gt; | Finsam-analys</title>");
    // En annan sida (titeln är inte mallens) lämnas som den är.
    expect(forbundstitel("<title>Översikt | Finsam-analys</title>", "X")).toBe("<title>Översikt | Finsam-analys</title>");
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

  /** Pipelinens tabeller som ett utdrag tas ur: utdraget är raden för 2024-02. */
  const TABELLER_MED_UTDRAG: Record<string, string> = Object.fromEntries(Object.values(UTDRAG).map((u) => [u.tabell, "manad,b\n2024-01,x\n2024-02,y\n"]));

  /** Ett litet påhittat bygge med sidorna och dataladdarnas filer. */
  async function bygge(namn: string, data: (fil: string) => string | undefined, publiceradOversikt = '{"he":1}'): Promise<{ tillfallig: string; utdata: string }> {
    const tillfallig = join(tmp, namn, "ut");
    const utdata = join(tmp, namn, "utdata");
    mkdirSync(join(tillfallig, "_file", "data"), { recursive: true });
    mkdirSync(utdata, { recursive: true });
    for (const sida of SIDOR) {
      mkdirSync(dirname(join(tillfallig, sida)), { recursive: true });
      writeFileSync(join(tillfallig, sida), "<html></html>");
    }
    for (const fil of await dataladdarfiler(ROT)) {
      // Ett utdrag (src/data/utdrag.js) görs ur sin tabell, som har en periodkolumn.
      if (fil in UTDRAG) continue;
      const pipelinens = TABELLER_MED_UTDRAG[fil] ?? `a,b\n1,${fil}\n`;
      writeFileSync(join(utdata, fil), pipelinens);
      writeFileSync(join(tillfallig, "_file", "data", fil.replace(".csv", ".0123abcd.csv")), data(fil) ?? pipelinens);
    }
    for (const [fil, { tabell }] of Object.entries(UTDRAG)) {
      writeFileSync(join(tillfallig, "_file", "data", fil.replace(".csv", ".0123abcd.csv")), data(fil) ?? "manad,b\n2024-02,y\n");
    }
    // Sidornas data (loaders/publish/sidor/katalog.ts): en sidas fil, publicerad med
    // Frameworks hash, och en regionfil under sin fasta adress.
    const sidor = { "oversikt.json": '{"he":1}', "helarsekvivalenter/kommun-2080.json": '{"he":2}' };
    mkdirSync(join(utdata, "sida", "helarsekvivalenter"), { recursive: true });
    mkdirSync(join(tillfallig, "_file", "data", "sida"), { recursive: true });
    mkdirSync(join(tillfallig, "data", "sida", "helarsekvivalenter"), { recursive: true });
    writeFileSync(join(utdata, "sida", "filer.json"), JSON.stringify(Object.keys(sidor).sort()));
    for (const [fil, text] of Object.entries(sidor)) writeFileSync(join(utdata, "sida", fil), text);
    writeFileSync(join(tillfallig, "_file", "data", "sida", "oversikt.0123abcd.json"), publiceradOversikt);
    writeFileSync(join(tillfallig, "data", "sida", "helarsekvivalenter", "kommun-2080.json"), sidor["helarsekvivalenter/kommun-2080.json"]);
    return { tillfallig, utdata };
  }

  it("kontrolleraBygge godkänner ett bygge där varje datafil är pipelinens fil (ett utdrag: utdraget ur pipelinens tabell)", async () => {
    const b = await bygge("lika", () => undefined);
    expect(await kontrolleraBygge({ projektrot: ROT, ...b })).toEqual([]);
  });
  it("kontrolleraBygge underkänner en datafil som skiljer sig från pipelinens (gammal cache)", async () => {
    const b = await bygge("gammal", (fil) => (fil === "indelning.csv" ? "a,b\n1,gammal\n" : undefined));
    expect(await kontrolleraBygge({ projektrot: ROT, ...b })).toEqual([
      "data/indelning.csv på webbplatsen skiljer sig från pipelinens fil (gammal eller ersatt data)"
    ]);
  });
  it("kontrolleraBygge underkänner ett utdrag som inte är utdraget ur pipelinens tabell (här hela tabellen)", async () => {
    const b = await bygge("utdrag", (fil) => (fil === "malgrupp_senaste_manaden.csv" ? "manad,b\n2024-01,x\n2024-02,y\n" : undefined));
    expect(await kontrolleraBygge({ projektrot: ROT, ...b })).toEqual([
      "data/malgrupp_senaste_manaden.csv på webbplatsen skiljer sig från pipelinens utdrag ur malgrupp.csv (gammal eller ersatt data)"
    ]);
  });
  it("kontrolleraBygge underkänner sidornas data som skiljer sig från pipelinens, saknas eller inte hör dit", async () => {
    const b = await bygge("sidodata", () => undefined, '{"he":0}');
    rmSync(join(b.tillfallig, "data", "sida", "helarsekvivalenter", "kommun-2080.json"));
    writeFileSync(join(b.tillfallig, "data", "sida", "helarsekvivalenter", "kommun-0000.json"), "{}");
    expect(await kontrolleraBygge({ projektrot: ROT, ...b })).toEqual([
      "data/sida/helarsekvivalenter/kommun-2080.json publicerades inte (regionfil, dynamicPaths)",
      "data/sida/oversikt.json skiljer sig från sidornas data",
      "data/sida/helarsekvivalenter/kommun-0000.json publicerades men finns inte i sidornas data",
    ]);
  });
  it("kontrolleraBygge underkänner en sida som saknas och en hänvisning till ett CDN", async () => {
    const b = await bygge("cdn", () => undefined);
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
    const r = await kor(process.execPath, ["src/data/indelning.csv.js"], { FINSAM_UTDATA: katalog });
    rmSync(katalog, { recursive: true, force: true });
    expect(r.kod).toBe(0);
    expect(r.stdout).toBe(innehall);
  });
  it("en dataladdare avslutas med 1 och ett svenskt meddelande när filen saknas", async () => {
    const r = await kor(process.execPath, ["src/data/helarsekvivalenter.csv.js"], { FINSAM_UTDATA: join(tmpdir(), "finsam-finns-inte") });
    expect(r.kod).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/Dataladdaren för helarsekvivalenter\.csv misslyckades: filen .* finns inte/);
  });
});
