/**
 * Any SCB PxWeb table of counts by region and other dimensions (BAS, population) to one value
 * per region, time and group. What each dimension may hold is the caller's spec; this module
 * does what every such table needs: region codes checked against the 290 kommuner, stub labels
 * matched by key, SCB's missing-value symbols kept as missing, negatives, duplicates and
 * unknown labels reported with file, line and column.
 */
import { parseCell, CELL_PROBLEM } from "../read/cell.ts";
import { isTimeCode, type PxObservation, type PxTable } from "../read/pxweb.ts";
import { labelKey } from "./labels.ts";
import { parseRegion, REGION_RUBRIKER, type Region } from "./region.ts";
import type { Kommun } from "../reference/indelning.ts";
import { Begransning, showValue, type Findings } from "../validate/findings.ts";
import { kontrolleraPerioder, type Plats } from "../validate/perioder.ts";

export interface Dimension {
  /** Canonical name, e.g. `kon`, `alder`, `status`. */
  readonly namn: string;
  /** Swedish name for messages, e.g. `kön`. */
  readonly visningsnamn: string;
  /** Header keys (see `labelKey`) that name this stub column. */
  readonly rubriker: readonly string[];
  /** Canonical value; null = a known value that is not used (the row is passed over); undefined = unknown (an error). */
  readonly tolka: (cell: string) => string | null | undefined;
  /** What was expected, in Swedish, for the error message. */
  readonly forvantat: string;
  /** Value when the table has no such column; without it the column is required. */
  readonly standard?: string;
  /** When the table has no such column, the value is read from the content label (e.g. BAS status). */
  readonly franInnehall?: boolean;
}

export interface ScbSpec {
  /** Rule id prefix, e.g. `bas`. */
  readonly regel: string;
  /** The table as users know it, e.g. `SCB:s tabell ArbStatusM (TAB6260)`. */
  readonly tabell: string;
  readonly dimensioner: readonly Dimension[];
  /**
   * Content labels (when no dimension is read from them): true = a count to use; false = known
   * but not used (e.g. SCB's rates, which are recomputed); undefined = unknown (warning, not used).
   */
  readonly innehall: (label: string) => boolean | undefined;
  readonly tid: "manad" | "ar" | "manad_eller_ar";
  /** Totals derived as the sum of their parts when the file lacks them (e.g. kön `alla`). */
  readonly harled?: readonly { readonly dimension: string; readonly total: string; readonly delar: readonly string[] }[];
}

export interface ScbVarde {
  readonly niva: Region["niva"];
  readonly kod: string;
  /** `YYYY-MM` or `YYYY`. */
  readonly tid: string;
  /** Canonical dimension values in the spec's order. */
  readonly dims: readonly string[];
  readonly varde: number | null;
}

export interface ScbData {
  readonly fil: string;
  readonly varden: readonly ScbVarde[];
  readonly kommuner: ReadonlySet<string>;
  readonly tider: readonly string[];
}

const MAX_PER_RULE = 25;

