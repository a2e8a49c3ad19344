/**
 * SCB population (BE0101, folkmängd) by region, kön and ålder, from the yearly table
 * (BefolkningNy / TAB638: region, civilstånd, ålder, kön, år; the value is 31 December) or the
 * monthly table (BefolkManad: region, ålder, kön, månad; the year's value is December's).
 * Definitions: docs/definitioner/befolkning.md.
 *
 * Recognised by content: an `ålder` stub, the content `Folkmängd` or a title that starts with
 * "Folkmängd", and no stub outside
 * region, kön, ålder and civilstånd (BAS tables have status/inkomstkälla; the HE file, whose
 * content also includes `Folkmängd`, is recognised before this one).
 */
import type { PxTable } from "../read/pxweb.ts";
import type { Findings } from "../validate/findings.ts";
import { KubBygge, Serieindex, UTAN_CELL, TAL, koder, varden } from "../kub/kub.ts";
import type { Kubfil } from "../kub/sammanfoga.ts";
import { BERAKNAS_INTE } from "../read/tal.ts";
import { parseAlder } from "./alder.ts";
import { tolkaKon, KON_FORVANTAT } from "./kon.ts";
import { labelKey } from "./labels.ts";
import { REGION_RUBRIKER, type Regionreferens } from "./region.ts";
import { standardreferens } from "./standardreferens.ts";
import { lasScbTabell, placeraEnligtSpec, type ScbSpec } from "./scbtabell.ts";

/**
 * A population file as a cube of years: dimensions `niva`, `kod`, `kon`, `alder`; a monthly
 * table is its Decembers, civilstånd is SCB's total or the sum of the file's civilstånd.
 */
export interface BefolkningData extends Kubfil {
  readonly manadstabell: boolean;
}

const KNOWN_STUBS = new Set([...REGION_RUBRIKER, "kon", "alder", "civilstand"]);

const FOLKMANGD = new Set(["folkmangd", "antal", "antal personer", "befolkning", "folkmangd, antal", "population", "number of persons"]);
/** Other contents of SCB's population tables: known, not used. */
const ANDRA_INNEHALL = new Set(["folkokning", "medelfolkmangd", "folkmangd, andel", "andel", "procent"]);

const CIVILSTAND: ReadonlyMap<string, string> = new Map(
  [
    ["totalt", "totalt"], ["samtliga", "totalt"], ["totalt civilstand", "totalt"], ["alla", "totalt"], ["civilstand totalt", "totalt"],
    ["ogifta", "ogifta"], ["ogift", "ogifta"], ["gifta", "gifta"], ["gift", "gifta"], ["skilda", "skilda"], ["skild", "skilda"],
    ["anklingar", "ankor/anklingar"], ["ankor", "ankor/anklingar"], ["ankor/anklingar", "ankor/anklingar"], ["ankor och anklingar", "ankor/anklingar"],
    ["registrerade partners", "reg_partner"], ["registrerad partner", "reg_partner"],
    ["skilda partners", "skild_partner"], ["skild partner", "skild_partner"],
    ["efterlevande partners", "efterlevande_partner"], ["efterlevande partner", "efterlevande_partner"],
  ].map(([k, v]) => [labelKey(k!), v!]),
);

function folkmangdInnehall(label: string): boolean | undefined {
  const k = labelKey(label);
  if (FOLKMANGD.has(k)) return true;
  if (ANDRA_INNEHALL.has(k)) return false;
  return undefined;
}

export function isBefolkning(t: PxTable): boolean {
  return generellt(t) || enligtSpec(t);
}

/** By the table's stub and contents as the generic reading sees them (SCB's usual downloads). */
function generellt(t: PxTable): boolean {
  const keys = t.stubNames.map(labelKey);
  if (keys.some((k) => !KNOWN_STUBS.has(k))) return false;
  const harAlder = keys.includes("alder");
  const harFolkmangd = t.contents.some((c) => folkmangdInnehall(c) === true);
  if (t.contents.length > 0 && !harFolkmangd) return false;
  // SCB's title names the content when only one is chosen: "Folkmängden efter region, kön och år".
  const titel = t.title !== undefined && /^folkmangd/.test(labelKey(t.title));
  return harAlder || harFolkmangd || titel;
}

/** By the spec's own placement (ålder or the region in the heading): no unknown variable, contents Folkmängd if any. */
function enligtSpec(t: PxTable): boolean {
  const p = placeraEnligtSpec(t, SPEC, standardreferens());
  if (!p || p.okandaTextkolumner > 0) return false;
  if (p.innehall.length > 0 && !p.innehall.some((c) => folkmangdInnehall(c) === true)) return false;
  const titel = t.title !== undefined && /^folkmangd/.test(labelKey(t.title));
  return p.har("alder") || p.innehall.length > 0 || titel;
}

