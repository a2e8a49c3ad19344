/**
 * Population per region, year and kön; the age pyramid in 5-year groups; the demografisk
 * försörjningskvot. Definitions: docs/definitioner/befolkning.md.
 *
 * - The values of all population files are pooled per region, year, kön and age; the same
 *   value in two files is an error.
 * - Total population (`befolkning.csv`): SCB's own total (`totalt ålder`) when the file has it
 *   (from 2025 SCB adds noise, so it need not equal the sum of the ages); otherwise the sum of
 *   ages that cover every age from 0 to an open top group (`100+`).
 * - Age groups (`befolkning_alder.csv`): sums of the file's finest ages into 0-4, 5-9, ...,
 *   95-99, 100+; when the file's groups do not fit inside those, the file's own groups.
 * - Försörjningskvot = (persons 0-19 + persons 65+) / persons 20-64, from counts summed at each
 *   level (never an average of kommun ratios); only when the ages tile the three bands.
 * Förbund, län and riket are sums of kommuner (`summeraRegioner`); SCB's own län and riket
 * rows are kept when the file has them.
 */
import type { BefolkningData, BefolkningVarde } from "../normalise/befolkning.ts";
import { compareAlder, intervall, type Aldersintervall } from "../normalise/alder.ts";
import type { Kon } from "../normalise/kon.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import { NIVAER, summeraRegioner, type Kallvarde, type Niva, type Regionvarde } from "./regioner.ts";

export interface BefolkningRad {
  readonly niva: Niva;
  readonly kod: string;
  readonly namn: string;
  readonly ar: string;
  readonly kon: Kon;
  readonly varde: number | null;
}

export interface BefolkningAlderRad extends BefolkningRad {
  readonly alder: string;
}

export interface BefolkningResultat {
  readonly befolkning: BefolkningRad[];
  readonly alder: BefolkningAlderRad[];
  readonly forsorjningskvot: BefolkningRad[];
}

/** The three bands of the försörjningskvot. */
export const BAND = ["0-19", "20-64", "65+"] as const;

/** The pyramid's groups: 0-4, 5-9, ..., 95-99, 100+. */
export const FEMARSGRUPPER: readonly string[] = [...Array.from({ length: 20 }, (_, i) => `${5 * i}-${5 * i + 4}`), "100+"];

const KON_ORDER = new Map<string, number>([["alla", 0], ["kvinnor", 1], ["man", 2]]);
const NIVA_ORDER = new Map<string, number>(NIVAER.map((n, i) => [n, i]));

interface Aldrar { readonly alder: string; readonly iv: Aldersintervall }

/** The finest ages of a set: those that contain no other age of the set. */
export function finasteAldrar(aldrar: readonly string[]): Aldrar[] {
  const iv = aldrar.filter((a) => a !== "totalt").map((alder) => ({ alder, iv: intervall(alder)! }));
  const innehaller = (y: Aldersintervall, x: Aldersintervall) => x.fran >= y.fran && (y.till === null || (x.till !== null && x.till <= y.till));
  return iv
    .filter((a) => !iv.some((b) => b.alder !== a.alder && innehaller(a.iv, b.iv)))
    .sort((a, b) => compareAlder(a.alder, b.alder));
}

/** Whether sorted ages are disjoint; `fullstandig` when they also cover 0 up to an open top group. */
export function indelning(aldrar: readonly Aldrar[]): { disjunkt: boolean; fullstandig: boolean } {
  let disjunkt = true;
  let sammanhangande = aldrar.length > 0 && aldrar[0]!.iv.fran === 0;
  for (let i = 1; i < aldrar.length; i++) {
    const f = aldrar[i - 1]!.iv;
    const n = aldrar[i]!.iv;
    if (f.till === null || f.till >= n.fran) disjunkt = false;
    else if (f.till + 1 !== n.fran) sammanhangande = false;
  }
  const oppen = aldrar.length > 0 && aldrar[aldrar.length - 1]!.iv.till === null;
  return { disjunkt, fullstandig: disjunkt && sammanhangande && oppen };
}

/** The band (0-19, 20-64, 65+) an age lies inside, or undefined when it straddles a bound. */
function bandFor(iv: Aldersintervall): (typeof BAND)[number] | undefined {
  if (iv.till !== null && iv.till <= 19) return "0-19";
  if (iv.fran >= 20 && iv.till !== null && iv.till <= 64) return "20-64";
  if (iv.fran >= 65) return "65+";
  return undefined;
}

