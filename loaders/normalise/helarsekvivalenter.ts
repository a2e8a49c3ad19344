/**
 * SCB helårsekvivalenter (HE0000T02N2 / TAB1386): the spec of the table, read by the one SCB
 * reader (`scbtabell.ts`) in any PxWeb placement, and the checks only this table has.
 * Dimensions: region, kön, ålder (only 20-64 år is used), the content as `matt`
 * (the six ersättningar, their summa, folkmängd and SCB's rate), month.
 * Labels are matched by key, so SCB's typo `Sjuk- och aktivitetsersersättning`, double spaces
 * and en dashes are accepted. Definitions: docs/definitioner/helarsekvivalenter.md.
 */
import type { PxTable } from "../read/pxweb.ts";
import { TAL, dimIndex, koder, varden, Serieindex } from "../kub/kub.ts";
import type { Regionreferens } from "./region.ts";
import { labelKey } from "./labels.ts";
import { KON_FORVANTAT, tolkaKon } from "./kon.ts";
import { parseAlder } from "./alder.ts";
import { lasScbTabell, type ScbLasning, type ScbSpec } from "./scbtabell.ts";
import { Begransning, type Findings } from "../validate/findings.ts";

export const ERSATTNINGAR = [
  "sjukpenning",
  "sjuk_aktivitetsersattning",
  "arbetsloshet",
  "arbetsmarknadsatgarder",
  "etableringsersattning",
  "ekonomiskt_bistand",
  "summa",
] as const;
export type Ersattning = (typeof ERSATTNINGAR)[number];
/** The six parts whose sum is `summa`. */
export const DELAR: readonly Ersattning[] = ERSATTNINGAR.filter((e) => e !== "summa");

export type Matt = Ersattning | "folkmangd" | "andel_procent";
export const MATT: readonly Matt[] = [...ERSATTNINGAR, "folkmangd", "andel_procent"];

export { KON, type Kon } from "./kon.ts";

/** Content labels (by key) to what they measure. */
const INNEHALL: ReadonlyMap<string, Matt> = new Map<string, Matt>(
  (
    [
      ["Sjukpenning", "sjukpenning"],
      ["Sjuk- och aktivitetsersersättning", "sjuk_aktivitetsersattning"],
      ["Sjuk- och aktivitetsersättning", "sjuk_aktivitetsersattning"],
      ["Arbetslöshetsersättning", "arbetsloshet"],
      ["Arbetslöshet", "arbetsloshet"],
      ["Arbetsmarknadsåtgärder", "arbetsmarknadsatgarder"],
      ["Etableringsersättning", "etableringsersattning"],
      ["Ekonomiskt bistånd", "ekonomiskt_bistand"],
      ["Summa helårsekvivalenter", "summa"],
      ["Summa", "summa"],
      ["Folkmängd", "folkmangd"],
      ["Folkmängd 20-64 år", "folkmangd"],
      ["Andel av befolkningen", "andel_procent"],
      ["Andel av befolkningen, procent", "andel_procent"],
    ] as const
  ).map(([label, matt]) => [labelKey(label), matt]),
);

export function tolkaMatt(label: string): Matt | undefined {
  return INNEHALL.get(labelKey(label));
}

const AGE_20_64 = new Set(["20-64"]);

/** The one age the table is read for; other ages are passed over (counted, not used); a label that is no age is an error. */
function tolkaHeAlder(label: string): string | null | undefined {
  const a = parseAlder(label);
  if (a === undefined) return undefined;
  return AGE_20_64.has(a) ? "20-64" : null;
}

export const SPEC: ScbSpec = {
  regel: "he",
  tabell: "SCB:s tabell HE0000T02N2",
  dimensioner: [
    { namn: "kon", visningsnamn: "kön", rubriker: ["kon", "sex"], tolka: tolkaKon, forvantat: KON_FORVANTAT },
    {
      namn: "alder", visningsnamn: "ålder", rubriker: ["alder", "age", "aldersgrupp"], tolka: tolkaHeAlder, forvantat: "en ålder eller åldersgrupp, t.ex. \"20-64 år\" (bara 20-64 år används)", standard: "20-64",
      kravs: { varde: "20-64", meddelande: "åldersgruppen 20-64 år saknas; förväntat ålder \"20-64 år\"", message: "age group 20-64 missing" },
    },
    {
      namn: "matt", visningsnamn: "tabellinnehåll", rubriker: [], franInnehall: true, tolka: tolkaMatt,
      forvantat: "SCB:s tabellinnehåll, t.ex. \"Sjukpenning\", \"Summa helårsekvivalenter\" eller \"Folkmängd\"",
    },
  ],
  innehall: () => undefined,
  tid: "manad",
  tidRegel: "he.manad",
  harled: [{ dimension: "kon", total: "alla", delar: ["kvinnor", "man"], utom: { dimension: "matt", varden: ["andel_procent"] } }],
  beskrivSaknat: (c) => `${c.kod}, ${c.etiketter[0] ?? c.dims[0]}, ${c.innehall ?? c.dims[2]}, ${c.tid}`,
  saknatMeddelande: {
    sv: "halvår och år som omfattar månaden beräknas inte för regionen",
    en: "missing value; the half-year and year containing this month are not computed for the region",
  },
  tystSaknad: (dims) => dims[2] === "andel_procent",
  tom: { sv: "filen innehåller inga värden för ålder 20-64 år", en: "no values for age 20-64" },
  periodlucka: true,
  // kontrolleraHe compares kön, summa and SCB's rate with their parts, in the table's own words.
  jamforTotaler: false,
  oanvand: { dimension: "matt", varden: ["andel_procent"], varfor: "SCB:s \"Andel av befolkningen\" används bara för att kontrollera filen; andelen räknas om som summa / folkmängd" },
};

