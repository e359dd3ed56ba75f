/** Pipelines whose build is a custom (or partner) action that waits for a job worker. */
import type { ActionDeclaration, PipelineDeclaration } from "../../../shared/pipeline/model";
import { ROLE } from "./fixtures";

type ActionTypeId = ActionDeclaration["actionTypeId"];

export const CUSTOM_TYPE: ActionTypeId = {
  category: "Build",
  owner: "Custom",
  provider: "SandboxBuild",
  version: "1",
};
export const PARTNER_TYPE: ActionTypeId = {
  category: "Test",
  owner: "ThirdParty",
  provider: "SandboxScan",
  version: "1",
};

/** CreateCustomActionType input for CUSTOM_TYPE: jobs are polled for by its queryable ProjectName. */
export const CUSTOM_TYPE_DEFINITION: {
  category: "Build";
  provider: string;
  version: string;
  configurationProperties: {
    name: string;
    required: boolean;
    key: boolean;
    secret: boolean;
    queryable: boolean;
  }[];
  inputArtifactDetails: { minimumCount: number; maximumCount: number };
  outputArtifactDetails: { minimumCount: number; maximumCount: number };
} = {
  category: "Build",
  provider: "SandboxBuild",
  version: "1",
  configurationProperties: [
    { name: "ProjectName", required: true, key: true, secret: false, queryable: true },
  ],
  inputArtifactDetails: { minimumCount: 0, maximumCount: 5 },
  outputArtifactDetails: { minimumCount: 0, maximumCount: 5 },
};

/** PARTNER_TYPE as the integration model declares it (the sandbox's `actionTypes` option). */
export const PARTNER_DECLARATION = {
  id: { ...PARTNER_TYPE },
  executor: { configuration: { jobWorkerExecutorConfiguration: {} }, type: "JobWorker" },
  inputArtifactDetails: { minimumCount: 0, maximumCount: 5 },
  outputArtifactDetails: { minimumCount: 0, maximumCount: 5 },
  properties: [{ name: "ProjectName", optional: false, key: true, noEcho: false, queryable: true }],
};

/**
 * Source (CodeCommit) → Build (`Compile`, of `type`, namespace `Job`) → Deploy (`Publish`, an S3
 * deploy whose ObjectKey uses the worker's output variable `#{Job.ARTIFACT}`).
 */
export function workerPipeline(name: string, type: ActionTypeId = CUSTOM_TYPE): PipelineDeclaration {
  return {
    name,
    roleArn: ROLE,
    pipelineType: "V2",
    executionMode: "QUEUED",
    artifactStore: { type: "S3", location: "pipewright-sandbox-artifacts" },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Checkout",
            actionTypeId: { category: "Source", owner: "AWS", provider: "CodeCommit", version: "1" },
            configuration: { RepositoryName: "app", BranchName: "main", PollForSourceChanges: "false" },
            outputArtifacts: [{ name: "SourceOutput" }],
          },
        ],
      },
      {
        name: "Build",
        actions: [
          {
            name: "Compile",
            actionTypeId: { ...type },
            configuration: { ProjectName: "web" },
            inputArtifacts: [{ name: "SourceOutput" }],
            outputArtifacts: [{ name: "BuildOutput" }],
            namespace: "Job",
          },
        ],
      },
      {
        name: "Deploy",
        actions: [
          {
            name: "Publish",
            actionTypeId: { category: "Deploy", owner: "AWS", provider: "S3", version: "1" },
            configuration: { BucketName: "site", Extract: "false", ObjectKey: "#{Job.ARTIFACT}" },
            inputArtifacts: [{ name: "BuildOutput" }],
          },
        ],
      },
    ],
  };
}
