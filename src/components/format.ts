// Svenska talformat och periodnamn för hela webbplatsen (och för dataladdarna och testerna).
//
// Val som gäller överallt:
// - Tusentalsavgränsare är hårt mellanslag (U+00A0) och decimaltecknet är komma.
// - Minustecknet är det typografiska "−" (U+2212), samma som d3 och Plot använder.
// - Avrundning sker först när ett tal visas, och halvor avrundas bort från noll
//   (2,5 -> 3 och −2,5 -> −3). Ett värde som avrundas till noll visas utan tecken.
// - Ett saknat värde (null, undefined, NaN) visas som "–" (tankstreck).
import { formatLocale } from "d3";

/** Hårt mellanslag, används före % och som tusentalsavgränsare. */
export const NBSP = "\u00a0" as const;
/** Typografiskt minustecken. */
export const MINUS = "\u2212" as const;
/** Det som visas i stället för ett saknat värde. */
export const SAKNAS = "\u2013" as const;

const lokal = formatLocale({
  decimal: ",",
  thousands: NBSP,
  grouping: [3],
  currency: ["", `${NBSP}kr`],
  minus: MINUS
});

const formatterare = new Map<number, (x: number) => string>();
function fast(decimaler: number): (x: number) => string {
  let f = formatterare.get(decimaler);
  if (!f) formatterare.set(decimaler, (f = lokal.format(`,.${decimaler}f`)));
  return f;
}

function saknas(x: unknown): x is null | undefined {
  return x == null || typeof x !== "number" || Number.isNaN(x);
}

/**
 * Avrundar till ett antal decimaler, halvor bort från noll. Flyttalsfel som
 * 1.005 * 100 = 100.49999999999999 rättas genom att först ta 15 gällande siffror.
 */
export function avrunda(x: number, decimaler = 0): number {
  if (!Number.isFinite(x)) return x;
  const skala = 10 ** decimaler;
  const skalat = Number((Math.abs(x) * skala).toPrecision(15));
  const avrundat = Math.round(skalat) / skala;
  return avrundat === 0 ? 0 : Math.sign(x) * avrundat;
}

/**
 * Ett tal med svensk tusentalsavgränsare och decimalkomma: formatTal(1234.5, 1) -> "1 234,5".
 */
export function formatTal(x: number | null | undefined, decimaler = 0): string {
  if (saknas(x)) return SAKNAS;
  return fast(decimaler)(avrunda(x, decimaler));
}

/**
 * Ett heltal: formatHeltal(3360.33) -> "3 360".
 */
export function formatHeltal(x: number | null | undefined): string {
  return formatTal(x, 0);
}

/**
 * En andel (0–1) som procent: formatProcent(0.123, 1) -> "12,3 %".
 */
export function formatProcent(andel: number | null | undefined, decimaler = 1): string {
  if (saknas(andel)) return SAKNAS;
  return `${formatTal(andel * 100, decimaler)}${NBSP}%`;
}

/**
 * En skillnad med tecken: formatDifferens(58) -> "+58", formatDifferens(-8.67) -> "−9",
 * formatDifferens(0.2) -> "0".
 */
export function formatDifferens(x: number | null | undefined, decimaler = 0): string {
  if (saknas(x)) return SAKNAS;
  const avrundat = avrunda(x, decimaler);
  const text = fast(decimaler)(avrundat);
  return avrundat > 0 ? `+${text}` : text;
}

/**
 * En skillnad mellan två andelar i procentenheter: formatProcentenheter(0.0123) -> "+1,2 procentenheter".
 */
export function formatProcentenheter(x: number | null | undefined, decimaler = 1): string {
  if (saknas(x)) return SAKNAS;
  return `${formatDifferens(x * 100, decimaler)}${NBSP}procentenheter`;
}

/** Månadernas namn, index 0 = januari. */
export const MANADER: readonly string[] = [
  "januari", "februari", "mars", "april", "maj", "juni",
  "juli", "augusti", "september", "oktober", "november", "december"
];
/** Korta månadsnamn för axlar. */
export const MANADER_KORT: readonly string[] = [
  "jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"
];

const MANAD = /^(\d{4})-(\d{2})$/;
const HALVAR = /^(\d{4})-H([12])$/;
const AR = /^\d{4}$/;

