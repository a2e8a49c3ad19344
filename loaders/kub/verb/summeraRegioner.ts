/**
 * Sum to regions: kommun values to förbund, län and riket, for every SCB count (helårsekvivalenter,
 * BAS, population, försörjningsmått). The one rule, written in docs/definitioner/regioner.md:
 *
 * - kommun: the file's value, unchanged;
 * - förbund: the sum of the kommuner that are members in that period (a month `YYYY-MM`, or for
 *   a year `YYYY` the membership valid in December); a value only when every member has one; a
 *   förbund with a member kommun absent from the data is not computed (a warning);
 * - län and riket: SCB's own rows in the file for the periods the file has them (SCB's noise
 *   means the sum of kommuner can differ); for other periods the sum of all the län's kommuner
 *   (all 290 for riket), computed only when every one of them is in the data;
 * - every group (the other dimensions: kön, ålder, status …) is summed for itself; a total in
 *   the file (kön `alla`) is summed like any group, never rebuilt from its parts.
 *
 * The series are grouped with arquero (`groupby` over the dimension columns: a group id per
 * series, no key strings); the sums run over the period columns, thousands of series wide.
 */
import { giltig, type Indelning } from "../../reference/indelning.ts";
import type { Findings } from "../../validate/findings.ts";
import { BERAKNAS_INTE } from "../../read/tal.ts";
import { KubBygge, NIVA, TAL, UTAN_CELL, koder, varden, type Kub } from "../kub.ts";

/** The month whose membership applies to a period: the month itself, or December of a year. */
export function medlemsmanad(tid: string): string {
  return tid.length === 4 ? `${tid}-12` : tid.slice(0, 7);
}

export interface Regionsummering {
  /** File name(s) for the findings. */
  readonly fil: string;
  /** Rule id prefix, e.g. `he`, `bas`. */
  readonly regel: string;
}

