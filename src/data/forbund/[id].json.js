// Parameteriserad dataladdare (Frameworks docs/params.md) för data/forbund/<id>.json: ett
// förbunds sida i den nationella utgåvan (src/forbund/[id].md), med förbundets egen del av
// sidornas data (loaders/publish/sidor/nationell.ts). Framework kör den med --id=<id> för varje
// förbund som en sida hänvisar till; filen har redan skrivits till <utdata>/sida/forbund/ när
// observablehq.config.ts räknade fram sidorna (dynamicPaths), så här kopieras den bara.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

try {
  const { values } = parseArgs({ options: { id: { type: "string" } } });
  const id = values.id ?? "";
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`ogiltigt förbunds-id "${id}"`);
  let utdata = process.env.FINSAM_UTDATA;
  if (!utdata) {
    const { register } = await import("tsx/esm/api");
    register();
    utdata = await (await import("../utdata.ts")).utdatakatalog();
  }
  let fil = join(utdata, "sida", "forbund", `${id}.json`);
  if (!existsSync(fil)) {
    // Sidornas data är inte gjord ännu (Framework körs utan npm run build/dev): gör den.
    const { register } = await import("tsx/esm/api");
    register();
    await (await import("../../../loaders/publish/sidor/katalog.ts")).sidodataI(utdata);
    fil = join(utdata, "sida", "forbund", `${id}.json`);
  }
  if (!existsSync(fil)) throw new Error(`förbundet ${id} finns inte i sidornas data (${fil})`);
  process.stdout.write(readFileSync(fil));
} catch (fel) {
  process.stderr.write(`Dataladdaren för förbundssidan (data/forbund) misslyckades: ${fel instanceof Error ? fel.message : String(fel)}\n`);
  process.exitCode = 1;
}
