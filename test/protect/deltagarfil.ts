/**
 * Generated participant files for the attack tests: participations as the reader gives them
 * (loaders/normalise/deltagare.ts), of the shapes the issue names (a team of 3, a new team, a
 * participant without kön, a file growing month by month), and the published nyckeltal of a
 * file with either method, computed by the product's own code with a given key.
 */
import { createHmac } from "node:crypto";
import { beraknaHalvar, beraknaInsatsunderlag } from "../../loaders/compute/nyckeltal.ts";
import type { Datum } from "../../loaders/normalise/datum.ts";
import type { Avslutsorsak, Deltagande } from "../../loaders/normalise/deltagare.ts";
import { laddaLosare, skyddaNyckeltal, type NyckeltalRad } from "../../loaders/protect/index.ts";
import { STANDARD_BRUS, type Brusinstallningar, type Skyddsmetod } from "../../loaders/protect/parametrar.ts";

export type Rad = Deltagande & { forbund: string };

/** A small deterministic generator (xorshift32). */
export function slump(fro: number): () => number {
  let x = (fro >>> 0) || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

const ORSAKER: readonly Avslutsorsak[] = ["arbete", "studier", "arbetslivsinriktad_rehabilitering", "medicinsk_rehabilitering", "sjukersattning", "annat", "tidigt_avhopp", "tidigt_avhopp"];

const datum = (dag: number): Datum => new Date(Date.UTC(2022, 0, 1) + dag * 86_400_000).toISOString().slice(0, 10) as Datum;

export interface Filform {
  readonly team: readonly string[];
  readonly personer: number;
  /** Share of persons without kön (0 = everyone has one). */
  readonly utanKon?: number;
  /** Days from 2022-01-01 in which the participations start. */
  readonly startMellan?: readonly [number, number];
  readonly fro: number;
  readonly forbund?: string;
}

/** Participations of `personer` persons in the teams, starting 2022 and on, ending within three years or still active. */
export function generera(form: Filform): Rad[] {
  const s = slump(form.fro);
  const [fran, till] = form.startMellan ?? [0, 900];
  const ut: Rad[] = [];
  for (let p = 0; p < form.personer; p++) {
    const start = fran + Math.floor(s() * (till - fran));
    const langd = 30 + Math.floor(s() * 700);
    const slut = start + langd <= 1095 ? start + langd : undefined;
    const kon = s() < (form.utanKon ?? 0) ? undefined : s() < 0.55 ? ("kvinnor" as const) : ("man" as const);
    ut.push({
      person: `P${form.fro}-${p}`, insats: form.team[Math.floor(s() * form.team.length)]!, forbund: form.forbund ?? "f", kon,
      start: datum(start), slut: slut === undefined ? undefined : datum(slut), orsak: slut === undefined ? undefined : ORSAKER[Math.floor(s() * ORSAKER.length)],
      arForeStart: s() < 0.8 ? Math.floor(s() * 40) / 4 : undefined, fil: "deltagare.csv", rad: p + 2,
    });
  }
  return ut;
}

/**
 * The export date of a generated file: its latest date, so that (as before export dates were
 * stated) every window that has ended by then is published.
 */
export function exportdag(rader: readonly Deltagande[]): Datum {
  let sista = "0000-01-01";
  for (const r of rader) {
    if (r.start > sista) sista = r.start;
    if (r.slut !== undefined && r.slut > sista) sista = r.slut;
  }
  return sista as Datum;
}

/** The file as it was exported on a date: later starts not yet there, later ends still open. */
export function exporteradDen(rader: readonly Rad[], dag: Datum): Rad[] {
  return rader.filter((r) => r.start <= dag).map((r) => (r.slut !== undefined && r.slut > dag ? { ...r, slut: undefined, orsak: undefined } : r));
}

/** Record keys as reference/nyckel.ts derives them, from a given key. */
export function postnyckel(nyckel: string): (enhet: string) => Uint32Array {
  return (enhet) => {
    const h = createHmac("sha256", nyckel).update("finsam-postnyckel\u0000").update(enhet).digest();
    return Uint32Array.from({ length: 8 }, (_, i) => h.readUInt32BE(4 * i));
  };
}

export const TESTNYCKLAR = ["a".repeat(64), "b".repeat(64), "0123456789abcdef".repeat(4)];

/** The published nyckeltal of a file with a method (and for the noise, a key). */
export async function publicera(rader: readonly Rad[], metod: Skyddsmetod, opts: { nyckel?: string; k?: number; brus?: Brusinstallningar; exportdatum?: Datum } = {}): Promise<NyckeltalRad[]> {
  const k = opts.k ?? 5;
  if (metod === "brus") {
    const { underlag } = beraknaInsatsunderlag(rader, { exportdatum: opts.exportdatum ?? exportdag(rader), postnyckel: postnyckel(opts.nyckel ?? TESTNYCKLAR[0]!) });
    return skyddaNyckeltal({ underlag }, { metod, k, brus: opts.brus ?? STANDARD_BRUS });
  }
  const exportdatum = opts.exportdatum ?? exportdag(rader);
  const { underlag, okandKon } = beraknaInsatsunderlag(rader, { exportdatum });
  await laddaLosare();
  return skyddaNyckeltal({ underlag, okandKon, halvar: beraknaHalvar(rader, { exportdatum }) }, { metod, k });
}

/** Rows by (insats, fran, kön, matt). */
export function uppslag(rader: readonly NyckeltalRad[]): (insats: string, fran: string, kon: string, matt: string) => NyckeltalRad | undefined {
  const m = new Map(rader.map((r) => [`${r.insats}|${r.fran}|${r.kon}|${r.matt}`, r]));
  return (insats, fran, kon, matt) => m.get(`${insats}|${fran}|${kon}|${matt}`);
}
