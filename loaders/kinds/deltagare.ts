/**
 * Kind: the teams' participant records (one row per participation), recognised by an insats, a
 * start date and an id or personnummer column. Personnummer are pseudonymised as the file is
 * read. The participant outputs (nyckeltal, jämställdhet and the reported outcome tables,
 * protected by default) are computed here from these records, the reported outcomes
 * (kinds/utfall.ts), the insatser's förbund (kinds/insatser.ts) and the settings.
 * Definitions: docs/definitioner/insatser.md; protection: docs/definitioner/skydd.md.
 */
import { isDeltagarHeader, readDeltagare, type Deltagande } from "../normalise/deltagare.ts";
import { labelKey } from "../normalise/labels.ts";
import { NyckelError } from "../reference/nyckel.ts";
import type { Indelning } from "../reference/indelning.ts";
import { insatserFiler } from "../publish/insatser.ts";
import { INSATSER_JAMSTALLDHET, INSATSER_NYCKELTAL, INSATSER_RAPPORTERAT, INSATSER_UTFALL } from "../publish/insatsscheman.ts";
import type { Findings } from "../validate/findings.ts";
import { helarsekvivalenter } from "./helarsekvivalenter.ts";
import { insatser } from "./insatser.ts";
import { utfall } from "./utfall.ts";
import type { Kind } from "./kind.ts";

export const deltagare: Kind<readonly Deltagande[], readonly Deltagande[], void> = {
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
            return readDeltagare(tabell, fil.fil, ctx.nyckel, ctx.findings);
          } catch (e) {
            if (!(e instanceof NyckelError)) throw e;
            ctx.findings.fel({ fil: ctx.nyckelFil, regel: "nyckel.skadad", meddelande: e.message, message: "the pseudonymisation key file is damaged" });
            return undefined;
          }
        },
        beskriv: (rader) => (rader ? `${rader.length} deltaganden` : "fel"),
      } : undefined,
    },
  ],
  slaSamman: (data) => data.flat(),
  utdata: [INSATSER_NYCKELTAL, INSATSER_JAMSTALLDHET, INSATSER_RAPPORTERAT, INSATSER_UTFALL],
  berakna(rader, ctx) {
    const rapporterade = ctx.indata(utfall) ?? [];
    if (rader.length > 0 || rapporterade.length > 0) ctx.progress("Beräknar insatsernas resultat");
    const mappning = ctx.indata(insatser) ?? new Map<string, string>();
    const medForbund = withForbund(rader, mappning, ctx.indelning, ctx.findings);
    const utfallMedForbund = withForbund(rapporterade, mappning, ctx.indelning, ctx.findings);
    if (!medForbund || !utfallMedForbund) return { tabeller: [], resultat: undefined };
    const tabeller = insatserFiler({
      deltagare: medForbund, utfall: utfallMedForbund, heRader: ctx.resultat(helarsekvivalenter), indelning: ctx.indelning,
      installningar: ctx.installningar, k: ctx.k, intern: ctx.intern,
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

/**
 * Every participation and reported row belongs to a förbund known to the membership file: from
 * its own column, or from the insats mapping.
 */
function withForbund<T extends { forbund: string | undefined; insats: string; fil: string; rad: number; forbundKolumn?: number; insatsKolumn?: number }>(
  rows: readonly T[], mappning: ReadonlyMap<string, string>, indelning: Indelning, findings: Findings,
): (T & { forbund: string })[] | undefined {
  const known = new Set(indelning.medlemskap.map((m) => m.forbund));
  const reported = new Set<string>();
  const out: (T & { forbund: string })[] = [];
  let ok = true;
  for (const r of rows) {
    const forbund = r.forbund ?? mappning.get(labelKey(r.insats));
    if (forbund === undefined || !known.has(forbund)) {
      ok = false;
      const key = `${r.fil}|${forbund ?? ""}|${r.insats}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const kolumn = r.forbund !== undefined ? r.forbundKolumn : r.insatsKolumn;
      findings.fel({
        fil: r.fil, rad: r.rad, ...(kolumn !== undefined ? { kolumn } : {}), falt: r.forbund !== undefined ? "forbund" : "insats",
        ...(forbund !== undefined ? { varde: forbund } : {}), regel: "insats.forbund",
        meddelande: forbund === undefined
          ? `förbund saknas för insatsen "${r.insats}"; förväntat kolumnen förbund eller en fil med kolumnerna insats,forbund`
          : `okänt förbund "${forbund}"; förväntat ett id ur förbundsindelningen (${[...known].sort().join(", ")})`,
        message: forbund === undefined ? "missing förbund for the insats" : "unknown förbund id",
      });
      continue;
    }
    out.push({ ...r, forbund });
  }
  return ok ? out : undefined;
}
