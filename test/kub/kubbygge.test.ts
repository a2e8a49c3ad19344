/**
 * The cube builder (`KubBygge`, loaders/kub/kub.ts): room made in advance (`reservera`) gives the
 * same cube, and a finished cube never keeps much more memory than its series need.
 */
import { describe, expect, it } from "vitest";
import { KubBygge, TAL, koder, varden, type Kub } from "../../loaders/kub/kub.ts";

/** A builder with `n` series over three periods (given out of order), every third cell missing. */
function fyll(b: KubBygge, n: number): Kub {
  for (const p of ["2024-03", "2024-01", "2024-02"]) b.period(p);
  for (let i = 0; i < n; i++) {
    const s = b.serie([0, b.kod(1, String(1000 + i)), b.kod(2, i % 2 ? "kvinnor" : "man")]);
    for (let p = 0; p < 3; p++) b.satt(s, p, i % 3 === p ? Number.NaN : i * 10 + p, i % 3 === p ? 2 : TAL);
  }
  return b.bygg();
}

/** Everything a cube holds, as plain arrays. */
function innehall(kub: Kub) {
  return {
    antal: kub.antal, perioder: kub.perioder, ordbok: kub.ordbok,
    koder: kub.dimensioner.map((_, d) => [...koder(kub, d)]),
    varden: kub.perioder.map((_, p) => [...varden(kub, p)]), saknas: kub.saknas.map((s) => [...s]),
  };
}

/** The arrays' memory over what their places need (1 = no unused memory). */
function overskott(kub: Kub): number {
  const arrayer = [...kub.dimensioner.map((_, d) => koder(kub, d)), ...kub.perioder.map((_, p) => varden(kub, p)), ...kub.saknas];
  return Math.max(...arrayer.map((a) => a.buffer.byteLength / a.byteLength));
}

describe("KubBygge", () => {
  it("room made in advance gives the same cube as room made by doubling", () => {
    for (const n of [1, 17, 100, 1000]) {
      const utan = fyll(new KubBygge(["niva", "kod", "kon"]), n);
      const reserverad = new KubBygge(["niva", "kod", "kon"]);
      reserverad.reservera(n + 5);
      expect(innehall(fyll(reserverad, n))).toEqual(innehall(utan));
      expect(utan.perioder).toEqual(["2024-01", "2024-02", "2024-03"]);
    }
  });

  it("a finished cube holds its series only: its arrays are the builder's when at least three quarters full, else copies", () => {
    for (const [reserverat, n] of [[1000, 10], [1000, 749], [1000, 750], [1000, 1000], [64, 40]] as const) {
      const b = new KubBygge(["niva", "kod", "kon"]);
      b.reservera(reserverat);
      const kub = fyll(b, n);
      expect(kub.antal).toBe(n);
      expect(varden(kub, 0).length).toBe(n);
      expect(overskott(kub)).toBeLessThanOrEqual(4 / 3);
    }
    // Doubling leaves the last doubling's room unused at most; the cube never keeps more than a third over.
    for (const n of [65, 100, 129, 200, 257]) expect(overskott(fyll(new KubBygge(["niva", "kod", "kon"]), n))).toBeLessThanOrEqual(4 / 3);
  });
});
