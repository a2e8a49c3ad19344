/** A pipeline output table as the CSV file `finsam run` writes (for tests that read the text). */
import { csvText } from "../../loaders/publish/csv.ts";
import type { PipelineResult } from "../../loaders/pipeline.ts";

/** `namn` is the file's name, e.g. `malgrupp.csv`; undefined when the run failed or has no such table. */
export function csvUtdata(r: Pick<PipelineResult, "outputs">, namn: string): string | undefined {
  const t = r.outputs?.get(namn.replace(/\.csv$/, ""));
  return t && csvText(t);
}
