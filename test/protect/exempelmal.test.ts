/**
 * The goals of issue 11 on the example data must not depend on luck with the secret key: with
 * the default noise, Tabell 1-4 of the delårsbokslut (kön alla, the four latest windows, every
 * insats and the förbund) hide at most 5 % of their cells, the published counts are within 1.5
 * of the truth on average, and every share of 20 or more is within 5 percentage points, for
 * each of many keys (docs/definitioner/skydd.md; scripts/skyddsmatt.ts measures 300).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { beraknaInsatsunderlag } from "../../loaders/compute/nyckeltal.ts";
import { readDeltagare } from "../../loaders/normalise/deltagare.ts";
import type { Datum } from "../../loaders/normalise/datum.ts";
import { hamtaNyckel } from "../../loaders/reference/nyckel.ts";
import { Findings } from "../../loaders/validate/findings.ts";
import { byggPtabell, cellnyckel, oskyddadeNyckeltal, skyddaNyckeltal, slaUpp, STANDARD_BRUS } from "../../loaders/protect/index.ts";
import { insatsmatt } from "../helpers/skyddsmatt.ts";
import { PERIODER } from "../helpers/delarsbokslut2025.ts";
import { postnyckel } from "./deltagarfil.ts";

const FIL = "data/exempel/deltagare_sodra_dalarna.csv";
const EXPORTDATUM = "2025-08-31" as Datum; // data/exempel/finsam.json
const nyckel = hamtaNyckel();
const deltaganden = readDeltagare(readFileSync(FIL), FIL, () => nyckel, new Findings())!.map((d) => ({ ...d, forbund: d.forbund ?? "" }));
const sanna = oskyddadeNyckeltal(beraknaInsatsunderlag(deltaganden, { exportdatum: EXPORTDATUM }).underlag);
const fonster: readonly string[] = PERIODER.map(([fran]) => fran);

describe("the goals on the example data hold with every key", () => {
  it("12 keys: the same 4 of 80 cells of Tabell 1-4 without a value (Säter's means over 2 and 3 persons), counts within 1.5 on average, shares of 20 or more within 5 points", () => {
    const utanVarde = new Set<string>();
    const tabell = byggPtabell(STANDARD_BRUS);
    let badaNoll = 0;
    for (let n = 0; n < 12; n++) {
      const k = createHash("sha256").update(`skyddsmål ${n}`).digest("hex");
      const { underlag } = beraknaInsatsunderlag(deltaganden, { exportdatum: EXPORTDATUM, postnyckel: postnyckel(k) });
      // Säter 2023 (2 of 4 reached the goal): keys whose plain lookups give both parts 0 are
      // the ones that used to lose the share; the keys must include some.
      const s = underlag.find((u) => u.insats === "Samverkansteam Säter" && u.fran === "2023-01" && u.kon === "alla")!;
      if (slaUpp(tabell, 2, cellnyckel(s.nycklar!.malTaljare)) === 0 && slaUpp(tabell, 2, cellnyckel(s.nycklar!.malKomplement)) === 0) badaNoll++;
      const rader = skyddaNyckeltal({ underlag }, { metod: "brus", k: 5, brus: STANDARD_BRUS });
      const m = insatsmatt(sanna, rader, fonster);
      expect(m.tabellCeller).toBe(80);
      expect(m.tabellDolda, `key ${n}`).toBe(4);
      expect(m.medelAvvikelse).toBeLessThanOrEqual(1.5);
      expect(m.andelarUtanfor, `key ${n}`).toBe(0);
      for (const r of rader) if (r.kon === "alla" && fonster.includes(r.fran) && r.varde === null) utanVarde.add(`${r.insats} ${r.fran} ${r.matt}`);
    }
    expect(badaNoll, "keys where both parts of Säter's share are perturbed to 0").toBeGreaterThanOrEqual(1);
    expect([...utanVarde].sort()).toEqual([
      "Samverkansteam Säter 2023-01 genomstromningstid_man", "Samverkansteam Säter 2023-01 tid_fore_start_ar",
      "Samverkansteam Säter 2023-07 genomstromningstid_man", "Samverkansteam Säter 2023-07 tid_fore_start_ar",
    ]);
  });
});
