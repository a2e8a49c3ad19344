#!/usr/bin/env node
// Entry point of the `finsam` command.
//
// The CLI is TypeScript (loaders/). Run through tsx, every one of its modules passes tsx's
// loader thread one by one, which costs a second or more at every start. So the loaders are
// bundled once with esbuild (a dependency of tsx) into node_modules/.cache/finsam/, never into
// the source tree or dist/. The bundle's name holds a hash of everything it is made from (the
// contents of every .ts and .js file under loaders/ and src/components/ (the report imports the
// site's components), package.json, this file, and the checkout's path,
// because `import.meta.url` is replaced by each source file's own URL so that paths relative
// to a module, such as data/referens/, work as before): the same sources always give the same
// bundle, a changed, added or removed source gives a new one, whatever the files' times say.
// npm packages stay outside the bundle and resolve from node_modules/ as usual.
// When the bundle cannot be built or written (no or a read-only node_modules/), or
// FINSAM_TSX=1, the CLI runs through tsx as before.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROT = fileURLToPath(new URL("..", import.meta.url));
const CACHE = join(ROT, "node_modules", ".cache", "finsam");

/** Every .ts and .js file under `katalog`, sorted, so the hash does not depend on directory order. */
function kallfiler(katalog, ut = []) {
  if (!existsSync(katalog)) return ut;
  for (const e of readdirSync(katalog, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(katalog, e.name);
    if (e.isDirectory()) kallfiler(p, ut);
    else if (/\.(ts|js)$/.test(e.name)) ut.push(p);
  }
  return ut;
}

/** The bundle's path: a hash of the sources' names and contents, the checkout's path and node's major version. */
function bundlensSokvag() {
  const h = createHash("sha256");
  h.update(`${ROT}\0${process.versions.node.split(".")[0]}\0`);
  for (const p of [...kallfiler(join(ROT, "loaders")), ...kallfiler(join(ROT, "src", "components")), join(ROT, "package.json"), fileURLToPath(import.meta.url)]) {
    h.update(`${relative(ROT, p)}\0`);
    h.update(readFileSync(p));
    h.update("\0");
  }
  return join(CACHE, `finsam-cli-${h.digest("hex").slice(0, 16)}.mjs`);
}

async function bundlad() {
  if (process.env.FINSAM_TSX === "1") return undefined;
  let tmp;
  try {
    if (!existsSync(join(ROT, "node_modules"))) return undefined;
    const bundle = bundlensSokvag();
    if (!existsSync(bundle)) {
      const esbuild = await import("esbuild");
      mkdirSync(CACHE, { recursive: true });
      tmp = `${bundle}.${process.pid}.tmp`;
      await esbuild.build({
        entryPoints: [join(ROT, "loaders", "cli.ts")], outfile: tmp, bundle: true, platform: "node", format: "esm", target: "node20",
        packages: "external", logLevel: "silent", legalComments: "none",
        plugins: [{
          name: "import-meta-url",
          setup(b) {
            b.onLoad({ filter: /\.ts$/ }, (a) => ({
              contents: readFileSync(a.path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(a.path).href)),
              loader: "ts",
            }));
          },
        }],
      });
      // Another process may build at the same time: each writes its own file, the rename is atomic.
      renameSync(tmp, bundle);
      tmp = undefined;
      // Bundles of earlier sources: removed once they are an hour old (a process started just
      // before may still be about to import one).
      for (const namn of readdirSync(CACHE)) {
        const p = join(CACHE, namn);
        if (p !== bundle && /^finsam-cli-/.test(namn) && Date.now() - statSync(p).mtimeMs > 3_600_000) rmSync(p, { force: true });
      }
    }
    return await import(pathToFileURL(bundle).href);
  } catch {
    if (tmp) try { rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
    return undefined;
  }
}

let cli = await bundlad();
if (!cli) {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import("../loaders/cli.ts");
}
let code;
try {
  code = await cli.main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  });
} catch (error) {
  // Problems in users' files are findings, never exceptions; this is a bug in finsam itself.
  process.stderr.write(`finsam: internt fel (internal error): ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.FINSAM_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ""}\n`);
  code = 1;
}
process.exitCode = code;
