// Entry of the Electron main process (bundled to out/main/index.js by electron-vite).
import { join } from "node:path";
import { runDesktopApp } from "./desktop-app";

runDesktopApp({
  rendererDir: join(import.meta.dirname, "..", "renderer"),
  preload: join(import.meta.dirname, "..", "preload", "preload.cjs"),
}).catch((error: unknown) => {
  console.error("Pipewright could not start:", error);
  process.exit(1);
});
