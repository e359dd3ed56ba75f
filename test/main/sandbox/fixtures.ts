/** Pipelines the sandbox tests deploy: valid by shared/validate, small, one per behaviour. */
import type { PipelineDeclaration } from "../../../shared/pipeline/model";

export const ROLE = "arn:aws:iam::123456789012:role/service-role/pipewright-sandbox";

interface Options {
  name: string;
  executionMode?: "QUEUED" | "SUPERSEDED" | "PARALLEL";
  /** Adds a manual approval stage before Deploy. */
  approval?: { timeoutInMinutes?: number };
  /** Two Build actions in parallel plus a later runOrder group. */
  groups?: boolean;
  variables?: { name: string; defaultValue?: string }[];
}

export function threeStagePipeline(options: Options): PipelineDeclaration {
  const source = {
    name: "Source",
    actions: [
      {
        name: "Checkout",
        actionTypeId: { category: "Source", owner: "AWS", provider: "CodeCommit", version: "1" },
        configuration: { RepositoryName: "app", BranchName: "main", PollForSourceChanges: "false" },
        outputArtifacts: [{ name: "SourceOutput" }],
        namespace: "SourceVariables",
      },
    ],
  } as const;
  const build = {
    name: "Build",
    actions: [
      {
        name: "Compile",
        actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
        configuration: { ProjectName: "app-build" },
        inputArtifacts: [{ name: "SourceOutput" }],
        outputArtifacts: [{ name: "BuildOutput" }],
        runOrder: 1,
      },
      ...(options.groups
        ? [
            {
              name: "Lint",
              actionTypeId: { category: "Test", owner: "AWS", provider: "CodeBuild", version: "1" },
              configuration: { ProjectName: "app-lint" },
              inputArtifacts: [{ name: "SourceOutput" }],
              runOrder: 1,
            },
            {
              name: "Package",
              actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
              configuration: { ProjectName: "app-package" },
              inputArtifacts: [{ name: "BuildOutput" }],
              runOrder: 2,
            },
          ]
        : []),
    ],
  };
  const approval = options.approval
    ? [
        {
          name: "Approve",
          actions: [
            {
              name: "Review",
              actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" },
              ...(options.approval.timeoutInMinutes === undefined
                ? {}
                : { timeoutInMinutes: options.approval.timeoutInMinutes }),
            },
          ],
        },
      ]
    : [];
  const deploy = {
    name: "Deploy",
    actions: [
      {
        name: "Publish",
        actionTypeId: { category: "Deploy", owner: "AWS", provider: "S3", version: "1" },
        configuration: { BucketName: "app-site", Extract: "true" },
        inputArtifacts: [{ name: "BuildOutput" }],
      },
    ],
  };
  const pipeline = {
    name: options.name,
    roleArn: ROLE,
    artifactStore: { type: "S3", location: "pipewright-artifacts" },
    stages: [source, build, ...approval, deploy],
    ...(options.executionMode ? { executionMode: options.executionMode } : {}),
    ...(options.executionMode && options.executionMode !== "SUPERSEDED" ? { pipelineType: "V2" } : {}),
    ...(options.variables ? { pipelineType: "V2", variables: options.variables } : {}),
  };
  return pipeline as unknown as PipelineDeclaration;
}
