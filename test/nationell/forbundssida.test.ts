// Förbundssidornas data (loaders/publish/sidor/nationell.ts) och rangordningen
// (src/components/nationell.ts), på handgjorda data med handräknade svar (inte exemplet).
//
// test/fixtures/nationell/: folkmängd 2023 och 2024 för sex kommuner i två län (Gotland 09,
// Blekinge 10; samma siffror båda åren) och riket, och en påhittad indelning:
//   f-a: Gotland (09) + Olofström (10): spänner över två län
//   f-b: Karlskrona + Ronneby          f-c: Karlshamn
//   f-d: Sölvesborg, till och med 2023-12 (fanns inte 2024)
//   f-e: Härryda (14), som saknas i filen: förbundet får inget värde
//
// Försörjningskvot = (0–19 + 65+) / 20–64, räknad på summorna:
//   f-a alla:  (20+10 + 30+20) / (100+50)        = 80/150  = 0,5333…
//   f-b alla:  (40+20 + 40+30) / (200+100)       = 130/300 = 0,4333…
//   f-c alla:  (20 + 45) / 150                   = 65/150  = 0,4333…  (= f-b: delad plats)
//   f-d alla:  (10 + 20) / 40                    = 0,75 (bara 2023)
//   Gotlands län = Gotland: (20 + 30) / 100      = 0,5
//   Blekinge län: (10+40+20+20+10 + 20+40+30+45+20) / (50+200+100+150+40) = 255/540 = 0,4722…
//   Riket (SCB:s egen rad): (1000 + 1000) / 4000 = 0,5
// Plats 2024 (högst först; f-d fanns inte, f-e saknar värde): f-a 1, f-b och f-c delad 2;
// 3 förbund rangordnade, 1 saknas. 2023: f-d 1, f-a 2, f-b och f-c delad 3; 4 rangordnade, 1 saknas.
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../loaders/pipeline.ts";
import type { Schema, Utdatatabell } from "../../loaders/publish/schema.ts";
import { nationellaFiler, standardkommuner, type ForbundssidaData } from "../../loaders/publish/sidor/nationell.ts";
import {
  avkodaMatt, avkodaPlaceringar, formatPlacering, forbundUnderPerioden, periodensManader, rangordna, sokForbund,
  type Forbundsindex, type Mattabell,
} from "../../src/components/nationell.ts";
import { arkivfiler, forbundssidor, valtForbund } from "../../loaders/publish/sidor/katalog.ts";

const resultat = await runPipeline("test/fixtures/nationell");
const hamta = <S extends Schema>(s: S) => resultat.outputs!.get(s.namn)! as Utdatatabell<S>;
const kommuner = standardkommuner();
const filer = nationellaFiler(hamta, { kommuner });
const sida = (id: string) => filer.get(`forbund/${id}.json`) as ForbundssidaData;
const varde = (t: Mattabell, niva: string, kod: string, period: string, kon = "alla") =>
  avkodaMatt(t).find((r) => r.niva === niva && r.kod === kod && r.period === period && r.kon === kon)?.varde;

