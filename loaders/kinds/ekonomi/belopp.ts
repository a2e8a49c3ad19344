/**
 * Amounts as a kommun's ekonomisystem exports them, read exactly into whole öre (an integer):
 * `1 234,56`, `1 234 567` (space, no-break space or narrow no-break space between thousands),
 * `-5 411`, `−5 411` (the typographic minus), `5 411-` (a trailing minus, as some systems write
 * it), `1234.56` (a point before öre), or a number cell from Excel. Amounts in tkr (when the
 * column's header says so) are read into öre the same way: `1 234,5` tkr = 123 450 000 öre.
 *
 * Öre are integers, so sums are exact and nothing is rounded before the page shows tkr.
 */

export type Enhet = "kr" | "tkr";

export type Belopp = { readonly ok: true; readonly ore: number } | { readonly ok: false; readonly sv: string; readonly en: string };

/** Decimals an amount may have: öre in kr, and the same precision in tkr. */
const DECIMALER: Record<Enhet, number> = { kr: 2, tkr: 5 };

const MINUS = /^[-\u2212\u2012\u2013](.*)$/;
const SLUTMINUS = /^(.*[0-9])\s*[-\u2212]$/;
/** Whole digits with optional thousands groups, and an optional decimal part after a comma. */
const SVENSKT = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?$/;
/** A point before the decimals (`1234.56`), never thousands groups with points. */
const PUNKT = /^(\d+)\.(\d{1,2})$/;

/** Whole öre from `heltal` and `decimaler` digits in `enhet`; undefined when it has too many decimals. */
function tillOre(heltal: string, decimaler: string, enhet: Enhet): number | undefined {
  const max = DECIMALER[enhet];
  const utanNollor = decimaler.replace(/0+$/, "");
  if (utanNollor.length > max) return undefined;
  const skala = enhet === "kr" ? 2 : 5;
  return Number(heltal + utanNollor.padEnd(skala, "0"));
}

export function tolkaBelopp(varde: string | number | null, enhet: Enhet): Belopp {
  const text = enhet === "tkr" ? "tkr" : "kr";
  if (varde === null) return { ok: false, sv: `beloppet saknas; förväntat ett belopp i ${text}`, en: "missing amount" };
  if (typeof varde === "number") {
    if (!Number.isFinite(varde)) return { ok: false, sv: "beloppet är inget tal", en: "not a number" };
    const skala = enhet === "kr" ? 100 : 100_000;
    const ore = Math.round(varde * skala);
    // An Excel number is a binary fraction: 1234.56 is 1234.5599999…; more than öre is a real fraction.
    if (Math.abs(varde * skala - ore) > 1e-6 * Math.max(1, Math.abs(varde))) {
      return { ok: false, sv: `beloppet ${varde} har fler decimaler än öre; förväntat högst ${DECIMALER[enhet]} decimaler i ${text}`, en: "more decimals than öre" };
    }
    return { ok: true, ore: ore === 0 ? 0 : ore };
  }
  let s = varde.trim();
  if (s === "") return { ok: false, sv: `beloppet saknas; förväntat ett belopp i ${text}`, en: "missing amount" };
  let negativ = false;
  const slut = SLUTMINUS.exec(s);
  const borjan = MINUS.exec(s);
  if (slut) [negativ, s] = [true, slut[1]!.trim()];
  else if (borjan) [negativ, s] = [true, borjan[1]!.trim()];
  else if (s.startsWith("+")) s = s.slice(1).trim();
  let ore: number | undefined;
  const sv = SVENSKT.exec(s);
  const punkt = PUNKT.exec(s);
  if (sv) ore = tillOre(sv[1]!.replace(/[ \u00a0\u202f]/g, ""), sv[2] ?? "", enhet);
  else if (punkt) ore = tillOre(punkt[1]!, punkt[2]!, enhet);
  else {
    const exempel = enhet === "kr" ? "1 234,50 eller -5 411" : "1 234,5 eller -5 411";
    const tips = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)
      ? "; punkt som tusentalsavgränsare läses inte, skriv mellanslag eller inget"
      : /^\d+\.\d{3,}$/.test(s) ? "; med punkt före decimalerna förväntas högst två decimaler (öre)" : "";
    return { ok: false, sv: `förväntat ett belopp i ${text} (t.ex. ${exempel}), inte text${tips}`, en: `expected an amount in ${text}, e.g. ${exempel}` };
  }
  if (ore === undefined) {
    return { ok: false, sv: `beloppet har fler decimaler än öre; förväntat högst ${DECIMALER[enhet]} decimaler i ${text}`, en: "more decimals than öre" };
  }
  if (!Number.isSafeInteger(ore)) return { ok: false, sv: "beloppet är orimligt stort", en: "amount too large" };
  return { ok: true, ore: negativ && ore !== 0 ? -ore : ore };
}

/** Öre as kr for the tidy outputs: exact (123456 -> 1234.56), never rounded. */
export function kronor(ore: number): number {
  const kr = ore / 100;
  return kr === 0 ? 0 : kr;
}

/** Öre as whole tkr the way the reports round (halves away from zero): for messages and checks. */
export function tkr(ore: number): number {
  const t = Math.round(Math.abs(ore) / 100_000);
  return t === 0 ? 0 : Math.sign(ore) * t;
}

/** `−2 060 445 kr` for messages (exact, no rounding). */
export function visaKronor(ore: number): string {
  const neg = ore < 0;
  const abs = Math.abs(ore);
  const hel = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const oren = abs % 100;
  return `${neg ? "−" : ""}${hel}${oren ? `,${String(oren).padStart(2, "0")}` : ""} kr`;
}

/** `−2 060 tkr` for messages (rounded as the reports round). */
export function visaTkr(ore: number): string {
  const t = tkr(ore);
  return `${t < 0 ? "−" : ""}${Math.abs(t).toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ")} tkr`;
}
