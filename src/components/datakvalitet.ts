// Sidan Datakvalitet: valideringsrapporten (tabellen datakvalitet) och de lästa indatafilerna
// (indatafiler) ur sidornas data (sidodata.ts), se docs/utdata.md och docs/datakvalitet.md.
import type { DATAKVALITET, INDATAFILER } from "../../loaders/publish/datakvalitet.ts";
import type { Rad } from "../../loaders/publish/schema.ts";
import { avkoda, type Sidtabell } from "./sidodata.js";

export type Fynd = Rad<typeof DATAKVALITET>;
export type Indatafil = Rad<typeof INDATAFILER>;
export interface Antal {
  fel: number;
  varning: number;
  info: number;
}

/** Allvarlighetsgraderna i rapportens ordning. */
export const ALLVAR: readonly { kod: string; namn: string; plural: string }[] = [
  { kod: "fel", namn: "Fel", plural: "Fel" },
  { kod: "varning", namn: "Varning", plural: "Varningar" },
  { kod: "info", namn: "Upplysning", plural: "Upplysningar" }
];
const allvarsnamn = new Map(ALLVAR.map((a) => [a.kod, a.namn]));
export const allvarNamn = (kod: string): string => allvarsnamn.get(kod) ?? kod;

/** Regelns sista del (efter filslaget) till en kort svensk rubrik; okända regler visas med sitt id. */
const REGELRUBRIKER = new Map([
  ["saknas", "Värdet saknas"],
  ["summa", "Totalen är inte summan av delarna"],
  ["kommun_saknar_period", "En kommun saknar en period"],
  ["periodlucka", "Lucka bland månaderna"],
  ["ekonomiskt_bistand_noll", "Ekonomiskt bistånd är 0"],
  ["kon_saknas", "Deltagare utan kön"],
  ["kon_personnummer", "Kön stämmer inte med personnumret"],
  ["id_personnummer", "Deltagar-id ser ut som personnummer"],
  ["flode", "Flödet går inte ihop"],
  ["avslut", "Utfallen summerar inte till avsluten"],
  ["kommunnamn", "Kommunnamnet skiljer sig från referensdata"],
  ["innehall", "Okänt tabellinnehåll"],
  ["lan_i_fil", "Länsrader används inte"],
  ["forbund_ofullstandigt", "Förbund kan inte beräknas"],
  ["lan_ofullstandigt", "Län kan inte beräknas"],
  ["riket_saknas", "Riket saknas"],
  ["okand", "Filen känns inte igen"],
  ["okand_typ", "Filtypen läses inte"],
  ["blad_utan_tabell", "Blad utan tabell"],
  ["saknat_varde", "Belopp eller befolkningstal saknas"],
  ["per_invanare", "Kostnad per invånare stämmer inte"],
  ["valdistrikt_summa", "Kommunen skiljer sig från sina valdistrikt"],
  ["fran_valdistrikt", "Kommunen summeras från valdistrikt"],
  ["december", "December saknas"],
  ["riket", "Filen läses som riket"],
  ["fotnot", "Fotnot i filen"],
  ["kolumn_lases_inte", "Kolumner som inte läses"],
  ["efter_sista_period", "Deltaganden efter den sista hela perioden"],
  ["stavning", "Insatsen skrivs på flera sätt"],
  ["aktiva_under", "Aktiva under perioden går inte ihop"],
  ["eget_utfall", "Teamets eget utfall"],
  ["kolumn_oanvand", "Kolumn som inte används"],
  ["medel_utan_grupp", "Medelvärde fast ingen nådde målet"],
  ["medel_publiceras_inte", "Teamets medelvärden publiceras inte"],
  ["kommunkod_utan_nolla", "Kommunkod utan inledande nolla"],
  ["motsager_matning", "Bedömningen motsäger det uppmätta"],
  ["kan_inte_matas", "Indikatorn kan inte mätas"],
  ["personuppgifter", "Kolumn med personuppgifter läses inte"],
  ["samma_dag", "Samma aktivitet två gånger samma dag"],
  ["blad_lases_inte", "Bladet läses inte"]
]);

/** `regel`: t.ex. `he.saknas`. */
export function regelRubrik(regel: string): string {
  const sista = regel.slice(regel.lastIndexOf(".") + 1);
  return REGELRUBRIKER.get(sista) ?? regel;
}

/** Raderna i datakvalitet. */
export function tolkaDatakvalitet(t: Sidtabell): Fynd[] {
  return avkoda<typeof DATAKVALITET>(t, "datakvalitet");
}

/** Raderna i indatafiler. */
export function tolkaIndatafiler(t: Sidtabell): Indatafil[] {
  return avkoda<typeof INDATAFILER>(t, "indatafiler");
}

/** Antal rader i rapporten per allvarlighetsgrad. */
export function antalPerAllvar(rader: readonly { allvar: string }[]): Antal {
  const antal: Antal = { fel: 0, varning: 0, info: 0 };
  for (const r of rader) if (r.allvar in antal) antal[r.allvar as keyof Antal]++;
  return antal;
}

/** Raderna grupperade per fil och, inom filen, per regel (i rapportens ordning: fil, regel). */
export function grupperaFynd<T extends { fil: string; regel: string; allvar: string }>(
  rader: readonly T[]
): { fil: string; regler: { regel: string; allvar: string; rader: T[] }[] }[] {
  const filer = new Map<string, Map<string, { regel: string; allvar: string; rader: T[] }>>();
  for (const r of rader) {
    let regler = filer.get(r.fil);
    if (!regler) filer.set(r.fil, (regler = new Map()));
    let grupp = regler.get(r.regel);
    if (!grupp) regler.set(r.regel, (grupp = { regel: r.regel, allvar: r.allvar, rader: [] }));
    grupp.rader.push(r);
  }
  return [...filer].map(([fil, regler]) => ({ fil, regler: [...regler.values()] }));
}

/** Var i filen: "rad 16, kolumn 35" (tomt när fyndet inte har någon plats). */
export function plats(r: { rad: number | null; kolumn: number | null }): string {
  const delar: string[] = [];
  if (r.rad != null) delar.push(`rad ${r.rad}`);
  if (r.kolumn != null) delar.push(`kolumn ${r.kolumn}`);
  return delar.join(", ");
}

/** En sammanfattning i ord: "7 varningar och 1 upplysning i 3 filer." */
export function sammanfattning(antal: Antal, filer: number): string {
  const delar: string[] = [];
  if (antal.fel) delar.push(`${antal.fel} fel`);
  if (antal.varning) delar.push(`${antal.varning} ${antal.varning === 1 ? "varning" : "varningar"}`);
  if (antal.info) delar.push(`${antal.info} ${antal.info === 1 ? "upplysning" : "upplysningar"}`);
  if (delar.length === 0) return "Valideringen hittade inget att anmärka på.";
  const lista = delar.length === 1 ? delar[0]! : `${delar.slice(0, -1).join(", ")} och ${delar.at(-1)}`;
  return `${lista.charAt(0).toUpperCase()}${lista.slice(1)} i ${filer} ${filer === 1 ? "fil" : "filer"}.`;
}
