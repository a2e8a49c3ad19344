/**
 * "Det egna kapitalet ska inte överstiga 20 % av förbundets totala intäkter", "eget kapital
 * högst 20 %": the share of eget kapital at the end of the goal's year, measured from this
 * run's published economy table `ekonomi_eget_kapital` (the same share and base as the site's
 * Ekonomi page: the förbund's own setting, medelstilldelning or verksamhetens intäkter).
 * The year-end value is the bokslut when there is one, else the forecast.
 */
import type { Utdatatabell } from "../../../../publish/schema.ts";
import { jamforelse, type Indikatorregel, type Indikatortraff } from "../matregler.ts";

/** "eget kapital" / "det egna kapitalet", a limit at most 60 characters on, a per cent figure. */
const MONSTER = new RegExp(
  "(?<![\\p{L}])(?:eget kapital|egna kapitalet|eget kapitalet)(?![\\p{L}])[^.;]{0,60}?" +
    "(inte överstiga|inte överskrida|får inte överstiga|högst|max|maximalt|understiga|under|som mest|≤|<=)" +
    " ?(\\d+(?:[,.]\\d+)?) ?(?:%|procent)",
  "gu",
);

const BASNAMN: Readonly<Record<string, string>> = {
  medelstilldelning: "årets medelstilldelning",
  intakter: "verksamhetens intäkter",
};

function procentText(andel: number): string {
  return `${(Math.round(andel * 1000) / 10).toLocaleString("sv-SE", { maximumFractionDigits: 1 })} %`;
}

/** The year-end row of `ekonomi_eget_kapital` for a förbund and year: bokslut first, then prognos. */
function arsrad(tabell: Utdatatabell, forbund: string, ar: string): Record<string, unknown> | undefined {
  const rader = tabell.tabell.objects() as Record<string, unknown>[];
  const aret = rader.filter((r) => r.forbund === forbund && String(r.ar) === ar && r.datum === `${ar}-12-31`);
  return aret.find((r) => r.underlag === "bokslut") ?? aret.find((r) => r.underlag === "prognos");
}

export const egetkapital: Indikatorregel = {
  id: "egetkapital",
  beskrivning: "eget kapital vid årets slut som andel av basen (medelstilldelning eller intäkter), ur ekonomins utdata",
  hitta(text: string): Indikatortraff[] {
    const ut: Indikatortraff[] = [];
    for (const m of text.matchAll(MONSTER)) {
      const ord = m[1]!;
      const j = ord.startsWith("inte") || ord.startsWith("får") ? jamforelse("högst") : ord === "understiga" ? jamforelse("under") : jamforelse(ord);
      if (!j) continue;
      const grans = Number(m[2]!.replace(",", ".")) / 100;
      ut.push({
        regel: "egetkapital",
        indikator: m[0],
        krav: `eget kapital ${j.tecken} ${procentText(grans)}`,
        mat(mal, underlag) {
          const tabell = underlag.publicerade.find((t) => t.schema.namn === "ekonomi_eget_kapital");
          const rad = tabell ? arsrad(tabell, mal.forbund, mal.ar) : undefined;
          if (!rad) {
            return { varde: undefined, grans, uppfyllt: undefined, underlag: `kan inte mätas: ekonomin har inget eget kapital för ${mal.forbund} vid slutet av ${mal.ar}` };
          }
          const andel = rad.andel;
          if (typeof andel !== "number") {
            return { varde: undefined, grans, uppfyllt: undefined, underlag: `kan inte mätas: ekonomin har ingen bas (${BASNAMN[String(rad.bas)] ?? String(rad.bas)}) för ${mal.forbund} ${mal.ar}` };
          }
          const kr = (x: unknown) => (typeof x === "number" ? `${Math.round(x).toLocaleString("sv-SE")} kr` : "");
          return {
            varde: andel, grans, uppfyllt: j.test(andel, grans),
            underlag: `eget kapital ${mal.ar}-12-31 (${rad.underlag === "bokslut" ? "bokslut" : "prognos"}) ${kr(rad.eget_kapital)} är ${procentText(andel)} av ${BASNAMN[String(rad.bas)] ?? String(rad.bas)} ${kr(rad.basbelopp)} i ekonomins utdata`.replace(/\u00a0/g, " "),
          };
        },
      });
    }
    return ut;
  },
};
