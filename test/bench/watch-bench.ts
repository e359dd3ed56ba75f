/**
 * Watch benchmark: what watching a pipeline costs in API calls, end to end, the way the app does it.
 * The renderer's store (runs panel open, a run's timeline selected) talks to the main-side handlers
 * (the handler table, its schemas, the runs watch and its one poller per pipeline), which reach the
 * embedded sandbox through the real SDK. Every request the sandbox receives from the app is counted
 * (node:diagnostics_channel on the HTTP server), so the renderer's own reads count too.
 *
 * Time is one ManualClock shared by the sandbox's engine and the pollers, stepped in small steps, so
 * ten simulated minutes take seconds. Latencies are the simulated time from a release until the store
 * shows the new run, in steps of 100 ms (the requests themselves take a few wall milliseconds more).
 * Printed with the targets; never asserted.
 */
import { execFile } from "node:child_process";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMBEDDED_SANDBOX_SPEED } from "../../main/app/embedded-sandbox";
import type { PollerClock } from "../../main/aws/run-poller";
import { createHandlers } from "../../main/ipc/handlers";
import { dispatch } from "../../main/ipc/dispatch";
import { closeServices, createServices, type AppServices } from "../../main/ipc/services";
import { ManualClock } from "../../main/sandbox";
import type { TimerHandle } from "../../main/sandbox/clock";
import type { ApiClient } from "../../renderer/api/client";
import { createAppStore, type AppStore } from "../../renderer/store";
import type { EventName, EventPayloads } from "../../shared/ipc";
import type { PipelineDeclaration } from "../../shared/pipeline/model";
import { threeStagePipeline } from "../main/sandbox/fixtures";
import { atMost, record } from "./report";

/** Wall (poller) milliseconds per step; the sandbox moves SPEED times as far. */
const STEP_MS = 100;
const SPEED = EMBEDDED_SANDBOX_SPEED;
const MINUTES = 10;
const TARGET_IDLE = 2;
const TARGET_ACTIVE = 30;
const TARGET_LATENCY_MS = 2000;
/** Requests from another program (the AWS CLI) are not the app's cost. */
const EXTERNAL_AGENT = /aws-cli/;

/** Counts the app's requests to the sandbox, by operation and by simulated minute. */
class RequestCounter {
  total = 0;
  inflight = 0;
  readonly byOperation = new Map<string, number>();
  constructor() {
    subscribe("http.server.request.start", (message) => {
      const request = (message as { request: IncomingMessage }).request;
      const target = request.headers["x-amz-target"];
      if (typeof target !== "string" || EXTERNAL_AGENT.test(request.headers["user-agent"] ?? "")) return;
      const operation = target.split(".").pop() ?? target;
      this.total++;
      this.inflight++;
      this.byOperation.set(operation, (this.byOperation.get(operation) ?? 0) + 1);
      (message as { response: { once(e: string, f: () => void): void } }).response.once("finish", () => {
        this.inflight--;
      });
    });
  }
  reset(): void {
    this.total = 0;
    this.byOperation.clear();
  }
}

const counter = new RequestCounter();

/**
 * The poller's timers on the sandbox's ManualClock, which runs EMBEDDED_SANDBOX_SPEED times faster,
 * as the app's embedded sandbox does against the wall clock the pollers use.
 */
function pollerClock(clock: ManualClock): PollerClock {
  const origin = clock.now();
  return {
    now: () => origin + (clock.now() - origin) / SPEED,
    setTimeout: (fn, ms) => clock.schedule(clock.now() + ms * SPEED, fn),
    clearTimeout: (handle) => clock.cancel(handle as TimerHandle),
  };
}

