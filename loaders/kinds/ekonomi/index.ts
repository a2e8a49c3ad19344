/**
 * Kind: the economy, one input kind on the registry (loaders/kinds/index.ts) for four kinds of
 * file: the ledger (huvudbok, utfall), budget and prognos, medelstilldelning and reported economy
 * tables, each recognised by its header in a CSV file or in a sheet of an Excel workbook.
 *
 *   igenkanning  -> which economy file a header (or a workbook's sheet) is (kolumner.ts)
 *   las          -> its rows (huvudbok.ts, budget.ts, medelstilldelning.ts, rapporterat.ts)
 *   slaSamman    -> all files per förbund (sammanfoga.ts: errors for unknown IDs, unmapped
 *                   konton, overlapping ledgers)
 *   berakna      -> every table per förbund and year (berakning.ts), the checks in the
 *                   validation report (kontroller.ts, rapportkontroll.ts), the output tables
 *                   (utdata.ts)
 *
 * Definitions: docs/definitioner/ekonomi.md; formats: docs/indata.md.
 */
import type { Indelning } from "../../reference/indelning.ts";
import { STANDARD, type Installningar } from "../../reference/installningar.ts";
import { lasArbetsbok, type Blad } from "../../read/xlsx.ts";
import type { DelimitedText } from "../../read/delimited.ts";
import type { Utdatatabell } from "../../publish/schema.ts";
import type { Findings } from "../../validate/findings.ts";
import { forbundsindelning } from "../forbundsindelning.ts";
import { installningar } from "../installningar.ts";
import type { Kind } from "../kind.ts";
import { beraknaEkonomi, type Ekonomiresultat } from "./berakning.ts";
import { lasBudget } from "./budget.ts";
import { lasHuvudbok } from "./huvudbok.ts";
import { ekonomisort, type Ekonomisort } from "./kolumner.ts";
import { kontrollera } from "./kontroller.ts";
import { lasMedelstilldelning } from "./medelstilldelning.ts";
import { kontrolleraRapporterat } from "./rapportkontroll.ts";
import { lasRapporterat } from "./rapporterat.ts";
import { arTom, sammanfoga, tomInlasning, type Ekonomiinlasning, type Forbundsekonomi } from "./sammanfoga.ts";
import { bladTabell, lasCsvTabell, rubriknycklar, type Tabell } from "./tabell.ts";
import { EKONOMI_SCHEMAN, ekonomiTabeller } from "./utdata.ts";

export { ekonomisort as kannerIgen, tomInlasning, arTom, type Ekonomiinlasning, type Ekonomisort };

/** How the file list names each kind. */
export const SORTNAMN: Record<Ekonomisort, string> = {
  huvudbok: "huvudbok (ekonomiskt utfall)",
  budget: "budget och prognos",
  medelstilldelning: "medelstilldelning",
  rapporterat: "rapporterade ekonomitabeller",
};

type Lista<T> = { tabell: Tabell; rader: readonly T[] }[];

/** Reads one table of a known kind into `inl`; a description for the file list, or undefined on errors. */
function lasTabell(t: Tabell, sort: Ekonomisort, inl: Ekonomiinlasning, findings: Findings): string | undefined {
  switch (sort) {
    case "huvudbok": {
      const rader = lasHuvudbok(t, findings);
      if (!rader) return undefined;
      (inl.huvudbok as Lista<(typeof rader)[number]>).push({ tabell: t, rader });
      const datum = rader.filter((b) => !b.ib).map((b) => b.datum).sort();
      const ib = new Set(rader.filter((b) => b.ib).map((b) => b.ar));
      return `${rader.length} rader${datum.length ? `, ${datum[0]}–${datum.at(-1)}` : ""}${ib.size ? `, ingående balans ${[...ib].sort().join(", ")}` : ""}`;
    }
    case "budget": {
      const rader = lasBudget(t, findings);
      if (!rader) return undefined;
      (inl.budget as Lista<(typeof rader)[number]>).push({ tabell: t, rader });
      const ar = [...new Set(rader.map((r) => r.ar))].sort();
      return `${rader.length} rader, ${ar.length === 1 ? ar[0] : `${ar[0]}–${ar.at(-1)}`}`;
    }
    case "medelstilldelning": {
      const rader = lasMedelstilldelning(t, findings);
      if (!rader) return undefined;
      (inl.medel as Lista<(typeof rader)[number]>).push({ tabell: t, rader });
      const ar = [...new Set(rader.map((r) => r.ar))].sort();
      return `${rader.length} rader, ${ar.length === 1 ? ar[0] : `${ar[0]}–${ar.at(-1)}`}`;
    }
    case "rapporterat": {
      const rader = lasRapporterat(t, findings);
      if (!rader) return undefined;
      (inl.rapporterat as Lista<(typeof rader)[number]>).push({ tabell: t, rader });
      return `${rader.length} värden i ${new Set(rader.map((r) => `${r.rapport ?? ""}|${r.tabell}`)).size} tabeller`;
    }
  }
}

