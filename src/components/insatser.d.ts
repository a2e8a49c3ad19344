// Typer för insatser.js (vanlig JavaScript så att Framework kan skicka den till webbläsaren).
export type Kon = "alla" | "kvinnor" | "man";
export interface Fonster {
  fran: string;
  till: string;
}
export interface FonsterMedNyckel extends Fonster {
  nyckel: string;
}
export interface NyckeltalRad extends Fonster {
  forbund: string;
  insats: string;
  kon: string;
  matt: string;
  varde: number | null;
  antal: number | null;
  dolt: boolean;
}
export interface UtfallRad extends Fonster {
  forbund: string;
  insats: string;
  kon: string;
  matt: string;
  varde: number | null;
  dolt: boolean;
}
export interface JamstalldhetRad extends Fonster {
  forbund: string;
  insats: string;
  matt: string;
  kvinnor: number | null;
  kvinnorAntal: number | null;
  man: number | null;
  manAntal: number | null;
  skillnad: number | null;
  kvinnorKiLag: number | null;
  kvinnorKiHog: number | null;
  manKiLag: number | null;
  manKiHog: number | null;
  pVarde: number | null;
  slutsats: string | null;
  befolkningAndelKvinnor: number | null;
}
export interface Nyckeltal {
  kod: string;
  rubrik: string;
  namn: string;
  kort: string;
  typ: "antal" | "andel" | "manader" | "ar";
}
export interface Visning {
  status: "dolt" | "saknas" | "visas";
  text: string;
}
type Cell = { varde: number | null; dolt: boolean } | undefined;

export declare const DOLT: "\u2022";
export declare const DOLT_KORT: string;
export declare const SKYDDSTEXT: string;
export declare const NYCKELTAL: readonly Nyckeltal[];
export declare const UTFALL: readonly { kod: string; namn: string }[];
export declare const AVSLUTSUTFALL: readonly { kod: string; namn: string; farg: string }[];
export declare const AVSLUT_FRAN_NYCKELTAL: readonly { kod: string; namn: string; farg: string }[];
export declare function utfallFranNyckeltal(nyckeltalsrader: readonly NyckeltalRad[]): UtfallRad[];
export declare const INSATSKON: readonly { kod: Kon; namn: string }[];
export declare const RAPPORTERADE_DELAR: readonly string[];
export declare function nyckeltal(kod: string): Nyckeltal | undefined;
export declare function utfallNamn(kod: string): string;
export declare function insatsNamn(insats: string): string;
export declare function tolkaNyckeltal(text: string): NyckeltalRad[];
export declare function tolkaUtfall(text: string, fil?: string): UtfallRad[];
export declare function tolkaJamstalldhet(text: string): JamstalldhetRad[];
export declare function fonsterNyckel(d: Fonster): string;
export declare function arKalenderar(f: Fonster): boolean;
export declare function fonsterIRader(rader: readonly Fonster[]): FonsterMedNyckel[];
export declare function insatserIRader(rader: readonly { insats: string }[]): string[];
export declare function uppslag<T extends { forbund: string; insats: string; fran: string; till: string; kon?: string; matt: string }>(
  rader: readonly T[]
): (forbund: string, insats: string, fonster: Fonster, kon: string, matt: string) => T | undefined;
export declare function formatNyckeltal(matt: string, varde: number | null | undefined): string;
export declare function visning(rad: Cell | null, format: (x: number) => string): Visning;
export declare function visningAntal(rad: { antal: number | null; dolt: boolean } | undefined): Visning;
export declare function tidsserie(
  rader: readonly { fran: string; till: string; kon: string; varde: number | null; antal?: number | null; dolt: boolean }[],
  fonster: readonly FonsterMedNyckel[]
): {
  punkter: { nyckel: string; fran: string; till: string; kon: string; varde: number; antal: number | null }[];
  dolda: { nyckel: string; fran: string; till: string; kon: string }[];
};
export declare function linjerMedHal(
  punkter: readonly { nyckel: string; kon: string; varde: number }[],
  fonster: readonly { nyckel: string }[],
  kon: readonly string[]
): { kon: string; nyckel: string; varde: number | null }[];
export declare function domanFranVisade(varden: readonly (number | null | undefined)[], alternativ?: { tak?: number | null; luft?: number }): [number, number];
export declare function staplatUtfall(
  rader: readonly { fran: string; till: string; matt: string; varde: number | null; dolt: boolean }[],
  fonster: readonly FonsterMedNyckel[],
  kategorier?: readonly { kod: string; namn: string }[]
): {
  segment: { nyckel: string; fran: string; till: string; kod: string; namn: string; varde: number; x1: number; x2: number }[];
  perioder: { nyckel: string; fran: string; till: string; avslut: number | null; avslutDolt: boolean; dolda: string[] }[];
};
export declare function kontrolleraRapport(
  hamta: (matt: string) => Cell,
  egna?: readonly string[]
): { kod: "balans" | "utfall"; status: "stammer" | "motsager" | "ej_kontrollerad"; text: string; matt: string[] }[];
export declare function slutsatsText(jam: { slutsats: string | null; pVarde: number | null } | undefined): string | null;
export declare function konsmening(matt: string, kvinnor: Cell, man: Cell, jam?: { slutsats: string | null; pVarde: number | null }): string;
export declare function andelKvinnorMening(rad: { kvinnor: number | null; befolkningAndelKvinnor: number | null } | undefined, dolt?: boolean): string;
export declare function styrelsetext(alternativ: {
  hamta: (kon: string, matt: string) => Cell;
  jam: (matt: string) => JamstalldhetRad | undefined;
}): string[];
export declare function formatSkillnad(matt: string, kvinnor: number | null | undefined, man: number | null | undefined): string;
