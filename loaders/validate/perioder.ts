/**
 * Gaps in time in an SCB file: a kommun that lacks a period (month or year) the file has for
 * other kommuner, and a gap in the file's own series of months. Both are warnings: the values
 * that need the period (a förbund's or county's sum, a half-year's mean) are not computed.
 */
import { Begransning, showValue, type Findings } from "./findings.ts";

/** Where a value (or a kommun's first row) is in the file. */
export interface Plats {
  readonly rad: number;
  readonly kolumn?: number | undefined;
  readonly falt?: string | undefined;
}

export interface PeriodKontroll {
  readonly fil: string;
  /** Rule id prefix, e.g. `he`, `bas`. */
  readonly regel: string;
  /** Periods per kommun in the file (`YYYY-MM` or `YYYY`), with the kommun's first row. */
  readonly kommuner: ReadonlyMap<string, { readonly plats: Plats; readonly varde: string; readonly perioder: ReadonlySet<string> }>;
  /** Where each period of the file is first seen (a wide table: its column). */
  readonly perioder: ReadonlyMap<string, Plats>;
  /**
   * Also report gaps in the file's series of months. Only for helårsekvivalenter, which SCB
   * publishes and users download month by month; BAS and population files are often
   * downloaded for one month a year, which is not a gap.
   */
  readonly lucka: boolean;
}

const MAX_PER_RULE = 25;
const MAX_LISTADE = 6;

/** `2024-01` -> `2024-02`, `2024-12` -> `2025-01`, `2024` -> `2025`. */
export function nastaPeriod(p: string): string {
  if (/^\d{4}$/.test(p)) return String(Number(p) + 1);
  const ar = Number(p.slice(0, 4));
  const m = Number(p.slice(5, 7));
  return m === 12 ? `${ar + 1}-01` : `${ar}-${String(m + 1).padStart(2, "0")}`;
}

function lista(perioder: readonly string[]): string {
  return perioder.length <= MAX_LISTADE ? perioder.join(", ") : `${perioder.slice(0, MAX_LISTADE).join(", ")} och ${perioder.length - MAX_LISTADE} till`;
}

export function kontrolleraPerioder(k: PeriodKontroll, findings: Findings): void {
  const alla = [...k.perioder.keys()].sort();
  if (alla.length === 0) return;
  const format = new Set(alla.map((p) => p.length));
  if (format.size > 1) return; // mixed years and months: reported elsewhere as an error

  const begransning = new Begransning(MAX_PER_RULE);
  const regelSaknas = `${k.regel}.kommun_saknar_period`;
  for (const [kod, info] of [...k.kommuner].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const saknas = alla.filter((p) => !info.perioder.has(p));
    if (saknas.length === 0 || !begransning.rapportera(regelSaknas)) continue;
    findings.varning({
      fil: k.fil, rad: info.plats.rad, ...(info.plats.kolumn !== undefined ? { kolumn: info.plats.kolumn } : {}),
      ...(info.plats.falt !== undefined ? { falt: info.plats.falt } : {}), varde: showValue(info.varde), regel: regelSaknas,
      meddelande: `kommun ${kod} saknar ${lista(saknas)} som filen har för andra kommuner; summor och medelvärden som behöver kommunen de perioderna beräknas inte`,
      message: `kommun ${kod} lacks ${saknas.length} period(s) the file has for other kommuner; sums and means that need them are not computed`,
    });
  }

  const regelLucka = `${k.regel}.periodlucka`;
  const finns = new Set(alla);
  for (let i = 0; k.lucka && i + 1 < alla.length; i++) {
    const luckan: string[] = [];
    for (let p = nastaPeriod(alla[i]!); p < alla[i + 1]! && luckan.length <= 1200; p = nastaPeriod(p)) {
      if (!finns.has(p)) luckan.push(p);
    }
    if (luckan.length === 0 || !begransning.rapportera(regelLucka)) continue;
    const efter = k.perioder.get(alla[i + 1]!)!;
    findings.varning({
      fil: k.fil, rad: efter.rad, ...(efter.kolumn !== undefined ? { kolumn: efter.kolumn } : {}), ...(efter.falt !== undefined ? { falt: efter.falt } : {}),
      regel: regelLucka,
      meddelande: `filen saknar ${lista(luckan)} mellan ${alla[i]} och ${alla[i + 1]}; förväntat en sammanhängande följd av månader (halvår och år som omfattar luckan beräknas inte)`,
      message: `the file has a gap of ${luckan.length} month(s) between ${alla[i]} and ${alla[i + 1]}`,
    });
  }
  begransning.sammanfatta(findings, k.fil, () => "varning");
}
