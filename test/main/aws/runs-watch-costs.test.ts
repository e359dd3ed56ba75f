/**
 * What watching costs, against the sandbox through the real SDK with one ManualClock for the sandbox's
 * engine and the poller: the history is read only when runs move between stages, a followed run's
 * executions only when its own stages move, no schedule, refresh or nudge exceeds the call budget,
 * and the app's own releases and the embedded sandbox's changes are seen at once.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Gateway, type Connection } from "../../../main/aws";
import { RunPoller, type PollerClock, type PollUpdate } from "../../../main/aws/run-poller";
import { RunsService } from "../../../main/aws/runs-service";
import { createHandlers } from "../../../main/ipc/handlers";
import { closeServices, createServices, type AppServices } from "../../../main/ipc/services";
import { ManualClock, startSandbox, type Sandbox } from "../../../main/sandbox";
import type { TimerHandle } from "../../../main/sandbox/clock";
import type { RunsUpdate } from "../../../shared/ipc";
import { threeStagePipeline } from "../sandbox/fixtures";

/** The poller's timers on the sandbox's clock, so one `advance` moves both. */
function pollerClock(clock: ManualClock): PollerClock {
  return {
    now: () => clock.now(),
    setTimeout: (fn, ms) => clock.schedule(clock.now() + ms, fn),
    clearTimeout: (handle) => clock.cancel(handle as TimerHandle),
  };
}

