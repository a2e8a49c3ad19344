// Skriver de genererade delarna av docs/indata.md (listan över indataslag, från registret i
// loaders/kinds/) och docs/utdata.md (kolumntabellen för varje utdatatabell, från dess schema):
// `npm run dokumentation`. Testet test/dokumentation.test.ts underkänner en dokumentation som
// inte stämmer med registret och schemana.
//
// En genererad del står mellan två markeringar och skrivs över helt; texten runt om är handskriven:
//   <!-- genereras: indataslag -->            ...  <!-- /genereras -->
//   <!-- genereras: schema helarsekvivalenter --> ... <!-- /genereras -->
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { REGISTER } from "../loaders/kinds/index.ts";
import { PIPELINE_UTDATA } from "../loaders/pipeline.ts";
import type { Kolumntyp, Schema } from "../loaders/publish/schema.ts";

const PROJEKTROT = fileURLToPath(new URL("../", import.meta.url));
export const INDATA = resolve(PROJEKTROT, "docs/indata.md");
export const UTDATA = resolve(PROJEKTROT, "docs/utdata.md");

/** Every output table: the kinds' in the registry's order, then the pipeline's own. */
export function allaScheman(): Schema[] {
  return [...REGISTER.flatMap((k) => k.utdata), ...PIPELINE_UTDATA];
}

const TYPNAMN: Readonly<Record<Kolumntyp, string>> = { text: "text", tal: "tal", heltal: "heltal" };

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The list of input kinds in docs/indata.md. */
export function indataslag(): string {
  const rader = REGISTER.flatMap((kind) => kind.dokumentation.map((d) => `| ${cell(d.indata)} | ${cell(d.kannsIgenPa)} | ${cell(d.definition)} |`));
  return ["| indata | känns igen på | definition och format |", "|---|---|---|", ...rader].join("\n");
}

/** The column table of one output table in docs/utdata.md. */
export function schemaTabell(s: Schema): string {
  const rader = s.kolumner.map((k) => `| \`${k.namn}\` | ${TYPNAMN[k.typ]}${k.saknas ? ", kan saknas" : ""} | ${cell(k.beskrivning)} |`);
  return [`Filerna \`${s.namn}.csv\` och \`${s.namn}.parquet\`: ${cell(s.beskrivning)}.`, "", "| kolumn | typ | innehåll |", "|---|---|---|", ...rader].join("\n");
}

const MARKERING = /<!-- genereras: ([a-z_ ]+?) -->\n[\s\S]*?<!-- \/genereras -->/g;

/** The generated parts the text names, each replaced by `delar(namn)`; an unknown name is an error. */
export function fyllI(text: string, delar: (namn: string) => string | undefined, fil: string): string {
  return text.replace(MARKERING, (_hela, namn: string) => {
    const innehall = delar(namn);
    if (innehall === undefined) throw new Error(`${fil}: okänd genererad del "${namn}"`);
    return `<!-- genereras: ${namn} -->\n${innehall}\n<!-- /genereras -->`;
  });
}

/** The names of the generated parts in `text`, in order. */
export function genereradeDelar(text: string): string[] {
  return [...text.matchAll(MARKERING)].map((m) => m[1]!);
}

export function indataDel(namn: string): string | undefined {
  return namn === "indataslag" ? indataslag() : undefined;
}

export function utdataDel(namn: string): string | undefined {
  const m = /^schema ([a-z_]+)$/.exec(namn);
  const s = m && allaScheman().find((x) => x.namn === m[1]);
  return s ? schemaTabell(s) : undefined;
}

const direkt = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (direkt) {
  for (const [fil, del] of [[INDATA, indataDel], [UTDATA, utdataDel]] as const) {
    const fore = readFileSync(fil, "utf8");
    const efter = fyllI(fore, del, fil);
    if (efter !== fore) {
      writeFileSync(fil, efter);
      console.log(`Skrev ${fil.slice(PROJEKTROT.length)}`);
    }
  }
}
