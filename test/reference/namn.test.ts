import { describe, expect, it } from "vitest";
import { damerauLevenshtein, menadeDu, Namnmatchare, namnnyckel, uppraknad } from "../../loaders/reference/namn.ts";

const FORBUND = new Namnmatchare([
  { varde: "falun-borlange", namn: ["falun-borlange", "Finsam Falun-Borlänge"], visas: "falun-borlange (Finsam Falun-Borlänge)" },
  { varde: "finsam-falun", namn: ["finsam-falun", "Finsam Falun"], visas: "finsam-falun (Finsam Falun)" },
  { varde: "sodra-dalarna", namn: ["sodra-dalarna", "Södra Dalarnas Samordningsförbund"], visas: "sodra-dalarna (Södra Dalarnas Samordningsförbund)" },
  { varde: "nedansiljan", namn: ["nedansiljan", "Nedansiljans samordningsförbund"], visas: "nedansiljan (Nedansiljans samordningsförbund)" },
]);

describe("the comparison key", () => {
  it("ignores case, runs of spaces, and the kind of dash", () => {
    for (const s of ["Finsam Falun-Borlänge", "finsam  falun – borlänge", "FINSAM FALUN BORLÄNGE", "Finsam_Falun—Borlänge", " finsam\u00a0falun‐borlänge "]) {
      expect(namnnyckel(s), s).toBe("finsam falun borlänge");
    }
  });

  it("keeps å, ä and ö (whether composed or decomposed)", () => {
    expect(namnnyckel("Säter")).not.toBe(namnnyckel("Sater"));
    expect(namnnyckel("Sa\u0308ter")).toBe(namnnyckel("Säter"));
  });
});

describe("exact match", () => {
  it("takes the id or the name, normalised", () => {
    expect(FORBUND.hitta("sodra-dalarna")).toBe("sodra-dalarna");
    expect(FORBUND.hitta("Södra Dalarnas Samordningsförbund")).toBe("sodra-dalarna");
    expect(FORBUND.hitta("södra dalarnas samordningsförbund")).toBe("sodra-dalarna");
    expect(FORBUND.hitta("SODRA DALARNA")).toBe("sodra-dalarna");
    expect(FORBUND.hitta("Finsam Falun – Borlänge")).toBe("falun-borlange");
    expect(FORBUND.matcha("SÖDRA DALARNAS SAMORDNINGSFÖRBUND")).toEqual({ typ: "traff", varde: "sodra-dalarna", namn: "Södra Dalarnas Samordningsförbund" });
  });

  it("does not take a near miss, but suggests it", () => {
    expect(FORBUND.hitta("Sodra Dalarnas Samordningsforbund")).toBeUndefined();
    expect(FORBUND.matcha("Sodra Dalarnas Samordningsforbund")).toEqual({ typ: "saknas", forslag: ["sodra-dalarna (Södra Dalarnas Samordningsförbund)"] });
  });

  it("calls a spelling shared by two candidates ambiguous", () => {
    const m = new Namnmatchare([{ varde: 1, namn: ["Team A"] }, { varde: 2, namn: ["team-a"] }]);
    expect(m.matcha("TEAM A")).toEqual({ typ: "tvetydig", varden: [1, 2], visas: ["Team A", "team-a"] });
    expect(m.hitta("team a")).toBeUndefined();
  });
});

describe("closest suggestions", () => {
  it("a typo, a missing letter, swapped letters", () => {
    expect(FORBUND.forslag("sodra-dalarnaa")).toEqual(["sodra-dalarna (Södra Dalarnas Samordningsförbund)"]);
    expect(FORBUND.forslag("nedansilan")).toEqual(["nedansiljan (Nedansiljans samordningsförbund)"]);
    expect(FORBUND.forslag("Finsam Faluin")).toEqual(["finsam-falun (Finsam Falun)"]);
  });

  it("a shortened name that the full name contains, closest length first", () => {
    expect(FORBUND.forslag("Falun")).toEqual(["finsam-falun (Finsam Falun)", "falun-borlange (Finsam Falun-Borlänge)"]);
    expect(FORBUND.forslag("Södra Dalarna")).toEqual(["sodra-dalarna (Södra Dalarnas Samordningsförbund)"]);
  });

  it("only the closest (and those one step farther), and containment only at the start of a word", () => {
    const m = new Namnmatchare([
      { varde: "norra", namn: ["Norra Dalarnas samordningsförbund"] }, { varde: "sodra", namn: ["Södra Dalarnas Samordningsförbund"] },
      { varde: "2260", namn: ["Ånge"] }, { varde: "2081", namn: ["Borlänge"] },
    ]);
    expect(m.forslag("Södra Dalarnas Samordningsförbundet")).toEqual(["Södra Dalarnas Samordningsförbund"]);
    expect(m.forslag("Borlänges")).toEqual(["Borlänge"]);
  });

  it("nothing for what is nowhere near", () => {
    expect(FORBUND.forslag("norra-vasterbotten")).toEqual([]);
    expect(FORBUND.forslag("")).toEqual([]);
    expect(FORBUND.forslag("ab")).toEqual([]);
  });

  it("at most max, and codes too", () => {
    const kommuner = new Namnmatchare(["2080", "2081", "2082", "2083"].map((k) => ({ varde: k, namn: [k] })));
    expect(kommuner.forslag("2089", 2)).toEqual(["2080", "2081"]);
  });
});

describe("texts for messages", () => {
  it("lists, cut after max", () => {
    expect(uppraknad(["a"])).toBe("a");
    expect(uppraknad(["a", "b", "c"])).toBe("a, b och c");
    expect(uppraknad(["a", "b", "c", "d"], 2)).toBe("a, b och 2 till");
    expect(FORBUND.accepterade(2)).toBe("falun-borlange (Finsam Falun-Borlänge), finsam-falun (Finsam Falun) och 2 till");
  });

  it("menade du", () => {
    expect(menadeDu([])).toBe("");
    expect(menadeDu(["x"])).toBe('; menade du "x"?');
    expect(menadeDu(["x", "y", "z"])).toBe('; menade du "x", "y" eller "z"?');
  });

  it("the edit distance", () => {
    expect(damerauLevenshtein("kitten", "sitting")).toBe(3);
    expect(damerauLevenshtein("ab", "ba")).toBe(1);
    expect(damerauLevenshtein("", "abc")).toBe(3);
    expect(damerauLevenshtein("abcdef", "uvwxyz", 2)).toBe(3);
  });
});
