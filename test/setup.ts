// Every test worker: a fixed time zone (dates must not depend on where the tests run) and a
// pseudonymisation key in a temporary folder, never in the developer's home directory.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

process.env.TZ = "Europe/Stockholm";
process.env.FINSAM_NYCKEL ??= join(mkdtempSync(join(tmpdir(), "finsam-test-nyckel-")), "nyckel");
