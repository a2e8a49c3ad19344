#!/usr/bin/env node
// Entry point of the `finsam` command.
//
// The CLI is TypeScript (loaders/). Run through tsx, every one of its modules passes tsx's
// loader thread one by one, which costs a second or more at every start. So the loaders are
// bundled once with esbuild (a dependency of tsx) into node_modules/.cache/finsam/, never into
// the source tree or dist/. The bundle's name holds a hash of everything it is made from (the
// contents of every .ts and .js file under loaders/ and src/components/ (the report imports the
// site's components), package.json, the installed packages' lock file
// (node_modules/.package-lock.json), this file, the bundle's format and the checkout's path,
// because `import.meta.url` is replaced by each source file's own URL so that paths relative
// to a module, such as data/referens/, work as before): the same sources always give the same
// bundle, a changed, added or removed source gives a new one, whatever the files' times say.
//
// Start-up is mostly module loading, so the bundle is ONE CommonJS file that holds the npm
// packages too (zod, arquero, d3, papaparse, iconv-lite ...): Node's ESM loader would otherwise
// resolve, read and link some 300 files at every start. Only the packages that a command loads
// late with `import()` stay outside (LATA below: HiGHS, read-excel-file, playwright-core,
// hyparquet, hyparquet-writer); esbuild turns those `import()` calls into `require()`
// (`supported: { "dynamic-import": false }`), which also loads ESM-only packages in Node 20.19
// and later. The file is compiled with `vm.Script` and V8's code cache: the compiled code is
// kept beside the bundle (finsam-cli-<hash>.kodcache) and given to V8 at the next start, which
// then need not parse and compile the 3 MB again. V8 rejects a cache that does not belong to
// the file, to this node or to its V8 flags (node --stack-size=…, --max-old-space-size=…), and
// it is then written anew: starts that alternate such flags compile every time. The writer
// thread (loaders/publish/skrivarbetare.js) is started from its own file and is not bundled.
//
// When the bundle cannot be built, written or loaded (no or a read-only node_modules/), or
// FINSAM_TSX=1, the CLI runs through tsx as before. FINSAM_DEBUG=1 also prints which bundle ran
// and what became of its code cache.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";

const ROT = fileURLToPath(new URL("..", import.meta.url));
const CACHE = join(ROT, "node_modules", ".cache", "finsam");
/** Part of the hash: a bundle built with other options than these never passes for one of them. */
const FORMAT = "cjs, paketen i bunten, kodcache 1";
/** Packages loaded with `import()` only when a command needs them: outside the bundle, loaded with require(). */
const LATA = ["highs", "read-excel-file", "read-excel-file/*", "playwright-core", "hyparquet", "hyparquet-writer"];
const debug = (text) => { if (process.env.FINSAM_DEBUG) process.stderr.write(`finsam: ${text}\n`); };

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

/** The bundle's hash: the sources' names and contents, the installed packages, the format, the checkout's path and node's major version. */
function bundlensHash() {
  const h = createHash("sha256");
  h.update(`${ROT}\0${process.versions.node.split(".")[0]}\0${FORMAT}\0`);
  const filer = [...kallfiler(join(ROT, "loaders")), ...kallfiler(join(ROT, "src", "components")), join(ROT, "package.json"), fileURLToPath(import.meta.url)];
  // The packages are inside the bundle: a new `npm ci` (another lock file) gives a new bundle.
  const las = join(ROT, "node_modules", ".package-lock.json");
  if (existsSync(las)) filer.push(las);
  for (const p of filer) {
    h.update(`${relative(ROT, p)}\0`);
    h.update(readFileSync(p));
    h.update("\0");
  }
  return h.digest("hex").slice(0, 16);
}

/**
 * Files of earlier sources in the cache: a bundle is removed once it is an hour old (a process
 * started just before may still be about to load it), and its code cache, whatever its age,
 * with it (a missing cache only costs that process a compile). Half-written files (.tmp) of
 * other bundles go when they are an hour old.
 */
