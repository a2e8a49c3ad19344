/**
 * The protection's settings (docs/definitioner/skydd.md), as the settings file writes them:
 *
 *   {"finsam": {"skyddsgrans": 5, "skyddsmetod": "brus",
 *               "brus": {"maxbrus": 1, "varians": 0.5, "sma_tal": 2, "medelvardesbrus": 0.1}}}
 *
 * Every key is optional; the defaults below are the documented ones.
 */
import { z } from "zod";
import type { Ptabell } from "./ptabell.ts";

export type Skyddsmetod = "brus" | "undertryckning";
export const SKYDDSMETODER: readonly Skyddsmetod[] = ["brus", "undertryckning"];

export interface Brusinstallningar {
  /** Largest noise D on a count above the small ones. */
  readonly maxbrus: number;
  /** Variance V of the noise. */
  readonly varians: number;
  /** Counts 1..sma are never published: they become 0 or sma + 1. */
  readonly sma: number;
  /** Largest noise on the sum behind a mean, as a share of the group's largest single value. */
  readonly medelvardesbrus: number;
}

export interface Skyddsinstallningar {
  readonly metod: Skyddsmetod;
  readonly brus: Brusinstallningar;
}

export const STANDARD_BRUS: Brusinstallningar = { maxbrus: 1, varians: 0.5, sma: 2, medelvardesbrus: 0.1 };
export const STANDARD_SKYDD: Skyddsinstallningar = { metod: "brus", brus: STANDARD_BRUS };

/** The keys `skyddsmetod` and `brus` of the settings file's `finsam` object. */
export const skyddsschema = {
  skyddsmetod: z.enum(["brus", "undertryckning"], { error: 'skyddsmetod: förväntat "brus" eller "undertryckning"' }).optional(),
  brus: z
    .strictObject({
      maxbrus: z.number().int("maxbrus: förväntat ett heltal").min(1, "maxbrus: minst 1").max(5, "maxbrus: högst 5").optional(),
      varians: z.number().gt(0, "varians: större än 0").max(4, "varians: högst 4").optional(),
      sma_tal: z.number().int("sma_tal: förväntat ett heltal").min(0, "sma_tal: minst 0").max(4, "sma_tal: högst 4").optional(),
      medelvardesbrus: z.number().min(0, "medelvardesbrus: minst 0").max(0.5, "medelvardesbrus: högst 0,5").optional(),
    })
    .optional(),
};

/** Names of the keys inside `brus`, for the message about an unknown key. */
export const BRUSNYCKLAR = ["maxbrus", "varians", "sma_tal", "medelvardesbrus"] as const;

export function skyddsinstallningar(finsam: { skyddsmetod?: Skyddsmetod | undefined; brus?: { maxbrus?: number | undefined; varians?: number | undefined; sma_tal?: number | undefined; medelvardesbrus?: number | undefined } | undefined }): Skyddsinstallningar {
  const b = finsam.brus ?? {};
  return {
    metod: finsam.skyddsmetod ?? STANDARD_SKYDD.metod,
    brus: {
      maxbrus: b.maxbrus ?? STANDARD_BRUS.maxbrus,
      varians: b.varians ?? STANDARD_BRUS.varians,
      sma: b.sma_tal ?? STANDARD_BRUS.sma,
      medelvardesbrus: b.medelvardesbrus ?? STANDARD_BRUS.medelvardesbrus,
    },
  };
}

/**
 * The smallest published count behind a mean: k, and never so low that a true count of
 * 1..sma could reach it through the noise (so a mean is always over more than sma persons).
 */
export function minstaAntalForMedel(k: number, tabell: Ptabell): number {
  let nar = 0;
  for (const rad of tabell.rader) if (rad.i >= 1 && rad.i <= tabell.parametrar.sma) nar = Math.max(nar, ...rad.j);
  return Math.max(k, nar + 1);
}
