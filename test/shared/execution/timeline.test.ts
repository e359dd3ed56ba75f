import { describe, expect, it } from "vitest";
import {
  buildTimeline,
  logStreamUrl,
  type Timeline,
  type TimelineActionRow,
  type TimelineInput,
} from "../../../shared/execution";
import { inputFor, load, ms, runId, snapshot } from "./recorded";

function row(timeline: Timeline, stageName: string, actionName: string): TimelineActionRow {
  const found = timeline.stages
    .find((s) => s.stageName === stageName)
    ?.actions.find((a) => a.actionName === actionName);
  if (!found) throw new Error(`no row ${stageName}/${actionName}`);
  return found;
}

const stageNames = (t: Timeline) => t.stages.map((s) => s.stageName);
const shape = (t: Timeline) =>
  t.stages.map(
    (s) => `${s.stageName}:${s.phase}[${s.actions.map((a) => `${a.actionName}:${a.phase}`).join(",")}]`,
  );

describe("a plain successful run", () => {
  const success = load("success");
  const final = snapshot(success, "final");
  const timeline = buildTimeline(inputFor(final, runId(success, "r1")));

  it("has one row per stage and action, in declaration order, with exact times", () => {
    expect(shape(timeline)).toEqual([
      "Source:succeeded[Checkout:succeeded]",
      "Build:succeeded[Compile:succeeded]",
      "Deploy:succeeded[Publish:succeeded]",
    ]);
    expect(timeline).toMatchObject({
      status: "Succeeded",
      phase: "succeeded",
      executionType: "STANDARD",
      executionMode: "SUPERSEDED",
      rollback: false,
      pipelineVersion: 1,
      start: ms(1767603600),
      end: ms(1767603694),
      durationMs: 94_000,
    });
    const compile = row(timeline, "Build", "Compile");
    expect(compile).toMatchObject({
      start: ms(1767603604),
      end: ms(1767603654),
      status: "Succeeded",
      attempts: 1,
      retried: false,
      waitBeforeMs: 0,
      error: null,
      runOrder: 1,
      category: "Build",
      provider: "CodeBuild",
      removed: false,
      outputVariables: { IMAGE_TAG: "v1.0.0" },
      externalExecutionUrl: "https://console.aws.amazon.com/codesuite/codebuild/projects/app-build",
    });
    expect(compile.segments[0]).toMatchObject({
      durationMs: 50_000,
      after: { stageName: "Source", actionName: "Checkout", attempt: 1 },
      configuration: { ProjectName: "app-build" },
      inputArtifacts: ["SourceOutput"],
      outputArtifacts: ["BuildOutput"],
    });
    expect(row(timeline, "Source", "Checkout").segments[0]).toMatchObject({ waitBeforeMs: 0, after: null });
    expect(timeline.stages.map((s) => [s.start, s.end])).toEqual([
      [ms(1767603600), ms(1767603604)],
      [ms(1767603604), ms(1767603654)],
      [ms(1767603654), ms(1767603694)],
    ]);
  });

  it("leaves ends open while a run is in progress and marks unreached stages pending", () => {
    const live = snapshot(success, "in-progress");
    const t = buildTimeline(inputFor(live, runId(success, "r5")));
    expect(shape(t)).toEqual([
      "Source:succeeded[Checkout:succeeded]",
      "Build:running[Compile:running]",
      "Deploy:pending[Publish:pending]",
    ]);
    expect(t).toMatchObject({ phase: "running", end: null, durationMs: null });
    expect(row(t, "Build", "Compile")).toMatchObject({ start: ms(1767606004), end: null, waiting: false });
    expect(row(t, "Build", "Compile").segments[0]).toMatchObject({ end: null, durationMs: null });
    expect(t.stages[1]?.end).toBeNull();
  });
});

