/**
 * The economy's tidy outputs (docs/utdata.md): one schema per table, amounts in kr, unrounded
 * (öre as decimals), shares as 0–1, booleans as 1/0, empty for a value that does not exist.
 * Every table is written, with only its header when no förbund has economy inputs.
 * Definitions: docs/definitioner/ekonomi.md.
 */
import { AR } from "../../publish/kolumner.ts";
import { schema, tabellFranRader, type Utdatatabell } from "../../publish/schema.ts";
import { kronor } from "./belopp.ts";
import { BR_RADER } from "./balansrakning.ts";
import type { Ekonomiresultat } from "./berakning.ts";
import { aterstar, forbrukad, jamforId } from "./drift.ts";
import { andel, hogstOre, hogstUppfyllt, lagstUppfyllt } from "./egetkapital.ts";
import { KF_RADER } from "./kassaflode.ts";
import { medlemsbelopp } from "./langsiktig.ts";

const kr = (ore: number | undefined) => (ore === undefined ? null : kronor(ore));
const bool = (b: boolean | undefined) => (b === undefined ? null : b ? 1 : 0);
/** A product of a share and an amount without binary noise (0.2 × 618 400 000 öre is 123 680 000 öre). */
const exakt = (x: number) => Number(x.toPrecision(15));

const FORBUND = { namn: "forbund", typ: "text", beskrivning: "förbundets id" } as const;
const TILL_DATUM = { namn: "till_datum", typ: "text", beskrivning: "periodens sista dag (`ÅÅÅÅ-MM-DD`): rapportdatumet för dess år, annars 31 december" } as const;
const BELOPP = (namn: string, beskrivning: string, saknas = true) => ({ namn, typ: "tal", beskrivning, ...(saknas ? { saknas: true } : {}) }) as const;

export const EKONOMI_DRIFT = schema({
  namn: "ekonomi_drift",
  beskrivning: "driftsredovisningen per förbund, år, rapportdatum och ID, med en rad `totalt`; Kommun-Bas-tecken (kostnader plus, intäkter minus), kr",
  kolumner: [
    FORBUND, AR, TILL_DATUM,
    { namn: "id", typ: "text", beskrivning: "ID (ansvar, verksamhet, projekt), eller `totalt`" },
    { namn: "post", typ: "text", beskrivning: "`styrelse`, `administration`, `personalinriktade`, `publikationer`, `insats`, `intakter` (`totalt` på totalraden)" },
    BELOPP("utfall", "ackumulerat utfall från årets början till `till_datum`", false),
    BELOPP("budget", "årsbudget"),
    BELOPP("aterstar", "`budget - utfall`"),
    { namn: "forbrukad", typ: "tal", saknas: true, beskrivning: "`utfall / budget` (andel); tomt när budgeten är 0 eller saknas" },
    BELOPP("prognos", "prognos för året (ett ID utan prognos: dess budget, när året har en prognos)"),
  ],
});

export const EKONOMI_ID = schema({
  namn: "ekonomi_id",
  beskrivning: "IDnas namn och poster per förbund och år",
  kolumner: [
    FORBUND, AR,
    { namn: "id", typ: "text", beskrivning: "ID" },
    { namn: "namn", typ: "text", beskrivning: "IDts namn som filerna skriver det det året (annars IDt)" },
    { namn: "post", typ: "text", beskrivning: "som i `ekonomi_drift`" },
  ],
});

export const EKONOMI_RESULTATRAKNING = schema({
  namn: "ekonomi_resultatrakning",
  beskrivning: "resultaträkningen per förbund och år till rapportdatumet; intäkter plus, kostnader minus, kr",
  kolumner: [
    FORBUND, AR, TILL_DATUM,
    { namn: "rad", typ: "text", beskrivning: "`medlemsbidrag`, `ovriga_intakter`, `verksamhetens_intakter`, `verksamhetens_kostnader`, `verksamhetens_resultat`, `finansiella_intakter`, `finansiella_kostnader`, `resultat_efter_finansiella_poster`, `extraordinara_poster`, `arets_resultat`" },
    BELOPP("budget", "årets budget (brutto)"),
    BELOPP("utfall", "utfall från årets början till `till_datum`", false),
    BELOPP("avvikelse", "`utfall - budget`"),
    BELOPP("prognos", "årets prognos"),
    BELOPP("foregaende_ar", "utfall samma period året före"),
  ],
});

