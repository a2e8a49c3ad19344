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

export type NotText =
  | { readonly kind: "tom" }
  | { readonly kind: "xlsx" }
  | { readonly kind: "binar"; readonly offset: number };

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decode(bytes: Uint8Array): Decoded | NotText {
  if (bytes.length === 0) return { kind: "tom" };
  // Zip container (xlsx, docx) renamed to .csv.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return { kind: "xlsx" };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return checked({ text: decodeUtf8OrLatin(bytes.subarray(3)), encoding: "utf-8-bom" });
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return checked({ text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le"), encoding: "utf-16le" });
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return checked({ text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be"), encoding: "utf-16be" });
  }
  try {
    return checked({ text: utf8.decode(bytes), encoding: "utf-8" });
  } catch {
    return checked({ text: iconv.decode(Buffer.from(bytes), "windows-1252"), encoding: "windows-1252" });
  }
}

function decodeUtf8OrLatin(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), "windows-1252");
  }
}

/** Text files have no NUL and few control characters; anything else is binary junk. */
function checked(d: Decoded): Decoded | NotText {
  const nul = d.text.indexOf("\u0000");
  if (nul >= 0) return { kind: "binar", offset: nul };
  const sample = d.text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f)) control++;
  }
  if (control > 0 && control / sample.length > 0.01) return { kind: "binar", offset: 0 };
  return d;
}

export const ENCODING_NAMES: Record<Encoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 med BOM",
  "utf-16le": "UTF-16 (little endian)",
  "utf-16be": "UTF-16 (big endian)",
  "windows-1252": "ISO-8859-1/Windows-1252",
};
