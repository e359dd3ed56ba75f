import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Renderer tests end in .mts (see test/renderer/tsconfig.json) and pick jsdom per file.
    include: ["test/**/*.test.ts", "test/**/*.test.tsx", "test/renderer/**/*.test.mts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    testTimeout: 20_000,
  },
});
