// Den nationella utgåvan: måtten som förbunden jämförs med, rangordningen och tolkningen av
// sidornas data för förbundsindexet, den nationella jämförelsen och förbundssidorna. Utan DOM,
// så att pipelinen (loaders/publish/sidor/nationell.ts) och sidorna räknar likadant.
// Definitionerna står i docs/nationell.md; tester i test/nationell/.

/** Ett mått som alla förbund jämförs med: alltid per invånare (en andel, en kvot eller kronor per invånare). */
export interface Matt {
  /** Stabilt id, också filnamnet: `he-summa`, `bas-arbetslosa`, `forsorjningskvot`, `fm-total`. */
  id: string;
  amne: "he" | "bas" | "malgrupp" | "kvot" | "fm";
  /** Rubrik i listor och tabeller. */
  namn: string;
  /** Vad talet är, en mening. */
  beskrivning: string;
  format: "procent" | "kvot" | "kronor";
  /** Finns per kön (annars bara `alla`). */
  kon: boolean;
  /** Periodernas slag: år och halvår, månader eller år. */
  perioder: "ar_halvar" | "manad" | "ar";
}

const HE_ERSATTNINGAR: [kod: string, namn: string][] = [
  ["summa", "Summa ersättningar"],
  ["sjukpenning", "Sjukpenning"],
  ["sjuk_aktivitetsersattning", "Sjuk- och aktivitetsersättning"],
  ["arbetsloshet", "Arbetslöshetsersättning"],
  ["arbetsmarknadsatgarder", "Arbetsmarknadsåtgärder"],
  ["etableringsersattning", "Etableringsersättning"],
  ["ekonomiskt_bistand", "Ekonomiskt bistånd"],
];
const BAS_STATUSAR: [kod: string, namn: string][] = [
  ["sysselsatta", "Sysselsatta"], ["arbetslosa", "Arbetslösa"], ["studerande", "Studerande"],
  ["pensionarer", "Pensionärer"], ["sjuka", "Sjuka"], ["ovriga", "Övriga"],
];
const MALGRUPPER: [kod: string, namn: string][] = [["utanfor_arbetsmarknaden", "Utanför arbetsmarknaden"], ["saknar_inkomst", "Saknar inkomst"]];
const FM_GRUPPER: [kod: string, namn: string][] = [
  ["total", "Försörjningsmått, totalt"], ["ohalsa", "Försörjningsmått, ohälsa"],
  ["arbetsmarknadsstod", "Försörjningsmått, arbetsmarknadsstöd"], ["ekonomiskt_bistand", "Försörjningsmått, ekonomiskt bistånd"],
];

/** Alla mått, i den ordning de visas. */
export const MATT: readonly Matt[] = [
  ...HE_ERSATTNINGAR.map(([kod, namn]): Matt => ({
    id: `he-${kod}`, amne: "he", namn: `Helårsekvivalenter: ${namn.toLowerCase()}`, format: "procent", kon: true, perioder: "ar_halvar",
    beskrivning: `helårsekvivalenter (${namn.toLowerCase()}) som andel av folkmängden 20–64 år`,
  })),
  ...BAS_STATUSAR.map(([kod, namn]): Matt => ({
    id: `bas-${kod}`, amne: "bas", namn: `Arbetsmarknadsstatus: ${namn.toLowerCase()}`, format: "procent", kon: true, perioder: "manad",
    beskrivning: `andel ${namn.toLowerCase()} av befolkningen 20–64 år (SCB BAS)`,
  })),
  ...MALGRUPPER.map(([kod, namn]): Matt => ({
    id: `malgrupp-${kod}`, amne: "malgrupp", namn: `Målgrupp: ${namn.toLowerCase()}`, format: "procent", kon: true, perioder: "manad",
    beskrivning: `andel av befolkningen 20–64 år som är ${namn.toLowerCase()} (SCB BAS)`,
  })),
  {
    id: "forsorjningskvot", amne: "kvot", namn: "Demografisk försörjningskvot", format: "kvot", kon: true, perioder: "ar",
    beskrivning: "antal personer 0–19 och 65 år och äldre per person 20–64 år",
  },
  ...FM_GRUPPER.map(([kod, namn]): Matt => ({
    id: `fm-${kod}`, amne: "fm", namn, format: "kronor", kon: false, perioder: "ar",
    beskrivning: `kostnader för ersättningar (${namn.replace("Försörjningsmått, ", "")}) i kronor per invånare i arbetsför ålder`,
  })),
];

