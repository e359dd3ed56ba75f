/**
 * The partner action job worker operations ("Used for partner actions only"): PollForThirdPartyJobs,
 * GetThirdPartyJobDetails, AcknowledgeThirdPartyJob, PutThirdPartyJobSuccessResult,
 * PutThirdPartyJobFailureResult. A poll returns only a job id and a client id; every other call
 * carries "The clientToken portion of the clientId and clientToken pair used to verify that the
 * calling entity is allowed access to the job and its details". In AWS the partner holds the token
 * from its connection with the customer; the sandbox has no partners, so a client's token is its
 * client id itself (any other token gets InvalidClientTokenException).
 */
import type { OperationHandler, SandboxContext } from "../context";
import type { Job } from "../job-data";
import { fail } from "../protocol";
import type { ActionRunRecord } from "../records";
import { batchSize, jobResultOf } from "./jobs";

function requireJob(ctx: SandboxContext, input: Record<string, unknown>): Job {
  const job = ctx.engine.jobs.require("ThirdParty", input.jobId as string);
  if (input.clientToken !== job.clientId) {
    fail("InvalidClientTokenException", `The client token does not belong to the client of job ${job.id}`);
  }
  return job;
}

export const pollForThirdPartyJobs: OperationHandler = (ctx, input) => {
  const typeId = input.actionTypeId as ActionRunRecord["input"]["actionTypeId"];
  if (typeId.owner !== "ThirdParty") {
    fail(
      "ValidationException",
      `PollForThirdPartyJobs is for partner actions (owner ThirdParty): ${typeId.owner}`,
    );
  }
  const jobs = ctx.engine.jobs;
  jobs.requireType(typeId);
  const polled = jobs.poll("ThirdParty", typeId, batchSize(input), () => true);
  ctx.changed();
  return { jobs: polled.map((job) => ({ clientId: job.clientId, jobId: job.id })) };
};

/** The nonce a worker acknowledges with comes from here ("Get this number from the response to a GetThirdPartyJobDetails request"). */
export const getThirdPartyJobDetails: OperationHandler = (ctx, input) => {
  const job = requireJob(ctx, input);
  return { jobDetails: { id: job.id, data: ctx.engine.jobs.dataOf(job), nonce: job.nonce } };
};

export const acknowledgeThirdPartyJob: OperationHandler = (ctx, input) => {
  const job = requireJob(ctx, input);
  const status = ctx.engine.jobs.acknowledge(job, input.nonce as string);
  ctx.changed();
  return { status };
};

export const putThirdPartyJobSuccessResult: OperationHandler = (ctx, input) => {
  const job = requireJob(ctx, input);
  // Partner jobs report no output variables: the operation has no such member.
  const { outputVariables: _none, ...result } = jobResultOf(input);
  ctx.engine.jobs.succeed(job, result);
  ctx.changed();
  return {};
};

export const putThirdPartyJobFailureResult: OperationHandler = (ctx, input) => {
  const job = requireJob(ctx, input);
  ctx.engine.jobs.failJob(
    job,
    input.failureDetails as { type: string; message: string; externalExecutionId?: string },
  );
  ctx.changed();
  return {};
};
