// The generated parts of docs/indata.md and docs/utdata.md agree with the registry of input
// kinds and the output schemas (npm run dokumentation rewrites them), and the CLI's help lists
// what the registry holds.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allaScheman, fyllI, genereradeDelar, INDATA, indataDel, UTDATA, utdataDel } from "../scripts/dokumentation.ts";
import { REGISTER } from "../loaders/kinds/index.ts";
import { HELP } from "../loaders/cli.ts";

const RAD = "\nKör npm run dokumentation.";

describe("docs/indata.md", () => {
  const text = readFileSync(INDATA, "utf8");
  it("has the list of input kinds, exactly as the registry gives it", () => {
    expect(genereradeDelar(text)).toEqual(["indataslag"]);
    expect(fyllI(text, indataDel, INDATA), `docs/indata.md stämmer inte med registret.${RAD}`).toBe(text);
  });
  it("names every kind of the registry", () => {
    for (const kind of REGISTER) for (const d of kind.dokumentation) expect(text).toContain(d.indata);
  });
});

describe("docs/utdata.md", () => {
  const text = readFileSync(UTDATA, "utf8");
  it("has one column table per output schema, in no other order than its sections", () => {
    expect(genereradeDelar(text).sort()).toEqual(allaScheman().map((s) => `schema ${s.namn}`).sort());
  });
  it("every column table is the schema's", () => {
    expect(fyllI(text, utdataDel, UTDATA), `docs/utdata.md stämmer inte med schemana.${RAD}`).toBe(text);
  });
  it("a column the schema does not have would be caught", () => {
    const andrad = text.replace("| `andel` | tal, kan saknas | `varde / folkmangd`", "| `andelen` | tal, kan saknas | `varde / folkmangd`");
    expect(andrad).not.toBe(text);
    expect(fyllI(andrad, utdataDel, UTDATA)).not.toBe(andrad);
  });
});

describe("the registry and the schemas", () => {
  it("kinds have unique ids and output tables unique names", () => {
    const ids = REGISTER.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    const namn = allaScheman().map((s) => s.namn);
    expect(new Set(namn).size).toBe(namn.length);
  });
  it("finsam --help names every kind and every published table", () => {
    const hjalp = HELP.replace(/\s+/g, " ");
    for (const kind of REGISTER) expect(hjalp).toContain(kind.namn);
    for (const s of allaScheman().filter((s) => !s.intern)) expect(hjalp).toContain(s.namn);
  });
});
