/**
 * Checks of the computed economy, in the validation report (docs/datakvalitet.md):
 *
 * - the balansräkning balances (summa tillgångar = summa eget kapital och skulder);
 * - eget kapital equals the opening eget kapital plus the year's result (else something was
 *   booked directly on eget kapital);
 * - the driftsredovisning's total equals −(årets resultat) (else bookings have no ID);
 * - the members' shares sum to 100 %, their amounts to the total, and each amount is its share
 *   of the total; the medlemsbidrag in a closed year equal the decided medelstilldelning;
 * - an opening balance agrees with the closing balance the ledger gives for the year before;
 * - a budget subtotal agrees with its rows;
 * - eget kapital against the rules (for the last closed year and the forecast years).
 *
 * All are warnings (or information): the outputs are written, the report shows what differs.
 */
import type { Findings } from "../../validate/findings.ts";
import { tkr, visaKronor } from "./belopp.ts";
import type { Ekonomiresultat } from "./berakning.ts";
import { andel, hogstOre, hogstUppfyllt, lagstUppfyllt } from "./egetkapital.ts";
import { arResultatrad } from "./kontoplan.ts";
import { medlemsbelopp } from "./langsiktig.ts";
import { egetKapitalIngaende, postAv } from "./rakenskap.ts";
import { helAr } from "./rapportdatum.ts";
import { fyndVid, plats } from "./tabell.ts";
import type { Kalla } from "./typer.ts";

const RADNAMN: Record<string, string> = {
  anlaggningstillgangar: "anläggningstillgångar", fordringar: "fordringar", kortfristiga_placeringar: "kortfristiga placeringar",
  kassa_och_bank: "kassa och bank", eget_kapital: "eget kapital", avsattningar: "avsättningar", langfristiga_skulder: "långfristiga skulder",
  kortfristiga_skulder: "kortfristiga skulder",
};

const procent = (x: number) => `${(Math.round(x * 1000) / 10).toLocaleString("sv-SE")} %`;

function vid(k: Kalla, kolumn?: number, varde?: string) {
  return plats(k.tabell, k.rad, kolumn, varde ?? null);
}

