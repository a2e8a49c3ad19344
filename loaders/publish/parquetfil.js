// @ts-check
/**
 * Writing one output table's columns as a Parquet file (hyparquet-writer: Snappy, dictionary-
 * encoded text, PLAIN numbers, no statistics), one row group at a time.
 *
 * Plain JavaScript with JSDoc types, free of the rest of the pipeline, because it runs in two
 * places: in the main thread (`publish/parquet.ts`) and in the worker thread that writes files
 * beside it (`publish/skrivarbetare.js`). Both give the same bytes.
 */

import { snappy } from "./snappy.js";
import { skrivVarint } from "./varint.js";

/** @typedef {import("./tabelldata.js").Kolumntyp} Kolumntyp */
/** @typedef {import("./tabelldata.js").Kolumndata} Kolumndata */
/** @typedef {import("./tabelldata.js").Tabelldata & { fil: string }} Parquetjobb the table and the file to write */

/** @type {Readonly<Record<Kolumntyp, "STRING" | "DOUBLE" | "INT32">>} */
const PARQUETTYP = { text: "STRING", tal: "DOUBLE", heltal: "INT32" };

/** Rows per row group: hyparquet-writer's own default (1 000 rows, then 100 000 at a time). */
const radgrupp = (/** @type {number} */ g) => (g === 0 ? 1000 : 100_000);

/**
 * A number column's rows `fran` to `till` (in the published order) as a Float64Array, when none
 * of them is missing (NaN); undefined otherwise. hyparquet-writer takes a typed array as it is,
 * so a row group of a national table's numbers costs no array of a hundred thousand values.
 * @param {Float64Array} tal
 * @param {ArrayLike<number> | undefined} index
 * @param {number} fran
 * @param {number} till
 * @returns {Float64Array | undefined}
 */
function talUtanLuckor(tal, index, fran, till) {
  const ut = index ? new Float64Array(till - fran) : tal.subarray(fran, till);
  if (index) for (let i = fran; i < till; i++) ut[i - fran] = /** @type {number} */ (tal[/** @type {number} */ (index[i])]);
  for (let i = 0; i < ut.length; i++) if (Number.isNaN(ut[i])) return undefined;
  return ut;
}

/**
 * A number column's rows `fran` to `till` (in the published order) with missing values (NaN), as
 * a page of an optional column holds them: per row its definition level (1 a value, 0 missing)
 * and the values that are there, in order. Both are views of the scratch arrays in `yta`, used
 * before the next column's.
 * @param {Float64Array} tal
 * @param {ArrayLike<number> | undefined} index
 * @param {number} fran
 * @param {number} till
 * @param {Arbetsyta} yta
 * @returns {{ varden: Float64Array, nivaer: Int32Array, saknade: number }}
 */
function talMedLuckor(tal, index, fran, till, yta) {
  const n = till - fran;
  if (yta.tal.length < n) yta.tal = new Float64Array(n);
  if (yta.nivaer.length < n) yta.nivaer = new Int32Array(n);
  const ut = yta.tal;
  const nivaer = yta.nivaer;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = /** @type {number} */ (tal[index ? /** @type {number} */ (index[fran + i]) : fran + i]);
    if (Number.isNaN(v)) nivaer[i] = 0;
    else {
      nivaer[i] = 1;
      ut[m++] = v;
    }
  }
  return { varden: ut.subarray(0, m), nivaer: nivaer.subarray(0, n), saknade: n - m };
}

/**
 * The values of the rows `fran` to `till` (in the published order) of one column that the fast
 * path does not take (`snabbKolumn`), written into `ut`, null for a missing value (one array per
 * column, used again for every row group: a row group is written before the next is gathered, so
 * no array of a hundred thousand values is left behind per group).
 * @param {Kolumndata} d
 * @param {ArrayLike<number> | undefined} index
 * @param {number} fran
 * @param {number} till
 * @param {unknown[]} ut
 * @returns {unknown[]}
 */