export const EKONOMI_BALANSRAKNING = schema({
  namn: "ekonomi_balansrakning",
  beskrivning: "balansräkningen vid rapportdatumet och samma dag året före; alla poster plus, kr",
  kolumner: [
    FORBUND, AR, TILL_DATUM,
    { namn: "datum", typ: "text", beskrivning: "`till_datum` eller samma dag året före" },
    { namn: "rad", typ: "text", beskrivning: "`anlaggningstillgangar`, `fordringar`, `kortfristiga_placeringar`, `kassa_och_bank`, `summa_omsattningstillgangar`, `summa_tillgangar`, `eget_kapital` (utan årets resultat), `arets_resultat`, `summa_eget_kapital`, `avsattningar`, `langfristiga_skulder`, `kortfristiga_skulder`, `summa_skulder`, `summa_eget_kapital_och_skulder`" },
    BELOPP("belopp", "beloppet; `arets_resultat` är tomt när bara nästa års ingående balans är känd"),
  ],
});

export const EKONOMI_KASSAFLODE = schema({
  namn: "ekonomi_kassaflode",
  beskrivning: "kassaflödesanalysen (indirekt metod) från årets början till rapportdatumet, kr",
  kolumner: [
    FORBUND, AR, TILL_DATUM,
    { namn: "rad", typ: "text", beskrivning: "`arets_resultat`, `justering_avsattningar`, `medel_fore_rorelsekapital`, `forandring_fordringar`, `forandring_kortfristiga_skulder`, `ovrigt_eget_kapital`, `kassaflode_lopande_verksamhet`, `investeringar`, `forandring_langfristiga_skulder`, `arets_kassaflode`, `likvida_medel_borjan`, `likvida_medel_slut`" },
    BELOPP("belopp", "beloppet", false),
  ],
});

export const EKONOMI_NOTER = schema({
  namn: "ekonomi_noter",
  beskrivning: "noterna: intäkter per källa, kostnader per slag och balansposter per slag, bredvid samma period året före; intäkter plus, kostnader minus, kr",
  kolumner: [
    FORBUND, AR, TILL_DATUM,
    { namn: "not", typ: "text", beskrivning: "`intakter`, `kostnader`, `finansiella_poster`, `anlaggningstillgangar`, `fordringar`, `kortfristiga_placeringar`, `kassa_och_bank`, `avsattningar`, `langfristiga_skulder`, `kortfristiga_skulder`" },
    { namn: "rad", typ: "text", beskrivning: "notradens namn (inställningarnas, annars Kommun-Bas-kontogruppens)" },
    BELOPP("belopp", "perioden (eller vid `till_datum`)"),
    BELOPP("foregaende_ar", "samma period (dag) året före"),
  ],
});

export const EKONOMI_NYCKELTAL = schema({
  namn: "ekonomi_nyckeltal",
  beskrivning: "soliditet och kostnadernas fördelning på insatser och administration",
  kolumner: [
    FORBUND, AR, TILL_DATUM,
    { namn: "matt", typ: "text", beskrivning: "`soliditet`, `andel_insatser`, `andel_administration`" },
    { namn: "varde", typ: "tal", beskrivning: "`taljare / namnare` (andel 0–1)" },
    BELOPP("taljare", "täljaren, kr", false),
    BELOPP("namnare", "nämnaren, kr", false),
  ],
});

export const EKONOMI_MEDELSTILLDELNING = schema({
  namn: "ekonomi_medelstilldelning",
  beskrivning: "medelstilldelningen per förbund, år och medlem, med årets total (`totalt`), kr",
  kolumner: [
    FORBUND, AR,
    { namn: "medlem", typ: "text", beskrivning: "medlemmen som i indata, eller `totalt`" },
    { namn: "andel", typ: "tal", saknas: true, beskrivning: "andel 0–1" },
    BELOPP("belopp", "beloppet (en andel av en angiven total när beloppet inte anges)"),
    { namn: "status", typ: "text", beskrivning: "`beslutad`, `askad` eller `prognos`" },
  ],
});

