/**
 * Försörjningsmått per region, year and group (docs/definitioner/forsorjningsmatt.md):
 * - kostnad_kr: the group's payments in kr (tkr × 1000, exact);
 * - befolkning: inhabitants in the age band the source states (16-64, newer editions 16-65);
 * - per_invanare = kostnad_kr / befolkning, unrounded, recomputed at every level;
 * - förbund (membership in December), län and riket are sums of kommuner via summeraRegioner:
 *   cost and population are summed separately; SCB's own län and riket rows are kept;
 * - a year whose kommuner mix age bands gets no förbund, län or riket sums (a warning).
 */
import { summeraRegioner, NIVAER, type Kallvarde, type Niva } from "./regioner.ts";
import { GRUPPER, type Aldersgrupp, type ForsorjningsmattData, type Forsorjningsrad, type Grupp } from "../normalise/forsorjningsmatt.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";

export interface ForsorjningsmattUtrad {
  readonly niva: Niva;
  readonly kod: string;
  readonly namn: string;
  readonly ar: string;
  readonly grupp: Grupp;
  readonly kostnad_kr: number | null;
  readonly befolkning: number | null;
  readonly aldersgrupp: Aldersgrupp;
  readonly per_invanare: number | null;
}

const BEFOLKNING = "befolkning";

export function computeForsorjningsmatt(data: readonly ForsorjningsmattData[], indelning: Indelning, findings: Findings): ForsorjningsmattUtrad[] {
  if (data.length === 0) return [];
  // Several files are read as one; a region and year given in two files is an error.
  const rader = new Map<string, { rad: Forsorjningsrad; fil: string }>();
  for (const d of data) {
    for (const r of d.rader) {
      const key = `${r.niva}|${r.kod}|${r.ar}`;
      const forst = rader.get(key);
      if (forst) {
        findings.fel({
          fil: d.fil, rad: r.rad, regel: "forsorjningsmatt.dubblett_filer",
          meddelande: `${r.plats}: ${r.niva} ${r.kod} ${r.ar} finns också i ${forst.fil} (${forst.rad.plats}); förväntat varje region och år i en fil`,
          message: `region and year also given in ${forst.fil}`,
        });
        continue;
      }
      rader.set(key, { rad: r, fil: d.fil });
    }
  }
  const fil = data.map((d) => d.fil).join(", ");

  // Age bands per year among the kommuner: a mixed year is not summed.
  const band = new Map<string, Map<Aldersgrupp, string[]>>();
  for (const { rad } of rader.values()) {
    if (rad.niva !== "kommun") continue;
    let m = band.get(rad.ar);
    if (!m) band.set(rad.ar, (m = new Map()));
    let l = m.get(rad.aldersgrupp);
    if (!l) m.set(rad.aldersgrupp, (l = []));
    l.push(rad.kod);
  }
  const blandade = new Set<string>();
  for (const [ar, m] of [...band].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (m.size < 2) continue;
    blandade.add(ar);
    const delar = [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([b, k]) => `${b} år: ${k.sort().join(", ")}`).join("; ");
    findings.varning({
      fil, regel: "forsorjningsmatt.blandade_aldersgrupper",
      meddelande: `${ar}: kommunernas uppgifter avser olika åldersgrupper (${delar}); förbund, län och riket summeras inte för det året`,
      message: `${ar}: the kommuner's figures are for different age bands; förbund, län and riket are not summed for that year`,
    });
  }

  const kallvarden: Kallvarde[] = [];
  const franFil = new Map<string, Aldersgrupp>();
  for (const { rad } of rader.values()) {
    if (rad.niva !== "kommun") franFil.set(`${rad.niva}|${rad.kod}|${rad.ar}`, rad.aldersgrupp);
    for (const g of GRUPPER) kallvarden.push({ niva: rad.niva, kod: rad.kod, tid: rad.ar, grupp: g, varde: rad.kostnad[g] });
    kallvarden.push({ niva: rad.niva, kod: rad.kod, tid: rad.ar, grupp: BEFOLKNING, varde: rad.befolkning });
  }
  const summerat = summeraRegioner(kallvarden, indelning, fil, "forsorjningsmatt", findings);

  const ut = new Map<string, { niva: Niva; kod: string; namn: string; ar: string; varden: Map<string, number | null> }>();
  for (const v of summerat) {
    const key = `${v.niva}|${v.kod}|${v.tid}`;
    let r = ut.get(key);
    if (!r) ut.set(key, (r = { niva: v.niva, kod: v.kod, namn: v.namn, ar: v.tid, varden: new Map() }));
    r.varden.set(v.grupp, v.varde);
  }
  const rows: ForsorjningsmattUtrad[] = [];
  for (const [key, r] of ut) {
    let aldersgrupp: Aldersgrupp | undefined;
    if (r.niva === "kommun") aldersgrupp = rader.get(key)!.rad.aldersgrupp;
    else if (franFil.has(key)) aldersgrupp = franFil.get(key);
    else if (!blandade.has(r.ar)) aldersgrupp = [...(band.get(r.ar)?.keys() ?? [])][0];
    if (aldersgrupp === undefined) continue; // a sum over mixed age bands
    const befolkning = r.varden.get(BEFOLKNING) ?? null;
    for (const grupp of GRUPPER) {
      const kostnad = r.varden.get(grupp) ?? null;
      rows.push({
        niva: r.niva, kod: r.kod, namn: r.namn, ar: r.ar, grupp, kostnad_kr: kostnad, befolkning, aldersgrupp,
        per_invanare: kostnad !== null && befolkning !== null && befolkning > 0 ? kostnad / befolkning : null,
      });
    }
  }
  return rows.sort(jamfor);
}

const NIVA_ORDNING = new Map(NIVAER.map((n, i) => [n, i]));
const GRUPP_ORDNING = new Map(GRUPPER.map((g, i) => [g, i]));

function jamfor(a: ForsorjningsmattUtrad, b: ForsorjningsmattUtrad): number {
  return NIVA_ORDNING.get(a.niva)! - NIVA_ORDNING.get(b.niva)! || cmp(a.kod, b.kod) || cmp(a.ar, b.ar) || GRUPP_ORDNING.get(a.grupp)! - GRUPP_ORDNING.get(b.grupp)!;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
