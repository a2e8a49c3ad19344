/**
 * BAS to the published tables, on the cube (definitions: docs/definitioner/bas.md):
 * - status, inkomstkälla and inkomstnivå: counts per region level (`summeraRegioner`),
 *   `andel` = antal / the group's total at the same level (`andel`), computed from the summed
 *   counts, never summed itself;
 * - målgrupp: people 20-64 whose main income is not work (`totalt - arbete`) and those with no
 *   income (`saknar ersättningar`), as shares of all 20-64.
 */
import type { ColumnTable } from "arquero";
import { compareAlder, intervall } from "../normalise/alder.ts";
import { compareInkomstniva, FODELSEREGIONER, INKOMSTKALLOR, STATUSAR, type BasData, type BasKalla } from "../normalise/bas.ts";
import { KON } from "../normalise/kon.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import { BERAKNAS_INTE } from "../read/tal.ts";
import { KubBygge, TAL, UTAN_CELL, dimIndex, koder, varden, type Kub } from "../kub/kub.ts";
import { sammanfoga, type Kubfil } from "../kub/sammanfoga.ts";
import { summeraRegioner } from "../kub/verb/summeraRegioner.ts";
import { andel } from "../kub/verb/andel.ts";
import { valj } from "../kub/verb/valj.ts";
import { lang, regionnamn, type LangKolumn } from "../kub/verb/lang.ts";

export const MATT = ["utanfor_arbetsmarknaden", "saknar_inkomst"] as const;

export const STATUS_KOLUMNER = ["niva", "kod", "namn", "manad", "kon", "alder", "fodelseregion", "status", "antal", "andel"] as const;
export const INKOMSTKALLA_KOLUMNER = ["niva", "kod", "namn", "manad", "kon", "alder", "inkomstkalla", "antal", "andel"] as const;
export const INKOMSTNIVA_KOLUMNER = ["niva", "kod", "namn", "manad", "kon", "alder", "inkomstkalla", "inkomstniva", "antal", "andel"] as const;
export const MALGRUPP_KOLUMNER = ["niva", "kod", "namn", "manad", "kon", "matt", "antal", "andel"] as const;

/** Several files of one kind read as one; a value in two files is an error naming both (the kind is then left out). */
export function slaSamman(data: readonly BasData[], kalla: BasKalla, findings: Findings): Kubfil | undefined {
  return sammanfoga(data.filter((d) => d.kalla === kalla).map((d) => d.data), "bas", findings);
}

/** Position in a fixed list; values not in it after, alphabetically. */
function ordning(lista: readonly string[]): (a: string, b: string) => number {
  return (a, b) => {
    const i = lista.indexOf(a);
    const j = lista.indexOf(b);
    return (i < 0 ? lista.length : i) - (j < 0 ? lista.length : j) || cmp(a, b);
  };
}

const JAMFOR: Readonly<Record<string, (a: string, b: string) => number>> = {
  kon: ordning(KON),
  alder: compareAlder,
  fodelseregion: ordning(FODELSEREGIONER),
  status: ordning(STATUSAR),
  inkomstkalla: ordning(INKOMSTKALLOR),
  inkomstniva: compareInkomstniva,
  matt: ordning(["totalt", ...MATT]),
};

/** Series order within a region: the dimensions in turn, each by its own order (ranks of the dictionary). */
function gruppordning(kub: Kub, dims: readonly string[]): (a: number, b: number) => number {
  const delar = dims.map((namn) => {
    const d = dimIndex(kub, namn);
    const ord = kub.ordbok[d]!;
    const jf = JAMFOR[namn] ?? cmp;
    const sorterade = ord.map((_, i) => i).sort((a, b) => jf(ord[a]!, ord[b]!));
    const rang = new Int32Array(ord.length);
    let r = -1;
    sorterade.forEach((i, k) => {
      if (k === 0 || jf(ord[sorterade[k - 1]!]!, ord[i]!) !== 0) r++;
      rang[i] = r;
    });
    return { k: koder(kub, d), rang };
  });
  return (a, b) => {
    for (const { k, rang } of delar) {
      const x = rang[k[a]!]! - rang[k[b]!]!;
      if (x !== 0) return x;
    }
    return 0;
  };
}

/** Counts per region level and their share of the group's total (`totalDim` = `totalt`), as a tidy table. */
function antalOchAndel(data: Kubfil, ind: Indelning, findings: Findings, dims: readonly string[], totalDim: string): ColumnTable {
  const kub = summeraRegioner(data.kub, ind, { fil: data.fil, regel: "bas" }, findings);
  const andelar = andel(kub, totalDim, "totalt");
  const kolumner: LangKolumn[] = [
    { namn: "niva", slag: "niva" }, { namn: "kod", slag: "kod" }, { namn: "namn", slag: "namn" }, { namn: "manad", slag: "period" },
    ...dims.map((d): LangKolumn => ({ namn: d, slag: "dim", dimension: d })),
    { namn: "antal", slag: "varde", kub }, { namn: "andel", slag: "varde", kub: andelar },
  ];
  return lang(kub, { kolumner, serier: () => true, jamfor: gruppordning(kub, dims), rad: (s, p) => kub.saknas[p]![s] !== UTAN_CELL }, regionnamn(ind));
}

export function computeStatus(data: Kubfil, ind: Indelning, findings: Findings): ColumnTable {
  return antalOchAndel(data, ind, findings, ["kon", "alder", "fodelseregion", "status"], "status");
}

export function computeInkomstkalla(data: Kubfil, ind: Indelning, findings: Findings): ColumnTable {
  return antalOchAndel(data, ind, findings, ["kon", "alder", "inkomstkalla"], "inkomstkalla");
}

