import { describe, expect, it } from "vitest";
import {
  rehearsePipeline,
  RehearsalInvalidPipeline,
  RehearsalScenarioError,
} from "../../../main/rehearse/rehearse";
import { describeEvent } from "../../../shared/rehearse";
import { approval, build, deploy, FREEZE_RULE, pipeline, s3Deploy, source } from "./pipelines";

const brief = (result: ReturnType<typeof rehearsePipeline>) => ({
  status: result.status,
  stages: result.stages.map(({ name, status, attempts, rolledBack }) => ({
    name,
    status,
    attempts,
    rolledBack,
  })),
  actions: result.actions.map(({ stage, name, status, attempt }) => ({ stage, name, status, attempt })),
});

describe("rehearsePipeline", () => {
  it("with no scenario, everything succeeds: 4 s source, 60 s build, 40 s deploy", () => {
    const result = rehearsePipeline(pipeline([source(), build(), deploy()]));
    expect(brief(result)).toEqual({
      status: "Succeeded",
      stages: [
        { name: "Source", status: "Succeeded", attempts: 1, rolledBack: false },
        { name: "Build", status: "Succeeded", attempts: 1, rolledBack: false },
        { name: "Deploy", status: "Succeeded", attempts: 1, rolledBack: false },
      ],
      actions: [
        { stage: "Source", name: "Source", status: "Succeeded", attempt: 1 },
        { stage: "Build", name: "Build", status: "Succeeded", attempt: 1 },
        { stage: "Deploy", name: "DeployApp", status: "Succeeded", attempt: 1 },
      ],
    });
    expect(result.durationMs).toBe(104_000);
    expect(result.notes).toEqual([]);
  });

  it("a beforeEntry condition whose Lambda rule fails skips the stage and the run goes on", () => {
    const doc = pipeline([
      source(),
      deploy({ beforeEntry: { conditions: [{ result: "SKIP", rules: [FREEZE_RULE] }] } }, [
        { ...s3Deploy("DeployApp"), inputArtifacts: [{ name: "SourceArtifact" }] },
      ]),
      build(),
    ]);
    const result = rehearsePipeline(doc, {
      conditionRules: [
        { stage: "Deploy", rule: "ChangeFreeze", outcome: "fail", errorMessage: "A change freeze is on" },
      ],
    });
    expect(brief(result)).toEqual({
      status: "Succeeded",
      stages: [
        { name: "Source", status: "Succeeded", attempts: 1, rolledBack: false },
        { name: "Deploy", status: "Skipped", attempts: 0, rolledBack: false },
        { name: "Build", status: "Succeeded", attempts: 1, rolledBack: false },
      ],
      actions: [
        { stage: "Source", name: "Source", status: "Succeeded", attempt: 1 },
        { stage: "Build", name: "Build", status: "Succeeded", attempt: 1 },
      ],
    });
    // Source 0-4 s, the Lambda rule 4-14 s (10 s), skipped at 14 s, Build 14-74 s.
    const skipped = result.events.find((e) => e.kind === "stage-skipped");
    expect(skipped).toMatchObject({ stage: "Deploy", atMs: 14_000 });
    const check = result.events.find((e) => e.kind === "condition-finished");
    expect(check && describeEvent(check)).toBe(
      "Deploy: entry conditions not met: Rule ChangeFreeze failed: A change freeze is on",
    );
    expect(result.durationMs).toBe(74_000);
  });

  it.each(["FAILED_ACTIONS", "ALL_ACTIONS"] as const)(
    "onFailure RETRY (%s) that fails again leaves the stage failed after 2 attempts",
    (retryMode) => {
      const doc = pipeline([
        source(),
        build(),
        deploy({ onFailure: { result: "RETRY", retryConfiguration: { retryMode } } }, [
          s3Deploy("DeployApp"),
          s3Deploy("DeployDocs"),
        ]),
      ]);
      const result = rehearsePipeline(doc, {
        rules: [{ stage: "Deploy", action: "DeployApp", outcome: "fail", errorMessage: "AccessDenied" }],
      });
      const deployRuns = result.actions
        .filter((a) => a.stage === "Deploy")
        .map((a) => `${a.name}#${a.attempt}:${a.status}`);
      expect(result.status).toBe("Failed");
      expect(result.stages[2]).toEqual({
        name: "Deploy",
        status: "Failed",
        attempts: 2,
        rolledBack: false,
        retryMode,
      });
      // FAILED_ACTIONS re-runs only the failed action; ALL_ACTIONS the whole stage.
      expect(deployRuns).toEqual(
        retryMode === "FAILED_ACTIONS"
          ? ["DeployApp#1:Failed", "DeployDocs#1:Succeeded", "DeployApp#2:Failed"]
          : ["DeployApp#1:Failed", "DeployDocs#1:Succeeded", "DeployApp#2:Failed", "DeployDocs#2:Succeeded"],
      );
      const retried = result.events.find((e) => e.kind === "stage-retried");
      expect(retried && describeEvent(retried)).toBe(`Deploy: retried (automatic, ${retryMode}), attempt 2`);
      // Source 4 s + Build 60 s + two 40 s attempts of Deploy.
      expect(retried?.atMs).toBe(104_000);
      expect(result.durationMs).toBe(144_000);
    },
  );

  it.each(["FAILED_ACTIONS", "ALL_ACTIONS"] as const)(
    "onFailure RETRY (%s) that succeeds on the retry: the run succeeds after 2 attempts",
    (retryMode) => {
      const doc = pipeline([
        source(),
        build(),
        deploy({ onFailure: { result: "RETRY", retryConfiguration: { retryMode } } }, [
          s3Deploy("DeployApp"),
          s3Deploy("DeployDocs"),
        ]),
      ]);
      // The scenario's `attempt` fails only the first execution of DeployApp.
      const result = rehearsePipeline(doc, {
        rules: [
          { stage: "Deploy", action: "DeployApp", attempt: 1, outcome: "fail", errorMessage: "Throttled" },
        ],
      });
      const deployRuns = result.actions
        .filter((a) => a.stage === "Deploy")
        .map((a) => `${a.name}#${a.attempt}:${a.status}`);
      expect(result.status).toBe("Succeeded");
      expect(result.stages[2]).toEqual({
        name: "Deploy",
        status: "Succeeded",
        attempts: 2,
        rolledBack: false,
        retryMode,
      });
      expect(deployRuns).toEqual(
        retryMode === "FAILED_ACTIONS"
          ? ["DeployApp#1:Failed", "DeployDocs#1:Succeeded", "DeployApp#2:Succeeded"]
          : [
              "DeployApp#1:Failed",
              "DeployDocs#1:Succeeded",
              "DeployApp#2:Succeeded",
              "DeployDocs#2:Succeeded",
            ],
      );
      expect(result.durationMs).toBe(144_000);
    },
  );

  it("an automatic rollback returns the failed stage to the baseline run", () => {
    const doc = pipeline([source(), build(), deploy({ onFailure: { result: "ROLLBACK" } })]);
    const result = rehearsePipeline(doc, {
      rules: [{ stage: "Deploy", outcome: "fail", errorMessage: "Health check failed" }],
    });
    const baseline = result.runs.find((r) => r.role === "baseline");
    const rollback = result.runs.find((r) => r.role === "rollback");
    expect(result.status).toBe("Failed");
    expect(result.stages[2]).toEqual({
      name: "Deploy",
      status: "Failed",
      attempts: 1,
      rolledBack: true,
      rollbackTargetExecutionId: baseline?.executionId,
    });
    // The rollback redeploys what worked: it keeps the timings and succeeds.
    expect(rollback).toMatchObject({ status: "Succeeded", rollbackTargetExecutionId: baseline?.executionId });
    expect(rollback?.summary).toMatchObject({
      executionType: "ROLLBACK",
      rollbackMetadata: { rollbackTargetPipelineExecutionId: baseline?.executionId },
    });
    const started = result.events.find((e) => e.kind === "run-started" && e.role === "rollback");
    expect(started).toMatchObject({
      atMs: 104_000,
      stage: "Deploy",
      rollbackTargetExecutionId: baseline?.executionId,
    });
    expect(result.durationMs).toBe(144_000);
  });

  it("the baseline run approves its manual approvals too, so a stage after one can roll back", () => {
    const doc = pipeline([source(), build(), approval(), deploy({ onFailure: { result: "ROLLBACK" } })]);
    const result = rehearsePipeline(doc, {
      rules: [{ stage: "Deploy", outcome: "fail", errorMessage: "Health check failed" }],
    });
    const baseline = result.runs.find((r) => r.role === "baseline");
    expect(baseline?.status).toBe("Succeeded");
    expect(result.notes).toEqual([]);
    expect(result.stages[3]).toMatchObject({
      name: "Deploy",
      status: "Failed",
      rolledBack: true,
      rollbackTargetExecutionId: baseline?.executionId,
    });
  });

  it("a rejected manual approval fails the run before the deploy stage", () => {
    const doc = pipeline([source(), build(), approval(), deploy()]);
    const result = rehearsePipeline(doc, {
      rules: [
        {
          stage: "Approve",
          action: "Approval",
          outcome: "fail",
          errorMessage: "Rejected: not during the freeze",
        },
      ],
    });
    expect(brief(result)).toMatchObject({
      status: "Failed",
      stages: [
        { name: "Source", status: "Succeeded" },
        { name: "Build", status: "Succeeded" },
        { name: "Approve", status: "Failed", attempts: 1 },
        { name: "Deploy", status: null, attempts: 0 },
      ],
    });
    expect(result.actions[2]).toMatchObject({
      name: "Approval",
      status: "Failed",
      errorMessage: "Rejected: not during the freeze",
    });
  });

  it("approves manual approvals the scenario leaves unanswered", () => {
    const result = rehearsePipeline(
      pipeline([
        source(),
        approval(),
        deploy({}, [{ ...s3Deploy("DeployApp"), inputArtifacts: [{ name: "SourceArtifact" }] }]),
      ]),
    );
    expect(result.status).toBe("Succeeded");
  });

  it("resolves variables at each action: pipeline variables and earlier namespaces", () => {
    const doc = pipeline(
      [
        source(),
        build({ namespace: "BuildVariables" }),
        deploy({}, [
          s3Deploy("DeployApp", { ObjectKey: "#{variables.ENV}/#{BuildVariables.IMAGE_TAG}.zip" }),
        ]),
      ],
      { variables: [{ name: "ENV", defaultValue: "staging" }] },
    );
    const result = rehearsePipeline(doc, {
      variables: { ENV: "prod" },
      rules: [{ stage: "Build", action: "Build", outputVariables: { IMAGE_TAG: "v42" } }],
    });
    expect(result.actions[1]?.outputVariables).toEqual({ IMAGE_TAG: "v42" });
    expect(result.actions[2]?.resolvedConfiguration.ObjectKey).toBe("prod/v42.zip");
    const started = result.events.find((e) => e.kind === "action-started" && e.action === "DeployApp");
    expect(started?.resolvedConfiguration?.ObjectKey).toBe("prod/v42.zip");
  });

  it("an unresolved variable fails the action that uses it, and the run", () => {
    // An S3 source emits ETag and VersionId, not CommitId (a CodeCommit or Git source would).
    const doc = pipeline([
      source(),
      build(),
      deploy({}, [s3Deploy("DeployApp", { ObjectKey: "#{SourceVariables.CommitId}.zip" })]),
    ]);
    const result = rehearsePipeline(doc);
    expect(brief(result)).toMatchObject({
      status: "Failed",
      stages: [
        { name: "Source", status: "Succeeded" },
        { name: "Build", status: "Succeeded" },
        { name: "Deploy", status: "Failed", attempts: 1 },
      ],
    });
    expect(result.actions[2]).toMatchObject({
      name: "DeployApp",
      status: "Failed",
      // The service resolves nothing for an action whose variables do not all resolve.
      resolvedConfiguration: {},
      errorMessage:
        "An action in this pipeline failed because one or more variables could not be resolved: Action name=DeployApp. Unresolved: #{SourceVariables.CommitId}",
    });
    // It fails as soon as it starts: 4 s source + 60 s build.
    expect(result.durationMs).toBe(64_000);
    expect(result.actions[0]?.outputVariables).toHaveProperty("VersionId");
  });

  it("checks the scenario's expectations", () => {
    const doc = pipeline([source(), build(), deploy({ onFailure: { result: "ROLLBACK" } })]);
    const result = rehearsePipeline(doc, {
      rules: [{ stage: "Deploy", outcome: "fail" }],
      expect: { status: "Failed", stages: [{ name: "Deploy", rolledBack: true, attempts: 2 }] },
    });
    expect(result.expectations?.map((e) => [e.passed, e.expected, e.actual])).toEqual([
      [true, "run status = Failed", "run status = Failed"],
      [false, "stage Deploy attempts = 2", "stage Deploy attempts = 1"],
      [true, "stage Deploy rolledBack = true", "stage Deploy rolledBack = true"],
    ]);
  });

  it("refuses an invalid pipeline and a bad scenario without running anything", () => {
    expect(() => rehearsePipeline(pipeline([source()]))).toThrow(RehearsalInvalidPipeline);
    expect(() =>
      rehearsePipeline(pipeline([source(), build()]), { rules: [{ outcome: "explode" }] }),
    ).toThrow(RehearsalScenarioError);
    expect(() => rehearsePipeline(pipeline([source(), build()]), { variables: { NOPE: "x" } })).toThrow(
      /could not start: The pipeline declares no variable with this name: NOPE/,
    );
  });

  it("notes when the baseline could not succeed in a stage", () => {
    const doc = pipeline(
      [
        source(),
        deploy(
          {
            beforeEntry: {
              conditions: [
                {
                  result: "FAIL",
                  rules: [
                    {
                      name: "IsProd",
                      ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" },
                      configuration: { Variable: "#{variables.ENV}", Value: "prod", Operator: "EQ" },
                    },
                  ],
                },
              ],
            },
          },
          [{ ...s3Deploy("DeployApp"), inputArtifacts: [{ name: "SourceArtifact" }] }],
        ),
      ],
      { variables: [{ name: "ENV", defaultValue: "staging" }] },
    );
    const result = rehearsePipeline(doc, { variables: { ENV: "prod" } });
    expect(result.status).toBe("Succeeded");
    expect(result.notes[0]).toContain(
      "stages it did not succeed in have no earlier successful execution to roll back to: Deploy",
    );
  });
});
