/**
 * The economy's tables on a small ledger worked out by hand (docs/definitioner/ekonomi.md).
 *
 * Opening balances 2024: bank 1 000 000, kundfordringar 50 000; eget kapital 700 000, pensions
 * 200 000, leverantörsskulder 150 000. To 31 August: medlemsbidrag 600 000 in, styrelse 40 000
 * paid, Samverkansteam Avesta 300 000 invoiced (unpaid), pension provision +20 000, interest
 * 1 000 in, 50 000 booked directly on eget kapital. A booking on 10 September is after the
 * report date (31 August, the month before the latest booking) and never counts.
 */
import { describe, expect, it } from "vitest";
import { ekonomi, kr } from "../helpers/ekonomi.ts";
import { aterstar, forbrukad } from "../../loaders/kinds/ekonomi/drift.ts";
import { andel, hogstOre, hogstUppfyllt, lagstUppfyllt } from "../../loaders/kinds/ekonomi/egetkapital.ts";
import { ettArTidigare, manadenFore, rapportdatum } from "../../loaders/kinds/ekonomi/rapportdatum.ts";

const HUVUDBOK = `Förbund;ID;ID-text;Konto;Period;Datum;Belopp
sodra-dalarna;;;1930;2024-00;;1 000 000
sodra-dalarna;;;1510;2024-00;;50 000
sodra-dalarna;;;2010;2024-00;;-700 000
sodra-dalarna;;;2210;2024-00;;-200 000
sodra-dalarna;;;2510;2024-00;;-150 000
sodra-dalarna;50000;Intäkter;3510;;2024-02-15;-600 000
sodra-dalarna;;;1930;;2024-02-15;600 000
sodra-dalarna;10000;Styrelse;5010;;2024-03-25;40 000
sodra-dalarna;;;1930;;2024-03-25;-40 000
sodra-dalarna;35000;Samverkansteam Avesta;4510;;2024-04-10;300 000
sodra-dalarna;;;2510;;2024-04-10;-300 000
sodra-dalarna;20000;Administration;5720;;2024-05-31;20 000
sodra-dalarna;;;2210;;2024-05-31;-20 000
sodra-dalarna;20000;Administration;8410;;2024-06-30;-1 000
sodra-dalarna;;;1930;;2024-06-30;1 000
sodra-dalarna;;;2010;;2024-07-01;-50 000
sodra-dalarna;;;1930;;2024-07-01;50 000
sodra-dalarna;10000;Styrelse;5010;;2024-09-10;10 000
sodra-dalarna;;;1930;;2024-09-10;-10 000
`;

const BUDGET = `Förbund;ID;Konto;År;Årsbudget;Prognos
sodra-dalarna;10000;;2024;100 000;90 000
sodra-dalarna;20000;5720;2024;30 000;
sodra-dalarna;20000;8410;2024;0;
sodra-dalarna;35000;;2024;600 000;
sodra-dalarna;50000;;2024;-700 000;
sodra-dalarna;Totalt;;2025;800 000;
`;

const MEDEL = `Förbund;År;Medlem;Andel;Belopp;Status
sodra-dalarna;2024;Försäkringskassan;50 %;350 000;beslutad
sodra-dalarna;2024;Region Dalarna;50 %;350 000;beslutad
sodra-dalarna;2024;Totalt;;700 000;beslutad
sodra-dalarna;2025;Totalt;;720 000;äskad
`;

const INST = { finsam: { forbund: { "sodra-dalarna": { ekonomi: { eget_kapital: { lagst: 400000 } } } } } };

const { findings, resultat } = ekonomi({ "huvudbok.csv": HUVUDBOK, "budget.csv": BUDGET, "medel.csv": MEDEL }, INST);
const sd = resultat![0]!;
const ar2024 = sd.ar.find((a) => a.ar === 2024)!;

