/**
 * Reported outcome tables (docs/indata.md, "Rapporterade utfallstabeller"): every column the
 * format documents is read, a team's own outcome columns count in the sums, a column that is
 * not used is named in a warning, and every mistake of a file is reported in one run.
 */
import { describe, expect, it } from "vitest";
import { isUtfallHeader, lasUtfall, readUtfall, utfallsdelar, utfallsmatt } from "../../loaders/normalise/utfall.ts";
import { labelKey } from "../../loaders/normalise/labels.ts";
import { Findings, formatFinding } from "../../loaders/validate/findings.ts";
import { utf8, windows1252 } from "../helpers/scb.ts";
import { csvUtdata } from "../helpers/utdata.ts";

function read(text: string, bytes = utf8(text)) {
  const findings = new Findings();
  const rows = readUtfall(bytes, "utfall.csv", findings);
  return { rows, findings, report: findings.all.map(formatFinding).join("\n") };
}

const regler = (f: Findings) => f.all.map((x) => [x.allvar, x.regel, x.rad ?? null, x.kolumn ?? null]);

describe("the columns of a reported table", () => {
  it("reads medicinsk rehabilitering, aktiva under perioden, genomströmningstid and tid före start, as Finsam Falun-Borlänge's tables write them", () => {
    // The header of the Rehabhandledare table (årsredovisning 2024), with the line-break hyphens left in.
    const header = [
      "Insats", "Förbund", "År", "Antal aktiva under perioden", "Antal avslut total", "Varav tidiga avhopp", "Antal i arbete", "Antal i studier",
      "Antal i annan arbetslivs-inriktad rehabilitering", "Antal till medicinsk rehabilitering", "Antal till sjuk-/aktivitets-ersättning", "Antal till annat",
      "Antal inskrivna", "Nyinskrivna", "Genomströmnings-tid i snitt", "Tid utan arbete eller studier före start i snitt",
    ].join(";");
    const { rows, findings } = read(`${header}\nRehabhandledare;falun-borlange;2024;53;53;23;2;2;26;18;4;9;40;13;14 mån;10 år\n`);
    expect(findings.errors).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows![0]!.varden).toEqual({
      aktiva_under_perioden: 53, avslut: 53, tidiga_avhopp: 23, arbete: 2, studier: 2, arbetslivsinriktad_rehabilitering: 26,
      medicinsk_rehabilitering: 18, sjukersattning: 4, annat: 9, inskrivna_start: 40, nyinskrivna: 13,
    });
    expect(rows![0]!.medel).toEqual({ genomstromningstid_man: 14, tid_fore_start_ar: 10 });
    // 23 + 2 + 2 + 26 + 18 + 4 + 9 = 84, not 53: the sum counts medicinsk rehabilitering too.
    expect(findings.warnings.map((w) => w.meddelande)).toEqual([
      "Rehabhandledare 2024-01–2024-12: utfallen (tidiga avhopp, arbete, studier, arbetslivsinriktad rehabilitering, medicinsk rehabilitering, sjukersättning, annat) summerar till 84, men avslut är 53",
    ]);
  });

  it("checks inskrivna vid start + nyinskrivna = aktiva under perioden", () => {
    const { findings } = read("Insats;År;Inskrivna vid periodens start;Nyinskrivna;Aktiva under perioden;Avslut\nT;2024;10;5;16;3\n");
    expect(findings.warnings).toMatchObject([{ regel: "utfall.aktiva_under", rad: 2, kolumn: 5, meddelande: "T 2024-01–2024-12: inskrivna vid start + nyinskrivna = 10 + 5 = 15, men aktiva under perioden är 16" }]);
  });

  it("reads means in months or years, with a decimal comma or a unit", () => {
    const { rows } = read("Insats;År;Avslut;Nyinskrivna;Genomströmningstid;Tid före start\nA;2024;3;1;23,3;5,6\nB;2024;3;1;2 år;58 mån\n");
    expect(rows!.map((r) => r.medel)).toEqual([{ genomstromningstid_man: 23.3, tid_fore_start_ar: 5.6 }, { genomstromningstid_man: 24, tid_fore_start_ar: 58 / 12 }]);
  });

  it("warns about a mean when nobody reached the goal", () => {
    const { findings } = read("Insats;År;Avslut;Nyinskrivna;Arbete;Studier;Annan arbetslivsinriktad rehabilitering;Annat;Genomströmningstid\nA;2024;3;1;0;0;0;3;12\n");
    expect(regler(findings)).toEqual([["info", "utfall.medel_publiceras_inte", 1, 9], ["varning", "utfall.medel_utan_grupp", 2, 9]]);
  });

  it("recognises the table by Antal aktiva under perioden alone (no nyinskrivna or aktiva at the end)", () => {
    expect(isUtfallHeader(["Insats", "År", "Antal aktiva under perioden", "Antal avslut totalt"].map(labelKey))).toBe(true);
  });
});