/**
 * En periodkod som text: "2024-03" -> "mars 2024", "2024-H1" -> "jan–juni 2024",
 * "2024-H2" -> "juli–dec 2024" (månadernas korta namn som överallt, MANADER_KORT), "2024" -> "2024". Okända koder returneras oförändrade.
 */
export function formatPeriod(period: string): string {
  let m: RegExpExecArray | null;
  if ((m = MANAD.exec(period))) {
    const namn = MANADER[Number(m[2]) - 1];
    return namn ? `${namn} ${m[1]}` : period;
  }
  if ((m = HALVAR.exec(period))) return `${m[2] === "1" ? "jan–juni" : "juli–dec"} ${m[1]}`;
  return period;
}

/**
 * Ett halvår som kolumnrubrik, som i Finsam Falun-Borlänges årsredovisning:
 * "2024-H1" -> "jan–juni 2024", "2024-H2" -> "juli–dec 2024".
 */
export function formatHalvarRubrik(halvar: string): string {
  const m = HALVAR.exec(halvar);
  if (!m) return formatPeriod(halvar);
  return `${m[2] === "1" ? "jan–juni" : "juli–dec"} ${m[1]}`;
}

/**
 * Periodtyp för en periodkod.
 */
export function periodtyp(period: string): "manad" | "halvar" | "ar" | null {
  if (MANAD.test(period)) return "manad";
  if (HALVAR.test(period)) return "halvar";
  if (AR.test(period)) return "ar";
  return null;
}

/**
 * Första dagen i perioden som datum (UTC): "2024-03" -> 2024-03-01, "2024-H2" -> 2024-07-01.
 */
export function periodStart(period: string): Date | null {
  let m: RegExpExecArray | null;
  if ((m = MANAD.exec(period))) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  if ((m = HALVAR.exec(period))) return new Date(Date.UTC(Number(m[1]), m[2] === "1" ? 0 : 6, 1));
  if (AR.test(period)) return new Date(Date.UTC(Number(period), 0, 1));
  return null;
}

/**
 * Etikett för en tidsaxel med månader: januari visar året på en egen rad ("jan\n2024"),
 * övriga månader bara månaden ("apr").
 */
export function formatAxelManad(datum: Date): string {
  const manad = datum.getUTCMonth();
  const namn = MANADER_KORT[manad] ?? "";
  return manad === 0 ? `${namn}\n${datum.getUTCFullYear()}` : namn;
}

/**
 * Ett datum som månad och år: 2024-03-01 -> "mars 2024".
 */
export function formatManad(datum: Date): string {
  return `${MANADER[datum.getUTCMonth()]} ${datum.getUTCFullYear()}`;
}

const FONSTER_MANAD = /^(\d{4})-(\d{2})$/;

function fonsterManad(manad: string): string {
  const m = FONSTER_MANAD.exec(manad);
  const namn = m ? MANADER_KORT[Number(m[2]) - 1] : undefined;
  return m && namn ? `${namn} ${m[1]}` : manad;
}

/**
 * En tolvmånadersperiod (första och sista månad) i löptext:
 * ("2024-01", "2024-12") -> "jan 2024–dec 2024", ("2024-07", "2025-06") -> "juli 2024–juni 2025".
 */
export function formatFonster(fran: string, till: string): string {
  return `${fonsterManad(fran)}–${fonsterManad(till)}`;
}

/**
 * En tolvmånadersperiod som kolumnrubrik: som i löptexten, med liten bokstav som alla
 * periodrubriker på webbplatsen (docs/webbplatsen.md, Etiketter):
 * ("2024-01", "2024-12") -> "jan 2024–dec 2024", ("2024-07", "2025-06") -> "juli 2024–juni 2025".
 */
export function formatFonsterRubrik(fran: string, till: string): string {
  return formatFonster(fran, till);
}

/**
 * Ett medelvärde i månader med en decimal: formatManader(23.4997) -> "23,5 mån".
 */
export function formatManader(x: number | null | undefined): string {
  if (saknas(x)) return SAKNAS;
  return `${formatTal(x, 1)}${NBSP}mån`;
}

/**
 * Ett medelvärde i år med en decimal: formatAr(6.9) -> "6,9 år".
 */
export function formatAr(x: number | null | undefined): string {
  if (saknas(x)) return SAKNAS;
  return `${formatTal(x, 1)}${NBSP}år`;
}
