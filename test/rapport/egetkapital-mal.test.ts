import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { egetkapital } from "../../loaders/kinds/styrelseindata/mal/regler/egetkapital.ts";
import { regeltext } from "../../loaders/kinds/styrelseindata/mal/matregler.ts";
import type { Utdatatabell } from "../../loaders/publish/schema.ts";

/** ekonomi_eget_kapital with the columns the rule reads (Falun-Borlänge 2024, worked by hand). */
function egetKapital(rader: Record<string, unknown>[]): Utdatatabell {
  return { schema: { namn: "ekonomi_eget_kapital", beskrivning: "", kolumner: [] }, tabell: aq.from(rader) };
}
const FB_2024 = { forbund: "falun-borlange", ar: 2024, datum: "2024-12-31", underlag: "bokslut", eget_kapital: 4224101, bas: "intakter", basbelopp: 8699158, andel: 4224101 / 8699158 };
const mal = { forbund: "falun-borlange", ar: "2024" };

describe("regeln eget kapital högst 20 %", () => {
  it("känner igen FB:s mål 8 och mäter 4 224 101 / 8 699 158 = 48,6 % mot högst 20 %: inte uppfyllt", () => {
    const [t, ...fler] = egetkapital.hitta(regeltext("Det egna kapitalet ska inte överstiga 20% av förbundets totala intäkter vid årets slut."));
    expect(fler).toHaveLength(0);
    expect(t!.krav).toBe("eget kapital ≤ 20 %");
    const r = t!.mat(mal, { aktiviteter: undefined, publicerade: [egetKapital([FB_2024])] });
    expect(r.varde).toBeCloseTo(0.48558, 5);
    expect(r.grans).toBe(0.2);
    expect(r.uppfyllt).toBe(false);
    expect(r.underlag).toContain("48,6 % av verksamhetens intäkter 8 699 158 kr");
  });

  it("är uppfylld när andelen är under gränsen, och gränsen räknas med (≤)", () => {
    const [t] = egetkapital.hitta(regeltext("Eget kapital högst 20 procent av medelstilldelningen"));
    const vid = (andel: number) => t!.mat({ forbund: "x", ar: "2025" }, { aktiviteter: undefined, publicerade: [egetKapital([{ forbund: "x", ar: 2025, datum: "2025-12-31", underlag: "prognos", eget_kapital: 1, bas: "medelstilldelning", basbelopp: 5, andel }])] });
    expect(vid(0.15).uppfyllt).toBe(true);
    expect(vid(0.2).uppfyllt).toBe(true);
    expect(vid(0.2001).uppfyllt).toBe(false);
  });

  it("kan inte mätas utan ekonomi för året (värdet tomt, aldrig 0)", () => {
    const [t] = egetkapital.hitta(regeltext("eget kapital högst 20 %"));
    const r = t!.mat({ forbund: "falun-borlange", ar: "2023" }, { aktiviteter: undefined, publicerade: [egetKapital([FB_2024])] });
    expect(r.varde).toBeUndefined();
    expect(r.uppfyllt).toBeUndefined();
    expect(r.underlag).toMatch(/^kan inte mätas/);
  });

  it("känner inte igen eget kapital utan en gräns i procent", () => {
    expect(egetkapital.hitta(regeltext("Eget kapital ska användas till insatser."))).toEqual([]);
  });
});
