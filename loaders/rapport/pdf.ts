/**
 * HTML -> A4 PDF through the Debian Chromium (headless, via playwright-core, as the browser
 * check in scripts/webblasarkontroll.ts). The page's own CSS sets the paper, the margins, the
 * running headers and the page numbers (@page margin boxes); Chromium embeds the fonts
 * (subsets of the system's Liberation Sans), writes a tagged PDF with a document outline.
 *
 * Two passes: the first PDF says on which page each section starts (read with `pdftotext`
 * from poppler-utils); the second prints the table of contents with those page numbers. The
 * numbers take no more room than the placeholders of the first pass, so nothing moves.
 *
 * Deterministic: Chromium's PDF differs between runs only in /CreationDate and /ModDate; both
 * are replaced by a fixed date of the same length (so the cross-reference table stays valid).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// playwright-core is loaded only when a PDF is printed: at start it costs about 90 MB and half a
// second, which every `finsam run` would otherwise pay (the CLI is one bundle).
import type { Browser } from "playwright-core";

export const CHROMIUM = process.env.FINSAM_CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_FLAGGOR = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export class PdfFel extends Error {}

/** A PDF date `D:YYYYMMDDHHmmSS+00'00'` (UTC). */
export function pdfDatum(d: Date): string {
  const p = (n: number, l = 2) => String(n).padStart(l, "0");
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00'`;
}

/** Replaces the creation and modification dates in Chromium's PDF (same length, offsets unchanged). */
export function fixeraDatum(pdf: Buffer, datum: Date): Buffer {
  const ut = Buffer.from(pdf);
  const ny = Buffer.from(pdfDatum(datum), "latin1");
  for (const nyckel of ["/CreationDate (", "/ModDate ("]) {
    let i = ut.indexOf(nyckel, 0, "latin1");
    while (i >= 0) {
      const start = i + nyckel.length;
      const slut = ut.indexOf(")", start, "latin1");
      if (slut - start !== ny.length) throw new PdfFel(`oväntat datumformat i PDF:en (${ut.subarray(start, slut).toString("latin1")})`);
      ny.copy(ut, start);
      i = ut.indexOf(nyckel, slut, "latin1");
    }
  }
  return ut;
}

/** Each page's text (pdftotext, pages separated by form feeds). */
export function sidtexter(pdf: Buffer): string[] {
  const tmp = mkdtempSync(join(tmpdir(), "finsam-rapport-"));
  try {
    const fil = join(tmp, "rapport.pdf");
    writeFileSync(fil, pdf);
    let text: string;
    try {
      text = execFileSync("pdftotext", ["-enc", "UTF-8", fil, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    } catch (e) {
      const kod = (e as NodeJS.ErrnoException).code;
      throw new PdfFel(kod === "ENOENT" ? "pdftotext saknas; installera poppler-utils (apt-get install -y poppler-utils)" : `pdftotext misslyckades (${(e as Error).message})`);
    }
    return text.split("\f");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The page (1-based) where each heading first appears, searching from `fran` on, in order. */
export function sidorFor(sidor: readonly string[], rubriker: readonly string[], fran: number): number[] {
  const ut: number[] = [];
  let i = fran - 1;
  const norm = (s: string) => s.replace(/\s+/g, " ");
  for (const r of rubriker) {
    while (i < sidor.length && !norm(sidor[i]!).includes(norm(r))) i++;
    if (i >= sidor.length) throw new PdfFel(`rubriken "${r}" finns inte i PDF:en`);
    ut.push(i + 1);
  }
  return ut;
}

export interface Utskrift {
  /** The HTML document for a table of contents with these page numbers (undefined: placeholders). */
  readonly html: (sidor: Record<string, number> | undefined) => string;
  /** The sections, in order: id and the heading as printed ("1. Individinriktade insatser"). */
  readonly avsnitt: readonly { readonly id: string; readonly rubrik: string }[];
  /** Creation and modification date written into the PDF. */
  readonly datum: Date;
}

async function skrivUt(browser: Browser, html: string): Promise<Buffer> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    const externa: string[] = [];
    await page.route("**/*", (route) => {
      externa.push(route.request().url());
      return route.abort();
    });
    await page.setContent(html, { waitUntil: "load" });
    if (externa.length > 0) throw new PdfFel(`rapporten försökte hämta ${externa.join(", ")}; den ska inte hämta något`);
    await page.emulateMedia({ media: "print" });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  } finally {
    await context.close();
  }
}

/** Prints the report to PDF: two passes for the table of contents, fixed dates. */
export async function skrivPdf(u: Utskrift): Promise<{ pdf: Buffer; sidor: Record<string, number>; antalSidor: number }> {
  if (!existsSync(CHROMIUM)) throw new PdfFel(`Chromium saknas (${CHROMIUM}); installera med apt-get install -y chromium eller ange FINSAM_CHROMIUM`);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGGOR });
  try {
    const platshallare = Object.fromEntries(u.avsnitt.map((a) => [a.id, 88]));
    const forsta = await skrivUt(browser, u.html(platshallare));
    const texter = sidtexter(forsta);
    // The sections start after the title page and the table of contents (page 3 or later).
    const nummer = sidorFor(texter, u.avsnitt.map((a) => a.rubrik), 3);
    const sidor = Object.fromEntries(u.avsnitt.map((a, i) => [a.id, nummer[i]!]));
    const andra = await skrivUt(browser, u.html(sidor));
    const kontroll = sidorFor(sidtexter(andra), u.avsnitt.map((a) => a.rubrik), 3);
    if (kontroll.some((s, i) => s !== nummer[i])) throw new PdfFel("innehållsförteckningens sidnummer flyttade avsnitten; försök igen");
    return { pdf: fixeraDatum(andra, u.datum), sidor, antalSidor: texter.filter((t) => t.trim() !== "").length };
  } finally {
    await browser.close();
  }
}
