// Webbläsarkontrollens urval på en nationell webbplats (scripts/webblasarkontroll.ts,
// docs/nationell.md): de första förbundssidorna och alla andra sidor får hela kontrollen,
// resten av förbundssidorna den korta.
import { describe, expect, it } from "vitest";
import { FULLA_FORBUNDSSIDOR, fullaForbundssidor, kortaSidor } from "../scripts/webblasarkontroll.ts";

const sidor = [
  "analyser/index.html", "forbund/a.html", "forbund/b.html", "forbund/c.html", "forbund/d.html", "forbund/e.html",
  "index.html", "jamforelse.html", "nationell.html",
];

describe("vilka sidor som får den korta kontrollen", () => {
  it("förbundssidorna efter de första, aldrig en annan sida", () => {
    expect(FULLA_FORBUNDSSIDOR).toBe(3);
    expect([...kortaSidor(sidor)]).toEqual(["forbund/d.html", "forbund/e.html"]);
    expect([...kortaSidor(sidor, 1)]).toEqual(["forbund/b.html", "forbund/c.html", "forbund/d.html", "forbund/e.html"]);
    expect([...kortaSidor(sidor, 0)]).toEqual(["forbund/a.html", "forbund/b.html", "forbund/c.html", "forbund/d.html", "forbund/e.html"]);
  });
  it("med få förbund (exemplet) eller FINSAM_KONTROLL_FULLT=alla får alla sidor hela kontrollen", () => {
    expect(kortaSidor(["index.html", "forbund/a.html", "forbund/b.html"]).size).toBe(0);
    expect(kortaSidor(sidor, fullaForbundssidor("alla")).size).toBe(0);
  });
  it("FINSAM_KONTROLL_KORT=alla: den korta kontrollen på varje sida", () => {
    expect(kortaSidor(sidor, FULLA_FORBUNDSSIDOR, true)).toEqual(new Set(sidor));
  });
  it("FINSAM_KONTROLL_FULLT: ett antal, alla, eller standard; annat är ett fel", () => {
    expect(fullaForbundssidor(undefined)).toBe(FULLA_FORBUNDSSIDOR);
    expect(fullaForbundssidor("")).toBe(FULLA_FORBUNDSSIDOR);
    expect(fullaForbundssidor("10")).toBe(10);
    expect(() => fullaForbundssidor("många")).toThrow(/FINSAM_KONTROLL_FULLT="många"/);
  });
  it("en förbundssida i en undermapp till forbund/ är ingen förbundssida", () => {
    expect(kortaSidor(["forbund/a.html", "forbund/b.html", "forbund/c.html", "forbund/x/d.html", "forbund/e.html"]).size).toBe(1);
  });
});
