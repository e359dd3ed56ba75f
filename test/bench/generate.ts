import type { ActionDeclaration, PipelineDeclaration } from "../../shared/pipeline/model";

/**
 * A valid V2 pipeline with `stageCount` stages and `actionCount` actions spread over them: one S3
 * source, then CodeBuild actions in runOrder groups of three, each consuming the previous stage's
 * first output. Shared by the benchmarks and large-document tests.
 */
export function generatePipeline(
  actionCount: number,
  stageCount = Math.max(2, Math.ceil(actionCount / 10)),
): PipelineDeclaration {
  const stages: PipelineDeclaration["stages"] = [
    {
      name: "Source",
      actions: [
        {
          name: "Source",
          actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
          runOrder: 1,
          configuration: {
            S3Bucket: "amzn-s3-demo-source",
            S3ObjectKey: "app.zip",
            PollForSourceChanges: "false",
          },
          outputArtifacts: [{ name: "SourceArtifact" }],
          namespace: "SourceVariables",
        },
      ],
    },
  ];
  const remaining = actionCount - 1;
  const buildStages = stageCount - 1;
  let previous = "SourceArtifact";
  let made = 0;
  for (let s = 0; s < buildStages; s++) {
    const inStage = Math.floor(remaining / buildStages) + (s < remaining % buildStages ? 1 : 0);
    const actions: ActionDeclaration[] = [];
    for (let a = 0; a < inStage; a++) {
      made++;
      actions.push({
        name: `Build-${s + 1}-${a + 1}`,
        actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
        runOrder: Math.floor(a / 3) + 1,
        configuration: {
          ProjectName: `project-${made}`,
          EnvironmentVariables: `[{"name":"COMMIT","value":"#{SourceVariables.CommitId}","type":"PLAINTEXT"}]`,
        },
        inputArtifacts: [{ name: previous }],
        outputArtifacts: [{ name: `Out${made}` }],
      });
    }
    previous = actions[0]?.outputArtifacts?.[0]?.name ?? previous;
    stages.push({ name: `Stage-${s + 1}`, actions });
  }
  return {
    name: `generated-${actionCount}`,
    roleArn: "arn:aws:iam::111122223333:role/service-role/pipeline",
    artifactStore: { type: "S3", location: "amzn-s3-demo-bucket" },
    stages,
    version: 1,
    executionMode: "QUEUED",
    pipelineType: "V2",
    variables: [{ name: "Env", defaultValue: "prod" }],
  };
}
