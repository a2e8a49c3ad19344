// Webbläsarkontrollens urval på en nationell webbplats (scripts/webblasarkontroll.ts,
// docs/nationell.md): de första förbundssidorna och alla andra sidor får hela kontrollen,
// resten av förbundssidorna den korta.
import { describe, expect, it } from "vitest";
import { FULLA_FORBUNDSSIDOR, MANGA_FORBUNDSSIDOR, fullaForbundssidor, kortaSidor } from "../scripts/webblasarkontroll.ts";

const forbund = Array.from({ length: 12 }, (_, i) => `forbund/f${String(i + 1).padStart(2, "0")}.html`);
const sidor = ["analyser/index.html", ...forbund, "index.html", "jamforelse.html", "nationell.html"];

describe("vilka sidor som får den korta kontrollen", () => {
  it("med fler än tio förbundssidor: förbundssidorna efter de tre första, aldrig en annan sida", () => {
    expect([FULLA_FORBUNDSSIDOR, MANGA_FORBUNDSSIDOR]).toEqual([3, 10]);
    expect([...kortaSidor(sidor)]).toEqual(forbund.slice(3));
    expect([...kortaSidor(sidor, 1)]).toEqual(forbund.slice(1));
    expect([...kortaSidor(sidor, 0)]).toEqual(forbund);
  });
  it("med högst tio förbundssidor (exemplet har 8) eller FINSAM_KONTROLL_FULLT=alla får alla sidor hela kontrollen", () => {
    expect(kortaSidor(["index.html", ...forbund.slice(0, 10)]).size).toBe(0);
    expect(kortaSidor(["index.html", ...forbund.slice(0, 11)]).size).toBe(8);
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
  it("en sida i en undermapp till forbund/ är ingen förbundssida", () => {
    expect(kortaSidor([...forbund.slice(0, 10), "forbund/x/d.html"]).size).toBe(0);
    expect(kortaSidor([...forbund.slice(0, 11), "forbund/x/d.html"]).has("forbund/x/d.html")).toBe(false);
  });
});
