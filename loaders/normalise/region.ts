/**
 * Region cells as SCB writes them: `"2080 Falun"`, `"2080 - Falun"`, `"20 Dalarnas län"`,
 * a bare code `"2080"`, or `"00 Riket"` / `"Riket"`.
 */

export type Region =
  | { readonly niva: "kommun"; readonly kod: string; readonly namn: string | undefined }
  | { readonly niva: "lan"; readonly kod: string; readonly namn: string | undefined }
  | { readonly niva: "riket"; readonly kod: "00"; readonly namn: string | undefined };

/** Header names (by `labelKey`) of the region column in SCB's tables. */
export const REGION_RUBRIKER: ReadonlySet<string> = new Set(["region", "kommun", "lan och kommun", "lan/kommun", "region/kommun", "kommun/lan"]);

const CODED = /^(\d+)(?:\s*[-–—]\s*|\s+|$)(.*)$/;

export function parseRegion(cell: string): Region | undefined {
  const s = cell.trim().replace(/\s+/g, " ");
  if (/^(riket|sverige|hela riket)$/i.test(s)) return { niva: "riket", kod: "00", namn: s };
  const m = CODED.exec(s);
  if (!m) return undefined;
  const kod = m[1]!;
  const namn = m[2]!.trim() === "" ? undefined : m[2]!.trim();
  if (kod === "00" || kod === "0") return { niva: "riket", kod: "00", namn };
  if (kod.length === 2) return { niva: "lan", kod, namn };
  if (kod.length === 4) return { niva: "kommun", kod, namn };
  return undefined;
}
