import { defineConfig } from "vitest/config";

// One Vitest run covers every package; each project keeps its own environment.
export default defineConfig({
  test: {
    // The default report, then the ten slowest tests (tests/slowestTests.ts).
    reporters: ["default", "./tests/slowestTests.ts"],
    projects: [
      // Unit tests hold no state between files, so one worker runs them all without a fresh module graph
      // per file (isolate: false): on the 2-core machines that halves their time, most of it imports.
      { test: { name: "shared", root: "shared", environment: "node", isolate: false } },
      {
        test: { name: "server", root: "server", environment: "node", fileParallelism: false, isolate: false },
      },
      { test: { name: "client", root: "client", environment: "node", isolate: false } },
      {
        test: {
          name: "tests",
          root: "tests",
          environment: "node",
          exclude: ["e2e/**", "**/node_modules/**"],
          fileParallelism: false,
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
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
