/**
 * The ledger (huvudbok, utfall) as a kommun's ekonomisystem exports it: one row per booking or
 * per sum, with ID, konto, amount (or debet and kredit) and a date or a period. Opening balances
 * are rows with period `ÅÅÅÅ-00` (or `IB ÅÅÅÅ`), or a type column saying IB. A list of balances
 * (saldolista) may lack the ID column: balance konton need no ID, and a result booking without
 * one is named by the check that the driftsredovisning adds up to the result.
 */
import { sistaDag } from "../../normalise/datum.ts";
import { labelKey } from "../../normalise/labels.ts";
import { Begransning, type Findings } from "../../validate/findings.ts";
import { tolkaBelopp } from "./belopp.ts";
import { enhetFranRubrik, hittaKolumner, HUVUDBOK_KOLUMNER } from "./kolumner.ts";
import { arSummarad, kodOchNamn, oanvandaKolumner, tolkaAr, tolkaDatum, tolkaPeriod, type Period } from "./falt.ts";
import { normaliseraKonto } from "./kontoplan.ts";
import { celltext, fyndVid, plats, rubriknycklar, type Tabell } from "./tabell.ts";
import type { Bokning } from "./typer.ts";

const IB_TYP = /^(ib|ingaende balans|ingaende saldo|ing balans|ing\. balans)$/;

