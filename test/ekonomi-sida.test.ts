/**
 * Sidan Ekonomi: tabellmodellerna i src/components/ekonomi.ts på exempeldatans utdata
 * (test/golden/exempel) ger rapporternas tabeller som de trycks, i tkr och svenska format.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  balansModell,
  driftModell,
  egetKapitalModell,
  egetKapitalSerie,
  kassaflodeModell,
  langsiktigModell,
  medelModell,
  notModeller,
  nyckeltalstexter,
  periodText,
  rapporter,
  regeltexter,
  resultatrakningModell,
  tkr,
  tolkaBalansrakning,
  tolkaDrift,
  tolkaEgetKapital,
  tolkaId,
  tolkaKassaflode,
  tolkaLangsiktig,
  tolkaMedelstilldelning,
  tolkaNoter,
  tolkaNyckeltal,
  tolkaResultatrakning
} from "../src/components/ekonomi.js";
import { EKONOMI_SCHEMAN } from "../loaders/kinds/ekonomi/utdata.ts";
import { sidtabellFranCsv } from "./helpers/sidtabell.ts";

/** The example's table as the page gets it (data/sida/ekonomi.json: a Sidtabell of the CSV's rows). */
const golden = (fil: string) => {
  const schema = EKONOMI_SCHEMAN.find((s) => `${s.namn}.csv` === fil)!;
  return sidtabellFranCsv(schema, readFileSync(new URL(`./golden/exempel/${fil}`, import.meta.url), "utf8"));
};
const drift = tolkaDrift(golden("ekonomi_drift.csv"));
const id = tolkaId(golden("ekonomi_id.csv"));
const rr = tolkaResultatrakning(golden("ekonomi_resultatrakning.csv"));
const br = tolkaBalansrakning(golden("ekonomi_balansrakning.csv"));
const kf = tolkaKassaflode(golden("ekonomi_kassaflode.csv"));
const noter = tolkaNoter(golden("ekonomi_noter.csv"));
const nyckeltal = tolkaNyckeltal(golden("ekonomi_nyckeltal.csv"));
const medel = tolkaMedelstilldelning(golden("ekonomi_medelstilldelning.csv"));
const lang = tolkaLangsiktig(golden("ekonomi_langsiktig.csv"));
const ek = tolkaEgetKapital(golden("ekonomi_eget_kapital.csv"));
const M = "\u2212";
const N = "\u00a0";
const SD = "sodra-dalarna";
const DELAR = { ar: 2025, till: "2025-08-31" };
/** Cellerna som text med vanligt mellanslag och bindestreck, för att kunna jämföras med rapporten. */
const som = (s: string) => s.replaceAll(N, " ").replaceAll(M, "-");
const rader = (m: { rader: { rubrik: string; celler: string[] }[] }) => m.rader.map((r) => [r.rubrik, ...r.celler.map(som)]);

describe("urval", () => {
  it("förbundets rapporter, senaste först: delåret 2025 och boksluten", () => {
    expect(rapporter(drift, SD).map((r: { till: string }) => r.till)).toEqual(["2025-08-31", "2024-12-31", "2018-12-31", "2017-12-31"]);
    expect(periodText("2025-08-31")).toBe("januari–augusti 2025");
    expect(periodText("2024-12-31")).toBe("2024");
  });
});

