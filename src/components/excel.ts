// En tabell som en riktig Excelfil (.xlsx), utan DOM (testas i test/excel.test.ts, som läser
// filen tillbaka med projektets egen läsare, loaders/read/xlsx.ts).
//
// Filen innehåller det som visas, som nedladdning.ts tolkar cellerna (tabellvarden):
// - text som text (också koder med inledande nollor, "0180", och "juni 2025", som Excel annars
//   gör till datum);
// - tal som tal, med samma decimaler som på skärmen i ett svenskt visningsformat
//   (tusentalsavgränsare och decimalkomma i ett svenskt Excel) och enheten i kolumnrubriken
//   ("Andel (%)"), eller i radrubriken när enheten skiljer sig mellan raderna;
// - ett dolt värde som markeringen "•" (text) och en fotnot under tabellen som säger vad den betyder;
// - ett saknat värde ("–") som en tom cell.
// Överst står tabellens bildtext, sedan kolumnrubrikerna (fetstil, fasta när man rullar).
import { csvParseRows } from "d3-dsv";
import writeXlsxFile, { type Cell, type Row, type Sheet } from "write-excel-file/universal";
import { DOLT_MARKERING, tabellvarden, type TabellText, type Varde } from "./nedladdning.js";

/** Fotnoten när tabellen har ett dolt värde (samma mening som under tabellerna på sidorna). */
// (Allmänt hållen: skyddsmetoden, brus eller undertryckning, står i förklaringen under tabellen på sidan.)
export const DOLT_FOTNOT = `${DOLT_MARKERING} Visas inte för att skydda enskilda personer (se förklaringen under tabellen på webbplatsen).`;
/** Fotnoten när tabellen har ett saknat värde. */
export const SAKNAS_FOTNOT = "Tom cell: inget värde (till exempel en andel när nämnaren är 0, eller en uppgift som saknas i underlaget).";

/** Excel tillåter högst 31 tecken i ett bladnamn och inte tecknen : \ / ? * [ ]. */
export function bladnamn(text: string): string {
  const namn = text.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim().slice(0, 31).replace(/[\s,;.–-]+$/, "");
  return namn || "Tabell";
}

/** Visningsformatet för ett tal med så många decimaler som visas: "#,##0" eller "#,##0.0". */
export function talformat(decimaler: number): string {
  return decimaler > 0 ? `#,##0.${"0".repeat(decimaler)}` : "#,##0";
}

/** Ett tal som det visas (samma avrundning), som ett JavaScript-tal. */
function talvarde(v: Extract<Varde, { typ: "tal" }>): number {
  const x = Number(`${v.heltal}${v.decimaler ? `.${v.decimaler}` : ""}`);
  return v.negativ ? -x : x;
}

function cell(v: Varde): Cell {
  if (v.typ === "tom") return null;
  if (v.typ === "dolt") return { type: String, value: DOLT_MARKERING, align: "right" };
  if (v.typ === "text") return { type: String, value: v.text };
  return { type: Number, value: talvarde(v), format: talformat(v.decimaler.length) };
}

/**
 * En kolumn med koder ("0114", "0180", "2080"): har någon cell en kod med inledande nolla (som
 * tabellvarden redan gör till text) blir också kolumnens heltal utan decimaler, enhet och
 * tusentalsavgränsare text, så att hela kolumnen är text i Excel och inte hälften tal.
 */
export function kodkolumner({ rubriker, rader }: { rubriker: string[]; rader: Varde[][] }): { rubriker: string[]; rader: Varde[][] } {
  const antal = Math.max(rubriker.length, ...rader.map((r) => r.length));
  const arKod = (v: Varde | undefined) => v?.typ === "text" && /^0\d+$/.test(v.text);
  const koder = Array.from({ length: antal }, (_, i) => rader.some((r) => arKod(r[i])));
  return {
    rubriker,
    rader: rader.map((r) =>
      r.map((v, i): Varde => (koder[i] && v.typ === "tal" && !v.negativ && !v.decimaler && !v.enhet && /^\d+$/.test(v.heltal) ? { typ: "text", text: v.heltal } : v))
    )
  };
}

