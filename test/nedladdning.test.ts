// Nedladdningen av tabellerna som CSV (src/components/nedladdning.ts): filen för svenska
// Excel och den vanliga, tal som tal, dolda värden, formler och filnamn.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  avrunda,
  formatAr,
  formatDifferens,
  formatHeltal,
  formatManader,
  formatProcent,
  formatProcentenheter,
  formatTal
} from "../src/components/format.js";
import { DOLT } from "../src/components/insatser.js";
import {
  DOLT_MARKERING,
  citera,
  filnamn,
  neutralisera,
  synligText,
  tabellTillCsv,
  tolkaVarde,
  type Nodlik
} from "../src/components/nedladdning.js";
import { formatKronor, formatKvot } from "../src/components/statistik.js";

/** Filens rader (utan BOM och utan sista radslutet) som fält, för enkla tabeller utan citattecken. */
function falt(csv: string, separator: string, radslut: string): string[][] {
  const utan = csv.replace(/^\ufeff/, "");
  expect(utan.endsWith(radslut)).toBe(true);
  return utan
    .slice(0, -radslut.length)
    .split(radslut)
    .map((r) => r.split(separator));
}

const EXEMPEL = {
  rubriker: ["Ersättning", "Kvinnor", "Män", "Andel kvinnor", "diff."],
  radrubrik: 0,
  rader: [
    ["Sjukpenning", formatHeltal(1234.4), formatHeltal(987), formatProcent(0.1234, 1), formatDifferens(57.6)],
    ["Arbetslöshet", formatHeltal(12345678), formatHeltal(null), formatProcent(0.5, 1), formatDifferens(-8.67)],
    ["Ekonomiskt bistånd", DOLT, formatHeltal(0), formatProcent(0, 1), formatDifferens(0.2)]
  ]
};

describe("tabellTillCsv, Excel", () => {
  const csv = tabellTillCsv(EXEMPEL, "excel");

  it("är UTF-8 med BOM, semikolon, decimalkomma och CRLF", () => {
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(csv.split("\r\n")).toHaveLength(5);
    expect(falt(csv, ";", "\r\n")).toEqual([
      ["Ersättning", "Kvinnor", "Män", "Andel kvinnor (%)", "diff."],
      ["Sjukpenning", "1234", "987", "12,3", "58"],
      ["Arbetslöshet", "12345678", "", "50,0", "-9"],
      ["Ekonomiskt bistånd", "•", "0", "0,0", "0"]
    ]);
  });

  it("har inga hårda mellanslag, typografiska minus eller procenttecken i talen", () => {
    const data = csv.split("\r\n").slice(1).join("\r\n");
    expect(data).not.toMatch(/[\u00a0\u202f\u2212%]/);
  });

  it("skriver svenska bokstäver som UTF-8", () => {
    const bytes = [...new TextEncoder().encode(tabellTillCsv({ rubriker: ["Ålder", "Försörjningskvot"], rader: [["Män", "0,85"]] }, "excel"))];
    // Å = C3 85, ö = C3 B6, ä = C3 A4
    expect(bytes.slice(0, 5)).toEqual([0xef, 0xbb, 0xbf, 0xc3, 0x85]);
    expect(Buffer.from(bytes).toString("utf8")).toBe("\ufeffÅlder;Försörjningskvot\r\nMän;0,85\r\n");
  });
});

describe("tabellTillCsv, vanlig CSV", () => {
  const csv = tabellTillCsv(EXEMPEL, "standard");

  it("är UTF-8 utan BOM, komma, decimalpunkt och LF", () => {
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv).not.toContain("\r");
    expect(falt(csv, ",", "\n")).toEqual([
      ["Ersättning", "Kvinnor", "Män", "Andel kvinnor (%)", "diff."],
      ["Sjukpenning", "1234", "987", "12.3", "58"],
      ["Arbetslöshet", "12345678", "", "50.0", "-9"],
      ["Ekonomiskt bistånd", "•", "0", "0.0", "0"]
    ]);
  });

  it("citerar fält med komma, citattecken och radbrytning", () => {
    const t = { rubriker: ["Förbund", "Kommuner"], rader: [['Finsam "Södra" Dalarna', "Falun (2080), Borlänge (2081)"]] };
    expect(tabellTillCsv(t, "standard")).toBe('Förbund,Kommuner\n"Finsam ""Södra"" Dalarna","Falun (2080), Borlänge (2081)"\n');
    // I Excelfilen är semikolon separatorn: kommat behöver inga citattecken.
    expect(tabellTillCsv(t, "excel")).toBe('\ufeffFörbund;Kommuner\r\n"Finsam ""Södra"" Dalarna";Falun (2080), Borlänge (2081)\r\n');
    expect(tabellTillCsv({ rubriker: ["a;b"], rader: [["x;y"]] }, "excel")).toBe('\ufeff"a;b"\r\n"x;y"\r\n');
    expect(citera("rad 1\nrad 2", ",")).toBe('"rad 1\nrad 2"');
    expect(citera("rad 1\r\nrad 2", ";")).toBe('"rad 1\r\nrad 2"');
    expect(citera("vanlig", ",")).toBe("vanlig");
  });
});

