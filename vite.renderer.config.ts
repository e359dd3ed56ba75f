import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL("./renderer", import.meta.url));

/**
 * The renderer build, shared by web mode (served by main/host) and the desktop app (served from the
 * app:// protocol). Relative asset URLs make the same output work under both origins.
 */
export default defineConfig({
  root,
  base: "./",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./out/renderer", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    // The polyfill would be an inline script, which the CSP forbids; every target browser has modulepreload.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
