/** The pipelines the recorded scenarios run: Source -> Build -> (Approval, Test) -> Deploy. */
import { type PipelineDeclaration } from "@aws-sdk/client-codepipeline";

export const ROLE = "arn:aws:iam::123456789012:role/service-role/pipewright-sandbox";

interface Stage {
  name: string;
  actions: Record<string, unknown>[];
}

export function action(
  name: string,
  category: string,
  provider: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { name, actionTypeId: { category, owner: "AWS", provider, version: "1" }, ...extra };
}

export const sourceStage: Stage = {
  name: "Source",
  actions: [
    action("Checkout", "Source", "CodeCommit", {
      configuration: { RepositoryName: "app", BranchName: "main", PollForSourceChanges: "false" },
      outputArtifacts: [{ name: "SourceOutput" }],
      namespace: "SourceVariables",
    }),
  ],
};

export function buildStage(groups: boolean): Stage {
  const compile = action("Compile", "Build", "CodeBuild", {
    configuration: { ProjectName: "app-build" },
    inputArtifacts: [{ name: "SourceOutput" }],
    outputArtifacts: [{ name: "BuildOutput" }],
    namespace: "BuildVariables",
    runOrder: 1,
  });
  if (!groups) return { name: "Build", actions: [compile] };
  return {
    name: "Build",
    actions: [
      compile,
      action("Lint", "Test", "CodeBuild", {
        configuration: { ProjectName: "app-lint" },
        inputArtifacts: [{ name: "SourceOutput" }],
        runOrder: 1,
      }),
      action("Package", "Build", "CodeBuild", {
        configuration: { ProjectName: "app-package" },
        inputArtifacts: [{ name: "BuildOutput" }],
        runOrder: 2,
      }),
    ],
  };
}

export const approvalStage: Stage = {
  name: "Approve",
  actions: [
    action("Review", "Approval", "Manual", {
      configuration: { CustomData: "Check the staging site" },
    }),
  ],
};

export const testStage: Stage = {
  name: "Test",
  actions: [
    action("Smoke", "Test", "CodeBuild", {
      configuration: { ProjectName: "app-smoke" },
      inputArtifacts: [{ name: "BuildOutput" }],
    }),
  ],
};

export const deployStage: Stage = {
  name: "Deploy",
  actions: [
    action("Publish", "Deploy", "S3", {
      configuration: { BucketName: "app-site", Extract: "true" },
      inputArtifacts: [{ name: "BuildOutput" }],
    }),
  ],
};

export function pipeline(
  name: string,
  stages: Stage[],
  extra: Record<string, unknown> = {},
): PipelineDeclaration {
  return {
    name,
    roleArn: ROLE,
    artifactStore: { type: "S3", location: "pipewright-artifacts" },
    stages,
    ...extra,
  } as unknown as PipelineDeclaration;
}