export function normaliseScbTabell(
  t: PxTable, spec: ScbSpec, kommuner: ReadonlyMap<string, Kommun>, lanKoder: ReadonlySet<string>, findings: Findings,
): ScbData | undefined {
  const fil = t.fil;
  const r = spec.regel;
  const keys = t.stubNames.map((n) => labelKey(n));
  const iRegion = keys.findIndex((k) => REGION_RUBRIKER.has(k));
  const dimIndex = spec.dimensioner.map((d) => keys.findIndex((k) => d.rubriker.includes(k)));
  const saknade = [
    ...(iRegion < 0 ? ["region"] : []),
    ...spec.dimensioner.filter((d, i) => dimIndex[i]! < 0 && d.standard === undefined && !d.franInnehall).map((d) => d.visningsnamn),
  ];
  if (saknade.length > 0) {
    findings.fel({
      fil, rad: t.headerLine, regel: `${r}.dimension`,
      meddelande: `kolumn saknas: ${saknade.map((d) => `"${d}"`).join(", ")}; förväntat ${["region", ...spec.dimensioner.map((d) => d.visningsnamn)].join(", ")} och tid som i ${spec.tabell}`,
      message: `missing dimension(s): ${saknade.join(", ")}`,
    });
    return undefined;
  }
  const innehallsDim = spec.dimensioner.findIndex((d, i) => d.franInnehall && dimIndex[i]! < 0);
  const used = new Set([iRegion, ...dimIndex.filter((i) => i >= 0)]);
  const extra = t.stubNames.map((_, i) => i).filter((i) => !used.has(i));
  if (extra.length > 0) {
    // A stub we do not know is harmless only when it holds one value (e.g. "totalt").
    const values = extra.map(() => new Set<string>());
    t.forEach((o) => extra.forEach((i, j) => values[j]!.add(labelKey(o.stub[i]!))));
    const bad = extra.filter((_, j) => values[j]!.size > 1);
    if (bad.length > 0) {
      const i = bad[0]!;
      findings.fel({
        fil, rad: t.headerLine, kolumn: t.stubColumns[i], falt: t.stubNames[i], regel: `${r}.okand_dimension`,
        meddelande: `kolumnen "${showValue(t.stubNames[i]!)}" har flera värden men hör inte till ${spec.tabell}; förväntat ${["region", ...spec.dimensioner.map((d) => d.visningsnamn)].join(", ")} och tid — ladda ned tabellen utan den indelningen eller med bara dess totalt`,
        message: `unexpected dimension "${t.stubNames[i]}" with several values`,
      });
      return undefined;
    }
  }

  const begransning = new Begransning(MAX_PER_RULE);
  const report = (rule: string): boolean => begransning.rapportera(rule);
  const reportedLabels = new Set<string>();
  const once = (key: string): boolean => {
    if (reportedLabels.has(key)) return false;
    reportedLabels.add(key);
    return true;
  };
  let ok = true;

  interface RowInfo { region: Region; dims: string[]; label: string; grupp: Grupp }
  const rowInfo = (o: PxObservation): RowInfo | null => {
    const regionCell = o.stub[iRegion]!;
    const region = parseRegion(regionCell);
    const regionCol = t.stubColumns[iRegion]!;
    const unknownKommun = region?.niva === "kommun" && !kommuner.has(region.kod);
    const unknownLan = region?.niva === "lan" && !lanKoder.has(region.kod);
    if (!region || unknownKommun || unknownLan) {
      ok = false;
      if (once(`region|${regionCell}`) && report(`${r}.region`)) {
        const hint = /^\d{3}\b/.test(regionCell.trim()) ? " (saknas en inledande nolla? Excel tar bort den)" : "";
        findings.fel({
          fil, rad: o.line, kolumn: regionCol, falt: t.stubNames[iRegion], varde: showValue(regionCell), regel: `${r}.region`,
          meddelande: !region
            ? `kan inte läsa regionen "${showValue(regionCell)}"${hint}; förväntat t.ex. "2080 Falun", "2080 - Falun", "20 Dalarnas län" eller "00 Riket"`
            : unknownKommun ? `okänd kommunkod "${region.kod}"${hint}; förväntat en av de 290 kommunkoderna` : `okänd länskod "${region.kod}"; förväntat en av de 21 länskoderna`,
          message: !region ? "cannot read region; expected e.g. \"2080 Falun\"" : unknownKommun ? `unknown kommun code ${region.kod}` : `unknown county code ${region.kod}`,
        });
      }
      return null;
    }
    if (region.niva === "kommun" && region.namn !== undefined && labelKey(region.namn) !== labelKey(kommuner.get(region.kod)!.namn) && once(`namn|${regionCell}`)) {
      findings.varning({
        fil, rad: o.line, kolumn: regionCol, varde: regionCell, regel: `${r}.kommunnamn`,
        meddelande: `kommunkod ${region.kod} heter ${kommuner.get(region.kod)!.namn} i referensdata men "${region.namn}" i filen; koden används`,
        message: "kommun name differs from reference data; the code is used",
      });
    }
    const dims: string[] = [];
    for (let d = 0; d < spec.dimensioner.length; d++) {
      const dim = spec.dimensioner[d]!;
      const i = dimIndex[d]!;
      if (i < 0) {
        if (d === innehallsDim) {
          const label = o.innehall ?? "";
          const v = dim.tolka(label);
          if (v === null) return null;
          if (v === undefined) {
            if (once(`innehall|${label}`)) {
              findings.varning({
                fil, rad: o.line, kolumn: o.innehallKolumn, varde: showValue(label), regel: `${r}.innehall`,
                meddelande: `okänt tabellinnehåll "${showValue(label)}" används inte; förväntat ${dim.forvantat}`,
                message: "unknown content label is ignored",
              });
            }
            return null;
          }
          dims.push(v);
        } else {
          dims.push(dim.standard!);
        }
        continue;
      }
      const cell = o.stub[i]!;
      const v = dim.tolka(cell);
      if (v === null) return null;
      if (v === undefined) {
        ok = false;
        if (once(`${d}|${cell}`) && report(`${r}.${dim.namn}`)) {
          findings.fel({
            fil, rad: o.line, kolumn: t.stubColumns[i], falt: t.stubNames[i], varde: showValue(cell), regel: `${r}.${dim.namn}`,
            meddelande: `okänt värde "${showValue(cell)}" för ${dim.visningsnamn}; förväntat ${dim.forvantat}`,
            message: `unknown ${dim.namn} value`,
          });
        }
        return null;
      }
      dims.push(v);
    }
    const label = o.innehall ?? "";
    if (innehallsDim < 0 && o.innehall !== undefined) {
      const use = spec.innehall(label);
      if (use === false) return null;
      if (use === undefined) {
        if (once(`innehall|${label}`)) {
          findings.varning({
            fil, rad: o.line, kolumn: o.innehallKolumn, varde: showValue(label), regel: `${r}.innehall`,
            meddelande: `okänt tabellinnehåll "${showValue(label)}" används inte`,
            message: "unknown content label is ignored",
          });
        }
        return null;
      }
    }
    return { region, dims, label, grupp: varden.grupp(region.niva, region.kod, dims, true)! };
  };

  const tidFor = new Map<string, string | null>();
  const tolkaTid = (tid: string): string | null => {
    let v = tidFor.get(tid);
    if (v === undefined) {
      const manad = isTimeCode(tid) && /M\d{2}$/.test(tid);
      const ar = /^\d{4}$/.test(tid);
      v = manad && spec.tid !== "ar" ? `${tid.slice(0, 4)}-${tid.slice(5, 7)}` : ar && spec.tid !== "manad" ? tid : null;
      tidFor.set(tid, v);
    }
    return v;
  };
  const tidForvantat = spec.tid === "manad" ? "en månad som ÅÅÅÅMmm, t.ex. 2024M03" : spec.tid === "ar" ? "ett år, t.ex. 2024" : "ett år (2024) eller en månad (2024M03)";

  // Values are kept per group (region and every dimension but time), so the per-value work is a
  // lookup by time in the row's group, not a key string built for each value.
  const varden = new Varden();
  /** Where each value read from the file is (parallel to `varden.lista`). */
  const platsRad: number[] = [];
  const platsKolumn: number[] = [];
  const platsFalt: string[] = [];
  const kommunerIFil = new Set<string>();
  const tider = new Set<string>();
  /** Each kommun's first row and the periods it has (for `<regel>.kommun_saknar_period`). */
  const kommunPerioder = new Map<string, { plats: Plats; varde: string; perioder: Set<string> }>();
  const tidPlats = new Map<string, Plats>();
  let prevStub: readonly string[] | undefined;
  let prevInnehall: string | undefined;
  let info: RowInfo | null = null;
  t.forEach((o) => {
    if (o.stub !== prevStub || o.innehall !== prevInnehall) {
      prevStub = o.stub;
      prevInnehall = o.innehall;
      info = rowInfo(o);
    }
    if (!info) return;
    const tid = tolkaTid(o.tid);
    if (tid === null) {
      ok = false;
      if (report(`${r}.tid`)) {
        findings.fel({
          fil, rad: o.line, kolumn: o.column, falt: o.columnName, varde: showValue(o.tid), regel: `${r}.tid`,
          meddelande: `ogiltig tid "${showValue(o.tid)}"; förväntat ${tidForvantat}`, message: "invalid time code",
        });
      }
      return;
    }
    const cell = parseCell(o.cell);
    let varde: number | null;
    if (cell.kind === "ogiltig") {
      ok = false;
      if (report(`${r}.tal`)) {
        findings.fel({ fil, rad: o.line, kolumn: o.column, falt: o.columnName, varde: showValue(o.cell), regel: `${r}.tal`, meddelande: CELL_PROBLEM[cell.reason].sv, message: CELL_PROBLEM[cell.reason].en });
      }
      return;
    } else if (cell.kind === "saknas") {
      varde = null;
      if (report(`${r}.saknas`)) {
        findings.varning({
          fil, rad: o.line, kolumn: o.column, falt: o.columnName, varde: cell.symbol === "" ? "(tom)" : cell.symbol, regel: `${r}.saknas`,
          meddelande: `värdet saknas (${info.region.kod}, ${info.dims.join(", ")}, ${o.tid}); summor som behöver det beräknas inte`,
          message: "missing value; sums that need it are not computed",
        });
      }
    } else {
      varde = cell.value;
      if (varde < 0) {
        ok = false;
        if (report(`${r}.negativ`)) {
          findings.fel({ fil, rad: o.line, kolumn: o.column, falt: o.columnName, varde: showValue(o.cell), regel: `${r}.negativ`, meddelande: "negativt antal; förväntat ett tal som är 0 eller större", message: "negative count; expected 0 or more" });
        }
        return;
      }
    }
    const grupp = info.grupp;
    const seen = grupp.perTid.get(tid);
    if (seen !== undefined) {
      ok = false;
      if (report(`${r}.dubblett`)) {
        findings.fel({
          fil, rad: o.line, kolumn: o.column, falt: o.columnName, regel: `${r}.dubblett`,
          meddelande: `samma värde (${info.region.kod}, ${info.dims.join(", ")}, ${o.tid}) finns redan på rad ${platsRad[seen]}; förväntat ett värde per region, grupp och tid`,
          message: `duplicate of line ${platsRad[seen]}`,
        });
      }
      return;
    }
    platsRad.push(o.line);
    platsKolumn.push(o.column);
    platsFalt.push(o.columnName);
    varden.add(grupp, tid, varde);
    tider.add(tid);
    if (!tidPlats.has(tid)) tidPlats.set(tid, { rad: o.line, kolumn: o.column, falt: o.columnName });
    if (info.region.niva === "kommun") {
      kommunerIFil.add(info.region.kod);
      let k = kommunPerioder.get(info.region.kod);
      if (!k) {
        k = { plats: { rad: o.line, kolumn: t.stubColumns[iRegion], falt: t.stubNames[iRegion] }, varde: o.stub[iRegion]!, perioder: new Set() };
        kommunPerioder.set(info.region.kod, k);
      }
      k.perioder.add(tid);
    }
  });
  begransning.sammanfatta(findings, fil, (regel) => (regel.endsWith(".saknas") ? "varning" : "fel"));

  if (!ok) return undefined;
  if (varden.lista.length === 0) {
    findings.fel({ fil, rad: t.headerLine, regel: `${r}.tom`, meddelande: `filen innehåller inga värden som kan användas; förväntat antal som i ${spec.tabell}`, message: "no usable values in the file" });
    return undefined;
  }
  kontrolleraSummor(varden, (i) => ({ rad: platsRad[i]!, kolumn: platsKolumn[i], falt: platsFalt[i] }), spec, fil, findings);
  for (const h of spec.harled ?? []) harledTotal(varden, spec, h);
  const tiderLista = [...tider].sort();
  if (new Set(tiderLista.map((x) => x.length)).size > 1) {
    findings.fel({
      fil, rad: t.headerLine, regel: `${r}.blandad_tid`,
      meddelande: "filen blandar år och månader; förväntat antingen år (2024) eller månader (2024M03)",
      message: "the file mixes years and months",
    });
    return undefined;
  }
  // Only kommuner lacking a period: BAS and population are often downloaded for one month a year.
  kontrolleraPerioder({ fil, regel: r, kommuner: kommunPerioder, perioder: tidPlats, lucka: false }, findings);
  return { fil, varden: varden.lista, kommuner: kommunerIFil, tider: tiderLista };
}

