// Typer för nedladdning.js (vanlig JavaScript så att Framework kan skicka den till webbläsaren).
export type Variant = "excel" | "standard";
export type Varde =
  | { typ: "tom" }
  | { typ: "dolt" }
  | { typ: "text"; text: string }
  | { typ: "tal"; negativ: boolean; heltal: string; decimaler: string; enhet: string };
export interface TabellText {
  rubriker: string[];
  rader: string[][];
  radrubrik?: number;
}
export interface Nodlik {
  nodeType: number;
  nodeValue?: string | null;
  childNodes?: ArrayLike<Nodlik>;
  classList?: { contains(k: string): boolean };
  getAttribute?(namn: string): string | null;
}
export declare const DOLT_MARKERING: "\u2022";
export declare const VARIANTER: Record<Variant, { bom: string; separator: string; decimal: string; radslut: string }>;
export declare function tolkaVarde(text: string): Varde;
export declare function neutralisera(text: string): string;
export declare function citera(falt: string, separator: string): string;
export declare function tabellvarden(tabell: TabellText): { rubriker: string[]; rader: Varde[][] };
export declare function tabellTillCsv(tabell: TabellText, variant: Variant): string;
export declare function filnamn(bildtext: string, variant: Variant): string;
export declare function synligText(nod: Nodlik): string;
