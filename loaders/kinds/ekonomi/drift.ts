/**
 * Driftsredovisning: per ID, the accumulated outcome from the year's start to the report date,
 * the year's budget, what remains and how much is used, and the prognos. Kommun-Bas signs
 * (costs positive, income negative), as in Södra Dalarna's delårsbokslut:
 *
 *   återstår = budget − utfall        (income: −6 184 000 − (−5 411 000) = −773 000)
 *   förbrukad = utfall / budget       (none when the budget is 0)
 *
 * Bookings on the resultaträkning's konton count (not the closing booking on konto 89). A row
 * `totalt` sums every ID; it equals −(årets resultat) unless some bookings have no ID. When the
 * year has a prognos, an ID without one is forecast at its budget.
 */
import type { Post } from "./installningar.ts";
import { arslage, budgetrader, prognosposter, RESULTATRADER_ALLA, radFor, type Rakenskap } from "./rakenskap.ts";

export interface DriftRad {
  readonly id: string;
  /** The ID's post; "totalt" on the total row. */
  readonly post: Post | "totalt";
  readonly namn: string;
  readonly utfallOre: number;
  readonly budgetOre: number | undefined;
  readonly prognosOre: number | undefined;
}

export function aterstar(r: Pick<DriftRad, "utfallOre" | "budgetOre">): number | undefined {
  return r.budgetOre === undefined ? undefined : r.budgetOre - r.utfallOre;
}

export function forbrukad(r: Pick<DriftRad, "utfallOre" | "budgetOre">): number | undefined {
  return r.budgetOre === undefined || r.budgetOre === 0 ? undefined : r.utfallOre / r.budgetOre;
}

/** The report's order: styrelse, administration, personalinriktade, publikationer, insatser, intäkter; then ID. */
const ORDNING: readonly Post[] = ["styrelse", "administration", "personalinriktade", "publikationer", "insats", "intakter"];

export function driftsredovisning(r: Rakenskap, ar: number, till: string): DriftRad[] {
  const utfall = new Map<string, number>();
  for (const b of arslage(r, ar)?.bokningar ?? []) {
    if (b.datum > till) break;
    if (b.id !== undefined && RESULTATRADER_ALLA.has(radFor(r, b))) utfall.set(b.id, (utfall.get(b.id) ?? 0) + b.ore);
  }
  const budget = new Map<string, number>();
  const prognos = new Map<string, number>();
  for (const b of budgetrader(r, ar)) {
    if (b.budgetOre !== undefined) budget.set(b.id, (budget.get(b.id) ?? 0) + b.budgetOre);
  }
  for (const { post, ore } of prognosposter(r, ar) ?? []) prognos.set(post.id, (prognos.get(post.id) ?? 0) + ore);
  const ids = [...new Set([...utfall.keys(), ...budget.keys(), ...prognos.keys()])].filter((id) => r.fe.id.has(id));
  const rader: DriftRad[] = ids.map((id) => {
    const u = r.fe.id.get(id)!;
    return {
      id, post: u.post, namn: idNamn(r, id, ar),
      utfallOre: utfall.get(id) ?? 0,
      budgetOre: budget.get(id),
      prognosOre: prognos.get(id),
    };
  });
  rader.sort((x, y) => ORDNING.indexOf(x.post as Post) - ORDNING.indexOf(y.post as Post) || jamforId(x.id, y.id));
  const summera = (f: (d: DriftRad) => number | undefined) => (rader.some((d) => f(d) !== undefined) ? rader.reduce((s, d) => s + (f(d) ?? 0), 0) : undefined);
  rader.push({
    id: "totalt", post: "totalt", namn: "Totalt",
    utfallOre: rader.reduce((s, d) => s + d.utfallOre, 0),
    budgetOre: summera((d) => d.budgetOre),
    prognosOre: summera((d) => d.prognosOre),
  });
  return rader;
}

/** The ID's name that year (else its latest name, else the ID itself). */
export function idNamn(r: Rakenskap, id: string, ar: number): string {
  const namn = r.fe.id.get(id)?.namn;
  if (!namn || namn.size === 0) return id;
  if (namn.has(ar)) return namn.get(ar)!;
  const ar2 = [...namn.keys()].sort((a, b) => Math.abs(a - ar) - Math.abs(b - ar) || b - a)[0]!;
  return namn.get(ar2)!;
}

/** Numeric IDs in number order, others as text. */
export function jamforId(a: string, b: string): number {
  const na = /^\d+$/.test(a) ? Number(a) : NaN;
  const nb = /^\d+$/.test(b) ? Number(b) : NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