/** Bladets rader: bildtexten, rubrikerna, tabellens rader och fotnoterna. Exporteras för testerna. */
export function bladrader(tabell: TabellText & { bildtext: string }): { rader: Row[]; bredder: number[] } {
  const { rubriker, rader } = kodkolumner(tabellvarden(tabell));
  const harDolt = rader.some((r) => r.some((v) => v.typ === "dolt"));
  const harTomt = rader.some((r) => r.some((v) => v.typ === "tom"));
  const fotnoter = [harDolt ? DOLT_FOTNOT : null, harTomt ? SAKNAS_FOTNOT : null].filter((t): t is string => t !== null);
  const ut: Row[] = [
    [{ type: String, value: tabell.bildtext, fontWeight: "bold" }],
    rubriker.map((r) => ({ type: String, value: r, fontWeight: "bold", wrap: true, bottomBorderStyle: "thin" }) satisfies Cell),
    ...rader.map((r) => r.map(cell)),
    ...(fotnoter.length ? [[] as Row, ...fotnoter.map((t) => [{ type: String, value: t }] as Row)] : [])
  ];
  // Kolumnbredd i tecken: den längsta cellen (rubriker högst 30, så att de bryts i stället).
  const bredder = rubriker.map((r, i) => {
    const celler = rader.map((rad) => {
      const v = rad[i];
      return v?.typ === "text" ? v.text.length : v?.typ === "tal" ? v.heltal.length + v.decimaler.length + 3 : 2;
    });
    return Math.min(60, Math.max(8, Math.min(30, r.length), ...celler) + 2);
  });
  return { rader: ut, bredder };
}

/** Tabellen som en .xlsx-fil (en Blob). */
export async function tabellTillXlsx(tabell: TabellText & { bildtext: string }): Promise<Blob> {
  const { rader, bredder } = bladrader(tabell);
  return writeXlsxFile(rader, {
    sheet: bladnamn(tabell.bildtext),
    columns: bredder.map((width) => ({ width })),
    stickyRowsCount: 2
  }).toBlob();
}

// --- Hela utdatafiler som .xlsx (Översikt, "Ladda ner data") --------------------------------

/** Excels största antal rader i ett blad (rubrikraden inräknad). */
export const EXCEL_MAX_RADER = 1_048_576;

/**
 * Delar raderna i grupper, en per blad, så att inget blad med sina `rubrikrader` får fler än
 * `max` rader. Ingen rad tappas och ordningen behålls; utan rader blir det ett tomt blad.
 */
export function delaIBlad<T>(rader: readonly T[], rubrikrader = 1, max = EXCEL_MAX_RADER): T[][] {
  const per = max - rubrikrader;
  if (per < 1) throw new Error(`Ett blad med ${rubrikrader} rubrikrader rymmer inga rader (högst ${max} rader).`);
  if (rader.length === 0) return [[]];
  const ut: T[][] = [];
  for (let i = 0; i < rader.length; i += per) ut.push(rader.slice(i, i + per));
  return ut;
}

/** Kolumner i utdatafilerna som alltid är text (koder och perioder), även när de ser ut som tal. */
const TEXTKOLUMNER = new Set(["kod", "kommunkod", "lan", "lanskod", "forbund", "niva", "period", "halvar", "ar", "giltig_fran", "giltig_till", "kon"]);
const TAL = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** Är kolumnen tal: varje värde ett tal utan inledande nolla (en kod som "0180" är text), och ingen kodkolumn. */
export function arTalkolumn(namn: string, varden: Iterable<string>): boolean {
  if (TEXTKOLUMNER.has(namn) || namn.endsWith("_kod")) return false;
  let nagot = false;
  for (const v of varden) {
    if (v === "") continue;
    if (!TAL.test(v) || /^-?0\d/.test(v)) return false;
    nagot = true;
  }
  return nagot;
}

/**
 * En utdatafil (CSV med rubrikrad, som pipelinen skriver den) som blad i en arbetsbok: samma
 * kolumner och rader, tal som tal (oavrundade, som i filen), text som text (koder med sina
 * nollor), tom cell för tomt. Fler rader än ett blad rymmer delas på flera blad ("namn 1",
 * "namn 2", …), vart och ett med rubrikraden överst.
 */
export function csvSomBlad(text: string, namn: string, max = EXCEL_MAX_RADER): Sheet<Blob>[] {
  const [rubriker = [], ...rader] = csvParseRows(text.replace(/^\ufeff/, ""));
  const tal = rubriker.map((r, i) => arTalkolumn(r, (function* () { for (const rad of rader) yield rad[i] ?? ""; })()));
  const cell = (v: string | undefined, i: number): Cell => (v === undefined || v === "" ? null : tal[i] ? { type: Number, value: Number(v) } : { type: String, value: v });
  const delar = delaIBlad(rader, 1, max);
  const bredder = rubriker.map((r) => ({ width: Math.min(40, Math.max(8, r.length + 2)) }));
  return delar.map((del, i) => ({
    data: [rubriker.map((r) => ({ type: String, value: r, fontWeight: "bold" }) satisfies Cell), ...del.map((rad) => rubriker.map((_, k) => cell(rad[k], k)))],
    sheet: bladnamn(delar.length > 1 ? `${namn.slice(0, 24)} ${i + 1}` : namn),
    columns: bredder,
    stickyRowsCount: 1
  }));
}

/** En utdatafil (CSV-text) som .xlsx (en Blob), uppdelad på blad vid behov (csvSomBlad). */
export async function csvTillXlsx(text: string, namn: string, max = EXCEL_MAX_RADER): Promise<Blob> {
  return writeXlsxFile(csvSomBlad(text, namn, max)).toBlob();
}
