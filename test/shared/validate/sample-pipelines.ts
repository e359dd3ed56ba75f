/**
 * Pipelines the validation tests start from. Each call returns a fresh object, so a test can
 * mutate its copy freely. Only well-known providers (S3, CodeBuild, ECS, Manual, CloudFormation)
 * are used, so the tests do not depend on the rest of the catalog.
 */
export type Json = Record<string, unknown>;

/** A valid V1 pipeline: S3 source → CodeBuild → manual approval, then ECS deploy. */
export function validPipeline(): Json {
  return {
    name: "Demo",
    roleArn: "arn:aws:iam::111122223333:role/PipelineRole",
    artifactStore: { type: "S3", location: "demo-artifacts" },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Source",
            actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
            runOrder: 1,
            configuration: { S3Bucket: "demo-source", S3ObjectKey: "app.zip", PollForSourceChanges: "false" },
            outputArtifacts: [{ name: "SourceOutput" }],
            namespace: "SourceVariables",
          },
        ],
      },
      {
        name: "Build",
        actions: [
          {
            name: "Build",
            actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
            runOrder: 1,
            configuration: { ProjectName: "demo-build" },
            inputArtifacts: [{ name: "SourceOutput" }],
            outputArtifacts: [{ name: "BuildOutput" }],
            namespace: "BuildVariables",
          },
        ],
      },
      {
        name: "Deploy",
        actions: [
          {
            name: "Approve",
            actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" },
            runOrder: 1,
            configuration: {
              CustomData: "Release #{BuildVariables.BUILD_ID} from #{SourceVariables.VersionId}",
            },
          },
          {
            name: "Deploy",
            actionTypeId: { category: "Deploy", owner: "AWS", provider: "ECS", version: "1" },
            runOrder: 2,
            configuration: { ClusterName: "demo", ServiceName: "web", FileName: "imagedefinitions.json" },
            inputArtifacts: [{ name: "BuildOutput" }],
          },
        ],
      },
    ],
  };
}

/** The same pipeline as V2, with a variable, QUEUED mode and a stage condition. */
export function validV2Pipeline(): Json {
  const pipeline = validPipeline();
  pipeline["pipelineType"] = "V2";
  pipeline["executionMode"] = "QUEUED";
  pipeline["variables"] = [{ name: "Environment", defaultValue: "prod" }];
  return pipeline;
}

/** A valid pipeline with `stageCount` stages of `actionsPerStage` actions (first stage: one source). */
export function largePipeline(stageCount: number, actionsPerStage: number): Json {
  const stages: Json[] = [
    {
      name: "Source",
      actions: [
        {
          name: "Source",
          actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
          configuration: { S3Bucket: "demo-source", S3ObjectKey: "app.zip" },
          outputArtifacts: [{ name: "SourceOutput" }],
          namespace: "SourceVariables",
        },
      ],
    },
  ];
  for (let s = 1; s < stageCount; s++) {
    const actions: Json[] = [];
    for (let a = 0; a < actionsPerStage; a++) {
      actions.push({
        name: `Build-${a}`,
        actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
        runOrder: 1 + (a % 3),
        configuration: { ProjectName: `project-${s}-${a}`, PrimarySource: "SourceOutput" },
        inputArtifacts: [{ name: "SourceOutput" }],
        outputArtifacts: [{ name: `Out-${s}-${a}` }],
        namespace: `Build_${s}_${a}`,
      });
    }
    stages.push({ name: `Stage-${s}`, actions });
  }
  return {
    name: "Large",
    roleArn: "arn:aws:iam::111122223333:role/PipelineRole",
    artifactStore: { type: "S3", location: "demo-artifacts" },
    stages,
  };
}
