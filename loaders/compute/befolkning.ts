/**
 * Population per region, year and kön; the age pyramid in 5-year groups; the demografisk
 * försörjningskvot. Definitions: docs/definitioner/befolkning.md.
 *
 * - The files are one cube (`kub/sammanfoga.ts`): the same value in two files is an error.
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
import type { ColumnTable } from "arquero";
import { compareAlder, intervall, type Aldersintervall } from "../normalise/alder.ts";
import { KON, type Kon } from "../normalise/kon.ts";
import type { Indelning } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import { BERAKNAS_INTE } from "../read/tal.ts";
import { KubBygge, NIVAER, TAL, UTAN_CELL, koder, varden, type Niva } from "../kub/kub.ts";
import type { Kubfil } from "../kub/sammanfoga.ts";
import { summeraRegioner } from "../kub/verb/summeraRegioner.ts";
import { lang, regionnamn, type LangKolumn } from "../kub/verb/lang.ts";

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
  /** befolkning.csv: niva, kod, namn, ar, kon, varde */
  readonly befolkning: ColumnTable;
  /** befolkning_alder.csv: niva, kod, namn, ar, kon, alder, varde */
  readonly alder: ColumnTable;
  /** forsorjningskvot.csv: niva, kod, namn, ar, kon, varde */
  readonly forsorjningskvot: ColumnTable;
}

/** The three bands of the försörjningskvot. */
export const BAND = ["0-19", "20-64", "65+"] as const;

/** The pyramid's groups: 0-4, 5-9, ..., 95-99, 100+. */
export const FEMARSGRUPPER: readonly string[] = [...Array.from({ length: 20 }, (_, i) => `${5 * i}-${5 * i + 4}`), "100+"];


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

/** The kinds of derived series: the total, an age group of the pyramid, a band of the kvot. */
const TYP = ["T", "A", "K"] as const;

