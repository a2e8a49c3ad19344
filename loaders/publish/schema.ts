/**
 * One schema per output table: its columns, their types and a one-line description of each.
 * A schema drives the CSV writer (csv.ts), the Parquet writer (parquet.ts), the site's page
 * data (sidor/) and the column tables of docs/utdata.md (generated; a test checks they agree).
 *
 * An output table is an arquero table plus its schema (`Utdatatabell`): the contract between
 * the computations and everything that publishes them.
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { Ordbokskolumn } from "../kub/ordbokskolumn.ts";
import type { Kolumndata, Tabelldata } from "./tabelldata.js";

/** `text`: a string; `tal`: a finite number (never rounded); `heltal`: an integer. */
export type Kolumntyp = "text" | "tal" | "heltal";

export interface Kolumn {
  readonly namn: string;
  readonly typ: Kolumntyp;
  /** One line for docs/utdata.md (Markdown). */
  readonly beskrivning: string;
  /** The value can be missing: an empty field in the CSV, null in Parquet and on the site. */
  readonly saknas?: boolean;
}

export interface Schema {
  /** The table's name: its files are `<namn>.csv` and `<namn>.parquet`. */
  readonly namn: string;
  /** One line about the table (Markdown), for docs/utdata.md and `finsam --help`. */
  readonly beskrivning: string;
  readonly kolumner: readonly Kolumn[];
  /** Written only by `finsam run --intern`; never published. */
  readonly intern?: boolean;
}

/** Declares a schema; the names must be unique and the types known. */
export function schema<const S extends Schema>(s: S): S {
  const sedda = new Set<string>();
  for (const k of s.kolumner) {
    if (sedda.has(k.namn)) throw new Error(`schemat ${s.namn} har kolumnen ${k.namn} två gånger`);
    if (!/^[a-z][a-z0-9_]*$/.test(k.namn)) throw new Error(`schemat ${s.namn}: ogiltigt kolumnnamn ${k.namn}`);
    sedda.add(k.namn);
  }
  return s;
}

type Varde<K extends Kolumn> = (K["typ"] extends "text" ? string : number) | (K["saknas"] extends true ? null : never);

/** A row of a table with schema `S`, typed by the schema (for the site and for tests). */
export type Rad<S extends Schema> = { readonly [K in S["kolumner"][number] as K["namn"]]: Varde<K> };

export interface Utdatatabell<S extends Schema = Schema> {
  readonly schema: S;
  /** Exactly the schema's columns, rows in the published order. */
  readonly tabell: ColumnTable;
}

export function csvNamn(s: Schema): string {
  return `${s.namn}.csv`;
}

/** Whether `v` is a value of column `k` (null only where the schema allows it). */
export function arGiltigt(k: Kolumn, v: unknown): boolean {
  if (v === null || v === undefined) return k.saknas === true;
  switch (k.typ) {
    case "text":
      return typeof v === "string";
    case "tal":
      return typeof v === "number" && Number.isFinite(v);
    case "heltal":
      return typeof v === "number" && Number.isInteger(v);
  }
}

function fel(s: Schema, k: Kolumn, rad: number, v: unknown): Error {
  return new Error(`utdata ${s.namn}: rad ${rad + 1}, kolumn ${k.namn}: ${JSON.stringify(v)} är inte ${k.typ}${k.saknas ? "" : " (får inte saknas)"}`);
}

/**
 * An output table from row objects (small tables, and computations that still build rows):
 * one column per schema column, in the schema's order. A value of the wrong type is a bug in
 * the computation, never in the user's input, and throws. `undefined` and, for text that may
 * be missing, `""` become null.
 */
export function tabellFranRader<S extends Schema>(schema: S, rader: readonly object[]): Utdatatabell<S> {
  const kolumner: Record<string, unknown[]> = {};
  for (const k of schema.kolumner) {
    const varden = new Array<unknown>(rader.length);
    for (let i = 0; i < rader.length; i++) {
      let v = (rader[i] as Record<string, unknown>)[k.namn];
      if (v === undefined || (v === "" && k.typ === "text" && k.saknas)) v = null;
      if (!arGiltigt(k, v)) throw fel(schema, k, i, v);
      varden[i] = v;
    }
    kolumner[k.namn] = varden;
  }
  return { schema, tabell: aq.table(kolumner) };
}

/**
 * An output table from an arquero table that already has the schema's columns (the cube's
 * results): the columns are picked in the schema's order and every value is checked.
 */
