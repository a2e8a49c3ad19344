// A data loader in miniature for test/engangskorning.test.ts: korEnGang in a process of its
// own, whose run writes its pid to a log (one line per run) and takes a while.
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { korEnGang } from "../../loaders/publish/engangskorning.ts";

const [bas, nyckel, logg] = process.argv.slice(2) as [string, string, string];
const ut = await korEnGang({
  bas,
  nyckel,
  kor: async (katalog) => {
    appendFileSync(logg, `${process.pid}\n`);
    await new Promise((klar) => setTimeout(klar, 400));
    const { mkdirSync } = await import("node:fs");
    mkdirSync(katalog, { recursive: true });
    writeFileSync(join(katalog, "resultat.txt"), String(process.pid));
  },
});
process.stdout.write(ut);
