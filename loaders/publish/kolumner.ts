/** Columns that several output tables share, described once. */
import type { Kolumn } from "./schema.ts";

export const NIVA = { namn: "niva", typ: "text", beskrivning: "`kommun`, `forbund`, `lan` eller `riket`" } as const satisfies Kolumn;
export const KOD = {
  namn: "kod", typ: "text",
  beskrivning: "kommunkod (`2080`), förbundets id (`falun-borlange`), länskod (`20`) eller `00` för riket",
} as const satisfies Kolumn;
export const NAMN = { namn: "namn", typ: "text", beskrivning: "kommunens, förbundets eller länets namn; `Riket`" } as const satisfies Kolumn;
export const KON = { namn: "kon", typ: "text", beskrivning: "`alla`, `kvinnor`, `man`" } as const satisfies Kolumn;
export const MANAD = { namn: "manad", typ: "text", beskrivning: "månad, `YYYY-MM`" } as const satisfies Kolumn;
export const AR = { namn: "ar", typ: "text", beskrivning: "år, `YYYY`" } as const satisfies Kolumn;
export const ALDER = {
  namn: "alder", typ: "text",
  beskrivning: "åldersgrupp som i SCB:s fil: `20-64`, `25-34`, `65+`, `0-4` … `100+`, `totalt`",
} as const satisfies Kolumn;

/** The columns that name a region: niva, kod, namn. */
export const REGION = [NIVA, KOD, NAMN] as const;
