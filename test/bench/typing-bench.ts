/**
 * Typing benchmark in Chromium: how long a keystroke in an inspector text field takes to reach the
 * screen on large pipelines (the 500-action file and the 50-stage x 50-action stress file). Each
 * key is timed from its keydown event (the event's own time stamp, so time it waited in the queue
 * counts) to the end of the first frame painted after it, one keystroke at a time the way a person
 * types. Printed as p50 / p95 / max; never asserted.
 *
 * `npm run bench typing -- --profile` also records a CPU profile of the stress file's keystrokes and
 * prints the functions with the most self and total time (the renderer bundle is minified, so names
 * are short; build it with `--minify false` to read them). To compare with another version, build
 * its renderer into a folder and name it in TYPING_BENCH_RENDERER: the pages then load that build
 * (same host, same documents).
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { PipelineDeclaration } from "../../shared/pipeline/model";
import { ensureRendererBuilt } from "../../main/host/renderer-build";
import { launchChromium } from "../e2e/support/chromium";
import { startWebHost } from "../e2e/support/web-host";
import { generatePipeline } from "./generate";
import { printHotFunctions, startProfile, type CpuProfile } from "./cpu-profile";
import { atMost, record } from "./report";

const KEYSTROKES = 40;
const WARM_UP = 5;
const TARGET_P95_MS = 32;

interface Field {
  /** What the report calls it. */
  label: string;
  /** The action node to select on the canvas. */
  action: string;
  /** The inspector text box to type in. */
  textbox: string;
  /** Type with the JSON view open (it shows every edit) instead of the problems list. */
  json?: boolean;
}

// The action name goes last: typing in it renames the action the others select.
const FIELDS: readonly Field[] = [
  { label: "configuration ProjectName", action: "Build-1-2 (CodeBuild)", textbox: "ProjectName" },
  {
    label: "ProjectName, JSON view open",
    action: "Build-1-2 (CodeBuild)",
    textbox: "ProjectName",
    json: true,
  },
  { label: "action name", action: "Build-1-2 (CodeBuild)", textbox: "Action name" },
];

// Page scripts are strings: tsx names inner functions with a helper the page does not have.
// The latency ends in a message posted from the frame's animation callback: that task runs once
// the frame holding the keystroke's work has been rendered.
const INSTALL = `(() => {
  window.keyLatencies = [];
  document.addEventListener("keydown", (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.keyLatencies.push(performance.now() - start);
      channel.port2.postMessage(null);
    });
  }, true);
})()`;
const waitForSamples = (n: number) => `new Promise((resolve) => {
  const check = () => (window.keyLatencies.length >= ${n} ? resolve(window.keyLatencies.slice()) : setTimeout(check, 5));
  check();
})`;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Types `count` characters into the focused field, one at a time, each waited for until painted. */
async function typeTimed(page: Page, count: number, offset: number): Promise<number[]> {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  let samples: number[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(letters[i % letters.length]!);
    samples = await page.evaluate<number[]>(waitForSamples(offset + i + 1));
  }
  return samples.slice(offset);
}

interface Measured {
  field: string;
  latencies: number[];
  profile?: CpuProfile;
}

/** Serves the renderer's files from `dir` instead of the host's build; the API still goes to the host. */
async function loadRendererFrom(page: Page, dir: string): Promise<void> {
  await page.route(
    (url) => url.pathname === "/" || url.pathname === "/index.html" || url.pathname.startsWith("/assets/"),
    async (route) => {
      const { pathname } = new URL(route.request().url());
      const name = pathname === "/" ? "index.html" : pathname.slice(1);
      // The host's own response carries the headers (CSP among them) the page must run under.
      const original = await route.fetch({ url: new URL("/", route.request().url()).href });
      const type = name.endsWith(".js")
        ? "text/javascript"
        : name.endsWith(".css")
          ? "text/css"
          : "text/html";
      await route.fulfill({
        status: 200,
        headers: { ...original.headers(), "content-type": type },
        body: await readFile(join(dir, name)),
      });
    },
  );
}

