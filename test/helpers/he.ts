/** Runs the helårsekvivalenter steps on an SCB-shaped text with a small, explicit indelning. */
import { readPxWeb } from "../../loaders/read/pxweb.ts";
import { normaliseHelarsekvivalenter } from "../../loaders/normalise/helarsekvivalenter.ts";
import { regionreferens } from "../../loaders/normalise/region.ts";
import { computeHelarsekvivalenter, heRader, type HeRad } from "../../loaders/compute/helarsekvivalenter.ts";
import { cell } from "../../loaders/kub/kub.ts";
import { lanFrom, type Indelning, type Kommun, type Medlemskap } from "../../loaders/reference/indelning.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { utf8 } from "./scb.ts";

export const FALUN: Kommun = { kod: "2080", namn: "Falun", lan: "20", lanNamn: "Dalarnas län" };
export const BORLANGE: Kommun = { kod: "2081", namn: "Borlänge", lan: "20", lanNamn: "Dalarnas län" };
export const AVESTA: Kommun = { kod: "2084", namn: "Avesta", lan: "20", lanNamn: "Dalarnas län" };

export function indelning(kommuner: Kommun[], medlemskap: Medlemskap[]): Indelning {
  const map = new Map(kommuner.map((k) => [k.kod, k]));
  return { kommuner: map, lan: lanFrom(map), medlemskap, medlemskapFil: "test" };
}

export function normalise(text: string, ind: Indelning) {
  const findings = new Findings();
  const table = readPxWeb(utf8(text), "he.csv", findings);
  const data = table ? normaliseHelarsekvivalenter(table, regionreferens(ind.kommuner), findings) : undefined;
  /** A value read: kommun or riket code, month `YYYY-MM`, kön, matt. */
  const value = (kod: string, manad: string, kon: string, matt: string) => (data ? cell(data.kub, { kod, kon, matt }, manad) : undefined);
  return { data, findings, value };
}

export function compute(text: string, ind: Indelning) {
  const { data, findings } = normalise(text, ind);
  if (!data) throw new Error(findings.all.map((f) => f.meddelande).join("\n"));
  const res = computeHelarsekvivalenter(data, ind, findings);
  const rader: HeRad[] = heRader(res.tabell);
  const find = (niva: string, kod: string, period: string, ersattning = "sjukpenning", kon = "alla"): HeRad | undefined =>
    rader.find((r) => r.niva === niva && r.kod === kod && r.period === period && r.ersattning === ersattning && r.kon === kon);
  return { rader, findings, find, res };
}

/** `months(2024, 1, 12)` -> `["2024M01", ..., "2024M12"]` */
export function months(year: number, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `${year}M${String(from + i).padStart(2, "0")}`);
}
