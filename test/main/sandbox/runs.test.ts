import {
  CreatePipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  StartPipelineExecutionCommand,
  ValidationException,
  type ActionExecutionDetail,
  type CodePipelineClient,
  type PipelineDeclaration as SdkPipeline,
} from "@aws-sdk/client-codepipeline";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../main/sandbox";
import { threeStagePipeline } from "./fixtures";
import { openHarness, waitForExecution, type Harness } from "./harness";

const sdk = (p: unknown): SdkPipeline => p as SdkPipeline;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function actions(client: CodePipelineClient, pipelineName: string, pipelineExecutionId: string) {
  const out = await client.send(
    new ListActionExecutionsCommand({ pipelineName, filter: { pipelineExecutionId } }),
  );
  const byName = new Map<string, ActionExecutionDetail>();
  // Newest first: the first detail seen per action is its latest attempt.
  for (const detail of out.actionExecutionDetails ?? []) {
    if (!byName.has(detail.actionName ?? "")) byName.set(detail.actionName ?? "", detail);
  }
  return byName;
}

async function onlyExecutionId(client: CodePipelineClient, pipelineName: string): Promise<string> {
  const list = await client.send(new ListPipelineExecutionsCommand({ pipelineName }));
  expect(list.pipelineExecutionSummaries).toHaveLength(1);
  return list.pipelineExecutionSummaries?.[0]?.pipelineExecutionId ?? "";
}