/** The 5-year group an age lies inside, or undefined when it straddles a bound. */
function femarsgrupp(iv: Aldersintervall): string | undefined {
  if (iv.fran >= 100) return "100+";
  const start = iv.fran - (iv.fran % 5);
  return iv.till !== null && iv.till <= start + 4 ? `${start}-${start + 4}` : undefined;
}

function summa(varden: readonly (number | null)[]): number | null {
  let s = 0;
  for (const v of varden) {
    if (v === null) return null;
    s += v;
  }
  return s;
}

/** Which of a set of ages to sum for the total, each output age group and each band. */
interface Plan {
  /** SCB's `totalt`, or all the finest ages when they cover 0 to an open top; undefined when neither. */
  readonly total: readonly string[] | undefined;
  readonly grupper: readonly (readonly [string, readonly string[]])[];
  /** Undefined when the ages do not tile 0-19, 20-64 and 65+. */
  readonly band: readonly (readonly [string, readonly string[]])[] | undefined;
}

export function planera(aldrar: readonly string[]): Plan {
  const finaste = finasteAldrar(aldrar);
  const { disjunkt, fullstandig } = indelning(finaste);
  const namn = (delar: readonly Aldrar[]) => delar.map((a) => a.alder);
  const total = aldrar.includes("totalt") ? ["totalt"] : fullstandig ? namn(finaste) : undefined;
  // Pyramid: 5-year groups when every finest age lies inside one; otherwise the file's groups.
  const grupper: [string, string[]][] = [];
  if (disjunkt && finaste.length > 0 && finaste.every((a) => femarsgrupp(a.iv) !== undefined)) {
    const per = new Map<string, Aldrar[]>();
    for (const a of finaste) {
      const grp = femarsgrupp(a.iv)!;
      let lista = per.get(grp);
      if (!lista) per.set(grp, (lista = []));
      lista.push(a);
    }
    for (const [grp, delar] of per) {
      // Only a group its ages cover whole: from its first year to its last (or open) one, no gaps.
      const giv = intervall(grp)!;
      const sista = delar[delar.length - 1]!.iv;
      let hel = delar[0]!.iv.fran === giv.fran && (giv.till === null ? sista.till === null : sista.till === giv.till);
      for (let i = 1; i < delar.length && hel; i++) if (delar[i - 1]!.iv.till! + 1 !== delar[i]!.iv.fran) hel = false;
      if (hel) grupper.push([grp, namn(delar)]);
    }
  } else {
    for (const a of aldrar) if (a !== "totalt" && (!disjunkt || finaste.some((f) => f.alder === a))) grupper.push([a, [a]]);
  }
  const band = fullstandig && finaste.every((a) => bandFor(a.iv) !== undefined)
    ? BAND.map((b) => [b, namn(finaste.filter((a) => bandFor(a.iv) === b))] as const)
    : undefined;
  return { total, grupper, band };
}