function varden(d, index, fran, till, ut) {
  const n = till - fran;
  ut.length = n;
  if (d.slag === "varden") {
    for (let i = 0; i < n; i++) {
      const v = d.varden[fran + i];
      ut[i] = v === undefined || (typeof v === "number" && Number.isNaN(v)) ? null : v;
    }
  } else if (d.slag === "tal") {
    for (let i = 0; i < n; i++) {
      const v = /** @type {number} */ (d.tal[index ? /** @type {number} */ (index[fran + i]) : fran + i]);
      ut[i] = Number.isNaN(v) ? null : v;
    }
  } else {
    const { rader, nyckel, ordbok } = d;
    for (let i = 0; i < n; i++) {
      const k = /** @type {number} */ (rader[index ? /** @type {number} */ (index[fran + i]) : fran + i]);
      ut[i] = ordbok[nyckel ? /** @type {number} */ (nyckel[k]) : k] ?? null;
    }
  }
  return ut;
}

/**
 * Scratch space of one file's writing, used again for every column chunk (a national table is
 * some 70 chunks: new arrays for each would be tens of megabytes of fresh memory):
 * @typedef {object} Arbetsyta
 * @property {Int32Array} plats per code its dictionary index (-1: not yet seen), length >= every dictionary's
 * @property {Int32Array} koder the rows' dictionary indexes, length >= a row group
 * @property {Uint8Array} sida a page's bit width and RLE/bit-packed indexes (`rleBitpackat`), grown when a page needs more
 * @property {Float64Array} tal a number column's values that are there, when some are missing (`talMedLuckor`)
 * @property {Int32Array} nivaer its rows' definition levels
 * @property {Uint8Array} nivabytes the definition levels RLE/bit-packed
 */

/** hyparquet-writer's own defaults, which the fast path below must keep to give the same file. */
const SIDSTORLEK = 1_048_576;
/** hyparquet-writer's sampling rule (`useDictionary`): a column whose sample is this distinct is written PLAIN. */
const STICKPROV = 1000;
const STICKPROV_AVVISAS = 0.9;

/**
 * hyparquet-writer, its public writer and the parts of it that write one column chunk (the
 * package exports `src/*.js`; the version is pinned in package.json because the fast path below
 * follows its `writeColumn` step by step, and a test checks that both give the same bytes).
 * Imported at the first file: a `finsam run` process loads it only in the thread that writes Parquet.
 */
async function hyparquetWriter() {
  const [api, { writeColumn }, { encodeNestedValues }, { writeDictionaryPage }, { writePageHeader }, { unconvert }, { getSchemaPath }] = await Promise.all([
    import("hyparquet-writer"), import("hyparquet-writer/src/column.js"), import("hyparquet-writer/src/dremel.js"),
    import("hyparquet-writer/src/dictionary.js"), import("hyparquet-writer/src/datapage.js"),
    import("hyparquet-writer/src/unconvert.js"), import("hyparquet/src/schema.js"),
  ]);
  return { ...api, writeColumn, encodeNestedValues, writeDictionaryPage, writePageHeader, unconvert, getSchemaPath };
}

/** @type {Promise<Awaited<ReturnType<typeof hyparquetWriter>>> | undefined} */
let hw;

/** Loads hyparquet-writer now (the writer thread does at its start, while the pipeline computes). */
export function laddaParquet() {
  return (hw ??= hyparquetWriter());
}

/** An array of `n` ones (the definition levels of an optional column's page without nulls), shared. */
const ettor = (() => {
  /** @type {Map<number, Int32Array>} */
  const m = new Map();
  return (/** @type {number} */ n) => {
    let a = m.get(n);
    if (!a) m.set(n, (a = new Int32Array(n).fill(1)));
    return a;
  };
})();

