import { defineConfig } from "vitest/config";

/** Server tests that assert latencies, so they must not share the machine with other tests. */
const timingTests = ["server/fuzz.test.ts", "server/hostileFrames.test.ts"];

// One Vitest run covers every package; each project keeps its own environment.
export default defineConfig({
  test: {
    // The default report, then the ten slowest tests (tests/slowestTests.ts).
    reporters: ["default", "./tests/slowestTests.ts"],
    // Two files at a time: the browser and server tests wait on Chromium and server processes most of the
    // time, so on two cores they overlap well. The tests that measure latency run afterwards, alone (group 1).
    maxWorkers: 2,
    projects: [
      // Unit tests hold no state between files, so one worker runs them all without a fresh module graph
      // per file (isolate: false): on the 2-core machines that halves their time, most of it imports.
      { test: { name: "shared", root: "shared", environment: "node", isolate: false } },
      {
        test: { name: "server", root: "server", environment: "node", isolate: false },
      },
      { test: { name: "client", root: "client", environment: "node", isolate: false } },
      {
        test: {
          name: "tests",
          root: "tests",
          environment: "node",
          exclude: ["e2e/**", "**/node_modules/**", ...timingTests],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Tests whose assertions are latencies (a bystander's p99 under attack): run last and alone.
        test: {
          name: "timing",
          root: "tests",
          include: timingTests,
          environment: "node",
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Browser tests: one built client, one Chromium and one server for every file (e2e/globalSetup.ts).
        test: {
          name: "e2e",
          root: "tests",
          include: ["e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["e2e/globalSetup.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
