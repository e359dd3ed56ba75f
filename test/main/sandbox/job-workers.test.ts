/**
 * Custom and partner actions wait for a job worker: jobs are polled, acknowledged, continued,
 * finished or failed through the SDK, and time out on the sandbox's clock as AWS's do.
 */
import {
  AcknowledgeJobCommand,
  AcknowledgeThirdPartyJobCommand,
  CreateCustomActionTypeCommand,
  CreatePipelineCommand,
  GetJobDetailsCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  GetThirdPartyJobDetailsCommand,
  InvalidClientTokenException,
  InvalidJobStateException,
  InvalidNonceException,
  JobNotFoundException,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  PollForJobsCommand,
  PollForThirdPartyJobsCommand,
  PutActionRevisionCommand,
  PutJobFailureResultCommand,
  PutJobSuccessResultCommand,
  PutThirdPartyJobSuccessResultCommand,
  ValidationException,
  type CodePipelineClient,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../main/sandbox";
import { openHarness, type Harness } from "./harness";
import {
  CUSTOM_TYPE,
  CUSTOM_TYPE_DEFINITION,
  PARTNER_DECLARATION,
  PARTNER_TYPE,
  workerPipeline,
} from "./job-fixtures";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function open(name: string, type = CUSTOM_TYPE) {
  const clock = new ManualClock();
  // The custom type exists once created, the partner type once AWS set it up (the sandbox's option).
  h = await openHarness({ clock, actionTypes: [PARTNER_DECLARATION] });
  const client = h.client;
  await client.send(new CreateCustomActionTypeCommand({ ...CUSTOM_TYPE_DEFINITION }));
  await client.send(
    new CreatePipelineCommand({ pipeline: workerPipeline(name, type) as PipelineDeclaration }),
  );
  const runId = (await client.send(new ListPipelineExecutionsCommand({ pipelineName: name })))
    .pipelineExecutionSummaries?.[0]?.pipelineExecutionId as string;
  clock.advance(4_000); // the source action's simulated time
  return { clock, client, runId };
}

async function compile(client: CodePipelineClient, name: string, runId: string) {
  const { actionExecutionDetails = [] } = await client.send(
    new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: runId } }),
  );
  return actionExecutionDetails.find((d) => d.actionName === "Compile");
}

async function runStatus(client: CodePipelineClient, name: string, runId: string) {
  const { pipelineExecution } = await client.send(
    new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: runId }),
  );
  return pipelineExecution;
}

/**
 * The custom type's ProjectName is queryable, and "For an action type with a queryable property,
 * you must supply that property as a key in the map" (PollForJobs), so every poll names one.
 */
const poll = (client: CodePipelineClient, queryParam: Record<string, string> = { ProjectName: "web" }) =>
  client.send(new PollForJobsCommand({ actionTypeId: CUSTOM_TYPE, maxBatchSize: 5, queryParam }));

