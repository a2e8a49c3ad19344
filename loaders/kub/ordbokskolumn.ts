/**
 * A dictionary-encoded text column for arquero tables: the row's code indexes a list of values.
 * arquero reads a column through `length` and `at(row)`, so a tidy table of a million rows holds
 * one small list of strings per column and an index per row, never a million string
 * references; the CSV writer encodes each distinct value once (`publish/tabellcsv.ts`).
 *
 * `Ordbokskolumn(rader, nyckel, ordbok)`: row i's value is `ordbok[nyckel[rader[i]]]`, where
 * `rader` maps rows to series (or periods) and `nyckel` series to codes, so the per-row array
 * is shared by every column of the same level.
 */
export class Ordbokskolumn {
  constructor(
    /** Per row: the key (a series or a period number). */
    readonly rader: Int32Array,
    /** Per key: the code in `ordbok`; undefined when the key is the code. */
    readonly nyckel: Int32Array | undefined,
    readonly ordbok: readonly string[],
  ) {}

  get length(): number {
    return this.rader.length;
  }

  /** The code of row i. */
  kod(i: number): number {
    return this.nyckel ? this.nyckel[this.rader[i]!]! : this.rader[i]!;
  }

  at(i: number): string {
    return this.ordbok[this.kod(i)]!;
  }

  *[Symbol.iterator](): Generator<string> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}
