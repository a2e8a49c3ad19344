/**
 * The participant nyckeltal protected with either method (loaders/protect/nyckeltal.ts): the
 * rows, the skydd column, the suppression method's half-year model, and the check from the
 * outside on generated files of the shapes the issue names.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { beraknaHalvar, beraknaInsatsunderlag } from "../../loaders/compute/nyckeltal.ts";
import type { Datum } from "../../loaders/normalise/datum.ts";
import { halvarspublicering, kontrolleraPublicerat, laddaLosare, MATT, oskyddadeNyckeltal, skyddaNyckeltal, type NyckeltalRad } from "../../loaders/protect/index.ts";
import { exportdag, exporteradDen, generera, publicera, uppslag, type Rad } from "./deltagarfil.ts";

beforeAll(laddaLosare);

const FIL = generera({ team: ["Team A", "Team B"], personer: 70, fro: 21 });

describe("rows", () => {
  it("five rows per förbund, insats (totalt last), window and kön, each naming its method", async () => {
    for (const metod of ["brus", "undertryckning"] as const) {
      const rader = await publicera(FIL, metod);
      const { underlag } = beraknaInsatsunderlag(FIL, { exportdatum: exportdag(FIL) });
      expect(rader.length).toBe(5 * underlag.length);
      expect(rader.slice(0, 5).map((r) => r.matt)).toEqual([...MATT]);
      expect(new Set(rader.map((r) => r.skydd))).toEqual(new Set([metod]));
      expect(rader.at(-1)!.insats).toBe("totalt");
    }
  });

  it("--intern: the same rows unprotected, named `ingen`, which the outside check refuses", () => {
    const { underlag } = beraknaInsatsunderlag(FIL, { exportdatum: exportdag(FIL) });
    const rader = oskyddadeNyckeltal(underlag);
    expect(rader.every((r) => r.skydd === "ingen" && !r.undertryckt)).toBe(true);
    expect(kontrolleraPublicerat(rader, { k: 5 }).filter((o) => o.typ === "oskyddad").length).toBe(rader.length);
  });

  it("suppression needs the half-year counts", () => {
    const { underlag } = beraknaInsatsunderlag(FIL, { exportdatum: exportdag(FIL) });
    expect(() => skyddaNyckeltal({ underlag }, { metod: "undertryckning", k: 5 })).toThrow(/halvårens antal/);
  });
});

describe("the suppression method's model: half-years", () => {
  it("each window's additive counts are its two half-years", () => {
    const { underlag } = beraknaInsatsunderlag(FIL, { exportdatum: exportdag(FIL) });
    const halvar = beraknaHalvar(FIL, { exportdatum: exportdag(FIL) });
    for (const u of underlag) {
      const h = halvar.filter((x) => x.insats === u.insats && x.kon === u.kon && x.fran >= u.fran && x.till <= u.till);
      expect(h.length).toBe(2);
      expect(h.reduce((s, x) => s + x.avslut, 0)).toBe(u.avslut);
      expect(h.reduce((s, x) => s + x.malTaljare, 0)).toBe(u.malTaljare);
      expect(h.reduce((s, x) => s + x.malTaljare + x.malKomplement, 0)).toBe(u.malNamnare);
      expect(h.reduce((s, x) => s + x.malAvhopp, 0)).toBe(u.avslut - u.malNamnare);
    }
  });

  it("an insats with nobody in a half-year has structural zeros (never hidden); tidiga avhopp and those without kön are never published", () => {
    const nytt: Rad[] = [...FIL, { ...FIL[0]!, person: "NY", insats: "Team Ny", start: "2024-09-01" as Datum, slut: undefined, orsak: undefined }];
    const halvar = beraknaHalvar(nytt, { exportdatum: exportdag(nytt) }).filter((h) => h.fran === "2023-01");
    const p = halvarspublicering(halvar);
    expect(p.aldrigDolda!.has("avslut|Team Ny|alla")).toBe(true);
    expect(p.harledda!.has("malAvhopp|Team A|alla")).toBe(true);
    expect([...p.harledda!].every((n) => n.startsWith("malAvhopp|") || n.endsWith("|okand"))).toBe(true);
  });

  it("a window's row is shown only when its counts are shown in both half-years, and then never 1..k-1", async () => {
    const rader = await publicera(FIL, "undertryckning");
    for (const r of rader) {
      if (r.undertryckt) expect([r.varde, r.antal]).toEqual([null, null]);
      else expect(r.antal === 0 || r.antal! >= 5, `${r.insats} ${r.fran} ${r.kon} ${r.matt} = ${r.antal}`).toBe(true);
    }
  });
});

/** The published rows of a file and method, computed once per file object in this test file. */
const minne = new Map<readonly Rad[], Map<string, Promise<NyckeltalRad[]>>>();
function sparad(fil: readonly Rad[], metod: "brus" | "undertryckning"): Promise<NyckeltalRad[]> {
  if (!minne.has(fil)) minne.set(fil, new Map());
  const m = minne.get(fil)!;
  if (!m.has(metod)) m.set(metod, publicera(fil, metod));
  return m.get(metod)!;
}

