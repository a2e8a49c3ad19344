/**
 * Periods and months as teams write them in their outcome tables: `2024` (a calendar year),
 * `2024-07–2025-06`, `2024M07-2025M06`, `juli 2024 – juni 2025`, `Jan 2023- dec 2023`,
 * `jan–dec 2024`, `2023–2024` (two whole years). A period is a pair of months `YYYY-MM`,
 * both included.
 */

export interface Period {
  /** First month `YYYY-MM`. */
  readonly fran: string;
  /** Last month `YYYY-MM`, included. */
  readonly till: string;
}

const MANADSNAMN: readonly (readonly string[])[] = [
  ["januari", "jan"], ["februari", "feb"], ["mars", "mar"], ["april", "apr"], ["maj"], ["juni", "jun"],
  ["juli", "jul"], ["augusti", "aug"], ["september", "sep", "sept"], ["oktober", "okt"], ["november", "nov"], ["december", "dec"],
];

const MANAD_AV_NAMN: ReadonlyMap<string, number> = new Map(MANADSNAMN.flatMap((namn, i) => namn.map((n): [string, number] => [n, i + 1])));

/** Lower case, one kind of dash, single spaces. */
function normalisera(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/[\u2010-\u2015\u2212]/g, "-").replace(/[\s\u00a0]+/g, " ").trim();
}

const manad = (ar: number, m: number) => `${ar}-${String(m).padStart(2, "0")}`;

/** One side of a period: a month with its year, or a month name whose year comes from the other side. */
interface Sida {
  readonly ar: number | undefined;
  readonly manad: number;
}

const SIDA = /^(?:(\d{4})-(\d{2})|(\d{4})m(\d{2})|([a-zåäö]+)\.?(?: (\d{4}))?)$/;

function sida(text: string): Sida | undefined {
  const m = SIDA.exec(text.trim());
  if (!m) return undefined;
  if (m[1] !== undefined || m[3] !== undefined) {
    const nr = Number(m[2] ?? m[4]);
    return nr >= 1 && nr <= 12 ? { ar: Number(m[1] ?? m[3]), manad: nr } : undefined;
  }
  const nr = MANAD_AV_NAMN.get(m[5]!);
  return nr === undefined ? undefined : { ar: m[6] !== undefined ? Number(m[6]) : undefined, manad: nr };
}

/** A single month: `2024-07`, `2024M07`, `juli 2024`, `jul. 2024`. */
export function tolkaManad(text: string): string | undefined {
  const s = sida(normalisera(text));
  return s && s.ar !== undefined ? manad(s.ar, s.manad) : undefined;
}

/** A period as written in a `Period` column; undefined when it is none of the forms above. */
export function tolkaPeriod(text: string): Period | undefined {
  const s = normalisera(text);
  if (/^\d{4}$/.test(s)) return { fran: `${s}-01`, till: `${s}-12` };
  const ar = /^(\d{4}) ?(?:-{1,2}|till) ?(\d{4})$/.exec(s);
  if (ar) return { fran: `${ar[1]}-01`, till: `${ar[2]}-12` };
  // Split at a separator between two sides: " - ", "-", "--", " till ". Try each place a dash
  // could separate (a side like 2024-07 has a dash of its own).
  const delar = [...s.matchAll(/ ?(?:-{1,2}|till) ?/g)];
  for (const d of delar) {
    const a = sida(s.slice(0, d.index));
    const b = sida(s.slice(d.index + d[0].length));
    if (!a || !b || b.ar === undefined) continue;
    // `jan-dec 2024`: the first side takes the second's year (the year before, when it would come after it).
    const arA = a.ar ?? (a.manad <= b.manad ? b.ar : b.ar - 1);
    return { fran: manad(arA, a.manad), till: manad(b.ar, b.manad) };
  }
  return undefined;
}
