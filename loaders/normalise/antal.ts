/**
 * A count as the messages write it: Swedish grouping, `1 234 567` with a no-break space (U+00A0)
 * between groups of three digits, as `toLocaleString("sv-SE")` writes a whole number. Written
 * here for whole numbers from 0 up to 2^53: the first use of ICU's Swedish number formatting in
 * a process costs about 11 ms (its locale data is loaded), and a file's read report
 * (`<regel>.inlast`) is otherwise the national run's only use of it. Anything else (a negative
 * or fractional number) is left to `toLocaleString`. A test compares the two.
 */
export function antal(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return n.toLocaleString("sv-SE");
  const s = String(n);
  let ut = s.slice(0, ((s.length - 1) % 3) + 1);
  for (let i = ut.length; i < s.length; i += 3) ut += `\u00a0${s.slice(i, i + 3)}`;
  return ut;
}
