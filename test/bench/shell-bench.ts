/**
 * Shell benchmark: how long `npm run web` takes until the app is interactive in Chromium, and how
 * big the renderer's initial bundle is. Printed with their targets; never asserted.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { ensureRendererBuilt, PROJECT_ROOT, RENDERER_OUT_DIR } from "../../main/host/renderer-build";
import { launchChromium } from "../e2e/support/chromium";

const RUNS = 5;
const TARGET_INTERACTIVE_MS = 1500;
const TARGET_BUNDLE_KB = 600;

/** The files index.html loads at start (scripts, stylesheets, preloads), with raw and gzip sizes. */
async function initialBundle(): Promise<{ file: string; raw: number; gzip: number }[]> {
  const html = await readFile(join(RENDERER_OUT_DIR, "index.html"), "utf8");
  const refs = [...html.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return Promise.all(
    refs.map(async (file) => {
      const bytes = await readFile(join(RENDERER_OUT_DIR, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    }),
  );
}

/** One cold start: spawn `npm run web`, read its URL line, load the page, wait for the ready frame. */
async function timeToInteractive(page: Page): Promise<{ url: number; ready: number }> {
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
    return { url: urlAt, ready: performance.now() - started };
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
  console.log("\n== shell: renderer bundle (initial load)");
  const files = await initialBundle();
  for (const f of files)
    console.log(
      `  ${f.file.padEnd(40)} ${(f.raw / 1024).toFixed(1).padStart(8)} KB  gzip ${(f.gzip / 1024).toFixed(1).padStart(7)} KB`,
    );
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0) / 1024;
  console.log(`  total gzip ${gzip.toFixed(1)} KB (target < ${TARGET_BUNDLE_KB} KB)`);

  console.log(
    `\n== shell: npm run web -> interactive in Chromium (${RUNS} cold starts, browser already open)`,
  );
  const browser = await launchChromium();
  try {
    const results: { url: number; ready: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage();
      results.push(await timeToInteractive(page));
      await page.close();
    }
    const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
    console.log(`  URL line printed: median ${fmt(median(results.map((r) => r.url)))}`);
    const ready = results.map((r) => r.ready);
    console.log(
      `  interactive:      median ${fmt(median(ready))}, min ${fmt(Math.min(...ready))}, max ${fmt(Math.max(...ready))} (target < ${TARGET_INTERACTIVE_MS} ms)`,
    );
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === import.meta.filename) await runShellBench();
