/**
 * The schemas of the participant outputs (computed and protected in insatser.ts). Definitions:
 * docs/definitioner/insatser.md; protection: docs/definitioner/skydd.md.
 */
import { schema } from "./schema.ts";

const FORBUND = { namn: "forbund", typ: "text", beskrivning: "förbundets id" } as const;
const INSATS = { namn: "insats", typ: "text", beskrivning: "insatsens (teamets) namn, eller `totalt` för förbundet" } as const;
const FRAN = { namn: "fran", typ: "text", beskrivning: "periodens första månad (`ÅÅÅÅ-MM`)" } as const;
const TILL = { namn: "till", typ: "text", beskrivning: "periodens sista månad (`ÅÅÅÅ-MM`)" } as const;
const KON = { namn: "kon", typ: "text", beskrivning: "`alla`, `kvinnor`, `man`" } as const;
const UNDERTRYCKT = { namn: "undertryckt", typ: "heltal", beskrivning: "`1` när värdet döljs för att skydda enskilda, annars `0`" } as const;

export const INSATSER_NYCKELTAL = schema({
  namn: "insatser_nyckeltal",
  beskrivning: "nyckeltalen per förbund, insats, tolvmånadersperiod och kön (skyddade)",
  kolumner: [
    FORBUND, INSATS, FRAN, TILL, KON,
    { namn: "matt", typ: "text", beskrivning: "`deltagare`, `avslut`, `andel_mal`, `genomstromningstid_man`, `tid_fore_start_ar`" },
    { namn: "varde", typ: "tal", saknas: true, beskrivning: "oavrundat värde (andel som 0–1, tid i månader respektive år); tomt när det döljs" },
    { namn: "antal", typ: "tal", saknas: true, beskrivning: "antalet som värdet bygger på (nämnaren för `andel_mal`, gruppen för medelvärden); tomt när det döljs" },
    UNDERTRYCKT,
  ],
});

const TAL = <N extends string>(namn: N, beskrivning: string) => ({ namn, typ: "tal", saknas: true, beskrivning }) as const;

export const INSATSER_JAMSTALLDHET = schema({
  namn: "insatser_jamstalldhet",
  beskrivning: "kvinnor och män sida vid sida med osäkerhetsintervall och test, bara från publicerade värden",
  kolumner: [
    FORBUND, INSATS, FRAN, TILL,
    { namn: "matt", typ: "text", beskrivning: "som i `insatser_nyckeltal`; `andel_kvinnor` är kvinnornas andel av deltagarna med känt kön" },
    TAL("kvinnor", "värdet för kvinnor"),
    TAL("kvinnor_antal", "antalet som kvinnornas värde bygger på"),
    TAL("man", "värdet för män"),
    TAL("man_antal", "antalet som männens värde bygger på"),
    TAL("skillnad", "`kvinnor - man`"),
    TAL("kvinnor_ki_lag", "kvinnornas 95 % Wilsonintervall, nedre gräns (bara `andel_mal`)"),
    TAL("kvinnor_ki_hog", "kvinnornas 95 % Wilsonintervall, övre gräns (bara `andel_mal`)"),
    TAL("man_ki_lag", "männens 95 % Wilsonintervall, nedre gräns (bara `andel_mal`)"),
    TAL("man_ki_hog", "männens 95 % Wilsonintervall, övre gräns (bara `andel_mal`)"),
    TAL("p_varde", "Fishers exakta test, tvåsidigt (bara `andel_mal`)"),
    { namn: "slutsats", typ: "text", saknas: true, beskrivning: "`inom_slumpens_variation` (p ≥ 0,05) eller `storre_an_slumpen`" },
    TAL(
      "befolkning_andel_kvinnor",
      "för `andel_kvinnor`: kvinnornas andel av befolkningen 20–64 år i förbundets kommuner under perioden (från SCB:s folkmängd i helårsekvivalentfilen), tomt om den saknas",
    ),
  ],
});

const RAPPORTERADE_MATT =
  "`inskrivna_start`, `nyinskrivna`, `aktiva_under_perioden`, `avslut`, `tidiga_avhopp`, `arbete`, `studier`, `arbetslivsinriktad_rehabilitering`, " +
  "`medicinsk_rehabilitering`, `sjukersattning`, `annat`, teamets egna utfall med kolumnens namn (t.ex. `Nära till hälsa`; se indata.md), `aktiva_slut`";

export const INSATSER_RAPPORTERAT = schema({
  namn: "insatser_rapporterat",
  beskrivning: "teamens egna rapporterade utfallstabeller (skyddade)",
  kolumner: [
    FORBUND, INSATS, FRAN, TILL, KON,
    { namn: "matt", typ: "text", beskrivning: RAPPORTERADE_MATT },
    { namn: "varde", typ: "tal", saknas: true, beskrivning: "det rapporterade antalet; tomt när det döljs" },
    UNDERTRYCKT,
  ],
});

export const INSATSER_UTFALL = schema({
  namn: "insatser_utfall",
  beskrivning: "utfallstabellen beräknad från deltagaruppgifterna, oskyddad (bara `finsam run --intern`)",
  intern: true,
  kolumner: [
    FORBUND, INSATS, FRAN, TILL, KON,
    {
      namn: "matt", typ: "text",
      beskrivning: "`inskrivna_start`, `nyinskrivna`, `avslut`, fördelat på `arbete`, `studier`, `arbetslivsinriktad_rehabilitering`, `medicinsk_rehabilitering`, `sjukersattning`, `annat`, `tidigt_avhopp`, `overflyttad`, och `aktiva_slut`",
    },
    { namn: "varde", typ: "tal", saknas: true, beskrivning: "antal deltaganden" },
    { namn: "undertryckt", typ: "heltal", beskrivning: "alltid `0` (tabellen är oskyddad)" },
  ],
});
