/** A V2 pipeline with one source action per provider and a build that uses their variables. */
import type { ActionDeclaration, PipelineDeclaration } from "../../../shared/pipeline/model";
import { ROLE } from "./fixtures";

export const CONNECTION_ARN =
  "arn:aws:codestar-connections:us-east-1:123456789012:connection/0f3c1b7e-1111-2222-3333-444455556666";

function source(
  name: string,
  provider: string,
  namespace: string,
  configuration: Record<string, string>,
): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: "Source", owner: "AWS", provider, version: "1" },
    configuration,
    outputArtifacts: [{ name: `${namespace}Out` }],
    namespace,
  };
}

/** Environment variables of the build, one per reference it makes. */
export const REFERENCES: Readonly<Record<string, string>> = {
  VERSION_ID: "#{S3Src.VersionId}",
  ETAG: "#{S3Src.ETag}",
  IMAGE: "#{EcrSrc.ImageURI}",
  COMMIT: "#{CcSrc.CommitId}",
  REPO: "#{ConnSrc.FullRepositoryName}",
  ENV: "#{variables.ENV}",
  RUN: "#{codepipeline.PipelineExecutionId}",
};

/**
 * `extra` is added to the build stage beside the action that uses the variables (e.g. one that
 * references a variable nothing produces).
 */
export function sourcesPipeline(name: string, extra: ActionDeclaration[] = []): PipelineDeclaration {
  const environment = Object.entries(REFERENCES).map(([key, value]) => ({
    name: key,
    value,
    type: "PLAINTEXT",
  }));
  return {
    name,
    roleArn: ROLE,
    pipelineType: "V2",
    executionMode: "QUEUED",
    artifactStore: { type: "S3", location: "pipewright-sandbox-artifacts" },
    variables: [{ name: "ENV", defaultValue: "dev" }],
    stages: [
      {
        name: "Source",
        actions: [
          source("FromS3", "S3", "S3Src", {
            S3Bucket: "releases",
            S3ObjectKey: "app.zip",
            PollForSourceChanges: "false",
          }),
          source("FromEcr", "ECR", "EcrSrc", { RepositoryName: "web", ImageTag: "v2" }),
          source("FromCodeCommit", "CodeCommit", "CcSrc", {
            RepositoryName: "app",
            BranchName: "main",
            PollForSourceChanges: "false",
          }),
          source("FromGitLab", "CodeStarSourceConnection", "ConnSrc", {
            ConnectionArn: CONNECTION_ARN,
            FullRepositoryId: "group/web",
            BranchName: "release",
          }),
        ],
      },
      {
        name: "Build",
        actions: [
          {
            name: "Use",
            actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
            configuration: { ProjectName: "use", EnvironmentVariables: JSON.stringify(environment) },
            inputArtifacts: [{ name: "CcSrcOut" }],
          },
          ...extra,
        ],
      },
    ],
  };
}

/** A build action referencing a variable the CodeCommit source does not produce. */
export const BROKEN: ActionDeclaration = {
  name: "Broken",
  actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
  configuration: {
    ProjectName: "broken",
    EnvironmentVariables: '[{"name":"X","value":"#{CcSrc.NoSuchVariable}"}]',
  },
  inputArtifacts: [{ name: "CcSrcOut" }],
};
