/**
 * Shell benchmark: how big the renderer's initial load is (raw, gzip, and the brotli copies web mode
 * sends), its largest chunk (vite warns above 500 kB), what Chromium actually transfers on a first
 * and a second load (hashed assets are cached for good, index.html is revalidated), and how long
 * `npm run web` takes until the app is interactive. Printed with their targets; never asserted.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { readdir } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { ensureRendererBuilt, PROJECT_ROOT, RENDERER_OUT_DIR } from "../../main/host/renderer-build";
import { launchChromium } from "../e2e/support/chromium";
import { atMost, record } from "./report";

const RUNS = 5;
const TARGET_INTERACTIVE_MS = 1500;
const TARGET_BUNDLE_KB = 300;
const CHUNK_WARNING_KB = 500;

/** The files index.html loads at start (scripts, stylesheets, preloads), with raw, gzip and brotli sizes. */
async function initialBundle(): Promise<{ file: string; raw: number; gzip: number; br: number | null }[]> {
  const html = await readFile(join(RENDERER_OUT_DIR, "index.html"), "utf8");
  const refs = [...html.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return Promise.all(
    refs.map(async (file) => {
      const bytes = await readFile(join(RENDERER_OUT_DIR, file));
      const br = await readFile(join(RENDERER_OUT_DIR, `${file}.br`)).then(
        (b) => b.length,
        () => null,
      );
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, br };
    }),
  );
}

/** The largest JavaScript file of the build, in bytes. */
async function largestChunk(): Promise<{ file: string; raw: number }> {
  const assets = join(RENDERER_OUT_DIR, "assets");
  const files = (await readdir(assets)).filter((f) => f.endsWith(".js"));
  const sizes = await Promise.all(
    files.map(async (f) => ({ file: f, raw: (await readFile(join(assets, f))).length })),
  );
  return sizes.sort((a, b) => b.raw - a.raw)[0] ?? { file: "-", raw: 0 };
}

/** Bytes Chromium transferred for the page's scripts and styles (headers included), per its resource timing. */
const TRANSFERRED = `performance.getEntriesByType("resource")
  .filter((e) => /\\.(js|css)$/.test(new URL(e.name).pathname))
  .reduce((sum, e) => sum + e.transferSize, 0)`;

/** One cold start: spawn `npm run web`, read its URL line, load the page, wait for the ready frame. */
async function timeToInteractive(
  page: Page,
): Promise<{ url: number; ready: number; firstBytes: number; againBytes: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), "pipewright-bench-"));
  const started = performance.now();
  const child = spawn(
    "npm",
    ["run", "--silent", "web", "--", "--port", "0", "--data", dataDir, "--no-open"],
    {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on("line", (line) => {
        const match = /^Pipewright web: (\S+)$/.exec(line);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.once("exit", (code) => reject(new Error(`npm run web exited with ${code}`)));
    });
    const urlAt = performance.now() - started;
    await page.goto(url);
    await page.locator('.app[data-ready="true"]').waitFor();
    const ready = performance.now() - started;
    const firstBytes = await page.evaluate<number>(TRANSFERRED);
    // A second load in the same browser: hashed assets come from the cache, index.html is revalidated.
    await page.reload();
    await page.locator('.app[data-ready="true"]').waitFor();
    const againBytes = await page.evaluate<number>(TRANSFERRED);
    return { url: urlAt, ready, firstBytes, againBytes };
  } finally {
    // npm runs node in a child; end the whole group this benchmark started.
    if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
    await rm(dataDir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Prints the shell's numbers. */
export async function runShellBench(): Promise<void> {
  await ensureRendererBuilt();
  console.log("\n# Shell: renderer bundle (initial load)");
  const files = await initialBundle();
  for (const f of files)
    console.log(
      `  ${f.file.padEnd(40)} ${(f.raw / 1024).toFixed(1).padStart(8)} KB  gzip ${(f.gzip / 1024).toFixed(1).padStart(7)} KB  br ${f.br === null ? "    -" : (f.br / 1024).toFixed(1).padStart(7)} KB`,
    );
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0) / 1024;
  const br = files.reduce((sum, f) => sum + (f.br ?? f.raw), 0) / 1024;
  console.log(
    `  total gzip ${gzip.toFixed(1)} KB (target <= ${TARGET_BUNDLE_KB} KB); brotli as sent ${br.toFixed(1)} KB`,
  );
  record({
    name: "initial load, gzip",
    value: gzip,
    unit: "KB",
    target: `<= ${TARGET_BUNDLE_KB} KB`,
    met: atMost(gzip, TARGET_BUNDLE_KB),
    method: `the scripts, preloads and stylesheets index.html names, each gzipped at level 9 (${files.length} files); brotli copies as web mode sends them: ${br.toFixed(1)} KB`,
  });
  const largest = await largestChunk();
  console.log(
    `  largest chunk ${largest.file} ${(largest.raw / 1024).toFixed(1)} KB (vite warns above ${CHUNK_WARNING_KB} kB)`,
  );
  record({
    name: "largest chunk (no size warning)",
    value: largest.raw / 1000,
    unit: "kB",
    target: `< ${CHUNK_WARNING_KB} kB`,
    met: largest.raw / 1000 < CHUNK_WARNING_KB,
    method: `the largest .js file of out/renderer/assets (${largest.file}), in the kB vite's warning uses`,
  });

  console.log(
    `\n# Shell: npm run web -> interactive in Chromium (${RUNS} cold starts, browser already open)`,
  );
  const browser = await launchChromium();
  try {
    const results: Awaited<ReturnType<typeof timeToInteractive>>[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A context per start, so the first load of each finds an empty cache.
      const context = await browser.newContext();
      const page = await context.newPage();
      results.push(await timeToInteractive(page));
      await context.close();
    }
    const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
    console.log(`  URL line printed: median ${fmt(median(results.map((r) => r.url)))}`);
    const ready = results.map((r) => r.ready);
    console.log(
      `  interactive:      median ${fmt(median(ready))}, min ${fmt(Math.min(...ready))}, max ${fmt(Math.max(...ready))} (target < ${TARGET_INTERACTIVE_MS} ms)`,
    );
    const first = median(results.map((r) => r.firstBytes)) / 1024;
    const again = median(results.map((r) => r.againBytes)) / 1024;
    console.log(
      `  transferred for scripts and styles: first load ${first.toFixed(1)} KB, reload ${again.toFixed(1)} KB`,
    );
    record({
      name: "npm run web to interactive",
      value: median(ready),
      unit: "ms",
      target: `< ${TARGET_INTERACTIVE_MS} ms`,
      met: atMost(median(ready), TARGET_INTERACTIVE_MS),
      method: `spawn \`npm run web\` to the app's ready frame in an open Chromium, median of ${RUNS} cold starts`,
    });
    record({
      name: "scripts and styles transferred, first load / reload",
      value: first,
      unit: `KB / ${again.toFixed(1)} KB`,
      target: "compressed; nothing on reload",
      met: first <= TARGET_BUNDLE_KB && again < 1,
      method: `sum of resource timing transferSize of .js and .css in Chromium, median of ${RUNS} starts, each in a fresh browser context, then reloaded`,
    });
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === import.meta.filename) await runShellBench();
