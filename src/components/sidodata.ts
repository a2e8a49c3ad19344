// Sidornas data i webbläsaren. Dataladdaren src/data/sida.zip.ts publicerar det varje sida
// visar (loaders/publish/sidor/), aldrig en hel tabell ur utdatan: en fil per sida och, för
// sidor med ett regionval, en fil per region som hämtas först när regionen väljs.
//
// En tabell i sidornas data (Sidtabell) är kolumnvis JSON med utdatatabellens kolumnnamn och
// typer (samma schema som CSV-filen, docs/utdata.md): textkolumner som en ordlista och ett
// index per rad, talkolumner som tal eller null. Talen är oavrundade, som i CSV-filen.
import type { Kolumntyp, Rad, Schema } from "../../loaders/publish/schema.ts";

export type Sidkolumn =
  | { namn: string; typ: "text"; ordbok: (string | null)[]; index: number[] }
  | { namn: string; typ: Exclude<Kolumntyp, "text">; varden: (number | null)[] };

export interface Sidtabell {
  /** Utdatatabellens namn (schemat), t.ex. `arbetsmarknadsstatus`. */
  tabell: string;
  rader: number;
  kolumner: Sidkolumn[];
}

/** Raderna i en sidtabell som objekt med schemats kolumner (`Rad<S>`). */
export function avkoda<S extends Schema>(t: Sidtabell, schema?: S["namn"]): Rad<S>[] {
  if (schema !== undefined && t.tabell !== schema) throw new Error(`väntade tabellen ${schema}, fick ${t.tabell}`);
  const ut = new Array(t.rader);
  for (let i = 0; i < t.rader; i++) ut[i] = {};
  for (const k of t.kolumner) {
    if (k.typ === "text") {
      if (k.index.length !== t.rader) throw new Error(`${t.tabell}.${k.namn}: ${k.index.length} värden, väntade ${t.rader}`);
      for (let i = 0; i < t.rader; i++) ut[i][k.namn] = k.ordbok[k.index[i]!] ?? null;
    } else {
      if (k.varden.length !== t.rader) throw new Error(`${t.tabell}.${k.namn}: ${k.varden.length} värden, väntade ${t.rader}`);
      for (let i = 0; i < t.rader; i++) ut[i][k.namn] = k.varden[i] ?? null;
    }
  }
  return ut as Rad<S>[];
}

/** En del av en sida (en region): filen i samma mapp som sidans indexfil, och dess version. */
export interface Del {
  fil: string;
  version: string;
}

/**
 * Adressen till en del i samma mapp som indexfilen `index` (en FileAttachment). I ett bygge
 * ligger delarna under sin fasta adress (`dynamicPaths` i observablehq.config.ts, utan
 * innehållshash) medan indexfilen har Frameworks hash i namnet; i `npm run dev` ligger båda
 * under `_file/`. Versionen (delens innehållshash) gör att webbläsaren aldrig använder en
 * gammal del efter ett nytt bygge.
 */
export function delAdress(index: { href: string }, del: Del, bas: string = globalThis.location?.href ?? "http://localhost/"): string {
  const url = new URL(index.href, bas);
  const bygge = /^(.*\/)_file\/(.*\/)[^/]+\.[0-9a-f]{8}\.json$/.exec(url.pathname);
  url.pathname = bygge ? `${bygge[1]}${bygge[2]}${del.fil}` : url.pathname.replace(/[^/]*$/, del.fil);
  url.search = `?v=${del.version}`;
  url.hash = "";
  return url.href;
}

/** Hämtar en del (JSON) och säger tydligt vilken som saknas om något går fel. */
export async function hamtaDel<T>(index: { href: string }, del: Del): Promise<T> {
  const adress = delAdress(index, del);
  const svar = await fetch(adress);
  if (!svar.ok) throw new Error(`kunde inte hämta ${del.fil} (HTTP ${svar.status})`);
  return (await svar.json()) as T;
}