describe("rangordna", () => {
  it("ger högst värde plats 1, delar plats vid lika värden och hoppar över de delade (1, 2, 2, 4)", () => {
    const p = rangordna(new Map([["a", 0.3], ["b", 0.2], ["c", 0.2], ["d", 0.1]]));
    expect([...p].map(([id, x]) => [id, x.plats, x.delad])).toEqual([["a", 1, 1], ["b", 2, 2], ["c", 2, 2], ["d", 4, 1]]);
    expect(p.get("d")!.antal).toBe(4);
  });
  it("rangordnar inte förbund utan värde (null, NaN eller ingen rad) men räknar dem som saknade", () => {
    const p = rangordna(new Map<string, number | null>([["a", 1], ["b", null], ["c", Number.NaN]]), ["a", "b", "c", "d"]);
    expect(p.get("a")).toEqual({ plats: 1, antal: 1, delad: 1, saknas: 3 });
    expect(p.get("d")).toEqual({ plats: null, antal: 1, delad: 0, saknas: 3 });
  });
  it("säger platsen i ord, med delad plats och hur många som saknas", () => {
    expect(formatPlacering({ plats: 2, antal: 3, delad: 2, saknas: 1 })).toBe("delad plats 2 av 3 (2 förbund lika); 1 förbund saknar värde");
    expect(formatPlacering({ plats: 1, antal: 80, delad: 1, saknas: 0 })).toBe("plats 1 av 80");
    expect(formatPlacering({ plats: null, antal: 80, delad: 0, saknas: 1 })).toBe("saknar värde");
  });
  it("jämför de förbund som fanns någon månad under perioden", () => {
    expect(periodensManader("2024-H2")).toEqual(["2024-07", "2024-12"]);
    const g = [{ forbund: "x", fran: null, till: "2023-12" }, { forbund: "y", fran: "2024-07", till: null }];
    expect([...forbundUnderPerioden(g, "2023")]).toEqual(["x"]);
    expect([...forbundUnderPerioden(g, "2024-H1")]).toEqual([]);
    expect([...forbundUnderPerioden(g, "2024")]).toEqual(["y"]);
  });
});

