import { describe, expect, it } from "vitest";
import { parseRegion } from "../../loaders/normalise/region.ts";
import { labelKey } from "../../loaders/normalise/labels.ts";
import { FALUN, BORLANGE, indelning, normalise } from "../helpers/he.ts";

const IND = indelning([FALUN, BORLANGE], []);
const header = '"region";"kön";"ålder";"tabellinnehåll";"2024M01"';

function value(text: string, kod: string, kon: "alla" | "kvinnor" | "man", matt: string) {
  const r = normalise(text, IND);
  expect(r.findings.errors).toEqual([]);
  return r.value(kod, "2024-01", kon, matt);
}

describe("labels as SCB and users write them", () => {
  it("accepts SCB's typo Sjuk- och aktivitetsersersättning and the correct spelling", () => {
    expect(value(`${header}\n"2080 Falun";"män";"20-64 år";"Sjuk- och aktivitetsersersättning";7`, "2080", "man", "sjuk_aktivitetsersattning")).toBe(7);
    expect(value(`${header}\n"2080 Falun";"män";"20-64 år";"Sjuk- och aktivitetsersättning";7`, "2080", "man", "sjuk_aktivitetsersattning")).toBe(7);
  });

  it("tolerates double spaces, en dashes and capital letters", () => {
    const text = `${header}\n"2080  Falun";"Män och kvinnor  totalt";"20–64 år";"SUMMA  HELÅRSEKVIVALENTER";9`;
    expect(value(text, "2080", "alla", "summa")).toBe(9);
  });

  it("reads every content label of the table, Folkmängd included", () => {
    const labels: [string, string][] = [
      ["Sjukpenning", "sjukpenning"], ["Arbetslöshetsersättning", "arbetsloshet"], ["Arbetsmarknadsåtgärder", "arbetsmarknadsatgarder"],
      ["Ekonomiskt bistånd", "ekonomiskt_bistand"], ["Etableringsersättning", "etableringsersattning"], ["Folkmängd", "folkmangd"],
      ["Andel av befolkningen", "andel_procent"],
    ];
    for (const [label, matt] of labels) {
      expect(value(`${header}\n"2080 Falun";"kvinnor";"20-64 år";"${label}";3`, "2080", "kvinnor", matt), label).toBe(3);
    }
  });

  it("keys labels without case, accents, dash or space differences", () => {
    expect(labelKey("Sjuk- och  aktivitetsersättning")).toBe("sjuk-och aktivitetsersattning");
    expect(labelKey("20–64 år")).toBe("20-64 ar");
  });
});

describe("region cells", () => {
  it("reads '2080 Falun', '2080 - Falun', a bare code and riket", () => {
    expect(parseRegion("2080 Falun")).toEqual({ niva: "kommun", kod: "2080", namn: "Falun" });
    expect(parseRegion("2080 - Falun")).toEqual({ niva: "kommun", kod: "2080", namn: "Falun" });
    expect(parseRegion("2080")).toEqual({ niva: "kommun", kod: "2080", namn: undefined });
    expect(parseRegion("20 Dalarnas län")).toEqual({ niva: "lan", kod: "20", namn: "Dalarnas län" });
    expect(parseRegion("00 Riket")).toMatchObject({ niva: "riket", kod: "00" });
    expect(parseRegion("Riket")).toMatchObject({ niva: "riket", kod: "00" });
    expect(parseRegion("Falun")).toBeUndefined();
  });
});

