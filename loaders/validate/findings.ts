/**
 * Findings: what validation says about the user's files. Every problem in a user's file
 * becomes a finding (never an exception with a stack trace), named by file, line and column.
 */

export type Allvar = "fel" | "varning" | "info";

export interface Finding {
  /** The file's path as the user gave it (relative to the data folder when read from one). */
  readonly fil: string;
  /** 1-based line number in the file, when the finding has one. */
  readonly rad?: number;
  /** 1-based column number, when the finding has one. */
  readonly kolumn?: number;
  /** The column's header (or the field's name), when known. */
  readonly falt?: string;
  /** The offending value, already masked when it comes from a sensitive column. */
  readonly varde?: string;
  /** Stable rule id, e.g. `csv.kolumnantal`. */
  readonly regel: string;
  readonly allvar: Allvar;
  /** Swedish message. */
  readonly meddelande: string;
  /** English message. */
  readonly message: string;
}

/**
 * Caps how many findings of one rule a file reports (a wrong column can give a million);
 * `sammanfatta` then adds one line per rule saying how many more there were.
 */
export class Begransning {
  private readonly antal = new Map<string, number>();
  constructor(private readonly max = 25) {}

  /** Counts one finding of `regel`; true while it should still be reported. */
  rapportera(regel: string): boolean {
    const n = (this.antal.get(regel) ?? 0) + 1;
    this.antal.set(regel, n);
    return n <= this.max;
  }

  /** One finding per capped rule; `allvar` says which rules were warnings. */
  sammanfatta(findings: Findings, fil: string, allvar: (regel: string) => Allvar): void {
    for (const [regel, n] of this.antal) {
      if (n <= this.max) continue;
      findings.add({
        fil, regel, allvar: allvar(regel),
        meddelande: `ytterligare ${n - this.max} fynd av samma slag visas inte`, message: `${n - this.max} more findings of this kind are not shown`,
      });
    }
  }
}

/** Collects findings while files are read; errors block output, warnings do not. */
export class Findings {
  readonly all: Finding[] = [];

  add(finding: Finding): void {
    this.all.push(finding);
  }

  fel(f: Omit<Finding, "allvar">): void {
    this.add({ ...f, allvar: "fel" });
  }

  varning(f: Omit<Finding, "allvar">): void {
    this.add({ ...f, allvar: "varning" });
  }

  info(f: Omit<Finding, "allvar">): void {
    this.add({ ...f, allvar: "info" });
  }

  get errors(): Finding[] {
    return this.all.filter((f) => f.allvar === "fel");
  }

  get warnings(): Finding[] {
    return this.all.filter((f) => f.allvar === "varning");
  }

  hasErrors(): boolean {
    return this.all.some((f) => f.allvar === "fel");
  }
}

/** Thrown only to stop reading one file after a fatal finding has been recorded. */
export class FileRejected extends Error {
  constructor(readonly finding: Finding) {
    super(finding.meddelande);
    this.name = "FileRejected";
  }
}

/** Values longer than this are cut in messages, so a 200 MB line never reaches a terminal. */
const MAX_VALUE_LENGTH = 60;

export function showValue(value: string): string {
  const oneLine = value.replace(/\r?\n/g, "\\n");
  return oneLine.length > MAX_VALUE_LENGTH ? `${oneLine.slice(0, MAX_VALUE_LENGTH)}…` : oneLine;
}

/** `data/hek.csv rad 17, kolumn 5 ("2024M03")` */
export function location(f: Pick<Finding, "fil" | "rad" | "kolumn" | "falt">): string {
  let s = f.fil;
  if (f.rad !== undefined) s += ` rad ${f.rad}`;
  if (f.kolumn !== undefined) s += `${f.rad !== undefined ? "," : ""} kolumn ${f.kolumn}`;
  if (f.falt !== undefined && f.falt !== "") s += ` ("${showValue(f.falt)}")`;
  return s;
}

const ALLVAR_ORD: Record<Allvar, string> = { fel: "FEL", varning: "VARNING", info: "INFO" };

/** One line of the human-readable report. */
export function formatFinding(f: Finding): string {
  return `${ALLVAR_ORD[f.allvar]} ${location(f)}: ${f.meddelande} (${f.message})`;
}

/** One JSON object per line: the stable machine-readable form. */
export function findingToJson(f: Finding): string {
  return JSON.stringify({
    fil: f.fil,
    rad: f.rad ?? null,
    kolumn: f.kolumn ?? null,
    falt: f.falt ?? null,
    varde: f.varde ?? null,
    regel: f.regel,
    allvar: f.allvar,
    meddelande: f.meddelande,
    message: f.message,
  });
}
