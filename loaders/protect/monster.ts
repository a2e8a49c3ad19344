/**
 * The suppression pattern (docs/definitioner/skydd.md): which counts of one publication to
 * hide so that the attacker check (angripare.ts) passes, at the least weighted loss.
 *
 * 1. Hidden from the start: every count 1..k-1 (primary), every key the caller forces, every
 *    count that is never published (`harledda`: they are hidden by nature), with their rows.
 * 2. Never hidden: structural zeros (`aldrigDolda`).
 * 3. The pattern is an integer program solved with HiGHS: a 0/1 variable per count, the
 *    weighted loss Σ weight·hidden as objective (weights from `vikt`, which readers need
 *    most; never from the values), and a growing set of cuts. Each round the attacker check
 *    runs on the optimal pattern; for every hidden count whose range is not safe, a cut says
 *    that one more count next to it must be hidden: one of the shown counts in the relations
 *    around its connected group of hidden counts. Without such a count its range can only
 *    shrink, so the cut removes no pattern that could pass. The program is solved again,
 *    until the check passes.
 * The result depends only on the publication's values, relations and weights, never on the
 * order they are given in: keys are sorted first, and ties in weight are broken by key.
 */
import { Angriparmodell } from "./angripare.ts";
import { Heltalsmodell, type Villkor } from "./highs.ts";
import { jamfor, kanoniska, kontrolleraK, kontrolleraPublicering, type Orsak, type Publicering, type Relation, type Skyddsparametrar, type Skyddsresultat } from "./model.ts";
import { gruppIndex, primarDolda } from "./primar.ts";

/** At most this many rounds of cuts (a safeguard; tables here need a handful). */
const MAX_VARV = 200;

export class OskyddbarFel extends Error {
  override readonly name = "OskyddbarFel";
}

