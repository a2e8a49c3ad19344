/**
 * Kommun values to förbund, län and riket, for any SCB count (BAS, population, costs).
 *
 * Definitions (docs/definitioner/regioner.md):
 * - a förbund is the sum of the kommuner that are members in that period (a month `YYYY-MM`,
 *   or for a year `YYYY` the membership valid in December); the sum exists only when every
 *   member has a value; a förbund with a member kommun absent from the data is left out;
 * - a län or riket that SCB delivers in the file keeps SCB's own value for the periods the file
 *   has it (with SCB's noise the sum of kommuner can differ from it); for other periods it is
 *   the sum of its kommuner, computed only when every kommun of the län (all 290 for riket) is
 *   in the data;
 * - values are summed per group (`grupp`: the other dimensions, e.g. kön, ålder, status); a
 *   group's total (e.g. kön `alla`) is summed like any other group, never rebuilt from parts.
 */
import { giltig, type Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";

export const NIVAER = ["kommun", "forbund", "lan", "riket"] as const;
export type Niva = (typeof NIVAER)[number];

export interface Kallvarde {
  readonly niva: "kommun" | "lan" | "riket";
  readonly kod: string;
  /** `YYYY-MM` or `YYYY`. */
  readonly tid: string;
  /** Opaque key of the other dimensions. */
  readonly grupp: string;
  readonly varde: number | null;
}

export interface Regionvarde {
  readonly niva: Niva;
  readonly kod: string;
  readonly namn: string;
  readonly tid: string;
  readonly grupp: string;
  readonly varde: number | null;
}

/** The month whose membership applies to a period: the month itself, or December of a year. */
export function medlemsmanad(tid: string): string {
  return tid.length === 4 ? `${tid}-12` : tid.slice(0, 7);
}

export function summeraRegioner(
  varden: readonly Kallvarde[], indelning: Indelning, fil: string, regel: string, findings: Findings,
): Regionvarde[] {
  const kommunVarden: Kallvarde[] = [];
  const kommuner = new Set<string>();
  const tider = new Set<string>();
  const grupper = new Set<string>();
  const out: Regionvarde[] = [];
  const fromFile = new Map<string, Kallvarde[]>();
  for (const v of varden) {
    tider.add(v.tid);
    grupper.add(v.grupp);
    if (v.niva === "kommun") {
      kommuner.add(v.kod);
      kommunVarden.push(v);
      out.push({ niva: "kommun", kod: v.kod, namn: indelning.kommuner.get(v.kod)?.namn ?? v.kod, tid: v.tid, grupp: v.grupp, varde: v.varde });
    } else {
      const key = `${v.niva}|${v.kod}`;
      let list = fromFile.get(key);
      if (!list) fromFile.set(key, (list = []));
      list.push(v);
    }
  }
  const tidLista = [...tider].sort();
  const grupperLista = [...grupper].sort();
  // The kommun values by number (time, group, kommun), so summing builds no key strings.
  const T = tidLista.length;
  const G = grupperLista.length;
  const tidNr = new Map(tidLista.map((x, i) => [x, i]));
  const gruppNr = new Map(grupperLista.map((x, i) => [x, i]));
  const kommunNr = new Map([...kommuner].map((x, i) => [x, i]));
  const K = kommunNr.size;
  const kommunIndex = new Map<number, number | null>();
  for (const v of kommunVarden) kommunIndex.set((tidNr.get(v.tid)! * G + gruppNr.get(v.grupp)!) * K + kommunNr.get(v.kod)!, v.varde);
  const sum = (niva: Niva, kod: string, namn: string, medlemmar: (tid: string) => readonly string[], utom: ReadonlySet<string> = new Set()) => {
    for (let ti = 0; ti < T; ti++) {
      const tid = tidLista[ti]!;
      if (utom.has(tid)) continue;
      const m = medlemmar(tid);
      if (m.length === 0) continue;
      // Members absent from the data have no values: they count in m.length only.
      const nr = m.map((k) => kommunNr.get(k)).filter((k): k is number => k !== undefined);
      for (let gi = 0; gi < G; gi++) {
        const bas = (ti * G + gi) * K;
        let s = 0;
        let n = 0;
        let finns = false;
        for (const ki of nr) {
          const v = kommunIndex.get(bas + ki);
          if (v === undefined) continue;
          finns = true;
          if (v !== null) { s += v; n++; }
        }
        if (finns) out.push({ niva, kod, namn, tid, grupp: grupperLista[gi]!, varde: n === m.length ? s : null });
      }
    }
  };

  const forbund = new Map<string, string>();
  for (const m of indelning.medlemskap) forbund.set(m.forbund, m.forbundNamn);
  for (const [id, namn] of [...forbund].sort(([a], [b]) => cmp(a, b))) {
    const medlemskap = indelning.medlemskap.filter((m) => m.forbund === id);
    if (!medlemskap.some((m) => kommuner.has(m.kommunkod))) continue;
    const saknas = medlemskap.filter((m) => !kommuner.has(m.kommunkod) && tidLista.some((t) => giltig(m, medlemsmanad(t))));
    if (saknas.length > 0) {
      findings.varning({
        fil, regel: `${regel}.forbund_ofullstandigt`,
        meddelande: `${namn} beräknas inte: medlemskommun ${[...new Set(saknas.map((m) => m.kommunkod))].join(", ")} finns inte i filen`,
        message: `förbund ${id} not computed: member kommun(er) missing from the file`,
      });
      continue;
    }
    sum("forbund", id, namn, (tid) => medlemskap.filter((m) => giltig(m, medlemsmanad(tid))).map((m) => m.kommunkod));
  }

  const lanKoder = new Set([...kommuner].map((k) => indelning.kommuner.get(k)?.lan).filter((l): l is string => l !== undefined));
  for (const key of fromFile.keys()) if (key.startsWith("lan|")) lanKoder.add(key.slice(4));
  for (const lan of [...lanKoder].sort()) {
    const namn = indelning.lan.get(lan) ?? lan;
    const egna = fromFile.get(`lan|${lan}`) ?? [];
    for (const v of egna) out.push({ niva: "lan", kod: lan, namn, tid: v.tid, grupp: v.grupp, varde: v.varde });
    const egnaTider = new Set(egna.map((v) => v.tid));
    if (egnaTider.size === tidLista.length) continue;
    const medlemmar = [...indelning.kommuner.values()].filter((k) => k.lan === lan).map((k) => k.kod);
    const saknas = medlemmar.filter((k) => !kommuner.has(k));
    if (saknas.length > 0) {
      if (egna.length > 0) continue; // SCB's own rows for some periods; the others cannot be summed
      findings.info({
        fil, regel: `${regel}.lan_ofullstandigt`,
        meddelande: `${namn} beräknas inte: ${saknas.length} av länets ${medlemmar.length} kommuner finns inte i filen`,
        message: `county ${lan} not computed: kommuner missing from the file`,
      });
      continue;
    }
    sum("lan", lan, namn, () => medlemmar, egnaTider);
  }

  const riket = fromFile.get("riket|00") ?? [];
  for (const v of riket) out.push({ niva: "riket", kod: "00", namn: "Riket", tid: v.tid, grupp: v.grupp, varde: v.varde });
  const riketTider = new Set(riket.map((v) => v.tid));
  if (riketTider.size === tidLista.length) {
    // SCB's riket for every period
  } else if (kommuner.size === indelning.kommuner.size) {
    const alla = [...indelning.kommuner.keys()];
    sum("riket", "00", "Riket", () => alla, riketTider);
  } else if (kommuner.size > 0 && riket.length === 0) {
    findings.info({
      fil, regel: `${regel}.riket_saknas`,
      meddelande: "riket finns inte i filen och beräknas inte (alla 290 kommuner behövs)",
      message: "riket is not in the file and is not computed (all 290 kommuner needed)",
    });
  }
  return sorteraRegionvarden(out, tidLista, grupperLista);
}

/**
 * `out.sort(compareRegionvarden)`, by one number per value (the ranks of level, code, time
 * and group; the index last, so equal values keep their order as in a stable sort).
 */
function sorteraRegionvarden(out: Regionvarde[], tidLista: readonly string[], grupperLista: readonly string[]): Regionvarde[] {
  const n = out.length;
  const koder = [...new Set(out.map((r) => r.kod))].sort(cmp);
  const kodNr = new Map(koder.map((x, i) => [x, i]));
  const tidNr = new Map(tidLista.map((x, i) => [x, i]));
  const gruppNr = new Map(grupperLista.map((x, i) => [x, i]));
  const T = tidLista.length;
  const G = grupperLista.length;
  const K = koder.length;
  if (NIVAER.length * K * T * G * n >= Number.MAX_SAFE_INTEGER) return out.sort(compareRegionvarden);
  const nycklar = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = out[i]!;
    const tid = tidNr.get(r.tid);
    const grupp = gruppNr.get(r.grupp);
    if (tid === undefined || grupp === undefined) return out.sort(compareRegionvarden);
    nycklar[i] = (((NIVA_ORDER.get(r.niva)! * K + kodNr.get(r.kod)!) * T + tid) * G + grupp) * n + i;
  }
  nycklar.sort();
  const sorterade = new Array<Regionvarde>(n);
  for (let j = 0; j < n; j++) sorterade[j] = out[nycklar[j]! % n]!;
  return sorterade;
}

const NIVA_ORDER = new Map(NIVAER.map((n, i) => [n, i]));

export function compareRegionvarden(a: Regionvarde, b: Regionvarde): number {
  return NIVA_ORDER.get(a.niva)! - NIVA_ORDER.get(b.niva)! || cmp(a.kod, b.kod) || cmp(a.tid, b.tid) || cmp(a.grupp, b.grupp);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
