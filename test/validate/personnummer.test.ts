import { describe, expect, it } from "vitest";
import { luhn, maskPersonnummer, parsePersonnummer } from "../../loaders/validate/personnummer.ts";

describe("personnummer", () => {
  it("accepts Skatteverket's test number 121212-1212 in every written form, as a man", () => {
    for (const s of ["121212-1212", "1212121212", "19121212-1212", "191212121212"]) {
      expect(parsePersonnummer(s)).toEqual({ ok: true, tio: "1212121212", kon: "man", samordningsnummer: false });
    }
  });

  it("computes the Luhn digit over YYMMDDNNN with weights 2,1,2,...", () => {
    expect(luhn("121212121")).toBe(2); // 2+2+2+2+2+2+2+2+2 = 18 -> 2
    expect(luhn("811228987")).toBe(4);
  });

  it("rejects a wrong check digit", () => {
    expect(parsePersonnummer("121212-1213")).toEqual({ ok: false, orsak: "kontrollsiffra" });
  });

  it("rejects a date that does not exist", () => {
    expect(parsePersonnummer("19900230-1234")).toEqual({ ok: false, orsak: "datum" });
    expect(parsePersonnummer("901301-1234")).toEqual({ ok: false, orsak: "datum" });
  });

  it("accepts samordningsnummer (day + 60) and gives kön from the third digit (even: woman)", () => {
    const nine = "701063242";
    const s = `${nine.slice(0, 6)}-${nine.slice(6)}${luhn(nine)}`;
    expect(parsePersonnummer(s)).toMatchObject({ ok: true, samordningsnummer: true, kon: "kvinnor" });
  });

  it("accepts + for persons aged 100 or more", () => {
    expect(parsePersonnummer("121212+1212")).toMatchObject({ ok: true, tio: "1212121212" });
  });

  it("rejects what is not a personnummer", () => {
    expect(parsePersonnummer("abc")).toEqual({ ok: false, orsak: "format" });
    expect(parsePersonnummer("12345")).toEqual({ ok: false, orsak: "format" });
  });

  it("masks the last four digits in everything it shows", () => {
    expect(maskPersonnummer("199001011234")).toBe("19900101-****");
    expect(maskPersonnummer("19900101-1234")).toBe("19900101-****");
    expect(maskPersonnummer("900101-1234")).toBe("900101-****");
    // Ten digits without a separator: the date is six digits; none of the last four show.
    expect(maskPersonnummer("1212121212")).toBe("121212-****");
    expect(maskPersonnummer("121212+1212")).toBe("121212-****");
    expect(maskPersonnummer("19900101123")).toBe("19900101-****");
    expect(maskPersonnummer("1990010112345")).toBe("19900101-****");
    expect(maskPersonnummer("x")).toBe("****");
  });
});