/** A parsed CSV file as an economy table. */
export function tabellFranCsv(tabell: DelimitedText, fil: string): Tabell {
  return {
    fil,
    rubrikrad: tabell.header.line,
    rubriker: tabell.header.fields.map((f) => f.trim()),
    rader: tabell.rows.map((r) => ({ rad: r.line, celler: r.fields })),
  };
}

/** A read file: what it held, and the line for the file list. */
export interface Ekonomifil {
  readonly inlasning: Ekonomiinlasning;
  readonly beskrivning: string;
}

/** Reads one CSV file's table of kind `sort`. */
function lasCsvFil(t: Tabell, sort: Ekonomisort, findings: Findings): Ekonomifil | undefined {
  const inl = tomInlasning();
  const beskrivning = lasTabell(t, sort, inl, findings);
  return beskrivning === undefined ? undefined : { inlasning: inl, beskrivning };
}

/** The economy sheets of a workbook (a header among each sheet's first rows); the others are named in an info finding. */
function lasBlad(fil: string, blad: readonly Blad[], findings: Findings): Ekonomifil | undefined {
  const inl = tomInlasning();
  const delar: string[] = [];
  let ok = true;
  for (const b of blad) {
    const t = bladTabell(fil, b, (n) => ekonomisort(n) !== undefined);
    if (!t) {
      if (b.rader.length > 0) findings.info({ fil, regel: "ekonomi.blad_utan_tabell", meddelande: `bladet "${b.namn}" har ingen ekonomitabell och läses inte`, message: `sheet "${b.namn}" has no economy table and is not read` });
      continue;
    }
    const beskrivning = lasTabell(t, ekonomisort(rubriknycklar(t))!, inl, findings);
    if (beskrivning === undefined) ok = false;
    delar.push(`blad "${b.namn}": ${beskrivning ?? "fel"}`);
  }
  return ok ? { inlasning: inl, beskrivning: `Excel-arbetsbok; ${delar.join("; ")}` } : undefined;
}

/** Every file's tables as one collection. */
export function slaIhop(filer: readonly Ekonomiinlasning[]): Ekonomiinlasning {
  const inl = tomInlasning();
  for (const f of filer) {
    (inl.huvudbok as unknown[]).push(...f.huvudbok);
    (inl.budget as unknown[]).push(...f.budget);
    (inl.medel as unknown[]).push(...f.medel);
    (inl.rapporterat as unknown[]).push(...f.rapporterat);
  }
  return inl;
}

/** The economy computed from what was read: the tables (with the checks' findings) and the results. */
export function beraknaOchKontrollera(data: ReadonlyMap<string, Forbundsekonomi>, till: string | undefined, findings: Findings): { tabeller: Utdatatabell[]; resultat: Ekonomiresultat[] } {
  const resultat = beraknaEkonomi(data, till);
  for (const r of resultat) {
    kontrollera(r, findings);
    kontrolleraRapporterat(r, findings);
  }
  return { tabeller: ekonomiTabeller(resultat), resultat };
}

