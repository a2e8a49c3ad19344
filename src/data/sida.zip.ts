// Dataladdare för sidornas data (data/sida/…): det varje sida visar, aldrig en hel tabell ur
// utdatan (loaders/publish/sidor/, docs/webbplatsen.md "Sidornas data"). Allt skrivs som ett
// zip-arkiv som Framework packar upp fil för fil: sidorna läser sin fil med FileAttachment,
// och regionfilerna (en per region, hämtas när regionen väljs) publiceras via dynamicPaths
// i observablehq.config.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { arkivfiler, regionfiler, sidodataI } from "../../loaders/publish/sidor/katalog.ts";
import { utdatakatalog } from "./utdata.ts";

try {
  const utdata = await utdatakatalog();
  // Förbundssidornas filer (forbund/<id>.json) publiceras av src/data/forbund/[id].json.js.
  let filer = arkivfiler(await sidodataI(utdata));
  // I npm run build kopieras regionfilerna av scripts/bygg.ts (FINSAM_REGIONFILER=kopieras), så
  // arkivet blir litet: Framework läser hela arkivet för varje fil det packar upp.
  if (process.env.FINSAM_REGIONFILER === "kopieras") {
    const regioner = new Set(regionfiler(filer).map((f) => f.slice("/data/sida/".length)));
    filer = filer.filter((f) => !regioner.has(f));
  }
  // Fast filtid i arkivet: samma indata ger samma arkiv.
  const mtime = new Date(Date.UTC(2000, 0, 1));
  const arkiv = zipSync(Object.fromEntries(filer.map((f) => [f, [readFileSync(join(utdata, "sida", f)), { mtime, level: 0 }]])));
  process.stdout.write(arkiv);
} catch (fel) {
  process.stderr.write(`Dataladdaren för sidornas data (data/sida) misslyckades: ${fel instanceof Error ? fel.message : String(fel)}\n`);
  process.exitCode = 1;
}
