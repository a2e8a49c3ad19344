/**
 * The export date: the day the participant records were taken out of the team's system (the
 * settings' `exportdatum`, else the day of the run). Nothing can have happened after it, so a
 * later date is a typing error (an end date typed as 2031 would otherwise publish finished
 * periods up to 2030); and a period is published once it has ended by that day, however long
 * before it the last event in the records is (an export made in January whose last event is
 * in December publishes the year just ended).
 */
import { manadAv, senastePeriodslut, sistaDag, type Datum } from "../normalise/datum.ts";
import type { Deltagande } from "../normalise/deltagare.ts";
import type { RapporteratUtfall } from "../normalise/utfall.ts";
import type { Installningar } from "../reference/installningar.ts";
import { Begransning, type Findings } from "./findings.ts";

/** The settings' export date, or today; a stated date after today is an error (and today is used). */
export function valjExportdatum(inst: Installningar, dag: Datum, findings: Findings): Exportdag {
  if (inst.exportdatum === undefined) return { exportdatum: dag, angivet: false };
  if (inst.exportdatum > dag) {
    const p = inst.exportdatumPlats;
    findings.fel({
      fil: p?.fil ?? "inställningar", ...(p?.plats ? { rad: p.plats.line, kolumn: p.plats.column } : {}), falt: "finsam.exportdatum", varde: inst.exportdatum,
      regel: "installningar.exportdatum",
      meddelande: `exportdatum ${inst.exportdatum} är efter dagens datum ${dag}; förväntat dagen då deltagaruppgifterna togs ut`,
      message: "the export date is after today",
    });
    return { exportdatum: dag, angivet: false };
  }
  return { exportdatum: inst.exportdatum, angivet: true };
}

const MAX_PER_FIL = 25;

export interface Exportdag {
  readonly exportdatum: Datum;
  /** Stated in the settings (else it is today). */
  readonly angivet: boolean;
}

const kalla = ({ exportdatum, angivet }: Exportdag) =>
  angivet ? `exportdatum ${exportdatum} i inställningarna` : `dagens datum ${exportdatum} (inget exportdatum i inställningarna)`;

/** Capped per file and rule: at most 25, then one finding that says how many more. */
function begransning(findings: Findings) {
  const per = new Map<string, Begransning>();
  return {
    rapportera: (fil: string, regel: string) => {
      const b = per.get(fil) ?? new Begransning(MAX_PER_FIL);
      per.set(fil, b);
      return b.rapportera(regel);
    },
    sammanfatta: () => {
      for (const [f, b] of per) b.sammanfatta(findings, f, () => "fel");
    },
  };
}

/**
 * Participations: a start or end date after the export date is an error. Participations that
 * start after the last period ended by the export date are counted in no published period
 * yet: an info per file says how many, at the first of them.
 */
export function kontrolleraDeltagarnasDatum(deltagare: readonly Deltagande[], dag: Exportdag, findings: Findings): void {
  const { exportdatum } = dag;
  const b = begransning(findings);
  const sista = senastePeriodslut(exportdatum);
  const efterSista = new Map<string, { antal: number; forsta: number }>();
  for (const d of deltagare) {
    for (const [falt, datum, kolumn] of [["startdatum", d.start, d.startKolumn], ["slutdatum", d.slut, d.slutKolumn]] as const) {
      if (datum === undefined || datum <= exportdatum || !b.rapportera(d.fil, "deltagare.efter_export")) continue;
      findings.fel({
        fil: d.fil, rad: d.rad, ...(kolumn !== undefined ? { kolumn } : {}), falt, varde: datum, regel: "deltagare.efter_export",
        meddelande: `${falt} ${datum} är efter exportdagen, ${kalla(dag)}; ett datum kan inte ligga efter uttaget (felskrivet år?)`,
        message: `${falt} after the export date ${exportdatum}`,
      });
    }
    if (d.start > sistaDag(sista)) {
      const e = efterSista.get(d.fil) ?? { antal: 0, forsta: d.rad };
      e.antal++;
      efterSista.set(d.fil, e);
    }
  }
  b.sammanfatta();
  for (const [f, e] of efterSista) {
    findings.info({
      fil: f, rad: e.forsta, regel: "deltagare.efter_sista_period",
      meddelande: `${e.antal} deltagande(n) började efter den sista hela perioden (som slutar ${sista}) och räknas först när en period som omfattar dem har tagit slut`,
      message: `${e.antal} participation(s) started after the last complete period (${sista}); they are counted once a period containing them has ended`,
    });
  }
}

/** Reported tables: a period that ends after the export month is an error. */
export function kontrolleraUtfallensPerioder(utfall: readonly RapporteratUtfall[], dag: Exportdag, findings: Findings): void {
  const b = begransning(findings);
  for (const u of utfall) {
    if (u.till <= manadAv(dag.exportdatum) || !b.rapportera(u.fil, "utfall.efter_export")) continue;
    findings.fel({
      fil: u.fil, rad: u.rad, ...(u.periodKolumn !== undefined ? { kolumn: u.periodKolumn } : {}), varde: `${u.fran}–${u.till}`, regel: "utfall.efter_export",
      meddelande: `perioden ${u.fran}–${u.till} slutar efter exportdagen, ${kalla(dag)}; förväntat en period som har tagit slut`,
      message: `the period ends after the export date ${dag.exportdatum}`,
    });
  }
  b.sammanfatta();
}
