// @ts-check
/**
 * A varint (unsigned LEB128), as Snappy's length and Parquet's RLE/bit-packed headers are
 * written: seven bits per byte, lowest first, the high bit set on every byte but the last.
 */

/**
 * Writes `v` (0 <= v < 2^31) at `pos` in `ut`; returns the position after it.
 * @param {Uint8Array} ut
 * @param {number} pos
 * @param {number} v
 * @returns {number}
 */
export function skrivVarint(ut, pos, v) {
  while (v > 0x7f) {
    ut[pos++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  ut[pos++] = v;
  return pos;
}