export function computeBefolkning(data: readonly BefolkningData[], ind: Indelning, findings: Findings): BefolkningResultat | undefined {
  if (data.length === 0) return { befolkning: [], alder: [], forsorjningskvot: [] };
  // 1. Pool the files per region, year and kön; the same value in two files is an error.
  interface Grupp { niva: BefolkningVarde["niva"]; kod: string; ar: string; kon: Kon; aldrar: Map<string, number | null>; kalla: Map<string, string> | undefined; filer: Set<string> }
  // Region -> year -> kön, without a key string per value (a file's values run through the
  // years of one age before the next); `grupper` keeps the order the groups were first seen in.
  const perRegion = new Map<string, Map<string, Map<Kon, Grupp>>>();
  const grupper: Grupp[] = [];
  const flera = data.length > 1;
  let dubbletter = 0;
  for (const d of data) {
    let g: Grupp | undefined;
    let region: Map<string, Map<Kon, Grupp>> | undefined;
    let regionAv: BefolkningVarde | undefined;
    for (const v of d.varden) {
      if (!g || g.niva !== v.niva || g.kod !== v.kod || g.ar !== v.ar || g.kon !== v.kon) {
        if (!region || !regionAv || regionAv.niva !== v.niva || regionAv.kod !== v.kod) {
          const key = `${v.niva}|${v.kod}`;
          region = perRegion.get(key);
          if (!region) perRegion.set(key, (region = new Map()));
          regionAv = v;
        }
        let perAr = region.get(v.ar);
        if (!perAr) region.set(v.ar, (perAr = new Map()));
        g = perAr.get(v.kon);
        if (!g) {
          perAr.set(v.kon, (g = { niva: v.niva, kod: v.kod, ar: v.ar, kon: v.kon, aldrar: new Map(), kalla: flera ? new Map() : undefined, filer: new Set() }));
          grupper.push(g);
        }
        g.filer.add(d.fil);
      }
      if (g.aldrar.has(v.alder)) {
        const other = g.kalla?.get(v.alder) ?? d.fil;
        if (dubbletter++ < 10) {
          findings.fel({
            fil: d.fil, regel: "befolkning.dubblett_filer",
            meddelande: `samma värde (${v.kod}, ${v.ar}, ${v.kon}, ålder ${v.alder}) finns också i ${other}; förväntat att varje värde finns i en fil`,
            message: `value also present in ${other}`,
          });
        }
        continue;
      }
      g.aldrar.set(v.alder, v.varde);
      g.kalla?.set(v.alder, d.fil);
    }
  }
  if (dubbletter > 10) {
    findings.fel({
      fil: data[data.length - 1]!.fil, regel: "befolkning.dubblett_filer",
      meddelande: `ytterligare ${dubbletter - 10} värden finns i två filer`, message: `${dubbletter - 10} more values present in two files`,
    });
  }
  if (dubbletter > 0) return undefined;

  // 2. Per region, year and kön: the total, the pyramid's groups and the bands. Files repeat
  // one set of ages for every region, year and kön, so what to sum is worked out once per set.
  const planer = new Map<string, Plan>();
  const kall: Kallvarde[] = [];
  const utanTotal = new Set<string>();
  const utanKvot = new Set<string>();
  const gruppnamn = new Map<string, string>();
  const namnFor = (typ: string, kon: Kon, grp?: string): string => {
    const k = grp === undefined ? `${typ}|${kon}` : `${typ}|${kon}|${grp}`;
    let n = gruppnamn.get(k);
    if (n === undefined) gruppnamn.set(k, (n = k));
    return n;
  };
  for (const g of grupper) {
    const aldrar = [...g.aldrar.keys()];
    const nyckel = aldrar.join("|");
    let plan = planer.get(nyckel);
    if (!plan) planer.set(nyckel, (plan = planera(aldrar)));
    const summaAv = (delar: readonly string[]) => summa(delar.map((a) => g.aldrar.get(a)!));
    const push = (grupp: string, varde: number | null) => kall.push({ niva: g.niva, kod: g.kod, tid: g.ar, grupp, varde });
    if (plan.total) push(namnFor("T", g.kon), summaAv(plan.total));
    else for (const f of g.filer) utanTotal.add(f);
    for (const [grp, delar] of plan.grupper) push(namnFor("A", g.kon, grp), summaAv(delar));
    if (plan.band) for (const [band, delar] of plan.band) push(namnFor("K", g.kon, band), summaAv(delar));
    else for (const f of g.filer) utanKvot.add(f);
  }
  for (const fil of [...utanTotal].sort()) {
    findings.info({
      fil, regel: "befolkning.total_saknas",
      meddelande: "filen har varken \"totalt ålder\" eller alla åldrar (0 år till en öppen grupp som 100+); folkmängden totalt beräknas inte för regioner som bara finns i den",
      message: "neither \"totalt ålder\" nor all ages: the total population is not computed",
    });
  }
  for (const fil of [...utanKvot].sort()) {
    findings.info({
      fil, regel: "befolkning.forsorjningskvot",
      meddelande: "åldrarna i filen delar inte upp befolkningen i 0-19, 20-64 och 65+ år (ettårsåldrar eller grupper med gränserna 0, 20 och 65 behövs); försörjningskvoten beräknas inte för den",
      message: "the ages do not tile 0-19, 20-64 and 65+: no försörjningskvot",
    });
  }

  // 3. Förbund, län, riket; the kvot from the summed bands at each level.
  const filer = [...new Set(data.map((d) => d.fil))].join(", ");
  const summerat = summeraRegioner(kall, ind, filer, "befolkning", findings);
  const befolkning: BefolkningRad[] = [];
  const alder: BefolkningAlderRad[] = [];
  const band = new Map<string, { r: Regionvarde; kon: Kon; v: Map<string, number | null> }>();
  const delat = new Map<string, [string, Kon, string]>();
  for (const r of summerat) {
    let delar = delat.get(r.grupp);
    if (!delar) delat.set(r.grupp, (delar = r.grupp.split("|") as [string, Kon, string]));
    const [typ, kon, grp] = delar;
    const bas = { niva: r.niva, kod: r.kod, namn: r.namn, ar: r.tid, kon, varde: r.varde };
    if (typ === "T") befolkning.push(bas);
    else if (typ === "A") alder.push({ ...bas, alder: grp });
    else {
      const key = `${r.niva}|${r.kod}|${r.tid}|${kon}`;
      let b = band.get(key);
      if (!b) band.set(key, (b = { r, kon, v: new Map() }));
      b.v.set(grp, r.varde);
    }
  }
  const forsorjningskvot: BefolkningRad[] = [];
  for (const { r, kon, v } of band.values()) {
    const [unga, arbetsfor, aldre] = BAND.map((b) => v.get(b));
    const kvot = unga == null || arbetsfor == null || aldre == null || arbetsfor === 0 ? null : (unga + aldre) / arbetsfor;
    forsorjningskvot.push({ niva: r.niva, kod: r.kod, namn: r.namn, ar: r.tid, kon, varde: kvot });
  }
  return { befolkning: sortera(befolkning), alder: sortera(alder), forsorjningskvot: sortera(forsorjningskvot) };
}

