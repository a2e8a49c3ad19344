// Every test worker: a fixed time zone and day (dates must not depend on where or when the tests run) and a
// pseudonymisation key in a temporary folder, never in the developer's home directory.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

process.env.TZ = "Europe/Stockholm";
// "Today" for the pipeline (the export date when the settings state none): fixed, so that the
// periods published from participant records do not change as the calendar moves on.
process.env.FINSAM_IDAG ??= "2026-12-03";
process.env.FINSAM_NYCKEL ??= join(mkdtempSync(join(tmpdir(), "finsam-test-nyckel-")), "nyckel");
