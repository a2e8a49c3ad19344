// Typer för styrelserapport.js (vanlig JavaScript så att Framework kan skicka den till webbläsaren).
import type { Tabellmodell } from "./ekonomi.js";
import type { Fynd } from "./datakvalitet.js";
import type { Sidtabell } from "./sidodata.js";

export interface Rapporttabell extends Tabellmodell {
  nummer?: number;
  bred?: boolean;
}
export interface Avsnitt {
  id: string;
  rubrik: string;
  text: string[];
  tabeller: Rapporttabell[];
  punkter: string[];
  /** One line saying why the section is left out (its input is missing). */
  saknas: string | null;
}
export interface Rapport {
  forbund: string;
  forbundsnamn: string;
  till: string;
  ar: number;
  typ: "Delårsbokslut" | "Årsredovisning";
  period: string;
  avsnitt: Avsnitt[];
}
export interface Rapportdata {
  forbundIUnderlaget: string[];
  datakvalitet: Fynd[];
  [tabell: string]: unknown;
}
export declare const RAPPORTTABELLER: readonly string[];
export declare const FORBUNDSTABELLER: readonly string[];
export declare function rapportdataForSidan(index: { tabeller: Record<string, Sidtabell>; forbund: readonly string[] }, del: Record<string, Sidtabell> | null): Rapportdata;
export declare function tolkaRapportdata(tabeller: Record<string, Sidtabell | undefined>): Rapportdata;
export declare function periodLang(till: string): string;
export declare function rapporttyp(till: string): "Delårsbokslut" | "Årsredovisning";
export declare function fyndForForbund(fynd: Fynd[], forbund: string, allaForbund: { id: string; namn: string }[], ar: number): Fynd[];
export declare function styrelserapport(data: Rapportdata, val: { forbund: string; till: string }): Rapport;
export declare function rapportdatumFor(data: Rapportdata, forbund: string): string[];
export declare function rapportforbund(data: Rapportdata): { id: string; namn: string }[];
export declare function esc(s: unknown): string;
export declare function rapportHtml(rapport: Rapport, alternativ?: { sidor?: Record<string, number>; skapad?: string; kalla?: string }): string;
export declare const RAPPORT_CSS: string;
export declare function utskriftCss(rapport: Rapport): string;
