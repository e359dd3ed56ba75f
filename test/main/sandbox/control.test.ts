import {
  ApprovalAlreadyCompletedException,
  CreatePipelineCommand,
  DisableStageTransitionCommand,
  DuplicatedStopRequestException,
  EnableStageTransitionCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  InvalidApprovalTokenException,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  NotLatestPipelineExecutionException,
  PipelineExecutionNotStoppableException,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  RollbackStageCommand,
  StageNotRetryableException,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  UnableToRollbackStageException,
  UpdatePipelineCommand,
  type CodePipelineClient,
  type PipelineDeclaration as SdkPipeline,
} from "@aws-sdk/client-codepipeline";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../main/sandbox";
import { threeStagePipeline } from "./fixtures";
import { approvalToken, openHarness, waitFor, waitForExecution, type Harness } from "./harness";

const sdk = (p: unknown): SdkPipeline => p as SdkPipeline;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function create(client: CodePipelineClient, pipeline: unknown): Promise<string> {
  await client.send(new CreatePipelineCommand({ pipeline: sdk(pipeline) }));
  const name = (pipeline as { name: string }).name;
  const list = await client.send(new ListPipelineExecutionsCommand({ pipelineName: name }));
  return list.pipelineExecutionSummaries?.[0]?.pipelineExecutionId ?? "";
}

async function statuses(client: CodePipelineClient, pipelineName: string, pipelineExecutionId: string) {
  const out = await client.send(
    new ListActionExecutionsCommand({ pipelineName, filter: { pipelineExecutionId } }),
  );
  return (out.actionExecutionDetails ?? []).map((d) => `${d.actionName}:${d.status}`).reverse();
}

