/**
 * Det som bench.ts och barnprocesserna delar: formen på barnens svar (en JSON-rad sist på
 * stdout) och små hjälpfunktioner.
 */

/** Markerar barnets svarsrad på stdout (allt annat på stdout ignoreras). */
export const SVARSMARKERING = "BENCH-SVAR ";

export interface Krasch {
  readonly namn: string;
  readonly meddelande: string;
  /** De första raderna av stacken, för rapporten. */
  readonly stack: string;
}

export interface Nivakontroll {
  /** Antal rader i helarsekvivalenter.csv per nivå. */
  readonly rader: Record<string, number>;
  /** Antal olika koder per nivå. */
  readonly koder: Record<string, number>;
}

/** Svar från barn-pipeline.ts: en körning av runPipeline + writeOutputs. */
export interface PipelineSvar {
  readonly typ: "pipeline";
  /** runPipeline, ms. */
  readonly pipelineMs: number;
  /** writeOutputs, ms. */
  readonly skrivMs: number;
  /** Toppvärdet för RSS under processens liv (process.resourceUsage().maxRSS), byte. */
  readonly maxRssByte: number;
  /** RSS när modulerna laddats, före körningen, byte. */
  readonly rssForeByte: number;
  readonly fynd: { readonly fel: number; readonly varning: number; readonly info: number };
  /** Antal fynd per regel, t.ex. {"he.summa": 3}. */
  readonly regler: Record<string, number>;
  /** De första felen i klartext. */
  readonly forstaFel: string[];
  /** Utdatafil -> storlek i byte; tomt när pipelinen inte gav utdata. */
  readonly utdata: Record<string, number>;
  readonly nivaer: Nivakontroll | undefined;
  readonly krasch?: Krasch;
}

export interface Delsteg {
  readonly namn: string;
  readonly ms: number;
  /** Heap som lever kvar efter steget (efter en framtvingad GC), byte; undefined utan --expose-gc. */
  readonly heapEfterByte: number | undefined;
}

/** Svar från barn-delsteg.ts: lågnivåfunktionerna var för sig. */
export interface DelstegSvar {
  readonly typ: "delsteg";
  readonly steg: Delsteg[];
  readonly maxRssByte: number;
  readonly krasch?: Krasch;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function kraschAv(e: unknown): Krasch {
  const err = e instanceof Error ? e : new Error(String(e));
  return { namn: err.name, meddelande: err.message, stack: (err.stack ?? "").split("\n").slice(0, 6).join("\n") };
}

/** Skriver barnets svar som en markerad JSON-rad. */
export function svara(svar: PipelineSvar | DelstegSvar): void {
  process.stdout.write(`${SVARSMARKERING}${JSON.stringify(svar)}\n`);
}

/** Räknar rader och olika koder per nivå i helarsekvivalenter.csv (kolumnerna niva,kod,...). */
export function kontrolleraNivaer(csv: string): Nivakontroll {
  const rader: Record<string, number> = {};
  const koder = new Map<string, Set<string>>();
  let start = csv.indexOf("\n") + 1; // rubrikraden
  while (start > 0 && start < csv.length) {
    let slut = csv.indexOf("\n", start);
    if (slut < 0) slut = csv.length;
    const k1 = csv.indexOf(",", start);
    const k2 = csv.indexOf(",", k1 + 1);
    if (k1 > start && k1 < slut) {
      const niva = csv.slice(start, k1);
      rader[niva] = (rader[niva] ?? 0) + 1;
      let s = koder.get(niva);
      if (!s) koder.set(niva, (s = new Set()));
      s.add(csv.slice(k1 + 1, k2 > 0 && k2 < slut ? k2 : slut));
    }
    start = slut + 1;
  }
  return { rader, koder: Object.fromEntries([...koder].map(([n, s]) => [n, s.size])) };
}