export const ekonomi: Kind<Ekonomifil, ReadonlyMap<string, Forbundsekonomi>, Ekonomiresultat[]> = {
  id: "ekonomi",
  namn: "huvudbok, budget och prognos, medelstilldelning och rapporterade ekonomitabeller (CSV eller .xlsx)",
  roll: "data",
  igenkanning: [
    {
      steg: "arbetsbok",
      async kanner(fil, ctx) {
        const bok = await lasArbetsbok(fil.bytes);
        if (!bok.ok || !bok.blad.some((b) => bladTabell(fil.fil, b, (n) => ekonomisort(n) !== undefined))) return undefined;
        const sorter = [...new Set(bok.blad.flatMap((b) => {
          const t = bladTabell(fil.fil, b, (n) => ekonomisort(n) !== undefined);
          return t ? [SORTNAMN[ekonomisort(rubriknycklar(t))!]] : [];
        }))];
        return { typ: sorter.join(", "), las: () => lasBlad(fil.fil, bok.blad, ctx.findings), beskriv: (d) => d?.beskrivning ?? "fel" };
      },
    },
    {
      steg: "rubrik",
      kanner: (rubrik, tabell, fil, ctx) => {
        const sort = ekonomisort(rubrik);
        return sort === undefined ? undefined : {
          typ: SORTNAMN[sort],
          las: () => lasCsvFil(tabellFranCsv(tabell, fil.fil), sort, ctx.findings),
          beskriv: (d) => d?.beskrivning ?? "fel",
        };
      },
    },
  ],
  slaSamman(data, ctx) {
    const inl = slaIhop(data.map((d) => d.inlasning));
    if (arTom(inl)) return new Map();
    const indelning = ctx.indata<Indelning>(forbundsindelning);
    if (!indelning) return undefined;
    return sammanfoga(inl, indelning, ctx.indata<Installningar>(installningar) ?? STANDARD, ctx.findings);
  },
  utdata: EKONOMI_SCHEMAN,
  berakna(data, ctx) {
    if (data.size > 0) ctx.progress("Beräknar ekonomin");
    return beraknaOchKontrollera(data, ctx.till, ctx.findings);
  },
  dokumentation: [
    { indata: "Huvudbok (ekonomiskt utfall)", kannsIgenPa: "kolumnerna konto, belopp (eller debet och kredit) och datum eller period", definition: "[Huvudbok (utfall)](#huvudbok-utfall) nedan, [definitioner/ekonomi.md](definitioner/ekonomi.md)" },
    { indata: "Budget och prognos", kannsIgenPa: "kolumnerna ID och årsbudget (eller `Årsbudget 2025`), utan datum", definition: "[Budget och prognos](#budget-och-prognos) nedan" },
    { indata: "Medelstilldelning", kannsIgenPa: "kolumnerna medlem och andel eller belopp", definition: "[Medelstilldelning](#medelstilldelning) nedan" },
    { indata: "Rapporterade ekonomitabeller", kannsIgenPa: "kolumnerna tabell, rad, kolumn och värde", definition: "[Rapporterade ekonomitabeller](#rapporterade-ekonomitabeller) nedan" },
  ],
};

// ---- For tests and tools that read economy files on their own ---------------------------------

/** A CSV file whose header `kannerIgen` recognised, read into `inl`. */
export function lasCsv(bytes: Uint8Array, fil: string, sort: Ekonomisort, inl: Ekonomiinlasning, findings: Findings): { typ: string; beskrivning: string } {
  const t = lasCsvTabell(bytes, fil, findings);
  const beskrivning = t ? lasTabell(t, sort, inl, findings) : undefined;
  return { typ: SORTNAMN[sort], beskrivning: beskrivning ?? "fel" };
}

/** A workbook's economy sheets read into `inl`; "okand" when no sheet holds one. */
export async function lasArbetsbokEkonomi(bytes: Uint8Array, fil: string, inl: Ekonomiinlasning, findings: Findings): Promise<{ typ: string; beskrivning: string } | "okand"> {
  const bok = await lasArbetsbok(bytes);
  if (!bok.ok) return "okand";
  const d = lasBlad(fil, bok.blad, findings);
  if (!d && !bok.blad.some((b) => bladTabell(fil, b, (n) => ekonomisort(n) !== undefined))) return "okand";
  if (d) {
    const ihop = slaIhop([inl, d.inlasning]);
    Object.assign(inl, ihop);
  }
  return { typ: "ekonomi", beskrivning: d?.beskrivning ?? "fel" };
}

/**
 * Every economy output from what the files held; undefined when the inputs have errors.
 * `till` is `finsam run --till`.
 */
export function ekonomiUtdata(
  inl: Ekonomiinlasning, indelning: Pick<Indelning, "medlemskap">, inst: Installningar, till: string | undefined, findings: Findings,
): { tabeller: Utdatatabell[]; resultat: Ekonomiresultat[] } | undefined {
  if (arTom(inl)) return beraknaOchKontrollera(new Map(), till, findings);
  const data = sammanfoga(inl, indelning, inst, findings);
  return data && beraknaOchKontrollera(data, till, findings);
}
