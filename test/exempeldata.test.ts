import {readFileSync} from "node:fs";
import iconv from "iconv-lite";
import {describe, expect, it} from "vitest";
import {genereraHelarsekvivalenter} from "../scripts/generera-exempel.ts";

const FIL = new URL("../data/exempel/TAB1386_20260315-101500.csv", import.meta.url);
const bytes = readFileSync(FIL);
const text = iconv.decode(bytes, "latin1");

const REGIONER = [
  "2021 Vansbro", "2023 Malung-Sälen", "2026 Gagnef", "2029 Leksand", "2031 Rättvik",
  "2034 Orsa", "2039 Älvdalen", "2061 Smedjebacken", "2062 Mora", "2080 Falun",
  "2081 Borlänge", "2082 Säter", "2083 Hedemora", "2084 Avesta", "2085 Ludvika", "00 Riket",
];
const KON = ["män", "kvinnor", "män och kvinnor totalt"];
const ERSATTNINGAR = [
  "Sjukpenning", "Sjuk- och aktivitetsersersättning", "Arbetslöshetsersättning",
  "Arbetsmarknadsåtgärder", "Ekonomiskt bistånd", "Etableringsersättning",
];
const INNEHALL = [...ERSATTNINGAR, "Summa helårsekvivalenter", "Folkmängd", "Andel av befolkningen"];
const MANADER = Array.from({length: 84}, (_, t) => `${2019 + Math.floor(t / 12)}M${String((t % 12) + 1).padStart(2, "0")}`);

interface Rad {
  region: string;
  kon: string;
  innehall: string;
  varden: string[];
}

function avcitera(falt: string): string {
  if (!/^".*"$/.test(falt)) throw new Error(`fältet ${falt} är inte citerat`);
  return falt.slice(1, -1);
}

const rader = text.split("\r\n");
const datarader: Rad[] = rader.slice(2, -1).map((rad) => {
  const [region = "", kon = "", alder = "", innehall = "", ...varden] = rad.split(";");
  if (avcitera(alder) !== "20-64 år") throw new Error(`oväntad ålder ${alder}`);
  return {region: avcitera(region), kon: avcitera(kon), innehall: avcitera(innehall), varden};
});

function serie(region: string, kon: string, innehall: string): string[] {
  const rad = datarader.find((r) => r.region === region && r.kon === kon && r.innehall === innehall);
  if (rad === undefined) throw new Error(`raden ${region} / ${kon} / ${innehall} saknas`);
  return rad.varden;
}

const tal = (v: string): number | null => (v === ".." ? null : Number(v));