export const KONEN: { kod: string; namn: string }[] = [
  { kod: "alla", namn: "Alla" },
  { kod: "kvinnor", namn: "Kvinnor" },
  { kod: "man", namn: "Män" },
];

export function hittaMatt(id: string): Matt | undefined {
  return MATT.find((m) => m.id === id);
}

// ---------------------------------------------------------------- rangordning

/** Ett förbunds plats bland förbunden för ett mått, en period och ett kön. */
export interface Placering {
  /** 1 = högst värde; lika värden delar plats (1, 2, 2, 4). null när förbundet saknar värde. */
  plats: number | null;
  /** Hur många förbund som har ett värde (och alltså rangordnas). */
  antal: number;
  /** Hur många förbund som har exakt samma värde (förbundet självt inräknat); 1 = ingen delad plats. */
  delad: number;
  /** Hur många av de jämförda förbunden som saknar värde. */
  saknas: number;
}

/**
 * Rangordnar förbunden efter värde, högst först. `varden`: förbundens värden (null eller NaN =
 * saknas); `jamforda`: förbunden som ska jämföras (de som fanns under perioden), också de som
 * saknar rad i `varden`. Lika (oavrundade) värden får samma plats, nästa plats hoppar över
 * de delade (tävlingsrangordning: 1, 2, 2, 4). Förbund utan värde får ingen plats och räknas i
 * `saknas`.
 */
export function rangordna(varden: ReadonlyMap<string, number | null>, jamforda: Iterable<string> = []): Map<string, Placering> {
  const alla = new Set<string>([...jamforda, ...varden.keys()]);
  const med: number[] = [];
  for (const id of alla) {
    const v = varden.get(id);
    if (v !== null && v !== undefined && Number.isFinite(v)) med.push(v);
  }
  med.sort((a, b) => b - a);
  const antal = med.length;
  const saknas = alla.size - antal;
  // plats = 1 + antalet strikt större värden; delad = antalet lika värden
  const forsta = new Map<number, number>();
  const lika = new Map<number, number>();
  med.forEach((v, i) => {
    if (!forsta.has(v)) forsta.set(v, i + 1);
    lika.set(v, (lika.get(v) ?? 0) + 1);
  });
  const ut = new Map<string, Placering>();
  for (const id of alla) {
    const v = varden.get(id);
    const har = v !== null && v !== undefined && Number.isFinite(v);
    ut.set(id, { plats: har ? forsta.get(v)! : null, antal, delad: har ? lika.get(v)! : 0, saknas });
  }
  return ut;
}

/** "plats 3 av 80", "delad plats 2 av 80 (3 förbund lika)", "saknar värde"; och hur många som saknas. */
export function formatPlacering(p: Placering | undefined): string {
  if (!p || p.plats === null) return "saknar värde";
  const bas = p.delad > 1 ? `delad plats ${p.plats} av ${p.antal} (${p.delad} förbund lika)` : `plats ${p.plats} av ${p.antal}`;
  return p.saknas > 0 ? `${bas}; ${p.saknas} förbund saknar värde` : bas;
}

// ---------------------------------------------------------------- perioder och giltighet

/** Första och sista månad (YYYY-MM) i en period: år `2024`, halvår `2024-H1`, månad `2024-03`. */
export function periodensManader(period: string): [string, string] | null {
  let m = /^(\d{4})$/.exec(period);
  if (m) return [`${m[1]}-01`, `${m[1]}-12`];
  m = /^(\d{4})-H([12])$/.exec(period);
  if (m) return m[2] === "1" ? [`${m[1]}-01`, `${m[1]}-06`] : [`${m[1]}-07`, `${m[1]}-12`];
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return [period, period];
  return null;
}

export interface Giltighet {
  forbund: string;
  /** Första månad, null = sedan tidigare. */
  fran: string | null;
  /** Sista månad (inklusive), null = gäller fortfarande. */
  till: string | null;
}

/** Förbunden som fanns (hade minst en medlemskommun) någon månad under perioden. */
export function forbundUnderPerioden(giltighet: readonly Giltighet[], period: string): Set<string> {
  const g = periodensManader(period);
  const ut = new Set<string>();
  if (!g) return ut;
  for (const r of giltighet) {
    if ((r.fran === null || r.fran <= g[1]) && (r.till === null || g[0] <= r.till)) ut.add(r.forbund);
  }
  return ut;
}

// ---------------------------------------------------------------- sidornas data