function stada(hash) {
  const prefix = (namn) => namn.slice(0, "finsam-cli-".length + 16);
  const namn = readdirSync(CACHE).filter((n) => n.startsWith("finsam-cli-") && prefix(n) !== `finsam-cli-${hash}`);
  const gammal = (n) => Date.now() - statSync(join(CACHE, n)).mtimeMs > 3_600_000;
  const unga = new Set(namn.filter((n) => /\.(cjs|mjs)$/.test(n) && !gammal(n)).map(prefix));
  for (const n of namn) {
    if (!unga.has(prefix(n)) && (n.endsWith(".kodcache") || gammal(n))) rmSync(join(CACHE, n), { force: true });
  }
}

/** Builds the bundle if it is not there yet; its path, or undefined when it cannot be had. */
async function bygg() {
  let tmp;
  try {
    if (!existsSync(join(ROT, "node_modules"))) return undefined;
    const hash = bundlensHash();
    const bundle = join(CACHE, `finsam-cli-${hash}.cjs`);
    if (existsSync(bundle)) return bundle;
    const esbuild = await import("esbuild");
    mkdirSync(CACHE, { recursive: true });
    tmp = `${bundle}.${process.pid}.tmp`;
    await esbuild.build({
      entryPoints: [join(ROT, "loaders", "cli.ts")], outfile: tmp, bundle: true, platform: "node", format: "cjs", target: "node20",
      external: LATA, supported: { "dynamic-import": false },
      // The options of tsconfig.json that change the emitted code, given here so that the bundle
      // does not depend on which tsconfig.json esbuild finds: without `strict`, the CommonJS file
      // would not be in strict mode, as the ES modules it is made of always are.
      tsconfigRaw: { compilerOptions: { strict: true, target: "ES2022", verbatimModuleSyntax: true } },
      // Paths in the bundle's comments relative to the checkout, not to the current directory.
      absWorkingDir: ROT,
      logLevel: "silent", legalComments: "none",
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
    try { stada(hash); } catch { /* another process cleans at the same time; next time */ }
    return bundle;
  } catch (error) {
    debug(`bunten kunde inte byggas: ${error instanceof Error ? error.message : String(error)}`);
    if (tmp) try { rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
    return undefined;
  }
}

/** Writes V8's code cache for `script` to `kodcache`, atomically; never an error for the command. */
function skrivKodcache(script, kodcache) {
  const tmp = `${kodcache}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, kodcache);
    debug(`kodcache skriven (${statSync(kodcache).size} byte)`);
  } catch (error) {
    debug(`kodcachen kunde inte skrivas: ${error instanceof Error ? error.message : String(error)}`);
    try { rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
  }
}

/** Compiles and runs the bundle as a CommonJS module, with V8's code cache when there is one; its exports. */
function ladda(bundle) {
  const kodcache = bundle.replace(/\.cjs$/, ".kodcache");
  let cachad;
  try { cachad = readFileSync(kodcache); } catch { /* none yet */ }
  const script = new vm.Script(Module.wrap(readFileSync(bundle, "utf8")), { filename: bundle, cachedData: cachad });
  const modul = { exports: {} };
  script.runInThisContext()(modul.exports, createRequire(bundle), modul, bundle, dirname(bundle));
  const status = cachad === undefined ? "saknas" : script.cachedDataRejected ? "avvisad" : "godtagen";
  debug(`bunt ${basename(bundle)}, kodcache ${status}`);
  // V8 puts into the cache only the functions compiled so far. It is written here, when there
  // was none or V8 rejected it, after the bundle's module code has run: the set-up of the
  // packages and modules, which is what every start runs. Not at the end of the command: by
  // the end of a long `finsam run`, V8 has thrown away the bytecode of functions that have not
  // run for a while (bytecode flushing), the set-up among them, and a cache written then made
  // the next `finsam --help` 1.4 times slower. The functions that only a command uses are
  // compiled when called, as without a cache; a cache with them too (written after a run on
  // data/exempel, twice the size) did not make a national `finsam run` faster.
  if (status !== "godtagen") skrivKodcache(script, kodcache);
  return modul.exports;
}

let cli;
if (process.env.FINSAM_TSX !== "1") {
  const bundle = await bygg();
  if (bundle) {
    try {
      cli = ladda(bundle);
    } catch (error) {
      debug(`bunten kunde inte laddas: ${error instanceof Error ? error.message : String(error)}`);
      cli = undefined;
    }
  }
}
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
