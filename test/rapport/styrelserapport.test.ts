/**
 * `finsam rapport`: the delårsbokslut 2025 for Södra Dalarna as a PDF, read back with pdftotext
 * and checked against the seed report's tables (../shared/design/ekonomi-tabeller.md) after
 * the report's rounding to tkr. The report is built from test/golden/exempel, which test/cli.test.ts
 * keeps byte-identical to `finsam run data/exempel` (so `--utdata` here shows the same figures as
 * `finsam rapport data/exempel`, without running the pipeline again). One PDF for all the tests.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { finsam } from "../helpers/cli.ts";
import { styrelserapport, tolkaRapportdata } from "../../src/components/styrelserapport.js";
import { fixeraDatum, pdfDatum, sidorFor } from "../../loaders/rapport/pdf.ts";
import { lasUtdatakatalog, rapportdatum } from "../../loaders/rapport/index.ts";

const GOLDEN = "test/golden/exempel";
const tmp = mkdtempSync(join(tmpdir(), "finsam-rapport-"));
const PDF = join(tmp, "delarsbokslut-2025.pdf");

let korning: Awaited<ReturnType<typeof finsam>>;
let sidor: string[];
/** The whole text with every run of white space as one space. */
let text: string;

const pdftotext = (fil: string, ...flaggor: string[]) => execFileSync("pdftotext", [...flaggor, "-enc", "UTF-8", fil, "-"], { encoding: "utf8" });
/**
 * A table row as pdftotext -layout prints it: the cells with single spaces between them (the
 * narrow space before "%" is sometimes dropped).
 */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const harRad = (rubrik: string, ...celler: string[]) =>
  expect(text).toMatch(new RegExp(escape(`${rubrik} ${celler.join(" ").replace(/-/g, "\u2212")}`).replace(/ %/g, " ?%") + "(?![\\d,])"));

const IGEN = join(tmp, "igen.pdf");
let igen: Awaited<ReturnType<typeof finsam>>;

beforeAll(async () => {
  delete process.env.SOURCE_DATE_EPOCH;
  // Twice at once (the second for the test of determinism): two Chromiums use both cores.
  [korning, igen] = await Promise.all([
    finsam("rapport", GOLDEN, "--utdata", "--till", "2025-08-31", "--forbund", "sodra-dalarna", "--ut", PDF),
    finsam("rapport", GOLDEN, "--utdata", "--till", "2025-08-31", "--forbund", "sodra-dalarna", "--ut", IGEN),
  ]);
  sidor = pdftotext(PDF, "-layout").split("\f");
  text = sidor.join(" ").replace(/[ \t\u00a0]+/g, " ").replace(/ ?\n ?/g, "\n").replace(/\n+/g, " ");
}, 60_000);