export const EKONOMI_LANGSIKTIG = schema({
  namn: "ekonomi_langsiktig",
  beskrivning: "den långsiktiga tabellen: medelstilldelning, budget och eget kapital den 31 december per förbund och år, kr",
  kolumner: [
    FORBUND, AR,
    BELOPP("medelstilldelning", "årets medelstilldelning"),
    { namn: "medelstilldelning_status", typ: "text", saknas: true, beskrivning: "`beslutad`, `askad` eller `prognos`" },
    BELOPP("budget", "nettokostnaden för alla ID utom intäkterna (Kommun-Bas-tecken)"),
    BELOPP("budget_resultat", "medelstilldelningen (eller budgetens intäkter) minus budgeten"),
    BELOPP("eget_kapital", "eget kapital den 31 december"),
    { namn: "eget_kapital_underlag", typ: "text", saknas: true, beskrivning: "`bokslut`, `prognos` eller `budget`" },
  ],
});

export const EKONOMI_EGET_KAPITAL = schema({
  namn: "ekonomi_eget_kapital",
  beskrivning: "eget kapital mot reglerna per förbund och år där det är känt den 31 december (målet \"eget kapital högst 20 %\" mäts härifrån)",
  kolumner: [
    FORBUND, AR,
    { namn: "datum", typ: "text", beskrivning: "31 december året" },
    { namn: "underlag", typ: "text", beskrivning: "`bokslut`, `prognos` eller `budget`" },
    BELOPP("eget_kapital", "eget kapital, kr", false),
    { namn: "bas", typ: "text", beskrivning: "`medelstilldelning` eller `intakter`" },
    BELOPP("basbelopp", "basens belopp, kr"),
    { namn: "andel", typ: "tal", saknas: true, beskrivning: "`eget_kapital / basbelopp`" },
    { namn: "hogst_andel", typ: "tal", beskrivning: "högsta rekommenderade andel (0–1)" },
    BELOPP("hogst_belopp", "`hogst_andel × basbelopp`, kr"),
    { namn: "hogst_uppfyllt", typ: "heltal", saknas: true, beskrivning: "`1` när eget kapital ≤ `hogst_belopp`, annars `0`" },
    BELOPP("lagst_belopp", "förbundets lägsta nivå, kr (tom utan lägsta nivå)"),
    { namn: "lagst_uppfyllt", typ: "heltal", saknas: true, beskrivning: "`1` när eget kapital ≥ `lagst_belopp`, annars `0`" },
  ],
});

export const EKONOMI_SCHEMAN = [
  EKONOMI_DRIFT, EKONOMI_ID, EKONOMI_RESULTATRAKNING, EKONOMI_BALANSRAKNING, EKONOMI_KASSAFLODE,
  EKONOMI_NOTER, EKONOMI_NYCKELTAL, EKONOMI_MEDELSTILLDELNING, EKONOMI_LANGSIKTIG, EKONOMI_EGET_KAPITAL,
] as const;

const STATUSTEXT = { beslutad: "beslutad", askad: "askad", prognos: "prognos" } as const;

