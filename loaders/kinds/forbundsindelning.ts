/**
 * Kind: a membership file in the data folder (header `forbund,forbund_namn,kommunkod,
 * giltig_fran,giltig_till`). It replaces data/referens/forbund.csv; without one, that default
 * is used. At most one per data folder. Format: docs/indata.md, how to fill it in: docs/forbund.md.
 */
import { defaultMedlemskapBytes, lanFrom, readMedlemskap, type Indelning, type Medlemskap } from "../reference/indelning.ts";
import { INDELNING, indelningTabell } from "../publish/indelning.ts";
import type { Kind } from "./kind.ts";

export interface Medlemskapsfil {
  readonly fil: string;
  readonly medlemskap: readonly Medlemskap[];
}

export const forbundsindelning: Kind<Medlemskapsfil, Indelning, void> = {
  id: "forbundsindelning",
  namn: "förbundsindelning",
  roll: "referens",
  igenkanning: [
    {
      steg: "rubrik",
      kanner: (rubrik, tabell, fil, ctx) =>
        rubrik.includes("kommunkod") && rubrik.some((h) => h === "forbund" || h === "forbund_id") ? {
          typ: "förbundsindelning",
          las: () => {
            const medlemskap = readMedlemskap(tabell, fil.fil, ctx.kommuner, ctx.findings);
            return medlemskap && { fil: fil.fil, medlemskap };
          },
          beskriv: () => "ersätter data/referens/forbund.csv",
        } : undefined,
    },
  ],
  slaSamman(data, ctx) {
    for (const extra of data.slice(1)) {
      ctx.findings.fel({
        fil: extra.fil, regel: "fil.flera_indelningar",
        meddelande: "datakatalogen har mer än en förbundsindelning; förväntat högst en",
        message: "more than one membership file in the data folder",
      });
    }
    if (data.length > 1) return undefined;
    const fran = data[0] ?? lasStandard(ctx.kommuner, ctx.findings);
    if (!fran) return undefined;
    return { kommuner: ctx.kommuner, lan: lanFrom(ctx.kommuner), medlemskap: fran.medlemskap, medlemskapFil: fran.fil };
  },
  utdata: [INDELNING],
  berakna: (indelning) => ({ tabeller: [indelningTabell(indelning)], resultat: undefined }),
  dokumentation: [
    {
      indata: "Förbundsindelning (ersätter `data/referens/forbund.csv`)",
      kannsIgenPa: "kolumnerna `kommunkod` och `forbund`",
      definition: "[`data/referens/forbund.csv`](#datareferensforbundcsv) nedan och [forbund.md](forbund.md)",
    },
  ],
};

function lasStandard(kommuner: Indelning["kommuner"], findings: Parameters<typeof readMedlemskap>[3]): Medlemskapsfil | undefined {
  const { bytes, fil } = defaultMedlemskapBytes();
  const medlemskap = readMedlemskap(bytes, fil, kommuner, findings);
  return medlemskap && { fil, medlemskap };
}
