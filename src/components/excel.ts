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
import writeXlsxFile, { type Cell, type Row } from "write-excel-file/universal";
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