describe("a team's own outcome columns", () => {
  const TVASTEG = "Insats;År;Antal aktiva i projektet;Antal avslut totalt;Antal i arbete;Antal i studier;Nära till hälsa;Nära till språket;Antal till sjukersättning;Antal till annat\n";

  it("are read as named outcomes, counted in the sum of the outcomes, with an info saying so", () => {
    const { rows, findings } = read(`${TVASTEG}Tvåstegsprogrammet;2024;30;24;2;6;9;7;0;0\n`);
    expect(findings.errors).toEqual([]);
    expect(findings.warnings).toEqual([]); // 2 + 6 + 9 + 7 + 0 + 0 = 24
    expect(rows![0]!.varden).toMatchObject({ "Nära till hälsa": 9, "Nära till språket": 7, avslut: 24 });
    expect(rows![0]!.egnaUtfall).toEqual(["Nära till hälsa", "Nära till språket"]);
    expect(findings.all.filter((f) => f.allvar === "info").map((f) => [f.regel, f.kolumn, f.falt])).toEqual([
      ["utfall.eget_utfall", 7, "Nära till hälsa"], ["utfall.eget_utfall", 8, "Nära till språket"],
    ]);
  });

  it("make the sum warning name them when it does not add up (the report's 14 avslut)", () => {
    const { findings } = read(`${TVASTEG}Tvåstegsprogrammet;2024;30;14;2;6;9;7;;\n`.replace(";;\n", ";0;0\n"));
    expect(findings.warnings.map((w) => w.meddelande)).toEqual([
      "Tvåstegsprogrammet 2024-01–2024-12: utfallen (arbete, studier, sjukersättning, annat, Nära till hälsa, Nära till språket) summerar till 24, men avslut är 14",
    ]);
  });

  it("are published after annat, in name order, and are parts of avslut", () => {
    const { rows } = read(`${TVASTEG}Tvåstegsprogrammet;2024;30;24;2;6;9;7;0;0\n`);
    expect(utfallsmatt(rows!)).toEqual([
      "inskrivna_start", "nyinskrivna", "aktiva_under_perioden", "avslut", "tidiga_avhopp", "arbete", "studier", "arbetslivsinriktad_rehabilitering",
      "medicinsk_rehabilitering", "sjukersattning", "annat", "Nära till hälsa", "Nära till språket", "aktiva_slut",
    ]);
    expect(utfallsdelar(rows!).slice(-2)).toEqual(["Nära till hälsa", "Nära till språket"]);
  });

  it("a column with text, an empty column, one without a header, or one whose name says it is no outcome: a warning naming it, and it is not used", () => {
    const { rows, findings } = read("Insats;År;Avslut;Nyinskrivna;Kommentar;;Tom;Antal kvinnor\nA;2024;3;1;bra år;4;;2\nB;2024;2;1;;5;;1\n");
    expect(findings.errors).toEqual([]);
    expect(findings.warnings.map((w) => [w.regel, w.kolumn, w.meddelande])).toEqual([
      ["utfall.kolumn_oanvand", 5, 'kolumnen "Kommentar" används inte: den känns inte igen och har värden som inte är antal (t.ex. "bra år"); ett eget utfall har ett antal per rad'],
      ["utfall.kolumn_oanvand", 6, "kolumnen saknar rubrik och används inte; förväntat en rubrik (ett eget utfall har utfallets namn och ett antal per rad)"],
      ["utfall.kolumn_oanvand", 7, 'kolumnen "Tom" är tom och används inte'],
      ["utfall.kolumn_oanvand", 8, 'kolumnen "Antal kvinnor" används inte: den känns inte igen, och namnet säger att den inte är ett utfall av avsluten (t.ex. aktiva, deltagare, andel, tid eller summa)'],
    ]);
    expect(rows!.every((r) => r.egnaUtfall.length === 0)).toBe(true);
  });
});

describe("the period", () => {
  const rad = (period: string) => read(`Insats;Period;Avslut;Nyinskrivna\nT;${period};3;1\n`);

  it("a bare year is a calendar year", () => {
    expect(rad("2024").rows![0]).toMatchObject({ fran: "2024-01", till: "2024-12" });
  });

  it("12 months as the reports write them", () => {
    for (const [text, fran, till] of [
      ["2024-07–2025-06", "2024-07", "2025-06"], ["2024-07 - 2025-06", "2024-07", "2025-06"], ["2024M07-2025M06", "2024-07", "2025-06"],
      ["Juli 2024- juni 2025", "2024-07", "2025-06"], ["Jan 2023- dec 2023", "2023-01", "2023-12"], ["jan–dec 2024", "2024-01", "2024-12"],
      ["juli–juni 2025", "2024-07", "2025-06"], ["2023-2024", "2023-01", "2024-12"], ["2024-07 till 2025-06", "2024-07", "2025-06"],
    ] as const) {
      expect(rad(text).rows?.[0], text).toMatchObject({ fran, till });
    }
  });

  it("anything else is an error that shows the value and the forms that are read", () => {
    const { findings } = rad("förra året");
    expect(findings.errors).toMatchObject([{ regel: "csv.varde", rad: 2, kolumn: 2, varde: "förra året" }]);
    expect(findings.errors[0]!.meddelande).toBe('period: "förra året" är ingen period; förväntat t.ex. 2024 (ett kalenderår), 2024-07–2025-06 eller juli 2024 – juni 2025');
  });

  it("från and till also as 2024M07 or month names", () => {
    const { rows } = read("Insats;Från;Till;Avslut;Nyinskrivna\nT;2024M07;juni 2025;3;1\n");
    expect(rows![0]).toMatchObject({ fran: "2024-07", till: "2025-06" });
  });
});

