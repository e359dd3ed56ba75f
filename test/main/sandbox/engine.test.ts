/**
 * The engine without the HTTP server: a state, a ManualClock and the Engine are all a caller (a
 * rehearsal, a test) needs to run a pipeline and step time through it.
 */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../../main/sandbox/clock";
import { Engine } from "../../../main/sandbox/engine";
import type { PipelineRecord, SandboxState } from "../../../main/sandbox/records";
import { ScenarioBook } from "../../../main/sandbox/scenario";
import { threeStagePipeline } from "./fixtures";

function setUp(scenario = new ScenarioBook()) {
  const state: SandboxState = { pipelines: [], seq: 0, clockMs: 0 };
  const clock = new ManualClock();
  let changes = 0;
  const engine = new Engine(state, { clock, scenario, region: "eu-west-1", onChange: () => (changes += 1) });
  const declaration = { ...threeStagePipeline({ name: "direct" }), version: 1 };
  const pipeline: PipelineRecord = {
    name: "direct",
    arn: "arn:aws:codepipeline:eu-west-1:123456789012:direct",
    versions: [declaration],
    created: clock.now(),
    updated: clock.now(),
    tags: [],
    transitions: [],
    executions: [],
    actionRuns: [],
    conditionChecks: [],
    ruleRuns: [],
    clientTokens: [],
  };
  state.pipelines.push(pipeline);
  return { engine, clock, pipeline, changes: () => changes };
}

describe("the engine in memory", () => {
  it("runs a pipeline stage by stage as a ManualClock is stepped", () => {
    const { engine, clock, pipeline, changes } = setUp();
    const run = engine.start(pipeline, { trigger: { triggerType: "StartPipelineExecution" } });
    expect(run.status).toBe("InProgress");
    expect(pipeline.actionRuns.map((r) => r.actionName)).toEqual(["Checkout"]);
    clock.advance(4_000);
    expect(pipeline.actionRuns.map((r) => `${r.actionName}:${r.status}`)).toEqual([
      "Checkout:Succeeded",
      "Compile:InProgress",
    ]);
    clock.advance(60_000 + 40_000);
    expect(run.status).toBe("Succeeded");
    expect(run.stages.map((s) => s.status)).toEqual(["Succeeded", "Succeeded", "Succeeded"]);
    expect(run.lastUpdateTime).toBe(clock.now());
    expect(pipeline.actionRuns.every((r) => r.input.region === "eu-west-1")).toBe(true);
    expect(changes()).toBeGreaterThan(0);
  });

  it("stops, retries and forgets without a server", () => {
    const scenario = new ScenarioBook({
      rules: [{ action: "Compile", outcome: "fail", errorMessage: "no" }],
    });
    const { engine, clock, pipeline } = setUp(scenario);
    const run = engine.start(pipeline, { trigger: { triggerType: "StartPipelineExecution" } });
    clock.advance(64_000);
    expect(run.status).toBe("Failed");
    expect(run.statusSummary).toBe("Stage Build failed: action Compile: no");
    scenario.set({});
    engine.retry(pipeline, run, "Build", "FAILED_ACTIONS");
    expect(run.status).toBe("InProgress");
    engine.stop(pipeline, run, true, "enough");
    expect(run.status).toBe("Stopped");
    engine.forget(pipeline);
    clock.advance(3_600_000);
    expect(pipeline.actionRuns.map((r) => r.status)).toEqual(["Succeeded", "Failed", "Abandoned"]);
  });
});
