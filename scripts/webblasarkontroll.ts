// Öppnar den byggda webbplatsen i Chromium och underkänner den vid fel:
// `npm run kontrollera-webblasare` (tsx scripts/webblasarkontroll.ts [dist]).
//
// Underkänns: fel i konsolen eller på sidan (även Frameworks felrutor), anrop till
// andra värdar än 127.0.0.1/localhost, HTTP-status 400 eller högre, ett diagram
// utan markeringar, ett diagram utan rubrik, textalternativ eller tabell med samma data,
// en sida utan lang="sv" och tillgänglighetsfel (axe, WCAG 2.1 A och AA)
// med påverkan "critical" eller "serious". Lägre påverkan skrivs ut som varningar.
// Varje tabell ska ha knapparna för nedladdning (Excel, .xlsx, och vanlig CSV) och filerna ska
// stämma med det som visas (xlsx-filen läses tillbaka med projektets egen läsare, loaders/read/xlsx.ts); på varje sida laddas den första tabellen (och den första med ett
// dolt värde) också ned på riktigt (kontrolleraNedladdning).
// Sidvikt: data (filer under _file/ och data/, inte skript och stilmallar) som en sida hämtar
// när den laddas mäts gzip-komprimerad; mer än SIDVIKT_GRANS underkänns (issue 10: sidorna
// laddar bara det de visar). Vikterna skrivs till .finsam-build/sidvikt.json.
// Servern är en vanlig statisk server (som python3 -m http.server: bara filer som finns,
// inget .html läggs till), och varje intern länk på varje sida ska ge HTTP 200 där. Sidorna
// öppnas också från file:// (en kopia av dist/ utan server): varje länk ska leda till en fil.
// Urvalen ska stå i adressen: efter ändrade urval öppnar samma adress samma vy, och bakåt och
// framåt byter urvalen (kontrolleraAdress).
// Utskrift: varje sida skrivs ut till PDF (A4, .finsam-build/utskrifter/) och ingen tabell får
// vara bredare än papperets skrivbara yta; urvalen blir en rad text (kontrolleraUtskrift).
// Diagram: en streckad referenslinje får inte gå genom en etikett (KORSADE_ETIKETTER).
// Tangentbord: första Tab ger "Hoppa till innehållet", och listorna med urval behåller fokus
// när valet byts med piltangenterna (kontrolleraTangentbord).
// Bredd: vid 1280 och 390 px får ingen sida rulla i sidled, och vid 1280 px ryms tabellerna i
// kort (kontrolleraBredd).
// Skärmbilder sparas i .finsam-build/skarmbilder/.
// Den nationella utgåvan (docs/nationell.md): med många förbundssidor (forbund/<id>.html, fler än
// MANGA_FORBUNDSSIDOR) får de FULLA_FORBUNDSSIDOR första (i bokstavsordning) hela kontrollen och de andra den korta
// (kontrolleraSida med kort = true): det som issue 13 kräver av varje sida, alltså inga fel i
// konsolen eller på sidan, inga anrop utanför, ingen HTTP-status 400 eller högre, data inom
// SIDVIKT_GRANS, lang="sv", diagram med markeringar (också efter ändrade urval), axe utan
// allvarliga fel och ingen sidledsrullning vid 1280 och 390 px; länkarna prövas för alla sidor från file://. Sidorna är
// byggda från samma mall, så nedladdningarna, urvalen, adressen, utskriften och tangentbordet
// prövas på de första. FINSAM_KONTROLL_FULLT=alla (eller ett antal) ger fler hela kontroller;
// FINSAM_KONTROLL_KORT=alla ger den korta kontrollen på varje sida (CI:s nationella steg).
import AxeBuilder from "@axe-core/playwright";
import { dsvFormat } from "d3";
import { createReadStream, existsSync, statSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { lasArbetsbok } from "../loaders/read/xlsx.ts";
import { UTSKRIFTSBREDD } from "../src/components/utskrift.ts";

const PROJEKTROT = fileURLToPath(new URL("../", import.meta.url));
const CHROMIUM = process.env.FINSAM_CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_FLAGGOR = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];

const MIMETYPER: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8"
};

/**
 * Löser en URL-sökväg mot dist/ som en vanlig statisk server: filen som finns, /a/ -> a/index.html.
 * Inget .html läggs till (/a är 404), så länkar som bara fungerar med rena adresser underkänns.
 */