describe("rapportdatum", () => {
  it("is the last day of the month before the latest booking: 10 September reports to 31 August", () => {
    expect(sd.rakenskap.till).toBe("2024-08-31");
    expect(manadenFore("2025-09-12")).toBe("2025-08-31");
    expect(manadenFore("2025-01-05")).toBe("2024-12-31");
    expect(manadenFore("2024-03-15")).toBe("2024-02-29");
  });

  it("--till comes before the settings' rapportdatum, which comes before the ledger", () => {
    expect(rapportdatum("2024-06-30", "2024-12-31", "2025-09-12")).toEqual({ datum: "2024-06-30", kalla: "till" });
    expect(rapportdatum(undefined, "2024-12-31", "2025-09-12")).toEqual({ datum: "2024-12-31", kalla: "installning" });
    expect(rapportdatum(undefined, undefined, "2025-09-12")).toEqual({ datum: "2025-08-31", kalla: "huvudbok" });
  });

  it("compares with the same day a year earlier (a month's last day with that month's)", () => {
    expect(ettArTidigare("2025-08-31")).toBe("2024-08-31");
    expect(ettArTidigare("2025-02-28")).toBe("2024-02-29");
    expect(ettArTidigare("2024-02-29")).toBe("2023-02-28");
  });

  it("a booking after the report date never counts, and the report says how many rows were left out", () => {
    expect(sd.rakenskap.efterTill).toHaveLength(2);
    expect(findings.all.find((f) => f.regel === "ekonomi.efter_rapportdatum")).toMatchObject({ fil: "huvudbok.csv", rad: 19, allvar: "info" });
  });
});

describe("driftsredovisning", () => {
  const rad = (id: string) => ar2024.drift.find((d) => d.id === id)!;

  it("utfall per ID in Kommun-Bas signs: costs positive, income negative", () => {
    expect(ar2024.drift.map((d) => [d.id, d.post, kr(d.utfallOre)])).toEqual([
      ["10000", "styrelse", 40_000],
      ["20000", "administration", 19_000],
      ["35000", "insats", 300_000],
      ["50000", "intakter", -600_000],
      ["totalt", "totalt", -241_000],
    ]);
  });

  it("återstår = budget − utfall and förbrukad = utfall / budget, also for income", () => {
    expect(kr(aterstar(rad("10000")))).toBe(60_000);
    expect(forbrukad(rad("10000"))).toBe(0.4);
    expect(kr(aterstar(rad("50000")))).toBe(-100_000);
    expect(forbrukad(rad("50000"))).toBe(600_000 / 700_000);
    // Södra Dalarna's income row, delårsbokslut 2025: −6 184 − (−5 411) = −773.
    expect(aterstar({ utfallOre: -541_100_000, budgetOre: -618_400_000 })).toBe(-77_300_000);
  });

  it("förbrukad does not exist when the budget is 0 (Publikationer 2018: 54 | 0 | −54 | –)", () => {
    expect(forbrukad({ utfallOre: 5_410_000, budgetOre: 0 })).toBeUndefined();
    expect(aterstar({ utfallOre: 5_410_000, budgetOre: 0 })).toBe(-5_410_000);
  });

  it("the prognos: an ID's own, else its budget; the total is −(the forecast result)", () => {
    expect(ar2024.drift.map((d) => kr(d.prognosOre))).toEqual([90_000, 30_000, 600_000, -700_000, 20_000]);
  });

  it("the total equals −(årets resultat) when every result booking has an ID", () => {
    const rr = ar2024.rr.find((r) => r.rad === "arets_resultat")!;
    expect(rad("totalt").utfallOre).toBe(-rr.utfallOre);
  });
});

describe("resultaträkning", () => {
  const rr = Object.fromEntries(ar2024.rr.map((r) => [r.rad, r]));

  it("statement signs: income positive, costs negative; results as sums", () => {
    expect(kr(rr.verksamhetens_intakter!.utfallOre)).toBe(600_000);
    expect(kr(rr.medlemsbidrag!.utfallOre)).toBe(600_000); // income on the intäkter ID
    expect(kr(rr.verksamhetens_kostnader!.utfallOre)).toBe(-360_000);
    expect(kr(rr.verksamhetens_resultat!.utfallOre)).toBe(240_000);
    expect(kr(rr.finansiella_intakter!.utfallOre)).toBe(1_000);
    expect(kr(rr.arets_resultat!.utfallOre)).toBe(241_000);
  });

  it("the budget is gross by konto, or by the ID's post when a row has no konto", () => {
    expect(kr(rr.verksamhetens_intakter!.budgetOre)).toBe(700_000);
    expect(kr(rr.verksamhetens_kostnader!.budgetOre)).toBe(-730_000);
    expect(kr(rr.arets_resultat!.budgetOre)).toBe(-30_000);
    expect(kr(rr.arets_resultat!.prognosOre)).toBe(-20_000);
  });

  it("no previous year when the ledger has no bookings that year", () => {
    expect(rr.arets_resultat!.foregaendeOre).toBeUndefined();
  });
});

