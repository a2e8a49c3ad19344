/**
 * Sammanfattar en CPU-profil (.cpuprofile från `node --cpu-prof`): de funktioner som tar mest
 * tid, dels själva ("egen tid"), dels med allt de anropar ("inklusive").
 *
 *   npx tsx bench/sammanfatta-profil.ts <fil.cpuprofile> [antal]
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface ProfilNod {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
  readonly children?: readonly number[];
}

interface Profil {
  readonly nodes: readonly ProfilNod[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface Profilrad {
  readonly funktion: string;
  readonly ms: number;
  readonly andel: number;
}

export interface Profilsammanfattning {
  readonly totalMs: number;
  readonly egen: Profilrad[];
  readonly inklusive: Profilrad[];
}

/** Funktionens namn och plats; en anonym funktion namnges efter närmaste namngivna anropare. */
function nyckel(n: ProfilNod, namngiven: (n: ProfilNod) => string | undefined): string {
  const f = n.callFrame;
  const anropare = f.functionName === "" && f.url !== "" ? namngiven(n) : undefined;
  const namn = f.functionName || (anropare ? `(anonym i ${anropare})` : "(anonym)");
  if (f.url === "") return namn;
  const plats = f.url.replace(/^file:\/\//, "").replace(/^.*\/node_modules\//, "").replace(/^.*\/(loaders|bench|scripts)\//, "$1/");
  return `${namn} ${plats}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
}

export function sammanfatta(fil: string, antal = 20): Profilsammanfattning {
  const p = JSON.parse(readFileSync(fil, "utf8")) as Profil;
  const noder = new Map(p.nodes.map((n) => [n.id, n]));
  const foralder = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) foralder.set(c, n.id);
  const namngiven = (n: ProfilNod): string | undefined => {
    for (let cur = foralder.get(n.id); cur !== undefined; cur = foralder.get(cur)) {
      const namn = noder.get(cur)!.callFrame.functionName;
      if (namn !== "") return namn;
    }
    return undefined;
  };
  const nycklar = new Map<number, string>();
  const nyckelFor = (id: number): string => {
    let k = nycklar.get(id);
    if (k === undefined) nycklar.set(id, (k = nyckel(noder.get(id)!, namngiven)));
    return k;
  };
  const perNod = new Map<number, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const d = p.timeDeltas[i] ?? 0;
    total += d;
    perNod.set(id, (perNod.get(id) ?? 0) + d);
  });
  const egen = new Map<string, number>();
  const inklusive = new Map<string, number>();
  for (const [id, t] of perNod) {
    const k0 = nyckelFor(id);
    egen.set(k0, (egen.get(k0) ?? 0) + t);
    // Inklusive: varje funktion på stacken räknas en gång per sampel (rekursion räknas inte dubbelt).
    const sedda = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = foralder.get(cur)) {
      const k = nyckelFor(cur);
      if (sedda.has(k)) continue;
      sedda.add(k);
      inklusive.set(k, (inklusive.get(k) ?? 0) + t);
    }
  }
  const topp = (m: Map<string, number>): Profilrad[] =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, antal).map(([funktion, us]) => ({ funktion, ms: us / 1000, andel: us / total }));
  return { totalMs: total / 1000, egen: topp(egen), inklusive: topp(inklusive) };
}

export function formateraProfil(s: Profilsammanfattning): string {
  const rad = (r: Profilrad) => `  ${r.ms.toFixed(0).padStart(7)} ms ${(100 * r.andel).toFixed(1).padStart(5)} %  ${r.funktion}`;
  return [
    `Profil: ${s.totalMs.toFixed(0)} ms samplad tid`,
    "Egen tid:",
    ...s.egen.map(rad),
    "Inklusive anropade funktioner:",
    ...s.inklusive.map(rad),
  ].join("\n");
}

function korsDirekt(): boolean {
  const skript = process.argv[1];
  return skript !== undefined && resolve(skript) === fileURLToPath(import.meta.url);
}

if (korsDirekt()) {
  const [fil, antal] = process.argv.slice(2);
  if (fil === undefined) {
    process.stderr.write("användning: sammanfatta-profil.ts <fil.cpuprofile> [antal]\n");
    process.exit(2);
  }
  console.log(formateraProfil(sammanfatta(fil, antal === undefined ? 25 : Number(antal))));
}