/**
 * A dictionary column's rows `fran` to `till` as hyparquet-writer's dictionary would make them:
 * the dictionary in order of first appearance, and per row its index in it. Undefined when a row
 * is missing (null) or when hyparquet-writer would write the column PLAIN (its sampling rule and
 * its "the dictionary must at least halve the bytes" rule, both computed here per code instead of
 * per row). The cube's dictionary columns are codes already, so no value is hashed per row.
 * @param {{ rader: Int32Array, nyckel: Int32Array | undefined, ordbok: readonly string[] }} d
 * @param {ArrayLike<number> | undefined} index
 * @param {number} fran
 * @param {number} till
 * @param {Int32Array} plats scratch: per code its dictionary index (-1: not yet seen), length >= ordbok.length
 * @param {Int32Array} radindex scratch for the rows' indexes, length >= till - fran: the result's
 *   `index` is a view of it, used before the next column's
 * @returns {{ ordbok: string[], index: Int32Array } | undefined}
 */
function ordbokUrKoder(d, index, fran, till, plats, radindex) {
  const { rader, nyckel, ordbok } = d;
  const n = till - fran;
  const ut = radindex.subarray(0, n);
  /** @type {string[]} */
  const lista = [];
  /** @type {number[]} */
  const koder = [];
  // Two codes with the same text share one dictionary entry, as in hyparquet-writer.
  /** @type {Map<string, number>} */
  const text = new Map();
  try {
    for (let i = 0; i < n; i++) {
      const r = index ? /** @type {number} */ (index[fran + i]) : fran + i;
      const k = /** @type {number} */ (rader[r]);
      const kod = nyckel ? /** @type {number} */ (nyckel[k]) : k;
      let p = /** @type {number} */ (plats[kod]);
      if (p < 0) {
        const v = ordbok[kod];
        if (v === undefined || v === null) return undefined;
        p = text.get(v) ?? -1;
        if (p < 0) {
          p = lista.length;
          lista.push(v);
          text.set(v, p);
        }
        plats[kod] = p;
        koder.push(kod);
      }
      ut[i] = p;
    }
    // The sample: 1000 rows spread over the row group; rejected when its distinct values are
    // over 90 % of its bytes (a value's size is its length in UTF-16 units plus 4).
    const prov = Math.min(n, STICKPROV);
    /** @type {Set<number>} */
    const sedda = new Set();
    let provDistinkt = 0;
    let provTotal = 0;
    for (let i = 0; i < prov; i++) {
      // (The quotient is at least 0 and under 2^31, so `| 0` is `Math.floor` of it; as an integer
      // operation it never makes V8 throw away optimised code that assumed a whole quotient.)
      const j = prov === 1 ? 0 : (i * (n - 1) / (prov - 1)) | 0;
      const p = /** @type {number} */ (ut[j]);
      const storlek = /** @type {string} */ (lista[p]).length + 4;
      if (!sedda.has(p)) {
        sedda.add(p);
        provDistinkt += storlek;
      }
      provTotal += storlek;
    }
    if (!provTotal || provDistinkt / provTotal > STICKPROV_AVVISAS) return undefined;
    // The dictionary must at least halve the bytes: twice (its values, 4 bytes each for their
    // lengths, the bit-packed indexes) at most the plain bytes (every row's value, hyparquet-writer
    // counting a text's length in UTF-16 units, and 4 bytes each). The rows' total is counted
    // only when the shortest value's length times the rows does not already settle it.
    let ordbokStorlek = 0;
    let kortast = Infinity;
    for (const v of lista) {
      ordbokStorlek += v.length;
      if (v.length < kortast) kortast = v.length;
    }
    const bitar = Math.ceil(Math.log2(lista.length));
    const ordbokBytes = 2 * (ordbokStorlek + lista.length * 4 + ((n * bitar + 7) >> 3));
    if (ordbokBytes > kortast * n + n * 4) {
      const antal = new Float64Array(lista.length);
      for (let i = 0; i < n; i++) {
        const p = /** @type {number} */ (ut[i]);
        antal[p] = /** @type {number} */ (antal[p]) + 1;
      }
      let total = 0;
      for (let p = 0; p < lista.length; p++) total += /** @type {number} */ (antal[p]) * /** @type {string} */ (lista[p]).length;
      if (ordbokBytes > total + n * 4) return undefined;
    }
    return { ordbok: lista, index: ut };
  } finally {
    for (const kod of koder) plats[kod] = -1;
  }
}