describe("one run reports every mistake of the file", () => {
  it("three mistakes on three lines, and the good line is kept", () => {
    const text = "Förbund;Insats;År;Kön;Avslut;Nyinskrivna\nsodra-dalarna;A;2024;K;3;1\nsodra-dalarna;B;20x4;K;3;1\nsodra-dalarna;C;2024;X;3;1\nsodra-dalarna;D;2024;M;tre;1\n";
    const findings = new Findings();
    const r = lasUtfall(windows1252(text), "utfall.csv", findings);
    expect(regler(findings)).toEqual([["fel", "csv.varde", 3, 3], ["fel", "csv.varde", 4, 4], ["fel", "csv.varde", 5, 5]]);
    expect(findings.errors.map((e) => e.meddelande)).toEqual([
      "år: förväntat ett årtal, t.ex. 2018",
      'kön: okänt värde "X"; förväntat kvinnor, män eller alla (även K/M, totalt, samtliga)',
      'avslut: "tre" är inget antal; förväntat ett heltal 0 eller större',
    ]);
    expect(r!.rader.map((x) => x.insats)).toEqual(["A"]);
    expect([...r!.felrader]).toEqual([3, 4, 5]);
    expect(readUtfall(windows1252(text), "utfall.csv", new Findings())).toBeUndefined();
  });

  it("two mistakes on one line are both reported", () => {
    const { findings } = read("Insats;År;Avslut;Nyinskrivna\nT;2024;-1;x\n");
    expect(regler(findings).sort()).toEqual([["fel", "csv.varde", 2, 3], ["fel", "csv.varde", 2, 4]]);
  });

  it("caps a rule in a column at 25, and says how many more from which line", () => {
    const rows = Array.from({ length: 30 }, (_, i) => `T${i};2024;x;1`).join("\n");
    const { findings } = read(`Insats;År;Avslut;Nyinskrivna\n${rows}\n`);
    expect(findings.errors).toHaveLength(26);
    expect(findings.errors.at(-1)).toMatchObject({ rad: 27, kolumn: 3, meddelande: "ytterligare 5 fynd av samma slag i kolumnen visas inte (det första på den här raden)" });
  });
});

describe("the published table (insatser_rapporterat.csv)", () => {
  it("has medicinsk rehabilitering, aktiva under perioden and a team's own outcomes, protected like the rest", async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { runPipeline } = await import("../../loaders/pipeline.ts");
    const dir = mkdtempSync(join(tmpdir(), "finsam-rapporterat-"));
    try {
      writeFileSync(join(dir, "utfall.csv"), windows1252(
        "Förbund;Insats;Period;Inskrivna vid periodens start;Nyinskrivna;Aktiva under perioden;Avslut;Arbete;Studier;Medicinsk rehabilitering;Nära till hälsa;Annat;Aktiva vid periodens slut\n" +
          "Finsam Falun-Borlänge;Tvåstegsprogrammet;2024;20;30;50;30;6;6;6;6;6;20\n" +
          "Finsam Falun-Borlänge;Insteget;2024;20;30;50;30;10;5;5;2;8;20\n",
      ));
      const r = await runPipeline(dir, { env: { FINSAM_NYCKEL: join(dir, "nyckel") }, idag: "2026-12-03" });
      expect(r.findings.errors).toEqual([]);
      const rader = csvUtdata(r, "insatser_rapporterat.csv")!.trim().split("\n").slice(1).map((l) => l.split(","));
      const tva = rader.filter((x) => x[1] === "Tvåstegsprogrammet").map((x) => [x[5], x[6], x[7]]);
      expect(tva).toEqual([
        ["inskrivna_start", "20", "0"], ["nyinskrivna", "30", "0"], ["aktiva_under_perioden", "50", "0"], ["avslut", "30", "0"],
        ["arbete", "6", "0"], ["studier", "6", "0"], ["medicinsk_rehabilitering", "6", "0"], ["annat", "6", "0"], ["Nära till hälsa", "6", "0"],
        ["aktiva_slut", "20", "0"],
      ]);
      // Insteget's 2 is hidden, and so is one more of its outcomes, or it could be worked out from avslut = the sum of the outcomes.
      const insteget = rader.filter((x) => x[1] === "Insteget");
      expect(insteget.find((x) => x[5] === "Nära till hälsa")).toEqual(["falun-borlange", "Insteget", "2024-01", "2024-12", "alla", "Nära till hälsa", "", "1"]);
      expect(insteget.filter((x) => x[7] === "1").length).toBeGreaterThanOrEqual(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