/** `andel` of the inkomstnivå total within the same inkomstkälla. */
export function computeInkomstniva(data: Kubfil, ind: Indelning, findings: Findings): ColumnTable {
  return antalOchAndel(data, ind, findings, ["kon", "alder", "inkomstkalla", "inkomstniva"], "inkomstniva");
}

/** Inkomstkälla from ArbStatHuv: the series of inkomstnivå `totalt` (derived from the nivåer when the file lacks it). */
export function inkomstkallaFranNiva(data: Kubfil): Kubfil {
  const kub = valj(data.kub, "inkomstniva", "totalt");
  return { fil: data.fil, kub, rad: [], kolumn: [] };
}

/**
 * Målgrupp per region (file level), month and kön, then summed to förbund, län and riket:
 * `utanfor_arbetsmarknaden` = totalt - arbete, `saknar_inkomst` = saknar ersättningar, both for
 * 20-64; `andel` of all 20-64. Without a `20-64` age the age groups that exactly tile 20-64
 * are summed.
 */
export function computeMalgrupp(data: Kubfil, ind: Indelning, findings: Findings): ColumnTable {
  const kub = data.kub;
  const dKon = dimIndex(kub, "kon");
  const dAlder = dimIndex(kub, "alder");
  const dKalla = dimIndex(kub, "inkomstkalla");
  const kallor = kub.ordbok[dKalla]!;
  const TOTALT = kallor.indexOf("totalt");
  const ARBETE = kallor.indexOf("arbete");
  const SAKNAR = kallor.indexOf("saknar_ersattning");
  const niva = koder(kub, 0);
  const kod = koder(kub, 1);
  const kon = koder(kub, dKon);
  const alder = koder(kub, dAlder);
  const kalla = koder(kub, dKalla);
  const aldrar = kub.ordbok[dAlder]!;
  // Per region and kön: the series of each age and källa.
  const K = kub.ordbok[1]!.length;
  const KON_N = kub.ordbok[dKon]!.length;
  const A = aldrar.length;
  const grupper = new Map<number, Int32Array>();
  for (let s = 0; s < kub.antal; s++) {
    const k = kalla[s]!;
    const j = k === TOTALT ? 0 : k === ARBETE ? 1 : k === SAKNAR ? 2 : -1;
    if (j < 0) continue;
    const g = (niva[s]! * K + kod[s]!) * KON_N + kon[s]!;
    let a = grupper.get(g);
    if (!a) grupper.set(g, (a = new Int32Array(A * 3).fill(-1)));
    a[alder[s]! * 3 + j] = s;
  }
  const ut = new KubBygge(["niva", "kod", "kon", "matt"], [kub.ordbok[0]!, kub.ordbok[1]!, kub.ordbok[dKon]!, ["totalt", ...MATT]]);
  const perioder = kub.perioder.map((p) => ut.period(p));
  const plan = new Map<string, number[] | undefined>();
  const buf = new Int32Array(4);
  for (const [g, serier] of [...grupper].sort(([a], [b]) => a - b)) {
    buf[0] = Math.floor(g / (K * KON_N));
    buf[1] = Math.floor(g / KON_N) % K;
    buf[2] = g % KON_N;
    for (let p = 0; p < kub.perioder.length; p++) {
      const sak = kub.saknas[p]!;
      const har: number[] = [];
      for (let a = 0; a < A; a++) {
        if ([0, 1, 2].some((j) => serier[a * 3 + j]! >= 0 && sak[serier[a * 3 + j]!] !== UTAN_CELL)) har.push(a);
      }
      if (har.length === 0) continue;
      const nyckel = har.join(",");
      if (!plan.has(nyckel)) {
        const namn = har.map((a) => aldrar[a]!);
        const delar = namn.includes("20-64") ? ["20-64"] : tackning(namn, 20, 64);
        plan.set(nyckel, delar?.map((x) => aldrar.indexOf(x)));
      }
      const delar = plan.get(nyckel);
      if (!delar) continue;
      const v = varden(kub, p);
      /** Sum over the ages: undefined when a cell is absent, NaN when one is missing. */
      const summa = (j: number): number | undefined => {
        let x = 0;
        for (const a of delar) {
          const s = serier[a * 3 + j]!;
          if (s < 0 || sak[s] === UTAN_CELL) return undefined;
          if (sak[s] !== TAL) return Number.NaN;
          x += v[s]!;
        }
        return x;
      };
      const satt = (m: number, x: number | undefined) => {
        if (x === undefined) return;
        buf[3] = m;
        const t = ut.serie(buf);
        ut.satt(t, perioder[p]!, x, Number.isNaN(x) ? BERAKNAS_INTE : TAL);
      };
      const total = summa(0);
      const arbete = summa(1);
      satt(0, total);
      if (total !== undefined && arbete !== undefined) satt(1, total - arbete);
      satt(2, summa(2));
    }
  }
  const mal = ut.bygg();
  const regioner = summeraRegioner(mal, ind, { fil: data.fil, regel: "bas" }, findings);
  const andelar = andel(regioner, "matt", "totalt");
  const mattK = koder(regioner, "matt");
  return lang(regioner, {
    kolumner: [
      { namn: "niva", slag: "niva" }, { namn: "kod", slag: "kod" }, { namn: "namn", slag: "namn" }, { namn: "manad", slag: "period" },
      { namn: "kon", slag: "dim", dimension: "kon" }, { namn: "matt", slag: "dim", dimension: "matt" },
      { namn: "antal", slag: "varde", kub: regioner }, { namn: "andel", slag: "varde", kub: andelar },
    ],
    serier: (s) => mattK[s] !== 0, jamfor: gruppordning(regioner, ["kon", "matt"]), rad: (s, p) => regioner.saknas[p]![s] !== UTAN_CELL,
  }, regionnamn(ind));
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

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
