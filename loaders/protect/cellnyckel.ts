/**
 * Cell keys (docs/definitioner/skydd.md): every unit (a person, a participation) has record
 * keys, uniform 32-bit integers from the secret pseudonymisation key
 * (reference/nyckel.ts `postnyckel`). A cell's key is the sum of its units' keys modulo
 * 2^32, read as a number in [0, 1): the same units always give the same key, in whatever
 * order and table they are counted, and nobody without the secret key can compute it.
 * (sdcTools' cellKey sums record keys in [0, 1) and keeps the fraction; integers make the
 * sum exact and independent of order.)
 */

export const TVA_32 = 4294967296;

/** A cell key in [0, 1) from the sum (mod 2^32) of its units' record keys. */
export function cellnyckel(summa: number): number {
  if (!Number.isInteger(summa) || summa < 0) throw new RangeError(`cellnyckelns summa måste vara ett icke-negativt heltal, fick ${summa}`);
  return (summa % TVA_32) / TVA_32;
}

/** The sum modulo 2^32 of record keys (32-bit integers). */
export function nyckelsumma(nycklar: Iterable<number>): number {
  let s = 0;
  for (const r of nycklar) s = (s + r) % TVA_32;
  return s;
}
