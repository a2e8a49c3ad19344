/**
 * Kind: the teams' participant records (one row per participation), recognised by an insats, a
 * start date and an id or personnummer column. Personnummer are pseudonymised as the file is
 * read. The participant outputs (nyckeltal, jämställdhet and the reported outcome tables,
 * protected by default) are computed here from these records, the reported outcomes
 * (kinds/utfall.ts), the insatser's förbund (kinds/insatser.ts) and the settings.
 * Definitions: docs/definitioner/insatser.md; protection: docs/definitioner/skydd.md.
 */
import { isDeltagarHeader, lasDeltagare, type Deltagande, type Deltagarfil } from "../normalise/deltagare.ts";
import { NyckelError } from "../reference/nyckel.ts";
import { insatserFiler } from "../publish/insatser.ts";
import { INSATSER_JAMSTALLDHET, INSATSER_NYCKELTAL, INSATSER_RAPPORTERAT, INSATSER_UTFALL } from "../publish/insatsscheman.ts";
import { kontrolleraDeltagarnasDatum } from "../validate/exportdatum.ts";
import { helarsekvivalenter } from "./helarsekvivalenter.ts";
import { insatser } from "./insatser.ts";
import { installningar } from "./installningar.ts";
import type { Kind } from "./kind.ts";

export const deltagare: Kind<Deltagarfil, readonly Deltagande[], void> = {
  id: "deltagare",
  namn: "deltagaruppgifter",
  roll: "data",
  skyddas: true,
  igenkanning: [
    {
      steg: "rubrik",
      kanner: (rubrik, tabell, fil, ctx) => isDeltagarHeader(rubrik) ? {
        typ: "deltagaruppgifter",
        las: () => {
          try {
            // Every line is checked; the lines without errors go on to the later checks (förbund,
            // export date) even when others have errors, so that one run reports every error.
            return lasDeltagare(tabell, fil.fil, ctx.nyckel, ctx.findings);
          } catch (e) {
            if (!(e instanceof NyckelError)) throw e;
            ctx.findings.fel({ fil: ctx.nyckelFil, regel: "nyckel.skadad", meddelande: e.message, message: "the pseudonymisation key file is damaged" });
            return undefined;
          }
        },
        beskriv: (f) => (f && f.felrader.size === 0 ? `${f.deltaganden.length} deltaganden` : "fel"),
      } : undefined,
    },
  ],
  slaSamman(data, ctx) {
    const rader = data.flatMap((f) => f.deltaganden);
    const dag = ctx.indata(installningar)?.exportdag;
    if (dag) kontrolleraDeltagarnasDatum(rader, dag, ctx.findings);
    return rader;
  },
  utdata: [INSATSER_NYCKELTAL, INSATSER_JAMSTALLDHET, INSATSER_RAPPORTERAT, INSATSER_UTFALL],
  berakna(rader, ctx) {
    // The rows with their förbund id and one spelling per insats (settled by kinds/insatser.ts).
    const knutna = ctx.indata(insatser);
    if (!knutna) return { tabeller: [], resultat: undefined };
    if (rader.length > 0 || knutna.utfall.length > 0) ctx.progress("Beräknar insatsernas resultat");
    // The noise's record keys come from the pseudonymisation key (never written anywhere).
    let postnyckel: ((enhet: string) => Uint32Array) | undefined;
    if (!ctx.intern && knutna.deltagare.length > 0 && ctx.installningar.skydd.metod === "brus") {
      try {
        postnyckel = ctx.nyckel?.().postnyckel;
      } catch (e) {
        if (!(e instanceof NyckelError)) throw e;
        ctx.findings.fel({ fil: ctx.nyckelFil ?? "nyckelfilen", regel: "nyckel.skadad", meddelande: e.message, message: "the pseudonymisation key file is damaged" });
        return { tabeller: [], resultat: undefined };
      }
    }
    const tabeller = insatserFiler({
      deltagare: knutna.deltagare, utfall: knutna.utfall, heRader: ctx.resultat(helarsekvivalenter), indelning: ctx.indelning,
      installningar: ctx.installningar, exportdatum: ctx.installningar.exportdag!.exportdatum, k: ctx.k, intern: ctx.intern, postnyckel,
    });
    return { tabeller, resultat: undefined };
  },
  dokumentation: [
    {
      indata: "Deltagaruppgifter",
      kannsIgenPa: "en insats-, en startdatum- och en id- eller personnummerkolumn",
      definition: "[Deltagaruppgifter](#deltagaruppgifter) nedan; nyckeltalen i [definitioner/insatser.md](definitioner/insatser.md)",
    },
  ],
};
