// Typer för format.js (som är vanlig JavaScript så att Framework kan skicka den till webbläsaren).
export declare const NBSP: "\u00a0";
export declare const MINUS: "\u2212";
export declare const SAKNAS: "\u2013";
export declare const MANADER: readonly string[];
export declare const MANADER_KORT: readonly string[];
export declare function avrunda(x: number, decimaler?: number): number;
export declare function formatTal(x: number | null | undefined, decimaler?: number): string;
export declare function formatHeltal(x: number | null | undefined): string;
export declare function formatProcent(andel: number | null | undefined, decimaler?: number): string;
export declare function formatDifferens(x: number | null | undefined, decimaler?: number): string;
export declare function formatProcentenheter(x: number | null | undefined, decimaler?: number): string;
export declare function formatPeriod(period: string): string;
export declare function formatHalvarRubrik(halvar: string): string;
export declare function periodtyp(period: string): "manad" | "halvar" | "ar" | null;
export declare function periodStart(period: string): Date | null;
export declare function formatAxelManad(datum: Date): string;
export declare function formatManad(datum: Date): string;
