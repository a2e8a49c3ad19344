// Sidornas data (loaders/publish/sidor/, src/components/sidodata.ts): varje sida får det den
// visar och inget mer, regionfilerna tillsammans är hela tabellen, de skyddade
// deltagartabellerna är exakt de publicerade, och ingen sida laddar mer än 300 kB (gzip) när
// den öppnas. Underlaget är exempeldatans utdata (test/golden/exempel), lästa med scheman.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { csvText, tabellFranCsv } from "../loaders/publish/csv.ts";
import { rader, type Schema, type Utdatatabell } from "../loaders/publish/schema.ts";
import {
  REGIONSIDOR, SIDORNAS_TABELLER, sidodata,
  type ArbetsmarknadsstatusDel, type ArbetsmarknadsstatusIndex, type BefolkningDel, type BefolkningIndex, type HelarsekvivalenterDel,
  type HelarsekvivalenterIndex, type Ekonomi, type Insatser, type JamforelseDel, type JamforelseIndex, type Oversikt, type StyrelserapportIndex,
} from "../loaders/publish/sidor/index.ts";
import { helaHalvar } from "../src/components/data.ts";
import { periodtyp } from "../src/components/format.ts";
import {
  jamforelseRader, tolkaForsorjningskvot, tolkaForsorjningsmatt, tolkaMalgrupp,
} from "../src/components/statistik.ts";
import { kontrolleraSidodata, regionfiler } from "../loaders/publish/sidor/katalog.ts";
import { sidtabell } from "../loaders/publish/sidor/sidtabell.ts";
import { avkoda, delAdress, type Sidtabell } from "../src/components/sidodata.ts";

const GOLDEN = new URL("./golden/exempel/", import.meta.url);
const tabeller = new Map<string, Utdatatabell>(
  SIDORNAS_TABELLER.map((s) => [s.namn, tabellFranCsv(s, readFileSync(new URL(`${s.namn}.csv`, GOLDEN), "utf8"))]),
);
const hamta = <S extends Schema>(s: S) => tabeller.get(s.namn)! as Utdatatabell<S>;
const filer = sidodata(hamta);
const json = <T>(f: string): T => JSON.parse(filer.get(f)!) as T;
/** A page table's rows, loosely typed for the comparisons here. */
const av = (t: Sidtabell, namn?: string) => avkoda(t, namn) as Record<string, string | number | null>[];
const golden = (namn: string) => rader(tabeller.get(namn)!) as Record<string, string | number | null>[];
/** A whole output table as a Sidtabell (what the page would get without the slicing). */
const sidtabellAv = (t: Utdatatabell) => sidtabell(t);
const regionfilerFor = (sida: string) => [...filer.keys()].filter((f) => f.startsWith(`${sida}/`) && !f.endsWith("/index.json")).sort();

const tmp = mkdtempSync(join(tmpdir(), "finsam-sidodata-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("sidtabellerna", () => {
  it("avkodas till exakt utdatatabellens rader (text som text, tal oavrundade, saknat som null)", () => {
    const i = json<Insatser>("insatser.json");
    expect(av(i.nyckeltal, "insatser_nyckeltal")).toEqual(golden("insatser_nyckeltal"));
    expect(av(i.rapporterat, "insatser_rapporterat")).toEqual(golden("insatser_rapporterat"));
    expect(i.nyckeltal.kolumner.map((k) => [k.namn, k.typ])).toEqual(hamta(SIDORNAS_TABELLER[11]).schema.kolumner.map((k) => [k.namn, k.typ]));
  });

  it("bara vissa kolumner: i schemats ordning, och en okänd kolumn är ett fel", () => {
    const t = tabeller.get("helarsekvivalenter")!;
    expect(sidtabell(t, [0, 1], ["andel", "niva"]).kolumner.map((k) => k.namn)).toEqual(["niva", "andel"]);
    expect(() => sidtabell(t, [0], ["andel", "finns_inte"])).toThrow(/okända kolumner finns_inte/);
  });

  it("en annan tabell än den väntade, eller en kolumn med fel längd, är ett fel", () => {
    const i = json<Insatser>("insatser.json");
    expect(() => av(i.nyckeltal, "insatser_rapporterat")).toThrow(/väntade tabellen insatser_rapporterat/);
    const trasig: Sidtabell = { ...i.nyckeltal, rader: i.nyckeltal.rader + 1 };
    expect(() => av(trasig)).toThrow(/värden, väntade/);
  });
});

