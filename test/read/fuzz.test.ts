/**
 * The readers under a fuzzer: whatever text or bytes come in, reading either gives a result or
 * leaves an error that says where (a line, and a file-level rule such as fil.tom or fil.binar
 * also has one); it never throws, and never returns nothing without saying why. Fixed seed and
 * number of runs, so a failure is reproducible and the time is bounded.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDelimited, type Row } from "../../loaders/read/delimited.ts";
import { readPxWeb } from "../../loaders/read/pxweb.ts";
import { normaliseHelarsekvivalenter } from "../../loaders/normalise/helarsekvivalenter.ts";
import { regionreferens } from "../../loaders/normalise/region.ts";
import { readDeltagare } from "../../loaders/normalise/deltagare.ts";
import { readUtfall } from "../../loaders/normalise/utfall.ts";
import { hamtaNyckel } from "../../loaders/reference/nyckel.ts";
import { Findings, type Finding } from "../../loaders/validate/findings.ts";
import { FALUN, BORLANGE } from "../helpers/he.ts";

const SEED = 20260315;
/** A row as its line and fields (rows read straight from the text make their fields when asked). */
const somText = (r: Row) => ({ line: r.line, fields: r.fields });
const RUNS = 500;
const KOMMUNER = new Map([FALUN, BORLANGE].map((k) => [k.kod, k]));

/** Pieces of CSV as users and SCB write it, and the things that go wrong with it. */
const TOKENS = [
  '"', '""', ";", ",", "\t", " ", "\r\n", "\n", "\r", "..", ".", "-", "\uFEFF", "\u0000", "\u00a0",
  "region", "kön", "ålder", "tabellinnehåll", "månad", "2024M01", "2024M13", "Sjukpenning", "20-64 år",
  "2080 Falun", "2099 Okänd", "män", "kvinnor", "12", "-3", "10,5", "1e400", "Ã¤", "å", "–",
  "Löpnummer", "Insats", "Startdatum", "Slutdatum", "Avslutsorsak", "Förbund", "Personnummer",
  "2024-02-30", "2024-01-01", "19121212-1212", "Avslut", "Nyinskrivna", "År", "sodra-dalarna",
];

