// @ts-check
/**
 * A number's shortest exact decimal form written straight into a byte buffer: the same bytes as
 * `String(v)` (ECMAScript's Number::toString), without making a string. The CSV writer
 * (`csvrader.js`) writes over a million shares and means per national table, and `String(v)`
 * was more than half of its time (docs/prestanda.md, "Talen i CSV-filerna").
 *
 * The rule (ECMAScript Number::toString, the same as V8's): the fewest significant digits whose
 * decimal number reads back as `v` (a decimal exactly halfway to a neighbouring double reads
 * back as the one with an even mantissa, so such a boundary counts only when `v`'s mantissa is
 * even); among those with that many digits, the one closest to `v`.
 *
 * How, for `1e-6 <= v < 1e15` that is not a whole number (the rest, and every case this code
 * cannot decide with certainty, return -1 and the caller writes `String(v)`):
 * 1. Scale: `M = v * 10^K` with `10^16 <= M < 10^17`, exactly, as `hi + lo` (Dekker's product:
 *    `10^K` is an exact double for `K <= 22`). `hi` is split exactly into `A * 10^8 + B`
 *    (A has 9 digits, B < 10^8), so every step below is on exact small integers plus `lo`.
 * 2. The numbers that read back as `v` are those within half the gap to the neighbouring
 *    doubles: `[M - hL, M + hH]`, where `hH = ulp(v) * 10^K / 2` (exact: a power of two times
 *    `10^K`) and `hL` is half that when `v` is a power of two (the gap below is smaller).
 *    `hH` is between 0.55 and 11.2, so an integer always lies in the interval: 17 digits
 *    always suffice.
 * 3. The shortest form has `17 - m` digits for the largest `m` such that a multiple of `10^m`
 *    lies in the interval (if one does for `m`, it does for every smaller `m`, so `m` is found
 *    by counting up). The candidates are the multiples just below and just above `M`; the
 *    closer valid one is taken.
 * 4. Every comparison that can come out either way is of an exact integer plus `lo` against
 *    `hL` or `hH`, in magnitudes under 2^6, so its rounding error is below 10^-13. A
 *    difference within 10^-9 of zero (a decimal on the interval's boundary, or halfway between
 *    two candidates) is not decided here: -1, and `String(v)` decides. Below 10^10 that is
 *    rare (under 1 in 10,000 random doubles); above, a double has few fraction bits and
 *    17-digit ties are common.
 *
 * Then the 17 digits are written two at a time, and the number is the first of them up to its
 * last non-zero one, laid out as Number::toString lays them out. Checked against `String(v)` on
 * numbers of every magnitude in range, on shares and means like the pipeline's, and at powers
 * of two and ten (test/kortastetal.test.ts).
 */

const SPLIT = 134217729; // 2^27 + 1, Dekker's splitter
/** 10^k, exact for k <= 22; and each split into two halves of 26 bits for Dekker's product. */
const P10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const P10H = P10.map((p) => {
  const c = SPLIT * p;
  return c - (c - p);
});
const P10L = P10.map((p, k) => p - /** @type {number} */ (P10H[k]));
/** 10^k for k <= 9, as int32 (the remainders of A and B are taken in int32). */
const P10I = Int32Array.from({ length: 10 }, (_, k) => 10 ** k);
/** 2^(e - 1075) for a biased exponent e: the gap between doubles with exponent e. */
const ULP = Array.from({ length: 2048 }, (_, e) => 2 ** (Math.max(e, 1) - 1075));

const LOG10_2 = Math.log10(2);
const bitar = new Float64Array(1);
const ord = new Uint32Array(bitar.buffer);

/** A margin far above the comparisons' rounding error (below 1e-13) and far below 1. */
const OSAKER = 1e-9;

/**
 * Writes the shortest exact decimal form of `v = tal[i]` (as `String(v)`) at `pos` in `buf` and
 * returns the position after it; returns -1 without writing when `v` is outside `[1e-6, 1e15)`
 * in magnitude, a whole number, or a case the fast path leaves to `String(v)`. `buf` must have
 * room for 25 bytes from `pos`: the bytes after the returned position, up to 25 from `pos`, may
 * be written too (they are not part of the number). The number is read here, from its column,
 * not passed: a fraction passed to a function that V8 does not inline is boxed, a new object per
 * call (22 MB of garbage per national table).
 * @param {Uint8Array} buf
 * @param {number} pos
 * @param {Float64Array} tal
 * @param {number} i
 * @returns {number}
 */