describe("retries", () => {
  const retry = load("retry");
  const id = runId(retry, "retried");

  it("shows a failed action with its error while the run has failed", () => {
    const t = buildTimeline(inputFor(snapshot(retry, "failed"), id));
    expect(shape(t)).toEqual([
      "Source:succeeded[Checkout:succeeded]",
      "Build:failed[Compile:succeeded,Lint:failed,Package:not-run]",
      "Deploy:not-run[Publish:not-run]",
    ]);
    expect(row(t, "Build", "Lint").error).toEqual({ code: "JobFailed", message: "12 lint errors" });
    expect(t).toMatchObject({ phase: "failed", end: ms(1767603664), durationMs: 64_000 });
  });

  it("puts both attempts of the retried action in one row, the second marked as a retry", () => {
    const t = buildTimeline(inputFor(snapshot(retry, "final"), id));
    const lint = row(t, "Build", "Lint");
    expect(lint).toMatchObject({ attempts: 2, retried: true, status: "Succeeded", error: null });
    expect(lint.start).toBe(ms(1767603604));
    expect(lint.end).toBe(ms(1767603945));
    expect(lint.segments.map((s) => [s.attempt, s.retry, s.status, s.start, s.end])).toEqual([
      [1, false, "Failed", ms(1767603604), ms(1767603649)],
      [2, true, "Succeeded", ms(1767603900), ms(1767603945)],
    ]);
    expect(lint.segments[0]?.error?.message).toBe("12 lint errors");
    // The retry waited for a person from the failure to the retry request.
    expect(lint.segments[1]).toMatchObject({
      waitBeforeMs: 251_000,
      after: { stageName: "Build", actionName: "Lint", attempt: 1 },
    });
    expect(row(t, "Build", "Package").segments[0]).toMatchObject({
      waitBeforeMs: 0,
      after: { stageName: "Build", actionName: "Lint", attempt: 2 },
    });
    expect(row(t, "Build", "Compile").retried).toBe(false);
    expect(t.phase).toBe("succeeded");
  });
});

describe("manual approvals", () => {
  const approval = load("approval");
  const id = runId(approval, "approved");

  it("shows an approval in progress as waiting, not running", () => {
    const t = buildTimeline(inputFor(snapshot(approval, "waiting"), id));
    const review = row(t, "Approve", "Review");
    expect(review).toMatchObject({ phase: "waiting", waiting: true, status: "InProgress", end: null });
    expect(review.segments[0]?.approval).toBe(true);
    expect(shape(t)).toEqual([
      "Source:succeeded[Checkout:succeeded]",
      "Build:succeeded[Compile:succeeded]",
      "Approve:waiting[Review:waiting]",
      "Deploy:pending[Publish:pending]",
    ]);
  });

  it("keeps the approved wait as an approval segment before Deploy", () => {
    const t = buildTimeline(inputFor(snapshot(approval, "final"), id));
    const review = row(t, "Approve", "Review");
    expect(review).toMatchObject({ phase: "succeeded", waiting: false, category: "Approval" });
    expect(review.segments[0]).toMatchObject({
      approval: true,
      durationMs: (1767605400 - 1767603664) * 1000,
      // Who approved and what they wrote.
      summary: "Staging looks good",
      updatedBy: "arn:aws:iam::123456789012:user/sandbox-user",
    });
    expect(row(t, "Deploy", "Publish").segments[0]?.waitBeforeMs).toBe(0);
  });
});

describe("superseded runs", () => {
  const superseded = load("superseded");
  const final = snapshot(superseded, "final");

  it("shows a run superseded before any action as finished with no bars", () => {
    const t = buildTimeline(inputFor(final, runId(superseded, "b")));
    expect(t).toMatchObject({ status: "Superseded", phase: "superseded", durationMs: 0 });
    expect(
      t.stages.every((s) => s.phase === "not-run" && s.actions.every((a) => a.segments.length === 0)),
    ).toBe(true);
  });

  it("measures the wait of the run that overtook it before its first action", () => {
    const t = buildTimeline(inputFor(final, runId(superseded, "c")));
    expect(row(t, "Source", "Checkout").segments[0]).toMatchObject({ waitBeforeMs: 4000, after: null });
    expect(t.phase).toBe("succeeded");
  });
});

