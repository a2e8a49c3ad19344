/**
 * BAS to the published tables (definitions: docs/definitioner/bas.md):
 * - status, inkomstkälla and inkomstnivå: counts per region level (kommun, förbund, län,
 *   riket; `summeraRegioner`), `andel` = antal / the group's total at the same level, computed
 *   from the summed counts, never summed itself;
 * - målgrupp: people 20-64 whose main income is not work (`totalt - arbete`) and those with no
 *   income (`saknar ersättningar`), as shares of all 20-64.
 */
import { compareAlder, intervall } from "../normalise/alder.ts";
import {
  compareInkomstniva, FODELSEREGIONER, INKOMSTKALLOR, STATUSAR, type BasData, type BasKalla,
} from "../normalise/bas.ts";
import { KON } from "../normalise/kon.ts";
import type { ScbData, ScbVarde } from "../normalise/scbtabell.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import { NIVAER, summeraRegioner, type Kallvarde, type Regionvarde } from "./regioner.ts";

export interface StatusRad {
  niva: string; kod: string; namn: string; manad: string; kon: string; alder: string; fodelseregion: string; status: string;
  antal: number | null; andel: number | null;
}
export interface InkomstkallaRad {
  niva: string; kod: string; namn: string; manad: string; kon: string; alder: string; inkomstkalla: string;
  antal: number | null; andel: number | null;
}
export interface InkomstnivaRad extends InkomstkallaRad { inkomstniva: string }
export interface MalgruppRad {
  niva: string; kod: string; namn: string; manad: string; kon: string; matt: string; antal: number | null; andel: number | null;
}

export const MATT = ["utanfor_arbetsmarknaden", "saknar_inkomst"] as const;

/**
 * Several files of one kind read as one; a value in two files is an error naming both (the
 * whole kind is then left out).
 */
export function slaSamman(data: readonly BasData[], kalla: BasKalla, findings: Findings): ScbData | undefined {
  const delar = data.filter((d) => d.kalla === kalla).map((d) => d.data);
  if (delar.length === 0) return undefined;
  if (delar.length === 1) return delar[0];
  const fran = new Map<string, string>();
  const varden: ScbVarde[] = [];
  let ok = true;
  for (const d of delar) {
    let rapporterad = false;
    for (const v of d.varden) {
      const key = `${v.niva}|${v.kod}|${v.tid}|${v.dims.join("|")}`;
      const annan = fran.get(key);
      if (annan !== undefined) {
        ok = false;
        if (!rapporterad) {
          rapporterad = true;
          findings.fel({
            fil: d.fil, regel: "bas.dubblett_filer",
            meddelande: `samma värde (${v.kod}, ${v.dims.join(", ")}, ${v.tid}) finns också i ${annan}; förväntat att varje värde finns i en fil`,
            message: `value also present in ${annan}`,
          });
        }
        continue;
      }
      fran.set(key, d.fil);
      varden.push(v);
    }
  }
  if (!ok) return undefined;
  return {
    fil: delar.map((d) => d.fil).join(", "),
    varden,
    kommuner: new Set(delar.flatMap((d) => [...d.kommuner])),
    tider: [...new Set(delar.flatMap((d) => d.tider))].sort(),
  };
}

/** Region sums of every group (dims joined by "|"). */
function summera(data: ScbData, indelning: Indelning, findings: Findings): Regionvarde[] {
  // Values of one group share their dims array (scbtabell.ts): join it once per array.
  const grupper = new Map<readonly string[], string>();
  const kallor: Kallvarde[] = [];
  for (const v of data.varden) {
    let grupp = grupper.get(v.dims);
    if (grupp === undefined) grupper.set(v.dims, (grupp = v.dims.join("|")));
    kallor.push({ niva: v.niva, kod: v.kod, tid: v.tid, grupp, varde: v.varde });
  }
  return summeraRegioner(kallor, indelning, data.fil, "bas", findings);
}

/** `andel = antal / total` where the total is the same group with `totalDim` set to `totalt`. */
function medAndel(rader: readonly Regionvarde[], totalDim: number): { r: Regionvarde; dims: string[]; andel: number | null }[] {
  // Values by region and time, then group; the rows of one region and time come together
  // (summeraRegioner sorts them), so the region key is built once per run of rows.
  const index = new Map<string, Map<string, number | null>>();
  const block = new Array<Map<string, number | null>>(rader.length);
  let forra: Regionvarde | undefined;
  let aktuell: Map<string, number | null> | undefined;
  for (let i = 0; i < rader.length; i++) {
    const r = rader[i]!;
    if (!forra || !aktuell || forra.niva !== r.niva || forra.kod !== r.kod || forra.tid !== r.tid) {
      const key = `${r.niva}|${r.kod}|${r.tid}`;
      aktuell = index.get(key);
      if (!aktuell) index.set(key, (aktuell = new Map()));
    }
    aktuell.set(r.grupp, r.varde);
    block[i] = aktuell;
    forra = r;
  }
  const delade = new Map<string, { dims: string[]; total: string }>();
  return rader.map((r, i) => {
    let d = delade.get(r.grupp);
    if (!d) {
      const dims = r.grupp.split("|");
      const totalDims = [...dims];
      totalDims[totalDim] = "totalt";
      delade.set(r.grupp, (d = { dims, total: totalDims.join("|") }));
    }
    return { r, dims: d.dims, andel: kvot(r.varde, block[i]!.get(d.total)) };
  });
}

