/** Pipelines and action types for the custom-action, webhook and deploy-target tests. */
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { ROLE } from "./fixtures";

/** An integration-model action type as get-action-type prints it (the user guide's TestProvider). */
export const TEST_PROVIDER = {
  id: { category: "Test", owner: "ThirdParty", provider: "TestProvider", version: "1" },
  description: "Runs the provider's test suite",
  executor: {
    configuration: { jobWorkerExecutorConfiguration: { pollingAccounts: ["123456789012"] } },
    type: "JobWorker",
    jobTimeout: 3600,
  },
  inputArtifactDetails: { minimumCount: 0, maximumCount: 1 },
  outputArtifactDetails: { minimumCount: 0, maximumCount: 1 },
  permissions: { allowedAccounts: ["123456789012"] },
  properties: [
    {
      name: "ProjectName",
      optional: false,
      key: true,
      noEcho: false,
      queryable: true,
      description: "Project to test",
    },
  ],
  urls: { configurationUrl: "https://provider.example/config" },
};

/** A GitHub (version 1) source, the only kind DeregisterWebhookWithThirdParty supports. */
export function gitHubPipeline(name: string): PipelineDeclaration {
  return {
    name,
    roleArn: ROLE,
    artifactStore: { type: "S3", location: "pipewright-artifacts" },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Checkout",
            actionTypeId: { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" },
            configuration: {
              Owner: "octo",
              Repo: "app",
              Branch: "main",
              OAuthToken: "secret",
              PollForSourceChanges: "false",
            },
            outputArtifacts: [{ name: "Src" }],
          },
        ],
      },
      {
        name: "Build",
        actions: [
          {
            name: "Compile",
            actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
            configuration: { ProjectName: "app" },
            inputArtifacts: [{ name: "Src" }],
          },
        ],
      },
    ],
  } as unknown as PipelineDeclaration;
}

/** A V2 pipeline whose Deploy stage is the EC2 action, which deploys to instances (targets). */
export function ec2Pipeline(name: string): PipelineDeclaration {
  return {
    name,
    roleArn: ROLE,
    pipelineType: "V2",
    artifactStore: { type: "S3", location: "pipewright-artifacts" },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Checkout",
            actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
            configuration: { S3Bucket: "bucket", S3ObjectKey: "app.zip", PollForSourceChanges: "false" },
            outputArtifacts: [{ name: "Src" }],
          },
        ],
      },
      {
        name: "Deploy",
        actions: [
          {
            name: "Fleet",
            actionTypeId: { category: "Deploy", owner: "AWS", provider: "EC2", version: "1" },
            configuration: {
              InstanceTagKey: "Name",
              InstanceTagValue: "web",
              InstanceType: "EC2",
              TargetDirectory: "/opt/app",
              PostScript: "scripts/start.sh",
            },
            inputArtifacts: [{ name: "Src" }],
          },
        ],
      },
    ],
  } as unknown as PipelineDeclaration;
}