export function kontrollera(res: Ekonomiresultat, findings: Findings): void {
  const { fe, rakenskap: r } = res;
  const namn = fe.forbundNamn;
  const hb = r.huvudbok;
  const forsta = fe.bokningar[0];
  const filen = forsta ? { fil: forsta.kalla.tabell.fil } : { fil: fe.budget[0]?.kalla.tabell.fil ?? fe.medel[0]?.kalla.tabell.fil ?? "" };

  if (r.till !== undefined && res.tillKalla === "huvudbok") {
    findings.info({
      ...filen, regel: "ekonomi.rapportdatum",
      meddelande: `${namn}: rapportdatum ${r.till}, sista dagen i månaden före huvudbokens senaste bokning (${res.senasteBokning}); ange ett annat med finsam run --till eller "rapportdatum" i inställningarna`,
      message: `report date ${r.till} from the ledger's latest booking`,
    });
  }
  if (r.efterTill.length > 0) {
    const b = r.efterTill[0]!;
    findings.info(fyndVid(vid(b.kalla, b.kalla.kolumner.datum, b.datum), "ekonomi.efter_rapportdatum",
      `${r.efterTill.length} ${r.efterTill.length === 1 ? "rad" : "rader"} i huvudboken efter rapportdatumet ${r.till} räknas inte (den första här)`,
      `${r.efterTill.length} ledger rows after the report date are not counted`));
  }
  if (fe.bokningar.length > 0 && !hb.harBalanskonton) {
    findings.info({ ...filen, regel: "ekonomi.inga_balanskonton", meddelande: `${namn}: huvudboken har inga balanskonton (klass 1–2); balansräkning och kassaflödesanalys beräknas inte`, message: "the ledger has no balance accounts" });
  }
  if (hb.harBalanskonton) {
    for (const y of hb.utanOppning) {
      const b = hb.ar.get(y)!.bokningar[0]!;
      findings.varning(fyndVid(vid(b.kalla, b.kalla.kolumner.datum, b.datum), "ekonomi.ingaende_balans_saknas",
        `${namn}: ingående balans för ${y} saknas (rader med period ${y}-00) och huvudboken har inte ${y - 1}; balansräkning och kassaflödesanalys för ${y} beräknas inte`,
        `no opening balance for ${y}`));
    }
  }
  for (const y of hb.luckor) {
    findings.varning({ ...filen, regel: "ekonomi.ar_saknas", meddelande: `${namn}: huvudboken saknar ${y} och ingående balans för året efter; saldona förs över ${y} utan de årens bokningar`, message: `the ledger has no ${y}` });
  }
  for (const a of hb.ibAvvikelser) {
    const text = a.rader.map((x) => `${RADNAMN[x.rad] ?? x.rad} ${visaKronor(Math.abs(x.ib))} enligt ingående balans, ${visaKronor(Math.abs(x.beraknat))} enligt ${a.ar - 1}`).join("; ");
    findings.varning(fyndVid(vid(a.forsta.kalla, a.forsta.kalla.kolumner.belopp), "ekonomi.ingaende_balans",
      `${namn}: ingående balans ${a.ar} stämmer inte med utgående balans ${a.ar - 1} i huvudboken: ${text}; den ingående balansen används`,
      `opening balance ${a.ar} differs from the closing balance of ${a.ar - 1}`));
  }

  // The balansräkning balances, at each report date and a year earlier (each date once).
  const balanser = new Map<string, NonNullable<(typeof res.ar)[number]["br"]>>();
  for (const y of res.ar) {
    if (y.brJamforelse) balanser.set(y.jamforelsedatum, y.brJamforelse);
    if (y.br) balanser.set(y.till, y.br);
  }
  for (const [datum, br] of [...balanser].sort(([a], [b]) => (a < b ? -1 : 1))) {
    {
      const diff = br.summa_tillgangar - br.summa_eget_kapital_och_skulder;
      if (diff !== 0) {
        findings.varning({
          ...filen, regel: "ekonomi.balans",
          meddelande: `${namn} ${datum}: balansräkningen balanserar inte: summa tillgångar ${visaKronor(br.summa_tillgangar)}, summa eget kapital och skulder ${visaKronor(br.summa_eget_kapital_och_skulder)} (skillnad ${visaKronor(diff)}); huvudbokens bokningar summerar inte till noll`,
          message: `the balance sheet does not balance (difference ${diff / 100} kr)`,
        });
      }
    }
  }
  for (const y of res.ar) {
    // Eget kapital = opening + the year's result.
    if (y.br && y.br.arets_resultat !== undefined && hb.ar.get(y.ar)?.kand) {
      const ingaende = egetKapitalIngaende(r, y.ar);
      const diff = y.br.eget_kapital - ingaende;
      if (diff !== 0) {
        const direkt = hb.ar.get(y.ar)!.bokningar.find((b) => b.rad === "eget_kapital" && b.datum <= y.till);
        const p = direkt ? vid(direkt.kalla, direkt.kalla.kolumner.belopp) : plats(fe.bokningar[0]!.kalla.tabell, undefined);
        findings.varning(fyndVid(p, "ekonomi.eget_kapital",
          `${namn} ${y.till}: eget kapital ${visaKronor(y.br.summa_eget_kapital)} är inte ingående eget kapital ${visaKronor(ingaende)} plus årets resultat ${visaKronor(y.br.arets_resultat)}: ${visaKronor(diff)} har bokats direkt på eget kapital${direkt ? " (den första bokningen här)" : ""}`,
          `eget kapital changed by ${diff / 100} kr besides the year's result`));
      }
    }
    // The drift total is −(årets resultat).
    const totalt = y.drift.find((d) => d.id === "totalt");
    const resultat = y.rr.find((x) => x.rad === "arets_resultat")!.utfallOre;
    if (totalt && totalt.utfallOre !== -resultat) {
      const utanId = hb.ar.get(y.ar)?.bokningar.filter((b) => b.datum <= y.till && b.id === undefined && arResultatrad(b.rad) && b.rad !== "resultatdisposition") ?? [];
      const b = utanId[0];
      findings.varning(fyndVid(b ? vid(b.kalla, b.kalla.kolumner.id) : plats(fe.bokningar[0]!.kalla.tabell, undefined), "ekonomi.drift_resultat",
        `${namn} ${y.till}: driftsredovisningens totala utfall ${visaKronor(totalt.utfallOre)} är inte −(årets resultat ${visaKronor(resultat)}): ${utanId.length} bokningar på resultatkonton saknar ID (summa ${visaKronor(-resultat - totalt.utfallOre)})${b ? ", den första här" : ""}`,
        `the drift total is not −(the year's result): ${utanId.length} bookings without ID`));
    }
    // Medlemsbidrag of a closed year = the decided medelstilldelning.
    const m = res.medel.find((x) => x.ar === y.ar);
    const bidrag = y.rr.find((x) => x.rad === "medlemsbidrag")!.utfallOre;
    if (helAr(y.till) && m?.totaltOre !== undefined && m.status === "beslutad" && bidrag !== 0 && bidrag !== m.totaltOre) {
      findings.varning({
        ...filen, regel: "ekonomi.medlemsbidrag",
        meddelande: `${namn} ${y.ar}: medlemsbidragen i huvudboken är ${visaKronor(bidrag)}, men den beslutade medelstilldelningen är ${visaKronor(m.totaltOre)}`,
        message: "the members' contributions in the ledger differ from the decided medelstilldelning",
      });
    }
  }

  // Medelstilldelning: shares and amounts.
  for (const m of res.medel) {
    const andelar = m.medlemmar.filter((x) => x.andel !== undefined);
    const radAv = (x: (typeof m.medlemmar)[number]) => vid(x.kalla, x.kalla.kolumner.medlem);
    if (andelar.length > 0 && andelar.length === m.medlemmar.length) {
      const summa = andelar.reduce((s, x) => s + x.andel!, 0);
      if (Math.abs(summa - 1) > 1e-9) {
        findings.varning(fyndVid(radAv(andelar[0]!), "ekonomi.medlemsandelar",
          `${namn} ${m.ar}: medlemmarnas andelar summerar till ${procent(summa)}; förväntat 100 %`, `the members' shares sum to ${summa * 100} %`));
      }
    }
    const belopp = m.medlemmar.filter((x) => x.beloppOre !== undefined);
    if (m.angivetTotalt?.beloppOre !== undefined && belopp.length === m.medlemmar.length && belopp.length > 0) {
      const summa = belopp.reduce((s, x) => s + x.beloppOre!, 0);
      if (summa !== m.angivetTotalt.beloppOre) {
        findings.varning(fyndVid(vid(m.angivetTotalt.kalla, m.angivetTotalt.kalla.kolumner.belopp), "ekonomi.medlemsbelopp",
          `${namn} ${m.ar}: medlemmarnas belopp summerar till ${visaKronor(summa)}, men totalen är ${visaKronor(m.angivetTotalt.beloppOre)}`, "the members' amounts do not sum to the total"));
      }
    }
    const total = m.totaltOre;
    if (total !== undefined) {
      // Amounts given in whole tkr (a rounded table) may differ from share × total by less than 1 tkr.
      const heltTkr = belopp.length > 0 && belopp.every((x) => x.beloppOre! % 100_000 === 0);
      const tolerans = heltTkr ? 100_000 : 100;
      for (const x of m.medlemmar) {
        if (x.andel === undefined || x.beloppOre === undefined) continue;
        const vantat = x.andel * total;
        if (Math.abs(x.beloppOre - vantat) >= tolerans) {
          findings.varning(fyndVid(vid(x.kalla, x.kalla.kolumner.belopp), "ekonomi.medlemsbelopp",
            `${namn} ${m.ar}: ${x.medlem} har ${visaKronor(x.beloppOre)}, men ${procent(x.andel)} av ${visaKronor(total)} är ${visaKronor(Math.round(vantat))}`,
            "a member's amount is not its share of the total"));
        }
      }
    }
  }

  // Budget subtotals and the whole förbund's total.
  const perId = new Map<string, number>();
  for (const b of fe.budget) if (!b.delsumma && b.id !== "totalt" && b.budgetOre !== undefined) perId.set(`${b.ar}\u0000${b.id}`, (perId.get(`${b.ar}\u0000${b.id}`) ?? 0) + b.budgetOre);
  for (const b of fe.budget) {
    if (b.budgetOre === undefined) continue;
    if (b.delsumma) {
      const summa = perId.get(`${b.ar}\u0000${b.id}`);
      if (summa !== undefined && summa !== b.budgetOre) {
        findings.varning(fyndVid(vid(b.kalla, b.kalla.kolumner.belopp), "ekonomi.budget_delsumma",
          `${namn} ${b.ar}: delsumman för ID ${b.id} är ${visaKronor(b.budgetOre)}, men IDts rader summerar till ${visaKronor(summa)}`, "a budget subtotal differs from its rows"));
      }
    } else if (b.id === "totalt") {
      const netto = [...perId].filter(([k]) => k.startsWith(`${b.ar}\u0000`) && postAv(r, k.split("\u0000")[1]) !== "intakter").reduce((s, [, v]) => s + v, 0);
      const harRader = [...perId.keys()].some((k) => k.startsWith(`${b.ar}\u0000`));
      if (harRader && netto !== b.budgetOre) {
        findings.varning(fyndVid(vid(b.kalla, b.kalla.kolumner.belopp), "ekonomi.budget_delsumma",
          `${namn} ${b.ar}: förbundets totala budget är ${visaKronor(b.budgetOre)}, men IDnas kostnader (utom intäkterna) summerar till ${visaKronor(netto)}`, "the förbund's total budget differs from its IDs"));
      }
    }
  }
  const intakterPerAr = new Map<number, { ore: number; kalla: Kalla }>();
  for (const b of fe.budget) {
    if (b.delsumma || b.id === "totalt" || b.budgetOre === undefined || postAv(r, b.id) !== "intakter") continue;
    const v = intakterPerAr.get(b.ar) ?? { ore: 0, kalla: b.kalla };
    v.ore += b.budgetOre;
    intakterPerAr.set(b.ar, v);
  }
  for (const [ar, v] of intakterPerAr) {
    if (v.ore > 0) {
      findings.varning(fyndVid(vid(v.kalla, v.kalla.kolumner.belopp), "ekonomi.budget_tecken",
        `${namn} ${ar}: intäkterna är budgeterade med plustecken (${visaKronor(v.ore)}); förväntat minustecken för intäkter (Kommun-Bas: kostnader plus, intäkter minus)`,
        "income budgeted with a positive sign"));
    }
  }

  // Eget kapital against the rules: the last closed year and the forecasts.
  const senasteBokslut = Math.max(...res.egetKapital.filter((e) => e.underlag === "bokslut").map((e) => e.ar));
  for (const e of res.egetKapital) {
    if (e.underlag === "bokslut" && e.ar !== senasteBokslut) continue;
    const vad = e.underlag === "bokslut" ? `eget kapital ${e.ar}-12-31` : `eget kapital ${e.ar}-12-31 enligt ${e.underlag === "prognos" ? "prognosen" : "budgeten"}`;
    const a = andel(e);
    if (hogstUppfyllt(e) === false) {
      findings.info({
        ...filen, regel: "ekonomi.regel_hogst",
        meddelande: `${namn}: ${vad} är ${visaKronor(e.egetKapitalOre)}, ${procent(a!)} av ${e.bas === "medelstilldelning" ? "årets medelstilldelning" : "verksamhetens intäkter"} ${visaKronor(e.basOre!)}; högst ${procent(e.hogstAndel)} (${visaKronor(Math.round(hogstOre(e)!))}) rekommenderas`,
        message: `eget kapital is above ${e.hogstAndel * 100} % of the base`,
      });
    }
    if (lagstUppfyllt(e) === false) {
      // Below the förbund's own floor is a warning (a budget that breaks its own rule); above the
      // recommended ceiling is information.
      findings[e.underlag === "bokslut" ? "info" : "varning"]({
        ...filen, regel: "ekonomi.regel_lagst",
        meddelande: `${namn}: ${vad} är ${visaKronor(e.egetKapitalOre)} (${tkr(e.egetKapitalOre)} tkr), under förbundets lägsta nivå ${visaKronor(e.lagstOre!)}`,
        message: "eget kapital is below the förbund's floor",
      });
    }
  }
}