async function measureFile(
  browser: Browser,
  pipeline: PipelineDeclaration,
  profile: boolean,
): Promise<Measured[]> {
  const host = await startWebHost();
  try {
    const file = join(host.workDir, "typing.pipeline.json");
    await writeFile(file, `${JSON.stringify({ pipeline }, null, 2)}\n`);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const other = process.env["TYPING_BENCH_RENDERER"];
    if (other !== undefined && other !== "") await loadRendererFrom(page, other);
    await page.goto(host.url);
    await page.locator('.app[data-ready="true"]').waitFor();
    await page.getByRole("button", { name: "Open", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Open a pipeline file" });
    await dialog.getByLabel("File path").fill(file);
    await dialog.getByRole("button", { name: "Open file" }).click();
    await page.locator(".action-node").first().waitFor();
    await page.evaluate(INSTALL);
    const results: Measured[] = [];
    let typed = 0;
    for (const field of FIELDS) {
      if (field.json === true) {
        await page.getByRole("tab", { name: "JSON" }).click();
        await page.getByRole("textbox", { name: "Pipeline JSON" }).waitFor();
      } else {
        await page.getByRole("tab", { name: /^Problems/ }).click();
      }
      await page.getByRole("button", { name: field.action }).click();
      const box = page.getByRole("complementary", { name: "Inspector" }).getByRole("textbox", {
        name: field.textbox,
        exact: true,
      });
      await box.click();
      await page.keyboard.press("End");
      // The keys above count too; only the field's own letters are kept.
      typed = (await page.evaluate<number[]>("window.keyLatencies.slice()")).length;
      await typeTimed(page, WARM_UP, typed);
      typed += WARM_UP;
      const session = profile ? await startProfile(page) : undefined;
      const latencies = await typeTimed(page, KEYSTROKES, typed);
      typed += KEYSTROKES;
      const recorded = await session?.stop();
      results.push({ field: field.label, latencies, ...(recorded ? { profile: recorded } : {}) });
    }
    await page.close();
    return results;
  } finally {
    await host.stop();
  }
}

/** Runs the typing bench and prints its numbers beside the target. */
export async function runTypingBench(): Promise<void> {
  const profile = process.argv.includes("--profile");
  await ensureRendererBuilt();
  const browser = await launchChromium();
  try {
    // The target is for 50 stages of 10 actions; 50 x 50 is the stress case, printed for reference.
    const files: { name: string; pipeline: PipelineDeclaration; target: boolean }[] = [
      { name: "50 stages x 10 actions", pipeline: generatePipeline(500, 50), target: true },
      { name: "50 stages x 50 actions", pipeline: generatePipeline(2500, 50), target: false },
    ];
    const other = process.env["TYPING_BENCH_RENDERER"];
    console.log(
      `\n# Typing in the inspector: keydown to painted frame, ${KEYSTROKES} keys each (target p95 < ${TARGET_P95_MS} ms)` +
        (other !== undefined && other !== "" ? `\nrenderer build from ${other}` : ""),
    );
    for (const { name, pipeline, target } of files) {
      const measured = await measureFile(browser, pipeline, profile && name.includes("50 stages"));
      for (const m of measured) {
        const p50 = percentile(m.latencies, 50);
        const p95 = percentile(m.latencies, 95);
        console.log(
          `${name.padEnd(24)}${m.field.padEnd(30)}p50 ${p50.toFixed(1)} ms\tp95 ${p95.toFixed(1)} ms\tmax ${Math.max(...m.latencies).toFixed(1)} ms`,
        );
        if (m.profile !== undefined) printHotFunctions(m.profile, 15);
        record({
          name: `typing, ${name}: ${m.field}, keystroke to paint p95`,
          value: p95,
          unit: "ms",
          ...(target ? { target: `< ${TARGET_P95_MS} ms`, met: atMost(p95, TARGET_P95_MS - 1e-9) } : {}),
          method: `${KEYSTROKES} keys one at a time after ${WARM_UP} warm-up keys: each keydown's timeStamp to the end of the next painted frame (performance.now() in the page)`,
        });
      }
    }
  } finally {
    await browser.close();
  }
}