describe("runs through the SDK", () => {
  it("runs a three-stage pipeline: actions go InProgress then Succeeded with start and end times", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
    h = await openHarness({ clock });
    const t0 = clock.now();
    await h.client.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "full" })) }));
    const id = await onlyExecutionId(h.client, "full");

    let seen = await actions(h.client, "full", id);
    expect(seen.get("Checkout")?.status).toBe("InProgress");
    expect(seen.get("Compile")).toBeUndefined();
    clock.advance(4_000); // source default: 4 s
    seen = await actions(h.client, "full", id);
    expect(seen.get("Checkout")?.status).toBe("Succeeded");
    expect(seen.get("Compile")?.status).toBe("InProgress");
    const state = await h.client.send(new GetPipelineStateCommand({ name: "full" }));
    expect(state.stageStates?.map((s) => s.latestExecution?.status)).toEqual([
      "Succeeded",
      "InProgress",
      undefined,
    ]);
    clock.advance(60_000); // build: 60 s
    seen = await actions(h.client, "full", id);
    expect(seen.get("Compile")?.status).toBe("Succeeded");
    expect(seen.get("Publish")?.status).toBe("InProgress");
    clock.advance(40_000); // deploy: 40 s

    const { pipelineExecution } = await h.client.send(
      new GetPipelineExecutionCommand({ pipelineName: "full", pipelineExecutionId: id }),
    );
    expect(pipelineExecution).toMatchObject({
      status: "Succeeded",
      pipelineVersion: 1,
      executionType: "STANDARD",
    });
    expect(pipelineExecution?.artifactRevisions?.[0]).toMatchObject({ name: "SourceOutput" });
    seen = await actions(h.client, "full", id);
    const times = ["Checkout", "Compile", "Publish"].map((name) => {
      const d = seen.get(name);
      expect(d?.status).toBe("Succeeded");
      return [d?.startTime?.getTime(), d?.lastUpdateTime?.getTime()];
    });
    expect(times).toEqual([
      [t0, t0 + 4_000],
      [t0 + 4_000, t0 + 64_000],
      [t0 + 64_000, t0 + 104_000],
    ]);
    const compile = seen.get("Compile");
    expect(compile?.input?.inputArtifacts?.[0]?.s3location?.bucket).toBe("pipewright-artifacts");
    expect(compile?.output?.outputArtifacts?.[0]?.name).toBe("BuildOutput");
    const summary = (await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "full" })))
      .pipelineExecutionSummaries?.[0];
    expect(summary?.sourceRevisions?.[0]).toMatchObject({ actionName: "Checkout" });
    expect(summary?.sourceRevisions?.[0]?.revisionId).toMatch(/^[0-9a-f]{40}$/);
    expect(summary?.startTime?.getTime()).toBe(t0);
    expect(summary?.lastUpdateTime?.getTime()).toBe(t0 + 104_000);
    expect(summary?.trigger?.triggerType).toBe("CreatePipeline");
  });

  it("runs runOrder groups in sequence and the actions of a group in parallel", async () => {
    const clock = new ManualClock();
    h = await openHarness({ clock });
    await h.client.send(
      new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "groups", groups: true })) }),
    );
    const id = await onlyExecutionId(h.client, "groups");
    clock.advance(4_000);
    let seen = await actions(h.client, "groups", id);
    expect([seen.get("Compile")?.status, seen.get("Lint")?.status, seen.get("Package")]).toEqual([
      "InProgress",
      "InProgress",
      undefined,
    ]);
    clock.advance(45_000); // Lint (Test, 45 s) is done; Compile (60 s) is not, so Package waits
    seen = await actions(h.client, "groups", id);
    expect([seen.get("Compile")?.status, seen.get("Lint")?.status, seen.get("Package")]).toEqual([
      "InProgress",
      "Succeeded",
      undefined,
    ]);
    clock.advance(15_000);
    seen = await actions(h.client, "groups", id);
    expect(seen.get("Package")?.status).toBe("InProgress");
    expect(seen.get("Package")?.startTime?.getTime()).toBe(seen.get("Compile")?.lastUpdateTime?.getTime());
  });

  it("fails the stage and the run when an action fails, with errorDetails", async () => {
    h = await openHarness({
      scenario: {
        rules: [
          { pipeline: "failing", action: "Compile", outcome: "fail", errorMessage: "exit 2: tests failed" },
        ],
      },
    });
    await h.client.send(
      new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "failing" })) }),
    );
    const id = await onlyExecutionId(h.client, "failing");
    await waitForExecution(h.client, "failing", id, ["Failed"]);
    const { pipelineExecution } = await h.client.send(
      new GetPipelineExecutionCommand({ pipelineName: "failing", pipelineExecutionId: id }),
    );
    expect(pipelineExecution?.statusSummary).toContain("exit 2: tests failed");
    const seen = await actions(h.client, "failing", id);
    expect(seen.get("Compile")?.status).toBe("Failed");
    expect(seen.get("Compile")?.output?.executionResult?.errorDetails).toEqual({
      code: "JobFailed",
      message: "exit 2: tests failed",
    });
    expect(seen.get("Publish")).toBeUndefined();
    const state = await h.client.send(new GetPipelineStateCommand({ name: "failing" }));
    const build = state.stageStates?.find((s) => s.stageName === "Build");
    expect(build?.latestExecution).toEqual({ pipelineExecutionId: id, status: "Failed", type: "STANDARD" });
    expect(build?.actionStates?.[0]?.latestExecution?.errorDetails?.message).toBe("exit 2: tests failed");
    expect(state.stageStates?.find((s) => s.stageName === "Deploy")?.latestExecution).toBeUndefined();
    const succeededIn = async (stageName: string) =>
      (
        await h!.client.send(
          new ListPipelineExecutionsCommand({
            pipelineName: "failing",
            filter: { succeededInStage: { stageName } },
          }),
        )
      ).pipelineExecutionSummaries?.map((s) => s.pipelineExecutionId);
    expect(await succeededIn("Source")).toEqual([id]);
    expect(await succeededIn("Build")).toEqual([]);
  });

  it("starts runs with variables, source revision overrides, scenario outputs and an idempotency token", async () => {
    h = await openHarness({
      scenario: {
        rules: [
          {
            pipeline: "vars",
            action: "Compile",
            summary: "Built 12 modules",
            externalExecutionUrl: "https://example.com/build/42",
            outputVariables: { IMAGE: "app:42" },
          },
        ],
      },
    });
    const pipeline = threeStagePipeline({
      name: "vars",
      executionMode: "QUEUED",
      variables: [
        { name: "env", defaultValue: "dev" },
        { name: "region", defaultValue: "eu-west-1" },
      ],
    });
    pipeline.stages[2]!.actions[0]!.configuration = { BucketName: "#{variables.env}-site", Extract: "true" };
    await h.client.send(new CreatePipelineCommand({ pipeline: sdk(pipeline) }));
    const start = (token: string) =>
      h!.client.send(
        new StartPipelineExecutionCommand({
          name: "vars",
          variables: [{ name: "env", value: "prod" }],
          clientRequestToken: token,
          sourceRevisions: [{ actionName: "Checkout", revisionType: "COMMIT_ID", revisionValue: "abc123" }],
        }),
      );
    const first = await start("token-1");
    const again = await start("token-1");
    expect(again.pipelineExecutionId).toBe(first.pipelineExecutionId);
    const id = first.pipelineExecutionId ?? "";
    await waitForExecution(h.client, "vars", id, ["Succeeded"]);
    const { pipelineExecution } = await h.client.send(
      new GetPipelineExecutionCommand({ pipelineName: "vars", pipelineExecutionId: id }),
    );
    expect(pipelineExecution?.variables).toEqual([
      { name: "env", resolvedValue: "prod" },
      { name: "region", resolvedValue: "eu-west-1" },
    ]);
    expect(pipelineExecution?.trigger?.triggerType).toBe("StartPipelineExecution");
    expect(pipelineExecution?.artifactRevisions?.[0]?.revisionId).toBe("abc123");
    const seen = await actions(h.client, "vars", id);
    expect(seen.get("Publish")?.input?.resolvedConfiguration?.BucketName).toBe("prod-site");
    expect(seen.get("Publish")?.input?.configuration?.BucketName).toBe("#{variables.env}-site");
    expect(seen.get("Compile")?.output?.outputVariables).toEqual({ IMAGE: "app:42" });
    expect(seen.get("Compile")?.output?.executionResult).toMatchObject({
      externalExecutionSummary: "Built 12 modules",
      externalExecutionUrl: "https://example.com/build/42",
    });
    expect(seen.get("Checkout")?.output?.outputVariables?.CommitId).toBe("abc123");
    await expect(
      h.client.send(
        new StartPipelineExecutionCommand({ name: "vars", variables: [{ name: "nope", value: "x" }] }),
      ),
    ).rejects.toBeInstanceOf(ValidationException);
  });
});
