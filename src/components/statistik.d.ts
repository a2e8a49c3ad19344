// Typer för statistik.js (vanlig JavaScript så att Framework kan skicka den till webbläsaren).
export interface Kategori {
  kod: string;
  namn: string;
}
export interface Region {
  niva: string;
  kod: string;
  namn: string;
}
export interface Rad extends Region {
  tid: string;
}
export interface StatusRad extends Rad {
  datum: Date | null;
  kon: string;
  alder: string;
  fodelseregion: string;
  status: string;
  antal: number | null;
  andel: number | null;
}
export interface InkomstkallaRad extends Rad {
  datum: Date | null;
  kon: string;
  alder: string;
  inkomstkalla: string;
  antal: number | null;
  andel: number | null;
}
export interface InkomstnivaRad extends Rad {
  kon: string;
  alder: string;
  inkomstkalla: string;
  inkomstniva: string;
  antal: number | null;
  andel: number | null;
}
export interface MalgruppRad extends Rad {
  datum: Date | null;
  kon: string;
  matt: string;
  antal: number | null;
  andel: number | null;
}
export interface ArsRad extends Rad {
  ar: number;
  kon: string;
  varde: number | null;
}
export interface AlderRad extends ArsRad {
  alder: string;
}
export interface ForsorjningsmattRad extends Rad {
  ar: number;
  grupp: string;
  kostnad: number | null;
  befolkning: number | null;
  aldersgrupp: string;
  varde: number | null;
}
export interface RegionMedPeriod extends Region {
  nyckel: string;
  sista: string;
}
export interface Del extends Kategori {
  antal: number | null;
  andel: number | null;
  x1: number | null;
  x2: number | null;
}
export interface Grupp {
  grupp: string;
  totalt: number | null;
  komplett: boolean;
  delar: Del[];
}
export interface Lage {
  kon: string;
  antal: number | null;
  andel: number | null;
  antalFore: number | null;
  andelFore: number | null;
  forandring: number | null;
}
export interface KonPost extends Kategori {
  kvinnor: number | null;
  man: number | null;
  kvinnorAntal: number | null;
  manAntal: number | null;
}
export interface PyramidGrupp {
  alder: string;
  kvinnor: number | null;
  man: number | null;
  andelKvinnor: number | null;
  andelMan: number | null;
}
export interface KonSumma {
  kvinnor: number;
  man: number;
}
export interface JamforelseRad extends Region {
  utanfor: Record<"alla" | "kvinnor" | "man", MalgruppRad | null>;
  saknar: Record<"alla" | "kvinnor" | "man", MalgruppRad | null>;
  kvot: number | null;
  perInvanare: number | null;
}

export const STATUSAR: Kategori[];
export const STATUS_STAPELORDNING: Kategori[];
export const INKOMSTKALLOR: Kategori[];
export const MALGRUPPSMATT: (Kategori & { kort: string })[];
export const FORSORJNINGSGRUPPER: Kategori[];
export function statusNamn(kod: string): string;
export function inkomstkallaNamn(kod: string): string;
export function gruppNamn(kod: string): string;
export function fodelseregionNamn(kod: string): string;
export function alderNamn(alder: string): string;
export function jamforAlder(a: string, b: string): number;
export function tolkaArbetsmarknadsstatus(text: string): StatusRad[];
export function tolkaInkomstkalla(text: string): InkomstkallaRad[];
export function tolkaInkomstniva(text: string): InkomstnivaRad[];
export function tolkaMalgrupp(text: string): MalgruppRad[];
export function tolkaBefolkning(text: string): ArsRad[];
export function tolkaBefolkningAlder(text: string): AlderRad[];
export function tolkaForsorjningskvot(text: string): ArsRad[];
export function tolkaForsorjningsmatt(text: string): ForsorjningsmattRad[];
export function nyckel(d: Region): string;
export function regionerI(...listor: Rad[][]): RegionMedPeriod[];
export function regionEtikett(r: Region & { sista?: string }, senast?: string | null): string;
export function nivaText(niva: string): string;
export function forRegion<T extends Region>(rader: T[], r: Region | null | undefined): T[];
export function senastePeriod(rader: { tid: string }[]): string | null;
export function perioder(rader: { tid: string }[]): string[];
export function aretFore(tid: string | null): string | null;
export function varianter(rader: Record<string, any>[], falt: string): string[];
export function forvaldAlder(aldrar: string[]): string | null;
export function ungefar(x: number): number;
export function formatUngefar(x: number | null | undefined): string;
export function formatKvot(x: number | null | undefined): string;
export function formatKronor(x: number | null | undefined): string;
export function malgruppLage(rader: MalgruppRad[], matt: string, manad: string | null): Lage[];
export function malgruppMening(matt: string, regionnamn: string, manad: string, lage: { antal: number | null; andel: number | null }, kon?: string): string;
export function andelarPerGrupp(rader: Record<string, any>[], grupp: (d: any) => string, falt?: string, kategorier?: Kategori[]): Grupp[];
export function konPoster(rader: Record<string, any>[], falt: string, kategorier: Kategori[]): KonPost[];
export function pyramid(rader: { alder: string; kon: string; varde: number | null }[]): PyramidGrupp[];
export function breddaldrar(grupper: PyramidGrupp[]): { unga: KonSumma; arbetsfor: KonSumma; aldre: KonSumma };
export function jamforelseRader(data: { malgrupp: MalgruppRad[]; kvot: ArsRad[]; matt: ForsorjningsmattRad[] }): {
  manad: string | null;
  ar: string | null;
  matAr: string | null;
  rader: JamforelseRad[];
};
export function ingaUppgifter(vad: string, regionnamn?: string | null): string;
export function uppraknat(lista: string[]): string;
export function manadMedUppgifter(rader: { tid: string }[], manad: string | null): string | null;
export function aldersband(aldrar: string[], alder: string | null): string[] | null;
export function summeraAldrar<T extends StatusRad>(rader: T[], band: string[], alder: string): T[];
export function inkomstnivaNamn(kod: string): string;
