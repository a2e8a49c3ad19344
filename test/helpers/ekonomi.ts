/**
 * Small economy inputs for tests: CSV texts (file name -> content) read as the pipeline reads
 * them, joined per förbund and computed; amounts in the tests are kr, the tables' öre / 100.
 */
import { Findings } from "../../loaders/validate/findings.ts";
import { defaultMedlemskapBytes, readDefaultKommuner, readMedlemskap } from "../../loaders/reference/indelning.ts";
import { readInstallningar, STANDARD, type Installningar } from "../../loaders/reference/installningar.ts";
import { lasCsv, tomInlasning, kannerIgen } from "../../loaders/kinds/ekonomi/index.ts";
import { lasCsvTabell, rubriknycklar } from "../../loaders/kinds/ekonomi/tabell.ts";
import { sammanfoga } from "../../loaders/kinds/ekonomi/sammanfoga.ts";
import { beraknaForbund, type Ekonomiresultat } from "../../loaders/kinds/ekonomi/berakning.ts";
import { kontrollera } from "../../loaders/kinds/ekonomi/kontroller.ts";
import { kontrolleraRapporterat } from "../../loaders/kinds/ekonomi/rapportkontroll.ts";

export function medlemskap() {
  const f = new Findings();
  const kommuner = readDefaultKommuner(f)!;
  const { bytes, fil } = defaultMedlemskapBytes();
  return readMedlemskap(bytes, fil, kommuner, f)!;
}

export function installningar(json: unknown): Installningar {
  if (json === undefined) return STANDARD;
  const f = new Findings();
  const inst = readInstallningar(JSON.stringify(json), "finsam.json", f);
  if (!inst) throw new Error(f.all.map((x) => x.meddelande).join("; "));
  return inst;
}

export interface Korning {
  readonly findings: Findings;
  readonly resultat: Ekonomiresultat[] | undefined;
}

/** Reads the files, joins them and computes (with the checks), as `finsam run` does. */
export function ekonomi(filer: Record<string, string>, inst?: unknown, till?: string): Korning {
  const findings = new Findings();
  const inl = tomInlasning();
  for (const [fil, text] of Object.entries(filer)) {
    const bytes = new TextEncoder().encode(text);
    const t = lasCsvTabell(bytes, fil, new Findings());
    const sort = t ? kannerIgen(rubriknycklar(t)) : undefined;
    if (!sort) throw new Error(`${fil} känns inte igen som ekonomi`);
    lasCsv(bytes, fil, sort, inl, findings);
  }
  if (findings.hasErrors()) return { findings, resultat: undefined };
  const data = sammanfoga(inl, { medlemskap: medlemskap() }, installningar(inst), findings);
  if (!data) return { findings, resultat: undefined };
  const resultat = [...data.values()].map((fe) => beraknaForbund(fe, till));
  for (const r of resultat) {
    kontrollera(r, findings);
    kontrolleraRapporterat(r, findings);
  }
  return { findings, resultat };
}

/** kr from öre (undefined stays undefined). */
export const kr = (ore: number | undefined) => (ore === undefined ? undefined : ore / 100);
