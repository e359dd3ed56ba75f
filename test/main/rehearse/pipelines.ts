import type {
  ActionDeclaration,
  PipelineDeclaration,
  StageDeclaration,
} from "../../../shared/pipeline/model";

/**
 * Small V2 pipelines for rehearsal tests. Default simulated durations (main/sandbox/scenario.ts):
 * Source 4 s, Build 60 s, Deploy 40 s, Approval 0 s; rules: CloudWatchAlarm 5 s, VariableCheck 1 s.
 */
export function source(): StageDeclaration {
  return {
    name: "Source",
    actions: [
      {
        name: "Source",
        actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
        configuration: {
          S3Bucket: "amzn-s3-demo-source-bucket",
          S3ObjectKey: "app.zip",
          PollForSourceChanges: "false",
        },
        outputArtifacts: [{ name: "SourceArtifact" }],
        namespace: "SourceVariables",
      },
    ],
  };
}

export function build(extra: Partial<ActionDeclaration> = {}): StageDeclaration {
  return {
    name: "Build",
    actions: [
      {
        name: "Build",
        actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
        configuration: { ProjectName: "app-build" },
        inputArtifacts: [{ name: "SourceArtifact" }],
        outputArtifacts: [{ name: "BuildArtifact" }],
        ...extra,
      },
    ],
  };
}

export function s3Deploy(name: string, configuration: Record<string, string> = {}): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: "Deploy", owner: "AWS", provider: "S3", version: "1" },
    configuration: {
      BucketName: "amzn-s3-demo-destination-bucket",
      Extract: "false",
      ObjectKey: `${name}.zip`,
      ...configuration,
    },
    inputArtifacts: [{ name: "BuildArtifact" }],
  };
}

export function deploy(
  extra: Partial<StageDeclaration> = {},
  actions = [s3Deploy("DeployApp")],
): StageDeclaration {
  return { name: "Deploy", actions, ...extra };
}

export function approval(): StageDeclaration {
  return {
    name: "Approve",
    actions: [
      {
        name: "Approval",
        actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" },
        configuration: { CustomData: "Ship it?" },
      },
    ],
  };
}

export function pipeline(
  stages: StageDeclaration[],
  extra: Partial<PipelineDeclaration> = {},
): PipelineDeclaration {
  return {
    name: "web",
    roleArn: "arn:aws:iam::111122223333:role/service-role/web",
    artifactStore: { type: "S3", location: "amzn-s3-demo-bucket" },
    pipelineType: "V2",
    executionMode: "QUEUED",
    stages,
    ...extra,
  };
}

export const FREEZE_RULE = {
  name: "ChangeFreeze",
  ruleTypeId: { category: "Rule", owner: "AWS", provider: "LambdaInvoke", version: "1" },
  configuration: { FunctionName: "check-change-freeze" },
} as const;
