/**
 * Which förbund a participation or a reported row belongs to, and one spelling per insats.
 *
 * The förbund is written as its id (`sodra-dalarna`) or its name from the membership file
 * (`Södra Dalarnas Samordningsförbund`), compared as `namn.ts` does; it comes from the row's
 * own column or, when that is absent or empty, from the insats file (`insats,forbund`). What
 * matches nothing is an error that shows the value, the closest names and the accepted ones.
 *
 * An insats written in several ways (`Samverkansteam Avesta`, `samverkansteam  avesta`) is one
 * insats: the spelling of the insats file when it has one, else the most common one (the
 * first seen on a tie); an info names the others.
 */
import { menadeDu, Namnmatchare, namnnyckel, uppraknad } from "./namn.ts";
import type { Medlemskap } from "./indelning.ts";
import { visaVarde } from "../normalise/radtabell.ts";
import type { Findings } from "../validate/findings.ts";

/** One line of an insats file. */
export interface MappadInsats {
  readonly insats: string;
  /** The förbund as written (id or name). */
  readonly forbund: string;
  readonly fil: string;
  readonly rad: number;
  readonly insatsKolumn?: number;
  readonly forbundKolumn?: number;
}

/** A row that names its insats and perhaps its förbund (participations, reported rows). */
export interface InsatsRad {
  readonly forbund: string | undefined;
  readonly insats: string;
  readonly fil: string;
  readonly rad: number;
  readonly forbundKolumn?: number;
  readonly insatsKolumn?: number;
}

/** Förbund by id or name; a förbund is shown as `id (namn)`. */
export function forbundsmatchare(medlemskap: readonly Medlemskap[]): Namnmatchare<string> {
  const namn = new Map<string, string>();
  for (const m of medlemskap) if (!namn.has(m.forbund)) namn.set(m.forbund, m.forbundNamn);
  return new Namnmatchare([...namn].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, n]) => ({ varde: id, namn: [id, n], visas: `${id} (${n})` })));
}

/** The message for a förbund that matches nothing (or two): value, suggestions, accepted. */
export function okantForbund(varde: string, matchare: Namnmatchare<string>): { meddelande: string; message: string } {
  const m = matchare.matcha(varde);
  if (m.typ === "tvetydig") {
    return {
      meddelande: `förbundet "${visaVarde(varde)}" kan vara flera förbund (${uppraknad(m.visas.map((v) => `"${v}"`))}); skriv förbundets id`,
      message: "ambiguous förbund",
    };
  }
  const forslag = m.typ === "saknas" ? m.forslag : [];
  return {
    meddelande: `okänt förbund "${visaVarde(varde)}"${menadeDu(forslag)}; förväntat ett förbunds id eller namn ur förbundsindelningen: ${matchare.accepterade()}`,
    message: "unknown förbund (neither an id nor a name in the membership file)",
  };
}

export interface KnutnaInsatser<D, U> {
  readonly deltagare: (D & { forbund: string })[];
  readonly utfall: (U & { forbund: string })[];
}

/** How many errors of one kind a file reports before a line that says how many more there were. */
const MAX_PER_FIL = 25;

/**
 * Every row with its förbund id and its insats's one spelling. Rows whose förbund is unknown
 * are left out, each named in an error at its line (at most 25 per file and column, then one
 * that says how many more); the caller stops on the errors.
 */
export function knytInsatser<D extends InsatsRad, U extends InsatsRad>(
  deltagare: readonly D[], utfall: readonly U[], mappning: readonly MappadInsats[], matchare: Namnmatchare<string>, findings: Findings,
): KnutnaInsatser<D, U> {
  const insatsensForbund = mappa(mappning, matchare, findings);
  const mappadeNamn = new Namnmatchare([...insatsensForbund.values()].map((m) => ({ varde: m.insats, namn: [m.insats] })));
  const antal = new Map<string, { n: number; forsta?: InsatsRad }>();
  const knyt = <T extends InsatsRad>(r: T): (T & { forbund: string }) | undefined => {
    const egen = r.forbund !== undefined && r.forbund !== "";
    const id = egen ? matchare.hitta(r.forbund!) : insatsensForbund.get(namnnyckel(r.insats))?.forbund;
    if (id !== undefined) return { ...r, forbund: id };
    const falt = egen ? "forbund" : "insats";
    const kolumn = egen ? r.forbundKolumn : r.insatsKolumn;
    const c = antal.get(`${r.fil}\u0000${falt}`) ?? { n: 0 };
    antal.set(`${r.fil}\u0000${falt}`, c);
    if (++c.n > MAX_PER_FIL) {
      c.forsta ??= r;
      return undefined;
    }
    const text = egen
      ? okantForbund(r.forbund!, matchare)
      : {
        meddelande: `förbund saknas för insatsen "${visaVarde(r.insats)}"${mappadeNamn.antal > 0 ? menadeDu(mappadeNamn.forslag(r.insats)) : ""}; förväntat kolumnen förbund (ett förbunds id eller namn) eller en insatsfil med kolumnerna insats,forbund${mappadeNamn.antal > 0 ? ` (insatsfilen har ${mappadeNamn.accepterade(8)})` : ""}`,
        message: "missing förbund for the insats",
      };
    findings.fel({
      fil: r.fil, rad: r.rad, ...(kolumn !== undefined ? { kolumn } : {}), falt, ...(egen ? { varde: visaVarde(r.forbund!) } : {}),
      regel: "insats.forbund", meddelande: text.meddelande, message: text.message,
    });
    return undefined;
  };
  const d = deltagare.map(knyt).filter((x): x is D & { forbund: string } => x !== undefined);
  const u = utfall.map(knyt).filter((x): x is U & { forbund: string } => x !== undefined);
  for (const [key, { n, forsta }] of antal) {
    if (!forsta) continue;
    const falt = key.split("\u0000")[1] as "forbund" | "insats";
    const kolumn = falt === "forbund" ? forsta.forbundKolumn : forsta.insatsKolumn;
    findings.fel({
      fil: forsta.fil, rad: forsta.rad, ...(kolumn !== undefined ? { kolumn } : {}), falt, regel: "insats.forbund",
      meddelande: `ytterligare ${n - MAX_PER_FIL} rader med okänt eller saknat förbund visas inte (den första på den här raden)`,
      message: `${n - MAX_PER_FIL} more lines with an unknown or missing förbund are not shown`,
    });
  }
  const stavning = enhetligaNamn([...d, ...u], insatsensForbund, findings);
  return {
    deltagare: d.map((r) => ({ ...r, insats: stavning(r) })),
    utfall: u.map((r) => ({ ...r, insats: stavning(r) })),
  };
}

