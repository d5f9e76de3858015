import { defineConfig } from "vitest/config";

// Three projects, selected with --project: fast unit tests beside the code (x.test.ts),
// integration tests against real local services (x.int.test.ts) and end-to-end tests that
// need a real kind cluster (x.e2e.test.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["{harness,attacks,reports,scenarios,scripts}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.e2e.test.ts", "**/node_modules/**"],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["{harness,attacks,reports,scenarios,scripts}/**/*.int.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["{harness,attacks,reports,scenarios,scripts}/**/*.e2e.test.ts"],
          testTimeout: 1_800_000,
          hookTimeout: 3_600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
