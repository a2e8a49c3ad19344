/**
 * Försörjningsmått per region, year and group, on the cube (docs/definitioner/forsorjningsmatt.md):
 * - kostnad_kr: the group's payments in kr (tkr × 1000, exact);
 * - befolkning: inhabitants in the age band the source states (16-64, newer editions 16-65);
 * - per_invanare = kostnad_kr / befolkning, unrounded, recomputed at every level (`kvot`);
 * - förbund (membership in December), län and riket are sums of kommuner (`summeraRegioner`):
 *   cost and population are summed separately; SCB's own län and riket rows are kept;
 * - a year whose kommuner mix age bands gets no förbund, län or riket sums (a warning).
 * Several files are one cube (`kub/sammanfoga.ts`); a region and year in two files is an error.
 */
import type { ColumnTable } from "arquero";
import { GRUPPER, type Aldersgrupp, type ForsorjningsmattData, type Grupp } from "../normalise/forsorjningsmatt.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import { BERAKNAS_INTE } from "../read/tal.ts";
import { KubBygge, NIVA, NIVAER, TAL, UTAN_CELL, koder, type Kub } from "../kub/kub.ts";
import { sammanfoga, type Kubfil } from "../kub/sammanfoga.ts";
import { summeraRegioner } from "../kub/verb/summeraRegioner.ts";
import { kvot, syskon } from "../kub/verb/andel.ts";
import { lang, regionnamn } from "../kub/verb/lang.ts";

export const FORSORJNINGSMATT_KOLUMNER = [
  "niva", "kod", "namn", "ar", "grupp", "kostnad_kr", "befolkning", "aldersgrupp", "per_invanare",
] as const;

const BEFOLKNING = "befolkning";
const MATT = [...GRUPPER, BEFOLKNING] as const;

/** One file's rows as a cube: `niva`, `kod`, `matt` (the four groups and befolkning) by year. */
export function forsorjningsKub(d: ForsorjningsmattData): Kubfil & { aldersgrupp: Map<number, Aldersgrupp> } {
  const b = new KubBygge(["niva", "kod", "matt"], [NIVAER, [], MATT], true);
  const buf = new Int32Array(3);
  const aldersgrupp = new Map<number, Aldersgrupp>();
  const perioder = [...new Set(d.rader.map((r) => r.ar))].sort();
  for (const p of perioder) b.period(p);
  for (const r of d.rader) {
    buf[0] = NIVA[r.niva];
    buf[1] = b.kod(1, r.kod);
    const p = b.period(r.ar);
    aldersgrupp.set(buf[1] * 10_000 + Number(r.ar), r.aldersgrupp);
    MATT.forEach((m, i) => {
      buf[2] = i;
      const s = b.serie(buf);
      const v = m === BEFOLKNING ? r.befolkning : r.kostnad[m as Grupp];
      b.satt(s, p, v ?? Number.NaN, v === null ? BERAKNAS_INTE : TAL);
      b.plats(s, p, r.rad, 0);
    });
  }
  const { kub, rad, kolumn } = b.byggMedPlats();
  // The age bands by the built cube's codes (the builder's codes are the cube's).
  return { fil: d.fil, kub, rad, kolumn, aldersgrupp };
}