describe("förbundssidornas data på handgjorda data", () => {
  it("pipelinen godtar testdata utan fel", () => {
    expect(resultat.findings.errors).toEqual([]);
  });

  it("förbundet i två län visas bredvid båda länen och riket, med handräknade värden", () => {
    const a = sida("f-a");
    expect(a.forbund.lan).toEqual([{ kod: "09", namn: "Gotlands län" }, { kod: "10", namn: "Blekinge län" }]);
    const t = a.matt["forsorjningskvot"]!;
    expect(t.regioner.map(([n, k]) => `${n}-${k}`).sort()).toEqual(["forbund-f-a", "lan-09", "lan-10", "riket-00"]);
    expect(varde(t, "forbund", "f-a", "2024")).toBe(80 / 150);
    expect(varde(t, "forbund", "f-a", "2024", "kvinnor")).toBe((15 + 25) / 75);
    expect(varde(t, "lan", "09", "2024")).toBe(0.5);
    expect(varde(t, "lan", "10", "2024")).toBe(255 / 540);
    expect(varde(t, "riket", "00", "2024")).toBe(0.5);
  });

  it("ett förbund i ett län får bara sitt län", () => {
    const t = sida("f-b").matt["forsorjningskvot"]!;
    expect(t.regioner.map(([n, k]) => `${n}-${k}`).sort()).toEqual(["forbund-f-b", "lan-10", "riket-00"]);
    expect(varde(t, "forbund", "f-b", "2024")).toBe(130 / 300);
  });

  it("placeringarna: delad plats vid lika värden, förbund som inte fanns jämförs inte, förbund utan värde räknas som saknade", () => {
    const plats = (id: string, period: string, kon = "alla") => avkodaPlaceringar(sida(id).placeringar["forsorjningskvot"]!).get(`${period}|${kon}`);
    expect(plats("f-a", "2024")).toEqual({ plats: 1, antal: 3, delad: 1, saknas: 1 });
    expect(plats("f-b", "2024")).toEqual({ plats: 2, antal: 3, delad: 2, saknas: 1 });
    expect(plats("f-c", "2024")).toEqual({ plats: 2, antal: 3, delad: 2, saknas: 1 });
    expect(plats("f-e", "2024")).toEqual({ plats: null, antal: 3, delad: 0, saknas: 1 });
    expect(plats("f-d", "2023")).toEqual({ plats: 1, antal: 4, delad: 1, saknas: 1 });
    expect(plats("f-a", "2023")).toEqual({ plats: 2, antal: 4, delad: 1, saknas: 1 });
    expect(plats("f-c", "2023")).toEqual({ plats: 3, antal: 4, delad: 2, saknas: 1 });
    expect(plats("f-d", "2024")).toBeUndefined();
    // kvinnor: f-c 64/150 = 0,4267 < f-b 0,4333: ingen delad plats
    expect(plats("f-b", "2024", "kvinnor")).toEqual({ plats: 2, antal: 3, delad: 1, saknas: 1 });
    expect(plats("f-c", "2024", "kvinnor")).toEqual({ plats: 3, antal: 3, delad: 1, saknas: 1 });
  });

  it("förbundssidan har medlemskommunernas befolkning och förbundets, länens och rikets", () => {
    const b = sida("f-a").befolkning;
    const kod = b.kolumner.find((k) => k.namn === "kod")!;
    expect(kod.typ === "text" && [...new Set(kod.index.map((i) => kod.ordbok[i]))].sort()).toEqual(["00", "09", "0980", "10", "1060", "f-a"]);
  });

  it("jämförelsefilen har alla förbund, län och riket; indexet alla förbund och kommunerna utanför", () => {
    const t = filer.get("nationell/forsorjningskvot.json") as Mattabell;
    expect(t.regioner.filter(([n]) => n === "forbund").map(([, k]) => k).sort()).toEqual(["f-a", "f-b", "f-c", "f-d"]);
    const index = filer.get("nationell/index.json") as Forbundsindex;
    expect(index.forbund.map((f) => f.id)).toEqual(["f-a", "f-b", "f-c", "f-d", "f-e"]);
    expect(index.forbund.find((f) => f.id === "f-d")!.till).toBe("2023-12");
    expect(index.matt).toEqual(["forsorjningskvot"]);
    expect(index.utanfor.some((k) => k.kod === "1083")).toBe(true); // Sölvesborg: f-d upphörde
    expect(index.utanfor).toHaveLength(290 - 6);
  });

  it("söker på förbundets, kommunens och länets namn", () => {
    const index = filer.get("nationell/index.json") as Forbundsindex;
    expect(sokForbund(index.forbund, "olofström").map((f) => f.id)).toEqual(["f-a"]);
    expect(sokForbund(index.forbund, "Blekinge").map((f) => f.id)).toEqual(["f-a", "f-b", "f-c", "f-d"]);
    expect(sokForbund(index.forbund, "Karlshamn").map((f) => f.id)).toEqual(["f-c"]);
    expect(sokForbund(index.forbund, "1080").map((f) => f.id)).toEqual(["f-b"]);
    expect(sokForbund(index.forbund, "fiktivt gotland").map((f) => f.id)).toEqual(["f-a"]);
  });

  it("FINSAM_FORBUND ger bara det förbundets fil; ett okänt id är ett fel som säger vilka som finns", () => {
    const en = nationellaFiler(hamta, { kommuner, forbund: "f-b" });
    expect([...en.keys()].filter((f) => f.startsWith("forbund/"))).toEqual(["forbund/f-b.json"]);
    // indexet säger vilka förbund som har en sida, så att de andra inte länkas
    expect((en.get("nationell/index.json") as Forbundsindex).sidor).toEqual(["f-b"]);
    expect((filer.get("nationell/index.json") as Forbundsindex).sidor).toEqual(["f-a", "f-b", "f-c", "f-d", "f-e"]);
    expect(valtForbund({ FINSAM_FORBUND: "f-b" }, new Set(["f-a", "f-b"]))).toBe("f-b");
    expect(valtForbund({}, new Set(["f-a"]))).toBeUndefined();
    expect(() => valtForbund({ FINSAM_FORBUND: "f-x" }, new Set(["f-a", "f-b"]))).toThrow(/FINSAM_FORBUND="f-x" är inget förbund.*f-a, f-b/);
  });

  it("dynamicPaths får en sida per förbundsfil; arkivet src/data/sida.zip har inte förbundsfilerna", () => {
    const lista = ["forbund/f-a.json", "forbund/f-b.json", "nationell/index.json", "oversikt.json"];
    expect(forbundssidor(lista)).toEqual(["/forbund/f-a", "/forbund/f-b"]);
    expect(arkivfiler(lista)).toEqual(["nationell/index.json", "oversikt.json"]);
  });
});
