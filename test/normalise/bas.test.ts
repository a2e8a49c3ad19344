/**
 * BAS files are recognised by content, their labels read tolerantly, and every problem in a
 * malformed file is an error naming file, line and column that stops the run (nothing written).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  arTakt, basKalla, normaliseBas, tolkaFodelseregion, tolkaInkomstkalla, tolkaInkomstniva, tolkaStatus,
} from "../../loaders/normalise/bas.ts";
import { runPipeline } from "../../loaders/pipeline.ts";
import { regionreferens } from "../../loaders/normalise/region.ts";
import { cell } from "../../loaders/kub/kub.ts";
import { readPxWeb } from "../../loaders/read/pxweb.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { BORLANGE, FALUN, indelning } from "../helpers/he.ts";
import { crlf, latin1, utf8 } from "../helpers/scb.ts";

const IND = indelning([FALUN, BORLANGE], []);

function tabell(text: string) {
  const findings = new Findings();
  const t = readPxWeb(utf8(text), "bas.csv", findings);
  expect(t).toBeDefined();
  return t!;
}

function normalise(text: string) {
  const t = tabell(text);
  const findings = new Findings();
  const data = normaliseBas(basKalla(t)!, t, regionreferens(IND.kommuner), findings);
  return { data, findings };
}

const STATUS = '"region";"kön";"ålder";"tabellinnehåll";"2024M03"';
const KALLA = '"region";"huvudsaklig inkomstkälla";"kön";"ålder";"2024M03"';
const NIVA = '"region";"huvudsaklig inkomstkälla";"arbetsrelaterad inkomstnivå";"kön";"ålder";"2024M03"';

describe("recognised by content, never by file name", () => {
  it("ArbStatusM: status as content labels, or as its own column", () => {
    expect(basKalla(tabell(`${STATUS}\n"2080 Falun";"män";"20-64 år";"antal sysselsatta";5`))).toBe("bas_status");
    expect(basKalla(tabell(`"region";"arbetsmarknadsstatus";"kön";"ålder";"2024M03"\n"2080 Falun";"sysselsatta";"män";"20-64 år";5`))).toBe("bas_status");
  });

  it("ArbStatFoT1 by its inkomstkälla column, ArbStatHuv by inkomstkälla and inkomstnivå", () => {
    expect(basKalla(tabell(`${KALLA}\n"2080 Falun";"pension";"män";"20-64 år";5`))).toBe("bas_inkomstkalla");
    expect(basKalla(tabell(`${NIVA}\n"2080 Falun";"pension";"0 kr";"män";"20-64 år";5`))).toBe("bas_inkomstniva");
  });

  it("population and helårsekvivalenter tables are not BAS", () => {
    expect(basKalla(tabell(`${STATUS}\n"2080 Falun";"män";"20-64 år";"Folkmängd";5`))).toBeUndefined();
    expect(basKalla(tabell(`${STATUS}\n"2080 Falun";"män";"20-64 år";"Sjukpenning";5`))).toBeUndefined();
  });
});

describe("labels as SCB and users write them", () => {
  it("status: with or without 'antal ', any case, double spaces", () => {
    expect(tolkaStatus("Antal  Sysselsatta")).toBe("sysselsatta");
    expect(tolkaStatus("ARBETSLÖSA")).toBe("arbetslosa");
    expect(tolkaStatus("antal pensionärer")).toBe("pensionarer");
    expect(tolkaStatus("antal övriga")).toBe("ovriga");
    expect(tolkaStatus("antal totalt")).toBe("totalt");
  });

  it("rates are known and not used; counts are not rates", () => {
    expect(arTakt("andel sysselsatta, procent")).toBe(true);
    expect(arTakt("Sysselsättningsgrad")).toBe(true);
    expect(arTakt("arbetslöshetstal, procent")).toBe(true);
    expect(arTakt("antal sysselsatta")).toBe(false);
    expect(arTakt("antal totalt")).toBe(false);
  });

  it("the nine inkomstkällor exactly as SCB writes them, tolerant of case and spaces", () => {
    const labels: [string, string][] = [
      ["ersättning för arbete", "arbete"], ["ersättning vid arbetslöshet", "arbetsloshet"], ["ersättning för studier", "studier"],
      ["pension", "pension"], ["ersättning vid långvarigt nedsatt arbetsförmåga", "nedsatt_arbetsformaga"],
      ["ersättning vid sjukdom", "sjukdom"], ["ersättning vid föräldraledighet/närståendeomvårdnad", "foraldraledighet"],
      ["ekonomiskt stöd", "ekonomiskt_stod"], ["saknar ersättningar", "saknar_ersattning"], ["totalt", "totalt"],
    ];
    for (const [label, kod] of labels) expect(tolkaInkomstkalla(label), label).toBe(kod);
    expect(tolkaInkomstkalla("Ersättning vid  föräldraledighet / närståendeomvårdnad")).toBe("foraldraledighet");
    expect(tolkaInkomstkalla("ersättning för jobb")).toBeUndefined();
  });

  it("inkomstnivå: SCB's double space, en dashes, and open bands", () => {
    expect(tolkaInkomstniva("0 kr")).toBe("0_kr");
    expect(tolkaInkomstniva("1 kr -  < 1 inkomstbasbelopp")).toBe("0-1_ibb");
    expect(tolkaInkomstniva("1 – < 2 inkomstbasbelopp")).toBe("1-2_ibb");
    expect(tolkaInkomstniva("3 inkomstbasbelopp eller mer")).toBe("3+_ibb");
    expect(tolkaInkomstniva("totalt")).toBe("totalt");
    expect(tolkaInkomstniva("mycket")).toBeUndefined();
  });

  it("födelseregion", () => {
    expect(tolkaFodelseregion("inrikes född")).toBe("sverige");
    expect(tolkaFodelseregion("Utrikes född")).toBe("utrikes");
    expect(tolkaFodelseregion("totalt")).toBe("totalt");
    expect(tolkaFodelseregion("EU utom Norden")).toBe("eu_utom_norden");
  });

  it("a file without födelseregion is totalt, without kön is alla; en dash in the age", () => {
    const { data, findings } = normalise(`"region";"ålder";"tabellinnehåll";"2024M03"\n"2080 Falun";"20–64 år";"Antal sysselsatta";5`);
    expect(findings.errors).toEqual([]);
    expect(data!.data.kub.dimensioner).toEqual(["niva", "kod", "kon", "alder", "fodelseregion", "status"]);
    expect(cell(data!.data.kub, { kod: "2080", kon: "alla", alder: "20-64", fodelseregion: "totalt", status: "sysselsatta" }, "2024-03")).toBe(5);
  });
});

describe("malformed BAS files: an error naming file, line and column, and nothing is written", () => {
  const tmp = mkdtempSync(join(tmpdir(), "finsam-bas-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const titel = '"Befolkningen (BAS) efter region, kön, ålder, tabellinnehåll och månad"';

  async function kor(namn: string, ...rader: string[]) {
    const dir = mkdtempSync(join(tmp, "fall-"));
    writeFileSync(join(dir, namn), latin1(crlf(...rader)));
    const r = await runPipeline(dir);
    expect(r.outputs).toBeUndefined();
    return r.findings.errors.map((f) => ({ fil: f.fil.slice(dir.length + 1), rad: f.rad, kolumn: f.kolumn, regel: f.regel }));
  }

  const ok = '"2080 Falun";"män";"20-64 år";"antal arbetslösa";5';

  it("an unknown status label (as content)", async () => {
    expect(await kor("TAB6260_a.csv", titel, STATUS, ok, '"2080 Falun";"män";"20-64 år";"antal sysselsata";5'))
      .toEqual([{ fil: "TAB6260_a.csv", rad: 4, kolumn: 4, regel: "bas.status" }]); // the label's own column
  });

  it("an unknown status label (in its own column)", async () => {
    expect(await kor("TAB6260_b.csv", '"region";"arbetsmarknadsstatus";"kön";"ålder";"2024M03"', '"2080 Falun";"sysselsatta";"män";"20-64 år";5', '"2080 Falun";"semester";"män";"20-64 år";5'))
      .toEqual([{ fil: "TAB6260_b.csv", rad: 3, kolumn: 2, regel: "bas.status" }]);
  });

  it("an unknown inkomstkälla", async () => {
    expect(await kor("TAB1784.csv", KALLA, '"2080 Falun";"pension";"män";"20-64 år";5', '"2080 Falun";"ersättning för jobb";"män";"20-64 år";5'))
      .toEqual([{ fil: "TAB1784.csv", rad: 3, kolumn: 2, regel: "bas.inkomstkalla" }]);
  });

  it("an unknown inkomstnivå", async () => {
    expect(await kor("ArbStatHuv.csv", NIVA, '"2080 Falun";"pension";"mycket";"män";"20-64 år";5'))
      .toEqual([{ fil: "ArbStatHuv.csv", rad: 2, kolumn: 3, regel: "bas.inkomstniva" }]);
  });

  it("a bad month", async () => {
    expect(await kor("TAB6260_c.csv", titel, '"region";"kön";"ålder";"tabellinnehåll";"2024M03";"2024M13"', '"2080 Falun";"män";"20-64 år";"antal arbetslösa";5;6'))
      .toEqual([{ fil: "TAB6260_c.csv", rad: 3, kolumn: 6, regel: "bas.tid" }]);
  });

  it("a file mixing decimal comma and decimal point", async () => {
    expect(await kor("TAB6260_d.csv", titel, STATUS, '"2080 Falun";"män";"20-64 år";"antal arbetslösa";5,5', '"2081 Borlänge";"män";"20-64 år";"antal arbetslösa";5.5', '"2081 Borlänge";"kvinnor";"20-64 år";"antal arbetslösa";6.5'))
      .toEqual([{ fil: "TAB6260_d.csv", rad: 3, kolumn: 5, regel: "bas.tal" }]);
  });

  it("a word in a month cell", async () => {
    expect(await kor("TAB6260_h.csv", titel, STATUS, '"2080 Falun";"män";"20-64 år";"antal arbetslösa";tolv'))
      .toEqual([{ fil: "TAB6260_h.csv", rad: 3, kolumn: 5, regel: "bas.tal" }]);
  });

  it("a negative count", async () => {
    expect(await kor("TAB6260_e.csv", titel, STATUS, ok, '"2081 Borlänge";"män";"20-64 år";"antal arbetslösa";-5'))
      .toEqual([{ fil: "TAB6260_e.csv", rad: 4, kolumn: 5, regel: "bas.negativ" }]);
  });

  it("an unknown kommun", async () => {
    expect(await kor("TAB6260_f.csv", titel, STATUS, ok, '"2099 Okänd";"män";"20-64 år";"antal arbetslösa";5'))
      .toEqual([{ fil: "TAB6260_f.csv", rad: 4, kolumn: 1, regel: "bas.region" }]);
  });

  it("the same value twice in one file", async () => {
    expect(await kor("TAB6260_g.csv", titel, STATUS, ok, ok))
      .toEqual([{ fil: "TAB6260_g.csv", rad: 4, kolumn: 5, regel: "bas.dubblett" }]);
  });
});