describe("custom action job workers", () => {
  it("polls, acknowledges, continues and succeeds a job whose output variables a later action uses", async () => {
    const { clock, client, runId } = await open("worker");
    expect(await compile(client, "worker", runId)).toMatchObject({ status: "InProgress" });
    expect((await poll(client, { ProjectName: "other" })).jobs).toEqual([]);

    const [job] = (await poll(client, { ProjectName: "web" })).jobs ?? [];
    expect(job?.accountId).toBe("123456789012");
    expect(job?.data?.actionTypeId).toEqual(CUSTOM_TYPE);
    expect(job?.data?.actionConfiguration?.configuration).toEqual({ ProjectName: "web" });
    expect(job?.data?.pipelineContext).toMatchObject({
      pipelineName: "worker",
      stage: { name: "Build" },
      action: { name: "Compile" },
      pipelineExecutionId: runId,
      pipelineArn: "arn:aws:codepipeline:us-east-1:123456789012:worker",
    });
    expect(job?.data?.inputArtifacts?.[0]).toMatchObject({
      name: "SourceOutput",
      revision: expect.stringMatching(/^[0-9a-f]{40}$/),
      location: { type: "S3", s3Location: { bucketName: "pipewright-sandbox-artifacts" } },
    });
    expect(job?.data?.artifactCredentials?.accessKeyId).toMatch(/^ASIA[0-9A-F]{16}$/);
    // A dispatched job is not handed to a second worker.
    expect((await poll(client)).jobs).toEqual([]);

    const jobId = job?.id as string;
    await expect(
      client.send(new AcknowledgeJobCommand({ jobId, nonce: "someone-else" })),
    ).rejects.toBeInstanceOf(InvalidNonceException);
    expect((await client.send(new AcknowledgeJobCommand({ jobId, nonce: job?.nonce }))).status).toBe(
      "InProgress",
    );
    expect((await client.send(new GetJobDetailsCommand({ jobId }))).jobDetails?.id).toBe(jobId);

    // A continuation: the job is done, a new one carries the token, the action keeps running.
    await client.send(
      new PutJobSuccessResultCommand({
        jobId,
        continuationToken: "build-42",
        executionDetails: { summary: "Building", externalExecutionId: "42", percentComplete: 50 },
      }),
    );
    await expect(client.send(new PutJobSuccessResultCommand({ jobId }))).rejects.toBeInstanceOf(
      InvalidJobStateException,
    );
    const state = await client.send(new GetPipelineStateCommand({ name: "worker" }));
    expect(state.stageStates?.[1]?.actionStates?.[0]?.latestExecution).toMatchObject({
      status: "InProgress",
      summary: "Building",
      externalExecutionId: "42",
      percentComplete: 50,
    });
    const [next] = (await poll(client)).jobs ?? [];
    expect(next?.id).not.toBe(jobId);
    expect(next?.data?.continuationToken).toBe("build-42");
    await client.send(new AcknowledgeJobCommand({ jobId: next?.id, nonce: next?.nonce }));
    await expect(
      client.send(
        new PutJobSuccessResultCommand({
          jobId: next?.id,
          continuationToken: "x",
          outputVariables: { A: "1" },
        }),
      ),
    ).rejects.toBeInstanceOf(ValidationException);
    await client.send(
      new PutJobSuccessResultCommand({
        jobId: next?.id,
        executionDetails: { summary: "Built", externalExecutionId: "42" },
        outputVariables: { ARTIFACT: "web-42.zip" },
      }),
    );
    const done = await compile(client, "worker", runId);
    expect(done?.status).toBe("Succeeded");
    expect(done?.output?.outputVariables).toEqual({ ARTIFACT: "web-42.zip" });
    expect(done?.output?.executionResult).toMatchObject({
      externalExecutionId: "42",
      externalExecutionSummary: "Built",
    });
    clock.advance(40_000); // the deploy's simulated time
    expect((await runStatus(client, "worker", runId))?.status).toBe("Succeeded");
    const { actionExecutionDetails = [] } = await client.send(
      new ListActionExecutionsCommand({ pipelineName: "worker", filter: { pipelineExecutionId: runId } }),
    );
    const publish = actionExecutionDetails.find((d) => d.actionName === "Publish");
    expect(publish?.input?.resolvedConfiguration?.ObjectKey).toBe("web-42.zip");
    await expect(
      client.send(new GetJobDetailsCommand({ jobId: "00000000-0000-0000-0000-000000000000" })),
    ).rejects.toBeInstanceOf(JobNotFoundException);
  });

  it("fails the action with the worker's message", async () => {
    const { client, runId } = await open("failing");
    const [job] = (await poll(client)).jobs ?? [];
    await client.send(new AcknowledgeJobCommand({ jobId: job?.id, nonce: job?.nonce }));
    await client.send(
      new PutJobFailureResultCommand({
        jobId: job?.id,
        failureDetails: { type: "JobFailed", message: "3 tests failed", externalExecutionId: "43" },
      }),
    );
    const failed = await compile(client, "failing", runId);
    expect(failed?.status).toBe("Failed");
    expect(failed?.output?.executionResult?.errorDetails).toEqual({
      code: "JobFailed",
      message: "3 tests failed",
    });
    expect((await runStatus(client, "failing", runId))?.statusSummary).toBe(
      "Stage Build failed: action Compile: 3 tests failed",
    );
  });

  it("fails a job nobody finished after the custom action's 24 hours, as AWS reports it", async () => {
    const { clock, client, runId } = await open("late");
    const [job] = (await poll(client)).jobs ?? [];
    clock.advance(24 * 60 * 60 * 1000 - 1);
    expect((await compile(client, "late", runId))?.status).toBe("InProgress");
    clock.advance(1);
    const late = await compile(client, "late", runId);
    expect(late?.status).toBe("Failed");
    expect(late?.output?.executionResult?.errorDetails).toEqual({
      code: "TimeoutError",
      message:
        "The action failed because a job worker exceeded its time limit. If this is a custom action, make sure that the job worker is configured correctly.",
    });
    // The worker's late answers are refused; the acknowledgement reports the job timed out.
    expect((await client.send(new AcknowledgeJobCommand({ jobId: job?.id, nonce: job?.nonce }))).status).toBe(
      "TimedOut",
    );
    await expect(client.send(new PutJobSuccessResultCommand({ jobId: job?.id }))).rejects.toBeInstanceOf(
      InvalidJobStateException,
    );
  });

  it("refuses to poll built-in or partner types with PollForJobs", async () => {
    const { client } = await open("owners");
    await expect(
      client.send(new PollForJobsCommand({ actionTypeId: { ...CUSTOM_TYPE, owner: "AWS" } })),
    ).rejects.toBeInstanceOf(ValidationException);
  });
});