/**
 * The most bytes `rleBitpackat` writes for `n` values of `bitar` bits: every group of eight
 * values bit-packed (`bitar` bytes) or in a run (at most a 5-byte header and 4 bytes of value
 * for eight or more values), and a header of at most 5 bytes before each bit-packed stretch.
 * @param {number} n
 * @param {number} bitar
 */
function rleGrans(n, bitar) {
  return (Math.ceil(n / 8) + 1) * (Math.max(bitar, 9) + 5) + 16;
}

/**
 * Small integers (a page's dictionary indexes, or its definition levels) RLE/bit-packed at `pos`
 * in `ut` (room for `rleGrans` bytes), exactly as hyparquet-writer's `writeRleBitPackedHybrid`
 * writes them (a test compares the bytes): from each group start, a run of eight or more equal
 * values is one RLE run, otherwise the next eight values join the current bit-packed stretch (the
 * last group padded with zeros). Written straight into the array, without a method call per
 * byte. Returns the position after them.
 * @param {Int32Array} v
 * @param {number} bitar
 * @param {Uint8Array} ut
 * @param {number} pos
 */
export function rleBitpackat(v, bitar, ut, pos) {
  const n = v.length;
  const bredd = (bitar + 7) >> 3;
  const mask = (1 << bitar) - 1;
  let grupper = 0;
  let start = 0;
  let i = 0;
  while (i < n) {
    const forsta = /** @type {number} */ (v[i]);
    let k = i + 1;
    while (k < n && v[k] === forsta) k++;
    const antal = k - i;
    if (antal >= 8) {
      if (grupper > 0) pos = bitpacka(v, start, grupper, bitar, mask, ut, pos);
      grupper = 0;
      pos = skrivVarint(ut, pos, antal << 1);
      for (let j = 0; j < bredd; j++) ut[pos++] = (forsta >> (j << 3)) & 0xff;
      i = k;
    } else {
      if (grupper === 0) start = i;
      grupper++;
      i += 8;
    }
  }
  if (grupper > 0) pos = bitpacka(v, start, grupper, bitar, mask, ut, pos);
  return pos;
}

/**
 * `grupper` groups of eight values from `start`, bit-packed after their header (values past the
 * end are 0); returns the position after them.
 * @param {Int32Array} v
 * @param {number} start
 * @param {number} grupper
 * @param {number} bitar
 * @param {number} mask
 * @param {Uint8Array} ut
 * @param {number} pos
 */
function bitpacka(v, start, grupper, bitar, mask, ut, pos) {
  pos = skrivVarint(ut, pos, (grupper << 1) | 1);
  if (bitar === 0) return pos;
  const n = v.length;
  const slut = start + grupper * 8;
  let buffer = 0;
  let anvanda = 0;
  for (let i = start; i < slut; i++) {
    const x = i < n ? /** @type {number} */ (v[i]) & mask : 0;
    buffer |= x << anvanda;
    anvanda += bitar;
    while (anvanda >= 8) {
      ut[pos++] = buffer & 0xff;
      buffer >>>= 8;
      anvanda -= 8;
    }
  }
  if (anvanda > 0) ut[pos++] = buffer & 0xff;
  return pos;
}

/** Whether this machine keeps a Float64Array's bytes little-endian, as Parquet's PLAIN DOUBLE is. */
const LITEN_ANDE = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/**
 * One data page (v2) of a column chunk, as hyparquet-writer's `writeDataPageV2` writes it: the
 * definition levels (an optional column's: all 1, or `luckor`'s when values are missing)
 * RLE/bit-packed, then the values that are there, compressed, after the page header. The values
 * are a dictionary column's indexes (bit width, then RLE/bit-packed) or a number column's
 * doubles, whose bytes are the Float64Array's own (no value written one by one). Returns the
 * page's uncompressed size.
 * @param {Awaited<ReturnType<typeof hyparquetWriter>>} h
 * @param {any} writer
 * @param {any} column
 * @param {"PLAIN" | "RLE_DICTIONARY"} encoding
 * @param {Int32Array | Float64Array} varden
 * @param {number} ordbokslangd the dictionary's size (RLE_DICTIONARY), every index below it used
 * @param {number} maxDefinitionLevel
 * @param {Arbetsyta} yta
 * @param {{ nivaer: Int32Array, saknade: number } | undefined} luckor the rows' definition levels when some are missing
 */
