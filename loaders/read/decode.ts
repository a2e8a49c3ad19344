/**
 * Bytes to text. SCB downloads are ISO-8859-1 without BOM; files re-saved by users may be
 * Windows-1252, UTF-8 with or without BOM, or UTF-16 ("Unicode-text" from Excel).
 * Node's TextDecoder("windows-1252") maps 0x80-0x9F to control characters (nodejs/node#60888),
 * so single-byte text is decoded with iconv-lite.
 */
import iconv from "iconv-lite";

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
}

/** Where in the file (1-based line, and character in the line). */
export interface Place {
  readonly line: number;
  readonly column: number;
}

export type NotText =
  | { readonly kind: "tom" }
  | { readonly kind: "xlsx" }
  /** An OLE compound file: an old Excel .xls, or an Excel workbook protected by a password. */
  | { readonly kind: "ole" }
  | ({ readonly kind: "binar"; readonly utf16: boolean } & Place)
  /** A line longer than MAX_LINE_LENGTH: not a table, and never parsed into one huge field. */
  | { readonly kind: "lang_rad"; readonly line: number; readonly length: number }
  /** A byte order mark after the start: several files joined together. */
  | ({ readonly kind: "bom" } & Place)
  /** UTF-8 and single-byte text in one file; the place is where the less common one starts. */
  | ({ readonly kind: "blandad"; readonly minority: "utf-8" | "windows-1252" } & Place)
  /** UTF-8 that was decoded as Windows-1252 and saved as UTF-8 again (`Ã¤` for `ä`). */
  | ({ readonly kind: "dubbelkodad" } & Place);

/** Longest line read (bytes or characters): SCB's widest downloads have lines of about 70 000. */
export const MAX_LINE_LENGTH = 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");

export function decode(bytes: Uint8Array): Decoded | NotText {
  if (bytes.length === 0) return { kind: "tom" };
  // Zip container (xlsx, docx) renamed to .csv.
  if (isXlsx(bytes)) return { kind: "xlsx" };
  if (OLE.every((b, i) => bytes[i] === b)) return { kind: "ole" };
  // Before any decoding: a 200 MB line is rejected without building a 200 MB string.
  const long = longLine(bytes);
  if (long) return { kind: "lang_rad", ...long };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return checked({ text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le"), encoding: "utf-16le" });
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return checked({ text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be"), encoding: "utf-16be" });
  }
  const bomAt = indexOfBom(bytes, 1);
  if (bomAt >= 0) return { kind: "bom", ...place(bytes, bomAt) };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const encoding = body === bytes ? "utf-8" : "utf-8-bom";
  try {
    return checked({ text: utf8.decode(body), encoding });
  } catch {
    const d = checked({ text: enkelbyte(body), encoding: "windows-1252" });
    if ("kind" in d) return d;
    const mixed = mixedEncoding(body);
    if (mixed) return { kind: "blandad", minority: mixed.minority, ...place(body, mixed.offset) };
    return d;
  }
}

/**
 * Single-byte text as Windows-1252. Without a byte in 0x80-0x9F (SCB's ISO-8859-1 never has one)
 * Windows-1252 is ISO-8859-1, which Node decodes natively into a one-byte string: about ten
 * times faster than iconv-lite, whose string takes two bytes per character (so does every field
 * cut from it). Otherwise iconv-lite maps those bytes (0x80 is €). Whether there is one is asked
 * of the decoded string with a regular expression (native code: about 3 ms less on a national
 * file than a loop over the bytes, which runs once and mostly unoptimised).
 */
export function enkelbyte(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
  return C1.test(text) ? iconv.decode(Buffer.from(bytes), "windows-1252") : text;
}

/** A character U+0080-U+009F: in a Latin-1 decoding, a byte in 0x80-0x9F. */
const C1 = /[\x80-\x9f]/;

/** The first line longer than MAX_LINE_LENGTH bytes, if any (lines end in LF, CRLF or CR). */
function longLine(bytes: Uint8Array): { line: number; length: number } | undefined {
  if (bytes.length <= MAX_LINE_LENGTH) return undefined;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    // A long stretch without LF may be short lines ending in CR alone (old Mac files).
    for (let from = start; end - from > MAX_LINE_LENGTH; ) {
      const cr = bytes.indexOf(0x0d, from);
      const stop = cr < 0 || cr >= end ? end : cr;
      if (stop - from > MAX_LINE_LENGTH) return { line: place(bytes, from).line, length: stop - from };
      from = stop + 1;
    }
    start = end + 1;
  }
  return undefined;
}

function indexOfBom(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(0xef, from); i >= 0; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) return i;
  }
  return -1;
}

