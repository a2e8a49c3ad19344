/**
 * Barnprocess: pipelinens steg för en fil, vart och ett tidtaget för sig, genom att anropa
 * lågnivåfunktionerna i samma ordning som runPipeline (loaders/pipeline.ts) gör. Mellan stegen
 * (utanför tidtagningen) tvingas en GC fram när processen startats med --expose-gc, så att
 * "heap efter" visar vad steget lämnar kvar.
 *
 * Spegling av pipeline.ts (helårsekvivalenternas tabeller med sina scheman); indelning.csv
 * (ca 1 kB) hoppas över. Summan av stegen kan därför skilja något från runPipeline.
 *
 *   node --expose-gc --import tsx bench/barn-delsteg.ts <fil> <utkatalog>
 */
import { readFileSync } from "node:fs";
import { decode } from "../loaders/read/decode.ts";
import { readDelimited } from "../loaders/read/delimited.ts";
import { tableFrom } from "../loaders/read/pxweb.ts";
import { isHelarsekvivalenter, normaliseHelarsekvivalenter } from "../loaders/normalise/helarsekvivalenter.ts";
import { defaultMedlemskapBytes, lanFrom, readDefaultKommuner, readMedlemskap } from "../loaders/reference/indelning.ts";
import { regionreferens } from "../loaders/normalise/region.ts";
import { computeHelarsekvivalenter } from "../loaders/compute/helarsekvivalenter.ts";
import { helarsekvivalenterTabeller } from "../loaders/publish/helarsekvivalenter.ts";
import { writeOutputs } from "../loaders/publish/utkatalog.ts";
import { Findings } from "../loaders/validate/findings.ts";
import { kraschAv, svara, type Delsteg, type Krasch } from "./gemensamt.ts";

const [fil, utkatalog] = process.argv.slice(2);
if (fil === undefined || utkatalog === undefined) {
  process.stderr.write("användning: barn-delsteg.ts <fil> <utkatalog>\n");
  process.exit(2);
}

const gc = (globalThis as { gc?: () => void }).gc;
const steg: Delsteg[] = [];

function tid<T>(namn: string, f: () => T): T {
  const t0 = performance.now();
  const v = f();
  const ms = performance.now() - t0;
  let heapEfterByte: number | undefined;
  if (gc) {
    gc();
    heapEfterByte = process.memoryUsage().heapUsed;
  }
  steg.push({ namn, ms, heapEfterByte });
  return v;
}

function krav<T>(v: T | undefined, vad: string, findings: Findings): T {
  if (v === undefined) throw new Error(`${vad} misslyckades: ${findings.errors.map((f) => f.meddelande).slice(0, 3).join("; ")}`);
  return v;
}

let krasch: Krasch | undefined;
try {
  const findings = new Findings();
  const bytes = tid("läsa filen (readFileSync)", () => readFileSync(fil));
  const text = tid("avkoda (decode)", () => {
    const d = decode(bytes);
    if ("kind" in d) throw new Error(`filen kunde inte avkodas: ${d.kind}`);
    return d;
  });
  const parsed = krav(tid("dela upp (readDelimited, papaparse)", () => readDelimited(text.text, fil, findings)), "readDelimited", findings);
  const table = krav(tid("känna igen tabellen (tableFrom)", () => {
    const t = tableFrom(parsed, fil, text.encoding, findings);
    return t && isHelarsekvivalenter(t) ? t : undefined;
  }), "tableFrom", findings);
  const indelning = krav(tid("referensdata (kommuner, förbund)", () => {
    const kommuner = readDefaultKommuner(findings);
    if (!kommuner) return undefined;
    const m = defaultMedlemskapBytes();
    const medlemskap = readMedlemskap(m.bytes, m.fil, kommuner, findings);
    return medlemskap ? { kommuner, lan: lanFrom(kommuner), medlemskap, medlemskapFil: m.fil } : undefined;
  }), "referensdata", findings);
  const data = krav(tid("läsa till kuben (normaliseHelarsekvivalenter)", () => normaliseHelarsekvivalenter(table, regionreferens(indelning.kommuner), findings)), "normaliseHelarsekvivalenter", findings);
  const res = tid("verben och de långa tabellerna (computeHelarsekvivalenter)", () => computeHelarsekvivalenter(data, indelning, findings));
  const utdata = tid("utdatatabeller (tabellFranArquero, kontroll av varje värde)", () => helarsekvivalenterTabeller(res));
  const t0 = performance.now();
  await writeOutputs(utkatalog, { tabeller: utdata });
  steg.push({ namn: "skriva filerna, CSV och Parquet (writeOutputs)", ms: performance.now() - t0, heapEfterByte: undefined });
} catch (e) {
  krasch = kraschAv(e);
}

svara({ typ: "delsteg", steg, maxRssByte: process.resourceUsage().maxRSS * 1024, ...(krasch ? { krasch } : {}) });
