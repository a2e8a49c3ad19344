/** Runs the `finsam` command in-process and makes small data folders for it. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../loaders/cli.ts";

/** `finsam <args>`: exit code and everything written to stdout and stderr. */
export async function finsam(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false });
  return { code, stdout, stderr };
}

/** A folder `name` under `tmp` holding `files` (name -> content). */
export function folderIn(tmp: string): (name: string, files: Record<string, string | Uint8Array>) => string {
  return (name, files) => {
    const dir = join(tmp, name);
    mkdirSync(dir, { recursive: true });
    for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
    return dir;
  };
}
