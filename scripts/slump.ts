/**
 * Deterministic randomness for the example-data generators and the bench: a seeded PRNG,
 * a string hash for per-series seeds, rough normal noise and a yearly trend. Only integer
 * and basic float arithmetic, so the output is the same on every platform.
 */

export function hamta<T>(lista: readonly T[], index: number): T {
  const varde = lista[index];
  if (varde === undefined) throw new Error(`index ${index} saknas`);
  return varde;
}

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: liten seedad PRNG, likformig i [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ungefär normalfördelat brus med medel 0 och standardavvikelse 1 (summa av tre likformiga). */
export function normalbrus(slump: () => number): number {
  return (slump() + slump() + slump() - 1.5) * 2;
}

export function trendfaktor(trend: readonly number[], t: number): number {
  const position = (t - 5.5) / 12;
  if (position <= 0) return hamta(trend, 0);
  if (position >= trend.length - 1) return hamta(trend, trend.length - 1);
  const i = Math.floor(position);
  const vikt = position - i;
  return hamta(trend, i) * (1 - vikt) + hamta(trend, i + 1) * vikt;
}

/** Avrundar till heltal med exakt given summa (största-rest-metoden, lika rest: lägst index först). */
export function avrundaTillSumma(varden: readonly number[], summa: number): number[] {
  const total = varden.reduce((a, b) => a + b, 0);
  const skalade = varden.map((v) => (total === 0 ? summa / varden.length : (v * summa) / total));
  const heltal = skalade.map(Math.floor);
  let kvar = summa - heltal.reduce((a, b) => a + b, 0);
  const ordning = skalade.map((v, i) => ({ i, rest: v - Math.floor(v) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of ordning) {
    if (kvar <= 0) break;
    heltal[i] = hamta(heltal, i) + 1;
    kvar--;
  }
  return heltal;
}
