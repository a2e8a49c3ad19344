/**
 * The workplace's shared reference material (real SCB downloads, csv-spectrum) lives beside
 * the repository, in `../shared/reference/`, as CI has it. Elsewhere, point FINSAM_SHARED at
 * that folder's parent.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

function findShared(): string {
  if (process.env.FINSAM_SHARED) return resolve(process.env.FINSAM_SHARED);
  for (let dir = fileURLToPath(new URL("../../", import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, "shared");
    if (existsSync(join(candidate, "reference"))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error("hittar inte shared/reference bredvid repot; ange FINSAM_SHARED=/sökväg/till/shared");
}

/** URL of a folder under shared/reference/, ending in a slash. */
export function referens(folder: string): URL {
  return pathToFileURL(join(findShared(), "reference", folder) + "/");
}