/** The insats files' lines by insats (key), with the förbund id; unknown förbund and conflicts are errors. */
function mappa(mappning: readonly MappadInsats[], matchare: Namnmatchare<string>, findings: Findings): Map<string, MappadInsats & { forbund: string }> {
  const out = new Map<string, MappadInsats & { forbund: string }>();
  for (const m of mappning) {
    const id = matchare.hitta(m.forbund);
    if (id === undefined) {
      const text = okantForbund(m.forbund, matchare);
      findings.fel({
        fil: m.fil, rad: m.rad, ...(m.forbundKolumn !== undefined ? { kolumn: m.forbundKolumn } : {}), falt: "forbund", varde: visaVarde(m.forbund),
        regel: "insatser.forbund", meddelande: `insatsen "${visaVarde(m.insats)}": ${text.meddelande}`, message: text.message,
      });
      continue;
    }
    const key = namnnyckel(m.insats);
    const tidigare = out.get(key);
    if (tidigare && tidigare.forbund !== id) {
      findings.fel({
        fil: m.fil, rad: m.rad, ...(m.forbundKolumn !== undefined ? { kolumn: m.forbundKolumn } : {}), falt: "forbund", varde: visaVarde(m.forbund),
        regel: "insatser.tva_forbund",
        meddelande: `insatsen "${visaVarde(m.insats)}" hör till två förbund: ${tidigare.forbund} (${tidigare.fil} rad ${tidigare.rad}) och ${id}; förväntat ett förbund per insats`,
        message: "insats mapped to two förbund",
      });
      continue;
    }
    if (!tidigare) out.set(key, { ...m, forbund: id });
  }
  return out;
}

/** One spelling per förbund and insats key: the insats file's, else the most common (first seen on a tie). */
function enhetligaNamn(
  rader: readonly (InsatsRad & { forbund: string })[], mappning: ReadonlyMap<string, MappadInsats & { forbund: string }>, findings: Findings,
): (r: InsatsRad & { forbund: string }) => string {
  const grupper = new Map<string, Map<string, { antal: number; forsta: InsatsRad }>>();
  for (const r of rader) {
    const key = `${r.forbund}\u0000${namnnyckel(r.insats)}`;
    const g = grupper.get(key) ?? new Map<string, { antal: number; forsta: InsatsRad }>();
    const s = g.get(r.insats);
    if (s) s.antal++;
    else g.set(r.insats, { antal: 1, forsta: r });
    grupper.set(key, g);
  }
  const valt = new Map<string, string>();
  for (const [key, g] of grupper) {
    const mappad = mappning.get(key.split("\u0000")[1]!);
    const stavningar = [...g];
    const vald = mappad && mappad.forbund === key.split("\u0000")[0] ? mappad.insats
      : stavningar.reduce((a, b) => (b[1].antal > a[1].antal ? b : a))[0];
    valt.set(key, vald);
    const andra = stavningar.filter(([s]) => s !== vald);
    if (andra.length === 0) continue;
    const forsta = andra[0]![1].forsta;
    findings.info({
      fil: forsta.fil, rad: forsta.rad, ...(forsta.insatsKolumn !== undefined ? { kolumn: forsta.insatsKolumn } : {}), falt: "insats", varde: visaVarde(forsta.insats),
      regel: "insats.stavning",
      meddelande: `insatsen skrivs på flera sätt (${stavningar.map(([s, x]) => `"${visaVarde(s)}" ${x.antal} ${x.antal === 1 ? "gång" : "gånger"}`).join(", ")}); alla räknas som "${visaVarde(vald)}"`,
      message: "the insats is written in several ways; all are counted as one",
    });
  }
  return (r) => valt.get(`${r.forbund}\u0000${namnnyckel(r.insats)}`) ?? r.insats;
}
