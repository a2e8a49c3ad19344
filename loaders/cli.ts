/**
 * `finsam`: the command-line interface (a stable contract; tests and the site build rely on it).
 *
 *   finsam validate <katalog> [--json] [--till ÅÅÅÅ-MM-DD]
 *   finsam run <katalog> --out <utkatalog> [--till ÅÅÅÅ-MM-DD]
 *   finsam rapport <katalog> --till ÅÅÅÅ-MM-DD [--forbund <id>] --ut <fil.pdf> [--utdata]
 *
 * Exit status: 0 no errors (warnings allowed), 1 an error in the input (nothing written),
 * 2 wrong usage.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { findingToJson, formatFinding } from "./validate/findings.ts";
import { runPipeline, PIPELINE_UTDATA, type PipelineResult } from "./pipeline.ts";
import { writeOutputs, Forhandsskrivning, OutputError } from "./publish/utkatalog.ts";
import { Skrivtrad, type Skrivarbetarbunt } from "./publish/skrivtrad.ts";
import { forvarmCsv } from "./publish/forvarmning.js";
import { REGISTER } from "./kinds/index.ts";

export interface CliEffects {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown only then). */
  readonly stderrIsTTY: boolean;
  /** The writer thread bundled into one file, and its loader (bin/finsam.js); without it the thread runs from its source. */
  readonly skrivarbetarbunt?: Skrivarbetarbunt;
}

/** The kinds of input, from the registry, wrapped for the terminal. */
function kandaIndata(): string {
  return radbryt(`Kända indata: ${REGISTER.map((k) => k.namn).join(", ")}; se docs/indata.md.`);
}

/** The output tables, from their schemas. */
function utdataLista(): string {
  const tabeller = REGISTER.flatMap((k) => k.utdata).filter((s) => !s.intern).concat(PIPELINE_UTDATA).map((s) => s.namn).sort();
  return radbryt(
    `Utdata från run (alltid alla; bara rubrikraden när indata saknas), en CSV-fil och en Parquet-fil per tabell: ${tabeller.join(", ")}. ` +
      "CSV: UTF-8 utan BOM, komma, punkt som decimaltecken; se docs/utdata.md. Deltagarresultat skyddas som standard: små " +
      "grupper döljs (docs/definitioner/skydd.md).",
  );
}

function radbryt(text: string, bredd = 78): string {
  const rader: string[] = [];
  let rad = "";
  for (const ord of text.split(" ")) {
    if (rad && rad.length + 1 + ord.length > bredd) {
      rader.push(rad);
      rad = ord;
    } else rad = rad ? `${rad} ${ord}` : ord;
  }
  if (rad) rader.push(rad);
  return rader.join("\n");
}

export const HELP = `finsam – uppföljning för samordningsförbund (Finsam)

Användning:
  finsam validate <katalog> [--json]      kontrollera alla kända indatafiler i katalogen
  finsam run <katalog> --out <utkatalog>  validera, beräkna och skriv utdata (CSV och Parquet) till utkatalogen
  finsam rapport <katalog> --till <datum> [--forbund <id>] --ut <fil.pdf>
                                          styrelserapporten (delårsbokslut eller årsredovisning) som PDF
  finsam --help                           visa denna hjälp
  finsam --version                        visa versionen

Indatafiler känns igen på innehållet (rubrikraden), inte på filnamnet, så SCB:s
filnamn som TAB1386_20260315-101500.csv kan behållas. Okända filer ger en varning.
${kandaIndata()}

Flaggor:
  --json        validate: skriv ett fynd per rad som JSON (fil, rad, kolumn, falt,
                varde, regel, allvar, meddelande, message; se docs/datakvalitet.md)
  --out <dir>   run: katalogen där utdata skrivs (skapas vid behov)
  --intern      run: skriv oskyddade deltagarresultat för förbundets egen analys.
                Resultatet får INTE publiceras; webbplatsen byggs aldrig från det.
  --ut <fil.pdf>  rapport: PDF-filen som skrivs (A4; samma data ger samma fil byte
                för byte; datumet i filen är SOURCE_DATE_EPOCH eller --till)
  --forbund <id>  rapport: förbundet (t.ex. sodra-dalarna); behövs när underlaget har
                flera förbund
  --utdata      rapport: katalogen är en utkatalog från finsam run (webbplatsens
                tabeller); pipelinen körs inte. Rapporten visar alltid de skyddade
                tabellerna, aldrig uppgifter om enskilda deltagare (docs/rapport.md).
  --till <datum>  ekonomins rapportdatum (ÅÅÅÅ-MM-DD), före inställningarnas
                "rapportdatum"; utan båda: sista dagen i månaden före huvudbokens
                senaste bokning. Bokningar efter rapportdatumet räknas inte.
                rapport: periodens sista dag (krävs); perioden börjar 1 januari.

${utdataLista()}

Avslutningsstatus:
  0  inga fel (varningar kan finnas)
  1  fel i indata eller kunde inte skriva; ingenting i utkatalogen har ändrats
  2  felaktig användning av kommandot
`;

