/**
 * Kind: SCB's helårsekvivalenter (HE0000T02N2), recognised by its contents (Sjukpenning …
 * Summa helårsekvivalenter), read in any PxWeb placement to the cube. Several files (e.g. one
 * per year) are one cube; a value in two files is an error naming both (kub/sammanfoga.ts).
 * Definitions: docs/definitioner/helarsekvivalenter.md.
 */
import { describeTable } from "../read/pxweb.ts";
import { isHelarsekvivalenter, normaliseHelarsekvivalenter } from "../normalise/helarsekvivalenter.ts";
import { regionreferensFor } from "../normalise/region.ts";
import type { ScbLasning } from "../normalise/scbtabell.ts";
import { computeHelarsekvivalenter, forbundSumma, type HeRad } from "../compute/helarsekvivalenter.ts";
import { sammanfoga, type Kubfil } from "../kub/sammanfoga.ts";
import { HELARSEKVIVALENTER, HELARSEKVIVALENTER_HALVAR, helarsekvivalenterTabeller } from "../publish/helarsekvivalenter.ts";
import { tabellFranArquero, type Utdatatabell } from "../publish/schema.ts";
import type { Kind } from "./kind.ts";

export const helarsekvivalenter: Kind<ScbLasning, Kubfil | null, HeRad[] | undefined> = {
  id: "helarsekvivalenter",
  namn: "SCB:s helårsekvivalenter (HE0000T02N2)",
  roll: "data",
  igenkanning: [
    {
      steg: "scb",
      kanner: (tabell, _fil, ctx) => isHelarsekvivalenter(tabell) ? {
        typ: "helårsekvivalenter",
        las: () => normaliseHelarsekvivalenter(tabell, regionreferensFor(ctx.kommuner), ctx.findings),
        beskriv: () => describeTable(tabell),
      } : undefined,
    },
  ],
  slaSamman: (data, ctx) => (data.length === 0 ? null : sammanfoga(data, "he", ctx.findings)),
  utdata: [HELARSEKVIVALENTER, HELARSEKVIVALENTER_HALVAR],
  berakna(data, ctx) {
    if (!data) return { tabeller: helarsekvivalenterTabeller(undefined), resultat: undefined };
    ctx.progress("Beräknar helårsekvivalenter");
    // The month table is handed to the writer as soon as it is made (its Parquet file is begun
    // while the half-year table is computed), and published as that same object.
    let huvudtabell: Utdatatabell | undefined;
    const tidig = ctx.tidigUtdata;
    const res = computeHelarsekvivalenter(data, ctx.indelning, ctx.findings, tidig && ((tabell) => {
      huvudtabell = tabellFranArquero(HELARSEKVIVALENTER, tabell);
      tidig(huvudtabell);
    }));
    // The jämställdhet table needs the förbund's population by kön and month.
    return { tabeller: helarsekvivalenterTabeller(res, huvudtabell), resultat: forbundSumma(res) };
  },
  dokumentation: [
    {
      indata: "Helårsekvivalenter, HE0000T02N2 (`TAB1386`)",
      kannsIgenPa: "tabellinnehåll som `Sjukpenning`, `Summa helårsekvivalenter`",
      definition: "[definitioner/helarsekvivalenter.md](definitioner/helarsekvivalenter.md)",
    },
  ],
};
