/**
 * The example data's economy reproduces the seed reports' tables (test/helpers/ekonomitabeller.ts)
 * after their rounding to tkr, except the cells where a report contradicts its own arithmetic:
 * there the computed value follows the arithmetic and the check flags the printed figure. The
 * example files are exactly what scripts/generera-ekonomi.ts writes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Findings } from "../../loaders/validate/findings.ts";
import { readInstallningar } from "../../loaders/reference/installningar.ts";
import { ekonomiUtdata, kannerIgen, lasArbetsbokEkonomi, lasCsv, tomInlasning } from "../../loaders/kinds/ekonomi/index.ts";
import { lasCsvTabell, rubriknycklar } from "../../loaders/kinds/ekonomi/tabell.ts";
import { aterstar, forbrukad } from "../../loaders/kinds/ekonomi/drift.ts";
import { andel } from "../../loaders/kinds/ekonomi/egetkapital.ts";
import { medlemsbelopp } from "../../loaders/kinds/ekonomi/langsiktig.ts";
import { genereraEkonomi } from "../../scripts/generera-ekonomi.ts";
import { medlemskap } from "../helpers/ekonomi.ts";
import * as T from "../helpers/ekonomitabeller.ts";

const KATALOG = "data/exempel";
const findings = new Findings();
const inl = tomInlasning();
for (const namn of readdirSync(KATALOG).sort()) {
  const bytes = readFileSync(join(KATALOG, namn));
  if (namn.endsWith(".xlsx")) {
    await lasArbetsbokEkonomi(bytes, namn, inl, findings);
    continue;
  }
  if (!namn.endsWith(".csv")) continue;
  const t = lasCsvTabell(bytes, namn, new Findings());
  const sort = t ? kannerIgen(rubriknycklar(t)) : undefined;
  if (sort) lasCsv(bytes, namn, sort, inl, findings);
}
const inst = readInstallningar(readFileSync(join(KATALOG, "finsam.json"), "utf8"), "finsam.json", findings)!;
const utdata = ekonomiUtdata(inl, { medlemskap: medlemskap() }, inst, undefined, findings)!;
const forbund = (id: string) => utdata.resultat.find((r) => r.fe.forbund === id)!;
const sd = forbund("sodra-dalarna");
const fb = forbund("falun-borlange");
const tkr = (ore: number | undefined) => (ore === undefined ? null : T.somTryckt(ore / 100_000));
const procent = (x: number | undefined) => (x === undefined ? null : T.somTryckt(x * 100));

/** The printed row with the documented corrections applied. */
const ratta = (rad: readonly (number | null)[], ratt: Record<number, number> | undefined) => rad.map((v, i) => ratt?.[i] ?? v);

describe("the example files", () => {
  it("are exactly what scripts/generera-ekonomi.ts writes", () => {
    for (const [namn, bytes] of genereraEkonomi()) {
      expect(Buffer.from(bytes).equals(readFileSync(join(KATALOG, namn))), namn).toBe(true);
    }
  });

  it("have no errors; Södra Dalarna reports to 2025-08-31 (the month before the export on 12 September)", () => {
    expect(findings.errors).toEqual([]);
    expect(sd.rakenskap.till).toBe("2025-08-31");
    expect(fb.rakenskap.till).toBe("2024-12-31");
  });
});