/** The values of one region and group (every dimension but time): index in `Varden.lista` by time. */
interface Grupp {
  readonly niva: Region["niva"];
  readonly kod: string;
  readonly dims: readonly string[];
  readonly perTid: Map<string, number>;
}

/** The values in the order they were read (then derived totals), indexed by group and time. */
class Varden {
  readonly lista: ScbVarde[] = [];
  /** The group of each value in `lista`. */
  readonly gruppAv: Grupp[] = [];
  private readonly grupper = new Map<string, Grupp>();

  grupp(niva: Region["niva"], kod: string, dims: readonly string[], skapa: boolean): Grupp | undefined {
    const key = `${niva}|${kod}|${dims.join("|")}`;
    let g = this.grupper.get(key);
    if (!g && skapa) this.grupper.set(key, (g = { niva, kod, dims, perTid: new Map() }));
    return g;
  }

  /** The group like `g` but with dimension `d` set to `varde` (cached per group and dimension value). */
  syskon(g: Grupp, d: number, varde: string, cache: Map<Grupp, Map<string, Grupp | undefined>>, skapa = false): Grupp | undefined {
    let per = cache.get(g);
    if (!per) cache.set(g, (per = new Map()));
    let s = per.get(varde);
    if (s === undefined) {
      const dims = [...g.dims];
      dims[d] = varde;
      s = this.grupp(g.niva, g.kod, dims, skapa);
      if (s) per.set(varde, s);
    }
    return s;
  }