/** Moves time on in 100 ms steps, letting each step's requests finish (they are real HTTP calls). */
async function advance(clock: ManualClock, ms: number, settled: () => Promise<void>): Promise<void> {
  for (let moved = 0; moved < ms; moved += 100) {
    clock.advance(100);
    await settled();
  }
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function sandboxSetup() {
  const clock = new ManualClock();
  const sandbox: Sandbox = await startSandbox({ clock, log: () => {} });
  const gateway = new Gateway({ maxAttempts: 1 });
  cleanup = async () => {
    gateway.dispose();
    await sandbox.close();
  };
  const connection: Connection = { kind: "sandbox", endpoint: sandbox.endpoint };
  const runs = new RunsService(gateway);
  const reads: string[] = [];
  const source = {
    getState: () => (reads.push("state"), runs.getState(connection, "p")),
    listRecent: () => (reads.push("list"), runs.listRuns(connection, "p", { pageSize: 20 })),
    progress: (id: string, rules: boolean) => (
      reads.push("progress"),
      runs.getRunProgress(connection, "p", id, rules)
    ),
  };
  return { clock, sandbox, gateway, connection, runs, reads, source };
}

describe("watching costs", () => {
  it("reads the history only when runs move, and a followed run's executions only when it moves", async () => {
    const { clock, sandbox, gateway, connection, runs, reads, source } = await sandboxSetup();
    for (const [action, durationSeconds] of [
      ["Checkout", 10],
      ["Compile", 60],
      ["Lint", 30],
      ["Package", 30],
      ["Publish", 30],
    ] as const)
      sandbox.scenario.addRule({ pipeline: "p", action, durationSeconds });
    must(await gateway.createPipeline(connection, threeStagePipeline({ name: "p", groups: true }), []));
    const id = must(await runs.listRuns(connection, "p")).summaries[0]!.pipelineExecutionId!;
    const updates: PollUpdate[] = [];
    const poller = new RunPoller(source, { clock: pollerClock(clock), onUpdate: (u) => updates.push(u) });
    const settled = () => poller.settled();
    poller.start();
    await advance(clock, 100, settled);
    expect(reads).toEqual(["state", "list"]);
    poller.setFollowed(new Set([id]));

    // Compile and Lint start together; Lint ends at 40 s, Compile at 70 s, then Package.
    reads.length = 0;
    await advance(clock, 5 * 60_000, settled);
    const follows = updates.flatMap((u) => u.followed ?? []);
    expect(follows.length).toBeGreaterThan(2);
    expect(follows.every((p) => p.pipelineExecutionId === id)).toBe(true);
    const lastRead = follows.at(-1)!;
    expect(lastRead.actionExecutions.map((a) => `${a.actionName}:${a.status}`).sort()).toEqual([
      "Checkout:Succeeded",
      "Compile:Succeeded",
      "Lint:Succeeded",
      "Package:Succeeded",
      "Publish:Succeeded",
    ]);
    expect(updates.at(-1)).toMatchObject({ active: false });
    expect(updates.at(-1)!.runs.find((r) => r.pipelineExecutionId === id)?.status).toBe("Succeeded");
    // Moving from stage to stage reads executions, not the history: the list only at the end.
    expect(reads.filter((r) => r === "list")).toHaveLength(1);
    expect(reads.filter((r) => r === "progress").length).toBe(follows.length);

    // Idle now: the state only, once a minute.
    reads.length = 0;
    await advance(clock, 5 * 60_000, settled);
    expect(reads.every((r) => r === "state")).toBe(true);
    expect(reads.length).toBeLessThanOrEqual(6);
    poller.stop();
  });

  it("never exceeds the call budget in any minute, however often it is refreshed or nudged", async () => {
    const { clock, sandbox, gateway, connection, source } = await sandboxSetup();
    sandbox.scenario.addRule({ pipeline: "p", action: "Compile", durationSeconds: 100_000 });
    must(await gateway.createPipeline(connection, threeStagePipeline({ name: "p" }), []));
    const calls: number[] = [];
    const counted = {
      getState: () => (calls.push(clock.now()), source.getState()),
      listRecent: () => (calls.push(clock.now()), source.listRecent()),
    };
    const poller = new RunPoller(counted, {
      clock: pollerClock(clock),
      onUpdate: () => {},
      timing: { callsPerMinute: 10 },
    });
    poller.start();
    for (let i = 0; i < 300; i++) {
      if (i % 2 === 0) poller.refresh();
      else poller.nudge();
      await advance(clock, 1000, () => poller.settled());
    }
    poller.stop();
    expect(calls.length).toBeGreaterThan(40);
    for (const at of calls)
      expect(calls.filter((t) => t >= at && t < at + 60_000).length).toBeLessThanOrEqual(10);
  });

  it("answers a burst of nudges with one poll, soon", async () => {
    const { clock, gateway, connection, reads, source } = await sandboxSetup();
    must(await gateway.createPipeline(connection, threeStagePipeline({ name: "p" }), []));
    const poller = new RunPoller(source, { clock: pollerClock(clock), onUpdate: () => {} });
    poller.start();
    await advance(clock, 100, () => poller.settled());
    reads.length = 0;
    for (let i = 0; i < 5; i++) poller.nudge();
    await advance(clock, 1000, () => poller.settled());
    expect(reads.filter((r) => r === "state")).toHaveLength(1);
    poller.stop();
  });
});

describe("the app's watch", () => {
  async function appSetup() {
    const dir = await mkdtemp(join(tmpdir(), "pipewright-watch-"));
    const clock = new ManualClock();
    const updates: RunsUpdate[] = [];
    const services: AppServices = createServices({
      dataDir: dir,
      info: {
        name: "Pipewright",
        version: "0",
        mode: "web",
        platform: process.platform,
        nativeDialogs: false,
      },
      dialogs: undefined,
      openLink: async () => undefined,
      emit: (name, payload) => {
        if (name === "runs.updated") updates.push(payload as RunsUpdate);
      },
      clock: { sandbox: clock, poller: pollerClock(clock) },
    });
    cleanup = async () => {
      await closeServices(services);
      await rm(dir, { recursive: true, force: true });
    };
    const handlers = createHandlers(services);
    const sandbox = await services.sandbox.start();
    const settled = async () => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    const shows = (id: string) =>
      updates.at(-1)?.state?.stageStates?.some((s) => s.latestExecution?.pipelineExecutionId === id) === true;
    return { clock, services, handlers, sandbox, updates, settled, shows };
  }

  it("shows a run released from the deploy dialog or by another client within a second, not at the next poll", async () => {
    const { clock, services, handlers, sandbox, settled, shows } = await appSetup();
    const pipeline = threeStagePipeline({ name: "w" });
    must(await services.aws.gateway.createPipeline({ kind: "sandbox" }, pipeline, []));
    await advance(clock, 30 * 60_000, settled);
    must(await handlers["runs.watch"]({ connection: { kind: "sandbox" }, pipelineName: "w", viewId: "v" }));
    await advance(clock, 5 * 60_000, settled);

    // The deploy dialog's Release change.
    const released = must(await handlers["aws.startRun"]({ connection: { kind: "sandbox" }, name: "w" }));
    await advance(clock, 1000, settled);
    expect(shows(released.pipelineExecutionId)).toBe(true);
    await advance(clock, 30 * 60_000, settled);

    // Another client of the embedded sandbox (the CLI, the AWS CLI): the sandbox tells the watch.
    const other = new Gateway({ maxAttempts: 1 });
    try {
      const started = must(await other.startExecution({ kind: "sandbox", endpoint: sandbox.endpoint }, "w"));
      await advance(clock, 1000, settled);
      expect(shows(started.pipelineExecutionId)).toBe(true);
    } finally {
      other.dispose();
    }
  });
});
