/**
 * What a job worker is told about a job (JobData, ThirdPartyJobData), and the links a custom action
 * type's URL templates give an action. The API reference for PollForJobs: "When this API is
 * called, CodePipeline returns temporary credentials for the S3 bucket used to store artifacts for
 * the pipeline, if the action requires access to that S3 bucket for input or output artifacts.
 * This API also returns any secret values defined for the action." PipelineContext "contains
 * pipelineArn and pipelineExecutionId for custom action jobs. The pipelineArn and
 * pipelineExecutionId fields are not populated for ThirdParty action jobs."
 */
import type { ActionDeclaration } from "../../shared/pipeline/model";
import { artifactLocation } from "./action-runs";
import type { ActionRunRecord, ArtifactDetailRecord, ExecutionRecord, PipelineRecord } from "./records";
import { fakeHex, type RunContext } from "./run-context";

/** The parts of a custom action type (CreateCustomActionType) or integration type a job needs. */
export interface JobActionType {
  /** DeleteCustomActionType marks a type deleted; "PollForJobs for the custom action fails" then. */
  deleted: boolean;
  properties: readonly { name: string; queryable: boolean; secret: boolean; required: boolean }[];
  urls: { entityUrlTemplate?: string; executionUrlTemplate?: string; revisionUrlTemplate?: string };
  /** ActionTypeExecutor.jobTimeout: "The timeout in seconds for the job … for a single job". */
  jobTimeoutSeconds?: number;
}

/** Finds the stored action type with exactly this id (custom or integration model). */
export interface JobActionTypes {
  get(id: { category: string; owner: string; provider: string; version: string }): JobActionType | undefined;
}

export type JobKind = "Custom" | "ThirdParty";
export type JobStatus = "Queued" | "Dispatched" | "InProgress" | "TimedOut" | "Succeeded" | "Failed";

/** One job: a unit of work for a worker. A continuation makes a new job for the same action run. */
export interface Job {
  id: string;
  kind: JobKind;
  status: JobStatus;
  pipeline: PipelineRecord;
  execution: ExecutionRecord;
  run: ActionRunRecord;
  action: ActionDeclaration;
  /** Given out with the job (PollForJobs) or its details (GetThirdPartyJobDetails); a worker acknowledges with it. */
  nonce: string;
  /** ThirdParty jobs: the client the job belongs to. */
  clientId?: string;
  continuationToken?: string;
  createdAt: number;
}

/**
 * Fills `{Config:Name}` and `{ExternalExecutionId}` in a custom action type's URL template, as
 * "Create a custom action" describes: "You can refer to a name in the configuration properties of
 * the custom action within the URL templates by following the format of {Config:name}, as long as
 * the configuration property is both required and not secret", and the execution link is
 * completed with "an externalExecutionId". Undefined when a placeholder has no value.
 */
export function fillTemplate(
  template: string | undefined,
  configuration: Readonly<Record<string, string>>,
  type: JobActionType | undefined,
  externalExecutionId?: string,
): string | undefined {
  if (template === undefined) return undefined;
  let missing = false;
  const filled = template.replace(
    /\{(Config:([^}]+)|ExternalExecutionId)\}/g,
    (_whole, what: string, name?: string) => {
      if (what === "ExternalExecutionId") {
        if (externalExecutionId === undefined) missing = true;
        return encodeURIComponent(externalExecutionId ?? "");
      }
      const property = type?.properties.find((p) => p.name === name);
      const value = name === undefined ? undefined : configuration[name];
      if (value === undefined || property?.secret === true) missing = true;
      return encodeURIComponent(value ?? "");
    },
  );
  return missing ? undefined : filled;
}

function toArtifact(detail: ArtifactDetailRecord, revision: string | undefined) {
  return {
    name: detail.name,
    ...(revision === undefined ? {} : { revision }),
    location: {
      type: "S3",
      s3Location: { bucketName: detail.s3location.bucket, objectKey: detail.s3location.key },
    },
  };
}

/** Temporary credentials shaped like STS's, so workers that read them parse them. */
function sessionCredentials(job: Job) {
  const key = fakeHex(16, job.id, "key").toUpperCase();
  return {
    accessKeyId: `ASIA${key}`,
    secretAccessKey: fakeHex(40, job.id, "secret"),
    sessionToken: `FwoGZXIvYXdzE${fakeHex(96, job.id, "token")}`,
  };
}

/** JobData (custom) or ThirdPartyJobData: the job's action, configuration, context and artifacts. */
export function jobData(job: Job, ctx: RunContext): Record<string, unknown> {
  const { run, action, execution } = job;
  const revisions = new Map(execution.artifactRevisions.map((r) => [r.name, r.revisionId]));
  const store = ctx.declaration.artifactStores?.[run.input.region] ?? ctx.declaration.artifactStore;
  return {
    actionTypeId: { ...run.input.actionTypeId },
    actionConfiguration: {
      configuration: { ...(run.input.resolvedConfiguration ?? run.input.configuration) },
    },
    pipelineContext: {
      pipelineName: job.pipeline.name,
      stage: { name: run.stageName },
      action: { name: run.actionName, actionExecutionId: run.id },
      ...(job.kind === "Custom" ? { pipelineArn: job.pipeline.arn, pipelineExecutionId: execution.id } : {}),
    },
    inputArtifacts: run.input.inputArtifacts.map((a) => toArtifact(a, revisions.get(a.name))),
    outputArtifacts: (action.outputArtifacts ?? []).map((a) =>
      toArtifact(artifactLocation(ctx, a.name, run.input.region), undefined),
    ),
    artifactCredentials: sessionCredentials(job),
    ...(job.continuationToken === undefined ? {} : { continuationToken: job.continuationToken }),
    ...(store?.encryptionKey === undefined ? {} : { encryptionKey: { ...store.encryptionKey } }),
  };
}
