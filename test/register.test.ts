// The registry of input kinds (loaders/kinds/): adding a kind is one module and one line. A toy
// kind, given to the pipeline beside the real ones, is recognised by content, read from the
// table recognition already parsed, merged, computed and published, and named in the message
// for a folder without input.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DelimitedText } from "../loaders/read/delimited.ts";
import { REGISTER } from "../loaders/kinds/index.ts";
import type { Kind } from "../loaders/kinds/kind.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { rader, schema, tabellFranRader } from "../loaders/publish/schema.ts";
import { folderIn } from "./helpers/cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "finsam-register-"));
const folder = folderIn(tmp);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const BUDGET_SUMMA = schema({
  namn: "budget_summa",
  beskrivning: "budgeten per konto",
  kolumner: [
    { namn: "konto", typ: "text", beskrivning: "kontot" },
    { namn: "belopp", typ: "tal", beskrivning: "summan av beloppen" },
  ],
});

/** What the toy kind saw: the table recognition parsed, and the one its reader got. */
const sett: { igenkand: DelimitedText[]; last: DelimitedText[] } = { igenkand: [], last: [] };

type Rad = { konto: string; belopp: number };

const budget: Kind<Rad[], Rad[], number> = {
  id: "budget",
  namn: "budget (leksak)",
  roll: "data",
  igenkanning: [
    {
      steg: "rubrik",
      kanner(rubrik, tabell, fil) {
        if (!(rubrik.includes("konto") && rubrik.includes("belopp"))) return undefined;
        sett.igenkand.push(tabell);
        return {
          typ: "budget",
          las: () => {
            sett.last.push(tabell);
            return tabell.rows.map((r) => ({ konto: r.fields[0]!, belopp: Number(r.fields[1]) }));
          },
          beskriv: (d) => `${d?.length ?? 0} rader i ${fil.ext}`,
        };
      },
    },
  ],
  slaSamman: (data) => data.flat(),
  utdata: [BUDGET_SUMMA],
  berakna(data) {
    const summor = new Map<string, number>();
    for (const r of data) summor.set(r.konto, (summor.get(r.konto) ?? 0) + r.belopp);
    const tabell = tabellFranRader(BUDGET_SUMMA, [...summor].sort(([a], [b]) => (a < b ? -1 : 1)).map(([konto, belopp]) => ({ konto, belopp })));
    return { tabeller: [tabell], resultat: summor.size };
  },
  dokumentation: [{ indata: "Budget", kannsIgenPa: "kolumnerna konto och belopp", definition: "–" }],
};

describe("a kind added to the registry", () => {
  it("is recognised by content, read from the parsed table recognition made, merged over files and published", async () => {
    const dir = folder("budget", { "a.csv": "konto;belopp\n4010;100\n4020;50\n", "b.txt": "Konto,Belopp\n4010,25\n" });
    const r = await runPipeline(dir, { register: [...REGISTER, budget] });
    expect(r.findings.errors).toEqual([]);
    expect(r.files.map((f) => [f.typ, f.beskrivning])).toEqual([["budget", "2 rader i .csv"], ["budget", "1 rader i .txt"]]);
    expect(sett.last).toHaveLength(2);
    sett.last.forEach((t, i) => expect(t).toBe(sett.igenkand[i]));
    expect(rader(r.outputs!.get("budget_summa")!)).toEqual([{ konto: "4010", belopp: 125 }, { konto: "4020", belopp: 50 }]);
    // the other kinds' tables are still written, empty
    expect(r.outputs!.get("helarsekvivalenter")!.tabell.numRows()).toBe(0);
  });

  it("without it the same files are passed over with a warning", async () => {
    const dir = folder("utan-budget", { "a.csv": "konto;belopp\n4010;100\n" });
    const r = await runPipeline(dir);
    expect(r.files.map((f) => f.typ)).toEqual(["okänd"]);
    expect(r.findings.errors.map((f) => f.regel)).toEqual(["fil.inga_indata"]);
  });

  it("may hand a finished table to the writer early, the same object it returns; a protected kind may not", async () => {
    const tidiga: string[] = [];
    const fick: Record<string, boolean> = {};
    const medTidig = (id: string, skyddas: boolean): Kind<Rad[], Rad[], number> => ({
      ...budget, id, skyddas,
      berakna(data, ctx) {
        const b = budget.berakna!(data, ctx);
        fick[id] = ctx.tidigUtdata !== undefined;
        ctx.tidigUtdata?.(b.tabeller[0]!);
        return b;
      },
    });
    const dir = folder("tidig", { "a.csv": "konto;belopp\n4010;100\n" });
    const r = await runPipeline(dir, { register: [...REGISTER, medTidig("budget", false)], tidigUtdata: (t) => tidiga.push(t.schema.namn) });
    expect(r.findings.errors).toEqual([]);
    expect(fick).toEqual({ budget: true });
    expect(tidiga).toEqual(["budget_summa"]);
    const skyddad = await runPipeline(dir, { register: [...REGISTER, medTidig("skyddad", true)], tidigUtdata: (t) => tidiga.push(`skyddad ${t.schema.namn}`) });
    expect(skyddad.findings.errors).toEqual([]);
    expect(fick).toEqual({ budget: true, skyddad: false });
    expect(tidiga).toEqual(["budget_summa"]);
  });

  it("is named in the error for a folder without input", async () => {
    const dir = folder("tom", { "README.md": "inget här" });
    const r = await runPipeline(dir, { register: [...REGISTER, budget] });
    expect(r.findings.errors).toHaveLength(1);
    expect(r.findings.errors[0]!.meddelande).toContain("budget (leksak)");
    for (const kind of REGISTER.filter((k) => k.roll === "data")) expect(r.findings.errors[0]!.meddelande).toContain(kind.namn);
  });
});