function skrivDatasida(h, writer, column, encoding, varden, ordbokslangd, maxDefinitionLevel, yta, luckor) {
  const n = varden.length;
  const rader = luckor ? luckor.nivaer.length : n;
  const nivaer = luckor ? luckor.nivaer : maxDefinitionLevel ? ettor(n) : undefined;
  /** @type {Uint8Array} */
  let nivabytes = new Uint8Array(0);
  if (nivaer) {
    const behov = rleGrans(rader, 1);
    if (yta.nivabytes.length < behov) yta.nivabytes = new Uint8Array(behov);
    nivabytes = yta.nivabytes.subarray(0, rleBitpackat(nivaer, 1, yta.nivabytes, 0));
  }
  const definition_levels_byte_length = nivabytes.length;
  /** @type {Uint8Array} */
  let sida;
  if (encoding === "RLE_DICTIONARY") {
    const bitar = Math.ceil(Math.log2(ordbokslangd));
    // The page's bytes are compressed (copied) and appended before the next page uses the space.
    const behov = rleGrans(n, bitar) + 1;
    if (yta.sida.length < behov) yta.sida = new Uint8Array(Math.max(behov, 2 * yta.sida.length));
    yta.sida[0] = bitar;
    sida = yta.sida.subarray(0, rleBitpackat(/** @type {Int32Array} */ (varden), bitar, yta.sida, 1));
  } else if (LITEN_ANDE && varden instanceof Float64Array) {
    sida = new Uint8Array(varden.buffer, varden.byteOffset, varden.byteLength);
  } else {
    const w = new h.ByteWriter(n * 8);
    for (let i = 0; i < n; i++) w.appendFloat64(/** @type {number} */ (varden[i]));
    sida = w.getBytes();
  }
  const { codec, compressors } = column;
  const komprimerad = compressors[codec]?.(sida) ?? sida;
  const huvudStart = writer.offset;
  h.writePageHeader(writer, {
    type: "DATA_PAGE_V2",
    uncompressed_page_size: nivabytes.length + sida.length,
    compressed_page_size: nivabytes.length + komprimerad.length,
    data_page_header_v2: {
      num_values: rader, num_nulls: luckor ? luckor.saknade : 0, num_rows: rader, encoding,
      definition_levels_byte_length, repetition_levels_byte_length: 0, is_compressed: !!codec,
    },
  });
  const huvud = writer.offset - huvudStart;
  writer.appendBytes(nivabytes);
  writer.appendBytes(komprimerad);
  return huvud + nivabytes.length + sida.length;
}

/**
 * Writes one column chunk of a row group as hyparquet-writer's `writeColumn` would, byte for
 * byte, without its per-row work (a dictionary built by hashing every value, page boundaries
 * estimated value by value, copies of the row group): for a dictionary column without missing
 * rows and a number column (NaN a missing value, in an optional column), each in one page.
 * Undefined when the column is not one of those (the caller then uses `writeColumn` itself).
 * @param {Awaited<ReturnType<typeof hyparquetWriter>>} h
 * @param {any} writer
 * @param {any} column hyparquet-writer's ColumnEncoder
 * @param {Kolumndata} d
 * @param {ArrayLike<number> | undefined} index
 * @param {number} fran
 * @param {number} till
 * @param {Arbetsyta} yta
 */
