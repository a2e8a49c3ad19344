/**
 * The key for pseudonymising personnummer lives outside the repository (default
 * `~/.config/finsam-analys/nyckel`, or the file named by `FINSAM_NYCKEL`). It is created on first
 * use. Personnummer are replaced at read time by HMAC-SHA256(key, YYMMDDNNNC). The same key
 * gives every participant and participation its record keys for the noise that protects
 * published counts (protect/cellnyckel.ts): never written anywhere.
 */
import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

export interface Nyckel {
  readonly sokvag: string;
  readonly skapad: boolean;
  readonly pseudonym: (tio: string) => string;
  /** Record keys of a unit (a person or a participation): 8 uniform 32-bit integers. */
  readonly postnyckel: (enhet: string) => Uint32Array;
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
  return { sokvag, skapad, pseudonym: (tio) => "p" + createHmac("sha256", key).update(tio).digest("hex").slice(0, 20), postnyckel: (enhet) => postnycklar(key, enhet) };
}

/** HMAC-SHA256(key, "finsam-postnyckel\0" + unit) as 8 unsigned 32-bit integers. */
function postnycklar(key: string, enhet: string): Uint32Array {
  const h = createHmac("sha256", key).update("finsam-postnyckel\u0000").update(enhet).digest();
  return Uint32Array.from({ length: 8 }, (_, i) => h.readUInt32BE(4 * i));
}

export class NyckelError extends Error {
  override name = "NyckelError";
}
