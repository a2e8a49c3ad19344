/**
 * The registry of input kinds: every kind of file the pipeline reads, one module each. Adding a
 * kind is adding its module (see kind.ts and docs/utveckling.md) and one line here.
 *
 * The order matters twice: files are recognised by the first kind (within each step of
 * validate/recognise.ts) that knows them, and kinds are merged and computed in this order (a
 * kind may use the merged input of the kinds above it).
 */
import type { NagonKind } from "./kind.ts";
import { forbundsindelning } from "./forbundsindelning.ts";
import { installningar } from "./installningar.ts";
import { helarsekvivalenter } from "./helarsekvivalenter.ts";
import { bas } from "./bas.ts";
import { befolkning } from "./befolkning.ts";
import { forsorjningsmatt } from "./forsorjningsmatt.ts";
import { personalinriktade, mal } from "./styrelseindata/index.ts";
import { deltagare } from "./deltagare.ts";
import { utfall } from "./utfall.ts";
import { insatser } from "./insatser.ts";
import { ekonomi } from "./ekonomi/index.ts";

export const REGISTER: readonly NagonKind[] = [
  forbundsindelning,
  installningar,
  helarsekvivalenter,
  bas,
  befolkning,
  forsorjningsmatt,
  // Before the participant kinds: an activity log with an "Insats" and a "Förbund" column is no insats mapping.
  personalinriktade,
  mal,
  deltagare,
  utfall,
  insatser,
  ekonomi,
];

export { forbundsindelning, installningar, helarsekvivalenter, bas, befolkning, forsorjningsmatt, personalinriktade, mal, deltagare, utfall, insatser, ekonomi };