export function tabellFranArquero<S extends Schema>(schema: S, tabell: ColumnTable): Utdatatabell<S> {
  const saknade = schema.kolumner.filter((k) => !tabell.columnNames().includes(k.namn));
  if (saknade.length) throw new Error(`utdata ${schema.namn}: kolumnerna ${saknade.map((k) => k.namn).join(", ")} saknas`);
  const t = tabell.select(schema.kolumner.map((k) => k.namn));
  // The rows in the table's order: none needed when it is the columns' own (a cube's long table).
  const ordning = t.isFiltered() || t.isOrdered() ? t.indices() : undefined;
  for (const k of schema.kolumner) {
    const kolumn = t.column(k.namn)! as unknown as { at(i: number): unknown; ordbok?: readonly unknown[] };
    if (kolumn instanceof Float64Array) {
      const i = forstaFelaktigaTal(kolumn, ordning, t.numRows(), k.typ, k.saknas === true);
      if (i >= 0) {
        const v = kolumn[ordning ? ordning[i]! : i]!;
        throw fel(schema, k, i, Number.isNaN(v) ? null : v);
      }
      continue;
    }
    // A dictionary column: its rows can only hold the dictionary's values, so when they are all
    // valid so is every row (otherwise the rows are checked, to name the first bad one).
    if (kolumn instanceof Ordbokskolumn && kolumn.ordbok.every((v) => arGiltigt(k, v))) continue;
    const index = ordning ?? t.indices();
    for (let i = 0; i < index.length; i++) {
      const v = kolumn.at(index[i]!);
      if (!arGiltigt(k, v)) throw fel(schema, k, i, v);
    }
  }
  return { schema, tabell: t };
}

/**
 * The first row (of `n`, in the order of `index` or else the column's own) of a number column of
 * the cube whose value its type does not allow, or -1. NaN is a missing value; every other value
 * is a number, so only finiteness (and, for heltal, wholeness) is left to check. Its own small
 * function: optimised once, it is fast for every table (a loop inside a function called a few
 * times runs unoptimised for a while at each call).
 */
function forstaFelaktigaTal(kolumn: Float64Array, index: Uint32Array | undefined, n: number, typ: Kolumn["typ"], saknas: boolean): number {
  const heltal = typ === "heltal";
  const text = typ === "text";
  for (let i = 0; i < n; i++) {
    const v = kolumn[index === undefined ? i : index[i]!]!;
    if (Number.isNaN(v)) {
      if (!saknas) return i;
    } else if (text || !Number.isFinite(v) || (heltal && !Number.isInteger(v))) {
      return i;
    }
  }
  return -1;
}

/** The rows of an output table as objects (tests, and the small tables of the site). */
export function rader<S extends Schema>(t: Utdatatabell<S>): Rad<S>[] {
  return t.tabell.objects() as Rad<S>[];
}

/** From this many rows on, a table's order is kept on shared memory (posted to the writer thread without a copy). */
const DELAD_ORDNING = 10_000;

/**
 * The table as the file writers take it (`tabelldata.js`): the cube's columns as they are (a
 * Float64Array, a dictionary column's keys, codes and values), any other column's values in the
 * published order, and the published order of the rows (undefined when it is 0, 1, 2, ...).
 * Built once per table; the CSV and the Parquet writers, in either thread, read the same data.
 */
export function tabelldata(t: Utdatatabell): Tabelldata {
  const tabell = t.tabell;
  const identitet = !tabell.isFiltered() && !tabell.isOrdered();
  let index: Uint32Array | undefined;
  const ordning = (): Uint32Array => {
    if (index) return index;
    const ix = tabell.indices();
    if (ix.length < DELAD_ORDNING) return (index = ix);
    index = new Uint32Array(new SharedArrayBuffer(ix.length * 4));
    index.set(ix);
    return index;
  };
  const data = t.schema.kolumner.map((k): Kolumndata => {
    const kolumn = tabell.column(k.namn)! as unknown as { at(i: number): unknown; ordbok?: readonly string[]; rader?: Int32Array; nyckel?: Int32Array } & ArrayLike<unknown>;
    if (kolumn instanceof Float64Array) return { slag: "tal", tal: kolumn };
    if (Array.isArray(kolumn.ordbok) && kolumn.rader instanceof Int32Array) return { slag: "ordbok", rader: kolumn.rader, nyckel: kolumn.nyckel, ordbok: kolumn.ordbok };
    const ix = ordning();
    const varden = new Array<unknown>(ix.length);
    for (let i = 0; i < ix.length; i++) varden[i] = kolumn.at(ix[i]!);
    return { slag: "varden", varden };
  });
  return { namn: t.schema.namn, kolumner: t.schema.kolumner, data, antal: tabell.numRows(), index: identitet ? undefined : ordning() };
}