describe("balansräkning and kassaflödesanalys", () => {
  const br = ar2024.br!;

  it("the balances at the report date; eget kapital without and with the year's result", () => {
    expect(kr(br.fordringar)).toBe(50_000);
    expect(kr(br.kassa_och_bank)).toBe(1_611_000);
    expect(kr(br.summa_tillgangar)).toBe(1_661_000);
    expect(kr(br.eget_kapital)).toBe(750_000);
    expect(kr(br.arets_resultat)).toBe(241_000);
    expect(kr(br.summa_eget_kapital)).toBe(991_000);
    expect(kr(br.avsattningar)).toBe(220_000);
    expect(kr(br.kortfristiga_skulder)).toBe(450_000);
    expect(br.summa_eget_kapital_och_skulder).toBe(br.summa_tillgangar);
  });

  it("no comparison a year earlier when the ledger does not reach back", () => {
    expect(ar2024.jamforelsedatum).toBe("2023-08-31");
    expect(ar2024.brJamforelse).toBeUndefined();
  });

  it("indirect method: result + avsättningar − fordringar + skulder + eget kapital tillfört = förändring av kassa", () => {
    const kf = ar2024.kf!;
    expect([kf.arets_resultat, kf.justering_avsattningar, kf.forandring_fordringar, kf.forandring_kortfristiga_skulder, kf.ovrigt_eget_kapital].map(kr)).toEqual([241_000, 20_000, 0, 300_000, 50_000]);
    expect(kr(kf.arets_kassaflode)).toBe(611_000);
    expect(kf.likvida_medel_slut - kf.likvida_medel_borjan).toBe(kf.arets_kassaflode);
  });

  it("eget kapital that is not opening + result is a warning at the booking on eget kapital", () => {
    expect(findings.all.find((f) => f.regel === "ekonomi.eget_kapital")).toMatchObject({ fil: "huvudbok.csv", rad: 17, allvar: "varning" });
    expect(findings.all.find((f) => f.regel === "ekonomi.eget_kapital")!.meddelande).toContain("50 000 kr har bokats direkt på eget kapital");
  });
});

describe("noter and nyckeltal", () => {
  it("income per source and costs per kind (Kommun-Bas kontogrupp), balances per kind", () => {
    expect(ar2024.noter.map((n) => [n.not, n.rad, kr(n.beloppOre)])).toEqual([
      ["intakter", "Bidrag", 600_000],
      ["kostnader", "Lämnade bidrag", -300_000],
      ["kostnader", "Löner arbetad tid", -40_000],
      ["kostnader", "Pensionskostnader", -20_000],
      ["finansiella_poster", "Finansiella intäkter", 1_000],
      ["fordringar", "Kundfordringar", 50_000],
      ["kassa_och_bank", "Kassa och bank", 1_611_000],
      ["avsattningar", "Avsättningar", 220_000],
      ["kortfristiga_skulder", "Leverantörsskulder", 450_000],
    ]);
  });

  it("soliditet = eget kapital / summa tillgångar; shares of costs to administration and insatser", () => {
    const n = Object.fromEntries(ar2024.nyckeltal.map((x) => [x.matt, x.taljareOre / x.namnareOre]));
    expect(n.soliditet).toBe(991_000 / 1_661_000);
    expect(n.andel_administration).toBe(60_000 / 360_000);
    expect(n.andel_insatser).toBe(300_000 / 360_000);
  });
});

