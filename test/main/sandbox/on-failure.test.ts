import {
  CreatePipelineCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  StartPipelineExecutionCommand,
  type PipelineDeclaration as SdkPipeline,
} from "@aws-sdk/client-codepipeline";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../main/sandbox";
import { threeStagePipeline } from "./fixtures";
import { openHarness, waitForExecution, type Harness } from "./harness";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("a stage's onFailure result", () => {
  it("RETRY retries the failed stage once, automatically", async () => {
    h = await openHarness({ scenario: { rules: [{ action: "Compile", outcome: "fail" }] } });
    const pipeline = threeStagePipeline({ name: "auto-retry", executionMode: "QUEUED" });
    pipeline.stages[1]!.onFailure = { result: "RETRY", retryConfiguration: { retryMode: "FAILED_ACTIONS" } };
    await h.client.send(new CreatePipelineCommand({ pipeline: pipeline as SdkPipeline }));
    const id =
      (await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "auto-retry" })))
        .pipelineExecutionSummaries?.[0]?.pipelineExecutionId ?? "";
    await waitForExecution(h.client, "auto-retry", id, ["Failed"]);
    const details = await h.client.send(
      new ListActionExecutionsCommand({ pipelineName: "auto-retry", filter: { pipelineExecutionId: id } }),
    );
    expect(
      details.actionExecutionDetails?.filter((d) => d.actionName === "Compile").map((d) => d.status),
    ).toEqual(["Failed", "Failed"]);
    const state = await h.client.send(new GetPipelineStateCommand({ name: "auto-retry" }));
    expect(state.stageStates?.[1]?.retryStageMetadata).toEqual({
      autoStageRetryAttempt: 1,
      manualStageRetryAttempt: 0,
      latestRetryTrigger: "AutomatedStageRetry",
    });
  });

  it("ROLLBACK starts an automated rollback to the last run that succeeded in the stage", async () => {
    const clock = new ManualClock();
    h = await openHarness({ clock });
    const pipeline = threeStagePipeline({ name: "auto-rollback", executionMode: "QUEUED" });
    pipeline.stages[2]!.onFailure = { result: "ROLLBACK" };
    await h.client.send(new CreatePipelineCommand({ pipeline: pipeline as SdkPipeline }));
    const good =
      (await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "auto-rollback" })))
        .pipelineExecutionSummaries?.[0]?.pipelineExecutionId ?? "";
    clock.advance(104_000);
    await waitForExecution(h.client, "auto-rollback", good, ["Succeeded"]);
    h.sandbox.scenario.set({ rules: [{ stage: "Deploy", outcome: "fail" }] });
    const bad =
      (await h.client.send(new StartPipelineExecutionCommand({ name: "auto-rollback" })))
        .pipelineExecutionId ?? "";
    clock.advance(104_000); // Deploy fails at the end of this step; the rollback starts at once
    await waitForExecution(h.client, "auto-rollback", bad, ["Failed"]);
    h.sandbox.scenario.set({});
    const list = await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "auto-rollback" }));
    const rollback = list.pipelineExecutionSummaries?.[0];
    expect(rollback).toMatchObject({
      status: "InProgress",
      executionType: "ROLLBACK",
      trigger: { triggerType: "AutomatedRollback", triggerDetail: bad },
      rollbackMetadata: { rollbackTargetPipelineExecutionId: good },
    });
    clock.advance(40_000);
    await waitForExecution(h.client, "auto-rollback", rollback?.pipelineExecutionId ?? "", ["Succeeded"]);
    const state = await h.client.send(new GetPipelineStateCommand({ name: "auto-rollback" }));
    expect(state.stageStates?.[2]?.latestExecution).toMatchObject({ status: "Succeeded", type: "ROLLBACK" });
  });
});