describe("stopped runs", () => {
  const stopped = load("stopped");

  it("stop and wait: the running action goes on while the run is Stopping, then nothing else starts", () => {
    const live = buildTimeline(inputFor(snapshot(stopped, "stopping"), runId(stopped, "waited")));
    expect(live).toMatchObject({ phase: "stopping", end: null });
    expect(row(live, "Build", "Compile").phase).toBe("running");
    const t = buildTimeline(inputFor(snapshot(stopped, "final"), runId(stopped, "waited")));
    expect(shape(t)).toEqual([
      "Source:succeeded[Checkout:succeeded]",
      "Build:succeeded[Compile:succeeded]",
      "Deploy:not-run[Publish:not-run]",
    ]);
    expect(t).toMatchObject({ phase: "stopped", end: ms(1767603664) });
  });

  it("stop and abandon: the running action ends Abandoned at once", () => {
    const t = buildTimeline(inputFor(snapshot(stopped, "final"), runId(stopped, "abandoned")));
    expect(shape(t)).toEqual([
      "Source:succeeded[Checkout:succeeded]",
      "Build:stopped[Compile:abandoned]",
      "Deploy:not-run[Publish:not-run]",
    ]);
    expect(row(t, "Build", "Compile")).toMatchObject({ end: ms(1767604225), status: "Abandoned" });
  });
});

describe("rollbacks", () => {
  const rollback = load("rollback");
  const final = snapshot(rollback, "final");

  it("marks a rollback run, names its target and shows only the stage it rolled back", () => {
    const t = buildTimeline(inputFor(final, runId(rollback, "rollback")));
    expect(t).toMatchObject({
      rollback: true,
      executionType: "ROLLBACK",
      rollbackTargetId: runId(rollback, "good"),
      phase: "succeeded",
      durationMs: 40_000,
    });
    expect(shape(t)).toEqual([
      "Source:not-run[Checkout:not-run]",
      "Build:not-run[Compile:not-run]",
      "Deploy:succeeded[Publish:succeeded]",
    ]);
    expect(row(t, "Deploy", "Publish").segments[0]).toMatchObject({ waitBeforeMs: 0, after: null });
  });

  it("shows the failure the rollback answered", () => {
    const t = buildTimeline(inputFor(final, runId(rollback, "bad")));
    expect(t.rollback).toBe(false);
    expect(row(t, "Deploy", "Publish").error).toEqual({
      code: "JobFailed",
      message: "Access denied to app-site",
    });
  });
});

describe("runOrder groups", () => {
  const parallel = load("parallel");
  const id = runId(parallel, "run");

  it("runs group 1 side by side and starts group 2 after the slower action of group 1", () => {
    const t = buildTimeline(inputFor(snapshot(parallel, "final"), id));
    const [compile, lint, pkg] = ["Compile", "Lint", "Package"].map((name) => row(t, "Build", name));
    expect(t.stages[1]?.actions.map((a) => [a.actionName, a.runOrder])).toEqual([
      ["Compile", 1],
      ["Lint", 1],
      ["Package", 2],
    ]);
    expect(compile?.start).toBe(lint?.start);
    expect(lint?.segments[0]?.after).toEqual({ stageName: "Source", actionName: "Checkout", attempt: 1 });
    expect(pkg?.segments[0]).toMatchObject({
      start: ms(1767603694),
      waitBeforeMs: 0,
      after: { stageName: "Build", actionName: "Compile", attempt: 1 },
    });
  });

  it("shows a stage with one action done and one running as running", () => {
    const t = buildTimeline(inputFor(snapshot(parallel, "in-progress"), id));
    expect(shape(t)[1]).toBe("Build:running[Compile:running,Lint:running,Package:pending]");
  });
});

