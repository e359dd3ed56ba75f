import { describe, expect, it } from "vitest";
import { progress, summarizeRuns } from "../../../shared/execution";
import { load, ms, runId, snapshot, summaries } from "./recorded";

describe("progress", () => {
  it("counts the stages a running run has finished", () => {
    const success = load("success");
    const live = progress(snapshot(success, "in-progress").getPipelineState);
    expect(live).toEqual({
      pipelineExecutionId: runId(success, "r5"),
      done: 1,
      total: 3,
      running: ["Build"],
      awaitingApproval: [],
      failedStage: null,
      phase: "running",
    });
    expect(progress(snapshot(success, "final").getPipelineState)).toMatchObject({
      done: 3,
      total: 3,
      phase: "succeeded",
    });
  });

  it("reports an open approval", () => {
    const approval = load("approval");
    expect(progress(snapshot(approval, "waiting").getPipelineState)).toMatchObject({
      done: 2,
      total: 4,
      running: ["Approve"],
      awaitingApproval: ["Approve"],
    });
  });

  it("names the stage a run failed in", () => {
    const retry = load("retry");
    expect(progress(snapshot(retry, "failed").getPipelineState)).toMatchObject({
      done: 1,
      total: 3,
      failedStage: "Build",
      phase: "failed",
    });
  });

  it("measures the run asked for, counting stages a newer run has since entered", () => {
    const superseded = load("superseded");
    const state = snapshot(superseded, "in-progress").getPipelineState;
    // A is in Build; C finished Source and waits behind it.
    expect(progress(state)).toMatchObject({
      pipelineExecutionId: runId(superseded, "a"),
      done: 1,
      running: ["Build"],
    });
    expect(progress(state, runId(superseded, "c"))).toMatchObject({ done: 1, total: 3, running: [] });
  });

  it("counts a rollback run over the stages it rolls back", () => {
    const rollback = load("rollback");
    const state = snapshot(rollback, "final").getPipelineState;
    expect(progress(state, runId(rollback, "rollback"))).toMatchObject({
      done: 1,
      total: 1,
      phase: "succeeded",
    });
  });
});

describe("summarizeRuns", () => {
  it("lists runs newest first with status, trigger, revisions, times, mode and type", () => {
    const success = load("success");
    const rows = summarizeRuns(summaries(snapshot(success, "final")));
    expect(rows.map((r) => r.pipelineExecutionId)).toEqual(
      ["r5", "r4", "r3", "r2", "r1"].map((role) => runId(success, role)),
    );
    expect(rows.map((r) => r.durationMs)).toEqual([164_000, 124_000, 114_000, 104_000, 94_000]);
    const oldest = rows[4];
    expect(oldest).toMatchObject({
      status: "Succeeded",
      phase: "succeeded",
      triggerType: "CreatePipeline",
      triggerDetail: "arn:aws:iam::123456789012:user/sandbox-user",
      start: ms(1767603600),
      end: ms(1767603694),
      executionMode: "SUPERSEDED",
      executionType: "STANDARD",
      rollback: false,
      stopReason: null,
    });
    expect(rows[0]?.triggerType).toBe("StartPipelineExecution");
    const revision = oldest?.sourceRevisions[0];
    expect(revision?.actionName).toBe("Checkout");
    expect(revision?.revisionId).toMatch(/^[0-9a-f]{40}$/);
    expect(revision?.shortId).toBe(revision?.revisionId?.slice(0, 7));
    expect(revision?.url).toMatch(/^https:\/\/console\.aws\.amazon\.com\/codesuite\/codecommit\//);
  });

  it("gives a running run an elapsed duration only when told the time", () => {
    const success = load("success");
    const snap = snapshot(success, "in-progress");
    expect(summarizeRuns(summaries(snap))[0]).toMatchObject({
      phase: "running",
      end: null,
      durationMs: null,
    });
    expect(summarizeRuns(summaries(snap), new Date(snap.atMs))[0]?.durationMs).toBe(30_000);
    expect(summarizeRuns(summaries(snap), snap.atMs / 1000)[0]?.durationMs).toBe(30_000);
  });

  it("shows superseded, stopped and rollback runs for what they are", () => {
    const superseded = load("superseded");
    const b = summarizeRuns(summaries(snapshot(superseded, "final"))).find(
      (r) => r.pipelineExecutionId === runId(superseded, "b"),
    );
    expect(b).toMatchObject({
      phase: "superseded",
      statusSummary: `Superseded by execution ${runId(superseded, "c")}`,
    });
    const stopped = load("stopped");
    expect(summarizeRuns(summaries(snapshot(stopped, "final"))).map((r) => [r.phase, r.stopReason])).toEqual([
      ["stopped", "Wrong branch"],
      ["stopped", "Hold for the release window"],
    ]);
    const rollback = load("rollback");
    expect(summarizeRuns(summaries(snapshot(rollback, "final")))[0]).toMatchObject({
      rollback: true,
      executionType: "ROLLBACK",
      triggerType: "ManualRollback",
      rollbackTargetId: runId(rollback, "good"),
    });
  });

  it("keeps the newer copy of a run that two overlapping pages both hold", () => {
    const success = load("success");
    const live = summaries(snapshot(success, "in-progress"));
    const final = summaries(snapshot(success, "final"));
    const rows = summarizeRuns([...final, ...live]);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ phase: "succeeded", durationMs: 164_000 });
    expect(summarizeRuns([...live, ...final])).toEqual(rows);
  });
});