describe("Södra Dalarna, delårsbokslut 2025-08-31", () => {
  const a = sd.ar.find((x) => x.till === "2025-08-31")!;

  it("Tabell 6 Resultaträkning: budget, utfall, avvikelse, prognos", () => {
    for (const [rad, tryckt] of Object.entries(T.SD_2025_TABELL_6)) {
      const r = a.rr.find((x) => x.rad === rad)!;
      const beraknat = [tkr(r.budgetOre), tkr(r.utfallOre), tkr(r.utfallOre - r.budgetOre!), tkr(r.prognosOre)];
      expect(beraknat, rad).toEqual(ratta(tryckt, T.SD_2025_TABELL_6_RATTAT[rad]));
    }
  });

  it("Tabell 7 Driftsredovisning: ack utfall, årsbudget, återstår, förbrukad, prognos", () => {
    for (const [id, tryckt] of Object.entries(T.SD_2025_TABELL_7)) {
      const d = a.drift.find((x) => x.id === id)!;
      const beraknat = [tkr(d.utfallOre), tkr(d.budgetOre), tkr(aterstar(d)), id === "totalt" ? null : procent(forbrukad(d)), tkr(d.prognosOre)];
      expect(beraknat, id).toEqual(ratta(tryckt, T.SD_2025_TABELL_7_RATTAT[id]));
    }
  });

  it("Tabell 9 Not 1 and Not 2, with the same period 2024", () => {
    for (const [rad, [nu, fg]] of Object.entries(T.SD_2025_NOT)) {
      const n = a.noter.find((x) => x.rad === rad && (x.not === "intakter" || x.not === "kostnader"));
      expect([tkr(n?.beloppOre ?? 0), tkr(n?.foregaendeOre ?? 0)], rad).toEqual([nu, fg]);
    }
  });

  it("the check flags the printed figures the arithmetic contradicts, and no others", () => {
    const flaggade = findings.all
      .filter((f) => f.regel.startsWith("ekonomi.rapporterat") && f.meddelande.startsWith("Delårsbokslut"))
      .map((f) => f.meddelande.replace(/^Delårsbokslut januari–augusti 2025, /, "").replace(/:.*?, rad /, ", rad ").replace(/, kolumn ("[^"]*").*/, ", $1"));
    expect([...new Set(flaggade)]).toEqual([
      'Tabell 6, rad "Verksamhetens kostnader", "Prognos 2025"',
      'Tabell 6, rad "Resultat före finansiella poster", "Prognos 2025"',
      'Tabell 6, rad "Årets resultat", "Prognos 2025"',
      'Tabell 7, rad "Styrelse", "Prognos 2024 (tkr)"',
      'Tabell 7, rad "Administration", "Återstår (tkr)"',
      'Tabell 7, rad "Administration", "Förbrukad av årsbudget %"',
      'Tabell 7, rad "Intäkter (medlemsbidrag)", "Förbrukad av årsbudget %"',
      'Tabell 7, rad "Totalt verksamhet", "Årsbudget (tkr)"',
      'Tabell 7, rad "Totalt verksamhet", "Prognos 2024 (tkr)"',
      'Tabell 7, rad "Administration", "Årsbudget (tkr)"',
      'Tabell 8, rad "Summa Eget kapital och skulder", "2025-08-31"',
      'Tabell 8, rad "Summa eget kapital", "2025-08-31"',
      'Tabell 8, rad "Summa Eget kapital och skulder", "2024-08-31"',
      'Tabell 8, rad "Summa eget kapital", "2024-08-31"',
    ]);
  });

  it("Tabell 8's lines that the report got right: fordringar, kassa, eget kapital without the result, pensioner, skulder", () => {
    expect([a.br!.fordringar, a.br!.kassa_och_bank, a.br!.eget_kapital, a.br!.avsattningar, a.br!.kortfristiga_skulder].map(tkr)).toEqual([42, 5286, 921, 1638, 708]);
    expect([a.brJamforelse!.fordringar, a.brJamforelse!.kassa_och_bank, a.brJamforelse!.eget_kapital, a.brJamforelse!.avsattningar, a.brJamforelse!.kortfristiga_skulder].map(tkr)).toEqual([52, 4644, 1657, 1072, 151]);
    // What the report left out: the period's result, so that the sheet balances.
    expect([tkr(a.br!.arets_resultat), tkr(a.br!.summa_eget_kapital_och_skulder)]).toEqual([2060, 5328]);
  });
});

describe("Södra Dalarna, årsredovisning 2018", () => {
  const a = sd.ar.find((x) => x.till === "2018-12-31")!;

  it("driftsredovisning (costs printed negative; återstår as budget − utfall for costs)", () => {
    for (const [id, tryckt] of Object.entries(T.SD_2018_DRIFT)) {
      const d = a.drift.find((x) => x.id === id)!;
      expect([tkr(-d.utfallOre), tkr(-d.budgetOre!), tkr(aterstar(d)), id === "totalt" ? null : procent(forbrukad(d))], id).toEqual([...tryckt]);
    }
  });

  it("resultaträkning with 2017", () => {
    for (const [rad, tryckt] of Object.entries(T.SD_2018_RR)) {
      const r = a.rr.find((x) => x.rad === rad)!;
      expect([tkr(r.budgetOre), tkr(r.utfallOre), tkr(r.utfallOre - r.budgetOre!), tkr(r.foregaendeOre)], rad).toEqual([...tryckt]);
    }
  });

  it("balansräkning 2018-12-31 and 2017-12-31, and eget kapital 2 015 532 kr exactly", () => {
    for (const [rad, [nu, fg]] of Object.entries(T.SD_2018_BR)) {
      expect([tkr(a.br![rad as keyof typeof a.br] as number), tkr(a.brJamforelse![rad as keyof typeof a.br] as number)], rad).toEqual([nu, fg]);
    }
    expect(a.br!.summa_eget_kapital / 100).toBe(2_015_532);
    expect(a.rr.find((x) => x.rad === "arets_resultat")!.utfallOre / 100).toBe(254_535);
  });

  it("kassaflödesanalys", () => {
    for (const [rad, tryckt] of Object.entries(T.SD_2018_KF)) expect(tkr(a.kf![rad as keyof typeof a.kf]), rad).toBe(tryckt);
  });
});

describe("Södra Dalarna, verksamhetsplan 2025", () => {
  it("medelstilldelning per member: 50 / 25 / 11 / 8 / 6 % of 6 184 000 kr", () => {
    const m = sd.medel.find((x) => x.ar === 2025)!;
    const rader = [...m.medlemmar.map((x) => [x.medlem, x.andel, medlemsbelopp(x, m)! / 100]), ["totalt", m.medlemmar.reduce((s, x) => s + x.andel!, 0), m.totaltOre! / 100]];
    expect(rader.map(([n, a2, b]) => [n, Number((a2 as number).toFixed(12)), b])).toEqual(T.SD_2025_MEDEL);
  });

  it("the long-term table: eget kapital at the year ends from the books, 2025 from the prognos, later years from the budget", () => {
    expect(sd.langsiktig.filter((l) => l.ar >= 2022).map((l) => [l.ar, tkr(l.medelstilldelningOre), tkr(l.budgetOre), tkr(l.egetKapitalOre), l.underlag])).toEqual([
      [2022, 6322, 7195, 1496, "bokslut"],
      [2023, 6308, 6908, 1657, "bokslut"],
      [2024, 6308, 7700, 921, "bokslut"],
      [2025, 6184, 6500, 931, "prognos"],
      [2026, 7500, 7500, 931, "budget"],
      [2027, 7500, 7500, 931, "budget"],
      [2028, 7500, 7500, 931, "budget"],
    ]);
  });
});

describe("Finsam Falun-Borlänge, årsredovisning 2024 (kr, exactly)", () => {
  const a = fb.ar.find((x) => x.till === "2024-12-31")!;
  const kr = (o: number | undefined) => (o === undefined ? null : o / 100);

  it("resultaträkning 2024 and 2023", () => {
    for (const [rad, [nu, fg]] of Object.entries(T.FB_2024_RR)) {
      const r = a.rr.find((x) => x.rad === rad)!;
      expect([kr(r.utfallOre), kr(r.foregaendeOre)], rad).toEqual([nu, fg]);
    }
  });

  it("balansräkning 2024-12-31 and 2023-12-31", () => {
    for (const [rad, [nu, fg]] of Object.entries(T.FB_2024_BR)) {
      expect([kr(a.br![rad as keyof typeof a.br] as number), kr(a.brJamforelse![rad as keyof typeof a.br] as number)], rad).toEqual([nu, fg]);
    }
  });

  it("kassaflödesanalys 2024 and 2023", () => {
    const a2023 = fb.ar.find((x) => x.till === "2023-12-31")!;
    for (const [rad, [nu, fg]] of Object.entries(T.FB_2024_KF)) {
      expect([kr(a.kf![rad as keyof typeof a.kf]), kr(a2023.kf![rad as keyof typeof a.kf])], rad).toEqual([nu, fg]);
    }
  });

  it("87 % of the costs to insatser and 13 % to administration (6 421 915 and 963 750 of 7 385 665)", () => {
    const n = Object.fromEntries(a.nyckeltal.map((x) => [x.matt, x]));
    expect([n.andel_insatser!.taljareOre / 100, n.andel_administration!.taljareOre / 100, n.andel_insatser!.namnareOre / 100]).toEqual([6_421_915, 963_750, 7_385_665]);
    expect([procent(n.andel_insatser!.taljareOre / n.andel_insatser!.namnareOre), procent(n.andel_administration!.taljareOre / n.andel_administration!.namnareOre)]).toEqual([87, 13]);
    expect(procent(n.soliditet!.taljareOre / n.soliditet!.namnareOre)).toBe(71);
  });

  it("eget kapital 4 224 101 kr is 49 % of the intäkter (the base its mål 8 names): not met", () => {
    const e = fb.egetKapital.find((x) => x.ar === 2024)!;
    expect([e.egetKapitalOre / 100, e.bas, e.basOre! / 100, procent(andel(e))]).toEqual([4_224_101, "intakter", 8_699_158, 49]);
    expect(findings.all.find((f) => f.regel === "ekonomi.regel_hogst" && f.meddelande.startsWith("Finsam Falun-Borlänge"))!.meddelande).toContain("48,6 % av verksamhetens intäkter 8 699 158 kr");
  });

  it("2023's transfer from Finsam Borlänge is eget kapital booked outside the result: the check says so", () => {
    expect(findings.all.find((f) => f.regel === "ekonomi.eget_kapital")!.meddelande).toContain("771 059 kr har bokats direkt på eget kapital");
  });
});
