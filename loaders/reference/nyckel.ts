/**
 * The key for pseudonymising personnummer lives outside the repository (default
 * `~/.config/finsam-analys/nyckel`, or the file named by `FINSAM_NYCKEL`). It is created on first
 * use. Personnummer are replaced at read time by HMAC-SHA256(key, YYMMDDNNNC).
 */
import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

export interface Nyckel {
  readonly sokvag: string;
  readonly skapad: boolean;
  readonly pseudonym: (tio: string) => string;
}

export function nyckelSokvag(env: NodeJS.ProcessEnv = process.env): string {
  return env.FINSAM_NYCKEL ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), ".config"), "finsam-analys", "nyckel");
}

export function hamtaNyckel(env: NodeJS.ProcessEnv = process.env): Nyckel {
  const sokvag = nyckelSokvag(env);
  let skapad = false;
  if (!existsSync(sokvag)) {
    mkdirSync(dirname(sokvag), { recursive: true });
    writeFileSync(sokvag, randomBytes(32).toString("hex") + "\n", { mode: 0o600 });
    chmodSync(sokvag, 0o600);
    skapad = true;
  }
  const key = readFileSync(sokvag, "utf8").trim();
  if (!/^[0-9a-f]{64}$/.test(key)) throw new NyckelError(`nyckelfilen ${sokvag} är skadad (förväntat 64 hexadecimala tecken); ta bort den så skapas en ny`);
  return { sokvag, skapad, pseudonym: (tio) => "p" + createHmac("sha256", key).update(tio).digest("hex").slice(0, 20) };
}

export class NyckelError extends Error {
  override name = "NyckelError";
}