export function computeForsorjningsmatt(data: readonly ForsorjningsmattData[], ind: Indelning, findings: Findings): ColumnTable | undefined {
  if (data.length === 0) return undefined;
  const kubar = data.map(forsorjningsKub);
  const merged = sammanfoga(kubar, "forsorjningsmatt", findings);
  if (!merged) return undefined;
  const fil = data.map((d) => d.fil).join(", ");
  // The age band of each file's region and year, by region code text.
  const band = new Map<string, Aldersgrupp>();
  for (const k of kubar) {
    for (const [nyckel, a] of k.aldersgrupp) band.set(`${k.kub.ordbok[1]![Math.floor(nyckel / 10_000)]}\u0000${nyckel % 10_000}`, a);
  }
  const bandAv = (kod: string, ar: string) => band.get(`${kod}\u0000${Number(ar)}`);
  const mk = merged.kub;

  // Age bands per year among the kommuner: a mixed year is not summed.
  const perAr = new Map<string, Map<Aldersgrupp, string[]>>();
  const niva = koder(mk, 0);
  const kod = koder(mk, 1);
  const matt = koder(mk, 2);
  const befolkningKod = mk.ordbok[2]!.indexOf(BEFOLKNING);
  for (let s = 0; s < mk.antal; s++) {
    if (niva[s] !== NIVA.kommun || matt[s] !== befolkningKod) continue;
    mk.perioder.forEach((ar, p) => {
      if (mk.saknas[p]![s] === UTAN_CELL) return;
      const k = mk.ordbok[1]![kod[s]!]!;
      const a = bandAv(k, ar)!;
      let m = perAr.get(ar);
      if (!m) perAr.set(ar, (m = new Map()));
      let l = m.get(a);
      if (!l) m.set(a, (l = []));
      l.push(k);
    });
  }
  const blandade = new Set<string>();
  for (const [ar, m] of [...perAr].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (m.size < 2) continue;
    blandade.add(ar);
    const delar = [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([b, k]) => `${b} år: ${k.sort().join(", ")}`).join("; ");
    findings.varning({
      fil, regel: "forsorjningsmatt.blandade_aldersgrupper",
      meddelande: `${ar}: kommunernas uppgifter avser olika åldersgrupper (${delar}); förbund, län och riket summeras inte för det året`,
      message: `${ar}: the kommuner's figures are for different age bands; förbund, län and riket are not summed for that year`,
    });
  }

  const kub = summeraRegioner(mk, ind, { fil, regel: "forsorjningsmatt" }, findings);
  const befolkning = syskon(kub, "matt", BEFOLKNING);
  const perInvanare = kvot(kub, befolkning);
  const rNiva = koder(kub, 0);
  const rKod = koder(kub, 1);
  const rMatt = koder(kub, 2);
  const gruppOrdning = kub.ordbok[2]!.map((m) => GRUPPER.indexOf(m as Grupp));
  // A region and year is a row per group when any of its values exists (as in the file).
  const finns = regionerMedVarde(kub);
  const aldersgrupp = (s: number, p: number): string | undefined => {
    const k = kub.ordbok[1]![rKod[s]!]!;
    const ar = kub.perioder[p]!;
    if (rNiva[s] === NIVA.kommun) return bandAv(k, ar);
    // SCB's own län and riket rows carry their band; förbund and computed sums the year's.
    const egen = bandAv(k, ar);
    if (egen !== undefined) return egen;
    if (blandade.has(ar)) return undefined;
    return [...(perAr.get(ar)?.keys() ?? [])][0];
  };
  return lang(kub, {
    kolumner: [
      { namn: "niva", slag: "niva" }, { namn: "kod", slag: "kod" }, { namn: "namn", slag: "namn" }, { namn: "ar", slag: "period" },
      { namn: "grupp", slag: "dim", dimension: "matt" }, { namn: "kostnad_kr", slag: "varde", kub },
      { namn: "befolkning", slag: "varde", kub: befolkning }, { namn: "aldersgrupp", slag: "text", text: (s, p) => aldersgrupp(s, p) ?? "" },
      { namn: "per_invanare", slag: "varde", kub: perInvanare },
    ],
    serier: (s) => gruppOrdning[rMatt[s]!]! >= 0,
    jamfor: (a, b) => gruppOrdning[rMatt[a]!]! - gruppOrdning[rMatt[b]!]!,
    rad: (s, p) => finns(s, p) && aldersgrupp(s, p) !== undefined,
  }, regionnamn(ind));
}

/** Whether the region of series `s` has any value (any matt) in period `p`. */
function regionerMedVarde(kub: Kub): (s: number, p: number) => boolean {
  const niva = koder(kub, 0);
  const kod = koder(kub, 1);
  const K = kub.ordbok[1]!.length;
  const har = kub.perioder.map(() => new Uint8Array(4 * K));
  for (let s = 0; s < kub.antal; s++) {
    for (let p = 0; p < kub.perioder.length; p++) if (kub.saknas[p]![s] !== UTAN_CELL) har[p]![niva[s]! * K + kod[s]!] = 1;
  }
  return (s, p) => har[p]![niva[s]! * K + kod[s]!] === 1;
}
