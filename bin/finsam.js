#!/usr/bin/env node
// Entry point of the `finsam` command.
//
// The CLI is TypeScript (loaders/). Run through tsx, every one of its modules passes tsx's
// loader thread one by one, which costs a second or more at every start. So the loaders are
// bundled once with esbuild (a dependency of tsx) into .finsam-build/finsam-cli.mjs, rebuilt
// when a file under loaders/ or package.json is newer than the bundle, and that one file is
// imported; npm packages stay outside the bundle. `import.meta.url` is replaced by each
// source file's own URL, so paths relative to a module (data/referens/) work as before.
// When the bundle cannot be built or written (a read-only checkout), or FINSAM_TSX=1, the
// CLI runs through tsx as before.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROT = fileURLToPath(new URL("..", import.meta.url));
const BUNDLE = join(ROT, ".finsam-build", "finsam-cli.mjs");

/** The newest modification time among the files the bundle is made from. */
function nyast(katalog) {
  let t = 0;
  for (const e of readdirSync(katalog, { withFileTypes: true })) {
    const p = join(katalog, e.name);
    if (e.isDirectory()) t = Math.max(t, nyast(p));
    else if (e.name.endsWith(".ts")) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

async function bundlad() {
  if (process.env.FINSAM_TSX === "1") return undefined;
  try {
    const kallor = Math.max(nyast(join(ROT, "loaders")), statSync(join(ROT, "package.json")).mtimeMs, statSync(fileURLToPath(import.meta.url)).mtimeMs);
    let aktuell = false;
    try {
      aktuell = statSync(BUNDLE).mtimeMs >= kallor;
    } catch {
      aktuell = false;
    }
    if (!aktuell) {
      const esbuild = await import("esbuild");
      mkdirSync(dirname(BUNDLE), { recursive: true });
      const tmp = `${BUNDLE}.${process.pid}.tmp`;
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
      renameSync(tmp, BUNDLE);
    }
    return await import(pathToFileURL(BUNDLE).href);
  } catch {
    try { rmSync(`${BUNDLE}.${process.pid}.tmp`, { force: true }); } catch { /* nothing to clean */ }
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
