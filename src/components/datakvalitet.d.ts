// Typer för datakvalitet.js (vanlig JavaScript så att Framework kan skicka den till webbläsaren).
export interface Fynd {
  fil: string;
  rad: number | null;
  kolumn: number | null;
  falt: string | null;
  varde: string | null;
  regel: string;
  allvar: string;
  antal: number | null;
  meddelande: string;
  message: string;
}
export interface Indatafil {
  fil: string;
  typ: string;
  beskrivning: string;
}
export declare const ALLVAR: readonly { kod: string; namn: string; plural: string }[];
export declare function allvarNamn(kod: string): string;
export declare function regelRubrik(regel: string): string;
export declare function tolkaDatakvalitet(csv: string): Fynd[];
export declare function tolkaIndatafiler(csv: string): Indatafil[];
export declare function antalPerAllvar(rader: readonly { allvar: string }[]): { fel: number; varning: number; info: number };
export declare function grupperaFynd<T extends { fil: string; regel: string; allvar: string }>(
  rader: readonly T[]
): { fil: string; regler: { regel: string; allvar: string; rader: T[] }[] }[];
export declare function plats(r: { rad: number | null; kolumn: number | null }): string;
export declare function sammanfattning(antal: { fel: number; varning: number; info: number }, filer: number): string;
