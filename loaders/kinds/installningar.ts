/**
 * Kind: the förbund's settings, a JSON file with the top-level key `finsam` (protection
 * threshold k, tidiga avhopp in the denominator). At most one per data folder; every förbund it
 * names must be in the membership. Format: docs/indata.md.
 */
import { isInstallningar, readInstallningar, STANDARD, type Installningar } from "../reference/installningar.ts";
import { forbundsindelning } from "./forbundsindelning.ts";
import type { Kind } from "./kind.ts";

export interface Installningsfil {
  readonly fil: string;
  readonly installningar: Installningar;
}

export const installningar: Kind<Installningsfil, Installningar, void> = {
  id: "installningar",
  namn: "inställningar (JSON)",
  roll: "referens",
  igenkanning: [
    {
      steg: "json",
      kanner: (text, fil, ctx) => isInstallningar(text) ? {
        typ: "inställningar",
        las: () => {
          const inst = readInstallningar(text, fil.fil, ctx.findings);
          return inst && { fil: fil.fil, installningar: inst };
        },
        beskriv: (d) => (d ? `skyddsgräns k = ${d.installningar.skyddsgrans}` : "ogiltiga"),
      } : undefined,
    },
  ],
  slaSamman(data, ctx) {
    for (const extra of data.slice(1)) {
      ctx.findings.fel({ fil: extra.fil, regel: "fil.flera_installningar", meddelande: "datakatalogen har mer än en inställningsfil; förväntat högst en", message: "more than one settings file" });
    }
    const inst = data.at(-1)?.installningar ?? STANDARD;
    // A setting for a förbund that is not in the membership (a misspelt id) would do nothing.
    const indelning = ctx.indata(forbundsindelning);
    if (indelning) {
      const known = new Set(indelning.medlemskap.map((m) => m.forbund));
      for (const f of inst.forbund ?? []) {
        if (known.has(f.id)) continue;
        ctx.findings.fel({
          fil: f.fil, ...(f.plats ? { rad: f.plats.line, kolumn: f.plats.column } : {}), falt: `finsam.forbund.${f.id}`, varde: f.id, regel: "installningar.forbund",
          meddelande: `okänt förbund "${f.id}"; förväntat ett id ur förbundsindelningen (${[...known].sort().join(", ")})`,
          message: "unknown förbund id in the settings",
        });
      }
    }
    return inst;
  },
  utdata: [],
  dokumentation: [
    {
      indata: "Inställningar (JSON)",
      kannsIgenPa: "nyckeln `finsam` högst upp i en `.json`-fil",
      definition: "[Insatsfil och inställningar](#insatsfil-och-inställningar) nedan",
    },
  ],
};
