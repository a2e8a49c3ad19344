#!/usr/bin/env node
// Entry point of the `finsam` command: runs the TypeScript CLI through tsx.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../loaders/cli.ts");
let code;
try {
  code = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  });
} catch (error) {
  // Problems in users' files are findings, never exceptions; this is a bug in finsam itself.
  process.stderr.write(`finsam: internt fel (internal error): ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.FINSAM_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ""}\n`);
  code = 1;
}
process.exitCode = code;
