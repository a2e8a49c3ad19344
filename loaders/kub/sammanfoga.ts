/**
 * Several files of one SCB table (one per period, one per län …) read as one cube: the union of
 * their series and periods. A cell that two files both have (the same region, group and period)
 * is an error that names, for each pair of files, how many cells overlap and the lines and
 * columns in both files, so the user can find them. One merge for every SCB kind.
 */
import { Begransning, type Findings } from "../validate/findings.ts";
import { KubBygge, UTAN_CELL, koder, varden, type Kub } from "./kub.ts";

/** What the merge needs of one file: its cube and where each cell came from. */
export interface Kubfil {
  readonly fil: string;
  readonly kub: Kub;
  /** Per period (the cube's order): line of each cell, 0 when the cell was not read from a line. */
  readonly rad: readonly Int32Array[];
  /** Per period: 1-based column of each cell. */
  readonly kolumn: readonly Int32Array[];
  /** After a merge: the files, and per period which of them each cell came from (its index). */
  readonly kallor?: { readonly filer: readonly string[]; readonly fil: readonly Uint16Array[] };
}

interface Overlapp {
  antal: number;
  forsta: { serie: number; period: number; radA: number; kolA: number; radB: number; kolB: number };
  radA: [number, number];
  radB: [number, number];
  kolA: [number, number];
  kolB: [number, number];
}

