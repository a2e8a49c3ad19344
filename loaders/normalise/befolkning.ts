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
import type { PxObservation, PxTable } from "../read/pxweb.ts";
import type { Kommun } from "../reference/indelning.ts";
import type { Findings } from "../validate/findings.ts";
import { parseAlder } from "./alder.ts";
import { tolkaKon, KON_FORVANTAT, type Kon } from "./kon.ts";
import { labelKey } from "./labels.ts";
import { REGION_RUBRIKER } from "./region.ts";
import { normaliseScbTabell, type ScbSpec } from "./scbtabell.ts";

/** One population count at the end of a year (31 December). */
export interface BefolkningVarde {
  readonly niva: "kommun" | "lan" | "riket";
  readonly kod: string;
  /** `YYYY`. */
  readonly ar: string;
  readonly kon: Kon;
  /** Canonical age (`alder.ts`): `7`, `0-4`, `100+` or `totalt`. */
  readonly alder: string;
  readonly varde: number | null;
}

export interface BefolkningData {
  readonly fil: string;
  readonly varden: readonly BefolkningVarde[];
  readonly kommuner: ReadonlySet<string>;
  /** Years with a value, sorted. */
  readonly ar: readonly string[];
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
  const keys = t.stubNames.map(labelKey);
  if (keys.some((k) => !KNOWN_STUBS.has(k))) return false;
  const harAlder = keys.includes("alder");
  const harFolkmangd = t.contents.some((c) => folkmangdInnehall(c) === true);
  if (t.contents.length > 0 && !harFolkmangd) return false;
  // SCB's title names the content when only one is chosen: "Folkmängden efter region, kön och år".
  const titel = t.title !== undefined && /^folkmangd/.test(labelKey(t.title));
  return harAlder || harFolkmangd || titel;
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
};

export function normaliseBefolkning(
  t: PxTable, kommuner: ReadonlyMap<string, Kommun>, lanKoder: ReadonlySet<string>, findings: Findings,
): BefolkningData | undefined {
  const harRegion = t.stubNames.some((n) => REGION_RUBRIKER.has(labelKey(n)));
  if (!harRegion) {
    findings.info({
      fil: t.fil, rad: t.headerLine, regel: "befolkning.riket",
      meddelande: "filen har ingen regionkolumn; värdena läses som riket (00 Riket)",
      message: "no region column: the values are read as riket",
    });
  }
  const data = normaliseScbTabell(harRegion ? t : medRiket(t), SPEC, kommuner, lanKoder, findings);
  if (!data) return undefined;
  const manadstabell = data.tider[0]!.length > 4;
  if (!manadstabell && !t.stubNames.some((n) => labelKey(n) === "civilstand")) {
    // A yearly table without civilstånd: one value per region, year, kön and age already.
    const varden = data.varden.map((v): BefolkningVarde => ({ niva: v.niva, kod: v.kod, ar: v.tid, kon: v.dims[0] as Kon, alder: v.dims[1]!, varde: v.varde }));
    return { fil: t.fil, varden, kommuner: data.kommuner, ar: data.tider, manadstabell };
  }

  // Civilstånd: SCB's total when the file has it, otherwise the sum of the file's civilstånd.
  interface Summa { niva: BefolkningVarde["niva"]; kod: string; ar: string; kon: Kon; alder: string; varde: number | null; total: boolean }
  const summor = new Map<string, Summa>();
  const arMedManader = new Set<string>();
  const arMedDecember = new Set<string>();
  for (const v of data.varden) {
    let ar = v.tid;
    if (manadstabell) {
      ar = v.tid.slice(0, 4);
      arMedManader.add(ar);
      if (v.tid.slice(5, 7) !== "12") continue;
      arMedDecember.add(ar);
    }
    const [kon, alder, civ] = v.dims as [Kon, string, string];
    const key = `${v.niva}|${v.kod}|${ar}|${kon}|${alder}`;
    const total = civ === "totalt";
    const s = summor.get(key);
    if (!s) summor.set(key, { niva: v.niva, kod: v.kod, ar, kon, alder, varde: v.varde, total });
    else if (total) { s.varde = v.varde; s.total = true; }
    else if (!s.total) s.varde = s.varde === null || v.varde === null ? null : s.varde + v.varde;
  }
  const utanDecember = [...arMedManader].filter((a) => !arMedDecember.has(a)).sort();
  if (utanDecember.length > 0) {
    findings.info({
      fil: t.fil, regel: "befolkning.december",
      meddelande: `folkmängden för ett år är decembers värde; ${utanDecember.join(", ")} saknar december och ger inga värden`,
      message: `a year's population is December's value; ${utanDecember.join(", ")} have no December and give no values`,
    });
  }
  const varden = [...summor.values()].map(({ total: _, ...v }) => v as BefolkningVarde);
  return { fil: t.fil, varden, kommuner: data.kommuner, ar: [...new Set(varden.map((v) => v.ar))].sort(), manadstabell };
}

/** The table with a region stub `00 Riket` in front (SCB's riket tables have no region column). */
function medRiket(t: PxTable): PxTable {
  return {
    ...t,
    stubNames: ["region", ...t.stubNames],
    stubColumns: [0, ...t.stubColumns],
    forEach(visit) {
      let prev: readonly string[] | undefined;
      let stub: readonly string[] = [];
      t.forEach((o: PxObservation) => {
        if (o.stub !== prev) { prev = o.stub; stub = ["00 Riket", ...o.stub]; }
        visit({ ...o, stub });
      });
    },
  };
}