describe("long-term table and eget kapital against the rules", () => {
  it("the report's year from the prognos, later years EK(t) = EK(t−1) + medelstilldelning − budget", () => {
    expect(sd.langsiktig.map((l) => [l.ar, kr(l.medelstilldelningOre), l.medelstilldelningStatus, kr(l.budgetOre), kr(l.egetKapitalOre), l.underlag])).toEqual([
      [2023, undefined, undefined, undefined, 700_000, "bokslut"],
      [2024, 700_000, "beslutad", 730_000, 730_000, "prognos"],
      [2025, 720_000, "askad", 800_000, 650_000, "budget"],
    ]);
  });

  it("andel = EK / the year's medelstilldelning; högst 20 %, lägst the förbund's floor", () => {
    const e = sd.egetKapital.find((x) => x.ar === 2025)!;
    expect(andel(e)).toBe(650_000 / 720_000);
    expect(hogstOre(e)).toBe(0.2 * 72_000_000);
    expect(hogstUppfyllt(e)).toBe(false);
    expect(lagstUppfyllt(e)).toBe(true);
  });

  it("Falun-Borlänge 2024 in three ways: 49,3 % of the anslag, 48,6 % of the intäkter, not met either way", () => {
    const rad = { ar: 2024, datum: "2024-12-31", underlag: "bokslut" as const, egetKapitalOre: 422_410_100, hogstAndel: 0.2, lagstOre: undefined };
    expect(andel({ ...rad, bas: "medelstilldelning", basOre: 856_200_000 })).toBeCloseTo(0.4934, 4);
    expect(andel({ ...rad, bas: "intakter", basOre: 869_915_800 })).toBeCloseTo(0.4856, 4);
    expect(hogstUppfyllt({ ...rad, bas: "intakter", basOre: 869_915_800 })).toBe(false);
  });
});

describe("medelstilldelning", () => {
  it("members and the stated total; no finding when the shares sum to 100 % and the amounts to the total", () => {
    expect(sd.medel.map((m) => [m.ar, kr(m.totaltOre), m.status])).toEqual([[2024, 700_000, "beslutad"], [2025, 720_000, "askad"]]);
    expect(findings.all.filter((f) => f.regel.startsWith("ekonomi.medlems"))).toEqual([]);
  });

  it("shares that do not sum to 100 % and amounts that are not the share of the total are warnings at the row", () => {
    const fel = ekonomi({
      "huvudbok.csv": HUVUDBOK,
      "medel.csv": "Förbund;År;Medlem;Andel;Belopp\nsodra-dalarna;2025;Försäkringskassan;50 %;3 092 000\nsodra-dalarna;2025;Region Dalarna;25 %;1 546 000\nsodra-dalarna;2025;Avesta kommun;11 %;680 240\nsodra-dalarna;2025;Hedemora kommun;8 %;494 720\nsodra-dalarna;2025;Säters kommun;5 %;371 040\nsodra-dalarna;2025;Totalt;;6 184 000\n",
    }, INST).findings.all.filter((f) => f.regel.startsWith("ekonomi.medlems"));
    expect(fel.map((f) => [f.regel, f.rad])).toEqual([["ekonomi.medlemsandelar", 2], ["ekonomi.medlemsbelopp", 6]]);
    expect(fel[0]!.meddelande).toContain("summerar till 99 %");
    expect(fel[1]!.meddelande).toContain("5 % av 6 184 000 kr är 309 200 kr");
  });
});