describe("the check from the outside, every period and page at once", () => {
  const FORMER: Record<string, Rad[]> = {
    "två team": FIL,
    "ett team med tre deltagare": generera({ team: ["Trio"], personer: 3, fro: 3 }),
    "ett nytt team": [...FIL, ...generera({ team: ["Team Ny"], personer: 6, startMellan: [900, 1000], fro: 8 })],
    "en deltagare utan kön": [...FIL, { ...FIL[5]!, person: "UTAN", kon: undefined }],
  };
  for (const [namn, fil] of Object.entries(FORMER)) {
    it(`passes for both methods: ${namn}`, async () => {
      for (const metod of ["brus", "undertryckning"] as const) {
        expect(kontrolleraPublicerat(await sparad(fil, metod), { k: 5 }), `${namn}, ${metod}`).toEqual([]);
      }
    }, 120_000);
  }

  it("catches a shown small count, a hidden row with a value, a share that is no ratio of published counts, and a hidden count that can be narrowed", async () => {
    const rader = await sparad(FIL, "undertryckning");
    const andra = (i: number, r: Partial<NyckeltalRad>) => rader.map((x, n) => (n === i ? { ...x, ...r } : x));
    const brus0 = await sparad(FIL, "brus");
    const visad = brus0.findIndex((r) => r.matt === "deltagare" && r.antal! >= 5);
    expect(kontrolleraPublicerat(brus0.map((x, n) => (n === visad ? { ...x, varde: 2, antal: 2 } : x)), { k: 5 }).map((o) => o.typ)).toEqual(["litet_tal"]);
    const dold = rader.findIndex((r) => r.undertryckt);
    expect(kontrolleraPublicerat(andra(dold, { antal: 7 }), { k: 5 }).map((o) => o.typ)).toContain("visat_dolt");
    // Brus: a share that is not the published numerator over the published denominator.
    const brus = brus0;
    const andel = brus.findIndex((r) => r.matt === "andel_mal" && r.antal! > 6);
    expect(kontrolleraPublicerat(brus.map((x, n) => (n === andel ? { ...x, varde: 0.3333 } : x)), { k: 5 }).map((o) => o.typ)).toContain("oforenlig");
    // Suppression: one team's kvinnor hidden, everything else shown: recomputed from alla − män.
    const tru = oskyddadeNyckeltal(beraknaInsatsunderlag(FIL, { exportdatum: exportdag(FIL) }).underlag).map((r) => ({ ...r, skydd: "undertryckning" as const }));
    const i = tru.findIndex((r) => r.insats === "Team A" && r.kon === "kvinnor" && r.matt === "deltagare" && r.antal! > 0 && r.antal! < 5);
    expect(i).toBeGreaterThanOrEqual(0);
    const fel = kontrolleraPublicerat(tru.map((x, n) => (n === i ? { ...x, varde: null, antal: null, undertryckt: true } : x)), { k: 5 });
    expect(fel.filter((o) => o.typ === "intervall").map((o) => o.plats?.vad)).toContain("deltagare");
  }, 120_000);
});

describe("the pattern of a period depends on that period's data only", () => {
  it("a file growing month by month: a window that has ended keeps its pattern in every later build", async () => {
    const exporter = ["2024-01-10", "2024-04-10", "2024-08-10"] as Datum[];
    const byggen = [];
    for (const d of exporter) byggen.push(await publicera(exporteradDen(FIL, d), "undertryckning", { exportdatum: d }));
    for (let b = 1; b < byggen.length; b++) {
      const nu = uppslag(byggen[b]!);
      for (const r of byggen[b - 1]!.filter((x) => x.till <= "2023-12")) expect(nu(r.insats, r.fran, r.kon, r.matt), `${r.insats} ${r.fran} ${r.kon} ${r.matt}`).toEqual(r);
    }
  }, 180_000);

  it("one new participant in a new team changes nothing in the periods before the team started (its empty rows are no cover, nothing is re-protected)", async () => {
    const fore = await sparad(FIL, "undertryckning");
    const nytt: Rad = { ...FIL[4]!, person: "NYTT-TEAM", insats: "Team Ny", start: "2024-10-01" as Datum, slut: undefined, orsak: undefined };
    const efterRader = await publicera([...FIL, nytt], "undertryckning");
    const efter = uppslag(efterRader);
    for (const r of fore.filter((x) => x.till <= "2024-06")) expect(efter(r.insats, r.fran, r.kon, r.matt), `${r.insats} ${r.fran} ${r.kon} ${r.matt}`).toEqual(r);
    // The new team's earlier rows are structural zeros: shown as 0, never hidden.
    const tomma = efterRader.filter((x) => x.insats === "Team Ny" && x.till <= "2024-06");
    expect(tomma.length).toBeGreaterThan(0);
    for (const r of tomma) expect([r.antal, r.undertryckt]).toEqual([0, false]);
    expect(kontrolleraPublicerat(efterRader, { k: 5 })).toEqual([]);
  }, 120_000);

  it("one new participant without kön in a later period changes nothing in earlier ones", async () => {
    const fore = await sparad(FIL, "undertryckning");
    const efter = uppslag(await publicera([...FIL, { ...FIL[3]!, person: "SEN", kon: undefined, start: "2024-11-01" as Datum, slut: undefined, orsak: undefined }], "undertryckning"));
    for (const r of fore.filter((x) => x.till <= "2024-06")) expect(efter(r.insats, r.fran, r.kon, r.matt)).toEqual(r);
  }, 120_000);
});