const SPEC: ScbSpec = {
  regel: "befolkning",
  tabell: "SCB:s tabell över folkmängd (BE0101, t.ex. BefolkningNy eller BefolkManad)",
  dimensioner: [
    { namn: "kon", visningsnamn: "kön", rubriker: ["kon"], tolka: (c) => tolkaKon(c), forvantat: KON_FORVANTAT, standard: "alla" },
    {
      namn: "alder", visningsnamn: "ålder", rubriker: ["alder"], tolka: (c) => parseAlder(c),
      forvantat: "en ålder som \"7 år\", \"100+ år\", en grupp som \"0-4 år\" eller \"65+ år\", eller \"totalt ålder\"", standard: "totalt",
    },
    {
      namn: "civilstand", visningsnamn: "civilstånd", rubriker: ["civilstand"], tolka: (c) => CIVILSTAND.get(labelKey(c)),
      forvantat: "\"ogifta\", \"gifta\", \"skilda\", \"änkor/änklingar\", \"registrerade partners\", \"skilda partners\", \"efterlevande partners\" eller \"totalt\"",
      standard: "totalt",
    },
  ],
  innehall: folkmangdInnehall,
  tid: "manad_eller_ar",
  harled: [{ dimension: "kon", total: "alla", delar: ["kvinnor", "man"] }],
  // SCB's riket tables have no region column.
  utanRegion: "riket",
  // From 2025 (TAB5557 and the monthly tables) SCB adds noise (Cell Key Method): totals need not be their parts' sum.
  brusFran: "2025",
};

export function normaliseBefolkning(t: PxTable, ref: Regionreferens, findings: Findings): BefolkningData | undefined {
  const l = lasScbTabell(t, SPEC, ref, findings);
  if (!l) return undefined;
  const kub = l.kub;
  const manadstabell = kub.perioder[0]!.length > 4;
  const dCiv = kub.dimensioner.indexOf("civilstand");
  const civ = koder(kub, dCiv);
  const totalKod = kub.ordbok[dCiv]!.indexOf("totalt");
  const index = new Serieindex(kub);

  // The year of each period: a month table's Decembers; other months give no value.
  const arMedManader = new Set<string>();
  const arMedDecember = new Set<string>();
  const perioder: { p: number; ar: string }[] = [];
  kub.perioder.forEach((tid, p) => {
    if (!manadstabell) { perioder.push({ p, ar: tid }); return; }
    const ar = tid.slice(0, 4);
    arMedManader.add(ar);
    if (tid.slice(5, 7) !== "12") return;
    arMedDecember.add(ar);
    perioder.push({ p, ar });
  });
  const utanDecember = [...arMedManader].filter((a) => !arMedDecember.has(a)).sort();
  if (utanDecember.length > 0) {
    findings.info({
      fil: t.fil, regel: "befolkning.december",
      meddelande: `folkmängden för ett år är decembers värde; ${utanDecember.join(", ")} saknar december och ger inga värden`,
      message: `a year's population is December's value; ${utanDecember.join(", ")} have no December and give no values`,
    });
  }

  // Civilstånd: SCB's total when the file has it (that cell), otherwise the sum of the file's civilstånd.
  const ut = new KubBygge(["niva", "kod", "kon", "alder"], [kub.ordbok[0]!, kub.ordbok[1]!, kub.ordbok[2]!, kub.ordbok[3]!], true);
  const utPerioder = perioder.map(({ ar }) => ut.period(ar));
  const dimkoder = [0, 1, 2, 3].map((d) => koder(kub, d));
  const buf = new Int32Array(4);
  for (let s = 0; s < kub.antal; s++) {
    const total = civ[s] === totalKod;
    const totalSyskon = total ? s : totalKod >= 0 ? index.syskon(s, dCiv, totalKod) : -1;
    for (let d = 0; d < 4; d++) buf[d] = dimkoder[d]![s]!;
    const t2 = ut.serie(buf);
    perioder.forEach(({ p }, i) => {
      const sak = kub.saknas[p]![s]!;
      if (sak === UTAN_CELL) return;
      if (!total && totalSyskon >= 0 && kub.saknas[p]![totalSyskon] !== UTAN_CELL) return; // SCB's total is used
      const q = utPerioder[i]!;
      const v = varden(kub, p)[s]!;
      const forra = ut.saknasKolumn(q)[t2]!;
      if (total || forra === UTAN_CELL) {
        ut.satt(t2, q, v, sak);
        ut.plats(t2, q, l.rad[p]![s]!, l.kolumn[p]![s]!);
      } else if (forra === TAL && sak === TAL) {
        ut.satt(t2, q, ut.kolumn(q)[t2]! + v, TAL);
      } else {
        ut.satt(t2, q, Number.NaN, forra !== TAL ? forra : sak === TAL ? BERAKNAS_INTE : sak);
      }
    });
  }
  const { kub: ar, rad, kolumn } = ut.byggMedPlats();
  return { fil: t.fil, kub: ar, rad, kolumn, manadstabell };
}
