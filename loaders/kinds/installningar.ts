/**
 * Kind: the förbund's settings, a JSON file with the top-level key `finsam` (protection
 * threshold k, the export date of the participant records, tidiga avhopp in the denominator).
 * At most one per data folder; every förbund it names must be in the membership, by id or name.
 * The export date in force (stated, or today) is settled here. Format: docs/indata.md.
 */
import { isInstallningar, knytInstallningar, readInstallningar, STANDARD, type Installningar } from "../reference/installningar.ts";
import { forbundsmatchare } from "../reference/forbund.ts";
import { valjExportdatum } from "../validate/exportdatum.ts";
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
        beskriv: (d) => (d ? `skyddsgräns k = ${d.installningar.skyddsgrans}${d.installningar.exportdatum ? `, exportdatum ${d.installningar.exportdatum}` : ""}` : "ogiltiga"),
      } : undefined,
    },
  ],
  slaSamman(data, ctx) {
    for (const extra of data.slice(1)) {
      ctx.findings.fel({ fil: extra.fil, regel: "fil.flera_installningar", meddelande: "datakatalogen har mer än en inställningsfil; förväntat högst en", message: "more than one settings file" });
    }
    let inst = data.at(-1)?.installningar ?? STANDARD;
    // A setting for a förbund that is not in the membership (a misspelt id or name) would do nothing.
    const indelning = ctx.indata(forbundsindelning);
    if (indelning) inst = knytInstallningar(inst, forbundsmatchare(indelning.medlemskap), ctx.findings);
    return { ...inst, exportdag: valjExportdatum(inst, ctx.idag, ctx.findings) };
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
