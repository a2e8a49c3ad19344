/**
 * Kind: SCB's helårsekvivalenter (HE0000T02N2), recognised by its contents (Sjukpenning …
 * Summa helårsekvivalenter). Several files (e.g. one per year) are read as one; a value in two
 * files is an error naming both. Definitions: docs/definitioner/helarsekvivalenter.md.
 */
import { describeTable } from "../read/pxweb.ts";
import { isHelarsekvivalenter, normaliseHelarsekvivalenter, type HeData, type HeManadsvarde } from "../normalise/helarsekvivalenter.ts";
import { computeHelarsekvivalenter, type HeRad } from "../compute/helarsekvivalenter.ts";
import { HELARSEKVIVALENTER, HELARSEKVIVALENTER_HALVAR, helarsekvivalenterTabeller } from "../publish/helarsekvivalenter.ts";
import type { Findings } from "../validate/findings.ts";
import type { Kind } from "./kind.ts";

export const helarsekvivalenter: Kind<HeData, HeData | null, HeRad[] | undefined> = {
  id: "helarsekvivalenter",
  namn: "SCB:s helårsekvivalenter (HE0000T02N2)",
  roll: "data",
  igenkanning: [
    {
      steg: "scb",
      kanner: (tabell, _fil, ctx) => isHelarsekvivalenter(tabell) ? {
        typ: "helårsekvivalenter",
        las: () => normaliseHelarsekvivalenter(tabell, ctx.kommuner, ctx.findings),
        beskriv: () => describeTable(tabell),
      } : undefined,
    },
  ],
  slaSamman: (data, ctx) => (data.length === 0 ? null : slaSammanHe(data, ctx.findings)),
  utdata: [HELARSEKVIVALENTER, HELARSEKVIVALENTER_HALVAR],
  berakna(data, ctx) {
    let rader: HeRad[] | undefined;
    if (data) {
      ctx.progress("Beräknar helårsekvivalenter");
      rader = computeHelarsekvivalenter(data, ctx.indelning, ctx.findings);
    }
    return { tabeller: helarsekvivalenterTabeller(rader ?? []), resultat: rader };
  },
  dokumentation: [
    {
      indata: "Helårsekvivalenter, HE0000T02N2 (`TAB1386`)",
      kannsIgenPa: "tabellinnehåll som `Sjukpenning`, `Summa helårsekvivalenter`",
      definition: "[definitioner/helarsekvivalenter.md](definitioner/helarsekvivalenter.md)",
    },
  ],
};

/** Several SCB files (e.g. one per period) are read as one; a value given twice is an error. */
function slaSammanHe(data: readonly HeData[], findings: Findings): HeData | undefined {
  if (data.length === 1) return data[0];
  const varden = new Map<string, HeManadsvarde>();
  const from = new Map<string, string>();
  let ok = true;
  for (const d of data) {
    for (const [k, v] of d.varden) {
      const other = from.get(k);
      if (other !== undefined) {
        if (ok) {
          findings.fel({
            fil: d.fil, regel: "he.dubblett_filer",
            meddelande: `samma värde (${v.kod}, ${v.kon}, ${v.matt}, ${v.manad}) finns också i ${other}; förväntat att varje värde finns i en fil`,
            message: `value also present in ${other}`,
          });
        }
        ok = false;
      }
      from.set(k, d.fil);
      varden.set(k, v);
    }
  }
  if (!ok) return undefined;
  return {
    fil: data.map((d) => d.fil).join(", "),
    varden,
    kommuner: new Set(data.flatMap((d) => [...d.kommuner])),
    harRiket: data.some((d) => d.harRiket),
    manader: [...new Set(data.flatMap((d) => d.manader))].sort(),
  };
}
