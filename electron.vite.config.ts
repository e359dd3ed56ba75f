import { defineConfig } from "electron-vite";

/**
 * The desktop build of main and the preload. The renderer is built by vite.renderer.config.ts (the
 * same output web mode serves), so it is not configured here.
 * - main: an ES module (package.json has "type": "module"); its npm dependencies stay external and
 *   ship in the asar.
 * - preload: sandboxed preloads cannot require npm packages, so everything (the contract and zod)
 *   is bundled into one CommonJS file.
 */
export default defineConfig({
  main: {
    build: {
      outDir: "out/main",
      lib: { entry: "main/app/index.ts", formats: ["es"] },
    },
  },
  preload: {
    build: {
      outDir: "out/preload",
      externalizeDeps: false,
      lib: { entry: "main/preload.ts", formats: ["cjs"] },
      rollupOptions: { external: ["electron"] },
    },
  },
});
