/** A tidy CSV text as the site gets it (a Sidtabell), read by the table's schema. */
import { tabellFranCsv } from "../../loaders/publish/csv.ts";
import { sidtabell } from "../../loaders/publish/sidor/sidtabell.ts";
import type { Schema } from "../../loaders/publish/schema.ts";
import type { Sidtabell } from "../../src/components/sidodata.ts";

export function sidtabellFranCsv(schema: Schema, text: string): Sidtabell {
  return sidtabell(tabellFranCsv(schema, text));
}