describe("Södra Dalarnas delårsbokslut 2025", () => {
  it("Tabell 6 Resultaträkning (prognosen följer Tabell 7:s rader, se docs/definitioner/ekonomi.md)", () => {
    const m = resultatrakningModell(rr, SD, DELAR);
    expect(m.kolumner.map((k: { rubrik: string }) => k.rubrik)).toEqual(["Resultaträkning", "Budget", "Utfall 2025", "Avvikelse", "Prognos 2025", "Utfall 2024"]);
    expect(rader(m)).toEqual([
      ["Verksamhetens intäkter", "6 569", "5 672", "-897", "6 569", "5 722"],
      ["varav medlemsbidrag", "6 184", "5 411", "-773", "6 184", "5 520"],
      ["varav övriga intäkter", "385", "261", "-124", "385", "202"],
      ["Verksamhetens kostnader", "-6 885", "-3 672", "3 213", "-6 620", "-4 011"],
      ["Resultat före finansiella poster", "-316", "2 000", "2 316", "-51", "1 710"],
      ["Finansiella intäkter", "0", "61", "61", "61", "106"],
      ["Finansiella kostnader", "0", "0", "0", "0", "0"],
      ["Årets resultat", "-316", "2 060", "2 376", "10", "1 816"],
    ]);
  });

  it("Tabell 7 Driftsredovisning, med rapportens namn; totalraden utan förbrukad", () => {
    const m = driftModell(drift, id, SD, DELAR);
    expect(m.kolumner.map((k: { rubrik: string }) => k.rubrik)).toEqual(["Driftsredovisning", "Ack utfall (tkr)", "Årsbudget (tkr)", "Återstår (tkr)", "Förbrukad av årsbudget %", "Prognos 2025 (tkr)"]);
    expect(rader(m)).toEqual([
      ["Styrelse", "183", "230", "47", "79 %", "270"],
      ["Administration", "666", "1 350", "684", "49 %", "1 024"],
      ["Personalinriktade insatser", "0", "50", "50", "0 %", "90"],
      ["Publikationer", "-11", "5", "16", "-210 %", "5"],
      ["Samverkansteam Avesta", "1 127", "1 840", "713", "61 %", "1 840"],
      ["Samverkansteam Kraften Hedemora", "688", "1 615", "927", "43 %", "1 535"],
      ["Samverkansteam Säter", "695", "1 410", "715", "49 %", "1 410"],
      ["Intäkter (medlemsbidrag)", "-5 411", "-6 184", "-773", "88 %", "-6 184"],
      ["Totalt verksamhet", "-2 060", "316", "2 376", "", "-10"],
    ]);
  });

  it("balansräkningen balanserar: periodens resultat står i eget kapital", () => {
    const m = balansModell(br, SD, DELAR)!;
    expect(m.kolumner.slice(1).map((k: { rubrik: string }) => k.rubrik)).toEqual(["2025-08-31", "2024-08-31"]);
    expect(rader(m)).toEqual([
      ["Fordringar", "42", "52"],
      ["Kassa och bank", "5 286", "4 644"],
      ["Summa omsättningstillgångar", "5 328", "4 696"],
      ["Summa tillgångar", "5 328", "4 696"],
      ["Eget kapital", "921", "1 657"],
      ["Årets resultat", "2 060", "1 816"],
      ["Summa eget kapital", "2 982", "3 473"],
      ["Avsättningar (pensioner)", "1 638", "1 072"],
      ["Kortfristiga skulder", "708", "151"],
      ["Summa eget kapital, avsättningar och skulder", "5 328", "4 696"],
    ]);
  });

  it("noterna: Not 1 och Not 2 som Tabell 9, med summor", () => {
    const [not1, not2] = notModeller(noter, SD, DELAR);
    expect(rader(not1!)).toEqual([
      ["Försålda publikationer", "12", "2"],
      ["Bidrag från huvudmännen", "5 411", "5 520"],
      ["Bidrag från ESF-projekt", "249", "191"],
      ["Externa uppdrag", "0", "3"],
      ["Kursintäkter", "0", "7"],
      ["Summa", "5 672", "5 722"],
    ]);
    expect(rader(not2!).at(-1)).toEqual(["Summa", "-3 672", "-4 011"]);
  });

  it("eget kapital mot reglerna i ord, med talen", () => {
    expect(regeltexter(ek, SD).map((r: { text: string }) => som(r.text))).toEqual([
      "Eget kapital den 31 december 2024: 921 tkr, 14,6 % av årets medelstilldelning 6 308 tkr, högst 20 % (1 262 tkr): uppfyllt; lägst 400 tkr: uppfyllt.",
      "Eget kapital den 31 december 2025 enligt prognosen: 931 tkr, 15,1 % av årets medelstilldelning 6 184 tkr, högst 20 % (1 237 tkr): uppfyllt; lägst 400 tkr: uppfyllt.",
    ]);
  });
});

