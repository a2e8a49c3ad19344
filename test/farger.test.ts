/**
 * Färgreglerna (docs/webbplatsen.md, Färger; issue 12): orange och blågrönt betyder kvinnor och
 * män och används inte för förbund eller team; förbundens och teamens färger syns mot vit
 * bakgrund (kontrast minst 3:1, WCAG 1.4.11) och går att skilja från varandra.
 */
import { describe, expect, it } from "vitest";
import { ERSATTNINGSFARGER, KONSFARGER } from "../src/components/data.js";
import { AVSLUTSUTFALL } from "../src/components/insatser.js";
import { TEAMFARGER } from "../src/components/insatsvyer.js";
import { FORBUNDSPALETT } from "../src/components/statistikvyer.js";

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminans = (hex: string) => {
  const [r, g, b] = rgb(hex).map(lin) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const kontrastMotVitt = (hex: string) => 1.05 / (luminans(hex) + 0.05);
/** Skillnaden mellan två färger i CIE Lab (ΔE 1976). */
function deltaE(a: string, b: string): number {
  const lab = (hex: string) => {
    const [r, g, bl] = rgb(hex).map(lin) as [number, number, number];
    const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * bl, (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883];
    const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
    const [fx, fy, fz] = xyz.map(f) as [number, number, number];
    return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
  };
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1! - l2!, a1! - a2!, b1! - b2!);
}

describe.each([
  ["förbunden", FORBUNDSPALETT],
  ["teamen", TEAMFARGER]
])("färgerna för %s", (_, palett) => {
  it("har minst åtta färger, ingen av dem könets orange eller blågröna", () => {
    expect(palett.length).toBeGreaterThanOrEqual(8);
    for (const f of palett) for (const k of KONSFARGER.slice(1)) expect(deltaE(f, k), `${f} mot ${k}`).toBeGreaterThan(25);
  });
  it("har kontrast minst 3:1 mot vit bakgrund", () => {
    for (const f of palett) expect(kontrastMotVitt(f), f).toBeGreaterThanOrEqual(3);
  });
  it("har färger som skiljer sig tydligt från varandra (ΔE över 20)", () => {
    palett.forEach((a, i) => palett.slice(i + 1).forEach((b) => expect(deltaE(a, b), `${a} mot ${b}`).toBeGreaterThan(20)));
  });
});

/** Kulören (hue, grader) och mättnaden (chroma) i CIE LCh. */
function lch(hex: string): { c: number; h: number } {
  const [r, g, bl] = rgb(hex).map(lin) as [number, number, number];
  const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * bl, (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = xyz.map(f) as [number, number, number];
  const a = 500 * (fx - fy);
  const b = 200 * (fy - fz);
  return { c: Math.hypot(a, b), h: ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360 };
}
const kulorskillnad = (x: number, y: number) => Math.min(Math.abs(x - y), 360 - Math.abs(x - y));

describe("ersättningarnas och utfallens ytor", () => {
  it("har inte könets kulör (orange, blågrönt): minst 25° ifrån, eller grå", () => {
    for (const f of [...ERSATTNINGSFARGER, ...AVSLUTSUTFALL.map((u) => u.farg)]) {
      for (const k of KONSFARGER.slice(1)) {
        const ok = lch(f).c < 15 || kulorskillnad(lch(f).h, lch(k).h) >= 25;
        expect(ok, `${f} (kulör ${lch(f).h.toFixed(0)}°) mot ${k} (${lch(k).h.toFixed(0)}°)`).toBe(true);
      }
    }
  });
});
