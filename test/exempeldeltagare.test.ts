import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { genereraDeltagare } from "../scripts/generera-deltagare.ts";
import { readDeltagare, type Deltagande } from "../loaders/normalise/deltagare.ts";
import { beraknaUnderlag, fonster, type Underlag } from "../loaders/compute/nyckeltal.ts";
import { hamtaNyckel } from "../loaders/reference/nyckel.ts";
import { Findings } from "../loaders/validate/findings.ts";
import { parsePersonnummer } from "../loaders/validate/personnummer.ts";
import type { Datum } from "../loaders/normalise/datum.ts";
import { PERIODER, TABELL1, TABELL1_FEL, TABELLER, tal, type Rad } from "./helpers/delarsbokslut2025.ts";

const FIL = new URL("../data/exempel/deltagare_sodra_dalarna.csv", import.meta.url);
const bytes = readFileSync(FIL);
const text = iconv.decode(bytes, "windows-1252");
const rader = text.split("\r\n").slice(0, -1);
const falt = rader.slice(1).map((r) => r.split(";"));

/** Som rapporten: halvor bort från noll (efter 15 gällande siffror mot flyttalsbrus). */
function avrunda(x: number, decimaler: number): number {
  const skala = 10 ** decimaler;
  const v = Math.round(Number((Math.abs(x) * skala).toPrecision(15))) / skala;
  return v === 0 ? 0 : Math.sign(x) * v;
}

function rapportvarde(u: Underlag, rad: Rad): number {
  switch (rad) {
    case "Deltagare totalt":
      return u.deltagare;
    case "Antal avslut":
      return u.avslut;
    case "Resultat mot mål":
      return avrunda((100 * u.malTaljare) / u.malNamnare, 0);
    case "Genomströmningstid i snitt":
      return avrunda(u.tidSummaManader / u.malGrupp, 1);
    case "Tid i bidrag/arbets- eller studielöshet före start":
      return avrunda(u.foreSummaAr / u.foreN, 1);
  }
}

/** The file's export date ("rapportdagen"), as data/exempel/finsam.json states it. */
const EXPORTDATUM = "2025-08-31" as Datum;

let katalog: string;
let tidigareNyckel: string | undefined;
let findings: Findings;
let deltaganden: Deltagande[];
let underlag: Underlag[];

beforeAll(() => {
  katalog = mkdtempSync(join(tmpdir(), "finsam-exempeldeltagare-"));
  tidigareNyckel = process.env.FINSAM_NYCKEL;
  process.env.FINSAM_NYCKEL = join(katalog, "nyckel");
  findings = new Findings();
  deltaganden = readDeltagare(bytes, "deltagare_sodra_dalarna.csv", () => hamtaNyckel(), findings) ?? [];
  underlag = beraknaUnderlag(deltaganden, { exportdatum: EXPORTDATUM });
});

afterAll(() => {
  if (tidigareNyckel === undefined) delete process.env.FINSAM_NYCKEL;
  else process.env.FINSAM_NYCKEL = tidigareNyckel;
  rmSync(katalog, { recursive: true, force: true });
});

function hitta(insats: string, [fran, till]: readonly [string, string]): Underlag {
  const u = underlag.find((x) => x.forbund === "sodra-dalarna" && x.insats === insats && x.kon === "alla" && x.fran === fran && x.till === till);
  if (!u) throw new Error(`inget underlag för ${insats} ${fran}-${till}`);
  return u;
}

