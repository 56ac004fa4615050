import { defineConfig } from "vitest/config";

// One Vitest run covers every package; each project keeps its own environment.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "shared", root: "shared", environment: "node" } },
      { test: { name: "server", root: "server", environment: "node", fileParallelism: false } },
      { test: { name: "client", root: "client", environment: "node" } },
      {
        test: {
          name: "tests",
          root: "tests",
          environment: "node",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
