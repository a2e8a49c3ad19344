/**
 * Real reference files the reader is tested on, kept in the repository so that a clone runs
 * its tests anywhere: SCB downloads (`scb-exempel`) and the csv-spectrum conformance suite.
 * Where they come from and their licences: test/fixtures/referens/README.md.
 */

/** URL of a folder under test/fixtures/referens/, ending in a slash. */
export function referens(folder: string): URL {
  return new URL(`../fixtures/referens/${folder}/`, import.meta.url);
}