describe("formler", () => {
  it("neutraliserar text som börjar med =, +, -, @, tabb eller radbrytning", () => {
    expect(neutralisera("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(neutralisera("+1")).toBe("'+1");
    expect(neutralisera("-x")).toBe("'-x");
    expect(neutralisera("@x")).toBe("'@x");
    expect(neutralisera("\t=1")).toBe("'\t=1");
    expect(neutralisera("\r=1")).toBe("'\r=1");
    expect(neutralisera(" =1")).toBe("' =1");
    expect(neutralisera("Falun")).toBe("Falun");
    expect(neutralisera("−5 grader")).toBe("−5 grader");
  });

  it("gäller celler och rubriker i båda varianterna, men tal förblir tal", () => {
    const t = {
      rubriker: ["=namn", "@värde"],
      rader: [
        ["=SUM(A1)", "−5"],
        ["-x", "-5"],
        ["@x", "+1"],
        ["+1+2", formatDifferens(-2.5)],
        ["=HYPERLINK(\"http://x\";\"y\")", "12"],
        ["\t=1+1", "3"]
      ]
    };
    expect(tabellTillCsv(t, "excel")).toBe(
      "\ufeff'=namn;'@värde\r\n" +
        "'=SUM(A1);-5\r\n" +
        "'-x;-5\r\n" +
        "'@x;1\r\n" +
        "'+1+2;-3\r\n" +
        "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\";12\r\n" +
        "'=1+1;3\r\n"
    );
    const standard = tabellTillCsv(t, "standard");
    expect(standard).toBe(
      "'=namn,'@värde\n" + "'=SUM(A1),-5\n" + "'-x,-5\n" + "'@x,1\n" + "'+1+2,-3\n" + "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\",12\n" + "'=1+1,3\n"
    );
    // Inget fält börjar med ett formeltecken om det inte är ett tal.
    for (const f of standard.split(/[\n,]/)) if (/^[=+@-]/.test(f)) expect(f).toMatch(/^-\d+(\.\d+)?$/);
  });
});

describe("dolda och saknade värden", () => {
  it("dolt blir markeringen, aldrig ett tal; saknat blir tomt", () => {
    expect(DOLT_MARKERING).toBe(DOLT);
    const t = { rubriker: ["Period", "Kvinnor", "Män"], radrubrik: 0, rader: [["Jan 2024–dec 2024", DOLT, "–"], ["Juli 2023–juni 2024", "7", DOLT]] };
    expect(tabellTillCsv(t, "excel")).toBe("\ufeffPeriod;Kvinnor;Män\r\nJan 2024–dec 2024;•;\r\nJuli 2023–juni 2024;7;•\r\n");
    expect(tabellTillCsv(t, "standard")).toBe("Period,Kvinnor,Män\nJan 2024–dec 2024,•,\nJuli 2023–juni 2024,7,•\n");
  });

  it("läser markeringen ur cellens element, inte skärmläsartexten", () => {
    // <span class="dolt"><span aria-hidden="true">•</span><span class="visuellt-dold">visas inte</span></span>
    const dolt = element(["dolt"], {}, [element([], { "aria-hidden": "true" }, [text("•")]), element(["visuellt-dold"], {}, [text("visas inte")])]);
    expect(synligText(element([], {}, [dolt]))).toBe("•");
  });
});

describe("synligText", () => {
  it("hoppar över text för skärmläsare, dekorationer och korta etiketter", () => {
    // Teamets rapporterade tal med varning: "⚠ 12 (stämmer inte …)"
    const varning = element([], {}, [
      element(["varningsikon"], { "aria-hidden": "true" }, [text("⚠")]),
      text(" "),
      text("12"),
      element(["visuellt-dold"], {}, [text(" (stämmer inte med teamets övriga tal)")])
    ]);
    expect(synligText(varning).trim()).toBe("12");
    const etikett = element([], {}, [
      element(["etikett-lang"], {}, [text("Resultat mot mål")]),
      element(["etikett-kort"], { "data-nedladdning": "ej" }, [text("Mot mål")])
    ]);
    expect(synligText(etikett)).toBe("Resultat mot mål");
  });
});

describe("enheter", () => {
  it("flyttar enheten till kolumnrubriken när den inte redan står där", () => {
    const t = {
      rubriker: ["År", "Ohälsa, kr per invånare", "Kvot", "Skillnad", "Tid", "Tid före start", "Andel, procent"],
      radrubrik: 0,
      rader: [["2024", formatKronor(23456.4), formatKvot(0.8512), formatProcentenheter(0.042), formatManader(23.4997), formatAr(6.9), formatProcent(0.25, 0)]]
    };
    expect(tabellTillCsv(t, "excel")).toBe(
      "\ufeffÅr;Ohälsa, kr per invånare;Kvot;Skillnad (procentenheter);Tid (månader);Tid före start (år);Andel, procent\r\n2024;23456;0,85;4,2;23,5;6,9;25\r\n"
    );
  });

  it("flyttar enheten till radrubriken när den skiljer sig mellan raderna", () => {
    const t = {
      rubriker: ["", "Jan 2023–dec 2023", "Jan 2024–dec 2024"],
      radrubrik: 0,
      rader: [
        ["Deltagare totalt", formatHeltal(120), formatHeltal(1340)],
        ["Resultat mot mål", formatProcent(0.41, 0), DOLT],
        ["Genomströmningstid i snitt", formatManader(11.26), "–"],
        ["Tid före start", formatAr(4), formatAr(5.05)]
      ]
    };
    expect(tabellTillCsv(t, "standard")).toBe(
      ",Jan 2023–dec 2023,Jan 2024–dec 2024\n" +
        "Deltagare totalt,120,1340\n" +
        "Resultat mot mål (%),41,•\n" +
        "Genomströmningstid i snitt (månader),11.3,\n" +
        "Tid före start (år),4.0,5.1\n"
    );
  });

  it("visar talen som text när enheterna blandas utan radrubrik", () => {
    const t = { rubriker: ["Värde"], rader: [[formatProcent(0.5, 0)], [formatHeltal(3)]] };
    expect(tabellTillCsv(t, "excel")).toBe("\ufeffVärde\r\n50\u00a0%\r\n3\r\n");
  });

  it("låter etiketter med enhet stå som text i en kolumn med text", () => {
    const t = {
      rubriker: ["Inkomstnivå", "Kvinnor"],
      radrubrik: 0,
      rader: [
        ["0\u00a0kr", formatProcent(0.111, 1)],
        ["1–2 inkomstbasbelopp", formatProcent(0.119, 1)]
      ]
    };
    expect(tabellTillCsv(t, "standard")).toBe("Inkomstnivå,Kvinnor (%)\n0\u00a0kr,11.1\n1–2 inkomstbasbelopp,11.9\n");
  });

  it("tar bort mjuka bindestreck", () => {
    expect(tabellTillCsv({ rubriker: ["Utfall"], rader: [["Arbetslivs\u00adinriktad rehabilitering"]] }, "standard")).toBe(
      "Utfall\nArbetslivsinriktad rehabilitering\n"
    );
  });

  it("håller koder med inledande nolla och perioder som text", () => {
    expect(tolkaVarde("0180")).toEqual({ typ: "text", text: "0180" });
    expect(tolkaVarde("jan–jun 2024").typ).toBe("text");
    expect(tolkaVarde("20–64 år").typ).toBe("text");
    expect(tolkaVarde("ca\u00a07\u00a0000").typ).toBe("text");
    expect(tolkaVarde("0,5")).toMatchObject({ typ: "tal", heltal: "0", decimaler: "5" });
    expect(tolkaVarde("2024")).toMatchObject({ typ: "tal", heltal: "2024" });
  });

  it("ger tillbaka samma avrundade tal som visas", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 3 }), (x, d) => {
        const visat = formatTal(x, d);
        const csv = tabellTillCsv({ rubriker: ["x"], rader: [[visat]] }, "standard");
        const varde = csv.split("\n")[1] ?? "";
        expect(Number(varde)).toBe(avrunda(x, d) === 0 ? 0 : Number(avrunda(x, d).toFixed(d)));
        const excel = tabellTillCsv({ rubriker: ["x"], rader: [[visat]] }, "excel").split("\r\n")[1] ?? "";
        expect(excel).toBe(varde.replace(".", ","));
      })
    );
  });
});

