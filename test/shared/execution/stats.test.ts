import { describe, expect, it } from "vitest";
import { buildTimeline, criticalPath, runStats, type Timeline } from "../../../shared/execution";
import { everyRun, inputFor, load, runId, snapshot, summaries, type Snapshot } from "./recorded";

function timelines(snap: Snapshot): Timeline[] {
  return summaries(snap).map((s) => buildTimeline(inputFor(snap, s.pipelineExecutionId ?? "")));
}

const path = (t: Timeline) => criticalPath(t).steps.map((s) => `${s.actionName}#${s.attempt}`);

describe("runStats", () => {
  const success = load("success");
  const runs = timelines(snapshot(success, "final"));

  it("gives the median and nearest-rank p90 of each action over the last n runs", () => {
    const stats = runStats(runs, 10);
    expect(stats.runs).toBe(5);
    expect(stats.actions.map((a) => a.actionName)).toEqual(["Checkout", "Compile", "Publish"]);
    expect(stats.actions[1]).toEqual({
      stageName: "Build",
      actionName: "Compile",
      samples: 5,
      medianMs: 70_000,
      p90Ms: 120_000,
      minMs: 50_000,
      maxMs: 120_000,
      retriedRuns: 0,
      approval: false,
    });
    expect(stats.actions[0]).toMatchObject({ medianMs: 4000, p90Ms: 4000 });
    expect(stats.run).toEqual({ samples: 5, medianMs: 114_000, p90Ms: 164_000 });
  });

  it("takes the newest n runs whatever order they come in, and averages the middle two for an even count", () => {
    const three = runStats([...runs].reverse(), 3);
    expect(three.runs).toBe(3);
    expect(three.actions.find((a) => a.actionName === "Compile")).toMatchObject({
      samples: 3,
      medianMs: 80_000,
      p90Ms: 120_000,
    });
    const four = runStats(runs, 4);
    expect(four.actions.find((a) => a.actionName === "Compile")?.medianMs).toBe(75_000);
  });

  it("leaves out an attempt still in progress", () => {
    const live = timelines(snapshot(success, "in-progress"));
    const stats = runStats(live, 5);
    expect(stats.actions.find((a) => a.actionName === "Compile")).toMatchObject({
      samples: 4,
      maxMs: 80_000,
    });
    expect(stats.actions.find((a) => a.actionName === "Publish")?.samples).toBe(4);
    expect(stats.run.samples).toBe(4);
  });

  it("counts a retried action once, with its last attempt, and reports the retry", () => {
    const retry = load("retry");
    const stats = runStats(timelines(snapshot(retry, "final")), 5);
    expect(stats.actions.find((a) => a.actionName === "Lint")).toMatchObject({
      samples: 1,
      medianMs: 45_000,
      retriedRuns: 1,
    });
  });

  it("includes rollback and superseded runs and flags approvals", () => {
    const rollback = runStats(timelines(snapshot(load("rollback"), "final")), 10);
    expect(rollback.runs).toBe(3);
    expect(rollback.actions.find((a) => a.actionName === "Publish")?.samples).toBe(3);
    expect(rollback.actions.find((a) => a.actionName === "Compile")?.samples).toBe(2);
    const superseded = runStats(timelines(snapshot(load("superseded"), "final")), 10);
    expect(superseded.runs).toBe(4);
    expect(superseded.actions.find((a) => a.actionName === "Compile")?.samples).toBe(3);
    const approval = runStats(timelines(snapshot(load("approval"), "final")), 10);
    expect(approval.actions.find((a) => a.actionName === "Review")).toMatchObject({
      approval: true,
      medianMs: (1767605400 - 1767603664) * 1000,
    });
  });

  it("considers no runs for n of zero, a negative or a non-number", () => {
    for (const n of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(runStats(runs, n)).toEqual({
        runs: 0,
        run: { samples: 0, medianMs: null, p90Ms: null },
        actions: [],
      });
    }
  });
});

describe("criticalPath", () => {
  it("follows the slower action of a runOrder group", () => {
    const parallel = load("parallel");
    const t = buildTimeline(inputFor(snapshot(parallel, "final"), runId(parallel, "run")));
    expect(path(t)).toEqual(["Checkout#1", "Compile#1", "Package#1", "Publish#1"]);
    expect(criticalPath(t)).toMatchObject({ workMs: 164_000, waitMs: 0 });
  });

  it("goes through both attempts of a retried action and counts the wait for the retry", () => {
    const retry = load("retry");
    const t = buildTimeline(inputFor(snapshot(retry, "final"), runId(retry, "retried")));
    expect(path(t)).toEqual(["Checkout#1", "Lint#1", "Lint#2", "Package#1", "Publish#1"]);
    const cp = criticalPath(t);
    expect(cp.waitMs).toBe(251_000);
    expect(cp.steps[2]).toMatchObject({ retry: true, waitBeforeMs: 251_000 });
  });

  it("includes a manual approval, marked as one", () => {
    const approval = load("approval");
    const t = buildTimeline(inputFor(snapshot(approval, "final"), runId(approval, "approved")));
    const cp = criticalPath(t);
    expect(cp.steps.map((s) => [s.actionName, s.approval])).toEqual([
      ["Checkout", false],
      ["Compile", false],
      ["Review", true],
      ["Publish", false],
    ]);
  });

  it("ends at the attempt still going in a run in progress", () => {
    const approval = load("approval");
    const t = buildTimeline(inputFor(snapshot(approval, "waiting"), runId(approval, "approved")));
    expect(path(t)).toEqual(["Checkout#1", "Compile#1", "Review#1"]);
    const success = load("success");
    const live = buildTimeline(inputFor(snapshot(success, "in-progress"), runId(success, "r5")));
    expect(path(live)).toEqual(["Checkout#1", "Compile#1"]);
  });

  it("accounts for the whole duration of every finished run: work plus waits", () => {
    const finished = everyRun()
      .map(({ snap, id, scenario }) => ({ scenario, t: buildTimeline(inputFor(snap, id)) }))
      .filter(
        ({ t }) =>
          t.durationMs !== null && t.stages.some((s) => s.actions.some((a) => a.segments.length > 0)),
      );
    expect(finished.length).toBeGreaterThan(20);
    for (const { t } of finished) {
      const cp = criticalPath(t);
      const last = cp.steps[cp.steps.length - 1];
      // The path ends where the run's last action ended; a stopped run's end is when it stopped.
      if (t.phase !== "stopped") expect(last?.end).toBe(t.end);
      expect(cp.workMs + cp.waitMs).toBe((last?.end ?? 0) - (t.start ?? 0));
    }
  });

  it("is empty for a run with no action executions", () => {
    const superseded = load("superseded");
    const t = buildTimeline(inputFor(snapshot(superseded, "final"), runId(superseded, "b")));
    expect(criticalPath(t)).toEqual({ steps: [], workMs: 0, waitMs: 0 });
  });
});