describe("exempelfilen data/exempel/deltagare_sodra_dalarna.csv", () => {
  it("är exakt vad genereraDeltagare() skriver", () => {
    expect(genereraDeltagare().equals(bytes)).toBe(true);
  });

  it("är sparad som från svenska Excel: Windows-1252, semikolon, CRLF", () => {
    expect(bytes.includes(0xf6)).toBe(true); // ö i Windows-1252
    expect(bytes.includes(Buffer.from("ö", "utf8"))).toBe(false);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(rader[0]).toBe("Löpnummer;Personnummer;Förbund;Insats;Kön;Födelseår;Startdatum;Slutdatum;Avslutsorsak;År utan arbete före start;Kommentar");
    for (const f of falt) expect(f).toHaveLength(11);
  });

  it("har rimliga värden i varje kolumn", () => {
    const insatser = new Set(["Samverkansteam Avesta", "Samverkansteam Kraften Hedemora", "Samverkansteam Säter"]);
    const orsaker = new Set(["Arbete", "Studier", "Arbetslivsinriktad rehabilitering", "Medicinsk rehabilitering", "Sjukersättning", "Annat", "Tidigt avhopp", "Överflyttad"]);
    for (const [lopnr, pnr, forbund, insats, kon, fodd, start, slut, orsak, ar, kommentar] of falt) {
      expect(forbund).toBe("sodra-dalarna");
      expect(insatser.has(insats!)).toBe(true);
      expect(["Kvinna", "Man"]).toContain(kon);
      expect(fodd).toMatch(/^(19|20)\d\d$/);
      expect(start).toMatch(/^20(1[4-9]|2[0-5])-\d\d-\d\d$/);
      expect(slut).toMatch(/^(20\d\d-\d\d-\d\d)?$/);
      expect(start! <= "2025-08-31" && slut! <= "2025-08-31").toBe(true);
      expect(slut === "").toBe(orsak === "");
      if (orsak !== "") expect(orsaker.has(orsak!)).toBe(true);
      expect(ar).toMatch(/^(\d+(,\d)?)?$/);
      if (pnr === "") {
        expect(lopnr).toMatch(/^(AV|KH|SA)-20\d\d-\d{3}$/);
        expect(kommentar).toBe("");
        const alder = Number(start!.slice(0, 4)) - Number(fodd);
        expect(alder).toBeGreaterThanOrEqual(18);
        expect(alder).toBeLessThanOrEqual(66);
      }
    }
    // Säter började 2018.
    expect(falt.filter((f) => f[3] === "Samverkansteam Säter" && f[1] === "").every((f) => f[6]! >= "2018-07-01")).toBe(true);
    // Något börjar och något slutar i juli-augusti 2025, efter sista hela perioden.
    expect(falt.some((f) => f[6]! >= "2025-07-01")).toBe(true);
    expect(falt.some((f) => f[7]! >= "2025-07-01")).toBe(true);
  });

  it("ser ut som ett team för sina uppgifter", () => {
    const orsak = (o: string) => falt.filter((f) => f[8] === o).length;
    expect(orsak("Tidigt avhopp")).toBeGreaterThan(5);
    expect(orsak("Överflyttad")).toBeGreaterThan(0);
    expect(orsak("Överflyttad")).toBeLessThan(6);
    const personer = new Map<string, string[][]>();
    for (const f of falt) personer.set(f[0] || f[1]!, [...(personer.get(f[0] || f[1]!) ?? []), f]);
    expect([...personer.values()].filter((p) => p.length === 2).length).toBeGreaterThan(3);
    expect([...personer.values()].every((p) => p.length <= 2)).toBe(true);
    const kvinnor = [...personer.values()].filter((p) => p[0]![4] === "Kvinna").length / personer.size;
    expect(kvinnor).toBeGreaterThan(0.55);
    expect(kvinnor).toBeLessThan(0.65);
    // Längden på avslutade deltaganden (utom tidiga avhopp): medianen 18-30 månader.
    const manader = falt
      .filter((f) => f[7] !== "" && f[8] !== "Tidigt avhopp")
      .map((f) => (Date.parse(f[7]!) - Date.parse(f[6]!)) / 86_400_000 / 30.4375)
      .sort((a, b) => a - b);
    const median = manader[Math.floor(manader.length / 2)]!;
    expect(median).toBeGreaterThan(18);
    expect(median).toBeLessThan(30);
  });

  it("läses av readDeltagare utan fel eller varningar", () => {
    expect(findings.errors).toEqual([]);
    expect(findings.warnings).toEqual([]);
    expect(deltaganden).toHaveLength(falt.length);
  });

  it("täcker perioderna till och med juli 2024-juni 2025", () => {
    const f = fonster(deltaganden, EXPORTDATUM);
    expect(f[0]).toEqual({ fran: "2013-07", till: "2014-06" });
    expect(f.at(-1)).toEqual({ fran: "2024-07", till: "2025-06" });
    for (const [fran, till] of PERIODER) expect(f).toContainEqual({ fran, till });
  });

  for (const [insats, tabell] of Object.entries(TABELLER)) {
    describe(`ger ${insats}s siffror i delårsbokslutet 2025`, () => {
      for (const [rad, tryckta] of Object.entries(tabell) as [Rad, readonly string[]][]) {
        it(rad, () => {
          const faktiska = PERIODER.map((p) => rapportvarde(hitta(insats, p), rad));
          expect(faktiska).toEqual(tryckta.map(tal));
        });
      }
    });
  }

  describe("ger förbundets totalt som Tabell 1, utom rapportens två fel", () => {
    for (const [rad, tryckta] of Object.entries(TABELL1) as [Rad, readonly string[]][]) {
      it(rad, () => {
        const faktiska = PERIODER.map((p) => rapportvarde(hitta("totalt", p), rad));
        const vantade = tryckta.map((t, w) => TABELL1_FEL[rad]?.[w] ?? tal(t));
        expect(faktiska).toEqual(vantade);
      });
    }
    it("totalt är summan av teamen (ingen person i två team under perioderna)", () => {
      for (const p of PERIODER) {
        const team = Object.keys(TABELLER).map((i) => hitta(i, p));
        const tot = hitta("totalt", p);
        expect(tot.deltagare).toBe(team.reduce((s, u) => s + u.deltagare, 0));
        expect(tot.avslut).toBe(team.reduce((s, u) => s + u.avslut, 0));
      }
    });
  });

  describe("testpersonen", () => {
    const index = falt.findIndex((f) => f[1] !== "");
    const rad = falt[index]!;

    it("är den enda raden med personnummer, och har Skatteverkets testnummer", () => {
      expect(falt.filter((f) => f[1] !== "")).toHaveLength(1);
      expect(rad[0]).toBe("");
      expect(rad[1]).toBe("19121212-1212");
      expect(rad[10]).toBe("Testa Testsson");
      expect(falt.filter((f) => f[10] !== "")).toHaveLength(1);
    });

    it("har ett giltigt personnummer för en man", () => {
      const pnr = parsePersonnummer("19121212-1212");
      expect(pnr).toEqual({ ok: true, tio: "1212121212", kon: "man", samordningsnummer: false });
      const d = deltaganden.find((x) => x.rad === index + 2)!;
      expect(d.kon).toBe("man");
      expect(d.person).toMatch(/^p[0-9a-f]{20}$/);
    });

    it("deltog i Säter 2019, utanför rapportens perioder", () => {
      const d = deltaganden.find((x) => x.rad === index + 2)!;
      expect(d.insats).toBe("Samverkansteam Säter");
      expect(d.start.startsWith("2019-")).toBe(true);
      expect(d.slut?.startsWith("2019-")).toBe(true);
    });

    it("finns varken med personnummer eller namn i det som läses in", () => {
      const allt = JSON.stringify(deltaganden);
      expect(allt).not.toMatch(/1212121212|19121212|121212-1212|Testa|Testsson/);
    });
  });
});
