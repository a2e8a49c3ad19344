/**
 * Kind: the insatser's förbund, a CSV with the columns `insats,forbund`, for participant
 * records without a förbund column. Format: docs/indata.md.
 */
import { isInsatsMappning, readInsatsMappning } from "../reference/installningar.ts";
import type { Kind } from "./kind.ts";

export const insatser: Kind<ReadonlyMap<string, string>, ReadonlyMap<string, string>, void> = {
  id: "insatser",
  namn: "insatsernas förbund",
  roll: "referens",
  igenkanning: [
    {
      steg: "rubrik",
      kanner: (rubrik, tabell, fil, ctx) => isInsatsMappning(rubrik) ? {
        typ: "insatsernas förbund",
        las: () => readInsatsMappning(tabell, fil.fil, ctx.findings),
        beskriv: (map) => (map ? `${map.size} insatser` : "fel"),
      } : undefined,
    },
  ],
  /** Insats name (by label key) -> förbund id, from every file. */
  slaSamman(data) {
    const alla = new Map<string, string>();
    for (const map of data) for (const [k, v] of map) alla.set(k, v);
    return alla;
  },
  utdata: [],
  dokumentation: [
    {
      indata: "Insatsernas förbund",
      kannsIgenPa: "kolumnerna `insats` och `forbund` (utan startdatum)",
      definition: "[Insatsfil och inställningar](#insatsfil-och-inställningar) nedan",
    },
  ],
};
