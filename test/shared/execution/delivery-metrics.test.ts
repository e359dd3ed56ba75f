/** Delivery metrics against values worked out by hand from a small history. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  deliveryMetrics,
  periodFromText,
  type ApiActionExecutionDetail,
  type ApiPipelineExecutionSummary,
  type PipelineHistory,
} from "../../../shared/execution";

const at = (iso: string) => new Date(iso).toISOString();
const period = { since: Date.parse("2024-03-01T00:00:00Z"), until: Date.parse("2024-03-11T00:00:00Z") };

function run(
  id: string,
  status: string,
  start: string,
  end?: string,
  extra: Partial<ApiPipelineExecutionSummary> = {},
): ApiPipelineExecutionSummary {
  return {
    pipelineExecutionId: id,
    status,
    startTime: at(start),
    ...(end ? { lastUpdateTime: at(end) } : {}),
    ...extra,
  };
}

function action(
  runId: string,
  stageName: string,
  actionName: string,
  category: string,
  start: string,
  end: string,
  status = "Succeeded",
  variables: Record<string, string> = {},
): ApiActionExecutionDetail {
  return {
    pipelineExecutionId: runId,
    stageName,
    actionName,
    status,
    startTime: at(start),
    lastUpdateTime: at(end),
    input: {
      actionTypeId: {
        category,
        owner: "AWS",
        provider: category === "Source" ? "CodeCommit" : "X",
        version: "1",
      },
    },
    output: { outputVariables: variables },
  };
}

/** Three actions per run: Source/Checkout, Build/Compile, Approve/Review. */
function stages(
  runId: string,
  day: string,
  compile: [string, string][],
  review: [string, string],
  vars = {},
) {
  return [
    action(runId, "Source", "Checkout", "Source", `${day}T10:00:00Z`, `${day}T10:00:10Z`, "Succeeded", vars),
    ...compile.map(([s, e], i) =>
      action(
        runId,
        "Build",
        "Compile",
        "Build",
        `${day}T${s}Z`,
        `${day}T${e}Z`,
        i < compile.length - 1 ? "Failed" : "Succeeded",
      ),
    ),
    action(runId, "Approve", "Review", "Approval", `${day}T${review[0]}Z`, `${day}T${review[1]}Z`),
  ];
}

const web: PipelineHistory = {
  pipelineName: "web",
  summaries: [
    run("r0", "Succeeded", "2024-02-20T10:00:00Z", "2024-02-20T10:10:00Z"),
    run("r1", "Succeeded", "2024-03-01T10:00:00Z", "2024-03-01T10:10:00Z"),
    run("r2", "Failed", "2024-03-02T10:00:00Z", "2024-03-02T10:05:00Z"),
    run("r3", "Succeeded", "2024-03-03T10:00:00Z", "2024-03-03T10:20:00Z"),
    run("r4", "Stopped", "2024-03-04T10:00:00Z", "2024-03-04T10:02:00Z"),
    run("r5", "Superseded", "2024-03-06T10:00:00Z", "2024-03-06T10:01:00Z"),
    run("r6", "Failed", "2024-03-07T10:00:00Z", "2024-03-07T10:06:00Z"),
    run("r7", "Failed", "2024-03-07T11:00:00Z", "2024-03-07T11:04:00Z"),
    run("r8", "Succeeded", "2024-03-08T10:00:00Z", "2024-03-08T10:30:00Z"),
    run("r10", "Succeeded", "2024-03-09T10:00:00Z", "2024-03-09T10:08:00Z", { executionType: "ROLLBACK" }),
    run("r9", "Failed", "2024-03-10T10:00:00Z", "2024-03-10T10:03:00Z"),
  ],
  actionExecutions: [
    ...stages("r1", "2024-03-01", [["10:00:10", "10:05:10"]], ["10:05:10", "10:10:00"], {
      CommitterDate: "2024-03-01T09:00:00Z",
      AuthorDate: "2024-03-01T08:00:00Z",
    }),
    ...stages(
      "r3",
      "2024-03-03",
      [
        ["10:00:10", "10:01:10"],
        ["10:02:00", "10:12:00"],
      ],
      ["10:12:00", "10:20:00"],
    ),
    ...stages("r8", "2024-03-08", [["10:00:10", "10:20:10"]], ["10:20:10", "10:30:00"], {
      AuthorDate: "2024-03-08T08:00:00Z",
    }),
  ],
};

