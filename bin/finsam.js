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
// Hashing the 2 MB of sources at every start took about 10 ms, so the hash is kept beside the
// bundles with a stamp of the sources (name, size, inode, modification and change time of each,
// see `stampel`) and computed again only when the stamp no longer fits.
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
// it is then written anew: starts that alternate such flags compile every time. The bundle is
// written in ASCII where that keeps its meaning (`tillAscii`) and then read as Latin-1, a
// one-byte string (about 8 ms less per start than 3 MB of UTF-8 with a few Swedish letters). The writer
// thread (loaders/publish/skrivarbetare.js) has a bundle of its own, with all its packages
// (finsam-arbetare-<hash>.cjs, built with the CLI's from the same sources): the CLI gets its path
// and publish/skrivtrad.ts starts the thread from it with this file's `ladda`, so with a code
// cache of its own beside it;
// through Node's ESM loader the thread's start took about 3 % of a national run's CPU.
//
// This file itself is CommonJS (bin/package.json says so): as an ES module it made node set up
// its ESM loader and a module facade for every built-in module it imports, about 10 ms of every
// start for nothing the command uses.
//
// When the bundle cannot be built, written or loaded (no or a read-only node_modules/), or
// FINSAM_TSX=1, the CLI runs through tsx as before. FINSAM_DEBUG=1 also prints which bundle ran
// and what became of its code cache.
"use strict";
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { isAscii } = require("node:buffer");
const Module = require("node:module");
const { basename, dirname, join, relative, sep } = require("node:path");
const { pathToFileURL } = require("node:url");
const vm = require("node:vm");

const ROT = join(__dirname, "..") + sep;
const CACHE = join(ROT, "node_modules", ".cache", "finsam");
/** Part of the hash: a bundle built with other options than these never passes for one of them. */
const FORMAT = "cjs, paketen i bunten, kodcache 1, skrivtråden buntad";
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

/** The files the bundle is made from: the sources, package.json, this file and the installed packages' lock file. */
function kallor() {
  const filer = [...kallfiler(join(ROT, "loaders")), ...kallfiler(join(ROT, "src", "components")), join(ROT, "package.json"), __filename];
  // The packages are inside the bundle: a new `npm ci` (another lock file) gives a new bundle.
  const las = join(ROT, "node_modules", ".package-lock.json");
  if (existsSync(las)) filer.push(las);
  return filer;
}

/** The bundle's hash: the sources' names and contents, the installed packages, the format, the checkout's path and node's major version. */
function bundlensHash(filer) {
  const { createHash } = require("node:crypto");
  const h = createHash("sha256");
  h.update(`${ROT}\0${process.versions.node.split(".")[0]}\0${FORMAT}\0`);
  for (const p of filer) {
    h.update(`${relative(ROT, p)}\0`);
    h.update(readFileSync(p));
    h.update("\0");
  }
  return h.digest("hex").slice(0, 16);
}

/**
 * The sources as the file system describes them, without reading them: each one's name, size,
 * inode, modification time and change time; and the newest change time. Every write to a file
 * moves its change time (ctime), which no program can set (unlike the modification time, which
 * `touch` and `cp -p` can), and a file put in place by a rename has another inode: a file whose
 * contents changed does not keep its line. Reading and hashing the sources at every start took
 * about 10 ms.
 */
function stampel(filer) {
  let text = `${ROT}\0${process.versions.node}\0${FORMAT}\n`;
  let nyast = 0;
  for (const p of filer) {
    const s = statSync(p);
    text += `${relative(ROT, p)}\0${s.size}\0${s.ino}\0${s.mtimeMs}\0${s.ctimeMs}\n`;
    nyast = Math.max(nyast, s.ctimeMs);
  }
  return { text, nyast };
}

/**
 * A file's times have a grain (a few milliseconds on Linux, up to two seconds on some file
 * systems): two writes of the same size within one grain leave the same line. So a stamp is only
 * kept when every source is older than this, as git does with its index; until then each start
 * hashes the sources.
 */
const KORN_MS = 2_000;

/** The hash of the bundle made from the sources as they look now: from the stamp beside the bundles when no source has changed since it was written, else from their contents (and a function that saves the stamp for next time, when it can be trusted). */
function aktuellHash(filer) {
  const fil = join(CACHE, "kallor.stampel");
  const nu = stampel(filer); // before the contents are read: a source that changes in between is read anew next time
  try {
    const text = readFileSync(fil, "utf8");
    const radslut = text.indexOf("\n");
    if (radslut === 16 && text.slice(radslut + 1) === nu.text) {
      debug("källorna oförändrade sedan stämpeln");
      return { hash: text.slice(0, radslut), spara: undefined };
    }
  } catch { /* none yet */ }
  debug("källorna hashade");
  const hash = bundlensHash(filer);
  const saker = Date.now() - nu.nyast > KORN_MS;
  return { hash, spara: saker ? () => skrivAtomiskt(fil, `${hash}\n${nu.text}`) : undefined };
}

