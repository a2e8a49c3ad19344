/**
 * An output table, or some of its rows, as a Sidtabell: column-wise JSON for the site
 * (src/components/sidodata.ts decodes it). Text columns become a dictionary and an index per
 * row; numbers stay unrounded. The columns and their types are the schema's.
 */
import type { Sidkolumn, Sidtabell } from "../../../src/components/sidodata.ts";
import type { Utdatatabell } from "../schema.ts";

/**
 * The rows `rader` (row indices of the table, in order; all rows when left out) of `t`; only the
 * columns `bara` (in the schema's order) when given, for a page that shows no other.
 */
export function sidtabell(t: Utdatatabell, rader?: ArrayLike<number>, bara?: readonly string[]): Sidtabell {
  const index = rader ?? t.tabell.indices();
  const valda = bara ? t.schema.kolumner.filter((k) => bara.includes(k.namn)) : t.schema.kolumner;
  if (bara && valda.length !== bara.length) throw new Error(`${t.schema.namn}: okända kolumner ${bara.filter((n) => !valda.some((k) => k.namn === n)).join(", ")}`);
  const kolumner: Sidkolumn[] = valda.map((k) => {
    const kolumn = t.tabell.column(k.namn)!;
    if (k.typ === "text") {
      const ordbok: (string | null)[] = [];
      const plats = new Map<string | null, number>();
      const ix = new Array<number>(index.length);
      for (let i = 0; i < index.length; i++) {
        const v = (kolumn.at(index[i]!) ?? null) as string | null;
        let p = plats.get(v);
        if (p === undefined) {
          p = ordbok.length;
          ordbok.push(v);
          plats.set(v, p);
        }
        ix[i] = p;
      }
      return { namn: k.namn, typ: "text", ordbok, index: ix };
    }
    const varden = new Array<number | null>(index.length);
    for (let i = 0; i < index.length; i++) varden[i] = (kolumn.at(index[i]!) ?? null) as number | null;
    return { namn: k.namn, typ: k.typ, varden };
  });
  return { tabell: t.schema.namn, rader: index.length, kolumner };
}

/** Row indices of `t` where `villkor` holds for the row (read as an object of its columns). */
export function urval(t: Utdatatabell, villkor: (rad: Record<string, unknown>) => boolean): number[] {
  const namn = t.schema.kolumner.map((k) => k.namn);
  const kolumner = namn.map((n) => t.tabell.column(n)!);
  const ut: number[] = [];
  const rad: Record<string, unknown> = {};
  for (const i of t.tabell.indices()) {
    for (let j = 0; j < namn.length; j++) rad[namn[j]!] = kolumner[j]!.at(i);
    if (villkor(rad)) ut.push(i);
  }
  return ut;
}

/** Row indices per region (`niva` and `kod`), in the table's order. */
export function perRegion(t: Utdatatabell): Map<string, number[]> {
  const niva = t.tabell.column("niva")!;
  const kod = t.tabell.column("kod")!;
  const ut = new Map<string, number[]>();
  for (const i of t.tabell.indices()) {
    const nyckel = regionfil(niva.at(i) as string, kod.at(i) as string);
    let lista = ut.get(nyckel);
    if (!lista) ut.set(nyckel, (lista = []));
    lista.push(i);
  }
  return ut;
}

/** The name of a region's file: `kommun-2080`, `forbund-falun-borlange`, `riket-00`. */
export function regionfil(niva: string, kod: string): string {
  return `${niva}-${kod}`;
}
