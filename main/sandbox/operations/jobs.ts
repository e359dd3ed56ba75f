/**
 * The custom action job worker operations: PollForJobs, AcknowledgeJob, GetJobDetails,
 * PutJobSuccessResult, PutJobFailureResult ("Used for custom actions only"). The jobs themselves
 * and their time limits are in job-queue.ts.
 */
import type { OperationHandler } from "../context";
import type { Job, JobActionType } from "../job-data";
import type { JobResult } from "../job-results";
import { fail } from "../protocol";
import type { ActionRunRecord } from "../records";

type ActionTypeId = ActionRunRecord["input"]["actionTypeId"];

/** The docs give no default batch size; one job per poll unless `maxBatchSize` asks for more. */
export function batchSize(input: Record<string, unknown>): number {
  return typeof input.maxBatchSize === "number" ? input.maxBatchSize : 1;
}

/** A timestamp member as the AWS JSON protocol sends it (epoch seconds), in milliseconds. */
export function timestampMs(value: unknown): number | undefined {
  if (typeof value === "number") return value * 1000;
  if (typeof value === "string" && value !== "") {
    const ms = Number.isFinite(Number(value)) ? Number(value) * 1000 : Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** The success members PutJobSuccessResult and PutThirdPartyJobSuccessResult share. */
export function jobResultOf(input: Record<string, unknown>): JobResult {
  const result: JobResult = {};
  const revision = input.currentRevision as
    { revision: string; changeIdentifier: string; created?: unknown; revisionSummary?: string } | undefined;
  if (revision) {
    const created = timestampMs(revision.created);
    result.currentRevision = {
      revision: revision.revision,
      changeIdentifier: revision.changeIdentifier,
      ...(created === undefined ? {} : { created }),
      ...(revision.revisionSummary === undefined ? {} : { revisionSummary: revision.revisionSummary }),
    };
  }
  if (typeof input.continuationToken === "string") result.continuationToken = input.continuationToken;
  if (input.executionDetails)
    result.executionDetails = input.executionDetails as JobResult["executionDetails"] & object;
  if (input.outputVariables) result.outputVariables = input.outputVariables as Record<string, string>;
  return result;
}

/**
 * PollForJobs' queryParam (API reference): "For an action type with no queryable properties, this
 * value must be null or an empty map. For an action type with a queryable property, you must supply
 * that property as a key in the map. Only jobs whose action configuration matches the mapped value
 * are returned."
 */
function queryFilter(type: JobActionType | undefined, query: Record<string, string>): (job: Job) => boolean {
  const keys = Object.keys(query);
  if (type) {
    const queryable = type.properties.filter((p) => p.queryable).map((p) => p.name);
    if (queryable.length === 0 && keys.length > 0) {
      fail(
        "ValidationException",
        `The action type has no queryable property; queryParam must be empty: ${keys.join(", ")}`,
      );
    }
    for (const name of queryable) {
      if (!keys.includes(name))
        fail("ValidationException", `queryParam must include the queryable property ${name}`);
    }
    for (const key of keys) {
      if (!queryable.includes(key))
        fail("ValidationException", `queryParam names a property that is not queryable: ${key}`);
    }
  }
  return (job) => {
    const configuration = job.run.input.resolvedConfiguration ?? job.run.input.configuration;
    return keys.every((key) => configuration[key] === query[key]);
  };
}

/**
 * "PollForJobs is valid only for action types with "Custom" in the owner field. If the action type
 * contains AWS or ThirdParty in the owner field, the PollForJobs action returns an error."
 */
export const pollForJobs: OperationHandler = (ctx, input) => {
  const typeId = input.actionTypeId as ActionTypeId;
  if (typeId.owner !== "Custom") {
    fail(
      "ValidationException",
      `PollForJobs is valid only for action types with "Custom" in the owner field: ${typeId.owner}`,
    );
  }
  const jobs = ctx.engine.jobs;
  const matches = queryFilter(
    jobs.requireType(typeId),
    (input.queryParam as Record<string, string> | undefined) ?? {},
  );
  const polled = jobs.poll("Custom", typeId, batchSize(input), matches);
  ctx.changed();
  return {
    jobs: polled.map((job) => ({
      id: job.id,
      data: jobs.dataOf(job),
      nonce: job.nonce,
      accountId: jobs.accountOf(job),
    })),
  };
};

export const acknowledgeJob: OperationHandler = (ctx, input) => {
  const job = ctx.engine.jobs.require("Custom", input.jobId as string);
  const status = ctx.engine.jobs.acknowledge(job, input.nonce as string);
  ctx.changed();
  return { status };
};

export const getJobDetails: OperationHandler = (ctx, input) => {
  const jobs = ctx.engine.jobs;
  const job = jobs.require("Custom", input.jobId as string);
  return { jobDetails: { id: job.id, data: jobs.dataOf(job), accountId: jobs.accountOf(job) } };
};

/**
 * "outputVariables can be included only when there is no continuation token on the request"
 * (PutJobSuccessResult, API reference).
 */
export const putJobSuccessResult: OperationHandler = (ctx, input) => {
  const job = ctx.engine.jobs.require("Custom", input.jobId as string);
  const result = jobResultOf(input);
  if (result.continuationToken !== undefined && result.outputVariables !== undefined) {
    fail("ValidationException", "outputVariables can be included only when there is no continuation token");
  }
  ctx.engine.jobs.succeed(job, result);
  ctx.changed();
  return {};
};

export const putJobFailureResult: OperationHandler = (ctx, input) => {
  const job = ctx.engine.jobs.require("Custom", input.jobId as string);
  ctx.engine.jobs.failJob(
    job,
    input.failureDetails as { type: string; message: string; externalExecutionId?: string },
  );
  ctx.changed();
  return {};
};