describe("partner action job workers", () => {
  it("give a job to the client that holds its token", async () => {
    const { client, runId } = await open("partner", PARTNER_TYPE);
    const [job] =
      (await client.send(new PollForThirdPartyJobsCommand({ actionTypeId: PARTNER_TYPE }))).jobs ?? [];
    expect(job?.clientId).toMatch(/^[0-9a-f-]{36}$/);
    const jobId = job?.jobId as string;
    await expect(
      client.send(new GetThirdPartyJobDetailsCommand({ jobId, clientToken: "not-the-token" })),
    ).rejects.toBeInstanceOf(InvalidClientTokenException);
    const details = (
      await client.send(new GetThirdPartyJobDetailsCommand({ jobId, clientToken: job?.clientId }))
    ).jobDetails;
    expect(details?.data?.pipelineContext).toEqual({
      pipelineName: "partner",
      stage: { name: "Build" },
      action: { name: "Compile", actionExecutionId: expect.any(String) },
    });
    await client.send(
      new AcknowledgeThirdPartyJobCommand({ jobId, nonce: details?.nonce, clientToken: job?.clientId }),
    );
    await client.send(
      new PutThirdPartyJobSuccessResultCommand({
        jobId,
        clientToken: job?.clientId,
        executionDetails: { summary: "No vulnerabilities" },
      }),
    );
    const compiled = await compile(client, "partner", runId);
    expect(compiled).toMatchObject({
      status: "Succeeded",
      output: { executionResult: { externalExecutionSummary: "No vulnerabilities" } },
    });
  });
});

describe("PutActionRevision", () => {
  it("starts a run with a new revision of a source action, and not with one already used", async () => {
    const { clock, client } = await open("revisions");
    const revision = {
      revisionId: "a".repeat(40),
      revisionChangeId: "change-1",
      created: new Date(Date.UTC(2026, 0, 2)),
    };
    const put = () =>
      client.send(
        new PutActionRevisionCommand({
          pipelineName: "revisions",
          stageName: "Source",
          actionName: "Checkout",
          actionRevision: revision,
        }),
      );
    const first = await put();
    expect(first.newRevision).toBe(true);
    clock.advance(4_000);
    const run = await runStatus(client, "revisions", first.pipelineExecutionId as string);
    expect(run?.trigger?.triggerType).toBe("PutActionRevision");
    expect(run?.artifactRevisions?.[0]).toMatchObject({
      revisionId: "a".repeat(40),
      revisionChangeIdentifier: "change-1",
      created: new Date(Date.UTC(2026, 0, 2)),
    });
    expect(await put()).toMatchObject({ newRevision: false, pipelineExecutionId: first.pipelineExecutionId });
    await expect(
      client.send(
        new PutActionRevisionCommand({
          pipelineName: "revisions",
          stageName: "Build",
          actionName: "Compile",
          actionRevision: revision,
        }),
      ),
    ).rejects.toBeInstanceOf(ValidationException);
  });
});