describe("approvals", () => {
  it("waits for PutApprovalResult: Approved continues, Rejected fails", async () => {
    h = await openHarness();
    const first = await create(h.client, threeStagePipeline({ name: "gate", approval: {} }));
    const token = await approvalToken(h.client, "gate", "Approve", "Review", first);
    const state = await h.client.send(new GetPipelineStateCommand({ name: "gate" }));
    expect(state.stageStates?.find((s) => s.stageName === "Approve")?.latestExecution?.status).toBe(
      "InProgress",
    );
    expect(
      (
        await h.client.send(
          new GetPipelineExecutionCommand({ pipelineName: "gate", pipelineExecutionId: first }),
        )
      ).pipelineExecution?.status,
    ).toBe("InProgress");
    await expect(
      h.client.send(
        new PutApprovalResultCommand({
          pipelineName: "gate",
          stageName: "Approve",
          actionName: "Review",
          token: "00000000-0000-0000-0000-000000000000",
          result: { status: "Approved", summary: "wrong token" },
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidApprovalTokenException);
    const approve = (t: string, status: "Approved" | "Rejected", summary: string) =>
      h!.client.send(
        new PutApprovalResultCommand({
          pipelineName: "gate",
          stageName: "Approve",
          actionName: "Review",
          token: t,
          result: { status, summary },
        }),
      );
    const approved = await approve(token, "Approved", "Looks good");
    expect(approved.approvedAt).toBeInstanceOf(Date);
    await waitForExecution(h.client, "gate", first, ["Succeeded"]);
    await expect(approve(token, "Approved", "again")).rejects.toBeInstanceOf(
      ApprovalAlreadyCompletedException,
    );

    const second =
      (await h.client.send(new StartPipelineExecutionCommand({ name: "gate" }))).pipelineExecutionId ?? "";
    const token2 = await approvalToken(h.client, "gate", "Approve", "Review", second);
    expect(token2).not.toBe(token);
    await approve(token2, "Rejected", "Not this week");
    await waitForExecution(h.client, "gate", second, ["Failed"]);
    expect(await statuses(h.client, "gate", second)).toEqual([
      "Checkout:Succeeded",
      "Compile:Succeeded",
      "Review:Failed",
    ]);
    const review = (await h.client.send(new GetPipelineStateCommand({ name: "gate" }))).stageStates?.find(
      (s) => s.stageName === "Approve",
    )?.actionStates?.[0]?.latestExecution;
    expect(review).toMatchObject({ status: "Failed", summary: "Not this week" });
    expect(review?.token).toBeUndefined();
  });

  it("expires an unanswered approval after timeoutInMinutes", async () => {
    const clock = new ManualClock();
    h = await openHarness({ clock });
    const id = await create(
      h.client,
      threeStagePipeline({ name: "expiry", approval: { timeoutInMinutes: 5 } }),
    );
    clock.advance(64_000);
    await approvalToken(h.client, "expiry", "Approve", "Review", id);
    clock.advance(5 * 60_000 - 1);
    expect(await statuses(h.client, "expiry", id)).toContain("Review:InProgress");
    clock.advance(1);
    await waitForExecution(h.client, "expiry", id, ["Failed"]);
    const details = await h.client.send(new ListActionExecutionsCommand({ pipelineName: "expiry" }));
    expect(details.actionExecutionDetails?.[0]?.output?.executionResult?.errorDetails?.message).toMatch(
      /5 minutes/,
    );
  });
  it("lets a scenario decide an approval, for unattended runs", async () => {
    const clock = new ManualClock();
    h = await openHarness({
      clock,
      scenario: {
        rules: [{ action: "Review", outcome: "fail", durationSeconds: 30, summary: "auto-rejected" }],
      },
    });
    const id = await create(h.client, threeStagePipeline({ name: "auto", approval: {} }));
    clock.advance(64_000 + 29_999);
    const review = (await h.client.send(new GetPipelineStateCommand({ name: "auto" }))).stageStates?.[2]
      ?.actionStates?.[0];
    expect(review?.latestExecution).toMatchObject({ status: "InProgress" });
    expect(review?.latestExecution?.token).toBeUndefined();
    clock.advance(1);
    await waitForExecution(h.client, "auto", id, ["Failed"]);
  });
});

describe("stop, abandon, retry, transitions, rollback, update", () => {
  it("stop-and-wait lets the running action finish; abandon ends it at once", async () => {
    const clock = new ManualClock();
    h = await openHarness({ clock });
    const id = await create(h.client, threeStagePipeline({ name: "stopper" }));
    clock.advance(10_000); // Compile running
    await h.client.send(
      new StopPipelineExecutionCommand({ pipelineName: "stopper", pipelineExecutionId: id, reason: "hold" }),
    );
    let run = await h.client.send(
      new GetPipelineExecutionCommand({ pipelineName: "stopper", pipelineExecutionId: id }),
    );
    expect(run.pipelineExecution?.status).toBe("Stopping");
    await expect(
      h.client.send(new StopPipelineExecutionCommand({ pipelineName: "stopper", pipelineExecutionId: id })),
    ).rejects.toBeInstanceOf(DuplicatedStopRequestException);
    clock.advance(54_000);
    run = await h.client.send(
      new GetPipelineExecutionCommand({ pipelineName: "stopper", pipelineExecutionId: id }),
    );
    expect(run.pipelineExecution?.status).toBe("Stopped");
    expect(await statuses(h.client, "stopper", id)).toEqual(["Checkout:Succeeded", "Compile:Succeeded"]);
    const summary = (await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "stopper" })))
      .pipelineExecutionSummaries?.[0];
    expect(summary?.stopTrigger).toEqual({ reason: "hold" });
    await expect(
      h.client.send(new StopPipelineExecutionCommand({ pipelineName: "stopper", pipelineExecutionId: id })),
    ).rejects.toBeInstanceOf(PipelineExecutionNotStoppableException);

    const second =
      (await h.client.send(new StartPipelineExecutionCommand({ name: "stopper" }))).pipelineExecutionId ?? "";
    clock.advance(10_000);
    await h.client.send(
      new StopPipelineExecutionCommand({
        pipelineName: "stopper",
        pipelineExecutionId: second,
        abandon: true,
      }),
    );
    run = await h.client.send(
      new GetPipelineExecutionCommand({ pipelineName: "stopper", pipelineExecutionId: second }),
    );
    expect(run.pipelineExecution?.status).toBe("Stopped");
    expect(await statuses(h.client, "stopper", second)).toEqual(["Checkout:Succeeded", "Compile:Abandoned"]);
    const state = await h.client.send(new GetPipelineStateCommand({ name: "stopper" }));
    expect(state.stageStates?.[1]?.latestExecution?.status).toBe("Stopped");
  });

  it("retries a failed stage (FAILED_ACTIONS, then ALL_ACTIONS) and refuses retries that are not allowed", async () => {
    h = await openHarness({
      scenario: {
        rules: [{ pipeline: "retry", action: "Lint", outcome: "fail", errorMessage: "lint errors" }],
      },
    });
    const id = await create(h.client, threeStagePipeline({ name: "retry", groups: true }));
    await waitForExecution(h.client, "retry", id, ["Failed"]);
    const retry = (
      retryMode: "FAILED_ACTIONS" | "ALL_ACTIONS",
      pipelineExecutionId = id,
      stageName = "Build",
    ) =>
      h!.client.send(
        new RetryStageExecutionCommand({ pipelineName: "retry", stageName, pipelineExecutionId, retryMode }),
      );
    await expect(retry("FAILED_ACTIONS", id, "Source")).rejects.toBeInstanceOf(StageNotRetryableException);

    h.sandbox.scenario.set({});
    await retry("FAILED_ACTIONS");
    await waitForExecution(h.client, "retry", id, ["Succeeded"]);
    // Only Lint ran again; Compile kept its success; Package and Publish ran after the retry.
    expect(await statuses(h.client, "retry", id)).toEqual([
      "Checkout:Succeeded",
      "Compile:Succeeded",
      "Lint:Failed",
      "Lint:Succeeded",
      "Package:Succeeded",
      "Publish:Succeeded",
    ]);
    const state = await h.client.send(new GetPipelineStateCommand({ name: "retry" }));
    expect(state.stageStates?.[1]?.retryStageMetadata).toEqual({
      autoStageRetryAttempt: 0,
      manualStageRetryAttempt: 1,
      latestRetryTrigger: "ManualStageRetry",
    });
    await expect(retry("FAILED_ACTIONS")).rejects.toBeInstanceOf(StageNotRetryableException);
    const latest = await h.client.send(
      new ListActionExecutionsCommand({
        pipelineName: "retry",
        filter: { latestInPipelineExecution: { pipelineExecutionId: id, startTimeRange: "Latest" } },
      }),
    );
    expect(
      latest.actionExecutionDetails?.filter((d) => d.actionName === "Lint").map((d) => d.status),
    ).toEqual(["Succeeded"]);
    const all = await h.client.send(
      new ListActionExecutionsCommand({
        pipelineName: "retry",
        filter: { latestInPipelineExecution: { pipelineExecutionId: id, startTimeRange: "All" } },
      }),
    );
    expect(all.actionExecutionDetails).toHaveLength(6);

    h.sandbox.scenario.addRule({ pipeline: "retry", action: "Package", outcome: "fail" });
    const older =
      (await h.client.send(new StartPipelineExecutionCommand({ name: "retry" }))).pipelineExecutionId ?? "";
    await waitForExecution(h.client, "retry", older, ["Failed"]);
    const newer =
      (await h.client.send(new StartPipelineExecutionCommand({ name: "retry" }))).pipelineExecutionId ?? "";
    await waitForExecution(h.client, "retry", newer, ["Failed"]);
    await expect(retry("ALL_ACTIONS", older)).rejects.toBeInstanceOf(NotLatestPipelineExecutionException);
    h.sandbox.scenario.set({});
    await retry("ALL_ACTIONS", newer);
    await waitForExecution(h.client, "retry", newer, ["Succeeded"]);
    const rerun = await statuses(h.client, "retry", newer);
    expect(rerun.filter((s) => s.startsWith("Compile"))).toEqual(["Compile:Succeeded", "Compile:Succeeded"]);
  });

  it("holds a run before a stage whose inbound transition is disabled, and releases it when enabled", async () => {
    h = await openHarness();
    const first = await create(h.client, threeStagePipeline({ name: "held" }));
    await waitForExecution(h.client, "held", first, ["Succeeded"]);
    await h.client.send(
      new DisableStageTransitionCommand({
        pipelineName: "held",
        stageName: "Deploy",
        transitionType: "Inbound",
        reason: "Change freeze",
      }),
    );
    const id =
      (await h.client.send(new StartPipelineExecutionCommand({ name: "held" }))).pipelineExecutionId ?? "";
    const deploy = await waitFor("the run to wait before Deploy", async () => {
      const state = await h!.client.send(new GetPipelineStateCommand({ name: "held" }));
      const stage = state.stageStates?.find((s) => s.stageName === "Deploy");
      return stage?.inboundExecution?.pipelineExecutionId === id ? stage : undefined;
    });
    expect(deploy.inboundTransitionState).toMatchObject({ enabled: false, disabledReason: "Change freeze" });
    expect(deploy.inboundTransitionState?.lastChangedAt).toBeInstanceOf(Date);
    expect(deploy.inboundExecutions).toEqual([
      { pipelineExecutionId: id, status: "InProgress", type: "STANDARD" },
    ]);
    expect(deploy.latestExecution?.pipelineExecutionId).toBe(first);
    expect(await statuses(h.client, "held", id)).toEqual(["Checkout:Succeeded", "Compile:Succeeded"]);
    await h.client.send(
      new EnableStageTransitionCommand({
        pipelineName: "held",
        stageName: "Deploy",
        transitionType: "Inbound",
      }),
    );
    await waitForExecution(h.client, "held", id, ["Succeeded"]);
  });

  it("rolls a stage back to an earlier successful run as a ROLLBACK execution", async () => {
    h = await openHarness();
    const pipeline = threeStagePipeline({ name: "rollback", executionMode: "QUEUED" });
    const good = await create(h.client, pipeline);
    await waitForExecution(h.client, "rollback", good, ["Succeeded"]);
    h.sandbox.scenario.addRule({ pipeline: "rollback", stage: "Deploy", outcome: "fail" });
    const bad =
      (await h.client.send(new StartPipelineExecutionCommand({ name: "rollback" }))).pipelineExecutionId ??
      "";
    await waitForExecution(h.client, "rollback", bad, ["Failed"]);
    h.sandbox.scenario.set({});
    await expect(
      h.client.send(
        new RollbackStageCommand({
          pipelineName: "rollback",
          stageName: "Deploy",
          targetPipelineExecutionId: bad,
        }),
      ),
    ).rejects.toBeInstanceOf(UnableToRollbackStageException);
    await expect(
      h.client.send(
        new RollbackStageCommand({
          pipelineName: "rollback",
          stageName: "Source",
          targetPipelineExecutionId: good,
        }),
      ),
    ).rejects.toBeInstanceOf(UnableToRollbackStageException);
    const v1 = await create(h.client, threeStagePipeline({ name: "rollback-v1" }));
    await waitForExecution(h.client, "rollback-v1", v1, ["Succeeded"]);
    await expect(
      h.client.send(
        new RollbackStageCommand({
          pipelineName: "rollback-v1",
          stageName: "Deploy",
          targetPipelineExecutionId: v1,
        }),
      ),
    ).rejects.toThrow(/V2 pipeline/);
    const { pipelineExecutionId } = await h.client.send(
      new RollbackStageCommand({
        pipelineName: "rollback",
        stageName: "Deploy",
        targetPipelineExecutionId: good,
      }),
    );
    const id = pipelineExecutionId ?? "";
    await waitForExecution(h.client, "rollback", id, ["Succeeded"]);
    const summary = (await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "rollback" })))
      .pipelineExecutionSummaries?.[0];
    const goodSummary = (
      await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "rollback" }))
    ).pipelineExecutionSummaries?.find((s) => s.pipelineExecutionId === good);
    expect(summary).toMatchObject({
      pipelineExecutionId: id,
      executionType: "ROLLBACK",
      trigger: { triggerType: "ManualRollback" },
      rollbackMetadata: { rollbackTargetPipelineExecutionId: good },
    });
    expect(summary?.sourceRevisions).toEqual(goodSummary?.sourceRevisions);
    expect(await statuses(h.client, "rollback", id)).toEqual(["Publish:Succeeded"]);
    const state = await h.client.send(new GetPipelineStateCommand({ name: "rollback" }));
    expect(state.stageStates?.[2]?.latestExecution).toEqual({
      pipelineExecutionId: id,
      status: "Succeeded",
      type: "ROLLBACK",
    });
  });

  it("on update, lets running actions finish and cancels the run; cancels waiting runs at once", async () => {
    const clock = new ManualClock();
    h = await openHarness({ clock });
    const running = await create(h.client, threeStagePipeline({ name: "edited" }));
    clock.advance(10_000);
    const waiting =
      (await h.client.send(new StartPipelineExecutionCommand({ name: "edited" }))).pipelineExecutionId ?? "";
    clock.advance(4_000); // the second run waits before Build, which the first still holds
    await h.client.send(
      new UpdatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "edited", groups: true })) }),
    );
    const status = async (id: string) =>
      (
        await h!.client.send(
          new GetPipelineExecutionCommand({ pipelineName: "edited", pipelineExecutionId: id }),
        )
      ).pipelineExecution?.status;
    expect(await status(waiting)).toBe("Cancelled");
    expect(await status(running)).toBe("InProgress");
    expect(await statuses(h.client, "edited", running)).toEqual(["Checkout:Succeeded", "Compile:InProgress"]);
    // A run of the new version waits: the old run still holds Build until Compile finishes.
    const next =
      (await h.client.send(new StartPipelineExecutionCommand({ name: "edited" }))).pipelineExecutionId ?? "";
    clock.advance(50_000);
    expect(await status(running)).toBe("Cancelled");
    expect(await statuses(h.client, "edited", running)).toEqual(["Checkout:Succeeded", "Compile:Succeeded"]);
    const state = await h.client.send(new GetPipelineStateCommand({ name: "edited" }));
    expect(state.stageStates?.[1]?.latestExecution?.pipelineExecutionId).toBe(next);
    clock.advance(200_000);
    const run = await h.client.send(
      new GetPipelineExecutionCommand({ pipelineName: "edited", pipelineExecutionId: next }),
    );
    expect(run.pipelineExecution).toMatchObject({ status: "Succeeded", pipelineVersion: 2 });
    const history = await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "edited" }));
    expect(
      history.pipelineExecutionSummaries?.find((s) => s.pipelineExecutionId === running)?.statusSummary,
    ).toMatch(/definition was updated/);
  });
});
