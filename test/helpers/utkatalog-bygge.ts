/**
 * A build without the pipeline and Framework, for the tests of the swap into dist/
 * (test/utkatalog.test.ts): takes the output folder's lock, writes a made-up site of `antal`
 * files whose every file names `etikett`, and swaps it in, with scripts/utkatalog.ts exactly as
 * scripts/bygg.ts uses it. FINSAM_BYGG_TESTPAUS stops it at a named point.
 *
 *   tsx test/helpers/utkatalog-bygge.ts <dist> <etikett> [antal]
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UtkatalogFel, forberedUtkatalog, testpaus } from "../../scripts/utkatalog.ts";

/** The made-up build; throws UtkatalogFel as the real build does. */
export async function byggWebbplats(dist: string, etikett: string, antal: number): Promise<void> {
  const ut = await forberedUtkatalog(dist, `testbygget ${etikett}`);
  try {
    await mkdir(join(ut.ny, "_file"), { recursive: true });
    for (let i = 0; i < antal; i++) {
      await writeFile(join(ut.ny, "_file", `f${i}.txt`), `${etikett} ${i}\n`);
      if (i === Math.floor(antal / 2)) await testpaus("under-bygge");
    }
    await writeFile(join(ut.ny, "index.html"), `<p>${etikett}</p>\n`);
    await ut.bytIn();
  } finally {
    await ut.slapp();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const [dist, etikett, antal] = process.argv.slice(2);
  byggWebbplats(dist!, etikett!, Number(antal ?? 50)).then(
    () => console.log(`Klart: ${etikett}`),
    (fel: unknown) => {
      console.error(fel instanceof UtkatalogFel ? `Bygget misslyckades: ${fel.message}` : `oväntat fel: ${String(fel)}`);
      process.exitCode = 1;
    }
  );
}
