/**
 * The 290 kommuner and 21 län of data/referens as a region reference, for recognising a table
 * before the pipeline has read its reference (a table whose regions are in its heading).
 */
import { Findings } from "../validate/findings.ts";
import { readDefaultKommuner } from "../reference/indelning.ts";
import { regionreferens, type Regionreferens } from "./region.ts";

let referens: Regionreferens | undefined;

export function standardreferens(): Regionreferens {
  referens ??= regionreferens(readDefaultKommuner(new Findings()) ?? new Map());
  return referens;
}