/**
 * When bytes that are not UTF-8 also hold UTF-8 sequences for letters (`ä` as C3 A4), the file
 * mixes encodings (e.g. lines pasted from another file): the offset of the less common one.
 * Only sequences for U+00A0-U+00FF and U+2000-U+20AC count, so Windows-1252 text would have to
 * hold `Ã` or `Â` before a symbol to be mistaken for UTF-8.
 */
function mixedEncoding(bytes: Uint8Array): { offset: number; minority: "utf-8" | "windows-1252" } | undefined {
  // SCB's ISO-8859-1 never has Â, Ã or â: the usual file is passed without looking at each byte.
  if (bytes.indexOf(0xc2) < 0 && bytes.indexOf(0xc3) < 0 && bytes.indexOf(0xe2) < 0) return undefined;
  let utf8Count = 0;
  let singleCount = 0;
  let firstUtf8 = -1;
  let firstSingle = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const c1 = bytes[i + 1] ?? 0;
    const c2 = bytes[i + 2] ?? 0;
    let n = 0;
    if ((b === 0xc2 || b === 0xc3) && (c1 & 0xc0) === 0x80) n = 2;
    else if (b === 0xe2 && (c1 === 0x80 || c1 === 0x82) && (c2 & 0xc0) === 0x80) n = 3;
    if (n > 0) {
      if (firstUtf8 < 0) firstUtf8 = i;
      utf8Count++;
      i += n - 1;
    } else {
      if (firstSingle < 0) firstSingle = i;
      singleCount++;
    }
  }
  if (utf8Count === 0 || singleCount === 0) return undefined;
  return utf8Count < singleCount ? { offset: firstUtf8, minority: "utf-8" } : { offset: firstSingle, minority: "windows-1252" };
}

/**
 * Line and character of a byte offset (characters counted as UTF-8 where the bytes are). Lines
 * end in LF, CRLF or CR alone, as editors show them. Only for places that are reported.
 */
function place(bytes: Uint8Array, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: utf8Lenient.decode(bytes.subarray(lineStart, offset)).length + 1 };
}

/** Line and character of an index in a text (lines end in LF, CRLF or CR alone). */
export function textPlace(text: string, index: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/** `Ã` or `Â` followed by what Windows-1252 makes of a UTF-8 continuation byte. */
const DOUBLE_ENCODED = /[ÂÃ][\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

/** Text files have no NUL and few control characters; anything else is binary junk. */
function checked(d: Decoded): Decoded | NotText {
  const nul = d.text.indexOf("\u0000");
  if (nul >= 0) return { kind: "binar", utf16: looksLikeUtf16(d.text), ...textPlace(d.text, nul) };
  const sample = d.text.slice(0, 65536);
  let control = 0;
  let first = -1;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f)) {
      control++;
      if (first < 0) first = i;
    }
  }
  if (control > 0 && control / sample.length > 0.01) return { kind: "binar", utf16: false, ...textPlace(d.text, first) };
  if (d.encoding === "utf-8" || d.encoding === "utf-8-bom") {
    const m = DOUBLE_ENCODED.exec(d.text);
    if (m) return { kind: "dubbelkodad", ...textPlace(d.text, m.index) };
  }
  return d;
}

/** Every other character NUL: UTF-16 saved without its byte order mark. */
function looksLikeUtf16(text: string): boolean {
  const sample = text.slice(0, 2000);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0) (i % 2 === 0 ? even++ : odd++);
  return Math.max(even, odd) >= 0.4 * sample.length;
}

export const ENCODING_NAMES: Record<Encoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 med BOM",
  "utf-16le": "UTF-16 (little endian)",
  "utf-16be": "UTF-16 (big endian)",
  "windows-1252": "ISO-8859-1/Windows-1252",
};

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A zip container (xlsx, docx): starts with the local file header `PK\x03\x04`. */
export function isXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
