/**
 * Runs benchmark, in Chromium: the timeline of a 500-action run in the runs drawer (time from choosing
 * the run to every bar painted). The history's paging is history-bench.ts; what watching costs in
 * API calls is watch-bench.ts. Printed with the target, never asserted.
 */
import { join } from "node:path";
import react from "@vitejs/plugin-react";
import { build } from "vite";
import { PROJECT_ROOT } from "../../main/host/renderer-build";
import type { ApiActionExecutionDetail, ApiPipelineExecutionSummary } from "../../shared/execution";
import type { RunDetail } from "../../shared/ipc";
import { launchChromium } from "../e2e/support/chromium";
import { serveBenchPage } from "./bench-page-server";
import { generatePipeline } from "./generate";
import { atMost, record } from "./report";

const RUNS = 50;
const ACTIONS = 500;
const TARGET_RENDER_MS = 300;
const PAGE_OUT = join(PROJECT_ROOT, "out", "bench", "runs-page");

function history(): ApiPipelineExecutionSummary[] {
  const start = Date.UTC(2026, 0, 1);
  const statuses = ["Succeeded", "Succeeded", "Failed", "Succeeded", "Stopped", "Superseded"];
  return Array.from({ length: RUNS }, (_, i) => ({
    pipelineExecutionId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    status: statuses[i % statuses.length] ?? "Succeeded",
    startTime: new Date(start + (RUNS - i) * 3_600_000).toISOString(),
    lastUpdateTime: new Date(start + (RUNS - i) * 3_600_000 + 600_000 + i * 1000).toISOString(),
    trigger: { triggerType: "StartPipelineExecution", triggerDetail: "arn:aws:iam::1:user/dev" },
    sourceRevisions: [
      { actionName: "Source", revisionId: `${i}`.padStart(40, "a"), revisionSummary: `Change ${i}` },
    ],
    executionMode: "QUEUED",
    executionType: "STANDARD",
  }));
}

function bigRun(): RunDetail {
  const pipeline = generatePipeline(ACTIONS);
  const id = "11111111-1111-4111-8111-111111111111";
  const start = Date.UTC(2026, 2, 1, 9); // newer than every run of the history, so it is first
  let clock = start;
  const details: ApiActionExecutionDetail[] = [];
  for (const stage of pipeline.stages) {
    const groups = new Map<number, typeof stage.actions>();
    for (const a of stage.actions) groups.set(a.runOrder ?? 1, [...(groups.get(a.runOrder ?? 1) ?? []), a]);
    for (const [, actions] of [...groups].sort((a, b) => a[0] - b[0])) {
      let end = clock;
      actions.forEach((a, i) => {
        const s = clock + 1000;
        const e = s + 20_000 + ((i * 7919) % 60_000);
        end = Math.max(end, e);
        details.push({
          pipelineExecutionId: id,
          actionExecutionId: `${stage.name}-${a.name}`,
          stageName: stage.name,
          actionName: a.name,
          startTime: new Date(s).toISOString(),
          lastUpdateTime: new Date(e).toISOString(),
          status: "Succeeded",
          input: { actionTypeId: a.actionTypeId, configuration: { ...(a.configuration ?? {}) } },
        });
      });
      clock = end;
    }
  }
  return {
    execution: { pipelineName: "bench", pipelineExecutionId: id, status: "Succeeded" },
    summary: {
      pipelineExecutionId: id,
      status: "Succeeded",
      startTime: new Date(start).toISOString(),
      lastUpdateTime: new Date(clock).toISOString(),
    },
    actionExecutions: details,
    pipeline,
  };
}

/** Opening a 500-action run's timeline in the runs drawer, in Chromium. */
async function measureTimeline(): Promise<{ timelineMs: number; bars: number }> {
  await build({
    root: join(PROJECT_ROOT, "test", "bench", "runs-page"),
    base: "./",
    logLevel: "warn",
    plugins: [react()],
    // A bench page bundles the app's code in one chunk; its size is not what the shell suite checks.
    build: { outDir: PAGE_OUT, emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 8192 },
  });
  const detail = bigRun();
  const runs = history();
  runs[0] = { ...runs[0], ...detail.summary };
  const { server, url } = await serveBenchPage(PAGE_OUT, "{}", async (channel) =>
    channel === "runs.list"
      ? { ok: true, value: { summaries: runs.slice(0, 50), nextToken: null } }
      : { ok: true, value: detail },
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    await page.goto(url);
    await page.getByRole("button", { name: "Runs" }).click();
    const open = page.getByRole("button", { name: `Open run ${detail.summary?.pipelineExecutionId ?? ""}` });
    await open.waitFor();
    // In the page: from the click to the end of the first frame painted with the timeline's bars.
    const timelineMs = await page.evaluate<number>(`new Promise((resolve) => {
      const start = performance.now();
      const done = () => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(null);
      });
      const observer = new MutationObserver(() => {
        if (document.querySelectorAll('[data-testid="timeline-bar"]').length >= ${ACTIONS}) { observer.disconnect(); done(); }
      });
      observer.observe(document.body, { childList: true, subtree: true });
      document.querySelector('[aria-label="Open run ${detail.summary?.pipelineExecutionId ?? ""}"]').click();
    })`);
    const bars = await page.getByTestId("timeline-bar").count();
    return { timelineMs, bars };
  } finally {
    await browser.close();
    server.close();
  }
}

export async function runRunsBench(): Promise<void> {
  const { timelineMs, bars } = await measureTimeline();
  console.log(`\n# Runs: the app's runs drawer in Chromium`);
  console.log(
    `  timeline of ${ACTIONS} actions ${timelineMs.toFixed(0)} ms to draw ${bars} bars (target < ${TARGET_RENDER_MS} ms)`,
  );
  record({
    name: `timeline of a ${ACTIONS}-action run`,
    value: timelineMs,
    unit: "ms",
    target: `< ${TARGET_RENDER_MS} ms`,
    met: atMost(timelineMs, TARGET_RENDER_MS),
    method:
      "in the page: performance.now() from the click on the run to the end of the first frame painted with every bar (MutationObserver, requestAnimationFrame, posted message); the run's detail from the bench server",
  });
}
