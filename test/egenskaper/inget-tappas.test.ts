/**
 * Nothing silently dropped, for SCB files (issue 9): for every generated SCB file in every
 * placement, encoding and delimiter, and for every SCB file in test/fixtures, the numbers read
 * are the values found at their region, group and period in the outputs, plus the numbers the
 * file's report (`<regel>.inlast`) names as not used. For the generated files the count of
 * numbers read is also checked against the file itself.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ColumnTable } from "arquero";
import { recognise } from "../../loaders/validate/recognise.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { regionreferens } from "../../loaders/normalise/region.ts";
import { normaliseHelarsekvivalenter } from "../../loaders/normalise/helarsekvivalenter.ts";
import { basKalla, normaliseBas } from "../../loaders/normalise/bas.ts";
import type { ScbLasning } from "../../loaders/normalise/scbtabell.ts";
import { computeHelarsekvivalenter } from "../../loaders/compute/helarsekvivalenter.ts";
import { computeInkomstkalla, computeInkomstniva, computeStatus } from "../../loaders/compute/bas.ts";
import { defaultMedlemskapBytes, lanFrom, readDefaultKommuner, readMedlemskap, type Indelning } from "../../loaders/reference/indelning.ts";
import { NIVAER, TAL, koder, varden } from "../../loaders/kub/kub.ts";
import { Tallasare } from "../../loaders/read/tal.ts";
import { objekt } from "../helpers/tabell.ts";
import { placeringar, skrivPx, type PxTabell, type Stil } from "../helpers/pxweb.ts";

const KOMMUNER = readDefaultKommuner(new Findings())!;
const M = defaultMedlemskapBytes();
const IND: Indelning = { kommuner: KOMMUNER, lan: lanFrom(KOMMUNER), medlemskap: readMedlemskap(M.bytes, M.fil, KOMMUNER, new Findings())!, medlemskapFil: M.fil };
const REF = regionreferens(KOMMUNER);

/** The output rows by region, period and the kind's dimensions, with the column holding each cube value. */
function publicerat(t: ColumnTable, periodKolumn: string, dims: readonly string[], varde: string): Map<string, number | null> {
  const m = new Map<string, number | null>();
  for (const r of objekt(t)) m.set([r.niva, r.kod, r[periodKolumn], ...dims.map((d) => r[d])].join("|"), r[varde] as number | null);
  return m;
}

/** Checks one SCB file; returns the numbers read. */
function kontrollera(bytes: Uint8Array, fil: string): number {
  const findings = new Findings();
  const r = recognise(bytes, fil, findings);
  let l: ScbLasning | undefined;
  /** Finds the published value of a cube cell (series s, period p), or undefined when it is not published. */
  let hitta: (l: ScbLasning, s: number, p: number) => number | null | undefined;
  let oanvandDim: { d: string; v: string } | undefined;
  if (r.kind === "helarsekvivalenter") {
    l = normaliseHelarsekvivalenter(r.table!, REF, findings);
    expect(findings.errors, fil).toEqual([]);
    const res = computeHelarsekvivalenter(l!, IND, findings);
    const ut = publicerat(res.tabell, "period", ["kon", "ersattning"], "varde");
    const folk = publicerat(res.tabell.select("niva", "kod", "period", "kon", "folkmangd").dedupe(), "period", ["kon"], "folkmangd");
    oanvandDim = { d: "matt", v: "andel_procent" };
    hitta = (x, s, p) => {
      const dim = (n: string) => x.kub.ordbok[x.kub.dimensioner.indexOf(n)]![koder(x.kub, n)[s]!]!;
      const bas = [NIVAER[koder(x.kub, 0)[s]!], x.kub.ordbok[1]![koder(x.kub, 1)[s]!], x.kub.perioder[p], dim("kon")];
      return dim("matt") === "folkmangd" ? folk.get(bas.join("|")) : ut.get([...bas, dim("matt")].join("|"));
    };
  } else if (r.kind === "bas") {
    const kalla = basKalla(r.table!)!;
    const d = normaliseBas(kalla, r.table!, REF, findings);
    expect(findings.errors, fil).toEqual([]);
    l = d!.data;
    const dims = l.kub.dimensioner.slice(2);
    const tabell = (kalla === "bas_status" ? computeStatus : kalla === "bas_inkomstkalla" ? computeInkomstkalla : computeInkomstniva)(l, IND, findings);
    const ut = publicerat(tabell, "manad", dims, "antal");
    hitta = (x, s, p) => ut.get([NIVAER[koder(x.kub, 0)[s]!], x.kub.ordbok[1]![koder(x.kub, 1)[s]!], x.kub.perioder[p], ...dims.map((n) => x.kub.ordbok[x.kub.dimensioner.indexOf(n)]![koder(x.kub, n)[s]!])].join("|"));
  } else {
    throw new Error(`${fil}: ${r.kind}`);
  }
  const { kub } = l!;
  const od = oanvandDim ? { k: koder(kub, oanvandDim.d), v: kub.ordbok[kub.dimensioner.indexOf(oanvandDim.d)]!.indexOf(oanvandDim.v) } : undefined;
  let publicerade = 0;
  for (let p = 0; p < kub.perioder.length; p++) {
    const v = varden(kub, p);
    for (let s = 0; s < kub.antal; s++) {
      if (l!.rad[p]![s] === 0 || kub.saknas[p]![s] !== TAL || (od && od.k[s] === od.v)) continue;
      expect(hitta(l!, s, p), `${fil}: serie ${s}, ${kub.perioder[p]}`).toBe(v[s]);
      publicerade++;
    }
  }
  const { tal, oanvandaTal } = l!.inlasning;
  const lasta = tal.kommun + tal.lan + tal.riket;
  const oanvanda = oanvandaTal.reduce((a, x) => a + x.antal, 0);
  expect(publicerade + oanvanda, fil).toBe(lasta);
  // The report names them.
  const inlast = findings.all.find((f) => f.regel.endsWith(".inlast"));
  expect(inlast?.meddelande, fil).toContain(`läste ${lasta.toLocaleString("sv-SE")} tal`);
  return lasta;
}

