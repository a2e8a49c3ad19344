/**
 * The board's own records as input kinds on the registry (loaders/kinds/index.ts): the activity
 * log (personalinriktade insatser, ./personalinriktade) and the verksamhetsplan's goals with the
 * board's grading (./mal). Both are read from CSV or from the sheets of an xlsx workbook
 * (./arbetsbok.ts); the goals are measured on the activity log and on every other published
 * table (./mal/regler/).
 */
export { personalinriktade } from "./personalinriktade/index.ts";
export { mal } from "./mal/index.ts";
