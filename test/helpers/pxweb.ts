/**
 * Writes one table the way PxWeb would in any placement: every variable in the stub or the
 * heading, in any order; values as codes (`UseCodes`), texts (`UseTexts`) or both
 * (`UseCodesAndTexts`, as `2080 Falun` or `2080 - Falun`); any delimiter and encoding; with or
 * without SCB's title line; numbers as SCB writes them or as Swedish Excel resaves them. The
 * placement tests read every variant of one table and require the same outputs.
 */
import iconv from "iconv-lite";

export interface PxVarde {
  readonly kod: string;
  readonly text: string;
}

export interface PxVariabel {
  /** The stub column's header as SCB writes it: `region`, `kön`, `tabellinnehåll`, `månad`. */
  readonly rubrik: string;
  readonly varden: readonly PxVarde[];
}

export interface PxTabell {
  readonly titel: string;
  readonly variabler: readonly PxVariabel[];
  /** The cell for one value of each variable (indices in `variabler` order), as SCB writes it (`12.5`, `..`). */
  readonly cell: (index: readonly number[]) => string;
}

export type Stil = "koder" | "texter" | "kod och text" | "kod - text";

export interface Placering {
  /** Variables (by header) in the stub, in order; the others are in the heading. */
  readonly stub: readonly string[];
  /** Heading variables, in the order PxWeb joins them. */
  readonly rubrik: readonly string[];
  readonly stil: Stil;
  readonly avgransare: ";" | "," | "\t";
  readonly kodning: "latin1" | "utf8" | "utf8-bom";
  readonly titel: boolean;
  /** Numbers as Swedish Excel writes them: decimal comma, no-break space between thousands. */
  readonly excel?: boolean;
  /** A single value column (`värde`) when every variable is in the stub. */
  readonly vardekolumn?: string;
}

function etikett(v: PxVarde, stil: Stil): string {
  if (v.kod === v.text) return v.kod;
  switch (stil) {
    case "koder": return v.kod;
    case "texter": return v.text;
    case "kod och text": return `${v.kod} ${v.text}`;
    case "kod - text": return `${v.kod} - ${v.text}`;
  }
}

function* kombinationer(langder: readonly number[]): Generator<number[]> {
  if (langder.some((n) => n === 0)) return;
  const i = langder.map(() => 0);
  for (;;) {
    yield [...i];
    let k = langder.length - 1;
    while (k >= 0 && ++i[k]! === langder[k]) i[k--] = 0;
    if (k < 0) return;
  }
}

function excelTal(cell: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(cell)) return cell;
  const [heltal, decimaler] = cell.split(".");
  const grupperat = heltal!.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return decimaler === undefined ? grupperat : `${grupperat},${decimaler}`;
}

export function skrivPx(t: PxTabell, p: Placering): Uint8Array {
  const index = (rubrik: string) => {
    const i = t.variabler.findIndex((v) => v.rubrik === rubrik);
    if (i < 0) throw new Error(`okänd variabel ${rubrik}`);
    return i;
  };
  const stub = p.stub.map(index);
  const rubrik = p.rubrik.map(index);
  const q = (s: string) => `"${s}"`;
  const rader: string[] = [];
  if (p.titel) rader.push(q(t.titel));
  const kolumner = rubrik.length === 0
    ? [[]]
    : [...kombinationer(rubrik.map((i) => t.variabler[i]!.varden.length))];
  const rubrikNamn = rubrik.length === 0 ? [p.vardekolumn ?? "värde"] : kolumner.map((k) => k.map((vi, j) => etikett(t.variabler[rubrik[j]!]!.varden[vi]!, p.stil)).join(" "));
  rader.push([...stub.map((i) => q(t.variabler[i]!.rubrik)), ...rubrikNamn.map(q)].join(p.avgransare));
  for (const s of kombinationer(stub.map((i) => t.variabler[i]!.varden.length))) {
    const celler = stub.map((i, j) => q(etikett(t.variabler[i]!.varden[s[j]!]!, p.stil)));
    for (const k of kolumner) {
      const idx = t.variabler.map(() => 0);
      stub.forEach((i, j) => { idx[i] = s[j]!; });
      rubrik.forEach((i, j) => { idx[i] = k[j]!; });
      const c = t.cell(idx);
      celler.push(p.excel ? excelTal(c) : c);
    }
    rader.push(celler.join(p.avgransare));
  }
  const text = `${rader.join("\r\n")}\r\n`;
  if (p.kodning === "latin1") return iconv.encode(text, "latin1");
  const body = Buffer.from(text, "utf8");
  return p.kodning === "utf8-bom" ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Every placement worth telling apart for a table with these variables (`tid` and `innehall` name the time and content headers). */
export function placeringar(alla: readonly string[], tid: string, innehall: string | undefined): { namn: string; stub: string[]; rubrik: string[]; vardekolumn?: string }[] {
  const utan = (...x: (string | undefined)[]) => alla.filter((v) => !x.includes(v));
  const ovriga = utan(tid, innehall);
  const ut: { namn: string; stub: string[]; rubrik: string[]; vardekolumn?: string }[] = [
    { namn: "tid i rubriken (SCB:s nedladdning)", stub: utan(tid), rubrik: [tid] },
    { namn: "stubben i omvänd ordning", stub: [...utan(tid)].reverse(), rubrik: [tid] },
    { namn: "allt i stubben, en värdekolumn", stub: [...alla], rubrik: [], vardekolumn: "värde" },
    { namn: "tid först i stubben, en värdekolumn", stub: [tid, ...utan(tid)], rubrik: [], vardekolumn: "värde" },
  ];
  if (innehall) {
    ut.push(
      { namn: "innehåll och tid i rubriken", stub: ovriga, rubrik: [innehall, tid] },
      { namn: "tid och innehåll i rubriken", stub: ovriga, rubrik: [tid, innehall] },
      { namn: "tid i stubben, innehållet i rubriken (en kolumn per innehåll)", stub: [...ovriga, tid], rubrik: [innehall] },
    );
  }
  // Another variable in the heading with time: the first of the others that is not the region.
  const annan = ovriga.find((v) => v !== "region");
  if (annan) {
    ut.push(
      { namn: `${annan} och tid i rubriken`, stub: utan(tid, annan), rubrik: [annan, tid] },
      { namn: `tid och ${annan} i rubriken`, stub: utan(tid, annan), rubrik: [tid, annan] },
      { namn: `region i rubriken`, stub: utan("region"), rubrik: ["region"] },
    );
  }
  return ut;
}