type MedRegion = { niva: string; kod: string; manad: string };

/**
 * `rader.sort((a, b) => jamforRegion(a, b) || jamforGrupp(a, b))`, by one number per row: the
 * ranks of level, code, month and group (`grupper[i]` is row i's group, which decides every
 * field `jamforGrupp` reads), and the index last, so equal rows keep their order as in a
 * stable sort.
 */
function sortera<R extends MedRegion>(rader: R[], grupper: readonly string[], jamforGrupp: (a: R, b: R) => number): R[] {
  const n = rader.length;
  const forst = new Map<string, R>();
  for (let i = 0; i < n; i++) if (!forst.has(grupper[i]!)) forst.set(grupper[i]!, rader[i]!);
  const gruppRang = new Map<string, number>();
  let rang = -1;
  let forra: R | undefined;
  for (const [grupp, r] of [...forst].sort((a, b) => jamforGrupp(a[1], b[1]))) {
    if (!forra || jamforGrupp(forra, r) !== 0) rang++;
    gruppRang.set(grupp, rang);
    forra = r;
  }
  const G = rang + 1;
  const rangAv = (varden: Iterable<string>) => new Map([...new Set(varden)].sort(cmp).map((x, i) => [x, i]));
  const kodRang = rangAv(rader.map((r) => r.kod));
  const manadRang = rangAv(rader.map((r) => r.manad));
  const K = kodRang.size;
  const M = manadRang.size;
  if (NIVAER.length * K * M * G * n >= Number.MAX_SAFE_INTEGER) return rader.sort((a, b) => jamforRegion(a, b) || jamforGrupp(a, b));
  const nycklar = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rader[i]!;
    nycklar[i] = (((NIVA_ORDNING.get(r.niva)! * K + kodRang.get(r.kod)!) * M + manadRang.get(r.manad)!) * G + gruppRang.get(grupper[i]!)!) * n + i;
  }
  nycklar.sort();
  const ut = new Array<R>(n);
  for (let j = 0; j < n; j++) ut[j] = rader[nycklar[j]! % n]!;
  return ut;
}

function kvot(antal: number | null | undefined, total: number | null | undefined): number | null {
  return antal === null || antal === undefined || total === null || total === undefined || total === 0 ? null : antal / total;
}

export function computeStatus(data: ScbData, indelning: Indelning, findings: Findings): StatusRad[] {
  const summerade = medAndel(summera(data, indelning, findings), 3);
  const rader = summerade.map(({ r, dims, andel }) => ({
    niva: r.niva, kod: r.kod, namn: r.namn, manad: r.tid, kon: dims[0]!, alder: dims[1]!, fodelseregion: dims[2]!, status: dims[3]!,
    antal: r.varde, andel,
  }));
  return sortera(rader, summerade.map((s) => s.r.grupp), (a, b) => ordning(KON, a.kon, b.kon) || compareAlder(a.alder, b.alder)
    || ordning(FODELSEREGIONER, a.fodelseregion, b.fodelseregion) || ordning(STATUSAR, a.status, b.status));
}

export function computeInkomstkalla(data: ScbData, indelning: Indelning, findings: Findings): InkomstkallaRad[] {
  const summerade = medAndel(summera(data, indelning, findings), 2);
  const rader = summerade.map(({ r, dims, andel }) => ({
    niva: r.niva, kod: r.kod, namn: r.namn, manad: r.tid, kon: dims[0]!, alder: dims[1]!, inkomstkalla: dims[2]!, antal: r.varde, andel,
  }));
  return sortera(rader, summerade.map((s) => s.r.grupp), (a, b) => ordning(KON, a.kon, b.kon) || compareAlder(a.alder, b.alder)
    || ordning(INKOMSTKALLOR, a.inkomstkalla, b.inkomstkalla));
}

/** `andel` of the inkomstnivå total within the same inkomstkälla. */
export function computeInkomstniva(data: ScbData, indelning: Indelning, findings: Findings): InkomstnivaRad[] {
  const summerade = medAndel(summera(data, indelning, findings), 3);
  const rader = summerade.map(({ r, dims, andel }) => ({
    niva: r.niva, kod: r.kod, namn: r.namn, manad: r.tid, kon: dims[0]!, alder: dims[1]!, inkomstkalla: dims[2]!, inkomstniva: dims[3]!,
    antal: r.varde, andel,
  }));
  return sortera(rader, summerade.map((s) => s.r.grupp), (a, b) => ordning(KON, a.kon, b.kon) || compareAlder(a.alder, b.alder)
    || ordning(INKOMSTKALLOR, a.inkomstkalla, b.inkomstkalla) || compareInkomstniva(a.inkomstniva, b.inkomstniva));
}