/**
 * `rader.sort(compareRad)`, by one number per row: the ranks of level, code, year, kön and age,
 * and the index last, so equal rows keep their order as in a stable sort.
 */
function sortera<R extends BefolkningRad & { alder?: string }>(rader: R[]): R[] {
  const n = rader.length;
  const rang = (varden: Iterable<string>, jamfor: (a: string, b: string) => number) => {
    const m = new Map<string, number>();
    let i = -1;
    let forra: string | undefined;
    for (const x of [...new Set(varden)].sort(jamfor)) {
      if (forra === undefined || jamfor(forra, x) !== 0) i++;
      m.set(x, i);
      forra = x;
    }
    return { m, antal: i + 1 };
  };
  const kod = rang(rader.map((r) => r.kod), cmp);
  const ar = rang(rader.map((r) => r.ar), cmp);
  const alla = rader.every((r) => r.alder !== undefined);
  // compareRad compares ages only when both rows have one: rank them only when every row does.
  if (!alla && rader.some((r) => r.alder !== undefined)) return rader.sort(compareRad);
  const alder = rang(alla ? rader.map((r) => r.alder!) : [], compareAlder);
  const A = Math.max(1, alder.antal);
  const K = KON_ORDER.size;
  if (NIVA_ORDER.size * kod.antal * ar.antal * K * A * n >= Number.MAX_SAFE_INTEGER) return rader.sort(compareRad);
  const nycklar = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rader[i]!;
    const k = KON_ORDER.get(r.kon);
    if (k === undefined) return rader.sort(compareRad);
    const a = alla ? alder.m.get(r.alder!)! : 0;
    nycklar[i] = ((((NIVA_ORDER.get(r.niva)! * kod.antal + kod.m.get(r.kod)!) * ar.antal + ar.m.get(r.ar)!) * K + k) * A + a) * n + i;
  }
  nycklar.sort();
  const ut = new Array<R>(n);
  for (let j = 0; j < n; j++) ut[j] = rader[nycklar[j]! % n]!;
  return ut;
}

function compareRad(a: BefolkningRad & { alder?: string }, b: BefolkningRad & { alder?: string }): number {
  return NIVA_ORDER.get(a.niva)! - NIVA_ORDER.get(b.niva)! || cmp(a.kod, b.kod) || cmp(a.ar, b.ar)
    || KON_ORDER.get(a.kon)! - KON_ORDER.get(b.kon)! || (a.alder !== undefined && b.alder !== undefined ? compareAlder(a.alder, b.alder) : 0);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
