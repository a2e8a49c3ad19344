/**
 * Budget and prognos: per ID (and optionally konto) and year, the årsbudget and optionally a
 * prognos and its date. The year is a column (`År`) or part of the amount columns' names
 * (`Årsbudget 2025`, `Årsbudget 2024`, `Prognos 2025`), as a verksamhetsplan lays it out. A row
 * whose ID is "Totalt" is a budget for the whole förbund (for years planned without IDs); a row
 * named "Totalt" under an ID is that ID's subtotal, checked against its rows.
 */
import { labelKey } from "../../normalise/labels.ts";
import { Begransning, type Findings } from "../../validate/findings.ts";
import { tolkaBelopp, type Enhet } from "./belopp.ts";
import { ARSKOLUMN, BUDGET_KOLUMNER, enhetFranRubrik, hittaKolumner } from "./kolumner.ts";
import { kodOchNamn, oanvandaKolumner, tolkaAr, tolkaDatum } from "./falt.ts";
import { normaliseraKonto } from "./kontoplan.ts";
import { celltext, fyndVid, plats, rubriknycklar, type Cell, type Tabell } from "./tabell.ts";
import type { Budgetrad } from "./typer.ts";

const TOTALT = /^(totalt|summa|total)$/;

interface Beloppskolumn {
  readonly index: number;
  readonly ar: number | undefined;
  readonly slag: "budget" | "prognos";
  readonly enhet: Enhet;
}