export function summeraRegioner(kub: Kub, ind: Indelning, s: Regionsummering, findings: Findings): Kub {
  const { fil, regel } = s;
  const N = kub.antal;
  const P = kub.perioder.length;
  const niva = koder(kub, 0);
  const kod = koder(kub, 1);
  const kodText = kub.ordbok[1]!;
  const dimNamn = kub.dimensioner.slice(2);
  // A group id per series over the other dimensions.
  const grupper = dimNamn.length > 0 ? kub.tabell.groupby(...dimNamn).groups() : undefined;
  const G = grupper ? grupper.size : 1;
  const gruppAv = (i: number): number => (grupper ? grupper.keys[i]! : 0);
  const gruppSerie = new Int32Array(G).fill(-1);
  for (let i = 0; i < N; i++) if (gruppSerie[gruppAv(i)]! < 0) gruppSerie[gruppAv(i)] = i;

  // Kommun series by group and kommun; the file's own län and riket series by group and code.
  const kommunNr = new Map<string, number>();
  for (let i = 0; i < N; i++) if (niva[i] === NIVA.kommun && !kommunNr.has(kodText[kod[i]!]!)) kommunNr.set(kodText[kod[i]!]!, kommunNr.size);
  const K = kommunNr.size;
  const kommunSerie = new Int32Array(G * K).fill(-1);
  const egna = new Map<string, Int32Array>();
  for (let i = 0; i < N; i++) {
    const k = kodText[kod[i]!]!;
    if (niva[i] === NIVA.kommun) kommunSerie[gruppAv(i) * K + kommunNr.get(k)!] = i;
    else {
      const nyckel = niva[i] === NIVA.lan ? `lan ${k}` : "riket";
      let a = egna.get(nyckel);
      if (!a) egna.set(nyckel, (a = new Int32Array(G).fill(-1)));
      a[gruppAv(i)] = i;
    }
  }
  const kolumner = kub.perioder.map((_, p) => varden(kub, p));

  // Room for the kommun series and one series per group for each förbund, län and riket.
  const ut = new KubBygge(kub.dimensioner, kub.ordbok, false, N + G * (new Set(ind.medlemskap.map((m) => m.forbund)).size + ind.lan.size + 1));
  const utPerioder = kub.perioder.map((p) => ut.period(p));
  const buf = new Int32Array(kub.dimensioner.length);
  const dimkoder = kub.dimensioner.map((_, d) => koder(kub, d));
  /** Copies series `fran` as they are: the series made first, then the values period by period (each column read in order). */
  const kopiera = (fran: readonly number[]) => {
    const till = fran.map((i) => {
      for (let d = 0; d < buf.length; d++) buf[d] = dimkoder[d]![i]!;
      return ut.serie(buf);
    });
    // Consecutive series to consecutive series (the kommuner, read in a row): copied as blocks.
    const n = fran.length;
    let iFoljd = n > 0;
    for (let j = 1; j < n && iFoljd; j++) iFoljd = fran[j] === fran[0]! + j && till[j] === till[0]! + j;
    for (let p = 0; p < P; p++) {
      const kol = kolumner[p]!;
      const sak = kub.saknas[p]!;
      const utKol = ut.kolumn(utPerioder[p]!);
      const utSak = ut.saknasKolumn(utPerioder[p]!);
      if (iFoljd) {
        utKol.set(kol.subarray(fran[0]!, fran[0]! + n), till[0]!);
        utSak.set(sak.subarray(fran[0]!, fran[0]! + n), till[0]!);
      } else {
        for (let j = 0; j < n; j++) {
          utKol[till[j]!] = kol[fran[j]!]!;
          utSak[till[j]!] = sak[fran[j]!]!;
        }
      }
    }
  };
  // Kommun series first, as they are.
  const kommunserier: number[] = [];
  for (let i = 0; i < N; i++) if (niva[i] === NIVA.kommun) kommunserier.push(i);
  kopiera(kommunserier);

  const summor = new Float64Array(G);
  const antal = new Int32Array(G);
  const finns = new Uint8Array(G);
  /**
   * Sums the members (per period its kommun codes; absent members only count) of each group into
   * region `rkod`, except in the periods marked 1 in `utom`. Members and exceptions are data, not
   * functions: the same call then serves förbund, län and riket without V8 throwing its optimised
   * code away at the first region of another kind.
   */
  const summera = (rniva: number, rkod: string, medlemmar: readonly (readonly string[])[], utom: Uint8Array) => {
    const kodNr = ut.kod(1, rkod);
    // The region's series per group, made when first needed (the same series for every period).
    const serie = new Int32Array(G).fill(-1);
    // The members' kommun numbers, looked up again only when the list of members changes.
    let forraM: readonly string[] | undefined;
    let nr = new Int32Array(0);
    for (let p = 0; p < P; p++) {
      if (utom[p] === 1) continue;
      const m = medlemmar[p]!;
      if (m.length === 0) continue;
      if (m !== forraM) {
        const x: number[] = [];
        for (const k of m) { const i = kommunNr.get(k); if (i !== undefined) x.push(i); }
        nr = Int32Array.from(x);
        forraM = m;
      }
      summeraGrupper(kolumner[p]!, kub.saknas[p]!, kommunSerie, K, nr, summor, antal, finns);
      for (let g = 0; g < G; g++) {
        if (finns[g] === 0) continue;
        const summa = summor[g]!;
        const n = antal[g]!;
        let t = serie[g]!;
        if (t < 0) {
          const forsta = gruppSerie[g]!;
          for (let d = 2; d < buf.length; d++) buf[d] = dimkoder[d]![forsta]!;
          buf[0] = rniva;
          buf[1] = kodNr;
          t = serie[g] = ut.serie(buf);
        }
        // A sum that lacks a part is missing, not smaller (never rounded down to what is there).
        if (n === m.length) ut.satt(t, utPerioder[p]!, summa, TAL);
        else ut.satt(t, utPerioder[p]!, Number.NaN, BERAKNAS_INTE);
      }
    }
  };

  // Förbund.
  const ingaPerioder = new Uint8Array(P);
  const kommuner = new Set(kommunNr.keys());
  const forbund = new Map<string, string>();
  for (const m of ind.medlemskap) forbund.set(m.forbund, m.forbundNamn);
  for (const [id, namn] of [...forbund].sort(([a], [b]) => cmp(a, b))) {
    const medlemskap = ind.medlemskap.filter((m) => m.forbund === id);
    if (!medlemskap.some((m) => kommuner.has(m.kommunkod))) continue;
    const saknas = medlemskap.filter((m) => !kommuner.has(m.kommunkod) && kub.perioder.some((t) => giltig(m, medlemsmanad(t))));
    if (saknas.length > 0) {
      findings.varning({
        fil, regel: `${regel}.forbund_ofullstandigt`,
        meddelande: `${namn} beräknas inte: medlemskommun ${[...new Set(saknas.map((m) => m.kommunkod))].join(", ")} finns inte i filen`,
        message: `förbund ${id} not computed: member kommun(er) missing from the file`,
      });
      continue;
    }
    const perPeriod = kub.perioder.map((t) => medlemskap.filter((m) => giltig(m, medlemsmanad(t))).map((m) => m.kommunkod));
    summera(NIVA.forbund, id, perPeriod, ingaPerioder);
  }

  // Län: SCB's own rows for their periods, otherwise the sum of all the län's kommuner.
  const lanKoder = new Set<string>();
  for (const k of kommuner) { const l = ind.kommuner.get(k)?.lan; if (l !== undefined) lanKoder.add(l); }
  for (const nyckel of egna.keys()) if (nyckel.startsWith("lan ")) lanKoder.add(nyckel.slice(4));
  /** The periods (1) in which any of the `serier` (SCB's own rows of a region) has a cell. */
  const egnaPerioder = (serier: Int32Array | undefined): Uint8Array => {
    const s = new Uint8Array(P);
    if (!serier) return s;
    for (let p = 0; p < P; p++) for (let g = 0; g < G; g++) { const i = serier[g]!; if (i >= 0 && kub.saknas[p]![i] !== UTAN_CELL) { s[p] = 1; break; } }
    return s;
  };
  const alla = (perioder: Uint8Array): boolean => perioder.every((x) => x === 1);
  for (const lan of [...lanKoder].sort()) {
    const namn = ind.lan.get(lan) ?? lan;
    const egnaSerier = egna.get(`lan ${lan}`);
    if (egnaSerier) kopiera([...egnaSerier].filter((i) => i >= 0));
    const egnaTider = egnaPerioder(egnaSerier);
    if (alla(egnaTider)) continue;
    const medlemmar = [...ind.kommuner.values()].filter((k) => k.lan === lan).map((k) => k.kod);
    const saknas = medlemmar.filter((k) => !kommuner.has(k));
    if (saknas.length > 0) {
      if (egnaSerier) continue; // SCB's own rows for some periods; the others cannot be summed
      findings.info({
        fil, regel: `${regel}.lan_ofullstandigt`,
        meddelande: `${namn} beräknas inte: ${saknas.length} av länets ${medlemmar.length} kommuner finns inte i filen`,
        message: `county ${lan} not computed: kommuner missing from the file`,
      });
      continue;
    }
    summera(NIVA.lan, lan, new Array<readonly string[]>(P).fill(medlemmar), egnaTider);
  }

  // Riket: SCB's own rows for their periods, otherwise the sum of all 290 kommuner.
  const riket = egna.get("riket");
  if (riket) kopiera([...riket].filter((i) => i >= 0));
  const riketTider = egnaPerioder(riket);
  if (alla(riketTider)) {
    // SCB's riket for every period
  } else if (K === ind.kommuner.size) {
    summera(NIVA.riket, "00", new Array<readonly string[]>(P).fill([...ind.kommuner.keys()]), riketTider);
  } else if (K > 0 && !riket) {
    findings.info({
      fil, regel: `${regel}.riket_saknas`,
      meddelande: "riket finns inte i filen och beräknas inte (alla 290 kommuner behövs)",
      message: "riket is not in the file and is not computed (all 290 kommuner needed)",
    });
  }
  return ut.bygg();
}

/**
 * One period's sums of the members `nr` (kommun numbers) in every group `g`: `summor[g]` the sum
 * of their numbers (in the members' order), `antal[g]` how many had one, `finns[g]` 1 when any
 * member has a cell at all (a number or a missing value). Its own small function, optimised once
 * for every region and period (as a closure's inner loop it ran unoptimised for a while at the
 * start of each kind of region).
 */
function summeraGrupper(
  kol: Float64Array, sak: Uint8Array, kommunSerie: Int32Array, K: number, nr: Int32Array,
  summor: Float64Array, antal: Int32Array, finns: Uint8Array,
): void {
  for (let g = 0; g < summor.length; g++) {
    let summa = 0;
    let n = 0;
    let cell = 0;
    for (let j = 0; j < nr.length; j++) {
      const i = kommunSerie[g * K + nr[j]!]!;
      if (i < 0) continue;
      const sx = sak[i]!;
      if (sx === UTAN_CELL) continue;
      cell = 1;
      if (sx === TAL) {
        summa += kol[i]!;
        n++;
      }
    }
    summor[g] = summa;
    antal[g] = n;
    finns[g] = cell;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
