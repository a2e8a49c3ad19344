/**
 * Den nationella utgåvan i `npm run bench -- --nationell`: ett helt bygge (`npm run build`,
 * scripts/bygg.ts) av en påhittad nationell datakatalog (nationell-datakatalog.ts: HE, BAS
 * arbetsmarknadsstatus och inkomstkälla och folkmängd för 290 kommuner, försörjningsmått och ~80 påhittade förbund) till en temporär
 * utkatalog, och ett bygge av samma katalog med FINSAM_FORBUND (bara ett förbunds sida).
 *
 * Kostnaden per förbundssida räknas som skillnaden mellan de två byggena delad med antalet
 * förbundssidor utom en: (T_alla − T_ett) / (N − 1). Målet (issue 13): hela bygget på högst
 * 5 minuter på 2 kärnor. Byggena använder klonens .finsam-build/ och Frameworks cache som
 * `npm run build` gör (dist/ rörs inte: FINSAM_DIST pekar på en temporär katalog).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { skrivNationellDatakatalog } from "./nationell-datakatalog.ts";

const REPO = fileURLToPath(new URL("..", import.meta.url));
/** Målet för ett nationellt bygge (issue 13), millisekunder. */
export const NATIONELLT_MAL_MS = 5 * 60_000;

export interface Byggmatning {
  readonly namn: string;
  readonly ms: number;
  readonly ok: boolean;
  readonly sidor: number;
  readonly forbundssidor: number;
  /** Största förbundssidans data (gzip), byte. */
  readonly storstaForbundsdata: number;
  readonly slut: string;
}

export interface NationelltResultat {
  readonly katalog: string;
  readonly filer: Record<string, number>;
  readonly alla: Byggmatning;
  readonly ett: Byggmatning;
  readonly forbund: string;
  readonly perForbundssidaMs: number;
  readonly kontroller: { ok: boolean; text: string }[];
}

function byggOchMat(namn: string, data: string, extra: NodeJS.ProcessEnv): Byggmatning {
  // dist/ blir en länk till en version i .dist-versioner/ bredvid den (scripts/utkatalog.ts): båda i en egen katalog.
  const bas = mkdtempSync(join(tmpdir(), "finsam-nationell-dist-"));
  const dist = join(bas, "dist");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", join(REPO, "scripts", "bygg.ts")], {
    cwd: REPO, encoding: "utf8", maxBuffer: 256 * 2 ** 20, timeout: 30 * 60_000,
    env: { ...process.env, FINSAM_DATA: data, FINSAM_DIST: dist, ...extra },
  });
  const ms = performance.now() - t0;
  const utskrift = `${r.stdout ?? ""}\n${r.stderr ?? ""}`.trim().split("\n");
  const sidor: string[] = [];
  const lista = (k: string) => {
    if (!existsSync(k)) return;
    for (const p of readdirSync(k, { withFileTypes: true })) {
      if (p.name.startsWith("_")) continue;
      if (p.isDirectory()) lista(join(k, p.name));
      else if (p.name.endsWith(".html")) sidor.push(join(k, p.name));
    }
  };
  lista(dist);
  const fdata = join(dist, "_file", "data", "forbund");
  const storsta = existsSync(fdata) ? Math.max(0, ...readdirSync(fdata).map((f) => gzipSync(readFileSync(join(fdata, f))).length)) : 0;
  const ut: Byggmatning = {
    namn, ms, ok: r.status === 0 && existsSync(join(dist, "index.html")), sidor: sidor.length,
    forbundssidor: sidor.filter((s) => s.startsWith(join(dist, "forbund", ""))).length, storstaForbundsdata: storsta,
    slut: utskrift.slice(-3).join(" | "),
  };
  rmSync(bas, { recursive: true, force: true });
  return ut;
}

export function matNationelltBygge({ framsteg, behall = false }: { framsteg: (s: string) => void; behall?: boolean }): NationelltResultat {
  framsteg("nationellt bygge: skriver den påhittade nationella datakatalogen");
  const d = skrivNationellDatakatalog();
  const forbund = "fiktivt-20-01";
  framsteg("nationellt bygge: alla förbund (npm run build)");
  const alla = byggOchMat("hela den nationella utgåvan", d.katalog, { FINSAM_FORBUND: "" });
  framsteg(`nationellt bygge: bara ${forbund} (FINSAM_FORBUND)`);
  const ett = byggOchMat(`FINSAM_FORBUND=${forbund}`, d.katalog, { FINSAM_FORBUND: forbund });
  const perForbundssidaMs = alla.forbundssidor > 1 ? (alla.ms - ett.ms) / (alla.forbundssidor - ett.forbundssidor) : Number.NaN;
  const kontroller = [
    { ok: alla.ok, text: `nationellt bygge gick igenom (${alla.sidor} sidor, ${alla.forbundssidor} förbundssidor)${alla.ok ? "" : `: ${alla.slut}`}` },
    { ok: ett.ok && ett.forbundssidor === 1, text: `FINSAM_FORBUND=${forbund} byggde ${ett.forbundssidor} förbundssida${ett.ok ? "" : `: ${ett.slut}`}` },
    { ok: alla.ms <= NATIONELLT_MAL_MS, text: `nationellt bygge ${(alla.ms / 1000).toFixed(0)} s (mål högst ${NATIONELLT_MAL_MS / 1000} s på 2 kärnor)` },
    { ok: alla.storstaForbundsdata <= 300_000, text: `största förbundssidans data ${(alla.storstaForbundsdata / 1000).toFixed(1)} kB gzip (högst 300 kB)` },
  ];
  if (!behall) rmSync(d.katalog, { recursive: true, force: true });
  return { katalog: d.katalog, filer: d.filer, alla, ett, forbund, perForbundssidaMs, kontroller };
}

export function formateraNationellt(r: NationelltResultat): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(1).replace(".", ",")} s`;
  return [
    "Nationell utgåva (issue 13): npm run build på en påhittad nationell datakatalog",
    `  indata: ${Object.entries(r.filer).map(([n, b]) => `${n} ${(b / 2 ** 20).toFixed(1)} MiB`).join(", ")}`,
    `  ${r.alla.namn}: ${s(r.alla.ms)}, ${r.alla.sidor} sidor varav ${r.alla.forbundssidor} förbundssidor`,
    `  ${r.ett.namn}: ${s(r.ett.ms)}, ${r.ett.sidor} sidor varav ${r.ett.forbundssidor} förbundssida`,
    `  kostnad per förbundssida: ${s(r.perForbundssidaMs)} ((T_alla − T_ett) / ${r.alla.forbundssidor - r.ett.forbundssidor})`,
    `  största förbundssidans data: ${(r.alla.storstaForbundsdata / 1000).toFixed(1).replace(".", ",")} kB gzip`,
  ];
}