/** The renderer's api over the real handler table, events as JSON as a transport would carry them. */
function inProcessApi(services: AppServices, listeners: Map<string, Set<(p: unknown) => void>>): ApiClient {
  const handlers = createHandlers(services);
  return new Proxy({} as ApiClient, {
    get(_, group: string) {
      if (group === "events")
        return {
          on: (name: string, listener: (p: unknown) => void) => {
            const set = listeners.get(name) ?? new Set();
            set.add(listener);
            listeners.set(name, set);
            return () => set.delete(listener);
          },
        };
      return new Proxy(
        {},
        {
          get: (__, method: string) => (payload: unknown) =>
            dispatch(handlers, `${group}.${method}`, payload ?? {}),
        },
      );
    },
  });
}

interface App {
  clock: ManualClock;
  services: AppServices;
  store: AppStore;
  endpoint: string;
  close(): Promise<void>;
}

async function startApp(): Promise<App> {
  const dataDir = await mkdtemp(join(tmpdir(), "pipewright-watch-bench-"));
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const emit = <E extends EventName>(name: E, payload: EventPayloads[E]) => {
    const copy = JSON.parse(JSON.stringify(payload)) as unknown;
    for (const listener of listeners.get(name) ?? []) listener(copy);
  };
  const services = createServices({
    dataDir,
    info: {
      name: "Pipewright",
      version: "bench",
      mode: "web",
      platform: process.platform,
      nativeDialogs: false,
    },
    dialogs: undefined,
    openLink: async () => undefined,
    emit,
    clock: { sandbox: clock, poller: pollerClock(clock) },
  });
  const sandbox = await services.sandbox.start();
  const store = createAppStore({ api: inProcessApi(services, listeners), confirm: () => true });
  return {
    clock,
    services,
    store,
    endpoint: sandbox.endpoint,
    close: async () => {
      await closeServices(services);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Lets the requests and reactions a step started finish before time moves on. */
async function settle(): Promise<void> {
  let quiet = 0;
  while (quiet < 3) {
    await new Promise((resolve) => setImmediate(resolve));
    if (counter.inflight > 0) {
      quiet = 0;
      await new Promise((resolve) => setTimeout(resolve, 1));
    } else quiet++;
  }
}

/** Moves wall (poller) time on by `ms`, or until `until` holds; resolves to the time moved. */
async function advance(app: App, ms: number, until?: () => boolean): Promise<number> {
  let moved = 0;
  while (moved < ms) {
    app.clock.advance(STEP_MS * SPEED);
    moved += STEP_MS;
    await settle();
    if (until?.()) break;
  }
  return moved;
}

/** Calls the app makes in each simulated minute. */
async function callsPerMinute(app: App, minutes: number): Promise<number[]> {
  const perMinute: number[] = [];
  for (let m = 0; m < minutes; m++) {
    const before = counter.total;
    await advance(app, 60_000);
    perMinute.push(counter.total - before);
  }
  return perMinute;
}

/** Where the app looks: the embedded sandbox (which tells of changes), or an AWS connection. */
type Kind = "sandbox" | "aws";

/**
 * Opens `pipeline` in the app on a connection of `kind` and creates it there. An AWS connection
 * reaches the same sandbox through AWS_ENDPOINT_URL_CODEPIPELINE (set by runWatchBench), so it
 * polls exactly as against AWS: nothing tells it of changes.
 */
async function openPipeline(app: App, pipeline: PipelineDeclaration, kind: Kind): Promise<void> {
  const choice =
    kind === "aws" ? { kind: "aws" as const, region: "us-east-1" } : { kind: "sandbox" as const };
  app.store.setState({ connection: choice });
  app.store.getState().documentLoaded({
    path: null,
    document: { shape: "bare", root: pipeline, pipeline } as never,
    version: null,
    diagnostics: [],
    dirty: false,
  });
  const connection = kind === "aws" ? choice : { kind: "sandbox" as const, endpoint: app.endpoint };
  const created = await app.services.aws.gateway.createPipeline(connection, pipeline, []);
  if (!created.ok) throw new Error(created.error.message);
}

/** Opens the runs panel and the timeline of the newest run. */
async function openTimeline(app: App): Promise<void> {
  app.store.getState().runsToggled(true);
  await settle();
  await advance(app, 1000, () => app.store.getState().runsHistory.summaries.length > 0);
  const newest = app.store.getState().runsHistory.summaries[0]?.pipelineExecutionId;
  if (newest === undefined) throw new Error("no run to open");
  await app.store.getState().runSelected(newest);
  await settle();
}

const shows = (app: App, id: string) => () =>
  (app.store.getState().runsLive?.state?.stageStates ?? []).some(
    (s) => s.latestExecution?.pipelineExecutionId === id,
  );

function aws(args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      "aws",
      args,
      { env: { ...process.env, AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "x" } },
      (e, out) => (e ? reject(e) : resolve(out)),
    ),
  );
}

async function measureLatencies(app: App, name: string): Promise<Record<string, number>> {
  const latency: Record<string, number> = {};
  const time = async (label: string, start: () => Promise<string>) => {
    // Long idle first, so the poller is at its slowest.
    await advance(app, 5 * 60_000);
    const id = await start();
    await settle();
    const simulated = shows(app, id)() ? 0 : await advance(app, 120_000, shows(app, id));
    latency[label] = shows(app, id)() ? simulated : Infinity;
    // Let the run finish before the next release.
    await advance(app, 10 * 60_000);
  };
  await time("deploy dialog: Release change", async () => {
    const version = app.store.getState().doc?.document.pipeline.version ?? 1;
    app.store.setState({
      deploy: { phase: "done", outcome: { action: "update", name, version }, run: null },
    });
    await app.store.getState().releaseChangeRequested();
    const deploy = app.store.getState().deploy;
    if (deploy?.phase !== "done" || deploy.run === null || !("id" in deploy.run)) throw new Error("no run");
    return deploy.run.id;
  });
  await time("runs panel: Release change", async () => {
    await app.store.getState().runControlRequested({ kind: "start" });
    const id = app.store.getState().runsControl.result?.pipelineExecutionId;
    if (!id) throw new Error("no run");
    return id;
  });
  await time("AWS CLI against the app's sandbox", async () => {
    const out = await aws([
      "codepipeline",
      "start-pipeline-execution",
      "--name",
      name,
      "--endpoint-url",
      app.endpoint,
      "--region",
      "us-east-1",
      "--output",
      "json",
    ]);
    return (JSON.parse(out) as { pipelineExecutionId: string }).pipelineExecutionId;
  });
  return latency;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** The scenarios on one kind of connection. */
async function scenarios(app: App, kind: Kind): Promise<void> {
  const label = kind === "aws" ? "AWS connection (polls only)" : "embedded sandbox (tells of changes)";
  const method = `requests the sandbox received from the app (renderer store + main handlers + poller) per wall minute; ${label}`;
  console.log(`  ${label}:`);
  const figure = (name: string, value: number, unit: string, limit: number, how = method) =>
    record({
      name: `${name} (${kind})`,
      value,
      unit,
      target: `<= ${limit} ${unit}`,
      met: atMost(value, limit),
      method: how,
    });

  // Idle: a pipeline whose only run finished long ago.
  await openPipeline(app, threeStagePipeline({ name: `idle-${kind}` }), kind);
  await advance(app, 10 * 60_000);
  await openTimeline(app);
  const idleCalls = await callsPerMinute(app, MINUTES);
  print("idle pipeline", idleCalls, TARGET_IDLE);
  figure(
    "watching an idle pipeline, calls in the busiest minute",
    Math.max(...idleCalls),
    "calls/min",
    TARGET_IDLE,
  );
  await app.store.getState().runsUnwatched();

  // Busy: every minute a release from the runs panel, its timeline opened; five actions in three
  // stages, 42 wall seconds at the embedded sandbox's speed.
  const sandbox = await app.services.sandbox.start();
  const busy = `busy-${kind}`;
  for (const [action, durationSeconds] of [
    ["Checkout", 30],
    ["Compile", 120],
    ["Lint", 60],
    ["Package", 90],
    ["Publish", 120],
  ] as const)
    sandbox.scenario.addRule({ pipeline: busy, action, durationSeconds });
  await openPipeline(app, threeStagePipeline({ name: busy, groups: true }), kind);
  await advance(app, 10 * 60_000);
  await openTimeline(app);
  counter.reset();
  const busyCalls: number[] = [];
  let shownDone = 0;
  for (let m = 0; m < MINUTES; m++) {
    const before = counter.total;
    await app.store.getState().runControlRequested({ kind: "start" });
    const runId = app.store.getState().runsControl.result?.pipelineExecutionId ?? "";
    await app.store.getState().runSelected(runId);
    await advance(app, 60_000);
    busyCalls.push(counter.total - before);
    const shown = app.store.getState().runsSelected?.detail?.actionExecutions ?? [];
    if (shown.filter((a) => a.status === "Succeeded").length === 5) shownDone++;
  }
  print("a new 42 s run each minute", busyCalls, TARGET_ACTIVE);
  console.log(`      by operation: ${[...counter.byOperation].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(
    `      the timeline showed all 5 actions Succeeded by the end of ${shownDone} of ${MINUTES} minutes`,
  );
  figure(
    "watching a busy pipeline (timeline open), calls in the busiest minute",
    Math.max(...busyCalls),
    "calls/min",
    TARGET_ACTIVE,
  );
  await app.store.getState().runsUnwatched();

  // Active but unchanging: a run waiting for a manual approval.
  await openPipeline(app, threeStagePipeline({ name: `gate-${kind}`, approval: {} }), kind);
  await openTimeline(app);
  const waitingCalls = await callsPerMinute(app, MINUTES);
  print("a run waiting for approval", waitingCalls, TARGET_ACTIVE);
  figure(
    "watching a run waiting for approval, calls in the busiest minute",
    Math.max(...waitingCalls),
    "calls/min",
    TARGET_ACTIVE,
    `${method}; mean ${mean(waitingCalls).toFixed(1)} over ${MINUTES} minutes`,
  );
  await app.store.getState().runsUnwatched();

  // Latency: a release from each place, with the poller at its slowest.
  const name = `release-${kind}`;
  await openPipeline(app, threeStagePipeline({ name }), kind);
  await advance(app, 10 * 60_000);
  await openTimeline(app);
  const latencies = await measureLatencies(app, name);
  console.log(`    release -> live status in the app (target < ${TARGET_LATENCY_MS} ms):`);
  for (const [where, ms] of Object.entries(latencies)) {
    console.log(
      `      ${where.padEnd(36)} ${Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : "not within 120 s"}`,
    );
    figure(
      `release to live status: ${where}`,
      ms,
      "ms",
      TARGET_LATENCY_MS,
      `wall (poller) time from the release until the store shows the run, in ${STEP_MS} ms steps; ${label}`,
    );
  }
  await app.store.getState().runsUnwatched();
}

/** Runs the watch bench and prints its figures. */
export async function runWatchBench(): Promise<void> {
  console.log(
    `\n# Watch: API calls per minute the app makes, end to end (runs panel open, a run's timeline selected; ${MINUTES} minutes each)`,
  );
  const app = await startApp();
  const saved = { ...process.env };
  // The AWS connection's SDK client finds the sandbox here, with dummy credentials.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_CODEPIPELINE: app.endpoint,
    AWS_ACCESS_KEY_ID: "bench",
    AWS_SECRET_ACCESS_KEY: "bench",
  });
  try {
    await scenarios(app, "sandbox");
    await scenarios(app, "aws");
  } finally {
    for (const key of ["AWS_ENDPOINT_URL_CODEPIPELINE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"])
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    await app.close();
  }
}

function print(label: string, perMinute: number[], target: number): void {
  console.log(
    `    ${label.padEnd(28)} ${perMinute.join(" ")} | mean ${mean(perMinute).toFixed(1)}, max ${Math.max(...perMinute)} (target <= ${target})`,
  );
}