export function ekonomiTabeller(resultat: readonly Ekonomiresultat[]): Utdatatabell[] {
  const drift: Record<string, unknown>[] = [];
  const id: Record<string, unknown>[] = [];
  const rr: Record<string, unknown>[] = [];
  const br: Record<string, unknown>[] = [];
  const kf: Record<string, unknown>[] = [];
  const noter: Record<string, unknown>[] = [];
  const nyckeltal: Record<string, unknown>[] = [];
  const medel: Record<string, unknown>[] = [];
  const lang: Record<string, unknown>[] = [];
  const ek: Record<string, unknown>[] = [];
  for (const res of resultat) {
    const forbund = res.fe.forbund;
    for (const a of res.ar) {
      const bas = { forbund, ar: String(a.ar), till_datum: a.till };
      for (const d of a.drift) {
        drift.push({ ...bas, id: d.id, post: d.post, utfall: kr(d.utfallOre), budget: kr(d.budgetOre), aterstar: kr(aterstar(d)), forbrukad: forbrukad(d) ?? null, prognos: kr(d.prognosOre) });
        if (d.id !== "totalt") id.push({ forbund, ar: String(a.ar), id: d.id, namn: d.namn, post: d.post });
      }
      for (const r of a.rr) {
        rr.push({ ...bas, rad: r.rad, budget: kr(r.budgetOre), utfall: kr(r.utfallOre), avvikelse: r.budgetOre === undefined ? null : kr(r.utfallOre - r.budgetOre), prognos: kr(r.prognosOre), foregaende_ar: kr(r.foregaendeOre) });
      }
      for (const [datum, b] of [[a.till, a.br], [a.jamforelsedatum, a.brJamforelse]] as const) {
        if (!b) continue;
        for (const rad of BR_RADER) br.push({ ...bas, datum, rad, belopp: kr(b[rad]) });
      }
      if (a.kf) for (const rad of KF_RADER) kf.push({ ...bas, rad, belopp: kr(a.kf[rad]) });
      for (const n of a.noter) noter.push({ ...bas, not: n.not, rad: n.rad, belopp: kr(n.beloppOre), foregaende_ar: kr(n.foregaendeOre) });
      for (const n of a.nyckeltal) nyckeltal.push({ ...bas, matt: n.matt, varde: n.taljareOre / n.namnareOre, taljare: kr(n.taljareOre), namnare: kr(n.namnareOre) });
    }
    for (const m of res.medel) {
      for (const x of m.medlemmar) medel.push({ forbund, ar: String(m.ar), medlem: x.medlem, andel: x.andel ?? null, belopp: kr(medlemsbelopp(x, m) === undefined ? undefined : exakt(medlemsbelopp(x, m)!)), status: STATUSTEXT[x.status] });
      medel.push({ forbund, ar: String(m.ar), medlem: "totalt", andel: m.medlemmar.some((x) => x.andel !== undefined) ? exakt(m.medlemmar.reduce((s, x) => s + (x.andel ?? 0), 0)) : null, belopp: kr(m.totaltOre), status: STATUSTEXT[m.status] });
    }
    for (const l of res.langsiktig) {
      lang.push({
        forbund, ar: String(l.ar), medelstilldelning: kr(l.medelstilldelningOre), medelstilldelning_status: l.medelstilldelningStatus ? STATUSTEXT[l.medelstilldelningStatus] : null,
        budget: kr(l.budgetOre), budget_resultat: kr(l.budgetResultatOre), eget_kapital: kr(l.egetKapitalOre), eget_kapital_underlag: l.underlag ?? null,
      });
    }
    for (const e of res.egetKapital) {
      ek.push({
        forbund, ar: String(e.ar), datum: e.datum, underlag: e.underlag, eget_kapital: kr(e.egetKapitalOre), bas: e.bas, basbelopp: kr(e.basOre),
        andel: andel(e) ?? null, hogst_andel: e.hogstAndel, hogst_belopp: e.basOre === undefined ? null : exakt(hogstOre(e)!) / 100, hogst_uppfyllt: bool(hogstUppfyllt(e)),
        lagst_belopp: kr(e.lagstOre), lagst_uppfyllt: bool(lagstUppfyllt(e)),
      });
    }
  }
  // One ID per förbund and year (an ID is in the drift once a year).
  const idUnika = [...new Map(id.map((r) => [`${r.forbund}\u0000${r.ar}\u0000${r.id}`, r])).values()]
    .sort((a, b) => cmp(a.forbund, b.forbund) || cmp(a.ar, b.ar) || jamforId(a.id as string, b.id as string));
  return [
    tabellFranRader(EKONOMI_DRIFT, drift),
    tabellFranRader(EKONOMI_ID, idUnika),
    tabellFranRader(EKONOMI_RESULTATRAKNING, rr),
    tabellFranRader(EKONOMI_BALANSRAKNING, br),
    tabellFranRader(EKONOMI_KASSAFLODE, kf),
    tabellFranRader(EKONOMI_NOTER, noter),
    tabellFranRader(EKONOMI_NYCKELTAL, nyckeltal),
    tabellFranRader(EKONOMI_MEDELSTILLDELNING, medel),
    tabellFranRader(EKONOMI_LANGSIKTIG, lang),
    tabellFranRader(EKONOMI_EGET_KAPITAL, ek),
  ];
}

function cmp(a: unknown, b: unknown): number {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
