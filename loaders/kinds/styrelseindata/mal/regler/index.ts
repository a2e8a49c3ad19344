/**
 * The registry of measurable indicators: every rule the goal table is measured with. Add a rule
 * here (a module in this folder) to measure a new kind of indicator.
 */
import type { Indikatorregel } from "../matregler.ts";
import { aktivitetsantal } from "./aktivitetsantal.ts";
import { egetkapital } from "./egetkapital.ts";
import { konsuppdelad } from "./konsuppdelad.ts";

export const REGLER: readonly Indikatorregel[] = [aktivitetsantal, konsuppdelad, egetkapital];
