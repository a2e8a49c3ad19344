/** Builds SCB-shaped test files: text in, bytes in the encoding SCB or a user would use. */
import iconv from "iconv-lite";

export function latin1(text: string): Uint8Array {
  return iconv.encode(text, "latin1");
}

export function windows1252(text: string): Uint8Array {
  return iconv.encode(text, "windows-1252");
}

export function utf8(text: string, { bom = false } = {}): Uint8Array {
  const body = Buffer.from(text, "utf8");
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Lines joined with CRLF, as SCB's download writes them. */
export function crlf(...lines: string[]): string {
  return lines.join("\r\n") + "\r\n";
}
