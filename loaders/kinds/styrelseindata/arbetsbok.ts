/**
 * An xlsx workbook with the board's records: read once for both kinds (the activity log and the
 * goal table), and which sheets are whose.
 */
import type { Findings } from "../../validate/findings.ts";
import type { Indatafil } from "../indatafil.ts";
import { labelKey } from "../../normalise/labels.ts";
import { cellText, lasArbetsboksTabeller, Tabellfynd, type Arbetsboksresultat, type Tabell } from "./tabellfil.ts";
import { arAktivitetsrubrik } from "./personalinriktade/las.ts";
import { arMalrubrik } from "./mal/las.ts";

export type Styrelseslag = "personalinriktade" | "mal";

/** Which of the two kinds a header (label keys) is, if either. */
export function styrelseslag(keys: readonly string[]): Styrelseslag | undefined {
  return arAktivitetsrubrik(keys) ? "personalinriktade" : arMalrubrik(keys) ? "mal" : undefined;
}

export function slagFor(t: Tabell): Styrelseslag | undefined {
  return styrelseslag(t.rubrik.celler.map((c) => labelKey(cellText(c))));
}

/** Each workbook is read once, whichever kind asks first. */
const lasta = new WeakMap<Indatafil, { findings: Findings; svar: Promise<Arbetsboksresultat> }>();

function arbetsbok(fil: Indatafil, findings: Findings): Promise<Arbetsboksresultat> {
  let l = lasta.get(fil);
  if (!l || l.findings !== findings) {
    l = { findings, svar: lasArbetsboksTabeller(fil.bytes, fil.fil, findings, (keys) => styrelseslag(keys) !== undefined) };
    lasta.set(fil, l);
  }
  return l.svar;
}

/**
 * The sheets of `fil` that are `slag`, when the workbook holds any (undefined: the workbook is
 * not this kind's). Sheets of the other kind in the same workbook are an error (each kind is
 * read from its own file); sheets of neither get an info finding.
 */
export async function arbetsbokensTabeller(fil: Indatafil, findings: Findings, slag: Styrelseslag): Promise<{ tabeller: readonly Tabell[] } | "fel" | undefined> {
  const bok = await arbetsbok(fil, findings);
  if (bok.slag === "okand") return undefined;
  if (bok.slag === "fel") return "fel";
  const egna = bok.tabeller.filter((t) => slagFor(t) === slag);
  if (egna.length === 0) return undefined;
  for (const t of bok.tabeller.filter((x) => slagFor(x) !== slag)) {
    new Tabellfynd(t, findings).fel("xlsx.blandade_blad", t.rubrik.rad, undefined,
      `bladet är en ${slag === "mal" ? "aktivitetslogg" : "måltabell"}, men arbetsboken har också en ${slag === "mal" ? "måltabell" : "aktivitetslogg"}; lägg aktivitetsloggen och måltabellen i var sin fil`,
      "the workbook mixes an activity log and a goal table; put them in separate files");
  }
  for (const blad of bok.ovrigaBlad) {
    findings.info({
      fil: fil.fil, regel: "xlsx.blad_lases_inte",
      meddelande: `bladet "${blad}" läses inte (det har ingen rubrikrad för en aktivitetslogg eller en måltabell bland de första raderna)`,
      message: `sheet "${blad}" is not read (no activity log or goal table header)`,
    });
  }
  return { tabeller: egna };
}

