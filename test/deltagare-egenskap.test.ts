/**
 * Nothing silently dropped, for participant files (issue 9): over generated participant files
 * with a random mix of good lines and lines with mistakes (a date that does not exist, an
 * unknown kön or avslutsorsak, a wrong check digit, an unknown förbund, an end before the
 * start, a date after the export, a reason without an end date …), one run of the pipeline
 *
 * - names every line with a mistake in an error at that line, and no other line (one pass
 *   finds every error: the set of lines in errors is exactly the set of bad lines);
 * - and when there is none, counts every line: in the denominator (deltagare) of each
 *   published period it overlaps, or in the info that names the participations after the
 *   last complete period.
 *
 * Fixed seed and number of runs, so a failure is reproducible and the time is bounded.
 */
import fc from "fast-check";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { csvParse } from "d3-dsv";
import { afterAll, describe, expect, it } from "vitest";
import { runPipeline } from "../loaders/pipeline.ts";
import { csvUtdata } from "./helpers/utdata.ts";
import { forstaDag, senastePeriodslut, sistaDag, type Datum } from "../loaders/normalise/datum.ts";

const tmp = mkdtempSync(join(tmpdir(), "finsam-egenskap-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const env = { FINSAM_NYCKEL: join(tmp, "nyckel") };
const IDAG = "2026-12-03" as Datum;

const FORBUND: Readonly<Record<string, string>> = {
  "sodra-dalarna": "sodra-dalarna", "Södra Dalarnas Samordningsförbund": "sodra-dalarna", "SÖDRA DALARNAS SAMORDNINGSFÖRBUND": "sodra-dalarna",
  "finsam falun": "finsam-falun", "Finsam Falun-Borlänge": "falun-borlange",
};

/** One component of a line: what is written, and whether it is a mistake. */
interface Del<T = string> {
  readonly text: string;
  readonly fel: boolean;
  readonly varde?: T;
}

const dag = (ms: number) => new Date(ms).toISOString().slice(0, 10) as Datum;
const DAG0 = Date.UTC(2022, 0, 1);
const DAGAR = 1800; // to the end of 2026

/** Mostly good, sometimes a mistake: files with no mistake at all come up often enough. */
const ibland = <T>(bra: fc.Arbitrary<T>, fel: fc.Arbitrary<T>) => fc.oneof({ weight: 30, arbitrary: bra }, { weight: 1, arbitrary: fel });

const rad = fc.record({
  forbund: ibland(
    fc.constantFrom(...Object.keys(FORBUND)).map((t): Del => ({ text: t, fel: false, varde: FORBUND[t]! })),
    fc.constant<Del>({ text: "okänt-förbund", fel: true }),
  ),
  insats: fc.constantFrom("Team A", "team  a", "Team B"),
  kon: ibland(fc.constantFrom("K", "M", "Kvinna", "man", "").map((t): Del => ({ text: t, fel: false })), fc.constant<Del>({ text: "X", fel: true })),
  pnr: ibland(fc.constant<Del>({ text: "", fel: false }), fc.constant<Del>({ text: "19900101-2386", fel: true })), // wrong check digit
  start: ibland<string>(fc.integer({ min: 0, max: DAGAR }).map((d) => dag(DAG0 + d * 86_400_000)), fc.constantFrom("2024-02-30", "", "2031-05-01")),
  slut: fc.oneof(fc.constant<number | undefined>(undefined), ibland(fc.integer({ min: 0, max: 700 }), fc.integer({ min: -40, max: -1 }))),
  orsak: ibland(fc.constantFrom("Arbete", "Studier", "Tidigt avhopp", "Överflyttad"), fc.constantFrom("semester", "motsatt")),
});
type Rad = typeof rad extends fc.Arbitrary<infer T> ? T : never;

/** The line as written, and whether it has a mistake (the oracle). */
function skriv(r: Rad, i: number): { cells: string[]; fel: boolean; start?: Datum; slut?: Datum; forbund?: string } {
  let fel = r.forbund.fel || r.kon.fel || r.pnr.fel;
  const startOk = /^\d{4}-\d{2}-\d{2}$/.test(r.start) && r.start !== "2024-02-30";
  if (!startOk || r.start > IDAG) fel = true;
  let slut = "";
  if (r.slut !== undefined) {
    slut = startOk ? dag(Date.parse(r.start) + r.slut * 86_400_000) : "2024-06-01";
    if (startOk && slut < r.start) fel = true;
    if (slut > IDAG) fel = true;
  }
  // A reason goes with an end date; "motsatt" writes one without the other.
  const orsak = r.orsak === "semester" ? "semester" : (slut !== "") === (r.orsak !== "motsatt") ? (r.orsak === "motsatt" ? "Arbete" : r.orsak) : "";
  if (r.orsak === "semester" || r.orsak === "motsatt") fel = true;
  const cells = [`P${i}`, r.pnr.text, r.forbund.text, r.insats, r.kon.text, r.start, slut, orsak, "fritext"];
  return { cells, fel, ...(fel ? {} : { start: r.start as Datum, ...(slut ? { slut: slut as Datum } : {}), forbund: r.forbund.varde! }) };
}

const fil = fc.record({
  rader: fc.array(rad, { minLength: 1, maxLength: 18 }),
  delimiter: fc.constantFrom(";", ","),
  kodning: fc.constantFrom("windows-1252", "utf8"),
});

let n = 0;
let utan = 0;

describe("every line of a participant file is a participation counted in the outputs, or named in an error", () => {
  it("holds for generated files (one run, every mistake)", async () => {
    await fc.assert(
      fc.asyncProperty(fil, async ({ rader, delimiter, kodning }) => {
        const dir = join(tmp, `f${++n}`);
        mkdirSync(dir);
        const skrivna = rader.map(skriv);
        const header = ["Löpnummer", "Personnummer", "Förbund", "Insats", "Kön", "Startdatum", "Slutdatum", "Avslutsorsak", "Kommentar"];
        const text = [header, ...skrivna.map((s) => s.cells)].map((c) => c.join(delimiter)).join("\r\n") + "\r\n";
        writeFileSync(join(dir, "deltagare.csv"), iconv.encode(text, kodning));
        const r = await runPipeline(dir, { env, idag: IDAG, intern: true });
        const felrader = new Set(r.findings.errors.filter((f) => f.fil === join(dir, "deltagare.csv")).map((f) => f.rad));
        const daliga = new Set(skrivna.flatMap((s, i) => (s.fel ? [i + 2] : [])));
        utan += daliga.size === 0 ? 1 : 0;
        expect([...felrader].sort(), `errors: ${r.findings.errors.map((f) => `${f.rad}:${f.regel}`).join(", ")}`).toEqual([...daliga].sort());
        if (daliga.size > 0) {
          expect(r.outputs).toBeUndefined();
          return;
        }
        // No mistake: every line is in a published period's denominator, or after the last one.
        const sista = sistaDag(senastePeriodslut(IDAG));
        const efter = skrivna.filter((s) => s.start! > sista).length;
        const info = r.findings.all.find((f) => f.regel === "deltagare.efter_sista_period");
        expect(info ? Number(/^(\d+) deltagande/.exec(info.meddelande)![1]) : 0).toBe(efter);
        const nyckeltal = csvParse(csvUtdata(r, "insatser_nyckeltal.csv")!).filter((x) => x.matt === "deltagare" && x.kon === "alla" && x.insats === "totalt");
        const raknade = new Set<number>();
        for (const x of nyckeltal) {
          const [fran, till] = [forstaDag(x.fran!), sistaDag(x.till!)];
          const inne = skrivna.flatMap((s, i) => (s.forbund === x.forbund && s.start! <= till && (s.slut === undefined || s.slut >= fran) ? [i] : []));
          expect(Number(x.varde), `${x.forbund} ${x.fran}–${x.till}`).toBe(inne.length);
          for (const i of inne) raknade.add(i);
        }
        expect(raknade.size + efter).toBe(skrivna.length);
      }),
      { seed: 20261203, numRuns: 60 },
    );
    // Both branches are exercised: files without a mistake, and files with some.
    expect(utan).toBeGreaterThan(10);
    expect(utan).toBeLessThan(50);
  }, 120_000);
});
