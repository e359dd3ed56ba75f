/**
 * The fleet's call budget and lanes with a scripted source: the sandbox never throttles and its
 * credentials never expire, so those answers are scripted here; the lanes' reads against the real
 * sandbox are in fleet-service.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { ApiPipelineExecutionSummary } from "../../../shared/execution";
import type { AwsResult } from "../../../main/aws";
import { CallBudget } from "../../../main/fleet/call-budget";
import { DEFAULT_TIMING, Lane, type LaneSource } from "../../../main/fleet/fleet-lane";
import { ManualFleetClock } from "./manual-clock";

const ok = <T>(value: T): AwsResult<T> => ({ ok: true, value });
const failed = <T>(code: "throttled" | "expired-sso-token" | "access-denied"): AwsResult<T> => ({
  ok: false,
  error: { code, message: `scripted ${code}` },
});

interface Script {
  names: string[];
  /** Pipelines with a run in progress. */
  active?: Set<string>;
  /** Answers a call by its number (1-based), or undefined for the normal answer. */
  override?: (call: number, what: string) => AwsResult<never> | undefined;
}

function scripted(clock: ManualFleetClock, script: Script) {
  const log: { at: number; what: string; name?: string }[] = [];
  const answer = <T>(what: string, name: string | undefined, value: () => T): Promise<AwsResult<T>> => {
    log.push({ at: clock.now(), what, ...(name ? { name } : {}) });
    return Promise.resolve(script.override?.(log.length, what) ?? ok(value()));
  };
  const run = (name: string): ApiPipelineExecutionSummary => ({
    pipelineExecutionId: `${name}-run`,
    status: script.active?.has(name) ? "InProgress" : "Succeeded",
    startTime: new Date(clock.now() - 60_000).toISOString(),
    lastUpdateTime: new Date(clock.now() - 1_000).toISOString(),
  });
  const source: LaneSource = {
    listPipelines: () => answer("list", undefined, () => script.names.map((name) => ({ name }))),
    listRuns: (name) => answer("runs", name, () => ({ summaries: [run(name)] })),
    getState: (name) => answer("state", name, () => ({ stageStates: [{ stageName: "Build" }] })),
    pipelineArn: (name) => answer("arn", name, () => `arn:aws:codepipeline:eu-west-1:111122223333:${name}`),
  };
  return { source, log };
}

function laneFor(clock: ManualFleetClock, source: LaneSource, budget = new CallBudget(clock, {}, () => 0.5)) {
  let changes = 0;
  const lane = new Lane({
    key: "lane",
    connection: { kind: "aws", profile: "dev", region: "eu-west-1" },
    profile: "dev",
    region: "eu-west-1",
    source,
    budget,
    clock,
    timing: DEFAULT_TIMING,
    random: () => 0.5,
    onChange: () => changes++,
    onObserved: () => {},
    onAccount: () => null,
  });
  return { lane, budget, changes: () => changes };
}

