/**
 * Uncertainty for small counts: the Wilson score interval for a share, and Fisher's exact test
 * for a difference between kvinnor and män (two-sided, summing the probabilities of all tables
 * with the same margins that are at most as probable as the observed one).
 */

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

/** Wilson score interval for x successes out of n; undefined when n = 0. */
export function wilson(x: number, n: number, z = Z95): readonly [number, number] | undefined {
  if (n <= 0) return undefined;
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials.push(logFactorials[i - 1]! + Math.log(i));
  return logFactorials[n]!;
}

/**
 * Two-sided p-value of Fisher's exact test for the 2x2 table
 *   [a b]   (group 1: a successes, b failures)
 *   [c d]   (group 2: c successes, d failures)
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const n = r1 + r2;
  const logP = (x: number) =>
    logFactorial(r1) + logFactorial(r2) + logFactorial(c1) + logFactorial(n - c1) -
    logFactorial(n) - logFactorial(x) - logFactorial(r1 - x) - logFactorial(c1 - x) - logFactorial(r2 - c1 + x);
  const observed = logP(a);
  let p = 0;
  for (let x = Math.max(0, c1 - r2); x <= Math.min(r1, c1); x++) {
    const lp = logP(x);
    // relative tolerance 1e-7 as in R's fisher.test, so ties in probability count as "as extreme"
    if (lp <= observed + 1e-7) p += Math.exp(lp);
  }
  return Math.min(1, p);
}
