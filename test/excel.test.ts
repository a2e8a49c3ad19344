/**
 * Tabellerna som riktiga Excelfiler (issue 12): src/components/excel.ts skriver en .xlsx med
 * write-excel-file, och testet läser den tillbaka med projektets egen läsare
 * (loaders/read/xlsx.ts, read-excel-file). Text förblir text (koder behåller sina nollor,
 * "juni 2025" blir inget datum), tal är tal med svenskt visningsformat och enheten i rubriken,
 * ett dolt värde är markeringen med en fotnot.
 */
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { lasArbetsbok } from "../loaders/read/xlsx.ts";
import { DOLT_FOTNOT, SAKNAS_FOTNOT, bladnamn, tabellTillXlsx, talformat } from "../src/components/excel.js";
import { formatHeltal, formatPeriod, formatProcent, formatTal } from "../src/components/format.js";

const NBSP = "\u00a0";
// En tabell som den syns på en sida (cellernas text, som lasTabell i dom.ts ger den).
const TABELL = {
  bildtext: "Helårsekvivalenter per kommun, juni 2025",
  rubriker: ["Kommun", "Kommunkod", "Län", "Månad", "Helårsekvivalenter", "Andel", "Snitt"],
  rader: [
    ["Upplands Väsby", "0114", "01", formatPeriod("2025-06"), formatHeltal(1234.4), formatProcent(0.1234, 1), formatTal(-3.25, 1)],
    ["Stockholm", "0180", "01", formatPeriod("2025-12"), formatHeltal(98765), formatProcent(0.05, 1), "–"],
    ["Falun", "2080", "20", formatPeriod("2025-06"), "\u2022", formatProcent(0.2, 1), formatTal(7, 1)]
  ],
  radrubrik: 0
};

const kortad = <T>(celler: readonly (T | null)[]) => {
  const ut = [...celler];
  while (ut.length && ut.at(-1) === null) ut.pop();
  return ut;
};

async function lasTillbaka(tabell: typeof TABELL) {
  const bytes = new Uint8Array(await (await tabellTillXlsx(tabell)).arrayBuffer());
  const bok = await lasArbetsbok(bytes);
  if (!bok.ok) throw new Error(bok.detalj);
  return { bytes, blad: bok.blad };
}

describe("tabellTillXlsx: läst tillbaka med loaders/read/xlsx.ts", () => {
  it("ett blad med bildtexten, rubrikerna med enhet, raderna och fotnoterna", async () => {
    const { blad } = await lasTillbaka(TABELL);
    expect(blad).toHaveLength(1);
    expect(blad[0]!.namn).toBe("Helårsekvivalenter per kommun"); // 31 tecken, utan kommat sist
    // (Läsaren fyller ut varje rad till bladets bredd med null; de tomma cellerna sist tas bort här.)
    const rader = blad[0]!.rader.map((r) => kortad(r.celler));
    expect(rader[0]).toEqual([TABELL.bildtext]);
    expect(rader[1]).toEqual(["Kommun", "Kommunkod", "Län", "Månad", "Helårsekvivalenter", "Andel (%)", "Snitt"]);
    expect(rader.slice(2, 5)).toEqual([
      // 1 234 -> 1234 (som det visas, avrundat); 12,3 % -> 12.3 under "Andel (%)"; −3,3 -> -3.3
      ["Upplands Väsby", "0114", "01", "juni 2025", 1234, 12.3, -3.3],
      // "–" (inget värde) blir en tom cell
      ["Stockholm", "0180", "01", "december 2025", 98765, 5],
      // En kolumn med koder är text hela vägen, också koden utan inledande nolla (2080, 20)
      // "•" (dolt) blir markeringen som text, aldrig ett tal
      ["Falun", "2080", "20", "juni 2025", "\u2022", 20, 7]
    ]);
    // En tom rad (som läsaren hoppar över) och sedan fotnoterna.
    expect(blad[0]!.rader.slice(5).map((r) => [r.rad, kortad(r.celler)])).toEqual([[7, [DOLT_FOTNOT]], [8, [SAKNAS_FOTNOT]]]);
  });

  it("text är text i filen (t=\"s\" eller inlineStr), tal är tal med svenskt visningsformat och rätt decimaler", async () => {
    const { bytes } = await lasTillbaka(TABELL);
    const filer = unzipSync(bytes);
    const blad = strFromU8(filer["xl/worksheets/sheet1.xml"]!);
    const stilar = strFromU8(filer["xl/styles.xml"]!);
    // Cellen med kommunkoden 0114 (B3) är text, inte talet 114.
    expect(blad).toMatch(/<c r="B3"[^>]*t="(s|inlineStr|str)"/);
    // Månaden (D3) är text, inte ett datum.
    expect(blad).toMatch(/<c r="D3"[^>]*t="(s|inlineStr|str)"/);
    // Helårsekvivalenterna (E3) är ett tal utan typ (n), med ett visningsformat.
    expect(blad).toMatch(/<c r="E3"[^>]*><v>1234<\/v>/);
    expect(blad).not.toMatch(/<c r="E3"[^>]*t="/);
    expect(stilar).toContain('formatCode="#,##0"');
    expect(stilar).toContain('formatCode="#,##0.0"');
  });

  it("utan dolda eller saknade värden blir det inga fotnoter", async () => {
    const { blad } = await lasTillbaka({ ...TABELL, rader: [TABELL.rader[0]!] });
    expect(blad[0]!.rader).toHaveLength(3);
  });

  it("text som ser ut som en formel förblir text", async () => {
    const { blad } = await lasTillbaka({ ...TABELL, rader: [["=SUMMA(A1)", "0114", "01", "juni 2025", "1", "1,0 %", "1,0"]] });
    expect(blad[0]!.rader[2]!.celler[0]).toBe("=SUMMA(A1)");
  });
});

describe("bladnamn och talformat", () => {
  it("bladnamnet har högst 31 tecken och inga otillåtna tecken", () => {
    expect(bladnamn("Tabell 1: De sammanlagda resultaten [alla] / kvinnor")).toBe("Tabell 1 De sammanlagda resulta");
    expect(bladnamn("")).toBe("Tabell");
  });
  it("visningsformatet har samma decimaler som på skärmen", () => {
    expect(talformat(0)).toBe("#,##0");
    expect(talformat(2)).toBe("#,##0.00");
  });
  it("tal med hårt mellanslag som tusentalsavgränsare läses som tal", async () => {
    const { blad } = await lasTillbaka({ ...TABELL, rader: [["A", "0114", "01", "juni 2025", `12${NBSP}345`, "1,0 %", "1,0"]] });
    expect(blad[0]!.rader[2]!.celler[4]).toBe(12345);
  });
});