const USAGE_HINT = "Skriv finsam --help för hjälp.";

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

export async function main(argv: readonly string[], effects: CliEffects): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean" },
        out: { type: "string" },
        intern: { type: "boolean" },
        till: { type: "string" },
        ut: { type: "string" },
        forbund: { type: "string" },
        utdata: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
      },
    });
  } catch (e) {
    effects.stderr(`finsam: ${translateParseError((e as Error).message)}\n${USAGE_HINT}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    effects.stdout(HELP);
    return 0;
  }
  if (values.version) {
    effects.stdout(`${version()}\n`);
    return 0;
  }
  const [command, dir, ...extra] = positionals;
  if (command === "rapport") return rapportkommando(dir, extra, values, effects);
  if (command !== "validate" && command !== "run") {
    effects.stderr(`finsam: ${command === undefined ? "ange ett kommando (validate, run eller rapport)" : `okänt kommando "${command}"; förväntat validate, run eller rapport`}\n${USAGE_HINT}\n`);
    return 2;
  }
  if (dir === undefined || extra.length > 0) {
    effects.stderr(`finsam ${command}: ${dir === undefined ? "ange katalogen med indatafiler" : `för många argument: ${extra.join(" ")}`}\n${USAGE_HINT}\n`);
    return 2;
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    effects.stderr(`finsam ${command}: katalogen "${dir}" finns inte (expected an existing folder)\n`);
    return 2;
  }
  if (command === "validate" && values.out !== undefined) {
    effects.stderr(`finsam validate: --out hör till run\n${USAGE_HINT}\n`);
    return 2;
  }
  if (command === "run" && values.out === undefined) {
    effects.stderr(`finsam run: ange --out <utkatalog>\n${USAGE_HINT}\n`);
    return 2;
  }
  for (const flagga of ["ut", "forbund", "utdata"] as const) {
    if (values[flagga] !== undefined) {
      effects.stderr(`finsam ${command}: --${flagga} hör till rapport\n${USAGE_HINT}\n`);
      return 2;
    }
  }
  if (command === "validate" && values.intern) {
    effects.stderr(`finsam validate: --intern hör till run\n${USAGE_HINT}\n`);
    return 2;
  }
  if (command === "run" && values.json) {
    effects.stderr(`finsam run: --json hör till validate\n${USAGE_HINT}\n`);
    return 2;
  }

  const progress = effects.stderrIsTTY ? (m: string) => effects.stderr(`\r\x1b[K${m}…`) : undefined;
  const intern = values.intern === true;
  if (values.till !== undefined && !giltigtDatum(values.till)) {
    effects.stderr(`finsam ${command}: --till ska vara ett datum ÅÅÅÅ-MM-DD, t.ex. 2025-08-31, inte "${values.till}"\n${USAGE_HINT}\n`);
    return 2;
  }
  // `run` starts the thread that writes files beside this one now, so that its start overlaps
  // the computation (publish/skrivtrad.ts).
  const trad = command === "run" ? new Skrivtrad(effects.skrivarbetarbunt) : undefined;
  // And warms this thread's CSV writer (publish/forvarmning.js).
  if (trad) forvarmCsv();
  // A table a kind finishes before the run is done has its Parquet file begun at once (publish/utkatalog.ts).
  const forhand = trad && values.out !== undefined ? new Forhandsskrivning(values.out, trad) : undefined;
  try {
    return await kor(command, dir, values, effects, progress, intern, trad, forhand);
  } finally {
    await trad?.stang();
    forhand?.stada();
  }
}

async function kor(
  command: "validate" | "run", dir: string, values: { out?: string; json?: boolean; till?: string }, effects: CliEffects,
  progress: ((m: string) => void) | undefined, intern: boolean, trad: Skrivtrad | undefined, forhand: Forhandsskrivning | undefined,
): Promise<number> {
  const result = await runPipeline(dir, {
    ...(progress ? { progress } : {}), intern, ...(values.till !== undefined ? { till: values.till } : {}),
    ...(forhand ? { tidigUtdata: (t) => forhand.tabell(t) } : {}),
  });
  if (progress) effects.stderr("\r\x1b[K");

  if (command === "validate") {
    if (values.json) {
      effects.stdout(result.findings.all.map((f) => findingToJson(f) + "\n").join(""));
    } else {
      effects.stdout(report(dir, result));
    }
    return result.findings.hasErrors() ? 1 : 0;
  }

  const out = values.out!;
  effects.stderr(report(dir, result));
  if (!result.outputs) {
    effects.stderr(`Inget skrevs till ${out} eftersom indata har fel.\n`);
    return 1;
  }
  let skrivna: string[];
  try {
    skrivna = await writeOutputs(out, { tabeller: result.outputs, texter: result.texter }, trad, forhand);
  } catch (e) {
    const message = e instanceof OutputError ? e.message : `kunde inte skriva (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
    effects.stderr(`finsam run: ${out}: ${message}; ingenting ändrades\n`);
    return 1;
  }
  effects.stderr(`Skrev ${skrivna.join(", ")} till ${out}\n`);
  if (intern) effects.stderr(INTERN_VARNING);
  return 0;
}

/** `finsam rapport`: the board report as a PDF (loaders/rapport/, docs/rapport.md). */
async function rapportkommando(
  dir: string | undefined, extra: string[], values: { till?: string; ut?: string; forbund?: string; utdata?: boolean; json?: boolean; out?: string; intern?: boolean },
  effects: CliEffects,
): Promise<number> {
  const fel = (m: string) => {
    effects.stderr(`finsam rapport: ${m}\n${USAGE_HINT}\n`);
    return 2;
  };
  if (dir === undefined) return fel("ange katalogen med indatafiler");
  if (extra.length > 0) return fel(`för många argument: ${extra.join(" ")}`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return fel(`katalogen "${dir}" finns inte (expected an existing folder)`);
  for (const f of ["json", "out", "intern"] as const) if (values[f] !== undefined) return fel(`--${f} hör inte till rapport`);
  if (values.till === undefined) return fel("ange periodens sista dag med --till ÅÅÅÅ-MM-DD (t.ex. 2025-08-31 för ett delårsbokslut, 2024-12-31 för en årsredovisning)");
  if (!giltigtDatum(values.till)) return fel(`--till ska vara ett datum ÅÅÅÅ-MM-DD, t.ex. 2025-08-31, inte "${values.till}"`);
  if (values.ut === undefined) return fel("ange PDF-filen med --ut <fil.pdf>");
  if (!values.ut.toLowerCase().endsWith(".pdf")) return fel(`--ut ska vara en PDF-fil (.pdf), inte "${values.ut}"`);
  const { skrivRapport, RapportFel } = await import("./rapport/index.ts");
  const { PdfFel } = await import("./rapport/pdf.ts");
  const progress = effects.stderrIsTTY ? (m: string) => effects.stderr(`\r\x1b[K${m}…`) : undefined;
  try {
    const r = await skrivRapport({
      katalog: dir, till: values.till, ut: values.ut, utdata: values.utdata === true,
      ...(values.forbund !== undefined ? { forbund: values.forbund } : {}), ...(progress ? { progress } : {}),
    });
    if (progress) effects.stderr("\r\x1b[K");
    if (r.pipeline) {
      const varningar = r.pipeline.findings.warnings.length;
      effects.stderr(`Validering av ${dir}: 0 fel, ${varningar} ${varningar === 1 ? "varning" : "varningar"} (finsam validate visar dem).\n`);
    }
    const utelamnade = r.rapport.avsnitt.filter((a) => a.saknas).map((a) => a.rubrik.toLowerCase());
    effects.stderr(
      `Skrev ${values.ut}: ${r.rapport.typ.toLowerCase()} ${r.rapport.period} för ${r.rapport.forbundsnamn}, ${r.sidor} sidor` +
        `${utelamnade.length ? `; utan underlag: ${utelamnade.join(", ")}` : ""}.\n`,
    );
    return 0;
  } catch (e) {
    if (progress) effects.stderr("\r\x1b[K");
    if (e instanceof RapportFel || e instanceof PdfFel) {
      if (e instanceof RapportFel && e.pipeline) effects.stderr(report(dir, e.pipeline));
      effects.stderr(`finsam rapport: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

const INTERN_VARNING = `
VARNING: --intern skrev OSKYDDADE deltagarresultat. De kan avslöja uppgifter om enskilda
personer och får INTE publiceras eller lämnas ut. Använd dem bara för förbundets egen analys.
(WARNING: unprotected results; must not be published.)
`;

function report(dir: string, r: Pick<PipelineResult, "findings" | "files">): string {
  const lines = [`Validering av ${dir}`];
  for (const f of r.files) lines.push(`  ${f.fil}: ${f.typ} (${f.beskrivning})`);
  if (r.files.length === 0) lines.push("  (inga filer)");
  for (const f of r.findings.all) lines.push(formatFinding(f));
  const fel = r.findings.errors.length;
  const varningar = r.findings.warnings.length;
  lines.push(`${fel} fel, ${varningar} ${varningar === 1 ? "varning" : "varningar"}.`);
  return lines.join("\n") + "\n";
}

/** `ÅÅÅÅ-MM-DD` and a real day (no 2025-02-30). */
function giltigtDatum(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function translateParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `okänd flagga ${unknown[1]}`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `flaggan ${missing[1]?.split(",")[0]} behöver ett värde`;
  return message;
}


