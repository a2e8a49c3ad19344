/**
 * Medelstilldelning: per year and member, the share (in percent) and the amount, and whether
 * the amount is decided (beslutad), requested (äskad) or forecast (prognos). A row for the
 * member "Totalt" gives the year's total; a year may have only that row.
 */
import { labelKey } from "../../normalise/labels.ts";
import { Begransning, type Findings } from "../../validate/findings.ts";
import { tolkaBelopp } from "./belopp.ts";
import { enhetFranRubrik, hittaKolumner, MEDEL_KOLUMNER } from "./kolumner.ts";
import { oanvandaKolumner, tolkaAr, tolkaProcent } from "./falt.ts";
import { celltext, fyndVid, plats, rubriknycklar, type Cell, type Tabell } from "./tabell.ts";
import type { Beloppsstatus, Medelsrad } from "./typer.ts";

const STATUS: Readonly<Record<string, Beloppsstatus>> = {
  beslutad: "beslutad", beslutat: "beslutad", beslut: "beslutad", fastställd: "beslutad", faststalld: "beslutad", faststallt: "beslutad",
  askad: "askad", askat: "askad", askande: "askad", begard: "askad", begart: "askad",
  prognos: "prognos", prognostiserad: "prognos", prognostiserat: "prognos", preliminar: "prognos", preliminart: "prognos",
};

const TOTALT = /^(totalt|summa|total|samtliga)\b/;

export function lasMedelstilldelning(t: Tabell, findings: Findings): Medelsrad[] | undefined {
  const kol = hittaKolumner(rubriknycklar(t), MEDEL_KOLUMNER);
  const saknas: string[] = [];
  if (kol.ar === undefined) saknas.push('"År"');
  if (kol.medlem === undefined) saknas.push('"Medlem"');
  if (kol.andel === undefined && kol.belopp === undefined) saknas.push('"Andel" eller "Belopp"');
  if (saknas.length > 0) {
    findings.fel(fyndVid(plats(t, t.rubrikrad), "csv.kolumn_saknas",
      `kolumn saknas i medelstilldelningen: ${saknas.join(", ")}; rubrikraden har ${t.rubriker.map((r) => `"${r}"`).join(", ")}`,
      `missing column(s): ${saknas.join(", ")}`));
    return undefined;
  }
  const oanvanda = oanvandaKolumner(t, Object.values(kol));
  if (oanvanda.length > 0) {
    findings.info(fyndVid(plats(t, t.rubrikrad), "ekonomi.kolumn_anvands_inte", `kolumnerna ${oanvanda.map((r) => `"${r}"`).join(", ")} används inte`, `columns not used: ${oanvanda.join(", ")}`));
  }
  const enhet = kol.belopp !== undefined ? enhetFranRubrik(t.rubriker[kol.belopp]!) : "kr";
  const begr = new Begransning();
  const fel = (rad: number, kolumn: number | undefined, v: Cell, regel: string, sv: string, en: string) => {
    if (begr.rapportera(regel)) findings.fel(fyndVid(plats(t, rad, kolumn === undefined ? undefined : kolumn + 1, v), regel, sv, en));
  };
  const ut: Medelsrad[] = [];
  let ok = true;
  for (const r of t.rader) {
    const cell = (i: number | undefined): Cell => (i === undefined ? null : (r.celler[i] ?? null));
    let radOk = true;
    const ar = tolkaAr(cell(kol.ar));
    if (ar === undefined) {
      radOk = false;
      fel(r.rad, kol.ar, cell(kol.ar), "ekonomi.ar", "ogiltigt år; förväntat ett årtal, t.ex. 2025", "invalid year");
    }
    const medlem = celltext(cell(kol.medlem));
    if (medlem === "") {
      radOk = false;
      fel(r.rad, kol.medlem, null, "ekonomi.medlem", 'medlem saknas; förväntat medlemmens namn (t.ex. "Region Dalarna") eller "Totalt"', "missing member");
    }
    let andel: number | undefined;
    if (kol.andel !== undefined && celltext(cell(kol.andel)) !== "") {
      andel = tolkaProcent(cell(kol.andel));
      if (andel === undefined) {
        radOk = false;
        fel(r.rad, kol.andel, cell(kol.andel), "ekonomi.andel", "förväntat en andel i procent, t.ex. 25 % eller 12,5", "expected a percentage");
      }
    }
    let beloppOre: number | undefined;
    if (kol.belopp !== undefined && celltext(cell(kol.belopp)) !== "") {
      const b = tolkaBelopp(cell(kol.belopp), enhet);
      if (b.ok) beloppOre = b.ore;
      else {
        radOk = false;
        fel(r.rad, kol.belopp, cell(kol.belopp), "ekonomi.belopp", b.sv, b.en);
      }
    }
    if (radOk && andel === undefined && beloppOre === undefined) {
      radOk = false;
      fel(r.rad, kol.belopp ?? kol.andel, null, "ekonomi.belopp", "både andel och belopp saknas; förväntat minst ett av dem", "neither share nor amount");
    }
    let status: Beloppsstatus = "beslutad";
    const statustext = celltext(cell(kol.status));
    if (statustext !== "") {
      const s = STATUS[labelKey(statustext).replace(/\s+belopp$/, "")];
      if (s === undefined) {
        radOk = false;
        fel(r.rad, kol.status, cell(kol.status), "ekonomi.status", 'förväntat "beslutad", "äskad" eller "prognos"', "expected beslutad, äskad or prognos");
      } else status = s;
    }
    if (!radOk) {
      ok = false;
      continue;
    }
    ut.push({
      forbundText: kol.forbund !== undefined ? celltext(cell(kol.forbund)) || undefined : undefined,
      ar: ar!, medlem, totalt: TOTALT.test(labelKey(medlem)), andel, beloppOre, status,
      kalla: {
        tabell: t, rad: r.rad,
        kolumner: {
          ...(kol.forbund !== undefined ? { forbund: kol.forbund + 1 } : {}),
          medlem: kol.medlem! + 1, ar: kol.ar! + 1,
          ...(kol.belopp !== undefined ? { belopp: kol.belopp + 1 } : {}),
        },
      },
    });
  }
  begr.sammanfatta(findings, t.fil, () => "fel");
  if (ok && ut.length === 0) {
    findings.fel(fyndVid(plats(t, t.rubrikrad), "csv.bara_rubrik", "medelstilldelningen har en rubrikrad men inga rader", "no rows"));
    return undefined;
  }
  return ok ? ut : undefined;
}
