import { defineConfig } from "vitest/config";

// Two projects: fast pure unit tests next to the code, and integration tests in test/ that run the real
// service against a fresh database (SQLite by default; TEST_DATABASE=postgres for PostgreSQL).
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["src/**/*.test.ts"], environment: "node" } },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts", "test/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
        },
      },
    ],
  },
});