  add(g: Grupp, tid: string, varde: number | null): void {
    g.perTid.set(tid, this.lista.length);
    this.lista.push({ niva: g.niva, kod: g.kod, tid, dims: g.dims, varde });
    this.gruppAv.push(g);
  }

  get(g: Grupp | undefined, tid: string): ScbVarde | undefined {
    const i = g?.perTid.get(tid);
    return i === undefined ? undefined : this.lista[i];
  }
}

/**
 * A total the file has (kön `alla`, status `totalt`, …) that is not the sum of its parts when
 * every part is in the file: a warning named by the total's cell. The file's total is used.
 */
function kontrolleraSummor(varden: Varden, plats: (i: number) => Plats, spec: ScbSpec, fil: string, findings: Findings): void {
  const regel = `${spec.regel}.summa`;
  const begransning = new Begransning(MAX_PER_RULE);
  for (const h of spec.harled ?? []) {
    const d = spec.dimensioner.findIndex((x) => x.namn === h.dimension);
    if (d < 0) continue;
    const cache = new Map<Grupp, Map<string, Grupp | undefined>>();
    const n = varden.lista.length;
    for (let i = 0; i < n; i++) {
      const v = varden.lista[i]!;
      if (v.dims[d] !== h.total || v.varde === null) continue;
      const g = varden.gruppAv[i]!;
      let summa = 0;
      let alla = true;
      for (const del of h.delar) {
        const x = varden.get(varden.syskon(g, d, del, cache), v.tid)?.varde;
        if (x === undefined || x === null) { alla = false; break; }
        summa += x;
      }
      if (!alla) continue;
      if (Math.abs(summa - v.varde) <= 1e-6 * Math.max(1, Math.abs(v.varde)) || !begransning.rapportera(regel)) continue;
      const p = plats(i);
      const grupp = v.dims.filter((_, j) => j !== d).join(", ");
      findings.varning({
        fil, rad: p.rad, kolumn: p.kolumn, falt: p.falt, varde: String(v.varde), regel,
        meddelande: `${v.kod} ${v.tid} (${grupp}): ${h.dimension} ${h.total} är ${v.varde}, men summan av ${h.delar.join(", ")} är ${summa}; filens total används`,
        message: `the file's total (${h.dimension} ${h.total}) is not the sum of its parts; the file's total is used`,
      });
    }
  }
  begransning.sammanfatta(findings, fil, () => "varning");
}

/** A total the file lacks (e.g. kön `alla`) is the sum of its parts when all of them are there. */
function harledTotal(varden: Varden, spec: ScbSpec, h: NonNullable<ScbSpec["harled"]>[number]): void {
  const d = spec.dimensioner.findIndex((x) => x.namn === h.dimension);
  if (d < 0) return;
  const cache = new Map<Grupp, Map<string, Grupp | undefined>>();
  const n = varden.lista.length;
  for (let i = 0; i < n; i++) {
    const v = varden.lista[i]!;
    if (v.dims[d] !== h.delar[0]) continue;
    const g = varden.gruppAv[i]!;
    if (varden.get(varden.syskon(g, d, h.total, cache), v.tid) !== undefined) continue;
    let varde: number | null = 0;
    let alla = true;
    for (const p of h.delar) {
      const x = varden.get(varden.syskon(g, d, p, cache), v.tid);
      if (x === undefined) { alla = false; break; }
      varde = varde === null || x.varde === null ? null : varde + x.varde;
    }
    if (!alla) continue;
    varden.add(varden.syskon(g, d, h.total, cache, true)!, v.tid, varde);
  }
}