describe("closing bookings, opening balances and the checks", () => {
  const FB = `Förbund;Projekt;Konto;Period;Datum;Belopp
falun-borlange;;1930;2023-00;;100
falun-borlange;;2010;2023-00;;-100
falun-borlange;900;3511;;2023-03-31;-50
falun-borlange;;1930;;2023-03-31;50
falun-borlange;;8990;;2023-12-31;50
falun-borlange;;2010;;2023-12-31;-50
falun-borlange;900;3511;;2024-03-31;-30
falun-borlange;;1930;;2024-03-31;30
`;
  const FB_INST = { finsam: { forbund: { "falun-borlange": { ekonomi: { rapportdatum: "2024-12-31", poster: { "900": "intakter" } } } } } };

  it("a closing booking on konto 89 moves the result to eget kapital; the tables are the same", () => {
    const { resultat: r, findings: f } = ekonomi({ "fb.csv": FB }, FB_INST);
    const a = r![0]!.ar;
    expect(a.map((x) => [x.till, kr(x.br!.eget_kapital), kr(x.br!.arets_resultat), kr(x.br!.summa_eget_kapital)])).toEqual([
      ["2023-12-31", 100, 50, 150],
      ["2024-12-31", 150, 30, 180],
    ]);
    expect(a.map((x) => kr(x.drift.find((d) => d.id === "totalt")!.utfallOre))).toEqual([-50, -30]);
    expect(f.errors).toEqual([]);
    expect(f.warnings).toEqual([]);
  });

  it("an opening balance that differs from the year before's closing is a warning naming the lines", () => {
    const text = `${FB}falun-borlange;;1930;2024-00;;160\nfalun-borlange;;2010;2024-00;;-160\n`;
    const f = ekonomi({ "fb.csv": text }, FB_INST).findings;
    const w = f.all.find((x) => x.regel === "ekonomi.ingaende_balans")!;
    expect(w).toMatchObject({ fil: "fb.csv", rad: 10, allvar: "varning" });
    expect(w.meddelande).toContain("kassa och bank 160 kr enligt ingående balans, 150 kr enligt 2023");
  });

  it("bookings on result konton without an ID make the drift differ from the result: a warning at the first", () => {
    const text = FB.replace("falun-borlange;900;3511;;2024-03-31;-30", "falun-borlange;;3511;;2024-03-31;-30");
    const f = ekonomi({ "fb.csv": text }, FB_INST).findings;
    expect(f.all.find((x) => x.regel === "ekonomi.drift_resultat")).toMatchObject({ fil: "fb.csv", rad: 8, kolumn: 2, allvar: "varning" });
  });

  it("a ledger that does not sum to zero gives a balansräkning that does not balance", () => {
    const text = FB.replace("falun-borlange;;1930;;2024-03-31;30", "falun-borlange;;1930;;2024-03-31;35");
    const w = ekonomi({ "fb.csv": text }, FB_INST).findings.all.find((x) => x.regel === "ekonomi.balans")!;
    expect(w.meddelande).toContain("2024-12-31: balansräkningen balanserar inte");
    expect(w.meddelande).toContain("skillnad 5 kr");
  });

  it("a budget subtotal that differs from the ID's rows is a warning", () => {
    const budget = "Förbund;ID;Beskrivning;Konto;År;Årsbudget\nfalun-borlange;900;Intäkter;3511;2024;-40\nfalun-borlange;900;Totalt;;2024;-45\n";
    const w = ekonomi({ "fb.csv": FB, "b.csv": budget }, FB_INST).findings.all.find((x) => x.regel === "ekonomi.budget_delsumma")!;
    expect(w).toMatchObject({ fil: "b.csv", rad: 3 });
    expect(w.meddelande).toContain("delsumman för ID 900 är −45 kr, men IDts rader summerar till −40 kr");
  });
});

describe("the plan breaks its own floor (Södra Dalarna, verksamhetsplan 2025)", () => {
  it("700 + 6 184 − 6 500 = 384 tkr, under 400 tkr: a warning", () => {
    const huvudbok = "Företag;Konto;Period;Belopp\nSödra Dalarnas Samordningsförbund;1930;2024-00;1 657 200\nSödra Dalarnas Samordningsförbund;2010;2024-00;-1 657 200\n";
    const budget = "ID;Beskrivning;År;Årsbudget (tkr);Prognos (tkr);Prognosdatum\n10000;Styrelsen;2024;;957;2024-10-31\n50000;Intäkter;2025;-6 184;;\n10000;Styrelsen;2025;6 500;;\n";
    const { resultat: r, findings: f } = ekonomi({ "h.csv": huvudbok, "b.csv": budget }, INST, "2024-10-31");
    expect(r![0]!.langsiktig.map((l) => [l.ar, kr(l.egetKapitalOre), l.underlag])).toEqual([[2023, 1_657_200, "bokslut"], [2024, 700_200, "prognos"], [2025, 384_200, "budget"]]);
    const w = f.all.find((x) => x.regel === "ekonomi.regel_lagst")!;
    expect(w.allvar).toBe("varning");
    expect(w.meddelande).toContain("eget kapital 2025-12-31 enligt budgeten är 384 200 kr");
  });
});
