/**
 * The goal table per year: goals with their förbund and number, the board's grading counted
 * per grading, and the indicators the product can measure itself measured beside the grading
 * (docs/definitioner/styrelseindata.md).
 *
 * A grading contradicts the measured values when the goal is graded **uppfyllt** and a measured
 * indicator is not met, or graded **ej uppfyllt** while every measured indicator of the goal is
 * met. **Delvis** (some met, some not, or not all measurable) and a goal not yet graded are
 * never flagged. A contradiction is a warning in the validation report and `motsager` = 1 in
 * the goal table; the board's grading is published as the board gave it.
 */
import type { Findings } from "../../../validate/findings.ts";
import { Tabellfynd } from "../tabellfil.ts";
import { Forbundsupplosare, type Forbundstolkare } from "../forbund.ts";
import { BEDOMNINGAR, BEDOMNINGSNAMN, type Bedomning } from "./bedomning.ts";
import { malNrNyckel, type Malfil, type Malrad } from "./las.ts";
import { regeltext, type Indikatortraff, type Matresultat, type Matunderlag } from "./matregler.ts";
import { REGLER } from "./regler/index.ts";

export interface Malmedforbund extends Malrad {
  readonly forbundId: string;
  readonly malNr: string;
}

export interface Matning {
  readonly rad: Malmedforbund;
  readonly traff: Indikatortraff;
  readonly resultat: Matresultat;
  /** The measured value contradicts the goal's grading; undefined when nothing was measured. */
  readonly motsager: boolean | undefined;
}

export interface Malrapport {
  readonly rader: readonly Malmedforbund[];
  readonly matningar: readonly Matning[];
  readonly bedomningar: readonly { readonly forbund: string; readonly ar: string; readonly bedomning: Bedomning | "totalt"; readonly antal: number }[];
}

function felVid(findings: Findings, r: Malrad, falt: keyof Malrad["kolumner"] | undefined, allvar: "fel" | "varning" | "info", regel: string, sv: string, en: string, varde?: string): void {
  new Tabellfynd(r.kalla, findings).lagg(allvar, regel, r.rad, falt ? r.kolumner[falt] : undefined, sv, en, varde);
}

/**
 * Every goal row with its förbund and goal number (a goal without one is numbered by its place
 * among the förbund's goals that year); the same goal number twice is an error.
 */
export function slaIhopMal(filer: readonly Malfil[], tolkare: Forbundstolkare, findings: Findings): Malmedforbund[] | undefined {
  const forbund = new Forbundsupplosare(tolkare, "mal.forbund", findings);
  let ok = true;
  const ut: Malmedforbund[] = [];
  const plats = new Map<string, number>();
  const sedda = new Map<string, Malrad>();
  let forra: Malmedforbund | undefined;
  for (const f of filer) {
    for (const r of f.rader) {
      const id = forbund.id(r);
      if (id === undefined) {
        ok = false;
        continue;
      }
      if (r.fortsattning) {
        if (forra && forra.kalla === r.kalla) ut.push({ ...r, forbundId: forra.forbundId, malNr: forra.malNr });
        continue;
      }
      const pk = `${id}\u0000${r.ar}`;
      const n = (plats.get(pk) ?? 0) + 1;
      plats.set(pk, n);
      const malNr = r.malNr ?? String(n);
      const nyckel = JSON.stringify([id, r.ar, malNrNyckel(malNr)]);
      const tidigare = sedda.get(nyckel);
      if (tidigare) {
        ok = false;
        forra = undefined;
        felVid(findings, r, r.kolumner.mal_nr !== undefined ? "mal_nr" : "mal", "fel", "mal.dubblett",
          `mål ${malNr} för ${id} ${r.ar} finns redan ${tidigare.kalla.fil === r.kalla.fil ? "" : `i ${tidigare.kalla.fil} `}på rad ${tidigare.rad}; förväntat varje mål en gång`,
          `goal ${malNr} is already on line ${tidigare.rad}${tidigare.kalla.fil === r.kalla.fil ? "" : ` of ${tidigare.kalla.fil}`}`, malNr);
        continue;
      }
      sedda.set(nyckel, r);
      forra = { ...r, forbundId: id, malNr };
      ut.push(forra);
    }
  }
  return ok ? ut : undefined;
}