/** Does this table look like helårsekvivalenter? (recognised by content labels, not name) */
export function isHelarsekvivalenter(t: PxTable): boolean {
  const matt = t.contents.map((c) => tolkaMatt(c));
  return matt.some((m) => m !== undefined && m !== "folkmangd" && m !== "andel_procent");
}

const MAX_PER_RULE = 25;

/** Reads a helårsekvivalenter table (any placement) and runs the table's own checks. */
export function normaliseHelarsekvivalenter(t: PxTable, ref: Regionreferens, findings: Findings): ScbLasning | undefined {
  const l = lasScbTabell(t, SPEC, ref, findings);
  if (!l) return undefined;
  ekonomisktBistandNoll(l, findings);
  kontrolleraHe(l, findings);
  return l;
}

/** SCB: a 0 for ekonomiskt bistånd can mean that the kommun did not report the month. */
function ekonomisktBistandNoll(l: ScbLasning, findings: Findings): void {
  const { kub } = l;
  const m = dimIndex(kub, "matt");
  const eb = kub.ordbok[m]!.indexOf("ekonomiskt_bistand");
  if (eb < 0) return;
  const mk = koder(kub, m);
  const b = new Begransning(MAX_PER_RULE);
  const regel = "he.ekonomiskt_bistand_noll";
  const kolumner = kub.perioder.map((_, p) => varden(kub, p));
  for (let s = 0; s < kub.antal; s++) {
    if (mk[s] !== eb) continue;
    for (let p = 0; p < kub.perioder.length; p++) {
      const rad = l.rad[p]![s]!;
      if (rad === 0 || kub.saknas[p]![s] !== TAL || kolumner[p]![s] !== 0 || !b.rapportera(regel)) continue;
      const kolumn = l.kolumn[p]![s]!;
      findings.varning({
        fil: l.fil, rad, kolumn, falt: l.kolumnnamn[kolumn - 1], varde: "0", regel,
        meddelande: "ekonomiskt bistånd är 0; enligt SCB kan det betyda att kommunen inte rapporterat månaden",
        message: "ekonomiskt bistånd is 0, which SCB says may mean the kommun did not report the month",
      });
    }
  }
  b.sammanfatta(findings, l.fil, () => "varning");
}

/**
 * Warnings where SCB's own totals disagree with their parts: kön totalt is not kvinnor + män,
 * summa is not the sum of the six ersättningar, SCB's andel is not summa / folkmängd. The months
 * are checked one at a time (each month's column read in order, not one series across all
 * months), and the warnings given in series order, then month, then check, as the file is read.
 */
