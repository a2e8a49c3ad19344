/**
 * Hela utdatafiler som .xlsx (issue 12, Översikt): src/components/excel.ts gör en CSV från
 * pipelinen till en arbetsbok, delad på flera blad så att inget blad får fler rader än Excel
 * tillåter (1 048 576). Delningen prövas med ett litet tak i stället för en jättefil; filen
 * läses tillbaka med projektets egen läsare (loaders/read/xlsx.ts).
 */
import { describe, expect, it } from "vitest";
import { lasArbetsbok } from "../loaders/read/xlsx.ts";
import { EXCEL_MAX_RADER, arTalkolumn, csvSomBlad, csvTillXlsx, delaIBlad } from "../src/components/excel.js";

describe("delaIBlad", () => {
  it("Excels gräns är 1 048 576 rader per blad", () => {
    expect(EXCEL_MAX_RADER).toBe(2 ** 20);
  });
  it("lägger högst max − rubrikrader rader i varje blad, i ordning, utan att tappa någon", () => {
    const rader = Array.from({ length: 10 }, (_, i) => i);
    const blad = delaIBlad(rader, 1, 4);
    expect(blad).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
    expect(blad.flat()).toEqual(rader);
  });
  it("ger ett blad när allt ryms precis, och ett tomt blad utan rader", () => {
    expect(delaIBlad([1, 2, 3], 1, 4)).toEqual([[1, 2, 3]]);
    expect(delaIBlad([], 1, 4)).toEqual([[]]);
  });
  it("räknar med Excels riktiga gräns: 1 048 575 rader och en rubrikrad ryms i ett blad, en till ger två", () => {
    const n = EXCEL_MAX_RADER - 1;
    const rader = new Array<number>(n + 1).fill(0);
    expect(delaIBlad(rader.slice(0, n)).map((b) => b.length)).toEqual([n]);
    expect(delaIBlad(rader).map((b) => b.length)).toEqual([n, 1]);
  });
});

describe("arTalkolumn", () => {
  it("tal är tal; koder med inledande nolla och kodkolumner är text", () => {
    expect(arTalkolumn("varde", ["1.5", "", "-3", "2e-7"])).toBe(true);
    expect(arTalkolumn("kod", ["2080", "2021"])).toBe(false);
    expect(arTalkolumn("kommunkod", ["2080"])).toBe(false);
    expect(arTalkolumn("x", ["0180", "2080"])).toBe(false);
    expect(arTalkolumn("period", ["2024"])).toBe(false);
    expect(arTalkolumn("varde", ["", ""])).toBe(false);
  });
});

const CSV = "niva,kod,namn,period,varde\nkommun,0180,Stockholm,2024-06,1.25\nkommun,2080,Falun,2024-06,\nlan,01,Stockholms län,2024-06,7\nriket,00,Riket,2024-06,-2\nkommun,0114,Upplands Väsby,2024-06,3\n";

describe("csvSomBlad och csvTillXlsx", () => {
  it("delar fem rader på blad med högst tre rader (rubrikraden och två), med rubrikraden överst i varje", () => {
    const blad = csvSomBlad(CSV, "helarsekvivalenter", 3);
    expect(blad.map((b) => b.sheet)).toEqual(["helarsekvivalenter 1", "helarsekvivalenter 2", "helarsekvivalenter 3"]);
    expect(blad.map((b) => b.data.length)).toEqual([3, 3, 2]);
  });

  it("läst tillbaka: samma rader på bladen i ordning, koder som text med nollor, tal som tal, tomt som tomt", async () => {
    const bytes = new Uint8Array(await (await csvTillXlsx(CSV, "helarsekvivalenter", 3)).arrayBuffer());
    const bok = await lasArbetsbok(bytes);
    if (!bok.ok) throw new Error(bok.detalj);
    expect(bok.blad.map((b) => b.namn)).toEqual(["helarsekvivalenter 1", "helarsekvivalenter 2", "helarsekvivalenter 3"]);
    const rubriker = bok.blad.map((b) => b.rader[0]!.celler);
    for (const r of rubriker) expect(r).toEqual(["niva", "kod", "namn", "period", "varde"]);
    const rader = bok.blad.flatMap((b) => b.rader.slice(1).map((r) => r.celler));
    expect(rader).toEqual([
      ["kommun", "0180", "Stockholm", "2024-06", 1.25],
      ["kommun", "2080", "Falun", "2024-06", null],
      ["lan", "01", "Stockholms län", "2024-06", 7],
      ["riket", "00", "Riket", "2024-06", -2],
      ["kommun", "0114", "Upplands Väsby", "2024-06", 3]
    ]);
  });

  it("en fil som ryms ger ett blad med filens namn", () => {
    expect(csvSomBlad(CSV, "helarsekvivalenter").map((b) => b.sheet)).toEqual(["helarsekvivalenter"]);
  });
});