export function lasBudget(t: Tabell, findings: Findings): Budgetrad[] | undefined {
  const nycklar = rubriknycklar(t);
  const kol = hittaKolumner(nycklar, BUDGET_KOLUMNER);
  const belopp: Beloppskolumn[] = [];
  nycklar.forEach((h, index) => {
    const m = ARSKOLUMN.exec(h);
    if (m) belopp.push({ index, ar: Number(m[2]), slag: m[1] === "prognos" ? "prognos" : "budget", enhet: enhetFranRubrik(t.rubriker[index]!) });
  });
  if (kol.budget !== undefined) belopp.push({ index: kol.budget, ar: undefined, slag: "budget", enhet: enhetFranRubrik(t.rubriker[kol.budget]!) });
  if (kol.prognos !== undefined) belopp.push({ index: kol.prognos, ar: undefined, slag: "prognos", enhet: enhetFranRubrik(t.rubriker[kol.prognos]!) });
  const saknas: string[] = [];
  if (kol.id === undefined) saknas.push('"ID"');
  if (!belopp.some((b) => b.slag === "budget")) saknas.push('"Årsbudget"');
  if (belopp.some((b) => b.ar === undefined) && kol.ar === undefined) saknas.push('"År" (eller året i beloppskolumnens namn, t.ex. "Årsbudget 2025")');
  if (saknas.length > 0) {
    findings.fel(fyndVid(plats(t, t.rubrikrad), "csv.kolumn_saknas",
      `kolumn saknas i budgeten: ${saknas.join(", ")}; rubrikraden har ${t.rubriker.map((r) => `"${r}"`).join(", ")}`,
      `missing budget column(s): ${saknas.join(", ")}`));
    return undefined;
  }
  const oanvanda = oanvandaKolumner(t, [...Object.values(kol), ...belopp.map((b) => b.index)]);
  if (oanvanda.length > 0) {
    findings.info(fyndVid(plats(t, t.rubrikrad), "ekonomi.kolumn_anvands_inte", `kolumnerna ${oanvanda.map((r) => `"${r}"`).join(", ")} används inte`, `columns not used: ${oanvanda.join(", ")}`));
  }
  const begr = new Begransning();
  const fel = (rad: number, kolumn: number | undefined, v: Cell | undefined, regel: string, sv: string, en: string) => {
    if (begr.rapportera(regel)) findings.fel(fyndVid(plats(t, rad, kolumn === undefined ? undefined : kolumn + 1, v ?? null), regel, sv, en));
  };
  const ut: Budgetrad[] = [];
  let ok = true;
  let utanBelopp = 0;
  let forstaUtan: number | undefined;
  for (const r of t.rader) {
    const cell = (i: number | undefined): Cell => (i === undefined ? null : (r.celler[i] ?? null));
    const tomt = (i: number) => celltext(cell(i)) === "";
    if (belopp.every((b) => tomt(b.index))) {
      // A heading line ("10 000 Styrelsen" above its konto rows) or an empty line: named, not read.
      utanBelopp++;
      forstaUtan ??= r.rad;
      continue;
    }
    let radOk = true;
    const idcell = cell(kol.id);
    const idk = kodOchNamn(idcell);
    const idNamn = kol.idnamn !== undefined ? celltext(cell(kol.idnamn)) || undefined : idk.namn;
    let id = idk.kod;
    if (id === "") {
      radOk = false;
      fel(r.rad, kol.id, idcell, "ekonomi.id", 'ID saknas; förväntat IDt (t.ex. 35000) eller "Totalt" för hela förbundets budget', "missing ID");
    }
    const helaForbundet = TOTALT.test(labelKey(id));
    if (helaForbundet) id = "totalt";
    const delsumma = !helaForbundet && idNamn !== undefined && TOTALT.test(labelKey(idNamn)) && (kol.konto === undefined || tomt(kol.konto));
    let konto: string | undefined;
    let kontonamn: string | undefined;
    if (kol.konto !== undefined && !tomt(kol.konto)) {
      const kc = cell(kol.konto);
      const kn = kol.kontonamn === undefined ? kodOchNamn(kc) : { kod: celltext(kc) };
      konto = normaliseraKonto(typeof kc === "number" ? kc : kn.kod);
      kontonamn = kol.kontonamn !== undefined ? celltext(cell(kol.kontonamn)) || undefined : kn.namn;
      if (konto === undefined) {
        radOk = false;
        fel(r.rad, kol.konto, kc, "ekonomi.konto", `förväntat ett kontonummer (siffror, t.ex. 5010), inte "${celltext(kc)}"`, "expected an account number");
      }
    }
    const radAr = kol.ar !== undefined ? tolkaAr(cell(kol.ar)) : undefined;
    if (kol.ar !== undefined && radAr === undefined && belopp.some((b) => b.ar === undefined && !tomt(b.index))) {
      radOk = false;
      fel(r.rad, kol.ar, cell(kol.ar), "ekonomi.ar", "ogiltigt år; förväntat ett årtal, t.ex. 2025", "invalid year");
    }
    let prognosdatum: string | undefined;
    if (kol.prognosdatum !== undefined && !tomt(kol.prognosdatum)) {
      prognosdatum = tolkaDatum(cell(kol.prognosdatum));
      if (prognosdatum === undefined) {
        radOk = false;
        fel(r.rad, kol.prognosdatum, cell(kol.prognosdatum), "ekonomi.datum", "ogiltigt datum; förväntat ÅÅÅÅ-MM-DD", "invalid date");
      }
    }
    // One row per year the amounts are for.
    const perAr = new Map<number, { budget?: number; prognos?: number }>();
    for (const b of belopp) {
      if (tomt(b.index)) continue;
      const ar = b.ar ?? radAr;
      if (ar === undefined) continue;
      const v = tolkaBelopp(cell(b.index), b.enhet);
      if (!v.ok) {
        radOk = false;
        fel(r.rad, b.index, cell(b.index), "ekonomi.belopp", v.sv, v.en);
        continue;
      }
      const post = perAr.get(ar) ?? {};
      post[b.slag] = v.ore;
      perAr.set(ar, post);
    }
    if (!radOk) {
      ok = false;
      continue;
    }
    for (const [ar, v] of [...perAr].sort(([a], [b]) => a - b)) {
      ut.push({
        forbundText: kol.forbund !== undefined ? celltext(cell(kol.forbund)) || undefined : undefined,
        id, idNamn: delsumma ? undefined : idNamn, konto, kontonamn, ar,
        budgetOre: v.budget, prognosOre: v.prognos, prognosdatum, delsumma,
        kalla: {
          tabell: t, rad: r.rad,
          kolumner: {
            ...(kol.forbund !== undefined ? { forbund: kol.forbund + 1 } : {}),
            id: kol.id! + 1,
            ...(kol.konto !== undefined ? { konto: kol.konto + 1 } : {}),
            belopp: belopp[0]!.index + 1,
            ...(kol.ar !== undefined ? { ar: kol.ar + 1 } : {}),
          },
        },
      });
    }
  }
  begr.sammanfatta(findings, t.fil, () => "fel");
  if (utanBelopp > 0) {
    findings.info(fyndVid(plats(t, forstaUtan), "ekonomi.rad_utan_belopp",
      `${utanBelopp === 1 ? "raden har" : `${utanBelopp} rader (den första här) har`} inget belopp och läses inte (rubrikrader för ett ID eller tomma rader)`,
      `${utanBelopp} row(s) without amounts are not read`));
  }
  if (ok && ut.length === 0) {
    findings.fel(fyndVid(plats(t, t.rubrikrad), "csv.bara_rubrik", "budgeten har en rubrikrad men inga belopp; förväntat minst en rad med årsbudget", "the budget has no amounts"));
    return undefined;
  }
  return ok ? ut : undefined;
}