describe("what the file says is checked", () => {
  const one = (cell: string, region = "2080 Falun") => normalise(`${header}\n"${region}";"män";"20-64 år";"Sjukpenning";${cell}`, IND);

  it("an unknown kommun code is an error naming line, column and value", () => {
    const { data, findings } = one("5", "2099 Okänd");
    expect(data).toBeUndefined();
    expect(findings.errors).toMatchObject([{ fil: "he.csv", rad: 2, kolumn: 1, falt: "region", varde: "2099 Okänd", regel: "he.region" }]);
    expect(findings.errors[0]!.meddelande).toContain('okänd kommunkod "2099"');
  });

  it("a kommun code that lost its leading zero (Excel) is restored with a warning when one kommun fits; otherwise an error with the hint", () => {
    const vasby = indelning([{ kod: "0114", namn: "Upplands Väsby", lan: "01", lanNamn: "Stockholms län" }, FALUN], []);
    const ok = normalise(`${header}\n"114 Upplands Väsby";"män";"20-64 år";"Sjukpenning";5`, vasby);
    expect(ok.findings.errors).toEqual([]);
    expect(ok.value("0114", "2024-01", "man", "sjukpenning")).toBe(5);
    expect(ok.findings.warnings).toMatchObject([{ regel: "he.inledande_nolla", rad: 2, kolumn: 1, varde: "114" }]);
    expect(ok.findings.warnings[0]!.meddelande).toContain("0114 Upplands Väsby");
    const fel = normalise(`${header}\n"115 Upplands Väsby";"män";"20-64 år";"Sjukpenning";5`, vasby);
    expect(fel.findings.errors[0]!.meddelande).toContain("inledande nolla");
    const annan = normalise(`${header}\n"114 Falun";"män";"20-64 år";"Sjukpenning";5`, vasby);
    expect(annan.findings.errors).toMatchObject([{ regel: "he.region", rad: 2, kolumn: 1 }]);
    expect(annan.findings.errors[0]!.meddelande).toContain("inledande nolla");
  });

  it("decimal commas are read when the whole file has them (Swedish Excel); a file mixing comma and point is an error", () => {
    const komma = one('"10,5"');
    expect(komma.findings.errors).toEqual([]);
    expect(komma.value("2080", "2024-01", "man", "sjukpenning")).toBe(10.5);
    expect(komma.findings.all.map((f) => f.regel)).toContain("he.excelformat");
    const blandat = normalise(`"region";"kön";"ålder";"tabellinnehåll";"2024M01";"2024M02"\n"2080 Falun";"män";"20-64 år";"Sjukpenning";"10,5";3.5\n"2080 Falun";"kvinnor";"20-64 år";"Sjukpenning";2.5;1.5`, IND);
    expect(blandat.findings.errors).toMatchObject([{ rad: 2, kolumn: 5, falt: "2024M01", varde: "10,5", regel: "he.tal" }]);
    expect(blandat.findings.errors[0]!.meddelande).toContain("decimalkomma");
  });

  it("a negative count is an error", () => {
    expect(one("-3").findings.errors).toMatchObject([{ rad: 2, kolumn: 5, regel: "he.negativ" }]);
  });

  it("the same value twice is an error naming both lines", () => {
    const { findings } = normalise(`${header}\n"2080 Falun";"män";"20-64 år";"Sjukpenning";5\n"2080 Falun";"män";"20-64 år";"Sjukpenning";6`, IND);
    expect(findings.errors).toMatchObject([{ rad: 3, regel: "he.dubblett" }]);
    expect(findings.errors[0]!.meddelande).toContain("rad 2");
  });

  it("an unknown kön is an error", () => {
    expect(normalise(`${header}\n"2080 Falun";"okänt";"20-64 år";"Sjukpenning";5`, IND).findings.errors).toMatchObject([{ rad: 2, kolumn: 2, regel: "he.kon" }]);
  });

  it("a month that is not YYYYMmm is an error", () => {
    const { findings } = normalise('"region";"kön";"tabellinnehåll";"månad";"värde"\n"2080 Falun";"män";"Sjukpenning";"2024-01";5', IND);
    expect(findings.errors).toMatchObject([{ rad: 2, regel: "he.manad", varde: "2024-01" }]);
  });

  it("a missing value is a warning, not an error", () => {
    const { data, findings } = one("..");
    expect(data).toBeDefined();
    expect(findings.errors).toEqual([]);
    expect(findings.warnings).toMatchObject([{ rad: 2, kolumn: 5, regel: "he.saknas" }]);
  });

  it("ekonomiskt bistånd 0 is a warning: SCB says it may mean not reported", () => {
    const { findings } = normalise(`${header}\n"2080 Falun";"män";"20-64 år";"Ekonomiskt bistånd";0`, IND);
    expect(findings.warnings).toMatchObject([{ regel: "he.ekonomiskt_bistand_noll" }]);
  });

  it("a total that is not kvinnor + män is a warning", () => {
    const text = [header, '"2080 Falun";"kvinnor";"20-64 år";"Sjukpenning";5', '"2080 Falun";"män";"20-64 år";"Sjukpenning";4', '"2080 Falun";"män och kvinnor totalt";"20-64 år";"Sjukpenning";10'].join("\n");
    expect(normalise(text, IND).findings.warnings).toMatchObject([{ regel: "he.summa" }]);
  });

  it("the totals' warnings come in the file's order: total by total, month by month, then check", () => {
    // Checked month by month, but reported per series as the file is read. Line 4: Sjukpenning's
    // total (5 and 6, not 1 + 1) wrong in both months; line 10: Arbetslöshetsersättning's total
    // (3, not 2) wrong in January; line 22: summa for kön totalt, against its parts in both
    // months (12 and 15, not 16) and against kvinnor + män in February (15, not 6 + 6).
    const h = '"region";"kön";"ålder";"tabellinnehåll";"2024M01";"2024M02"';
    const delar = ["Sjukpenning", "Sjuk- och aktivitetsersättning", "Arbetslöshetsersättning", "Arbetsmarknadsåtgärder", "Etableringsersättning", "Ekonomiskt bistånd"];
    const rad = (kon: string, innehall: string, a: number, b: number) => `"2080 Falun";"${kon}";"20-64 år";"${innehall}";${a};${b}`;
    const totalt = (d: string): [number, number] => (d === "Sjukpenning" ? [5, 6] : d === "Arbetslöshetsersättning" ? [3, 2] : [2, 2]);
    const text = [
      h,
      ...delar.flatMap((d) => [rad("kvinnor", d, 1, 1), rad("män", d, 1, 1), rad("män och kvinnor totalt", d, ...totalt(d))]),
      rad("kvinnor", "Summa helårsekvivalenter", 6, 6), rad("män", "Summa helårsekvivalenter", 6, 6),
      rad("män och kvinnor totalt", "Summa helårsekvivalenter", 12, 15),
    ].join("\n");
    const varningar = normalise(text, IND).findings.warnings.filter((w) => w.regel === "he.summa").map((w) => `${w.rad}:${w.falt}:${w.message}`);
    expect(varningar).toEqual([
      "4:2024M01:total is not women + men", "4:2024M02:total is not women + men",
      "10:2024M01:total is not women + men",
      "22:2024M01:summa is not the sum of its parts",
      "22:2024M02:total is not women + men", "22:2024M02:summa is not the sum of its parts",
    ]);
  });

  it("a missing dimension or age group is reported on the header's line, after SCB's title", () => {
    const title = '"Helårsekvivalenter efter region, tabellinnehåll och månad"';
    const noKon = normalise(`${title}\n"region";"ålder";"tabellinnehåll";"2024M01"\n"2080 Falun";"20-64 år";"Sjukpenning";5`, IND);
    expect(noKon.findings.errors).toMatchObject([{ regel: "he.dimension", rad: 2 }]);
    const noAge = normalise(`${title}\n${header}\n"2080 Falun";"män";"20-24 år";"Sjukpenning";1`, IND);
    expect(noAge.findings.errors).toMatchObject([{ regel: "he.alder", rad: 2, kolumn: 3 }]);
  });

  it("other age groups are passed over, but 20-64 must be there", () => {
    const ok = normalise(`${header}\n"2080 Falun";"män";"20-24 år";"Sjukpenning";1\n"2080 Falun";"män";"20-64 år";"Sjukpenning";5`, IND);
    expect(ok.data!.kub.antal).toBe(1);
    expect(ok.value("2080", "2024-01", "man", "sjukpenning")).toBe(5);
    expect(ok.data!.inlasning.ignoreradeRader).toEqual([{ antal: 1, varfor: 'ålder "20-24 år" används inte' }]);
    const missing = normalise(`${header}\n"2080 Falun";"män";"20-24 år";"Sjukpenning";1`, IND);
    expect(missing.findings.errors).toMatchObject([{ regel: "he.alder" }]);
  });
});
