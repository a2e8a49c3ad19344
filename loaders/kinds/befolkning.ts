/**
 * Kind: SCB's population tables (BE0101, by year or month), recognised by an age column and the
 * content Folkmängd. Definitions: docs/definitioner/befolkning.md.
 */
import { describeTable } from "../read/pxweb.ts";
import { isBefolkning, normaliseBefolkning, type BefolkningData } from "../normalise/befolkning.ts";
import { BEFOLKNING, BEFOLKNING_ALDER, FORSORJNINGSKVOT, befolkningTabeller } from "../publish/befolkning.ts";
import type { Kind } from "./kind.ts";

export const befolkning: Kind<BefolkningData, readonly BefolkningData[], void> = {
  id: "befolkning",
  namn: "folkmängd (BE0101)",
  roll: "data",
  igenkanning: [
    {
      steg: "scb",
      kanner: (tabell, _fil, ctx) => isBefolkning(tabell) ? {
        typ: "folkmängd",
        las: () => normaliseBefolkning(tabell, ctx.kommuner, ctx.lanKoder, ctx.findings),
        beskriv: () => describeTable(tabell),
      } : undefined,
    },
  ],
  // The years of several files are combined (and checked for overlap) by computeBefolkning.
  slaSamman: (data) => data,
  utdata: [BEFOLKNING, BEFOLKNING_ALDER, FORSORJNINGSKVOT],
  berakna(data, ctx) {
    ctx.progress("Beräknar befolkning");
    return { tabeller: befolkningTabeller(data, ctx.indelning, ctx.findings), resultat: undefined };
  },
  dokumentation: [
    {
      indata: "Folkmängd, BE0101 (år eller månad)",
      kannsIgenPa: "kolumnen `ålder` och innehållet `Folkmängd` (eller en titel som börjar med \"Folkmängd\")",
      definition: "[definitioner/befolkning.md](definitioner/befolkning.md)",
    },
  ],
};
