import { defineConfig } from "vitest/config";

/**
 * End-to-end tests: web mode driven by Debian's Chromium. Separate from the unit config because
 * they start real processes and a browser; `npm run test:e2e` runs them (web mode builds the
 * renderer first if it is stale).
 */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