export function lasHuvudbok(t: Tabell, findings: Findings): Bokning[] | undefined {
  const kol = hittaKolumner(rubriknycklar(t), HUVUDBOK_KOLUMNER);
  const saknas: string[] = [];
  if (kol.konto === undefined) saknas.push('"Konto"');
  if (kol.belopp === undefined && (kol.debet === undefined || kol.kredit === undefined)) saknas.push('"Belopp" (eller "Debet" och "Kredit")');
  if (kol.datum === undefined && kol.period === undefined) saknas.push('"Datum" eller "Period"');
  if (saknas.length > 0) {
    findings.fel(fyndVid(plats(t, t.rubrikrad), "csv.kolumn_saknas",
      `kolumn saknas i huvudboken: ${saknas.join(", ")}; rubrikraden har ${t.rubriker.map((r) => `"${r}"`).join(", ")}`,
      `missing ledger column(s): ${saknas.join(", ")}`));
    return undefined;
  }
  const oanvanda = oanvandaKolumner(t, Object.values(kol));
  if (oanvanda.length > 0) {
    findings.info(fyndVid(plats(t, t.rubrikrad), "ekonomi.kolumn_anvands_inte",
      `kolumnerna ${oanvanda.map((r) => `"${r}"`).join(", ")} används inte (de publiceras inte)`,
      `columns not used (never published): ${oanvanda.join(", ")}`));
  }
  const enhet = enhetFranRubrik(t.rubriker[(kol.belopp ?? kol.debet)!] ?? "");
  const begr = new Begransning();
  const fel = (rad: number, kolumn: number | undefined, v: string | number | null | undefined, regel: string, sv: string, en: string) => {
    if (begr.rapportera(regel)) findings.fel(fyndVid(plats(t, rad, kolumn === undefined ? undefined : kolumn + 1, v ?? null), regel, sv, en));
  };
  const ut: Bokning[] = [];
  let ok = true;
  let summarader = 0;
  for (const r of t.rader) {
    const cell = (i: number | undefined) => (i === undefined ? null : (r.celler[i] ?? null));
    if (celltext(cell(kol.konto)) === "" && arSummarad(r)) {
      summarader++;
      if (summarader === 1) {
        findings.info(fyndVid(plats(t, r.rad), "ekonomi.summarad", "summaraden läses inte (summor räknas från bokningarna)", "a sum row is not read"));
      }
      continue;
    }
    let radOk = true;
    // Konto, alone or with its name in the same cell.
    const kontocell = cell(kol.konto);
    const kn = kol.kontonamn === undefined ? kodOchNamn(kontocell) : { kod: celltext(kontocell) };
    const konto = normaliseraKonto(typeof kontocell === "number" ? kontocell : kn.kod);
    if (konto === undefined) {
      radOk = false;
      fel(r.rad, kol.konto, kontocell, "ekonomi.konto",
        celltext(kontocell) === "" ? "kontonummer saknas; förväntat ett konto, t.ex. 5010" : `förväntat ett kontonummer (siffror, t.ex. 5010), inte "${celltext(kontocell)}"`,
        "expected an account number");
    }
    // Amount: one column, or debet minus kredit.
    let ore: number | undefined;
    if (kol.belopp !== undefined) {
      const b = tolkaBelopp(cell(kol.belopp), enhet);
      if (b.ok) ore = b.ore;
      else {
        radOk = false;
        fel(r.rad, kol.belopp, cell(kol.belopp), "ekonomi.belopp", b.sv, b.en);
      }
    } else {
      const tom = (c: ReturnType<typeof cell>) => c === null || celltext(c) === "";
      const d = tom(cell(kol.debet)) ? ({ ok: true, ore: 0 } as const) : tolkaBelopp(cell(kol.debet), enhet);
      const k = tom(cell(kol.kredit)) ? ({ ok: true, ore: 0 } as const) : tolkaBelopp(cell(kol.kredit), enhet);
      if (tom(cell(kol.debet)) && tom(cell(kol.kredit))) {
        radOk = false;
        fel(r.rad, kol.debet, null, "ekonomi.belopp", "både debet och kredit saknas; förväntat ett belopp i någon av dem", "both debit and credit are empty");
      } else if (!d.ok) {
        radOk = false;
        fel(r.rad, kol.debet, cell(kol.debet), "ekonomi.belopp", d.sv, d.en);
      } else if (!k.ok) {
        radOk = false;
        fel(r.rad, kol.kredit, cell(kol.kredit), "ekonomi.belopp", k.sv, k.en);
      } else ore = d.ore - k.ore;
    }
    // When: a date, or a period (with a year column when the period is a month number).
    let period: Period | undefined;
    let datum: string | undefined;
    let datumKolumn = kol.datum ?? kol.period;
    if (kol.datum !== undefined && celltext(cell(kol.datum)) !== "") {
      datum = tolkaDatum(cell(kol.datum));
      if (datum === undefined) {
        radOk = false;
        fel(r.rad, kol.datum, cell(kol.datum), "ekonomi.datum", "ogiltigt datum; förväntat ÅÅÅÅ-MM-DD, t.ex. 2025-03-15", "invalid date; expected YYYY-MM-DD");
      } else period = { ib: false, manad: datum.slice(0, 7) };
    }
    if (period === undefined && datum === undefined && kol.period !== undefined) {
      datumKolumn = kol.period;
      const ar = kol.ar !== undefined ? tolkaAr(cell(kol.ar)) : undefined;
      period = tolkaPeriod(cell(kol.period), ar);
      if (period === undefined) {
        radOk = false;
        fel(r.rad, kol.period, cell(kol.period), "ekonomi.period",
          `ogiltig period; förväntat en månad ÅÅÅÅ-MM (t.ex. 2025-03) eller ÅÅÅÅ-00 för ingående balans${kol.ar !== undefined ? ", eller månadens nummer 1–12 med året i kolumnen år" : ""}`,
          "invalid period; expected YYYY-MM or YYYY-00");
      } else if (!period.ib) datum = sistaDag(period.manad);
    } else if (period === undefined && datum === undefined && radOk) {
      radOk = false;
      fel(r.rad, kol.datum, null, "ekonomi.datum", "datum saknas; förväntat ÅÅÅÅ-MM-DD", "missing date");
    }
    // A type column may say the row is an opening balance.
    if (kol.typ !== undefined && period && !period.ib && IB_TYP.test(labelKey(celltext(cell(kol.typ))))) {
      const ar = Number((datum ?? period.manad).slice(0, 4));
      period = { ib: true, ar };
    }
    const idcell = cell(kol.id);
    const idk = kol.idnamn === undefined ? kodOchNamn(idcell) : { kod: celltext(idcell) === "" ? "" : kodOchNamn(idcell).kod };
    const idNamn = kol.idnamn !== undefined ? celltext(cell(kol.idnamn)) || undefined : idk.namn;
    if (!radOk || konto === undefined || ore === undefined || period === undefined) {
      ok = false;
      continue;
    }
    const ib = period.ib;
    const ar = ib ? period.ar : Number(period.manad.slice(0, 4));
    ut.push({
      forbundText: kol.forbund !== undefined ? celltext(cell(kol.forbund)) || undefined : undefined,
      id: idk.kod === "" ? undefined : idk.kod,
      idNamn,
      konto,
      kontonamn: kol.kontonamn !== undefined ? celltext(cell(kol.kontonamn)) || undefined : kn.namn,
      ore,
      datum: ib ? `${ar}-01-01` : datum!,
      manad: ib ? `${ar}-00` : period.manad,
      ib,
      ar,
      kalla: {
        tabell: t, rad: r.rad,
        kolumner: {
          ...(kol.forbund !== undefined ? { forbund: kol.forbund + 1 } : {}),
          ...(kol.id !== undefined ? { id: kol.id + 1 } : {}), konto: kol.konto! + 1, belopp: (kol.belopp ?? kol.debet)! + 1,
          ...(datumKolumn !== undefined ? { datum: datumKolumn + 1 } : {}),
        },
      },
    });
  }
  begr.sammanfatta(findings, t.fil, () => "fel");
  if (summarader > 1) {
    findings.info(fyndVid(plats(t, undefined), "ekonomi.summarad", `${summarader - 1} summarader till läses inte`, `${summarader - 1} more sum rows are not read`));
  }
  if (ok && ut.length === 0) {
    findings.fel(fyndVid(plats(t, t.rubrikrad), "csv.bara_rubrik", "huvudboken har en rubrikrad men inga bokningar; förväntat minst en rad under rubrikraden", "the ledger has no bookings"));
    return undefined;
  }
  return ok ? ut : undefined;
}
