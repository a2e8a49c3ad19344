/**
 * The figures the protection's goals are measured in (issue 11): how much of the
 * delårsbokslut's Tabell 1-4 (kön alla, the four latest windows, every insats and the förbund
 * total) is hidden, the mean absolute difference between published and true counts, and how
 * far the shares of groups of 20 or more are from the truth. Used by test/insatser.test.ts and
 * by scripts/skyddsmatt.ts.
 */
export interface Rad {
  readonly insats: string;
  readonly fran: string;
  readonly kon: string;
  readonly matt: string;
  readonly varde: number | null;
  readonly antal: number | null;
  readonly undertryckt: boolean;
}

export interface Insatsmatt {
  readonly tabellCeller: number;
  /** Hidden, or without a value where the truth has one. */
  readonly tabellDolda: number;
  readonly medelAvvikelse: number;
  readonly medelAvvikelseTabell: number;
  readonly antalJamforda: number;
  /** Shares whose denominator is 20 or more. */
  readonly andelar: number;
  readonly andelarUtanfor: number;
  readonly storstaAndelsavvikelse: number;
}

export function insatsmatt(sann: readonly Rad[], publicerad: readonly Rad[], tabellfonster: readonly string[]): Insatsmatt {
  const nyckel = (r: Rad) => `${r.insats}|${r.fran}|${r.kon}|${r.matt}`;
  const S = new Map(sann.map((r) => [nyckel(r), r]));
  let tabellCeller = 0;
  let tabellDolda = 0;
  const avv: number[] = [];
  const avvTabell: number[] = [];
  let andelar = 0;
  let andelarUtanfor = 0;
  let storsta = 0;
  for (const r of publicerad) {
    const s = S.get(nyckel(r));
    if (!s) throw new Error(`raden ${nyckel(r)} finns inte i de sanna värdena`);
    const iTabell = r.kon === "alla" && tabellfonster.includes(r.fran);
    if (iTabell) {
      tabellCeller++;
      if (r.undertryckt || (r.varde === null && s.varde !== null)) tabellDolda++;
    }
    if (!r.undertryckt && r.antal !== null && s.antal !== null) {
      const d = Math.abs(r.antal - s.antal);
      avv.push(d);
      if (iTabell) avvTabell.push(d);
    }
    if (r.matt === "andel_mal" && s.antal !== null && s.antal >= 20 && s.varde !== null) {
      andelar++;
      if (r.undertryckt || r.varde === null) { andelarUtanfor++; continue; }
      const a = Math.abs(r.varde - s.varde);
      storsta = Math.max(storsta, a);
      if (a > 0.05 + 1e-12) andelarUtanfor++;
    }
  }
  const medel = (x: number[]) => (x.length === 0 ? 0 : x.reduce((a, b) => a + b, 0) / x.length);
  return { tabellCeller, tabellDolda, medelAvvikelse: medel(avv), medelAvvikelseTabell: medel(avvTabell), antalJamforda: avv.length, andelar, andelarUtanfor, storstaAndelsavvikelse: storsta };
}