function snabbKolumn(h, writer, column, d, index, fran, till, yta) {
  const n = till - fran;
  const { element } = column;
  const maxDefinitionLevel = element.repetition_type === "REQUIRED" ? 0 : 1;
  /** @type {Int32Array | Float64Array} */
  let varden;
  /** @type {string[] | undefined} */
  let ordbok;
  /** @type {{ varden: Float64Array, nivaer: Int32Array, saknade: number } | undefined} */
  let luckor;
  if (d.slag === "ordbok" && element.type === "BYTE_ARRAY" && element.converted_type === "UTF8" && column.encoding === undefined && n * 4 < SIDSTORLEK) {
    const o = ordbokUrKoder(d, index, fran, till, yta.plats, yta.koder);
    if (!o) return undefined;
    varden = o.index;
    ordbok = o.ordbok;
  } else if (d.slag === "tal" && element.type === "DOUBLE" && element.converted_type === undefined && element.logical_type === undefined && column.encoding === "PLAIN" && n * 8 < SIDSTORLEK) {
    const tal = talUtanLuckor(d.tal, index, fran, till);
    if (tal) varden = tal;
    else if (maxDefinitionLevel === 1) {
      luckor = talMedLuckor(d.tal, index, fran, till, yta);
      varden = luckor.varden;
    } else return undefined;
  } else return undefined;
  const offsetStart = writer.offset;
  let uncompressedSize = 0;
  /** @type {string[]} */
  const encodings = [];
  /** @type {bigint | undefined} */
  let dictionary_page_offset;
  /** @type {"PLAIN" | "RLE_DICTIONARY"} */
  let encoding = "PLAIN";
  if (ordbok) {
    encoding = "RLE_DICTIONARY";
    dictionary_page_offset = BigInt(writer.offset);
    uncompressedSize += h.writeDictionaryPage(writer, column, h.unconvert(element, ordbok));
    encodings.push("PLAIN");
  }
  encodings.push(encoding);
  const data_page_offset = BigInt(writer.offset);
  uncompressedSize += skrivDatasida(h, writer, column, encoding, varden, ordbok ? ordbok.length : 0, maxDefinitionLevel, yta, luckor);
  return {
    chunk: {
      meta_data: {
        type: element.type,
        encodings,
        path_in_schema: column.schemaPath.slice(1).map((/** @type {{ name: string }} */ s) => s.name),
        codec: column.codec ?? "UNCOMPRESSED",
        num_values: BigInt(n),
        total_compressed_size: BigInt(writer.offset - offsetStart),
        total_uncompressed_size: BigInt(uncompressedSize),
        data_page_offset,
        dictionary_page_offset,
        statistics: undefined,
        encoding_stats: undefined,
        geospatial_statistics: undefined,
      },
      file_offset: BigInt(offsetStart),
    },
    columnIndex: undefined,
    offsetIndex: undefined,
    bloomFilter: undefined,
  };
}

/**
 * Writes the job's table: the same file as one call of hyparquet-writer's `parquetWrite` with its
 * default row groups would give (a test compares the bytes), one row group at a time. The row
 * groups are written here, column chunk by column chunk, with `ParquetWriter` keeping the schema,
 * the row groups' metadata and the footer: the cube's dictionary and number columns take the fast
 * path (`snabbKolumn`), any other column hyparquet-writer's `writeColumn` with the values as an
 * array (one array per column, used again for every row group).
 * hyparquet-writer is imported at the first file, so the function is async; it writes
 * synchronously once loaded.
 * @param {Parquetjobb} jobb
 * @returns {Promise<void>}
 */
export async function skrivParquetjobb(jobb) {
  const h = await laddaParquet();
  skrivParquet(h, jobb, h.fileWriter(jobb.fil));
}

/**
 * The table as a Parquet file in memory (the same bytes as `skrivParquetjobb` writes to a file);
 * the writer's warming (`forvarmning.js`) uses it.
 * @param {import("./tabelldata.js").Tabelldata} t
 * @returns {Promise<Uint8Array>}
 */
export async function parquetIMinnet(t) {
  const h = await laddaParquet();
  const minne = new h.ByteWriter(1 << 16);
  skrivParquet(h, { ...t, fil: "" }, minne);
  return minne.getBytes();
}

/**
 * `skrivParquetjobb` with hyparquet-writer loaded and the writer given.
 * @param {Awaited<ReturnType<typeof hyparquetWriter>>} h
 * @param {Parquetjobb} jobb
 * @param {any} utskrivare
 */
