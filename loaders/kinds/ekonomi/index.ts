/**
 * The economy as an input kind: the ledger (utfall), budget and prognos, medelstilldelning and
 * reported economy tables, each recognised by its header, read into one collection per run,
 * joined per förbund, computed and checked, and written as the ekonomi_*.csv outputs.
 *
 *   kannerIgen(header)         -> which economy file a header is, or undefined
 *   lasCsv / lasArbetsbok      -> rows into an Ekonomiinlasning (findings for bad cells)
 *   sammanfoga                 -> per förbund (errors for unknown IDs, unmapped konton, overlaps)
 *   berakna                    -> every table per förbund and year
 *   kontrollera                -> the checks in the validation report
 *   utdata                     -> the tidy CSV files
 */
import type { Indelning } from "../../reference/indelning.ts";
import type { Installningar } from "../../reference/installningar.ts";
import { lasArbetsbok } from "../../read/xlsx.ts";
import type { Findings } from "../../validate/findings.ts";
import { beraknaEkonomi, type Ekonomiresultat } from "./berakning.ts";
import { lasBudget } from "./budget.ts";
import { lasHuvudbok } from "./huvudbok.ts";
import { ekonomisort, type Ekonomisort } from "./kolumner.ts";
import { kontrollera } from "./kontroller.ts";
import { lasMedelstilldelning } from "./medelstilldelning.ts";
import { kontrolleraRapporterat } from "./rapportkontroll.ts";
import { lasRapporterat } from "./rapporterat.ts";
import { arTom, sammanfoga, tomInlasning, type Ekonomiinlasning } from "./sammanfoga.ts";
import { bladTabell, lasCsvTabell, rubriknycklar, type Tabell } from "./tabell.ts";
import { ekonomiFiler } from "./utdata.ts";

export { ekonomisort as kannerIgen, tomInlasning, arTom, type Ekonomiinlasning, type Ekonomisort };

/** How the file list names each kind. */
export const SORTNAMN: Record<Ekonomisort, string> = {
  huvudbok: "huvudbok (ekonomiskt utfall)",
  budget: "budget och prognos",
  medelstilldelning: "medelstilldelning",
  rapporterat: "rapporterade ekonomitabeller",
};

/** Reads one table of a known kind into the collection; a description for the file list, or undefined on errors. */
function lasTabell(t: Tabell, sort: Ekonomisort, inl: Ekonomiinlasning, findings: Findings): string | undefined {
  switch (sort) {
    case "huvudbok": {
      const rader = lasHuvudbok(t, findings);
      if (!rader) return undefined;
      (inl.huvudbok as { tabell: Tabell; rader: typeof rader }[]).push({ tabell: t, rader });
      const datum = rader.filter((b) => !b.ib).map((b) => b.datum).sort();
      const ib = new Set(rader.filter((b) => b.ib).map((b) => b.ar));
      return `${rader.length} rader${datum.length ? `, ${datum[0]}–${datum.at(-1)}` : ""}${ib.size ? `, ingående balans ${[...ib].sort().join(", ")}` : ""}`;
    }
    case "budget": {
      const rader = lasBudget(t, findings);
      if (!rader) return undefined;
      (inl.budget as { tabell: Tabell; rader: typeof rader }[]).push({ tabell: t, rader });
      const ar = [...new Set(rader.map((r) => r.ar))].sort();
      return `${rader.length} rader, ${ar.length === 1 ? ar[0] : `${ar[0]}–${ar.at(-1)}`}`;
    }
    case "medelstilldelning": {
      const rader = lasMedelstilldelning(t, findings);
      if (!rader) return undefined;
      (inl.medel as { tabell: Tabell; rader: typeof rader }[]).push({ tabell: t, rader });
      const ar = [...new Set(rader.map((r) => r.ar))].sort();
      return `${rader.length} rader, ${ar.length === 1 ? ar[0] : `${ar[0]}–${ar.at(-1)}`}`;
    }
    case "rapporterat": {
      const rader = lasRapporterat(t, findings);
      if (!rader) return undefined;
      (inl.rapporterat as { tabell: Tabell; rader: typeof rader }[]).push({ tabell: t, rader });
      return `${rader.length} värden i ${new Set(rader.map((r) => `${r.rapport ?? ""}|${r.tabell}`)).size} tabeller`;
    }
  }
}

/** A CSV file whose header `kannerIgen` recognised. */
export function lasCsv(bytes: Uint8Array, fil: string, sort: Ekonomisort, inl: Ekonomiinlasning, findings: Findings): { typ: string; beskrivning: string } {
  const t = lasCsvTabell(bytes, fil, findings);
  const beskrivning = t ? lasTabell(t, sort, inl, findings) : undefined;
  return { typ: SORTNAMN[sort], beskrivning: beskrivning ?? "fel" };
}

/**
 * A workbook whose sheets hold economy tables (one per sheet, a header among its first rows);
 * "okand" when no sheet does. Sheets that hold none are named in an info finding.
 */
export async function lasArbetsbokEkonomi(bytes: Uint8Array, fil: string, inl: Ekonomiinlasning, findings: Findings): Promise<{ typ: string; beskrivning: string } | "okand"> {
  const bok = await lasArbetsbok(bytes);
  if (!bok.ok) return "okand";
  const tabeller = bok.blad.map((b) => ({ blad: b, t: bladTabell(fil, b, (n) => ekonomisort(n) !== undefined) }));
  if (!tabeller.some((x) => x.t)) return "okand";
  const typer: string[] = [];
  const beskrivningar: string[] = [];
  for (const { blad, t } of tabeller) {
    if (!t) {
      if (blad.rader.length > 0) findings.info({ fil, regel: "ekonomi.blad_utan_tabell", meddelande: `bladet "${blad.namn}" har ingen ekonomitabell och läses inte`, message: `sheet "${blad.namn}" has no economy table and is not read` });
      continue;
    }
    const s = ekonomisort(rubriknycklar(t))!;
    const beskrivning = lasTabell(t, s, inl, findings);
    typer.push(SORTNAMN[s]);
    beskrivningar.push(`blad "${blad.namn}": ${beskrivning ?? "fel"}`);
  }
  return { typ: [...new Set(typer)].join(", "), beskrivning: `Excel-arbetsbok; ${beskrivningar.join("; ")}` };
}

/**
 * Every economy output from what the files held; undefined when the inputs have errors (then
 * nothing is written). `till` is `finsam run --till`.
 */
export function ekonomiUtdata(
  inl: Ekonomiinlasning, indelning: Pick<Indelning, "medlemskap">, installningar: Installningar, till: string | undefined, findings: Findings,
): { filer: [string, string][]; resultat: Ekonomiresultat[] } | undefined {
  if (arTom(inl)) return { filer: ekonomiFiler([]), resultat: [] };
  const data = sammanfoga(inl, indelning, installningar, findings);
  if (!data) return undefined;
  const resultat = beraknaEkonomi(data, till);
  for (const r of resultat) {
    kontrollera(r, findings);
    kontrolleraRapporterat(r, findings);
  }
  return { filer: ekonomiFiler(resultat), resultat };
}