describe("exempelfilen data/exempel/TAB1386_20260315-101500.csv", () => {
  it("är exakt vad genereraHelarsekvivalenter() skriver", () => {
    expect(genereraHelarsekvivalenter().equals(bytes)).toBe(true);
  });

  it("är ISO-8859-1 utan BOM med CRLF och avslutande radslut", () => {
    expect(bytes[0]).toBe(0x22);
    expect(bytes.includes(0xe5)).toBe(true); // å i ISO-8859-1
    expect(bytes.includes(Buffer.from("å", "utf8"))).toBe(false);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("börjar med SCB:s titelrad och rubrikraden med 84 månadskolumner", () => {
    expect(rader[0]).toBe('"Helårsekvivalenter 20-64 år efter region, kön, ålder, tabellinnehåll och månad"');
    const rubrik = (rader[1] ?? "").split(";").map(avcitera);
    expect(rubrik.slice(0, 4)).toEqual(["region", "kön", "ålder", "tabellinnehåll"]);
    expect(rubrik.slice(4)).toEqual(MANADER);
  });

  it("har 16 regioner x 3 kön x 9 tabellinnehåll i SCB:s ordning", () => {
    const vantat = REGIONER.flatMap((region) => KON.flatMap((kon) => INNEHALL.map((innehall) => `${region}|${kon}|${innehall}`)));
    expect(datarader.map((r) => `${r.region}|${r.kon}|${r.innehall}`)).toEqual(vantat);
    expect(datarader).toHaveLength(16 * 3 * 9);
  });

  it("har ociterade tal: heltal, andelar med en decimal eller ..", () => {
    for (const rad of datarader) {
      expect(rad.varden).toHaveLength(84);
      const monster = rad.innehall === "Andel av befolkningen" ? /^(\d+\.\d|\.\.)$/ : /^(\d+|\.\.)$/;
      for (const v of rad.varden) expect(v, `${rad.region} ${rad.kon} ${rad.innehall}`).toMatch(monster);
    }
  });

  it("har totalt = män + kvinnor och summa = summan av de sex ersättningarna", () => {
    let kontroller = 0;
    for (const region of REGIONER) {
      for (const innehall of [...ERSATTNINGAR, "Summa helårsekvivalenter", "Folkmängd"]) {
        const [m, k, t] = KON.map((kon) => serie(region, kon, innehall).map(tal));
        MANADER.forEach((manad, i) => {
          const [mi, ki, ti] = [m?.[i], k?.[i], t?.[i]];
          if (mi == null || ki == null || ti == null) return;
          expect(ti, `${region} ${innehall} ${manad}`).toBe(mi + ki);
          kontroller++;
        });
      }
      for (const kon of KON) {
        const delar = ERSATTNINGAR.map((e) => serie(region, kon, e).map(tal));
        const summa = serie(region, kon, "Summa helårsekvivalenter").map(tal);
        const folkmangd = serie(region, kon, "Folkmängd").map(tal);
        const andel = serie(region, kon, "Andel av befolkningen").map(tal);
        MANADER.forEach((manad, i) => {
          const varden = delar.map((d) => d[i]);
          const s = summa[i];
          const f = folkmangd[i];
          if (s == null || f == null || varden.some((v) => v == null)) return;
          expect(s, `${region} ${kon} ${manad}`).toBe(varden.reduce<number>((a, b) => a + (b ?? 0), 0));
          expect(Math.abs((andel[i] ?? NaN) - (100 * s) / f)).toBeLessThanOrEqual(0.05 + 1e-9);
          kontroller++;
        });
      }
    }
    expect(kontroller).toBeGreaterThan(16 * 84 * 10);
  });

  it("träffar de verkliga halvårssummorna för Falun och Borlänge jan-jun 2023 och 2024", () => {
    // Ordning som i årsredovisningen: sjukpenning, sjuk- och aktivitetsersättning, arbetslöshet,
    // åtgärder, etablering, ekonomiskt bistånd.
    const rapportordning = [
      "Sjukpenning", "Sjuk- och aktivitetsersersättning", "Arbetslöshetsersättning",
      "Arbetsmarknadsåtgärder", "Etableringsersättning", "Ekonomiskt bistånd",
    ];
    const mal: [string, string, number[]][] = [
      ["2080 Falun", "2023", [5393, 6575, 1360, 3779, 415, 2640]],
      ["2080 Falun", "2024", [5740, 6466, 1824, 3286, 419, 2375]],
      ["2081 Borlänge", "2023", [5614, 6713, 2514, 6764, 269, 4366]],
      ["2081 Borlänge", "2024", [5802, 6622, 2731, 6172, 196, 4332]],
    ];
    for (const [region, ar, summor] of mal) {
      const start = MANADER.indexOf(`${ar}M01`);
      const faktiska = rapportordning.map((innehall) =>
        serie(region, "män och kvinnor totalt", innehall)
          .slice(start, start + 6)
          .reduce((a, v) => a + Number(v), 0),
      );
      expect(faktiska, `${region} ${ar}`).toEqual(summor);
    }
  });

  it("saknar bara Vansbros ekonomiska bistånd för kvinnor 2021M07 och det som beror på det", () => {
    const saknade = datarader.flatMap((rad) =>
      rad.varden.flatMap((v, i) => (v === ".." ? [`${rad.region}|${rad.kon}|${rad.innehall}|${MANADER[i]}`] : [])),
    );
    expect(saknade.sort()).toEqual(
      [
        "2021 Vansbro|kvinnor|Ekonomiskt bistånd|2021M07",
        "2021 Vansbro|kvinnor|Summa helårsekvivalenter|2021M07",
        "2021 Vansbro|kvinnor|Andel av befolkningen|2021M07",
        "2021 Vansbro|män och kvinnor totalt|Ekonomiskt bistånd|2021M07",
        "2021 Vansbro|män och kvinnor totalt|Summa helårsekvivalenter|2021M07",
        "2021 Vansbro|män och kvinnor totalt|Andel av befolkningen|2021M07",
      ].sort(),
    );
  });
});