describe("finsam rapport: delårsbokslut januari–augusti 2025, Södra Dalarna", () => {
  it("skriver en PDF och säger vad den innehåller", () => {
    expect(korning.stderr).toMatch(/Skrev .*delarsbokslut-2025\.pdf: delårsbokslut 1 januari–31 augusti 2025 för Södra Dalarnas Samordningsförbund, \d+ sidor; utan underlag: personalinriktade insatser, mål och måluppfyllelse\./);
    expect(korning.code).toBe(0);
  });

  it("har en titelsida med förbund, period och datum, utan sidhuvud och sidnummer", () => {
    const titel = sidor[0]!.replace(/\s+/g, " ");
    expect(titel).toContain("DELÅRSBOKSLUT 2025 Södra Dalarnas Samordningsförbund");
    expect(titel).toContain("Period 1 januari–31 augusti 2025");
    expect(titel).toContain("Uppgifter till och med 31 augusti 2025");
    expect(titel).not.toMatch(/Sida \d/);
  });

  it("har en innehållsförteckning vars sidnummer är sidorna där avsnitten börjar", () => {
    const innehall = sidor[1]!;
    const rubriker = ["1. Individinriktade insatser", "2. Jämställdhet", "3. Helårsekvivalenter", "4. Målgruppen enligt BAS", "5. Ekonomi", "6. Personalinriktade insatser", "7. Mål och måluppfyllelse", "8. Att känna till om underlaget"];
    const verkliga = sidorFor(sidor, rubriker, 3);
    for (const [i, r] of rubriker.entries()) expect(innehall).toMatch(new RegExp(`${r.replace(".", "\\.")} +${verkliga[i]}\\n`));
    // Sections 6 and 7 have no input this year: one line each, on the page of the one before.
    expect(verkliga[5]).toBe(verkliga[6]);
  });

  it("har sidhuvud med förbund, rapport och avsnitt och sidfot med sidnummer på varje sida utom titelsidan", () => {
    const antal = sidor.filter((s) => s.trim()).length;
    expect(execFileSync("pdfinfo", [PDF], { encoding: "utf8" })).toMatch(new RegExp(`Pages: +${antal}\\n`));
    for (let i = 1; i < antal; i++) {
      expect(sidor[i]).toContain("Södra Dalarnas Samordningsförbund · Delårsbokslut 1 januari–31 augusti 2025");
      expect(sidor[i]).toContain(`Sida ${i + 1} av ${antal}`);
    }
    const ekonomi = sidor.findIndex((s, i) => i > 1 && s.includes("5. Ekonomi"));
    expect(sidor[ekonomi + 1]).toMatch(/5\. Ekonomi/); // the running header names the section
  });

  it("är A4, taggad och har alla typsnitt inbäddade", () => {
    const info = execFileSync("pdfinfo", [PDF], { encoding: "utf8" });
    expect(info).toMatch(/Page size: +59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Tagged: +yes/);
    expect(info).toContain("Title:           Delårsbokslut 2025: Södra Dalarnas Samordningsförbund");
    const typsnitt = execFileSync("pdffonts", [PDF], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(typsnitt.length).toBeGreaterThan(0);
    for (const t of typsnitt) expect(t, t).toMatch(/ yes +yes +yes /); // emb sub uni
  });

  it("Tabell 6 Resultaträkning: budget, utfall, avvikelse och prognos som i rapporten; prognosen beräknad (−6 620, inte tryckta −6 630)", () => {
    harRad("Verksamhetens intäkter", "6 569", "5 672", "-897", "6 569");
    harRad("Verksamhetens kostnader", "-6 885", "-3 672", "3 213", "-6 620");
    harRad("Resultat före finansiella poster", "-316", "2 000", "2 316", "-51");
    harRad("Finansiella intäkter", "0", "61", "61", "61");
    harRad("Årets resultat", "-316", "2 060", "2 376", "10");
  });

  it("Tabell 7 Driftsredovisning: beräknade värden där rapporten inte går ihop (administration 1 350, intäkter 88 %, totalt −10)", () => {
    harRad("Styrelse", "183", "230", "47", "79 %", "270");
    harRad("Administration", "666", "1 350", "684", "49 %", "1 024");
    harRad("Personalinriktade insatser", "0", "50", "50", "0 %", "90");
    harRad("Publikationer", "-11", "5", "16", "-210 %", "5");
    harRad("Samverkansteam Avesta", "1 127", "1 840", "713", "61 %", "1 840");
    harRad("Samverkansteam Kraften Hedemora", "688", "1 615", "927", "43 %", "1 535");
    harRad("Samverkansteam Säter", "695", "1 410", "715", "49 %", "1 410");
    harRad("Intäkter (medlemsbidrag)", "-5 411", "-6 184", "-773", "88 %", "-6 184");
    harRad("Totalt verksamhet", "-2 060", "316", "2 376", "-10");
  });

  it("Tabell 8 Balansräkning balanserar: periodens resultat 2 060 i eget kapital (2 982, inte tryckta 921)", () => {
    harRad("Fordringar", "42", "52");
    harRad("Kassa och bank", "5 286", "4 644");
    harRad("Summa tillgångar", "5 328", "4 696");
    harRad("Eget kapital", "921", "1 657");
    harRad("Summa eget kapital", "2 982", "3 473");
    harRad("Avsättningar (pensioner)", "1 638", "1 072");
    harRad("Kortfristiga skulder", "708", "151");
    harRad("Summa eget kapital, avsättningar och skulder", "5 328", "4 696");
  });

  it("Tabell 9 Noter: intäkter, kostnader, fordringar (summa 42, inte tryckta 41), avsättningar och skulder", () => {
    harRad("Bidrag från huvudmännen", "5 411", "5 520");
    harRad("Bidrag från ESF-projekt", "249", "191");
    harRad("Försålda publikationer", "12", "2");
    harRad("Summa", "5 672", "5 722");
    harRad("Löner och sociala avgifter", "-822", "-764");
    harRad("Lämnade bidrag", "-2 511", "-2 881");
    harRad("Summa", "-3 672", "-4 011");
    harRad("Fordran moms", "1", "6");
    harRad("Div korta fordringar", "41", "46");
    harRad("Summa", "42", "52");
    harRad("Avsättning pension", "1 318");
    harRad("Avsättning löneskatt", "320");
    harRad("Summa", "1 638", "1 072");
    harRad("Leverantörsskuld", "535");
    harRad("Summa", "708", "151");
  });

  it("medelstilldelningen 2025 och eget kapital mot reglerna", () => {
    harRad("Försäkringskassan med Arbetsförmedlingen", "50 %", "3 092 000");
    harRad("Region Dalarna", "25 %", "1 546 000");
    harRad("Avesta kommun", "11 %", "680 240");
    harRad("Hedemora kommun", "8 %", "494 720");
    harRad("Säters kommun", "6 %", "371 040");
    expect(text).toContain("Eget kapital den 31 december 2025 enligt prognosen: 931 tkr, 15,1 % av årets medelstilldelning 6 184 tkr, högst 20 % (1 237 tkr): uppfyllt; lägst 400 tkr: uppfyllt.");
  });

  it("Tabell 1–4: de fyra senaste mätningarna, skyddade värden visas inte", () => {
    expect(text).toContain("jan 2023–dec 2023 juli 2023–juni 2024 jan 2024–dec 2024 juli 2024–juni 2025");
    // The published values, protected with the default noise (the test key; the delårsbokslut's
    // true counts are 168 161 166 163 participants and 46 49 50 40 exits): the report shows exactly
    // what the site shows, never the unprotected counts.
    harRad("Deltagare totalt", "169", "161", "165", "163");
    harRad("Antal avslut", "46", "49", "49", "50");
    // pdftotext puts the wrapped label's last word before or after the figures.
    expect(text).toMatch(/Resultat mot mål \(arbete\/studier\/arbetslivsinriktad (rehabilitering\) )?60 ?% 48 ?% 47 ?% 58 ?%( rehabilitering\))?/);
    harRad("Genomströmningstid i snitt", "19,4 mån", "20,4 mån", "23,5 mån", "28,5 mån");
    // Säter: means over too few people are hidden.
    harRad("Genomströmningstid i snitt", "•", "•", "30,3 mån", "40,1 mån");
    expect(text).toContain("Talen är skyddade med ett litet slumpmässigt brus");
    expect(text).toContain("Tabell 4: Resultat Samverkansteam Säter, totalt sett, de fyra senaste mätningarna");
    expect(text).toContain("• = visas inte för att skydda enskilda personer");
  });

  it("jämställdhet, helårsekvivalenter (halvåret januari–juni 2025) och BAS-målgruppen (juni 2025)", () => {
    expect(text).toContain("Deltagare och resultat mot mål per kön, juli 2024–juni 2025");
    harRad("Förbundet totalt", "98", "65", "60 %", "48 %");
    harRad("Summa helårsekvivalenter", "1 910", "1 770", "3 679", "3 733", "-53");
    harRad("Utanför arbetsmarknaden", "3 040", "24,1 %", "3 082", "22,8 %", "6 122", "23,4 %");
  });

  it("avsnitt utan underlag står kvar med en rad som säger det", () => {
    expect(text).toContain("6. Personalinriktade insatser Förbundets aktivitetslogg har inga aktiviteter för 2025 (loggen i underlaget slutar 2018), så de personalinriktade insatserna utelämnas.");
    expect(text).toContain("7. Mål och måluppfyllelse Verksamhetsplanens mål för 2025 saknas i underlaget (det har mål för 2018), så måluppfyllelsen utelämnas.");
  });

  it("fynden: de tryckta talen som inte stämmer står med tabell, rad och kolumn", () => {
    const fynd = text.slice(text.indexOf("Valideringens fynd för förbundet och perioden"));
    for (const tryckt of ["rapporterat −6 630, beräknat från huvudboken och budgeten −6 620 tkr", "rapporterat 1 340, beräknat från huvudboken och budgeten 1 350 tkr", "beräknat 88 % (87,5 %)", "rapporterat 921, beräknat från huvudboken 2 982 tkr", "balansräkningen balanserar inte: summa eget kapital och skulder 3 267, summa tillgångar 5 328"]) {
      expect(fynd).toContain(tryckt);
    }
    expect(fynd).toMatch(/rapporterade_ekonomitabeller\.csv, rad 9,/);
    expect(fynd).not.toMatch(/falun|Falun-Borlänge/i); // the other förbund's findings are not this report's
  });

  it("har inga personnummer eller uppgifter om enskilda deltagare", () => {
    expect(text).not.toMatch(/\b(?:19|20)?\d{6}[-+]?\d{4}\b/);
    expect(text).not.toMatch(/deltagar_id|pseudonym/i);
  });

  it("samma data ger samma PDF byte för byte, med datumet från --till", () => {
    expect(igen.code).toBe(0);
    expect(readFileSync(IGEN).equals(readFileSync(PDF))).toBe(true);
    expect(execFileSync("pdfinfo", ["-isodates", PDF], { encoding: "utf8" })).toMatch(/CreationDate: +2025-08-31T00:00:00Z\nModDate: +2025-08-31T00:00:00Z/);
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("PDF:ens datum", () => {
  it("är SOURCE_DATE_EPOCH när den finns, annars rapportdatumet", () => {
    expect(rapportdatum("2024-12-31", {}).toISOString()).toBe("2024-12-31T00:00:00.000Z");
    expect(rapportdatum("2024-12-31", { SOURCE_DATE_EPOCH: "1735689600" }).toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(() => rapportdatum("2024-12-31", { SOURCE_DATE_EPOCH: "igår" })).toThrow("SOURCE_DATE_EPOCH ska vara sekunder sedan 1970-01-01");
  });
  it("pdfDatum skriver PDF:s datumform i UTC", () => {
    expect(pdfDatum(new Date(Date.UTC(2024, 11, 31, 23, 5, 9)))).toBe("D:20241231230509+00'00'");
  });
  it("fixeraDatum byter båda datumen utan att ändra filens längd", () => {
    const pdf = Buffer.from("%PDF-1.4\n<</CreationDate (D:20261203175943+00'00')\n/ModDate (D:20261203175944+00'00')>>\n", "latin1");
    const ut = fixeraDatum(pdf, new Date(Date.UTC(2025, 7, 31)));
    expect(ut.length).toBe(pdf.length);
    expect(ut.toString("latin1")).toBe("%PDF-1.4\n<</CreationDate (D:20250831000000+00'00')\n/ModDate (D:20250831000000+00'00')>>\n");
  });
});

describe("finsam rapport: förbundet och felen", () => {
  it("utan --forbund när underlaget har två förbund: ett fel som räknar upp dem", async () => {
    const r = await finsam("rapport", GOLDEN, "--utdata", "--till", "2024-12-31", "--ut", join(tmp, "x.pdf"));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("finsam rapport: underlaget har flera förbund; ange ett med --forbund <id>: falun-borlange (Finsam Falun-Borlänge), sodra-dalarna (Södra Dalarnas Samordningsförbund)\n");
  });

  it("ett förbund som inte finns i underlaget", async () => {
    const r = await finsam("rapport", GOLDEN, "--utdata", "--till", "2024-12-31", "--forbund", "norra-dalarna", "--ut", join(tmp, "x.pdf"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('förbundet "norra-dalarna" finns inte i underlaget; välj ett av: falun-borlange');
  });

  it("felaktig användning: utan --till, fel datum, utan --ut, fel filtyp", async () => {
    expect((await finsam("rapport", GOLDEN, "--ut", "x.pdf")).stderr).toContain("ange periodens sista dag med --till");
    expect((await finsam("rapport", GOLDEN, "--till", "2025-02-30", "--ut", "x.pdf")).stderr).toContain('--till ska vara ett datum ÅÅÅÅ-MM-DD, t.ex. 2025-08-31, inte "2025-02-30"');
    expect((await finsam("rapport", GOLDEN, "--till", "2025-08-31")).stderr).toContain("ange PDF-filen med --ut <fil.pdf>");
    const r = await finsam("rapport", GOLDEN, "--till", "2025-08-31", "--ut", "x.docx");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--ut ska vara en PDF-fil (.pdf), inte "x.docx"');
    expect((await finsam("run", GOLDEN, "--out", join(tmp, "u"), "--ut", "x.pdf")).stderr).toContain("--ut hör till rapport");
  });
});

describe("årsredovisningen 2024 för Falun-Borlänge (modellen)", () => {
  const rapport = styrelserapport(tolkaRapportdata(lasUtdatakatalog(GOLDEN)), { forbund: "falun-borlange", till: "2024-12-31" });
  const avsnitt = (id: string) => rapport.avsnitt.find((a) => a.id === id)!;
  const tabell = (id: string, bildtext: RegExp) => avsnitt(id).tabeller.find((t) => bildtext.test(t.bildtext))!;
  const celler = (t: ReturnType<typeof tabell>, rubrik: string) => t.rader.find((r) => r.rubrik === rubrik)?.celler;

  it("är en årsredovisning för hela 2024; utan deltagarfil utelämnas insatserna och jämställdheten med en rad", () => {
    expect(rapport.typ).toBe("Årsredovisning");
    expect(rapport.period).toBe("1 januari–31 december 2024");
    expect(avsnitt("insatser").saknas).toMatch(/^Deltagarnas nyckeltal saknas/);
    expect(avsnitt("jamstalldhet").saknas).toMatch(/^Det finns ingen jämställdhetsanalys/);
  });

  it("resultaträkningen i tkr: intäkter 8 699, kostnader −7 386, årets resultat 1 313 (2023: 312)", () => {
    const rr = tabell("ekonomi", /^Resultaträkning/);
    expect(celler(rr, "Verksamhetens intäkter")).toEqual(["8\u00a0694", "8\u00a0699", "5", "8\u00a0629"]);
    expect(celler(rr, "Verksamhetens kostnader")).toEqual(["\u221210\u00a0169", "\u22127\u00a0386", "2\u00a0783", "\u22128\u00a0323"]);
    expect(celler(rr, "Årets resultat")).toEqual(["\u22121\u00a0475", "1\u00a0313", "2\u00a0788", "312"]);
  });

  it("eget kapital 4 224 tkr är 48,6 % av intäkterna, över 20 %", () => {
    expect(avsnitt("ekonomi").punkter).toContain("Inte uppfyllt: Eget kapital den 31 december 2024: 4\u00a0224 tkr, 48,6\u00a0% av verksamhetens intäkter 8\u00a0699 tkr, högst 20\u00a0% (1\u00a0740 tkr): inte uppfyllt.");
  });

  it("personalinriktade insatser 2024: LUFS 40 unika deltagare och 336 deltagartillfällen, 16 tillfällen och 915 deltagare totalt", () => {
    const t = tabell("personalinriktade", /^Personalinriktade insatser 2024/);
    expect(celler(t, "ESF-projektet LUFS: kompetensutvecklingsinsatser")).toEqual(["Utbildning", "8", "336", "40"]);
    expect(celler(t, "Totalt")).toEqual(["", "16", "915", ""]);
  });

  it("målen 2024: 8 mål, 6 / 1 / 1, mål 1 motsäger mätningen och mål 8 mäts ur ekonomin", () => {
    const mal = avsnitt("mal");
    expect(mal.text[1]).toBe("8 mål: 6 uppfyllda, 1 delvis uppfyllda, 1 ej uppfyllda.");
    expect(mal.punkter.join(" ")).toContain("föreläsningar ≥ 6: 3 föreläsningar 2024");
    const mal8 = mal.tabeller[0]!.rader.find((r) => r.rubrik.startsWith("8."))!;
    expect(mal8.celler[2]).toBe("Ej uppfyllt");
    expect(mal8.celler[3]).toContain("eget kapital ≤ 20 %: eget kapital 2024-12-31 (bokslut) 4 224 101 kr är 48,6 % av verksamhetens intäkter");
    expect(mal8.klass).toBeNull(); // ej uppfyllt agrees with the measurement
  });

  it("fynden gäller Falun-Borlänge och 2024, inte Södra Dalarnas delårsbokslut 2025", () => {
    const fynd = avsnitt("fynd").tabeller[0]!.rader.map((r) => r.celler[1]).join("\n");
    expect(fynd).toContain("771 059 kr har bokats direkt på eget kapital");
    expect(fynd).toContain("mål 1 (falun-borlange 2024) bedöms uppfyllt");
    expect(fynd).not.toContain("Delårsbokslut januari–augusti 2025");
  });
});
