/**
 * Age labels as SCB writes them, to one canonical form:
 * `"20-64 år"`, `"20–64 år"` -> `20-64`; `"7 år"`, `"7"` -> `7`; `"100+ år"`, `"65+"`,
 * `"65 år och äldre"`, `"100 år och äldre"` -> `65+` / `100+`; `"totalt ålder"`, `"totalt"`,
 * `"samtliga åldrar"` and PxWeb's codes `tot`, `TotSa` -> `totalt`; `"-4 år"`, `"0-4"` -> `0-4`.
 */
import { labelKey } from "./labels.ts";

export type Aldersintervall = { readonly fran: number; readonly till: number | null };

const TOTALT = new Set(["totalt", "totalt alder", "alla aldrar", "samtliga aldrar", "samtliga", "total", "alder totalt", "alla", "tot", "totsa", "totalt samtliga"]);

/** Canonical label, or undefined when the label is not an age. */
export function parseAlder(label: string): string | undefined {
  const k = labelKey(label).replace(/\s*(?:ar|years?)$/, "").trim();
  if (TOTALT.has(k) || TOTALT.has(labelKey(label))) return "totalt";
  let m = /^(\d{1,3})$/.exec(k);
  if (m) return String(Number(m[1]));
  m = /^(\d{1,3})?-(\d{1,3})$/.exec(k);
  if (m) {
    const fran = m[1] === undefined ? 0 : Number(m[1]);
    const till = Number(m[2]);
    return fran <= till ? `${fran}-${till}` : undefined;
  }
  m = /^(\d{1,3})\s*(?:\+|ar och aldre|och aldre|ar eller aldre|-w|-)$/.exec(k);
  if (m) return `${Number(m[1])}+`;
  return undefined;
}

/** `20-64` -> {20, 64}; `7` -> {7, 7}; `65+` -> {65, null}; `totalt` -> undefined. */
export function intervall(alder: string): Aldersintervall | undefined {
  if (alder === "totalt") return undefined;
  if (alder.endsWith("+")) return { fran: Number(alder.slice(0, -1)), till: null };
  const [a, b] = alder.split("-");
  return { fran: Number(a), till: Number(b ?? a) };
}

/** Whether `inre` lies inside `yttre` (both canonical, not `totalt`). */
export function inom(inre: string, yttre: string): boolean {
  const i = intervall(inre);
  const y = intervall(yttre);
  if (!i || !y) return false;
  if (i.fran < y.fran) return false;
  if (y.till === null) return true;
  return i.till !== null && i.till <= y.till;
}

/** Sort order for canonical ages: totalt first, then by start, then narrower first. */
export function compareAlder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "totalt") return -1;
  if (b === "totalt") return 1;
  const x = intervall(a)!;
  const y = intervall(b)!;
  return x.fran - y.fran || (x.till ?? 999) - (y.till ?? 999);
}
