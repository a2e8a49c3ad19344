/**
 * Barnprocess: en körning av hela pipelinen, från läsning till utdata, som CLI:t `finsam run`
 * gör den (runPipeline + writeOutputs). Egen process per körning, så att toppminnet (maxRSS)
 * är just den körningens.
 *
 *   node --import tsx bench/barn-pipeline.ts <indatakatalog> <utkatalog> [utdatafil för nivåkontrollen]
 *
 * Nivåkontrollen (rader och koder per nivå) görs på helarsekvivalenter.csv om inget annat anges
 * (t.ex. arbetsmarknadsstatus.csv eller befolkning.csv: samma två första kolumner niva,kod).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { runPipeline, type PipelineResult } from "../loaders/pipeline.ts";
import { writeOutputs } from "../loaders/publish/utkatalog.ts";
import { formatFinding } from "../loaders/validate/findings.ts";
import { kontrolleraNivaer, kraschAv, svara, type Krasch } from "./gemensamt.ts";

const [indata, utkatalog, nivafil = "helarsekvivalenter.csv"] = process.argv.slice(2);
if (indata === undefined || utkatalog === undefined) {
  process.stderr.write("användning: barn-pipeline.ts <indatakatalog> <utkatalog>\n");
  process.exit(2);
}

const rssForeByte = process.memoryUsage().rss;
let resultat: PipelineResult | undefined;
let krasch: Krasch | undefined;
const t0 = performance.now();
let t1 = t0;
let t2 = t0;
try {
  resultat = await runPipeline(indata);
  t1 = performance.now();
  if (resultat.outputs) await writeOutputs(utkatalog, { tabeller: resultat.outputs, texter: resultat.texter });
  t2 = performance.now();
} catch (e) {
  krasch = kraschAv(e);
  t1 = t2 = performance.now();
}
const maxRssByte = process.resourceUsage().maxRSS * 1024;

const fynd = { fel: 0, varning: 0, info: 0 };
const regler: Record<string, number> = {};
for (const f of resultat?.findings.all ?? []) {
  fynd[f.allvar]++;
  regler[f.regel] = (regler[f.regel] ?? 0) + 1;
}
const utdata: Record<string, number> = {};
if (resultat?.outputs) for (const namn of readdirSync(utkatalog)) utdata[namn] = statSync(join(utkatalog, namn)).size;
const he = resultat?.outputs && existsSync(join(utkatalog, nivafil)) ? readFileSync(join(utkatalog, nivafil), "utf8") : undefined;

svara({
  typ: "pipeline",
  pipelineMs: t1 - t0,
  skrivMs: t2 - t1,
  maxRssByte,
  rssForeByte,
  fynd,
  regler,
  forstaFel: (resultat?.findings.errors ?? []).slice(0, 5).map(formatFinding),
  utdata,
  nivaer: he === undefined ? undefined : kontrolleraNivaer(he),
  ...(krasch ? { krasch } : {}),
});
