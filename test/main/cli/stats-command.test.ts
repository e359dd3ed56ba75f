/**
 * `pipewright stats` as a user runs it, over a history built in the sandbox on a manual clock (so
 * every time is known): runs approved after set waits, one failed build, one rejected approval.
 * The expected metrics are worked out by hand from those times.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gateway, type Connection } from "../../../main/aws";
import { RunsService } from "../../../main/aws/runs-service";
import { startSandbox, type Sandbox } from "../../../main/sandbox";
import { ManualClock } from "../../../main/sandbox/clock";
import { fleetPipeline } from "../fleet/fleet-fixture";
import { runPipewright } from "./run-cli";

const S = 1000;
const HOUR = 3600 * S;
const DAY = 24 * HOUR;
let sandbox: Sandbox;
let clock: ManualClock;
let gateway: Gateway;
let runs: RunsService;
let connection: Connection;
/** Each run's id, start and end as the sandbox reported them. */
const history: { id: string; status: string; start: number; end: number }[] = [];

async function newest() {
  const page = await runs.listRuns(connection, "metrics", { pageSize: 1 });
  if (!page.ok) throw new Error(page.error.message);
  const run = page.value.summaries[0]!;
  return {
    id: run.pipelineExecutionId ?? "",
    status: run.status ?? "",
    start: Date.parse(String(run.startTime)),
    end: Date.parse(String(run.lastUpdateTime)),
  };
}

async function answer(status: "Approved" | "Rejected") {
  const answered = await runs.answerApproval(
    connection,
    "metrics",
    "Approve",
    "Review",
    status,
    "by the test",
  );
  if (!answered.ok) throw new Error(answered.error.message);
}

/** Source 4 s + Build 60 s (the sandbox's defaults), then the approval waits `waitMs`. */
async function runWithApproval(status: "Approved" | "Rejected", waitMs: number, start: boolean) {
  if (start) expect((await runs.startRun(connection, "metrics")).ok).toBe(true);
  clock.advance(64 * S);
  expect((await newest()).status).toBe("InProgress");
  clock.advance(waitMs);
  await answer(status);
  // Deploy: 40 s.
  clock.advance(40 * S);
  history.push(await newest());
}

beforeAll(async () => {
  // Whole seconds, 20 days back: the commit dates the sandbox reports have second precision.
  clock = new ManualClock(Math.floor((Date.now() - 20 * DAY) / S) * S);
  sandbox = await startSandbox({ clock, log: () => {} });
  gateway = new Gateway({ maxAttempts: 1 });
  runs = new RunsService(gateway);
  connection = { kind: "sandbox", endpoint: sandbox.endpoint };
  const t0 = clock.now();
  expect(
    (await gateway.createPipeline(connection, fleetPipeline("metrics", { approval: true }), [])).ok,
  ).toBe(true);
  // Run 1 (started by CreatePipeline): approved after 600 s.
  await runWithApproval("Approved", 600 * S, false);
  expect(history[0]!.start).toBe(t0);
  // Run 2, ten days later: the build fails after its 60 s.
  clock.advance(10 * DAY);
  sandbox.scenario.set({ rules: [{ pipeline: "metrics", stage: "Build", outcome: "fail" }] });
  expect((await runs.startRun(connection, "metrics")).ok).toBe(true);
  clock.advance(64 * S);
  history.push(await newest());
  sandbox.scenario.set({});
  // Run 3, two hours after run 2 started: approved after 300 s.
  clock.advance(2 * HOUR - 64 * S);
  await runWithApproval("Approved", 300 * S, true);
  // Run 4, an hour after run 3 started: rejected after 120 s (no deploy follows a rejection).
  clock.advance(HOUR - 404 * S);
  expect((await runs.startRun(connection, "metrics")).ok).toBe(true);
  clock.advance(64 * S + 120 * S);
  await answer("Rejected");
  history.push(await newest());
  // Run 5, an hour after run 4 started: approved after 60 s.
  clock.advance(HOUR - 184 * S);
  await runWithApproval("Approved", 60 * S, true);
});

