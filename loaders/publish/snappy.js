// @ts-check
/**
 * Snappy compression for the Parquet writer (`parquetfil.js`): the same algorithm, with the same
 * output byte for byte, as hyparquet-writer's own `snappyCompress` (a port of snappyjs, MIT,
 * Copyright (c) 2016 Zhipeng Jia), but writing into one output array sized for the worst case
 * instead of a growing writer one byte at a time through a DataView. The national tables' pages
 * (up to 800 kB each, about 35 MB in all for helårsekvivalenter) are compressed about twice as
 * fast. A test compares the two on pages of every kind the writer makes.
 *
 * The whole input is one block: a literal or a copy of up to 64 bytes from at most 65 535 bytes
 * back, found through a hash table of the last position of each 4-byte sequence. The 4-byte
 * sequences are read as one little-endian word through a DataView (the same number as the four
 * bytes put together), and a match is extended four bytes at a time before the last few one by
 * one: the same copies, in about three quarters of the time that reading byte by byte took.
 */

import { skrivVarint } from "./varint.js";

const MAX_HASH_TABLE_BITS = 14;
const MAX_OFFSET = 0xffff;
const INPUT_MARGIN = 15;
/** @type {(Uint32Array | undefined)[]} */
const hashTables = new Array(MAX_HASH_TABLE_BITS + 1);

/**
 * A 4-byte little-endian sequence at `p`, hashed.
 * @param {DataView} a
 * @param {number} p
 * @param {number} shift
 */
function hash(a, p, shift) {
  return Math.imul(a.getUint32(p, true), 0x1e35a7bd) >>> shift;
}

/**
 * @param {DataView} a
 * @param {number} x
 * @param {number} y
 */
function lika32(a, x, y) {
  return a.getUint32(x, true) === a.getUint32(y, true);
}

/**
 * A literal of `len` bytes from `from`, written at `op`; returns the position after it.
 * @param {Uint8Array} out
 * @param {number} op
 * @param {Uint8Array} input
 * @param {number} from
 * @param {number} len
 */
function literal(out, op, input, from, len) {
  if (len <= 60) out[op++] = (len - 1) << 2;
  else {
    const v = len - 1;
    // 1 to 4 bytes, from the highest bit set (not a chain of comparisons: a long literal is rare,
    // and a comparison first met late throws the optimised code away).
    const bytes = (32 - Math.clz32(v) + 7) >> 3;
    out[op++] = (59 + bytes) << 2;
    for (let i = 0; i < bytes; i++) out[op++] = (v >>> (i * 8)) & 0xff;
  }
  if (len < 32) for (let i = 0; i < len; i++) out[op + i] = /** @type {number} */ (input[from + i]);
  else out.set(input.subarray(from, from + len), op);
  return op + len;
}

/**
 * A copy of `len` bytes from `offset` back, written at `op`; returns the position after it.
 * @param {Uint8Array} out
 * @param {number} op
 * @param {number} offset
 * @param {number} len
 */
function kopia(out, op, offset, len) {
  while (len > 0) {
    // 64 bytes at a time, then one of 60 when more than 64 are left, so that the last is at least 4.
    const m = len >= 68 ? 64 : len > 64 ? 60 : len;
    if (m < 12 && offset < 2048) {
      out[op++] = 1 + ((m - 4) << 2) + ((offset >>> 8) << 5);
      out[op++] = offset & 0xff;
    } else {
      out[op++] = 2 + ((m - 1) << 2);
      out[op++] = offset & 0xff;
      out[op++] = (offset >>> 8) & 0xff;
    }
    len -= m;
  }
  return op;
}

/**
 * The output array, used again at every call (grown when a page needs more): a national table's
 * pages would otherwise be some 40 MB of fresh memory.
 */
let utrymme = new Uint8Array(0);

/**
 * The input compressed. The result is a view of an array this function uses again at its next
 * call (in the same thread): the Parquet writer appends the bytes to the file before it
 * compresses the next page.
 * @param {Uint8Array} input
 * @returns {Uint8Array}
 */
export function snappy(input) {
  const n = input.length;
  // Snappy's bound on the compressed length, plus the length's varint.
  const behov = 32 + n + Math.floor(n / 6) + 5;
  if (utrymme.length < behov) utrymme = new Uint8Array(Math.max(behov, 2 * utrymme.length));
  const out = utrymme;
  let op = 0;
  // The uncompressed length as a varint.
  op = skrivVarint(out, op, n);

  let hashTableBits = 1;
  while (1 << hashTableBits <= n && hashTableBits <= MAX_HASH_TABLE_BITS) hashTableBits++;
  hashTableBits--;
  const shift = 32 - hashTableBits;
  const table = (hashTables[hashTableBits] ??= new Uint32Array(1 << hashTableBits));
  table.fill(0);

  let nextEmit = 0;
  const dv = new DataView(input.buffer, input.byteOffset, input.byteLength);
  if (n >= INPUT_MARGIN) {
    const ipLimit = n - INPUT_MARGIN;
    let ip = 1;
    let nextHash = hash(dv, ip, shift);
    for (;;) {
      // Look for a match, taking bigger steps the longer none is found.
      let skip = 32;
      let nextIp = ip;
      let candidate = 0;
      let slut = false;
      do {
        ip = nextIp;
        const h = nextHash;
        nextIp = ip + (skip >>> 5);
        skip++;
        if (ip > ipLimit) {
          slut = true;
          break;
        }
        // Past the limit the loop ends before the hash is used (snappyjs reads past the input
        // there; here it is not read, so V8 does not throw away the code for reading past it).
        nextHash = nextIp <= ipLimit ? hash(dv, nextIp, shift) : 0;
        candidate = /** @type {number} */ (table[h]);
        table[h] = ip;
      } while (ip - candidate > MAX_OFFSET || !lika32(dv, ip, candidate));
      if (slut) break;
      op = literal(out, op, input, nextEmit, ip - nextEmit);
      // Copies as long as the next position matches too.
      do {
        const base = ip;
        let matched = 4;
        while (ip + matched + 4 <= n && dv.getUint32(ip + matched, true) === dv.getUint32(candidate + matched, true)) matched += 4;
        while (ip + matched < n && input[ip + matched] === input[candidate + matched]) matched++;
        ip += matched;
        op = kopia(out, op, base - candidate, matched);
        nextEmit = ip;
        if (ip >= ipLimit) {
          slut = true;
          break;
        }
        table[hash(dv, ip - 1, shift)] = ip - 1;
        const h = hash(dv, ip, shift);
        candidate = /** @type {number} */ (table[h]);
        table[h] = ip;
      } while (ip - candidate <= MAX_OFFSET && lika32(dv, ip, candidate));
      if (slut) break;
      ip++;
      nextHash = hash(dv, ip, shift);
    }
  }
  if (nextEmit < n) op = literal(out, op, input, nextEmit, n - nextEmit);
  return out.subarray(0, op);
}