const REGION = { rubrik: "region", varden: [{ kod: "2080", text: "Falun" }, { kod: "2081", text: "Borlänge" }, { kod: "00", text: "Riket" }] };
const KON = { rubrik: "kön", varden: [{ kod: "1", text: "män" }, { kod: "2", text: "kvinnor" }, { kod: "1+2", text: "män och kvinnor totalt" }] };
const cell = (index: readonly number[]) => (index.reduce((a, i, k) => a * 7 + i + k, 3) % 11 === 0 ? ".." : String(100 + index.reduce((a, i, k) => a * 13 + i * (k + 2), 5) % 900));

const TABELLER: { namn: string; t: PxTabell; tid: string; innehall: string | undefined }[] = [
  {
    namn: "helårsekvivalenter", tid: "månad", innehall: "tabellinnehåll",
    t: {
      titel: "Helårsekvivalenter 20-64 år efter region, kön, ålder, tabellinnehåll och månad", cell,
      variabler: [REGION, KON, { rubrik: "ålder", varden: [{ kod: "20-64", text: "20-64 år" }, { kod: "20-24", text: "20-24 år" }] },
        { rubrik: "tabellinnehåll", varden: ["Sjukpenning", "Folkmängd", "Andel av befolkningen"].map((t) => ({ kod: t, text: t })) },
        { rubrik: "månad", varden: [{ kod: "2024M01", text: "2024M01" }, { kod: "2024M02", text: "2024M02" }] }],
    },
  },
  {
    namn: "BAS status", tid: "månad", innehall: "tabellinnehåll",
    t: {
      titel: "Befolkningen (BAS) efter region, kön, ålder, tabellinnehåll och månad", cell,
      variabler: [REGION, KON, { rubrik: "ålder", varden: [{ kod: "20-64", text: "20-64 år" }] },
        { rubrik: "tabellinnehåll", varden: ["antal sysselsatta", "antal arbetslösa", "andel sysselsatta, procent"].map((t) => ({ kod: t, text: t })) },
        { rubrik: "månad", varden: [{ kod: "2024M03", text: "2024M03" }, { kod: "2025M03", text: "2025M03" }] }],
    },
  },
  {
    namn: "BAS huvudsaklig inkomstkälla", tid: "månad", innehall: undefined,
    t: {
      titel: "Befolkningen 20-64 år (BAS) efter region, huvudsaklig inkomstkälla, kön, ålder och månad", cell,
      variabler: [REGION, { rubrik: "huvudsaklig inkomstkälla", varden: ["ersättning för arbete", "pension", "totalt"].map((t) => ({ kod: t, text: t })) }, KON,
        { rubrik: "ålder", varden: [{ kod: "20-64", text: "20-64 år" }] }, { rubrik: "månad", varden: [{ kod: "2024M03", text: "2024M03" }] }],
    },
  },
];
const STILAR: Stil[] = ["kod och text", "koder", "texter", "kod - text"];

/** The number cells of a generated file, counted from the table itself. */
function antalTal(t: PxTabell): number {
  const tal = new Tallasare();
  const langd = t.variabler.map((v) => v.varden.length);
  let n = 0;
  const steg = (i: number[], k: number): void => {
    if (k === langd.length) { if (tal.las(t.cell(i))) n++; return; }
    for (let j = 0; j < langd[k]!; j++) steg([...i, j], k + 1);
  };
  steg([], 0);
  return n;
}

describe("generated SCB files, in every placement, encoding and delimiter", () => {
  for (const { namn, t, tid, innehall } of TABELLER) {
    const alla = antalTal(t);
    placeringar(t.variabler.map((v) => v.rubrik), tid, innehall).forEach((pl, i) => {
      const stil = STILAR[i % STILAR.length]!;
      const avgransare = ([";", ",", "\t"] as const)[i % 3]!;
      const kodning = (["latin1", "utf8-bom", "utf8"] as const)[(i + 1) % 3]!;
      it(`${namn}: ${pl.namn}; ${stil}; ${JSON.stringify(avgransare)}; ${kodning}`, () => {
        const bytes = skrivPx(t, { stub: pl.stub, rubrik: pl.rubrik, stil, avgransare, kodning, titel: i % 2 === 0, ...(pl.vardekolumn ? { vardekolumn: pl.vardekolumn } : {}) });
        expect(kontrollera(bytes, `${namn}.csv`)).toBe(alla);
      });
    });
  }
});

describe("the SCB files in test/fixtures", () => {
  const filer = [
    ...readdirSync("test/fixtures/bas").filter((f) => f.endsWith(".csv") && f !== "status_dubblett.csv").map((f) => join("test/fixtures/bas", f)),
    ...["he.csv", "bas_status.csv", "bas_inkomstkalla.csv"].map((f) => join("test/fixtures/trasiga/giltiga", f)),
    // data/exempel is checked whole by its golden outputs; one file of it here.
    "data/exempel/TAB6260_20260410-082000.csv",
  ];
  for (const fil of filer) it(fil, () => { kontrollera(readFileSync(fil), fil); });
});