/** Inkomstkälla from ArbStatHuv: the values of inkomstnivå `totalt` (derived from the nivåer when the file lacks it). */
export function inkomstkallaFranNiva(data: ScbData): ScbData {
  const varden = data.varden.filter((v) => v.dims[3] === "totalt").map((v) => ({ ...v, dims: v.dims.slice(0, 3) }));
  return { ...data, varden };
}

/**
 * Målgrupp per region (file level), month and kön, then summed to förbund, län and riket:
 * `utanfor_arbetsmarknaden` = totalt - arbete, `saknar_inkomst` = saknar ersättningar, both for
 * 20-64; `andel` of all 20-64. Without a `20-64` age the age groups that exactly tile 20-64
 * are summed.
 */
export function computeMalgrupp(data: ScbData, indelning: Indelning, findings: Findings): MalgruppRad[] {
  // niva|kod|tid|kon -> alder -> inkomstkalla -> värde
  const perGrupp = new Map<string, { v: ScbVarde; aldrar: Map<string, Map<string, number | null>> }>();
  for (const v of data.varden) {
    const [kon, alder, kalla] = v.dims as [string, string, string];
    if (kalla !== "totalt" && kalla !== "arbete" && kalla !== "saknar_ersattning") continue;
    const key = `${v.niva}|${v.kod}|${v.tid}|${kon}`;
    let g = perGrupp.get(key);
    if (!g) perGrupp.set(key, (g = { v, aldrar: new Map() }));
    let a = g.aldrar.get(alder);
    if (!a) g.aldrar.set(alder, (a = new Map()));
    a.set(kalla, v.varde);
  }
  const kallor: Kallvarde[] = [];
  for (const { v, aldrar } of perGrupp.values()) {
    const kon = v.dims[0]!;
    const delar = aldrar.has("20-64") ? ["20-64"] : tackning([...aldrar.keys()], 20, 64);
    if (!delar) continue;
    const summa = (kalla: string): number | null | undefined => {
      let s = 0;
      for (const a of delar) {
        const x = aldrar.get(a)!.get(kalla);
        if (x === undefined) return undefined;
        if (x === null) return null;
        s += x;
      }
      return s;
    };
    const total = summa("totalt");
    const arbete = summa("arbete");
    const saknar = summa("saknar_ersattning");
    const push = (matt: string, varde: number | null | undefined) => {
      if (varde !== undefined) kallor.push({ niva: v.niva, kod: v.kod, tid: v.tid, grupp: `${kon}|${matt}`, varde });
    };
    push("totalt", total);
    if (total !== undefined && arbete !== undefined) push("utanfor_arbetsmarknaden", total === null || arbete === null ? null : total - arbete);
    push("saknar_inkomst", saknar);
  }
  const summerade = summeraRegioner(kallor, indelning, data.fil, "bas", findings);
  const utan = medAndel(summerade, 1).filter(({ dims }) => dims[1] !== "totalt");
  const rader = utan.map(({ r, dims, andel }) => ({ niva: r.niva, kod: r.kod, namn: r.namn, manad: r.tid, kon: dims[0]!, matt: dims[1]!, antal: r.varde, andel }));
  return sortera(rader, utan.map((s) => s.r.grupp), (a, b) => ordning(KON, a.kon, b.kon) || ordning(MATT, a.matt, b.matt));
}

/**
 * Age groups that exactly tile `fran`-`till` (no gap, no overlap), or undefined. Prefers the
 * widest group at each step and backtracks, so the answer is deterministic.
 */
export function tackning(aldrar: readonly string[], fran: number, till: number): string[] | undefined {
  const grupper = aldrar
    .filter((a) => a !== "totalt")
    .map((a) => ({ a, i: intervall(a)! }))
    .filter(({ i }) => i.till !== null && i.fran >= fran && i.till <= till)
    .sort((x, y) => y.i.till! - x.i.till!);
  const steg = (start: number): string[] | undefined => {
    if (start === till + 1) return [];
    for (const g of grupper) {
      if (g.i.fran !== start) continue;
      const rest = steg(g.i.till! + 1);
      if (rest) return [g.a, ...rest];
    }
    return undefined;
  };
  return steg(fran);
}

const NIVA_ORDNING = new Map<string, number>(NIVAER.map((n, i) => [n, i]));

function jamforRegion(a: MedRegion, b: MedRegion): number {
  return NIVA_ORDNING.get(a.niva)! - NIVA_ORDNING.get(b.niva)! || cmp(a.kod, b.kod) || cmp(a.manad, b.manad);
}

/** Position in a fixed list; values not in it after, alphabetically. */
function ordning(lista: readonly string[], a: string, b: string): number {
  const i = lista.indexOf(a);
  const j = lista.indexOf(b);
  return (i < 0 ? lista.length : i) - (j < 0 ? lista.length : j) || cmp(a, b);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
