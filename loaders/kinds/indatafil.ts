/**
 * One file of the data folder, read once: its bytes, then (when asked for, and only once) its
 * decoded text, its parsed table and its reading as an SCB table. Recognition and reading share
 * these, so no file is decoded or parsed twice.
 *
 * Findings made while decoding and parsing are kept aside: they count only when the file turns
 * out to be one the pipeline uses (or cannot be read at all), never for a file that is passed over.
 */
import { extname } from "node:path";
import { readDelimited, type DelimitedText } from "../read/delimited.ts";
import { decodeOrReport, tableFrom, type PxTable } from "../read/pxweb.ts";
import type { Encoding } from "../read/decode.ts";
import { labelKey } from "../normalise/labels.ts";
import { Findings } from "../validate/findings.ts";

export class Indatafil {
  /** Findings from decoding and parsing. */
  readonly fynd = new Findings();
  /** Findings from reading the table as an SCB table (kept only when it is one). */
  readonly scbFynd = new Findings();
  private avkodad: { text: string; encoding: Encoding } | null | undefined;
  private tolkad: DelimitedText | null | undefined;
  private rubrikNycklar: readonly string[] | undefined;
  private scb: PxTable | null | undefined;

  constructor(
    /** The path as the user gave it (data folder + name). */
    readonly fil: string,
    readonly bytes: Uint8Array,
  ) {}

  /** The extension in lower case, with its dot (`.csv`), or "". */
  get ext(): string {
    return extname(this.fil).toLowerCase();
  }

  /** The decoded text; undefined (with a finding) when the bytes are not text we can read. */
  text(forvantat?: string): { text: string; encoding: Encoding } | undefined {
    if (this.avkodad === undefined) this.avkodad = decodeOrReport(this.bytes, this.fil, this.fynd, forvantat) ?? null;
    return this.avkodad ?? undefined;
  }

  /** The parsed table (header and rows with their line numbers). */
  tabell(): DelimitedText | undefined {
    if (this.tolkad === undefined) {
      const t = this.text();
      this.tolkad = (t && readDelimited(t.text, this.fil, this.fynd)) ?? null;
    }
    return this.tolkad ?? undefined;
  }

  /** The header's label keys (`Kön` -> `kon`). */
  rubrik(): readonly string[] {
    this.rubrikNycklar ??= this.tabell()?.header.fields.map(labelKey) ?? [];
    return this.rubrikNycklar;
  }

  /** The table read as an SCB (PxWeb) table: dimensions, time and values. */
  scbTabell(): PxTable | undefined {
    if (this.scb === undefined) {
      const t = this.tabell();
      this.scb = (t && tableFrom(t, this.fil, this.avkodad!.encoding, this.scbFynd)) ?? null;
    }
    return this.scb ?? undefined;
  }
}
