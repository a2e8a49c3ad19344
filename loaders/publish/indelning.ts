/** indelning: the membership the computation used (from data/referens/forbund.csv or the data folder). */
import type { Indelning } from "../reference/indelning.ts";
import { schema, tabellFranRader, type Utdatatabell } from "./schema.ts";

export const INDELNING = schema({
  namn: "indelning",
  beskrivning: "förbundsindelningen: förbund, medlemskommuner och när medlemskapet gäller",
  kolumner: [
    { namn: "forbund", typ: "text", beskrivning: "förbundets id" },
    { namn: "forbund_namn", typ: "text", beskrivning: "förbundets namn" },
    { namn: "kommunkod", typ: "text", beskrivning: "medlemskommunens kod" },
    { namn: "kommun", typ: "text", beskrivning: "medlemskommunens namn" },
    { namn: "lan", typ: "text", beskrivning: "länskod" },
    { namn: "giltig_fran", typ: "text", saknas: true, beskrivning: "första månad medlemskapet gäller (`YYYY-MM`), tomt om det gällt sedan tidigare" },
    { namn: "giltig_till", typ: "text", saknas: true, beskrivning: "sista månad medlemskapet gäller (`YYYY-MM`), tomt om det gäller tills vidare" },
  ],
});

export function indelningTabell(indelning: Indelning): Utdatatabell {
  const rader = indelning.medlemskap
    .map((m) => ({
      forbund: m.forbund, forbund_namn: m.forbundNamn, kommunkod: m.kommunkod,
      kommun: indelning.kommuner.get(m.kommunkod)!.namn, lan: indelning.kommuner.get(m.kommunkod)!.lan,
      giltig_fran: m.fran ?? null, giltig_till: m.till ?? null,
    }))
    .sort((a, b) => cmp(a.forbund, b.forbund) || cmp(a.kommunkod, b.kommunkod) || cmp(a.giltig_fran ?? "", b.giltig_fran ?? ""));
  return tabellFranRader(INDELNING, rader);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