describe("history older than the pipeline's structure", () => {
  const changed = load("structure-changed");
  const final = snapshot(changed, "final");

  it("still shows a stage that was removed, in the place it ran, marked removed", () => {
    const t = buildTimeline(inputFor(final, runId(changed, "old")));
    expect(stageNames(t)).toEqual(["Source", "Build", "Test", "Deploy"]);
    expect(t.stages.map((s) => s.removed)).toEqual([false, false, true, false]);
    expect(row(t, "Test", "Smoke")).toMatchObject({ removed: true, runOrder: null, category: "Test" });
    expect(row(t, "Deploy", "Publish").segments[0]?.after?.stageName).toBe("Test");
  });

  it("shows the newer run in the current structure with nothing removed", () => {
    const t = buildTimeline(inputFor(final, runId(changed, "new")));
    expect(stageNames(t)).toEqual(["Source", "Build", "Deploy"]);
    expect(t.stages.some((s) => s.removed)).toBe(false);
  });

  it("orders stages by start time when no declaration is given", () => {
    const t = buildTimeline(inputFor(final, runId(changed, "old"), false));
    expect(stageNames(t)).toEqual(["Source", "Build", "Test", "Deploy"]);
    expect(t.stages.some((s) => s.removed)).toBe(false);
  });
});

describe("input forms and determinism", () => {
  const retry = load("retry");
  const input = inputFor(snapshot(retry, "final"), runId(retry, "retried"));
  const expected = buildTimeline(input);

  /** Rewrites every epoch-second timestamp member with `convert`. */
  function mapTimes(value: unknown, convert: (seconds: number) => unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => mapTimes(v, convert));
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        /Time$|^created$/.test(key) && typeof v === "number" ? convert(v) : mapTimes(v, convert),
      ]),
    );
  }

  it("gives the same timeline from Dates (SDK), ISO strings (IPC) and epoch milliseconds", () => {
    for (const convert of [
      (s: number) => new Date(s * 1000),
      (s: number) => new Date(s * 1000).toISOString(),
      (s: number) => s * 1000,
    ]) {
      expect(buildTimeline(mapTimes(input, convert) as TimelineInput)).toEqual(expected);
    }
  });

  it("does not depend on the order of details or on pages that overlap", () => {
    const details = [...input.actionExecutions];
    const shuffled = [...details.slice(3), ...details.slice(0, 3).reverse(), details[1]!, details[4]!];
    expect(buildTimeline({ ...input, actionExecutions: shuffled })).toEqual(expected);
  });

  it("ignores details of other runs", () => {
    const rollback = load("rollback");
    const snap = snapshot(rollback, "final");
    const own = inputFor(snap, runId(rollback, "good"));
    const others = Object.values(snap.listActionExecutions).flatMap((pages) =>
      pages.flatMap((p) => p.actionExecutionDetails),
    );
    expect(buildTimeline({ ...own, actionExecutions: others })).toEqual(buildTimeline(own));
  });
});

describe("links", () => {
  it("turns a log stream ARN into its CloudWatch Logs console page", () => {
    expect(
      logStreamUrl(
        "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/codebuild/app-build:log-stream:run/42",
      ),
    ).toBe(
      "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Faws$252Fcodebuild$252Fapp-build/log-events/run$252F42",
    );
    expect(logStreamUrl("arn:aws:s3:::bucket")).toBeUndefined();
    expect(logStreamUrl(undefined)).toBeUndefined();
  });

  it("passes on only http(s) provider links and builds the log link of an attempt", () => {
    const detail = {
      pipelineExecutionId: "r",
      actionExecutionId: "a",
      stageName: "Build",
      actionName: "Compile",
      status: "Failed",
      startTime: 1767603604,
      lastUpdateTime: 1767603664,
      output: {
        executionResult: {
          externalExecutionUrl: "javascript:alert(1)",
          logStreamARN: "arn:aws:logs:us-east-1:123456789012:log-group:app:log-stream:x",
        },
      },
    };
    const t = buildTimeline({
      summary: { pipelineExecutionId: "r", status: "Failed" },
      actionExecutions: [detail],
    });
    const compile = row(t, "Build", "Compile");
    expect(compile.externalExecutionUrl).toBeNull();
    expect(compile.logUrl).toBe(
      "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/app/log-events/x",
    );
  });
});