export function computeBefolkning(data: Kubfil, ind: Indelning, findings: Findings): BefolkningResultat {
  const kub = data.kub;
  const niva = koder(kub, 0);
  const kod = koder(kub, 1);
  const kon = koder(kub, 2);
  const alder = koder(kub, 3);
  const aldrar = kub.ordbok[3]!;
  const K = kub.ordbok[1]!.length;
  const KON_N = kub.ordbok[2]!.length;
  const A = aldrar.length;
  // Per region and kön: the series of each age.
  const grupper = new Map<number, Int32Array>();
  for (let s = 0; s < kub.antal; s++) {
    const g = (niva[s]! * K + kod[s]!) * KON_N + kon[s]!;
    let a = grupper.get(g);
    if (!a) grupper.set(g, (a = new Int32Array(A).fill(-1)));
    a[alder[s]!] = s;
  }
  const filAv = (s: number, p: number): string => (data.kallor ? data.kallor.filer[data.kallor.fil[p]![s]!]! : data.fil);

  // 2. Per region, year and kön: the total, the pyramid's groups and the bands. Files repeat
  // one set of ages for every region, year and kön, so what to sum is worked out once per set.
  const planer = new Map<string, Plan>();
  const utanTotal = new Set<string>();
  const utanKvot = new Set<string>();
  const ut = new KubBygge(["niva", "kod", "kon", "typ", "alder"], [kub.ordbok[0]!, kub.ordbok[1]!, kub.ordbok[2]!, [...TYP], []]);
  const perioder = kub.perioder.map((p) => ut.period(p));
  const buf = new Int32Array(5);
  for (const [g, serier] of [...grupper].sort(([a], [b]) => a - b)) {
    buf[0] = Math.floor(g / (K * KON_N));
    buf[1] = Math.floor(g / KON_N) % K;
    buf[2] = g % KON_N;
    for (let p = 0; p < kub.perioder.length; p++) {
      const sak = kub.saknas[p]!;
      const har: number[] = [];
      for (let a = 0; a < A; a++) if (serier[a]! >= 0 && sak[serier[a]!] !== UTAN_CELL) har.push(a);
      if (har.length === 0) continue;
      const nyckel = har.join(",");
      let plan = planer.get(nyckel);
      if (!plan) planer.set(nyckel, (plan = planera(har.map((a) => aldrar[a]!))));
      const v = varden(kub, p);
      const summaAv = (delar: readonly string[]): number => {
        let x = 0;
        for (const d of delar) {
          const s = serier[aldrar.indexOf(d)]!;
          if (sak[s] !== TAL) return Number.NaN;
          x += v[s]!;
        }
        return x;
      };
      const satt = (typ: number, grupp: string, x: number) => {
        buf[3] = typ;
        buf[4] = ut.kod(4, grupp);
        ut.satt(ut.serie(buf), perioder[p]!, x, Number.isNaN(x) ? BERAKNAS_INTE : TAL);
      };
      const filer = () => har.map((a) => filAv(serier[a]!, p));
      if (plan.total) satt(0, "", summaAv(plan.total));
      else for (const f of filer()) utanTotal.add(f);
      for (const [grp, delar] of plan.grupper) satt(1, grp, summaAv(delar));
      if (plan.band) for (const [band, delar] of plan.band) satt(2, band, summaAv(delar));
      else for (const f of filer()) utanKvot.add(f);
    }
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
  const summerat = summeraRegioner(ut.bygg(), ind, { fil: data.fil, regel: "befolkning" }, findings);
  const typ = koder(summerat, 3);
  const grp = koder(summerat, 4);
  const grpText = summerat.ordbok[4]!;
  const konOrdning = summerat.ordbok[2]!.map((k) => KON.indexOf(k as Kon));
  const sKon = koder(summerat, 2);
  const alderRang = rang(grpText, (a, b) => (a === "" || b === "" ? cmp(a, b) : compareAlder(a, b)));
  const jamfor = (a: number, b: number) => konOrdning[sKon[a]!]! - konOrdning[sKon[b]!]! || alderRang[grp[a]!]! - alderRang[grp[b]!]!;
  const namn = regionnamn(ind);
  const rad = (s: number, p: number) => summerat.saknas[p]![s] !== UTAN_CELL;
  const bas: LangKolumn[] = [{ namn: "niva", slag: "niva" }, { namn: "kod", slag: "kod" }, { namn: "namn", slag: "namn" }, { namn: "ar", slag: "period" }, { namn: "kon", slag: "dim", dimension: "kon" }];
  const befolkning = lang(summerat, { kolumner: [...bas, { namn: "varde", slag: "varde", kub: summerat }], serier: (s) => typ[s] === 0, jamfor, rad }, namn);
  const alderTabell = lang(summerat, {
    kolumner: [...bas, { namn: "alder", slag: "dim", dimension: "alder" }, { namn: "varde", slag: "varde", kub: summerat }], serier: (s) => typ[s] === 1, jamfor, rad,
  }, namn);

  // Försörjningskvot = (0-19 + 65+) / 20-64 per region, year and kön, from the summed bands.
  const kvot = new KubBygge(["niva", "kod", "kon"], [summerat.ordbok[0]!, summerat.ordbok[1]!, summerat.ordbok[2]!]);
  const kvotPerioder = summerat.perioder.map((p) => kvot.period(p));
  const bandKod = BAND.map((b) => grpText.indexOf(b));
  const sNiva = koder(summerat, 0);
  const sKod = koder(summerat, 1);
  const bandSerier = new Map<number, Int32Array>();
  for (let s = 0; s < summerat.antal; s++) {
    if (typ[s] !== 2) continue;
    const b = bandKod.indexOf(grp[s]!);
    if (b < 0) continue;
    const g = (sNiva[s]! * summerat.ordbok[1]!.length + sKod[s]!) * summerat.ordbok[2]!.length + sKon[s]!;
    let a = bandSerier.get(g);
    if (!a) bandSerier.set(g, (a = new Int32Array(3).fill(-1)));
    a[b] = s;
  }
  const kbuf = new Int32Array(3);
  for (const serier of bandSerier.values()) {
    const forsta = [...serier].find((s) => s >= 0)!;
    kbuf[0] = sNiva[forsta]!;
    kbuf[1] = sKod[forsta]!;
    kbuf[2] = sKon[forsta]!;
    const t = kvot.serie(kbuf);
    summerat.perioder.forEach((_, p) => {
      const sak = summerat.saknas[p]!;
      if (![...serier].some((s) => s >= 0 && sak[s] !== UTAN_CELL)) return;
      const v = varden(summerat, p);
      const x = [...serier].map((s) => (s >= 0 && sak[s] === TAL ? v[s]! : null));
      const [unga, arbetsfor, aldre] = x;
      const k = unga == null || arbetsfor == null || aldre == null || arbetsfor === 0 ? Number.NaN : (unga + aldre) / arbetsfor;
      kvot.satt(t, kvotPerioder[p]!, k, Number.isNaN(k) ? BERAKNAS_INTE : TAL);
    });
  }
  const kvotKub = kvot.bygg();
  const kvotKon = koder(kvotKub, 2);
  const kvotKonOrdning = kvotKub.ordbok[2]!.map((k) => KON.indexOf(k as Kon));
  const forsorjningskvot = lang(kvotKub, {
    kolumner: [...bas, { namn: "varde", slag: "varde", kub: kvotKub }], serier: () => true,
    jamfor: (a, b) => kvotKonOrdning[kvotKon[a]!]! - kvotKonOrdning[kvotKon[b]!]!, rad: (s, p) => kvotKub.saknas[p]![s] !== UTAN_CELL,
  }, namn);
  return { befolkning, alder: alderTabell, forsorjningskvot };
}

/** Ranks of a dictionary's values by `jamfor` (equal values, equal ranks). */
function rang(varden: readonly string[], jamfor: (a: string, b: string) => number): Int32Array {
  const ordning = varden.map((_, i) => i).sort((a, b) => jamfor(varden[a]!, varden[b]!));
  const r = new Int32Array(varden.length);
  let k = -1;
  ordning.forEach((i, j) => {
    if (j === 0 || jamfor(varden[ordning[j - 1]!]!, varden[i]!) !== 0) k++;
    r[i] = k;
  });
  return r;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
