/**
 * The activity log and the goal table hold counts of staff, never people: no name of a person
 * and no personnummer may be read into an output. Columns that are not read are checked too,
 * so the finding that says a column is passed over can say why it matters.
 *
 * A person's name is recognised by form: two or three words, each a capital letter and small
 * letters (a double name with a hyphen), no digits, and no word that names an activity
 * ("Workshop", "Utbildning", "After Work" ...). "Anna Andersson", "Per-Olof Berg" and
 * "Andersson, Anna" look like names; "Gemensam styrgruppsprocess" does not. A column looks like
 * names when at least two of its values do and they are at least half of its non-empty values.
 */
import { labelKey } from "../../normalise/labels.ts";
import { hittaPersonnummer } from "../../protect/lackor.ts";

/** Header names of columns that hold people, not counts (compared by label key). */
const PERSONRUBRIKER = [
  "personnummer", "pnr", "personnr", "person nr", "samordningsnummer",
  "namn på deltagare", "deltagarnamn", "deltagarnas namn", "deltagare namn", "deltagare (namn)", "namn deltagare",
  "personnamn", "förnamn", "efternamn", "fornamn", "efternamn", "för- och efternamn", "namnlista", "deltagarlista", "närvarolista",
  "anmälda", "kontaktperson", "ansvarig", "ansvarig person", "kursledare", "föreläsare", "utbildare", "handledare", "talare",
  "e-post", "epost", "e-postadress", "mejl", "mail", "telefon", "telefonnummer", "tel", "mobil",
].map(labelKey);

export function rubrikAvserPerson(rubrik: string): boolean {
  return PERSONRUBRIKER.includes(labelKey(rubrik));
}

/** Words that make a capitalised phrase an activity, not a name. */
const INTE_NAMN = new Set([
  "after", "work", "aw", "workshop", "workshops", "utbildning", "kurs", "seminarium", "konferens", "frukostmöte", "föreläsning",
  "nätverk", "nätverksträff", "dialog", "medborgardialog", "projekt", "team", "samverkan", "lösningsfokus", "sip", "lufs", "esf",
  "finsam", "region", "kommun", "dalarna", "falun", "borlänge", "avesta", "hedemora", "säter", "nära", "vård", "försäkringskassan",
  "arbetsförmedlingen", "styrelse", "styrelsen", "temadag", "grundutbildning", "ledarskap", "handledning", "hök", "resurseffektiv",
].map((w) => labelKey(w)));

const ORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

function ettNamn(text: string): boolean {
  // "Andersson, Anna" is "Anna Andersson" written surname first.
  const delar = text.includes(",") ? text.split(",").map((s) => s.trim()).reverse().join(" ") : text;
  const ord = delar.split(/\s+/).filter((o) => o !== "");
  return ord.length >= 2 && ord.length <= 3 && ord.every((o) => ORD.test(o) && !INTE_NAMN.has(labelKey(o)));
}

/** Does a cell look like one person's name, or a list of names ("Anna Andersson; Per Berg")? */
export function serUtSomPersonnamn(text: string): boolean {
  const t = text.trim();
  if (t === "" || /\d/.test(t)) return false;
  if (ettNamn(t)) return true;
  const lista = t.split(/\s*(?:;|\/|\n|\s och\s|&)\s*/).filter((s) => s !== "");
  return lista.length >= 2 && lista.every(ettNamn);
}

/** Does a column's values look like people's names? */
export function kolumnSerUtSomNamn(varden: readonly string[]): boolean {
  const ifyllda = varden.map((v) => v.trim()).filter((v) => v !== "");
  const namn = ifyllda.filter(serUtSomPersonnamn).length;
  return namn >= 2 && namn * 2 >= ifyllda.length;
}

/** The first personnummer (or samordningsnummer) in a text, masked; undefined when there is none. */
export function personnummerI(text: string): string | undefined {
  return hittaPersonnummer(text)[0]?.visas;
}

/** What a column that is not read holds, for the finding that says it is passed over. */
export function personuppgiftIKolumn(rubrik: string, varden: readonly string[]): "personnummer" | "namn" | undefined {
  if (varden.some((v) => personnummerI(v) !== undefined)) return "personnummer";
  if (rubrikAvserPerson(rubrik)) return /nummer|pnr|personnr/.test(labelKey(rubrik)) ? "personnummer" : "namn";
  return kolumnSerUtSomNamn(varden) ? "namn" : undefined;
}

/** A value safe to show in a finding: a name or personnummer is not repeated. */
export function visbartVarde(text: string): string {
  const pnr = personnummerI(text);
  if (pnr !== undefined) return pnr;
  return serUtSomPersonnamn(text) ? "(ett namn; visas inte)" : text;
}
