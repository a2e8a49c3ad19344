/**
 * Label keys: SCB labels arrive with double spaces, en dashes, capitals and (in files re-saved
 * by users) other small variations. Labels are compared by key, never by raw text.
 */

/** `"Sjuk- och  aktivitetsersättning"` -> `"sjuk-och aktivitetsersattning"`; `"20–64 år"` -> `"20-64 ar"`. */
export function labelKey(label: string): string {
  let key = cache.get(label);
  if (key === undefined) {
    key = computeKey(label);
    if (cache.size > 100_000) cache.clear(); // labels repeat; free text must not grow it forever
    cache.set(label, key);
  }
  return key;
}

/** Files repeat a few hundred labels millions of times: each is keyed once. */
const cache = new Map<string, string>();

function computeKey(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/ ?- ?/g, "-")
    .trim();
}
