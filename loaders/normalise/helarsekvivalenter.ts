/**
 * SCB helårsekvivalenter (HE0000T02N2 / TAB1386) from a PxWeb table to monthly values per
 * kommun (and riket when the file has it), kön and ersättning. Labels are matched by key, so
 * SCB's typo `Sjuk- och aktivitetsersersättning`, double spaces and en dashes are accepted.
 */
import { parseCell, CELL_PROBLEM } from "../read/cell.ts";
import { isTimeCode, type PxObservation, type PxTable } from "../read/pxweb.ts";
import { labelKey } from "./labels.ts";
import { KON_FORVANTAT, tolkaKon, type Kon } from "./kon.ts";
import { parseRegion, type Region } from "./region.ts";
import type { Kommun } from "../reference/indelning.ts";
import { Begransning, showValue, type Findings } from "../validate/findings.ts";
import { kontrolleraPerioder, type Plats } from "../validate/perioder.ts";

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

const AGE_20_64 = new Set(["20-64 ar", "20-64", "20-64 years"]);

/** Does this table look like helårsekvivalenter? (recognised by content labels, not name) */
export function isHelarsekvivalenter(t: PxTable): boolean {
  const matt = t.contents.map((c) => INNEHALL.get(labelKey(c)));
  return matt.some((m) => m !== undefined && m !== "folkmangd" && m !== "andel_procent");
}

/** One monthly value; `varde` null when SCB marks it missing. */
export interface HeManadsvarde {
  readonly kod: string;
  readonly manad: string;
  readonly kon: Kon;
  readonly matt: Matt;
  readonly varde: number | null;
}

export interface HeData {
  readonly fil: string;
  /** Key `kod|manad|kon|matt`. */
  readonly varden: ReadonlyMap<string, HeManadsvarde>;
  readonly kommuner: ReadonlySet<string>;
  readonly harRiket: boolean;
  readonly manader: readonly string[];
}

export function heKey(kod: string, manad: string, kon: Kon, matt: Matt): string {
  return `${kod}|${manad}|${kon}|${matt}`;
}

const MAX_PER_RULE = 25;

