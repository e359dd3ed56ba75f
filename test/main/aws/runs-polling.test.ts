/**
 * The adaptive poller against the sandbox through the real SDK, with a stepped clock: fast while a
 * run goes, slower and slower while idle, slow when hidden, backoff with jitter on throttling (a tiny
 * HTTP server answering ThrottlingException), one poller per pipeline however many views watch.
 */
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { Gateway, type Connection } from "../../../main/aws";
import {
  RunPoller,
  type PollerClock,
  type PollUpdate,
  type RunAttention,
} from "../../../main/aws/run-poller";
import { RunsService } from "../../../main/aws/runs-service";
import { RunsWatch } from "../../../main/aws/runs-watch";
import { startSandbox, type Sandbox } from "../../../main/sandbox";
import { threeStagePipeline } from "../sandbox/fixtures";
import { waitFor } from "../sandbox/harness";

/** Timers fire only when the test steps time. */
class SteppedClock implements PollerClock {
  private current = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  now(): number {
    return this.current;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.current + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Moves to the next timer and fires it; returns the wait it stepped over. */
  step(): number {
    const [id, timer] = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
    if (id === undefined || !timer) throw new Error("no timer pending");
    this.timers.delete(id);
    const waited = timer.at - this.current;
    this.current = timer.at;
    timer.fn();
    return waited;
  }
  get pending(): number {
    return this.timers.size;
  }
}

let sandbox: Sandbox | undefined;
let gateway: Gateway | undefined;
let server: Server | undefined;
afterEach(async () => {
  gateway?.dispose();
  await sandbox?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  sandbox = undefined;
  gateway = undefined;
  server = undefined;
});

async function stepPoll(clock: SteppedClock, poller: RunPoller): Promise<number> {
  const waited = clock.step();
  await waitFor("poll", async () =>
    (poller as unknown as { inflight?: unknown }).inflight ? undefined : true,
  );
  await poller.settled();
  return waited;
}

async function setup() {
  sandbox = await startSandbox({ speed: 2000, log: () => {} });
  gateway = new Gateway({ maxAttempts: 1 });
  const connection: Connection = { kind: "sandbox", endpoint: sandbox.endpoint };
  return { connection, runs: new RunsService(gateway) };
}

describe("run poller", () => {
  it("polls fast while a run goes, then waits longer and longer while idle, and slowly when hidden", async () => {
    const { connection, runs } = await setup();
    sandbox!.scenario.addRule({ pipeline: "poll", stage: "Build", durationSeconds: 100_000 });
    must(await gateway!.createPipeline(connection, threeStagePipeline({ name: "poll" }), []));
    const clock = new SteppedClock();
    const updates: PollUpdate[] = [];
    const poller = new RunPoller(
      {
        getState: () => runs.getState(connection, "poll"),
        listRecent: () => runs.listRuns(connection, "poll", { pageSize: 20 }),
      },
      { clock, onUpdate: (u) => updates.push(u) },
    );
    poller.start();
    await stepPoll(clock, poller);
    expect(updates.at(-1)).toMatchObject({ active: true, error: null, nextPollMs: 3_000 });
    expect(poller.calls).toBe(2); // state, and the history because it was new

    const id = updates.at(-1)!.runs[0]!.pipelineExecutionId!;
    must(await runs.stopRun(connection, "poll", id, true, "done"));
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) waits.push(await stepPoll(clock, poller));
    expect(updates.at(-1)).toMatchObject({ active: false });
    // The poll that saw the stop is a change: the first idle wait is short, unchanged polls then
    // double it up to the cap.
    expect(waits).toEqual([3_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
    const callsBefore = poller.calls;
    await stepPoll(clock, poller);
    expect(poller.calls - callsBefore).toBe(1); // idle: the state only, no history read

    poller.setVisible(false);
    await stepPoll(clock, poller);
    expect(poller.nextDelayMs).toBe(300_000);
    poller.stop();
    expect(clock.pending).toBe(0);
  });

  it("backs off with jitter on ThrottlingException and recovers", async () => {
    let throttle = true;
    let requests = 0;
    server = createServer((req, res) => {
      requests++;
      req.resume();
      req.on("end", () => {
        if (throttle) {
          res.writeHead(400, { "content-type": "application/x-amz-json-1.1" });
          res.end(JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }));
        } else {
          res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
          const body = req.headers["x-amz-target"]?.toString().endsWith("GetPipelineState")
            ? { pipelineName: "t", stageStates: [] }
            : { pipelineExecutionSummaries: [] };
          res.end(JSON.stringify(body));
        }
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", () => resolve()));
    const port = (server.address() as { port: number }).port;
    gateway = new Gateway({ maxAttempts: 1 });
    const runs = new RunsService(gateway);
    const connection: Connection = { kind: "sandbox", endpoint: `http://127.0.0.1:${port}` };
    const clock = new SteppedClock();
    const randoms = [0.5, 0.25, 1 - 1e-9, 0];
    const updates: PollUpdate[] = [];
    const poller = new RunPoller(
      {
        getState: () => runs.getState(connection, "t"),
        listRecent: () => runs.listRuns(connection, "t"),
      },
      { clock, random: () => randoms.shift() ?? 0, onUpdate: (u) => updates.push(u) },
    );
    poller.start();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      await stepPoll(clock, poller);
      delays.push(poller.nextDelayMs!);
    }
    expect(updates.at(-1)?.error?.code).toBe("throttled");
    // base 5 s; caps 5, 10, 20, 40 s; full jitter between the base and the cap.
    expect(delays).toEqual([5_000, 6_250, 20_000, 5_000]);
    expect(requests).toBe(4);
    throttle = false;
    await stepPoll(clock, poller);
    expect(updates.at(-1)).toMatchObject({ error: null, active: false });
    // The first good read found nothing going: the longest idle wait.
    expect(poller.nextDelayMs).toBe(60_000);
    poller.stop();
  });

  it("announces a run waiting for approval and a failed run once each", async () => {
    const { connection, runs } = await setup();
    must(await gateway!.createPipeline(connection, threeStagePipeline({ name: "tell", approval: {} }), []));
    const clock = new SteppedClock();
    const told: RunAttention[] = [];
    const poller = new RunPoller(
      {
        getState: () => runs.getState(connection, "tell"),
        listRecent: () => runs.listRuns(connection, "tell"),
      },
      { clock, onUpdate: () => {}, onAttention: (a) => told.push(a) },
    );
    poller.start();
    await stepPoll(clock, poller);
    await waitFor("approval", async () => {
      await stepPoll(clock, poller);
      return told.length > 0 ? true : undefined;
    });
    expect(told).toEqual([
      expect.objectContaining({ kind: "approval", stageName: "Approve", actionName: "Review" }),
    ]);
    must(await runs.answerApproval(connection, "tell", "Approve", "Review", "Rejected", "no"));
    await waitFor("failure", async () => {
      await stepPoll(clock, poller);
      return told.length > 1 ? true : undefined;
    });
    expect(told[1]).toMatchObject({ kind: "failed" });
    for (let i = 0; i < 3; i++) await stepPoll(clock, poller);
    expect(told).toHaveLength(2);
    poller.stop();
  });

  it("shares one poller per pipeline between views and stops it with the last view", async () => {
    const { connection, runs } = await setup();
    must(await gateway!.createPipeline(connection, threeStagePipeline({ name: "shared" }), []));
    const clock = new SteppedClock();
    const seen: string[] = [];
    const watch = new RunsWatch(runs, { clock, onUpdate: (name) => seen.push(name) });
    const a = watch.watch("canvas", connection, "shared");
    const b = watch.watch("history", connection, "shared");
    expect(a).toBe(b);
    expect(watch.size).toBe(1);
    await stepPoll(clock, a);
    expect(seen).toEqual(["shared"]);
    watch.watch("late", connection, "shared");
    expect(seen).toEqual(["shared", "shared"]); // the late view got the last update at once
    // Polled slowly only when every view watching is hidden (one of two browser tabs hidden: not).
    watch.setVisible(false, "canvas");
    await stepPoll(clock, a);
    const hiddenDelay = () => (a.last?.active ? 20_000 : 300_000);
    expect(a.nextDelayMs).not.toBe(hiddenDelay());
    watch.setVisible(false, "history");
    watch.setVisible(false, "late");
    await stepPoll(clock, a);
    expect(a.nextDelayMs).toBe(hiddenDelay());
    watch.unwatch("canvas");
    watch.unwatch("history");
    expect(watch.size).toBe(1);
    watch.unwatch("late");
    expect(watch.size).toBe(0);
    expect(clock.pending).toBe(0);
  });

  it("keeps polling slowly with a clear error when the watched pipeline is deleted or unreachable", async () => {
    gateway = new Gateway({ maxAttempts: 1, connectionTimeoutMs: 500 });
    const runs = new RunsService(gateway);
    const clock = new SteppedClock();
    const updates: PollUpdate[] = [];
    const connection: Connection = { kind: "sandbox", endpoint: "http://127.0.0.1:9" };
    const poller = new RunPoller(
      { getState: () => runs.getState(connection, "x"), listRecent: () => runs.listRuns(connection, "x") },
      { clock, onUpdate: (u) => updates.push(u) },
    );
    poller.start();
    await stepPoll(clock, poller);
    expect(updates[0]?.error?.code).toBe("network");
    expect(poller.nextDelayMs).toBe(30_000);
    poller.stop();

    const { connection: live, runs: liveRuns } = await setup();
    const deleted = new RunPoller(
      {
        getState: () => liveRuns.getState(live, "deleted"),
        listRecent: () => liveRuns.listRuns(live, "deleted"),
      },
      { clock, onUpdate: (u) => updates.push(u) },
    );
    deleted.start();
    await stepPoll(clock, deleted);
    expect(updates.at(-1)?.error).toMatchObject({ code: "pipeline-not-found" });
    expect(updates.at(-1)?.error?.message).toMatch(/deleted\): deleted$/);
    deleted.stop();
  });
});

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
