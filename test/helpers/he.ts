/** Runs the helårsekvivalenter steps on an SCB-shaped text with a small, explicit indelning. */
import { readPxWeb } from "../../loaders/read/pxweb.ts";
import { normaliseHelarsekvivalenter } from "../../loaders/normalise/helarsekvivalenter.ts";
import { computeHelarsekvivalenter, type HeRad } from "../../loaders/compute/helarsekvivalenter.ts";
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
  const data = table ? normaliseHelarsekvivalenter(table, ind.kommuner, findings) : undefined;
  return { data, findings };
}

export function compute(text: string, ind: Indelning) {
  const { data, findings } = normalise(text, ind);
  if (!data) throw new Error(findings.all.map((f) => f.meddelande).join("\n"));
  const rader = computeHelarsekvivalenter(data, ind, findings);
  const find = (niva: string, kod: string, period: string, ersattning = "sjukpenning", kon = "alla"): HeRad | undefined =>
    rader.find((r) => r.niva === niva && r.kod === kod && r.period === period && r.ersattning === ersattning && r.kon === kon);
  return { rader, findings, find };
}

/** `months(2024, 1, 12)` -> `["2024M01", ..., "2024M12"]` */
export function months(year: number, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `${year}M${String(from + i).padStart(2, "0")}`);
}
