/**
 * The activity log's output tables (docs/utdata.md): the year's activities with their
 * participants (the 2018 report's Tabell 18) and activities and participants per year and type
 * (Tabell 16). Counts of staff: published as counted, with no small-cell protection, and never
 * a name of a person (the log's reader refuses them).
 */
import { AR } from "../../../publish/kolumner.ts";
import { schema, tabellFranRader, type Utdatatabell } from "../../../publish/schema.ts";
import type { Personalinriktade } from "./berakna.ts";

const FORBUND = { namn: "forbund", typ: "text", beskrivning: "förbundets id" } as const;
const TYP = {
  namn: "typ", typ: "text",
  beskrivning: "`grundutbildning`, `vidareutbildning`, `ledarskap`, `utbildning`, `workshop`, `forelasning`, `seminarium`, `frukostmote`, `medborgardialog`, `natverk`, `handledning`, `process`, `annat`",
} as const;

export const PERSONALINRIKTADE_AKTIVITETER = schema({
  namn: "personalinriktade_aktiviteter",
  beskrivning: "personalinriktade insatser: årets aktiviteter med tillfällen, deltagare och unika deltagare, en rad per förbund, år och aktivitet",
  kolumner: [
    FORBUND,
    { ...AR, beskrivning: "kalenderåret, `YYYY`" },
    { namn: "aktivitet", typ: "text", beskrivning: "aktivitetens namn som det står på dess första rad" },
    { namn: "omgang", typ: "text", saknas: true, beskrivning: "omgången (`5`), tomt om den saknas" },
    { ...TYP, beskrivning: `aktivitetens typ: ${TYP.beskrivning}` },
    { namn: "malgrupp", typ: "text", saknas: true, beskrivning: "målgrupperna på aktivitetens rader, olika åtskilda med `; `" },
    { namn: "forsta_datum", typ: "text", beskrivning: "första tillfällets datum (`YYYY-MM-DD`)" },
    { namn: "sista_datum", typ: "text", beskrivning: "sista tillfällets datum (`YYYY-MM-DD`)" },
    { namn: "tillfallen", typ: "heltal", beskrivning: "antal tillfällen" },
    { namn: "deltagare", typ: "heltal", beskrivning: "deltagartillfällen: summan av radernas deltagare (en person som kommer tre gånger räknas tre gånger)" },
    { namn: "unika", typ: "heltal", saknas: true, beskrivning: "unika deltagare i aktiviteten under året; tomt när det inte är känt" },
  ],
});

export const PERSONALINRIKTADE_AR = schema({
  namn: "personalinriktade_ar",
  beskrivning: "personalinriktade insatser per år: antal aktiviteter, tillfällen och deltagare per typ och totalt",
  kolumner: [
    FORBUND,
    AR,
    { ...TYP, beskrivning: `${TYP.beskrivning}, eller \`totalt\` för alla årets aktiviteter` },
    { namn: "aktiviteter", typ: "heltal", beskrivning: "antal aktiviteter" },
    { namn: "tillfallen", typ: "heltal", beskrivning: "antal tillfällen" },
    { namn: "deltagare", typ: "heltal", beskrivning: "antal deltagartillfällen (unika deltagare summeras aldrig)" },
  ],
});

/** Both tables; with no activity log, each is empty (its CSV only the header). */
export function personalinriktadeTabeller(data: Personalinriktade | undefined): Utdatatabell[] {
  const aktiviteter = (data?.aktiviteter ?? []).map((a) => ({
    forbund: a.forbund, ar: a.ar, aktivitet: a.aktivitet, omgang: a.omgang, typ: a.typ, malgrupp: a.malgrupp,
    forsta_datum: a.forstaDatum, sista_datum: a.sistaDatum, tillfallen: a.tillfallen, deltagare: a.deltagare, unika: a.unika,
  }));
  return [tabellFranRader(PERSONALINRIKTADE_AKTIVITETER, aktiviteter), tabellFranRader(PERSONALINRIKTADE_AR, data?.ar ?? [])];
}
