/**
 * Kind: SCB's population tables (BE0101, by year or month), recognised by an age column and the
 * content Folkmängd. Definitions: docs/definitioner/befolkning.md.
 */
import { describeTable } from "../read/pxweb.ts";
import { isBefolkning, normaliseBefolkning, type BefolkningData } from "../normalise/befolkning.ts";
import { BEFOLKNING, BEFOLKNING_ALDER, FORSORJNINGSKVOT, befolkningTabeller, slaSammanBefolkning } from "../publish/befolkning.ts";
import { regionreferensFor } from "../normalise/region.ts";
import type { Kubfil } from "../kub/sammanfoga.ts";
import type { Kind } from "./kind.ts";

export const befolkning: Kind<BefolkningData, Kubfil | null, void> = {
  id: "befolkning",
  namn: "folkmängd (BE0101)",
  roll: "data",
  igenkanning: [
    {
      steg: "scb",
      kanner: (tabell, _fil, ctx) => isBefolkning(tabell) ? {
        typ: "folkmängd",
        las: () => normaliseBefolkning(tabell, regionreferensFor(ctx.kommuner), ctx.findings),
        beskriv: () => describeTable(tabell),
      } : undefined,
    },
  ],
  // Several files are one cube; the same region, age, kön and year in two files is an error.
  slaSamman: (data, ctx) => slaSammanBefolkning(data, ctx.findings),
  utdata: [BEFOLKNING, BEFOLKNING_ALDER, FORSORJNINGSKVOT],
  berakna(data, ctx) {
    ctx.progress("Beräknar befolkning");
    return { tabeller: befolkningTabeller(data, ctx.indelning, ctx.findings), resultat: undefined };
  },
  dokumentation: [
    {
      indata: "Folkmängd, BE0101 (år eller månad; `TAB638`, från 2025 `TAB5557`)",
      kannsIgenPa: "kolumnen `ålder` och innehållet `Folkmängd` (eller en titel som börjar med \"Folkmängd\")",
      definition: "[definitioner/befolkning.md](definitioner/befolkning.md)",
    },
  ],
};
