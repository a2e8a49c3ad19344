/**
 * Region cells as SCB and users write them:
 * - code and name (`UseCodesAndTexts`): `"2080 Falun"`, `"2080 - Falun"`, `"20 Dalarnas län"`, `"00 Riket"`;
 * - code only (`UseCodes`): `"2080"`, `"20"`, `"00"`;
 * - name only (`UseTexts`): `"Falun"`, `"Dalarnas län"`, `"Riket"`;
 * - a code whose leading zero Excel dropped: `"180"` (Stockholm, 0180), `"1"` (Stockholms län, 01).
 * The code decides; a name is matched (by the shared name matcher, `reference/namn.ts`) only
 * when there is no code.
 */
import type { Kommun } from "../reference/indelning.ts";
import { labelKey } from "./labels.ts";
import { Namnmatchare, type Namnkandidat } from "../reference/namn.ts";

export type Region =
  | { readonly niva: "kommun"; readonly kod: string; readonly namn: string | undefined }
  | { readonly niva: "lan"; readonly kod: string; readonly namn: string | undefined }
  | { readonly niva: "riket"; readonly kod: "00"; readonly namn: string | undefined };

/** Header names (by `labelKey`) of the region column in SCB's tables. */
export const REGION_RUBRIKER: ReadonlySet<string> = new Set(["region", "kommun", "lan och kommun", "lan/kommun", "region/kommun", "kommun/lan", "lan"]);

const CODED = /^(\d+)(?:\s*[-–—]\s*|\s+|$)(.*)$/;
const RIKET = /^(riket|sverige|hela riket|riket totalt|hela landet)$/i;

/** The code and name as written, without checking them against the kommuner (see `tolkaRegion`). */
export function parseRegion(cell: string): Region | undefined {
  const s = cell.trim().replace(/\s+/g, " ");
  if (RIKET.test(s)) return { niva: "riket", kod: "00", namn: s };
  const m = CODED.exec(s);
  if (!m) return undefined;
  const kod = m[1]!;
  const namn = m[2]!.trim() === "" ? undefined : m[2]!.trim();
  if (kod === "00" || kod === "0") return { niva: "riket", kod: "00", namn };
  if (kod.length === 2) return { niva: "lan", kod, namn };
  if (kod.length === 4) return { niva: "kommun", kod, namn };
  return undefined;
}

/** What the readers know about regions: the 290 kommuner and the 21 län, by code and by name. */
export interface Regionreferens {
  readonly kommuner: ReadonlyMap<string, Kommun>;
  /** Län code -> name. */
  readonly lan: ReadonlyMap<string, string>;
  readonly namn: Namnmatchare<{ niva: "kommun" | "lan" | "riket"; kod: string }>;
}

export function regionreferens(kommuner: ReadonlyMap<string, Kommun>): Regionreferens {
  const lan = new Map<string, string>();
  type Ref = { niva: "kommun" | "lan" | "riket"; kod: string };
  const kandidater: Namnkandidat<Ref>[] = [{ varde: { niva: "riket", kod: "00" }, namn: ["Riket", "Sverige", "Hela riket"], visas: "Riket" }];
  for (const k of kommuner.values()) {
    lan.set(k.lan, k.lanNamn);
    kandidater.push({ varde: { niva: "kommun", kod: k.kod }, namn: [k.namn, `${k.namn} kommun`, `${k.namn}s kommun`], visas: k.namn });
  }
  for (const [kod, namn] of lan) kandidater.push({ varde: { niva: "lan", kod }, namn: [namn], visas: namn });
  return { kommuner, lan, namn: new Namnmatchare(kandidater) };
}

export type Regiontolkning =
  | { readonly ok: true; readonly niva: "kommun" | "lan" | "riket"; readonly kod: string;
    /** The name in the cell when it differs from the reference name of the code. */
    readonly annatNamn?: string;
    /** The code as written when a leading zero was restored (`180` for 0180). */
    readonly aterstalld?: string;
    /** Read from a name, not a code. */
    readonly franNamn?: boolean }
  | { readonly ok: false; readonly orsak: "oläslig" | "okand_kommun" | "okand_lan" | "okant_namn" | "nolla_stammer_inte";
    readonly kod?: string; readonly forslag?: readonly string[] };

/** Reads a region cell against the reference (see the module comment). */
export function tolkaRegion(cell: string, ref: Regionreferens): Regiontolkning {
  const s = cell.trim().replace(/\s+/g, " ");
  if (s === "") return { ok: false, orsak: "oläslig" };
  if (RIKET.test(s)) return { ok: true, niva: "riket", kod: "00" };
  const m = CODED.exec(s);
  if (!m) {
    const hit = ref.namn.hitta(s);
    if (hit) return { ok: true, ...hit, franNamn: true };
    return { ok: false, orsak: "okant_namn", forslag: ref.namn.forslag(s) };
  }
  const kod = m[1]!;
  const namn = m[2]!.trim() === "" ? undefined : m[2]!.trim();
  if (/^0+$/.test(kod) && kod.length <= 2) return { ok: true, niva: "riket", kod: "00" };
  const medNamn = (niva: "kommun" | "lan", k: string, aterstalld?: string): Regiontolkning => {
    const refNamn = niva === "kommun" ? ref.kommuner.get(k)!.namn : ref.lan.get(k)!;
    const annat = namn !== undefined && labelKey(namn) !== labelKey(refNamn) && ref.namn.hitta(namn)?.kod !== k ? namn : undefined;
    if (aterstalld !== undefined && annat !== undefined) return { ok: false, orsak: "nolla_stammer_inte", kod: aterstalld, forslag: ref.namn.forslag(namn!) };
    return { ok: true, niva, kod: k, ...(annat !== undefined ? { annatNamn: annat } : {}), ...(aterstalld !== undefined ? { aterstalld } : {}) };
  };
  if (kod.length === 4) return ref.kommuner.has(kod) ? medNamn("kommun", kod) : { ok: false, orsak: "okand_kommun", kod };
  if (kod.length === 2) return ref.lan.has(kod) ? medNamn("lan", kod) : { ok: false, orsak: "okand_lan", kod };
  // Excel drops the leading zero of a code it takes for a number: 0180 -> 180, 01 -> 1.
  if (kod.length === 3) return ref.kommuner.has(`0${kod}`) ? medNamn("kommun", `0${kod}`, kod) : { ok: false, orsak: "okand_kommun", kod };
  if (kod.length === 1) return ref.lan.has(`0${kod}`) ? medNamn("lan", `0${kod}`, kod) : { ok: false, orsak: "okand_lan", kod };
  return { ok: false, orsak: "oläslig", kod };
}

const referenser = new WeakMap<ReadonlyMap<string, Kommun>, Regionreferens>();

/** `regionreferens(kommuner)`, built once per set of kommuner (every file of a run shares it). */
export function regionreferensFor(kommuner: ReadonlyMap<string, Kommun>): Regionreferens {
  let r = referenser.get(kommuner);
  if (!r) referenser.set(kommuner, (r = regionreferens(kommuner)));
  return r;
}
