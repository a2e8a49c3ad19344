/**
 * The notebooks in src/analyser/ (issue 16): every ```js echo block of each notebook runs in
 * Node on the example outputs (test/golden/exempel, the pipeline's own output for data/exempel,
 * kept byte-identical by test/cli.test.ts), and the key numbers are checked against the
 * published tables and against values worked out by hand in the comments.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { csvParse } from "d3";
import { describe, expect, it, vi } from "vitest";
import { wilson as pipelinensWilson } from "../loaders/compute/osakerhet.ts";
import { indataSaknas, lasTabell, medKolumner, rangkorrelation, sambandIOrd, STOR_FIL, tolkaUtdata, tomTabell, valjForbund, versal, wilson } from "../src/components/analys.ts";
import { baraRubrik, echoblock, korAnteckning, utdatafil } from "./helpers/anteckning.ts";

// arqueros webbläsarbygge (UMD) har ingen ES-export i Node; paketets vanliga ingång har samma API.
vi.mock("arquero/dist/arquero.js", async () => ({ default: await import("arquero") }));

// Halvårstabellen läses in (exempelns är liten; en stor läses först när läsaren väljer Ja).
const JA = { lasHalvar: "Ja" };
const golden = (fil: string) => csvParse(readFileSync(new URL(`./golden/exempel/${fil}`, import.meta.url), "utf8"));
const ANTECKNINGAR = new URL("../src/analyser/", import.meta.url);
const num = (s: string | undefined) => (s === undefined || s === "" ? null : Number(s));

describe("analys.ts", () => {
  it("läser en utdatafil: koder förblir text, tal blir tal, tomt blir null", () => {
    const t = tolkaUtdata("niva,kod,namn,ar,kon,varde\nriket,00,Riket,2024,alla,12.5\nkommun,0180,Stockholm,2024,man,\n");
    expect(t.array("kod")).toEqual(["00", "0180"]);
    expect(t.array("ar")).toEqual(["2024", "2024"]);
    expect(t.array("varde")).toEqual([12.5, null]);
    expect(lasTabell("kod,antal\n2080,0\n").objects()).toEqual([{ kod: "2080", antal: 0 }]);
  });

  it("Wilsonintervallet är pipelinens (99 kvinnor av 166)", () => {
    const [lag, hog] = pipelinensWilson(99, 166)!;
    expect(wilson(99, 166)).toEqual({ lag, hog });
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(null, 10)).toBeNull();
  });

  it("rangkorrelation med medelrang vid lika värden (räknat för hand)", async () => {
    const { aq } = await import("../src/components/analys.ts");
    // x = 1, 2, 2, 3 ger rangerna 1; 2,5; 2,5; 4. y = 1, 2, 3, 4. Avvikelser från medelrangen 2,5:
    // x −1,5 0 0 1,5; y −1,5 −0,5 0,5 1,5. Σxy = 4,5, Σx² = 4,5, Σy² = 5: r = 4,5 / √22,5 = 0,9487.
    const t = aq.table({ x: [1, 2, 2, 3], y: [1, 2, 3, 4] });
    expect(rangkorrelation(t, "x", "y")).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
    expect(rangkorrelation(aq.table({ x: [1, 2, 3], y: [3, 2, 1] }), "x", "y")).toBeCloseTo(-1, 12);
    expect(rangkorrelation(aq.table({ x: [1, 2], y: [1, 2] }), "x", "y")).toBeNull();
    expect(sambandIOrd(0.96)).toBe("starkt positivt");
    expect(sambandIOrd(-0.2)).toBe("svagt negativt");
    expect(versal("juli–dec 2025")).toBe("Juli–dec 2025");
  });
});

describe("alla anteckningar", () => {
  const filer = readdirSync(ANTECKNINGAR).filter((f) => f.endsWith(".md") && f !== "index.md");

  it("det finns minst fem anteckningar och mallen", () => {
    expect(filer).toEqual(expect.arrayContaining(["malgruppen.md", "helarsekvivalenter.md", "jamstalldhet.md", "forsorjning.md", "ekonomiskt-bistand.md", "mall.md"]));
  });

  it("läser bara publicerade utdatafiler, var och en från en dataladdare i src/data/", () => {
    for (const fil of filer) {
      const text = readFileSync(new URL(fil, ANTECKNINGAR), "utf8");
      const lasta = [...text.matchAll(/FileAttachment\("([^"]+)"\)(\.\w+)?/g)];
      expect(lasta.length, fil).toBeGreaterThan(0);
      for (const [, sokvag, metod] of lasta) {
        expect(sokvag, fil).toMatch(/^\.\.\/data\/[a-z_]+\.csv$/);
        // .text() direkt: annars lägger Framework till d3-dsv från ett CDN och bygget misslyckas
        // (.size, filens storlek, läser inget).
        expect([".text", ".size"], `${fil}: FileAttachment("${sokvag}")`).toContain(metod);
        const laddare = `../src/data/${sokvag!.slice("../data/".length)}`;
        expect(existsSync(new URL(`${laddare}.js`, import.meta.url)) || existsSync(new URL(`${laddare}.ts`, import.meta.url)), sokvag).toBe(true);
      }
    }
  });

  it("använder inte Frameworks inbyggda html`…` (det hämtar htl från ett CDN och bygget misslyckas utan nät)", () => {
    for (const fil of filer) expect(readFileSync(new URL(fil, ANTECKNINGAR), "utf8"), fil).not.toMatch(/\bhtml`/);
  });

  // Värden som sidornas dolda block (urval) ger; här väljs det som visar mest.
  const VARDEN: Record<string, Record<string, unknown>> = { "malgruppen.md": { lasIn: "Ja", lasMalgrupp: "Hela" }, "helarsekvivalenter.md": JA, "ekonomiskt-bistand.md": JA, "forsorjning.md": JA };

  it.each(filer)("%s: varje echo-block körs i Node", async (fil) => {
    expect(echoblock(readFileSync(new URL(fil, ANTECKNINGAR), "utf8")).length).toBeGreaterThan(1);
    await expect(korAnteckning(fil, VARDEN[fil])).resolves.toBeTypeOf("object");
  });
});

describe("Målgruppen", async () => {
  const a = await korAnteckning("malgruppen.md", { lasIn: "Ja", lasMalgrupp: "Hela" });
  const inkomst = golden("inkomstkalla.csv");
  const rad = (kod: string, kalla: string, kon = "alla") =>
    num(inkomst.find((d) => d.niva === "kommun" && d.kod === kod && d.manad === "2024-03" && d.kon === kon && d.alder === "20-64" && d.inkomstkalla === kalla)?.antal)!;

  it("gäller mars 2024 och Falun-Borlänges kommuner", () => {
    expect(a.manad).toBe("2024-03");
    expect(a.medlemmar).toEqual(["2080", "2081"]);
  });

  it("utanför arbetsmarknaden = totalt − arbete (inkomstkälla), andel av totalt; skillnaden mot länet på oavrundade andelar", () => {
    // Falun mars 2024: 32 085 totalt, 25 085 med ersättning för arbete: 7 000 utanför, 7 000 / 32 085.
    expect(rad("2080", "totalt") - rad("2080", "arbete")).toBe(7000);
    const falun = a.utanfor.objects().find((d: any) => d.kod === "2080");
    expect(falun.antal).toBe(7000);
    expect(falun.andel).toBeCloseTo(7000 / 32085, 15);
    const lan = golden("malgrupp.csv").find((d) => d.niva === "lan" && d.manad === "2024-03" && d.kon === "alla" && d.matt === "utanfor_arbetsmarknaden")!;
    expect(falun.skillnad_mot_lan).toBeCloseTo(7000 / 32085 - Number(lan.andel), 15);
    const kvinnor = (rad("2080", "totalt", "kvinnor") - rad("2080", "arbete", "kvinnor")) / rad("2080", "totalt", "kvinnor");
    expect(falun.andel_kvinnor).toBeCloseTo(kvinnor, 15);
  });

  it("texten har analysgruppens tal: Falun cirka 7 000 (22 %), Borlänge cirka 8 000 (28 %), 2 883 utan inkomst", () => {
    const t = a.meningar.join("\n");
    expect(t).toContain("Falun: cirka 7\u00a0000 personer (22\u00a0%)");
    expect(t).toContain("Borlänge: cirka 8\u00a0000 personer (28\u00a0%)");
    // Saknar inkomst: Falun 1 290 + Borlänge 1 593 = 2 883 (årsredovisningen: 2883).
    expect(rad("2080", "saknar_ersattning") + rad("2081", "saknar_ersattning")).toBe(2883);
    expect(t).toContain("saknar 2\u00a0883 personer 20–64 år inkomst");
    const forbund = a.jamforelse.objects().find((d: any) => d.niva === "forbund");
    expect(forbund.antal_kvinnor + forbund.antal_man).toBe(2883);
  });

  it("födelseregion: åldersgrupperna summerar till SCB:s 20–64, och andelen ej sysselsatta stämmer för Falun", () => {
    const { kontroll, perFodelseregion } = a.fodelseregion;
    expect(kontroll.numRows()).toBe(0);
    const bas = golden("arbetsmarknadsstatus.csv").filter(
      (d) => d.niva === "kommun" && d.kod === "2080" && d.manad === "2024-03" && d.kon === "alla" && d.fodelseregion === "utrikes" && d.alder !== "20-64"
    );
    const summa = (status: string) => bas.filter((d) => d.status === status).reduce((s, d) => s + Number(d.antal), 0);
    expect(bas.filter((d) => d.status === "totalt")).toHaveLength(5);
    const falun = perFodelseregion.objects().find((d: any) => d.kod === "2080");
    expect(falun.utrikes).toBeCloseTo((summa("totalt") - summa("sysselsatta")) / summa("totalt"), 15);
    expect(perFodelseregion.objects().at(-1).niva).toBe("lan");
  });

  it("en stor målgruppstabell: utan valet Hela läses bara utdraget med den senaste månaden, och analysen gäller den månaden", async () => {
    const senaste = golden("malgrupp.csv").map((d) => d.manad!).sort().at(-1);
    const b = await korAnteckning("malgruppen.md", { lasIn: "Nej", lasMalgrupp: "Senaste månaden" });
    expect(b.manader).toEqual([senaste]);
    expect(b.manad).toBe(senaste);
    // Samma tal som när hela tabellen läses och den månaden väljs.
    const hela = golden("malgrupp.csv").filter((d) => d.niva === "kommun" && d.manad === senaste && d.kon === "alla" && d.matt === "utanfor_arbetsmarknaden");
    expect(b.utanfor.numRows()).toBe(hela.length);
    for (const d of b.utanfor.objects() as any[]) expect(d.andel).toBe(Number(hela.find((h) => h.kod === d.kod)!.andel));
  });

  it("statustabellen läses bara när den begärs (sidan hämtar annars bara malgrupp.csv och indelning.csv)", async () => {
    expect((await korAnteckning("malgruppen.md", { lasIn: "Nej", lasMalgrupp: "Hela" })).fodelseregion).toBeNull();
  });
});

describe("Helårsekvivalenter och befolkning", async () => {
  const a = await korAnteckning("helarsekvivalenter.md", JA);
  const halvar = golden("helarsekvivalenter_halvar.csv");

  it("jämför det senaste halvåret med samma halvår året före", () => {
    expect(a.senaste).toBe("2025-H2");
    expect(a.aretFore).toBe("2024-H2");
  });

  it("delarnas differenser summerar till summans, och varje differens är halvårsfilens", () => {
    expect(a.kontroll.numRows()).toBe(0);
    for (const d of a.bidrag.objects() as any[]) {
      const ur = halvar.find((r) => r.niva === d.niva && r.kod === d.kod && r.halvar === "2025-H2" && r.kon === d.kon && r.ersattning === d.ersattning)!;
      expect(d.differens).toBe(Number(ur.differens));
      expect(Number(ur.varde) - Number(ur.varde_foregaende_ar)).toBeCloseTo(d.differens, 9);
    }
    // 2 kommuner + förbundet, 3 kön, 6 ersättningar.
    expect(a.bidrag.numRows()).toBe(3 * 3 * 6);
  });

  it("den drivande ersättningen är den med störst belopp på differensen (Falun, kvinnor)", () => {
    const delar = halvar.filter((r) => r.kod === "2080" && r.halvar === "2025-H2" && r.kon === "kvinnor" && r.ersattning !== "summa");
    const storst = delar.reduce((a, b) => (Math.abs(Number(b.differens)) > Math.abs(Number(a.differens)) ? b : a));
    const summa = halvar.find((r) => r.kod === "2080" && r.halvar === "2025-H2" && r.kon === "kvinnor" && r.ersattning === "summa")!;
    const falun = a.drivande.objects().find((d: any) => d.kod === "2080" && d.kon === "kvinnor");
    expect(falun.ersattning).toBe(storst.ersattning);
    expect(falun.del_av_forandringen).toBeCloseTo(Number(storst.differens) / Number(summa.differens), 12);
    expect(a.meningar.some((m: string) => m.startsWith("Falun, kvinnor: antalet helårsekvivalenter"))).toBe(true);
    expect(a.meningar.join(" ")).not.toMatch(/med [+−]/);
  });
});

describe("Jämställdhetsanalys för styrelsen", async () => {
  const a = await korAnteckning("jamstalldhet.md");
  const nyckeltal = golden("insatser_nyckeltal.csv");

  it("gäller förbundet med deltagare och det senaste kalenderåret", () => {
    expect(a.forbund).toBe("sodra-dalarna");
    expect(a.period).toEqual({ fran: "2024-01", till: "2024-12" });
  });

  it("alla nyckeltal per kön, och ett dolt värde förblir dolt (null, aldrig uträknat)", () => {
    const iPerioden = nyckeltal.filter((d) => d.forbund === "sodra-dalarna" && d.fran === "2024-01" && d.till === "2024-12");
    expect(a.perKon.numRows() * 3).toBe(iPerioden.length);
    for (const d of a.perKon.objects() as any[]) {
      for (const kon of ["alla", "kvinnor", "man"]) {
        const ur = iPerioden.find((r) => r.insats === d.insats && r.matt === d.matt && r.kon === kon)!;
        // (pivot ger undefined där värdet saknas; sidan visar det som "–", eller "•" om det är dolt)
        expect(d[`varde_${kon}`] ?? null).toBe(num(ur.varde));
        expect(d[`undertryckt_${kon}`]).toBe(Number(ur.undertryckt));
        if (ur.undertryckt === "1") expect(d[`varde_${kon}`] ?? null).toBeNull();
      }
    }
    expect(a.dolda.numRows()).toBe(iPerioden.filter((d) => d.undertryckt === "1").length);
    expect(a.dolda.numRows()).toBeGreaterThan(0);
    expect(a.styrelsetext.at(-1)).toContain(`${a.dolda.numRows()} av ${iPerioden.length} värden`);
  });

  it("andel kvinnor: 98 av 164 (de publicerade, brusskyddade talen för 2024) med Wilsonintervall, prövad mot befolkningen", () => {
    const totalt = a.andelKvinnor.objects().find((d: any) => d.insats === "totalt");
    expect(totalt.kvinnor).toBeCloseTo(98 / 164, 15);
    const [lag, hog] = pipelinensWilson(98, 164)!;
    expect(totalt.ki_lag).toBe(lag);
    expect(totalt.ki_hog).toBe(hog);
    // Befolkningens andel (48,3 %) ligger under intervallet: kvinnorna är fler.
    expect(totalt.befolkning_andel_kvinnor).toBeLessThan(lag);
    expect(totalt.mot_befolkningen).toBe("fler");
    expect(a.styrelsetext[0]).toContain("Kvinnorna är fler bland deltagarna");
  });

  it("andel till arbete eller studier: texten följer pipelinens slutsats (Fishers test)", () => {
    const totalt = a.andelMal.objects().find((d: any) => d.insats === "totalt");
    // 11 av 27 kvinnor och 12 av 22 män (de publicerade, brusskyddade talen).
    expect(totalt.kvinnor).toBeCloseTo(11 / 27, 15);
    expect(totalt.man).toBeCloseTo(12 / 22, 15);
    expect(totalt.slutsats).toBe("inom_slumpens_variation");
    expect(a.styrelsetext.join(" ")).toContain("Skillnaden kan bero på slumpen (p = 0,40)");
    expect(a.styrelsetext.join(" ")).toContain("Skillnaden kan inte prövas");
  });
});

describe("Försörjningsmått och helårsekvivalenter", async () => {
  const a = await korAnteckning("forsorjning.md", JA);

  it("årsvärdet ur halvåren är pipelinens årsvärde (medelvärdet av tolv månader), för varje kommun, år och grupp", () => {
    const ar = golden("helarsekvivalenter.csv").filter((d) => d.niva === "kommun" && d.kon === "alla" && /^\d{4}$/.test(d.period ?? ""));
    const grupp: Record<string, string> = {
      sjukpenning: "ohalsa", sjuk_aktivitetsersattning: "ohalsa", arbetsloshet: "arbetsmarknadsstod",
      arbetsmarknadsatgarder: "arbetsmarknadsstod", etableringsersattning: "arbetsmarknadsstod", ekonomiskt_bistand: "ekonomiskt_bistand", summa: "total"
    };
    const vantat = new Map<string, number>();
    for (const d of ar) {
      const k = `${d.kod}|${d.period}|${grupp[d.ersattning!]}`;
      vantat.set(k, (vantat.get(k) ?? 0) + Number(d.varde));
    }
    const heAr = a.heAr.objects() as any[];
    expect(heAr.length).toBe(vantat.size);
    for (const d of heAr) expect(d.helarsekvivalenter).toBeCloseTo(vantat.get(`${d.kod}|${d.ar}|${d.grupp}`)!, 9);
    // Falun 2024, summa: (3 351,67 + 3 233,83) / 2 = 3 292,75.
    expect(heAr.find((d) => d.kod === "2080" && d.ar === "2024" && d.grupp === "total").helarsekvivalenter).toBeCloseTo(3292.75, 9);
  });

  it("per 100 invånare med försörjningsmåttets befolkning, rang och rangkorrelation för det senaste året", () => {
    expect(a.ar).toBe("2025");
    const fm = golden("forsorjningsmatt.csv").filter((d) => d.niva === "kommun" && d.ar === "2025" && d.grupp === "total");
    expect(a.rangordnat.filter((d: any) => d.grupp === "total").numRows()).toBe(fm.length);
    const dyrast = fm.reduce((x, y) => (Number(y.per_invanare) > Number(x.per_invanare) ? y : x));
    const forsta = a.rangordnat.objects().find((d: any) => d.grupp === "total" && d.rang_kostnad === 1);
    expect(forsta.kod).toBe(dyrast.kod);
    expect(forsta.he_per_100).toBeCloseTo((100 * forsta.helarsekvivalenter) / Number(dyrast.befolkning), 12);
    const total = a.perGrupp.find((p: any) => p.grupp === "total");
    expect(total.kommuner).toBe(15);
    expect(total.r).toBeGreaterThan(0.6);
    expect(a.svar[0]).toContain("starkt positivt");
  });
});

describe("Ekonomiskt bistånd över tid (skriven från guiden)", async () => {
  const a = await korAnteckning("ekonomiskt-bistand.md", JA);

  it("andelen är bistånd / summa ur halvårsfilen", () => {
    const halvar = golden("helarsekvivalenter_halvar.csv");
    const varde = (e: string) => Number(halvar.find((d) => d.kod === "falun-borlange" && d.halvar === "2025-H2" && d.kon === "alla" && d.ersattning === e)!.varde);
    const rad = a.andelar.objects().find((d: any) => d.kod === "falun-borlange" && d.halvar === "2025-H2" && d.kon === "alla");
    expect(rad.andel_bistand).toBeCloseTo(varde("ekonomiskt_bistand") / varde("summa"), 15);
    expect(a.utanforIntervallet).toBe(0);
  });

  it("förändringen jämför samma slags halvår, bara för förbund som finns det senaste halvåret", () => {
    const fb = a.forandring.objects().find((d: any) => d.kod === "falun-borlange");
    expect(fb).toMatchObject({ typ: "H2", forsta: "2023-H2", sista: "2025-H2" });
    expect(a.forandring.array("kod")).not.toContain("finsam-falun");
    expect(a.text[2]).toMatch(/^Juli–dec 2025 var skillnaden/);
  });
});

describe("Mallen", async () => {
  const a = await korAnteckning("mall.md");
  it("räknar andelen utanför arbetsmarknaden per förbund den senaste månaden", () => {
    expect(a.manad).toBe(golden("malgrupp.csv").map((d) => d.manad!).sort().at(-1));
    const rader = golden("malgrupp.csv").filter((d) => d.niva === "forbund" && d.manad === a.manad && d.kon === "alla" && d.matt === "utanfor_arbetsmarknaden");
    const hogst = rader.reduce((x, y) => (Number(y.andel) > Number(x.andel) ? y : x));
    expect(a.perForbund.get("kod", 0)).toBe(hogst.kod);
    expect(a.perForbund.get("alla", 0)).toBe(Number(hogst.andel));
    expect(a.text[0]).toContain(hogst.namn);
  });
});

describe("anteckningarna på en datakatalog som saknar indata (issue 13)", () => {
  it("medKolumner lägger till kolumnerna som pivot inte gav, tomma", async () => {
    const { aq } = await import("../src/components/analys.ts");
    const tom = aq.table({ kod: [] as string[], kon: [] as string[], andel: [] as number[] }).groupby("kod").pivot("kon", "andel");
    expect(tom.columnNames()).toEqual(["kod"]);
    expect(medKolumner(tom, ["alla", "kvinnor", "man"]).columnNames()).toEqual(["kod", "alla", "kvinnor", "man"]);
    const bara = aq.table({ kod: ["a", "a"], kon: ["alla", "kvinnor"], andel: [0.5, 0.25] }).groupby("kod").pivot("kon", "andel");
    expect(medKolumner(bara, ["alla", "kvinnor", "man"]).objects()).toEqual([{ kod: "a", alla: 0.5, kvinnor: 0.25, man: null }]);
  });

  it("valjForbund: det föredragna om det finns, annars det första i id-ordning, annars null", () => {
    expect(valjForbund(["sodra-dalarna", "falun-borlange"], "falun-borlange")).toBe("falun-borlange");
    expect(valjForbund(["fiktivt-18-04", "fiktivt-01-02", null, "fiktivt-18-04"], "falun-borlange")).toBe("fiktivt-01-02");
    expect(valjForbund([], "falun-borlange")).toBeNull();
  });

  it("indataSaknas säger vilken fil som saknas och var det står hur den hämtas", () => {
    expect(indataSaknas("malgrupp")).toBe(
      "malgrupp.csv är tom: underlaget saknar SCB:s BAS-tabell över huvudsaklig inkomstkälla för 20–64 år (ArbStatFoT1, PxWeb-tabellen TAB1784, eller ArbStatHuv). " +
        "Lägg filen i datakatalogen och bygg webbplatsen igen (FINSAM_DATA=<datakatalogen> npm run build); hur filen hämtas står i docs/scb-nedladdning.md (BAS, Befolkningens arbetsmarknadsstatus) i projektet."
    );
    expect(indataSaknas("insatser_nyckeltal")).toContain("deltagaruppgifter");
    expect(indataSaknas("insatser_nyckeltal")).toContain("docs/indata.md (Deltagaruppgifter)");
    expect(indataSaknas("okand")).toContain("docs/indata.md");
  });

  it("Helårsekvivalenter: utan Falun-Borlänge i underlaget gäller analysen det första förbundet med en jämförelse, med samma tal", async () => {
    const vanlig = await korAnteckning("helarsekvivalenter.md", JA);
    const byt = (t: string) => t.replaceAll("falun-borlange", "fiktivt-01-01");
    const a = await korAnteckning("helarsekvivalenter.md", JA, { "helarsekvivalenter_halvar.csv": byt(utdatafil("helarsekvivalenter_halvar.csv")), "indelning.csv": byt(utdatafil("indelning.csv")) });
    expect(a.forbund).toBe("fiktivt-01-01");
    expect(a.senaste).toBe(vanlig.senaste);
    expect(a.medlemmar).toEqual(vanlig.medlemmar);
    expect(a.bidrag.objects()).toEqual(vanlig.bidrag.objects().map((d: any) => ({ ...d, kod: byt(d.kod) })));
  });

  it("Helårsekvivalenter: utan halvårstabell inget förbund och inget fel", async () => {
    const a = await korAnteckning("helarsekvivalenter.md", JA, { "helarsekvivalenter_halvar.csv": baraRubrik("helarsekvivalenter_halvar.csv") });
    expect(a.forbund).toBeNull();
    expect(a.aretFore).toBeNull();
    expect(a.meningar).toEqual([]);
  });

  it("Målgruppen: utan målgruppstabell inga meningar, och födelseregionen räknas ändå ur statustabellen", async () => {
    const vanlig = await korAnteckning("malgruppen.md", { lasIn: "Ja", lasMalgrupp: "Hela" });
    const a = await korAnteckning("malgruppen.md", { lasIn: "Ja", lasMalgrupp: "Hela" }, { "malgrupp.csv": baraRubrik("malgrupp.csv") });
    expect(a.forbund).toBeNull();
    expect(a.manad).toBeUndefined();
    expect(a.utanfor.numRows()).toBe(0);
    expect(a.jamforelse.numRows()).toBe(0);
    expect(a.meningar).toEqual([]);
    expect(a.fodelseregion.manad).toBe("2024-03");
    expect(a.fodelseregion.perFodelseregion.objects()).toEqual(vanlig.fodelseregion.perFodelseregion.objects());
  });

  describe("Målgruppen på en tabell med flera län (som den nationella): förbundets län, varje kommun mot sitt eget län", async () => {
    // Gävleborgs län (21) och Gävle (2180) i mars 2024, med påhittade andelar, först i tabellen.
    const gavleborg = ["alla", "kvinnor", "man"].flatMap((kon) => ["utanfor_arbetsmarknaden", "saknar_inkomst"].flatMap((matt) => [
      `lan,21,Gävleborgs län,2024-03,${kon},${matt},50000,0.5`,
      `kommun,2180,Gävle,2024-03,${kon},${matt},9000,0.9`
    ]));
    const [rubrik, ...rader] = utdatafil("malgrupp.csv").trimEnd().split("\n");
    const flerLan = [rubrik, ...gavleborg, ...rader, ""].join("\n");
    const dalarna = (matt: string) => Number(golden("malgrupp.csv").find((d) => d.niva === "lan" && d.manad === "2024-03" && d.kon === "alla" && d.matt === matt)!.andel);
    const a = await korAnteckning("malgruppen.md", { lasIn: "Nej", lasMalgrupp: "Hela" }, { "malgrupp.csv": flerLan });

    it("Falun-Borlänge ligger i län 20: bara Dalarnas kommuner, jämförda med Dalarnas län", () => {
      expect(a.lanen).toEqual(["20"]);
      expect(a.utanfor.array("kod")).not.toContain("2180");
      const falun = a.utanfor.objects().find((d: any) => d.kod === "2080");
      expect(falun.skillnad_mot_lan).toBeCloseTo(falun.andel - dalarna("utanfor_arbetsmarknaden"), 15);
      expect(a.jamforelse.array("kod")).toEqual(expect.arrayContaining(["20", "falun-borlange"]));
      expect(a.jamforelse.numRows()).toBe(2);
    });

    it("ett förbund i två län: båda länens kommuner, var och en mot sitt eget län", async () => {
      const indelning = `${utdatafil("indelning.csv").trimEnd()}\nfalun-borlange,Finsam Falun-Borlänge,2180,Gävle,21,2023-01,\n`;
      const b = await korAnteckning("malgruppen.md", { lasIn: "Nej", lasMalgrupp: "Hela" }, { "malgrupp.csv": flerLan, "indelning.csv": indelning });
      expect(b.lanen).toEqual(["20", "21"]);
      const gavle = b.utanfor.objects().find((d: any) => d.kod === "2180");
      expect(gavle.skillnad_mot_lan).toBeCloseTo(0.9 - 0.5, 15);
      const falun = b.utanfor.objects().find((d: any) => d.kod === "2080");
      expect(falun.skillnad_mot_lan).toBeCloseTo(falun.andel - dalarna("utanfor_arbetsmarknaden"), 15);
      expect(b.jamforelse.numRows()).toBe(3);
    });
  });

  it("Målgruppen: en statustabell utan åldersgrupper ger ingen månad och inget fel", async () => {
    const a = await korAnteckning("malgruppen.md", { lasIn: "Ja", lasMalgrupp: "Hela" }, { "arbetsmarknadsstatus.csv": baraRubrik("arbetsmarknadsstatus.csv") });
    expect(a.fodelseregion.manad).toBeNull();
    expect(a.fodelseregion.perFodelseregion.numRows()).toBe(0);
  });

  it("Mallen: utan målgruppstabell en tom tabell med alla kolumner och en mening om det", async () => {
    const a = await korAnteckning("mall.md", {}, { "malgrupp.csv": baraRubrik("malgrupp.csv") });
    expect(a.perForbund.numRows()).toBe(0);
    expect(a.perForbund.columnNames()).toEqual(expect.arrayContaining(["alla", "kvinnor", "man", "kvinnor_minus_man"]));
    expect(a.text).toEqual(["Underlaget har inga uppgifter om målgruppen."]);
  });

  it("tomTabell har halvårsfilens kolumner, och exempelns halvårsfil läses in direkt (under STOR_FIL)", () => {
    expect(tomTabell("helarsekvivalenter_halvar").columnNames().join(",")).toBe(baraRubrik("helarsekvivalenter_halvar.csv").trim());
    expect(tomTabell("helarsekvivalenter_halvar").numRows()).toBe(0);
    expect(Buffer.byteLength(utdatafil("helarsekvivalenter_halvar.csv"))).toBeLessThan(STOR_FIL);
  });

  it.each(["helarsekvivalenter.md", "ekonomiskt-bistand.md", "forsorjning.md"])("%s: innan en stor halvårstabell läses in (lasHalvar = Nej) körs allt på en tom tabell", async (fil) => {
    const a = await korAnteckning(fil, { lasHalvar: "Nej" });
    expect(a.halvar.numRows()).toBe(0);
    for (const [namn, v] of Object.entries(a)) if (v && typeof v.numRows === "function" && !["GRUPPER", "fm", "indelning"].includes(namn)) expect(v.numRows(), namn).toBe(0);
  });

  it("Jämställdhetsanalysen: utan deltagaruppgifter inget förbund och inget fel", async () => {
    const a = await korAnteckning("jamstalldhet.md", {}, {
      "insatser_nyckeltal.csv": baraRubrik("insatser_nyckeltal.csv"), "insatser_jamstalldhet.csv": baraRubrik("insatser_jamstalldhet.csv")
    });
    expect(a.forbund).toBeNull();
    expect(a.perKon.numRows()).toBe(0);
  });
});
