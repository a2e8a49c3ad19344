/**
 * Runs an analysis notebook (src/analyser/*.md) in Node: every ```js echo block, in order, as
 * one async function, on the example outputs (test/golden/exempel, which test/cli.test.ts keeps
 * byte-identical to what `finsam run data/exempel` writes). The code is the page's own code, so
 * the numbers the test checks are the numbers the page shows.
 *
 * - `FileAttachment("../data/x.csv")` reads test/golden/exempel/x.csv; an extract
 *   (src/data/utdrag.js, e.g. malgrupp_senaste_manaden.csv) is made from its table as the loader makes it.
 * - Imports from ../components/analys.js get the real module (arquero, formats, text helpers).
 * - Imports from ../components/analysvyer.js, @observablehq/plot and @observablehq/inputs
 *   (the drawing) get a stub that accepts any call; `display`, `width` and `view` likewise. A name
 *   imported from analysvyer.js must still be one of its functions (read from its source).
 * Blocks without `echo` (the page's drawing and inputs) are not run; a value that such a block
 * defines and an echo block uses (e.g. `lasIn` from an Inputs.radio) is given as `varden`.
 * `filer` replaces output files by name (e.g. a table with only its header, as a data folder
 * without that input gives).
 */
import { readFileSync } from "node:fs";
import * as analys from "../../src/components/analys.ts";
import { utdrag, utdragetsTabell } from "../../src/data/utdrag.js";

const GOLDEN = new URL("../golden/exempel/", import.meta.url);

/** The functions src/components/analysvyer.ts exports (the module draws with the DOM, so it is read, not run). */
const VYER = new Set(
  [...readFileSync(new URL("../../src/components/analysvyer.ts", import.meta.url), "utf8").matchAll(/^export (?:async )?function (\w+)/gm)].map((m) => m[1]!),
);
const SRC = new URL("../../src/analyser/", import.meta.url);

/** A value that accepts every call and property access (for the drawing code). */
const stubb: unknown = new Proxy(function () {}, {
  get: (_m, nyckel) => (nyckel === Symbol.toPrimitive ? () => "" : nyckel === "then" ? undefined : stubb),
  apply: () => stubb,
  construct: () => stubb as object
});

/** The ```js echo blocks of a notebook, in order. */
export function echoblock(markdown: string): string[] {
  const block: string[] = [];
  for (const m of markdown.matchAll(/^```js echo[^\n]*\n([\s\S]*?)^```$/gm)) block.push(m[1]!);
  return block;
}

interface Import {
  namn: string[];
  fran: string;
}

function importer(kod: string): { imports: Import[]; utan: string } {
  const imports: Import[] = [];
  const utan = kod.replace(/^import\s+([\s\S]*?)\s+from\s+"([^"]+)";?\s*$/gm, (_rad, vad: string, fran: string) => {
    const namn: string[] = [];
    const stjarna = /^\*\s+as\s+(\w+)$/.exec(vad.trim());
    if (stjarna) namn.push(stjarna[1]!);
    else if (/^\w+$/.test(vad.trim())) namn.push(vad.trim());
    else {
      for (const del of vad.replace(/[{}]/g, "").split(",")) {
        const d = del.trim();
        if (!d) continue;
        const som = /^(\w+)\s+as\s+(\w+)$/.exec(d);
        namn.push(som ? `${som[1]}:${som[2]}` : d);
      }
    }
    imports.push({ namn, fran });
    return "";
  });
  return { imports, utan };
}

/** Top-level names the blocks declare (const, let, function, class). */
function deklarerade(kod: string): string[] {
  return [...kod.matchAll(/^(?:const|let|var|async function|function|class)\s+(\w+)/gm)].map((m) => m[1]!);
}

const korda = new Map<string, Promise<Record<string, any>>>();

/**
 * Runs the notebook `fil` (e.g. "malgruppen.md") and returns every top-level variable. Each
 * notebook runs once per test file (the result is shared; tests only read it).
 */
export function korAnteckning(fil: string, varden: Record<string, unknown> = {}, filer: Record<string, string> = {}): Promise<Record<string, any>> {
  const nyckel = `${fil} ${JSON.stringify(varden)} ${JSON.stringify(filer)}`;
  let k = korda.get(nyckel);
  if (!k) korda.set(nyckel, (k = kor(fil, varden, filer)));
  return k;
}

/** The header line of an output file: the table as a data folder without its input publishes it. */
export function baraRubrik(namn: string): string {
  return `${readFileSync(new URL(namn, GOLDEN), "utf8").split("\n", 1)[0]}\n`;
}

/** An output file of the example, as text. */
export function utdatafil(namn: string): string {
  return readFileSync(new URL(namn, GOLDEN), "utf8");
}

async function kor(fil: string, varden: Record<string, unknown>, filer: Record<string, string>): Promise<Record<string, any>> {
  const markdown = readFileSync(new URL(fil, SRC), "utf8");
  const { imports, utan } = importer(echoblock(markdown).join("\n"));
  const bindningar: Record<string, unknown> = {
    FileAttachment: (sokvag: string) => {
      const namn = /^\.\.\/data\/([^/]+)$/.exec(sokvag)?.[1];
      if (!namn) throw new Error(`${fil}: FileAttachment("${sokvag}") ska läsa en utdatafil i ../data/`);
      // Ett utdrag (src/data/utdrag.js) görs som dataladdaren gör det, ur tabellen det tas ur.
      const ur = utdragetsTabell(namn);
      const text = filer[namn] ?? (ur === undefined ? readFileSync(new URL(namn, GOLDEN), "utf8") : utdrag(namn, filer[ur] ?? readFileSync(new URL(ur, GOLDEN), "utf8")));
      return { text: async () => text, size: Buffer.byteLength(text) };
    },
    display: () => {},
    view: () => stubb,
    width: 800,
    // Values the page's hidden blocks set (e.g. a choice made with Inputs): the test gives them.
    ...varden
  };
  for (const { namn, fran } of imports) {
    for (const n of namn) {
      const [original, lokal] = n.includes(":") ? n.split(":") : [n, n];
      if (fran === "../components/analys.js") {
        if (!(original! in analys)) throw new Error(`${fil}: analys.js har ingen export ${original}`);
        bindningar[lokal!] = (analys as Record<string, unknown>)[original!];
      } else if (["../components/analysvyer.js", "@observablehq/plot", "@observablehq/inputs"].includes(fran)) {
        if (fran === "../components/analysvyer.js" && !VYER.has(original!)) throw new Error(`${fil}: analysvyer.js har ingen export ${original}`);
        bindningar[lokal!] = stubb;
      } else {
        throw new Error(`${fil}: okänd import från ${fran} i ett echo-block`);
      }
    }
  }
  const namn = deklarerade(utan);
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...a: string[]) => (...v: unknown[]) => Promise<Record<string, unknown>>;
  const kor = new AsyncFunction(...Object.keys(bindningar), `${utan}\nreturn {${namn.join(", ")}};`);
  return kor(...Object.values(bindningar));
}
