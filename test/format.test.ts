import { describe, expect, it } from "vitest";
import {
  avrunda,
  formatAr,
  formatAxelManad,
  formatDifferens,
  formatFonster,
  formatFonsterRubrik,
  formatHalvarRubrik,
  formatHeltal,
  formatManad,
  formatManader,
  formatPeriod,
  formatProcent,
  formatProcentenheter,
  formatTal,
  periodStart,
  periodtyp
} from "../src/components/format.js";

const NBSP = "\u00a0";
const MINUS = "\u2212";

describe("formatTal", () => {
  it("formatTal(1234.5, 1) skriver 1 234,5 med hårt mellanslag som tusentalsavgränsare", () => {
    expect(formatTal(1234.5, 1)).toBe(`1${NBSP}234,5`);
  });
  it("formatTal skriver miljoner med två avgränsare", () => {
    expect(formatTal(6123456.78, 2)).toBe(`6${NBSP}123${NBSP}456,78`);
  });
  it("formatTal utan decimaler avrundar till heltal", () => {
    expect(formatTal(999.5)).toBe("1" + NBSP + "000");
  });
  it("formatTal använder det typografiska minustecknet", () => {
    expect(formatTal(-1234.5, 1)).toBe(`${MINUS}1${NBSP}234,5`);
  });
  it("formatTal visar ett saknat värde som tankstreck", () => {
    expect(formatTal(null)).toBe("–");
    expect(formatTal(undefined)).toBe("–");
    expect(formatTal(Number.NaN)).toBe("–");
  });
  it("formatTal visar aldrig −0", () => {
    expect(formatTal(-0.004, 2)).toBe("0,00");
    expect(formatTal(-0.4)).toBe("0");
  });
});

describe("formatHeltal", () => {
  it("formatHeltal(3360.33) skriver 3 360", () => {
    expect(formatHeltal(3360.33)).toBe(`3${NBSP}360`);
  });
  it("formatHeltal skriver tal under tusen utan avgränsare", () => {
    expect(formatHeltal(899.4)).toBe("899");
  });
});

describe("formatProcent", () => {
  it("formatProcent(0.123, 1) skriver 12,3 % med hårt mellanslag före procenttecknet", () => {
    expect(formatProcent(0.123, 1)).toBe(`12,3${NBSP}%`);
  });
  it("formatProcent utan angivna decimaler visar en decimal", () => {
    expect(formatProcent(0.10234)).toBe(`10,2${NBSP}%`);
  });
  it("formatProcent med noll decimaler avrundar halvor uppåt", () => {
    expect(formatProcent(0.125, 0)).toBe(`13${NBSP}%`);
  });
  it("formatProcent visar ett saknat värde som tankstreck", () => {
    expect(formatProcent(null)).toBe("–");
  });
});

describe("formatDifferens", () => {
  it("formatDifferens(-8.67) skriver −9 med minustecken", () => {
    expect(formatDifferens(-8.67)).toBe(`${MINUS}9`);
  });
  it("formatDifferens skriver en ökning med plustecken", () => {
    expect(formatDifferens(57.6)).toBe("+58");
  });
  it("formatDifferens avrundar halvor bort från noll åt båda hållen", () => {
    expect(formatDifferens(2.5)).toBe("+3");
    expect(formatDifferens(-2.5)).toBe(`${MINUS}3`);
  });
  it("formatDifferens skriver en skillnad som avrundas till noll utan tecken", () => {
    expect(formatDifferens(-0.17)).toBe("0");
    expect(formatDifferens(0.4)).toBe("0");
  });
  it("formatDifferens använder tusentalsavgränsare", () => {
    expect(formatDifferens(-1234)).toBe(`${MINUS}1${NBSP}234`);
  });
  it("formatProcentenheter skriver en skillnad mellan andelar i procentenheter", () => {
    expect(formatProcentenheter(-0.0123)).toBe(`${MINUS}1,2${NBSP}procentenheter`);
  });
});

describe("avrunda", () => {
  it("avrunda rättar flyttalsfel innan halvor avrundas bort från noll", () => {
    expect(avrunda(1.005, 2)).toBe(1.01);
    expect(avrunda(-1.005, 2)).toBe(-1.01);
  });
  it("avrunda låter ett icke ändligt värde vara", () => {
    expect(avrunda(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("perioder", () => {
  it("formatPeriod skriver en månad som månadsnamn och år", () => {
    expect(formatPeriod("2024-03")).toBe("mars 2024");
    expect(formatPeriod("2023-12")).toBe("december 2023");
  });
  it("formatPeriod skriver ett halvår som månadsintervall", () => {
    expect(formatPeriod("2024-H1")).toBe("jan–juni 2024");
    expect(formatPeriod("2024-H2")).toBe("juli–dec 2024");
  });
  it("formatPeriod skriver ett år som året", () => {
    expect(formatPeriod("2024")).toBe("2024");
  });
  it("formatPeriod lämnar en okänd kod oförändrad", () => {
    expect(formatPeriod("2024-13")).toBe("2024-13");
    expect(formatPeriod("vår 2024")).toBe("vår 2024");
  });
  it("formatHalvarRubrik skriver kolumnrubriker som i årsredovisningen", () => {
    expect(formatHalvarRubrik("2023-H1")).toBe("jan–juni 2023");
    expect(formatHalvarRubrik("2024-H2")).toBe("juli–dec 2024");
  });
  it("periodtyp känner igen månad, halvår och år", () => {
    expect(periodtyp("2024-03")).toBe("manad");
    expect(periodtyp("2024-H2")).toBe("halvar");
    expect(periodtyp("2024")).toBe("ar");
    expect(periodtyp("2024M03")).toBeNull();
  });
  it("periodStart ger periodens första dag i UTC", () => {
    expect(periodStart("2024-03")?.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(periodStart("2024-H2")?.toISOString()).toBe("2024-07-01T00:00:00.000Z");
    expect(periodStart("2024")?.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(periodStart("okänd")).toBeNull();
  });
  it("formatAxelManad visar året under januari och bara månaden annars", () => {
    expect(formatAxelManad(new Date(Date.UTC(2024, 0, 1)))).toBe("jan\n2024");
    expect(formatAxelManad(new Date(Date.UTC(2024, 5, 1)))).toBe("juni");
  });
  it("formatManad skriver ett datum som månad och år", () => {
    expect(formatManad(new Date(Date.UTC(2024, 8, 1)))).toBe("september 2024");
  });
});

describe("tolvmånadersperioder och medelvärden i tid", () => {
  it("formatFonsterRubrik skriver kolumnrubriker som i delårsbokslutet", () => {
    expect(formatFonsterRubrik("2024-01", "2024-12")).toBe("jan 2024–dec 2024");
    expect(formatFonsterRubrik("2024-07", "2025-06")).toBe("juli 2024–juni 2025");
  });
  it("formatFonster skriver perioden med gemener i löptext", () => {
    expect(formatFonster("2023-07", "2024-06")).toBe("juli 2023–juni 2024");
  });
  it("formatManader avrundar till en decimal och skriver mån", () => {
    expect(formatManader(23.499719992533134)).toBe(`23,5${NBSP}mån`);
    expect(formatManader(16.999706658844236)).toBe(`17,0${NBSP}mån`);
    expect(formatManader(null)).toBe("–");
  });
  it("formatAr avrundar halvor bort från noll och skriver år", () => {
    expect(formatAr(5.1000000000000005)).toBe(`5,1${NBSP}år`);
    expect(formatAr(6.25)).toBe(`6,3${NBSP}år`);
    expect(formatAr(undefined)).toBe("–");
  });
});