describe("filnamn", () => {
  it("gör bildtexten till ASCII med bindestreck", () => {
    expect(filnamn("Helårsekvivalenter, Falun, jan–jun 2024", "standard")).toBe("helarsekvivalenter-falun-jan-jun-2024.csv");
    expect(filnamn("Helårsekvivalenter, Falun, jan–jun 2024", "excel")).toBe("helarsekvivalenter-falun-jan-jun-2024-excel.csv");
    expect(filnamn("Försörjningsmått: Älvdalen & Övriga (20–64 år)", "standard")).toBe("forsorjningsmatt-alvdalen-ovriga-20-64-ar.csv");
    expect(filnamn("", "standard")).toBe("tabell.csv");
    const langt = filnamn("Summa helårsekvivalenter per förbund: snitt per månad senaste hela halvåret, samma halvår året före", "standard");
    expect(langt.length).toBeLessThanOrEqual(124);
    expect(langt).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.csv$/);
  });
});

// Små låtsasnoder för synligText (testerna körs utan DOM).
function text(t: string): Nodlik {
  return { nodeType: 3, nodeValue: t };
}
function element(klasser: string[], attribut: Record<string, string>, barn: Nodlik[]): Nodlik {
  return {
    nodeType: 1,
    classList: { contains: (k: string) => klasser.includes(k) },
    getAttribute: (n: string) => attribut[n] ?? null,
    childNodes: barn
  };
}
