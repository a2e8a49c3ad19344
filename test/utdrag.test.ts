// Anteckningarnas utdrag (src/data/utdrag.js): en mindre fil ur en utdatatabell, med tabellens
// rubrikrad och rader oförändrade (docs/webbplatsen.md, "Anteckningarnas utdrag").
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { UTDRAG, senastePerioden, utdrag, utdragetsTabell } from "../src/data/utdrag.js";

const RUBRIK = "niva,kod,namn,manad,kon,matt,antal,andel";

describe("senastePerioden: raderna för tabellens senaste period", () => {
  it("behåller bara raderna med det största värdet i kolumnen, oförändrade och i tabellens ordning", () => {
    const csv = [
      RUBRIK,
      'forbund,a,"Södra, västra",2024-03,alla,saknar_inkomst,12,0.1',
      "kommun,2080,Falun,2024-12,kvinnor,saknar_inkomst,5,",
      "kommun,2080,Falun,2024-02,alla,saknar_inkomst,7,0.3",
      'forbund,a,"Södra, västra",2024-12,alla,saknar_inkomst,,0.2',
      ""
    ].join("\n");
    // 2024-12 är störst av 2024-02, 2024-03, 2024-12; citattecknen kring ett namn med komma står kvar.
    expect(senastePerioden(csv, "manad")).toBe([
      RUBRIK,
      "kommun,2080,Falun,2024-12,kvinnor,saknar_inkomst,5,",
      'forbund,a,"Södra, västra",2024-12,alla,saknar_inkomst,,0.2',
      ""
    ].join("\n"));
  });

  it("ett tomt värde är ingen period; en tabell utan rader (eller bara tomma perioder) ger bara rubrikraden", () => {
    expect(senastePerioden(`${RUBRIK}\nlan,20,Dalarna,,alla,x,1,0.5\n`, "manad")).toBe(`${RUBRIK}\n`);
    expect(senastePerioden(`${RUBRIK}\n`, "manad")).toBe(`${RUBRIK}\n`);
    expect(senastePerioden(`${RUBRIK}\nlan,20,Dalarna,,alla,x,1,0.5\nlan,20,Dalarna,2023-01,alla,x,2,0.5\n`, "manad"))
      .toBe(`${RUBRIK}\nlan,20,Dalarna,2023-01,alla,x,2,0.5\n`);
  });

  it("en tabell utan kolumnen är ett fel som säger vilken kolumn som saknas", () => {
    expect(() => senastePerioden("niva,kod\nkommun,2080\n", "manad")).toThrow(/ingen kolumn manad/);
  });

  it("exemplets malgrupp.csv: utdraget är den senaste månadens rader och varje rad finns i tabellen", () => {
    const tabell = readFileSync(new URL("golden/exempel/malgrupp.csv", import.meta.url), "utf8");
    const rader = tabell.trimEnd().split("\n");
    const senaste = rader.slice(1).map((r) => r.split(",")[3]!).sort().at(-1)!;
    const u = utdrag("malgrupp_senaste_manaden.csv", tabell).trimEnd().split("\n");
    expect(u[0]).toBe(rader[0]);
    expect(u.slice(1)).toEqual(rader.slice(1).filter((r) => r.split(",")[3] === senaste));
    expect(u.length).toBeGreaterThan(1);
    expect(UTDRAG["malgrupp_senaste_manaden.csv"].tabell).toBe("malgrupp.csv");
    expect(utdragetsTabell("malgrupp_senaste_manaden.csv")).toBe("malgrupp.csv");
    // En tabell och ett namn som bara finns på Object.prototype är inga utdrag.
    expect(utdragetsTabell("malgrupp.csv")).toBeUndefined();
    expect(utdragetsTabell("toString")).toBeUndefined();
  });
});
