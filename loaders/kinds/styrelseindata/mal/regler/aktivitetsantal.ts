/**
 * "Minst sex föreläsningar per år", "minst en grundutbildning/år", "bjuda in till minst fyra
 * frukostmöten": a number of activities of a type, counted in the activity log for the goal's
 * förbund and year. Courses are counted in rounds (activities), events in occasions
 * (tillfällen): a series of three lectures is three föreläsningar.
 */
import { KURSTYPER, type Aktivitetstyp } from "../../personalinriktade/typer.ts";
import { JAMFORELSE_MONSTER, jamforelse, TALORD, tolkaTal, type Indikatorregel, type Indikatortraff } from "../matregler.ts";

interface Slag {
  /** Plural, for the measured value's description. */
  readonly namn: string;
  readonly typer: readonly Aktivitetstyp[];
}

/** Word stems (å/ä/ö or a/a/o) and what they count. */
const ORD: readonly { readonly monster: string; readonly slag: Slag }[] = [
  { monster: "grundutbildning(?:ar)?|grundkurs(?:er)?", slag: { namn: "grundutbildningar", typer: ["grundutbildning"] } },
  { monster: "vidareutbildning(?:ar)?|fortsättningsutbildning(?:ar)?", slag: { namn: "vidareutbildningar", typer: ["vidareutbildning"] } },
  { monster: "ledarskapsutbildning(?:ar)?|ledarutbildning(?:ar)?", slag: { namn: "ledarskapsutbildningar", typer: ["ledarskap"] } },
  { monster: "utbildning(?:ar)?|utbildningsinsats(?:er)?|kurs(?:er)?", slag: { namn: "utbildningar", typer: [...KURSTYPER] } },
  { monster: "föreläsning(?:ar)?", slag: { namn: "föreläsningar", typer: ["forelasning"] } },
  { monster: "workshop(?:s|ar|par)?", slag: { namn: "workshoppar", typer: ["workshop"] } },
  { monster: "seminari(?:um|er)|konferens(?:er)?", slag: { namn: "seminarier och konferenser", typer: ["seminarium"] } },
  { monster: "frukostmöte(?:n)?|frukostseminari(?:um|er)", slag: { namn: "frukostmöten", typer: ["frukostmote"] } },
  { monster: "medborgardialog(?:er)?", slag: { namn: "medborgardialoger", typer: ["medborgardialog"] } },
  { monster: "nätverksträff(?:ar)?", slag: { namn: "nätverksträffar", typer: ["natverk"] } },
  { monster: "personalinriktade (?:insatser|aktiviteter)", slag: { namn: "personalinriktade insatser", typer: [] } },
];

const TAL = `\\d+|${Object.keys(TALORD).join("|")}`;
/** Comparison, number, at most two words between ("minst två nya workshoppar"), the word. */
const MONSTER = new RegExp(
  `(?<![\\p{L}])(${JAMFORELSE_MONSTER}) ?(${TAL}) (?:[\\p{L}-]+ ){0,2}?(${ORD.map((o) => o.monster).join("|")})(?![\\p{L}])`,
  "gu",
);

/** The other order: "Antal föreläsningar per år: minst 6", or an indicator and its target value "antal frukostmöten 4". */
const MONSTER_ANTAL = new RegExp(
  `(?<![\\p{L}])antal(?:et)? (?:[\\p{L}-]+ ){0,2}?(${ORD.map((o) => o.monster).join("|")})(?![\\p{L}])[^.;\\d]{0,40}?(?:(${JAMFORELSE_MONSTER}) ?)?(\\d+)(?!\\d)`,
  "gu",
);

function slagFor(ord: string): Slag {
  const o = ORD.find((x) => new RegExp(`^(?:${x.monster})$`, "u").test(ord));
  return o!.slag;
}

export const aktivitetsantal: Indikatorregel = {
  id: "aktivitetsantal",
  beskrivning: "antal personalinriktade aktiviteter av en typ under året, ur aktivitetsloggen",
  hitta(text: string): Indikatortraff[] {
    const ut: Indikatortraff[] = [];
    const traffar = [
      ...[...text.matchAll(MONSTER)].map((m) => ({ fras: m[0], jamf: m[1]!, tal: m[2]!, ord: m[3]! })),
      ...[...text.matchAll(MONSTER_ANTAL)].map((m) => ({ fras: m[0], jamf: m[2] ?? "minst", tal: m[3]!, ord: m[1]! })),
    ];
    for (const { fras, jamf, tal, ord } of traffar) {
      const j = jamforelse(jamf);
      const grans = tolkaTal(tal);
      if (!j || grans === undefined) continue;
      const slag = slagFor(ord);
      const alla = slag.typer.length === 0;
      const kurser = !alla && slag.typer.every((t) => KURSTYPER.has(t));
      const enhet = alla || kurser ? "aktiviteter" : "tillfällen";
      ut.push({
        regel: "aktivitetsantal",
        indikator: fras,
        krav: `${slag.namn} ${j.tecken} ${grans}`,
        mat(mal, underlag) {
          if (underlag.aktiviteter === undefined) {
            return { varde: undefined, grans, uppfyllt: undefined, underlag: "kan inte mätas: körningen har ingen aktivitetslogg" };
          }
          const aret = underlag.aktiviteter.filter((a) => a.forbund === mal.forbund && a.ar === mal.ar);
          if (aret.length === 0) {
            return { varde: undefined, grans, uppfyllt: undefined, underlag: `kan inte mätas: aktivitetsloggen har inga aktiviteter för ${mal.forbund} ${mal.ar}` };
          }
          const valda = alla ? aret : aret.filter((a) => slag.typer.includes(a.typ));
          const varde = enhet === "aktiviteter" ? valda.length : valda.reduce((s, a) => s + a.tillfallen, 0);
          return {
            varde, grans, uppfyllt: j.test(varde, grans),
            underlag: `${varde} ${slag.namn} ${mal.ar} i aktivitetsloggen (räknat i ${enhet}; ${aret.length} aktiviteter totalt)`,
          };
        },
      });
    }
    return ut;
  },
};
