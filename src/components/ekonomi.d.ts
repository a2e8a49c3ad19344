// Typer för ekonomi.js (vanlig JavaScript så att Framework kan skicka den till webbläsaren).
export interface Modellkolumn {
  rubrik: string;
  tal?: boolean;
}
export interface Modellrad {
  rubrik: string;
  celler: string[];
  klass?: string | null;
}
export interface Tabellmodell {
  bildtext: string;
  kolumner: Modellkolumn[];
  rader: Modellrad[];
  fotnot?: string | null;
  /** One year per row: the first column can be narrow. */
  arstabell?: boolean;
}
export interface Rapport {
  ar: number;
  till: string;
}
interface ForbundAr {
  forbund: string;
  ar: number;
}
export interface DriftRad extends ForbundAr {
  till: string;
  id: string;
  post: string;
  utfall: number | null;
  budget: number | null;
  aterstar: number | null;
  forbrukad: number | null;
  prognos: number | null;
}
export interface IdRad extends ForbundAr {
  id: string;
  namn: string;
  post: string;
}
export interface RrRad extends ForbundAr {
  till: string;
  rad: string;
  budget: number | null;
  utfall: number | null;
  avvikelse: number | null;
  prognos: number | null;
  foregaende: number | null;
}
export interface BrRad extends ForbundAr {
  till: string;
  datum: string;
  rad: string;
  belopp: number | null;
}
export interface KfRad extends ForbundAr {
  till: string;
  rad: string;
  belopp: number | null;
}
export interface NotRad extends ForbundAr {
  till: string;
  not: string;
  rad: string;
  belopp: number | null;
  foregaende: number | null;
}
export interface NyckeltalRad extends ForbundAr {
  till: string;
  matt: string;
  varde: number | null;
  taljare: number | null;
  namnare: number | null;
}
export interface MedelRad extends ForbundAr {
  medlem: string;
  andel: number | null;
  belopp: number | null;
  status: string;
}
export interface LangsiktigRad extends ForbundAr {
  medelstilldelning: number | null;
  medelstilldelningStatus: string;
  budget: number | null;
  budgetResultat: number | null;
  egetKapital: number | null;
  underlag: string;
}
export interface EgetKapitalRad extends ForbundAr {
  datum: string;
  underlag: string;
  egetKapital: number | null;
  bas: string;
  basbelopp: number | null;
  andel: number | null;
  hogstAndel: number | null;
  hogstBelopp: number | null;
  hogstUppfyllt: boolean | null;
  lagstBelopp: number | null;
  lagstUppfyllt: boolean | null;
}
export interface Regeltext {
  ar: number;
  underlag: string;
  uppfyllt: boolean;
  text: string;
}
export interface SeriePunkt {
  ar: number;
  egetKapital: number | null;
  hogst: number | null;
  lagst: number | null;
  underlag: string;
}
export interface Nyckeltalstext {
  matt: string;
  namn: string;
  varde: string;
  text: string;
}

export declare function tolkaDrift(t: string): DriftRad[];
export declare function tolkaId(t: string): IdRad[];
export declare function tolkaResultatrakning(t: string): RrRad[];
export declare function tolkaBalansrakning(t: string): BrRad[];
export declare function tolkaKassaflode(t: string): KfRad[];
export declare function tolkaNoter(t: string): NotRad[];
export declare function tolkaNyckeltal(t: string): NyckeltalRad[];
export declare function tolkaMedelstilldelning(t: string): MedelRad[];
export declare function tolkaLangsiktig(t: string): LangsiktigRad[];
export declare function tolkaEgetKapital(t: string): EgetKapitalRad[];
export declare function tkr(kr: number | null | undefined): string;
export declare function procent(x: number | null | undefined): string;
export declare function datumText(datum: string): string;
export declare function periodText(till: string): string;
export declare function rapporter(driftrader: DriftRad[], forbund: string): Rapport[];
export declare function forbundMedEkonomi(...listor: { forbund: string }[][]): string[];
export declare function resultatrakningModell(rr: RrRad[], forbund: string, rapport: Rapport, forbundsnamn?: string): Tabellmodell;
export declare function driftModell(drift: DriftRad[], id: IdRad[], forbund: string, rapport: Rapport, forbundsnamn?: string): Tabellmodell;
export declare function balansModell(br: BrRad[], forbund: string, rapport: Pick<Rapport, "till"> & Partial<Rapport>, forbundsnamn?: string): Tabellmodell | null;
export declare function kassaflodeModell(kf: KfRad[], forbund: string, rapport: Pick<Rapport, "till"> & Partial<Rapport>, forbundsnamn?: string): Tabellmodell | null;
export declare const NOTRUBRIK: Record<string, string>;
export declare function notModeller(noter: NotRad[], forbund: string, rapport: Rapport, forbundsnamn?: string): Tabellmodell[];
export declare function medelModell(medel: MedelRad[], forbund: string, ar: number, forbundsnamn?: string): Tabellmodell | null;
export declare function langsiktigModell(lang: LangsiktigRad[], forbund: string, forbundsnamn?: string): Tabellmodell | null;
export declare function egetKapitalModell(ek: EgetKapitalRad[], forbund: string, forbundsnamn?: string): Tabellmodell | null;
export declare function regeltexter(ek: EgetKapitalRad[], forbund: string): Regeltext[];
export declare function egetKapitalSerie(ek: EgetKapitalRad[], forbund: string): SeriePunkt[];
export declare function nyckeltalstexter(nyckeltal: NyckeltalRad[], forbund: string, rapport: Pick<Rapport, "till"> & Partial<Rapport>): Nyckeltalstext[];
