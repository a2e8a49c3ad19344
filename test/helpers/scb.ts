/**
 * Builds SCB-shaped test files: text in, bytes in the encoding SCB or a user would use. Like
 * SCB's downloads and Excel, the last line ends with a line ending too (the file's own, added
 * when the text has none): a file without one is cut (csv.avkortad). `{ lastLineEnding: false }`
 * keeps the text exactly as given (a cut file, or the first part of one).
 */
import iconv from "iconv-lite";

interface Options {
  /** Add a line ending after the last line when the text has none (default); false keeps the text as given. */
  readonly lastLineEnding?: boolean;
}

/** `text` with a line ending after its last line (the one its other lines have). */
export function withLastLineEnding(text: string): string {
  if (text === "" || /[\r\n]$/.test(text) || !/[\r\n]/.test(text)) return text;
  return text + (text.includes("\r\n") ? "\r\n" : text.includes("\n") ? "\n" : "\r");
}

export function latin1(text: string, { lastLineEnding = true }: Options = {}): Uint8Array {
  return iconv.encode(lastLineEnding ? withLastLineEnding(text) : text, "latin1");
}

export function windows1252(text: string, { lastLineEnding = true }: Options = {}): Uint8Array {
  return iconv.encode(lastLineEnding ? withLastLineEnding(text) : text, "windows-1252");
}

export function utf8(text: string, { bom = false, lastLineEnding = true }: Options & { bom?: boolean } = {}): Uint8Array {
  const body = Buffer.from(lastLineEnding ? withLastLineEnding(text) : text, "utf8");
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Lines joined with CRLF, as SCB's download writes them. */
export function crlf(...lines: string[]): string {
  return lines.join("\r\n") + "\r\n";
}
