// Every test worker: a fixed time zone and day (dates must not depend on where or when the tests
// run) and a pseudonymisation key in a temporary folder, never in the developer's home directory.
// The key is the fixed TESTNYCKEL, so the noise that protects the published counts (derived from
// the key) is the same in every run: the golden outputs depend on it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** SHA-256 of "finsam-analys testnyckel (bara för tester)": a key for tests only, never for real data. */
export const TESTNYCKEL = "1ff64b114799e59467f138560bbc12f99334de7c99be0458a8e141ce92a20f57";

process.env.TZ = "Europe/Stockholm";
// "Today" for the pipeline (the export date when the settings state none): fixed, so that the
// periods published from participant records do not change as the calendar moves on.
process.env.FINSAM_IDAG ??= "2026-12-03";
if (process.env.FINSAM_NYCKEL === undefined) {
  process.env.FINSAM_NYCKEL = join(mkdtempSync(join(tmpdir(), "finsam-test-nyckel-")), "nyckel");
  writeFileSync(process.env.FINSAM_NYCKEL, TESTNYCKEL + "\n", { mode: 0o600 });
}