describe("varje sida får det den visar", () => {
  it("Ekonomi: förbundens ekonomitabeller exakt som ekonomi_*.csv, och förbundsindelningen", () => {
    const e = json<Ekonomi>("ekonomi.json");
    const par: [Sidtabell, string][] = [
      [e.drift, "ekonomi_drift"], [e.id, "ekonomi_id"], [e.resultatrakning, "ekonomi_resultatrakning"],
      [e.balansrakning, "ekonomi_balansrakning"], [e.kassaflode, "ekonomi_kassaflode"], [e.noter, "ekonomi_noter"],
      [e.nyckeltal, "ekonomi_nyckeltal"], [e.medelstilldelning, "ekonomi_medelstilldelning"],
      [e.langsiktig, "ekonomi_langsiktig"], [e.egetKapital, "ekonomi_eget_kapital"], [e.indelning, "indelning"],
    ];
    for (const [t, namn] of par) {
      expect(golden(namn).length, namn).toBeGreaterThan(0);
      expect(av(t, namn), namn).toEqual(golden(namn));
    }
  });

  it("Styrelserapport: indelningen och fynden hela; varje förbund med egna uppgifter har sina rader i de andra tabellerna (SCB-tabellerna på förbundsnivå)", async () => {
    const { RAPPORTTABELLER } = await import("../src/components/styrelserapport.js");
    const index = json<StyrelserapportIndex>("styrelserapport/index.json");
    expect(Object.keys(index.tabeller).sort()).toEqual(["datakvalitet", "indelning"]);
    expect(av(index.tabeller.indelning!, "indelning")).toEqual(golden("indelning"));
    expect(av(index.tabeller.datakvalitet!, "datakvalitet")).toEqual(golden("datakvalitet"));
    // förbunden med deltagare, ekonomi, personalinriktade insatser eller mål i exemplet
    expect(index.forbund).toEqual(["falun-borlange", "sodra-dalarna"]);
    expect(Object.keys(index.delar).sort()).toEqual(index.forbund);
    const delar = index.forbund.map((id) => json<Record<string, Sidtabell>>(`styrelserapport/${id}.json`));
    for (const namn of (RAPPORTTABELLER as string[]).filter((n) => n !== "indelning" && n !== "datakvalitet")) {
      const forbundsniva = namn === "helarsekvivalenter_halvar" || namn === "malgrupp";
      const egen = (id: string) => (d: Record<string, unknown>) => (forbundsniva ? d.niva === "forbund" && d.kod === id : d.forbund === id);
      index.forbund.forEach((id, j) => expect(av(delar[j]![namn]!, namn), `${id} ${namn}`).toEqual(golden(namn).filter(egen(id))));
    }
    expect(av(delar[0]!.malgrupp!, "malgrupp").length).toBeGreaterThan(0);
  });

  it("Styrelserapport: rapporten av sidans delar är densamma som av hela tabellerna, för varje förbund och period", async () => {
    const { RAPPORTTABELLER, rapportHtml, rapportdataForSidan, rapportdatumFor, styrelserapport, tolkaRapportdata } = await import("../src/components/styrelserapport.js");
    const hela = tolkaRapportdata(Object.fromEntries((RAPPORTTABELLER as string[]).map((n) => {
      const t = [...tabeller.values()].find((x) => x.schema.namn === n);
      return [n, t ? sidtabellAv(t) : undefined];
    })));
    const index = json<StyrelserapportIndex>("styrelserapport/index.json");
    let rapporter = 0;
    for (const id of index.forbund) {
      const sidan = rapportdataForSidan(index, json<Record<string, Sidtabell>>(`styrelserapport/${id}.json`));
      expect(rapportdatumFor(sidan, id)).toEqual(rapportdatumFor(hela, id));
      for (const till of rapportdatumFor(hela, id)) {
        expect(rapportHtml(styrelserapport(sidan, { forbund: id, till })), `${id} ${till}`).toBe(rapportHtml(styrelserapport(hela, { forbund: id, till })));
        rapporter++;
      }
    }
    expect(rapporter).toBeGreaterThan(1);
  });

  it("Översikt: varje förbunds senaste hela halvår, dess summor (alla, kvinnor, män) det halvåret och senaste månaden, och regionernas månader, inga kommunrader", () => {
    const o = json<Oversikt>("oversikt.json");
    const allaHe = golden("helarsekvivalenter");
    // Det senaste halvåret där alla sex månaderna finns, räknat för hand ur förbundets månader.
    const forbund = [...new Set(allaHe.filter((d) => d.niva === "forbund").map((d) => d.kod as string))];
    const vantatHalvar = Object.fromEntries(forbund.map((kod) => {
      const manader = allaHe.filter((d) => d.niva === "forbund" && d.kod === kod && d.kon === "alla" && d.ersattning === "summa").map((d) => d.period as string);
      const hela = [...new Set(manader.filter((p) => /^\d{4}-H[12]$/.test(p)))].filter((h) =>
        manader.filter((p) => /^\d{4}-\d{2}$/.test(p) && p.slice(0, 4) === h.slice(0, 4) && (Number(p.slice(5)) <= 6) === (h.endsWith("H1"))).length === 6);
      return [kod, hela.sort().at(-1) ?? null];
    }));
    expect(o.helaHalvar).toEqual(vantatHalvar);
    expect(Object.values(o.helaHalvar).filter(Boolean).length).toBeGreaterThan(1);
    // och samma som sidans egen regel (helaHalvar i src/components/data.ts)
    for (const kod of forbund) {
      const rader = allaHe.filter((d) => d.niva === "forbund" && d.kod === kod && d.kon === "alla" && d.ersattning === "summa").map((d) => ({ period: d.period as string, periodtyp: periodtyp(d.period as string) }));
      expect(o.helaHalvar[kod], kod).toBe(helaHalvar(rader).at(-1) ?? null);
    }
    const he = av(o.he, "helarsekvivalenter");
    const senaste = allaHe.map((d) => d.period as string).filter((p) => /^\d{4}-\d{2}$/.test(p)).sort().at(-1);
    expect(he).toEqual(allaHe.filter((d) => d.niva === "forbund" && d.ersattning === "summa" &&
      (d.period === senaste || d.period === o.helaHalvar[d.kod as string])));
    expect(new Set(he.map((d) => d.kon))).toEqual(new Set(["alla", "kvinnor", "man"]));
    const halvar = av(o.halvar, "helarsekvivalenter_halvar");
    expect(halvar).toEqual(golden("helarsekvivalenter_halvar").filter((d) => d.niva === "forbund" && d.ersattning === "summa" && d.halvar === o.helaHalvar[d.kod as string]));
    expect(new Set(halvar.map((d) => d.kon))).toEqual(new Set(["alla", "kvinnor", "man"]));
    const falun = o.regioner.find((r) => r.niva === "kommun" && r.kod === "2080")!;
    const manader = golden("helarsekvivalenter").filter((d) => d.kod === "2080" && /^\d{4}-\d{2}$/.test(d.period as string)).map((d) => d.period as string).sort();
    expect([falun.forsta, falun.sista]).toEqual([manader[0], manader.at(-1)]);
  });

  it("Helårsekvivalenter: regionfilerna tillsammans är hela tabellen, en region per fil; ett förbund har sina kommuners halvårstabeller", () => {
    const index = json<HelarsekvivalenterIndex>("helarsekvivalenter/index.json");
    const delar = regionfilerFor("helarsekvivalenter");
    expect(delar.map((f) => f.replace(/^helarsekvivalenter\//, "")).sort()).toEqual(Object.values(index.delar).map((d) => d.fil).sort());
    const alla = delar.flatMap((f) => av(json<HelarsekvivalenterDel>(f).he, "helarsekvivalenter"));
    expect(alla.length).toBe(tabeller.get("helarsekvivalenter")!.tabell.numRows());
    for (const f of delar) {
      const he = av(json<HelarsekvivalenterDel>(f).he, "helarsekvivalenter");
      expect(new Set(he.map((d) => `${d.niva}-${d.kod}`)), f).toEqual(new Set([f.replace(/^helarsekvivalenter\/|\.json$/g, "")]));
    }
    const fb = av(json<HelarsekvivalenterDel>("helarsekvivalenter/forbund-falun-borlange.json").halvar, "helarsekvivalenter_halvar");
    expect(new Set(fb.map((d) => `${d.niva}-${d.kod}`))).toEqual(new Set(["forbund-falun-borlange", "kommun-2080", "kommun-2081"]));
  });

  it("Jämförelse: en fil per ersättning, kön och periodtyp med förbund, län och riket, som tillsammans är deras månader och halvår", () => {
    const index = json<JamforelseIndex>("jamforelse/index.json");
    const delar = regionfilerFor("jamforelse");
    expect(delar.length).toBe(7 * 3 * 2);
    expect(delar.map((f) => f.replace(/^jamforelse\//, "")).sort()).toEqual(Object.values(index.delar).map((d) => d.fil).sort());
    const alla: Record<string, string | number | null>[] = [];
    for (const [nyckel, del] of Object.entries(index.delar)) {
      const he = av(json<JamforelseDel>(`jamforelse/${del.fil}`).he, "helarsekvivalenter");
      const [ersattning, kon, typ] = nyckel.split("-");
      expect(he.length, nyckel).toBeGreaterThan(0);
      expect(he.every((d) => d.ersattning === ersattning && d.kon === kon && periodtyp(d.period as string) === typ), nyckel).toBe(true);
      expect(Object.keys(he[0]!), nyckel).toEqual(["niva", "kod", "namn", "period", "kon", "ersattning", "andel"]);
      alla.push(...he);
    }
    // bara andelen och kolumnerna som säger vems och när (linjerna visar inget annat)
    const vantat = golden("helarsekvivalenter").filter((d) => ["forbund", "lan", "riket"].includes(d.niva as string) && /^\d{4}-(\d{2}|H[12])$/.test(d.period as string))
      .map(({ varde: _v, folkmangd: _f, ...d }) => d);
    const ordna = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect(alla.sort(ordna)).toEqual(vantat.sort(ordna));
    expect(index.forbund.sort()).toEqual([...new Set(vantat.filter((d) => d.niva === "forbund").map((d) => d.namn))].sort());
    expect(index.referens).toBe(true);
  });

  it("Jämförelse: indexfilen har det senaste hela halvåret för alla och de andra måttens senaste period, och ger samma jämförelsetabell som hela tabellerna", () => {
    const index = json<JamforelseIndex>("jamforelse/index.json");
    const o = json<Oversikt>("oversikt.json");
    expect(index.senasteHalvar).toBe(Object.values(o.helaHalvar).filter((h): h is string => h !== null).sort().at(-1));
    const halvar = av(index.halvar, "helarsekvivalenter");
    expect(halvar).toEqual(golden("helarsekvivalenter").filter((d) => ["forbund", "lan", "riket"].includes(d.niva as string) && d.period === index.senasteHalvar));
    expect(new Set(halvar.map((d) => `${d.kon}`))).toEqual(new Set(["alla", "kvinnor", "man"]));
    const jamforbar = (d: { niva: string }) => ["forbund", "lan", "riket"].includes(d.niva);
    const helaTabeller = {
      malgrupp: tolkaMalgrupp(sidtabellAv(tabeller.get("malgrupp")!)).filter(jamforbar),
      kvot: tolkaForsorjningskvot(sidtabellAv(tabeller.get("forsorjningskvot")!)).filter(jamforbar),
      matt: tolkaForsorjningsmatt(sidtabellAv(tabeller.get("forsorjningsmatt")!)).filter(jamforbar),
    };
    const sidans = { malgrupp: tolkaMalgrupp(index.malgrupp), kvot: tolkaForsorjningskvot(index.kvot), matt: tolkaForsorjningsmatt(index.matt) };
    expect(jamforelseRader(sidans)).toEqual(jamforelseRader(helaTabeller));
    expect(jamforelseRader(sidans).rader.length).toBeGreaterThan(2);
    expect(new Set(sidans.malgrupp.map((d) => d.tid)).size).toBe(1);
    expect(sidans.malgrupp.length).toBeLessThan(helaTabeller.malgrupp.length);
  });

  it("Befolkning: varje regions fyra tabeller i sin fil, som tillsammans är hela tabellerna; länen och riket och förbundens senaste försörjningsmått i indexfilen", () => {
    const index = json<BefolkningIndex>("befolkning/index.json");
    const delar = regionfilerFor("befolkning");
    expect(delar.length).toBe(Object.keys(index.delar).length);
    expect(index.regioner.length).toBe(delar.length);
    for (const [nyckel, tabell] of [["befolkning", "befolkning"], ["kvot", "forsorjningskvot"], ["matt", "forsorjningsmatt"], ["alder", "befolkning_alder"]] as const) {
      const alla = delar.flatMap((f) => av(json<BefolkningDel>(f)[nyckel], tabell));
      expect(alla.length, tabell).toBe(tabeller.get(tabell)!.tabell.numRows());
      for (const f of delar) {
        const rader = av(json<BefolkningDel>(f)[nyckel], tabell);
        expect(rader.every((d) => `befolkning/${d.niva}-${d.kod}.json` === f), f).toBe(true);
      }
    }
    // regionlistan: varje region en gång med sitt senaste år i någon av tabellerna
    const falun = index.regioner.find(([niva, kod]) => niva === "kommun" && kod === "2080")!;
    const falunsAr = ["befolkning", "forsorjningskvot", "forsorjningsmatt", "befolkning_alder"].flatMap((t) => golden(t).filter((d) => d.niva === "kommun" && d.kod === "2080").map((d) => d.ar as string));
    expect(falun[3]).toBe(falunsAr.sort().at(-1));
    expect(index.ar).toEqual([...new Set([...golden("befolkning"), ...golden("befolkning_alder")].map((d) => d.ar as string))].sort());
    expect(av(index.kvot, "forsorjningskvot")).toEqual(golden("forsorjningskvot").filter((d) => d.niva === "lan" || d.niva === "riket"));
    const mattAr = golden("forsorjningsmatt").filter((d) => d.niva === "forbund" && d.grupp === "total" && d.per_invanare != null).map((d) => d.ar as string).sort().at(-1);
    expect(av(index.matt, "forsorjningsmatt")).toEqual(golden("forsorjningsmatt").filter((d) => d.niva === "lan" || d.niva === "riket" || (d.niva === "forbund" && d.ar === mattAr)));
    expect(index.forbund.sort()).toEqual([...new Set(golden("forsorjningsmatt").filter((d) => d.niva === "forbund").map((d) => d.namn))].sort());
    expect(index.harKvot).toBe(true);
  });

  it("Arbetsmarknadsstatus: varje regions fyra tabeller, som tillsammans är hela tabellerna", () => {
    const index = json<ArbetsmarknadsstatusIndex>("arbetsmarknadsstatus/index.json");
    expect(index.aldrar).toContain("20-64");
    const delar = regionfilerFor("arbetsmarknadsstatus").map((f) => json<ArbetsmarknadsstatusDel>(f));
    expect(delar.length).toBe(Object.keys(index.delar).length);
    for (const [nyckel, tabell] of [["status", "arbetsmarknadsstatus"], ["kallor", "inkomstkalla"], ["malgrupp", "malgrupp"], ["nivaer", "inkomstniva"]] as const) {
      expect(delar.reduce((n, d) => n + d[nyckel].rader, 0), tabell).toBe(tabeller.get(tabell)!.tabell.numRows());
    }
  });

  it("delarnas version är innehållets hash och filnamnet regionens", () => {
    const index = json<HelarsekvivalenterIndex>("helarsekvivalenter/index.json");
    expect(index.delar["kommun-2080"]).toEqual({ fil: "kommun-2080.json", version: expect.stringMatching(/^[0-9a-f]{12}$/) });
  });
});

describe("sidvikten", () => {
  const gz = (f: string) => gzipSync(filer.get(f)!).length;
  it("ingen sida laddar mer än 300 kB (gzip) när den öppnas: sin fil och en region", () => {
    const sidor: Record<string, number> = {
      oversikt: gz("oversikt.json"),
      insatser: gz("insatser.json"),
      jamstalldhet: gz("jamstalldhet.json"),
      datakvalitet: gz("datakvalitet.json"),
      ekonomi: gz("ekonomi.json"),
    };
    for (const sida of REGIONSIDOR) sidor[sida] = gz(`${sida}/index.json`) + Math.max(0, ...regionfilerFor(sida).map(gz));
    for (const [sida, byte] of Object.entries(sidor)) expect(byte, sida).toBeLessThan(300_000);
    // Översikt visar sex rader och tre rutor: den laddar inte helårsekvivalenterna (850 kB gzip).
    expect(sidor.oversikt).toBeLessThan(30_000);
  });
});

describe("adresserna till regionfilerna", () => {
  const del = { fil: "kommun-2080.json", version: "abc123" };
  it("i ett bygge: under data/sida/ bredvid _file/, med versionen som fråga", () => {
    expect(delAdress({ href: "./_file/data/sida/helarsekvivalenter/index.0a1b2c3d.json" }, del, "http://x.se/helarsekvivalenter"))
      .toBe("http://x.se/data/sida/helarsekvivalenter/kommun-2080.json?v=abc123");
    expect(delAdress({ href: "../_file/data/sida/befolkning/index.0a1b2c3d.json" }, del, "http://x.se/bas/forbund/a"))
      .toBe("http://x.se/bas/data/sida/befolkning/kommun-2080.json?v=abc123");
  });
  it("i npm run dev: i samma mapp som indexfilen (Framework packar upp den ur arkivet)", () => {
    expect(delAdress({ href: "/_file/data/sida/helarsekvivalenter/index.json?sha=1234" }, del, "http://localhost:3000/helarsekvivalenter"))
      .toBe("http://localhost:3000/_file/data/sida/helarsekvivalenter/kommun-2080.json?v=abc123");
  });
  it("dynamicPaths listar regionfilerna och inget annat", () => {
    const lista = regionfiler([...filer.keys()]);
    expect(lista).toContain("/data/sida/helarsekvivalenter/kommun-2080.json");
    expect(lista.some((f) => f.endsWith("index.json") || f.endsWith("oversikt.json"))).toBe(false);
  });
});

describe("kontrollen av ett bygge", () => {
  const utdata = join(tmp, "utdata");
  for (const [f, text] of filer) {
    mkdirSync(dirname(join(utdata, "sida", f)), { recursive: true });
    writeFileSync(join(utdata, "sida", f), text);
  }
  writeFileSync(join(utdata, "sida", "filer.json"), JSON.stringify([...filer.keys()].sort()));
  const bygge = (namn: string, andra?: (f: string, text: string) => string | null) => {
    const k = join(tmp, namn);
    for (const [f, text] of filer) {
      const region = regionfiler([f]).length > 0;
      // förbundssidornas filer: från den parametriserade dataladdaren data/forbund/[id].json, och sidan forbund/<id>.html
      const forbund = f.startsWith("forbund/");
      const sokvag = region ? join(k, "data", "sida", f) : join(k, "_file", "data", ...(forbund ? [] : ["sida"]), f.replace(/\.json$/, ".0123abcd.json"));
      if (forbund) {
        mkdirSync(join(k, "forbund"), { recursive: true });
        writeFileSync(join(k, f.replace(/\.json$/, ".html")), "<html></html>");
      }
      const innehall = andra ? andra(f, text) : text;
      if (innehall === null) continue;
      mkdirSync(dirname(sokvag), { recursive: true });
      writeFileSync(sokvag, innehall);
    }
    return k;
  };
  it("godkänner ett bygge med varje fil på sin plats", () => {
    expect(kontrolleraSidodata(bygge("rent"), utdata)).toEqual([]);
  });
  it("hittar en saknad regionfil, en ändrad sidfil och en fil som inte hör dit", () => {
    const k = bygge("fel", (f, text) => (f === "befolkning/kommun-2080.json" ? null : f === "oversikt.json" ? text.replace("Falun", "Faluun") : text));
    writeFileSync(join(k, "data", "sida", "befolkning", "kommun-9999.json"), "{}");
    expect(kontrolleraSidodata(k, utdata).sort()).toEqual([
      "data/sida/befolkning/kommun-2080.json publicerades inte (regionfil, dynamicPaths)",
      "data/sida/befolkning/kommun-9999.json publicerades men finns inte i sidornas data",
      "data/sida/oversikt.json skiljer sig från sidornas data",
    ]);
  });
  it("hittar en förbundssida eller förbundsfil som saknas", () => {
    const k = bygge("forbund", (f, text) => (f === "forbund/nedansiljan.json" ? null : text));
    rmSync(join(k, "forbund", "falun-borlange.html"));
    expect(kontrolleraSidodata(k, utdata).sort()).toEqual([
      "data/forbund/nedansiljan.json publicerades 0 gånger (väntade en gång)",
      "förbundssidan forbund/falun-borlange.html saknas (dynamicPaths)",
    ]);
  });
  it("utdatans CSV och sidornas tabeller har samma tal: inget avrundas på vägen", () => {
    const t = tabeller.get("helarsekvivalenter")!;
    expect(csvText(t)).toBe(readFileSync(new URL("helarsekvivalenter.csv", GOLDEN), "utf8"));
  });
});