/** Writes `data` to `fil` through a temporary file and a rename, so that no process reads it half-written. */
function skrivAtomiskt(fil, data) {
  const tmp = `${fil}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, fil);
  } catch (error) {
    try { rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
    throw error;
  }
}

/**
 * Files of earlier sources in the cache: a bundle is removed once it is an hour old (a process
 * started just before may still be about to load it), and its code cache, whatever its age,
 * with it (a missing cache only costs that process a compile). Half-written files (.tmp) of
 * other bundles go when they are an hour old.
 */
function stada(hash) {
  const hashAv = (namn) => /^finsam-(?:cli|arbetare)-([0-9a-f]{16})/.exec(namn)?.[1];
  const namn = readdirSync(CACHE).filter((n) => hashAv(n) !== undefined && hashAv(n) !== hash);
  const gammal = (n) => Date.now() - statSync(join(CACHE, n)).mtimeMs > 3_600_000;
  const unga = new Set(namn.filter((n) => /\.(cjs|mjs)$/.test(n) && !gammal(n)).map(hashAv));
  for (const n of namn) {
    if (!unga.has(hashAv(n)) && (n.endsWith(".kodcache") || gammal(n))) rmSync(join(CACHE, n), { force: true });
  }
}

/**
 * The bundle's text in ASCII, when that keeps its meaning. One character beyond ASCII makes the
 * whole 3 MB a two-byte string in V8, which took about 9 ms more of every start to read and
 * compile than a one-byte string read as Latin-1. esbuild (charset "ascii", its default) escapes
 * every string, name and untagged template, but leaves comments and regular expression literals
 * (and the raw text of tagged templates) as written. In a comment and in a regular expression
 * `\uXXXX` is the same character: `\ä` (an identity escape) becomes `\u00e4`, and a character
 * beyond U+FFFF its two surrogates, which a regular expression reads as that character with or
 * without the u flag. Where the text is is found by parsing it (acorn, about 0.3-0.6 s, only when
 * the bundle is built). The text is returned as it is when a character beyond ASCII is anywhere
 * else (a tagged template, whose raw text would change), when it holds U+2028 or U+2029 (which
 * end a line comment), or when it cannot be parsed: it is then loaded as UTF-8, as before.
 */
function tillAscii(text) {
  if (!/[^\x00-\x7f]/.test(text) || /[\u2028\u2029]/.test(text)) return text;
  /** Comments and regular expression literals: [start, end, is a regular expression]. */
  const stallen = [];
  try {
    require("acorn").parse(text, {
      ecmaVersion: "latest", sourceType: "script", allowReturnOutsideFunction: true, allowHashBang: true,
      onComment: (_block, _text, start, end) => stallen.push([start, end, false]),
      onToken: (t) => { if (t.type.label === "regexp") stallen.push([t.start, t.end, true]); },
    });
  } catch {
    return text;
  }
  stallen.sort((x, y) => x[0] - y[0]);
  let ut = "";
  let fore = 0;
  for (const [start, end, regex] of stallen) {
    const del = text.slice(start, end);
    if (!/[^\x00-\x7f]/.test(del)) continue;
    if (/[^\x00-\x7f]/.test(text.slice(fore, start))) return text;
    ut += text.slice(fore, start) + del.replace(/(\\*)([^\x00-\x7f])/gu, (_, snedstreck, tecken) => {
      // An odd number of backslashes: the last escapes the character itself (in a regular expression, an identity escape).
      const kvar = regex && snedstreck.length % 2 === 1 ? snedstreck.slice(1) : snedstreck;
      let esc = "";
      for (let i = 0; i < tecken.length; i++) esc += `\\u${tecken.charCodeAt(i).toString(16).padStart(4, "0")}`;
      return kvar + esc;
    });
    fore = end;
  }
  ut += text.slice(fore);
  return /[^\x00-\x7f]/.test(ut) ? text : ut;
}

/** Builds the bundle if it is not there yet; its path, or undefined when it cannot be had. */
async function bygg() {
  const tmp = [];
  try {
    if (!existsSync(join(ROT, "node_modules"))) return undefined;
    const { hash, spara } = aktuellHash(kallor());
    const buntar = { cli: join(CACHE, `finsam-cli-${hash}.cjs`), arbetare: join(CACHE, `finsam-arbetare-${hash}.cjs`) };
    if (existsSync(buntar.cli) && existsSync(buntar.arbetare)) {
      sparaStampel(spara);
      return buntar;
    }
    const esbuild = await import("esbuild");
    mkdirSync(CACHE, { recursive: true });
    const alternativ = {
      bundle: true, platform: "node", format: "cjs", target: "node20", supported: { "dynamic-import": false },
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
    };
    // The CLI, and the writer thread with all its packages (publish/skrivtrad.ts starts it from its bundle).
    const delar = [
      { fil: buntar.cli, entryPoints: [join(ROT, "loaders", "cli.ts")], external: LATA },
      { fil: buntar.arbetare, entryPoints: [join(ROT, "loaders", "publish", "skrivarbetare.js")], external: [] },
    ];
    for (const del of delar) {
      const fil = `${del.fil}.${process.pid}.tmp`;
      tmp.push(fil);
      await esbuild.build({ ...alternativ, entryPoints: del.entryPoints, external: del.external, outfile: fil });
      const text = readFileSync(fil, "utf8");
      const ascii = tillAscii(text);
      if (ascii !== text) writeFileSync(fil, ascii);
    }
    // Another process may build at the same time: each writes its own files, the renames are
    // atomic, and the CLI's bundle, whose presence ends the build, is put in place last.
    for (const [i, del] of [...delar.entries()].reverse()) renameSync(tmp[i], del.fil);
    tmp.length = 0;
    try { stada(hash); } catch { /* another process cleans at the same time; next time */ }
    sparaStampel(spara);
    return buntar;
  } catch (error) {
    debug(`bunten kunde inte byggas: ${error instanceof Error ? error.message : String(error)}`);
    for (const fil of tmp) try { rmSync(fil, { force: true }); } catch { /* nothing to clean */ }
    return undefined;
  }
}

/** Writes the sources' stamp beside the bundles, if there is one to write; never an error for the command (the next start hashes the sources again). */
function sparaStampel(spara) {
  try {
    spara?.();
  } catch (error) {
    debug(`källornas stämpel kunde inte skrivas: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Writes V8's code cache for `script` to `kodcache`, atomically; never an error for the command. */
function skrivKodcache(script, kodcache) {
  try {
    skrivAtomiskt(kodcache, script.createCachedData());
    debug(`kodcache skriven (${statSync(kodcache).size} byte)`);
  } catch (error) {
    debug(`kodcachen kunde inte skrivas: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Compiles and runs the bundle as a CommonJS module, with V8's code cache when there is one; its exports. */
function ladda(bundle) {
  const kodcache = bundle.replace(/\.cjs$/, ".kodcache");
  let cachad;
  try { cachad = readFileSync(kodcache); } catch { /* none yet */ }
  // Read as Latin-1 when it is ASCII (`tillAscii`): the same text, as a one-byte string.
  const bytes = readFileSync(bundle);
  const kallkod = isAscii(bytes) ? bytes.latin1Slice(0, bytes.length) : bytes.utf8Slice(0, bytes.length);
  const script = new vm.Script(Module.wrap(kallkod), { filename: bundle, cachedData: cachad });
  const modul = { exports: {} };
  script.runInThisContext()(modul.exports, Module.createRequire(bundle), modul, bundle, dirname(bundle));
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

/** Runs the command in `process.argv` through the bundle, or through tsx when there is none; its exit status. */
async function main() {
  let cli;
  let skrivarbetarbunt;
  if (process.env.FINSAM_TSX !== "1") {
    const buntar = await bygg();
    if (buntar) {
      try {
        cli = ladda(buntar.cli);
        skrivarbetarbunt = { bunt: buntar.arbetare, laddare: __filename };
      } catch (error) {
        debug(`bunten kunde inte laddas: ${error instanceof Error ? error.message : String(error)}`);
        cli = undefined;
        skrivarbetarbunt = undefined;
      }
    }
  }
  if (!cli) {
    const { register } = await import("tsx/esm/api");
    register();
    cli = await import("../loaders/cli.ts");
  }
  try {
    return await cli.main(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      stderrIsTTY: Boolean(process.stderr.isTTY),
      ...(skrivarbetarbunt ? { skrivarbetarbunt } : {}),
    });
  } catch (error) {
    // Problems in users' files are findings, never exceptions; this is a bug in finsam itself.
    process.stderr.write(`finsam: internt fel (internal error): ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.FINSAM_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ""}\n`);
    return 1;
  }
}

if (require.main === module) {
  // A command whose promise never settles (nothing left for the event loop, a bug) must not pass
  // for a success: as Node does for an unfinished top-level await, status 13.
  let klar = false;
  process.on("exit", () => {
    if (klar) return;
    process.stderr.write("finsam: internt fel (internal error): kommandot avslutades inte\n");
    process.exitCode = 13;
  });
  main().then((code) => {
    klar = true;
    process.exitCode = code;
  }, (error) => {
    // Neither the bundle nor tsx could be loaded (e.g. node_modules/ without its packages).
    klar = true;
    process.stderr.write(`finsam: internt fel (internal error): ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.FINSAM_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ""}\n`);
    process.exitCode = 1;
  });
} else {
  // Required by the writer thread, to load its bundle (publish/skrivtrad.ts), and by the tests.
  module.exports = { ladda, tillAscii };
}
