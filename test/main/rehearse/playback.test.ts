import { describe, expect, it } from "vitest";
import { rehearsePipeline } from "../../../main/rehearse/rehearse";
import { buildTimeline, toEpochMs } from "../../../shared/execution";
import { actionKey, frameAt, runAsOf, stepAtTime } from "../../../shared/rehearse";
import { build, deploy, pipeline, s3Deploy, source } from "./pipelines";

describe("playback of a rehearsal", () => {
  const result = rehearsePipeline(
    pipeline([
      source(),
      build(),
      deploy({ onFailure: { result: "ROLLBACK" } }, [
        s3Deploy("DeployApp", { ObjectKey: "#{SourceVariables.VersionId}.zip" }),
      ]),
    ]),
    {
      rules: [{ stage: "Deploy", action: "DeployApp", outcome: "fail", errorMessage: "Health check failed" }],
    },
  );
  const events = result.events;
  const baseline = result.runs.find((r) => r.role === "baseline")?.executionId;

  it("starts empty and ends where the run ended", () => {
    expect(frameAt(events, -1)).toMatchObject({ step: -1, runStatus: "InProgress" });
    expect(frameAt(events, -1).stages.size).toBe(0);
    const end = frameAt(events, events.length + 5);
    expect(end.step).toBe(events.length - 1);
    expect(end.runStatus).toBe("Failed");
    expect(end.stages.get("Deploy")).toMatchObject({
      status: "Succeeded",
      role: "rollback",
      rolledBackTo: baseline,
    });
    expect(end.stages.get("Build")).toMatchObject({ status: "Succeeded", role: "rehearsal", attempt: 1 });
  });

  it("shows the failure before the rollback, with the resolved configuration", () => {
    const failed = events.findIndex((e) => e.kind === "stage-failed");
    const frame = frameAt(events, failed);
    expect(frame.stages.get("Deploy")).toMatchObject({ status: "Failed", role: "rehearsal" });
    expect(frame.stages.get("Deploy")?.rolledBackTo).toBeUndefined();
    const action = frame.actions.get(actionKey("Deploy", "DeployApp"));
    expect(action).toMatchObject({ status: "Failed", message: "Health check failed", attempt: 1 });
    expect(action?.resolvedConfiguration?.ObjectKey).toMatch(/^[A-Za-z0-9._-]{32}\.zip$/);
  });

  it("finds the step for a time on the scrubber", () => {
    expect(stepAtTime(events, -1)).toBe(-1);
    const at64 = stepAtTime(events, 64_000);
    expect(events[at64]?.atMs).toBe(64_000);
    expect(events[at64 + 1]?.atMs).toBeGreaterThan(64_000);
    expect(frameAt(events, at64).stages.get("Deploy")?.status).toBe("InProgress");
  });

  it("cuts the rehearsed run at a moment, for the timeline scrubber", () => {
    const run = result.runs.find((r) => r.role === "rehearsal");
    if (!run) throw new Error("no rehearsed run");
    const start = toEpochMs(run.summary.startTime) ?? 0;
    expect(runAsOf(run, start - 1)).toBeUndefined();
    // 70 s in: Source (0-4 s) and Build (4-64 s) are done, DeployApp (64-104 s) is running.
    const at70 = runAsOf(run, start + 70_000);
    const timeline = at70 && buildTimeline({ ...at70, pipeline: { stages: [] } });
    expect(timeline?.status).toBe("InProgress");
    const phases = timeline?.stages.map((st) => [st.stageName, st.phase]);
    expect(phases).toEqual([
      ["Source", "succeeded"],
      ["Build", "succeeded"],
      ["Deploy", "running"],
    ]);
    const end = runAsOf(run, start + 1_000_000);
    expect(end?.summary.status).toBe("Failed");
  });
});
