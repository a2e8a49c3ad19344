import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    // Two test files at a time: the machine (and CI) has 2 cores, and vitest's default in a run
    // is cores - 1, which ran every file one after the other. test/bygg.test.ts mostly waits for
    // its builds' own processes, which then use the core; the other files share the second.
    maxWorkers: 2,
    // One module graph per worker, not per test file: importing the pipeline and the site's
    // components again for each of the 70-odd files was about a third of the summed time
    // (npm test 160-207 s isolated, 142 s without, on the 2-core CI machine). The tests keep no
    // module state between files (each file makes its own temporary folders and settings).
    isolate: false,
  },
});
