/**
 * Economy tables as a report prints them (driftsredovisning, resultaträkning, balansräkning,
 * the long-term table), one printed number per row: which table, its kind, the date it reports
 * to, the row's and the column's label as printed, and the number (tkr unless `enhet` says kr).
 * They are checked against their own arithmetic and against the tables computed from the
 * ledger (kontroller/rapporterat.ts): a report's inconsistent figure is found, never copied.
 */
import { labelKey } from "../../normalise/labels.ts";
import { Begransning, type Findings } from "../../validate/findings.ts";
import { hittaKolumner, RAPPORT_KOLUMNER } from "./kolumner.ts";
import { oanvandaKolumner, tolkaDatum } from "./falt.ts";
import { celltext, fyndVid, plats, rubriknycklar, type Cell, type Tabell } from "./tabell.ts";
import { RAPPORTTYPER, type Rapporttyp, type Rapportvarde } from "./typer.ts";

const TYPER: Readonly<Record<string, Rapporttyp>> = {
  drift: "drift", driftsredovisning: "drift", driftredovisning: "drift",
  resultatrakning: "resultatrakning", rr: "resultatrakning",
  balansrakning: "balansrakning", br: "balansrakning",
  langsiktig: "langsiktig", "langsiktig budget": "langsiktig", "langsiktig tabell": "langsiktig", historik: "langsiktig",
};

/** `1 340`, `-5 411`, `−210 %`, `700*`, `7 500**`. */
const TAL = /^([-\u2212]?)\s*(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?\s*(%?)\s*(\*{0,2})$/;

export function lasRapporterat(t: Tabell, findings: Findings): Rapportvarde[] | undefined {
  const kol = hittaKolumner(rubriknycklar(t), RAPPORT_KOLUMNER);
  const saknas = (["tabell", "typ", "till_datum", "rad", "kolumn", "varde"] as const).filter((f) => kol[f] === undefined);
  if (saknas.length > 0) {
    findings.fel(fyndVid(plats(t, t.rubrikrad), "csv.kolumn_saknas",
      `kolumn saknas i de rapporterade tabellerna: ${saknas.map((s) => `"${s}"`).join(", ")}; rubrikraden har ${t.rubriker.map((r) => `"${r}"`).join(", ")}`,
      `missing column(s): ${saknas.join(", ")}`));
    return undefined;
  }
  const oanvanda = oanvandaKolumner(t, Object.values(kol));
  if (oanvanda.length > 0) {
    findings.info(fyndVid(plats(t, t.rubrikrad), "ekonomi.kolumn_anvands_inte", `kolumnerna ${oanvanda.map((r) => `"${r}"`).join(", ")} används inte`, `columns not used: ${oanvanda.join(", ")}`));
  }
  const begr = new Begransning();
  const fel = (rad: number, kolumn: number | undefined, v: Cell, regel: string, sv: string, en: string) => {
    if (begr.rapportera(regel)) findings.fel(fyndVid(plats(t, rad, kolumn === undefined ? undefined : kolumn + 1, v), regel, sv, en));
  };
  const ut: Rapportvarde[] = [];
  let ok = true;
  for (const r of t.rader) {
    const cell = (i: number | undefined): Cell => (i === undefined ? null : (r.celler[i] ?? null));
    const text = celltext(cell(kol.varde));
    if (text === "" || text === "–" || text === "-") continue; // an empty cell as printed
    let radOk = true;
    const typ = TYPER[labelKey(celltext(cell(kol.typ)))];
    if (typ === undefined) {
      radOk = false;
      fel(r.rad, kol.typ, cell(kol.typ), "ekonomi.rapporterat_typ", `förväntat tabellens typ: ${RAPPORTTYPER.join(", ")}`, "unknown table type");
    }
    const tillDatum = tolkaDatum(cell(kol.till_datum));
    if (tillDatum === undefined) {
      radOk = false;
      fel(r.rad, kol.till_datum, cell(kol.till_datum), "ekonomi.datum", "ogiltigt datum; förväntat dagen tabellen gäller till, ÅÅÅÅ-MM-DD", "invalid date");
    }
    const m = TAL.exec(typeof cell(kol.varde) === "number" ? String(cell(kol.varde)) : text.replace(/^\((.*)\)$/, "-$1"));
    if (!m) {
      radOk = false;
      fel(r.rad, kol.varde, cell(kol.varde), "ekonomi.belopp", "förväntat talet som det står i rapporten, t.ex. 1 340, -5 411, 79 % eller 700*", "expected the printed number");
    }
    const enhetText = labelKey(celltext(cell(kol.enhet)));
    if (enhetText !== "" && enhetText !== "tkr" && enhetText !== "kr" && enhetText !== "%") {
      radOk = false;
      fel(r.rad, kol.enhet, cell(kol.enhet), "ekonomi.enhet", 'förväntat "tkr" eller "kr"', "expected tkr or kr");
    }
    if (!radOk || !m) {
      ok = false;
      continue;
    }
    const varde = Number(`${m[1] ? "-" : ""}${m[2]!.replace(/[ \u00a0\u202f]/g, "")}${m[3] ? `.${m[3]}` : ""}`);
    ut.push({
      forbundText: kol.forbund !== undefined ? celltext(cell(kol.forbund)) || undefined : undefined,
      rapport: kol.rapport !== undefined ? celltext(cell(kol.rapport)) || undefined : undefined,
      tabell: celltext(cell(kol.tabell)),
      typ: typ!,
      tillDatum: tillDatum!,
      rad: celltext(cell(kol.rad)),
      kolumn: celltext(cell(kol.kolumn)),
      varde: varde === 0 ? 0 : varde,
      procent: m[4] === "%" || enhetText === "%",
      markering: m[5] ?? "",
      enhet: enhetText === "kr" ? "kr" : "tkr",
      kalla: { tabell: t, rad: r.rad, kolumner: { belopp: kol.varde! + 1, ...(kol.forbund !== undefined ? { forbund: kol.forbund + 1 } : {}) } },
    });
  }
  begr.sammanfatta(findings, t.fil, () => "fel");
  return ok ? ut : undefined;
}
