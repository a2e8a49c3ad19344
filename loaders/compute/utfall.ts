/**
 * The outcome table per insats and window, computed from participant records in the layout
 * the teams report (årsredovisning 2018): inskrivna at the start, nyinskrivna, avslut and where
 * they went, aktiva at the end. Here `avslut` counts every participation that ended in the
 * window, överflyttad included, so that start + nya − avslut = aktiva always holds.
 */
import { forstaDag, sistaDag, type Datum } from "../normalise/datum.ts";
import { AVSLUTSORSAKER, type Avslutsorsak, type Deltagande } from "../normalise/deltagare.ts";
import { fonster, KON_ORDNING, type KonAlla } from "./nyckeltal.ts";

export const BERAKNAT_UTFALL = ["inskrivna_start", "nyinskrivna", "avslut", ...AVSLUTSORSAKER, "aktiva_slut"] as const;
export type BeraknatUtfall = (typeof BERAKNAT_UTFALL)[number];

export interface UtfallRad {
  readonly forbund: string;
  readonly insats: string;
  readonly fran: string;
  readonly till: string;
  readonly kon: KonAlla;
  readonly varden: Record<BeraknatUtfall, number>;
}

export function beraknaUtfall(deltaganden: readonly (Deltagande & { forbund: string })[], exportdatum: Datum): UtfallRad[] {
  const windows = fonster(deltaganden, exportdatum);
  const forbund = [...new Set(deltaganden.map((d) => d.forbund))].sort();
  const out: UtfallRad[] = [];
  for (const f of forbund) {
    const alla = deltaganden.filter((d) => d.forbund === f);
    const insatser = [...new Set(alla.map((d) => d.insats))].sort();
    for (const w of windows) {
      const start = forstaDag(w.fran);
      const slut = sistaDag(w.till);
      for (const insats of [...insatser, "totalt"]) {
        const urval = insats === "totalt" ? alla : alla.filter((d) => d.insats === insats);
        for (const kon of KON_ORDNING) {
          const grupp = kon === "alla" ? urval : urval.filter((d) => d.kon === kon);
          const v = Object.fromEntries(BERAKNAT_UTFALL.map((m) => [m, 0])) as Record<BeraknatUtfall, number>;
          for (const d of grupp) {
            if (d.start > slut || (d.slut !== undefined && d.slut < start)) continue;
            if (d.start < start) v.inskrivna_start++;
            else v.nyinskrivna++;
            if (d.slut !== undefined && d.slut <= slut) {
              v.avslut++;
              v[d.orsak as Avslutsorsak]++;
            } else v.aktiva_slut++;
          }
          out.push({ forbund: f, insats, fran: w.fran, till: w.till, kon, varden: v });
        }
      }
    }
  }
  return out;
}