export function normaliseHelarsekvivalenter(
  t: PxTable, kommuner: ReadonlyMap<string, Kommun>, findings: Findings,
): HeData | undefined {
  const fil = t.fil;
  const keys = t.stubNames.map((n) => labelKey(n));
  const iRegion = keys.findIndex((k) => k === "region" || k === "kommun" || k === "lan och kommun");
  const iKon = keys.findIndex((k) => k === "kon" || k === "sex");
  const iAlder = keys.findIndex((k) => k === "alder" || k === "age" || k === "aldersgrupp");
  const missingDims = [iRegion < 0 ? "region" : "", iKon < 0 ? "kön" : ""].filter(Boolean);
  if (missingDims.length > 0) {
    findings.fel({
      fil, rad: t.headerLine, regel: "he.dimension",
      meddelande: `kolumn saknas: ${missingDims.map((d) => `"${d}"`).join(", ")}; förväntat region, kön, (ålder), tabellinnehåll och månader som i SCB:s tabell HE0000T02N2`,
      message: `missing dimension(s): ${missingDims.join(", ")}`,
    });
    return undefined;
  }
  if (iAlder >= 0) {
    const ages = new Set<string>();
    t.forEach((o) => ages.add(labelKey(o.stub[iAlder]!)));
    if (![...ages].some((a) => AGE_20_64.has(a))) {
      findings.fel({
        fil, rad: t.headerLine, kolumn: t.stubColumns[iAlder], falt: t.stubNames[iAlder], varde: [...ages].slice(0, 3).join(", "),
        regel: "he.alder", meddelande: "åldersgruppen 20-64 år saknas; förväntat ålder \"20-64 år\"",
        message: "age group 20-64 missing",
      });
      return undefined;
    }
  }

  const begransning = new Begransning(MAX_PER_RULE);
  const report = (rule: string): boolean => begransning.rapportera(rule);
  const varden = new Map<string, HeManadsvarde>();
  const firstSeen = new Map<string, Plats>();
  const kommunerISfil = new Set<string>();
  /** Each kommun's first row and the months it has (for `he.kommun_saknar_period`). */
  const kommunPerioder = new Map<string, { plats: Plats; varde: string; perioder: Set<string> }>();
  const manadPlats = new Map<string, Plats>();
  const manader = new Set<string>();
  const unknownContent = new Set<string>();
  const reportedRegion = new Set<string>();
  let harRiket = false;
  let ok = true;

  /** What a row's stub and content say; the same for every value of a row in a wide table. */
  const rowInfo = (o: PxObservation): { region: Region; kon: Kon; konCell: string; matt: Matt; contentLabel: string } | null => {
    if (iAlder >= 0 && !AGE_20_64.has(labelKey(o.stub[iAlder]!))) return null;
    const regionCell = o.stub[iRegion]!;
    const region = parseRegion(regionCell);
    const regionCol = t.stubColumns[iRegion]!;
    if (!region || (region.niva === "kommun" && !kommuner.has(region.kod))) {
      ok = false;
      if (!reportedRegion.has(regionCell) && report("he.region")) {
        reportedRegion.add(regionCell);
        const hint = /^\d{3}\b/.test(regionCell.trim()) ? " (saknas en inledande nolla? Excel tar bort den)" : "";
        findings.fel({
          fil, rad: o.line, kolumn: regionCol, falt: t.stubNames[iRegion], varde: showValue(regionCell), regel: "he.region",
          meddelande: region ? `okänd kommunkod "${region.kod}"${hint}; förväntat en av de 290 kommunkoderna` : `kan inte läsa regionen "${showValue(regionCell)}"${hint}; förväntat t.ex. "2080 Falun", "2080 - Falun", "2080" eller "00 Riket"`,
          message: region ? `unknown kommun code ${region.kod}` : "cannot read region; expected e.g. \"2080 Falun\"",
        });
      }
      return null;
    }
    if (region.niva === "lan") {
      if (!reportedRegion.has(regionCell)) {
        reportedRegion.add(regionCell);
        findings.info({
          fil, rad: o.line, kolumn: regionCol, varde: regionCell, regel: "he.lan_i_fil",
          meddelande: "länsrader i filen används inte; länet beräknas som summan av sina kommuner",
          message: "county rows are not used; the county is computed as the sum of its kommuner",
        });
      }
      return null;
    }
    if (region.niva === "kommun" && region.namn !== undefined && !reportedRegion.has(regionCell)) {
      const ref = kommuner.get(region.kod)!;
      if (labelKey(region.namn) !== labelKey(ref.namn)) {
        reportedRegion.add(regionCell);
        findings.varning({
          fil, rad: o.line, kolumn: regionCol, varde: regionCell, regel: "he.kommunnamn",
          meddelande: `kommunkod ${region.kod} heter ${ref.namn} i referensdata men "${region.namn}" i filen; koden används`,
          message: "kommun name differs from reference data; the code is used",
        });
      }
    }
    const konCell = o.stub[iKon]!;
    const kon = tolkaKon(konCell);
    if (!kon) {
      ok = false;
      if (report("he.kon")) {
        findings.fel({
          fil, rad: o.line, kolumn: t.stubColumns[iKon], falt: t.stubNames[iKon], varde: showValue(konCell), regel: "he.kon",
          meddelande: `okänt kön "${showValue(konCell)}"; förväntat ${KON_FORVANTAT}`,
          message: "unknown sex; expected män, kvinnor or män och kvinnor totalt",
        });
      }
      return null;
    }
    const contentLabel = o.innehall ?? "";
    const matt = INNEHALL.get(labelKey(contentLabel));
    if (!matt) {
      if (!unknownContent.has(contentLabel)) {
        unknownContent.add(contentLabel);
        findings.varning({
          fil, rad: o.line, kolumn: o.innehallKolumn, varde: showValue(contentLabel), regel: "he.innehall",
          meddelande: `okänt tabellinnehåll "${showValue(contentLabel)}" används inte`,
          message: "unknown content label is ignored",
        });
      }
      return null;
    }
    return { region, kon, konCell, matt, contentLabel };
  };
  let prevStub: readonly string[] | undefined;
  let prevInnehall: string | undefined;
  let prevInfo: ReturnType<typeof rowInfo> = null;
  const manadFor = new Map<string, string | null>();

  t.forEach((o) => {
    if (o.stub !== prevStub || o.innehall !== prevInnehall) {
      prevStub = o.stub;
      prevInnehall = o.innehall;
      prevInfo = rowInfo(o);
    }
    if (!prevInfo) return;
    const { region, kon, konCell, matt, contentLabel } = prevInfo;
    let manad = manadFor.get(o.tid);
    if (manad === undefined) {
      manad = isTimeCode(o.tid) && /M\d{2}$/.test(o.tid) ? `${o.tid.slice(0, 4)}-${o.tid.slice(5, 7)}` : null;
      manadFor.set(o.tid, manad);
    }
    if (manad === null) {
      ok = false;
      if (report("he.manad")) {
        findings.fel({
          fil, rad: o.line, kolumn: o.column, falt: o.columnName, varde: showValue(o.tid), regel: "he.manad",
          meddelande: `ogiltig månad "${showValue(o.tid)}"; förväntat ÅÅÅÅMmm, t.ex. 2024M03`,
          message: "invalid month; expected YYYYMmm such as 2024M03",
        });
      }
      return;
    }
    const cell = parseCell(o.cell);
    let varde: number | null;
    if (cell.kind === "ogiltig") {
      ok = false;
      if (report("he.tal")) {
        findings.fel({
          fil, rad: o.line, kolumn: o.column, falt: o.columnName, varde: showValue(o.cell), regel: "he.tal",
          meddelande: CELL_PROBLEM[cell.reason].sv, message: CELL_PROBLEM[cell.reason].en,
        });
      }
      return;
    } else if (cell.kind === "saknas") {
      varde = null;
      if (matt !== "andel_procent" && report("he.saknas")) {
        findings.varning({
          fil, rad: o.line, kolumn: o.column, falt: o.columnName, varde: cell.symbol === "" ? "(tom)" : cell.symbol, regel: "he.saknas",
          meddelande: `värdet saknas (${region.kod}, ${konCell}, ${contentLabel}, ${o.tid}); halvår och år som omfattar månaden beräknas inte för regionen`,
          message: "missing value; the half-year and year containing this month are not computed for the region",
        });
      }
    } else {
      varde = cell.value;
      if (varde < 0) {
        ok = false;
        if (report("he.negativ")) {
          findings.fel({
            fil, rad: o.line, kolumn: o.column, falt: o.columnName, varde: showValue(o.cell), regel: "he.negativ",
            meddelande: "negativt värde; förväntat ett tal som är 0 eller större", message: "negative value; expected 0 or more",
          });
        }
        return;
      }
      if (matt === "ekonomiskt_bistand" && varde === 0 && report("he.ekonomiskt_bistand_noll")) {
        findings.varning({
          fil, rad: o.line, kolumn: o.column, falt: o.columnName, varde: "0", regel: "he.ekonomiskt_bistand_noll",
          meddelande: "ekonomiskt bistånd är 0; enligt SCB kan det betyda att kommunen inte rapporterat månaden",
          message: "ekonomiskt bistånd is 0, which SCB says may mean the kommun did not report the month",
        });
      }
    }
    const key = heKey(region.kod, manad, kon, matt);
    const seen = firstSeen.get(key);
    if (seen !== undefined) {
      ok = false;
      if (report("he.dubblett")) {
        findings.fel({
          fil, rad: o.line, kolumn: o.column, falt: o.columnName, regel: "he.dubblett",
          meddelande: `samma värde (${region.kod}, ${konCell}, ${contentLabel}, ${o.tid}) finns redan på rad ${seen.rad}; förväntat en rad per region, kön och innehåll`,
          message: `duplicate of line ${seen.rad}`,
        });
      }
      return;
    }
    firstSeen.set(key, { rad: o.line, kolumn: o.column, falt: o.columnName });
    varden.set(key, { kod: region.kod, manad, kon, matt, varde });
    manader.add(manad);
    if (!manadPlats.has(manad)) manadPlats.set(manad, { rad: o.line, kolumn: o.column, falt: o.columnName });
    if (region.niva === "riket") harRiket = true;
    else {
      kommunerISfil.add(region.kod);
      let k = kommunPerioder.get(region.kod);
      if (!k) {
        k = { plats: { rad: o.line, kolumn: t.stubColumns[iRegion], falt: t.stubNames[iRegion] }, varde: o.stub[iRegion]!, perioder: new Set() };
        kommunPerioder.set(region.kod, k);
      }
      k.perioder.add(manad);
    }
  });

  begransning.sammanfatta(findings, fil, (regel) => (regel === "he.saknas" || regel === "he.ekonomiskt_bistand_noll" ? "varning" : "fel"));

  if (!ok) return undefined;
  if (varden.size === 0) {
    findings.fel({ fil, regel: "he.tom", meddelande: "filen innehåller inga värden för ålder 20-64 år", message: "no values for age 20-64" });
    return undefined;
  }
  const data: HeData = { fil, varden, kommuner: kommunerISfil, harRiket, manader: [...manader].sort() };
  deriveTotals(varden);
  checkConsistency(data, firstSeen, findings);
  kontrolleraPerioder({ fil, regel: "he", kommuner: kommunPerioder, perioder: manadPlats, lucka: true }, findings);
  return data;
}

