/**
 * Swedish personnummer and samordningsnummer: YYMMDD-NNNC or YYYYMMDDNNNC (`+` instead of `-`
 * from age 100), samordningsnummer add 60 to the day, C is a Luhn check digit over YYMMDDNNN,
 * and the third N is odd for men. A personnummer is never written anywhere: only its masked
 * form (`19900101-****`) may appear in messages.
 */

export type Personnummer =
  | {
      readonly ok: true;
      /** YYMMDDNNNC: the identity used for the keyed hash (no century guessing). */
      readonly tio: string;
      readonly kon: "kvinnor" | "man";
      readonly samordningsnummer: boolean;
    }
  | { readonly ok: false; readonly orsak: "format" | "datum" | "kontrollsiffra" };

const FORMAT = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

export function parsePersonnummer(raw: string): Personnummer {
  const s = raw.trim().replace(/\s+/g, "");
  const m = FORMAT.exec(s);
  if (!m) return { ok: false, orsak: "format" };
  const [, century, yy, mm, ddRaw, , nnn, c] = m as unknown as [string, string | undefined, string, string, string, string, string, string];
  const samordning = Number(ddRaw) > 60;
  const dd = samordning ? Number(ddRaw) - 60 : Number(ddRaw);
  const years = century ? [Number(century + yy)] : [1900 + Number(yy), 2000 + Number(yy)];
  if (!years.some((y) => isDate(y, Number(mm), dd))) return { ok: false, orsak: "datum" };
  const nine = `${yy}${mm}${ddRaw}${nnn}`;
  if (luhn(nine) !== Number(c)) return { ok: false, orsak: "kontrollsiffra" };
  return { ok: true, tio: nine + c, kon: Number(nnn[2]) % 2 === 1 ? "man" : "kvinnor", samordningsnummer: samordning };
}

function isDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Luhn (mod 10) check digit over a string of digits. */
export function luhn(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let v = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * `199001011234` -> `19900101-****`, `9001011234` -> `900101-****`; the last four digits are
 * never shown. Anything else keeps at most its first 6 characters.
 */
export function maskPersonnummer(raw: string): string {
  const s = raw.trim();
  const digits = s.replace(/\s+/g, "");
  const m = /^(\d{6}|\d{8})[-+]?\d{4}$/.exec(digits) ?? /^(\d{6}|\d{8})[-+]?\d{0,3}$/.exec(digits);
  if (m) return `${m[1]}-****`;
  const n = /^(\d{6,})/.exec(digits);
  if (n) return `${n[1]!.length >= 12 ? n[1]!.slice(0, 8) : n[1]!.slice(0, 6)}-****`;
  return s.length <= 4 ? "****" : `${s.slice(0, Math.min(6, s.length - 4))}****`;
}

export const PERSONNUMMER_FEL: Record<"format" | "datum" | "kontrollsiffra", string> = {
  format: "förväntat ett personnummer som ÅÅMMDD-NNNN eller ÅÅÅÅMMDDNNNN",
  datum: "datumdelen är inget giltigt datum (samordningsnummer har dag + 60)",
  kontrollsiffra: "kontrollsiffran stämmer inte (Luhn)",
};