describe("Södra Dalarnas verksamhetsplan 2025 och årsredovisning 2018", () => {
  it("medelstilldelningen per medlem i kr, som not 1", () => {
    expect(rader(medelModell(medel, SD, 2025)!)).toEqual([
      ["Försäkringskassan med Arbetsförmedlingen", "50 %", "3 092 000"],
      ["Region Dalarna", "25 %", "1 546 000"],
      ["Avesta kommun", "11 %", "680 240"],
      ["Hedemora kommun", "8 %", "494 720"],
      ["Säters kommun", "6 %", "371 040"],
      ["Totalt", "100 %", "6 184 000"],
    ]);
  });

  it("den långsiktiga tabellen med * för prognos och ** för äskat", () => {
    expect(rader(langsiktigModell(lang, SD)!).filter((r) => Number(r[0]) >= 2022)).toEqual([
      ["2022", "6 322", "7 195", "1 496"],
      ["2023", "6 308", "6 908", "1 657"],
      ["2024", "6 308", "7 700", "921"],
      ["2025", "6 184", "6 500", "931*"],
      ["2026", "7 500**", "7 500", "931*"],
      ["2027", "7 500**", "7 500", "931*"],
      ["2028", "7 500**", "7 500", "931*"],
    ]);
  });

  it("kassaflödesanalysen 2018", () => {
    expect(rader(kassaflodeModell(kf, SD, { ar: 2018, till: "2018-12-31" })!)).toEqual([
      ["Årets resultat", "255"],
      ["Justering för ej likviditetspåverkande poster (avsättningar)", "145"],
      ["Medel från verksamheten före förändring av rörelsekapital", "400"],
      ["Ökning (−)/minskning (+) av kortfristiga fordringar", "92"],
      ["Ökning (+)/minskning (−) av kortfristiga skulder", "558"],
      ["Kassaflöde från den löpande verksamheten", "1 050"],
      ["Periodens kassaflöde", "1 050"],
      ["Likvida medel vid årets början", "3 276"],
      ["Likvida medel vid periodens slut", "4 326"],
    ]);
  });
});

describe("Finsam Falun-Borlänge 2024", () => {
  const FB = { ar: 2024, till: "2024-12-31" };

  it("soliditet 71 % och 87 % av kostnaderna till insatser, 13 % till administration", () => {
    expect(nyckeltalstexter(nyckeltal, "falun-borlange", FB).map((n: { namn: string; varde: string }) => [n.namn, som(n.varde)])).toEqual([
      ["Soliditet", "71 %"], ["Kostnader till insatser", "87 %"], ["Kostnader till administration", "13 %"],
    ]);
  });

  it("eget kapital 2024 är inte under 20 % av verksamhetens intäkter", () => {
    const [rad] = regeltexter(ek, "falun-borlange");
    expect(rad).toMatchObject({ ar: 2024, uppfyllt: false });
    expect(som(rad!.text)).toBe("Eget kapital den 31 december 2024: 4 224 tkr, 48,6 % av verksamhetens intäkter 8 699 tkr, högst 20 % (1 740 tkr): inte uppfyllt.");
    expect(rader(egetKapitalModell(ek, "falun-borlange")!).at(-1)).toEqual(["2024", "bokslut", "4 224", "8 699", "48,6 %", "1 740", "nej"]);
    expect(resultatrakningModell(rr, "falun-borlange", FB).fotnot).toContain("Utfallet gäller 2024 och hela 2023");
  });

  it("diagrammets serie: eget kapital och högsta nivån i tkr per år", () => {
    expect(egetKapitalSerie(ek, "falun-borlange")).toEqual([
      { ar: 2022, egetKapital: 1827.913, hogst: null, lagst: null, underlag: "bokslut" },
      { ar: 2023, egetKapital: 2910.748, hogst: 1725.8016, lagst: null, underlag: "bokslut" },
      { ar: 2024, egetKapital: 4224.101, hogst: 1739.8316, lagst: null, underlag: "bokslut" },
    ]);
  });
});

describe("format", () => {
  it("tkr avrundas först när de visas, halvor bort från noll", () => {
    expect(som(tkr(712_505))).toBe("713");
    expect(som(tkr(-10_505))).toBe("-11");
    expect(tkr(null)).toBe("\u2013");
  });
});
