import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL("./renderer", import.meta.url));
const outDir = fileURLToPath(new URL("./out/renderer", import.meta.url));

/** Text files worth compressing; smaller ones cost more in headers than they save. */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json)$/;
const MIN_COMPRESS_BYTES = 1024;

/**
 * Writes `file.br` and `file.gz` beside every compressible output file, at the highest levels:
 * compressed once here, web mode sends them as they are (main/host/static-files.ts).
 */
function precompress(): Plugin {
  return {
    name: "pipewright-precompress",
    apply: "build",
    writeBundle(_options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(name)) continue;
        const path = join(outDir, name);
        const body = readFileSync(path);
        if (body.length < MIN_COMPRESS_BYTES) continue;
        mkdirSync(join(path, ".."), { recursive: true });
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        );
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

/** Which vendor chunk a module goes in: libraries change rarely, so their chunks stay cached. */
const VENDOR_CHUNKS = [
  { name: "react", test: /node_modules[\\/](?:react|react-dom|scheduler)[\\/]/ },
  { name: "flow", test: /node_modules[\\/](?:@xyflow|d3-[a-z-]+|classcat)[\\/]/ },
  { name: "zod", test: /node_modules[\\/]zod[\\/]/ },
];

/**
 * The renderer build, shared by web mode (served by main/host) and the desktop app (served from the
 * app:// protocol). Relative asset URLs make the same output work under both origins.
 */
export default defineConfig({
  root,
  base: "./",
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2022",
    // The polyfill would be an inline script, which the CSP forbids; every target browser has modulepreload.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    // The JSON view's editor (CodeMirror) is its own chunk, loaded when the view is first opened.
    rolldownOptions: { output: { codeSplitting: { groups: VENDOR_CHUNKS } } },
  },
});