export function skrivKortaste(buf, pos, tal, i) {
  const v = /** @type {number} */ (tal[i]);
  let x = v;
  let tecken = 0;
  if (x < 0) {
    x = -x;
    tecken = 1;
  }
  if (!(x >= 1e-6 && x < 1e15) || Number.isInteger(x)) return -1;

  // 1. M = x * 10^K = hi + lo, 10^16 <= hi < 10^17. K from the binary exponent (at most one
  // too large: then the second try corrects it).
  bitar[0] = x;
  const hogt = /** @type {number} */ (ord[1]);
  const lagt = /** @type {number} */ (ord[0]);
  const exponent = (hogt >>> 20) & 0x7ff;
  let K = Math.min(22, 16 - Math.floor((exponent - 1023) * LOG10_2));
  let hi = 0;
  let lo = 0;
  for (let forsok = 0; forsok < 2; forsok++) {
    if (K > 22 || K < 0) return -1;
    const p = /** @type {number} */ (P10[K]);
    hi = x * p;
    const c = SPLIT * x;
    const xh = c - (c - x);
    const xl = x - xh;
    const ph = /** @type {number} */ (P10H[K]);
    const pl = /** @type {number} */ (P10L[K]);
    lo = xh * ph - hi + xh * pl + xl * ph + xl * pl;
    if (hi < 1e16) K++;
    else if (hi >= 1e17) K--;
    else break;
  }
  if (!(hi >= 1e16 && hi < 1e17)) return -1;
  // hi = A * 10^8 + B exactly (A * 10^8 is exact: A * 5^8 < 2^53); lo's whole part moves to B,
  // leaving |lo| <= 1/2 (exact: lo - round(lo) needs no more bits than lo has).
  const L = Math.round(lo);
  lo -= L;
  let A = Math.floor(hi / 1e8);
  let B = hi - A * 1e8 + L;
  if (B < 0) {
    A -= 1;
    B += 1e8;
  } else if (B >= 1e8) {
    A += 1;
    B -= 1e8;
  }

  // 2. The interval's half-widths.
  const hH = (/** @type {number} */ (ULP[exponent]) * /** @type {number} */ (P10[K])) / 2;
  const hL = (hogt & 0xfffff) === 0 && lagt === 0 ? hH / 2 : hH;

  // 3. The largest m with a multiple of 10^m in the interval; m = 0 always has one. For each m
  // the candidates are the multiples just below and just above M: with t = M's integer part
  // mod 10^m and base = that part with t cleared, M - base = t + lo (t >= 0, |lo| <= 1/2).
  let basA = A;
  let basB = B;
  let valdJ = 0;
  let valdM = -1;
  for (let m = 0; m <= 16; m++) {
    let dNed; // M minus the multiple below
    let dUpp; // the multiple above minus M
    let jNed; // the multiple below is base + jNed * 10^m
    let t = 0;
    let tA = 0;
    if (m <= 8) {
      const P = /** @type {number} */ (P10I[m]);
      t = (B | 0) % P;
      if (t + lo >= 0) {
        dNed = t + lo;
        dUpp = P - t - lo;
        jNed = 0;
      } else {
        // t = 0 and lo < 0: M is just below base.
        dNed = P + lo;
        dUpp = -lo;
        jNed = -1;
      }
    } else {
      // Within 12 of M only when M's last m digits are almost all 0 or all 9.
      const Q = /** @type {number} */ (P10I[m - 8]);
      tA = (A | 0) % Q;
      if (tA === 0 && B + lo >= 0) {
        dNed = B + lo;
        dUpp = Infinity;
        jNed = 0;
      } else if (tA === 0) {
        dNed = Infinity;
        dUpp = -lo;
        jNed = -1;
      } else if (tA === Q - 1) {
        dNed = Infinity;
        dUpp = 1e8 - B - lo;
        jNed = 0;
      } else break;
    }
    const ned = inom(dNed, hL);
    const upp = inom(dUpp, hH);
    if (ned < 0 || upp < 0) return -1;
    if (ned === 0 && upp === 0) break;
    let j = jNed;
    if (ned === 1 && upp === 1) {
      if (Math.abs(dNed - dUpp) <= OSAKER) return -1;
      if (dUpp < dNed) j++;
    } else if (upp === 1) j++;
    valdM = m;
    valdJ = j;
    if (m <= 8) {
      basA = A;
      basB = B - t;
    } else {
      basA = A - tA;
      basB = 0;
    }
  }
  if (valdM < 0) return -1;
  // The chosen decimal's 17 digits: (basA, basB) + valdJ * 10^valdM.
  let cA = basA;
  let cB = basB;
  if (valdM <= 8) {
    cB += valdJ * /** @type {number} */ (P10[valdM]);
  } else {
    cA += valdJ * /** @type {number} */ (P10[valdM - 8]);
  }
  if (cB < 0) {
    cA -= 1;
    cB += 1e8;
  } else if (cB >= 1e8) {
    cA += 1;
    cB -= 1e8;
  }
  if (!(cA >= 1e8 && cA < 1e9)) return -1;

  // The digits without trailing zeros: k of them (the last ones in b, or in a when b is 0).
  const a = cA | 0;
  const b = cB | 0;
  let k = 17;
  if (b === 0) {
    k = 9;
    for (let x = a; x % 10 === 0; x = (x / 10) | 0) k--;
  } else {
    for (let x = b; x % 10 === 0; x = (x / 10) | 0) k--;
  }
  // Number::toString's layout: n digits before the point, or (n <= 0) "0.", -n zeros and the
  // digits. All 17 digits are written, two at a time (`PAR`), one place to the right of where
  // the first goes when there is a point among them; then the first n move one place left and
  // the point goes in their place. The bytes past the k-th digit are not part of the number
  // (the caller writes over them; there is room: see above).
  const n = 17 - K;
  if (n >= k) return -1;
  if (tecken) buf[pos++] = 45;
  if (n <= 0) {
    buf[pos++] = 48;
    buf[pos++] = 46;
    for (let i = n; i < 0; i++) buf[pos++] = 48;
    skriv17(buf, pos, a, b);
    return pos + k;
  }
  skriv17(buf, pos + 1, a, b);
  for (let i = 0; i < n; i++) buf[pos + i] = /** @type {number} */ (buf[pos + i + 1]);
  buf[pos + n] = 46;
  return pos + k + 1;
}