describe("deliveryMetrics", () => {
  const m = deliveryMetrics([web], period);

  it("counts the runs that started in the period", () => {
    expect(m).toMatchObject({
      days: 10,
      pipelines: 1,
      runs: 10,
      succeeded: 4,
      failed: 4,
      stopped: 1,
      superseded: 1,
    });
    // 4 succeeded runs over 10 days; 4 failed of 8 that count.
    expect(m.deploymentsPerDay).toBe(0.4);
    expect(m.changeFailureRate).toBe(0.5);
  });

  it("measures lead time from the newest commit date, else from the run's start, rollbacks left out", () => {
    // r1: 09:00 (CommitterDate) → 10:10 = 4200 s; r3: no commit → its 20 minutes = 1200 s;
    // r8: 08:00 (AuthorDate only) → 10:30 = 9000 s.
    expect(m.leadTimeSeconds).toEqual({ p50: 4200, p90: 9000, samples: 3, fromCommits: 2 });
  });

  it("measures time to restore from each failure to the next success, per failure", () => {
    // r2 → r3: 24h15m = 87300 s; r6 → r8: 24h24m = 87840 s; r7 → r8: 23h26m = 84360 s; r9 never.
    expect(m.timeToRestoreSeconds).toEqual({ p50: 87300, samples: 3, unrestored: 1 });
  });

  it("gives run durations, their trend and a point per day", () => {
    // Finished runs: 600, 300, 1200, 360, 240, 1800, 480, 180 → median (360 + 480) / 2, p90 the 8th.
    expect(m.durationSeconds).toMatchObject({ p50: 420, p90: 1800, samples: 8 });
    // First half (before 6 March): 600, 300, 1200 → 600; second: 360, 240, 1800, 480, 180 → 360.
    expect(m.durationSeconds.trend).toEqual({ firstHalfP50: 600, secondHalfP50: 360, change: -0.4 });
    expect(m.daily).toHaveLength(10);
    expect(m.daily[6]).toEqual({ date: "2024-03-07", succeeded: 0, failed: 2, durationP50: 300 });
    expect(m.daily[5]).toEqual({ date: "2024-03-06", succeeded: 0, failed: 0, durationP50: null });
  });

  it("finds the slowest stage and action by p90, approvals not counted as the slowest action", () => {
    // Compile's last attempts: 300, 600, 1200. Review (an approval): 290, 480, 590.
    expect(m.slowestAction).toEqual({
      pipelineName: "web",
      stageName: "Build",
      actionName: "Compile",
      approval: false,
      p50: 600,
      p90: 1200,
      samples: 3,
    });
    // Build per run: 300, 710 (from the failed attempt's start), 1200.
    expect(m.slowestStage).toEqual({
      pipelineName: "web",
      stageName: "Build",
      includesApproval: false,
      p50: 710,
      p90: 1200,
      samples: 3,
    });
    expect(m.stages.map((s) => [s.stageName, s.p90, s.includesApproval])).toEqual([
      ["Build", 1200, false],
      ["Approve", 590, true],
      ["Source", 10, false],
    ]);
  });

  it("pools a fleet: counts add up, a success elsewhere restores nothing", () => {
    const api: PipelineHistory = {
      pipelineName: "api",
      summaries: [
        run("a1", "Failed", "2024-03-10T11:00:00Z", "2024-03-10T11:01:00Z"),
        run("a2", "Succeeded", "2024-03-10T12:00:00Z", "2024-03-10T12:02:00Z"),
      ],
      actionExecutions: [],
    };
    const fleet = deliveryMetrics([web, api], period);
    expect(fleet).toMatchObject({ pipelines: 2, runs: 12, succeeded: 5, failed: 5 });
    expect(fleet.changeFailureRate).toBe(0.5);
    // a1 → a2 is 120 + 3600 - 60 = 3660 s; web's r9 stays unrestored although api succeeded after
    // it. Samples 3660, 84360, 87300, 87840: the median is (84360 + 87300) / 2.
    expect(fleet.timeToRestoreSeconds).toEqual({ p50: 85830, samples: 4, unrestored: 1 });
  });

  it("has nothing to say about an empty history, and never throws on junk", () => {
    const empty = deliveryMetrics([{ pipelineName: "x", summaries: [], actionExecutions: [] }], period);
    expect(empty).toMatchObject({
      runs: 0,
      deploymentsPerDay: 0,
      changeFailureRate: null,
      leadTimeSeconds: { p50: null, p90: null, samples: 0 },
      durationSeconds: { p50: null, trend: null },
      slowestStage: null,
      slowestAction: null,
    });
    fc.assert(
      fc.property(fc.array(fc.anything()), fc.array(fc.anything()), (summaries, details) => {
        const history = {
          pipelineName: "p",
          summaries,
          actionExecutions: details,
        } as unknown as PipelineHistory;
        expect(() => deliveryMetrics([history], period)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe("periodFromText", () => {
  it("reads hours, days and weeks back from now", () => {
    const now = Date.parse("2024-03-11T00:00:00Z");
    expect(periodFromText("30d", now)).toEqual({ since: now - 30 * 86_400_000, until: now });
    expect(periodFromText("12h", now)).toEqual({ since: now - 12 * 3_600_000, until: now });
    expect(periodFromText("2w", now)).toEqual({ since: now - 14 * 86_400_000, until: now });
    for (const bad of ["", "30", "0d", "-1d", "3m", "1y"]) expect(periodFromText(bad, now)).toBeNull();
  });
});
