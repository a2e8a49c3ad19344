/**
 * The board's own records as inputs: the activity log (personalinriktade insatser) and the
 * verksamhetsplan's goals. This is what the pipeline calls: which kind a CSV header is, reading
 * a CSV or an xlsx workbook of these kinds, and the outputs once every other output exists (the
 * goals are measured on the published tables).
 */
import type { Datum } from "../normalise/datum.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Installningar } from "../reference/installningar.ts";
import type { Findings } from "../validate/findings.ts";
import { forbundstolkare } from "./forbund.ts";
import { lasArbetsboksTabeller, lasCsvTabell, type Tabell } from "./tabellfil.ts";
import { labelKey } from "../normalise/labels.ts";
import { cellText } from "./tabellfil.ts";
import { personalinriktade } from "./personalinriktade/index.ts";
import { mal } from "./mal/index.ts";
import type { Aktivitetsfil } from "./personalinriktade/las.ts";
import type { Malfil } from "./mal/las.ts";

export const STYRELSESLAG = [personalinriktade, mal] as const;
export type Styrelseslag = (typeof STYRELSESLAG)[number]["id"];

export interface Styrelseindata {
  readonly personalinriktade: Aktivitetsfil[];
  readonly mal: Malfil[];
}

export function tomStyrelseindata(): Styrelseindata {
  return { personalinriktade: [], mal: [] };
}

export function harStyrelseindata(d: Styrelseindata): boolean {
  return d.personalinriktade.length > 0 || d.mal.length > 0;
}

/** The kind a CSV header (as label keys) is, if it is one of these. */
export function styrelseslag(headerKeys: readonly string[]): Styrelseslag | undefined {
  return STYRELSESLAG.find((s) => s.kannIgen(headerKeys))?.id;
}

export interface Lasresultat {
  readonly typ: string;
  readonly beskrivning: string;
}

function laggTill(data: Styrelseindata, tabeller: readonly Tabell[], findings: Findings, idag: Datum | undefined): Lasresultat[] {
  const ut: Lasresultat[] = [];
  const akt = tabeller.filter((t) => personalinriktade.kannIgen(rubrikKeys(t)));
  const goals = tabeller.filter((t) => !akt.includes(t));
  if (akt.length > 0) {
    const f = personalinriktade.las(akt, findings, idag);
    if (f) data.personalinriktade.push(f);
    ut.push({ typ: personalinriktade.typ, beskrivning: f ? personalinriktade.beskriv(f) : "fel" });
  }
  if (goals.length > 0) {
    const f = mal.las(goals, findings);
    if (f) data.mal.push(f);
    ut.push({ typ: mal.typ, beskrivning: f ? mal.beskriv(f) : "fel" });
  }
  return ut;
}

function rubrikKeys(t: Tabell): string[] {
  return t.rubrik.celler.map((c) => labelKey(cellText(c)));
}

/** Reads a CSV file that `styrelseslag` recognised, into `data`. */
export function lasStyrelseCsv(bytes: Uint8Array, fil: string, data: Styrelseindata, findings: Findings, idag?: Datum): Lasresultat {
  const t = lasCsvTabell(bytes, fil, findings, "en CSV-fil med en aktivitetslogg eller en måltabell");
  if (!t) return { typ: "oläslig", beskrivning: "kunde inte läsas" };
  return laggTill(data, [t], findings, idag)[0]!;
}

/**
 * Reads an xlsx workbook into `data` when a sheet holds an activity log or a goal table (other
 * sheets get an info finding); undefined when the workbook is not of these kinds.
 */
export async function lasStyrelsearbetsbok(bytes: Uint8Array, fil: string, data: Styrelseindata, findings: Findings, idag?: Datum): Promise<Lasresultat | undefined> {
  const bok = await lasArbetsboksTabeller(bytes, fil, findings, (keys) => styrelseslag(keys) !== undefined);
  if (bok.slag === "okand") return undefined;
  if (bok.slag === "fel") return { typ: "oläslig", beskrivning: "kunde inte läsas" };
  for (const blad of bok.ovrigaBlad) {
    findings.info({
      fil, regel: "xlsx.blad_lases_inte",
      meddelande: `bladet "${blad}" läses inte (det har ingen rubrikrad för en aktivitetslogg eller en måltabell bland de första raderna)`,
      message: `sheet "${blad}" is not read (no activity log or goal table header)`,
    });
  }
  const lasta = laggTill(data, bok.tabeller, findings, idag);
  return { typ: lasta.map((l) => l.typ).join(", "), beskrivning: `Excel-arbetsbok, ${lasta.map((l) => l.beskrivning).join(", ")}` };
}

export interface Styrelsesammanhang {
  readonly indelning: Indelning;
  readonly installningar: Installningar;
  /** Every other output of the run, for the measurable goals ("all statistik könsuppdelad"). */
  readonly publicerade: ReadonlyMap<string, string>;
}

/** The five outputs (each with only its header when its input is absent). */
export function styrelseindataFiler(data: Styrelseindata, ctx: Styrelsesammanhang, findings: Findings): Map<string, string> {
  const forbund = forbundstolkare(ctx.indelning, ctx.installningar);
  const aktiviteter = data.personalinriktade.length > 0 ? personalinriktade.berakna(data.personalinriktade, forbund, findings) : undefined;
  const ut = personalinriktade.utdata(aktiviteter);
  const publicerade = new Map([...ctx.publicerade, ...ut]);
  const rapport = data.mal.length > 0
    ? mal.berakna(data.mal, forbund, { aktiviteter: data.personalinriktade.length > 0 ? aktiviteter?.aktiviteter ?? [] : undefined, publicerade }, findings)
    : undefined;
  for (const [namn, text] of mal.utdata(rapport)) ut.set(namn, text);
  return ut;
}