const token = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 }));
/** Free-form: tokens in any order. */
const soup = fc.array(token, { maxLength: 60 }).map((t) => t.join(""));
/** Table-shaped: rows of cells, some quoted, one delimiter and line end. */
const table = fc
  .record({
    delimiter: fc.constantFrom(";", ",", "\t", "|"),
    eol: fc.constantFrom("\n", "\r\n", "\r"),
    rows: fc.array(fc.array(fc.tuple(token, fc.boolean()), { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
  })
  .map(({ delimiter, eol, rows }) => rows.map((r) => r.map(([c, q]) => (q ? `"${c}"` : c)).join(delimiter)).join(eol));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), soup, table);

/** An error says where: a line (file-level rules name line 1), and a column only with a line. */
function located(f: Finding): boolean {
  return f.rad !== undefined && Number.isInteger(f.rad) && f.rad >= 1 && (f.kolumn === undefined || (Number.isInteger(f.kolumn) && f.kolumn >= 1));
}

function check(result: unknown, findings: Findings): void {
  const errors = findings.errors;
  if (result === undefined) expect(errors.length, "nothing returned and no error").toBeGreaterThan(0);
  for (const f of errors) expect(located(f), `${f.regel} without a place: ${JSON.stringify(f)}`).toBe(true);
  for (const f of findings.all) {
    expect(typeof f.meddelande).toBe("string");
    expect(typeof f.message).toBe("string");
    expect((f.varde ?? "").length).toBeLessThanOrEqual(61); // values are cut, never the whole line
  }
}

const options = { seed: SEED, numRuns: RUNS };

describe("fuzzing the readers", () => {
  it("readDelimited parses or leaves a located error, and a result is a rectangular table", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const findings = new Findings();
        const r = readDelimited(text, "fuzz.csv", findings);
        check(r, findings);
        if (r) {
          expect(findings.errors).toEqual([]);
          const lines = text.split(/\r\n|\r|\n/).length; // as editors count them
          expect(r.header.line).toBeGreaterThanOrEqual(1);
          for (const row of r.rows) {
            expect(row.fields).toHaveLength(r.header.fields.length);
            expect(row.line).toBeGreaterThan(r.header.line);
            expect(row.line).toBeLessThanOrEqual(lines);
          }
        }
      }),
      options,
    );
  });

  it("readDelimited gives back exactly the rows of a well-formed table, with their line numbers", () => {
    const plain = fc.stringMatching(/^[A-Za-z0-9åäöÅÄÖ][A-Za-z0-9åäöÅÄÖ .-]{0,7}$/);
    const wellFormed = fc.record({
      delimiter: fc.constantFrom(";", ",", "\t"),
      eol: fc.constantFrom("\n", "\r\n", "\r"),
      width: fc.integer({ min: 2, max: 6 }),
      quote: fc.boolean(),
      cells: fc.array(fc.array(plain, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
      inner: fc.array(fc.constantFrom("", '""', "DELIM"), { minLength: 6, maxLength: 6 }),
    });
    fc.assert(
      fc.property(wellFormed, ({ delimiter, eol, width, quote, cells, inner }) => {
        const header = Array.from({ length: width }, (_, i) => `kolumn ${i + 1}`);
        // Quoted cells may hold the delimiter and doubled quotes, as RFC 4180 writes them.
        const body = cells.map((r) => r.slice(0, width).map((c, i) => (quote ? c + inner[i]!.replace("DELIM", delimiter) : c)));
        const write = (c: string) => (quote ? `"${c}"` : c);
        const text = [header, ...body].map((r) => r.map(write).join(delimiter)).join(eol) + eol;
        const findings = new Findings();
        const r = readDelimited(text, "fuzz.csv", findings);
        expect(findings.errors).toEqual([]);
        expect(somText(r!.header)).toEqual({ line: 1, fields: header });
        expect(r!.rows.map(somText)).toEqual(body.map((fields, i) => ({ line: i + 2, fields: fields.map((f) => f.replaceAll('""', '"')) })));
      }),
      options,
    );
  });

  it("readPxWeb on UTF-8 and ISO-8859-1 bytes reads a table (that can be walked and normalised) or leaves a located error", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom("utf8", "latin1") as fc.Arbitrary<BufferEncoding>, (text, encoding) => {
        const findings = new Findings();
        const t = readPxWeb(Buffer.from(text, encoding), "fuzz.csv", findings);
        check(t, findings);
        if (t) {
          let n = 0;
          t.forEach((o) => {
            n++;
            expect(o.line).toBeGreaterThanOrEqual(1);
            expect(o.column).toBeGreaterThanOrEqual(1);
          });
          const normalised = new Findings();
          const data = normaliseHelarsekvivalenter(t, regionreferens(KOMMUNER), normalised);
          check(data, normalised);
          if (t.rowCount === 0) expect(n).toBe(0);
        }
      }),
      options,
    );
  });

  it("readPxWeb on raw bytes (binary junk, BOMs, zip headers) never throws", () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x50, 0x4b, 0x03, 0x04], []), fc.uint8Array({ maxLength: 200 }), soup)
        .map(([head, body, text]) => Buffer.concat([Buffer.from(head), Buffer.from(text, "latin1"), Buffer.from(body)])),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const findings = new Findings();
        check(readPxWeb(b, "fuzz.csv", findings), findings);
      }),
      options,
    );
  });

  it("participant and reported-table readers give rows or located errors", () => {
    const nyckel = () => hamtaNyckel();
    const withHeader = fc.tuple(
      fc.constantFrom(
        "Löpnummer;Insats;Förbund;Kön;Startdatum;Slutdatum;Avslutsorsak;År utan arbete före start",
        "Personnummer,Insats,Startdatum,Slutdatum",
        "Förbund;Insats;År;Avslut;Nyinskrivna;Aktiva vid periodens slut",
        "Förbund;Insats;Från;Till;Avslut;Nyinskrivna",
      ),
      fc.constantFrom("\n", "\r\n"),
      anyText,
    ).map(([header, eol, body]) => `${header}${eol}${body}`);
    fc.assert(
      fc.property(withHeader, fc.constantFrom("utf8", "latin1") as fc.Arbitrary<BufferEncoding>, (text, encoding) => {
        const bytes = Buffer.from(text, encoding);
        const a = new Findings();
        check(readDeltagare(bytes, "fuzz.csv", nyckel, a), a);
        const b = new Findings();
        check(readUtfall(bytes, "fuzz.csv", b), b);
      }),
      options,
    );
  });
});