describe("the call budget of an account-region", () => {
  it("makes at most one call per second, and polls pipelines with a run going more often", async () => {
    const clock = new ManualFleetClock();
    const names = Array.from({ length: 40 }, (_, i) => `p${String(i).padStart(2, "0")}`);
    const { source, log } = scripted(clock, { names, active: new Set(["p00", "p01"]) });
    const { lane, budget } = laneFor(clock, source);
    lane.start();
    await clock.advance(10 * 60_000, () => budget.settled());
    const starts = log.map((c) => c.at);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(1000);
    // Busy: 600 seconds hold at most 600 calls, and the budget used nearly all of them.
    expect(log.length).toBeLessThanOrEqual(601);
    const polls = (name: string) => log.filter((c) => c.what === "runs" && c.name === name).length;
    // Active pipelines every 5 s when the budget allows; quiet ones every 60 s at best.
    expect(polls("p00")).toBeGreaterThan(3 * polls("p20"));
    // No pipeline starves: every one was read again and again.
    for (const name of names) expect(polls(name)).toBeGreaterThanOrEqual(5);
    expect(lane.view.account).toBe("111122223333");
    lane.stop();
    budget.stop();
  });

  it("halves its rate and pauses with backoff when throttled, then recovers", async () => {
    const clock = new ManualFleetClock();
    const { source, log } = scripted(clock, {
      names: ["a", "b", "c"],
      override: (call) => (call >= 5 && call <= 7 ? failed("throttled") : undefined),
    });
    const { lane, budget } = laneFor(clock, source);
    lane.start();
    // Calls 1–4 at 0, 1, 2 and 3 s; call 5 at 4 s is the first throttled one.
    await clock.advance(3_500, () => budget.settled());
    expect(budget.rate).toBe(1);
    await clock.advance(6_500, () => budget.settled());
    // Three throttled calls in a row: 1 → 0.5 → 0.25 → 0.125 calls per second.
    expect(budget.rate).toBe(0.125);
    // Each call that goes through gives back a tenth of the rate.
    await clock.advance(600_000, () => budget.settled());
    // Pauses of 2 s × 2^(n-1) with full jitter (0.5 here): 2 s, 3 s, then 5 s after the third.
    expect(log[5]!.at - log[4]!.at).toBeGreaterThanOrEqual(2_000);
    expect(log[6]!.at - log[5]!.at).toBeGreaterThanOrEqual(3_000);
    expect(log[7]!.at - log[6]!.at).toBeGreaterThanOrEqual(5_000);
    expect(budget.rate).toBe(1);
    // The throttled reads were retried: every pipeline has its state.
    expect(lane.rows().every((r) => r.stagesTotal === 1)).toBe(true);
    lane.stop();
    budget.stop();
  });

  it("shows a profile that cannot be used as such, retries it, and leaves other lanes alone", async () => {
    const clock = new ManualFleetClock();
    let expired = true;
    const broken = scripted(clock, {
      names: ["x"],
      override: (_call, what) => (expired && what === "list" ? failed("expired-sso-token") : undefined),
    });
    const healthy = scripted(clock, { names: ["y"] });
    const a = laneFor(clock, broken.source);
    const b = laneFor(clock, healthy.source);
    a.lane.start();
    b.lane.start();
    const settled = () => Promise.all([a.budget.settled(), b.budget.settled()]).then(() => undefined);
    await clock.advance(10_000, settled);
    expect(a.lane.view).toMatchObject({ status: "error", error: { code: "expired-sso-token" } });
    expect(b.lane.view.status).toBe("ok");
    expect(b.lane.rows()[0]).toMatchObject({ name: "y", latestStatus: "Succeeded" });
    // Backoff: one retry within the first error's 15–30 s, far fewer than the healthy lane's calls.
    await clock.advance(60_000, settled);
    const retries = broken.log.filter((c) => c.what === "list").length;
    expect(retries).toBeGreaterThanOrEqual(2);
    expect(retries).toBeLessThanOrEqual(4);
    expired = false;
    await clock.advance(15 * 60_000, settled);
    expect(a.lane.view).toMatchObject({ status: "ok", error: null });
    expect(a.lane.rows()[0]).toMatchObject({ name: "x", latestStatus: "Succeeded" });
    for (const { lane, budget } of [a, b]) {
      lane.stop();
      budget.stop();
    }
  });

  it("keeps one pipeline's refusal on its row and keeps polling the others", async () => {
    const clock = new ManualFleetClock();
    const { source } = scripted(clock, { names: ["open", "locked"] });
    const denying: LaneSource = {
      ...source,
      listRuns: (name, size) =>
        name === "locked" ? Promise.resolve(failed("access-denied")) : source.listRuns(name, size),
    };
    const { lane, budget } = laneFor(clock, denying);
    lane.start();
    await clock.advance(30_000, () => budget.settled());
    const rows = new Map(lane.rows().map((r) => [r.name, r]));
    expect(lane.view.status).toBe("ok");
    expect(rows.get("locked")?.error).toEqual({ code: "access-denied", message: "scripted access-denied" });
    expect(rows.get("open")).toMatchObject({ error: null, latestStatus: "Succeeded" });
    lane.stop();
    budget.stop();
  });
});
