/**
 * Reported economy tables are checked against their own arithmetic (allowing for rounding to
 * tkr) and against the tables computed from the ledger: a report's wrong figure is found.
 */
import { describe, expect, it } from "vitest";
import { ekonomi } from "../helpers/ekonomi.ts";

const INST = { finsam: { forbund: { "sodra-dalarna": { ekonomi: { rapportdatum: "2025-08-31", eget_kapital: { lagst: 400000 } } } } } };
const HUVUDBOK = "Förbund;ID;ID-text;Konto;Datum;Belopp\n"
  + "sodra-dalarna;10000;Styrelse;5010;2025-03-01;182 840\n"
  + "sodra-dalarna;;;1930;2025-03-01;-182 840\n"
  + "sodra-dalarna;50000;Intäkter (medlemsbidrag);3510;2025-04-01;-5 411 000\n"
  + "sodra-dalarna;;;1930;2025-04-01;5 411 000\n";
const BUDGET = "Förbund;ID;År;Årsbudget (tkr)\nsodra-dalarna;10000;2025;230\nsodra-dalarna;50000;2025;-6 184\n";

const rapport = (rader: string) => `Förbund;Tabell;Typ;Till datum;Rad;Kolumn;Värde\n${rader}`;
const kor = (rader: string) => ekonomi({ "h.csv": HUVUDBOK, "b.csv": BUDGET, "r.csv": rapport(rader) }, INST).findings.all.filter((f) => f.regel.startsWith("ekonomi.rapporterat"));

describe("driftsredovisning as printed", () => {
  it("förbrukad that is not utfall / budget: '8 %' where −5 411 / −6 184 = 87,5 %", () => {
    const f = kor("sodra-dalarna;Tabell 7;drift;2025-08-31;Intäkter (medlemsbidrag);Ack utfall;-5 411\n"
      + "sodra-dalarna;Tabell 7;drift;2025-08-31;Intäkter (medlemsbidrag);Årsbudget;-6 184\n"
      + "sodra-dalarna;Tabell 7;drift;2025-08-31;Intäkter (medlemsbidrag);Förbrukad av årsbudget %;8 %\n");
    expect(f.map((x) => [x.regel, x.rad])).toEqual([["ekonomi.rapporterat_raknar_inte", 4], ["ekonomi.rapporterat_avviker", 4]]);
    expect(f[0]!.meddelande).toContain("förbrukad 8 %, men utfall / budget = −5 411 / −6 184 = 87,5 %");
  });

  it("79 % for 183 / 230 = 79,6 % is within rounding (182,5–183,5 / 229,5–230,5), and matches the ledger's 182 840 / 230 000", () => {
    expect(kor("sodra-dalarna;Tabell 7;drift;2025-08-31;Styrelse;Ack utfall;183\nsodra-dalarna;Tabell 7;drift;2025-08-31;Styrelse;Årsbudget;230\nsodra-dalarna;Tabell 7;drift;2025-08-31;Styrelse;Förbrukad;79 %\n")).toEqual([]);
  });

  it("återstår that is not budget − utfall, and a budget that is not the budget file's", () => {
    const f = kor("sodra-dalarna;Tabell 7;drift;2025-08-31;Styrelse;Ack utfall;183\nsodra-dalarna;Tabell 7;drift;2025-08-31;Styrelse;Årsbudget;220\nsodra-dalarna;Tabell 7;drift;2025-08-31;Styrelse;Återstår;47\n");
    expect(f.map((x) => x.meddelande.replace(/^Tabell 7, rad "Styrelse", /, ""))).toEqual([
      'kolumn "Återstår": återstår 47, men budget − utfall = 220 − 183 = 37',
      'kolumn "Årsbudget": rapporterat 220, beräknat från huvudboken och budgeten 230 tkr',
    ]);
  });

  it("a total that is not the sum of its rows (beyond rounding)", () => {
    const f = kor("sodra-dalarna;T;drift;2025-08-31;Styrelse;Prognos;270\nsodra-dalarna;T;drift;2025-08-31;Intäkter (medlemsbidrag);Prognos;-6 184\nsodra-dalarna;T;drift;2025-08-31;Totalt;Prognos;0\n");
    expect(f.some((x) => x.meddelande.includes("totalen 0, men raderna summerar till −5 914"))).toBe(true);
  });

  it("costs printed negative (as Södra Dalarna 2018) are recognised and checked the same way", () => {
    expect(kor("sodra-dalarna;D;drift;2025-08-31;Styrelse;Ack utfall;-183\nsodra-dalarna;D;drift;2025-08-31;Styrelse;Årsbudget;-230\nsodra-dalarna;D;drift;2025-08-31;Styrelse;Återstår;47\n")).toEqual([]);
  });
});