/**
 * Ett mått för en mängd regioner, kolumnvis: regionerna (nivå, kod, namn), perioderna och
 * könen som ordlistor, och för varje värde index i dem. Värdena är oavrundade.
 */
export interface Mattabell {
  matt: string;
  regioner: [niva: string, kod: string, namn: string][];
  perioder: string[];
  kon: string[];
  r: number[];
  p: number[];
  k: number[];
  v: (number | null)[];
}

export interface Mattrad {
  niva: string;
  kod: string;
  namn: string;
  period: string;
  kon: string;
  varde: number | null;
}

export function avkodaMatt(t: Mattabell): Mattrad[] {
  const ut: Mattrad[] = new Array(t.v.length);
  for (let i = 0; i < t.v.length; i++) {
    const [niva, kod, namn] = t.regioner[t.r[i]!]!;
    ut[i] = { niva, kod, namn, period: t.perioder[t.p[i]!]!, kon: t.kon[t.k[i]!]!, varde: t.v[i] ?? null };
  }
  return ut;
}

/** Ett förbunds placeringar för ett mått: en per period och kön. */
export interface Placeringstabell {
  perioder: string[];
  kon: string[];
  p: number[];
  k: number[];
  plats: (number | null)[];
  antal: number[];
  delad: number[];
  saknas: number[];
}

export function avkodaPlaceringar(t: Placeringstabell): Map<string, Placering> {
  const ut = new Map<string, Placering>();
  for (let i = 0; i < t.p.length; i++) {
    ut.set(`${t.perioder[t.p[i]!]}|${t.kon[t.k[i]!]}`, { plats: t.plats[i] ?? null, antal: t.antal[i]!, delad: t.delad[i]!, saknas: t.saknas[i]! });
  }
  return ut;
}

/** En kommun i ett förbund, med län och giltighet. */
export interface Medlem {
  kod: string;
  namn: string;
  lan: string;
  lanNamn: string;
  fran: string | null;
  till: string | null;
}

/** Ett förbund i indexet och på förbundssidan. */
export interface Forbundet {
  id: string;
  namn: string;
  kommuner: Medlem[];
  /** Länen som förbundets kommuner ligger i (ett eller flera), i kodordning. */
  lan: { kod: string; namn: string }[];
  /** Första och sista månad förbundet har en medlemskommun (null = sedan tidigare / fortfarande). */
  fran: string | null;
  till: string | null;
}

/** Förbundsindexet: data/sida/nationell/index.json. */
export interface Forbundsindex {
  forbund: Forbundet[];
  /** Kommuner som inte hör till något förbund i dag. */
  utanfor: { kod: string; namn: string; lan: string; lanNamn: string }[];
  lan: { kod: string; namn: string }[];
  /** Måtten som har något värde för något förbund (de andra visas inte i valen). */
  matt: string[];
  /** Förbunden som har en sida i det här bygget (alla, eller bara FINSAM_FORBUND:s). */
  sidor: string[];
}

/** En förbundssida: data/forbund/<id>.json. */
export interface Forbundssida {
  forbund: Forbundet;
  /** Förbundets, dess läns och rikets värden per mått (bara mått med något värde). */
  matt: Record<string, Mattabell>;
  /** Förbundets placering bland alla förbund per mått, period och kön. */
  placeringar: Record<string, Placeringstabell>;
}

/** Söker förbund på förbundets namn eller id, en medlemskommuns namn eller kod, eller länets namn. */
export function sokForbund(index: readonly Forbundet[], fraga: string): Forbundet[] {
  const n = normalisera(fraga);
  if (n === "") return [...index];
  const ord = n.split(" ").filter(Boolean);
  return index.filter((f) => {
    const text = normalisera([f.namn, f.id, ...f.kommuner.flatMap((k) => [k.namn, k.kod]), ...f.lan.map((l) => l.namn)].join(" "));
    return ord.every((o) => text.includes(o));
  });
}

function normalisera(s: string): string {
  return s.toLocaleLowerCase("sv").replace(/[-–—_,.()]/g, " ").replace(/\s+/g, " ").trim();
}

/** Den senaste perioden av rätt slag: senaste halvåret för år/halvår, senaste månaden, senaste året. */
export function senastePeriod(perioder: readonly string[], slag: Matt["perioder"]): string | null {
  const passar = perioder.filter((p) => (slag === "manad" ? /^\d{4}-\d{2}$/.test(p) : slag === "ar" ? /^\d{4}$/.test(p) : /^\d{4}-H[12]$/.test(p)));
  return passar.length ? passar.reduce((a, b) => (b > a ? b : a)) : null;
}
