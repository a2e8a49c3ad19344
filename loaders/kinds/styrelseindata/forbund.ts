/**
 * Which förbund a row of the activity log or the goal table belongs to: its förbund column (the
 * id, `sodra-dalarna`, or the name, "Södra Dalarnas Samordningsförbund", also without the word
 * samordningsförbund: "Södra Dalarnas", "Södra Dalarna"), matched with the shared name matcher
 * (loaders/reference/namn.ts); or, without the column, the only förbund the settings file names.
 * `Forbundsupplosare` gives each row its förbund and reports the rows that have none.
 */
import { menadeDu, Namnmatchare } from "../../reference/namn.ts";
import type { Indelning } from "../../reference/indelning.ts";
import type { Installningar } from "../../reference/installningar.ts";
import type { Findings } from "../../validate/findings.ts";
import { Tabellfynd, type Tabell } from "./tabellfil.ts";

const ORD_SOM_INTE_SKILJER = /\b(samordningsförbund(et)?|finsam)\b/giu;

/** Spellings of a förbund's name: as written, without "Samordningsförbund"/"Finsam", and without a genitive s. */
export function stavningar(namn: string): string[] {
  const kort = namn.replace(ORD_SOM_INTE_SKILJER, " ").replace(/\s+/g, " ").trim();
  const utanGenitiv = kort.replace(/s$/u, "");
  return [...new Set([namn, kort, utanGenitiv].filter((s) => s.length >= 3))];
}

export interface Forbundstolkare {
  /** The förbund's id, or undefined when the text names no known förbund (or is ambiguous). */
  tolka(text: string): string | undefined;
  /** `; menade du "…"?` for a text that names no förbund, or an empty string. */
  forslag(text: string): string;
  /** The förbund of a file without a förbund column, when the settings name exactly one. */
  readonly ensam: string | undefined;
  /** Known ids, for messages. */
  readonly kanda: readonly string[];
}

export function forbundstolkare(indelning: Indelning, installningar: Installningar): Forbundstolkare {
  const namn = new Map<string, string>();
  for (const m of indelning.medlemskap) namn.set(m.forbund, m.forbundNamn);
  const kanda = [...namn.keys()].sort();
  const matchare = new Namnmatchare(kanda.map((id) => ({ varde: id, namn: [id, ...stavningar(namn.get(id)!)], visas: id })));
  const namngivna = [...new Set((installningar.forbund ?? []).map((f) => f.id))].filter((id) => namn.has(id));
  return {
    tolka: (text) => matchare.hitta(text),
    forslag: (text) => menadeDu(matchare.forslag(text)),
    ensam: namngivna.length === 1 ? namngivna[0] : undefined,
    kanda,
  };
}

/** A row of the activity log or the goal table, as far as its förbund goes. */
export interface RadMedForbund {
  /** The förbund column's text; undefined when the file has no such column or the cell is empty. */
  readonly forbund: string | undefined;
  readonly kalla: Tabell;
  readonly rad: number;
  readonly kolumner: { readonly forbund?: number };
}

/**
 * Each row's förbund id, for one merge of files. A row without a förbund (and no single förbund
 * in the settings) or with an unknown one is an error (`<regel>`), reported once per table for a
 * missing förbund and once per table and value for an unknown one: a whole log with a misspelt
 * förbund is one mistake.
 */
export class Forbundsupplosare {
  private readonly utanForbund = new Set<Tabell>();
  private readonly okandaRapporterade = new Set<string>();

  constructor(private readonly tolkare: Forbundstolkare, private readonly regel: string, private readonly findings: Findings) {}

  /** The row's förbund id; undefined (with an error, reported as above) when it has none. */
  id(r: RadMedForbund): string | undefined {
    const fynd = new Tabellfynd(r.kalla, this.findings);
    const kolumn = r.kolumner.forbund;
    if (r.forbund === undefined) {
      const id = this.tolkare.ensam;
      if (id === undefined && !this.utanForbund.has(r.kalla)) {
        this.utanForbund.add(r.kalla);
        fynd.fel(this.regel, r.rad, kolumn,
          `förbund saknas${kolumn === undefined ? " (filen har ingen kolumn förbund)" : ""}; förväntat förbundets id eller namn i kolumnen förbund, eller en inställningsfil som bara nämner ett förbund`,
          "missing förbund");
      }
      return id;
    }
    const id = this.tolkare.tolka(r.forbund);
    if (id === undefined) {
      const nyckel = JSON.stringify([r.kalla.fil, r.kalla.blad ?? "", r.forbund]);
      if (!this.okandaRapporterade.has(nyckel)) {
        this.okandaRapporterade.add(nyckel);
        fynd.fel(this.regel, r.rad, kolumn,
          `okänt förbund "${r.forbund}"; förväntat ett id eller namn ur förbundsindelningen (${this.tolkare.kanda.join(", ")})${this.tolkare.forslag(r.forbund)}`,
          "unknown förbund", r.forbund);
      }
    }
    return id;
  }
}