export function skydda(p: Publicering, opts: Skyddsparametrar): Skyddsresultat {
  kontrolleraK(opts.k);
  kontrolleraPublicering(p);
  const k = opts.k;
  const nycklar = [...p.varden.keys()].sort(jamfor);
  const index = new Map(nycklar.map((n, i) => [n, i]));
  const relationer = kanoniska(p.relationer);
  const grupper = gruppIndex(p);
  const harledda = p.harledda ?? new Set<string>();
  const aldrig = p.aldrigDolda ?? new Set<string>();
  const primara = primarDolda(p, k);
  for (const n of harledda) primara.add(n);
  for (const n of primara) if (aldrig.has(n)) throw new RangeError(`${n} måste döljas men får aldrig döljas (strukturell nolla?)`);

  const relationerFor = new Map<string, Relation[]>();
  for (const r of relationer) for (const n of [r.total, ...r.delar]) relationerFor.set(n, [...(relationerFor.get(n) ?? []), r]);

  // The integer program: one 0/1 variable per key.
  const antal = nycklar.length;
  const lag = nycklar.map((n) => (primara.has(n) ? 1 : 0));
  const hog = nycklar.map((n) => (aldrig.has(n) ? 0 : 1));
  const villkor: Villkor[] = [];
  for (const [n, grupp] of grupper) {
    for (const m of grupp) if (jamfor(n, m) < 0) villkor.push({ index: [index.get(n)!, index.get(m)!], koef: [1, -1], lag: 0, hog: 0 });
  }
  // Loss: 1 + vikt per hidden key (in quarters), and a tie-break by key order below one
  // quarter; whole numbers, so the branch and bound can round its bounds.
  const mal = new Map(nycklar.map((n, i) => [i, Math.round(4 * (1 + (p.vikt?.get(n) ?? 0))) * (antal + 1) + i + 1]));
  const kostnad = (x: readonly number[]) => x.reduce((s, v, i) => s + v * mal.get(i)!, 0);
  const modell = new Heltalsmodell({ antal, lag, hog, villkor });
  const angripare = new Angriparmodell(nycklar, relationer);
  try {
    const snitt = new Set<string>();
    let start: number[] | undefined;
    let dolda = new Set<string>();
    /** A pattern that meets a new cut: the last one with the cheapest of `kandidater` (and its row) hidden. */
    const okaStart = (fore: number[] | undefined, kandidater: readonly string[]): number[] | undefined => {
      if (kandidater.length === 0) return undefined;
      const x: number[] = fore ?? nycklar.map((m) => (dolda.has(m) ? 1 : 0));
      if (!kandidater.some((g) => x[index.get(g)!] === 1)) {
        const billigast = [...kandidater].sort((a, b) => mal.get(index.get(a)!)! - mal.get(index.get(b)!)!)[0]!;
        for (const m of grupper.get(billigast) ?? [billigast]) x[index.get(m)!] = 1;
      }
      return x;
    };
    for (let varv = 0; varv < MAX_VARV; varv++) {
      const l = modell.optimera(mal, 1, start && { varde: kostnad(start), x: start });
      if (!l || l.status !== "optimal") throw new OskyddbarFel("inget mönster av dolda värden klarar angriparkontrollen");
      dolda = new Set(nycklar.filter((_, i) => l.x[i]! > 0.5));
      start = undefined;
      const visade = new Map([...p.varden].filter(([n]) => !dolda.has(n)));
      const fel = angripare.intervall({ visade, dolda, relationer, k, sanna: p.varden, harledda });
      if (process.env.FINSAM_DEBUG) console.error(`varv ${varv}: dolda ${[...dolda].join(" ")} | fel ${[...fel].map(([n, iv]) => `${n}=${p.varden.get(n)}[${iv.min},${iv.max}]${iv.orsaker ? "*" : ""}`).join(" ")}`);
      if (fel.size === 0) {
        const sorterade = [...dolda].sort(jamfor);
        return {
          dolda: new Set(sorterade),
          orsak: new Map(sorterade.map((n): [string, Orsak] => [n, primara.has(n) ? "primar" : "sekundar"])),
        };
      }
      let nya = 0;
      for (const [n, iv] of fel) {
        const varde = p.varden.get(n)!;
        if (varde >= 1 && varde <= k - 1 && iv.max < k - 1) {
          // A small count whose range cannot hold k values from 0: Fischetti and Salazar's
          // capacity cut for reaching k − 1.
          const kap = angripare.kapacitet(n, k - 1);
          const delar = kap ? [...kap.koef].filter(([m]) => !aldrig.has(m)).sort((a, b) => jamfor(a[0], b[0])) : [];
          if (kap && delar.length > 0) {
            const id = `kap\u0000${n}\u0000${delar.map(([m, c]) => `${m}:${c.toFixed(9)}`).join("\u0000")}`;
            if (!snitt.has(id)) {
              snitt.add(id);
              nya++;
              modell.laggTill({ index: delar.map(([m]) => index.get(m)!), koef: delar.map(([, c]) => c), lag: kap.krav - 1e-9, hog: Infinity });
              start = okaStart(start, delar.filter(([, c]) => c >= kap.krav - 1e-9).map(([m]) => m));
            }
            continue;
          }
        }
        // The relations that hold the range, when the check knows them; else all around.
        let grannar = iv.orsaker ? grannarI(iv.orsaker, dolda, aldrig) : [];
        if (grannar.length === 0) grannar = grannarTill(n, dolda, relationerFor, aldrig);
        if (grannar.length === 0) {
          throw new OskyddbarFel(`${n} kan räknas fram till ${intervalltext(iv)} och inget mer finns att dölja runt det`);
        }
        const id = `${n}\u0000${grannar.join("\u0000")}`;
        if (snitt.has(id)) continue;
        snitt.add(id);
        nya++;
        // y_n <= Σ y_granne (for a key that is always hidden: at least one neighbour).
        const idx = [index.get(n)!, ...grannar.map((g) => index.get(g)!)];
        modell.laggTill({ index: idx, koef: [-1, ...grannar.map(() => 1)], lag: 0, hog: Infinity });
        start = okaStart(start, grannar);
      }
      if (nya === 0) throw new OskyddbarFel(`angriparkontrollen underkänner ${[...fel.keys()].join(", ")} och snitten upprepas`);
    }
    throw new OskyddbarFel(`mönstret hittades inte på ${MAX_VARV} varv`);
  } finally {
    modell.stang();
    angripare.stang();
  }
}

/** The shown keys (that may be hidden) in the given relations, sorted. */
function grannarI(relationer: readonly Relation[], dolda: ReadonlySet<string>, aldrig: ReadonlySet<string>): string[] {
  const ut = new Set<string>();
  for (const r of relationer) for (const m of [r.total, ...r.delar]) if (!dolda.has(m) && !aldrig.has(m)) ut.add(m);
  return [...ut].sort(jamfor);
}

/**
 * The shown keys in the relations around the connected group of hidden keys that `n` belongs
 * to (linked by relations), sorted: hiding one of them is the only way to widen n's range.
 */
function grannarTill(n: string, dolda: ReadonlySet<string>, relationerFor: ReadonlyMap<string, readonly Relation[]>, aldrig: ReadonlySet<string>): string[] {
  const grupp = new Set([n]);
  const ko = [n];
  const grannar = new Set<string>();
  while (ko.length > 0) {
    const x = ko.pop()!;
    for (const r of relationerFor.get(x) ?? []) {
      for (const m of [r.total, ...r.delar]) {
        if (dolda.has(m)) {
          if (!grupp.has(m)) { grupp.add(m); ko.push(m); }
        } else if (!aldrig.has(m)) grannar.add(m);
      }
    }
  }
  return [...grannar].sort(jamfor);
}

function intervalltext(iv: { min: number; max: number }): string {
  return iv.min === iv.max ? `exakt ${iv.min}` : `${iv.min}–${iv.max === Infinity ? "∞" : iv.max}`;
}