describe("resultaträkning and balansräkning as printed", () => {
  it("avvikelse = utfall − budget, and results that are the sums above them", () => {
    const f = kor("sodra-dalarna;RR;resultaträkning;2025-08-31;Verksamhetens intäkter;Budget;6 184\n"
      + "sodra-dalarna;RR;resultaträkning;2025-08-31;Verksamhetens intäkter;Utfall 2025;5 411\n"
      + "sodra-dalarna;RR;resultaträkning;2025-08-31;Verksamhetens intäkter;Avvikelse;-733\n"
      + "sodra-dalarna;RR;resultaträkning;2025-08-31;Verksamhetens kostnader;Utfall 2025;-183\n"
      + "sodra-dalarna;RR;resultaträkning;2025-08-31;Resultat före finansiella poster;Utfall 2025;5 300\n");
    expect(f.map((x) => x.meddelande.replace(/^RR, /, ""))).toEqual([
      'rad "Verksamhetens intäkter", kolumn "Avvikelse": avvikelsen −733, men utfall − budget = 5 411 − 6 184 = −773',
      'rad "Resultat före finansiella poster", kolumn "Utfall 2025": 5 300, men raderna ovanför summerar till 5 228',
      'rad "Verksamhetens intäkter", kolumn "Avvikelse": rapporterat −733, beräknat från huvudboken och budgeten −773 tkr',
      'rad "Resultat före finansiella poster", kolumn "Utfall 2025": rapporterat 5 300, beräknat från huvudboken och budgeten 5 228 tkr',
    ]);
  });

  it("a balansräkning that does not balance (Tabell 8: eget kapital without the period's result)", () => {
    const f = kor("sodra-dalarna;BR;balansräkning;2025-08-31;Kassa och bank;2025-08-31;5 228\n"
      + "sodra-dalarna;BR;balansräkning;2025-08-31;Summa tillgångar;2025-08-31;5 228\n"
      + "sodra-dalarna;BR;balansräkning;2025-08-31;Eget kapital;2025-08-31;0\n"
      + "sodra-dalarna;BR;balansräkning;2025-08-31;Summa eget kapital och skulder;2025-08-31;0\n").filter((x) => x.regel === "ekonomi.rapporterat_raknar_inte");
    expect(f.map((x) => x.meddelande)).toEqual(['BR, rad "Summa eget kapital och skulder", kolumn "2025-08-31": balansräkningen balanserar inte: summa eget kapital och skulder 0, summa tillgångar 5 228 (skillnad 5 228)']);
  });
});

describe("the long-term table as printed", () => {
  it("a forecast after a forecast is the year before + medelstilldelning − budget: 700 + 6 184 − 6 500 = 384, not 400", () => {
    const f = kor("sodra-dalarna;VP;långsiktig;2024-11-20;2024;Medelstilldelning;6 308\n"
      + "sodra-dalarna;VP;långsiktig;2024-11-20;2024;Budget;7 700\n"
      + "sodra-dalarna;VP;långsiktig;2024-11-20;2024;Eget kapital 31/12;700*\n"
      + "sodra-dalarna;VP;långsiktig;2024-11-20;2025;Medelstilldelning;6 184\n"
      + "sodra-dalarna;VP;långsiktig;2024-11-20;2025;Budget;6 500\n"
      + "sodra-dalarna;VP;långsiktig;2024-11-20;2025;Eget kapital 31/12;400*\n"
      + "sodra-dalarna;VP;långsiktig;2024-11-20;2026;Medelstilldelning;7 500**\n"
      + "sodra-dalarna;VP;långsiktig;2024-11-20;2026;Budget;7 500*\n"
      + "sodra-dalarna;VP;långsiktig;2024-11-20;2026;Eget kapital 31/12;400*\n").filter((x) => x.regel === "ekonomi.rapporterat_raknar_inte");
    expect(f.map((x) => [x.rad, x.meddelande])).toEqual([
      [7, 'VP, rad "2025", kolumn "Eget kapital 31/12": eget kapital 400*, men 2024 års 700 + medelstilldelning 6 184 − budget 6 500 = 384, under förbundets lägsta nivå 400'],
    ]);
  });
});
