/**
 * Runs benchmark. In Chromium: the runs drawer with a 1,000-run history (time from opening the
 * drawer to the rows drawn) and the timeline of a 500-action run (time from choosing the run to
 * every bar drawn). Against the sandbox through the real SDK: API calls per minute of the poller
 * while watching an idle pipeline and a pipeline with a run in progress, over ten simulated minutes
 * (the poller's clock is stepped; the sandbox answers for real). Printed with targets, never asserted.
 */
import { join } from "node:path";
import react from "@vitejs/plugin-react";
import { build } from "vite";
import { Gateway, type Connection } from "../../main/aws";
import { RunPoller, type PollerClock } from "../../main/aws/run-poller";
import { RunsService } from "../../main/aws/runs-service";
import { PROJECT_ROOT } from "../../main/host/renderer-build";
import { startSandbox } from "../../main/sandbox";
import type { ApiActionExecutionDetail, ApiPipelineExecutionSummary } from "../../shared/execution";
import type { RunDetail } from "../../shared/ipc";
import { launchChromium } from "../e2e/support/chromium";
import { threeStagePipeline } from "../main/sandbox/fixtures";
import { serveBenchPage } from "./bench-page-server";
import { generatePipeline } from "./generate";

const RUNS = 1000;
const ACTIONS = 500;
const TARGET_RENDER_MS = 300;
const TARGET_IDLE_PER_MINUTE = 2;
const PAGE_OUT = join(PROJECT_ROOT, "out", "bench", "runs-page");
const NEXT_FRAME = "new Promise((resolve) => requestAnimationFrame(() => resolve(null)))";

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

async function measureRender(): Promise<{
  historyMs: number;
  rowsDrawn: number;
  timelineMs: number;
  bars: number;
}> {
  await build({
    root: join(PROJECT_ROOT, "test", "bench", "runs-page"),
    base: "./",
    logLevel: "warn",
    plugins: [react()],
    build: { outDir: PAGE_OUT, emptyOutDir: true, target: "es2022" },
  });
  const detail = bigRun();
  const runs = history();
  runs[0] = { ...runs[0], ...detail.summary };
  const { server, url } = await serveBenchPage(
    PAGE_OUT,
    JSON.stringify({ page: { summaries: runs, nextToken: null }, detail }),
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    await page.goto(url);
    await page.getByRole("button", { name: "Runs" }).waitFor();
    let started = performance.now();
    await page.getByRole("button", { name: "Runs" }).click();
    await page.getByText(`${RUNS} runs`).waitFor();
    await page.evaluate(NEXT_FRAME);
    const historyMs = performance.now() - started;
    const rowsDrawn = await page.locator(".run-row").count();
    started = performance.now();
    await page.getByRole("button", { name: `Open run ${detail.summary?.pipelineExecutionId ?? ""}` }).click();
    await page.getByRole("grid", { name: /^Timeline of run / }).waitFor();
    await page.evaluate(NEXT_FRAME);
    const timelineMs = performance.now() - started;
    const bars = await page.getByTestId("timeline-bar").count();
    return { historyMs, rowsDrawn, timelineMs, bars };
  } finally {
    await browser.close();
    server.close();
  }
}

/** A poller clock that jumps from timer to timer. */
class SteppedClock implements PollerClock {
  private current = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  private id = 0;
  now = () => this.current;
  setTimeout = (fn: () => void, ms: number): unknown => {
    this.timers.set(++this.id, { at: this.current + ms, fn });
    return this.id;
  };
  clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };
  step(): boolean {
    const next = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
    if (!next) return false;
    this.timers.delete(next[0]);
    this.current = next[1].at;
    next[1].fn();
    return true;
  }
}

async function callsPerMinute(runs: RunsService, connection: Connection, name: string, minutes: number) {
  const clock = new SteppedClock();
  const poller = new RunPoller(
    {
      getState: () => runs.getState(connection, name),
      listRecent: () => runs.listRuns(connection, name, { pageSize: 20 }),
    },
    { clock, onUpdate: () => {} },
  );
  poller.start();
  const perMinute: number[] = [];
  let before = 0;
  for (let minute = 1; minute <= minutes; minute++) {
    while (clock.now() < minute * 60_000) {
      if (!clock.step()) break;
      await new Promise((resolve) => setTimeout(resolve, 0));
      await poller.settled();
    }
    perMinute.push(poller.calls - before);
    before = poller.calls;
  }
  poller.stop();
  return perMinute;
}

async function measurePolling(): Promise<{ idle: number[]; running: number[] }> {
  const sandbox = await startSandbox({ speed: 1, log: () => {} });
  const gateway = new Gateway({ maxAttempts: 1 });
  try {
    const connection: Connection = { kind: "sandbox", endpoint: sandbox.endpoint };
    const runs = new RunsService(gateway);
    sandbox.scenario.addRule({ pipeline: "busy", action: "Compile", durationSeconds: 86_400 });
    for (const name of ["idle", "busy"])
      await gateway.createPipeline(connection, threeStagePipeline({ name }), []);
    const first = await runs.listRuns(connection, "idle");
    const id = first.ok ? first.value.summaries[0]?.pipelineExecutionId : undefined;
    if (id) await runs.stopRun(connection, "idle", id, true, "bench: idle pipeline");
    return {
      idle: await callsPerMinute(runs, connection, "idle", 10),
      running: await callsPerMinute(runs, connection, "busy", 10),
    };
  } finally {
    gateway.dispose();
    await sandbox.close();
  }
}

export async function runRunsBench(): Promise<void> {
  const render = await measureRender();
  console.log(`runs: the app's runs drawer in Chromium`);
  console.log(
    `  history of ${RUNS} runs   ${render.historyMs.toFixed(0)} ms to draw (target < ${TARGET_RENDER_MS} ms; ${render.rowsDrawn} rows in the DOM, the rest drawn as they scroll into view)`,
  );
  console.log(
    `  timeline of ${ACTIONS} actions ${render.timelineMs.toFixed(0)} ms to draw ${render.bars} bars (target < ${TARGET_RENDER_MS} ms)`,
  );
  const polling = await measurePolling();
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`  API calls per minute over 10 simulated minutes (poller against the sandbox):`);
  console.log(
    `    idle pipeline     ${polling.idle.join(" ")} | mean ${avg(polling.idle).toFixed(1)}, last 5 min ${avg(polling.idle.slice(5)).toFixed(1)} (target <= ${TARGET_IDLE_PER_MINUTE})`,
  );
  console.log(
    `    running pipeline  ${polling.running.join(" ")} | mean ${avg(polling.running).toFixed(1)} (3 s polls while a run is in progress)`,
  );
}