export function losSokvag(dist: string, urlSokvag: string): string | null {
  let sokvag: string;
  try {
    sokvag = decodeURIComponent(urlSokvag.split(/[?#]/)[0] ?? "/");
  } catch {
    return null;
  }
  const fil = resolve(dist, `.${sokvag}`);
  if (fil !== dist && !fil.startsWith(dist + sep)) return null;
  const kandidater = sokvag.endsWith("/") ? [join(fil, "index.html")] : [fil];
  for (const k of kandidater) if (existsSync(k) && statSync(k).isFile()) return k;
  return null;
}

function startaServer(dist: string): Promise<Server> {
  const server = createServer((req, res) => {
    const fil = req.method === "GET" || req.method === "HEAD" ? losSokvag(dist, req.url ?? "/") : null;
    if (!fil) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("Hittades inte");
      return;
    }
    res.writeHead(200, { "content-type": MIMETYPER[extname(fil)] ?? "application/octet-stream" });
    if (req.method === "HEAD") res.end();
    else createReadStream(fil).pipe(res);
  });
  return new Promise((klar) => server.listen(0, "127.0.0.1", () => klar(server)));
}

async function htmlSidor(dist: string, katalog = dist): Promise<string[]> {
  const ut: string[] = [];
  for (const post of await readdir(katalog, { withFileTypes: true })) {
    if (post.name.startsWith("_") || post.name.startsWith(".")) continue;
    const sokvag = join(katalog, post.name);
    if (post.isDirectory()) ut.push(...(await htmlSidor(dist, sokvag)));
    else if (post.name.endsWith(".html") && post.name !== "404.html") ut.push(relative(dist, sokvag));
  }
  return ut.sort();
}

/** "index.html" -> "/index.html": sidorna nås som filerna de är, som länkarna mellan dem. */
function adressFor(fil: string): string {
  return `/${fil.split(sep).join("/")}`;
}

/** Länkarna (a och link) på sidan, som absoluta adresser utan #fragment. */
function lankarPaSidan(page: Page): Promise<string[]> {
  return page.$$eval("a[href], link[href]", (es) => [...new Set(es.map((e) => (e as HTMLAnchorElement).href.split("#")[0]!).filter((h) => h !== ""))]);
}

/**
 * Varje intern länk på sidan ska ge HTTP 200 från den statiska servern (sådana som redan
 * prövats på en annan sida prövas inte igen).
 */
async function kontrolleraLankar(page: Page, bas: string, provade: Map<string, number>, fel: string[]): Promise<number> {
  let antal = 0;
  for (const adress of await lankarPaSidan(page)) {
    if (!adress.startsWith(bas)) continue;
    antal++;
    let status = provade.get(adress);
    if (status === undefined) {
      status = (await page.request.get(adress)).status();
      provade.set(adress, status);
    }
    if (status !== 200) fel.push(`länken ${adress.slice(bas.length)} ger HTTP ${status} (en vanlig statisk server, som python3 -m http.server)`);
  }
  return antal;
}

/**
 * Sidorna öppnade från file:// (en kopia av dist/ utan server): varje länk på varje sida ska
 * leda till en fil som finns. (Skripten körs inte från file://, webbläsaren tillåter inte
 * moduler där, så bara sidornas HTML och länkar prövas.)
 */
async function kontrolleraFilLankar(browser: Browser, dist: string, sidor: string[]): Promise<{ lankar: number; fel: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fel: string[] = [];
  let lankar = 0;
  try {
    for (const sida of sidor) {
      await page.goto(pathToFileURL(join(dist, sida)).href, { waitUntil: "domcontentloaded" });
      for (const adress of await lankarPaSidan(page)) {
        if (!adress.startsWith("file:")) continue;
        lankar++;
        const fil = fileURLToPath(adress);
        if (!existsSync(fil) || !statSync(fil).isFile()) fel.push(`${sida}: länken ${relative(dist, fil) || "."} leder inte till en fil (file://)`);
      }
    }
  } finally {
    await context.close();
  }
  return { lankar, fel: [...new Set(fel)] };
}

interface Diagramstatus {
  titel: string;
  markeringar: number;
  /** Saknas något av det varje diagram ska ha: rubrik, textalternativ, tabell med samma data. */
  saknar: string[];
}

/** Väntar tills Framework har kört klart alla celler på sidan. */
async function vantaPaSidan(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page
    .waitForFunction(() => document.querySelectorAll(".observablehq--loading").length === 0, null, { timeout: 20_000 })
    .catch(() => {});
  await page.waitForTimeout(400);
}

/** Räknar datamarkeringar (inte axlar, rutnät eller verktygstips) i varje diagram på sidan. */
function rakna(page: Page): Promise<Diagramstatus[]> {
  return page.evaluate(() => {
    const ejData = /axis|grid|tick|frame|tip|rule|text/i;
    const figurer = Array.from(document.querySelectorAll("main figure")).filter(
      (f) => f.matches(".diagramkort") || (f.querySelector(":scope > svg") && !f.closest(".diagramkort"))
    );
    return figurer.map((figur) => {
      const titel = figur.querySelector(".diagramtitel")?.textContent?.trim() || figur.getAttribute("aria-label") || "(diagram utan rubrik)";
      let markeringar = 0;
      for (const svg of Array.from(figur.querySelectorAll("svg"))) {
        if (svg.parentElement?.closest("svg")) continue;
        // Plot märker varje grupp av markeringar med aria-label (diagram.js flyttar den till data-markering).
        for (const g of Array.from(svg.querySelectorAll("g[aria-label], g[data-markering]"))) {
          if (ejData.test(g.getAttribute("data-markering") ?? g.getAttribute("aria-label") ?? "")) continue;
          markeringar += g.querySelectorAll("path, rect, circle, line, polygon, polyline").length;
        }
      }
      const saknar: string[] = [];
      if (!figur.querySelector(".diagramtitel")?.textContent?.trim()) saknar.push("rubrik");
      const bild = Array.from(figur.querySelectorAll("svg[role=img]")).find((svg) => !svg.parentElement?.closest("svg"));
      if (!bild || !(bild.getAttribute("aria-label") ?? "").trim()) saknar.push("textalternativ (svg med role=img och aria-label)");
      if (!figur.querySelector("details table")) saknar.push("tabell med diagrammets data (Visa som tabell)");
      return { titel, markeringar, saknar };
    });
  });
}

/**
 * Som rakna, men väntar (högst RITTID ms) medan något diagram saknar markeringar. Efter ett ändrat
 * urval kan ett diagram på den nationella upplagan ritas om efter att nätet har blivit tyst och
 * vantaPaSidan har väntat klart; ett diagram som är tomt på riktigt är det fortfarande efter väntan.
 */
async function raknaNarRitat(page: Page): Promise<Diagramstatus[]> {
  const start = Date.now();
  let forstTomma: string[] = [];
  for (;;) {
    const diagram = await rakna(page);
    const tomma = diagram.filter((d) => d.markeringar === 0).map((d) => `"${d.titel}"`);
    if (tomma.length === 0 && forstTomma.length > 0) {
      // Sagt i utskriften, så att en sida som ritar långsamt syns innan den blir ett fel.
      console.log(`  ${new URL(page.url()).pathname}: väntade ${Date.now() - start} ms på att ${forstTomma.join(", ")} ritades`);
    }
    if (tomma.length === 0 || Date.now() - start >= RITTID) return diagram;
    if (forstTomma.length === 0) forstTomma = tomma;
    await page.waitForTimeout(250);
  }
}
const RITTID = 10_000;

// Körs i webbläsaren: streckade referenslinjer (Plot-regler, <line> med stroke-dasharray) som
// går genom en etikett (text i diagrammet, inte axlarnas) utan att etiketten har en kant i
// bakgrundens färg ovanpå linjen.
const KORSADE_ETIKETTER = `(() => {
  const ut = [];
  const markering = (e) => { const g = e.closest("g[aria-label], g[data-markering]"); return g ? (g.getAttribute("data-markering") ?? g.getAttribute("aria-label") ?? "") : ""; };
  for (const svg of document.querySelectorAll("main figure svg")) {
    if (svg.parentElement?.closest("svg")) continue;
    const linjer = Array.from(svg.querySelectorAll("line")).filter((l) => (l.closest("[stroke-dasharray]")) && !/axis|grid|tick/i.test(markering(l)));
    const texter = Array.from(svg.querySelectorAll("text")).filter((t) => /^text$/i.test(markering(t)) && (t.textContent ?? "").trim());
    for (const l of linjer) {
      const a = l.getBoundingClientRect();
      for (const t of texter) {
        const b = t.getBoundingClientRect();
        const skar = a.left <= b.right - 1 && a.right >= b.left + 1 && a.top <= b.bottom - 1 && a.bottom >= b.top + 1;
        if (!skar) continue;
        const kant = t.closest("[stroke]") && (l.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
        if (!kant) ut.push({ titel: (svg.closest("figure")?.querySelector(".diagramtitel")?.textContent ?? "").trim(), text: t.textContent.trim().slice(0, 40) });
      }
    }
  }
  return ut;
})()`;

/** "1 234,5", "−9", "+58", "12,3 %", "23 456 kr" och "1234.5" som tal; annat (och koder som "0180") null. */
export function somTal(text: string): number | null {
  const t = text
    .replace(/[\u00a0\u202f ]/g, "")
    .replace(/\u2212/g, "-")
    .replace(/(%|kr|mån|år|procentenheter)$/, "")
    .replace(",", ".");
  return /^[+-]?\d+(\.\d+)?$/.test(t) && !/^[+-]?0\d/.test(t) ? Number(t) : null;
}

/**
 * Jämför en nedladdad fil med tabellens celler som de syns: samma antal rader och kolumner,
 * samma tal (samma avrundning), samma text (med apostrof före formeltecken), "•" för dolt
 * och tomt för "–". Ger en lista med fel.
 */
export function jamforNedladdning(
  bytes: Buffer,
  variant: "excel" | "standard",
  visat: { rubriker: string[]; rader: string[][] }
): string[] {
  const fel: string[] = [];
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = bytes.toString("utf8").replace(/^\ufeff/, "");
  if (variant === "excel") {
    if (!bom) fel.push("Excelfilen saknar BOM");
    if (/[^\r]\n/.test(text) || !text.endsWith("\r\n")) fel.push("Excelfilen har inte CRLF som radslut");
  } else {
    if (bom) fel.push("CSV-filen har BOM");
    if (text.includes("\r")) fel.push("CSV-filen har CR");
  }
  const rader = dsvFormat(variant === "excel" ? ";" : ",").parseRows(text.replace(/\r\n/g, "\n").replace(/\n$/, ""));
  const [rubriker, ...data] = rader;
  if (!rubriker || data.length !== visat.rader.length) {
    fel.push(`${data.length} rader i filen, ${visat.rader.length} i tabellen`);
    return fel;
  }
  const forvantad = (visad: string) => (/^[=+\-@]/.test(visad) ? `'${visad}` : visad);
  visat.rubriker.forEach((r, i) => {
    if (!(rubriker[i] ?? "").startsWith(forvantad(r))) fel.push(`kolumnrubrik ${i + 1}: "${rubriker[i]}" i filen, "${r}" i tabellen`);
  });
  visat.rader.forEach((rad, j) => {
    if ((data[j] ?? []).length !== rad.length) fel.push(`rad ${j + 1}: ${(data[j] ?? []).length} fält i filen, ${rad.length} i tabellen`);
    rad.forEach((visad, i) => {
      const falt = data[j]?.[i] ?? "";
      const tal = somTal(visad);
      const decimalRatt = variant === "excel" ? !falt.includes(".") : !falt.includes(",");
      let ok: boolean;
      if (visad === "" || visad === "–") ok = falt === "";
      else if (tal != null) ok = (somTal(falt) === tal && decimalRatt && !/[\u00a0\u2212+]/.test(falt)) || falt === visad;
      // Text; en radrubrik kan ha fått radens enhet efter sig: "Resultat mot mål (%)".
      else ok = falt === forvantad(visad) || falt.startsWith(`${forvantad(visad)} (`);
      if (!ok) fel.push(`rad ${j + 1}, kolumn ${i + 1}: "${falt}" i filen, "${visad}" i tabellen`);
    });
  });
  return fel;
}

/**
 * Jämför en nedladdad .xlsx (läst med loaders/read/xlsx.ts) med tabellens celler: första raden
 * är bildtexten, andra rubrikerna (med enheten inom parentes), sedan en rad per tabellrad: tal
 * som tal (samma avrundning), text som text (koder med sina nollor), "•" för dolt och tom cell
 * för "–". Finns ett dolt värde ska fotnoten om "•" stå under tabellen.
 */
export async function jamforXlsx(bytes: Buffer, visat: { bildtext: string; rubriker: string[]; rader: string[][] }): Promise<string[]> {
  const fel: string[] = [];
  const bok = await lasArbetsbok(new Uint8Array(bytes));
  if (!bok.ok) return [`Excelfilen går inte att läsa: ${bok.detalj}`];
  if (bok.blad.length !== 1) fel.push(`${bok.blad.length} blad i Excelfilen, väntade 1`);
  const rader = bok.blad[0]?.rader ?? [];
  const [titel, rubriker, ...resten] = rader.map((r) => r.celler);
  const data = resten.slice(0, visat.rader.length);
  const fotnoter = resten.slice(visat.rader.length).map((r) => String(r[0] ?? ""));
  // Blanksteg jämförs som blanksteg (hårda mellanslag i "0 kr" kan bli vanliga på vägen).
  const ns = (x: unknown) => String(x ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
  if (ns(titel?.[0]) !== ns(visat.bildtext)) fel.push(`första raden är "${titel?.[0]}", inte bildtexten`);
  if (data.length !== visat.rader.length) return [...fel, `${data.length} rader i Excelfilen, ${visat.rader.length} i tabellen`];
  visat.rubriker.forEach((r, i) => {
    const f = String(rubriker?.[i] ?? "");
    if (!ns(f).startsWith(ns(r))) fel.push(`kolumnrubrik ${i + 1}: "${f}" i Excelfilen, "${r}" i tabellen`);
  });
  visat.rader.forEach((rad, j) => {
    rad.forEach((visad, i) => {
      const v = data[j]?.[i] ?? null;
      const tal = somTal(visad);
      let ok: boolean;
      if (visad === "" || visad === "–") ok = v === null;
      else if (visad === "\u2022") ok = v === "\u2022";
      // Ett tal är ett tal; i en kolumn med koder ("0180") är också "2080" text.
      // (I en kolumn med etiketter, "0 kr", "8 %", förblir ett tal med enhet text.)
      else if (tal != null) ok = (typeof v === "number" && Math.abs(v - tal) < 1e-9) || v === visad.replace(/[\u00a0\u202f ]/g, "") || (typeof v === "string" && ns(v) === ns(visad));
      else ok = typeof v === "string" && (ns(v) === ns(visad) || ns(v).startsWith(`${ns(visad)} (`));
      if (!ok) fel.push(`rad ${j + 1}, kolumn ${i + 1}: ${JSON.stringify(v)} i Excelfilen, "${visad}" i tabellen`);
    });
  });
  if (visat.rader.some((r) => r.includes("\u2022")) && !fotnoter.some((f) => f.startsWith("\u2022 "))) fel.push("Excelfilen saknar fotnoten om dolda värden (•)");
  return fel;
}

// Körs i webbläsaren (som text, så att tsx inte lägger till hjälpfunktioner som saknas där).
// Cellernas text som den syns: "•" för dolt, utan text för skärmläsare, dekorationer och
// korta etiketter.
const CELLTEXT = `(c) => {
  const kopia = c.cloneNode(true);
  for (const d of Array.from(kopia.querySelectorAll(".dolt"))) d.replaceWith("\u2022");
  for (const d of Array.from(kopia.querySelectorAll(".visuellt-dold:not([data-nedladdning='ja']), [aria-hidden='true'], [data-nedladdning='ej']"))) d.remove();
  return (kopia.textContent || "").replace(/[\\u00ad\\u200b]/g, "").replace(/[ \\t\\r\\n]+/g, " ").replace(/^[ \\u00a0]+|[ \\u00a0]+$/g, "");
}`;
const VISAT = `(t) => {
  const text = ${CELLTEXT};
  const rader = [Array.from(t.tHead?.rows[0]?.cells ?? []), ...Array.from(t.tBodies).flatMap((b) => Array.from(b.rows, (r) => Array.from(r.cells)))];
  const texter = rader.map((r) => r.map(text));
  return { bildtext: t.caption?.textContent?.trim() ?? "", rubriker: texter[0] ?? [], rader: texter.slice(1) };
}`;
// Klickar på båda knapparna under varje tabell och fångar filerna (länken som knappen skapar
// klickas inte på riktigt), så att alla tabeller kan jämföras utan hundra nedladdningar.
const ALLA_TABELLER = `(async () => {
  const visat = ${VISAT};
  const fangade = [];
  const klicka = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () { fangade.push({ namn: this.download, href: this.href }); };
  try {
    const ut = [];
    for (const t of Array.from(document.querySelectorAll("main table"))) {
      const block = t.closest(".tabellblock");
      const filer = [];
      for (const variant of ["xlsx", "standard"]) {
        const knapp = block?.querySelector(":scope > .tabell-nedladdning button.nedladdning-" + variant);
        if (!knapp) continue;
        fangade.length = 0;
        knapp.click();
        // Excelfilen byggs asynkront: vänta tills länken klickas (högst 5 s).
        for (let i = 0; i < 100 && !fangade.length; i++) await new Promise((r) => setTimeout(r, 50));
        const f = fangade[0];
        if (!f) { filer.push({ variant, namn: "", bytes: null }); continue; }
        const bytes = Array.from(new Uint8Array(await (await fetch(f.href)).arrayBuffer()));
        filer.push({ variant, namn: f.namn, bytes });
      }
      ut.push({ visat: visat(t), filer });
    }
    return ut;
  } finally {
    HTMLAnchorElement.prototype.click = klicka;
  }
})()`;

interface Visat {
  bildtext: string;
  rubriker: string[];
  rader: string[][];
}

type Knappvariant = "xlsx" | "standard";

async function kontrolleraFil(variant: Knappvariant, namn: string, bytes: Buffer, visat: Visat, fel: string[]): Promise<void> {
  const monster = variant === "xlsx" ? /^[a-z0-9]+(-[a-z0-9]+)*\.xlsx$/ : /^[a-z0-9]+(-[a-z0-9]+)*\.csv$/;
  if (!monster.test(namn) || (variant === "standard" && namn.endsWith("-excel.csv"))) fel.push(`nedladdningen (${variant}) av "${visat.bildtext}" heter "${namn}"`);
  const skillnader = variant === "xlsx" ? await jamforXlsx(bytes, visat) : jamforNedladdning(bytes, variant, visat);
  for (const f of skillnader.slice(0, 5)) fel.push(`nedladdning (${variant}) av "${visat.bildtext}": ${f}`);
  if (skillnader.length > 5) fel.push(`nedladdning (${variant}) av "${visat.bildtext}": … och ${skillnader.length - 5} skillnader till`);
}

/**
 * Varje tabell på sidan ska ha båda knapparna för nedladdning, och filerna de ger ska stämma
 * med tabellen (alla tabeller, se ALLA_TABELLER). Den första tabellen (och den första med ett
 * dolt värde) laddas dessutom ned på riktigt med båda knapparna, Excelvarianten med tangentbordet.
 * Ger antalet jämförda filer.
 */
async function kontrolleraNedladdning(page: Page, fel: string[]): Promise<number> {
  const utanKnappar = await page.$$eval("main table", (ts) =>
    ts
      .filter((t) => {
        const block = t.closest(".tabellblock");
        const excel = block?.querySelector(":scope > .tabell-nedladdning button.nedladdning-xlsx");
        const csv = block?.querySelector(":scope > .tabell-nedladdning button.nedladdning-standard");
        return !excel?.textContent?.startsWith("Ladda ned (Excel)") || !csv?.textContent?.startsWith("Ladda ned CSV");
      })
      .map((t) => t.querySelector("caption")?.textContent?.trim() || "(tabell utan bildtext)")
  );
  for (const t of utanKnappar) fel.push(`tabellen "${t}" saknar knapparna för nedladdning`);

  let antal = 0;
  const alla = (await page.evaluate(ALLA_TABELLER)) as { visat: Visat; filer: { variant: Knappvariant; namn: string; bytes: number[] | null }[] }[];
  for (const { visat, filer } of alla) {
    for (const f of filer) {
      if (!f.bytes) fel.push(`knappen (${f.variant}) under "${visat.bildtext}" gav ingen fil`);
      else await kontrolleraFil(f.variant, f.namn, Buffer.from(f.bytes), visat, fel), antal++;
    }
  }

  // På riktigt: webbläsarens nedladdning, med tangentbordet för Excelvarianten.
  const index = await page.$$eval("main table", (ts) => {
    const dolt = ts.findIndex((t) => t.querySelector(".dolt"));
    return [...new Set([0, dolt].filter((i) => i >= 0 && i < ts.length))];
  });
  for (const i of index) {
    const tabell = page.locator("main table").nth(i);
    const block = tabell.locator("xpath=ancestor::div[contains(@class, 'tabellblock')][1]");
    if ((await block.count()) === 0) continue;
    // Öppna "Visa som tabell" om tabellen ligger där.
    // (Text i stället för funktioner: en sträng körs som ett uttryck, utan argument.)
    const t = `document.querySelectorAll("main table")[${i}]`;
    await page.evaluate(`(() => { for (let d = ${t}.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true; })()`);
    const visat = (await page.evaluate(`(${VISAT})(${t})`)) as Visat;
    for (const variant of ["xlsx", "standard"] as const) {
      const knapp = block.locator(`.tabell-nedladdning button.nedladdning-${variant}`).first();
      try {
        const vanta = page.waitForEvent("download", { timeout: 10_000 });
        if (variant === "xlsx") {
          await knapp.focus();
          await page.keyboard.press("Enter");
        } else {
          await knapp.click();
        }
        const nedladdad = await vanta;
        await kontrolleraFil(variant, nedladdad.suggestedFilename(), await readFile(await nedladdad.path()), visat, fel);
        antal++;
      } catch (e) {
        fel.push(`knappen (${variant}) under "${visat.bildtext}" laddade inte ned något: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
      }
    }
  }
  return antal;
}

/**
 * Hela utdatafiler som .xlsx (Översikt): varje knapp "Ladda ned (Excel)" bredvid en CSV-länk ger
 * en arbetsbok som läses tillbaka med projektets läsare: varje blad har CSV-filens rubrikrad,
 * bladen har tillsammans CSV-filens rader i samma ordning, inget blad har fler rader än Excel
 * tillåter, och en kod med inledande nolla är text med sin nolla. Ger antalet jämförda filer.
 */
/**
 * Hela filer större än så här (byte, CSV) görs inte om till .xlsx i kontrollen: på en nationell
 * datakatalog är helarsekvivalenter.csv 140 MB, och att göra om och läsa tillbaka den tar många
 * minuter. Samma kod prövas på exemplets filer och de mindre nationella; en fil som hoppas över
 * sägs som en varning.
 */
export const HELA_FILER_GRANS = 25_000_000;

async function kontrolleraHelaFiler(page: Page, fel: string[], varningar: string[]): Promise<number> {
  let antal = 0;
  for (const knapp of await page.locator("button.nedladdning-hel-xlsx").all()) {
    const namn = (await knapp.getAttribute("data-fil")) ?? "";
    const href = await knapp.evaluate((b) => (b.closest("li")?.querySelector("a[download]") as HTMLAnchorElement | null)?.href ?? "");
    try {
      const text = await (await page.request.get(href)).text();
      if (text.length > HELA_FILER_GRANS) {
        varningar.push(`${namn} (${(text.length / 1e6).toFixed(0)} MB) prövades inte som .xlsx: större än ${HELA_FILER_GRANS / 1e6} MB (HELA_FILER_GRANS)`);
        continue;
      }
      const csv = dsvFormat(",").parseRows(text.replace(/^\ufeff/, ""));
      const vanta = page.waitForEvent("download", { timeout: 60_000 });
      await knapp.click();
      const nedladdad = await vanta;
      const bok = await lasArbetsbok(new Uint8Array(await readFile(await nedladdad.path())));
      if (!bok.ok) {
        fel.push(`${namn} som .xlsx går inte att läsa: ${bok.detalj}`);
        continue;
      }
      const [rubrik = [], ...rader] = csv;
      const lasta = bok.blad.flatMap((b) => b.rader.slice(1).map((r) => r.celler));
      for (const b of bok.blad) {
        if (b.rader.length > 1_048_576) fel.push(`${namn} som .xlsx: bladet "${b.namn}" har ${b.rader.length} rader, fler än Excel tillåter`);
        if (JSON.stringify(b.rader[0]?.celler.map(String)) !== JSON.stringify(rubrik)) fel.push(`${namn} som .xlsx: bladet "${b.namn}" har inte CSV-filens rubrikrad`);
      }
      if (lasta.length !== rader.length) fel.push(`${namn} som .xlsx har ${lasta.length} rader, CSV-filen ${rader.length}`);
      let olika = 0;
      rader.forEach((rad, j) =>
        rad.forEach((v, i) => {
          const x = lasta[j]?.[i] ?? null;
          const ok = v === "" ? x === null : typeof x === "number" ? Math.abs(x - Number(v)) <= 1e-9 * Math.max(1, Math.abs(x)) : x === v;
          if (!ok && olika++ < 3) fel.push(`${namn} som .xlsx, rad ${j + 2}, kolumn ${rubrik[i]}: ${JSON.stringify(x)}, i CSV-filen "${v}"`);
        })
      );
      antal++;
    } catch (e) {
      fel.push(`${namn} som .xlsx laddades inte ned: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
    }
  }
  return antal;
}

/** Högsta tillåtna mängd data (gzip, byte) som en sida hämtar när den laddas. */
export const SIDVIKT_GRANS = 300_000;

/** En datafil som sidan hämtade: adress, byte och byte med gzip. */
interface Datafil {
  adress: string;
  byte: number;
  gzip: number;
}

/** Är adressen en datafil (en FileAttachment eller en regionfil), inte kod eller stil? */
export function arDatafil(adress: string): boolean {
  const sokvag = new URL(adress).pathname;
  return /^\/(_file|data)\//.test(sokvag) && !/\.(js|css|map)$/.test(sokvag);
}

interface Resultat {
  adress: string;
  fel: string[];
  varningar: string[];
  diagram: Diagramstatus[];
  nedladdningar: number;
  /** Data som sidan hämtade när den laddades (före alla klick). */
  data: Datafil[];
  lankar: number;
  /** Bara den korta kontrollen (en förbundssida efter de första, se FULLA_FORBUNDSSIDOR). */
  kort: boolean;
  /** Hur lång tid kontrollen av sidan tog. */
  sekunder?: number;
}

/** Så många förbundssidor (de första i bokstavsordning) får hela kontrollen när de är fler än MANGA_FORBUNDSSIDOR; de andra den korta. */
export const FULLA_FORBUNDSSIDOR = 3;
/** Med högst så många förbundssidor (exemplet har 8) får alla hela kontrollen. */
export const MANGA_FORBUNDSSIDOR = 10;

/**
 * Vilka sidor som får bara den korta kontrollen: när det finns fler än MANGA_FORBUNDSSIDOR
 * förbundssidor (`forbund/<id>.html`), de efter de `fulla` första i listans ordning. Alla
 * andra sidor får hela kontrollen. `allaKorta`: varje sida får den korta.
 */
export function kortaSidor(filer: readonly string[], fulla: number = FULLA_FORBUNDSSIDOR, allaKorta = false): Set<string> {
  if (allaKorta) return new Set(filer);
  const forbund = filer.filter((f) => /^forbund[\\/][^\\/]+\.html$/.test(f));
  if (forbund.length <= MANGA_FORBUNDSSIDOR) return new Set();
  return new Set(forbund.slice(Math.max(0, fulla)));
}

/** FINSAM_KONTROLL_FULLT: "alla" eller ett antal förbundssidor med hela kontrollen (standard FULLA_FORBUNDSSIDOR). */
export function fullaForbundssidor(varde: string | undefined): number {
  const v = varde?.trim();
  if (!v) return FULLA_FORBUNDSSIDOR;
  if (v === "alla") return Number.POSITIVE_INFINITY;
  if (!/^\d+$/.test(v)) throw new Error(`FINSAM_KONTROLL_FULLT="${v}": väntade "alla" eller ett antal förbundssidor (expected "alla" or a number)`);
  return Number(v);
}

/** Tillgänglighetsfel (axe, WCAG 2.1 A och AA): "critical" och "serious" är fel, lägre påverkan varningar. */
async function kontrolleraAxe(page: Page, fel: string[], varningar: string[]): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  for (const v of axe.violations) {
    const rad = `axe ${v.impact ?? "okänd"}: ${v.id} – ${v.help} (${v.nodes.length} ${v.nodes.length === 1 ? "ställe" : "ställen"}: ${v.nodes
      .slice(0, 3)
      .map((n) => n.target.join(" "))
      .join(", ")})`;
    if (v.impact === "critical" || v.impact === "serious") fel.push(rad);
    else varningar.push(rad);
  }
}

/** Väljer ett annat alternativ i varje lista och knappgrupp och kontrollerar diagrammen och felrutorna igen. */
async function provaUrvalen(page: Page, fel: string[]): Promise<{ antalVal: number; fore: string[] }> {
  const antalVal = await page.locator("main form select, main form input[type=radio]").count();
  const fore = (await page.evaluate(TILLSTAND)) as string[];
  if (antalVal > 0) {
    for (const select of await page.locator("main form select").all()) {
      const varden = await select.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      if (varden.length > 1) await select.selectOption(varden.at(-1)!);
      await vantaPaSidan(page);
    }
    for (const grupp of await page.locator("main form:has(input[type=radio])").all()) {
      await grupp.locator("input[type=radio]").last().check();
      await vantaPaSidan(page);
    }
    for (const d of await raknaNarRitat(page)) {
      if (d.markeringar === 0) fel.push(`efter ändrat urval har diagrammet "${d.titel}" inga markeringar`);
    }
    const nyaFelrutor = await page.$$eval(".observablehq--error", (es) => es.map((e) => e.textContent?.trim() ?? ""));
    for (const t of nyaFelrutor) fel.push(`efter ändrat urval visar Framework ett fel: ${t}`);
  }
  return { antalVal, fore };
}

/**
 * Anrop som Chromium avbröt (`net::ERR_ABORTED`). Det händer när kontrollen själv laddar om eller
 * stänger sidan medan en fil ännu hämtas (på en belastad maskin), och det säger inget om sidan:
 * filen hämtas då igen från servern. Finns den blir det en varning; går den inte att hämta är
 * det ett fel, som för andra misslyckade anrop.
 */
export async function provaAvbrutna(avbrutna: readonly string[], fel: string[], varningar: string[]): Promise<void> {
  for (const url of new Set(avbrutna)) {
    const svar = await fetch(url).catch(() => undefined);
    if (svar?.ok) {
      await svar.arrayBuffer();
      varningar.push(`anropet avbröts (net::ERR_ABORTED) men filen går att hämta: ${url}`);
    } else {
      fel.push(`anropet misslyckades: ${url} (net::ERR_ABORTED, och filen går inte att hämta: ${svar ? `HTTP ${svar.status}` : "inget svar"})`);
    }
  }
}

async function kontrolleraSida(browser: Browser, bas: string, adress: string, skarmbilder: string, provade: Map<string, number>, kort = false): Promise<Resultat> {
  const fel: string[] = [];
  const varningar: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "sv-SE" });
  context.on("request", (req) => {
    const url = new URL(req.url());
    if ((url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:") && !["127.0.0.1", "localhost"].includes(url.hostname)) {
      fel.push(`anrop till en annan värd: ${req.url()}`);
    }
  });
  const avbrutna: string[] = [];
  context.on("requestfailed", (req) => {
    if (!req.url().startsWith(bas)) return; // redan rapporterat som anrop till annan värd
    const orsak = req.failure()?.errorText ?? "okänt fel";
    // Avbrutet (när kontrollen själv byter eller stänger sidan medan en fil hämtas): prövas efteråt.
    if (orsak === "net::ERR_ABORTED") avbrutna.push(req.url());
    else fel.push(`anropet misslyckades: ${req.url()} (${orsak})`);
  });
  // Sidvikten: datafilerna som hämtas från att sidan öppnas tills den har ritats klart.
  let mat = true;
  const matningar: Promise<Datafil | null>[] = [];
  context.on("response", (res) => {
    if (res.status() >= 400) fel.push(`HTTP ${res.status()} för ${res.url()}`);
    if (mat && res.status() === 200 && arDatafil(res.url())) {
      // Chromium behåller inte kroppen av ett stort svar (flera MB): hämta då filen igen från servern.
      const vikt = (b: Buffer): Datafil => ({ adress: new URL(res.url()).pathname, byte: b.length, gzip: gzipSync(b).length });
      matningar.push(res.body().then(vikt, () => fetch(res.url()).then(async (r) => vikt(Buffer.from(await r.arrayBuffer())), () => null)));
    }
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") fel.push(`konsolfel: ${m.text()}`);
  });
  page.on("pageerror", (e) => fel.push(`fel på sidan: ${e.message}`));

  await page.goto(bas + adress, { waitUntil: "load" });
  await vantaPaSidan(page);
  mat = false;
  const data = (await Promise.all(matningar)).filter((d): d is Datafil => d !== null);
  const vikt = data.reduce((s, d) => s + d.gzip, 0);
  if (vikt > SIDVIKT_GRANS) {
    fel.push(`sidan hämtar ${kB(vikt)} data (gzip) när den laddas, mer än ${kB(SIDVIKT_GRANS)}: ${data.map((d) => `${d.adress} ${kB(d.gzip)}`).join(", ")}`);
  }

  const lang = await page.evaluate(() => document.documentElement.getAttribute("lang"));
  if (lang !== "sv") fel.push(`<html> har lang="${lang ?? ""}", inte "sv"`);
  const felrutor = await page.$$eval(".observablehq--error", (es) => es.map((e) => e.textContent?.trim() ?? ""));
  for (const t of felrutor) fel.push(`Framework visar ett fel på sidan: ${t}`);

  const diagram = await raknaNarRitat(page);
  for (const d of diagram) if (d.markeringar === 0) fel.push(`diagrammet "${d.titel}" har inga markeringar`);
  for (const d of diagram) if (d.saknar.length > 0) fel.push(`diagrammet "${d.titel}" saknar ${d.saknar.join(", ")}`);

  const korsade = (await page.evaluate(KORSADE_ETIKETTER)) as { titel: string; text: string }[];
  for (const k of korsade.slice(0, 5)) fel.push(`diagrammet "${k.titel}": en streckad referenslinje går genom etiketten "${k.text}"`);
  if (kort) {
    // Den korta kontrollen: axe, urvalen (fel och tomma diagram efter ändrat urval) och bredden
    // vid 1280 och 390 px (se FULLA_FORBUNDSSIDOR).
    await kontrolleraBredd(page, fel);
    await kontrolleraAxe(page, fel, varningar);
    await provaUrvalen(page, fel);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(bas + adress, { waitUntil: "load" });
    await vantaPaSidan(page);
    await kontrolleraBredd(page, fel);
    await context.close();
    await provaAvbrutna(avbrutna, fel, varningar);
    return { adress, fel: [...new Set(fel)], varningar: [...new Set(varningar)], diagram, nedladdningar: 0, lankar: 0, data, kort: true };
  }
  const lankar = await kontrolleraLankar(page, bas, provade, fel);
  await kontrolleraBredd(page, fel);

  const namn = adress.slice(1).replace(/\.html$/, "").replaceAll("/", "_");
  await page.screenshot({ path: join(skarmbilder, `${namn}.png`), fullPage: true });

  await kontrolleraAxe(page, fel, varningar);

  const nedladdningar = (await kontrolleraNedladdning(page, fel)) + (await kontrolleraHelaFiler(page, fel, varningar));

  const { antalVal, fore } = await provaUrvalen(page, fel);

  // Delbara vyer: urvalen (ändrade ovan) står i adressen, adressen öppnar samma vy, och bakåt
  // och framåt byter urvalen.
  // Alla sidor, också anteckningarna under /analyser/ och Styrelserapporten.
  // (Bara om något urval gick att ändra: en lista med ett enda alternativ ändrar ingenting.)
  const andrat = JSON.stringify((await page.evaluate(TILLSTAND)) as string[]) !== JSON.stringify(fore);
  if (antalVal > 0 && andrat) await kontrolleraAdress(page, bas, adress, fel);

  await kontrolleraUtskrift(page, join(skarmbilder, "..", "utskrifter", `${namn}.pdf`), fel);

  // Smal skärm (mobil) för att se att sidan går att läsa.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(bas + adress, { waitUntil: "load" });
  await vantaPaSidan(page);
  await page.screenshot({ path: join(skarmbilder, `${namn}-smal.png`), fullPage: true });
  await kontrolleraBredd(page, fel);
  // Tangentbordet på den nyss öppnade sidan (så att första Tab börjar från sidans början).
  await kontrolleraTangentbord(page, fel);

  await context.close();
  await provaAvbrutna(avbrutna, fel, varningar);
  return { adress, fel: [...new Set(fel)], varningar: [...new Set(varningar)], diagram, nedladdningar, lankar, data, kort: false };
}

// Körs i webbläsaren under utskrift: tabeller som syns och deras bredd, urval som syns, och
// raderna som säger urvalet.
const PAPPER = `(() => {
  const syns = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  const main = document.querySelector("main");
  const kant = main ? main.getBoundingClientRect().right : Infinity;
  const tabeller = Array.from(document.querySelectorAll("main table")).filter(syns).map((t) => {
    const r = t.getBoundingClientRect();
    return { bildtext: (t.querySelector("caption")?.textContent ?? "(tabell utan bildtext)").trim(), bredd: r.width, utanfor: r.right - kant };
  });
  return {
    tabeller,
    urval: Array.from(document.querySelectorAll("main form select, main form input")).filter(syns).length,
    rutor: Array.from(document.querySelectorAll("main .filter")).filter((r) => r.querySelector("form select, form input")).length,
    rader: Array.from(document.querySelectorAll("main p.urval-utskrift")).filter(syns).map((p) => p.textContent.trim())
  };
})()`;

/**
 * Utskrift (issue 12): sidan skrivs ut till PDF (A4, som Chromiums utskrift) och underkänns om
 * en tabell är bredare än papperets skrivbara yta (UTSKRIFTSBREDD) eller sticker ut ur den, om
 * ett urval skrivs ut, eller om en ruta med urval inte har sin rad som säger urvalet. Efter
 * utskriften ska sidan vara som förut (inga tabelldelar kvar).
 */
async function kontrolleraUtskrift(page: Page, pdf: string, fel: string[]): Promise<void> {
  await page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
  await page.emulateMedia({ media: "print" });
  try {
    const p = (await page.evaluate(PAPPER)) as { tabeller: { bildtext: string; bredd: number; utanfor: number }[]; urval: number; rutor: number; rader: string[] };
    for (const t of p.tabeller) {
      if (t.bredd > UTSKRIFTSBREDD + 1) fel.push(`utskrift: tabellen "${t.bildtext}" är ${Math.round(t.bredd)} px bred, bredare än papperets skrivbara yta (${UTSKRIFTSBREDD} px)`);
      else if (t.utanfor > 1) fel.push(`utskrift: tabellen "${t.bildtext}" sticker ut ${Math.round(t.utanfor)} px till höger om sidan`);
    }
    if (p.urval > 0) fel.push(`utskrift: ${p.urval} urval (listor, knappar) skrivs ut`);
    if (p.rader.length < p.rutor) fel.push(`utskrift: ${p.rutor} rutor med urval men ${p.rader.length} rader som säger urvalet`);
    await mkdir(join(pdf, ".."), { recursive: true });
    await page.pdf({ path: pdf, format: "A4", preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.emulateMedia({ media: null });
    await page.evaluate("window.dispatchEvent(new Event('afterprint'))");
  }
  const kvar = (await page.evaluate("document.querySelectorAll('.utskriftsdel, .urval-utskrift, .utskrift-ersatt').length + (document.documentElement.classList.contains('utskrift') ? 1 : 0)")) as number;
  if (kvar > 0) fel.push("efter utskriften är sidan inte som förut (utskriftens tabelldelar eller rader finns kvar)");
}

/**
 * Tangentbordet (issue 12): det första Tab ger är länken "Hoppa till innehållet", och Enter på
 * den flyttar fokus till sidans innehåll (main). Varje lista med urval behåller fokus när
 * valet byts med piltangenterna, två steg i rad (Helårsekvivalenter tappade det till <body>).
 */
async function kontrolleraTangentbord(page: Page, fel: string[]): Promise<void> {
  await page.keyboard.press("Tab");
  const forsta = (await page.evaluate(`(() => { const a = document.activeElement; return a ? { tagg: a.tagName, klass: a.className, href: a.getAttribute("href"), text: a.textContent?.trim() } : null; })()`)) as { tagg: string; klass: string; href: string | null; text: string } | null;
  if (forsta?.tagg !== "A" || forsta.href !== "#observablehq-main" || forsta.text !== "Hoppa till innehållet") {
    fel.push(`första Tab ger inte länken "Hoppa till innehållet" utan ${forsta ? `${forsta.tagg.toLowerCase()} "${forsta.text ?? ""}"` : "inget"}`);
  } else {
    await page.keyboard.press("Enter");
    const id = await page.evaluate("document.activeElement?.id ?? null");
    if (id !== "observablehq-main") fel.push(`"Hoppa till innehållet" flyttar inte fokus till innehållet (fokus på ${String(id) || "ett element utan id"})`);
  }
  const antal = await page.locator("main form select").count();
  for (let i = 0; i < antal; i++) {
    const select = page.locator("main form select").nth(i);
    if (!(await select.isVisible())) continue;
    const etikett = await select.evaluate((s) => (s.closest("form")?.querySelector("label")?.textContent ?? s.getAttribute("aria-label") ?? "").trim());
    const { index, antalAlt } = await select.evaluate((s) => ({ index: (s as HTMLSelectElement).selectedIndex, antalAlt: (s as HTMLSelectElement).options.length }));
    if (antalAlt < 3) continue;
    await select.focus();
    const tangent = index >= antalAlt - 2 ? "ArrowUp" : "ArrowDown";
    for (let steg = 1; steg <= 2; steg++) {
      await page.keyboard.press(tangent);
      await vantaPaSidan(page);
      const fokus = (await page.evaluate(`(() => { const a = document.activeElement; if (!a || a.tagName !== "SELECT") return a ? a.tagName.toLowerCase() : "inget"; return "select:" + (a.closest("form")?.querySelector("label")?.textContent ?? a.getAttribute("aria-label") ?? "").trim(); })()`)) as string;
      if (fokus !== `select:${etikett}`) {
        fel.push(`urvalet "${etikett}" tappar fokus (till ${fokus.replace(/^select:/, "listan ")}) efter ${steg} steg med piltangenten`);
        break;
      }
    }
  }
}

// Körs i webbläsaren: sidans bredd och det som sticker ut till höger om skärmen (utan att en
// rullbar behållare håller det), och tabeller i kort som rullar i sidled.
const BREDD = `(() => {
  const vw = document.documentElement.clientWidth;
  const namn = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\\s+/).join(".") : "");
  const halls = (e) => {
    const fri = ["absolute", "fixed"].includes(getComputedStyle(e).position);
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const cs = getComputedStyle(p);
      if (fri && cs.position === "static" && cs.transform === "none") continue;
      if (cs.overflowX !== "visible" && p.getBoundingClientRect().right <= vw + 0.5) return true;
    }
    return false;
  };
  const utanfor = [];
  for (const e of document.querySelectorAll("body *")) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 0.5 && !halls(e) && !(e.parentElement && utanfor.includes(e.parentElement))) utanfor.push(e);
  }
  const rullande = Array.from(document.querySelectorAll("main .card .tabell-rulla"))
    .filter((e) => e.scrollWidth > e.clientWidth + 1)
    .map((e) => (e.querySelector("caption")?.textContent ?? "(tabell utan bildtext)").trim());
  return {
    bredd: document.documentElement.scrollWidth,
    vw,
    utanfor: utanfor.slice(0, 5).map((e) => namn(e) + " (" + (e.textContent ?? "").trim().replace(/\\s+/g, " ").slice(0, 40) + ")"),
    rullande
  };
})()`;

/**
 * Ingen sida får rulla i sidled (issue 12): dokumentet får inte vara bredare än skärmen, och
 * vid 1280 px ska tabellerna i kort (Insatsers Tabell 1-4 och liknande) rymmas utan att rulla.
 */
async function kontrolleraBredd(page: Page, fel: string[]): Promise<void> {
  const b = (await page.evaluate(BREDD)) as { bredd: number; vw: number; utanfor: string[]; rullande: string[] };
  if (b.bredd > b.vw) fel.push(`vid ${b.vw} px är sidan ${b.bredd} px bred (rullar i sidled)${b.utanfor.length ? `: ${b.utanfor.join(", ")}` : ""}`);
  if (b.vw >= 1280) for (const t of b.rullande) fel.push(`vid ${b.vw} px ryms inte tabellen "${t}" i sitt kort (den sista kolumnen döljs bakom rullningen)`);
}

// Urvalen som de syns: varje listas valda alternativ och varje vald knapp (text).
const TILLSTAND = `(() => [
  ...Array.from(document.querySelectorAll("main form select"), (s) => s.options[s.selectedIndex]?.text ?? ""),
  ...Array.from(document.querySelectorAll("main form input[type=radio]:checked"), (r) => (r.closest("label")?.textContent ?? r.value).trim())
])()`;

/**
 * Urvalen i adressen (issue 12): efter att urvalen ändrats ska adressen ha en frågedel; samma
 * adress i en ny flik ska visa samma urval; bakåt ska ge det förra urvalet och framåt tillbaka.
 */
async function kontrolleraAdress(page: Page, bas: string, adress: string, fel: string[]): Promise<void> {
  const tillstand = async (p: Page) => (await p.evaluate(TILLSTAND)) as string[];
  const sok = new URL(page.url()).search;
  if (!sok) {
    fel.push("urvalen står inte i adressen (ingen frågedel efter ändrade urval)");
    return;
  }
  const valt = await tillstand(page);
  const ny = await page.context().newPage();
  try {
    await ny.goto(bas + adress + sok, { waitUntil: "load" });
    await vantaPaSidan(ny);
    const oppnat = await tillstand(ny);
    if (JSON.stringify(oppnat) !== JSON.stringify(valt)) {
      fel.push(`adressen ${adress}${sok} öppnar inte samma urval: ${JSON.stringify(oppnat)} i stället för ${JSON.stringify(valt)}`);
    }
  } finally {
    await ny.close();
  }
  await page.evaluate("history.back()");
  await vantaPaSidan(page);
  const bakat = await tillstand(page);
  if (new URL(page.url()).search === sok) fel.push("bakåt ändrar inte adressen");
  if (JSON.stringify(bakat) === JSON.stringify(valt)) fel.push("bakåt ger inte det förra urvalet");
  await page.evaluate("history.forward()");
  await vantaPaSidan(page);
  const framat = await tillstand(page);
  if (new URL(page.url()).search !== sok || JSON.stringify(framat) !== JSON.stringify(valt)) {
    fel.push(`framåt ger inte urvalet tillbaka: ${JSON.stringify(framat)} i stället för ${JSON.stringify(valt)}`);
  }
}

/** 123456 -> "123,5 kB" (1 kB = 1000 byte). */
function kB(byte: number): string {
  return `${(byte / 1000).toFixed(1).replace(".", ",")} kB`;
}

async function main(): Promise<number> {
  const dist = resolve(process.argv[2] ?? join(PROJEKTROT, "dist"));
  if (!existsSync(join(dist, "index.html"))) {
    console.error(`Hittar ingen byggd webbplats i ${dist}. Kör npm run build först.`);
    return 2;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium saknas (${CHROMIUM}). Installera med: apt-get update && apt-get install -y chromium`);
    return 2;
  }
  const skarmbilder = join(PROJEKTROT, ".finsam-build", "skarmbilder");
  await mkdir(skarmbilder, { recursive: true });
  // FINSAM_KONTROLL_SIDOR="insatser.html analyser/mall.html" prövar bara de sidorna (när man arbetar med en sida).
  const bara = process.env.FINSAM_KONTROLL_SIDOR?.split(/[\s,]+/).filter(Boolean);
  const filer = (await htmlSidor(dist)).filter((f) => !bara || bara.includes(f.split(sep).join("/")));
  // FINSAM_KONTROLL_KORT=alla: den korta kontrollen på varje sida (CI:s nationella steg, där
  // exempelbygget redan har fått hela kontrollen av samma sidor).
  const allaKorta = process.env.FINSAM_KONTROLL_KORT?.trim() === "alla";
  const korta = kortaSidor(filer, fullaForbundssidor(process.env.FINSAM_KONTROLL_FULLT), allaKorta);
  const start = performance.now();
  const server = await startaServer(dist);
  const bas = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGGOR });
  const resultat: Resultat[] = [];
  const provade = new Map<string, number>();
  let filLankar: { lankar: number; fel: string[] };
  try {
    for (const fil of filer) {
      const t0 = performance.now();
      resultat.push({ ...(await kontrolleraSida(browser, bas, adressFor(fil), skarmbilder, provade, korta.has(fil))), sekunder: (performance.now() - t0) / 1000 });
    }
    filLankar = await kontrolleraFilLankar(browser, dist, filer);
  } finally {
    await browser.close();
    server.close();
  }

  console.log(`Webbläsarkontroll av ${relative(process.cwd(), dist) || dist} i ${CHROMIUM}:`);
  let antalFel = 0;
  for (const r of resultat) {
    const diagram = r.diagram.length
      ? `${r.diagram.length} diagram (${r.diagram.map((d) => d.markeringar).join(", ")} markeringar)`
      : "inga diagram";
    const vikt = r.data.reduce((s, d) => s + d.gzip, 0);
    console.log(r.kort
      ? `\n${r.fel.length ? "FEL " : "OK  "} ${r.adress} (kort kontroll): ${diagram}, ${kB(vikt)} data (gzip, ${r.data.length} filer)`
      : `\n${r.fel.length ? "FEL " : "OK  "} ${r.adress}: ${diagram}, ${r.nedladdningar} nedladdade filer jämförda med tabellerna, ${r.lankar} interna länkar, ${kB(vikt)} data (gzip, ${r.data.length} filer)`);
    for (const f of r.fel) console.log(`     fel: ${f}`);
    for (const v of r.varningar) console.log(`     varning: ${v}`);
    antalFel += r.fel.length;
  }
  const sidvikt = Object.fromEntries(resultat.map((r) => [r.adress, { gzip: r.data.reduce((s, d) => s + d.gzip, 0), byte: r.data.reduce((s, d) => s + d.byte, 0), filer: r.data }]));
  await writeFile(join(PROJEKTROT, ".finsam-build", "sidvikt.json"), JSON.stringify(sidvikt, null, 2) + "\n");
  console.log(`\n${filLankar.fel.length ? "FEL " : "OK  "} file://: ${filLankar.lankar} länkar på ${filer.length} sidor öppnade utan server`);
  for (const f of filLankar.fel) console.log(`     fel: ${f}`);
  antalFel += filLankar.fel.length;
  console.log(`\nSkärmbilder: ${relative(process.cwd(), skarmbilder)}/`);
  const storst = resultat.reduce<Resultat | null>((a, r) => (a === null || r.data.reduce((s, d) => s + d.gzip, 0) > a.data.reduce((s, d) => s + d.gzip, 0) ? r : a), null);
  const tid = (kort: boolean) => Math.round(resultat.filter((r) => r.kort === kort).reduce((s, r) => s + (r.sekunder ?? 0), 0));
  console.log(`${resultat.length - korta.size} sidor med hela kontrollen (${tid(false)} s), ${korta.size} med den korta (${tid(true)} s; förbundssidor efter de första, FINSAM_KONTROLL_FULLT, FINSAM_KONTROLL_KORT); ` +
    `mest data: ${storst ? `${storst.adress} ${kB(storst.data.reduce((s, d) => s + d.gzip, 0))}` : "–"}; ${Math.round((performance.now() - start) / 1000)} s i allt.`);
  if (antalFel) {
    console.log(`Underkänd: ${antalFel} fel på ${resultat.filter((r) => r.fel.length).length} av ${resultat.length} sidor.`);
    return 1;
  }
  console.log(`Godkänd: ${resultat.length} sidor utan fel.`);
  return 0;
}

const direkt = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (direkt) {
  main().then(
    (kod) => (process.exitCode = kod),
    (fel: unknown) => {
      console.error(`Webbläsarkontrollen kunde inte köras: ${fel instanceof Error ? fel.message : String(fel)}`);
      process.exitCode = 1;
    }
  );
}