/** The two-digit numbers 00 to 99 as ASCII, two bytes each. */
const PAR = Uint8Array.from({ length: 200 }, (_, i) => 48 + (i & 1 ? (i >> 1) % 10 : Math.floor((i >> 1) / 10)));

/**
 * Writes `a` (9 digits) and `b` (8 digits, zero-padded) as 17 digits at `pos`, two at a time.
 * @param {Uint8Array} buf
 * @param {number} pos
 * @param {number} a
 * @param {number} b
 */
function skriv17(buf, pos, a, b) {
  const a1 = (a / 100000000) | 0;
  const a8 = a - a1 * 100000000;
  buf[pos] = 48 + a1;
  skriv8(buf, pos + 1, a8);
  skriv8(buf, pos + 9, b);
}

/**
 * Writes `x` (0 <= x < 10^8) as 8 digits at `pos`, zero-padded.
 * @param {Uint8Array} buf
 * @param {number} pos
 * @param {number} x
 */
function skriv8(buf, pos, x) {
  const hog = (x / 10000) | 0;
  const lag = x - hog * 10000;
  const h1 = (hog / 100) | 0;
  const h2 = hog - h1 * 100;
  const l1 = (lag / 100) | 0;
  const l2 = lag - l1 * 100;
  buf[pos] = /** @type {number} */ (PAR[2 * h1]);
  buf[pos + 1] = /** @type {number} */ (PAR[2 * h1 + 1]);
  buf[pos + 2] = /** @type {number} */ (PAR[2 * h2]);
  buf[pos + 3] = /** @type {number} */ (PAR[2 * h2 + 1]);
  buf[pos + 4] = /** @type {number} */ (PAR[2 * l1]);
  buf[pos + 5] = /** @type {number} */ (PAR[2 * l1 + 1]);
  buf[pos + 6] = /** @type {number} */ (PAR[2 * l2]);
  buf[pos + 7] = /** @type {number} */ (PAR[2 * l2 + 1]);
}

/**
 * Whether a candidate at distance `d >= 0` from M lies within the half-width `h`: 1 inside, 0
 * outside, -1 too close to the edge to say (exactly on it, the candidate counts only when `v`'s
 * mantissa is even; left to `String(v)`).
 * @param {number} d
 * @param {number} h
 */
function inom(d, h) {
  const skillnad = d - h;
  if (skillnad < -OSAKER) return 1;
  if (skillnad > OSAKER) return 0;
  return -1;
}
