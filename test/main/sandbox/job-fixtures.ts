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
