/**
 * Kind: the insatser's förbund. Its files are CSVs with the columns `insats,forbund`, for
 * participant records without a förbund column. Merged last (it is last in the registry), it
 * settles the förbund and the one spelling of every insats in the participant records and the
 * reported tables (reference/forbund.ts): a förbund by its id or its name from the membership,
 * from the row's own column or from these files; what matches nothing is an error at its line.
 * Format: docs/indata.md.
 */
import type { Deltagande } from "../normalise/deltagare.ts";
import type { RapporteratUtfall } from "../normalise/utfall.ts";
import { forbundsmatchare, knytInsatser, type KnutnaInsatser, type MappadInsats } from "../reference/forbund.ts";
import { isInsatsMappning, readInsatsMappning } from "../reference/installningar.ts";
import { deltagare } from "./deltagare.ts";
import { forbundsindelning } from "./forbundsindelning.ts";
import { utfall } from "./utfall.ts";
import type { Kind } from "./kind.ts";

/** The insats files' lines, and every participation and reported row with its förbund id. */
export interface Insatser extends KnutnaInsatser<Deltagande, RapporteratUtfall> {
  readonly mappning: readonly MappadInsats[];
}

export const insatser: Kind<readonly MappadInsats[], Insatser, void> = {
  id: "insatser",
  namn: "insatsernas förbund",
  roll: "referens",
  igenkanning: [
    {
      steg: "rubrik",
      kanner: (rubrik, tabell, fil, ctx) => isInsatsMappning(rubrik) ? {
        typ: "insatsernas förbund",
        las: () => readInsatsMappning(tabell, fil.fil, ctx.findings),
        beskriv: (rader) => (rader ? `${rader.length} insatser` : "fel"),
      } : undefined,
    },
  ],
  slaSamman(data, ctx) {
    const mappning = data.flat();
    const indelning = ctx.indata(forbundsindelning);
    if (!indelning) return undefined;
    const knutna = knytInsatser(ctx.indata(deltagare) ?? [], ctx.indata(utfall) ?? [], mappning, forbundsmatchare(indelning.medlemskap), ctx.findings);
    return { mappning, ...knutna };
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
