/**
 * The kinds of personalinriktade insatser (activities for the members' staff, managers and
 * politicians, and the förbund's citizen dialogues), with the spellings and synonyms found in
 * the förbund's own logs and reports.
 *
 * Each type is a course (counted in rounds: "minst en grundutbildning per år" is one round) or
 * an event (counted in occasions: "minst sex föreläsningar per år" is six lectures, whether
 * they form one series or six). docs/definitioner/styrelseindata.md.
 */
import { labelKey } from "../../../normalise/labels.ts";

export const AKTIVITETSTYPER = [
  "grundutbildning", "vidareutbildning", "ledarskap", "utbildning", "workshop", "forelasning", "seminarium",
  "frukostmote", "medborgardialog", "natverk", "handledning", "process", "annat",
] as const;
export type Aktivitetstyp = (typeof AKTIVITETSTYPER)[number];

export const TYPNAMN: Readonly<Record<Aktivitetstyp, string>> = {
  grundutbildning: "grundutbildning",
  vidareutbildning: "vidareutbildning",
  ledarskap: "ledarskapsutbildning",
  utbildning: "annan utbildning",
  workshop: "workshop",
  forelasning: "föreläsning",
  seminarium: "seminarium eller konferens",
  frukostmote: "frukostmöte",
  medborgardialog: "medborgardialog",
  natverk: "nätverksträff",
  handledning: "handledning",
  process: "processtöd",
  annat: "annat",
};

/** Courses are counted in rounds (activities); everything else in occasions. */
export const KURSTYPER: ReadonlySet<Aktivitetstyp> = new Set(["grundutbildning", "vidareutbildning", "ledarskap", "utbildning"]);

const SYNONYMER: Readonly<Record<Aktivitetstyp, readonly string[]>> = {
  grundutbildning: [
    "grundutbildning", "grundutbildningar", "grundutb", "grundutb.", "grundkurs", "grundkurser", "grund", "basutbildning",
    "grundutbildning lf", "grundutbildning i lösningsfokus", "introduktionsutbildning",
  ],
  vidareutbildning: [
    "vidareutbildning", "vidareutbildningar", "vidareutb", "vidareutb.", "fortsättningsutbildning", "fortsättningskurs",
    "fördjupning", "fördjupningsutbildning", "fortbildning", "påbyggnad", "påbyggnadsutbildning",
  ],
  ledarskap: [
    "ledarskap", "ledarskapsutbildning", "ledarskapsutbildningar", "ledarutbildning", "chefsutbildning", "ledarskapsprogram",
    "ledarskapsutb", "ledarskapsutb.",
  ],
  utbildning: [
    "utbildning", "utbildningar", "kurs", "kurser", "annan utbildning", "övrig utbildning", "kompetensutveckling",
    "gruppledarutbildning", "utbildningsinsats", "webbutbildning", "e-utbildning",
  ],
  workshop: ["workshop", "workshops", "workshopar", "work shop", "verkstad", "arbetsseminarium"],
  forelasning: [
    "föreläsning", "föreläsningar", "forelasning", "föreläsningsserie", "föreläsningsserier", "föredrag", "inspirationsföreläsning",
    "webbinarium", "webinar", "webbinarier",
  ],
  seminarium: ["seminarium", "seminarier", "seminarie", "konferens", "konferenser", "temadag", "temadagar", "dialogmöte", "dialogseminarium"],
  frukostmote: ["frukostmöte", "frukostmöten", "frukostmote", "frukostseminarium", "frukostseminarier", "frukostträff", "frukost"],
  medborgardialog: ["medborgardialog", "medborgardialoger", "medborgarmöte", "dialog med medborgare", "invånardialog"],
  natverk: [
    "nätverk", "nätverksträff", "nätverksträffar", "natverk", "nätverksmöte", "after work", "afterwork", "aw", "after work lf",
    "erfarenhetsutbyte", "mingel",
  ],
  handledning: ["handledning", "metodhandledning", "grupphandledning", "coachning"],
  process: ["process", "processtöd", "processtod", "processtödjare", "styrgruppsprocess", "utvecklingsprocess"],
  annat: ["annat", "övrigt", "ovrigt", "annan", "övriga", "annan aktivitet"],
};

const ALIAS: ReadonlyMap<string, Aktivitetstyp> = new Map(
  AKTIVITETSTYPER.flatMap((t) => [t, ...SYNONYMER[t]].map((s) => [labelKey(s), t] as const)),
);

/** The type a cell names, or undefined. Case, accents and a final period do not matter. */
export function tolkaTyp(text: string): Aktivitetstyp | undefined {
  const key = labelKey(text).replace(/[.:]+$/, "");
  return ALIAS.get(key) ?? ALIAS.get(key.replace(/-/g, " "));
}

/** The accepted values, for messages (each is also accepted as written). */
export const GODTAGNA_TYPER = [
  "grundutbildning", "vidareutbildning", "ledarskapsutbildning", "utbildning", "workshop", "föreläsning", "seminarium",
  "frukostmöte", "medborgardialog", "nätverksträff", "handledning", "processtöd", "annat",
].join(", ");