/** The files as one; undefined (with an error per overlapping pair of files) when cells overlap. */
export function sammanfoga<T extends Kubfil>(filer: readonly T[], regel: string, findings: Findings): Kubfil | undefined {
  if (filer.length === 0) return undefined;
  if (filer.length === 1) return filer[0];
  const forsta = filer[0]!.kub;
  const bygge = new KubBygge(forsta.dimensioner, undefined, true);
  /** Per merged cell: 1 + the index of the file it came from (0: none yet). */
  const kalla: Uint16Array[] = [];
  const ensure = (p: number) => {
    while (kalla.length <= p) kalla.push(new Uint16Array(0));
    if (kalla[p]!.length < bygge.antal) {
      const a = new Uint16Array(Math.max(bygge.antal, 2 * kalla[p]!.length));
      a.set(kalla[p]!);
      kalla[p] = a;
    }
  };
  const overlapp = new Map<number, Overlapp>();
  const buf = new Int32Array(forsta.dimensioner.length);
  filer.forEach((f, fi) => {
    const k = f.kub;
    const dimkoder = k.dimensioner.map((_, d) => koder(k, d));
    const omkod = k.ordbok.map((o, d) => Int32Array.from(o, (v) => bygge.kod(d, v)));
    const perioder = k.perioder.map((p) => bygge.period(p));
    const serie = new Int32Array(k.antal);
    for (let s = 0; s < k.antal; s++) {
      for (let d = 0; d < buf.length; d++) buf[d] = omkod[d]![dimkoder[d]![s]!]!;
      serie[s] = bygge.serie(buf);
    }
    for (let p = 0; p < k.perioder.length; p++) {
      const mp = perioder[p]!;
      ensure(mp);
      const v = varden(k, p);
      const sak = k.saknas[p]!;
      const mal = bygge.saknasKolumn(mp);
      for (let s = 0; s < k.antal; s++) {
        if (sak[s] === UTAN_CELL) continue;
        const t = serie[s]!;
        const radHar = f.rad[p]?.[s] ?? 0;
        if (mal[t] !== UTAN_CELL && (radHar === 0 || bygge.radFor(t, mp) === 0)) {
          // A derived total (not read from a line) never overlaps: a total read from a file
          // replaces one derived from parts, and two derived totals come from cells that are
          // reported themselves if they overlap.
          if (radHar === 0) continue;
        } else if (mal[t] !== UTAN_CELL) {
          const fa = kalla[mp]![t]! - 1;
          const nyckel = fa * 65536 + fi;
          const radA = bygge.radFor(t, mp);
          const kolA = bygge.kolumnFor(t, mp);
          const radB = f.rad[p]?.[s] ?? 0;
          const kolB = f.kolumn[p]?.[s] ?? 0;
          let o = overlapp.get(nyckel);
          if (!o) {
            overlapp.set(nyckel, (o = { antal: 0, forsta: { serie: t, period: mp, radA, kolA, radB, kolB }, radA: [radA, radA], radB: [radB, radB], kolA: [kolA, kolA], kolB: [kolB, kolB] }));
          }
          o.antal++;
          utvidga(o.radA, radA);
          utvidga(o.radB, radB);
          utvidga(o.kolA, kolA);
          utvidga(o.kolB, kolB);
          continue;
        }
        bygge.satt(t, mp, v[s]!, sak[s]!);
        bygge.plats(t, mp, f.rad[p]?.[s] ?? 0, f.kolumn[p]?.[s] ?? 0);
        ensure(mp);
        kalla[mp]![t] = fi + 1;
      }
    }
  });
  if (overlapp.size > 0) {
    const b = new Begransning(10);
    for (const [nyckel, o] of [...overlapp].sort(([a], [c]) => a - c)) {
      const a = filer[Math.floor(nyckel / 65536)]!;
      const f = filer[nyckel % 65536]!;
      if (!b.rapportera(`${regel}.dubblett_filer`)) continue;
      const x = o.forsta;
      const dims = bygge.dimensioner.map((_, d) => bygge.ordbok[d]![bygge.kodAv(x.serie, d)]!);
      const cell = `${dims.slice(1).join(", ")}, ${bygge.perioder[x.period]}`;
      findings.fel({
        fil: f.fil, ...(x.radB > 0 ? { rad: x.radB } : {}), ...(x.kolB > 0 ? { kolumn: x.kolB } : {}), regel: `${regel}.dubblett_filer`,
        meddelande: `${o.antal} ${o.antal === 1 ? "värde" : "värden"} (samma region, grupp och period) finns också i ${a.fil}: här ${omrade(o.radB, o.kolB)}, i ${a.fil} ${omrade(o.radA, o.kolA)}; det första är ${cell} (här ${omrade([x.radB, x.radB], [x.kolB, x.kolB])}, i ${a.fil} ${omrade([x.radA, x.radA], [x.kolA, x.kolA])}). Förväntat att varje värde finns i en fil`,
        message: `${o.antal} value(s) also present in ${a.fil} (lines ${o.radB[0]}-${o.radB[1]} here, ${o.radA[0]}-${o.radA[1]} there)`,
      });
    }
    b.sammanfatta(findings, filer.at(-1)!.fil, () => "fel");
    return undefined;
  }
  const { kub, rad, kolumn } = bygge.byggMedPlats();
  const ordning = kub.perioder.map((p) => bygge.perioder.indexOf(p));
  const fil = ordning.map((i) => {
    const a = new Uint16Array(kub.antal);
    const k = kalla[i] ?? new Uint16Array(0);
    for (let s = 0; s < kub.antal; s++) a[s] = Math.max(0, (k[s] ?? 1) - 1);
    return a;
  });
  return { fil: filer.map((f) => f.fil).join(", "), kub, rad, kolumn, kallor: { filer: filer.map((f) => f.fil), fil } };
}

function utvidga(intervall: [number, number], x: number): void {
  if (x < intervall[0]) intervall[0] = x;
  if (x > intervall[1]) intervall[1] = x;
}

function omrade(rad: [number, number], kol: [number, number]): string {
  const r = rad[0] === rad[1] ? `rad ${rad[0]}` : `rad ${rad[0]}–${rad[1]}`;
  if (kol[1] === 0) return r;
  const k = kol[0] === kol[1] ? `kolumn ${kol[0]}` : `kolumn ${kol[0]}–${kol[1]}`;
  return `${r}, ${k}`;
}
