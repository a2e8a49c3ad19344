/**
 * Every economy table for every förbund: per year in the ledger up to the report date, the
 * driftsredovisning, resultaträkning, balansräkning (at the date and a year earlier),
 * kassaflödesanalys, noter and nyckeltal; per förbund the medelstilldelning, the long-term table
 * and eget kapital against the rules. Years before the report date's year are reported to their
 * 31 December, the report date's year to the report date.
 */
import { balansrakning, type Balans } from "./balansrakning.ts";
import { driftsredovisning, type DriftRad } from "./drift.ts";
import { egetKapitalRegler, type EkRegelrad } from "./egetkapital.ts";
import { kassaflode, type Kassaflode } from "./kassaflode.ts";
import { langsiktig, medelPerAr, type LangsiktigRad, type Medelsar } from "./langsiktig.ts";
import { noter, type NotRad } from "./noter.ts";
import { nyckeltal, type NyckeltalRad } from "./nyckeltal.ts";
import { byggRakenskap, type Rakenskap } from "./rakenskap.ts";
import { ettArTidigare, rapportdatum, type Rapportdatumkalla } from "./rapportdatum.ts";
import { resultatrakning, type RrRad } from "./resultatrakning.ts";
import type { Forbundsekonomi } from "./sammanfoga.ts";

export interface Arsresultat {
  readonly ar: number;
  readonly till: string;
  readonly drift: readonly DriftRad[];
  readonly rr: readonly RrRad[];
  readonly br: Balans | undefined;
  readonly jamforelsedatum: string;
  readonly brJamforelse: Balans | undefined;
  readonly kf: Kassaflode | undefined;
  readonly noter: readonly NotRad[];
  readonly nyckeltal: readonly NyckeltalRad[];
}

export interface Ekonomiresultat {
  readonly fe: Forbundsekonomi;
  readonly rakenskap: Rakenskap;
  readonly tillKalla: Rapportdatumkalla | undefined;
  /** The latest booking (for the message about the report date). */
  readonly senasteBokning: string | undefined;
  readonly ar: readonly Arsresultat[];
  readonly medel: readonly Medelsar[];
  readonly langsiktig: readonly LangsiktigRad[];
  readonly egetKapital: readonly EkRegelrad[];
}

export function beraknaForbund(fe: Forbundsekonomi, tillFlagga: string | undefined): Ekonomiresultat {
  const senaste = fe.bokningar.filter((b) => !b.ib).reduce<string | undefined>((m, b) => (m === undefined || b.datum > m ? b.datum : m), undefined);
  const rd = rapportdatum(tillFlagga, fe.inst.rapportdatum, senaste);
  const r = byggRakenskap(fe, rd?.datum);
  const ar: Arsresultat[] = [];
  if (rd !== undefined) {
    const tillAr = Number(rd.datum.slice(0, 4));
    const aren = new Set([...r.huvudbok.ar.values()].filter((a) => a.bokningar.length > 0).map((a) => a.ar));
    if (fe.budget.some((b) => b.ar === tillAr && b.id !== "totalt")) aren.add(tillAr);
    for (const y of [...aren].filter((y) => y <= tillAr).sort((a, b) => a - b)) {
      const till = y === tillAr ? rd.datum : `${y}-12-31`;
      const jamforelsedatum = ettArTidigare(till);
      ar.push({
        ar: y, till,
        drift: driftsredovisning(r, y, till),
        rr: resultatrakning(r, y, till),
        br: balansrakning(r, till),
        jamforelsedatum,
        brJamforelse: balansrakning(r, jamforelsedatum),
        kf: kassaflode(r, y, till),
        noter: noter(r, y, till),
        nyckeltal: nyckeltal(r, y, till),
      });
    }
  }
  return {
    fe, rakenskap: r, tillKalla: rd?.kalla, senasteBokning: senaste, ar,
    medel: medelPerAr(fe.medel),
    langsiktig: langsiktig(r),
    egetKapital: egetKapitalRegler(r),
  };
}

export function beraknaEkonomi(data: ReadonlyMap<string, Forbundsekonomi>, till: string | undefined): Ekonomiresultat[] {
  return [...data.values()].map((fe) => beraknaForbund(fe, till));
}
