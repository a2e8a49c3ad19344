/**
 * Excel workbooks (xlsx) as sheets of rows of cells, each row with its Excel row number.
 *
 * Reading uses read-excel-file (node entry, async), imported when the first workbook is read:
 * loading it takes about a tenth of a second, which a data folder without xlsx files should not
 * pay at every `finsam run`. Before that the zip container is checked
 * here, so a damaged zip, an encrypted entry or a zip that is not an xlsx (a docx, a zip of
 * CSV files) is told apart from a workbook. An Excel file protected with a password is not a
 * zip at all (it is an OLE compound file) and never reaches this module.
 */

/** A cell: text, a number as Excel stored it, or null for an empty cell. */
export type Xlsxvarde = string | number | null;

export interface Bladrad {
  /** 1-based Excel row number. */
  readonly rad: number;
  /** Cells from column A (index 0 = column A). */
  readonly celler: readonly Xlsxvarde[];
}

export interface Blad {
  readonly namn: string;
  /** Rows with at least one non-empty cell, in sheet order. */
  readonly rader: readonly Bladrad[];
}

export type Arbetsbok =
  | { readonly ok: true; readonly blad: readonly Blad[] }
  /** `skadad`: not a readable zip or xlsx; `krypterad`: an entry is encrypted; `inte_xlsx`: a zip without a workbook part. */
  | { readonly ok: false; readonly orsak: "skadad" | "krypterad" | "inte_xlsx"; readonly detalj: string };

/** 1 -> "A", 26 -> "Z", 27 -> "AA". */
export function kolumnbokstav(kolumn: number): string {
  let s = "";
  for (let k = kolumn; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

interface Zipinnehall {
  readonly namn: string[];
  readonly krypterad: boolean;
}

/** The zip's central directory: entry names and whether any entry is encrypted; undefined when it cannot be read. */
export function zipinnehall(bytes: Uint8Array): Zipinnehall | undefined {
  const u16 = (o: number) => bytes[o]! | (bytes[o + 1]! << 8);
  const u32 = (o: number) => (u16(o) | (u16(o + 2) << 16)) >>> 0;
  if (bytes.length < 22) return undefined;
  let eocd = -1;
  for (let e = bytes.length - 22; e >= 0 && bytes.length - e <= 65557 + 22; e--) {
    if (u32(e) === 0x06054b50) { eocd = e; break; }
  }
  if (eocd < 0) return undefined;
  const antal = u16(eocd + 10);
  let o = u32(eocd + 16);
  const namn: string[] = [];
  let krypterad = false;
  const dec = new TextDecoder("utf-8");
  for (let i = 0; i < antal; i++) {
    if (o + 46 > bytes.length || u32(o) !== 0x02014b50) return undefined;
    const flaggor = u16(o + 8);
    const n = u16(o + 28);
    const extra = u16(o + 30);
    const kommentar = u16(o + 32);
    if (o + 46 + n > bytes.length) return undefined;
    if (flaggor & 1) krypterad = true;
    namn.push(dec.decode(bytes.subarray(o + 46, o + 46 + n)));
    o += 46 + n + extra + kommentar;
  }
  return { namn, krypterad };
}

export async function lasArbetsbok(bytes: Uint8Array): Promise<Arbetsbok> {
  const zip = zipinnehall(bytes);
  if (!zip) return { ok: false, orsak: "skadad", detalj: "zip-filens innehållsförteckning kan inte läsas (filen är avkortad eller skadad)" };
  if (zip.krypterad) return { ok: false, orsak: "krypterad", detalj: "filen är krypterad (lösenordsskyddad zip)" };
  if (!zip.namn.some((n) => n.replace(/^\//, "").toLowerCase() === "xl/workbook.xml")) {
    return { ok: false, orsak: "inte_xlsx", detalj: "zip-filen saknar xl/workbook.xml" };
  }
  // Outside the try: a reader that cannot be loaded is not a damaged workbook.
  const { default: readXlsxFile } = await import("read-excel-file/node");
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { trim: false }) as { sheet: string; data: unknown[][] }[];
  } catch (e) {
    return { ok: false, orsak: "skadad", detalj: (e as Error).message || "okänt fel" };
  }
  return {
    ok: true,
    blad: sheets.map((s) => ({
      namn: s.sheet,
      rader: s.data
        .map((celler, i) => ({ rad: i + 1, celler: celler.map(cellvarde) }))
        .filter((r) => r.celler.some((c) => c !== null && (typeof c !== "string" || c.trim() !== ""))),
    })),
  };
}

function cellvarde(v: unknown): Xlsxvarde {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "SANT" : "FALSKT";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString().slice(0, 10);
  return String(v);
}