/** Measures every recognisable indicator and counts the gradings. */
export function beraknaMal(rader: readonly Malmedforbund[], underlag: Matunderlag, findings: Findings): Malrapport {
  const mal = new Map<string, Malmedforbund[]>();
  for (const r of rader) {
    const k = JSON.stringify([r.forbundId, r.ar, malNrNyckel(r.malNr)]);
    mal.set(k, [...(mal.get(k) ?? []), r]);
  }
  const matningar: Matning[] = [];
  for (const goal of mal.values()) {
    const huvud = goal[0]!;
    const sedda = new Set<string>();
    const traffar: { rad: Malmedforbund; traff: Indikatortraff; resultat: Matresultat }[] = [];
    for (const r of goal) {
      const text = regeltext([r.fortsattning ? "" : r.mal, r.indikator ?? "", r.malvarde ?? ""].join(" \n "));
      for (const regel of REGLER) {
        for (const traff of regel.hitta(text)) {
          const k = `${traff.regel}\u0000${traff.krav}`;
          if (sedda.has(k)) continue;
          sedda.add(k);
          traffar.push({ rad: r, traff, resultat: traff.mat({ forbund: r.forbundId, ar: r.ar }, underlag) });
        }
      }
    }
    const matta = traffar.filter((t) => t.resultat.uppfyllt !== undefined);
    const allaUppfyllda = matta.length > 0 && matta.every((t) => t.resultat.uppfyllt);
    const motsager = (t: (typeof traffar)[number]): boolean | undefined => {
      if (t.resultat.uppfyllt === undefined) return undefined;
      if (huvud.bedomning === "uppfyllt") return !t.resultat.uppfyllt;
      if (huvud.bedomning === "ej_uppfyllt") return allaUppfyllda;
      return false;
    };
    const goalMatningar = traffar.map((t) => ({ ...t, motsager: motsager(t) }));
    matningar.push(...goalMatningar);
    const mot = goalMatningar.filter((m) => m.motsager);
    if (mot.length > 0) {
      const forsta = mot[0]!.rad;
      felVid(findings, forsta, "bedomning", "varning", "mal.motsager_matning",
        `mål ${huvud.malNr} (${huvud.forbundId} ${huvud.ar}) bedöms ${BEDOMNINGSNAMN[huvud.bedomning]}, men det som går att mäta säger ${huvud.bedomning === "uppfyllt" ? "något annat" : "att indikatorerna är uppfyllda"}: ${mot.map((m) => `${m.traff.krav}: ${m.resultat.underlag}`).join("; ")}`,
        `goal ${huvud.malNr} is graded ${huvud.bedomning}, but the measured indicators say otherwise`);
    }
    for (const t of traffar.filter((x) => x.resultat.uppfyllt === undefined)) {
      felVid(findings, t.rad, "indikator", "info", "mal.kan_inte_matas",
        `indikatorn "${t.traff.indikator}" i mål ${huvud.malNr} (${huvud.forbundId} ${huvud.ar}) ${t.resultat.underlag}`,
        "the indicator is recognised but cannot be measured with this run's data");
    }
  }

  const rakna = new Map<string, { forbund: string; ar: string; antal: Map<Bedomning, number> }>();
  for (const goal of mal.values()) {
    const h = goal[0]!;
    const k = `${h.forbundId}\u0000${h.ar}`;
    const s = rakna.get(k) ?? { forbund: h.forbundId, ar: h.ar, antal: new Map<Bedomning, number>() };
    s.antal.set(h.bedomning, (s.antal.get(h.bedomning) ?? 0) + 1);
    rakna.set(k, s);
  }
  const bedomningar = [...rakna.values()]
    .sort((a, b) => (a.forbund < b.forbund ? -1 : a.forbund > b.forbund ? 1 : a.ar < b.ar ? -1 : a.ar > b.ar ? 1 : 0))
    .flatMap((s) => [
      ...BEDOMNINGAR.map((b) => ({ forbund: s.forbund, ar: s.ar, bedomning: b as Bedomning | "totalt", antal: s.antal.get(b) ?? 0 })),
      { forbund: s.forbund, ar: s.ar, bedomning: "totalt" as const, antal: [...s.antal.values()].reduce((a, b) => a + b, 0) },
    ]);
  const ordnade = [...rader].sort((a, b) => (a.forbundId < b.forbundId ? -1 : a.forbundId > b.forbundId ? 1 : a.ar < b.ar ? -1 : a.ar > b.ar ? 1 : 0));
  return { rader: ordnade, matningar, bedomningar };
}