afterAll(async () => {
  gateway.dispose();
  await sandbox.close();
});

describe("pipewright stats", () => {
  it("built the history the test describes", () => {
    const seconds = history.map((r) => [r.status, (r.end - r.start) / S]);
    expect(seconds).toEqual([
      ["Succeeded", 704],
      ["Failed", 64],
      ["Succeeded", 404],
      ["Failed", 184],
      ["Succeeded", 164],
    ]);
    expect((history[2]!.start - history[1]!.start) / HOUR).toBe(2);
    expect((history[3]!.start - history[2]!.start) / HOUR).toBe(1);
    expect((history[4]!.start - history[3]!.start) / HOUR).toBe(1);
  });

  it("prints the metrics as JSON, each as worked out by hand", async () => {
    const out = await runPipewright(["stats", "metrics", "--sandbox", sandbox.endpoint, "--format", "json"]);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const m = JSON.parse(out.stdout) as Record<string, unknown> & {
      durationSeconds: { trend: { change: number } };
    };
    expect(m).toMatchObject({
      pipeline: "metrics",
      days: 30,
      runs: 5,
      succeeded: 3,
      failed: 2,
      // 3 successes in 30 days; 2 failures of 5 runs that count.
      deploymentsPerDay: 0.1,
      changeFailureRate: 0.4,
      // Each commit date is its run's start (the sandbox commits as the run starts): 704, 404, 164.
      leadTimeSeconds: { p50: 404, p90: 704, samples: 3, fromCommits: 3 },
      // Run 2 ended at +64 s, run 3 at 2 h + 404 s: 7540 s. Run 4 ended at +184 s, run 5 at
      // 1 h + 164 s: 3580 s. The median of the two: 5560 s.
      timeToRestoreSeconds: { p50: 5560, samples: 2, unrestored: 0 },
      // 64, 164, 184, 404, 704: the median is 184, the nearest-rank p90 the 5th.
      durationSeconds: { p50: 184, p90: 704, samples: 5 },
      // Approve waited 600, 300, 120 and 60 s; nearest-rank p90 of four is the 4th: 600.
      slowestStage: { stageName: "Approve", includesApproval: true, p90: 600, samples: 4 },
      // Compile took its 60 s in all five runs (the failing one too).
      slowestAction: { stageName: "Build", actionName: "Compile", p50: 60, p90: 60, samples: 5 },
    });
    // Run 1 is in the first half of the 30 days (704 s); runs 2–5 in the second: median of
    // 64, 164, 184, 404 is 174 s.
    expect(m.durationSeconds.trend).toMatchObject({ firstHalfP50: 704, secondHalfP50: 174 });
    expect(m.durationSeconds.trend.change).toBeCloseTo((174 - 704) / 704, 10);
  });

  it("prints a table a person reads, and refuses a bad period", async () => {
    const out = await runPipewright(["stats", "metrics", "--sandbox", sandbox.endpoint, "--since", "2w"]);
    expect(out.code).toBe(0);
    // Two weeks back holds runs 2–5 only.
    expect(out.stdout).toMatch(/^Delivery of metrics, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(14 days\)\n/);
    expect(out.stdout).toMatch(/^Runs\s+4 \(2 succeeded, 2 failed\)$/m);
    expect(out.stdout).toMatch(/^Change failure rate\s+50% \(2 of 4\)$/m);
    expect(out.stdout).toMatch(/^Slowest action\s+Build\/Compile, p90 1m 00s$/m);
    expect(out.stdout).toMatch(/^Approve \(approval\)\s+2m 00s\s+5m 00s\s+3$/m);
    const bad = await runPipewright([
      "stats",
      "metrics",
      "--sandbox",
      sandbox.endpoint,
      "--since",
      "3 months",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--since takes hours, days or weeks, like 12h, 30d or 2w: 3 months");
  });
});
