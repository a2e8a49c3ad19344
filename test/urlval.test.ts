// @vitest-environment jsdom
/**
 * Delbara vyer (issue 12): src/components/urlval.ts lägger varje urval i adressens frågedel,
 * återställer det när sidan öppnas och följer bakåt och framåt. Provat med ett element som
 * beter sig som Observable Inputs (value och händelsen "input").
 */
import { describe, expect, it } from "vitest";
import { hittaVal, medParameter, urlval } from "../src/components/urlval.js";

class Val<T> extends EventTarget {
  constructor(public value: T) {
    super();
  }
  /** Som när någon väljer i listan: värdet ändras och elementet skickar "input". */
  valj(v: T): void {
    this.value = v;
    this.dispatchEvent(new Event("input", { bubbles: true }));
  }
}
const KON = [{ kod: "alla" }, { kod: "kvinnor" }, { kod: "man" }];
const REGIONER = [{ niva: "forbund", kod: "f1" }, { niva: "kommun", kod: "2080" }];
const regionNyckel = (r: { niva: string; kod: string }) => `${r.niva}-${r.kod}`;
const vanta = () => new Promise((r) => setTimeout(r, 30));

describe("medParameter och hittaVal", () => {
  it("sätter, byter och tar bort en parameter och behåller de andra", () => {
    expect(medParameter("", "kon", "kvinnor")).toBe("?kon=kvinnor");
    expect(medParameter("?region=kommun-2080&kon=alla", "kon", "man")).toBe("?region=kommun-2080&kon=man");
    expect(medParameter("?region=kommun-2080&kon=alla", "kon", null)).toBe("?region=kommun-2080");
    expect(medParameter("?kon=alla", "kon", null)).toBe("");
  });
  it("hittar alternativet med nyckeln; en okänd nyckel ger inget (sidans standardval gäller)", () => {
    expect(hittaVal(KON, (k) => k.kod, "man")).toBe(KON[2]);
    expect(hittaVal(KON, (k) => k.kod, "okand")).toBeUndefined();
    expect(hittaVal(KON, (k) => k.kod, null)).toBeUndefined();
  });
});

describe("urlval i en webbläsare (jsdom)", () => {
  it("en adress med urvalen öppnar samma vy; ett val ger ett nytt steg i historiken; bakåt och framåt byter urvalet", async () => {
    window.history.replaceState(null, "", "/helarsekvivalenter.html?region=kommun-2080&kon=kvinnor");
    const region = urlval(new Val(REGIONER[0]!), "region", REGIONER, regionNyckel);
    const kon = urlval(new Val(KON[0]!), "kon", KON, (k) => k.kod);
    // Återställt från adressen.
    expect(region.value).toBe(REGIONER[1]);
    expect(kon.value).toBe(KON[1]);
    const langd = window.history.length;
    const handelser: string[] = [];
    kon.addEventListener("input", () => handelser.push(kon.value.kod));

    kon.valj(KON[2]!);
    expect(window.location.search).toBe("?region=kommun-2080&kon=man");
    expect(window.history.length).toBe(langd + 1);

    window.history.back();
    await vanta();
    expect(window.location.search).toBe("?region=kommun-2080&kon=kvinnor");
    expect(kon.value).toBe(KON[1]);
    window.history.forward();
    await vanta();
    expect(kon.value).toBe(KON[2]);
    // Sidan fick veta varje byte (Generators.input lyssnar på "input").
    expect(handelser).toEqual(["man", "kvinnor", "man"]);
    expect(window.location.search).toBe("?region=kommun-2080&kon=man");
  });

  it("bakåt till en adress utan parametern ger sidans förval", async () => {
    window.history.replaceState(null, "", "/datakvalitet.html");
    const sprak = urlval(new Val("Svenska"), "sprak", ["Svenska", "English"], (s) => s);
    sprak.valj("English");
    expect(window.location.search).toBe("?sprak=English");
    window.history.back();
    await vanta();
    expect(window.location.search).toBe("");
    expect(sprak.value).toBe("Svenska");
    window.history.forward();
    await vanta();
    expect(sprak.value).toBe("English");
  });

  it("ett okänt värde i adressen ger sidans standardval", () => {
    window.history.replaceState(null, "", "/x.html?kon=okand");
    const kon = urlval(new Val(KON[0]!), "kon", KON, (k) => k.kod);
    expect(kon.value).toBe(KON[0]);
  });
});