/** When the file has män and kvinnor but not the total, the total is their sum. */
function deriveTotals(varden: Map<string, HeManadsvarde>): void {
  for (const v of [...varden.values()]) {
    if (v.kon !== "kvinnor" || v.matt === "andel_procent") continue;
    const allaKey = heKey(v.kod, v.manad, "alla", v.matt);
    if (varden.has(allaKey)) continue;
    const man = varden.get(heKey(v.kod, v.manad, "man", v.matt));
    if (!man) continue;
    const varde = v.varde === null || man.varde === null ? null : v.varde + man.varde;
    varden.set(allaKey, { kod: v.kod, manad: v.manad, kon: "alla", matt: v.matt, varde });
  }
}

/** Warnings where SCB's own totals disagree with their parts. */
function checkConsistency(data: HeData, plats: ReadonlyMap<string, Plats>, findings: Findings): void {
  const { varden, fil } = data;
  let n = 0;
  let key = "";
  const warn = (meddelande: string, message: string) => {
    // Named by the cell of the total that disagrees with its parts.
    const p = plats.get(key);
    if (n++ < MAX_PER_RULE) {
      findings.varning({ fil, ...(p ? { rad: p.rad, kolumn: p.kolumn, falt: p.falt, varde: String(varden.get(key)!.varde) } : {}), regel: "he.summa", meddelande, message });
    }
  };
  for (const [k, v] of varden) {
    key = k;
    if (v.varde === null) continue;
    if (v.kon === "alla" && v.matt !== "andel_procent") {
      const k = varden.get(heKey(v.kod, v.manad, "kvinnor", v.matt))?.varde;
      const m = varden.get(heKey(v.kod, v.manad, "man", v.matt))?.varde;
      if (k != null && m != null && Math.abs(k + m - v.varde) > 1e-9) {
        warn(`${v.kod} ${v.manad} ${v.matt}: totalt ${v.varde} är inte kvinnor + män (${k} + ${m})`, "total is not women + men");
      }
    }
    if (v.matt === "summa") {
      const parts = DELAR.map((d) => varden.get(heKey(v.kod, v.manad, v.kon, d))?.varde);
      if (parts.every((p) => p != null)) {
        const sum = (parts as number[]).reduce((a, b) => a + b, 0);
        if (Math.abs(sum - v.varde) > 1e-6) warn(`${v.kod} ${v.manad} ${v.kon}: summa ${v.varde} är inte summan av delarna (${sum})`, "summa is not the sum of its parts");
      }
    }
    if (v.matt === "andel_procent") {
      const summa = varden.get(heKey(v.kod, v.manad, v.kon, "summa"))?.varde;
      const folk = varden.get(heKey(v.kod, v.manad, v.kon, "folkmangd"))?.varde;
      if (summa != null && folk != null && folk > 0 && Math.abs((100 * summa) / folk - v.varde) > 0.051) {
        warn(`${v.kod} ${v.manad} ${v.kon}: SCB:s andel ${v.varde} % stämmer inte med summa/folkmängd (${((100 * summa) / folk).toFixed(2)} %)`, "SCB's share differs from summa/folkmängd");
      }
    }
  }
  if (n > MAX_PER_RULE) findings.varning({ fil, regel: "he.summa", meddelande: `ytterligare ${n - MAX_PER_RULE} avvikelser visas inte`, message: "more inconsistencies not shown" });
}