function skrivParquet(h, jobb, utskrivare) {
  // `tal` columns (DOUBLE) are written PLAIN: hyparquet-writer otherwise tries a dictionary for
  // every number column, a Map over every value of every row group, about 0.9 s of the Parquet
  // thread's 2.3 s on the national BAS file, and that thread is the slower of the two writers.
  // The files grow 7 % (BAS), 6 % (helårsekvivalenter) and 35 % (the half-year table), from 14.9 to
  // 16.0 MB for the national BAS table (docs/prestanda.md). Text and `heltal` keep the dictionary.
  const typer = jobb.kolumner.map((k) => ({
    name: k.namn, type: PARQUETTYP[k.typ], nullable: k.saknas === true,
    ...(k.typ === "tal" ? { encoding: /** @type {const} */ ("PLAIN") } : {}),
  }));
  const schema = h.schemaFromColumnData({ columnData: typer.map((t) => ({ ...t, data: [] })) });
  const pq = /** @type {any} */ (new h.ParquetWriter({
    writer: utskrivare,
    schema,
    createdBy: "finsam-analys",
    // Min/max statistics would double the time of a national table; the files are read whole.
    statistics: false,
    kvMetadata: [{ key: "finsam.schema", value: jobb.namn }],
    // The same Snappy, byte for byte, about twice as fast (`snappy.js`).
    compressors: { SNAPPY: snappy },
  }));
  const writer = pq.writer;
  // Per column what `ParquetWriter.write` gives `writeColumn` (its defaults: no column index, an
  // offset index when a chunk has several pages, a page of at most a megabyte).
  const kolumner = typer.map((t) => {
    const treePath = h.getSchemaPath(schema, [t.name]);
    const schemaPath = treePath.map((n) => n.element);
    return {
      treePath,
      column: {
        columnName: t.name, element: /** @type {import("hyparquet").SchemaElement} */ (schemaPath[schemaPath.length - 1]), schemaPath, codec: pq.codec, compressors: pq.compressors,
        stats: false, statisticsTruncateLength: pq.statisticsTruncateLength, pageSize: SIDSTORLEK, dictionarySize: undefined,
        columnIndex: false, offsetIndex: true, encoding: t.encoding, bloomFilter: undefined,
      },
    };
  });
  /** @type {Arbetsyta} */
  const yta = {
    plats: new Int32Array(Math.max(0, ...jobb.data.map((d) => (d.slag === "ordbok" ? d.ordbok.length : 0)))).fill(-1),
    koder: new Int32Array(Math.min(jobb.antal, Math.max(radgrupp(0), radgrupp(1)))),
    sida: new Uint8Array(1024),
    tal: new Float64Array(0),
    nivaer: new Int32Array(0),
    nivabytes: new Uint8Array(0),
  };
  /** @type {unknown[][]} */
  const arrayer = typer.map(() => []);
  for (let g = 0, fran = 0; fran < jobb.antal; g++) {
    const till = Math.min(jobb.antal, fran + radgrupp(g));
    const groupStartOffset = writer.offset;
    const chunks = [];
    for (let j = 0; j < kolumner.length; j++) {
      const { treePath, column } = /** @type {(typeof kolumner)[number]} */ (kolumner[j]);
      const d = /** @type {Kolumndata} */ (jobb.data[j]);
      const resultat = snabbKolumn(h, writer, column, d, jobb.index, fran, till, yta)
        ?? h.writeColumn({ writer, column, pageData: h.encodeNestedValues(treePath, varden(d, jobb.index, fran, till, /** @type {unknown[]} */ (arrayer[j]))) });
      chunks.push(resultat.chunk);
      pq.pendingIndexes.push(resultat);
    }
    let total_byte_size = 0n;
    for (const { meta_data } of chunks) total_byte_size += meta_data?.total_uncompressed_size ?? 0n;
    pq.num_rows += BigInt(till - fran);
    pq.row_groups.push({ columns: chunks, total_byte_size, num_rows: BigInt(till - fran), total_compressed_size: BigInt(writer.offset - groupStartOffset) });
    // fileWriter flushes synchronously.
    writer.flush?.();
    fran = till;
  }
  pq.finish();
}