function kontrolleraHe(l: ScbLasning, findings: Findings): void {
  const { kub, fil } = l;
  const index = new Serieindex(kub);
  const dKon = dimIndex(kub, "kon");
  const dMatt = dimIndex(kub, "matt");
  const kon = kub.ordbok[dKon]!;
  const matt = kub.ordbok[dMatt]!;
  const kodKon = (k: string) => kon.indexOf(k);
  const kodMatt = (x: string) => matt.indexOf(x);
  const konK = koder(kub, dKon);
  const mattK = koder(kub, dMatt);
  const kodKod = koder(kub, "kod");
  let n = 0;
  const kolumner = kub.perioder.map((_, p) => varden(kub, p));
  const warn = (s: number, p: number, meddelande: string, message: string) => {
    if (n++ >= MAX_PER_RULE) return;
    const rad = l.rad[p]![s]!;
    const kolumn = l.kolumn[p]![s]!;
    findings.varning({ fil, ...(rad > 0 ? { rad, kolumn, falt: l.kolumnnamn[kolumn - 1], varde: String(kolumner[p]![s]) } : {}), regel: "he.summa", meddelande, message });
  };
  const alla = kodKon("alla");
  const kvinnor = kodKon("kvinnor");
  const man = kodKon("man");
  const summa = kodMatt("summa");
  const folk = kodMatt("folkmangd");
  const andel = kodMatt("andel_procent");
  const delar = DELAR.map(kodMatt);
  const kanJamforaKon = kvinnor >= 0 && man >= 0;
  const kanJamforaSumma = delar.every((d) => d >= 0);
  const kanJamforaAndel = summa >= 0 && folk >= 0;
  // The siblings each check needs, found once per series (not per month): per series its
  // kvinnor and män (kön totalt), its six parts (summa), its summa and folkmängd (andel); -1
  // where the check does not apply or a sibling is missing (nothing to compare then).
  const N = kub.antal;
  const D = delar.length;
  const konSyskon = new Int32Array(2 * N).fill(-1);
  const delSyskon = new Int32Array(D * N).fill(-1);
  const andelSyskon = new Int32Array(2 * N).fill(-1);
  const kontrolleras: number[] = [];
  /** Keeps series `s`'s siblings for a check (`bredd` per series) when all exist. */
  const behall = (till: Int32Array, bredd: number, s: number, syskon: number[]): boolean => {
    if (syskon.some((d) => d < 0)) return false;
    till.set(syskon, bredd * s);
    return true;
  };
  for (let s = 0; s < N; s++) {
    const x = mattK[s]!;
    const k = konK[s] === alla && x !== andel && kanJamforaKon && behall(konSyskon, 2, s, [index.syskon(s, dKon, kvinnor), index.syskon(s, dKon, man)]);
    const d = x === summa && kanJamforaSumma && behall(delSyskon, D, s, delar.map((del) => index.syskon(s, dMatt, del)));
    const a = x === andel && kanJamforaAndel && behall(andelSyskon, 2, s, [index.syskon(s, dMatt, summa), index.syskon(s, dMatt, folk)]);
    if (k || d || a) kontrolleras.push(s);
  }
  /** The sum of summa's six parts in month `p`, in the parts' order; undefined when one is missing. */
  const delsumma = (s: number, p: number): number | undefined => {
    const v = kolumner[p]!;
    const sak = kub.saknas[p]!;
    let sum = 0;
    for (let k = 0; k < D; k++) {
      const d = delSyskon[D * s + k]!;
      if (sak[d] !== TAL) return undefined;
      sum += v[d]!;
    }
    return sum;
  };
  // Each disagreement as one number (series, month, check), sorted into the order of the file.
  const P = kub.perioder.length;
  const avvikelser: number[] = [];
  for (let p = 0; p < P; p++) {
    const v = kolumner[p]!;
    const sak = kub.saknas[p]!;
    for (const s of kontrolleras) {
      if (sak[s] !== TAL) continue;
      const varde = v[s]!;
      const kv = konSyskon[2 * s]!;
      if (kv >= 0) {
        const m = konSyskon[2 * s + 1]!;
        if (sak[kv] === TAL && sak[m] === TAL && Math.abs(v[kv]! + v[m]! - varde) > 1e-9) avvikelser.push((s * P + p) * 3);
      }
      if (delSyskon[D * s]! >= 0) {
        const sum = delsumma(s, p);
        if (sum !== undefined && Math.abs(sum - varde) > 1e-6) avvikelser.push((s * P + p) * 3 + 1);
      }
      const su = andelSyskon[2 * s]!;
      if (su >= 0) {
        const fo = andelSyskon[2 * s + 1]!;
        if (sak[su] === TAL && sak[fo] === TAL && v[fo]! > 0 && Math.abs((100 * v[su]!) / v[fo]! - varde) > 0.051) avvikelser.push((s * P + p) * 3 + 2);
      }
    }
  }
  for (const a of Float64Array.from(avvikelser).sort()) {
    // Beyond the first MAX_PER_RULE only counted: no message is made.
    if (n >= MAX_PER_RULE) {
      n++;
      continue;
    }
    const s = Math.floor(a / (3 * P));
    const p = Math.floor(a / 3) % P;
    const v = kolumner[p]!;
    const varde = v[s]!;
    const kod = kub.ordbok[1]![kodKod[s]!]!;
    const manad = kub.perioder[p]!;
    const k = kon[konK[s]!]!;
    if (a % 3 === 0) {
      const kv = v[konSyskon[2 * s]!]!;
      const m = v[konSyskon[2 * s + 1]!]!;
      warn(s, p, `${kod} ${manad} ${matt[mattK[s]!]}: totalt ${varde} är inte kvinnor + män (${kv} + ${m})`, "total is not women + men");
    } else if (a % 3 === 1) {
      warn(s, p, `${kod} ${manad} ${k}: summa ${varde} är inte summan av delarna (${delsumma(s, p)})`, "summa is not the sum of its parts");
    } else {
      const kvot = (100 * v[andelSyskon[2 * s]!]!) / v[andelSyskon[2 * s + 1]!]!;
      warn(s, p, `${kod} ${manad} ${k}: SCB:s andel ${varde} % stämmer inte med summa/folkmängd (${kvot.toFixed(2)} %)`, "SCB's share differs from summa/folkmängd");
    }
  }
  if (n > MAX_PER_RULE) findings.varning({ fil, regel: "he.summa", meddelande: `ytterligare ${n - MAX_PER_RULE} avvikelser visas inte`, message: "more inconsistencies not shown" });
}
